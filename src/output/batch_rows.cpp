// The rows of the batch summary (batch_summary.hpp): one analysed agency as
// the สรุปรายหน่วยงาน sheet shows it.
#include <algorithm>

#include "output/batch_summary.hpp"
#include "output/labels.hpp"
#include "text/thai.hpp"

namespace itawb::output {
namespace {

// The issue whose lowest question is the lowest of all, as a clerk reads it.
std::string lowest_issue(const ita::Analysis& a) {
  const ita::IssueResult* worst = nullptr;
  for (const auto& issue : a.issues)
    if (!issue.lowest.empty() && (!worst || issue.lowest.front().score < worst->lowest.front().score)) worst = &issue;
  if (!worst) return "";
  const auto& q = worst->lowest.front();
  return "ประเด็นที่ " + text::thai_digits(std::to_string(worst->number)) + " " + worst->name_th + " (" +
         display_code(q.code) + " " + text::thai_digits(text::format_fixed(q.score, 2)) + ")";
}

}  // namespace

BatchRow batch_row(const ita::Analysis& a, const model::AgencyWorkbook& model, const plan::PlanResult* plan,
                   const Findings& findings, const plan::DepartmentTable& departments, std::string file,
                   std::string output) {
  BatchRow row;
  const model::Agency& agency = model.agency;
  row.file = std::move(file);
  row.output = std::move(output);
  row.province = agency.province;
  row.district = agency.district;
  row.agency = agency.name;
  row.type = agency.type;
  if (row.type.empty())
    if (const auto* type = departments.agency_type(agency.name)) row.type = type->short_name;
  auto tool = [&](model::Tool t) -> std::optional<double> {
    const auto it = a.scores.tools.find(t);
    return it == a.scores.tools.end() ? std::nullopt : it->second.score;
  };
  row.iit = tool(model::Tool::IIT);
  row.eit = tool(model::Tool::EIT);
  row.oit = tool(model::Tool::OIT);
  row.total = a.scores.overall.score;
  row.previous = a.scores.overall.previous;
  row.change = a.scores.overall.change;
  if (row.total) row.level = a.scores.level;
  row.lowest_issue = lowest_issue(a);
  row.urgent = static_cast<int>(std::count_if(a.deficiencies.begin(), a.deficiencies.end(),
                                              [](const auto& d) { return d.category == ita::Category::Urgent; }));
  if (plan) {
    row.measures = static_cast<int>(plan->measures.size());
    if (plan->overall.total > 0) row.completion = plan->overall.percent;
  }
  row.errors = static_cast<int>(findings.error_count());
  row.warnings = static_cast<int>(findings.warning_count());
  return row;
}

std::vector<std::string> level_names(const std::set<const model::Framework*>& used) {
  std::vector<const model::Framework*> frameworks(used.begin(), used.end());
  std::sort(frameworks.begin(), frameworks.end(), [](const auto* a, const auto* b) { return a->year > b->year; });
  std::vector<std::string> levels;
  for (const auto* f : frameworks)
    for (const auto& band : f->levels)
      if (std::find(levels.begin(), levels.end(), band.name_th) == levels.end()) levels.push_back(band.name_th);
  return levels;
}

}  // namespace itawb::output

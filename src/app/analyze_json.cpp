// The --json document of `analyze`: one object a script can rely on.
// Scores are rounded to the two decimals ITAS prints; absent values are null.
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/analyze.hpp"
#include "ita/scoring.hpp"
#include "output/plan_sheets.hpp"
#include "output/validation_report.hpp"
#include "text/thai.hpp"

namespace itawb::app {
namespace {

using nlohmann::json;

json score(std::optional<double> v) { return v ? json(text::round_to(*v, 2)) : json(nullptr); }

json pair_json(const ita::ScorePair& p) {
  return {{"score", score(p.score)}, {"previous", score(p.previous)}, {"change", score(p.change)}};
}

json agency_json(const model::Agency& a) {
  return {{"name", a.name},
          {"district", a.district},
          {"province", a.province},
          {"assessment_year", a.assessment_year ? json(a.assessment_year) : json(nullptr)},
          {"plan_year", a.plan_year ? json(a.plan_year) : json(nullptr)}};
}

json items_json(const std::vector<ita::RankedItem>& items) {
  json out = json::array();
  for (const auto& it : items)
    out.push_back({{"code", text::ascii_lower(it.code)}, {"text", it.text}, {"score", score(it.score)}});
  return out;
}

json analysis_json(const ita::Analysis& a) {
  json doc;
  const auto& s = a.scores;
  doc["overall"] = pair_json(s.overall);
  doc["overall"]["level"] = s.level;
  doc["overall"]["level_en"] = s.level_en;
  doc["overall"]["previous_level"] = s.previous_level ? json(*s.previous_level) : json(nullptr);
  doc["overall"]["reported"] = score(s.reported ? s.reported : a.agency.reported_total);
  doc["overall"]["reported_level"] =
      a.agency.reported_level.empty() ? json(nullptr) : json(a.agency.reported_level);
  // The one rule of the summary sheet and the level-mismatch warning (ita::same_level).
  const auto same = ita::same_level(a.agency.reported_level, s);
  doc["overall"]["reported_level_matches"] = same ? json(*same) : json(nullptr);
  // The total with every indicator recomputed from its questions/items: it
  // names a typing slip when it, not `score`, matches the published total.
  doc["overall"]["recomputed"] = score(s.recomputed_total);

  doc["tools"] = json::object();
  for (const auto& [tool, pair] : s.tools) doc["tools"][model::to_string(tool)] = pair_json(pair);

  doc["indicators"] = json::array();
  for (const auto& ind : s.indicators) {
    json j = pair_json(ind.value);
    j["number"] = ind.number;
    j["name"] = ind.name;
    j["tool"] = model::to_string(ind.tool);
    j["computed"] = score(ind.computed);
    j["computed_partial"] = ind.computed_partial;
    doc["indicators"].push_back(std::move(j));
  }

  doc["question_level"] = a.question_level;
  doc["issues"] = json::array();
  for (const auto& issue : a.issues)
    doc["issues"].push_back({{"number", issue.number},
                             {"name", issue.name_th},
                             {"name_en", issue.name_en},
                             {"lowest", items_json(issue.lowest)},
                             {"oit", items_json(issue.oit)}});

  doc["deficiencies"] = json::array();
  for (const auto& d : a.deficiencies)
    doc["deficiencies"].push_back({{"issue", d.issue},
                                   {"code", text::ascii_lower(d.code)},
                                   {"score", score(d.score)},
                                   {"category", ita::to_string(d.category)},
                                   {"category_th", ita::category_th(d.category)}});
  if (a.framework)
    doc["framework"] = {{"year", a.framework->year},
                        {"assumed", a.framework->assumed},
                        {"assumed_from", a.framework->assumed ? json(a.framework->assumed_from) : json(nullptr)}};
  return doc;
}

}  // namespace

std::string to_json(const AnalyzeResult& r, int indent) {
  json doc;
  if (r.analysis) doc = analysis_json(*r.analysis);
  doc["agency"] = agency_json(r.analysis ? r.analysis->agency : r.model.agency);
  if (!r.analysis) {
    for (const char* key : {"overall", "tools"}) doc[key] = nullptr;
    for (const char* key : {"indicators", "issues", "deficiencies"}) doc[key] = json::array();
  }
  doc["valid"] = !r.findings.has_errors();
  doc["output"] = r.output.empty() ? json(nullptr) : json(r.output.string());
  // The output's sheets in order, and which of them analyze makes (the rest
  // are the agency's own, carried over): a host that inserts results into the
  // open workbook (the Excel task pane) takes only the generated ones.
  doc["sheets"] = json::array();
  for (const std::string& name : r.sheets)
    doc["sheets"].push_back({{"name", name}, {"generated", is_generated_sheet(name)}});
  doc["findings"] = json::parse(output::findings_json(r.findings));
  json suppressed = json::object();
  for (const auto& [key, count] : r.findings.suppressed()) suppressed[key] = count;
  doc["summary"] = {{"errors", r.findings.error_count()},
                    {"warnings", r.findings.warning_count()},
                    {"suppressed", suppressed}};
  if (r.plan) {
    doc["measures"] = json::parse(output::measures_json(*r.plan));
    doc["progress"] = json::parse(output::progress_json(*r.plan));
    doc["uncovered_urgent"] = r.plan->uncovered_urgent;
  }
  return doc.dump(indent);
}

std::string findings_table(const Findings& findings, const std::string& lang) {
  std::ostringstream out;
  for (const auto& f : findings.items()) {
    std::string where = f.location();
    if (where.empty()) where = f.file;
    out << to_string(f.severity) << "\t" << where << "\t" << f.code << "\t"
        << (lang == "en" ? f.message_en : f.message_th) << "\n";
  }
  for (const auto& [key, count] : findings.suppressed())
    out << "…\t" << key << "\t" << count << (lang == "en" ? " more" : " รายการเพิ่มเติม") << "\n";
  return out.str();
}

}  // namespace itawb::app

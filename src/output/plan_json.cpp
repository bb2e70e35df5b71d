// The plan's part of `analyze --json` (see plan_sheets.hpp). The JSON library
// stays inside this file: callers get the serialized text.
#include <nlohmann/json.hpp>

#include "output/plan_sheets.hpp"
#include "text/thai.hpp"

namespace itawb::output {
namespace {

using nlohmann::json;

json measures_doc(const plan::PlanResult& plan) {
  json out = json::array();
  for (const auto& m : plan.measures) {
    json reports = json::array();
    for (const auto& r : m.reports)
      reports.push_back({{"department", r.department},
                         {"status", r.status ? json(plan::to_string(*r.status)) : json("not-reported")},
                         {"quarter", r.quarter > 0 ? json(r.quarter) : json(nullptr)},
                         {"whole_measure", r.whole_measure},
                         {"standing", plan::to_string(r.standing)}});
    out.push_back({{"id", m.input.id},
                   {"issue", m.input.issue > 0 ? json(m.input.issue) : json(nullptr)},
                   {"measure", m.input.measure},
                   {"owners", m.departments},
                   {"quarters", m.timeframe.ok() ? plan::quarter_list(m.timeframe.quarters) : std::vector<int>{}},
                   {"status", m.status ? json(plan::to_string(*m.status)) : json(nullptr)},
                   {"reports", reports},
                   {"overdue", m.overdue},
                   {"due", m.due},
                   {"standing", plan::to_string(m.standing)},
                   {"reports_after_as_of", m.after_as_of.size()},
                   {"proposed", m.input.proposed}});
  }
  return out;
}

// A tally's figures: the whole year (total, completion) and what is due by
// the date (due, completion_due); the statuses count what is due.
json tally_doc(const plan::Tally& t) {
  return {{"completion", text::round_to(t.percent, 2)},
          {"completion_due", t.due ? json(text::round_to(t.due_percent, 2)) : json(nullptr)},
          {"meets_target", t.due ? json(t.due_meets_target) : json(nullptr)},
          {"done", t.done},
          {"in_progress", t.in_progress},
          {"not_started", t.not_started},
          {"not_reported", t.no_status},
          {"overdue", t.overdue},
          {"due", t.due},
          {"not_yet_due", t.not_yet_due},
          {"total", t.total}};
}

// progress: the agency by measures (each once) at the top level, the
// departments by their parts in by_owner, and department_total = the sum of
// by_owner and of the measures without a department (the table's total row).
json progress_doc(const plan::PlanResult& plan) {
  json by_owner = json::object();
  for (const auto& d : plan.departments) by_owner[d.department] = tally_doc(d.tally);
  json doc = tally_doc(plan.overall);
  doc["overdue_count"] = plan.overall.overdue;
  doc["overdue"] = plan.overdue_ids;
  doc["as_of"] = plan.as_of.date.iso();
  doc["current_quarter"] = plan.as_of.phase == plan::PlanPhase::During ? json(plan.as_of.quarter) : json(nullptr);
  doc["target"] = plan.target_percent;
  doc["by_owner"] = by_owner;
  doc["unassigned"] = tally_doc(plan.unassigned);
  doc["department_total"] = tally_doc(plan.parts);
  return doc;
}

}  // namespace

std::string measures_json(const plan::PlanResult& plan, int indent) { return measures_doc(plan).dump(indent); }
std::string progress_json(const plan::PlanResult& plan, int indent) { return progress_doc(plan).dump(indent); }

}  // namespace itawb::output

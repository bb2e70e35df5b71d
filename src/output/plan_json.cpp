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
                         {"whole_measure", r.whole_measure}});
    out.push_back({{"id", m.input.id},
                   {"issue", m.input.issue > 0 ? json(m.input.issue) : json(nullptr)},
                   {"measure", m.input.measure},
                   {"owners", m.departments},
                   {"quarters", m.timeframe.ok() ? plan::quarter_list(m.timeframe.quarters) : std::vector<int>{}},
                   {"status", m.status ? json(plan::to_string(*m.status)) : json(nullptr)},
                   {"reports", reports},
                   {"overdue", m.overdue},
                   {"proposed", m.input.proposed}});
  }
  return out;
}

json progress_doc(const plan::PlanResult& plan) {
  json by_owner = json::object();
  for (const auto& d : plan.departments)
    by_owner[d.department] = {{"completion", text::round_to(d.tally.percent, 2)},
                              {"done", d.tally.done},
                              {"in_progress", d.tally.in_progress},
                              {"not_started", d.tally.not_started},
                              {"not_reported", d.tally.no_status},
                              {"overdue", d.tally.overdue},
                              {"total", d.tally.total}};
  return {{"as_of", plan.as_of.date.iso()},
          {"current_quarter", plan.as_of.phase == plan::PlanPhase::During ? json(plan.as_of.quarter)
                                                                           : json(nullptr)},
          {"completion", text::round_to(plan.overall.percent, 2)},
          {"target", plan.target_percent},
          {"done", plan.overall.done},
          {"total", plan.overall.total},
          {"by_owner", by_owner},
          {"overdue", plan.overdue_ids}};
}

}  // namespace

std::string measures_json(const plan::PlanResult& plan, int indent) { return measures_doc(plan).dump(indent); }
std::string progress_json(const plan::PlanResult& plan, int indent) { return progress_doc(plan).dump(indent); }

}  // namespace itawb::output

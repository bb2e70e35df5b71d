// The one list of the sheets `analyze` writes itself: their names, their
// order in the output, when each applies, and the function that fills it.
// `analyze` writes from this table, lists the written sheets from it, and
// recognises them from it, by their exact names, when an output is analysed
// again (they are replaced, never carried over as "X (2)").
//
// A new output sheet: write its writer (one .cpp in output/, declared in
// sheets.hpp or plan_sheets.hpp) and add one row to the table in
// registry.cpp. Nothing else lists sheet names.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/finding.hpp"
#include "ita/analysis.hpp"
#include "model/records.hpp"
#include "plan/plan.hpp"
#include "text/thai.hpp"
#include "xlsx/writer.hpp"

namespace itawb::output {

// What a sheet needs to apply: scores in the workbook (a measures-only
// workbook gets no score tables), the plan, either (the memo), or nothing
// (the findings).
enum class SheetNeeds { Scores, Plan, ScoresOrPlan, Nothing };

// Everything an output sheet may be written from.
struct SheetInputs {
  const ita::Analysis& analysis;
  const model::AgencyWorkbook& workbook;    // the model the analysis and plan were built from
  const plan::PlanResult* plan = nullptr;   // null when the plan step did not run
  const Findings& findings;                 // validation, scoring and plan findings
  const std::set<std::string>& linked_sheets;  // input sheets carried into the output (link targets)
  text::DigitStyle digits = text::DigitStyle::Thai;  // of every text on the written sheets
};

// True when the workbook gave scores (indicators or questions): else the
// score sheets (SheetNeeds::Scores) are not written.
bool has_scores(const SheetInputs& in);

struct OutputSheet {
  const char* name;
  int order;         // position in the output, lowest first
  SheetNeeds needs;  // Scores: only with scores; Plan: only when the plan step ran
  bool active;       // the sheet the workbook opens on
  void (*write)(xlsx::SheetWriter& ws, const SheetInputs& in);
};

// The registry, sorted by `order`.
const std::vector<OutputSheet>& output_sheets();

// True when `sheet` is written for these inputs.
bool applies(const OutputSheet& sheet, const SheetInputs& in);

// Adds every applicable sheet in order (the `active` one is activated) and
// returns their names, in that order. A sheet named in `later` is added in
// its place but left empty, for write_output_sheet() once what it shows is
// known (the findings, after the carried sheets add theirs).
std::vector<std::string> write_output_sheets(xlsx::WorkbookWriter& out, const SheetInputs& in,
                                             const std::set<std::string>& later = {});
// Writes the added sheet `name` left for later (nothing when it was not added).
void write_output_sheet(xlsx::WorkbookWriter& out, const SheetInputs& in, const std::string& name);

// The registered sheet named exactly `name` (as the writer names it); null
// when none. A copy Excel makes ("บันทึกข้อความ (2)") or a name that only
// looks like one ("บันทึกข้อความ ") is the agency's own sheet.
const OutputSheet* find_output_sheet(std::string_view name);

// True for any registered sheet name: such sheets are replaced, never carried over.
bool is_generated_sheet(std::string_view name);
// True for a registered result sheet (scores or findings) / plan sheet.
bool is_result_sheet(std::string_view name);
bool is_plan_sheet(std::string_view name);

}  // namespace itawb::output

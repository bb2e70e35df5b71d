#include "output/registry.hpp"

#include <algorithm>

#include "output/plan_sheets.hpp"
#include "output/sheets.hpp"
#include "text/thai.hpp"

namespace itawb::output {
namespace {

void memo(xlsx::SheetWriter& ws, const SheetInputs& in) { write_memo(ws, in); }
void summary(xlsx::SheetWriter& ws, const SheetInputs& in) { write_summary(ws, in.analysis); }
void issues(xlsx::SheetWriter& ws, const SheetInputs& in) { write_issues(ws, in.analysis); }
void deficiencies(xlsx::SheetWriter& ws, const SheetInputs& in) { write_deficiencies(ws, in.analysis); }
void measures(xlsx::SheetWriter& ws, const SheetInputs& in) { write_measures_sheet(ws, *in.plan, in.workbook); }
void progress(xlsx::SheetWriter& ws, const SheetInputs& in) { write_progress_sheet(ws, *in.plan, in.workbook); }
void findings(xlsx::SheetWriter& ws, const SheetInputs& in) {
  write_findings(ws, in.analysis.agency, in.findings, in.linked_sheets);
}

// The registry. The layout follows a real agency's analysis document (seed
// 000): scores, issues, deficiencies, then the plan, then the findings last.
std::vector<OutputSheet> make_registry() {
  std::vector<OutputSheet> sheets{
      // The memo opens the printed report, as the agencies send it (seed 002).
      {kMemoSheet, 5, SheetNeeds::ScoresOrPlan, false, memo},
      {kSummarySheet, 10, SheetNeeds::Scores, true, summary},
      {kIssuesSheet, 20, SheetNeeds::Scores, false, issues},
      {kDeficienciesSheet, 30, SheetNeeds::Scores, false, deficiencies},
      // มาตรการ reads back as the input's measures sheet: analysing an output
      // rewrites it from the plan instead of carrying the old one over.
      {kMeasuresSheet, 40, SheetNeeds::Plan, false, measures},
      {kProgressGridSheet, 50, SheetNeeds::Plan, false, progress},
      {kFindingsSheet, 60, SheetNeeds::Nothing, false, findings},
  };
  std::stable_sort(sheets.begin(), sheets.end(),
                   [](const OutputSheet& a, const OutputSheet& b) { return a.order < b.order; });
  return sheets;
}

}  // namespace

const std::vector<OutputSheet>& output_sheets() {
  static const std::vector<OutputSheet> sheets = make_registry();
  return sheets;
}

bool has_scores(const SheetInputs& in) {
  return !in.workbook.indicators.empty() || !in.workbook.questions.empty();
}

bool applies(const OutputSheet& sheet, const SheetInputs& in) {
  switch (sheet.needs) {
    case SheetNeeds::Scores: return has_scores(in);
    case SheetNeeds::Plan: return in.plan != nullptr;
    case SheetNeeds::ScoresOrPlan: return has_scores(in) || in.plan != nullptr;
    case SheetNeeds::Nothing: return true;
  }
  return true;
}

std::vector<std::string> write_output_sheets(xlsx::WorkbookWriter& out, const SheetInputs& in,
                                             const std::set<std::string>& later) {
  std::vector<std::string> written;
  for (const auto& sheet : output_sheets()) {
    if (!applies(sheet, in)) continue;
    auto& ws = out.add_sheet(sheet.name);
    ws.digits(in.digits);
    if (!later.count(std::string(sheet.name))) sheet.write(ws, in);
    if (sheet.active) ws.activate();
    written.emplace_back(sheet.name);
  }
  return written;
}

void write_output_sheet(xlsx::WorkbookWriter& out, const SheetInputs& in, const std::string& name) {
  const OutputSheet* sheet = find_output_sheet(name);
  xlsx::SheetWriter* ws = out.sheet(name);
  if (sheet && ws) sheet->write(*ws, in);
}

const OutputSheet* find_output_sheet(std::string_view name) {
  // Exactly the name the writer gives: "บันทึกข้อความ (2)" or "บันทึกข้อความ "
  // is the agency's own sheet (Excel names a copy so), carried, never replaced.
  for (const auto& sheet : output_sheets())
    if (name == sheet.name) return &sheet;
  return nullptr;
}

bool is_generated_sheet(std::string_view name) { return find_output_sheet(name) != nullptr; }

bool is_result_sheet(std::string_view name) {
  const OutputSheet* sheet = find_output_sheet(name);
  return sheet && sheet->needs != SheetNeeds::Plan;
}

bool is_plan_sheet(std::string_view name) {
  const OutputSheet* sheet = find_output_sheet(name);
  return sheet && sheet->needs == SheetNeeds::Plan;
}

}  // namespace itawb::output

// The plan sheets `analyze` writes from plan::PlanResult, for the officer and
// the supervisor:
//
//   มาตรการ                 the measures with the standard columns first (so the
//                           output reads back as the measures sheet: an officer
//                           edits it and runs analyze again), then the parsed
//                           quarters as ticks, the departments, the latest
//                           status, overdue, and whether the row is a proposal
//                           from the catalog (shaded, for the officer to edit).
//                           It replaces the input's measures sheet: the pipeline
//                           skips that sheet when carrying the input over.
//   ความก้าวหน้ารายไตรมาส    measure × quarter grid coloured by status, planned
//                           quarters shaded, overdue measures first, the current
//                           quarter marked; per-department completion against
//                           the target (80 %); and plain Thai sentences to paste
//                           into the covering memo (บันทึกข้อความ), Thai digits and
//                           a Thai long date with the Buddhist-era year.
// Both print on A4 landscape with the agency, the period and the page number.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/records.hpp"
#include "plan/plan.hpp"
#include "xlsx/writer.hpp"

namespace itawb::output {

inline constexpr const char* kMeasuresSheet = "มาตรการ";
inline constexpr const char* kProgressGridSheet = "ความก้าวหน้ารายไตรมาส";

// Layout of the มาตรการ sheet (zero-based), for tests and the pipeline.
inline constexpr uint32_t kMeasuresHeaderRow = 2;
inline constexpr uint32_t kGridHeaderRow = 3;

// Status fills: done, in progress, not started; planned quarter not reported.
inline constexpr uint32_t kDoneFill = 0xC6EFCE;
inline constexpr uint32_t kInProgressFill = 0xFFEB9C;
inline constexpr uint32_t kNotStartedFill = 0xF4B6B0;
inline constexpr uint32_t kPlannedFill = 0xDDEBF7;
inline constexpr uint32_t kNotReportedFill = 0xD9D9D9;  // a planned quarter that is over without a report
inline constexpr uint32_t kProposalFill = 0xFFF2CC;

// `workbook` is the model the plan was built from (its agency, and the
// progress rows the plan's indices point into).
void write_measures_sheet(xlsx::SheetWriter& ws, const plan::PlanResult& plan, const model::AgencyWorkbook& workbook);
void write_progress_sheet(xlsx::SheetWriter& ws, const plan::PlanResult& plan, const model::AgencyWorkbook& workbook);
// The headers of the columns the มาตรการ sheet adds after the schema's
// (planned quarters, departments, status, source, and those of older
// versions), as written before the page's digit style: an output analysed
// again does not take them for the agency's own columns.
std::vector<std::string> measures_plan_titles();
// How many columns the มาตรการ sheet has for a model read with `schema`.
uint32_t measures_sheet_columns(const schema::SheetSchema* schema);
// Adds both sheets, in that order.
void write_plan_sheets(xlsx::WorkbookWriter& out, const plan::PlanResult& plan, const model::AgencyWorkbook& workbook);

// "ปีงบประมาณ พ.ศ. ๒๕๖๘": the plan's fiscal year as the sheets name it.
std::string period_of(const plan::PlanResult& plan);
// "๘๗.๕๐" and "๗": figures inside Thai sentences.
std::string percent_th(double p);
std::string count_th(int n);

// "๒๑ ตุลาคม ๒๕๖๘": a Thai long date, Buddhist-era year, Thai digits.
std::string thai_long_date(const calendar::Date& d);

// The memo sentences, in order (plain Thai, Thai digits): completion of the
// whole year and of what is due; departments below the target or not
// reported only among what is due for them; before anything is due, only
// that the measures are not yet due (ยังไม่ถึงกำหนด).
std::vector<std::string> memo_sentences(const plan::PlanResult& plan);
// The departments the memo proposes to press (เร่งรัด): those with a part
// overdue or due and not reported. Empty: no pressing.
std::vector<std::string> departments_to_press(const plan::PlanResult& plan);

// --json additions for analyze, as serialized JSON text (output/plan_json.cpp):
//   measures: [{id, issue, measure, owners[], quarters[], status, overdue, proposed}]
//   progress: {as_of, current_quarter, completion, target, done, total,
//              by_owner{NAME: {completion, done, total, due, ...}}, overdue[ids],
//              due, not_yet_due, completion_due, ... and department_total}
//   (plan_json.cpp lists every field)
// `indent` as nlohmann::json::dump: -1 compact (the default), n spaces.
std::string measures_json(const plan::PlanResult& plan, int indent = -1);
std::string progress_json(const plan::PlanResult& plan, int indent = -1);

}  // namespace itawb::output

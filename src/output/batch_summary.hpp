// The batch summary workbook (สรุปผลการประเมิน-รวม.xlsx): what a provincial
// office needs from a province's or the nation's agency workbooks.
//
//   สรุปรายหน่วยงาน   a row per agency, sorted by province then agency, filterable
//   รายจังหวัด        per province: agencies at each level (count and share),
//                     the share at 85 or above, and the nation's total row
//   ภาพรวม            the national distribution and the accounting of inputs
//   แผนภูมิ           a chart of the levels per province
//   ไฟล์ที่มีปัญหา      the files refused with their reason, the files analysed
//                     with errors, and agencies that appear in more than one file
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/finding.hpp"
#include "ita/analysis.hpp"
#include "model/framework.hpp"
#include "model/records.hpp"
#include "plan/owners.hpp"
#include "plan/plan.hpp"
#include "xlsx/writer.hpp"

namespace itawb::output {

// One analysed agency, as the summary shows it.
struct BatchRow {
  std::string file;    // the input as the user knows it ("เมือง.zip/อบต.ก.xlsx")
  std::string output;  // the written workbook ("" when none: --summary-only)
  std::string province, district, agency, type;
  std::optional<double> iit, eit, oit, total, previous, change;
  std::string level;         // "" when the workbook has no scores
  std::string lowest_issue;  // the issue of the lowest question: "ประเด็นที่ ๓ … (e9 72.50)"
  int urgent = 0;            // urgent deficiencies
  int measures = 0;
  std::optional<double> completion;  // percent of measures done (none without measures)
  int errors = 0, warnings = 0;      // findings of the check
};

struct BatchRefusal {
  std::string file;
  std::string reason;
};

struct BatchSummary {
  std::vector<BatchRow> rows;          // in the order they are listed
  std::vector<BatchRefusal> refused;
  std::vector<std::string> levels;     // level names, best first
  double pass_mark = 85.0;             // the national target: a total at or above it
  size_t inputs = 0;
  double seconds = 0;
  std::string as_of;                   // the date progress is counted at, as shown
};

// The summary's row of one analysed agency (output/batch_rows.cpp): its
// figures, the issue of its lowest question, its urgent deficiencies, its
// plan's completion, its findings' counts; the type of agency from the
// workbook or else from the start of its name (`departments`).
BatchRow batch_row(const ita::Analysis& analysis, const model::AgencyWorkbook& model, const plan::PlanResult* plan,
                   const Findings& findings, const plan::DepartmentTable& departments, std::string file,
                   std::string output);

// The level names of the frameworks used, best first (the newest year's
// order, then any other year's names not in it).
std::vector<std::string> level_names(const std::set<const model::Framework*>& used);

// Agencies in more than one file: each group's rows (indexes into `rows`),
// by province and agency name (compared as labels: spaces and case folded).
std::vector<std::vector<size_t>> duplicate_agencies(const std::vector<BatchRow>& rows);

// Writes the sheets above into `wb`. Provinces are listed in the order
// their first rows come. File names are written as they are; counts in text
// with Thai digits.
void write_batch_summary(xlsx::WorkbookWriter& wb, const BatchSummary& summary);

}  // namespace itawb::output

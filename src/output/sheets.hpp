// The result sheets `analyze` writes, in the layout of a real agency's
// analysis document (seed 000): the score table, the issues with their
// lowest questions, the deficiencies by category, and the findings.
// Each writer fills one sheet and sets it up for printing on A4.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/finding.hpp"
#include "ita/analysis.hpp"
#include "xlsx/writer.hpp"

namespace itawb::output {

inline constexpr const char* kSummarySheet = "สรุปผลการประเมิน";
inline constexpr const char* kIssuesSheet = "วิเคราะห์รายประเด็น";
inline constexpr const char* kDeficienciesSheet = "ข้อบกพร่อง";
inline constexpr const char* kFindingsSheet = "ตรวจสอบข้อมูล";

// The names above, in the order they are written.
const std::vector<std::string>& result_sheet_names();
// True for a result sheet name, also with the " (2)" suffix a writer adds to
// a duplicate: such sheets are replaced, never carried over.
bool is_result_sheet(std::string_view name);

// สรุปผลการประเมิน: tools, ten indicators, total and level, both years.
void write_summary(xlsx::SheetWriter& ws, const ita::Analysis& analysis);

// วิเคราะห์รายประเด็น: the seven issues, lowest IIT/EIT questions and OIT
// items below 100 beside them.
void write_issues(xlsx::SheetWriter& ws, const ita::Analysis& analysis);

// ข้อบกพร่อง: deficiencies by issue, rows coloured by category, with a legend.
void write_deficiencies(xlsx::SheetWriter& ws, const ita::Analysis& analysis);

// ตรวจสอบข้อมูล: every finding; the location links to the cell when its
// sheet is among `linked_sheets` (the sheets carried into the output).
void write_findings(xlsx::SheetWriter& ws, const model::Agency& agency, const Findings& findings,
                    const std::set<std::string>& linked_sheets);

// "internal:'คะแนนรายข้อ'!C7" (quotes inside the name doubled).
std::string internal_link(const std::string& sheet, const std::string& cell);

// Adds the four result sheets in order; the summary is made the active sheet.
void write_result_sheets(xlsx::WorkbookWriter& out, const ita::Analysis& analysis,
                         const Findings& findings, const std::set<std::string>& linked_sheets);

}  // namespace itawb::output

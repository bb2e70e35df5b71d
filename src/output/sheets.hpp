// The result sheets `analyze` writes, in the layout of a real agency's
// analysis document (seed 000): the score table, the issues with their
// lowest questions, the deficiencies by category, and the findings.
// Each writer fills one sheet and sets it up for printing on A4. Their order
// in the output, and which sheets are generated at all, is output/registry.hpp.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/finding.hpp"
#include "ita/analysis.hpp"
#include "output/registry.hpp"
#include "xlsx/writer.hpp"

namespace itawb::output {

inline constexpr const char* kSummarySheet = "สรุปผลการประเมิน";
inline constexpr const char* kIssuesSheet = "วิเคราะห์รายประเด็น";
inline constexpr const char* kDeficienciesSheet = "ข้อบกพร่อง";
inline constexpr const char* kFindingsSheet = "ตรวจสอบข้อมูล";
inline constexpr const char* kMemoSheet = "บันทึกข้อความ";

// บันทึกข้อความ: the covering memo to the chief executive (output/memo.cpp),
// from the scores, the plan or both.
void write_memo(xlsx::SheetWriter& ws, const SheetInputs& in);

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

}  // namespace itawb::output

#include <regex>

#include "output/sheets.hpp"
#include "text/thai.hpp"

namespace itawb::output {

const std::vector<std::string>& result_sheet_names() {
  static const std::vector<std::string> names{kSummarySheet, kIssuesSheet, kDeficienciesSheet,
                                              kFindingsSheet};
  return names;
}

bool is_result_sheet(std::string_view name) {
  // "สรุปผลการประเมิน (2)": the writer's suffix for a duplicate name.
  static const std::regex suffix(R"( \(\d+\)$)");
  const std::string base = std::regex_replace(std::string(name), suffix, "");
  const std::string key = text::label_key(base);
  for (const auto& n : result_sheet_names())
    if (text::label_key(n) == key) return true;
  return false;
}

void write_result_sheets(xlsx::WorkbookWriter& out, const ita::Analysis& analysis,
                         const Findings& findings, const std::set<std::string>& linked_sheets) {
  auto& summary = out.add_sheet(kSummarySheet);
  write_summary(summary, analysis);
  summary.activate();
  write_issues(out.add_sheet(kIssuesSheet), analysis);
  write_deficiencies(out.add_sheet(kDeficienciesSheet), analysis);
  write_findings(out.add_sheet(kFindingsSheet), analysis.agency, findings, linked_sheets);
}

}  // namespace itawb::output

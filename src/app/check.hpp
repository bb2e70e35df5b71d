// The one check of a workbook, the same in every command: validate, analyze,
// split and merge all read a workbook through check_workbook and so report
// the same findings for it.
//
// The finding rule (README "Findings"): an error is something that would make
// a figure wrong (a score outside 0–100, a duplicated indicator, a measure id
// used twice, a date that is not a date); a gap a person left in a plan (a
// blank timeframe, a blank or `-` result, a blank owner, an unknown status
// word) is a warning on its cell. Which problem of which field is which is
// data: `x-severity` in schemas/sheets/*.schema.json. Nothing stops the
// check: rows and cells with errors are left out of the figures they would
// feed, everything else is analysed and planned.
#pragma once

#include <optional>
#include <string>

#include "app/resources.hpp"
#include "base/finding.hpp"
#include "calendar/calendar.hpp"
#include "ita/analysis.hpp"
#include "model/load.hpp"
#include "output/validation_report.hpp"
#include "plan/plan.hpp"
#include "xlsx/reader.hpp"

namespace itawb::app {

struct CheckOptions {
  std::string file_label;           // how findings name the file (default: the path)
  std::optional<int> year;          // --year: framework year instead of ปีที่ประเมิน
  std::optional<calendar::Date> as_of;  // date progress is counted at (default today)
};

struct Checked {
  model::AgencyWorkbook model;
  const model::Framework* framework = nullptr;
  std::optional<ita::Analysis> analysis;  // absent only when no framework fits the workbook
  std::optional<plan::PlanResult> plan;   // present whenever analysis is
  Findings findings;                      // reading, scoring and plan, in that order
  // 0 when no finding is an error, else 1: the same as JSON `valid`.
  int exit_code() const { return findings.has_errors() ? 1 : 0; }
};

// Reads, validates, scores and plans. Never throws for what the workbook says.
Checked check_workbook(const Resources& resources, const xlsx::Workbook& workbook, const CheckOptions& options);

// `itawb validate` for one file: the findings check_workbook reports, so
// validate and analyze never disagree; a FileError becomes an unreadable report.
// `limits`: the reader's (xlsx::Limits::large() for --large-files).
output::FileReport validate_file(const Resources& resources, const std::string& path,
                                 std::optional<int> year = std::nullopt, const xlsx::Limits& limits = {});

// --as-of read as a date ("15/1/2568", "2025-01-15"; today when absent).
// Throws itawb::Error "usage".
calendar::Date as_of_date(const std::optional<std::string>& as_of);

}  // namespace itawb::app

// split and merge on files: reading the master, writing one workbook per
// department, and writing the merged master (its sheets carried over, the
// progress sheet replaced, what was not merged listed). The rules live in
// plan/exchange.hpp; this layer only reads and writes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "text/thai.hpp"
#include "base/error.hpp"
#include "base/finding.hpp"
#include "app/resources.hpp"
#include "calendar/calendar.hpp"
#include "exchange/exchange.hpp"

namespace itawb::app {

inline constexpr const char* kNotMergedSheet = "รายการที่ไม่ได้รวม";

struct SplitRequest {
  std::filesystem::path input;
  std::filesystem::path out_dir;
  std::string split_time;  // ISO 8601 UTC, recorded in each identity
  calendar::Date as_of;        // for the current quarter
  text::DigitStyle digits = text::DigitStyle::Thai;  // --digits: of the text the split writes itself
};

struct SplitFile {
  std::string department;
  std::filesystem::path file;
  size_t measures = 0;
  size_t prefilled_rows = 0;   // progress rows copied from the master
  size_t empty_rows = 0;       // placeholders for quarters still to report
  // A department file of an earlier split that was changed since (filled in),
  // left untouched; `file` is then the new file written beside it.
  std::filesystem::path kept;
};

struct SplitReport {
  std::string agency;
  int plan_year = 0;
  std::vector<SplitFile> files;
  Findings findings;  // the master's validation findings (not fatal)
};

// Throws itawb::FileError (unreadable input) or itawb::Error with code
// "usage" (a request that cannot be carried out: bad output path, nothing to
// split; exit code 2).
SplitReport split_workbook(const Resources& resources, const SplitRequest& request);

struct MergeRequest {
  std::filesystem::path master;
  std::vector<std::filesystem::path> returns;
  std::filesystem::path output;
  // When the command started (the CLI: when the program did). An output
  // written by another command after that is not overwritten: the rows that
  // command merged would be lost (itawb::Error "output-changed").
  std::optional<std::filesystem::file_time_type> started;
};

struct MergeReport {
  exchange::MergeResult result;
  std::filesystem::path output;
  std::string progress_sheet;  // name of the replaced progress sheet
  Findings findings;           // check_workbook on the merged output: what validate and analyze will say of it
};

// Throws itawb::FileError (an unreadable master or return) or itawb::Error with code
// "usage" (the output names one of the inputs; exit code 2).
MergeReport merge_workbooks(const Resources& resources, const MergeRequest& request);

// "now" as ISO 8601 UTC, for split_time.
std::string utc_now_iso();

}  // namespace itawb::app

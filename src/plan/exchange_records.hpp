// The records of the exchange between the officer and the departments:
// what a department's workbook holds (DepartmentPacket, sealed with a
// SplitIdentity), the form of its sheets (the layout and columns its writer,
// output/department_workbook, and its reader, exchange/return_reader, share),
// what a department sends back (ReturnedWorkbook) and what a merge makes of
// it (MergeResult, written by output/merged_sheets).
//
// Records only: the rules that make and judge them (sealing, reading a
// return, merging) are exchange/'s, the sheets output/'s. Both build on
// this header and neither on the other, so the rules and the writing stay
// apart (docs/ARCHITECTURE.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/records.hpp"
#include "schema/schema.hpp"
#include "text/thai.hpp"

namespace itawb::plan {

inline constexpr const char* kIdentitySheet = "_itawb";
inline constexpr const char* kReturnProgressSheet = "ความก้าวหน้า";
inline constexpr const char* kReturnMeasuresSheet = "มาตรการ";
inline constexpr int kExchangeFormat = 1;

// Who a copy was made for and from what. Sealed with a SHA-256 over its
// canonical text so that an edited identity sheet is noticed.
struct SplitIdentity {
  int format = kExchangeFormat;
  std::string source_name;      // master's file name (no folder)
  std::string source_checksum;  // measures_table_hash() of the master at split time
  std::string agency;
  int plan_year = 0;            // พ.ศ.
  std::string department;
  std::vector<std::pair<std::string, std::string>> measures;  // id, measure_hash()
  std::string split_time;       // ISO 8601, UTC
  std::string checksum;         // sha256 of canonical()

  // The text the checksum is taken over (exchange::seal, exchange::intact).
  std::string canonical() const;
  // The per-measure hash recorded for `id` (compared after normalising Thai
  // digits and spaces), or nullptr when the measure was not sent.
  const std::string* hash_of(std::string_view id) const;
};

// One measure as sent to a department.
struct PacketMeasure {
  model::MeasureInput measure;
  std::vector<int> quarters;          // planned quarters 1..4 (empty: not parsed)
  std::vector<std::string> owners;    // every owner department, for context
};

// One progress row in a department's workbook. Rows with an empty status and
// result are the placeholders for quarters still to report.
struct PacketRow {
  model::ProgressInput progress;
  std::string measure_text;           // the measure, shown beside its id
};

// Everything one department's workbook holds.
struct DepartmentPacket {
  // The sheet schemas the workbook's columns come from (required).
  const schema::SheetSchema* measures_schema = nullptr;
  const schema::SheetSchema* progress_schema = nullptr;
  SplitIdentity identity;
  std::vector<PacketMeasure> measures;
  std::vector<PacketRow> rows;
  std::vector<std::string> status_choices;  // the drop-down list
  int current_quarter = 0;                  // 0 = not known
  // Digits of the text the workbook writes itself (titles, quarter headers);
  // the master's own values keep theirs: they are compared on the way back.
  text::DigitStyle digits = text::DigitStyle::Thai;
};

// Layout of the department's progress sheet (zero-based), shared by the
// writer and the reader so that they cannot drift apart.
namespace return_layout {
inline constexpr uint32_t kHeaderRow = 3;
inline constexpr uint32_t kFirstDataRow = 4;
inline constexpr uint32_t kExtraRows = 10;  // fully unlocked rows for unplanned reports
}  // namespace return_layout

// One column of a department's progress sheet: the progress schema's fields
// in schema order (its title and width), the measure's text after the
// measure id, and no department column (the workbook is the department's).
struct ReturnColumn {
  std::string field;   // schema field name; "" for the measure text
  std::string title;
  double width = 0;
  bool input = true;   // filled in by the department (measure id, text and quarter are not)
};
std::vector<ReturnColumn> return_columns(const schema::SheetSchema& progress);

// The fields of the measures schema a department's measures sheet shows, in
// schema order: all but the ones only the officer works with (deficiency,
// budget). The planned quarters follow the timeframe.
std::vector<const schema::FieldSchema*> department_measure_fields(const schema::SheetSchema& measures);

// ---- returns ------------------------------------------------------------

// One row a department sent back: any row of the progress sheet with
// something in an input cell.
struct ReturnedRow {
  std::string file;             // as given on the command line
  std::string sheet;
  uint32_t row = 0;             // zero-based
  std::string measure_id;       // as written (Thai digits kept)
  std::string quarter_text;     // as written
  int quarter = 0;              // 1..4, 0 = not readable
  std::string status_text;      // as written
  std::string status_cell;      // A1 of the status cell ("" when the sheet has no status column)
  model::ProgressInput progress;  // status normalised when possible; origin set
  std::string cell() const;     // A1 of the row's id cell
};

struct ReturnedWorkbook {
  std::string file;
  std::optional<SplitIdentity> identity;  // nullopt: no or unreadable `_itawb`
  bool has_progress_sheet = false;
  std::vector<ReturnedRow> rows;
};

// ---- merge -------------------------------------------------------------------

enum class NotMergedReason {
  NoIdentity,           // not a copy made by split, or identity sheet removed
  IdentityTampered,     // identity checksum does not match
  OtherWorkbook,        // made from another agency's plan (its own agency or checksum)
  OtherYear,            // made for another plan year
  DuplicateDepartment,  // two returns for one department
  NotOwner,             // a row for a measure the department was not sent
  UnknownMeasure,       // a measure id the master does not have
  MeasureChanged,       // the measure changed in the master since the split
  BadQuarter,           // quarter missing or not 1..4
  BadStatus,            // no longer given: a row with an unreadable status merges with a warning
  DuplicateRow,         // two rows for one measure/quarter in one return
  NoProgressSheet,      // the return has no progress sheet
};
const char* to_string(NotMergedReason r);  // "not-owner", ...
const char* reason_th(NotMergedReason r);
const char* reason_en(NotMergedReason r);

// A progress row of the merged master, attributed to a department
// (empty department: a master row that could not be attributed).
struct MergedRow {
  model::ProgressInput progress;
  std::string department;
  std::string source;  // "master" or the return's file name
};

struct NotMergedRow {
  ReturnedRow row;
  std::string department;  // from the identity, if any
  NotMergedReason reason = NotMergedReason::NoIdentity;
  std::string detail;      // e.g. the owner, the other year
};

// A returned row that was merged but needs a person's eye (a blank or
// unreadable status): said on the row's cell in the return.
struct MergeWarning {
  ReturnedRow row;
  std::string department;
  std::string code;  // "status-blank", "status-unreadable"
  std::string message_th, message_en;
};

// A return refused as a whole that had no rows to list (e.g. no progress sheet).
struct RejectedFile {
  std::string file;
  std::string department;
  NotMergedReason reason = NotMergedReason::NoIdentity;
  std::string detail;
};

struct MergeResult {
  std::vector<MergedRow> progress;   // the merged progress, sorted (measure order, quarter, department)
  size_t rows_in = 0;                // returned rows read
  size_t rows_merged = 0;            // rows_in == rows_merged + not_merged.size()
  std::vector<NotMergedRow> not_merged;
  std::vector<RejectedFile> rejected_files;
  std::vector<MergeWarning> warnings;  // merged rows with something to check
  bool clean() const { return not_merged.empty() && rejected_files.empty(); }
};

}  // namespace itawb::plan

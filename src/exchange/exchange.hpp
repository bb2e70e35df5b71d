// Exchanging measures and progress between departments as workbooks: the
// rules. The records they work on are plan/exchange_records.hpp's; the
// workbooks are written by output/ (department_workbook, merged_sheets).
//
// split: the master's measures are cut into one workbook per department
// (a measure with several owners goes to each of them), with the progress
// rows the department has to fill, status drop-downs, protected sheets and a
// hidden, checksummed identity (sheet `_itawb`) saying where the copy came
// from and what each measure looked like when it was sent.
//
// merge: returned workbooks are read back, checked against their identity
// and the master, and each department's rows for its own measures replace the
// master's rows for that department/measure/quarter. Nothing is resolved
// silently: every returned row is either merged or listed with a reason.
#pragma once

#include <functional>
#include <map>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plan/exchange_records.hpp"
#include "xlsx/reader.hpp"

namespace itawb::exchange {

// The records (plan/exchange_records.hpp), under the names the rules use.
using plan::kIdentitySheet;
using plan::kReturnProgressSheet;
using plan::kReturnMeasuresSheet;
using plan::kExchangeFormat;
using plan::SplitIdentity;
using plan::PacketMeasure;
using plan::PacketRow;
using plan::DepartmentPacket;
using plan::ReturnColumn;
using plan::return_columns;
using plan::department_measure_fields;
using plan::ReturnedRow;
using plan::ReturnedWorkbook;
using plan::NotMergedReason;
using plan::to_string;
using plan::reason_th;
using plan::reason_en;
using plan::MergedRow;
using plan::NotMergedRow;
using plan::MergeWarning;
using plan::RejectedFile;
using plan::MergeResult;
namespace return_layout = plan::return_layout;

// Seals `identity`: its checksum, a SHA-256 over canonical().
void seal(SplitIdentity& identity);
// Whether the identity is as sealed (not edited since).
bool intact(const SplitIdentity& identity);

// A file name that any file system accepts, Thai kept: "มาตรการ-กองคลัง.xlsx".
std::string department_file_name(std::string_view department);

// The workbook itself is written by output::write_department_workbook
// (output/department_workbook.hpp).

// Reads a returned workbook. Throws itawb::FileError when it is not a
// readable workbook; a workbook without identity is returned with
// identity == nullopt (the merge reports it).
// `progress` is the progress sheet schema the copy was written with.
ReturnedWorkbook read_return(const std::filesystem::path& path, const schema::SheetSchema& progress,
                             const std::string& label = {});
// The same for a workbook already open (in memory: fuzzing, WebAssembly).
ReturnedWorkbook read_return(const xlsx::Workbook& workbook, const schema::SheetSchema& progress,
                             const std::string& label);

// ---- merge -------------------------------------------------------------------

// Department per master progress row (by index into master.progress); the
// caller fills it from a department column or the measure's single owner.
using Attribution = std::vector<std::string>;

struct MergeInput {
  const model::AgencyWorkbook* master = nullptr;
  Attribution master_departments;              // parallel to master->progress
  std::vector<std::string> status_choices;     // accepted statuses
  // Normalises a status as written; empty when not recognised.
  std::function<std::string(std::string_view)> normalize_status;
  // The departments (canonical names) that own each measure in the master
  // now, by plan::measure_key of its id; a department not among them is
  // refused as not-owner. Empty: only the copy's own list decides.
  std::map<std::string, std::vector<std::string>> owners;
};

MergeResult merge_returns(const MergeInput& input, const std::vector<ReturnedWorkbook>& returns);

}  // namespace itawb::exchange

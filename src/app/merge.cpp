// itawb merge: the master with the departments' progress merged in (see
// plan/exchange.hpp for the rules). The master's sheets are carried over in
// order; its progress sheet is replaced by the merged rows; what was not
// merged is listed in รายการที่ไม่ได้รวม with its reason, file and cell.
#include <algorithm>
#include <chrono>
#include <map>

#include "base/file_lock.hpp"
#include "base/files.hpp"
#include "app/exchange_files.hpp"
#include "app/master.hpp"
#include "output/carry_over.hpp"
#include "output/merged_sheets.hpp"
#include "text/thai.hpp"
#include "xlsx/cell_ref.hpp"

namespace itawb::app {
namespace fs = std::filesystem;
namespace {

// How long a merge waits for another one writing the same output.
constexpr std::chrono::seconds kLockWait{30};

// What the output file is now (to tell whether another command wrote it).
struct FileState {
  bool exists = false;
  fs::file_time_type time{};
  uintmax_t size = 0;
  bool operator==(const FileState&) const = default;
};
FileState state_of(const fs::path& file) {
  std::error_code ec;
  FileState s;
  s.exists = fs::exists(file, ec);
  if (!s.exists) return s;
  s.time = fs::last_write_time(file, ec);
  s.size = fs::file_size(file, ec);
  return s;
}

void check_paths(const MergeRequest& request) {
  auto clash = [&](const fs::path& p) { return same_file(request.output, p); };
  if (clash(request.master) ||
      std::any_of(request.returns.begin(), request.returns.end(), clash))
    throw usage_error("ไฟล์ผลลัพธ์ต้องไม่ใช่ไฟล์ที่นำเข้า: " + request.output.string(),
                     "the output must not be one of the inputs: " + request.output.string());
}

}  // namespace

MergeReport merge_workbooks(const Resources& resources, const MergeRequest& request) {
  check_paths(request);
  // Two merges writing one output: the second waits for the first, then
  // refuses if the first wrote it after this one started (its rows would be
  // lost under this merge's, which never saw them); the master is read once
  // the lock is held.
  const auto started = request.started.value_or(fs::file_time_type::clock::now());
  const FileState before = state_of(request.output);
  FileLock lock(request.output, kLockWait);
  const FileState now = state_of(request.output);
  if (now.exists && (!(now == before) || now.time >= started))
    throw itawb::Error("output-changed",
                       "คำสั่งรวมอีกคำสั่งหนึ่งเขียนไฟล์ " + utf8_string(request.output) +
                           " ระหว่างที่คำสั่งนี้ทำงาน จึงไม่เขียนทับ (ข้อมูลที่คำสั่งนั้นรวมไว้จะหายไป): รวมใหม่โดยใช้ไฟล์นั้นเป็นแบบฟอร์มหลัก",
                       "another merge wrote " + utf8_string(request.output) +
                           " while this one ran, so it is not overwritten (the rows that merge added would be lost): "
                           "merge again with that file as the master",
                       utf8_string(request.output));
  // The as-of date only decides overdue measures, which merging does not use.
  Master master = load_master(resources, request.master, calendar::Date{2000, 1, 1});

  const auto* schema = master.schemas->sheet("progress");
  if (!schema)
    throw itawb::Error("resource-invalid", "ไม่มีโครงสร้างแผ่นงานความก้าวหน้า (progress) ในไฟล์ schema",
                       "the schemas define no progress sheet");
  std::vector<exchange::ReturnedWorkbook> returns;
  for (const auto& file : request.returns) returns.push_back(exchange::read_return(file, *schema, file.string()));

  exchange::MergeInput input;
  input.master = &master.checked.model;
  input.master_departments = master.departments_of_progress;
  input.status_choices = status_choices();
  input.normalize_status = [&resources](std::string_view s) { return canonical_status(resources.statuses, s); };
  for (const auto& m : master.plan.measures)
    if (!m.duplicate_id) input.owners.emplace(plan::measure_key(m.input.id), m.departments);

  MergeReport report;
  report.result = exchange::merge_returns(input, returns);
  report.output = request.output;

  const auto& sheets = master.workbook.sheets();
  report.progress_sheet = master.progress_sheet ? sheets[*master.progress_sheet].name : schema->title;

  const RawRows raw = read_raw_progress(master);
  write_atomically(request.output, [&](const fs::path& tmp) {
    xlsx::WorkbookWriter out(tmp);
    auto add_progress = [&] {
      output::write_merged_progress(out.add_sheet(report.progress_sheet), *schema, report.result.progress, input.status_choices,
                     raw, master.checked.model.agency);
    };
    for (size_t i = 0; i < sheets.size(); ++i) {
      if (sheets[i].name == kNotMergedSheet) continue;  // an earlier merge's list is replaced
      if (master.progress_sheet && i == *master.progress_sheet) {
        add_progress();
        continue;
      }
      const xlsx::Sheet sheet = master.workbook.read_sheet(i);
      // The master is a document in Thai digits (the template's and split's
      // default): no page number in Arabic digits under its Thai headers.
      output::copy_sheet(master.workbook, sheet, out.add_sheet(sheets[i].name), {}, {}, &master.checked.model.agency, {},
                         text::DigitStyle::Thai);
      if (!master.progress_sheet && master.measures_sheet && i == *master.measures_sheet) add_progress();
    }
    if (!master.progress_sheet && !master.measures_sheet) add_progress();
    if (!report.result.clean())
      output::write_not_merged(out.add_sheet(kNotMergedSheet), kNotMergedSheet, report.result,
                               master.checked.model.agency);
    out.close();
  });
  lock.release();
  // The merged workbook checked as analyze will check it, so that merge never
  // hands on rows that analyze then cannot use without saying so.
  CheckOptions check;
  check.file_label = request.output.string();
  report.findings = check_workbook(resources, xlsx::Workbook::open(request.output.string()), check).findings;
  // Rows merged with something to check, on their cells in the returns.
  for (const auto& w : report.result.warnings) {
    Finding f;
    f.severity = Severity::Warning;
    f.code = w.code;
    f.file = w.row.file;
    f.sheet = w.row.sheet;
    f.cell = w.row.status_cell.empty() ? w.row.cell() : w.row.status_cell;
    f.row = w.row.row + 1;
    f.value = w.row.status_text;
    f.message_th = w.message_th;
    f.message_en = w.message_en;
    report.findings.add(std::move(f));
  }
  return report;
}

}  // namespace itawb::app

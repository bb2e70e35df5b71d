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
#include "output/style.hpp"
#include "text/thai.hpp"
#include "xlsx/cell_ref.hpp"

namespace itawb::app {
namespace fs = std::filesystem;
namespace {

using xlsx::Style;

// Dates in the Buddhist era with Arabic digits, in Excel (LCID extension:
// digits 01, calendar 07 = Thai Buddhist, locale 041E) and in LibreOffice,
// which reads the same code: 27/6/2568.
constexpr const char* kDateFormat = "[$-107041E]d/m/yyyy";

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

// Any progress field by schema name; the department is the row's attribution.
std::string field_value(const exchange::MergedRow& row, const std::string& field) {
  if (field == "department") return row.department;
  return row.progress.value(field);
}

void write_raw(output::FittedSheet& ws, uint32_t r, uint32_t c, const xlsx::Cell& cell, const Style& style,
               const Style& date_style) {
  switch (cell.type) {
    case xlsx::CellType::Date:
      ws.raw().date(r, c, cell.number, date_style);
      ws.written(r, c, date_style, "00/00/0000");
      break;
    case xlsx::CellType::Number: ws.number(r, c, cell.number, style); break;
    default: ws.text(r, c, cell.type == xlsx::CellType::String ? cell.text : cell.display(), style);
  }
}

// Written through a FittedSheet, like the result sheets: widths, rows as
// tall as their wrapped text, A4 fitted to the width, the header repeated.
void write_progress(xlsx::SheetWriter& sheet, const schema::SheetSchema& schema,
                    const std::vector<exchange::MergedRow>& rows, const std::vector<std::string>& statuses,
                    const RawRows& raw, const model::Agency& agency) {
  output::FittedSheet ws(sheet);
  const Style header = output::header_style(), cell = output::cell_style();
  const Style date_style = cell.with_format(kDateFormat);
  for (uint32_t c = 0; c < schema.fields.size(); ++c) {
    ws.text(0, c, schema.fields[c].title, header);
    ws.width(c, schema.fields[c].width > 0 ? schema.fields[c].width : 16);
  }
  uint32_t r = 1;
  for (const auto& row : rows) {
    const auto raw_row = row.source == "master" ? raw.find(row.progress.origin.row) : raw.end();
    for (uint32_t c = 0; c < schema.fields.size(); ++c) {
      const std::string& name = schema.fields[c].name;
      if (raw_row != raw.end() && name != "department") {
        const auto found = raw_row->second.find(name);
        if (found != raw_row->second.end()) write_raw(ws, r, c, found->second, cell, date_style);
        else ws.blank(r, c, cell);
        continue;
      }
      if (name == "quarter") {
        if (row.progress.quarter >= 1 && row.progress.quarter <= 4) ws.number(r, c, row.progress.quarter, cell);
        else ws.blank(r, c, cell);
        continue;
      }
      const std::string value = field_value(row, name);
      const auto date = name == "report_date" ? calendar::parse_date(value) : std::nullopt;
      // A returned date stays a date cell, shown in the Buddhist era
      // (27/6/2568); a date that cannot be read stays the text it was.
      if (date) ws.date(r, c, xlsx::datetime_to_serial(date->year, date->month, date->day), date_style);
      else if (value.empty()) ws.blank(r, c, cell);
      else ws.text(r, c, value, cell);
    }
    ++r;
  }
  if (const int status_col = schema.field_index("status"); status_col >= 0 && !statuses.empty()) {
    xlsx::Validation v;
    v.type = xlsx::Validation::Type::List;
    for (const auto& s : statuses) v.formula1 += (v.formula1.empty() ? "" : ",") + s;
    v.formula1 = "\"" + v.formula1 + "\"";
    v.allow_blank = v.show_error = true;
    sheet.validation(1, static_cast<uint32_t>(status_col), std::max(r, 200u), static_cast<uint32_t>(status_col), v);
  }
  ws.fit_page(true);
  ws.repeated_rows(0, 0);
  ws.finish();
  output::print_setup(sheet, agency, sheet.name(), true, 0, 0);
}

void write_not_merged(xlsx::SheetWriter& sheet, const exchange::MergeResult& result, const model::Agency& agency) {
  output::FittedSheet ws(sheet);
  const Style header = output::header_style(), cell = output::cell_style();
  ws.merge(0, 0, 0, 11, "รายการที่ไม่ได้รวม / Rows not merged", output::title_style());
  ws.merge(1, 0, 1, 11,
           "ทุกแถวที่ส่วนราชการส่งคืนแต่ไม่ได้รวมเข้าแบบฟอร์มหลัก พร้อมเหตุผล แก้ไขแล้วรวมใหม่ได้ / "
           "Every returned row that was not merged, with the reason; fix and merge again.",
           output::note_style());
  const char* headers[] = {"ลำดับ", "ไฟล์ / File", "เซลล์ / Cell", "ส่วนราชการ / Department",
                           "ลำดับมาตรการ", "ไตรมาส", "สถานะ", "ผลการดำเนินการ", "เหตุผล",
                           "Reason", "รหัส / Code", "รายละเอียด / Detail"};
  for (uint32_t c = 0; c < 12; ++c) ws.text(2, c, headers[c], header);
  uint32_t r = 3;
  int n = 1;
  for (const auto& nm : result.not_merged) {
    const auto& row = nm.row;
    ws.number(r, 0, n++, cell);
    ws.text(r, 1, utf8_string(utf8_path(row.file).filename()), cell);
    ws.text(r, 2, row.sheet + "!" + row.cell(), cell);
    ws.text(r, 3, nm.department, cell);
    ws.text(r, 4, row.measure_id, cell);
    ws.text(r, 5, row.quarter_text, cell);
    ws.text(r, 6, row.status_text, cell);
    ws.text(r, 7, row.progress.result, cell);
    ws.text(r, 8, exchange::reason_th(nm.reason), cell);
    ws.text(r, 9, exchange::reason_en(nm.reason), cell);
    ws.text(r, 10, exchange::to_string(nm.reason), cell);
    ws.text(r, 11, nm.detail, cell);
    ++r;
  }
  for (const auto& f : result.rejected_files) {
    ws.text(r, 0, "-", cell);
    ws.text(r, 1, utf8_string(utf8_path(f.file).filename()), cell);
    ws.text(r, 3, f.department, cell);
    ws.text(r, 8, exchange::reason_th(f.reason), cell);
    ws.text(r, 9, exchange::reason_en(f.reason), cell);
    ws.text(r, 10, exchange::to_string(f.reason), cell);
    ws.text(r, 11, f.detail, cell);
    ++r;
  }
  // Narrow enough to print at 75 % or more without cutting a header word.
  const double widths[] = {7, 18, 12, 20, 11, 10, 14, 24, 22, 20, 12, 18};
  for (uint32_t c = 0; c < 12; ++c) ws.width(c, widths[c]);
  ws.fit_page(true);
  ws.repeated_rows(2, 2);
  ws.finish();
  output::print_setup(sheet, agency, kNotMergedSheet, true, 2, 2);
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
      write_progress(out.add_sheet(report.progress_sheet), *schema, report.result.progress, input.status_choices,
                     raw, master.checked.model.agency);
    };
    for (size_t i = 0; i < sheets.size(); ++i) {
      if (sheets[i].name == kNotMergedSheet) continue;  // an earlier merge's list is replaced
      if (master.progress_sheet && i == *master.progress_sheet) {
        add_progress();
        continue;
      }
      const xlsx::Sheet sheet = master.workbook.read_sheet(i);
      output::copy_sheet(master.workbook, sheet, out.add_sheet(sheets[i].name), {}, {}, &master.checked.model.agency);
      if (!master.progress_sheet && master.measures_sheet && i == *master.measures_sheet) add_progress();
    }
    if (!master.progress_sheet && !master.measures_sheet) add_progress();
    if (!report.result.clean())
      write_not_merged(out.add_sheet(kNotMergedSheet), report.result, master.checked.model.agency);
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

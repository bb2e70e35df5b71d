// The merged master's own sheets (itawb merge, app/merge.cpp): the progress
// sheet with every department's rows merged in, and รายการที่ไม่ได้รวม, every
// returned row that was not merged with its reason, file and cell.
#include "output/merged_sheets.hpp"

#include <algorithm>

#include "base/files.hpp"
#include "calendar/calendar.hpp"
#include "output/palette.hpp"
#include "output/page.hpp"
#include "xlsx/cell_ref.hpp"

namespace itawb::output {
namespace {

using xlsx::Style;

// Dates in the Buddhist era with Arabic digits, in Excel (LCID extension:
// digits 01, calendar 07 = Thai Buddhist, locale 041E) and in LibreOffice,
// which reads the same code: 27/6/2568.
constexpr const char* kDateFormat = "[$-107041E]d/m/yyyy";

// Any progress field by schema name; the department is the row's attribution.
std::string field_value(const plan::MergedRow& row, const std::string& field) {
  if (field == "department") return row.department;
  return row.progress.value(field);
}

void write_cell(FittedSheet& ws, uint32_t r, uint32_t c, const xlsx::Cell& cell, const Style& style,
               const Style& date_style) {
  switch (cell.type) {
    case xlsx::CellType::Date:
      ws.date(r, c, cell.number, date_style);
      break;
    case xlsx::CellType::Number: ws.number(r, c, cell.number, style); break;
    default: ws.text(r, c, cell.type == xlsx::CellType::String ? cell.text : cell.display(), style);
  }
}

}  // namespace

// Written through a FittedSheet, like the result sheets: widths, rows as
// tall as their wrapped text, A4 fitted to the width, the header repeated.
void write_merged_progress(xlsx::SheetWriter& sheet, const schema::SheetSchema& schema,
                    const std::vector<plan::MergedRow>& rows, const std::vector<std::string>& statuses,
                    const RawRows& raw, const model::Agency& agency) {
  FittedSheet ws(sheet);
  const Style header = header_style(), cell = cell_style();
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
        if (found != raw_row->second.end()) write_cell(ws, r, c, found->second, cell, date_style);
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
  print_setup(sheet, agency, sheet.name(), true, 0, 0, text::DigitStyle::Thai);  // as the master's other sheets
}

void write_not_merged(xlsx::SheetWriter& sheet, const std::string& sheet_name, const plan::MergeResult& result,
                      const model::Agency& agency) {
  FittedSheet ws(sheet);
  const Style header = header_style(), cell = cell_style();
  ws.merge(0, 0, 0, 11, "รายการที่ไม่ได้รวม / Rows not merged", title_style());
  ws.merge(1, 0, 1, 11,
           "ทุกแถวที่ส่วนราชการส่งคืนแต่ไม่ได้รวมเข้าแบบฟอร์มหลัก พร้อมเหตุผล แก้ไขแล้วรวมใหม่ได้ / "
           "Every returned row that was not merged, with the reason; fix and merge again.",
           note_style());
  const char* headers[] = {"ลำดับ", "ไฟล์ / File", "เซลล์ / Cell", "ส่วนราชการ / Department",
                           "ลำดับมาตรการ", "ไตรมาส", "สถานะ", "ผลการดำเนินการ", "เหตุผล",
                           "Reason", "รหัส / Code", "รายละเอียด / Detail"};
  for (uint32_t c = 0; c < 12; ++c) ws.text(2, c, headers[c], header);
  uint32_t r = 3;
  int n = 1;
  for (const auto& nm : result.not_merged) {
    const auto& row = nm.row;
    ws.ordinal(r, 0, n++, cell);
    ws.text(r, 1, utf8_string(utf8_path(row.file).filename()), cell);
    ws.text(r, 2, row.sheet + "!" + row.cell(), cell);
    ws.text(r, 3, nm.department, cell);
    ws.text(r, 4, row.measure_id, cell);
    ws.text(r, 5, row.quarter_text, cell);
    ws.text(r, 6, row.status_text, cell);
    ws.text(r, 7, row.progress.result, cell);
    ws.text(r, 8, plan::reason_th(nm.reason), cell);
    ws.text(r, 9, plan::reason_en(nm.reason), cell);
    ws.text(r, 10, plan::to_string(nm.reason), cell);
    ws.text(r, 11, nm.detail, cell);
    ++r;
  }
  for (const auto& f : result.rejected_files) {
    ws.text(r, 0, "-", cell);
    ws.text(r, 1, utf8_string(utf8_path(f.file).filename()), cell);
    ws.text(r, 3, f.department, cell);
    ws.text(r, 8, plan::reason_th(f.reason), cell);
    ws.text(r, 9, plan::reason_en(f.reason), cell);
    ws.text(r, 10, plan::to_string(f.reason), cell);
    ws.text(r, 11, f.detail, cell);
    ++r;
  }
  // Narrow enough to print at 75 % or more without cutting a header word.
  const double widths[] = {7, 18, 12, 20, 11, 10, 14, 24, 22, 20, 12, 18};
  for (uint32_t c = 0; c < 12; ++c) ws.width(c, widths[c]);
  ws.fit_page(true);
  ws.repeated_rows(2, 2);
  ws.finish();
  print_setup(sheet, agency, sheet_name, true, 2, 2, text::DigitStyle::Thai);  // as the master's other sheets
}

}  // namespace itawb::output

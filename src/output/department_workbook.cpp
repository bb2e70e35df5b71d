#include "output/department_workbook.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "output/palette.hpp"
#include "output/page.hpp"
#include "text/thai.hpp"
#include "xlsx/writer.hpp"
#include "text/width.hpp"

namespace itawb::output {
namespace {

namespace L = plan::return_layout;
using plan::DepartmentPacket;
using plan::PacketRow;
using plan::ReturnColumn;
using plan::SplitIdentity;
using xlsx::Align;
using xlsx::Style;

constexpr uint32_t kLockedFill = 0xF2F2F2;

Style locked_style() { return Style{}.with_border().with_wrap().with_fill(kLockedFill); }
Style italic_note_style() {
  Style s = note_style();
  s.italic = true;
  return s;
}
Style input_style() { return Style{}.with_border().with_wrap().with_fill(kInputFill).with_locked(false); }
// The legend: a sample of the cells to fill, saying what it is.
Style legend_style() { return input_style().with_locked(true).with_bold().with_vcenter(); }


// "&" starts a control code in page headers; a literal one is doubled. Kept
// short: a header holds 255 characters at most, and the writer cuts longer
// ones by bytes, which can split a Thai character.
std::string header_text(std::string_view s) {
  std::string out;
  for (const char c : text::cut_utf8(s, 50)) {
    out += c;
    if (c == '&') out += '&';
  }
  return out;
}

std::string title_of(const SplitIdentity& id, text::DigitStyle digits) {
  return "รายงานความก้าวหน้าการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. " +
         text::digits(std::to_string(id.plan_year), digits);
}

std::string subtitle_of(const SplitIdentity& id) {
  return "หน่วยงาน: " + id.department + "   " + id.agency;
}

// A list validation on a column range; skipped when the list is longer than
// Excel's 255-character limit (the merge still checks every value).
void list_validation(xlsx::SheetWriter& ws, uint32_t first_row, uint32_t last_row, uint32_t col,
                     const std::vector<std::string>& choices, const char* error_message) {
  size_t length = 0;
  for (const auto& c : choices) length += c.size() + 1;
  if (choices.empty() || length > 255) return;
  xlsx::Validation v;
  v.type = xlsx::Validation::Type::List;
  for (const auto& c : choices) v.formula1 += (v.formula1.empty() ? "" : ",") + c;
  v.formula1 = "\"" + v.formula1 + "\"";
  v.allow_blank = v.show_error = true;
  v.error_title = "itawb";
  v.error = error_message;
  ws.validation(first_row, col, last_row, col, v);
}

void quarter_validation(xlsx::SheetWriter& ws, uint32_t first_row, uint32_t last_row, uint32_t col) {
  xlsx::Validation v;
  v.type = xlsx::Validation::Type::Whole;
  v.op = xlsx::Validation::Op::Between;
  v.formula1 = "1";
  v.formula2 = "4";
  v.allow_blank = v.show_error = true;
  v.error = "ไตรมาส 1-4 / quarter 1-4";
  ws.validation(first_row, col, last_row, col, v);
}

std::optional<uint32_t> column_of(const std::vector<ReturnColumn>& columns, std::string_view field) {
  for (uint32_t c = 0; c < columns.size(); ++c)
    if (columns[c].field == field) return c;
  return std::nullopt;
}

// The measure's number in the workbook's digits, as its titles (merge reads
// either digits back as the same measure).
void write_progress_row(FittedSheet& ws, uint32_t r, const PacketRow& row, const std::vector<ReturnColumn>& columns,
                        text::DigitStyle digits) {
  const auto& p = row.progress;
  const Style locked = locked_style(), input = input_style();
  for (uint32_t c = 0; c < columns.size(); ++c) {
    const std::string& field = columns[c].field;
    if (field.empty()) {
      ws.text(r, c, row.measure_text, locked);
    } else if (field == "measure_id") {
      ws.text(r, c, text::digits(p.measure_id, digits), locked.with_align(Align::Center));
    } else if (field == "quarter") {
      if (p.quarter >= 1 && p.quarter <= 4) ws.number(r, c, p.quarter, locked.with_align(Align::Center));
      else ws.blank(r, c, input);
    } else {
      const std::string value = p.value(field);
      if (value.empty()) ws.blank(r, c, input);
      else ws.text(r, c, value, input);
    }
  }
}

const schema::SheetSchema& required(const schema::SheetSchema* s, const char* what) {
  if (!s) throw std::logic_error(std::string("department workbook without the ") + what + " schema");
  return *s;
}

// The page of a department's sheet: A4 across, the header row repeated on
// every page, the department and agency at the top, page_footer() below
// (no Arabic page numbers under a Thai-digit sheet).
void page(xlsx::SheetWriter& ws, const SplitIdentity& id, bool landscape, uint32_t header_row, text::DigitStyle digits) {
  ws.freeze(header_row + 1, 0);
  ws.repeat_rows(header_row, header_row);
  ws.a4(landscape);
  ws.header_footer("&L" + header_text(id.department) + "&R" + header_text(id.agency), page_footer(digits));
  ws.protect();
}

void write_progress_sheet(xlsx::SheetWriter& raw, const DepartmentPacket& packet) {
  const auto& id = packet.identity;
  const std::vector<ReturnColumn> columns = plan::return_columns(required(packet.progress_schema, "progress"));
  const uint32_t count = static_cast<uint32_t>(columns.size());
  const uint32_t last_col = count - 1;
  FittedSheet ws(raw);
  // Title, department, legend and instructions, header: each in its own row.
  ws.merge(0, 0, 0, last_col, title_of(id, packet.digits), title_style());
  ws.merge(1, 0, 1, last_col, subtitle_of(id), subtitle_style().with_wrap());
  const uint32_t legend_last = std::min<uint32_t>(1, last_col);
  ws.merge(2, 0, 2, legend_last, kInputLegend, legend_style());
  // The instructions set one step in from the legend's border, where their
  // first (italic) letter touched it.
  Style instructions = italic_note_style();
  instructions.indent = 1;
  if (legend_last < last_col)
    ws.merge(2, legend_last + 1, 2, last_col,
             "กรอกเฉพาะช่องสีเหลือง เลือกสถานะจากรายการ แล้วส่งไฟล์นี้คืนผู้รวบรวม (อย่าเปลี่ยนชื่อแผ่นงาน) / "
             "Fill in the yellow cells only, pick a status from the list, and send this file back.",
             instructions);
  for (uint32_t c = 0; c < count; ++c) ws.text(L::kHeaderRow, c, columns[c].title, header_style());

  uint32_t r = L::kFirstDataRow;
  for (const auto& row : packet.rows) write_progress_row(ws, r++, row, columns, packet.digits);
  const uint32_t last_planned = r == L::kFirstDataRow ? r : r - 1;
  // Extra rows, wholly unlocked, for a report on an unplanned quarter.
  const Style input = input_style();
  for (uint32_t i = 0; i < L::kExtraRows; ++i, ++r)
    for (uint32_t c = 0; c < count; ++c) ws.blank(r, c, input);
  const uint32_t last_row = r - 1;

  if (const auto status = column_of(columns, "status"))
    list_validation(raw, L::kFirstDataRow, last_row, *status, packet.status_choices,
                    "เลือกสถานะจากรายการ / choose a status from the list");
  if (const auto quarter = column_of(columns, "quarter")) quarter_validation(raw, last_planned + 1, last_row, *quarter);

  // Ten characters at least: "ไตรมาส" in bold is cut in a narrower column.
  for (uint32_t c = 0; c < count; ++c) ws.width(c, std::max(columns[c].width, 10.0));
  ws.fit_page(true);
  ws.repeated_rows(L::kHeaderRow, L::kHeaderRow);
  ws.finish();
  page(raw, id, true, L::kHeaderRow, packet.digits);
}

void write_measures_sheet(xlsx::SheetWriter& raw, const DepartmentPacket& packet) {
  const auto& id = packet.identity;
  const auto fields = plan::department_measure_fields(required(packet.measures_schema, "measures"));
  // Columns: the fields, with the four quarters after the timeframe.
  struct Column {
    const schema::FieldSchema* field = nullptr;  // nullptr: quarter `quarter`
    int quarter = 0;
  };
  std::vector<Column> columns;
  for (const auto* f : fields) {
    columns.push_back({f, 0});
    if (f->name == "timeframe")
      for (int q = 1; q <= 4; ++q) columns.push_back({nullptr, q});
  }
  const uint32_t count = static_cast<uint32_t>(columns.size());
  FittedSheet ws(raw);
  ws.merge(0, 0, 0, count - 1, "มาตรการที่ " + id.department + " รับผิดชอบ (ดูอย่างเดียว / for reference)",
           title_style());
  constexpr uint32_t kHeader = 1;
  for (uint32_t c = 0; c < count; ++c) {
    const auto& col = columns[c];
    ws.text(kHeader, c,
            col.field ? col.field->title : "ไตรมาส " + text::digits(std::to_string(col.quarter), packet.digits),
            header_style());
    ws.width(c, col.field ? (col.field->width > 0 ? col.field->width : 16) : 10);
  }
  uint32_t r = kHeader + 1;
  const Style cell = cell_style();
  for (const auto& pm : packet.measures) {
    const auto& m = pm.measure;
    for (uint32_t c = 0; c < count; ++c) {
      const auto& col = columns[c];
      if (!col.field) {
        const bool planned = std::find(pm.quarters.begin(), pm.quarters.end(), col.quarter) != pm.quarters.end();
        if (planned) ws.text(r, c, "✓", cell.with_align(Align::Center).with_fill(kHeaderFill));
        else ws.blank(r, c, cell);
        continue;
      }
      const std::string& name = col.field->name;
      if (name == "issue") {  // as text, in the workbook's digits like the ลำดับ beside it
        if (m.issue > 0) ws.text(r, c, text::digits(std::to_string(m.issue), packet.digits), cell.with_align(Align::Center));
        else ws.blank(r, c, cell);
        continue;
      }
      std::string value = m.value(name);
      if (name == "owner" && !pm.owners.empty()) {
        value.clear();
        for (const auto& o : pm.owners) value += (value.empty() ? "" : ", ") + o;
      }
      const bool centre = name == "id";
      if (centre) value = text::digits(value, packet.digits);
      ws.text(r, c, value, centre ? cell.with_align(Align::Center) : cell);
    }
    ++r;
  }
  // A column no measure fills (the form's ตัวชี้วัดความสำเร็จ often) is kept
  // but hidden: the page goes to the columns with text.
  for (uint32_t c = 0; c < count; ++c) {
    const auto* f = columns[c].field;
    if (!f || f->name == "id" || f->name == "measure") continue;
    const bool filled = std::any_of(packet.measures.begin(), packet.measures.end(), [&](const auto& pm) {
      return f->name == "issue" ? pm.measure.issue > 0
                                : !pm.measure.value(f->name).empty() || (f->name == "owner" && !pm.owners.empty());
    });
    if (!filled) ws.hide(c);
  }
  ws.fit_page(true);
  ws.repeated_rows(kHeader, kHeader);
  ws.finish();
  page(raw, id, true, kHeader, packet.digits);
}

void write_identity_sheet(xlsx::SheetWriter& ws, const SplitIdentity& id) {
  ws.text(0, 0, "itawb: ข้อมูลระบุที่มาของไฟล์ ห้ามแก้ไข / identity of this copy, do not edit");
  const std::pair<const char*, std::string> rows[] = {
      {"format", std::to_string(id.format)}, {"source_name", id.source_name},
      {"source_checksum", id.source_checksum}, {"agency", id.agency},
      {"plan_year", std::to_string(id.plan_year)}, {"department", id.department},
      {"split_time", id.split_time}, {"checksum", id.checksum}};
  uint32_t r = 1;
  for (const auto& [key, value] : rows) {
    ws.text(r, 0, key);
    ws.text(r++, 1, value);
  }
  for (const auto& [mid, hash] : id.measures) {
    ws.text(r, 0, "measure");
    ws.text(r, 1, mid);
    ws.text(r++, 2, hash);
  }
  ws.a4();
  ws.hide();
  ws.protect();
}

}  // namespace

void write_department_workbook(const DepartmentPacket& packet, const std::filesystem::path& file) {
  xlsx::WriterOptions options;
  options.title = "ความก้าวหน้ามาตรการ " + packet.identity.department;
  options.company = packet.identity.agency;
  xlsx::WorkbookWriter wb(file, options);
  write_progress_sheet(wb.add_sheet(plan::kReturnProgressSheet), packet);
  write_measures_sheet(wb.add_sheet(plan::kReturnMeasuresSheet), packet);
  write_identity_sheet(wb.add_sheet(plan::kIdentitySheet), packet.identity);
  const auto& id = packet.identity;
  wb.custom_property("itawb.department", id.department);
  wb.custom_property("itawb.source", id.source_name);
  wb.custom_property("itawb.agency", id.agency);
  wb.custom_property("itawb.plan_year", std::to_string(id.plan_year));
  wb.custom_property("itawb.checksum", id.checksum);
  wb.close();
}

}  // namespace itawb::output

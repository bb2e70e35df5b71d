// ตรวจสอบข้อมูล: every validation and scoring finding, in Thai and English,
// each location a link to the offending cell in the carried-over sheet.
#include "output/sheets.hpp"
#include "output/palette.hpp"
#include "output/page.hpp"
#include "text/thai.hpp"

namespace itawb::output {
namespace {

using xlsx::Style;

enum Col : uint32_t { kNumber, kSeverity, kCode, kLocation, kValue, kMessageTh, kMessageEn, kCols };

const char* severity_label(Severity s) {
  switch (s) {
    case Severity::Error: return "ข้อผิดพลาด (error)";
    case Severity::Warning: return "คำเตือน (warning)";
    case Severity::Info: return "ข้อมูล (info)";
  }
  return "";
}

uint32_t severity_fill(Severity s) {
  switch (s) {
    case Severity::Error: return kErrorFill;
    case Severity::Warning: return kWarningFill;
    case Severity::Info: return 0;
  }
  return 0;
}

void write_header(FittedSheet& ws, uint32_t row) {
  const Style h = header_style();
  ws.text(row, kNumber, "ที่", h);
  ws.text(row, kSeverity, "ระดับ", h);
  ws.text(row, kCode, "รหัสปัญหา", h);
  ws.text(row, kLocation, "ตำแหน่ง", h);
  ws.text(row, kValue, "ค่าที่พบ", h);
  ws.text(row, kMessageTh, "รายละเอียด", h);
  ws.text(row, kMessageEn, "Message", h);
}

void write_location(FittedSheet& ws, uint32_t row, const Finding& f,
                    const std::set<std::string>& linked_sheets) {
  const std::string where = f.location();
  if (!f.sheet.empty() && linked_sheets.count(f.sheet)) {
    ws.link(row, kLocation, internal_link(f.sheet, f.cell.empty() ? "A1" : f.cell), where,
            cell_style());
  } else {
    ws.text(row, kLocation, where.empty() ? "ทั้งไฟล์" : where, cell_style());
  }
}

void write_row(FittedSheet& ws, uint32_t row, size_t number, const Finding& f,
               const std::set<std::string>& linked_sheets) {
  ws.ordinal(row, kNumber, static_cast<long>(number), centre_style());
  ws.text(row, kSeverity, severity_label(f.severity), cell_style().with_fill(severity_fill(f.severity)));
  ws.text(row, kCode, f.code, cell_style());
  write_location(ws, row, f, linked_sheets);
  ws.text(row, kValue, f.value, cell_style());
  ws.text(row, kMessageTh, f.message_th, cell_style());
  ws.text(row, kMessageEn, f.message_en, cell_style());
}

}  // namespace

std::string internal_link(const std::string& sheet, const std::string& cell) {
  std::string quoted;
  for (char c : sheet) {
    quoted.push_back(c);
    if (c == '\'') quoted.push_back('\'');
  }
  return "internal:'" + quoted + "'!" + cell;
}

void write_findings(xlsx::SheetWriter& out_ws, const model::Agency& agency, const Findings& findings,
                    const std::set<std::string>& linked_sheets) {
  FittedSheet ws(out_ws, 6, 20);
  ws.width(kMessageTh, 44);
  ws.width(kMessageEn, 38);
  ws.merge(0, kNumber, 0, kMessageEn, "ผลการตรวจสอบข้อมูลในแบบฟอร์ม (data checks)", title_style());
  ws.merge(1, kNumber, 1, kMessageEn,
           agency_line(agency) + "  ข้อผิดพลาด " + std::to_string(findings.error_count()) +
               " รายการ, คำเตือน " + std::to_string(findings.warning_count()) + " รายการ",
           subtitle_style());
  write_header(ws, 2);
  uint32_t row = 3;
  size_t number = 0;
  for (const auto& f : findings.items()) write_row(ws, row++, ++number, f, linked_sheets);
  // Repeats beyond the sample limit are counted, not listed.
  for (const auto& [key, count] : findings.suppressed()) {
    ws.merge(row, kNumber, row, kMessageEn,
             "… และอีก " + std::to_string(count) + " รายการในลักษณะเดียวกัน (" + key + ") / and " +
                 std::to_string(count) + " more like these",
             note_style());
    ++row;
  }
  if (findings.empty())
    ws.merge(row, kNumber, row, kMessageEn, "ไม่พบปัญหาในข้อมูล (no findings)", cell_style());

  ws.finish();
  print_setup(out_ws, agency, kFindingsSheet, /*landscape=*/true, 2, 2);
}

}  // namespace itawb::output

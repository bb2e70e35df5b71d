// ข้อบกพร่อง: seed 000's table ๓ (ที่ | ประเด็น | ข้อความ | คะแนน | ข้อบกพร่อง...),
// one row per deficiency, coloured by category so a supervisor sees at a
// glance what must be fixed now, what to develop and what to keep.
#include "output/sheets.hpp"
#include "output/palette.hpp"
#include "output/page.hpp"
#include "output/labels.hpp"
#include "text/thai.hpp"

namespace itawb::output {
namespace {

using xlsx::Style;

enum Col : uint32_t { kNumber, kIssue, kCode, kText, kScore, kCategory, kCols };

std::string issue_name(const ita::Analysis& a, int number) {
  for (const auto& issue : a.issues)
    if (issue.number == number) return issue.name_th;
  if (a.framework)
    for (const auto& issue : a.framework->issues)
      if (issue.number == number) return issue.name_th;
  return "";
}

// Below the table, one coloured cell per category: returns rows used.
uint32_t write_legend(FittedSheet& ws, uint32_t row) {
  ws.text(row, kIssue, "คำอธิบายสี (legend)", note_style().with_bold());
  for (ita::Category c : {ita::Category::Urgent, ita::Category::Develop, ita::Category::Maintain}) {
    ++row;
    ws.text(row, kIssue, category_label_th(c), cell_style().with_fill(category_fill(c)));
    ws.text(row, kCode, category_label_en(c), note_style());
  }
  return 4;
}

void write_header(FittedSheet& ws, uint32_t row) {
  const Style h = header_style();
  ws.text(row, kNumber, "ที่", h);
  ws.text(row, kIssue, "ประเด็น", h);
  ws.text(row, kCode, "รหัส", h);
  ws.text(row, kText, "ข้อคำถาม/รายการ", h);
  ws.text(row, kScore, "คะแนน", h);
  ws.text(row, kCategory, "หมวด", h);
}

// The issue's number and name, once for its `rows` rows (merged down them,
// coloured as its first, lowest-scored row).
void write_issue(FittedSheet& ws, uint32_t row, uint32_t rows, const ita::Analysis& a, const ita::Deficiency& d) {
  const uint32_t fill = category_fill(d.category);
  const bool urgent = d.category == ita::Category::Urgent;
  const Style number = centre_style().with_fill(fill).with_bold(urgent);
  const Style name = cell_style().with_fill(fill).with_bold(urgent);
  // e.g. an OIT indicator at indicator level: no one issue owns it
  const std::string label = d.issue > 0 ? issue_name(a, d.issue) : "ไม่ระบุประเด็น";
  if (rows > 1) {
    ws.merge(row, kNumber, row + rows - 1, kNumber, "", number);
    ws.merge(row, kIssue, row + rows - 1, kIssue, label, name);
  } else {
    ws.text(row, kIssue, label, name);
  }
  if (d.issue > 0) ws.ordinal(row, kNumber, d.issue, number);
  else ws.text(row, kNumber, "-", number);
}

void write_row(FittedSheet& ws, uint32_t row, const ita::Deficiency& d) {
  const uint32_t fill = category_fill(d.category);
  const bool urgent = d.category == ita::Category::Urgent;
  const Style c = cell_style().with_fill(fill).with_bold(urgent);
  ws.text(row, kCode, display_code(d.code), centre_style().with_fill(fill).with_bold(urgent));
  ws.text(row, kText, d.text, c);
  ws.number(row, kScore, d.score, score_style().with_fill(fill).with_bold(urgent));
  ws.text(row, kCategory, category_label_th(d.category), c);
}

}  // namespace

void write_deficiencies(xlsx::SheetWriter& out_ws, const ita::Analysis& a) {
  FittedSheet ws(out_ws, 6, 12);
  ws.width(kIssue, 30);
  ws.width(kText, 50);
  ws.width(kCategory, 24);
  ws.width(kScore, 8.5);  // "คะแนน" on one line, and 100.00
  ws.merge(0, kNumber, 0, kCategory,
           "ประเด็นข้อบกพร่องที่ต้องแก้ไข/พัฒนา/ปรับปรุง จากผลการประเมิน ITA ปี " +
               thai_year(a.agency.assessment_year),
           title_style());
  ws.merge(1, kNumber, 1, kCategory, agency_line(a.agency), subtitle_style());
  write_header(ws, 2);
  uint32_t row = 3;
  // An issue's deficiencies print on one page.
  for (size_t i = 0; i < a.deficiencies.size();) {
    size_t j = i;
    while (j < a.deficiencies.size() && a.deficiencies[j].issue == a.deficiencies[i].issue) ++j;
    for (size_t k = i; k < j; ++k) write_row(ws, row + static_cast<uint32_t>(k - i), a.deficiencies[k]);
    write_issue(ws, row, static_cast<uint32_t>(j - i), a, a.deficiencies[i]);
    ws.keep_together(row, row + static_cast<uint32_t>(j - i) - 1);
    row += static_cast<uint32_t>(j - i);
    i = j;
  }
  const uint32_t last_table_row = row - 1;
  if (a.deficiencies.empty()) {
    ws.merge(row, kNumber, row, kCategory,
             a.question_level ? "ไม่พบข้อบกพร่อง" : "ไม่มีคะแนนรายข้อ จึงระบุข้อบกพร่องรายข้อไม่ได้ "
                                                 "(indicator-level analysis)",
             cell_style());
    ++row;
  }
  row += 1 + write_legend(ws, row + 1);
  if (a.framework) {
    const auto& r = a.framework->rules;
    ws.merge(row + 1, kNumber, row + 1, kCategory,
             "เกณฑ์: ต่ำกว่า " + text::format_fixed(r.urgent_below, 0) + " หรือต่ำกว่าคะแนนรวมเกิน " +
                 text::format_fixed(r.urgent_gap_below_total, 0) + " คะแนน = เร่งด่วน; " +
                 text::format_fixed(r.maintain_at_or_above, 0) + " = รักษาระดับ; "
                 "รายการ OIT ต่ำกว่า " + text::format_fixed(r.oit_urgent_below, 0) + " = เร่งด่วน",
             note_style());
  }
  // The legend and the criteria print with the table's last row, never alone.
  ws.keep_together(std::max(last_table_row, 3u), row + 1);
  ws.fit_page(true);
  // The questions take the page's width at 75 %: most on one line.
  ws.fill_page_with(kText, 0.75);
  ws.repeated_rows(2, 2);
  ws.finish();
  print_setup(out_ws, a.agency, kDeficienciesSheet, /*landscape=*/true, 2, 2);
}

}  // namespace itawb::output

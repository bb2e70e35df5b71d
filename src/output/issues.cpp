// วิเคราะห์รายประเด็น: seed 000's table ที่ | ประเด็น | ข้อคำถาม | คะแนน, with
// each issue's lowest IIT/EIT questions and, beside them, its OIT items
// below 100. Without question scores the analysis runs at indicator level:
// the sheet says so and shows the indicators each issue draws on.
#include <algorithm>

#include "output/sheets.hpp"
#include "output/palette.hpp"
#include "output/page.hpp"
#include "output/labels.hpp"
#include "text/thai.hpp"

namespace itawb::output {
namespace {

using xlsx::Style;

enum Col : uint32_t { kNumber, kIssue, kCode, kText, kScore, kOitCode, kOitText, kOitScore, kCols };

// One line of the table: an item in the question block and/or the OIT block.
struct Line {
  const ita::RankedItem* question = nullptr;
  const ita::RankedItem* oit = nullptr;
  std::string placeholder;  // shown in the question block when it is empty
};

void write_item(FittedSheet& ws, uint32_t row, uint32_t code_col, const ita::RankedItem* item) {
  if (!item) {
    ws.blank(row, code_col, centre_style());
    ws.blank(row, code_col + 1, cell_style());
    ws.blank(row, code_col + 2, score_style());
    return;
  }
  ws.text(row, code_col, display_code(item->code), centre_style());
  ws.text(row, code_col + 1, item->text, cell_style());
  ws.number(row, code_col + 2, item->score, score_style());
}

// Writes one issue over as many rows as its longest block; returns rows used.
uint32_t write_issue(FittedSheet& ws, uint32_t row, const ita::Analysis& a,
                     const ita::IssueResult& issue) {
  // At indicator level the analysis ranks the issue's indicators instead.
  const size_t question_rows = issue.lowest.size();
  const uint32_t rows = static_cast<uint32_t>(std::max<size_t>({question_rows, issue.oit.size(), 1}));

  for (uint32_t i = 0; i < rows; ++i) {
    const uint32_t r = row + i;
    write_item(ws, r, kCode, i < issue.lowest.size() ? &issue.lowest[i] : nullptr);
    write_item(ws, r, kOitCode, i < issue.oit.size() ? &issue.oit[i] : nullptr);
  }
  if (question_rows == 0)
    ws.text(row, kText, a.question_level ? "ไม่มีคะแนนข้อคำถามของประเด็นนี้" : "ไม่มีคะแนนรายข้อ",
            cell_style());
  if (issue.oit.empty()) ws.text(row, kOitText, "ไม่มีรายการต่ำกว่า ๑๐๐", cell_style());

  const Style number = centre_style().with_vcenter();
  const Style name = cell_style().with_vcenter();
  const std::string label = issue.name_en.empty() ? issue.name_th : issue.name_th + "\n" + issue.name_en;
  if (rows > 1) {
    ws.merge(row, kNumber, row + rows - 1, kNumber, "", number);
    ws.merge(row, kIssue, row + rows - 1, kIssue, label, name);
  } else {
    ws.text(row, kIssue, label, name);
  }
  ws.ordinal(row, kNumber, issue.number, number);
  return rows;
}

void write_header(FittedSheet& ws, uint32_t row) {
  const Style h = header_style();
  ws.merge(row, kNumber, row + 1, kNumber, "ที่", h);
  ws.merge(row, kIssue, row + 1, kIssue, "ประเด็น", h);
  ws.merge(row, kCode, row, kScore, "ข้อคำถาม IIT/EIT ที่ได้คะแนนต่ำสุด", h);
  ws.merge(row, kOitCode, row, kOitScore, "รายการ OIT ที่ได้คะแนนต่ำกว่า ๑๐๐", h);
  ws.text(row + 1, kCode, "รหัส", h);
  ws.text(row + 1, kText, "ข้อคำถาม", h);
  ws.text(row + 1, kScore, "คะแนน", h);
  ws.text(row + 1, kOitCode, "รหัส", h);
  ws.text(row + 1, kOitText, "รายการ", h);
  ws.text(row + 1, kOitScore, "คะแนน", h);
}

}  // namespace

void write_issues(xlsx::SheetWriter& out_ws, const ita::Analysis& a) {
  FittedSheet ws(out_ws, 6, 12);
  ws.width(kIssue, 30);  // issue names wrap: a fixed width reads better
  ws.width(kText, 50);
  // "ไม่มีรายการต่ำกว่า ๑๐๐" in every issue needs less than an item's text.
  const bool any_oit = std::any_of(a.issues.begin(), a.issues.end(), [](const auto& i) { return !i.oit.empty(); });
  ws.width(kOitText, any_oit ? 28 : 18);
  ws.width(kScore, 8.5);  // "คะแนน" on one line, and 100.00
  ws.width(kOitScore, 8.5);
  ws.merge(0, kNumber, 0, kOitScore,
           "วิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. " + thai_year(a.agency.assessment_year) +
               " แบ่งตามประเด็น",
           title_style());
  ws.merge(1, kNumber, 1, kOitScore, agency_line(a.agency), subtitle_style());
  const std::string method =
      a.question_level
          ? "วิเคราะห์แบบ Comparative Analysis จากข้อคำถาม IIT และ EIT ที่ได้คะแนนต่ำสุด " +
                text::thai_digits(std::to_string(a.framework ? a.framework->rules.lowest_count : 3)) +
                " อันดับในแต่ละประเด็น (lowest questions per issue)"
          : "วิเคราะห์ระดับตัวชี้วัด: ไม่มีแผ่นงานคะแนนรายข้อ จึงแสดงคะแนนตัวชี้วัดของแต่ละประเด็นแทนข้อคำถาม "
            "(indicator-level analysis: no question scores sheet)";
  ws.merge(2, kNumber, 2, kOitScore, method, a.question_level ? note_style() : note_style().with_bold());
  write_header(ws, 3);

  uint32_t row = 5;
  for (const auto& issue : a.issues) {
    const uint32_t rows = write_issue(ws, row, a, issue);
    if (rows > 0) ws.keep_together(row, row + rows - 1);  // an issue is not split over two pages
    row += rows;
  }
  ws.merge(row + 1, kNumber, row + 1, kOitScore,
           "หมายเหตุ: คะแนน EIT เป็นค่าเฉลี่ยจากผลประเมิน EIT Survey (ส่วนที่ ๑) กับ EIT Public (ส่วนที่ ๒)",
           note_style());

  ws.fit_page(true);
  // The questions take the page's width at 75 %: fewer lines each.
  ws.fill_page_with(kText, 0.75);
  ws.repeated_rows(3, 4);
  ws.finish();
  print_setup(out_ws, a.agency, kIssuesSheet, /*landscape=*/true, 3, 4);
}

}  // namespace itawb::output

// Each finding code from a workbook built in memory: the cell reference and
// both messages are asserted.
#include <catch2/catch.hpp>

#include "support/resources.hpp"
#include "schema/value.hpp"

using namespace itawb;
using namespace itawb::test;

namespace {

std::vector<xlsx::Sheet> seed_with(const std::string& sheet_name, Rows rows) {
  auto sheets = seed_sheets();
  for (auto& s : sheets)
    if (s.info.name == sheet_name) s = make_sheet(sheet_name, rows);
  return sheets;
}

const Finding& only(const Findings& findings, const std::string& code) {
  static Finding none;
  const auto found = with_code(findings, code);
  INFO(dump(findings));
  REQUIRE(found.size() == 1);
  none = found.front();
  return none;
}

}  // namespace

TEST_CASE("constraint-error: a score out of range names the cell and the range") {
  Rows rows = seed_indicator_rows();
  rows[3][3] = 120.0;  // indicator 3, column D, row 4
  const auto r = load(seed_with("คะแนนตัวชี้วัด", rows));
  const Finding& f = only(r.findings, "constraint-error");
  CHECK(f.severity == Severity::Error);
  CHECK(f.file == "test.xlsx");
  CHECK(f.sheet == "คะแนนตัวชี้วัด");
  CHECK(f.cell == "D4");
  CHECK(f.row == 4);
  CHECK(f.column == 4);
  CHECK(f.value == "120");
  CHECK(f.message_th == "คะแนนต้องอยู่ระหว่าง 0 ถึง 100 แต่พบ 120");
  CHECK(f.message_en == "Score must be between 0 and 100, found 120");
  CHECK_FALSE(r.valid());
}

TEST_CASE("type-error: text where a number belongs") {
  Rows rows = seed_indicator_rows();
  rows[5][2] = std::string("เก้าสิบ");
  const auto r = load(seed_with("คะแนนตัวชี้วัด", rows));
  const Finding& f = only(r.findings, "type-error");
  CHECK(f.cell == "C6");
  CHECK(f.message_th == "คะแนนปีก่อนต้องเป็นตัวเลข แต่พบ \"เก้าสิบ\"");
  CHECK(f.message_en == "Previous score must be a number, found \"เก้าสิบ\"");
  // The rest of the row is still read.
  CHECK(*r.model.indicators[4].score == Approx(100.0));
  CHECK_FALSE(r.model.indicators[4].previous);
}

TEST_CASE("uncalculated-formula: a score whose formula has no saved result says why, not that the cell is empty") {
  auto sheets = seed_sheets();
  for (auto& sheet : sheets)
    if (sheet.info.name == "คะแนนตัวชี้วัด")
      for (auto& c : sheet.cells)
        if (c.row == 3 && c.col == 3) {  // D4: indicator 3's score, as openpyxl saves "=AVERAGE(...)"
          c.type = xlsx::CellType::String;
          c.text.clear();
          c.formula = true;
          c.uncalculated = true;
        }
  const auto r = load(sheets);
  const Finding& f = only(r.findings, "uncalculated-formula");
  CHECK(f.severity == Severity::Error);
  CHECK(f.cell == "D4");
  CHECK(f.message_th ==
        "คำนวณไม่ได้: ไฟล์นี้บันทึกโดยโปรแกรมที่ไม่คำนวณสูตร เปิดและบันทึกใน Excel หรือ LibreOffice อีกครั้ง (คะแนน)");
  CHECK(f.message_en ==
        "cannot be computed: this file was saved by a program that does not calculate formulas; open it and save "
        "it again in Excel or LibreOffice (Score)");
  CHECK(with_code(r.findings, "missing-cell").empty());
}

TEST_CASE("missing-cell: an empty required score") {
  Rows rows = seed_indicator_rows();
  rows[2][3] = std::string("-");  // a missing value marker
  const auto r = load(seed_with("คะแนนตัวชี้วัด", rows));
  const Finding& f = only(r.findings, "missing-cell");
  CHECK(f.cell == "D3");
  CHECK(f.severity == Severity::Error);  // a score: a figure depends on it
  CHECK(f.message_th == "ยังไม่ได้กรอกคะแนน (พบเพียง \"-\")");
  CHECK(f.message_en == "Score is not filled in (only \"-\")");

  rows[2][3] = std::string("");  // truly empty
  const Finding& blank = only(load(seed_with("คะแนนตัวชี้วัด", rows)).findings, "missing-cell");
  CHECK(blank.message_th == "ต้องกรอกคะแนน แต่ช่องนี้ว่าง");
  CHECK(blank.message_en == "Score is required but the cell is empty");
}

TEST_CASE("unique-error and missing-row: a repeated indicator and the one it replaced") {
  Rows rows = seed_indicator_rows();
  rows[4][0] = 3.0;  // row 5 says indicator 3 again instead of 4
  const auto r = load(seed_with("คะแนนตัวชี้วัด", rows));
  const Finding& dup = only(r.findings, "unique-error");
  CHECK(dup.cell == "A5");
  CHECK(dup.message_th == "ตัวชี้วัด 3 ซ้ำกับแถวที่ 4");
  CHECK(dup.message_en == "Indicator 3 repeats row 4");
  const Finding& missing = only(r.findings, "missing-row");
  CHECK(missing.cell.empty());
  CHECK(missing.value == "4");
  CHECK(missing.message_th == "ไม่พบตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ ในชีต คะแนนตัวชี้วัด");
  CHECK(missing.message_en == "indicator 4 is missing from sheet คะแนนตัวชี้วัด");
}

TEST_CASE("missing-label and duplicate-label on headers") {
  Rows rows = seed_indicator_rows();
  rows[0][3] = std::string("Score ");           // English alias with a stray space: still found
  rows[0].emplace_back(std::in_place_type<std::string>, "คะแนน ปีก่อน");  // a second previous-score column
  rows[0][0] = std::string("ลำดับข้อ");          // the indicator column is not recognisable
  const auto r = load(seed_with("คะแนนตัวชี้วัด", rows));
  const Finding& label = only(r.findings, "missing-label");
  CHECK(label.sheet == "คะแนนตัวชี้วัด");
  CHECK(label.message_th == "ไม่พบหัวข้อ \"ตัวชี้วัด\" ในชีต คะแนนตัวชี้วัด (ค้นหาใน 10 แถวแรก)");
  CHECK(label.message_en ==
        "label \"Indicator\" (ตัวชี้วัด) not found on sheet คะแนนตัวชี้วัด (searched the first 10 rows)");
  const Finding& dup = only(r.findings, "duplicate-label");
  CHECK(dup.severity == Severity::Warning);
  CHECK(dup.cell == "E1");
  CHECK(dup.message_en == "label \"Previous score\" repeats; the one at C1 is used, this one is ignored");
}

TEST_CASE("blank-row: a warning, and the row is skipped") {
  Rows rows = seed_indicator_rows();
  rows.insert(rows.begin() + 6, std::vector<In>{std::string(""), std::string("–")});
  const auto r = load(seed_with("คะแนนตัวชี้วัด", rows));
  const Finding& f = only(r.findings, "blank-row");
  CHECK(f.severity == Severity::Warning);
  CHECK(f.cell == "A7");
  CHECK(f.message_th == "แถวที่ 7 ว่าง ข้ามไป");
  CHECK(f.message_en == "row 7 is blank and was skipped");
  CHECK(r.valid());
  CHECK(r.model.indicators.size() == 10);
}

TEST_CASE("missing-sheet: a required sheet lists its aliases and the sheets present") {
  auto sheets = seed_sheets();
  sheets[1].info.name = "Sheet2";
  const auto r = load(sheets);
  const Finding& f = only(r.findings, "missing-sheet");
  CHECK(f.severity == Severity::Error);
  CHECK(f.message_th ==
        "ไม่พบชีต \"คะแนนตัวชี้วัด\" (หรือชื่ออื่นที่ใช้ได้: Indicators, คะแนนรายตัวชี้วัด, ตัวชี้วัด, Indicator scores) "
        "ชีตที่มีในไฟล์: หน่วยงาน, Sheet2, คะแนนรายข้อ");
  CHECK(f.message_en ==
        "sheet \"คะแนนตัวชี้วัด\" not found (other accepted names: Indicators, คะแนนรายตัวชี้วัด, ตัวชี้วัด, "
        "Indicator scores); the file has: หน่วยงาน, Sheet2, คะแนนรายข้อ");
}

TEST_CASE("missing-sheet: an optional questions sheet is a warning") {
  auto sheets = seed_sheets();
  sheets.pop_back();
  const auto r = load(sheets);
  const Finding& f = only(r.findings, "missing-sheet");
  CHECK(f.severity == Severity::Warning);
  CHECK(f.message_en.find("so the analysis stays at indicator level") != std::string::npos);
  CHECK(r.valid());
  CHECK_FALSE(r.model.has_question_sheet);
}

TEST_CASE("foreign-key: a question code outside the year's catalogue") {
  Rows rows = seed_question_rows();
  rows[4][0] = std::string("I99");
  const auto r = load(seed_with("คะแนนรายข้อ", rows));
  const Finding& f = only(r.findings, "foreign-key");
  CHECK(f.cell == "A5");
  CHECK(f.value == "I99");
  CHECK(f.message_th == "ไม่มีข้อคำถามรหัส i99 ในเกณฑ์ปี 2567");
  CHECK(f.message_en == "question code i99 is not in the 2567 framework");
}

TEST_CASE("foreign-key: a year without a framework lists the known years") {
  Rows rows = seed_agency_rows();
  rows[5][1] = 2590.0;
  rows[6][1] = 2591.0;
  const auto r = load(seed_with("หน่วยงาน", rows));
  const Finding& f = only(r.findings, "foreign-key");
  CHECK(f.cell == "B6");
  CHECK(f.message_th == "ไม่มีเกณฑ์การประเมินของปี 2590 (มีเกณฑ์ปี 2566, 2567, 2568, 2569)");
  CHECK(f.message_en == "no assessment framework for year 2590 (frameworks exist for 2566, 2567, 2568, 2569)");
  CHECK(r.framework == nullptr);
}

TEST_CASE("foreign-key: a 2566 workbook with question codes warns once, not per code") {
  Rows rows = seed_agency_rows();
  rows[5][1] = 2566.0;
  rows[6][1] = 2567.0;
  const auto r = load(seed_with("หน่วยงาน", rows));
  const Finding& f = only(r.findings, "foreign-key");
  CHECK(f.severity == Severity::Warning);
  CHECK(f.sheet == "คะแนนรายข้อ");
  CHECK(f.message_th.find("เกณฑ์ปี 2566 ไม่มีรายการข้อคำถาม") == 0);
  CHECK(r.valid());
}

TEST_CASE("row-constraint: plan year other than assessment year + 1 is a warning") {
  Rows rows = seed_agency_rows();
  rows[6][1] = std::string("๒๕๗๐");
  const auto r = load(seed_with("หน่วยงาน", rows));
  const Finding& f = only(r.findings, "row-constraint");
  CHECK(f.severity == Severity::Warning);
  CHECK(f.cell == "B7");
  CHECK(f.message_th == "ปีของมาตรการปกติคือปีที่ประเมิน + 1 = 2568 แต่พบ 2570");
  CHECK(f.message_en == "Plan year is usually Assessment year + 1 = 2568, found 2570");
  CHECK(r.model.agency.plan_year == 2570);
}

TEST_CASE("plan year defaults to assessment year + 1") {
  Rows rows = seed_agency_rows();
  rows.erase(rows.begin() + 6);
  const auto r = load(seed_with("หน่วยงาน", rows));
  CHECK(r.findings.empty());
  CHECK(r.model.agency.plan_year == 2568);
}

TEST_CASE("missing-label on the key/value agency sheet") {
  Rows rows = seed_agency_rows();
  rows.erase(rows.begin() + 5);  // no ปีที่ประเมิน
  const auto r = load(seed_with("หน่วยงาน", rows));
  const auto labels = with_code(r.findings, "missing-label");
  REQUIRE(labels.size() == 1);
  CHECK(labels[0].message_th == "ไม่พบหัวข้อ \"ปีที่ประเมิน\" ในชีต หน่วยงาน");
  // A gap: the year before ปีของมาตรการ (2568) stands in for it.
  CHECK(labels[0].severity == Severity::Warning);
  REQUIRE(r.framework != nullptr);
  CHECK(r.framework->year == 2567);
  CHECK(r.model.agency.assessment_year == 2567);
}

TEST_CASE("measures and progress: statuses, dates, primary key and references") {
  auto sheets = seed_sheets();
  sheets.push_back(make_sheet("มาตรการ", {{std::string("มาตรการส่งเสริมคุณธรรม ปี 2568")},
                                         {std::string("ลำดับ"), std::string("ประเด็น"), std::string("มาตรการ"),
                                          std::string("ระยะเวลา"), std::string("ผู้รับผิดชอบ")},
                                         {std::string("๑"), 2.0, std::string("E-Service"), std::string("ไตรมาส ๒"),
                                          std::string("สำนักปลัด")},
                                         {2.0, 8.0, std::string("อบรม"), std::string("ไตรมาส 2"), std::string("กองคลัง")}}));
  sheets.push_back(make_sheet(
      "Progress", {{std::string("ลำดับมาตรการ"), std::string("ไตรมาส"), std::string("สถานะ"),
                    std::string("ผลการดำเนินการ"), std::string("วันที่รายงาน")},
                   {1.0, 2.0, std::string("done"), std::string("ทำแล้ว"), std::string("21 ต.ค. 2568")},
                   {1.0, 2.0, std::string("ดำเนินการแล้ว"), std::string("ซ้ำ"), std::string("21/10/2568")},
                   {3.0, 1.0, std::string("เสร็จ"), std::string("x"), DateSerial{45951}},
                   {2.0, 3.0, std::string("กำลังดำเนินการ"), std::string("y"), std::string("31/02/2568")}}));
  const auto r = load(sheets);
  INFO(dump(r.findings));
  const auto constraints = with_code(r.findings, "constraint-error");
  REQUIRE(constraints.size() == 2);
  CHECK(constraints[0].location() == "มาตรการ!B4");
  CHECK(constraints[0].message_th == "ประเด็นต้องอยู่ระหว่าง 1 ถึง 7 แต่พบ 8");
  CHECK(constraints[1].location() == "Progress!C4");
  CHECK(constraints[1].message_en ==
        "Status must be one of: ยังไม่ได้ดำเนินการ, อยู่ระหว่างดำเนินการ, ดำเนินการแล้ว, found \"เสร็จ\"");
  const Finding& pk = only(r.findings, "primary-key");
  CHECK(pk.location() == "Progress!A3");
  CHECK(pk.message_th == "แถวซ้ำกับแถวที่ 2 (ลำดับมาตรการ 1, ไตรมาส 2)");
  CHECK(pk.message_en == "row repeats row 2 (Measure no 1, Quarter 2)");
  const Finding& fk = only(r.findings, "foreign-key");
  CHECK(fk.location() == "Progress!A4");
  CHECK(fk.message_th == "ไม่พบ \"3\" ในชีต มาตรการ");
  CHECK(fk.message_en == "\"3\" is not found on sheet มาตรการ");
  const Finding& date = only(r.findings, "type-error");
  CHECK(date.location() == "Progress!E5");
  CHECK(date.message_en == "Report date must be a date such as 21/10/2568 or 21 ต.ค. 2568, found \"31/02/2568\"");

  const auto& m = r.model;
  REQUIRE(m.measures.size() == 2);
  CHECK(m.measures[0].id == "1");
  CHECK(m.measures[0].issue == 2);
  CHECK(m.measures[0].timeframe == "ไตรมาส ๒");
  CHECK(m.measures[0].owner_origin.col == 4);
  CHECK(m.measures[1].issue == 0);  // 8 is out of range
  REQUIRE(m.progress.size() == 4);
  CHECK(m.progress[0].status == "ดำเนินการแล้ว");  // "done" normalised
  CHECK(m.progress[0].report_date == "2025-10-21");
  CHECK(m.progress[1].report_date == "2025-10-21");
  CHECK(m.progress[2].report_date == "2025-10-21");  // serial 45951
  CHECK(m.progress[3].status == "อยู่ระหว่างดำเนินการ");
  CHECK(m.progress[3].report_date.empty());
}

TEST_CASE("Thai digits, text numbers, codes in any case, title rows, any column order, English names") {
  std::vector<xlsx::Sheet> sheets{
      make_sheet("Agency", {{std::string("Agency name"), std::string("อบต.ทุ่งทอง")},
                            {std::string("Province"), std::string("กาญจนบุรี")},
                            {std::string("Assessment year"), std::string("๒๕๖๗")}},
                 3, 1),
      make_sheet("Indicators", {{std::string("ผลการประเมิน ITA ปี ๒๕๖๗")},
                                {std::string("อบต.ทุ่งทอง")},
                                {std::string("Score"), std::string("หมายเหตุ"), std::string("Indicator")}}),
      make_sheet("Questions", {{std::string("Code"), std::string("Score")},
                               {std::string("I๑๐"), std::string("๙๓.๙๓")},
                               {std::string(" E9 "), std::string("82.49")}})};
  for (int n = 1; n <= 10; ++n)
    sheets[1].cells.push_back([&] {
      xlsx::Cell c;
      c.row = static_cast<uint32_t>(2 + n);
      c.col = 2;
      c.type = xlsx::CellType::String;
      c.text = n == 10 ? "๑๐" : std::to_string(n);
      return c;
    }());
  // Scores in column A as text with Thai digits.
  for (int n = 1; n <= 10; ++n) {
    xlsx::Cell c;
    c.row = static_cast<uint32_t>(2 + n);
    c.col = 0;
    c.type = xlsx::CellType::String;
    c.text = "๙๐.๕";
    sheets[1].cells.push_back(c);
  }
  std::sort(sheets[1].cells.begin(), sheets[1].cells.end(),
            [](const auto& a, const auto& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
  const auto r = load(sheets);
  INFO(dump(r.findings));
  CHECK(r.findings.empty());
  CHECK(r.model.agency.assessment_year == 2567);
  CHECK(r.model.agency.name == "อบต.ทุ่งทอง");
  REQUIRE(r.model.indicators.size() == 10);
  CHECK(r.model.indicators[9].number == 10);
  CHECK(*r.model.indicators[9].score == Approx(90.5));
  CHECK(r.model.indicators[9].origin.row == 12);
  CHECK(r.model.indicators[9].origin.col == 0);
  REQUIRE(r.model.questions.size() == 2);
  CHECK(r.model.questions[0].code == "i10");
  CHECK(*r.model.questions[0].score == Approx(93.93));
  CHECK(r.model.questions[1].code == "e9");
}

TEST_CASE("departments listed on the agency sheet") {
  Rows rows = seed_agency_rows();
  rows.push_back({std::string("ส่วนราชการ"), std::string("สำนักปลัด")});
  rows.push_back({std::string("ส่วนราชการ"), std::string("กองคลัง"), std::string("กองช่าง")});
  const auto r = load(seed_with("หน่วยงาน", rows));
  CHECK(r.findings.empty());
  CHECK(r.model.extra_departments == std::vector<std::string>{"สำนักปลัด", "กองคลัง", "กองช่าง"});
}

TEST_CASE("repeated findings are sampled and counted") {
  Rows rows = seed_question_rows();
  for (int n = 0; n < 40; ++n) rows.push_back({std::string("o") + std::to_string(n + 1), 150.0});
  const auto r = load(seed_with("คะแนนรายข้อ", rows));
  CHECK(with_code(r.findings, "constraint-error").size() == 20);
  CHECK(r.findings.suppressed().at("test.xlsx|คะแนนรายข้อ|constraint-error") == 20);
  CHECK(r.findings.error_count() >= 40);
}

TEST_CASE("a status written as the seeds' check-box pair reads as the ticked option") {
  auto sheets = seed_sheets();
  sheets.push_back(make_sheet("มาตรการ", {{std::string("ลำดับ"), std::string("ประเด็น"), std::string("มาตรการ"),
                                          std::string("ระยะเวลา"), std::string("ผู้รับผิดชอบ")},
                                         {1.0, 2.0, std::string("E-Service"), std::string("ไตรมาส ๒"),
                                          std::string("สำนักปลัด")},
                                         {2.0, 3.0, std::string("เว็บไซต์"), std::string("ไตรมาส ๒"),
                                          std::string("สำนักปลัด")}}));
  sheets.push_back(make_sheet(
      "ความก้าวหน้า", {{std::string("ลำดับมาตรการ"), std::string("ไตรมาส"), std::string("สถานะ"),
                        std::string("ผลการดำเนินการ")},
                       {1.0, 2.0, std::string("☐ ยังไม่ได้ดำเนินการ ☑ ดำเนินการ"), std::string("ทำแล้ว")},
                       {2.0, 2.0, std::string("☑ ยังไม่ได้ดำเนินการ ☐ ดำเนินการ"), std::string("-")}}));
  const auto r = load(sheets);
  INFO(dump(r.findings));
  CHECK(with_code(r.findings, "constraint-error").empty());
  REQUIRE(r.model.progress.size() == 2);
  CHECK(r.model.progress[0].status == "ดำเนินการแล้ว");
  CHECK(r.model.progress[1].status == "ยังไม่ได้ดำเนินการ");
}

TEST_CASE("numbers that lead a label, as copied from the documents, are read as the number") {
  auto sheets = seed_sheets();
  // The indicator column as seed 000's table writes it: "๑. การปฏิบัติหน้าที่".
  auto rows = seed_indicator_rows();
  const char* thai_numbers[] = {"๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙", "๑๐"};
  for (size_t i = 1; i < rows.size(); ++i)
    rows[i][0] = std::string(i == 4 ? "ตัวชี้วัดที่ 4" : std::string(thai_numbers[i - 1]) + ". " +
                                                           std::get<std::string>(rows[i][1]));
  rows[2][0] = std::string("2.5 การใช้งบประมาณ");  // a decimal is not an ordinal
  sheets[1] = make_sheet("คะแนนตัวชี้วัด", rows);
  sheets.push_back(make_sheet("มาตรการ", {{std::string("ลำดับ"), std::string("ประเด็น"), std::string("มาตรการ"),
                                          std::string("ระยะเวลา"), std::string("ผู้รับผิดชอบ")},
                                         {1.0, std::string("๒. การให้บริการและระบบ E-Service"),
                                          std::string("แบนเนอร์ E-Service"), std::string("ไตรมาส ๒"),
                                          std::string("สำนักปลัด")}}));
  const auto r = load(sheets);
  INFO(dump(r.findings));
  const auto types = with_code(r.findings, "type-error");
  REQUIRE(types.size() == 1);
  CHECK(types[0].location() == "คะแนนตัวชี้วัด!A3");
  CHECK(types[0].value == "2.5 การใช้งบประมาณ");
  REQUIRE(r.model.indicators.size() == 9);
  CHECK(r.model.indicators[0].number == 1);
  CHECK(r.model.indicators[2].number == 4);
  CHECK(r.model.indicators[8].number == 10);
  REQUIRE(r.model.measures.size() == 1);
  CHECK(r.model.measures[0].issue == 2);
}

TEST_CASE("score columns headed by their years, on the header row or the row below it") {
  auto sheets = seed_sheets();
  auto rows = seed_indicator_rows();
  rows[0][2] = std::string("ผลคะแนน ๒๕๖๖");
  rows[0][3] = 2567.0;  // a year typed as a number
  sheets[1] = make_sheet("คะแนนตัวชี้วัด", rows);
  auto r = load(sheets);
  INFO(dump(r.findings));
  CHECK_FALSE(r.findings.has_errors());
  REQUIRE(r.model.indicators.size() == 10);
  CHECK(r.model.indicators[8].score == Approx(92.14));
  CHECK(r.model.indicators[8].previous == Approx(70.50));

  // Seed 000's layout: a merged "ผลคะแนน" heading over a row of years.
  Rows two_row_header{{std::string("ตัวชี้วัด"), std::string("ชื่อตัวชี้วัด"), std::string("ผลคะแนน/คะแนนรายตัวชี้วัด")},
                      {std::monostate{}, std::monostate{}, std::string("๒๕๖๖"), std::string("๒๕๖๗"),
                       std::string("เปรียบเทียบปี ๒๕๖๖")}};
  for (size_t i = 1; i < rows.size(); ++i) two_row_header.push_back(rows[i]);
  sheets[1] = make_sheet("คะแนนตัวชี้วัด", two_row_header);
  r = load(sheets);
  INFO(dump(r.findings));
  CHECK_FALSE(r.findings.has_errors());
  REQUIRE(r.model.indicators.size() == 10);
  CHECK(r.model.indicators[0].score == Approx(100.0));
  CHECK(r.model.indicators[0].previous == Approx(97.24));
  CHECK(r.model.indicators[0].origin.row == 2);  // first data row is sheet row 3
}

TEST_CASE("an agency value right of a label merged across two columns is found") {
  auto sheets = seed_sheets();
  Rows agency{{std::string("ชื่อหน่วยงาน:"), std::monostate{}, std::string("องค์การบริหารส่วนตำบลทุ่งทอง")},
              {std::string("จังหวัด"), std::string("กาญจนบุรี")},
              {std::string("ปีที่ประเมิน"), std::monostate{}, std::string("๒๕๖๗")}};
  sheets[0] = make_sheet("หน่วยงาน", agency);
  sheets[0].merged = {{0, 0, 0, 1}, {2, 0, 2, 1}};  // A1:B1, A3:B3
  const auto r = load(sheets);
  INFO(dump(r.findings));
  CHECK_FALSE(r.findings.has_errors());
  CHECK(r.model.agency.name == "องค์การบริหารส่วนตำบลทุ่งทอง");
  CHECK(r.model.agency.assessment_year == 2567);
  CHECK(r.model.agency.plan_year == 2568);
}

TEST_CASE("report dates are read by the one calendar: Thai months, Buddhist-era years, two digits too") {
  CHECK(schema::parse_date_text("21 ต.ค. 2568").value() == "2025-10-21");
  CHECK(schema::parse_date_text("๒๑/๑๐/๒๕๖๘").value() == "2025-10-21");
  CHECK(schema::parse_date_text("21/10/68").value() == "2025-10-21");
  CHECK_FALSE(schema::parse_date_text("31/02/2568"));
  CHECK(schema::serial_to_iso(45951).value() == "2025-10-21");
  CHECK(schema::serial_to_iso(60).value() == "1900-02-29");
}

// Merged cells and continuation rows, as agencies lay out their measures:
// a ประเด็น cell merged over the measures under it, a header merged over two
// columns, a measure whose steps and owners go on in the rows below it.
#include <catch2/catch.hpp>

#include "support/resources.hpp"

using namespace itawb;
using namespace itawb::test;

namespace {

std::string s(const char* text) { return text; }

xlsx::Range range(uint32_t first_row, uint32_t first_col, uint32_t last_row, uint32_t last_col) {
  return {first_row, first_col, last_row, last_col};
}

const std::vector<In> kHeader{s("ลำดับ"), s("ประเด็น"), s("มาตรการ"), s("ขั้นตอน"), s("ระยะเวลา"), s("ผู้รับผิดชอบ")};

model::LoadResult load_measures(const xlsx::Sheet& measures) {
  auto sheets = seed_sheets();
  sheets.push_back(measures);
  return load(sheets);
}

}  // namespace

TEST_CASE("an issue merged over five measure rows is the issue of all five", "[schema][layouts][merge]") {
  auto sheet = make_sheet(
      "มาตรการ",
      {kHeader,
       {1.0, s("๒. การให้บริการและระบบ E-Service"), s("แบนเนอร์ E-Service บนเว็บไซต์"), s("ออกแบบแบนเนอร์"),
        s("ไตรมาส ๒"), s("สำนักปลัด")},
       {2.0, {}, s("ประชาสัมพันธ์ E-Service ผ่านหอกระจายข่าว"), s("ประกาศเสียงตามสาย"), s("ไตรมาส ๒"), s("สำนักปลัด")},
       {3.0, {}, s("คู่มือการใช้งาน E-Service"), s("จัดทำคู่มือ"), s("ไตรมาส ๓"), s("สำนักปลัด")},
       {4.0, {}, s("จุดบริการ E-Service ที่สำนักงาน"), s("จัดโต๊ะบริการ"), s("ไตรมาส ๓"), s("สำนักปลัด")},
       {5.0, {}, s("สำรวจความพึงพอใจผู้ใช้ E-Service"), s("แบบสอบถาม"), s("ไตรมาส ๔"), s("สำนักปลัด")},
       {6.0, s("๓"), s("ปรับปรุงเว็บไซต์ให้เป็นปัจจุบัน"), s("ทบทวนทุกเดือน"), s("ทุกไตรมาส"), s("สำนักปลัด")}});
  sheet.merged = {range(1, 1, 5, 1)};  // B2:B6
  const auto r = load_measures(sheet);
  INFO(dump(r.findings));
  CHECK_FALSE(r.findings.has_errors());
  REQUIRE(r.model.measures.size() == 6);
  for (size_t i = 0; i < 5; ++i) CHECK(r.model.measures[i].issue == 2);
  CHECK(r.model.measures[5].issue == 3);
}

TEST_CASE("a finding on a merged value names the merge's top-left cell, once", "[schema][layouts][merge]") {
  auto sheet = make_sheet("มาตรการ", {kHeader,
                                     {1.0, s("ประเด็นที่ ๙"), s("คู่มือการปฏิบัติงาน"), {}, s("ไตรมาส ๒"), s("สำนักปลัด")},
                                     {2.0, {}, s("อบรมเจ้าหน้าที่"), {}, s("ไตรมาส ๓"), s("สำนักปลัด")},
                                     {3.0, {}, s("ประเมินผลการอบรม"), {}, s("ไตรมาส ๔"), s("สำนักปลัด")}});
  sheet.merged = {range(1, 1, 3, 1)};  // B2:B4 holds issue 9, out of 1–7
  const auto r = load_measures(sheet);
  INFO(dump(r.findings));
  const auto bad = with_code(r.findings, "constraint-error");
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].location() == "มาตรการ!B2");
  REQUIRE(r.model.measures.size() == 3);
  CHECK(r.model.measures[2].origin.row == 3);  // the row itself stays the measure's row
}

TEST_CASE("a header merged over two columns heads both", "[schema][layouts][merge]") {
  auto sheet = make_sheet("มาตรการ", {{s("ลำดับ"), s("ประเด็น"), s("มาตรการ"), s("ระยะเวลา"), s("ผู้รับผิดชอบ"), {}},
                                     {1.0, 4.0, s("ทะเบียนคุมการยืมทรัพย์สิน"), s("ไตรมาส ๒"), s("งานพัสดุ"), s("กองคลัง")},
                                     {2.0, 4.0, s("ตรวจนับทรัพย์สินประจำปี"), s("ไตรมาส ๔"), s("กองคลัง"), {}}});
  sheet.merged = {range(0, 4, 0, 5)};  // E1:F1 "ผู้รับผิดชอบ"
  const auto r = load_measures(sheet);
  INFO(dump(r.findings));
  CHECK(with_code(r.findings, "duplicate-label").empty());
  CHECK_FALSE(r.findings.has_errors());
  REQUIRE(r.model.measures.size() == 2);
  CHECK(r.model.measures[0].owner == "งานพัสดุ\nกองคลัง");
  CHECK(r.model.measures[1].owner == "กองคลัง");
}

TEST_CASE("continuation rows add their steps and owners to the measure above", "[schema][layouts][continuation]") {
  auto sheet = make_sheet(
      "มาตรการ",
      {kHeader,
       {1.0, 2.0, s("การพัฒนาช่องทางเผยแพร่งานให้บริการออนไลน์ (E-Service)"), s("๑. รวบรวมช่องทางการให้บริการ"),
        {}, s("สำนักปลัด")},
       {{}, {}, {}, s("๒. จัดทำแบนเนอร์บนเว็บไซต์ อบต."), s("ต.ค. ๖๗ - ธ.ค. ๖๗"), {}},
       {{}, {}, {}, s("๓. ประชาสัมพันธ์ผ่านเพจ Facebook"), {}, s("กองคลัง")},
       {},
       {2.0, 3.0, s("ปรับปรุงข้อมูลข่าวสารบนเว็บไซต์"), s("ทบทวนทุกเดือน"), s("ทุกไตรมาส"), s("สำนักปลัด")}});
  const auto r = load_measures(sheet);
  INFO(dump(r.findings));
  CHECK(with_code(r.findings, "missing-cell").empty());  // the timeframe came in the row below
  const auto blank = with_code(r.findings, "blank-row");
  REQUIRE(blank.size() == 1);  // only the truly blank row 5
  CHECK(blank[0].row == 5);
  REQUIRE(r.model.measures.size() == 2);
  const auto& m = r.model.measures[0];
  CHECK(m.id == "1");
  CHECK(m.steps == "๑. รวบรวมช่องทางการให้บริการ\n๒. จัดทำแบนเนอร์บนเว็บไซต์ อบต.\n๓. ประชาสัมพันธ์ผ่านเพจ Facebook");
  CHECK(m.timeframe == "ต.ค. ๖๗ - ธ.ค. ๖๗");
  CHECK(m.timeframe_origin.row == 2);  // where it was typed: E3
  CHECK(m.timeframe_origin.col == 4);
  CHECK(m.owner == "สำนักปลัด\nกองคลัง");
  CHECK(r.model.measures[1].id == "2");
}

TEST_CASE("a measure merged over the rows of its steps is one measure", "[schema][layouts][continuation]") {
  // ลำดับ, ประเด็น, มาตรการ, ระยะเวลา, ผู้รับผิดชอบ merged over rows 2–4; one step per row.
  auto sheet = make_sheet("มาตรการ", {kHeader,
                                     {1.0, 5.0, s("สร้างการรับรู้ผลการเบิกจ่ายงบประมาณ"), s("๑) แจ้งกองคลัง"),
                                      s("ไตรมาส ๒-๔"), s("กองคลัง")},
                                     {{}, {}, {}, s("๒) เผยแพร่รายงานการเบิกจ่ายรายไตรมาส")},
                                     {{}, {}, {}, s("๓) สรุปผลต่อผู้บริหาร")},
                                     {2.0, 5.0, s("เปิดช่องทางแจ้งเบาะแส"), s("ตู้รับเรื่องร้องเรียน"), s("ไตรมาส ๒"),
                                      s("สำนักปลัด")}});
  sheet.merged = {range(1, 0, 3, 0), range(1, 1, 3, 1), range(1, 2, 3, 2), range(1, 4, 3, 4), range(1, 5, 3, 5)};
  const auto r = load_measures(sheet);
  INFO(dump(r.findings));
  CHECK(r.findings.empty());
  REQUIRE(r.model.measures.size() == 2);
  CHECK(r.model.measures[0].steps == "๑) แจ้งกองคลัง\n๒) เผยแพร่รายงานการเบิกจ่ายรายไตรมาส\n๓) สรุปผลต่อผู้บริหาร");
  CHECK(r.model.measures[0].owner == "กองคลัง");  // merged, so said once
  CHECK(r.model.measures[0].timeframe == "ไตรมาส ๒-๔");
  CHECK(r.model.measures[1].id == "2");
}

TEST_CASE("seed 000's two-row header under a merged heading", "[schema][layouts][merge]") {
  // การนำผลการวิเคราะห์ไปสู่การปฏิบัติ over B1:D1; ที่, ขั้นตอน, ระยะเวลา, หน่วยงานรับผิดชอบ merged down two rows.
  auto sheet = make_sheet(
      "มาตรการ",
      {{s("ที่"), s("การนำผลการวิเคราะห์ไปสู่การปฏิบัติ"), {}, {}, s("ขั้นตอน/วิธีการปฏิบัติ"), s("ระยะเวลา"),
        s("หน่วยงานรับผิดชอบ")},
       {{}, s("ประเด็น"), s("ข้อบกพร่องที่ต้องแก้ไข/พัฒนา/ปรับปรุง"), s("แนวทาง/มาตรการ")},
       {1.0, s("๑. กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ"), s("รักษาระดับคะแนน"),
        s("๑.การพัฒนาช่องทางเผยแพร่"), s("๑. รวบรวมแบบฟอร์ม"), s("ต.ค. ๖๗ - ก.ย. ๖๘"), s("สำนักปลัด")},
       {2.0, {}, {}, s("๒. แบนเนอร์งานให้บริการออนไลน์ (E-Service)"), s("๑. ออกแบบแบนเนอร์"), s("ต.ค. ๖๗ - ธ.ค. ๖๗"),
        s("สำนักปลัด")}});
  sheet.merged = {range(0, 1, 0, 3), range(0, 0, 1, 0), range(0, 4, 1, 4), range(0, 5, 1, 5), range(0, 6, 1, 6),
                  range(2, 1, 3, 1), range(2, 2, 3, 2)};
  const auto r = load_measures(sheet);
  INFO(dump(r.findings));
  CHECK(r.findings.empty());
  REQUIRE(r.model.measures.size() == 2);
  CHECK(r.model.measures[1].issue == 1);
  CHECK(r.model.measures[1].deficiency == "รักษาระดับคะแนน");
  CHECK(r.model.measures[1].steps == "๑. ออกแบบแบนเนอร์");
  CHECK(r.model.measures[1].owner == "สำนักปลัด");
}

TEST_CASE("a progress row continued below adds its results", "[schema][layouts][continuation]") {
  auto sheets = seed_sheets();
  sheets.push_back(make_sheet("มาตรการ", {{s("ลำดับ"), s("มาตรการ"), s("ระยะเวลา"), s("ผู้รับผิดชอบ")},
                                         {1.0, s("คู่มือการปฏิบัติงาน"), s("ไตรมาส ๒"), s("สำนักปลัด")}}));
  sheets.push_back(make_sheet("ความก้าวหน้า", {{s("ลำดับมาตรการ"), s("ไตรมาส"), s("สถานะ"), s("ผลการดำเนินการ")},
                                              {1.0, 2.0, s("ดำเนินการแล้ว"), s("- จัดทำคู่มือแล้ว")},
                                              {{}, {}, {}, s("- เผยแพร่บนเว็บไซต์แล้ว")}}));
  const auto r = load(sheets);
  INFO(dump(r.findings));
  CHECK(r.findings.empty());
  REQUIRE(r.model.progress.size() == 1);
  CHECK(r.model.progress[0].result == "- จัดทำคู่มือแล้ว\n- เผยแพร่บนเว็บไซต์แล้ว");
}

TEST_CASE("a row with a measure text of its own is a measure, not a continuation", "[schema][layouts][continuation]") {
  auto sheet = make_sheet("มาตรการ", {kHeader,
                                     {1.0, 2.0, s("แบนเนอร์ E-Service"), {}, s("ไตรมาส ๒"), s("สำนักปลัด")},
                                     {{}, {}, s("คู่มือ E-Service"), {}, s("ไตรมาส ๓"), s("สำนักปลัด")}});
  const auto r = load_measures(sheet);
  const auto missing = with_code(r.findings, "missing-cell");
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].location() == "มาตรการ!A3");
  CHECK(r.model.measures.size() == 2);
}

TEST_CASE("a text merged across two fields' columns stays in the column it was typed in", "[schema][layouts][merge]") {
  // The measure's text merged over มาตรการ and ขั้นตอน (C2:D2): no steps were written.
  auto sheet = make_sheet("มาตรการ", {kHeader,
                                     {1.0, 2.0, s("แบนเนอร์ E-Service บนเว็บไซต์"), {}, s("ไตรมาส ๒"), s("สำนักปลัด")},
                                     {2.0, 2.0, s("คู่มือ E-Service"), s("จัดทำคู่มือ"), s("ไตรมาส ๓"), s("สำนักปลัด")}});
  sheet.merged = {range(1, 2, 1, 3)};
  const auto r = load_measures(sheet);
  INFO(dump(r.findings));
  CHECK_FALSE(r.findings.has_errors());
  REQUIRE(r.model.measures.size() == 2);
  CHECK(r.model.measures[0].measure == "แบนเนอร์ E-Service บนเว็บไซต์");
  CHECK(r.model.measures[0].steps.empty());
  CHECK(r.model.measures[1].steps == "จัดทำคู่มือ");
}

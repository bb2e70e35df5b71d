// Values as agencies type them in their own layouts: ordinals in every form
// in issue and id cells, and question codes followed by the question's text.
#include <catch2/catch.hpp>

#include "support/resources.hpp"

using namespace itawb;
using namespace itawb::test;

namespace {

std::vector<In> measure_row(In id, In issue, const char* measure) {
  return {id, issue, std::string(measure), std::string("ไตรมาส ๒"), std::string("สำนักปลัด")};
}

const std::vector<In> kMeasureHeader{std::string("ลำดับ"), std::string("ประเด็น"), std::string("มาตรการ"),
                                     std::string("ระยะเวลา"), std::string("ผู้รับผิดชอบ")};

}  // namespace

TEST_CASE("issue cells in every ordinal form are read as the issue's number", "[schema][layouts]") {
  auto sheets = seed_sheets();
  sheets.push_back(make_sheet(
      "มาตรการ", {kMeasureHeader,
                  measure_row(1.0, std::string("๑. กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ"), "คู่มือการปฏิบัติงาน"),
                  measure_row(2.0, std::string("(๒) การให้บริการและระบบ E-Service"), "แบนเนอร์ E-Service"),
                  measure_row(3.0, std::string("3) ช่องทางและรูปแบบการประชาสัมพันธ์"), "เพิ่มช่องทาง Line OA"),
                  measure_row(4.0, std::string("ข้อ 4"), "ทะเบียนคุมการยืมทรัพย์สิน"),
                  measure_row(5.0, std::string("ประเด็นที่ ๕"), "เผยแพร่รายงานการใช้จ่ายงบประมาณ"),
                  measure_row(6.0, std::string("ประเด็นที่ 6: กระบวนการควบคุมตรวจสอบการใช้อำนาจ"), "ประกาศเจตจำนง"),
                  measure_row(7.0, std::string("ตัวชี้วัดที่ ๙.๔ การบริหารงานบุคคล"), "อบรมคุณธรรมจริยธรรม")}));
  const auto r = load(sheets);
  INFO(dump(r.findings));
  REQUIRE(r.model.measures.size() == 7);
  for (int i = 0; i < 6; ++i) CHECK(r.model.measures[static_cast<size_t>(i)].issue == i + 1);
  // A sub-indicator number is no issue number: a finding on its cell, the measure kept.
  const auto types = with_code(r.findings, "type-error");
  REQUIRE(types.size() == 1);
  CHECK(types[0].location() == "มาตรการ!B8");
  CHECK(r.model.measures[6].issue == 0);
}

TEST_CASE("id cells in every ordinal form are the measure's number", "[schema][layouts]") {
  auto sheets = seed_sheets();
  sheets.push_back(make_sheet("มาตรการ", {kMeasureHeader,
                                         measure_row(std::string("๑."), 1.0, "คู่มือการปฏิบัติงาน"),
                                         measure_row(std::string("(๒)"), 2.0, "แบนเนอร์ E-Service"),
                                         measure_row(std::string("ข้อ 3"), 3.0, "เพิ่มช่องทาง Line OA"),
                                         measure_row(std::string("มาตรการที่ ๔"), 4.0, "ทะเบียนคุมการยืม"),
                                         measure_row(std::string("๔.๑"), 4.0, "ตรวจสอบทรัพย์สินประจำปี")}));
  sheets.push_back(make_sheet("ความก้าวหน้า", {{std::string("ลำดับมาตรการ"), std::string("ไตรมาส"),
                                               std::string("สถานะ"), std::string("ผลการดำเนินการ")},
                                              {std::string("1)"), std::string("ไตรมาสที่ ๒"),
                                               std::string("ดำเนินการแล้ว"), std::string("จัดทำคู่มือแล้ว")},
                                              {std::string("4.1"), 2.0, std::string("ดำเนินการแล้ว"),
                                               std::string("ตรวจสอบแล้ว")}}));
  const auto r = load(sheets);
  INFO(dump(r.findings));
  CHECK(with_code(r.findings, "foreign-key").empty());
  REQUIRE(r.model.measures.size() == 5);
  CHECK(r.model.measures[0].id == "1");
  CHECK(r.model.measures[1].id == "2");
  CHECK(r.model.measures[2].id == "3");
  CHECK(r.model.measures[3].id == "4");
  CHECK(r.model.measures[4].id == "4.1");
  REQUIRE(r.model.progress.size() == 2);
  CHECK(r.model.progress[0].measure_id == "1");
  CHECK(r.model.progress[0].quarter == 2);
  CHECK(r.model.progress[1].measure_id == "4.1");
}

TEST_CASE("a question code cell may hold the code followed by the question", "[schema][layouts]") {
  auto sheets = seed_sheets();
  auto rows = seed_question_rows();
  REQUIRE(rows.size() > 3);
  // Seed 000's table writes the code and the question in one cell: "e๙ ท่านเคยใช้งานระบบ…".
  rows.back()[0] = std::string("E๙ ท่านเคยใช้งานระบบการให้บริการออนไลน์ (E-Service) ของหน่วยงานหรือไม่");
  rows[1][0] = std::string("I1 การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่");
  sheets[2] = make_sheet("คะแนนรายข้อ", rows);
  auto r = load(sheets);
  INFO(dump(r.findings));
  CHECK(r.findings.empty());
  REQUIRE(r.model.questions.size() == rows.size() - 1);
  CHECK(r.model.questions.front().code == "i1");
  CHECK(r.model.questions.back().code == "e9");

  // An English word holding e and a digit is no code: a finding on its cell.
  rows.back()[0] = std::string("Line2 ช่องทางการติดต่อ");
  sheets[2] = make_sheet("คะแนนรายข้อ", rows);
  r = load(sheets);
  const auto bad = with_code(r.findings, "constraint-error");
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].location() == "คะแนนรายข้อ!A" + std::to_string(rows.size()));
}

TEST_CASE("seed 000's question table: codes at the start of the ข้อคำถาม column", "[schema][layouts]") {
  // ที่ | ประเด็น | ข้อคำถาม | คะแนน, the issue merged over its questions, no รหัส column.
  auto sheets = seed_sheets();
  Rows rows{{std::string("ที่"), std::string("ประเด็น"), std::string("ข้อคำถาม"), std::string("คะแนน")}};
  const auto seed = seed_question_rows();
  const char* thai[] = {"๐", "๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙"};
  for (size_t i = 1; i < seed.size(); ++i) {
    std::string code = std::get<std::string>(seed[i][0]);
    std::string written(1, code[0]);
    for (size_t k = 1; k < code.size(); ++k) written += thai[code[k] - '0'];  // "i๑๒" as the seed writes it
    rows.push_back({i == 1 ? In{1.0} : In{}, i == 1 ? In{std::string("กระบวนการปฏิบัติงานที่โปร่งใส")} : In{},
                    written + " ข้อคำถามของหน่วยงาน", seed[i][1]});
  }
  sheets[2] = make_sheet("คะแนนรายข้อ", rows);
  sheets[2].merged = {{1, 0, 3, 0}, {1, 1, 3, 1}};
  const auto r = load(sheets);
  INFO(dump(r.findings));
  CHECK(r.findings.empty());
  REQUIRE(r.model.questions.size() == seed.size() - 1);
  CHECK(r.model.questions[11].code == "i12");
  CHECK(*r.model.questions[11].score == Approx(96.97));
  CHECK(r.model.questions.back().code == "e9");
  CHECK(r.model.questions.back().text == "e๙ ข้อคำถามของหน่วยงาน");
}

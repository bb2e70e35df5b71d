#include <catch2/catch.hpp>

#include "support/resources.hpp"

using namespace itawb;
using namespace itawb::test;

TEST_CASE("seed 000's workbook loads clean with the model's numbers") {
  const auto r = load(seed_sheets());
  INFO(dump(r.findings));
  CHECK(r.findings.empty());
  REQUIRE(r.framework != nullptr);
  CHECK(r.framework->year == 2567);
  const auto& m = r.model;
  CHECK(m.agency.name == "องค์การบริหารส่วนตำบลทุ่งทอง");
  CHECK(m.agency.district == "ท่าม่วง");
  CHECK(m.agency.province == "กาญจนบุรี");
  CHECK(m.agency.assessment_year == 2567);
  CHECK(m.agency.plan_year == 2568);
  REQUIRE(m.agency.reported_total);
  CHECK(*m.agency.reported_total == Approx(97.13));
  CHECK(m.agency.reported_level == "ผ่านดีเยี่ยม");
  CHECK(m.agency.reported_total_origin.sheet == "หน่วยงาน");
  CHECK(m.agency.reported_total_origin.row == 7);
  CHECK(m.agency.reported_total_origin.col == 1);
  REQUIRE(m.indicators.size() == 10);
  CHECK(m.indicators[0].number == 1);
  CHECK(*m.indicators[0].score == Approx(100.0));
  CHECK(*m.indicators[0].previous == Approx(97.24));
  CHECK(m.indicators[8].number == 9);
  CHECK(*m.indicators[8].score == Approx(92.14));
  CHECK(*m.indicators[9].previous == Approx(67.50));
  CHECK(m.indicators[9].origin.row == 10);  // row 11 in Excel
  CHECK(m.indicators[9].origin.col == 3);   // column D
  REQUIRE(m.questions.size() == 21);
  CHECK(m.has_question_sheet);
  CHECK(m.questions.back().code == "e9");
  CHECK(*m.questions.back().score == Approx(82.49));
  CHECK_FALSE(m.has_measure_sheet);
}

// Scoring against figures published by real agencies (seed 000 อบต.ทุ่งทอง,
// reference §1.3/§1.5 ทต.บางตะบูน).
#include <catch2/catch.hpp>

#include "ita/analysis.hpp"
#include "ita/scoring.hpp"
#include "support/seed_models.hpp"

using namespace itawb;
using namespace itawb::ita;
using namespace itawb::model;
using itawb::test::framework;

namespace {

std::vector<Finding> with_code(const Findings& findings, const std::string& code) {
  std::vector<Finding> out;
  for (const auto& f : findings.items())
    if (f.code == code) out.push_back(f);
  return out;
}

Scores score(const AgencyWorkbook& wb, int year, Findings& findings) {
  return compute_scores(wb, framework(year), findings);
}

}  // namespace

// Seed 000 prints indicator 4 = 98.59, but its questions i10-i12 (100, 100,
// 96.97) average 98.99, and the published IIT 99.72 and total 97.13 only
// reproduce with 98.99. The given score stays authoritative, so with the
// slip the computed figures are IIT 99.64 and total 97.10, and the clerk is
// warned twice: the indicator disagrees with its questions, and the
// published total matches the total recomputed from the questions (97.13),
// which points at the slip. The corrected workbook reproduces every
// published figure (next test case).
TEST_CASE("seed 000 as printed: the given indicator 4 is used and the slip is reported") {
  Findings findings;
  Scores s = score(test::seed000(true), 2567, findings);
  CHECK(*s.tools[Tool::IIT].score == Approx(99.64));
  CHECK(*s.tools[Tool::IIT].previous == Approx(94.01));
  CHECK(*s.overall.score == Approx(97.10));
  CHECK(*s.recomputed_total == Approx(97.13));  // the published total
  CHECK(s.level == "ผ่านดีเยี่ยม");

  REQUIRE(s.indicators.size() == 10);
  CHECK(*s.indicators[3].value.score == Approx(98.59));
  REQUIRE(s.indicators[3].computed);
  CHECK(*s.indicators[3].computed == Approx(98.99));

  auto mismatch = with_code(findings, "score-mismatch");
  REQUIRE(mismatch.size() == 1);
  CHECK(mismatch[0].severity == Severity::Warning);
  CHECK(mismatch[0].sheet == "ผลคะแนน");
  CHECK(mismatch[0].cell == "C5");
  CHECK(mismatch[0].row == 5);
  CHECK(mismatch[0].value == "98.59");
  CHECK_THAT(mismatch[0].message_th, Catch::Contains("ตัวชี้วัดที่ 4") && Catch::Contains("98.59") &&
                                         Catch::Contains("98.99") && Catch::Contains("i10, i11, i12"));
  CHECK_THAT(mismatch[0].message_en, Catch::Contains("98.59") && Catch::Contains("98.99"));

  auto total = with_code(findings, "total-mismatch");
  REQUIRE(total.size() == 1);
  CHECK(total[0].location() == "หน่วยงาน!B6");
  CHECK_THAT(total[0].message_th, Catch::Contains("97.13") && Catch::Contains("97.10"));
  CHECK_THAT(total[0].message_en, Catch::Contains("score-mismatch"));
  CHECK(findings.error_count() == 0);
}

TEST_CASE("seed 000 corrected reproduces every published figure, with no warning") {
  Findings findings;
  Scores s = score(test::seed000(false), 2567, findings);
  CHECK(*s.overall.score == Approx(97.13));
  CHECK(*s.overall.previous == Approx(81.27));
  CHECK(*s.overall.change == Approx(15.86));  // printed "+๑๕.๘๖"
  CHECK(*s.tools[Tool::IIT].score == Approx(99.72));
  CHECK(*s.tools[Tool::IIT].change == Approx(5.71));  // printed "+๕.๗๑"
  CHECK(*s.tools[Tool::EIT].score == Approx(95.94));  // (96.75 + 95.13) / 2
  CHECK(*s.tools[Tool::EIT].previous == Approx(84.89));  // (97.66 + 72.12) / 2
  CHECK(*s.tools[Tool::OIT].score == Approx(96.07));
  CHECK(*s.tools[Tool::OIT].previous == Approx(69.00));
  CHECK(s.level == "ผ่านดีเยี่ยม");
  CHECK(s.level_en == "Excellent pass");
  CHECK(s.previous_level == "ต้องปรับปรุง");  // 81.27
  CHECK(*s.indicators[9].value.change == Approx(32.50));
  // Indicators recomputed from the printed questions agree with the table.
  CHECK(*s.indicators[1].computed == Approx(99.80));
  CHECK(*s.indicators[6].computed == Approx(97.35));
  CHECK_FALSE(s.indicators[8].computed);  // OIT items are not in the seed
  CHECK(findings.warning_count() == 0);
  CHECK(findings.error_count() == 0);
}

TEST_CASE("ทต.บางตะบูน 2567: OIT indicators recomputed from items, 93.93 ผ่านดี") {
  const AgencyWorkbook wb = test::bangtaboon_2567();
  const Framework& f = framework(2567);
  // 9 = mean(100, 92.857, 100, 75, 100); a plain item mean would be 94.00.
  CHECK(*recompute_indicator(wb, f, 9) == Approx(93.5714).epsilon(1e-4));
  CHECK(*recompute_indicator(wb, f, 10) == Approx(100.0));
  CHECK(*recompute_indicator(wb, f, 4) == Approx(84.30));
  CHECK_FALSE(recompute_indicator(wb, f, 1));  // i1-i3 not given

  Findings findings;
  Scores s = compute_scores(wb, f, findings);
  CHECK(*s.indicators[8].computed == Approx(93.57));
  CHECK(*s.overall.score == Approx(93.93));
  CHECK(*s.tools[Tool::IIT].score == Approx(93.07));
  CHECK(*s.tools[Tool::EIT].score == Approx(90.98));
  CHECK(*s.tools[Tool::OIT].score == Approx(96.79));
  // Indicator 4 = 84.30 < 85 does not block ผ่านดี: the rule is per tool.
  CHECK(s.level == "ผ่านดี");
  CHECK(findings.warning_count() == 0);
}

TEST_CASE("an OIT indicator that disagrees with its items is a warning") {
  AgencyWorkbook wb = test::bangtaboon_2567();
  for (auto& in : wb.indicators)
    if (in.number == 9) in.score = 94.00;  // the plain item mean, a plausible slip
  Findings findings;
  compute_scores(wb, framework(2567), findings);
  auto mismatch = with_code(findings, "score-mismatch");
  REQUIRE(mismatch.size() == 1);
  CHECK_THAT(mismatch[0].message_th, Catch::Contains("94.00") && Catch::Contains("93.57") &&
                                         Catch::Contains("OIT"));
  CHECK(with_code(findings, "total-mismatch").size() == 1);
}

TEST_CASE("a difference of 0.01 is within tolerance, 0.02 is not") {
  AgencyWorkbook wb = test::seed000(false);
  for (auto& in : wb.indicators)
    if (in.number == 2) in.score = 99.81;  // questions give 99.80
  Findings ok;
  score(wb, 2567, ok);
  CHECK(with_code(ok, "score-mismatch").empty());
  for (auto& in : wb.indicators)
    if (in.number == 2) in.score = 99.82;
  Findings warned;
  score(wb, 2567, warned);
  CHECK(with_code(warned, "score-mismatch").size() == 1);
}

TEST_CASE("a missing indicator gives an error, not a wrong total") {
  AgencyWorkbook wb = test::seed000(false);
  for (auto& in : wb.indicators)
    if (in.number == 9) in.score.reset();
  Findings findings;
  Scores s = score(wb, 2567, findings);
  CHECK_FALSE(s.overall.score);
  CHECK_FALSE(s.tools[Tool::OIT].score);
  CHECK(*s.tools[Tool::IIT].score == Approx(99.72));
  CHECK(*s.overall.previous == Approx(81.27));
  CHECK(s.level.empty());
  auto missing = with_code(findings, "missing-indicator-score");
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].severity == Severity::Error);
  CHECK(missing[0].location() == "ผลคะแนน!C10");
  CHECK_THAT(missing[0].message_th, Catch::Contains("ตัวชี้วัดที่ 9") && Catch::Contains("OIT"));
  CHECK(with_code(findings, "total-mismatch").empty());
}

TEST_CASE("a partly filled previous year warns and gives no previous total") {
  AgencyWorkbook wb = test::seed000(false);
  for (auto& in : wb.indicators)
    if (in.number == 6) in.previous.reset();
  Findings findings;
  Scores s = score(wb, 2567, findings);
  CHECK_FALSE(s.overall.previous);
  CHECK_FALSE(s.overall.change);
  CHECK_FALSE(s.previous_level);
  CHECK(with_code(findings, "missing-previous-score").size() == 1);
  CHECK(findings.error_count() == 0);
}

TEST_CASE("a reported level that disagrees with the rule is a warning") {
  AgencyWorkbook wb = test::seed000(false);
  wb.agency.reported_level = "ผ่านดี";
  Findings findings;
  score(wb, 2567, findings);
  auto level = with_code(findings, "level-mismatch");
  REQUIRE(level.size() == 1);
  CHECK(level[0].location() == "หน่วยงาน!B7");
  CHECK_THAT(level[0].message_th, Catch::Contains("ผ่านดีเยี่ยม") && Catch::Contains("97.13"));
  wb.agency.reported_level = "Excellent Pass";
  Findings english;
  score(wb, 2567, english);
  CHECK(with_code(english, "level-mismatch").empty());
  // The word ระดับ in front, as documents write it, is not part of the level.
  wb.agency.reported_level = "ระดับผ่านดีเยี่ยม";
  Findings with_word;
  score(wb, 2567, with_word);
  CHECK(with_code(with_word, "level-mismatch").empty());
  wb.agency.reported_level = "ระดับ ผ่านดี";
  Findings lower;
  score(wb, 2567, lower);
  REQUIRE(with_code(lower, "level-mismatch").size() == 1);
  CHECK(with_code(lower, "level-mismatch")[0].value == "ระดับ ผ่านดี");
}

TEST_CASE("2566 (no question catalogue) scores seed 000's 2566 column") {
  Findings findings;
  Scores s = score(test::seed000_2566(), 2566, findings);
  CHECK(*s.overall.score == Approx(81.27));
  CHECK(*s.tools[Tool::IIT].score == Approx(94.01));
  CHECK(*s.tools[Tool::EIT].score == Approx(84.89));
  CHECK(*s.tools[Tool::OIT].score == Approx(69.00));
  CHECK(s.level == "ต้องปรับปรุง");
  CHECK_FALSE(s.indicators[0].computed);
  CHECK_FALSE(s.overall.previous);
  CHECK(findings.warning_count() == 0);
  CHECK(findings.error_count() == 0);
}

TEST_CASE("an assumed framework and a year mismatch are reported") {
  AgencyWorkbook wb = test::seed000(false);
  wb.agency.assessment_year = 2569;
  Findings findings;
  score(wb, 2569, findings);
  auto assumed = with_code(findings, "framework-assumed");
  REQUIRE(assumed.size() == 1);
  CHECK(assumed[0].severity == Severity::Info);
  CHECK_THAT(assumed[0].message_th, Catch::Contains("2569") && Catch::Contains("2568"));
  Findings other;
  score(wb, 2568, other);
  CHECK(with_code(other, "framework-year").size() == 1);
}

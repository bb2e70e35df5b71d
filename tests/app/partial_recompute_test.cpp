// Honest recomputation: EIT indicators 6–8 are the mean of EIT Survey and
// EIT Public (reference §1.3, [S0]); a workbook's e-questions hold at most the
// survey part. The framework files say so once (the EIT tool's
// "questions_partial"), and an EIT value recomputed from the questions is
// marked partial and never reported as a typing slip, while an IIT slip still is.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "app/analyze.hpp"
#include "ita/scoring.hpp"
#include "support/seed_models.hpp"
#include "support/helpers.hpp"

using namespace itawb;
using namespace itawb::model;
using itawb::test::framework;

namespace {

std::vector<Finding> mismatches(const Findings& findings) {
  std::vector<Finding> out;
  for (const auto& f : findings.items())
    if (f.code == "score-mismatch") out.push_back(f);
  return out;
}

// ทต.บางตะบูน 2567 with its e-questions: the reference gives only their mean,
// mean(e1–e3) = 96.67 against the published indicator 6 = 95.84.
AgencyWorkbook bangtaboon_with_survey() {
  AgencyWorkbook wb = test::bangtaboon_2567();
  for (const char* code : {"e1", "e2", "e3"}) test::set_question(wb, code, 96.67);
  return wb;
}

}  // namespace

TEST_CASE("the framework files mark EIT indicators, and only them, as partly made of their questions") {
  for (int year : {2566, 2567, 2568, 2569}) {
    const Framework& f = framework(year);
    for (const auto& ind : f.indicators) {
      INFO(year << " indicator " << ind.number);
      CHECK(ind.questions_partial == (ind.tool == Tool::EIT));
    }
  }
}

TEST_CASE("ทต.บางตะบูน's EIT survey figures are shown as partial, with no mismatch warning") {
  Findings findings;
  const ita::Scores s = ita::compute_scores(bangtaboon_with_survey(), framework(2567), findings);
  const auto& six = s.indicators[5];
  REQUIRE(six.number == 6);
  REQUIRE(six.computed);
  CHECK(*six.computed == Approx(96.67));
  CHECK(six.computed_partial);
  CHECK_FALSE(s.indicators[3].computed_partial);  // indicator 4 = mean(i10–i12): whole
  CHECK(mismatches(findings).empty());
  // The partial EIT value is not taken for the real one in the recomputed total.
  REQUIRE(s.recomputed_total);
  CHECK(*s.recomputed_total == Approx(93.93));
  CHECK(findings.warning_count() == 0);
}

TEST_CASE("seed 000's printed slip on IIT indicator 4 still warns, its EIT figures do not") {
  AgencyWorkbook wb = test::seed000(true);
  // An EIT question off by 3 points: in a whole indicator this would be a slip.
  test::set_question(wb, "e4", 88.69);
  Findings findings;
  const ita::Scores s = ita::compute_scores(wb, framework(2567), findings);
  const auto found = mismatches(findings);
  REQUIRE(found.size() == 1);
  CHECK_THAT(found[0].message_en, Catch::Contains("Indicator 4"));
  CHECK(s.indicators[6].computed_partial);
  CHECK(*s.indicators[6].computed == Approx(94.35));  // mean(88.69, 96.96, 97.39)
}

TEST_CASE("the example workbooks draw no score-mismatch on an EIT indicator") {
  const auto& resources = test::resources();
  for (const char* name : {"thungthong-2567.xlsx", "thungthong-2567-indicators.xlsx"}) {
    INFO(name);
    app::AnalyzeOptions o;
    o.input = test::example(name);
    o.write = false;
    const app::AnalyzeResult r = app::analyze(resources, o);
    REQUIRE(r.analysis);
    for (const auto& f : mismatches(r.findings)) {
      INFO(f.message_en);
      CHECK_THAT(f.message_en, !Catch::Contains("Indicator 6") && !Catch::Contains("Indicator 7") &&
                                   !Catch::Contains("Indicator 8"));
    }
    const auto doc = nlohmann::json::parse(app::to_json(r));
    for (const auto& ind : doc["indicators"]) {
      INFO("indicator " << ind["number"]);
      CHECK(ind["computed_partial"] == (ind["tool"] == "EIT" && !ind["computed"].is_null()));
    }
  }
}

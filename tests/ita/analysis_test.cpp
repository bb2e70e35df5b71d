// Issue analysis and deficiency classification against seed 000's own
// tables (§2 lowest questions per issue, §3 deficiencies).
#include <catch2/catch.hpp>

#include "ita/analysis.hpp"
#include "support/seed_models.hpp"

using namespace itawb;
using namespace itawb::ita;
using namespace itawb::model;
using itawb::test::framework;

namespace {

std::vector<std::string> codes(const std::vector<RankedItem>& items) {
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back(i.code);
  return out;
}

const Deficiency& deficiency(const Analysis& a, int issue, const std::string& code) {
  for (const auto& d : a.deficiencies)
    if (d.issue == issue && d.code == code) return d;
  throw std::runtime_error("no deficiency " + code + " in issue " + std::to_string(issue));
}

bool has_finding(const Analysis& a, const std::string& code) {
  for (const auto& f : a.findings.items())
    if (f.code == code) return true;
  return false;
}

}  // namespace

TEST_CASE("seed 000: lowest three questions per issue as the document names them") {
  Analysis a = analyse(test::seed000(false), framework(2567));
  REQUIRE(a.question_level);
  REQUIRE(a.issues.size() == 7);
  // Issue 2: e9 82.49, e8 96.59, e1 96.93 (seed §2), then e7, e2, e3.
  CHECK(codes(a.issues[1].lowest) == std::vector<std::string>{"e9", "e8", "e1"});
  CHECK(a.issues[1].lowest[0].score == Approx(82.49));
  CHECK(a.issues[1].ranked.size() == 6);
  CHECK(a.issues[1].name_th == "การให้บริการและระบบ E-Service");
  CHECK(a.issues[2].lowest.front().code == "e5");  // seed §3: e5 96.96
  CHECK(a.issues[3].lowest.front().code == "i12");  // 96.97
  CHECK(a.issues[3].lowest.front().score == Approx(96.97));
  CHECK(a.issues[4].lowest.front().code == "i4");  // 99.39
  CHECK(a.issues[5].lowest.front().code == "i8");  // 99.39
  // All 100: ties keep catalogue order.
  CHECK(codes(a.issues[0].lowest) == std::vector<std::string>{"i1", "i2", "i3"});
  CHECK(codes(a.issues[6].lowest) == std::vector<std::string>{"i13", "i14", "i15"});
  // Texts come from the framework when the workbook has none.
  CHECK(a.issues[1].lowest[0].text == "ท่านเคยใช้งานระบบการให้บริการออนไลน์ (E-Service) ของหน่วยงานหรือไม่");
  CHECK(a.issues[1].oit.empty());  // no OIT items in the seed
}

TEST_CASE("seed 000: deficiency categories") {
  Analysis a = analyse(test::seed000(false), framework(2567));
  CHECK(deficiency(a, 2, "e9").category == Category::Urgent);   // 82.49 < 85
  CHECK(deficiency(a, 2, "e8").category == Category::Develop);
  CHECK(deficiency(a, 3, "e5").category == Category::Develop);
  CHECK(deficiency(a, 4, "i12").category == Category::Develop);
  CHECK(deficiency(a, 1, "i1").category == Category::Maintain);  // "รักษาระดับคะแนน"
  CHECK(deficiency(a, 6, "i7").category == Category::Maintain);
  CHECK(a.deficiencies.size() == 21);  // 7 issues x lowest 3
  CHECK(std::string(category_th(Category::Urgent)) == "ข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน");
  CHECK(std::string(category_th(Category::Develop)) == "ข้อที่ต้องพัฒนาให้ดีขึ้น");
  CHECK(std::string(category_th(Category::Maintain)) == "รักษาระดับ");
  CHECK(std::string(to_string(Category::Urgent)) == "urgent");
}

TEST_CASE("a question far below the agency's own total is urgent even above 85") {
  AgencyWorkbook wb = test::seed000(false);
  test::set_question(wb, "e5", 86.00);  // total stays ≈ 97: 86 < 97.1 − 10
  Analysis a = analyse(wb, framework(2567));
  CHECK(deficiency(a, 3, "e5").category == Category::Urgent);
  test::set_question(wb, "e5", 88.00);  // within 10 points of the total
  Analysis b = analyse(wb, framework(2567));
  CHECK(deficiency(b, 3, "e5").category == Category::Develop);
}

TEST_CASE("OIT items below 100 are listed per issue: 0 urgent, 50 develop") {
  Analysis a = analyse(test::bangtaboon_2567(), framework(2567));
  REQUIRE(a.question_level);
  REQUIRE(a.issues[0].oit.size() == 1);  // issue 1 holds O7-O10
  CHECK(a.issues[0].oit[0].code == "o10");
  CHECK(a.issues[0].oit[0].score == 50.0);
  CHECK(deficiency(a, 1, "o10").category == Category::Develop);
  REQUIRE(a.issues[5].oit.size() == 1);  // issue 6 holds O18-O21
  CHECK(deficiency(a, 6, "o19").category == Category::Urgent);
  CHECK(a.issues[1].oit.empty());
  // Issue 4: [S1]'s i10 = 67.74 is urgent.
  CHECK(a.issues[3].lowest.front().code == "i10");
  CHECK(deficiency(a, 4, "i10").category == Category::Urgent);
  CHECK(has_finding(a, "missing-question-scores"));  // only i10-i12 given
}

TEST_CASE("without a question sheet the analysis runs at indicator level") {
  AgencyWorkbook wb = test::seed000(false);
  wb.has_question_sheet = false;
  Analysis a = analyse(wb, framework(2567));
  CHECK_FALSE(a.question_level);
  CHECK(has_finding(a, "indicator-level-analysis"));
  REQUIRE(a.deficiencies.size() == 10);
  // Lowest first: indicator 8 (92.05) maps to issue 2 through e7-e9.
  CHECK(a.deficiencies[0].code == "ind8");
  CHECK(a.deficiencies[0].issue == 2);
  CHECK(a.deficiencies[0].category == Category::Develop);
  CHECK(a.deficiencies[1].code == "ind9");  // 92.14, spans six issues
  CHECK(a.deficiencies[1].issue == 0);
  CHECK(codes(a.issues[1].ranked) == std::vector<std::string>{"ind8", "ind6"});
}

TEST_CASE("2566 (no question catalogue): indicator-level analysis of seed 000's 2566 column") {
  AgencyWorkbook wb = test::seed000_2566();
  wb.has_question_sheet = true;  // even with a sheet, 2566 has no questions to rank
  Analysis a = analyse(wb, framework(2566));
  CHECK_FALSE(a.question_level);
  CHECK(has_finding(a, "indicator-level-analysis"));
  CHECK(*a.scores.overall.score == Approx(81.27));
  CHECK(deficiency(a, 7, "ind10").category == Category::Urgent);  // 67.50
  CHECK(deficiency(a, 0, "ind9").category == Category::Urgent);   // 70.50
  CHECK(deficiency(a, 2, "ind8").category == Category::Urgent);   // 83.19 < 85
  CHECK(deficiency(a, 2, "ind6").category == Category::Develop);  // 86.76
  CHECK(codes(a.issues[6].oit) == std::vector<std::string>{"ind10", "ind9"});
  CHECK(codes(a.issues[6].ranked) == std::vector<std::string>{"ind5"});
}

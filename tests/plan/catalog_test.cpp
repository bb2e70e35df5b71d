// The measures catalog: the committed file loads, covers every issue and
// every 2567 IIT/EIT question, reports bad files by JSON path, and proposes
// measures for seed 000's deficiencies.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "plan/catalog.hpp"
#include "plan/plan.hpp"
#include "support/helpers.hpp"

using namespace itawb;
using namespace itawb::plan;
using namespace itawb::calendar;
using namespace itawb::model;

namespace {

std::string load_error(const std::string& text) {
  try {
    MeasureCatalog::parse(text, "bad.json");
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

// Seed 000 (อบต.ทุ่งทอง, 2567 results), table ๓: one row per issue.
std::vector<ita::Deficiency> seed000_deficiencies() {
  const std::string keep = "รักษาระดับคะแนนและคอยปรับปรุงอัปเดตข้อมูลให้แต่ละส่วนงานทราบเสมอ";
  return {
      {1, "", keep, 100.0, ita::Category::Maintain},
      {2, "e9", "ท่านเคยใช้งานระบบการให้บริการออนไลน์ (E-Service) ของหน่วยงานหรือไม่", 82.49, ita::Category::Urgent},
      {3, "e5", "หน่วยงานมีการประชาสัมพันธ์ข้อมูลข่าวสารที่ประชาชนหรือผู้รับบริการควรได้รับทราบอย่างชัดเจน", 96.96,
       ita::Category::Develop},
      {4, "i12", "หน่วยงานของท่าน มีการตรวจสอบเพื่อป้องกันการนำทรัพย์สินของราชการไปใช้เพื่อประโยชน์ส่วนตัวเป็นประจำมากน้อยเพียงใด",
       96.97, ita::Category::Develop},
      {5, "i4", "หน่วยงานของท่าน ใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์มากน้อยเพียงใด", 99.39, ita::Category::Develop},
      {6, "", keep, 100.0, ita::Category::Maintain},
      {7, "", keep, 100.0, ita::Category::Maintain},
  };
}

}  // namespace

TEST_CASE("the committed catalog covers every issue, and every entry is usable", "[plan][catalog]") {
  const auto catalog = test::resources().catalog;
  REQUIRE(catalog.entries().size() >= 20);
  for (int issue = 1; issue <= 7; ++issue) {
    INFO("issue " << issue);
    CHECK_FALSE(catalog.for_issue(issue, false).empty());
    CHECK_FALSE(catalog.for_issue(issue, true).empty());
  }
  // Every entry's timeframe, owners and steps are usable.
  const OwnerResolver owners(test::resources().departments);
  for (const auto& e : catalog.entries()) {
    INFO("entry " << e.id);
    CHECK(parse_timeframe(e.timeframe, 2569).ok());
    for (const auto& o : e.owners) CHECK(owners.parse(o).unknown.empty());
    CHECK_FALSE(e.steps.empty());
    CHECK_FALSE(e.success_indicator.empty());
  }
}

TEST_CASE("the committed catalog covers every 2567 IIT/EIT question", "[plan][catalog]") {
  // The question list comes from the shared framework reference, not from the catalog.
  ITAWB_SKIP_UNLESS_SHARED("reference/ita-framework.json");
  const auto catalog = test::resources().catalog;
  std::ifstream in(test::shared_dir() / "reference" / "ita-framework.json");
  REQUIRE(in);
  const auto reference = nlohmann::json::parse(in);
  size_t questions = 0;
  for (const char* tool : {"IIT", "EIT"})
    for (const auto& q : reference["years"]["2567"]["questions"][tool]) {
      const std::string code = q["code"];
      INFO("question " << code);
      CHECK_FALSE(catalog.for_code(code, 2567).empty());
      ++questions;
    }
  CHECK(questions == 24);
}

TEST_CASE("OIT item keys follow each year's numbering", "[plan][catalog]") {
  const auto catalog = test::resources().catalog;
  // E-Service is O13 in 2567 and o10 in 2568.
  auto ids = [](const std::vector<const CatalogEntry*>& v) {
    std::set<std::string> s;
    for (const auto* e : v) s.insert(e->id);
    return s;
  };
  CHECK(ids(catalog.for_code("O13", 2567)) == ids(catalog.for_code("o10", 2568)));
  CHECK(ids(catalog.for_code("O13", 2567)) == ids(catalog.for_code("e9", 2567)));
  CHECK(catalog.for_code("o13", 2568) != catalog.for_code("o13", 2567));
  CHECK(catalog.for_code("O๑๓", 2567).size() == catalog.for_code("o13", 2567).size());
}

TEST_CASE("catalog errors name the file and the JSON path", "[plan][catalog]") {
  CHECK(load_error("{") .rfind("bad.json: /: not valid JSON", 0) == 0);
  CHECK(load_error("[]") == "bad.json: /: must be an object with \"entries\"");
  const std::string entry_ok =
      R"({"id": "a", "keys": {"issues": [1]}, "measure": "m", "steps": ["s"], "timeframe": "ไตรมาส 2",
          "owners": ["สำนักปลัด"], "success_indicator": "x"})";
  CHECK(load_error(R"({"entries": [)" + entry_ok + "]}").empty());
  CHECK(load_error(R"({"entries": [)" + entry_ok + "," + entry_ok + "]}") ==
        "bad.json: /entries/1/id: duplicate id \"a\"");
  CHECK(load_error(R"({"entries": [{"id": "b", "keys": {"issues": [8]}}]})") ==
        "bad.json: /entries/0/keys/issues/0: must be an issue number 1-7");
  CHECK(load_error(R"({"entries": [{"id": "b", "keys": {"questions": ["x9"]}}]})") ==
        "bad.json: /entries/0/keys/questions/0: \"x9\" is not an IIT/EIT question code (i1, e9)");
  CHECK(load_error(R"({"entries": [{"id": "b", "keys": {"oit": {"2568": ["e1"]}}}]})") ==
        "bad.json: /entries/0/keys/oit/2568/0: \"e1\" is not an OIT item code (o10)");
  CHECK(load_error(R"({"entries": [{"id": "b", "keys": {}}]})") ==
        "bad.json: /entries/0/keys: needs at least one of questions, oit, issues");
  std::string bad_time = entry_ok;
  bad_time.replace(bad_time.find("ไตรมาส 2"), std::string("ไตรมาส 2").size(), "ไตรมาส 2 ปีงบประมาณ 2560");
  CHECK(load_error(R"({"entries": [)" + bad_time + "]}").rfind("bad.json: /entries/0/timeframe: timeframe", 0) == 0);
  std::string no_steps = entry_ok;
  no_steps.replace(no_steps.find(R"(["s"])"), 5, "[]");
  CHECK(load_error(R"({"entries": [)" + no_steps + "]}") ==
        "bad.json: /entries/0/steps: must be a non-empty array of strings");
  CHECK_THROWS_WITH(MeasureCatalog::load("/nonexistent/measures.json"),
                    "/nonexistent/measures.json: cannot open the measures catalog");
}

TEST_CASE("proposals for seed 000's deficiencies", "[plan][catalog][proposals]") {
  const auto catalog = test::resources().catalog;
  const auto proposals = propose_measures(seed000_deficiencies(), catalog, 2567);
  REQUIRE_FALSE(proposals.empty());
  for (size_t i = 0; i < proposals.size(); ++i) {
    CHECK(proposals[i].proposed);
    CHECK(proposals[i].id == std::to_string(i + 1));
    CHECK(parse_timeframe(proposals[i].timeframe, 2568).ok());
  }
  // e9 -> an E-Service measure in issue 2, naming e9, in quarter 2.
  const model::MeasureInput* eservice = nullptr;
  for (const auto& m : proposals)
    if (m.deficiency == "e9") eservice = &m;
  REQUIRE(eservice);
  CHECK(eservice->issue == 2);
  CHECK(eservice->measure.find("E-Service") != std::string::npos);
  CHECK(eservice->timeframe == "ไตรมาส 2");
  CHECK(eservice->owner == "สำนักปลัด");
  CHECK(eservice->steps.rfind("๑) ", 0) == 0);
  // Every issue gets at least one measure; the maintain issues 1, 6, 7 one each.
  for (int issue = 1; issue <= 7; ++issue) {
    int n = 0;
    for (const auto& m : proposals) n += m.issue == issue;
    INFO("issue " << issue);
    CHECK(n >= 1);
    if (issue == 1 || issue == 6 || issue == 7) CHECK(n == 1);
  }
}

TEST_CASE("a workbook with deficiencies and no measures gets the proposals", "[plan][proposals]") {
  model::AgencyWorkbook wb;
  wb.path = "thungthong.xlsx";
  wb.agency.assessment_year = 2567;  // plan year defaults to 2568
  const auto deficiencies = seed000_deficiencies();
  const auto r = build_plan(wb, deficiencies, test::resources().catalog, test::resources().departments, test::resources().statuses, Date{2024, 11, 15});
  CHECK(r.plan_year_be == 2568);
  CHECK(r.proposed);
  REQUIRE_FALSE(r.measures.empty());
  CHECK(r.measures.front().input.proposed);
  CHECK(r.uncovered_urgent.empty());   // the proposals cover e9
  CHECK(r.overall.done == 0);
  for (const auto& m : r.measures) CHECK(m.timeframe.ok());
  bool info = false;
  for (const auto& f : r.findings.items()) {
    CHECK(f.code != "owner-unknown");
    if (f.code == "measures-proposed") info = f.severity == Severity::Info;
  }
  CHECK(info);
  // The same deficiencies against an empty catalog: nothing proposed, e9 uncovered.
  const auto empty = MeasureCatalog::parse(R"({"entries": []})", "empty.json");
  const auto r2 = build_plan(wb, deficiencies, empty, test::resources().departments, test::resources().statuses, Date{2024, 11, 15});
  CHECK_FALSE(r2.proposed);
  CHECK(r2.uncovered_urgent == std::vector<std::string>{"e9"});
}

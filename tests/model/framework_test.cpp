// Framework files: content checks against the reference, lookups, loading
// errors, the level rule, and agreement with schemas/framework.meta.json.
#include <fstream>
#include <map>
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "model/framework.hpp"
#include "support/seed_models.hpp"
#include "support/helpers.hpp"

using namespace itawb::ita;
using namespace itawb::model;
using itawb::test::framework;
using itawb::test::repo_dir;
using itawb::test::TempDir;
using nlohmann::json;

namespace {

std::filesystem::path frameworks_dir() { return repo_dir() / "schemas" / "frameworks"; }

json read_json(const std::filesystem::path& p) {
  std::ifstream in(p);
  return json::parse(in);
}

void write_json(const std::filesystem::path& p, const json& j) { std::ofstream(p) << j.dump(2); }

// Loads a modified copy of ita-2567.json and returns the error message.
std::string load_error(const std::function<void(json&)>& edit, const std::string& name = "ita-2567.json") {
  TempDir dir;
  json j = read_json(frameworks_dir() / "ita-2567.json");
  edit(j);
  write_json(dir / name, j);
  try {
    Framework::load(dir / name);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "(no error)";
}

std::set<std::string> codes_of(const Framework& f, Tool tool) {
  std::set<std::string> out;
  for (const auto& q : f.questions)
    if (q.tool == tool) out.insert(q.code);
  return out;
}

}  // namespace

TEST_CASE("catalog loads the four years, 2569 is marked as assumed from 2568") {
  auto catalog = FrameworkCatalog::load_dir(frameworks_dir());
  CHECK(catalog.years() == std::vector<int>{2566, 2567, 2568, 2569});
  REQUIRE(catalog.for_year(2569));
  CHECK(catalog.for_year(2569)->assumed);
  CHECK(catalog.for_year(2569)->assumed_from == 2568);
  CHECK_FALSE(catalog.for_year(2568)->assumed);
  CHECK(catalog.for_year(2565) == nullptr);
  CHECK(catalog.for_year(2569)->status_note.find("2568") != std::string::npos);
}

TEST_CASE("every year has the ten indicators, 30/30/40 weights and the level bands") {
  for (int year : {2566, 2567, 2568, 2569}) {
    const Framework& f = framework(year);
    INFO(year);
    REQUIRE(f.indicators.size() == 10);
    CHECK(f.weights.at(Tool::IIT) == Approx(0.30));
    CHECK(f.weights.at(Tool::EIT) == Approx(0.30));
    CHECK(f.weights.at(Tool::OIT) == Approx(0.40));
    CHECK(f.indicators_of(Tool::IIT).size() == 5);
    CHECK(f.indicators_of(Tool::EIT).size() == 3);
    CHECK(f.indicators_of(Tool::OIT).size() == 2);
    CHECK(f.indicator(4)->name_th == "การใช้ทรัพย์สินของราชการ");
    CHECK(f.indicator(5)->aliases == std::vector<std::string>{"การแก้ปัญหาการทุจริต"});
    CHECK(f.indicator(8)->aliases == std::vector<std::string>{"การปรับปรุงระบบการทำงาน"});
    REQUIRE(f.levels.size() == 5);
    CHECK(f.levels.front().name_th == "ผ่านดีเยี่ยม");
    CHECK(f.levels.back().name_th == "ต้องปรับปรุงโดยด่วน");
    CHECK(f.issues.size() == 7);
    CHECK(f.rules.lowest_count == 3);
    CHECK(f.rules.urgent_below == 85.0);
    CHECK(f.rules.urgent_gap_below_total == 10.0);
    CHECK(f.rules.maintain_at_or_above == 100.0);
    CHECK(f.rules.oit_urgent_below == 50.0);
    CHECK(f.tolerance == 0.01);
  }
}

TEST_CASE("2567 catalog: i1-i15, e1-e9, O1-O35 in the sub-indicators the arithmetic needs") {
  const Framework& f = framework(2567);
  CHECK(codes_of(f, Tool::IIT).size() == 15);
  CHECK(codes_of(f, Tool::EIT).size() == 9);
  CHECK(codes_of(f, Tool::OIT).size() == 35);
  // Reference §1.5: only a 7-item 9.2 and a 4-item 9.4 reproduce 93.57.
  CHECK(f.subindicator("9.2")->items ==
        std::vector<std::string>{"o7", "o8", "o9", "o10", "o11", "o12", "o13"});
  CHECK(f.subindicator("9.4")->items == std::vector<std::string>{"o18", "o19", "o20", "o21"});
  CHECK(f.subindicator("10.2")->items.back() == "o35");
  CHECK(f.question("o34")->text_th == "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน");
  // Issue membership as [S1] groups it (O15 in issues 5 and 6, O25 in 2 and 7).
  CHECK(f.issue(2)->questions == std::vector<std::string>{"e1", "e2", "e3", "e7", "e8", "e9"});
  CHECK(f.issue(2)->oit_items == std::vector<std::string>{"o11", "o12", "o13", "o25"});
  CHECK(f.issue(4)->oit_items.empty());
  CHECK(f.issue(4)->name_th == "กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ");
  CHECK_FALSE(f.issue(4)->name_en.empty());
}

TEST_CASE("2568 catalog: o1-o28 under the sub-indicators of seed 002") {
  const Framework& f = framework(2568);
  CHECK(codes_of(f, Tool::OIT).size() == 28);
  CHECK(f.subindicator("9.2")->items ==
        std::vector<std::string>{"o5", "o6", "o7", "o8", "o9", "o10", "o11"});
  CHECK(f.subindicator("10.1")->items == std::vector<std::string>{"o21", "o22", "o23", "o24"});
  CHECK(f.subindicator("10.2")->name_th == "การส่งเสริมคุณธรรมและความโปร่งใส");
  CHECK(f.question("o27")->subindicator == "10.2");
  CHECK(f.question("o10")->text_th == "E-Service");
  CHECK(f.issue(2)->oit_items == std::vector<std::string>{"o9", "o10", "o11", "o20"});
}

TEST_CASE("each IIT/EIT question belongs to exactly one issue, every OIT item to at least one") {
  for (int year : {2567, 2568}) {
    const Framework& f = framework(year);
    INFO(year);
    std::map<std::string, int> seen;
    for (const auto& issue : f.issues) {
      for (const auto& code : issue.questions) ++seen[code];
      for (const auto& code : issue.oit_items) ++seen[code];
    }
    for (const auto& q : f.questions) {
      INFO(q.code);
      if (q.tool == Tool::OIT) CHECK(seen[q.code] >= 1);
      else CHECK(seen[q.code] == 1);
    }
  }
}

TEST_CASE("2566 has indicators but no question catalogue, issues still map indicators") {
  const Framework& f = framework(2566);
  CHECK_FALSE(f.has_question_catalog());
  CHECK(f.subindicators.empty());
  CHECK(f.question("i1") == nullptr);
  CHECK(f.questions_of(1).empty());
  CHECK(f.issue(2)->indicators == std::vector<int>{6, 8, 9});
  CHECK(f.issues_of_indicator(4).size() == 1);
  CHECK(f.issues_of_indicator(9).size() == 6);
}

TEST_CASE("indicators map to issues through their questions in 2567") {
  const Framework& f = framework(2567);
  CHECK(f.issue(5)->indicators == std::vector<int>{2, 9});
  REQUIRE(f.issues_of_indicator(2).size() == 1);
  CHECK(f.issues_of_indicator(2).front()->number == 5);
  REQUIRE(f.issues_of_indicator(10).size() == 1);
  CHECK(f.issues_of_indicator(10).front()->number == 7);
}

TEST_CASE("lookups accept any case and Thai digits") {
  const Framework& f = framework(2567);
  REQUIRE(f.question("I๑๐") != nullptr);
  CHECK(f.question("I๑๐")->code == "i10");
  CHECK(f.question(" E 9 ")->indicator == 8);
  CHECK(f.question("O19")->subindicator == "9.4");
  REQUIRE(f.subindicator("๙.๔") != nullptr);
  CHECK(f.subindicator("๙.๔")->id == "9.4");
  CHECK(f.question("x1") == nullptr);
  CHECK(tool_from_string(" oit ") == Tool::OIT);
  CHECK_FALSE(tool_from_string("ITA"));
}

TEST_CASE("2569 is a full standalone copy of 2568 apart from year and notes") {
  json a = read_json(frameworks_dir() / "ita-2568.json");
  json b = read_json(frameworks_dir() / "ita-2569.json");
  CHECK(b["assumed"] == true);
  CHECK(b["assumed_from"] == 2568);
  for (const char* key : {"year", "assumed", "assumed_from", "status_note", "sources"}) {
    a.erase(key);
    b.erase(key);
  }
  CHECK(a == b);
}

TEST_CASE("level rule at the band edges") {
  const Framework& f = framework(2567);
  auto level = [&](double total, double iit, double eit, double oit) {
    return f.level_for(total, {{Tool::IIT, iit}, {Tool::EIT, eit}, {Tool::OIT, oit}}).name_th;
  };
  CHECK(level(95.00, 95.00, 95.00, 95.00) == "ผ่านดีเยี่ยม");
  CHECK(level(94.99, 99, 99, 90) == "ผ่านดี");
  CHECK(level(97.00, 99.00, 94.99, 97.00) == "ผ่านดี");  // one tool under 95
  CHECK(level(85.00, 85.00, 85.00, 85.00) == "ผ่านดี");
  CHECK(level(90.00, 100, 84.99, 90) == "ผ่าน");         // a tool below 85
  CHECK(level(84.99, 90, 90, 78) == "ต้องปรับปรุง");
  CHECK(level(70.00, 70, 70, 70) == "ต้องปรับปรุง");
  CHECK(level(69.99, 80, 80, 55) == "ต้องปรับปรุงโดยด่วน");
  CHECK(level(0, 0, 0, 0) == "ต้องปรับปรุงโดยด่วน");
  CHECK(f.level_for(96, {{Tool::IIT, 96}, {Tool::EIT, 96}}).name_th == "ผ่าน");  // OIT unknown
  CHECK(f.level_for(95, {{Tool::IIT, 95}, {Tool::EIT, 95}, {Tool::OIT, 95}}).name_en == "Excellent pass");
}

TEST_CASE("loading errors name the file and the JSON path") {
  CHECK_THAT(load_error([](json& j) { j["indicators"][3]["tool"] = "ITA"; }),
             Catch::Contains("ita-2567.json: /indicators/3/tool: expected \"IIT\", \"EIT\" or \"OIT\""));
  CHECK_THAT(load_error([](json& j) { j["issues"][1]["questions"][0] = "e99"; }),
             Catch::Contains("ita-2567.json: /issues/1/questions/0: no question or item \"e99\""));
  CHECK_THAT(load_error([](json& j) { j["issues"][0]["questions"].push_back("o7"); }),
             Catch::Contains("/issues/0/questions/3: o7 is an OIT item"));
  CHECK_THAT(load_error([](json& j) { j["tools"][2]["weight"] = 0.5; }),
             Catch::Contains("/tools: the tool weights must add up to 1, they add up to 1.1"));
  CHECK_THAT(load_error([](json& j) { j["questions"][0]["indicator"] = 6; }),
             Catch::Contains("/questions/0/indicator: indicator 6 belongs to EIT, not IIT"));
  CHECK_THAT(load_error([](json& j) { j["questions"][30]["subindicator"] = "9.9"; }),
             Catch::Contains("/questions/30/subindicator: no sub-indicator \"9.9\""));
  CHECK_THAT(load_error([](json& j) { j["indicators"][0]["nmae_th"] = "x"; }),
             Catch::Contains("/indicators/0/nmae_th: unknown field \"nmae_th\""));
  CHECK_THAT(load_error([](json& j) { j["levels"][1]["min_total"] = 96; }),
             Catch::Contains("/levels/1/min_total: levels are listed best first"));
  CHECK_THAT(load_error([](json& j) { j["deficiency_rules"]["urgent_below"] = "85"; }),
             Catch::Contains("/deficiency_rules/urgent_below: expected a number"));
  CHECK_THAT(load_error([](json& j) { j.erase("questions"); }),
             Catch::Contains("ita-2567.json: /: missing field \"questions\""));
  CHECK_THAT(load_error([](json&) {}, "ita-2570.json"),
             Catch::Contains("ita-2570.json: /year: the file name says 2570 but the year is 2567"));
}

TEST_CASE("invalid JSON and missing folders are reported with the file") {
  TempDir dir;
  std::ofstream(dir / "ita-2567.json") << "{\n  \"year\": 2567,\n  \"tools\": [\n}";
  try {
    Framework::load(dir / "ita-2567.json");
    FAIL("no error");
  } catch (const std::runtime_error& e) {
    CHECK_THAT(e.what(), Catch::Contains("ita-2567.json: invalid JSON") && Catch::Contains("line 4"));
  }
  CHECK_THROWS_WITH(FrameworkCatalog::load_dir(dir / "nowhere"),
                    Catch::Contains("nowhere: framework folder not found"));
  TempDir empty;
  CHECK_THROWS_WITH(FrameworkCatalog::load_dir(empty.path()), Catch::Contains("no framework files"));
}

TEST_CASE("the catalog reads a year's framework when it is asked for, and a broken file each time") {
  // ita-2566.json cut short, ita-2567.json whole: a workbook of 2567 never
  // meets the broken file; one of 2566 is refused naming it, every time.
  std::ifstream whole(frameworks_dir() / "ita-2567.json");
  const std::string text((std::istreambuf_iterator<char>(whole)), std::istreambuf_iterator<char>());
  const std::map<std::string, std::string> files{{"frameworks/ita-2566.json", text.substr(0, 200)},
                                                 {"frameworks/ita-2567.json", text},
                                                 {"frameworks/README.md", "not a framework"}};
  const FrameworkCatalog catalog = FrameworkCatalog::from_files(files);
  CHECK(catalog.years() == std::vector<int>{2566, 2567});
  const Framework* f = catalog.for_year(2567);
  REQUIRE(f);
  CHECK(f->year == 2567);
  CHECK(f->indicators.size() == 10);
  CHECK(catalog.for_year(2567) == f);  // parsed once
  for (int attempt = 0; attempt < 2; ++attempt)
    CHECK_THROWS_WITH(catalog.for_year(2566), Catch::Contains("frameworks/ita-2566.json: invalid JSON"));
  CHECK_THROWS_WITH(catalog.check_all(), Catch::Contains("ita-2566.json"));
  CHECK(catalog.for_year(2565) == nullptr);
}

TEST_CASE("framework files validate against schemas/framework.meta.json (valijson)") {
  json meta = read_json(repo_dir() / "schemas" / "framework.meta.json");
  valijson::Schema schema;
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter meta_adapter(meta);
  parser.populateSchema(meta_adapter, schema);
  valijson::Validator validator;
  auto valid = [&](const json& doc) {
    valijson::adapters::NlohmannJsonAdapter adapter(doc);
    return validator.validate(schema, adapter, nullptr);
  };
  for (int year : {2566, 2567, 2568, 2569}) {
    INFO(year);
    CHECK(valid(read_json(frameworks_dir() / ("ita-" + std::to_string(year) + ".json"))));
  }
  json bad = read_json(frameworks_dir() / "ita-2567.json");
  bad["indicators"][3]["tool"] = "ITA";
  CHECK_FALSE(valid(bad));
  json no_sub = read_json(frameworks_dir() / "ita-2568.json");
  no_sub["questions"][30].erase("subindicator");  // an OIT item needs its sub-indicator
  CHECK_FALSE(valid(no_sub));
}

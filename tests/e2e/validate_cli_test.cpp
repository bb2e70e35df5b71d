// `itawb validate`: the table, the JSON document and the exit codes.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "support/helpers.hpp"

using namespace itawb::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

fs::path build(const TempDir& tmp, const std::string& name, const json& spec) {
  const fs::path spec_file = tmp / (name + ".json"), out = tmp / (name + ".xlsx");
  std::ofstream(spec_file) << spec.dump();
  const auto r = run_command({"/usr/bin/python3", (repo_dir() / "tests" / "schema" / "workbook_tool.py").string(),
                              "new", spec_file.string(), out.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return out;
}

json indicators(double bad_score) {
  json rows = json::array({json::array({"ผลการประเมิน"}), json::array({"ตัวชี้วัด", "คะแนน"})});
  for (int n = 1; n <= 10; ++n) rows.push_back(json::array({n, n == 4 ? bad_score : 90.5}));
  return rows;
}

json workbook(double bad_score) {
  return {{"sheets",
           json::array({{{"name", "หน่วยงาน"},
                         {"rows", json::array({json::array({"ชื่อหน่วยงาน", "อบต.ทดสอบ"}),
                                               json::array({"จังหวัด", "กาญจนบุรี"}),
                                               json::array({"ปีที่ประเมิน", "๒๕๖๘"})})}},
                        {{"name", "คะแนนตัวชี้วัด"}, {"rows", indicators(bad_score)}}})}};
}

}  // namespace

TEST_CASE("validate: JSON for machines, every file reported, exit 2 for an unreadable one") {
  TempDir tmp;
  const fs::path good = build(tmp, "good", workbook(88));
  const fs::path bad = build(tmp, "bad", workbook(120));
  const fs::path junk = tmp / "junk.xlsx";
  std::ofstream(junk) << "not a workbook";
  const auto r = run_itawb({"validate", "--json", good.string(), bad.string(), junk.string()});
  CHECK(r.exit_code == 2);
  const json report = json::parse(r.out);
  CHECK(report["valid"] == false);
  REQUIRE(report["files"].size() == 3);
  CHECK(report["files"][0]["valid"] == true);
  // The good file: no error; the absent questions sheet is a warning first
  // (then what analyze says of it too: validate runs the same check).
  REQUIRE(report["files"][0]["findings"].size() >= 1);
  CHECK(report["files"][0]["findings"][0]["code"] == "missing-sheet");
  CHECK(report["files"][0]["findings"][0]["severity"] == "warning");
  for (const auto& f : report["files"][0]["findings"]) CHECK(f["severity"] != "error");
  const json& f = report["files"][1]["findings"][0];
  CHECK(report["files"][1]["valid"] == false);
  CHECK(f["code"] == "constraint-error");
  CHECK(f["sheet"] == "คะแนนตัวชี้วัด");
  CHECK(f["cell"] == "B6");
  CHECK(f["row"] == 6);
  CHECK(f["column"] == 2);
  CHECK(f["value"] == "120");
  CHECK(f["message_th"] == "คะแนนต้องอยู่ระหว่าง 0 ถึง 100 แต่พบ 120");
  CHECK(f["message_en"] == "Score must be between 0 and 100, found 120");
  CHECK(report["files"][2]["readable"] == false);
  CHECK(report["files"][2]["findings"][0]["code"] == "not-zip");
  CHECK(report["stats"]["files"] == 3);
  CHECK(report["stats"]["errors"] == 2);
  CHECK(report["stats"]["warnings"] == 2);
}

TEST_CASE("validate: the table for people, Thai with English beside, exit 1 on errors") {
  TempDir tmp;
  const fs::path bad = build(tmp, "bad", workbook(120));
  const auto th = run_itawb({"validate", bad.string()});
  CHECK(th.exit_code == 1);
  CHECK(th.out.find("คะแนนตัวชี้วัด!B6") != std::string::npos);
  CHECK(th.out.find("constraint-error") != std::string::npos);
  CHECK(th.out.find("คะแนนต้องอยู่ระหว่าง 0 ถึง 100 แต่พบ 120 (Score must be between 0 and 100, found 120)") !=
        std::string::npos);
  const auto en = run_itawb({"validate", "--lang", "en", bad.string()});
  CHECK(en.out.find("Score must be between 0 and 100, found 120") != std::string::npos);
  CHECK(en.out.find("คะแนนต้องอยู่") == std::string::npos);
  const fs::path good = build(tmp, "good", workbook(88));
  CHECK(run_itawb({"validate", good.string()}).exit_code == 0);
}

// One digit style per output workbook (--digits thai|arabic, Thai by
// default), the plan template (template --plan), blank score sheets read as
// "no scores", and no score tables for a measures-only workbook. Everything
// is read back with openpyxl.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>

#include <nlohmann/json.hpp>

#include "output/registry.hpp"
#include "support/helpers.hpp"

using namespace itawb;
using namespace itawb::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// The texts below are "where\ttext": only the text is checked.
std::string text_of(const std::string& s) { return s.substr(s.find('\t') + 1); }
// Arabic digits outside codes: "o10", "i1" stay as the framework writes them (docs/rules.md).
bool has_arabic_digit(const std::string& s) {
  return std::regex_search(std::regex_replace(text_of(s), std::regex("[A-Za-z][0-9]+"), ""), std::regex("[0-9]"));
}
bool has_thai_digit(const std::string& line) {
  const std::string s = text_of(line);
  for (const char* d : {"๐", "๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙"})
    if (s.find(d) != std::string::npos) return true;
  return false;
}

std::vector<std::string> sheet_names(const json& dump) {
  std::vector<std::string> names;
  for (const auto& s : dump["sheets"]) names.push_back(s["name"]);
  return names;
}

// Every text a generated sheet shows: its string cells and its page header.
std::vector<std::string> generated_texts(const json& dump) {
  std::vector<std::string> out;
  for (const auto& s : dump["sheets"]) {
    if (!output::is_generated_sheet(s["name"].get<std::string>())) continue;
    for (const auto& [ref, cell] : s["cells"].items())
      if (cell["t"] == "s") out.push_back(s["name"].get<std::string>() + "!" + ref + "\t" + cell["v"].get<std::string>());
    for (const auto& [where, text] : s["header"].items())
      if (text.is_string()) out.push_back(s["name"].get<std::string>() + " header\t" + text.get<std::string>());
  }
  return out;
}

fs::path analyze(const TempDir& tmp, const fs::path& input, const std::string& name,
                 const std::vector<std::string>& extra = {}) {
  const fs::path out = tmp / name;
  std::vector<std::string> args{"analyze", input.string(), "-o", out.string(), "--as-of", "2025-01-15", "-q"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = run_itawb(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return out;
}

const json* validation(const json& sheet, const std::string& sqref) {
  for (const auto& v : sheet["validations"])
    if (v["sqref"] == sqref) return &v;
  return nullptr;
}

}  // namespace

TEST_CASE("an analysis is written in Thai digits by default, Arabic with --digits arabic, scores stay numbers") {
  TempDir tmp;
  const auto thai = openpyxl_read(analyze(tmp, example("thungthong-2567.xlsx"), "thai.xlsx"));
  const auto texts = generated_texts(thai);
  REQUIRE(texts.size() > 100);
  size_t with_thai = 0;
  for (const auto& t : texts) {
    INFO(t);
    CHECK_FALSE(has_arabic_digit(t));
    with_thai += has_thai_digit(t);
  }
  CHECK(with_thai > 10);  // years, indicator numbers, codes: there are digits to write
  // The title carries the Buddhist-era year in Thai digits, as the seeds do.
  const auto& summary = sheet_of(thai, "สรุปผลการประเมิน");
  CHECK_THAT(summary["cells"]["A1"]["v"].get<std::string>(), Catch::EndsWith("พ.ศ.\u00A0๒๕๖๗"));
  // A score is a number cell with the two-decimal format.
  size_t scores = 0;
  for (const auto& [ref, cell] : summary["cells"].items())
    if (cell["t"] == "n" && cell["fmt"] == "0.00") ++scores;
  CHECK(scores >= 20);
  // A number that labels a row (an issue's ที่, a finding's ลำดับ) is text in
  // the page's digits, as the text beside it.
  CHECK(sheet_of(thai, "วิเคราะห์รายประเด็น")["cells"]["A6"]["v"] == "๑");
  CHECK(sheet_of(thai, "ข้อบกพร่อง")["cells"]["A4"]["v"] == "๑");
  CHECK(sheet_of(thai, "ตรวจสอบข้อมูล")["cells"]["A4"]["v"] == "๑");

  const auto arabic = openpyxl_read(analyze(tmp, example("thungthong-2567.xlsx"), "arabic.xlsx", {"--digits", "arabic"}));
  for (const auto& t : generated_texts(arabic)) {
    INFO(t);
    CHECK_FALSE(has_thai_digit(t));
  }
  CHECK_THAT(sheet_of(arabic, "สรุปผลการประเมิน")["cells"]["A1"]["v"].get<std::string>(),
             Catch::EndsWith("พ.ศ.\u00A02567"));
  CHECK(sheet_of(arabic, "วิเคราะห์รายประเด็น")["cells"]["A6"]["v"] == 1);  // with Arabic digits, a number
  CHECK(sheet_of(arabic, "ตรวจสอบข้อมูล")["cells"]["A4"]["v"] == 1);
  // The input sheets are carried over as they were, whatever the style.
  CHECK(sheet_of(arabic, "หน่วยงาน")["cells"] == sheet_of(thai, "หน่วยงาน")["cells"]);

  const auto bad = run_itawb({"analyze", example("thungthong-2567.xlsx").string(), "-o",
                              (tmp / "x.xlsx").string(), "--digits", "roman"});
  CHECK(bad.exit_code != 0);
  CHECK_FALSE(fs::exists(tmp / "x.xlsx"));
}

TEST_CASE("a measures-only workbook's analysis has the plan and the findings, no score tables") {
  TempDir tmp;
  const auto dump = openpyxl_read(analyze(tmp, example("patueng-2569-plan.xlsx"), "plan.xlsx"));
  const auto names = sheet_names(dump);
  for (const char* score_sheet : {"สรุปผลการประเมิน", "วิเคราะห์รายประเด็น", "ข้อบกพร่อง"}) {
    INFO(score_sheet);
    CHECK(std::find(names.begin(), names.end(), score_sheet) == names.end());
  }
  REQUIRE(names.size() >= 2);
  CHECK(names[0] == "บันทึกข้อความ");  // the memo opens the report, as agencies send it
  CHECK(names[1] == "มาตรการ");
  CHECK(std::find(names.begin(), names.end(), "ความก้าวหน้ารายไตรมาส") != names.end());
  CHECK(std::find(names.begin(), names.end(), "ตรวจสอบข้อมูล") != names.end());
  for (const auto& t : generated_texts(dump)) {
    INFO(t);
    CHECK_FALSE(has_arabic_digit(t));
  }
}

TEST_CASE("template --plan has the agency, measures and progress sheets with the full template's drop-downs") {
  TempDir tmp;
  const fs::path plan = tmp / "plan.xlsx", full = tmp / "full.xlsx";
  REQUIRE(run_itawb({"template", "--year", "2568", "--plan", "-o", plan.string()}).exit_code == 0);
  REQUIRE(run_itawb({"template", "--year", "2568", "-o", full.string()}).exit_code == 0);
  const auto p = openpyxl_read(plan), f = openpyxl_read(full);
  CHECK(sheet_names(p) == std::vector<std::string>{"คำอธิบาย", "หน่วยงาน", "มาตรการ", "ความก้าวหน้า"});
  for (const char* name : {"หน่วยงาน", "มาตรการ", "ความก้าวหน้า"}) {
    INFO(name);
    const auto& ps = sheet_of(p, name);
    CHECK(ps["protected"] == true);
    CHECK(ps["validations"] == sheet_of(f, name)["validations"]);
  }
  const json* status = validation(sheet_of(p, "ความก้าวหน้า"), "C4:C63");
  REQUIRE(status);
  CHECK((*status)["type"] == "list");
  CHECK_THAT((*status)["formula1"].get<std::string>(), Catch::Contains("ดำเนินการแล้ว"));
  const json* ids = validation(sheet_of(p, "ความก้าวหน้า"), "A4:A63");
  REQUIRE(ids);
  CHECK((*ids)["formula1"] == "'มาตรการ'!$A$4:$A$33");
  // The explanation describes only the sheets it has.
  for (const auto& [ref, cell] : sheet_of(p, "คำอธิบาย")["cells"].items())
    if (cell["t"] == "s") CHECK_THAT(cell["v"].get<std::string>(), !Catch::Contains("คะแนนรายข้อ ("));
  // Its titles follow the digit style (Thai by default).
  CHECK_THAT(sheet_of(p, "มาตรการ")["cells"]["A1"]["v"].get<std::string>(), Catch::EndsWith("ปีที่ประเมิน ๒๕๖๘"));
}

TEST_CASE("a full template with its score sheets left blank is analysed as a plan: one warning, no missing cells") {
  TempDir tmp;
  const fs::path tpl = tmp / "full.xlsx";
  REQUIRE(run_itawb({"template", "--year", "2568", "-o", tpl.string()}).exit_code == 0);
  const json spec = {{"หน่วยงาน", {{"B4", "องค์การบริหารส่วนตำบลป่าตึง"}, {"B6", "เชียงราย"}}},
                     {"มาตรการ",
                      {{"A4", "1"}, {"D4", "จัดทำคู่มือการปฏิบัติงาน"}, {"F4", "ไตรมาส 2"}, {"G4", "สำนักปลัด"}}}};
  const fs::path spec_file = tmp / "fill.json", filled = tmp / "filled.xlsx";
  std::ofstream(spec_file) << spec.dump();
  const auto fill = run_command({"/usr/bin/python3", (repo_dir() / "tests" / "schema" / "workbook_tool.py").string(),
                                 "fill", tpl.string(), spec_file.string(), filled.string()});
  INFO(fill.err);
  REQUIRE(fill.exit_code == 0);

  const auto r = run_itawb({"analyze", filled.string(), "-o", (tmp / "out.xlsx").string(), "--json", "-q"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json doc = json::parse(r.out);
  CHECK(doc["summary"]["errors"] == 0);
  size_t no_scores = 0;
  for (const auto& f : doc["findings"]) {
    INFO(f.dump());
    CHECK(f["code"] != "missing-cell");
    CHECK(f["code"] != "missing-sheet");
    no_scores += f["code"] == "no-scores";
  }
  CHECK(no_scores == 1);
  REQUIRE(doc["measures"].size() == 1);
  CHECK(doc["measures"][0]["quarters"] == json::array({2}));
  const auto names = sheet_names(openpyxl_read(tmp / "out.xlsx"));
  CHECK(std::find(names.begin(), names.end(), "สรุปผลการประเมิน") == names.end());

  // One typed score makes them score sheets again, checked as such.
  const json one = {{"คะแนนตัวชี้วัด", {{"C4", 95.5}}}};
  std::ofstream(spec_file) << one.dump();
  const fs::path scored = tmp / "scored.xlsx";
  REQUIRE(run_command({"/usr/bin/python3", (repo_dir() / "tests" / "schema" / "workbook_tool.py").string(), "fill",
                       filled.string(), spec_file.string(), scored.string()})
              .exit_code == 0);
  const auto v = run_itawb({"validate", scored.string(), "--json"});
  const json vdoc = json::parse(v.out);
  size_t missing = 0;
  for (const auto& f : vdoc["files"][0]["findings"]) missing += f["code"] == "missing-cell";
  CHECK(missing >= 9);  // the nine other indicators
}

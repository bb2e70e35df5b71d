// `itawb analyze` end to end on the bundled example (seed 000's figures,
// อบต.ทุ่งทอง 2567 against 2566), read back with openpyxl.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

#include "base/files.hpp"
#include "support/helpers.hpp"
#include "xlsx/writer.hpp"

using namespace itawb;
using itawb::test::example;
using itawb::test::openpyxl_read;
using itawb::test::run_itawb;
using itawb::test::sheet_of;
using itawb::test::read_bytes;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// The row (as text) of the first cell in column A whose text is `label` or
// starts with `label` and a line break (the English second line), or "".
std::string row_labelled(const json& sheet, const std::string& label) {
  for (const auto& [ref, cell] : sheet["cells"].items()) {
    if (ref[0] != 'A' || !std::isdigit(static_cast<unsigned char>(ref[1])) || !cell["v"].is_string()) continue;
    const std::string v = cell["v"];
    if (v == label || v.rfind(label + "\n", 0) == 0) return ref.substr(1);
  }
  return "";
}

std::vector<std::string> sheet_names(const json& dump) {
  std::vector<std::string> names;
  for (const auto& s : dump["sheets"]) names.push_back(s["name"]);
  return names;
}

// A small standard workbook written here: the seed's 2567 indicator scores,
// with one changed score, and no questions sheet.
void write_indicator_workbook(const fs::path& file, double indicator3_score) {
  const double scores[10] = {100, 99.80, indicator3_score, 98.99, 100, 98.42, 97.35, 92.05, 92.14, 100};
  const double previous[10] = {97.24, 90.63, 93.24, 95.87, 93.09, 86.76, 84.73, 83.19, 70.50, 67.50};
  const char* names[10] = {"การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ",
                           "การแก้ไขปัญหาการทุจริต", "คุณภาพการดำเนินงาน", "ประสิทธิภาพการสื่อสาร",
                           "การปรับปรุงการทำงาน", "การเปิดเผยข้อมูล", "การป้องกันการทุจริต"};
  xlsx::WorkbookWriter wb(file);
  auto& agency = wb.add_sheet("หน่วยงาน");
  agency.text(0, 0, "ชื่อหน่วยงาน");
  agency.text(0, 1, "องค์การบริหารส่วนตำบลทุ่งทอง");
  agency.text(1, 0, "อำเภอ");
  agency.text(1, 1, "ท่าม่วง");
  agency.text(2, 0, "จังหวัด");
  agency.text(2, 1, "กาญจนบุรี");
  agency.text(3, 0, "ปีที่ประเมิน");
  agency.number(3, 1, 2567);
  auto& ind = wb.add_sheet("คะแนนตัวชี้วัด");
  ind.text(0, 0, "ตัวชี้วัด");
  ind.text(0, 1, "ชื่อตัวชี้วัด");
  ind.text(0, 2, "คะแนนปีก่อน");
  ind.text(0, 3, "คะแนน");
  for (uint32_t i = 0; i < 10; ++i) {
    ind.number(i + 1, 0, i + 1);
    ind.text(i + 1, 1, names[i]);
    ind.number(i + 1, 2, previous[i]);
    ind.number(i + 1, 3, scores[i]);
  }
  wb.close();
}

struct Analysed {
  test::RunResult run;
  json dump;
};

// Runs analyze on the example once for the tests that only read the output.
const Analysed& example_run() {
  static test::TempDir tmp;
  static const Analysed result = [] {
    Analysed a;
    const fs::path out = tmp / "thungthong-analysis.xlsx";
    a.run = run_itawb({"analyze", example("thungthong-2567.xlsx").string(), "-o", out.string()});
    if (a.run.exit_code == 0) a.dump = openpyxl_read(out);
    return a;
  }();
  return result;
}

}  // namespace

TEST_CASE("analyze writes the result and plan sheets before the carried-over input sheets") {
  const auto& r = example_run();
  INFO(r.run.err);
  REQUIRE(r.run.exit_code == 0);
  // มาตรการ is rewritten from the plan (report/plan_sheets), so the input's
  // own measures sheet is not carried over a second time.
  CHECK(sheet_names(r.dump) == std::vector<std::string>{"บันทึกข้อความ", "สรุปผลการประเมิน", "วิเคราะห์รายประเด็น", "ข้อบกพร่อง",
                                                        "มาตรการ", "ความก้าวหน้ารายไตรมาส", "ตรวจสอบข้อมูล",
                                                        "หน่วยงาน", "คะแนนตัวชี้วัด", "คะแนนรายข้อ"});
  CHECK(r.run.err.find("ผ่านดีเยี่ยม") != std::string::npos);
}

TEST_CASE("summary: the published totals, level and change of seed 000 as numbers") {
  const auto& s = sheet_of(example_run().dump, "สรุปผลการประเมิน");
  REQUIRE(s.is_object());
  const json& c = s["cells"];
  const std::string published = row_labelled(s, "คะแนนรวมที่ประกาศ (ITAS)");
  REQUIRE(!published.empty());
  CHECK(c["C" + published]["v"].get<double>() == Approx(81.27));
  CHECK(c["C" + published]["fmt"] == "0.00");
  CHECK(c["D" + published]["v"].get<double>() == Approx(97.13));
  CHECK(c["D" + published]["t"] == "n");
  CHECK(c["D" + published]["fmt"] == "0.00");
  CHECK(c["E" + published]["v"].get<double>() == Approx(15.86));
  CHECK(c["E" + published]["fmt"] == "+0.00;-0.00;0.00");

  const std::string total = row_labelled(s, "คะแนนรวม (ITA)");
  CHECK(c["C" + total]["v"].get<double>() == Approx(81.27));
  const std::string level = row_labelled(s, "ระดับผลการประเมิน");
  CHECK(c["D" + level]["v"] == "ผ่านดีเยี่ยม");
  const std::string reported_level = row_labelled(s, "ระดับที่ประกาศ (ITAS)");
  CHECK(c["D" + reported_level]["v"] == "ผ่านดีเยี่ยม");

  // Indicator 4: as printed (98.59) and as its questions give it (98.99).
  const std::string ind4 = row_labelled(s, "๔. การใช้ทรัพย์สินของราชการ");
  REQUIRE(!ind4.empty());
  CHECK(c["A" + ind4]["v"] == "๔. การใช้ทรัพย์สินของราชการ\nUse of government property");
  CHECK(c["D" + ind4]["v"].get<double>() == Approx(98.59));
  CHECK(c["F" + ind4]["v"].get<double>() == Approx(98.99));
  // The tools of 2566 as seed 000 prints them.
  CHECK(c["C" + row_labelled(s, "ผลการประเมินบุคลากรภายใน (IIT)")]["v"].get<double>() == Approx(94.01));
  CHECK(s["paper"] == 9);
  CHECK(s["landscape"] == false);
  CHECK(s["print_title_rows"] == "$4:$5");
}

TEST_CASE("issues: the seed's lowest three questions of issue 2") {
  const auto& s = sheet_of(example_run().dump, "วิเคราะห์รายประเด็น");
  REQUIRE(s.is_object());
  const json& c = s["cells"];
  std::string first;
  for (const auto& [ref, cell] : c.items())
    if (ref[0] == 'A' && cell["v"] == "๒") first = ref.substr(1);  // a label: in the page's Thai digits
  REQUIRE(!first.empty());
  const int r = std::stoi(first);
  CHECK(c["C" + std::to_string(r)]["v"] == "e9");
  CHECK(c["E" + std::to_string(r)]["v"].get<double>() == Approx(82.49));
  CHECK(c["C" + std::to_string(r + 1)]["v"] == "e8");
  CHECK(c["E" + std::to_string(r + 1)]["v"].get<double>() == Approx(96.59));
  CHECK(c["C" + std::to_string(r + 2)]["v"] == "e1");
  CHECK(c["E" + std::to_string(r + 2)]["v"].get<double>() == Approx(96.93));
  CHECK(s["landscape"] == true);
}

TEST_CASE("deficiencies: e9 is urgent and coloured, full marks are kept") {
  const auto& s = sheet_of(example_run().dump, "ข้อบกพร่อง");
  REQUIRE(s.is_object());
  bool e9 = false, maintain = false;
  for (const auto& [ref, cell] : s["cells"].items()) {
    if (ref[0] != 'C') continue;
    const std::string row = ref.substr(1);
    if (cell["v"] == "e9") {
      e9 = true;
      CHECK(s["cells"]["E" + row]["v"].get<double>() == Approx(82.49));
      CHECK(s["cells"]["F" + row]["v"] == "ข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน");
      CHECK(s["cells"]["F" + row]["fill"] == "FFF4B6B0");
    }
    if (cell["v"] == "i10") {
      maintain = true;
      CHECK(s["cells"]["F" + row]["v"] == "รักษาระดับ");
      CHECK(s["cells"]["F" + row]["fill"] == "FFE2EFDA");
    }
  }
  CHECK(e9);
  CHECK(maintain);
}

TEST_CASE("findings: the indicator-4 slip is a warning linked to its cell, and highlighted") {
  const auto& dump = example_run().dump;
  const auto& s = sheet_of(dump, "ตรวจสอบข้อมูล");
  REQUIRE(s.is_object());
  std::string row;
  for (const auto& [ref, cell] : s["cells"].items())
    if (ref[0] == 'C' && cell["v"] == "score-mismatch") row = ref.substr(1);
  REQUIRE(!row.empty());
  CHECK(s["cells"]["B" + row]["v"] == "คำเตือน (warning)");
  CHECK(s["cells"]["D" + row]["v"] == "คะแนนตัวชี้วัด!D7"  /* a cell reference as Excel writes it, like a code */);
  CHECK(s["hyperlinks"]["D" + row] == "'คะแนนตัวชี้วัด'!D7");
  CHECK(s["cells"]["F" + row]["v"].get<std::string>().find("๙๘.๙๙") != std::string::npos);
  const auto& ind = sheet_of(dump, "คะแนนตัวชี้วัด");
  CHECK(ind["cells"]["D7"]["v"].get<double>() == Approx(98.59));
  CHECK(ind["cells"]["D7"]["fill"] == "FFFCE4B6");
}

TEST_CASE("the input sheets survive with their values and formats") {
  const auto& dump = example_run().dump;
  const auto& agency = sheet_of(dump, "หน่วยงาน");
  CHECK(agency["cells"]["B3"]["v"] == "องค์การบริหารส่วนตำบลทุ่งทอง");
  CHECK(agency["cells"]["B6"]["v"] == "๒๕๖๗");  // Thai digits kept as typed
  const auto& questions = sheet_of(dump, "คะแนนรายข้อ");
  CHECK(questions["cells"]["A1"]["v"] == "คะแนนรายข้อคำถาม IIT / EIT ปี พ.ศ. ๒๕๖๗");
  CHECK(questions["cells"]["A26"]["v"] == "e9");
  CHECK(questions["cells"]["C26"]["v"].get<double>() == Approx(82.49));
  CHECK(questions["cells"]["C26"]["fmt"] == "0.00");
  // The seed's measure 3 (e9), in the rewritten measures sheet (generated: Thai digits).
  const auto& measures = sheet_of(dump, "มาตรการ");
  std::string row;
  for (const auto& [ref, cell] : measures["cells"].items())
    if (ref[0] == 'C' && cell["v"] == "e9") row = ref.substr(1);
  REQUIRE(!row.empty());
  CHECK(measures["cells"]["F" + row]["v"] == "ไตรมาส ๒");
  CHECK(measures["cells"]["G" + row]["v"] == "สำนักปลัด");
}

TEST_CASE("analysing an output again replaces the result sheets instead of copying them") {
  test::TempDir tmp;
  const fs::path first = tmp / "first.xlsx", second = tmp / "second.xlsx";
  REQUIRE(run_itawb({"analyze", example("thungthong-2567.xlsx").string(), "-o", first.string()}).exit_code == 0);
  const auto r = run_itawb({"analyze", first.string(), "-o", second.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json a = openpyxl_read(first, true), b = openpyxl_read(second, true);
  CHECK(sheet_names(a) == sheet_names(b));
  for (const char* name : {"สรุปผลการประเมิน", "วิเคราะห์รายประเด็น", "ข้อบกพร่อง"})
    CHECK(sheet_of(a, name)["cells"] == sheet_of(b, name)["cells"]);
}

TEST_CASE("the input is never written") {
  test::TempDir tmp;
  const fs::path input = example("thungthong-2567.xlsx");
  const std::string before = read_bytes(input);
  REQUIRE(run_itawb({"analyze", input.string(), "-o", (tmp / "out.xlsx").string()}).exit_code == 0);
  CHECK(read_bytes(input) == before);

  SECTION("-o naming the input is refused with exit code 2") {
    const fs::path copy = tmp / "copy.xlsx";
    fs::copy_file(input, copy);
    const std::string original = read_bytes(copy);
    const fs::path same = tmp / "." / "copy.xlsx";
    const auto r = run_itawb({"analyze", copy.string(), "-o", same.string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("must not be the input") != std::string::npos);
    CHECK(read_bytes(copy) == original);
  }
  SECTION("without -o the output goes beside the input") {
    const fs::path copy = tmp / "agency.xlsx";
    fs::copy_file(input, copy);
    REQUIRE(run_itawb({"analyze", copy.string(), "-q"}).exit_code == 0);
    CHECK(fs::exists(tmp / "agency-itawb.xlsx"));
  }
}

TEST_CASE("an output folder that does not exist is made, one that cannot be made is named") {
  test::TempDir tmp;
  const fs::path input = example("thungthong-2567.xlsx");
  SECTION("a new folder with a Thai name, two levels deep") {
    const fs::path out = tmp / "ผลการวิเคราะห์" / "ปี ๒๕๖๗" / "ทุ่งทอง.xlsx";
    const auto r = run_itawb({"analyze", input.string(), "-o", out.string(), "-q"});
    REQUIRE(r.exit_code == 0);
    const json dump = openpyxl_read(out, true);
    CHECK(sheet_names(dump).front() == "บันทึกข้อความ");  // the memo opens the report
  }
  SECTION("a file in the way: the folder is named in Thai and English, never a temporary file") {
    const fs::path blocker = tmp / "not-a-folder";
    std::ofstream(blocker) << "x";
    const fs::path out = blocker / "out.xlsx";
    const auto r = run_itawb({"analyze", input.string(), "-o", out.string()});
    CHECK(r.exit_code == 2);
    // Named once on each line, in front (the message's own ": folder" is taken out).
    const std::string where = blocker.string() + ": ";
    CHECK(r.err.starts_with(where + "สร้างโฟลเดอร์สำหรับไฟล์ผลลัพธ์ไม่ได้ ("));
    CHECK(r.err.find("\n" + where + "cannot create the folder for the output (") != std::string::npos);
    size_t named = 0;
    for (size_t at = r.err.find(blocker.string()); at != std::string::npos; at = r.err.find(blocker.string(), at + 1))
      ++named;
    CHECK(named == 2);
    CHECK(r.err.find(".tmp") == std::string::npos);
    CHECK_FALSE(fs::exists(out));
  }
}

TEST_CASE("analyze --json prints the analysis document") {
  test::TempDir tmp;
  const auto r = run_itawb({"analyze", example("thungthong-2567.xlsx").string(), "-o",
                            (tmp / "out.xlsx").string(), "--json"});
  REQUIRE(r.exit_code == 0);
  const json doc = json::parse(r.out);
  CHECK(doc["agency"]["name"] == "องค์การบริหารส่วนตำบลทุ่งทอง");
  CHECK(doc["agency"]["assessment_year"] == 2567);
  CHECK(doc["agency"]["plan_year"] == 2568);
  CHECK(doc["overall"]["previous"].get<double>() == Approx(81.27));
  CHECK(doc["overall"]["reported"].get<double>() == Approx(97.13));
  CHECK(doc["overall"]["level"] == "ผ่านดีเยี่ยม");
  CHECK(doc["tools"]["IIT"]["previous"].get<double>() == Approx(94.01));
  CHECK(doc["tools"]["OIT"]["score"].get<double>() == Approx(96.07));
  REQUIRE(doc["indicators"].size() == 10);
  CHECK(doc["indicators"][3]["score"].get<double>() == Approx(98.59));
  CHECK(doc["indicators"][3]["computed"].get<double>() == Approx(98.99));
  CHECK(doc["indicators"][3]["tool"] == "IIT");
  REQUIRE(doc["issues"].size() == 7);
  const auto& lowest = doc["issues"][1]["lowest"];
  REQUIRE(lowest.size() == 3);
  CHECK(lowest[0]["code"] == "e9");
  CHECK(lowest[0]["score"].get<double>() == Approx(82.49));
  CHECK(lowest[1]["code"] == "e8");
  CHECK(lowest[2]["code"] == "e1");
  CHECK(doc["issues"][3]["lowest"][0]["code"] == "i12");  // typed "i๑๒" in the workbook
  bool urgent_e9 = false;
  for (const auto& d : doc["deficiencies"])
    if (d["code"] == "e9") urgent_e9 = d["category"] == "urgent" && d["issue"] == 2;
  CHECK(urgent_e9);
  bool slip = false;
  for (const auto& f : doc["findings"])
    if (f["sheet"] == "คะแนนตัวชี้วัด" && f["cell"] == "D7")
      slip = f["severity"] == "warning" && !f["message_en"].get<std::string>().empty();
  CHECK(slip);
}

TEST_CASE("exit codes: 1 for a workbook with errors, 2 for a file that is not a workbook") {
  test::TempDir tmp;
  SECTION("a score of 120 is an error: exit 1, the output written with the cell marked, findings in JSON and on stderr") {
    const fs::path bad = tmp / "bad.xlsx", out = tmp / "bad-out.xlsx";
    write_indicator_workbook(bad, 120);
    const auto r = run_itawb({"analyze", bad.string(), "-o", out.string(), "--json"});
    CHECK(r.exit_code == 1);
    REQUIRE(fs::exists(out));
    const json written = test::openpyxl_read(out);
    // The carried-over score cell is filled red (an error) and left out of the figures.
    const json& marked = test::sheet_of(written, "คะแนนตัวชี้วัด")["cells"]["D4"]["fill"];
    REQUIRE(marked.is_string());
    CHECK(marked.get<std::string>().find("F4B6B0") != std::string::npos);
    const json doc = json::parse(r.out);
    CHECK(doc["valid"] == false);
    bool found = false;
    for (const auto& f : doc["findings"])
      if (f["severity"] == "error" && f["sheet"] == "คะแนนตัวชี้วัด" && f["cell"] == "D4") found = true;
    CHECK(found);
    CHECK(r.err.find("คะแนนตัวชี้วัด!D4") != std::string::npos);
  }
  SECTION("a missing file: exit 2, the reason in Thai then English (English only with --lang en)") {
    const std::string none = (tmp / "none.xlsx").string();
    const auto r = run_itawb({"analyze", none, "-o", (tmp / "o.xlsx").string()});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == none + ": ไม่พบไฟล์นี้ หรือไม่มีสิทธิ์เปิดอ่าน\n" +
                       none + ": The file does not exist or cannot be opened for reading.\n");
    CHECK_FALSE(fs::exists(tmp / "o.xlsx"));
    const auto en = run_itawb({"analyze", none, "-o", (tmp / "o.xlsx").string(), "--lang", "en"});
    CHECK(en.exit_code == 2);
    CHECK(en.err == none + ": The file does not exist or cannot be opened for reading.\n");
  }
  SECTION("a garbage file") {
    const fs::path garbage = tmp / "garbage.xlsx";
    std::ofstream(garbage) << "this is not a workbook";
    const auto r = run_itawb({"analyze", garbage.string(), "-o", (tmp / "o.xlsx").string(), "--json"});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
  }
  SECTION("no input is a usage error") { CHECK(run_itawb({"analyze"}).exit_code == 2); }
}

TEST_CASE("a workbook without question scores is analysed at indicator level, and says so") {
  test::TempDir tmp;
  const fs::path out = tmp / "indicators.xlsx";
  const auto r = run_itawb({"analyze", example("thungthong-2567-indicators.xlsx").string(), "-o",
                            out.string(), "--json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json doc = json::parse(r.out);
  CHECK(doc["question_level"] == false);
  CHECK(doc["overall"]["previous"].get<double>() == Approx(81.27));
  const json dump = openpyxl_read(out);
  const auto& s = sheet_of(dump, "วิเคราะห์รายประเด็น");
  CHECK(s["cells"]["A3"]["v"].get<std::string>().find("วิเคราะห์ระดับตัวชี้วัด") != std::string::npos);
  CHECK(sheet_of(dump, "คะแนนรายข้อ").is_null());
  // Issue 2 draws on indicators 6 and 8: the lower one, 92.05, comes first.
  bool issue2 = false;
  for (const auto& [ref, cell] : s["cells"].items()) {
    if (ref[0] != 'A' || cell["v"] != "๒") continue;
    const std::string row = ref.substr(1);
    issue2 = s["cells"]["C" + row]["v"] == "ตัวชี้วัด ๘" &&
             std::fabs(s["cells"]["E" + row]["v"].get<double>() - 92.05) < 1e-9;
  }
  CHECK(issue2);
  CHECK(doc["issues"][1]["lowest"][0]["score"].get<double>() == Approx(92.05));
}

TEST_CASE("the seeds' progress reports, re-entered as measures workbooks, analyse to the figures they state") {
  itawb::test::TempDir tmp;
  // Seed 002 (อบต.ป่าตึง, FY 2568), reported on 21 ต.ค. 2568: all 11 measures done.
  auto r = run_itawb({"analyze", "--json", "--as-of", "2025-10-21", example("patueng-2568-progress.xlsx").string(),
                      "-o", (tmp / "patueng.xlsx").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  json doc = json::parse(r.out);
  CHECK(doc["valid"] == true);
  CHECK(doc["overall"]["score"].is_null());  // no score sheets: no score analysis
  CHECK(doc["progress"]["total"] == 11);
  CHECK(doc["progress"]["done"] == 11);
  CHECK(doc["progress"]["completion"] == Approx(100.0));
  CHECK(doc["progress"]["by_owner"]["สำนักปลัด"]["done"] == 9);
  CHECK(doc["progress"]["by_owner"]["กองคลัง"]["total"] == 4);
  CHECK(doc["progress"]["overdue"].empty());
  const auto out = openpyxl_read(tmp / "patueng.xlsx", true);
  CHECK(sheet_of(out, "ความก้าวหน้ารายไตรมาส").is_object());

  // Seed 003 (อบต.ทุ่งกระพังโหม, FY 2567): 11 of 11 done by the year's end.
  r = run_itawb({"analyze", "--json", "--as-of", "2024-09-30",
                 example("thungkraphanghom-2567-progress.xlsx").string(), "-o", (tmp / "tkp.xlsx").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  doc = json::parse(r.out);
  CHECK(doc["progress"]["total"] == 11);
  CHECK(doc["progress"]["done"] == 11);
  CHECK(doc["progress"]["current_quarter"] == 4);
}

// ---- issue 26 (7, 9, 10, 12): the agency's own content carried whole ----

namespace {

// `base` with the sheets of `spec` added by editing its package
// (tests/support/add_sheets.py: names and sizes openpyxl would not write).
fs::path add_sheets(const fs::path& base, const json& spec, const fs::path& out) {
  const fs::path spec_file = out.string() + ".json";
  std::ofstream(spec_file) << spec.dump();
  const auto r = test::run_command({"/usr/bin/python3", (test::repo_dir() / "tests/support/add_sheets.py").string(),
                                    base.string(), out.string(), spec_file.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return out;
}

std::string repeated(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// The findings sheet's rows with `code` (column C), as column -> value.
std::vector<std::map<std::string, std::string>> finding_rows(const json& dump, const std::string& code) {
  std::vector<std::map<std::string, std::string>> rows;
  const auto& cells = sheet_of(dump, "ตรวจสอบข้อมูล")["cells"];
  for (const auto& [ref, cell] : cells.items()) {
    if (ref[0] != 'C' || cell["v"] != code) continue;
    const std::string row = ref.substr(1);
    std::map<std::string, std::string> r;
    for (const char* col : {"B", "D", "E", "F", "G"})
      if (cells.contains(col + row) && cells[col + row]["v"].is_string()) r[col] = cells[col + row]["v"];
    rows.push_back(r);
  }
  return rows;
}

}  // namespace

namespace {

// The bundled example edited through openpyxl (`wb` loaded, then `python`
// run, then saved) into `out`, as an officer's Excel would leave it.
fs::path edited_example(const fs::path& out, const std::string& python) {
  const auto edit = test::run_command({"/usr/bin/python3", "-c",
                                       "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\n" + python +
                                           "wb.save(sys.argv[2])\n",
                                       example("thungthong-2567.xlsx").string(), out.string()});
  INFO(edit.err);
  REQUIRE(edit.exit_code == 0);
  return out;
}

}  // namespace

TEST_CASE("analyze carries sheets Excel allows under names the output accepts, copies and extra columns too") {
  test::TempDir tmp;
  // The example with the agency's own column J in มาตรการ (openpyxl), then
  // sheets openpyxl would not write: names differing only in case, quotes
  // at both ends, Excel's copy of a memo, a 40,000-character text and a
  // literal "_x0041_" (as Excel escapes it).
  const fs::path base = edited_example(tmp / "base.xlsx",
                                       "ws = wb['มาตรการ']\n"
                                       "ws['J2'] = 'หมายเหตุของหน่วยงาน'; ws['J3'] = 'ใช้งบกลาง'; ws['J5'] = 'ทำร่วมกับอำเภอ'\n");
  const json spec = {{"sheets",
                      {{{"name", "Extra"}, {"cells", {{"A1", "เล็ก"}}}},
                       {{"name", "EXTRA"}, {"cells", {{"A1", "ใหญ่"}}}},
                       {{"name", "'อ้างอิง'"}, {"cells", {{"A1", "ในเครื่องหมาย"}}}},
                       {{"name", "บันทึกข้อความ (2)"}, {"cells", {{"A1", "บันทึกข้อความของหน่วยงานเอง"}}}},
                       {{"name", "ยาว"}, {"cells", {{"A1", "_x005F_x0041_"}, {"B7", repeated("ข", 40'000)}}}}}}};
  const fs::path input = add_sheets(base, spec, tmp / "agency.xlsx");
  const fs::path out = tmp / "out.xlsx";
  const auto r = run_itawb({"analyze", input.string(), "-o", out.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);  // was 2: libxlsxwriter refused "EXTRA" and "'อ้างอิง'"
  const json dump = openpyxl_read(out);
  CHECK(sheet_names(dump) == std::vector<std::string>{"บันทึกข้อความ", "สรุปผลการประเมิน", "วิเคราะห์รายประเด็น",
                                                      "ข้อบกพร่อง", "มาตรการ", "ความก้าวหน้ารายไตรมาส",
                                                      "ตรวจสอบข้อมูล", "หน่วยงาน", "คะแนนตัวชี้วัด", "คะแนนรายข้อ",
                                                      "Extra", "EXTRA (2)", "อ้างอิง", "บันทึกข้อความ (2)", "ยาว"});
  CHECK(sheet_of(dump, "EXTRA (2)")["cells"]["A1"]["v"] == "ใหญ่");
  CHECK(sheet_of(dump, "อ้างอิง")["cells"]["A1"]["v"] == "ในเครื่องหมาย");
  CHECK(sheet_of(dump, "บันทึกข้อความ (2)")["cells"]["A1"]["v"] == "บันทึกข้อความของหน่วยงานเอง");
  const auto& long_sheet = sheet_of(dump, "ยาว")["cells"];
  CHECK(long_sheet["A1"]["v"] == "_x0041_");
  CHECK(long_sheet["B7"]["v"] == repeated("ข", 32'767));

  // Each rename and the cut text are warnings in ตรวจสอบข้อมูล (Thai digits there).
  auto renamed = finding_rows(dump, "sheet-renamed");
  REQUIRE(renamed.size() == 2);
  CHECK(renamed[0]["B"] == "คำเตือน (warning)");
  CHECK(renamed[0]["D"] == "EXTRA");
  CHECK(renamed[0]["E"] == "EXTRA (๒)");  // the page's digits, like every text of the sheet
  CHECK(renamed[1]["D"] == "'อ้างอิง'");
  CHECK(renamed[1]["E"] == "อ้างอิง");
  auto cut = finding_rows(dump, "text-too-long");
  REQUIRE(cut.size() == 1);
  CHECK(cut[0]["D"] == "ยาว!B7");  // cell names keep the digits Excel shows
  CHECK(cut[0]["E"] == "๔๐๐๐๐");
  CHECK(cut[0]["F"].find("ยาว ๔๐๐๐๐ ตัวอักษร") != std::string::npos);

  // The agency's column J of มาตรการ, after the plan's columns, on its measures' rows.
  const auto& measures = sheet_of(dump, "มาตรการ")["cells"];
  std::string col;
  for (const auto& [ref, cell] : measures.items())
    if (cell["v"] == "หมายเหตุของหน่วยงาน") col = ref.substr(0, ref.find_first_of("0123456789"));
  CHECK(col == "N");  // after the schema's nine columns and the plan's four (J-M)
  REQUIRE(!col.empty());
  CHECK(measures.contains(col + "3"));  // the header row of the output's table
  CHECK(measures["J3"]["v"] == "ไตรมาสตามแผน");  // the plan's columns as they were
  auto row_of = [&](const std::string& id_th, const std::string& id) {
    for (const auto& [ref, cell] : measures.items())
      if (ref[0] == 'A' && std::isdigit(static_cast<unsigned char>(ref[1])) && (cell["v"] == id_th || cell["v"] == id))
        return ref.substr(1);
    return std::string();
  };
  const std::string first = row_of("๑", "1"), third = row_of("๓", "3"), second = row_of("๒", "2");
  REQUIRE(!first.empty());
  REQUIRE(!third.empty());
  CHECK(measures[col + first]["v"] == "ใช้งบกลาง");
  CHECK(measures[col + third]["v"] == "ทำร่วมกับอำเภอ");
  CHECK_FALSE(measures.contains(col + second));
  auto extra = finding_rows(dump, "extra-columns-carried");
  REQUIRE(extra.size() == 1);
  CHECK(extra[0]["E"] == "J");
}

TEST_CASE("analyze of a sheet formatted down to row 1,048,576 keeps its content and counts the rest") {
  // Issue 26, 7: 1,048,550 empty rows, each with a row format and three
  // empty cells of a style, took 28-60 s and 1.6 GB; the figures before and
  // after are in bench/README.md. Here: the outcome.
  test::TempDir tmp;
  const json spec = {{"sheets",
                      {{{"name", "ข้อมูลเพิ่ม"},
                        {"cells", {{"A1", "รายการของหน่วยงาน"}, {"A2", "แถวที่สอง"}, {"B2", 42}}},
                        {"styled_rows", {27, 1'048'576, 1, 3}}}}}};
  const fs::path input = add_sheets(example("thungthong-2567.xlsx"), spec, tmp / "styled.xlsx");
  const fs::path out = tmp / "out.xlsx";
  // Its 111 MiB sheet part is over the reader's 32 MiB for an agency
  // workbook (issue 23): refused at once, the part named, unless
  // --large-files.
  const auto refused = run_itawb({"analyze", input.string(), "-o", out.string()});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("The part xl/worksheets/added1.xml exceeds a safety limit") != std::string::npos);
  CHECK(refused.err.find("--large-files") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  const auto r = run_itawb({"analyze", input.string(), "-o", out.string(), "--large-files"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json dump = openpyxl_read(out);
  const auto& s = sheet_of(dump, "ข้อมูลเพิ่ม");
  REQUIRE(s.is_object());
  CHECK(s["cells"]["A1"]["v"] == "รายการของหน่วยงาน");
  CHECK(s["cells"]["B2"]["v"] == 42);
  CHECK(s["blanks"].contains("A27"));    // the formats near the data stay
  CHECK(s["blanks"].contains("C202"));   // 200 rows below row 2
  CHECK_FALSE(s["blanks"].contains("A203"));
  const auto noted = finding_rows(dump, "not-carried");
  bool said = false;
  for (const auto& f : noted)
    if (f.count("F") && f.at("F").find("รูปแบบของแถวว่างท้ายข้อมูล") != std::string::npos) {
      said = true;
      CHECK(f.at("F").find("๑๐๔๘๓๗๔") != std::string::npos);  // rows 203-1,048,576
    }
  CHECK(said);
}

TEST_CASE("a carried cell a little too tall for one row prints whole in a smaller font", "[print][pdf]") {
  // A measure as officers write them (about 700 characters) in a column 40
  // wide at 16 pt on a sheet of the agency's own: some 27 lines, 730 points,
  // where Excel's rows stop at 409; at 11 pt it takes 20 lines, 350 points.
  test::TempDir tmp;
  const fs::path input = edited_example(tmp / "long.xlsx",
                                        "from openpyxl.styles import Alignment, Font\n"
                                        "ws = wb.create_sheet('บันทึกยาว')\n"
                                        "ws['A1'] = 'หัวข้อ'\n"
                                        "ws['B3'] = ' '.join(['จัดประชุมชี้แจงแนวทางการปฏิบัติงานตามประมวลจริยธรรมแก่บุคลากรทุกระดับ'] * 10)"
                                        " + ' ปิดท้ายด้วยการประเมินผล'\n"
                                        "ws['B3'].alignment = Alignment(wrap_text=True, vertical='top')\n"
                                        "ws['B3'].font = Font(name='TH SarabunPSK', size=16)\n"
                                        "ws.column_dimensions['B'].width = 40\n");
  const fs::path out = tmp / "out.xlsx", pdf = tmp / "out.pdf";
  const auto r = run_itawb({"analyze", "--json", input.string(), "-o", out.string(), "--as-of", "2025-04-15",
                            "--pdf", pdf.string(), "--pdf-sheets", "บันทึกยาว"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json doc = json::parse(r.out);
  int shrunk = 0;
  for (const auto& f : doc.at("findings")) {
    CHECK(f.at("code") != "text-too-tall");
    if (f.at("code") != "text-shrunk") continue;
    ++shrunk;
    CHECK(f.at("severity") == "info");
    CHECK(f.at("cell") == "B3");
    CHECK(f.at("message_th").get<std::string>().find("(ต้นฉบับ 16 พอยต์)") != std::string::npos);
    CHECK(f.at("message_en").get<std::string>().find("from 16 pt") != std::string::npos);
  }
  CHECK(shrunk == 1);
  // Read back: the same text, in a font between 10 and 15 points, in a row
  // no taller than Excel allows.
  const json dump = openpyxl_read(out);
  const auto& sheet = sheet_of(dump, "บันทึกยาว");
  const json& b3 = sheet.at("cells").at("B3");
  CHECK_THAT(b3.at("v").get<std::string>(), Catch::EndsWith("ปิดท้ายด้วยการประเมินผล"));
  CHECK(b3.at("size").get<double>() >= 10);
  CHECK(b3.at("size").get<double>() <= 15);
  CHECK(sheet.at("row_heights").at("3").get<double>() <= 409);
  // Printed by LibreOffice: the last words are on the page.
  REQUIRE(fs::exists(pdf));
  // (pdftotext puts spaces and line ends inside Thai words: they are taken out.)
  std::string text = test::run_command({"pdftotext", pdf.string(), "-"}).out;
  std::erase_if(text, [](char c) { return c == ' ' || c == '\n'; });
  CHECK(text.find("ปิดท้ายด้วยการประเมินผล") != std::string::npos);
}

TEST_CASE("a carried cell taller than Excel's 409-point row is a finding on the findings sheet", "[print]") {
  // The example with a sheet of the agency's own: one wrapped cell of 2,400
  // characters in a column 20 wide (some 60 lines of 11 pt: 1,100 points).
  test::TempDir tmp;
  const fs::path input = edited_example(tmp / "tall.xlsx",
                                        "from openpyxl.styles import Alignment\n"
                                        "ws = wb.create_sheet('บันทึกยาว')\n"
                                        "ws['A1'] = 'หัวข้อ'\n"
                                        "ws['B3'] = ' '.join(['การประชุมคณะทำงานประจำเดือน'] * 80)\n"
                                        "ws['B3'].alignment = Alignment(wrap_text=True)\n"
                                        "ws.column_dimensions['B'].width = 20\n");
  const fs::path out = tmp / "out.xlsx";
  const auto r = run_itawb({"analyze", "--json", input.string(), "-o", out.string(), "--as-of", "2025-04-15"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);  // a warning
  // In --json, naming the sheet and cell in Thai and English.
  const json doc = json::parse(r.out);
  int found = 0;
  for (const auto& f : doc.at("findings")) {
    if (f.at("code") != "text-too-tall") continue;
    ++found;
    CHECK(f.at("severity") == "warning");
    CHECK(f.at("sheet") == "บันทึกยาว");
    CHECK(f.at("cell") == "B3");
    CHECK(f.at("message_th").get<std::string>().find("บันทึกยาว!B3") != std::string::npos);
    CHECK(f.at("message_en").get<std::string>().find("taller than Excel's 409 points") != std::string::npos);
  }
  CHECK(found == 1);
  // On the findings sheet, which is written after the sheets are carried
  // and stays in its place before them.
  const json dump = openpyxl_read(out, true);
  const auto rows = finding_rows(dump, "text-too-tall");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].at("D") == "บันทึกยาว!B3");
  CHECK(rows[0].at("F").find("๔๐๙ พอยต์") != std::string::npos);  // the sheet's Thai digits
  const auto names = sheet_names(dump);
  const auto at = [&](const std::string& n) { return std::find(names.begin(), names.end(), n) - names.begin(); };
  CHECK(at("ตรวจสอบข้อมูล") < at("หน่วยงาน"));
  CHECK(at("หน่วยงาน") < at("บันทึกยาว"));
  // The example's own sheets are short: no other cell is cut.
  const json plain = json::parse(run_itawb({"analyze", "--json", example("thungthong-2567.xlsx").string(), "-o",
                                            (tmp / "plain.xlsx").string(), "--as-of", "2025-04-15"})
                                     .out);
  for (const auto& f : plain.at("findings")) CHECK(f.at("code") != "text-too-tall");
}

// `itawb batch` end to end: a folder and a district's zip (one entry named in
// CP874 without the UTF-8 flag, tests/fixtures/batch/make_zip.py) holding
// good agencies, an agency with errors and broken files; read back with
// openpyxl and compared with `analyze` on the same files.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>

#include "support/helpers.hpp"

using namespace itawb;
using itawb::test::fixture;
using itawb::test::openpyxl_read;
using itawb::test::run_itawb;
using itawb::test::sheet_of;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kAsOf = "2025-01-15";
const std::string kSummary = "สรุปผลการประเมิน-รวม.xlsx";

void write_bytes(const fs::path& file, const std::string& bytes) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << bytes;
}

// The folder: three good agencies, one with an error in a subfolder, and
// four files that are not readable workbooks.
fs::path make_folder(const fs::path& dir) {
  const fs::path in = dir / "in";
  fs::create_directories(in / "sub");
  for (const char* name : {"agency-00001.xlsx", "agency-00002.xlsx", "agency-00003.xlsx"})
    fs::copy_file(fixture(std::string("generated/") + name), in / name);
  fs::copy_file(fixture("officer/patueng-2568-duplicate-id.xlsx"), in / "sub" / "patueng-2568-duplicate-id.xlsx");
  const std::string good = test::read_bytes(fixture("generated/agency-00006.xlsx"));
  write_bytes(in / "truncated.xlsx", good.substr(0, good.size() / 2));
  write_bytes(in / "notzip.xlsx", "จังหวัด,หน่วยงาน\nชุมพร,อบต.\n");
  write_bytes(in / "old.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'));
  write_bytes(in / "empty.xlsx", "");
  write_bytes(in / "notes.pdf", "%PDF-1.4");  // not a spreadsheet: not an input
  return in;
}

// Cell values of every sheet, by sheet name then reference.
std::map<std::string, std::map<std::string, json>> values(const json& dump) {
  std::map<std::string, std::map<std::string, json>> out;
  for (const auto& s : dump["sheets"])
    for (const auto& [ref, cell] : s["cells"].items()) out[s["name"]][ref] = cell["v"];
  return out;
}

// The summary's values without the line that says how long the run took.
std::map<std::string, std::map<std::string, json>> summary_values(const fs::path& file) {
  auto v = values(openpyxl_read(file, true));
  for (auto& [sheet, cells] : v)
    for (auto it = cells.begin(); it != cells.end();)
      if (it->second.is_string() && it->second.get<std::string>().find("วินาที") != std::string::npos)
        it = cells.erase(it);
      else
        ++it;
  return v;
}

// Rows of สรุปรายหน่วยงาน below the header (row 3), as column letter -> value.
std::vector<std::map<std::string, json>> agency_rows(const json& dump) {
  std::map<int, std::map<std::string, json>> rows;
  for (const auto& [ref, cell] : sheet_of(dump, "สรุปรายหน่วยงาน")["cells"].items()) {
    size_t digits = ref.find_first_of("0123456789");
    const int row = std::stoi(ref.substr(digits));
    if (row > 3) rows[row][ref.substr(0, digits)] = cell["v"];
  }
  std::vector<std::map<std::string, json>> out;
  for (auto& [row, cells] : rows) out.push_back(std::move(cells));
  return out;
}

}  // namespace

TEST_CASE("batch over a folder and a zip accounts for every input", "[cli][batch]") {
  test::TempDir tmp;
  const fs::path in = make_folder(tmp.path());
  const fs::path zip = tmp / "district-cp874.zip";
  fs::copy_file(fixture("batch/district-cp874.zip"), zip);
  const fs::path out = tmp / "out";
  const auto r = run_itawb({"batch", in.string(), zip.string(), "-o", out.string(), "--as-of", kAsOf, "--json",
                            "-j", "2"});
  INFO(r.err);
  CHECK(r.exit_code == 1);  // refused files and an agency with errors
  const json doc = json::parse(r.out);

  // 8 files in the folder (not the PDF) and 3 workbooks in the zip (not the .txt).
  CHECK(doc["inputs"] == 11);
  CHECK(doc["analysed"] == 7);
  REQUIRE(doc["refused"].size() == 4);
  CHECK(doc["inputs"].get<int>() == doc["analysed"].get<int>() + static_cast<int>(doc["refused"].size()));
  std::map<std::string, std::string> refused;
  for (const auto& x : doc["refused"]) refused[fs::path(x["path"].get<std::string>()).filename().string()] = x["reason"];
  CHECK(refused.count("truncated.xlsx"));
  CHECK(refused["empty.xlsx"].find("ว่างเปล่า") != std::string::npos);
  CHECK(refused["notzip.xlsx"].find("ไฟล์ข้อความ") != std::string::npos);
  CHECK(refused["old.xls"].find("รุ่นเก่า") != std::string::npos);
  REQUIRE(doc["with_errors"].size() == 1);
  CHECK(doc["with_errors"][0]["path"].get<std::string>().find("patueng") != std::string::npos);
  CHECK(doc["summary"] == (out / kSummary).string());
  CHECK(r.err.find("ไฟล์ 11 = วิเคราะห์แล้ว 7") != std::string::npos);

  // The CP874 entry name is read as Thai; outputs mirror the inputs' folders.
  CHECK(fs::exists(out / "district-cp874" / "อบต.ทดสอบ-itawb.xlsx"));
  CHECK(fs::exists(out / "district-cp874" / "เทศบาลตำบลทดลอง-itawb.xlsx"));
  CHECK(fs::exists(out / "district-cp874" / "ซ้ำ" / "agency-00001-itawb.xlsx"));
  CHECK(fs::exists(out / "sub" / "patueng-2568-duplicate-id-itawb.xlsx"));
  CHECK_FALSE(fs::exists(out / "truncated-itawb.xlsx"));

  const json dump = openpyxl_read(out / kSummary);
  const auto rows = agency_rows(dump);
  REQUIRE(rows.size() == 7);
  std::map<std::string, int> per_province;
  std::set<std::string> files;
  std::string previous_province;
  for (const auto& row : rows) {
    ++per_province[row.at("B")];
    files.insert(row.at("R"));
  }
  CHECK(files.count(zip.string() + "/อบต.ทดสอบ.xlsx"));
  CHECK(per_province["นครราชสีมา"] == 2);  // agency 1 in the folder and again in the zip
  // Sorted by province in Thai order: ชุมพร before เชียงราย (leading vowels do not count).
  CHECK(rows.front().at("B") == "ชุมพร");
  CHECK(rows[1].at("B") == "เชียงราย");
  for (const auto& row : rows)
    if (row.at("R").get<std::string>().find("agency-00003") != std::string::npos) {
      CHECK(row.at("C") == "เมืองประจวบคีรีขันธ์");
      CHECK(row.at("E") == "อบต.");
      CHECK(row.at("I").get<double>() == Approx(94.49));
      CHECK(row.at("L") == "ผ่านดี");
    }
  const json& sheet = sheet_of(dump, "สรุปรายหน่วยงาน");
  CHECK(sheet["print_title_rows"] == "$3:$3");
  CHECK(sheet["paper"] == 9);
  CHECK(sheet["cells"]["A4"]["font"] == "TH SarabunPSK");

  // Per province: the count in column B is the number of rows of that province.
  const json& provinces = sheet_of(dump, "รายจังหวัด");
  int listed = 0;
  for (int row = 5;; ++row) {
    const std::string a = "A" + std::to_string(row);
    if (!provinces["cells"].contains(a)) break;
    const std::string name = provinces["cells"][a]["v"];
    const int n = provinces["cells"]["B" + std::to_string(row)]["v"];
    if (name == "รวมทั้งหมด") {
      CHECK(n == 7);
      break;
    }
    CHECK(per_province[name] == n);
    listed += n;
  }
  CHECK(listed == 7);

  // The problems sheet names every refused file with its reason.
  std::set<std::string> problem_texts;
  for (const auto& [ref, cell] : sheet_of(dump, "ไฟล์ที่มีปัญหา")["cells"].items())
    if (cell["v"].is_string()) problem_texts.insert(cell["v"].get<std::string>());
  for (const auto& x : doc["refused"]) {
    CHECK(problem_texts.count(x["path"].get<std::string>()));
    CHECK(problem_texts.count(x["reason"].get<std::string>()));
  }

  // The same workbook `analyze` writes, for a good agency and one with errors.
  for (const auto& [input, output] :
       std::vector<std::pair<fs::path, fs::path>>{{in / "agency-00002.xlsx", out / "agency-00002-itawb.xlsx"},
                                                  {in / "sub" / "patueng-2568-duplicate-id.xlsx",
                                                   out / "sub" / "patueng-2568-duplicate-id-itawb.xlsx"}}) {
    const fs::path single = tmp / ("single-" + input.filename().string());
    const auto a = run_itawb({"analyze", input.string(), "-o", single.string(), "--as-of", kAsOf, "-q"});
    INFO(a.err);
    CHECK(values(openpyxl_read(output, true)) == values(openpyxl_read(single, true)));
  }
}

TEST_CASE("batch gives the same summary with 1 and with 4 threads", "[cli][batch]") {
  test::TempDir tmp;
  const fs::path in = make_folder(tmp.path());
  for (int i = 7; i <= 20; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "agency-%05d.xlsx", i);
    fs::copy_file(fixture(std::string("generated/") + name), in / name);
  }
  const fs::path zip = fixture("batch/district-cp874.zip");
  const auto one = run_itawb({"batch", in.string(), zip.string(), "-o", (tmp / "one").string(), "--as-of", kAsOf,
                              "-j", "1", "-q", "--summary-only"});
  const auto four = run_itawb({"batch", in.string(), zip.string(), "-o", (tmp / "four").string(), "--as-of", kAsOf,
                               "-j", "4", "-q", "--summary-only"});
  CHECK(one.exit_code == 1);
  CHECK(four.exit_code == 1);
  CHECK(one.err.empty());  // -q: silent
  CHECK_FALSE(fs::exists(tmp / "one" / "agency-00007-itawb.xlsx"));  // --summary-only
  const auto a = summary_values(tmp / "one" / kSummary);
  CHECK(agency_rows(openpyxl_read(tmp / "one" / kSummary, true)).size() == 21);  // 4 + 14 in the folder, 3 in the zip
  CHECK(a == summary_values(tmp / "four" / kSummary));
}

TEST_CASE("batch --resume keeps outputs newer than their input", "[cli][batch]") {
  test::TempDir tmp;
  const fs::path in = tmp / "in";
  fs::create_directories(in);
  fs::copy_file(fixture("generated/agency-00001.xlsx"), in / "a.xlsx");
  fs::copy_file(fixture("generated/agency-00002.xlsx"), in / "b.xlsx");
  const fs::path out = tmp / "out";
  REQUIRE(run_itawb({"batch", in.string(), "-o", out.string(), "-q"}).exit_code == 0);
  const auto written = fs::last_write_time(out / "a-itawb.xlsx");
  // b changes after its output was written: only b is written again.
  fs::last_write_time(in / "b.xlsx", fs::last_write_time(out / "b-itawb.xlsx") + std::chrono::seconds(5));
  const auto r = run_itawb({"batch", in.string(), "-o", out.string(), "--resume", "--json", "-q"});
  CHECK(r.exit_code == 0);
  CHECK(json::parse(r.out)["analysed"] == 2);  // both still in the summary
  CHECK(fs::last_write_time(out / "a-itawb.xlsx") == written);
  CHECK(fs::last_write_time(out / "b-itawb.xlsx") > fs::last_write_time(in / "b.xlsx") - std::chrono::seconds(10));
  CHECK(agency_rows(openpyxl_read(out / kSummary, true)).size() == 2);
}

TEST_CASE("batch usage errors exit 2", "[cli][batch]") {
  test::TempDir tmp;
  CHECK(run_itawb({"batch", (tmp / "missing").string(), "-o", (tmp / "out").string()}).exit_code == 2);
  CHECK(run_itawb({"batch", fixture("generated").string()}).exit_code == 2);  // no -o
  CHECK(run_itawb({"batch", fixture("generated").string(), "-o", (tmp / "out").string(), "--as-of", "soon"})
            .exit_code == 2);
}

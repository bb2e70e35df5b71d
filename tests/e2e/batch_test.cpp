// `itawb batch` end to end: a folder and a district's zip (one entry named in
// CP874 without the UTF-8 flag, tests/fixtures/batch/make_zip.py) holding
// good agencies, an agency with errors and broken files; read back with
// openpyxl and compared with `analyze` on the same files.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <fstream>
#include <map>
#include <set>

#include "base/error.hpp"
#include "base/files.hpp"
#include "exchange/hash.hpp"
#include "support/helpers.hpp"
#include "xlsx/xls.hpp"

using namespace itawb;
using itawb::test::fixture;
using itawb::test::openpyxl_read;
using itawb::test::run_itawb;
using itawb::test::write_bytes;
using itawb::test::sheet_of;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kAsOf = "2025-01-15";
const std::string kSummary = "สรุปผลการประเมิน-รวม.xlsx";

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

// A zip holding `file` as its one entry, named `entry` (Python's zipfile:
// UTF-8 names, as Windows' and macOS' archivers write them today).
void zip_one(const fs::path& zip, const fs::path& file, const std::string& entry) {
  const auto made = test::run_command({"/usr/bin/python3", "-c",
                                       "import sys, zipfile\n"
                                       "with zipfile.ZipFile(sys.argv[1], 'w') as z: z.write(sys.argv[2], sys.argv[3])\n",
                                       zip.string(), file.string(), entry});
  REQUIRE(made.exit_code == 0);
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

  // files: every input exactly once, in the order found, with what became
  // of it (the PDF and the zip's .txt are not inputs).
  const std::vector<std::pair<std::string, std::string>> expected{
      {(in / "agency-00001.xlsx").string(), "analysed"},
      {(in / "agency-00002.xlsx").string(), "analysed"},
      {(in / "agency-00003.xlsx").string(), "analysed"},
      {(in / "empty.xlsx").string(), "refused"},
      {(in / "notzip.xlsx").string(), "refused"},
      {(in / "old.xls").string(), "refused"},
      {(in / "sub" / "patueng-2568-duplicate-id.xlsx").string(), "analysed"},
      {(in / "truncated.xlsx").string(), "refused"},
  };
  REQUIRE(doc["files"].size() == 11);
  std::map<std::string, int> seen;
  for (const auto& f : doc["files"]) ++seen[f["path"].get<std::string>()];
  for (const auto& [path, times] : seen) {
    INFO(path);
    CHECK(times == 1);
  }
  for (size_t i = 0; i < expected.size(); ++i) {
    const json& f = doc["files"][i];
    INFO(f.dump());
    CHECK(f["path"] == expected[i].first);
    CHECK(f["status"] == expected[i].second);
    if (expected[i].second == "refused") {
      CHECK(f["output"].is_null());
      CHECK(f["written"] == false);
      CHECK(f["errors"].is_null());
      CHECK_FALSE(f["reason"].get<std::string>().empty());
    } else {
      CHECK(fs::exists(f["output"].get<std::string>()));
      CHECK(f["written"] == true);
      CHECK(f["reason"].is_null());
    }
  }
  CHECK(doc["files"][4]["reason"] == refused["notzip.xlsx"]);
  CHECK(doc["files"][6]["errors"].get<int>() == doc["with_errors"][0]["errors"].get<int>());
  CHECK(doc["files"][0]["errors"] == 0);
  std::set<std::string> zipped;
  for (size_t i = expected.size(); i < 11; ++i) {
    CHECK(doc["files"][i]["status"] == "analysed");
    zipped.insert(doc["files"][i]["path"].get<std::string>());
  }
  CHECK(zipped == std::set<std::string>{zip.string() + "/อบต.ทดสอบ.xlsx", zip.string() + "/เทศบาลตำบลทดลอง.xlsx",
                                        zip.string() + "/ซ้ำ/agency-00001.xlsx"});

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
  const json doc = json::parse(r.out);
  CHECK(doc["analysed"] == 2);  // both still in the summary
  REQUIRE(doc["files"].size() == 2);
  CHECK(doc["files"][0]["status"] == "skipped");  // a: kept
  CHECK(doc["files"][0]["written"] == false);
  CHECK(doc["files"][0]["output"] == (out / "a-itawb.xlsx").string());
  CHECK(doc["files"][1]["status"] == "analysed");  // b: written again
  CHECK(doc["files"][1]["written"] == true);
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

// ---- what batch never writes, and the inputs it accounts for (issue 26) ----

namespace {

std::string sha256_of(const fs::path& file) { return exchange::sha256_hex(test::read_bytes(file)); }

// Every file under `dir` (relative path -> sha256).
std::map<std::string, std::string> checksums(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[e.path().lexically_relative(dir).string()] = sha256_of(e.path());
  return out;
}

// refused path -> reason, from the --json document.
std::map<std::string, std::string> refusals(const json& doc) {
  std::map<std::string, std::string> out;
  for (const auto& x : doc["refused"]) out[x["path"].get<std::string>()] = x["reason"].get<std::string>();
  return out;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// A folder holding a.xlsx and a workbook that happens to carry the name
// batch would give a's output, a-itawb.xlsx.
void make_name_clash(const fs::path& dir) {
  fs::create_directories(dir);
  fs::copy_file(fixture("generated/agency-00001.xlsx"), dir / "a.xlsx");
  fs::copy_file(fixture("generated/agency-00002.xlsx"), dir / "a-itawb.xlsx");
}

}  // namespace

TEST_CASE("batch refuses an output folder that is or is inside an input folder", "[cli][batch]") {
  test::TempDir tmp;
  const fs::path in = tmp / "in";
  make_name_clash(in);
  const auto before = checksums(in);
  REQUIRE(before.size() == 2);
  for (const fs::path& out : {in, in / "ผล"}) {
    const auto r = run_itawb({"batch", in.string(), "-o", out.string(), "--as-of", kAsOf, "--json"});
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "อยู่ในโฟลเดอร์ต้นฉบับ"));
    CHECK(contains(r.err, "is inside, the input folder"));
    CHECK(r.out.empty());  // nothing done, no account to give
    CHECK(checksums(in) == before);  // no input changed, nothing written
  }
  CHECK_FALSE(fs::exists(in / "ผล"));
}

TEST_CASE("batch never gives an output the name of an input file", "[cli][batch]") {
  test::TempDir tmp;
  const fs::path out = tmp / "out";
  make_name_clash(out);
  const std::string a = sha256_of(out / "a.xlsx"), a_itawb = sha256_of(out / "a-itawb.xlsx");
  const auto r = run_itawb({"batch", (out / "a.xlsx").string(), (out / "a-itawb.xlsx").string(), "-o", out.string(),
                            "--as-of", kAsOf, "--json", "-q"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(json::parse(r.out)["analysed"] == 2);
  CHECK(sha256_of(out / "a.xlsx") == a);
  CHECK(sha256_of(out / "a-itawb.xlsx") == a_itawb);
  CHECK(fs::exists(out / "a-itawb (2).xlsx"));  // a's output: its first name is an input
  CHECK(fs::exists(out / "a-itawb-itawb.xlsx"));
  // The output of a.xlsx is agency 1's analysis, read back.
  const auto rows = agency_rows(openpyxl_read(out / kSummary, true));
  REQUIRE(rows.size() == 2);
}

TEST_CASE("batch whose every input is refused writes the summary and the JSON", "[cli][batch]") {
  test::TempDir tmp;
  const fs::path in = tmp / "in";
  write_bytes(in / "empty.xlsx", "");
  write_bytes(in / "notzip.xlsx", "จังหวัด,หน่วยงาน\nชุมพร,อบต.\n");
  fs::copy_file(fixture("batch/spreadsheet.ods"), in / "spreadsheet.ods");
  const fs::path out = tmp / "out";
  const auto r = run_itawb({"batch", in.string(), "-o", out.string(), "--as-of", kAsOf, "--json"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  const json doc = json::parse(r.out);
  CHECK(doc["inputs"] == 3);
  CHECK(doc["analysed"] == 0);
  const auto refused = refusals(doc);
  REQUIRE(refused.size() == 3);
  CHECK(contains(refused.at((in / "empty.xlsx").string()), "ว่างเปล่า"));
  CHECK(contains(refused.at((in / "notzip.xlsx").string()), "ไฟล์ข้อความ"));
  CHECK(contains(refused.at((in / "spreadsheet.ods").string()), ".ods นี้ไม่มีแผ่นงาน"));
  CHECK(doc["summary"] == (out / kSummary).string());

  const json dump = openpyxl_read(out / kSummary);
  CHECK(agency_rows(dump).empty());
  std::set<std::string> problem_texts;
  for (const auto& [ref, cell] : sheet_of(dump, "ไฟล์ที่มีปัญหา")["cells"].items())
    if (cell["v"].is_string()) problem_texts.insert(cell["v"].get<std::string>());
  for (const auto& [path, reason] : refused) {
    CHECK(problem_texts.count(path));
    CHECK(problem_texts.count(reason));
  }
  // No figures, no chart: the sheet says so.
  CHECK(sheet_of(dump, "แผนภูมิ")["cells"]["A3"]["v"] == "ไม่มีหน่วยงานที่มีคะแนน จึงไม่มีแผนภูมิ");
}

TEST_CASE("batch accounts for links, hidden entries, zips inside zips and long names", "[cli][batch]") {
  test::TempDir tmp;
  const fs::path in = tmp / "in";
  fs::create_directories(in / "sub");
  fs::copy_file(fixture("generated/agency-00002.xlsx"), in / "good.xlsx");
  fs::copy_file(fixture("batch/edge-cases.zip"), in / "edge-cases.zip");
  fs::copy_file(fixture("batch/spreadsheet-late.ods"), in / "late.ods");
  fs::create_symlink("loop.xlsx", in / "loop.xlsx");               // a link to itself
  fs::create_symlink(tmp / "gone.xlsx", in / "dangling.xlsx");     // a link to nothing
  fs::create_symlink(in / "sub", in / "folder-link");              // a link to a folder
  fs::create_symlink(in / "good.xlsx", in / "sub" / "linked.xlsx");  // a link to a workbook: read
  fs::copy_file(fixture("generated/agency-00003.xlsx"), in / "sub" / ".hidden.xlsx");
  write_bytes(in / "sub" / "~$good.xlsx", std::string(165, '\0'));
  const bool root = ::geteuid() == 0;
  if (!root) {  // root reads a file whatever its mode
    fs::copy_file(fixture("generated/agency-00003.xlsx"), in / "unreadable.xlsx");
    fs::permissions(in / "unreadable.xlsx", fs::perms::none);
  }
  const fs::path out = tmp / "out";
  const auto r = run_itawb({"batch", in.string(), "-o", out.string(), "--as-of", kAsOf, "--json", "-j", "2"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  const json doc = json::parse(r.out);
  // good, sub/linked, the long name in the zip are analysed; the rest refused.
  CHECK(doc["analysed"] == 3);
  const auto refused = refusals(doc);
  CHECK(doc["inputs"].get<size_t>() == 3 + refused.size());
  const std::string zip = (in / "edge-cases.zip").string();
  CHECK(contains(refused.at((in / "loop.xlsx").string()), "วนกลับมาที่ตัวเอง"));
  CHECK(contains(refused.at((in / "dangling.xlsx").string()), "ลิงก์ไปยังไฟล์ที่ไม่มีอยู่"));
  CHECK(contains(refused.at((in / "folder-link").string()), "ลิงก์ไปยังโฟลเดอร์"));
  CHECK(contains(refused.at((in / "sub" / ".hidden.xlsx").string()), "ขึ้นต้นด้วยจุด"));
  CHECK(contains(refused.at((in / "sub" / "~$good.xlsx").string()), "ไฟล์ล็อก"));
  CHECK(contains(refused.at((in / "late.ods").string()), ".ods นี้ไม่มีแผ่นงาน"));
  CHECK(contains(refused.at(zip + "/ซ้อน.zip"), "ซ้อนอยู่ในไฟล์ .zip"));
  CHECK(contains(refused.at(zip + "/.ซ่อน.xlsx"), "ขึ้นต้นด้วยจุด"));
  CHECK(contains(refused.at(zip + "/._อบต.xlsx"), "ขึ้นต้นด้วยจุด"));
  CHECK(refused.count(zip + "/__MACOSX/._ซ้อน.zip") == 0);  // macOS's resource forks: not inputs
  if (!root) CHECK(contains(refused.at((in / "unreadable.xlsx").string()), "ไม่มีสิทธิ์"));
  CHECK(refused.size() == (root ? 9u : 10u));

  // The 90-character name (270 bytes) is analysed; its output's name is cut
  // to the 255 bytes a name may have, at a character's end.
  std::vector<fs::path> long_outputs;
  for (const auto& e : fs::directory_iterator(out / "edge-cases"))
    if (e.path().filename().string().rfind("องค์การบริหารส่วนตำบลหนองบัวใหญ่", 0) == 0) long_outputs.push_back(e.path());
  REQUIRE(long_outputs.size() == 1);
  const std::string name = long_outputs[0].filename().string();
  CHECK(name.size() <= 255);
  CHECK(name.size() >= 250);
  CHECK(name.substr(name.size() - 11) == "-itawb.xlsx");
  const auto rows = agency_rows(openpyxl_read(out / kSummary, true));
  REQUIRE(rows.size() == 3);
}

TEST_CASE("batch numbers an output only when two written outputs would collide", "[cli][batch]") {
  test::TempDir tmp;
  // in/d/x.xlsx and the entry x.xlsx of d.zip both make d/x-itawb.xlsx.
  const fs::path in = tmp / "in", zip = tmp / "d.zip";
  const fs::path good = fixture("generated/agency-00004.xlsx");
  zip_one(zip, good, "x.xlsx");

  SECTION("the folder's x is refused: the zip's x takes the plain name") {
    write_bytes(in / "d" / "x.xlsx", "");
    const auto r = run_itawb({"batch", in.string(), zip.string(), "-o", (tmp / "out").string(), "--as-of", kAsOf, "-q"});
    CHECK(r.exit_code == 1);
    CHECK(fs::exists(tmp / "out" / "d" / "x-itawb.xlsx"));
    CHECK_FALSE(fs::exists(tmp / "out" / "d" / "x-itawb (2).xlsx"));
  }
  SECTION("both written: the second is numbered") {
    fs::create_directories(in / "d");
    fs::copy_file(fixture("generated/agency-00005.xlsx"), in / "d" / "x.xlsx");
    const auto r = run_itawb({"batch", in.string(), zip.string(), "-o", (tmp / "out").string(), "--as-of", kAsOf, "-q",
                              "-j", "2"});
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(tmp / "out" / "d" / "x-itawb.xlsx"));
    CHECK(fs::exists(tmp / "out" / "d" / "x-itawb (2).xlsx"));
    CHECK_FALSE(fs::exists(tmp / "out" / "d" / "x-itawb (3).xlsx"));
    // In the order of the inputs: the folder's (agency 5) first.
    const json first = openpyxl_read(tmp / "out" / "d" / "x-itawb.xlsx", true);
    const json second = openpyxl_read(tmp / "out" / "d" / "x-itawb (2).xlsx", true);
    CHECK(first.dump() != second.dump());
    const auto rows = agency_rows(openpyxl_read(tmp / "out" / kSummary, true));
    REQUIRE(rows.size() == 2);
    std::set<std::string> outputs;
    for (const auto& row : rows) outputs.insert(row.at("R").get<std::string>());
    CHECK(outputs == std::set<std::string>{(in / "d" / "x.xlsx").string(), zip.string() + "/x.xlsx"});
  }
}

TEST_CASE("batch removes the temporaries of killed runs and nothing else", "[cli][batch]") {
  test::TempDir tmp;
  const fs::path in = tmp / "in", out = tmp / "out";
  fs::create_directories(in);
  fs::copy_file(fixture("generated/agency-00001.xlsx"), in / "a.xlsx");
  // 999999999 is above any Linux pid (pid_max is at most 4194304): no such process.
  write_bytes(out / ".itawb-999999999-1.tmp", "partial");
  write_bytes(out / "sub" / ".itawb-999999999-7.tmp", "partial");
  write_bytes(out / ".itawb-batch-999999999" / "worker-0.xlsx", "extracted");
  write_bytes(out / ".itawb-1-1.tmp", "a running process's (pid 1), fresh");
  write_bytes(out / ".itawb-notes.tmp", "not ours");
  write_bytes(out / "x.tmp", "not ours");
  write_bytes(out / ".a.xlsx.999999999.123.tmp", "not our pattern");
  const auto r = run_itawb({"batch", in.string(), "-o", out.string(), "--as-of", kAsOf, "-q", "--resume"});
  CHECK(r.exit_code == 0);
  CHECK_FALSE(fs::exists(out / ".itawb-999999999-1.tmp"));
  CHECK_FALSE(fs::exists(out / "sub" / ".itawb-999999999-7.tmp"));
  CHECK_FALSE(fs::exists(out / ".itawb-batch-999999999"));
  CHECK(fs::exists(out / ".itawb-1-1.tmp"));
  CHECK(fs::exists(out / ".itawb-notes.tmp"));
  CHECK(fs::exists(out / "x.tmp"));
  CHECK(fs::exists(out / ".a.xlsx.999999999.123.tmp"));
  // And the run leaves none of its own.
  std::set<std::string> left;
  for (const auto& e : fs::recursive_directory_iterator(out))
    if (e.path().filename().string().rfind(".itawb-", 0) == 0) left.insert(e.path().filename().string());
  CHECK(left == std::set<std::string>{".itawb-1-1.tmp", ".itawb-notes.tmp"});
  CHECK(fs::exists(out / "a-itawb.xlsx"));
}

TEST_CASE("batch and analyze read a workbook whose name is 83 Thai characters", "[cli][batch]") {
  test::TempDir tmp;
  // 83 characters: 249 bytes, 254 with ".xlsx": the longest name a Thai
  // workbook can have; "-itawb.xlsx" would pass 255 bytes.
  const std::string long_name = "องค์การบริหารส่วนตำบลหนองบัวใหญ่อำเภอเมืองจังหวัดนครราชสีมาสำนักงานปลัดกองคลังกองช่างกองการ";
  std::string stem;
  for (size_t i = 0, chars = 0; i < long_name.size() && chars < 83; ++chars) {
    const size_t n = (static_cast<unsigned char>(long_name[i]) >= 0xE0) ? 3 : 1;
    stem += long_name.substr(i, n);
    i += n;
  }
  REQUIRE(stem.size() == 249);
  const fs::path in = tmp / "in";
  fs::create_directories(in);
  const fs::path input = in / (stem + ".xlsx");
  fs::copy_file(fixture("generated/agency-00003.xlsx"), input);

  // batch first: analyze writes beside the input, in the folder batch reads.
  const auto b = run_itawb({"batch", in.string(), "-o", (tmp / "out").string(), "--as-of", kAsOf, "-q", "--json"});
  INFO(b.err);
  CHECK(b.exit_code == 0);
  CHECK(json::parse(b.out)["analysed"] == 1);
  CHECK(agency_rows(openpyxl_read(tmp / "out" / kSummary, true)).size() == 1);
  const auto a = run_itawb({"analyze", input.string(), "--as-of", kAsOf, "-q"});
  INFO(a.err);
  CHECK(a.exit_code == 0);
  for (const fs::path& dir : {in, tmp / "out"}) {
    size_t outputs = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
      const std::string name = e.path().filename().string();
      if (name.size() < 11 || name.substr(name.size() - 11) != "-itawb.xlsx") continue;
      ++outputs;
      CHECK(name.size() <= 255);
      CHECK(name.rfind(stem.substr(0, 240), 0) == 0);
      CHECK(openpyxl_read(e.path(), true)["sheets"].size() >= 3);  // a workbook openpyxl reads
    }
    CHECK(outputs == 1);
  }
}

TEST_CASE("an .ods without a sheet is refused as such, never as a broken .xlsx", "[cli][batch]") {
  for (const char* name : {"spreadsheet.ods", "spreadsheet-late.ods"}) {
    const auto r = run_itawb({"analyze", fixture(std::string("batch/") + name).string(), "--lang", "en"});
    INFO(name << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "The .ods file holds no sheet"));
    CHECK_FALSE(contains(r.err, ".xlsx"));
    const auto th = run_itawb({"analyze", fixture(std::string("batch/") + name).string()});
    CHECK(contains(th.err, "ไฟล์ .ods นี้ไม่มีแผ่นงานใดเลย"));
  }
}

TEST_CASE("an output's write failure names the output, never the temporary file", "[cli][batch]") {
  test::TempDir tmp;
  const fs::path target = tmp / "ผลการวิเคราะห์.xlsx";
  fs::path seen;
  try {
    write_atomically(target, [&](const fs::path& t) {
      seen = t;
      std::ofstream(t) << "partial";
      throw Error("write-failed", "เขียนไฟล์ไม่ได้: " + t.string(), "cannot write the file " + t.string(), t.string());
    });
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.message_th() == "เขียนไฟล์ไม่ได้: " + target.string());
    CHECK(e.message_en() == "cannot write the file " + target.string());
    CHECK(e.file() == target.string());
  }
  CHECK(seen.filename().string().rfind(".itawb-", 0) == 0);
  CHECK(seen.filename().string().size() < 40);
  CHECK_FALSE(fs::exists(seen));
  CHECK_FALSE(fs::exists(target));
  try {
    write_atomically(target, [&](const fs::path& t) {
      throw fs::filesystem_error("write", t, std::make_error_code(std::errc::no_space_on_device));
    });
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.message_th() == "พื้นที่ดิสก์เต็ม: " + target.string());
    CHECK(e.message_en() == "the disk is full: " + target.string());
  }
}

// A zip's entries are read in memory; an .xls among them is handed to the
// .xls reader as an anonymous in-memory file (Linux), so it is analysed as
// the same file on disk is.
TEST_CASE("batch analyses an .xls inside a zip as the same .xls on disk", "[cli][batch][xls]") {
  if (!xlsx::xls_supported()) {
    WARN("this build reads no .xls (no FreeXL)");
    return;
  }
  test::TempDir tmp;
  const fs::path zip = tmp / "returns.zip", in = tmp / "in";
  const fs::path xls = fixture("xls/thungthong-2567.libreoffice.xls");
  zip_one(zip, xls, "ทุ่งทอง.xls");
  fs::create_directories(in);
  fs::copy_file(xls, in / "ทุ่งทอง.xls");
  const auto from_zip = run_itawb({"batch", zip.string(), "-o", (tmp / "z").string(), "--as-of", kAsOf, "--json", "-q"});
  const auto from_dir = run_itawb({"batch", in.string(), "-o", (tmp / "d").string(), "--as-of", kAsOf, "--json", "-q"});
  INFO(from_zip.err);
  const json z = json::parse(from_zip.out), d = json::parse(from_dir.out);
  REQUIRE(z["files"].size() == 1);
  CHECK(z["files"][0]["status"] == "analysed");
  CHECK(d["files"][0]["status"] == "analysed");
  CHECK(z["analysed"] == 1);
  // The same agency's figures either way, read back from the two summaries
  // (the columns naming the file differ; the numbers may not).
  const auto numbers = [](const std::map<std::string, json>& row) {
    std::map<std::string, double> out;
    for (const auto& [col, v] : row)
      if (v.is_number()) out[col] = v.get<double>();
    return out;
  };
  const auto zip_rows = agency_rows(openpyxl_read(tmp / "z" / kSummary, true));
  const auto dir_rows = agency_rows(openpyxl_read(tmp / "d" / kSummary, true));
  REQUIRE(zip_rows.size() == 1);
  REQUIRE(dir_rows.size() == 1);
  CHECK(numbers(zip_rows[0]).size() >= 4);  // the total and the three tools at least
  CHECK(numbers(zip_rows[0]) == numbers(dir_rows[0]));
}

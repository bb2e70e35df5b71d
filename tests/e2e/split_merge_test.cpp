// split and merge end to end: a master with three departments is split, the
// returns are edited through openpyxl as staff would in Excel (one department
// reports on a measure it does not own, one returns an out-of-date copy), and
// merged; the merged workbook and the not-merged list are read back with
// openpyxl.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <tuple>

#include "exchange/hash.hpp"
#include "base/files.hpp"
#include "support/helpers.hpp"

namespace fs = std::filesystem;
using itawb::test::openpyxl_read;
using itawb::test::run_command;
using itawb::test::run_itawb;
using itawb::test::sheet_of;
using itawb::test::read_bytes;
using itawb::test::write_bytes;
using itawb::test::TempDir;
using nlohmann::json;

namespace {

const std::string& kDone = itawb::test::kStatusDone;
const std::string& kInProgress = itawb::test::kStatusInProgress;

fs::path tool(const std::string& name) { return itawb::test::repo_dir() / "tests" / "tools" / name; }

void make_master(const fs::path& out, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> argv{"/usr/bin/python3", tool("make_exchange_master.py").string(), out.string()};
  argv.insert(argv.end(), extra.begin(), extra.end());
  const auto r = run_command(argv);
  REQUIRE(r.exit_code == 0);
}

void edit_return(const fs::path& file, const json& edits, const TempDir& dir) { itawb::test::edit_return(file, edits, dir.path()); }

std::string cell_text(const json& sheet, const std::string& ref) {
  const auto& cells = sheet.at("cells");
  if (!cells.contains(ref)) return "";
  const auto& v = cells.at(ref).at("v");
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long>());
  if (v.is_number()) {
    const double d = v.get<double>();
    return d == static_cast<long>(d) ? std::to_string(static_cast<long>(d)) : std::to_string(d);
  }
  return v.dump();
}

// Column letter of a header in row `header_row` (1-based).
std::string column_of(const json& sheet, const std::string& header, int header_row) {
  for (const auto& [ref, cell] : sheet.at("cells").items()) {
    const std::string row = ref.substr(ref.find_first_of("0123456789"));
    if (row == std::to_string(header_row) && cell.at("v") == header) return ref.substr(0, ref.find_first_of("0123456789"));
  }
  FAIL("header not found: " << header);
  return "";
}

int last_row(const json& sheet) {
  int last = 0;
  for (const auto& [ref, cell] : sheet.at("cells").items())
    last = std::max(last, std::stoi(ref.substr(ref.find_first_of("0123456789"))));
  return last;
}

// (measure id, quarter, department) -> status in the merged progress sheet.
std::map<std::tuple<std::string, std::string, std::string>, std::string> merged_statuses(const json& dump) {
  const json& ps = sheet_of(dump, "ความก้าวหน้า");
  REQUIRE(!ps.is_null());
  const std::string id = column_of(ps, "ลำดับมาตรการ", 1), q = column_of(ps, "ไตรมาส", 1),
                    st = column_of(ps, "สถานะ", 1), dept = column_of(ps, "หน่วยงานที่รายงาน", 1);
  std::map<std::tuple<std::string, std::string, std::string>, std::string> out;
  for (int r = 2; r <= last_row(ps); ++r) {
    const std::string n = std::to_string(r);
    const auto key = std::make_tuple(cell_text(ps, id + n), cell_text(ps, q + n), cell_text(ps, dept + n));
    CHECK(out.count(key) == 0);  // one row per measure, quarter and department
    out[key] = cell_text(ps, st + n);
  }
  return out;
}

// Rows of a return with something in an input column (D..J), counted by openpyxl.
int rows_with_input(const fs::path& file) {
  const json ps = sheet_of(openpyxl_read(file, true), "ความก้าวหน้า");
  int n = 0;
  for (int r = 5; r <= last_row(ps); ++r)
    for (const char* c : {"D", "E", "F", "G", "H", "I", "J"})
      if (!cell_text(ps, c + std::to_string(r)).empty()) {
        ++n;
        break;
      }
  return n;
}

int number_after(const std::string& out, const std::string& label) {
  const size_t at = out.find(label);
  REQUIRE(at != std::string::npos);
  return std::stoi(out.substr(at + label.size()));
}

struct Scenario {
  TempDir dir;
  fs::path master = dir / "master.xlsx";
  fs::path out = dir / "out";
  fs::path head() const { return out / "มาตรการ-สำนักปลัด.xlsx"; }
  fs::path finance() const { return out / "มาตรการ-กองคลัง.xlsx"; }
  fs::path works() const { return out / "มาตรการ-กองช่าง.xlsx"; }

  void split() {
    make_master(master);
    const auto r = run_itawb({"split", master.string(), "--by", "owner", "-o", out.string(), "--as-of", "2026-04-15"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
  }
};

}  // namespace

TEST_CASE("split writes one protected workbook per department with drop-downs and a hidden identity", "[split]") {
  Scenario s;
  s.split();
  REQUIRE(fs::exists(s.head()));
  REQUIRE(fs::exists(s.finance()));
  REQUIRE(fs::exists(s.works()));

  const json dump = openpyxl_read(s.finance());
  const json& ps = sheet_of(dump, "ความก้าวหน้า");
  REQUIRE(!ps.is_null());
  CHECK(ps.at("protected") == true);
  CHECK(ps.at("paper") == 9);
  CHECK(ps.at("landscape") == true);
  CHECK(cell_text(ps, "A2").find("กองคลัง") != std::string::npos);
  CHECK(cell_text(ps, "A1").find("๒๕๖๙") != std::string::npos);

  // กองคลัง owns 2, 3 (shared) and 5 (everyone): 2 has its reported quarter 2 and
  // empty rows for 3 and 4; 3 one row per quarter; 5 quarter 1. The
  // measure's number in the Thai digits of the title.
  std::vector<std::pair<std::string, std::string>> rows;
  for (int r = 5; r <= 12; ++r)
    rows.emplace_back(cell_text(ps, "A" + std::to_string(r)), cell_text(ps, "C" + std::to_string(r)));
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"๒", "2"}, {"๒", "3"}, {"๒", "4"}, {"๓", "1"}, {"๓", "2"}, {"๓", "3"}, {"๓", "4"}, {"๕", "1"}};
  CHECK(rows == expected);
  CHECK(cell_text(ps, "D5") == kInProgress);  // carried from the master
  CHECK(cell_text(ps, "E5") == "เริ่มจัดทำทะเบียน");
  CHECK(cell_text(ps, "D6").empty());

  // Inputs unlocked, everything else locked.
  CHECK(ps.at("cells").at("D5").at("locked") == false);
  CHECK(ps.at("cells").at("E5").at("locked") == false);
  CHECK(ps.at("cells").at("A5").at("locked") == true);
  CHECK(ps.at("cells").at("B5").at("locked") == true);
  CHECK(ps.at("cells").at("A4").at("locked") == true);

  // The status column carries a list validation of the three statuses.
  bool status_list = false;
  for (const auto& v : ps.at("validations"))
    if (v.at("type") == "list" && v.at("sqref").get<std::string>().rfind("D5:", 0) == 0) {
      const std::string f = v.at("formula1");
      status_list = f.find(kDone) != std::string::npos && f.find(kInProgress) != std::string::npos &&
                    f.find("ยังไม่ได้ดำเนินการ") != std::string::npos;
    }
  CHECK(status_list);

  const json& ident = sheet_of(dump, "_itawb");
  REQUIRE(!ident.is_null());
  CHECK(ident.at("state") == "veryHidden");
  CHECK(ident.at("protected") == true);
  std::map<std::string, std::string> kv;
  std::vector<std::string> measure_ids;
  for (int r = 1; r <= last_row(ident); ++r) {
    const std::string key = cell_text(ident, "A" + std::to_string(r));
    if (key == "measure") measure_ids.push_back(cell_text(ident, "B" + std::to_string(r)));
    else kv[key] = cell_text(ident, "B" + std::to_string(r));
  }
  CHECK(kv["department"] == "กองคลัง");
  CHECK(kv["plan_year"] == "2569");
  CHECK(kv["agency"] == "องค์การบริหารส่วนตำบลทดสอบ");
  CHECK(kv["source_name"] == "master.xlsx");
  CHECK(kv["checksum"].size() == 64);
  CHECK(measure_ids == std::vector<std::string>{"2", "3", "5"});

  const json& ms = sheet_of(dump, "มาตรการ");
  CHECK(ms.at("protected") == true);
  CHECK(cell_text(ms, "C3") == "ควบคุมการยืมทรัพย์สินของราชการ");
}

TEST_CASE("split never overwrites its input", "[split]") {
  TempDir dir;
  const fs::path master = dir / "มาตรการ-กองคลัง.xlsx";
  make_master(master);
  const std::string before = read_bytes(master);
  const auto r = run_itawb({"split", master.string(), "-o", dir.path().string()});
  CHECK(r.exit_code == 2);
  CHECK(read_bytes(master) == before);
}

TEST_CASE("merge takes each department's rows for its own measures and lists the rest", "[merge]") {
  Scenario s;
  s.split();
  edit_return(s.head(), {{"set", {{{"id", "1"}, {"quarter", 2}, {"status", kDone}, {"result", "คู่มือเสร็จแล้ว"}},
                                  {{"id", "3"}, {"quarter", 1}, {"status", kDone}, {"result", "อัปเดตเว็บไซต์"}},
                                  {{"id", "5"}, {"quarter", 1}, {"status", kDone}, {"result", "ลงนามแล้ว"}}}}},
              s.dir);
  // กองคลัง also reports on กองช่าง's measure 4, in an extra row.
  edit_return(s.finance(), {{"set", {{{"id", "2"}, {"quarter", 3}, {"status", kInProgress}, {"result", "ทะเบียน 50%"}},
                                     {{"id", "3"}, {"quarter", 1}, {"status", kInProgress}, {"result", "รวบรวมข้อมูล"}}}},
                            {"add", {{{"id", "4"}, {"quarter", 3}, {"status", kDone}, {"result", "ช่วยกองช่าง"}}}}},
              s.dir);
  edit_return(s.works(), {{"set", {{{"id", "4"}, {"quarter", 3}, {"status", kDone}, {"result", "ผังขั้นตอนเสร็จ"}},
                                   {{"id", "5"}, {"quarter", 1}, {"status", kDone}, {"result", "ลงนามแล้ว"}}}}},
              s.dir);
  // The master changes measure 4 after the split: กองช่าง's copy is out of date.
  make_master(s.master, {"--change-measure", "4", "ลดขั้นตอนและระยะเวลาการขออนุญาตก่อสร้าง"});

  const std::vector<fs::path> inputs = {s.master, s.head(), s.finance(), s.works()};
  std::map<fs::path, std::string> bytes;
  for (const auto& f : inputs) bytes[f] = read_bytes(f);

  const fs::path merged = s.dir / "merged.xlsx";
  auto merge = [&](const fs::path& master, const fs::path& out) {
    return run_itawb({"merge", master.string(), s.head().string(), s.finance().string(), s.works().string(), "-o",
                      out.string()});
  };
  const auto r = merge(s.master, merged);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("not-owner: 1") != std::string::npos);
  CHECK(r.out.find("measure-changed: 1") != std::string::npos);

  for (const auto& f : inputs) CHECK(read_bytes(f) == bytes[f]);  // inputs untouched

  const json dump = openpyxl_read(merged, true);
  const auto st = merged_statuses(dump);
  using K = std::tuple<std::string, std::string, std::string>;
  CHECK(st.at(K{"1", "1", "สำนักปลัด"}) == kDone);  // the master's row, attributed
  CHECK(st.at(K{"1", "2", "สำนักปลัด"}) == kDone);
  CHECK(st.at(K{"2", "2", "กองคลัง"}) == kInProgress);
  CHECK(st.at(K{"2", "3", "กองคลัง"}) == kInProgress);
  CHECK(st.at(K{"3", "1", "สำนักปลัด"}) == kDone);  // a shared measure: one row per department
  CHECK(st.at(K{"3", "1", "กองคลัง"}) == kInProgress);
  CHECK(st.at(K{"5", "1", "สำนักปลัด"}) == kDone);
  CHECK(st.at(K{"5", "1", "กองช่าง"}) == kDone);
  CHECK(st.count(K{"4", "3", "กองคลัง"}) == 0);
  CHECK(st.count(K{"4", "3", "กองช่าง"}) == 0);
  CHECK(st.size() == 8);

  const json& nm = sheet_of(dump, "รายการที่ไม่ได้รวม");
  REQUIRE(!nm.is_null());
  std::map<std::string, std::string> reasons;  // file -> code
  int listed = 0;
  for (int row = 4; row <= last_row(nm); ++row) {
    const std::string n = std::to_string(row);
    if (cell_text(nm, "A" + n).empty()) continue;
    ++listed;
    reasons[cell_text(nm, "B" + n) + "|" + cell_text(nm, "E" + n)] = cell_text(nm, "K" + n);
    CHECK(cell_text(nm, "C" + n).rfind("ความก้าวหน้า!A", 0) == 0);
    CHECK(!cell_text(nm, "I" + n).empty());  // Thai reason
    CHECK(!cell_text(nm, "J" + n).empty());  // English reason
  }
  CHECK(listed == 2);
  CHECK(reasons["มาตรการ-กองคลัง.xlsx|4"] == "not-owner");        // a row a person added, in Arabic digits
  CHECK(reasons["มาตรการ-กองช่าง.xlsx|๔"] == "measure-changed");  // as split wrote it

  // Nothing lost: every returned row is merged or listed.
  const int rows_in = rows_with_input(s.head()) + rows_with_input(s.finance()) + rows_with_input(s.works());
  CHECK(rows_in == number_after(r.out, "รวมแล้ว: ") + listed);
  CHECK(rows_in == 10);

  // Merging again, from the master or from the merged result, changes nothing.
  const fs::path again = s.dir / "again.xlsx", twice = s.dir / "twice.xlsx";
  CHECK(merge(s.master, again).exit_code == 1);
  CHECK(merge(merged, twice).exit_code == 1);
  const json again_dump = openpyxl_read(again, true), twice_dump = openpyxl_read(twice, true);
  CHECK(again_dump == dump);
  CHECK(sheet_of(twice_dump, "ความก้าวหน้า") == sheet_of(dump, "ความก้าวหน้า"));
  CHECK(sheet_of(twice_dump, "รายการที่ไม่ได้รวม") == sheet_of(dump, "รายการที่ไม่ได้รวม"));
}

TEST_CASE("merge refuses tampered identities and two returns of one department", "[merge]") {
  Scenario s;
  s.split();
  edit_return(s.head(), {{"set", {{{"id", "1"}, {"quarter", 2}, {"status", kDone}, {"result", "เสร็จ"}}}}}, s.dir);
  edit_return(s.works(), {{"set", {{{"id", "4"}, {"quarter", 3}, {"status", kDone}, {"result", "เสร็จ"}}}},
                          {"identity", {{"department", "กองคลัง"}}}},
              s.dir);
  const fs::path copy = s.dir / "สำเนา-สำนักปลัด.xlsx";
  fs::copy_file(s.head(), copy);
  const fs::path merged = s.dir / "merged.xlsx";
  const auto r = run_itawb({"merge", s.master.string(), s.head().string(), copy.string(), s.works().string(), "-o",
                            merged.string()});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("identity-tampered: 1") != std::string::npos);
  CHECK(r.out.find("duplicate-department: 4") != std::string::npos);
  CHECK(number_after(r.out, "รวมแล้ว: ") == 0);
  CHECK(number_after(r.out, "ไม่ได้รวม: ") == 5);

  const json dump = openpyxl_read(merged, true);
  // Only the master's two rows are in the merged progress sheet.
  using K = std::tuple<std::string, std::string, std::string>;
  const auto st = merged_statuses(dump);
  CHECK(st.size() == 2);
  CHECK(st.at(K{"1", "1", "สำนักปลัด"}) == kDone);
  CHECK(st.at(K{"2", "2", "กองคลัง"}) == kInProgress);
  CHECK(st.count(K{"1", "2", "สำนักปลัด"}) == 0);
  CHECK(st.count(K{"4", "3", "กองช่าง"}) == 0);

  // The not-merged list: both copies' rows (the master's quarter-1 row carried
  // into the return, and the new quarter-2 one) as duplicates, and กองช่าง's
  // row under the identity it was edited to claim.
  const json& nm = sheet_of(dump, "รายการที่ไม่ได้รวม");
  REQUIRE(!nm.is_null());
  std::vector<std::vector<std::string>> listed;  // file, cell, department, measure, quarter, result, code
  for (int row = 4; row <= last_row(nm); ++row) {
    const std::string n = std::to_string(row);
    listed.push_back({cell_text(nm, "B" + n), cell_text(nm, "C" + n), cell_text(nm, "D" + n), cell_text(nm, "E" + n),
                      cell_text(nm, "F" + n), cell_text(nm, "H" + n), cell_text(nm, "K" + n)});
    CHECK(!cell_text(nm, "I" + n).empty());  // Thai reason
    CHECK(!cell_text(nm, "J" + n).empty());  // English reason
  }
  const std::string head = "มาตรการ-สำนักปลัด.xlsx", head_copy = "สำเนา-สำนักปลัด.xlsx";
  const std::string drafted = "จัดทำคู่มือฉบับร่างแล้ว", dup = "duplicate-department";
  const std::vector<std::vector<std::string>> expected = {
      // The measure's number as the return has it: split writes it in Thai digits.
      {head, "ความก้าวหน้า!A5", "สำนักปลัด", "๑", "1", drafted, dup},
      {head, "ความก้าวหน้า!A6", "สำนักปลัด", "๑", "2", "เสร็จ", dup},
      {head_copy, "ความก้าวหน้า!A5", "สำนักปลัด", "๑", "1", drafted, dup},
      {head_copy, "ความก้าวหน้า!A6", "สำนักปลัด", "๑", "2", "เสร็จ", dup},
      {"มาตรการ-กองช่าง.xlsx", "ความก้าวหน้า!A5", "กองคลัง", "๔", "3", "เสร็จ", "identity-tampered"},
  };
  CHECK(listed == expected);
}

TEST_CASE("merge exits 2 on an unreadable return and 0 when everything merged", "[merge]") {
  Scenario s;
  s.split();
  const fs::path junk = s.dir / "junk.xlsx";
  std::ofstream(junk) << "not a workbook";
  const auto bad = run_itawb({"merge", s.master.string(), junk.string(), "-o", (s.dir / "m.xlsx").string()});
  CHECK(bad.exit_code == 2);
  CHECK(!fs::exists(s.dir / "m.xlsx"));

  edit_return(s.works(), {{"set", {{{"id", "4"}, {"quarter", 3}, {"status", kDone}, {"result", "เสร็จ"}}}}}, s.dir);
  const auto ok = run_itawb({"merge", s.master.string(), s.works().string(), "-o", (s.dir / "m.xlsx").string()});
  INFO(ok.out << ok.err);
  CHECK(ok.exit_code == 0);
  const json dump = openpyxl_read(s.dir / "m.xlsx", true);
  CHECK(sheet_of(dump, "รายการที่ไม่ได้รวม").is_null());
  using K = std::tuple<std::string, std::string, std::string>;
  CHECK(merged_statuses(dump).at(K{"4", "3", "กองช่าง"}) == kDone);

  const auto self = run_itawb({"merge", s.master.string(), s.works().string(), "-o", s.master.string()});
  CHECK(self.exit_code == 2);
}

TEST_CASE("split again never overwrites a department file filled in since", "[split]") {
  Scenario s;
  s.split();
  const fs::path finance2 = s.out / "มาตรการ-กองคลัง (2).xlsx";
  // Splitting again over untouched files rewrites them in place.
  auto again = run_itawb({"split", s.master.string(), "-o", s.out.string(), "--as-of", "2026-04-15"});
  INFO(again.out << again.err);
  REQUIRE(again.exit_code == 0);
  CHECK_FALSE(fs::exists(finance2));
  CHECK(again.out.find("ไม่เขียนทับ") == std::string::npos);

  // กองคลัง fills its file in; the next split leaves it as it is.
  edit_return(s.finance(), {{"set", {{{"id", "2"}, {"quarter", 3}, {"status", kInProgress}, {"result", "ทะเบียน 50%"}}}}},
              s.dir);
  const std::string filled = itawb::exchange::sha256_hex(read_bytes(s.finance()));
  again = run_itawb({"split", s.master.string(), "-o", s.out.string(), "--as-of", "2026-04-15"});
  INFO(again.out << again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(itawb::exchange::sha256_hex(read_bytes(s.finance())) == filled);
  REQUIRE(fs::exists(finance2));
  CHECK(again.out.find(s.finance().string() + " ถูกแก้ไขหลังการแยกครั้งก่อน (อาจกรอกข้อมูลแล้ว) จึงไม่เขียนทับ ไฟล์ใหม่คือ " +
                       finance2.string()) != std::string::npos);
  CHECK(rows_with_input(s.finance()) == rows_with_input(finance2) + 1);  // the filled-in row is still there
  CHECK(fs::exists(s.head()));
  CHECK_FALSE(fs::exists(s.out / "มาตรการ-สำนักปลัด (2).xlsx"));  // untouched: rewritten in place

  // A third split: (2) is split's own and untouched, so it is rewritten; no (3).
  again = run_itawb({"split", s.master.string(), "-o", s.out.string(), "--as-of", "2026-04-15", "--lang", "en"});
  INFO(again.out << again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(itawb::exchange::sha256_hex(read_bytes(s.finance())) == filled);
  CHECK(fs::exists(finance2));
  CHECK_FALSE(fs::exists(s.out / "มาตรการ-กองคลัง (3).xlsx"));
  CHECK(again.out.find("was changed since it was split (filled in?): not overwritten; the new copy is " +
                       finance2.string()) != std::string::npos);

  // A department file split did not write (no record of it) is not overwritten either.
  fs::remove(s.out / ".itawb-split.json");
  const std::string works = itawb::exchange::sha256_hex(read_bytes(s.works()));
  again = run_itawb({"split", s.master.string(), "-o", s.out.string(), "--as-of", "2026-04-15"});
  REQUIRE(again.exit_code == 0);
  CHECK(itawb::exchange::sha256_hex(read_bytes(s.works())) == works);
  CHECK(fs::exists(s.out / "มาตรการ-กองช่าง (2).xlsx"));
}

namespace {

// The workbooks in `dir` (not split's hidden record of what it wrote).
std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string()[0] != '.') out.push_back(itawb::utf8_string(e.path().filename()));
  std::sort(out.begin(), out.end());
  return out;
}

// The merged progress sheet's cell of `header` on the row of (measure, quarter, department).
json merged_cell(const json& dump, const std::string& id, const std::string& quarter, const std::string& dept,
                 const std::string& header) {
  const json& ps = sheet_of(dump, "ความก้าวหน้า");
  const std::string idc = column_of(ps, "ลำดับมาตรการ", 1), qc = column_of(ps, "ไตรมาส", 1),
                    dc = column_of(ps, "หน่วยงานที่รายงาน", 1), hc = column_of(ps, header, 1);
  for (int r = 2; r <= last_row(ps); ++r) {
    const std::string n = std::to_string(r);
    if (cell_text(ps, idc + n) == id && cell_text(ps, qc + n) == quarter && cell_text(ps, dc + n) == dept) {
      const auto& cells = ps.at("cells");
      return cells.contains(hc + n) ? cells.at(hc + n) : json();
    }
  }
  FAIL("no merged row for " << id << "/" << quarter << "/" << dept);
  return json();
}

}  // namespace

TEST_CASE("split reads a mistyped owner as its department, an unknown owner gets no file", "[split][owners]") {
  TempDir dir;
  const fs::path master = dir / "master.xlsx", out = dir / "out";
  make_master(master, {"--owner", "1", "-สำนักปลัดเทสบาล", "--owner", "4", "ฟหกดเสวง"});
  const auto r = run_itawb({"split", master.string(), "--by", "owner", "-o", out.string(), "--as-of", "2026-04-15"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  // No file for "เทสบาล", "ฟหกดเสวง" or the unknown group.
  CHECK(files_in(out) ==
        std::vector<std::string>{"มาตรการ-กองคลัง.xlsx", "มาตรการ-กองช่าง.xlsx", "มาตรการ-สำนักปลัด.xlsx"});
  // Both owners are said on their cells, the typo with what it was read as.
  CHECK(r.err.find("มาตรการ!G2: มาตรการ 1: ผู้รับผิดชอบ \"สำนักปลัดเทสบาล\" ไม่ตรงกับชื่อส่วนราชการใด จึงอ่านเป็น "
                   "\"สำนักปลัดเทศบาล\" (สำนักปลัด)") != std::string::npos);
  CHECK(r.err.find("มาตรการ!G5: มาตรการ 4: ไม่รู้จักผู้รับผิดชอบ \"ฟหกดเสวง\"") != std::string::npos);
  // Measure 1 went to สำนักปลัด.
  const json ident = sheet_of(openpyxl_read(out / "มาตรการ-สำนักปลัด.xlsx", true), "_itawb");
  std::vector<std::string> ids;
  for (int row = 1; row <= last_row(ident); ++row)
    if (cell_text(ident, "A" + std::to_string(row)) == "measure") ids.push_back(cell_text(ident, "B" + std::to_string(row)));
  CHECK(ids == std::vector<std::string>{"1", "3", "5"});

  // The typo corrected in the master afterwards: สำนักปลัด's copy still merges.
  edit_return(out / "มาตรการ-สำนักปลัด.xlsx",
              {{"set", {{{"id", "1"}, {"quarter", 2}, {"status", kDone}, {"result", "คู่มือเสร็จแล้ว"}}}}}, dir);
  make_master(master, {"--owner", "1", "สำนักปลัดเทศบาล", "--owner", "4", "ฟหกดเสวง"});
  const fs::path merged = dir / "merged.xlsx";
  const auto m = run_itawb({"merge", master.string(), (out / "มาตรการ-สำนักปลัด.xlsx").string(), "-o", merged.string()});
  INFO(m.out << m.err);
  CHECK(m.exit_code == 0);
  CHECK(m.out.find("measure-changed") == std::string::npos);
  using K = std::tuple<std::string, std::string, std::string>;
  CHECK(merged_statuses(openpyxl_read(merged, true)).at(K{"1", "2", "สำนักปลัด"}) == kDone);
}

TEST_CASE("merge takes check marks as done and a blank status beside a result with a warning", "[merge][status]") {
  Scenario s;
  s.split();
  edit_return(s.head(), {{"set", {{{"id", "1"}, {"quarter", 2}, {"status", "✓"}, {"result", "คู่มือเสร็จ"}},
                                  {{"id", "3"}, {"quarter", 1}, {"status", "✔ ดำเนินการแล้ว"}, {"result", "อัปเดตแล้ว"}},
                                  {{"id", "5"}, {"quarter", 1}, {"result", "ลงนามแล้ว"}}}}},
              s.dir);
  edit_return(s.finance(), {{"set", {{{"id", "2"}, {"quarter", 3}, {"status", "/"}, {"result", "ทะเบียนครบ"}}}}}, s.dir);
  const fs::path merged = s.dir / "merged.xlsx";
  const auto r = run_itawb({"merge", s.master.string(), s.head().string(), s.finance().string(), "-o", merged.string()});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);  // nothing refused, no error in the merged master
  CHECK(r.out.find("bad-status") == std::string::npos);
  CHECK(number_after(r.out, "ไม่ได้รวม: ") == 0);
  CHECK(number_after(r.out, "รวมแล้วแต่ต้องตรวจ: ") == 1);
  // Head's return: 1/1 (from the master), 1/2, 3/1..3/4, 5/1 on rows 5..11; status in D.
  CHECK(r.out.find("ความก้าวหน้า!D11 มีผลการดำเนินการแต่ไม่ได้ระบุสถานะ จึงรวมไว้และนับเป็นยังไม่รายงาน") !=
        std::string::npos);

  const json dump = openpyxl_read(merged, true);
  using K = std::tuple<std::string, std::string, std::string>;
  const auto st = merged_statuses(dump);
  CHECK(st.at(K{"1", "2", "สำนักปลัด"}) == kDone);
  CHECK(st.at(K{"3", "1", "สำนักปลัด"}) == kDone);
  CHECK(st.at(K{"2", "3", "กองคลัง"}) == kDone);
  CHECK(st.at(K{"5", "1", "สำนักปลัด"}).empty());  // merged, no status: not reported
  CHECK(merged_cell(dump, "5", "1", "สำนักปลัด", "ผลการดำเนินการ").at("v") == "ลงนามแล้ว");
}

TEST_CASE("merge keeps report dates as date cells shown in the Buddhist era", "[merge][dates]") {
  Scenario s;
  s.split();
  edit_return(s.works(), {{"set", {{{"id", "4"}, {"quarter", 3}, {"status", kDone}, {"result", "เสร็จ"},
                                    {"date", {{"date", "2026-06-27"}}}}}}},
              s.dir);
  edit_return(s.finance(), {{"set", {{{"id", "2"}, {"quarter", 3}, {"status", kDone}, {"result", "ครบ"},
                                      {"date", "27/6/2569"}}}}},
              s.dir);
  edit_return(s.head(), {{"set", {{{"id", "1"}, {"quarter", 2}, {"status", kDone}, {"result", "เสร็จ"},
                                   {"date", "ปลาย มิ.ย. ๖๙"}}}}},
              s.dir);
  const fs::path merged = s.dir / "merged.xlsx";
  const auto r = run_itawb({"merge", s.master.string(), s.head().string(), s.finance().string(), s.works().string(),
                            "-o", merged.string()});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);  // the free-text date is a warning, not an error

  const json dump = openpyxl_read(merged);
  const std::vector<std::pair<std::string, std::string>> dated = {{"4", "กองช่าง"}, {"2", "กองคลัง"}};
  for (const auto& [id, dept] : dated) {
    INFO(id);
    const json date = merged_cell(dump, id, "3", dept, "วันที่รายงาน");
    REQUIRE(!date.is_null());
    CHECK(date.at("t") == "d");
    CHECK(date.at("v") == "2026-06-27T00:00:00");
    CHECK(date.at("fmt") == "[$-107041E]d/m/yyyy");  // calendar 07: Thai Buddhist (27/6/2569)
  }
  const json text = merged_cell(dump, "1", "2", "สำนักปลัด", "วันที่รายงาน");
  CHECK(text.at("t") == "s");
  CHECK(text.at("v") == "ปลาย มิ.ย. ๖๙");
}

TEST_CASE("merge refuses another agency's return for what it is, without harming the genuine one", "[merge]") {
  Scenario s;
  s.split();
  TempDir other_dir;
  const fs::path other = other_dir / "other.xlsx";
  make_master(other, {"--agency", "เทศบาลตำบลอื่น"});
  REQUIRE(run_itawb({"split", other.string(), "-o", (other_dir / "out").string(), "--as-of", "2026-04-15"}).exit_code == 0);
  const fs::path foreign = other_dir / "out" / "มาตรการ-สำนักปลัด.xlsx";
  edit_return(foreign, {{"set", {{{"id", "1"}, {"quarter", 2}, {"status", kInProgress}, {"result", "ของที่อื่น"}}}}},
              other_dir);
  edit_return(s.head(), {{"set", {{{"id", "1"}, {"quarter", 2}, {"status", kDone}, {"result", "เสร็จ"}}}}}, s.dir);
  const fs::path merged = s.dir / "merged.xlsx";
  const auto r = run_itawb({"merge", s.master.string(), s.head().string(), foreign.string(), "-o", merged.string()});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("duplicate-department") == std::string::npos);
  CHECK(r.out.find("other-agency: 2 (ไฟล์นี้เป็นของหน่วยงานอื่น)") != std::string::npos);
  const json dump = openpyxl_read(merged, true);
  using K = std::tuple<std::string, std::string, std::string>;
  CHECK(merged_statuses(dump).at(K{"1", "2", "สำนักปลัด"}) == kDone);
  const json& nm = sheet_of(dump, "รายการที่ไม่ได้รวม");
  REQUIRE(!nm.is_null());
  CHECK(cell_text(nm, "K4") == "other-agency");
  CHECK(cell_text(nm, "J4") == "this return belongs to another agency's plan");
}

TEST_CASE("two merges into one output at once lose no department's rows", "[merge][lock]") {
  Scenario s;
  s.split();
  edit_return(s.head(), {{"set", {{{"id", "1"}, {"quarter", 2}, {"status", kDone}, {"result", "เสร็จ"}}}}}, s.dir);
  edit_return(s.works(), {{"set", {{{"id", "4"}, {"quarter", 3}, {"status", kDone}, {"result", "เสร็จ"}}}}}, s.dir);
  const fs::path merged = s.dir / "merged.xlsx";
  // Two processes started at once, each with one department's return. The
  // shell holds the output's lock for their first two seconds, so that both
  // have started before either can write, however loaded the machine.
  const std::string script =
      "echo $$ >\"$4.lock\"\n"
      "{ \"$0\" merge \"$1\" \"$2\" -o \"$4\" >\"$5/a.out\" 2>&1; echo $? >\"$5/a.rc\"; } &\n"
      "{ \"$0\" merge \"$1\" \"$3\" -o \"$4\" >\"$5/b.out\" 2>&1; echo $? >\"$5/b.rc\"; } &\n"
      "sleep 2; rm -f \"$4.lock\"; wait\n";
  const auto run = run_command({"/bin/sh", "-c", script, itawb::test::itawb_binary(), s.master.string(), s.head().string(),
                                s.works().string(), merged.string(), s.dir.path().string()});
  REQUIRE(run.exit_code == 0);
  const int a = std::stoi(read_bytes(s.dir / "a.rc")), b = std::stoi(read_bytes(s.dir / "b.rc"));
  const std::string a_out = read_bytes(s.dir / "a.out"), b_out = read_bytes(s.dir / "b.out");
  INFO(a << ": " << a_out << "\n" << b << ": " << b_out);
  CHECK(!fs::exists(merged.string() + ".lock"));
  const auto st = merged_statuses(openpyxl_read(merged, true));
  using K = std::tuple<std::string, std::string, std::string>;
  const bool head_in = st.count(K{"1", "2", "สำนักปลัด"}) > 0, works_in = st.count(K{"4", "3", "กองช่าง"}) > 0;
  if (a == 0 && b == 0) {
    CHECK(head_in);
    CHECK(works_in);
  } else {
    // One refused, saying so and naming the file; the other's rows are there.
    CHECK(((a == 0) != (b == 0)));
    const std::string& refused = a == 0 ? b_out : a_out;
    CHECK(refused.find("ระหว่างที่คำสั่งนี้ทำงาน จึงไม่เขียนทับ") != std::string::npos);
    CHECK(refused.find(merged.filename().string()) != std::string::npos);
    CHECK((a == 0 ? head_in : works_in));
  }
}

TEST_CASE("merge waits for a live lock, refuses when the output changed meanwhile, takes over a dead one", "[merge][lock]") {
  Scenario s;
  s.split();
  edit_return(s.works(), {{"set", {{{"id", "4"}, {"quarter", 3}, {"status", kDone}, {"result", "เสร็จ"}}}}}, s.dir);
  const fs::path merged = s.dir / "merged.xlsx";
  const fs::path lock = merged.string() + ".lock";

  // A lock left by a process that has ended: taken over.
  const auto dead = run_command({"/bin/sh", "-c", "echo $$"});
  REQUIRE(dead.exit_code == 0);
  std::ofstream(lock) << dead.out;
  const auto ok = run_itawb({"merge", s.master.string(), s.works().string(), "-o", merged.string()});
  INFO(ok.out << ok.err);
  CHECK(ok.exit_code == 0);
  CHECK(!fs::exists(lock));

  // A live holder (a shell that writes the output, then drops its lock after
  // a second): the merge waits, sees the output changed, and refuses.
  const std::string script =
      "echo $$ >\"$1\"; (sleep 1; echo changed >>\"$2\"; rm -f \"$1\") & wait";
  const auto holder_and_merge = run_command(
      {"/bin/sh", "-c",
       "/bin/sh -c '" + script + "' holder \"$1\" \"$2\" & sleep 0.3; \"$0\" merge \"$3\" \"$4\" -o \"$2\"; echo rc=$?; wait",
       itawb::test::itawb_binary(), lock.string(), merged.string(), s.master.string(), s.works().string()});
  INFO(holder_and_merge.out << holder_and_merge.err);
  CHECK(holder_and_merge.out.find("rc=2") != std::string::npos);
  CHECK((holder_and_merge.err.find("another merge wrote") != std::string::npos ||
         holder_and_merge.err.find("ระหว่างที่คำสั่งนี้ทำงาน") != std::string::npos));
  CHECK(!fs::exists(lock));
}

namespace {

// Every file under `dir` (links not followed) with its bytes: what a run must
// leave as it found it.
std::map<std::string, std::string> files_under(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[e.path().lexically_relative(dir).string()] = read_bytes(e.path());
  return out;
}

}  // namespace

TEST_CASE("merge and split where the file system refuses a write step change no input and leave no partial output",
          "[merge][split][faults]") {
  Scenario s;
  s.split();
  edit_return(s.works(), {{"set", {{{"id", "4"}, {"quarter", 3}, {"status", kDone}, {"result", "เสร็จ"}}}}}, s.dir);
  const fs::path faults = s.dir / "faults";
  fs::create_directories(faults);
  const auto before = files_under(s.dir.path());

  // Each fault made by the file system itself (no LD_PRELOAD): the step that
  // meets it is named in the comment.
  struct Fault {
    const char* step;
    fs::path output;
    std::function<void()> make;
  };
  const std::vector<Fault> cases{
      // the output's folder (and the lock file in it) cannot be made: a file is in the way
      {"folder", faults / "a-file" / "merged.xlsx", [&] { write_bytes(faults / "a-file", "x"); }},
      // the lock is taken and the workbook written, but the rename into place fails
      {"rename", faults / "a-folder.xlsx", [&] { write_bytes(faults / "a-folder.xlsx" / "keep.txt", "x"); }},
  };
  for (const auto& fault : cases) {
    INFO(fault.step);
    fault.make();
    const auto mid = files_under(faults);
    const auto merge = run_itawb({"merge", s.master.string(), s.works().string(), "-o", fault.output.string()});
    INFO(merge.out << merge.err);
    CHECK(merge.exit_code == 2);
    CHECK(merge.err.find(fault.output.filename().string()) != std::string::npos);  // names the user's output
    CHECK(merge.err.find(".tmp") == std::string::npos);
    CHECK(files_under(faults) == mid);  // no temporary, no lock, no partial output left
  }
  for (const auto& [step, output] : std::vector<std::pair<const char*, fs::path>>{
           {"folder", faults / "a-file" / "ส่งกอง"}, {"taken", faults / "split-into"}}) {
    INFO(step);
    if (std::string(step) == "taken")  // a department's file name taken by a folder
      write_bytes(faults / "split-into" / "มาตรการ-สำนักปลัด.xlsx" / "keep.txt", "x");
    const auto mid = files_under(faults);
    const auto split = run_itawb({"split", s.master.string(), "--by", "owner", "-o", output.string(), "--as-of",
                                  "2026-04-15"});
    INFO(split.out << split.err);
    if (std::string(step) == "folder") {
      CHECK(split.exit_code == 2);
      CHECK(split.err.find("ส่งกอง") != std::string::npos);  // names the user's folder
      CHECK(files_under(faults) == mid);
    } else {
      // The taken name is left alone and the department's file written
      // beside it; no temporary is left.
      CHECK(split.exit_code == 0);
      CHECK(read_bytes(faults / "split-into" / "มาตรการ-สำนักปลัด.xlsx" / "keep.txt") == "x");
      CHECK(fs::exists(faults / "split-into" / "มาตรการ-สำนักปลัด (2).xlsx"));
      for (const auto& [name, bytes] : files_under(faults)) CHECK(name.find(".tmp") == std::string::npos);
    }
  }
  CHECK(files_under(s.dir.path()).size() >= before.size());
  for (const auto& [name, bytes] : before) {
    INFO(name);
    CHECK(read_bytes(s.dir / name) == bytes);  // no input, and no earlier output, changed
  }
}

// Issue 8, "the real officer's year": the fixtures under tests/fixtures/officer
// are typed as the seeds' officers type them (make_officer.py says what each
// holds; each is also committed as re-saved by LibreOffice and Gnumeric), and
// tests/fixtures/generated holds 20 agencies from the peers' generator. These
// tests run the built CLI on them and read the results back with openpyxl.
//
// Every expected figure below comes from what the fixture's cells say (the
// comments derive it), never from the code under test.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "support/helpers.hpp"

namespace fs = std::filesystem;
using itawb::test::fixture;
using itawb::test::openpyxl_read;
using itawb::test::run_command;
using itawb::test::run_itawb;
using itawb::test::sheet_of;
using itawb::test::TempDir;
using nlohmann::json;

namespace {

const std::string& kDone = itawb::test::kStatusDone;
const std::string& kInProgress = itawb::test::kStatusInProgress;
const std::string& kNotStarted = itawb::test::kStatusNotStarted;
const std::string kNotReported = "ไม่ได้รายงาน";  // grid: a planned quarter over without a report
const std::string kPlanAsOf = "2025-04-15";     // plan year 2568: quarters 1 and 2 over, 3 current

// The plan fixture as written by openpyxl, LibreOffice and Gnumeric: every
// test on it must hold for all three saves.
std::vector<fs::path> plan_saves() {
  return {fixture("officer/thungthong-2568-plan.xlsx"), fixture("officer/thungthong-2568-plan.libreoffice.xlsx"),
          fixture("officer/thungthong-2568-plan.gnumeric.xlsx")};
}

struct Analysis {
  int exit_code = -1;
  json doc;
  fs::path output;
  std::string err;
};

Analysis analyze(const fs::path& in, const fs::path& out, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args{"analyze", in.string(), "-o", out.string(), "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = run_itawb(args);
  INFO(in.string() << "\n" << r.err);
  REQUIRE(!r.out.empty());
  return {r.exit_code, json::parse(r.out), out, r.err};
}

using Key = std::tuple<std::string, std::string, std::string, std::string>;  // severity, code, sheet, cell

std::set<Key> finding_keys(const json& findings) {
  std::set<Key> out;
  for (const auto& f : findings)
    out.emplace(f.at("severity").get<std::string>(), f.at("code").get<std::string>(), f.at("sheet").get<std::string>(),
                f.at("cell").get<std::string>());
  return out;
}

const json* finding_at(const json& doc, const std::string& code, const std::string& sheet, const std::string& cell) {
  for (const auto& f : doc.at("findings"))
    if (f.at("code") == code && f.at("sheet") == sheet && f.at("cell") == cell) return &f;
  return nullptr;
}

const json& measure(const json& doc, const std::string& id) {
  for (const auto& m : doc.at("measures"))
    if (m.at("id") == id) return m;
  FAIL("no measure " << id);
  return doc;
}

// (department, status, quarter or 0) of each report of a measure, in order.
std::vector<std::tuple<std::string, std::string, int>> reports(const json& m) {
  std::vector<std::tuple<std::string, std::string, int>> out;
  for (const auto& r : m.at("reports"))
    out.emplace_back(r.at("department"), r.at("status"), r.at("quarter").is_null() ? 0 : r.at("quarter").get<int>());
  return out;
}

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

int last_row(const json& sheet) {
  int last = 0;
  for (const auto& [ref, cell] : sheet.at("cells").items())
    last = std::max(last, std::stoi(ref.substr(ref.find_first_of("0123456789"))));
  return last;
}

// The first row at or below `from` whose column `col` reads `text`, or 0.
int row_with(const json& sheet, const std::string& col, const std::string& text, int from = 1) {
  for (int r = from; r <= last_row(sheet); ++r)
    if (cell_text(sheet, col + std::to_string(r)) == text) return r;
  return 0;
}

std::vector<std::string> strings(const json& a) { return a.get<std::vector<std::string>>(); }

void check_owner(const json& by_owner, const std::string& name, int done, int in_progress, int not_reported,
                 int total, double completion) {
  INFO(name);
  REQUIRE(by_owner.contains(name));
  const json& o = by_owner.at(name);
  CHECK(o.at("done") == done);
  CHECK(o.at("in_progress") == in_progress);
  CHECK(o.at("not_reported") == not_reported);
  CHECK(o.at("total") == total);
  CHECK(o.at("completion").get<double>() == Approx(completion));
}

}  // namespace

TEST_CASE("officer: blank timeframes and '-' results are warnings on their cells, the plan is analysed and written",
          "[officer]") {
  for (const auto& in : plan_saves()) {
    INFO(in.filename().string());
    // What the officer typed, read independently: ระยะเวลา blank on ๒ (row 4)
    // and ๕ (row 7); ผลการดำเนินการ "-" on the not-started rows 7 and 9.
    const json input = openpyxl_read(in, true);
    const json& ms = sheet_of(input, "มาตรการ");
    const json& ps = sheet_of(input, "ความก้าวหน้า");
    CHECK(cell_text(ms, "F2") == "ระยะเวลาในการดำเนินการ");
    CHECK(cell_text(ms, "F4").empty());
    CHECK(cell_text(ms, "F7").empty());
    CHECK(cell_text(ps, "D2") == "ผลการดำเนินการ");
    CHECK(cell_text(ps, "D7") == "-");
    CHECK(cell_text(ps, "D9") == "-");
    CHECK(cell_text(ps, "C7") == kNotStarted);
    CHECK(cell_text(ps, "C9") == kNotStarted);

    TempDir dir;
    const Analysis a = analyze(in, dir / "out.xlsx", {"--as-of", kPlanAsOf});
    CHECK(a.exit_code == 0);
    CHECK(a.doc.at("valid") == true);
    CHECK(a.doc.at("summary").at("errors") == 0);
    for (const auto& [sheet, cell, code] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"มาตรการ", "F4", "timeframe-missing"},
             {"มาตรการ", "F7", "timeframe-missing"},
             {"ความก้าวหน้า", "D7", "missing-cell"},
             {"ความก้าวหน้า", "D9", "missing-cell"}}) {
      INFO(sheet << "!" << cell);
      const json* f = finding_at(a.doc, code, sheet, cell);
      REQUIRE(f != nullptr);
      CHECK(f->at("severity") == "warning");
    }
    CHECK(finding_at(a.doc, "missing-cell", "ความก้าวหน้า", "D7")->at("value") == "-");
    for (const auto& f : a.doc.at("findings")) CHECK(f.at("severity") != "error");

    // Analysed all the same: seven measures, the two without a timeframe
    // without quarters, written to the output.
    CHECK(a.doc.at("measures").size() == 7);
    CHECK(measure(a.doc, "2").at("quarters").empty());
    CHECK(measure(a.doc, "5").at("quarters").empty());
    CHECK(measure(a.doc, "4").at("status") == "not-started");
    CHECK(measure(a.doc, "7").at("status") == "not-started");
    REQUIRE(fs::exists(a.output));
    const json out = openpyxl_read(a.output, true);
    const json& grid = sheet_of(out, "ความก้าวหน้ารายไตรมาส");
    REQUIRE(!grid.is_null());
    CHECK(row_with(grid, "A", "๕", 5) > 0);
    CHECK(!sheet_of(out, "มาตรการ").is_null());
  }
}

TEST_CASE("officer: a shared measure counts each department's own report, and the one that never reported is not credited",
          "[officer]") {
  for (const auto& in : plan_saves()) {
    INFO(in.filename().string());
    TempDir dir;
    const Analysis a = analyze(in, dir / "out.xlsx", {"--as-of", kPlanAsOf});
    REQUIRE(a.exit_code == 0);

    // Measure ๓ (ไตรมาส ๑-๒, "สำนักปลัด, กองคลัง, กองช่าง"): สำนักปลัด reported
    // in progress in quarter 1 and done in quarter 2, กองคลัง in progress in
    // quarter 2, กองช่าง nothing.
    const json& m3 = measure(a.doc, "3");
    CHECK(strings(m3.at("owners")) == std::vector<std::string>{"สำนักปลัด", "กองคลัง", "กองช่าง"});
    using R = std::tuple<std::string, std::string, int>;
    CHECK(reports(m3) == std::vector<R>{{"สำนักปลัด", "done", 2}, {"กองคลัง", "in-progress", 2},
                                        {"กองช่าง", "not-reported", 0}});
    CHECK(m3.at("status") == "in-progress");  // not done while กองคลัง and กองช่าง are not
    CHECK(m3.at("overdue") == true);          // its last quarter (2) ended 31 Mar 2025

    // Per department, by the measures each owns:
    //   สำนักปลัด: ๑ done, ๓ done (its own row), ๖ done (-งานการเจ้าหน้าที่), ๗ not started -> 3/4
    //   กองคลัง: ๓ in progress, ๔ not started, ๕ never reported -> 0/3
    //   กองช่าง: ๓ never reported -> 0/1
    const json& by_owner = a.doc.at("progress").at("by_owner");
    check_owner(by_owner, "สำนักปลัด", 3, 0, 0, 4, 75.0);
    check_owner(by_owner, "กองคลัง", 0, 1, 1, 3, 0.0);
    check_owner(by_owner, "กองช่าง", 0, 0, 1, 1, 0.0);
    CHECK(by_owner.at("กองช่าง").at("not_started") == 0);

    // The quarterly grid, read back: one line per department per quarter.
    const json out = openpyxl_read(a.output, true);
    const json& grid = sheet_of(out, "ความก้าวหน้ารายไตรมาส");
    REQUIRE(!grid.is_null());
    const int r = row_with(grid, "A", "๓", 5);
    REQUIRE(r > 0);
    const std::string n = std::to_string(r);
    CHECK(cell_text(grid, "C" + n) ==
          "สำนักปลัด (ดำเนินการแล้ว)\nกองคลัง (อยู่ระหว่างดำเนินการ)\nกองช่าง (ยังไม่รายงาน)");
    CHECK(cell_text(grid, "D" + n) ==
          "สำนักปลัด: " + kInProgress + "\nกองคลัง: " + kNotReported + "\nกองช่าง: " + kNotReported);
    CHECK(cell_text(grid, "E" + n) ==
          "สำนักปลัด: " + kDone + "\nกองคลัง: " + kInProgress + "\nกองช่าง: " + kNotReported);
    CHECK(cell_text(grid, "F" + n).empty());  // not planned in quarters 3-4
    CHECK(cell_text(grid, "G" + n).empty());
    CHECK(cell_text(grid, "H" + n) == kInProgress + "\nเกินกำหนด");  // overdue, said under its status

    // The department table under the grid: กองช่าง 1 measure, none still to
    // come, 1 due, 0 done, 1 not reported (columns C, D, E, F, I: the
    // names take A:B).
    const int t = row_with(grid, "A", "กองช่าง", r + 1);
    REQUIRE(t > 0);
    const std::string tn = std::to_string(t);
    CHECK(cell_text(grid, "C" + tn) == "1");
    CHECK(cell_text(grid, "D" + tn) == "0");
    CHECK(cell_text(grid, "E" + tn) == "1");
    CHECK(cell_text(grid, "F" + tn) == "0");
    CHECK(cell_text(grid, "I" + tn) == "1");
  }
}

TEST_CASE("officer: in the scores fixture a shared measure done by one owner only is not done", "[officer]") {
  // Measure ๗ ("สำนักปลัด, กองคลัง", ไตรมาส ๒): only กองคลัง reported, done.
  TempDir dir;
  const Analysis a = analyze(fixture("officer/thungthong-2567-scores.xlsx"), dir / "out.xlsx", {"--as-of", kPlanAsOf});
  CHECK(a.exit_code == 0);
  const json& m7 = measure(a.doc, "7");
  using R = std::tuple<std::string, std::string, int>;
  CHECK(reports(m7) == std::vector<R>{{"สำนักปลัด", "not-reported", 0}, {"กองคลัง", "done", 2}});
  CHECK(m7.at("status") != "done");
  CHECK(m7.at("overdue") == true);
  // Scored from the seed's figures: 0.3 IIT + 0.3 EIT + 0.4 OIT of the
  // typed indicators = 0.3*99.638 + 0.3*95.94 + 0.4*96.07 = 97.10.
  CHECK(a.doc.at("overall").at("score").get<double>() == Approx(97.10).margin(0.005));
  CHECK(a.doc.at("overall").at("reported").get<double>() == Approx(97.13));
}

TEST_CASE("officer: a placeholder owner is a warning on its cell and no department", "[officer]") {
  const fs::path in = fixture("officer/thungthong-2568-plan.xlsx");
  const json input = openpyxl_read(in, true);
  CHECK(cell_text(sheet_of(input, "มาตรการ"), "G4") == "กองงาน........");
  TempDir dir;
  const Analysis a = analyze(in, dir / "out.xlsx", {"--as-of", kPlanAsOf});
  const json* f = finding_at(a.doc, "owner-placeholder", "มาตรการ", "G4");
  REQUIRE(f != nullptr);
  CHECK(f->at("severity") == "warning");
  CHECK(f->at("value") == "กองงาน........");
  CHECK(measure(a.doc, "2").at("owners").empty());
  CHECK(measure(a.doc, "2").at("reports").empty());
  for (const auto& [name, tally] : a.doc.at("progress").at("by_owner").items())
    CHECK(name.find("กองงาน") == std::string::npos);
  CHECK(a.doc.at("progress").at("by_owner").size() == 3);

  const auto s = run_itawb({"split", in.string(), "--by", "owner", "-o", (dir / "split").string(), "--as-of", kPlanAsOf});
  INFO(s.out << s.err);
  REQUIRE(s.exit_code == 0);
  std::set<std::string> files;
  for (const auto& e : fs::directory_iterator(dir / "split"))
    if (e.path().filename().string()[0] != '.') files.insert(e.path().filename().string());  // not split's record
  CHECK(files == std::set<std::string>{"มาตรการ-สำนักปลัด.xlsx", "มาตรการ-กองคลัง.xlsx", "มาตรการ-กองช่าง.xlsx"});
}

TEST_CASE("officer: -งานการเจ้าหน้าที่ in an อบต. without กองการเจ้าหน้าที่ counts for สำนักปลัด", "[officer]") {
  const fs::path in = fixture("officer/thungthong-2568-plan.xlsx");
  const json input = openpyxl_read(in, true);
  CHECK(cell_text(sheet_of(input, "มาตรการ"), "G8") == "-งานการเจ้าหน้าที่");
  const json& agency = sheet_of(input, "หน่วยงาน");
  std::vector<std::string> departments;  // the agency's own list
  for (int r = 1; r <= last_row(agency); ++r)
    if (cell_text(agency, "A" + std::to_string(r)) == "ส่วนราชการ") departments.push_back(cell_text(agency, "B" + std::to_string(r)));
  CHECK(departments ==
        std::vector<std::string>{"สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม"});

  TempDir dir;
  const Analysis a = analyze(in, dir / "out.xlsx", {"--as-of", kPlanAsOf});
  const json& m6 = measure(a.doc, "6");
  CHECK(strings(m6.at("owners")) == std::vector<std::string>{"สำนักปลัด"});
  using R = std::tuple<std::string, std::string, int>;
  // Its one progress row has no หน่วยงานที่รายงาน: it is the single owner's.
  CHECK(reports(m6) == std::vector<R>{{"สำนักปลัด", "done", 2}});
  const json& by_owner = a.doc.at("progress").at("by_owner");
  CHECK(!by_owner.contains("กองการเจ้าหน้าที่"));
  CHECK(!by_owner.contains("งานการเจ้าหน้าที่"));
  CHECK(!by_owner.contains("-งานการเจ้าหน้าที่"));
  for (const auto& f : a.doc.at("findings")) CHECK(f.at("cell") != "G8");
}

TEST_CASE("officer: validate and analyze report the same findings for every fixture, and exit as they say",
          "[officer]") {
  std::vector<fs::path> files;
  for (const auto& dir : {fixture("officer"), itawb::test::repo_dir() / "workbooks" / "examples"})
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".xlsx") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 14);  // 9 officer saves + 5 examples

  TempDir dir;
  int with_errors = 0;
  for (const auto& in : files) {
    INFO(in.filename().string());
    const auto v = run_itawb({"validate", in.string(), "--json"});
    INFO(v.err);
    const json vdoc = json::parse(v.out);
    REQUIRE(vdoc.at("files").size() == 1);
    const json& vf = vdoc.at("files").at(0);
    const bool valid = vf.at("valid").get<bool>();
    CHECK(v.exit_code == (valid ? 0 : 1));
    CHECK(vdoc.at("valid") == valid);

    const fs::path out = dir / (in.stem().string() + "-out.xlsx");
    const Analysis a = analyze(in, out);  // no --as-of: both use today
    const int errors = a.doc.at("summary").at("errors");
    CHECK(a.exit_code == (errors > 0 ? 1 : 0));
    CHECK(a.doc.at("valid") == (errors == 0));
    CHECK(valid == (errors == 0));
    CHECK(fs::exists(out));

    // The same check, the same findings; analyze adds only what it finds
    // writing its output: a carried cell too tall for Excel's 409-point row,
    // printed in a smaller font or cut (the example's long result
    // ความก้าวหน้า!D3), which validate, writing nothing, cannot see.
    std::set<Key> analysed = finding_keys(a.doc.at("findings"));
    for (auto it = analysed.begin(); it != analysed.end();) {
      const std::string& code = std::get<1>(*it);
      it = code == "text-too-tall" || code == "text-shrunk" ? analysed.erase(it) : std::next(it);
    }
    CHECK(finding_keys(vf.at("findings")) == analysed);

    // The only fixture typed with an error is the duplicated id (all three saves).
    const bool duplicate = in.filename().string().rfind("patueng-2568-duplicate-id", 0) == 0;
    CHECK((errors > 0) == duplicate);
    if (duplicate) {
      ++with_errors;
      const json* f = finding_at(a.doc, "unique-error", "มาตรการ", "A6");
      REQUIRE(f != nullptr);
      CHECK(f->at("severity") == "error");
    }
  }
  CHECK(with_errors == 3);
}

TEST_CASE("officer: merge reports for its output exactly the errors analyze finds there", "[officer][merge]") {
  TempDir dir;
  const fs::path master = fixture("officer/thungthong-2568-plan.xlsx");
  const fs::path split = dir / "split";
  const auto s = run_itawb({"split", master.string(), "--by", "owner", "-o", split.string(), "--as-of", kPlanAsOf});
  REQUIRE(s.exit_code == 0);
  const fs::path head = split / "มาตรการ-สำนักปลัด.xlsx", finance = split / "มาตรการ-กองคลัง.xlsx",
                 works = split / "มาตรการ-กองช่าง.xlsx";

  auto edit = [&](const fs::path& file, const json& e) { itawb::test::edit_return(file, e, dir.path()); };
  // กองช่าง finally reports ๓; กองคลัง reports ๓ quarter 1 and ๕ quarter 3 with
  // a report date that is not a date; สำนักปลัด reports ๗ quarter 3.
  edit(works, {{"set", {{{"id", "3"}, {"quarter", 2}, {"status", kDone}, {"result", "ส่งข้อมูลคำขออนุญาตก่อสร้างออนไลน์แล้ว"},
                         {"reporter", "นายสมชาย"}, {"date", "2025-03-30"}}}}});
  edit(finance, {{"set", {{{"id", "3"}, {"quarter", 1}, {"status", kInProgress}, {"result", "เริ่มรวบรวมข้อมูล"}},
                          {{"id", "5"}, {"quarter", 3}, {"status", kInProgress}, {"result", "เผยแพร่รายงานเดือนเมษายนแล้ว"},
                           {"date", "ปลายเดือนนี้"}}}}});
  edit(head, {{"set", {{{"id", "7"}, {"quarter", 3}, {"status", kInProgress}, {"result", "จัดทำอินโฟกราฟิกไตรมาส ๓"},
                        {"date", "2025-06-20"}}}}});

  const fs::path merged = dir / "merged.xlsx";
  const auto m = run_itawb({"merge", master.string(), head.string(), finance.string(), works.string(), "-o",
                            merged.string()});
  INFO(m.out << m.err);
  REQUIRE(fs::exists(merged));
  CHECK(m.out.find("ไม่ได้รวม: 0") != std::string::npos);  // every returned row merged

  // The errors merge printed for its output: "  SHEET!CELL: message" after the "written" line.
  std::set<std::string> merge_errors;
  const size_t written = m.out.find("บันทึกแล้ว:");
  REQUIRE(written != std::string::npos);
  std::istringstream lines(m.out.substr(m.out.find('\n', written) + 1));
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("  ", 0) == 0) merge_errors.insert(line.substr(2));

  const Analysis a = analyze(merged, dir / "analysed.xlsx");
  std::set<std::string> analyze_errors;
  for (const auto& f : a.doc.at("findings"))
    if (f.at("severity") == "error")
      analyze_errors.insert(f.at("sheet").get<std::string>() + "!" + f.at("cell").get<std::string>() + ": " +
                            f.at("message_th").get<std::string>());
  CHECK(merge_errors == analyze_errors);
  CHECK(merge_errors.empty());  // a report date that cannot be read feeds no figure: a warning
  CHECK(m.exit_code == a.exit_code);
  CHECK(m.exit_code == 0);

  // The warning is on the merged row whose report date is the typed text.
  const json merged_dump = openpyxl_read(merged, true);
  const json& ps = sheet_of(merged_dump, "ความก้าวหน้า");
  REQUIRE(!ps.is_null());
  const int bad = row_with(ps, "I", "ปลายเดือนนี้");
  REQUIRE(bad > 0);
  const json* f = finding_at(a.doc, "type-error", "ความก้าวหน้า", "I" + std::to_string(bad));
  REQUIRE(f != nullptr);
  CHECK(f->at("severity") == "warning");

  // Every merged row reaches analyze: ๓ now has all three owners' reports,
  // กองช่าง's own done among them; ๕ and ๗ have their quarter-3 rows.
  using R = std::tuple<std::string, std::string, int>;
  CHECK(reports(measure(a.doc, "3")) == std::vector<R>{{"สำนักปลัด", "done", 2}, {"กองคลัง", "in-progress", 2},
                                                      {"กองช่าง", "done", 2}});
  CHECK(measure(a.doc, "3").at("status") == "in-progress");
  CHECK(reports(measure(a.doc, "5")) == std::vector<R>{{"กองคลัง", "in-progress", 3}});
  CHECK(reports(measure(a.doc, "7")) == std::vector<R>{{"สำนักปลัด", "in-progress", 3}});
  check_owner(a.doc.at("progress").at("by_owner"), "กองช่าง", 1, 0, 0, 1, 100.0);
}

TEST_CASE("officer: 20 generated agencies are analysed with warnings only, '-' results on column D", "[officer]") {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fixture("generated")))
    if (e.path().extension() == ".xlsx") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() == 20);

  // The '-' results as typed, read by openpyxl in one run for all 20 files:
  // {file name: {"header": D1, "dashes": ["D7", ...]}}.
  std::vector<std::string> argv{"/usr/bin/python3", "-c",
                                "import json, os, sys, openpyxl\n"
                                "out = {}\n"
                                "for path in sys.argv[1:]:\n"
                                "    ws = openpyxl.load_workbook(path, read_only=True)['ความก้าวหน้า']\n"
                                "    col = [r[0] for r in ws.iter_rows(min_col=4, max_col=4, values_only=True)]\n"
                                "    out[os.path.basename(path)] = {'header': col[0], 'dashes': ['D%d' % (i + 1) "
                                "for i, v in enumerate(col) if v == '-']}\n"
                                "print(json.dumps(out))\n"};
  for (const auto& f : files) argv.push_back(f.string());
  const auto typed_run = run_command(argv);
  INFO(typed_run.err);
  REQUIRE(typed_run.exit_code == 0);
  const json typed_all = json::parse(typed_run.out);

  TempDir dir;
  int dashes = 0;
  for (const auto& in : files) {
    INFO(in.filename().string());
    const fs::path out = dir / (in.stem().string() + "-out.xlsx");
    const Analysis a = analyze(in, out, {"--as-of", "2025-06-30"});
    const int errors = a.doc.at("summary").at("errors");
    CHECK(a.exit_code == (errors > 0 ? 1 : 0));
    CHECK(errors == 0);
    CHECK(fs::exists(out));

    // The '-' results as typed (column D is ผลการดำเนินการ) are exactly the
    // findings on column D of ความก้าวหน้า, each a warning.
    const json& typed_here = typed_all.at(in.filename().string());
    REQUIRE(typed_here.at("header") == "ผลการดำเนินการ");
    const auto typed = typed_here.at("dashes").get<std::set<std::string>>();
    std::set<std::string> found;
    for (const auto& f : a.doc.at("findings")) {
      CHECK(f.at("severity") != "error");
      const std::string cell = f.at("cell");
      if (f.at("sheet") == "ความก้าวหน้า" && cell.rfind("D", 0) == 0) {
        CHECK(f.at("severity") == "warning");
        CHECK(f.at("code") == "missing-cell");
        found.insert(cell);
      }
    }
    CHECK(found == typed);
    dashes += static_cast<int>(typed.size());
  }
  CHECK(dashes > 0);  // the generator does type '-' results
}

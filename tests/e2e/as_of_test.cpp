// Issue 21: the plan's truth on the as-of date, end to end. A plan whose every
// measure is planned for April-September 2568 (tests/fixtures/asof/
// make_asof.py) analysed before anything is due, in quarter 3 and in
// quarter 4; reports dated after the date; the department table's total row;
// and the published level typed "ระดับผ่านดีเยี่ยม" (the same level) or
// "ผ่านดี" (a different one) on the summary sheet, in the findings and in
// the JSON. Written files are read back with openpyxl.
#include <catch2/catch.hpp>

#include <algorithm>

#include "support/helpers.hpp"

namespace fs = std::filesystem;
using namespace itawb::test;
using nlohmann::json;

namespace {

const char* const kForbidden[] = {"ยังไม่ได้รายงาน", "ยังไม่รายงาน", "ต่ำกว่าเป้าหมาย", "เร่งรัด"};
const char* const kPlanSheets[] = {"บันทึกข้อความ", "มาตรการ", "ความก้าวหน้ารายไตรมาส"};

struct Run {
  json doc;   // analyze --json
  json dump;  // the output, by openpyxl
};

Run analyse(const std::string& fixture_name, const std::string& as_of) {
  TempDir tmp;
  const fs::path out = tmp / "out.xlsx";
  const auto r = run_itawb({"analyze", fixture("asof/" + fixture_name).string(), "-o", out.string(), "--as-of",
                            as_of, "--json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return {json::parse(r.out), openpyxl_read(out)};
}

std::vector<std::string> texts_of(const json& sheet) {
  std::vector<std::string> out;
  for (const auto& [ref, cell] : sheet.at("cells").items())
    if (cell.at("v").is_string()) out.push_back(cell.at("v").get<std::string>());
  return out;
}

bool any_contains(const std::vector<std::string>& texts, const std::string& needle) {
  return std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return t.find(needle) != std::string::npos; });
}

std::vector<json> findings_coded(const json& findings, const std::string& code) {
  std::vector<json> out;
  for (const auto& f : findings)
    if (f.at("code") == code) out.push_back(f);
  return out;
}

std::string text_at(const json& sheet, const std::string& ref) {
  const auto& cells = sheet.at("cells");
  if (!cells.contains(ref)) return "";
  const auto& v = cells.at(ref).at("v");
  return v.is_string() ? v.get<std::string>() : v.dump();
}

// The row (as text) whose column A reads `label`, or "".
std::string row_of(const json& sheet, const std::string& label) {
  for (const auto& [ref, cell] : sheet.at("cells").items())
    if (ref[0] == 'A' && std::isdigit(static_cast<unsigned char>(ref[1])) && cell.at("v") == label)
      return ref.substr(1);
  return "";
}

double number_at(const json& sheet, const std::string& ref) { return sheet.at("cells").at(ref).at("v").get<double>(); }

// The fields of `object` that `expected` names, to compare in one CHECK
// (a failure prints both).
json picked(const json& object, const json& expected) {
  json out = json::object();
  for (const auto& [key, value] : expected.items()) out[key] = object.contains(key) ? object.at(key) : json();
  return out;
}

}  // namespace

TEST_CASE("as of 31/3/2568, before any measure is due, nothing is unreported, below target or pressed", "[as-of]") {
  const Run run = analyse("late-plan-2568.xlsx", "31/3/2568");
  const json& p = run.doc.at("progress");
  const json counts{{"as_of", "2025-03-31"}, {"total", 5}, {"due", 0}, {"not_yet_due", 5}, {"done", 0},
                      {"not_reported", 0}, {"completion", 0.0}, {"completion_due", nullptr},
                      {"meets_target", nullptr}, {"overdue", json::array()}};
  CHECK(picked(p, counts) == counts);
  for (const auto& m : run.doc.at("measures")) {
    INFO(m.at("id"));
    CHECK(m.at("standing") == "not-yet-due");
    CHECK(m.at("due") == false);
  }
  for (const auto& [name, t] : p.at("by_owner").items()) {
    INFO(name);
    CHECK(t.at("due") == 0);
    CHECK(t.at("not_reported") == 0);
  }

  for (const char* name : kPlanSheets) {
    INFO(name);
    const json& sheet = sheet_of(run.dump, name);
    REQUIRE(!sheet.is_null());
    const auto texts = texts_of(sheet);
    for (const char* word : kForbidden) {
      INFO(word);
      CHECK_FALSE(any_contains(texts, word));
    }
  }
  const auto memo = texts_of(sheet_of(run.dump, "บันทึกข้อความ"));
  CHECK(any_contains(memo, "ดำเนินการแล้ว ๐ จาก ๕ มาตรการ คิดเป็นร้อยละ ๐.๐๐ ของทั้งปี โดยทั้ง ๕ "
                           "มาตรการยังไม่ถึงกำหนดดำเนินการ (เริ่มตามแผนในไตรมาส ๓)"));
  const json& grid = sheet_of(run.dump, "ความก้าวหน้ารายไตรมาส");
  CHECK(any_contains(texts_of(grid), "ยังไม่ถึงกำหนด"));
  // The quarterly grid: planned quarters still to come.
  CHECK(text_at(grid, "F5") == "ตามแผน");
  CHECK(text_at(grid, "H5") == "ยังไม่ถึงกำหนด");
  const std::string total = row_of(grid, "รวม (ผลรวมของทุกแถว)");
  REQUIRE(!total.empty());
  // The names take A:B, the figures C:M.
  CHECK(number_at(grid, "C" + total) == 6);  // five measures, the shared one counted for both owners
  CHECK(number_at(grid, "D" + total) == 6);  // not yet due
  CHECK(number_at(grid, "E" + total) == 0);  // due
  CHECK(text_at(grid, "M" + total) == "ยังไม่ถึงกำหนด");

  // Every report is dated after 31 March: none counted, each a warning on its date cell.
  const auto late = findings_coded(run.doc.at("findings"), "report-after-as-of");
  REQUIRE(late.size() == 4);
  std::vector<std::string> cells;
  for (const auto& f : late) {
    CHECK(f.at("severity") == "warning");
    CHECK(f.at("sheet") == "ความก้าวหน้า");
    CHECK(f.at("message_th").get<std::string>().find("จึงไม่นับในผล ณ วันที่นั้น") != std::string::npos);
    CHECK(f.at("message_en").get<std::string>().find("after the as-of date 2025-03-31") != std::string::npos);
    cells.push_back(f.at("cell"));
  }
  CHECK(cells == std::vector<std::string>{"G2", "G3", "G4", "G5"});
}

TEST_CASE("as of 15/5/2568 (quarter 3) completion is stated against what is due and the whole year", "[as-of]") {
  const Run run = analyse("late-plan-2568.xlsx", "2025-05-15");
  const json& p = run.doc.at("progress");
  // Due: 1, 2, 3, 5 (quarter 3 has begun); 4 (quarter 4) is not. Only 1's
  // report (10 May) is made by 15 May.
  const json counts{{"total", 5},         {"due", 4},           {"not_yet_due", 1},
                      {"done", 1},          {"not_reported", 3},  {"overdue", json::array()},
                      {"completion", 20.0}, {"completion_due", 25.0}, {"meets_target", false}};
  CHECK(picked(p, counts) == counts);
  CHECK(run.doc.at("measures")[3].at("standing") == "not-yet-due");
  CHECK(run.doc.at("measures")[1].at("standing") == "due-not-reported");
  CHECK(findings_coded(run.doc.at("findings"), "report-after-as-of").size() == 3);

  const auto memo = texts_of(sheet_of(run.dump, "บันทึกข้อความ"));
  CHECK(any_contains(memo, "ดำเนินการแล้ว ๑ จาก ๕ มาตรการ คิดเป็นร้อยละ ๒๐.๐๐ ของทั้งปี และมาตรการที่ถึงกำหนดแล้ว ๔ "
                           "มาตรการ ดำเนินการแล้ว ๑ คิดเป็นร้อยละ ๒๕.๐๐ ของที่ถึงกำหนด ซึ่งยังต่ำกว่าเป้าหมายร้อยละ ๘๐.๐๐"));
  CHECK(any_contains(memo, "ยังไม่ถึงกำหนด ๑ มาตรการ"));
  // Due and unreported: pressed, by name.
  CHECK(any_contains(memo, "เร่งรัดส่วนราชการที่มีมาตรการเกินกำหนดหรือถึงกำหนดแล้วแต่ยังไม่ได้รายงานผล ได้แก่ "
                           "สำนักปลัด, กองคลัง, กองช่าง"));
}

TEST_CASE("as of 15/8/2568 (quarter 4): due, overdue, a later report left out, and the total row sums its rows",
          "[as-of]") {
  const Run run = analyse("late-plan-2568.xlsx", "15/8/2568");
  const json& p = run.doc.at("progress");
  // done: 1; in progress: 3, and 5 (done by one owner of two); not
  // reported: 2, and 4 (its report is dated 20 September).
  const json counts{{"current_quarter", 4}, {"total", 5},        {"due", 5},
                      {"not_yet_due", 0},     {"done", 1},         {"in_progress", 2},
                      {"not_reported", 2},    {"overdue_count", 1}, {"overdue", json::array({"2"})},
                      {"completion", 20.0},   {"completion_due", 20.0}};
  CHECK(picked(p, counts) == counts);
  const json& measures = run.doc.at("measures");
  CHECK(measures[1].at("standing") == "overdue");
  CHECK(measures[3].at("standing") == "due-not-reported");
  CHECK(measures[3].at("reports_after_as_of") == 1);
  CHECK(measures[4].at("reports")[1].at("standing") == "due-not-reported");  // กองคลัง's part of 5

  const json& owners = p.at("by_owner");
  CHECK(owners.at("สำนักปลัด").at("total") == 3);
  CHECK(owners.at("สำนักปลัด").at("done") == 2);
  CHECK(owners.at("สำนักปลัด").at("not_reported") == 1);
  CHECK(owners.at("สำนักปลัด").at("completion_due").get<double>() == Approx(66.67));
  CHECK(owners.at("กองคลัง").at("total") == 2);
  CHECK(owners.at("กองคลัง").at("not_reported") == 2);
  CHECK(owners.at("กองคลัง").at("overdue") == 1);
  CHECK(owners.at("กองช่าง").at("in_progress") == 1);
  const json& sum = p.at("department_total");
  const json sum_expected{{"total", 6}, {"done", 2}, {"in_progress", 1}, {"not_reported", 3}, {"overdue", 1}};
  CHECK(picked(sum, sum_expected) == sum_expected);

  const auto late = findings_coded(run.doc.at("findings"), "report-after-as-of");
  REQUIRE(late.size() == 1);
  CHECK(late[0].at("cell") == "G4");
  CHECK(late[0].at("message_th").get<std::string>().find("มาตรการ ๔ ลงวันที่ ๒๐ ก.ย. ๒๕๖๘") != std::string::npos);

  // The department table: the total row is the sum of the rows above it, column by column.
  const json& grid = sheet_of(run.dump, "ความก้าวหน้ารายไตรมาส");
  const std::string total = row_of(grid, "รวม (ผลรวมของทุกแถว)");
  REQUIRE(!total.empty());
  std::vector<std::string> rows;
  for (const char* d : {"สำนักปลัด", "กองคลัง", "กองช่าง"}) {
    rows.push_back(row_of(grid, d));
    REQUIRE(!rows.back().empty());
  }
  for (const char* col : {"C", "D", "E", "F", "G", "H", "I", "J"}) {  // the names take A:B
    INFO(col);
    double rows_sum = 0;
    for (const auto& r : rows) rows_sum += number_at(grid, col + r);
    CHECK(number_at(grid, col + total) == rows_sum);
  }
  // Total: 6 parts, 6 due, 2 done, 1 in progress, 0 not started, 3 not reported, 1 overdue.
  const std::vector<double> expected = {6, 0, 6, 2, 1, 0, 3, 1};
  const char* cols[] = {"C", "D", "E", "F", "G", "H", "I", "J"};
  for (size_t i = 0; i < expected.size(); ++i) CHECK(number_at(grid, cols[i] + total) == expected[i]);
  CHECK(number_at(grid, "K" + rows[0]) == Approx(66.67));  // สำนักปลัด: 2 of 3 due
  CHECK(number_at(grid, "L" + rows[0]) == Approx(66.67));  // and of the year

  const auto memo = texts_of(sheet_of(run.dump, "บันทึกข้อความ"));
  CHECK(any_contains(memo, "มาตรการที่เกินกำหนดระยะเวลาดำเนินการ ๑ มาตรการ ได้แก่ มาตรการที่ ๒ (กองคลัง)"));
  CHECK(any_contains(memo, "ได้แก่ สำนักปลัด, กองคลัง"));  // pressed: 4 and 5 unreported, 2 overdue
}

TEST_CASE("a published level typed as ระดับผ่านดีเยี่ยม is the computed level everywhere", "[as-of][level]") {
  const Run run = analyse("late-plan-2568.xlsx", "2025-08-15");
  CHECK(run.doc.at("overall").at("level") == "ผ่านดีเยี่ยม");
  CHECK(run.doc.at("overall").at("reported_level") == "ระดับผ่านดีเยี่ยม");
  CHECK(run.doc.at("overall").at("reported_level_matches") == true);
  CHECK(findings_coded(run.doc.at("findings"), "level-mismatch").empty());
  const json& summary = sheet_of(run.dump, "สรุปผลการประเมิน");
  REQUIRE(!summary.is_null());
  const auto texts = texts_of(summary);
  CHECK(any_contains(texts, "ตรงกับระดับที่คำนวณ"));
  CHECK_FALSE(any_contains(texts, "ต่างจากระดับ"));

  const auto v = run_itawb({"validate", fixture("asof/late-plan-2568.xlsx").string(), "--json"});
  const json report = json::parse(v.out);
  CHECK(findings_coded(report.at("files")[0].at("findings"), "level-mismatch").empty());
}

TEST_CASE("a genuinely different published level is a difference on the sheet, in the findings and the JSON",
          "[as-of][level]") {
  const Run run = analyse("level-differs-2568.xlsx", "2025-08-15");
  CHECK(run.doc.at("overall").at("reported_level") == "ผ่านดี");
  CHECK(run.doc.at("overall").at("reported_level_matches") == false);
  const auto mismatch = findings_coded(run.doc.at("findings"), "level-mismatch");
  REQUIRE(mismatch.size() == 1);
  CHECK(mismatch[0].at("sheet") == "หน่วยงาน");
  CHECK(mismatch[0].at("cell") == "B7");
  const auto texts = texts_of(sheet_of(run.dump, "สรุปผลการประเมิน"));
  CHECK(any_contains(texts, "ต่างจากระดับที่คำนวณ ผ่านดีเยี่ยม"));

  const auto v = run_itawb({"validate", fixture("asof/level-differs-2568.xlsx").string(), "--json"});
  const json report = json::parse(v.out);
  const auto found = findings_coded(report.at("files")[0].at("findings"), "level-mismatch");
  REQUIRE(found.size() == 1);
  CHECK(found[0].at("cell") == "B7");
}

// What a supervisor prints: every text row of every visible sheet (results
// and the agency's carried-over sheets) is at least 1.3 × its largest font
// and tall enough for the lines typed into it, on A4 with the agency named.
// Read back with openpyxl; the bound is independent of the writer's own
// estimate (it counts only the line breaks written into the cells).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "support/helpers.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace itawb::test;

namespace {

int row_of(const std::string& ref) { return std::stoi(ref.substr(ref.find_first_of("0123456789"))); }

// Rows of `sheet` holding text, with the most lines and the largest font among their cells.
struct TextRow {
  int lines = 1;
  double font = 11;
};

std::map<int, TextRow> text_rows(const json& sheet, const std::vector<std::string>& merged_tops) {
  std::map<int, TextRow> rows;
  for (const auto& [ref, cell] : sheet.at("cells").items()) {
    if (!cell.at("v").is_string()) continue;
    // A merge's text spreads over its rows: judged by the writer's estimate only.
    if (std::find(merged_tops.begin(), merged_tops.end(), ref) != merged_tops.end()) continue;
    const std::string v = cell.at("v").get<std::string>();
    TextRow& r = rows[row_of(ref)];
    r.lines = std::max(r.lines, 1 + static_cast<int>(std::count(v.begin(), v.end(), '\n')));
    if (cell.contains("size") && cell.at("size").is_number()) r.font = std::max(r.font, cell.at("size").get<double>());
  }
  return rows;
}

void check_sheet(const json& dump, const std::string& name) {
  INFO("sheet " << name);
  const json& sheet = sheet_of(dump, name);
  REQUIRE(!sheet.is_null());
  CHECK(sheet.at("paper") == 9);  // A4
  std::vector<std::string> merged_tops;
  for (const auto& m : sheet.at("merged")) merged_tops.push_back(m.get<std::string>().substr(0, m.get<std::string>().find(':')));
  const json& heights = sheet.at("row_heights");
  size_t checked = 0;
  for (const auto& [row, t] : text_rows(sheet, merged_tops)) {
    INFO("row " << row << ", " << t.lines << " lines of " << t.font << " pt");
    REQUIRE(heights.contains(std::to_string(row)));
    const double h = heights.at(std::to_string(row)).get<double>();
    CHECK(h >= 1.3 * t.font * t.lines);
    ++checked;
  }
  CHECK(checked >= 5);
}

}  // namespace

TEST_CASE("the plan sheets print every text row tall enough for its font and lines", "[print]") {
  TempDir tmp;
  for (const fs::path input : {fixture("officer/thungthong-2568-plan.libreoffice.xlsx"),
                               fixture("officer/thungthong-2567-scores.xlsx"), example("patueng-2568-progress.xlsx")}) {
    INFO(input.filename().string());
    const fs::path out = tmp / (input.stem().string() + "-out.xlsx");
    const auto r = run_itawb({"analyze", input.string(), "-o", out.string(), "--as-of", "2025-04-15"});
    CHECK(r.exit_code == 0);
    REQUIRE(fs::exists(out));
    const json dump = openpyxl_read(out);
    check_sheet(dump, "มาตรการ");
    check_sheet(dump, "ความก้าวหน้ารายไตรมาส");
    size_t sheets = 0;
    for (const auto& sheet : dump.at("sheets")) {
      if (sheet.at("hidden").get<bool>()) continue;
      const std::string name = sheet.at("name").get<std::string>();
      INFO("sheet " << name);
      CHECK(sheet.at("paper") == 9);
      // The agency (all three are อบต.) at the top of every page.
      CHECK(sheet.at("header").value("left", std::string()).rfind("องค์การบริหารส่วนตำบล", 0) == 0);
      std::vector<std::string> tops;
      for (const auto& m : sheet.at("merged")) tops.push_back(m.get<std::string>().substr(0, m.get<std::string>().find(':')));
      for (const auto& [row, t] : text_rows(sheet, tops)) {
        INFO("row " << row);
        REQUIRE(sheet.at("row_heights").contains(std::to_string(row)));
        CHECK(sheet.at("row_heights").at(std::to_string(row)).get<double>() >= 1.3 * t.font * t.lines);
      }
      ++sheets;
    }
    CHECK(sheets >= 5);  // the plan sheets, the findings and the carried-over หน่วยงาน, ความก้าวหน้า at least
  }
}

TEST_CASE("the printed measures page hides the form's columns no measure fills, and keeps one digit style", "[print]") {
  TempDir tmp;
  const fs::path out = tmp / "plan-out.xlsx";
  run_itawb({"analyze", fixture("officer/thungthong-2568-plan.xlsx").string(), "-o", out.string(), "--as-of", "2025-04-15"});
  const json dump = openpyxl_read(out);
  const json& m = sheet_of(dump, "มาตรการ");
  REQUIRE(!m.is_null());
  // Header row 3: find งบประมาณ (no measure of the fixture has a budget) and ประเด็น.
  std::string budget, issue;
  for (const auto& [ref, cell] : m.at("cells").items()) {
    if (row_of(ref) != 3 || !cell.at("v").is_string()) continue;
    const std::string col = ref.substr(0, ref.find_first_of("0123456789"));
    if (cell.at("v") == "งบประมาณ") budget = col;
    if (cell.at("v") == "ประเด็น") issue = col;
  }
  REQUIRE(!budget.empty());
  REQUIRE(!issue.empty());
  const auto& hidden = m.at("hidden_cols");
  CHECK(std::find(hidden.begin(), hidden.end(), budget) != hidden.end());
  CHECK(std::find(hidden.begin(), hidden.end(), issue) == hidden.end());
  // The issue of the first measure in Thai digits, like its ลำดับ.
  CHECK(m.at("cells").at(issue + "4").at("v") == "๒");
}

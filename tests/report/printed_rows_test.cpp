// What a supervisor prints: every text row of every visible sheet (results
// and the agency's carried-over sheets) is at least 1.3 × its largest font
// and tall enough for the lines typed into it, on A4 with the agency named.
// Read back with openpyxl; the bound is independent of the writer's own
// estimate (it counts only the line breaks written into the cells).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "support/helpers.hpp"
#include "text/width.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace itawb::test;

namespace {

int row_of(const std::string& ref) { return std::stoi(ref.substr(ref.find_first_of("0123456789"))); }
std::string col_of(const std::string& ref) { return ref.substr(0, ref.find_first_of("0123456789")); }
int col_index(const std::string& letters) {
  int n = 0;
  for (char c : letters) n = n * 26 + (c - 'A' + 1);
  return n;
}

// A column's width as stored (openpyxl reads what the file says; Excel's
// default 8.43 plus its padding when the file sets none).
double stored_width(const json& sheet, const std::string& col) {
  const json& w = sheet.at("col_widths");
  return w.contains(col) ? w.at(col).get<double>() : 9.14;
}

// Lines a text takes in a column of `width` characters by the width
// estimate the column widths come from (text::display_width), without the
// writer's own slack: every line break written, plus wrapping.
int wrapped_lines(const std::string& v, double width, double font_pt, bool wrap) {
  int n = 0;
  size_t start = 0;
  while (start <= v.size()) {
    const size_t end = std::min(v.find('\n', start), v.size());
    const double needed = itawb::text::display_width(std::string_view(v).substr(start, end - start)) * font_pt / 16.0 * 0.95;
    const double usable = width - 0.71 - 2;
    n += wrap && usable > 0 ? std::max(1, static_cast<int>(std::ceil(needed / usable))) : 1;
    start = end + 1;
  }
  return n;
}

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
    const json& hidden = sheet.at("hidden_cols");
    if (std::find(hidden.begin(), hidden.end(), col_of(ref)) != hidden.end()) continue;  // not printed
    const double font = cell.contains("size") && cell.at("size").is_number() ? cell.at("size").get<double>() : 11;
    TextRow& r = rows[row_of(ref)];
    r.lines = std::max(r.lines, wrapped_lines(cell.at("v").get<std::string>(), stored_width(sheet, col_of(ref)), font,
                                              cell.value("wrap", false)));
    r.font = std::max(r.font, font);
  }
  return rows;
}

// The scale fit-to-width prints the sheet at: A4's width inside the margins
// over the visible columns' width (a stored width w is 7 w pixels at 96 dpi).
double print_scale(const json& sheet) {
  int last = 0;
  for (const auto& [ref, cell] : sheet.at("cells").items()) last = std::max(last, col_index(col_of(ref)));
  const json& hidden = sheet.at("hidden_cols");
  double points = 0;
  for (int c = 1; c <= last; ++c) {
    std::string letters;
    for (int n = c; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    if (std::find(hidden.begin(), hidden.end(), letters) != hidden.end()) continue;
    points += stored_width(sheet, letters) * 7 * 0.75;
  }
  const double printable = (sheet.at("landscape").get<bool>() ? 842.0 : 595.0) - 72.0;
  return std::min(1.0, printable / points);
}

// What a supervisor needs of every visible sheet: A4, the agency at the top,
// no scale below 70 %, every text row at least 1.3 × its largest font per line.
size_t check_printed(const json& dump) {
  size_t sheets = 0;
  for (const auto& sheet : dump.at("sheets")) {
    if (sheet.at("hidden").get<bool>()) continue;
    const std::string name = sheet.at("name").get<std::string>();
    INFO("sheet " << name);
    CHECK(sheet.at("paper") == 9);  // A4
    CHECK(sheet.at("header").value("left", std::string()).rfind("องค์การบริหารส่วนตำบล", 0) == 0);
    CHECK(print_scale(sheet) >= 0.70);
    std::vector<std::string> tops;
    for (const auto& m : sheet.at("merged")) tops.push_back(m.get<std::string>().substr(0, m.get<std::string>().find(':')));
    size_t rows = 0;
    for (const auto& [row, t] : text_rows(sheet, tops)) {
      INFO("row " << row << ", " << t.lines << " lines of " << t.font << " pt");
      REQUIRE(sheet.at("row_heights").contains(std::to_string(row)));
      CHECK(sheet.at("row_heights").at(std::to_string(row)).get<double>() >= 1.3 * t.font * t.lines);
      ++rows;
    }
    CHECK(rows >= 2);
    ++sheets;
  }
  return sheets;
}

}  // namespace

TEST_CASE("every visible sheet prints on A4 at 70 % or more, each text row tall enough for its font and lines",
          "[print]") {
  TempDir tmp;
  // The example (scores and plan), a LibreOffice-saved measures-only plan,
  // an agency's scores alone, and a progress report.
  for (const fs::path& input : {example("thungthong-2567.xlsx"), fixture("officer/thungthong-2568-plan.libreoffice.xlsx"),
                                fixture("officer/thungthong-2567-scores.xlsx"), example("patueng-2568-progress.xlsx")}) {
    INFO(input.filename().string());
    const fs::path out = tmp / (input.stem().string() + "-out.xlsx");
    const auto r = run_itawb({"analyze", input.string(), "-o", out.string(), "--as-of", "2025-04-15"});
    CHECK(r.exit_code == 0);
    REQUIRE(fs::exists(out));
    const json dump = openpyxl_read(out);
    CHECK(!sheet_of(dump, "ตรวจสอบข้อมูล").is_null());
    // The plan sheets are among them whenever the workbook has measures.
    if (input.filename().string().find("scores") == std::string::npos) CHECK(!sheet_of(dump, "มาตรการ").is_null());
    CHECK(check_printed(dump) >= 4);
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

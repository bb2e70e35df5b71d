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
    // A report in Thai digits prints no page number in Arabic digits, on its
    // carried sheets either.
    CHECK(sheet.at("footer").value("center", std::string()).find("&P") == std::string::npos);
    std::vector<std::string> tops;
    for (const auto& m : sheet.at("merged")) tops.push_back(m.get<std::string>().substr(0, m.get<std::string>().find(':')));
    size_t rows = 0;
    for (const auto& [row, t] : text_rows(sheet, tops)) {
      INFO("row " << row << ", " << t.lines << " lines of " << t.font << " pt");
      REQUIRE(sheet.at("row_heights").contains(std::to_string(row)));
      CHECK(sheet.at("row_heights").at(std::to_string(row)).get<double>() >= 1.3 * t.font * t.lines);
      ++rows;
    }
    CHECK(rows >= 1);  // a plan's progress form not filled in yet has its header alone
    ++sheets;
  }
  return sheets;
}

}  // namespace

TEST_CASE("every visible sheet prints on A4 at 70 % or more, each text row tall enough for its font and lines",
          "[print]") {
  TempDir tmp;
  // Every bundled example (scores and plan, a progress report ...), a
  // LibreOffice-saved measures-only plan and an agency's scores alone.
  std::vector<fs::path> inputs{fixture("officer/thungthong-2568-plan.libreoffice.xlsx"),
                               fixture("officer/thungthong-2567-scores.xlsx")};
  for (const auto& e : fs::directory_iterator(example("thungthong-2567.xlsx").parent_path()))
    if (e.path().extension() == ".xlsx") inputs.push_back(e.path());
  std::sort(inputs.begin(), inputs.end());
  CHECK(inputs.size() == 7);
  for (const fs::path& input : inputs) {
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

// ---- the files that travel: the blank form, the department workbooks, the
// merged master and the bundled examples (issue 21, item 8) -----------------

namespace {

struct Merge {
  int first_row, last_row;
  std::string first_col, last_col;
};

Merge parse_merge(const std::string& range) {
  const std::string a = range.substr(0, range.find(':')), b = range.substr(range.find(':') + 1);
  return {row_of(a), row_of(b), col_of(a), col_of(b)};
}

std::string letters_of(int c) {
  std::string s;
  for (int n = c; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}

// The repeated header rows as "4:4" (openpyxl reads "$4:$4" from some writers); "" when none.
std::string title_rows(const json& sheet) {
  if (sheet.at("print_title_rows").is_null()) return "";
  std::string rows;
  for (const char c : sheet.at("print_title_rows").get<std::string>())
    if (c != '$') rows += c;
  return rows;
}

double row_height(const json& sheet, int row) {
  const json& h = sheet.at("row_heights");
  return h.contains(std::to_string(row)) ? h.at(std::to_string(row)).get<double>() : 15.0;
}

struct Tally {
  size_t tall_enough = 0, rows = 0;
};

// Every text row of a visible sheet tall enough for its font and lines, a
// merge's text judged against its columns' total width over its rows' total
// height. Counts what it checked.
Tally check_rows(const json& sheet) {
  Tally t;
  std::vector<std::string> tops;
  for (const auto& m : sheet.at("merged")) tops.push_back(m.get<std::string>().substr(0, m.get<std::string>().find(':')));
  for (const auto& [row, r] : text_rows(sheet, tops)) {
    INFO("row " << row << ", " << r.lines << " lines of " << r.font << " pt");
    const bool ok = row_height(sheet, row) >= 1.3 * r.font * r.lines;
    CHECK(ok);
    t.tall_enough += ok;
    ++t.rows;
  }
  for (const auto& range : sheet.at("merged")) {
    const Merge m = parse_merge(range.get<std::string>());
    const std::string top = m.first_col + std::to_string(m.first_row);
    if (!sheet.at("cells").contains(top) || !sheet.at("cells").at(top).at("v").is_string()) continue;
    const json& cell = sheet.at("cells").at(top);
    double width = 0;
    for (int c = col_index(m.first_col); c <= col_index(m.last_col); ++c) width += stored_width(sheet, letters_of(c));
    const double font = cell.value("size", 11.0);
    const int lines = wrapped_lines(cell.at("v").get<std::string>(), width, font, cell.value("wrap", false));
    double height = 0;
    for (int r = m.first_row; r <= m.last_row; ++r) height += row_height(sheet, r);
    INFO("merge " << range.get<std::string>() << ", " << lines << " lines of " << font << " pt");
    const bool ok = height >= 1.3 * font * lines;
    CHECK(ok);
    t.tall_enough += ok;
    ++t.rows;
  }
  return t;
}

// Rows above the repeated header (title, subtitle, legend, instructions) are
// each their own: no merge reaches another row or the header's.
void check_header_apart(const json& sheet) {
  const std::string titles = title_rows(sheet);
  if (titles.empty()) return;
  const int header = std::stoi(titles.substr(0, titles.find(':')));
  for (const auto& range : sheet.at("merged")) {
    const Merge m = parse_merge(range.get<std::string>());
    if (m.first_row > header) continue;
    INFO("merge " << range.get<std::string>() << " above the header row " << header);
    CHECK(m.first_row == m.last_row);
    CHECK(m.last_row < header);
  }
}

// Every cell to fill (unlocked) is yellow with a border, and a sheet that has
// any says so in a legend cell of the same yellow above its header.
void check_inputs(const json& sheet) {
  if (!sheet.at("protected").get<bool>()) return;
  size_t inputs = 0;
  for (const char* part : {"cells", "blanks"})
    for (const auto& [ref, cell] : sheet.at(part).items()) {
      if (cell.value("locked", true)) continue;
      INFO("input " << ref);
      CHECK(cell.at("fill") == "FFFFF2CC");
      CHECK(cell.at("border").at("left") == "thin");
      ++inputs;
    }
  if (inputs == 0) return;
  bool legend = false;
  for (const auto& [ref, cell] : sheet.at("cells").items())
    if (cell.at("v").is_string() && cell.at("v").get<std::string>().rfind("ช่องสีเหลือง = กรอกข้อมูล", 0) == 0 &&
        cell.at("fill") == "FFFFF2CC")
      legend = true;
  CHECK(legend);
}

// A file that travels: every sheet on A4 with its orientation set; every
// visible sheet fitted at 70 % or more, its rows tall enough, its header
// apart from the lines above it, its inputs yellow and explained.
Tally check_travelling(const fs::path& file) {
  INFO(file.filename().string());
  const json dump = openpyxl_read(file);
  Tally all;
  size_t visible = 0;
  for (const auto& sheet : dump.at("sheets")) {
    INFO("sheet " << sheet.at("name").get<std::string>());
    CHECK(sheet.at("paper") == 9);
    CHECK((sheet.at("orientation") == "portrait" || sheet.at("orientation") == "landscape"));
    if (sheet.at("hidden").get<bool>()) continue;
    ++visible;
    CHECK(print_scale(sheet) >= 0.70);
    const Tally t = check_rows(sheet);
    all.tall_enough += t.tall_enough;
    all.rows += t.rows;
    check_header_apart(sheet);
    check_inputs(sheet);
  }
  CHECK(visible >= 1);
  return all;
}

}  // namespace

TEST_CASE("the blank form prints on A4, each row tall enough, title, legend and header apart", "[print][travel]") {
  TempDir tmp;
  const fs::path out = tmp / "template.xlsx";
  REQUIRE(run_itawb({"template", "--year", "2567", "-o", out.string()}).exit_code == 0);
  const Tally t = check_travelling(out);
  CHECK(t.rows >= 130);  // the questions alone are 71 rows
  CHECK(t.tall_enough == t.rows);
  // The indicator sheet: title, legend, header, then the rows to fill.
  const json form = openpyxl_read(out);
  const json& ind = sheet_of(form, "คะแนนตัวชี้วัด");
  CHECK(ind.at("cells").at("A2").at("v").get<std::string>().rfind("ช่องสีเหลือง = กรอกข้อมูล", 0) == 0);
  CHECK(ind.at("cells").at("A3").at("v") == "ตัวชี้วัด");
  CHECK(title_rows(ind) == "3:3");
  CHECK(ind.at("blanks").at("D4").at("fill") == "FFFFF2CC");
}

TEST_CASE("every department workbook of a split and the merged master print on A4 with rows tall enough",
          "[print][travel]") {
  TempDir tmp;
  const fs::path master = example("thungthong-2567.xlsx"), dir = tmp / "split";
  const auto s = run_itawb({"split", master.string(), "-o", dir.string(), "--as-of", "2025-04-15"});
  INFO(s.err);
  REQUIRE(s.exit_code == 0);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".xlsx" && e.path().filename().string()[0] != '.') files.push_back(e.path());  // not split's record
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 2);
  for (const auto& f : files) {
    const Tally t = check_travelling(f);
    CHECK(t.rows >= 8);
    CHECK(t.tall_enough == t.rows);
    // Title, department, legend with the instructions, header: rows 1 to 4.
    const json dept = openpyxl_read(f);
    const json& p = sheet_of(dept, "ความก้าวหน้า");
    CHECK(p.at("cells").at("A1").at("v").get<std::string>().rfind("รายงานความก้าวหน้า", 0) == 0);
    CHECK(p.at("cells").at("A2").at("v").get<std::string>().rfind("หน่วยงาน: ", 0) == 0);
    CHECK(p.at("cells").at("A3").at("v") == "ช่องสีเหลือง = กรอกข้อมูล");
    CHECK(p.at("cells").at("C3").at("v").get<std::string>().rfind("กรอกเฉพาะช่องสีเหลือง", 0) == 0);
    CHECK(p.at("cells").at("A4").at("v") == "ลำดับมาตรการ");
    CHECK(title_rows(p) == "4:4");
    // Its measure numbers in the Thai digits of its title (issue 21), on
    // both sheets: "๑", never "1" under "ปีงบประมาณ พ.ศ. ๒๕๖๘".
    CHECK(p.at("cells").at("A1").at("v").get<std::string>().find("๒๕๖๘") != std::string::npos);
    for (const json* sheet : {&p, &sheet_of(dept, "มาตรการ")})
      for (const auto& [ref, cell] : sheet->at("cells").items()) {
        if (col_of(ref) != "A" || row_of(ref) <= (sheet == &p ? 4 : 2) || !cell.at("v").is_string()) continue;
        INFO(ref << " " << cell.at("v").get<std::string>());
        CHECK(cell.at("v").get<std::string>().find_first_of("0123456789") == std::string::npos);
      }
    // Its reference sheet of measures: the header repeated, no row left at 15 pt.
    const json& m = sheet_of(dept, "มาตรการ");
    CHECK(title_rows(m) == "2:2");
    CHECK(row_height(m, 3) > 30);
  }

  // กองคลัง reports on สำนักปลัด's measure 3: listed as not merged, so the
  // master gets its รายการที่ไม่ได้รวม sheet too.
  const fs::path finance = dir / "มาตรการ-กองคลัง.xlsx";
  REQUIRE(fs::exists(finance));
  edit_return(finance, {{"add", {{{"id", "3"}, {"quarter", 2}, {"status", kStatusDone}, {"result", "ช่วยสำนักปลัด"}}}}},
              tmp.path());
  const fs::path merged = tmp / "merged.xlsx";
  std::vector<std::string> args{"merge", master.string()};
  for (const auto& f : files) args.push_back(f.string());
  args.insert(args.end(), {"-o", merged.string()});
  const auto r = run_itawb(args);
  INFO(r.out << r.err);
  REQUIRE(fs::exists(merged));
  const json dump = openpyxl_read(merged);
  CHECK(!sheet_of(dump, "รายการที่ไม่ได้รวม").is_null());
  CHECK(!sheet_of(dump, "ความก้าวหน้า").is_null());
  const Tally t = check_travelling(merged);
  CHECK(t.rows >= 60);
  CHECK(t.tall_enough == t.rows);
  // Every sheet carries the agency at the top of its pages, and no page
  // number in Arabic digits at the bottom: the master, like the template it
  // was made from, is in Thai digits (the carried sheets printed "หน้า 1 / 3").
  for (const auto& sheet : dump.at("sheets")) {
    INFO(sheet.at("name").get<std::string>());
    CHECK(sheet.at("header").value("left", std::string()).rfind("องค์การบริหารส่วนตำบลทุ่งทอง", 0) == 0);
    CHECK(sheet.at("footer").value("center", std::string()).find("&P") == std::string::npos);
  }
}

TEST_CASE("the bundled example workbooks print on A4 with rows tall enough", "[print][travel]") {
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(example("thungthong-2567.xlsx").parent_path())) {
    if (e.path().extension() != ".xlsx") continue;
    const Tally t = check_travelling(e.path());
    CHECK(t.rows >= 10);
    CHECK(t.tall_enough == t.rows);
    ++files;
  }
  CHECK(files == 5);
}

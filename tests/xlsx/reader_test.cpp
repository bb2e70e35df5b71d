// The streaming reader on everyday files (openpyxl, LibreOffice and Gnumeric
// output) and on each reading trap, one fixture per trap
// (tests/tools/make_xlsx_fixtures.py builds them).
#include <catch2/catch.hpp>

#include <cmath>

#include "support/helpers.hpp"
#include "xlsx/reader.hpp"

using namespace itawb::xlsx;
using itawb::test::fixture;

namespace {

Workbook open_fixture(const std::string& name) { return Workbook::open(fixture("xlsx/" + name).string()); }

const Cell& cell_at(const Sheet& s, const std::string& a1) {
  const auto ref = parse_ref(a1);
  REQUIRE(ref);
  const Cell* c = s.at(ref->row, ref->col);
  INFO("cell " << a1 << " of sheet " << s.info.name);
  REQUIRE(c != nullptr);
  return *c;
}

bool has_cell(const Sheet& s, const std::string& a1) {
  const auto ref = parse_ref(a1);
  return s.at(ref->row, ref->col) != nullptr;
}

}  // namespace

TEST_CASE("basic.xlsx (openpyxl): sheets, visibility and every cell kind", "[xlsx]") {
  const Workbook wb = open_fixture("basic.xlsx");
  REQUIRE(wb.sheets().size() == 3);
  CHECK(wb.sheets()[0].name == "ข้อมูล");
  CHECK(wb.sheets()[0].visibility == Visibility::Visible);
  CHECK(wb.sheets()[1].visibility == Visibility::Hidden);
  CHECK(wb.sheets()[2].visibility == Visibility::VeryHidden);
  CHECK_FALSE(wb.date1904());
  CHECK(wb.find_sheet("veryhidden") == 2u);
  CHECK_FALSE(wb.find_sheet("ไม่มี"));

  const Sheet s = wb.read_sheet(0);
  CHECK(cell_at(s, "A2").text == "เทศบาลตำบลหนองบัว");
  CHECK(cell_at(s, "A2").type == CellType::String);
  CHECK(cell_at(s, "B2").type == CellType::Number);
  CHECK(cell_at(s, "B2").number == 42);
  CHECK(cell_at(s, "B2").display() == "42");
  CHECK(cell_at(s, "C2").number == 0.875);
  CHECK(wb.number_format(cell_at(s, "C2").style) == "0.00%");
  CHECK(cell_at(s, "D2").type == CellType::Boolean);
  CHECK(cell_at(s, "D2").display() == "TRUE");
  CHECK(cell_at(s, "D3").display() == "FALSE");
  CHECK(cell_at(s, "E2").type == CellType::Date);
  CHECK(cell_at(s, "E2").display() == "2024-10-01");
  CHECK(wb.number_format(cell_at(s, "E2").style) == "d/m/yyyy");
  CHECK(cell_at(s, "F2").display() == "2024-10-01T08:30:00");
  // openpyxl writes formulas without a cached value.
  CHECK(cell_at(s, "G2").formula);
  CHECK(cell_at(s, "G2").uncalculated);
  CHECK(cell_at(s, "H2").type == CellType::Error);
  CHECK(cell_at(s, "H2").text == "#N/A");
  CHECK(cell_at(s, "A3").text == "  มีช่องว่างนำหน้า");
  CHECK(cell_at(s, "B3").display() == "-1.5e-07");
  REQUIRE(s.merged.size() == 1);
  CHECK(s.merged[0].first_row == 4);
  CHECK(s.merged[0].last_col == 2);
  CHECK_FALSE(has_cell(s, "B5"));  // merged-away cells are empty
  CHECK(wb.read_sheet(2).cells.at(0).ref() == "B2");
}

TEST_CASE("basic.xlsx re-saved by LibreOffice and Gnumeric reads the same, with formula results",
          "[xlsx]") {
  for (const char* name : {"basic-libreoffice.xlsx", "basic-gnumeric.xlsx"}) {
    INFO(name);
    const Workbook wb = open_fixture(name);
    REQUIRE(wb.sheets().size() == 3);
    // Gnumeric drops sheet visibility when it converts; LibreOffice keeps
    // "hidden" but has no "veryHidden" (it writes state="hidden").
    if (std::string(name) == "basic-libreoffice.xlsx") {
      CHECK(wb.sheets()[1].visibility == Visibility::Hidden);
      CHECK(wb.sheets()[2].visibility == Visibility::Hidden);
    }
    const Sheet s = wb.read_sheet(0);
    CHECK(cell_at(s, "A2").text == "เทศบาลตำบลหนองบัว");
    CHECK(cell_at(s, "B2").number == 42);
    CHECK(cell_at(s, "D2").type == CellType::Boolean);
    CHECK(cell_at(s, "D2").number == 1);
    CHECK(cell_at(s, "E2").display() == "2024-10-01");
    CHECK(cell_at(s, "F2").display() == "2024-10-01T08:30:00");
    CHECK(cell_at(s, "G2").formula);
    CHECK_FALSE(cell_at(s, "G2").uncalculated);
    CHECK(cell_at(s, "G2").number == 84);
    CHECK(cell_at(s, "H2").text == "#N/A");
    CHECK(cell_at(s, "A3").text == "  มีช่องว่างนำหน้า");
    REQUIRE(s.merged.size() == 1);
    CHECK(s.merged[0].last_col == 2);
  }
}

TEST_CASE("for_each_cell streams the same cells as read_sheet, in document order", "[xlsx]") {
  const Workbook wb = open_fixture("basic.xlsx");
  std::vector<std::string> streamed;
  wb.for_each_cell(0, [&](const Cell& c) { streamed.push_back(c.ref() + "=" + c.display()); });
  const Sheet s = wb.read_sheet(0);
  REQUIRE(streamed.size() == s.cells.size());
  for (size_t i = 0; i < streamed.size(); ++i)
    CHECK(streamed[i] == s.cells[i].ref() + "=" + s.cells[i].display());
}

TEST_CASE("shared strings: rich runs joined, phonetic runs skipped, spaces kept, escapes decoded",
          "[xlsx]") {
  const Sheet s = open_fixture("strings.xlsx").read_sheet(0);
  CHECK(cell_at(s, "A1").text == "plain");
  CHECK(cell_at(s, "B1").text == "ตัว หนา");
  CHECK(cell_at(s, "C1").text == "漢字");
  CHECK(cell_at(s, "D1").text == "  lead and trail  ");
  CHECK(cell_at(s, "E1").text == "a\rb_x000D_c\xF0\x9F\x98\x80");
  CHECK_FALSE(has_cell(s, "F1"));  // empty shared string: an empty cell
  CHECK(cell_at(s, "A2").text == "inline");
  CHECK(cell_at(s, "B2").text == "inline rich");
  CHECK(cell_at(s, "C2").text == "from formula");
  CHECK(cell_at(s, "C2").formula);
  CHECK(cell_at(s, "D2").text == "tab\there");
  CHECK_FALSE(has_cell(s, "E2"));
}

TEST_CASE("rows and cells without r= follow the previous one", "[xlsx]") {
  const Sheet s = open_fixture("no-r.xlsx").read_sheet(0);
  std::vector<std::string> got;
  for (const auto& c : s.cells) got.push_back(c.ref() + "=" + c.display());
  CHECK(got == std::vector<std::string>{"A1=1", "B1=2", "C5=3", "D5=4", "A6=six"});
}

TEST_CASE("numbers, xsd booleans, errors and cached formula values", "[xlsx]") {
  const Sheet s = open_fixture("values.xlsx").read_sheet(0);
  CHECK(cell_at(s, "A1").number == 1.5);
  CHECK(cell_at(s, "B1").number == -2000);
  CHECK(cell_at(s, "C1").number == 7);
  CHECK(cell_at(s, "D1").type == CellType::Error);  // "abc" in a number cell
  CHECK(cell_at(s, "A2").display() == "TRUE");
  CHECK(cell_at(s, "B2").display() == "FALSE");
  CHECK(cell_at(s, "C2").display() == "TRUE");
  CHECK(cell_at(s, "D2").display() == "FALSE");
  CHECK(cell_at(s, "E2").type == CellType::Error);  // "yes" is not an xsd:boolean
  CHECK(cell_at(s, "E2").text == "#VALUE!");
  CHECK(cell_at(s, "A3").text == "#DIV/0!");
  CHECK(cell_at(s, "B3").type == CellType::Error);

  CHECK(cell_at(s, "A4").number == 2);
  CHECK(cell_at(s, "A4").formula);
  CHECK(cell_at(s, "B4").text == "ab");
  CHECK(cell_at(s, "C4").type == CellType::Error);
  CHECK(cell_at(s, "D4").type == CellType::Boolean);
  CHECK(cell_at(s, "E4").uncalculated);  // <v/>
  CHECK(cell_at(s, "F4").uncalculated);  // no <v>
  CHECK_FALSE(cell_at(s, "G4").uncalculated);  // t="str" <v></v>: an empty string result
  CHECK(cell_at(s, "G4").text.empty());
  CHECK(cell_at(s, "H4").number == 0);
  CHECK_FALSE(cell_at(s, "H4").uncalculated);
  // A string formula with no saved result never shows the previous cell's value ("0" in H4).
  CHECK(cell_at(s, "I4").uncalculated);
  CHECK(cell_at(s, "I4").text.empty());
  CHECK(cell_at(s, "J4").uncalculated);
  CHECK(cell_at(s, "J4").text.empty());
  CHECK(cell_at(s, "B5").number == -1999);  // shared-formula child
  CHECK(cell_at(s, "B5").formula);
  CHECK(cell_at(s, "C5").number == 8);
  CHECK_FALSE(has_cell(s, "A6"));
  CHECK_FALSE(has_cell(s, "B6"));
  CHECK(cell_at(s, "C6").type == CellType::Date);
  CHECK(cell_at(s, "C6").display() == "2024-10-01T08:30:00");
}

TEST_CASE("dates are decided by the number format", "[xlsx]") {
  // Mirrors DATE_FORMATS in tests/tools/make_xlsx_fixtures.py: one style per column.
  const std::vector<std::pair<std::string, char>> expected{
      {"General", 'n'}, {"mm-dd-yy", 'd'}, {"d-mmm-yy", 'd'}, {"d-mmm", 'd'}, {"mmm-yy", 'd'},
      {"h:mm AM/PM", 'd'}, {"h:mm:ss AM/PM", 'd'}, {"h:mm", 'd'}, {"h:mm:ss", 'd'},
      {"m/d/yy h:mm", 'd'}, {"mm:ss", 'd'}, {"[h]:mm:ss", 'n'}, {"mmss.0", 'd'},
      {"0.00E+00", 'n'}, {"@", 'n'}, {"0.00", 'n'}, {"0.00%", 'n'},
      {"\"Date: \"0.00", 'n'}, {"[$-1070000]d/mm/yyyy;@", 'd'}, {"#,##0_M_M_M", 'n'},
      {"0.0E+0", 'n'}, {"[h]:mm", 'n'}, {"\\d0", 'n'}, {"[Red]0.00;[Blue]-0.00", 'n'},
      {"yyyy-mm-dd", 'd'}, {"[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", 'd'}, {"mm:ss.0", 'd'},
      {"[mm]:ss", 'n'}, {"General", 'n'}, {"d/m/bbbb", 'd'}, {"\"ปี \"0", 'n'},
      {"0.00_);[Red](0.00)", 'n'}, {"[$-409]mmmm d, yyyy;@", 'd'}};
  const Workbook wb = open_fixture("dates.xlsx");
  const Sheet s = wb.read_sheet(0);
  for (uint32_t col = 0; col < expected.size(); ++col) {
    const Cell* c = s.at(0, col);
    REQUIRE(c != nullptr);
    INFO("column " << column_name(col) << " format " << expected[col].first);
    CHECK(wb.number_format(c->style) == expected[col].first);
    CHECK(to_string(c->type)[0] == expected[col].second);
    if (c->type == CellType::Date) CHECK(c->display() == "2024-10-01T12:00:00");
    if (c->type == CellType::Number) CHECK(c->number == 45566.5);
  }
  // Excel's 1900 leap-year bug: serial 60 is the phantom 1900-02-29.
  CHECK(cell_at(s, "A2").display() == "1900-02-28");
  CHECK(cell_at(s, "B2").display() == "1900-02-29");
  CHECK(cell_at(s, "C2").display() == "1900-03-01");
  CHECK(cell_at(s, "D2").display() == "1900-01-01");
  CHECK(cell_at(s, "E2").display() == "12:00:00");             // time of day only
  CHECK(cell_at(s, "F2").display() == "2024-10-02");  // .999999 of a day rounds up, as in Excel
  CHECK(cell_at(s, "G2").type == CellType::Number);            // style index beyond cellXfs
}

TEST_CASE("serial dates round-trip, including around the phantom 1900-02-29", "[xlsx]") {
  CHECK(datetime_to_serial(2024, 10, 1) == 45566);
  CHECK(datetime_to_serial(1900, 3, 1) == 61);
  CHECK(datetime_to_serial(1900, 2, 29) == 60);
  CHECK(datetime_to_serial(1900, 2, 28) == 59);
  CHECK(datetime_to_serial(1900, 1, 1) == 1);
  CHECK(datetime_to_serial(2024, 10, 1, 8 * 3600 + 30 * 60) == Approx(45566 + 8.5 / 24));
  for (const double serial : {1.0, 59.0, 61.0, 366.0, 45566.0, 2958465.0}) {
    const DateTime dt = serial_to_datetime(serial).value();
    CHECK(datetime_to_serial(dt.year, dt.month, dt.day, dt.seconds) == serial);
  }
  const DateTime dt = serial_to_datetime(45566.75).value();
  CHECK(dt.year == 2024);
  CHECK(dt.month == 10);
  CHECK(dt.day == 1);
  CHECK(dt.seconds == 18 * 3600);
}

TEST_CASE("the 1904 date system, written as date1904=\"1\" or \"true\"", "[xlsx]") {
  for (const char* name : {"date1904-1.xlsx", "date1904-true.xlsx"}) {
    INFO(name);
    const Workbook wb = open_fixture(name);
    CHECK(wb.date1904());
    const Sheet s = wb.read_sheet(0);
    CHECK(cell_at(s, "A1").display() == "1904-01-01");
    CHECK(cell_at(s, "A1").number == 1462);  // reported in the 1900 system
    CHECK(cell_at(s, "B1").display() == "2024-10-01");
    CHECK(cell_at(s, "C1").type == CellType::Number);
    CHECK(cell_at(s, "C1").number == 5);  // plain numbers are not shifted
  }
}

TEST_CASE("strict OOXML namespaces and prefixed elements", "[xlsx]") {
  const Workbook strict = open_fixture("strict.xlsx");
  REQUIRE(strict.sheets().size() == 1);
  const Sheet s = strict.read_sheet(0);
  CHECK(cell_at(s, "A1").text == "strict");
  CHECK(cell_at(s, "B1").display() == "2024-10-01");

  const Sheet p = open_fixture("prefixed.xlsx").read_sheet(0);
  CHECK(cell_at(p, "A1").text == "prefixed");
  CHECK(cell_at(p, "B1").number == 12);
  REQUIRE(p.merged.size() == 1);
  CHECK(p.merged[0].first_row == 2);
  CHECK(p.merged[0].last_row == 3);
  CHECK(p.merged[0].last_col == 1);
}

TEST_CASE("absolute targets, missing optional parts and .xlsm", "[xlsx]") {
  const Sheet a = open_fixture("absolute-targets.xlsx").read_sheet(0);
  CHECK(cell_at(a, "A1").text == "absolute");
  CHECK(cell_at(a, "B1").display() == "1900-01-01");

  const Workbook minimal = open_fixture("minimal.xlsx");
  const Sheet m = minimal.read_sheet(0);
  CHECK(cell_at(m, "A1").text == "only");
  CHECK(cell_at(m, "B1").type == CellType::Number);  // no styles part: no dates
  CHECK(minimal.number_format(3) == "General");

  const Sheet x = open_fixture("macro.xlsm").read_sheet(0);
  CHECK(cell_at(x, "A1").number == 1);
}

// OpenDocument spreadsheets (xlsx/ods.hpp): an .ods that LibreOffice or
// Gnumeric saved reads cell for cell as the .xlsx it was saved from; the
// hand-made fixtures (tests/tools/make_ods_fixtures.py) pin each value type,
// repeats, merges, comments, hidden sheets and rows; hostile ones are refused
// with the reason, as .xlsx ones are.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "support/helpers.hpp"
#include "xlsx/file_error.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/reader.hpp"

using namespace itawb;
using namespace itawb::xlsx;
using itawb::test::example;
using itawb::test::fixture;

namespace {

// Every sheet's cells as "sheet!ref type display".
std::vector<std::string> cells_of(const Workbook& wb) {
  std::vector<std::string> out;
  for (size_t i = 0; i < wb.sheets().size(); ++i)
    wb.for_each_cell(i, [&](const Cell& c) {
      out.push_back(wb.sheets()[i].name + "!" + c.ref() + " " + to_string(c.type) + " " + c.display());
    });
  return out;
}

std::map<std::string, Cell> by_ref(const Workbook& wb, size_t sheet) {
  std::map<std::string, Cell> out;
  wb.for_each_cell(sheet, [&](const Cell& c) { out[c.ref()] = c; });
  return out;
}

FileProblem refusal(const std::string& file) {
  try {
    Workbook::open(fixture("ods/" + file).string());
  } catch (const FileError& e) {
    return e.problem();
  }
  FAIL("not refused: " << file);
  return FileProblem::NotFound;
}

std::string bytes_of(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("an .ods saved by LibreOffice or Gnumeric reads as the .xlsx it came from", "[xlsx][ods]") {
  // What the office suite itself changed on saving, by cell: LibreOffice
  // saves a boolean formula's result as the number 1 or 0 and computes a
  // formula the .xlsx left without a value; an .ods cannot hold Excel's
  // 1900-02-29; durations and times whose Excel format is elapsed time.
  const std::vector<std::string> basic_lo = {"ข้อมูล!D2", "ข้อมูล!D3", "ข้อมูล!G2"};
  const std::vector<std::string> basic_gn = {"ข้อมูล!G2"};
  const std::vector<std::string> dates_gn = {"Sheet1!B2", "Sheet1!L1", "Sheet1!V1", "Sheet1!AB1"};
  // LibreOffice counts days from 1899-12-30 and moves Excel's dates before
  // 1900-03-01 a day back.
  const std::vector<std::string> dates_lo = {"Sheet1!A2", "Sheet1!B2", "Sheet1!D2", "Sheet1!L1", "Sheet1!V1", "Sheet1!AB1"};
  const struct {
    std::string xlsx, ods;
    std::vector<std::string> changed;
  } pairs[] = {
      {fixture("xlsx/basic.xlsx").string(), "basic-libreoffice.ods", basic_lo},
      {fixture("xlsx/basic.xlsx").string(), "basic-gnumeric.ods", basic_gn},
      {fixture("xlsx/dates.xlsx").string(), "dates-libreoffice.ods", dates_lo},
      {fixture("xlsx/dates.xlsx").string(), "dates-gnumeric.ods", dates_gn},
      {example("thungthong-2567.xlsx").string(), "thungthong-2567.libreoffice.ods", {}},
      {example("thungthong-2567.xlsx").string(), "thungthong-2567.gnumeric.ods", {}},
      {fixture("officer/thungthong-2568-plan.xlsx").string(), "thungthong-2568-plan.libreoffice.ods", {}},
      {fixture("officer/thungthong-2568-plan.xlsx").string(), "thungthong-2568-plan.gnumeric.ods", {}},
  };
  const auto without = [](std::vector<std::string> cells, const std::vector<std::string>& changed) {
    std::erase_if(cells, [&](const std::string& c) {
      return std::any_of(changed.begin(), changed.end(), [&](const std::string& ref) { return c.rfind(ref + " ", 0) == 0; });
    });
    return cells;
  };
  for (const auto& p : pairs) {
    INFO(p.ods);
    const Workbook ods = Workbook::open(fixture("ods/" + p.ods).string());
    const Workbook xlsx = Workbook::open(p.xlsx);
    CHECK(ods.format() == "ods");
    CHECK(xlsx.format() == "xlsx");
    REQUIRE(ods.sheets().size() == xlsx.sheets().size());
    for (size_t i = 0; i < ods.sheets().size(); ++i) CHECK(ods.sheets()[i].name == xlsx.sheets()[i].name);
    const auto from_ods = cells_of(ods), from_xlsx = cells_of(xlsx);
    CHECK(from_ods.size() >= from_xlsx.size() - p.changed.size());
    CHECK(without(from_ods, p.changed) == without(from_xlsx, p.changed));
  }
}

TEST_CASE("an .ods in memory reads as the same file on disk", "[xlsx][ods]") {
  const auto path = fixture("ods/thungthong-2567.libreoffice.ods");
  const Workbook from_file = Workbook::open(path.string());
  const Workbook from_bytes = Workbook::open_bytes(bytes_of(path), "upload.ods");
  CHECK(cells_of(from_bytes) == cells_of(from_file));
  CHECK(from_bytes.path() == "upload.ods");
}

TEST_CASE("every ODF value type, repeats, merges and comments read as Excel would hold them", "[xlsx][ods]") {
  const Workbook wb = Workbook::open(fixture("ods/values.ods").string());
  REQUIRE(wb.sheets().size() == 2);
  CHECK(wb.sheets()[0].name == "ค่า");
  CHECK(wb.sheets()[0].visibility == Visibility::Visible);
  CHECK(wb.sheets()[1].name == "ซ่อน");
  CHECK(wb.sheets()[1].visibility == Visibility::Hidden);

  const auto c = by_ref(wb, 0);
  CHECK(c.at("A1").type == CellType::String);
  CHECK(c.at("A1").text == "ข้อความ");
  CHECK(c.at("B1").type == CellType::Number);
  CHECK(c.at("B1").number == 84.5);
  CHECK(c.at("C1").number == 0.85);
  CHECK(wb.number_format(c.at("C1").style) == "0.00%");
  CHECK(c.at("D1").type == CellType::Date);
  CHECK(c.at("D1").display() == "2024-10-01");
  CHECK(c.at("E1").type == CellType::Date);  // a time: a date format, a fraction of a day
  CHECK(c.at("E1").number == Approx(8.5 / 24));
  CHECK(c.at("F1").type == CellType::Boolean);
  CHECK(c.at("F1").number == 1);
  CHECK(c.at("G1").type == CellType::Error);
  CHECK(c.at("G1").text == "#DIV/0!");
  CHECK(c.at("H1").number == 1234.5);
  // Paragraphs are lines, <text:s c="3"/> three spaces; the comment is not the value.
  CHECK(c.at("A2").text == "บรรทัด   หนึ่ง\nสอง\tสาม");
  CHECK(c.count("B2") == 0);
  CHECK(c.count("C2") == 0);
  for (const char* ref : {"D2", "E2", "F2"}) CHECK(c.at(ref).text == "ซ้ำ");
  CHECK(c.at("A3").text == "รวม");
  CHECK(c.count("B3") == 0);
  CHECK(c.at("C3").number == 7);
  CHECK(c.at("C4").number == 8);
  // After a million repeated empty rows: row 4 + 1,048,000 + 1.
  CHECK(c.at("A1048005").text == "ท้าย");
  CHECK(c.size() == 16);

  const Sheet sheet = wb.read_sheet(0);
  REQUIRE(sheet.merged.size() == 1);
  CHECK(sheet.merged[0].first_row == 2);
  CHECK(sheet.merged[0].last_row == 3);
  CHECK(sheet.merged[0].first_col == 0);
  CHECK(sheet.merged[0].last_col == 1);

  const SheetLayout& layout = wb.read_layout(0);
  const auto row = [&](uint32_t r) -> const RowLayout* {
    for (const auto& x : layout.rows)
      if (x.row == r) return &x;
    return nullptr;
  };
  REQUIRE(row(0));
  CHECK(row(0)->height == Approx(0.8 * 72 / 2.54));  // 0.8 cm in points
  CHECK(row(0)->custom_height);
  REQUIRE(row(3));
  CHECK(row(3)->hidden);
  REQUIRE(!layout.columns.empty());
  CHECK(layout.columns[0].first == 0);
  CHECK(layout.columns[0].last == 1);
  // 2.54 cm = 96 pixels: (96 - 5) / 7 characters as Excel stores widths.
  CHECK(layout.columns[0].width == Approx(13.0));
}

TEST_CASE("hostile and foreign OpenDocument files are refused with their reason", "[xlsx][ods][hostile]") {
  CHECK(refusal("encrypted.ods") == FileProblem::Encrypted);
  CHECK(refusal("repeated-bomb.ods") == FileProblem::TooLarge);
  CHECK(refusal("repeated-wide-text.ods") == FileProblem::TooLarge);
  CHECK(refusal("malformed.ods") == FileProblem::MalformedXml);
  CHECK(refusal("text-document.odt") == FileProblem::Unsupported);
  try {
    Workbook::open(fixture("ods/text-document.odt").string());
  } catch (const FileError& e) {
    CHECK(e.message_en().find("OpenDocument") != std::string::npos);
    CHECK(e.message_th().find("OpenDocument") != std::string::npos);
  }
}

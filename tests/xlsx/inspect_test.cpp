// `itawb inspect`: the built CLI on fixtures, text and JSON, and exit codes.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/helpers.hpp"

using itawb::test::fixture;
using itawb::test::run_itawb;

TEST_CASE("inspect --json lists sheets, visibility, typed cells and merges", "[xlsx][cli]") {
  const auto r = run_itawb({"inspect", fixture("xlsx/basic-libreoffice.xlsx").string(), "--json"});
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc.at("date1904") == false);
  REQUIRE(doc.at("sheets").size() == 3);
  const auto& sheet = doc["sheets"][0];
  CHECK(sheet.at("name") == "ข้อมูล");
  CHECK(sheet.at("visibility") == "visible");
  CHECK(doc["sheets"][1].at("visibility") == "hidden");
  CHECK(sheet.at("merged") == nlohmann::json::array({"A5:C5"}));
  std::map<std::string, nlohmann::json> cells;
  for (const auto& c : sheet.at("cells")) cells[c.at("ref")] = c;
  CHECK(cells.at("B2").at("type") == "n");
  CHECK(cells.at("B2").at("value") == 42);
  CHECK(cells.at("B2").at("format") == "General");
  CHECK(cells.at("C2").at("format") == "0.00%");
  CHECK(cells.at("E2").at("type") == "d");
  CHECK(cells.at("E2").at("value") == "2024-10-01");
  CHECK(cells.at("E2").at("format") == "d/m/yyyy");
  CHECK(cells.at("G2").at("formula") == true);
  CHECK(cells.at("G2").at("value") == 84);
  CHECK(cells.at("A2").at("value") == "เทศบาลตำบลหนองบัว");
  CHECK_FALSE(cells.at("A2").contains("format"));
  CHECK_FALSE(cells.at("A2").contains("formula"));
  CHECK(cells.at("H2").at("type") == "e");
  CHECK(cells.count("B5") == 0);
}

TEST_CASE("inspect --sheet picks one sheet, text output shows types and formats", "[xlsx][cli]") {
  auto r = run_itawb({"inspect", fixture("xlsx/basic.xlsx").string(), "--sheet", "VeryHidden"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("sheet 'VeryHidden' (veryHidden): 1 cells") != std::string::npos);
  CHECK(r.out.find("B2      n  7  [General]") != std::string::npos);
  CHECK(r.out.find("ข้อมูล") == std::string::npos);

  r = run_itawb({"inspect", fixture("xlsx/basic.xlsx").string(), "--sheet", "nope"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no sheet named 'nope'") != std::string::npos);
}

TEST_CASE("inspect exits 2 with the reason on unreadable files", "[xlsx][cli]") {
  auto r = run_itawb({"inspect", fixture("xlsx/encrypted.xlsx").string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("รหัสผ่าน") != std::string::npos);
  CHECK(r.err.find("password-protected") != std::string::npos);
  r = run_itawb({"inspect", fixture("xlsx/csv-renamed.xlsx").string(), "--lang", "en"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("not an Excel workbook") != std::string::npos);
  CHECK(r.out.empty());
}

// Found by hand after a fuzz campaign (tests/fixtures/xlsx, from
// ../shared/reference/fuzz-findings): a date-formatted cell far outside
// Excel's days overflowed serial_to_datetime (undefined behaviour) and
// printed a year in the billions. Such a cell shows its number.
TEST_CASE("inspect --json shows a date-formatted 1e300 or -2^63 as the number, not a date", "[xlsx][cli]") {
  for (const auto& [name, value] : {std::pair<const char*, double>{"date-serial-1e300.xlsx", 1e300},
                                    {"date-serial-int64-min.xlsx", -9223372036854774784.0}}) {
    INFO(name);
    const auto r = run_itawb({"inspect", fixture(std::string("xlsx/") + name).string(), "--json"});
    REQUIRE(r.exit_code == 0);
    const auto doc = nlohmann::json::parse(r.out);
    const auto& cell = doc.at("sheets").at(0).at("cells").at(0);
    CHECK(cell.at("type") == "d");
    const std::string shown = cell.at("value");
    CHECK(std::stod(shown) == value);
    CHECK(shown.find('-', 1) == std::string::npos);  // no yyyy-mm-dd
    const auto text = run_itawb({"inspect", fixture(std::string("xlsx/") + name).string()});
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("2030437") == std::string::npos);
  }
}

TEST_CASE("inspect --json: a formula without a saved result is uncalculated and empty, not the cell before", "[xlsx][cli]") {
  const auto r = run_itawb({"inspect", fixture("xlsx/values.xlsx").string(), "--json"});
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  std::map<std::string, nlohmann::json> cells;
  for (const auto& c : doc.at("sheets").at(0).at("cells")) cells[c.at("ref")] = c;
  CHECK(cells.at("H4").at("value") == 0);  // the cell before: a saved 0
  for (const char* ref : {"E4", "F4", "I4", "J4"}) {
    INFO(ref);
    CHECK(cells.at(ref).at("uncalculated") == true);
    CHECK(cells.at(ref).at("formula") == true);
    CHECK(cells.at(ref).at("value") == "");
  }
}

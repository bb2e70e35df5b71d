// Carry-over on a fixture saved by LibreOffice (formulas with cached values,
// a date, a boolean, a percentage, merged ranges, a hidden sheet, and an old
// result sheet that must not be copied), read back with openpyxl.
#include <catch2/catch.hpp>

#include "base/files.hpp"
#include "output/carry_over.hpp"
#include "output/sheets.hpp"
#include "support/helpers.hpp"
#include "xlsx/reader.hpp"

using namespace itawb;
using itawb::test::openpyxl_read;
using itawb::test::sheet_of;
using nlohmann::json;

namespace {

json carried(const output::CarryOverOptions& options, std::vector<output::CopiedSheet>* copied = nullptr) {
  const auto in = xlsx::Workbook::open(test::fixture("report/carry_over.xlsx").string());
  test::TempDir tmp;
  const auto file = tmp / "carried.xlsx";
  write_atomically(file, [&](const std::filesystem::path& p) {
    xlsx::WorkbookWriter out(p);
    auto result = output::carry_over(in, out, options);
    if (copied) *copied = result;
    out.close();
  });
  return openpyxl_read(file);
}

}  // namespace

TEST_CASE("carry-over keeps values, formats, dates, booleans, cached formula values and merges") {
  output::CarryOverOptions options;
  options.skip = [](const xlsx::SheetInfo& s) { return output::is_result_sheet(s.name); };
  std::vector<output::CopiedSheet> copied;
  const json dump = carried(options, &copied);

  REQUIRE(copied.size() == 2);
  CHECK(copied[0].to == "ข้อมูล");
  CHECK(sheet_of(dump, "สรุปผลการประเมิน").is_null());

  const json& s = sheet_of(dump, "ข้อมูล");
  REQUIRE(s.is_object());
  const json& c = s["cells"];
  CHECK(c["A1"]["v"] == "หัวเรื่องที่ผสานเซลล์");
  CHECK(c["B3"]["v"].get<double>() == Approx(97.125));
  CHECK(c["B3"]["fmt"] == "0.00");
  CHECK(c["C3"]["t"] == "d");
  CHECK(c["C3"]["v"] == "2024-10-01T00:00:00");
  CHECK(c["C3"]["fmt"] == "d/m/yyyy");
  CHECK(c["D3"]["t"] == "b");
  CHECK(c["D3"]["v"] == true);
  CHECK(c["B4"]["fmt"] == "0%");
  CHECK(c["B5"]["v"].get<double>() == Approx(194.25));  // formula -> its cached value
  CHECK(c["A5"]["v"] == "หนึ่งสอง");
  CHECK(c["A6"]["v"] == 5);  // a number heading a merged range stays a number
  CHECK(c["A1"]["font"] == "Calibri");  // the input's own font (openpyxl reads Calibri 11 there)
  CHECK(c["A1"]["size"].get<double>() == Approx(11));
  const auto& merged = s["merged"];
  CHECK(std::find(merged.begin(), merged.end(), "A1:C1") != merged.end());
  CHECK(std::find(merged.begin(), merged.end(), "A6:A7") != merged.end());

  const json& hidden = sheet_of(dump, "ซ่อน");
  REQUIRE(hidden.is_object());
  CHECK(hidden["state"] == "hidden");
  CHECK(hidden["cells"]["A1"]["v"] == "ข้อมูลที่ซ่อน");
}

TEST_CASE("carry-over highlights the cells it is given, also empty ones") {
  output::CarryOverOptions options;
  options.highlight["ข้อมูล"][{2, 1}] = 0xF4B6B0;  // B3
  options.highlight["ข้อมูล"][{9, 4}] = 0xFCE4B6;  // E10, empty in the input
  const json dump = carried(options);
  const json& s = sheet_of(dump, "ข้อมูล");
  CHECK(s["cells"]["B3"]["fill"] == "FFF4B6B0");
  CHECK(s["cells"]["B3"]["v"].get<double>() == Approx(97.125));
  CHECK_FALSE(s["cells"]["A3"]["fill"].is_string());
  // Without a skip rule every sheet is copied, the old result sheet too.
  CHECK(sheet_of(dump, "สรุปผลการประเมิน").is_object());
}

TEST_CASE("carry-over can select and renumber rows") {
  output::CarryOverOptions options;
  options.rows = [](const xlsx::SheetInfo&) -> output::RowMap {
    return [](uint32_t row) -> std::optional<uint32_t> {
      if (row == 3) return std::nullopt;  // drop row 4
      return row > 3 ? row - 1 : row;
    };
  };
  const json dump = carried(options);
  const json& c = sheet_of(dump, "ข้อมูล")["cells"];
  CHECK(c["B4"]["v"].get<double>() == Approx(194.25));  // row 5 moved up
}

TEST_CASE("highlights come from findings, errors over warnings") {
  Findings findings;
  Finding w;
  w.severity = Severity::Warning;
  w.sheet = "คะแนนรายข้อ";
  w.row = 7;
  w.column = 3;
  findings.add(w);
  Finding e = w;
  e.severity = Severity::Error;
  e.code = "type-error";
  findings.add(e);
  const auto h = output::highlights_from(findings);
  REQUIRE(h.count("คะแนนรายข้อ"));
  CHECK(h.at("คะแนนรายข้อ").at({6, 2}) == 0xF4B6B0);
}

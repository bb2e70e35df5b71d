#include <catch2/catch.hpp>

#include "base/files.hpp"
#include "support/helpers.hpp"
#include "text/width.hpp"
#include "xlsx/writer.hpp"

using namespace itawb;
using itawb::test::openpyxl_read;
using itawb::test::sheet_of;

TEST_CASE("the writer produces a workbook openpyxl reads with Thai text, formats and print setup") {
  test::TempDir tmp;
  const auto out = tmp / "out.xlsx";
  write_atomically(out, [](const std::filesystem::path& p) {
    xlsx::WorkbookWriter wb(p);
    auto& ws = wb.add_sheet("สรุปผลการประเมิน");
    const xlsx::Style head = xlsx::Style{}.with_bold().with_fill(0xD9E1F2).with_border();
    ws.text(0, 0, "ตัวชี้วัด", head);
    ws.number(1, 1, 97.125, xlsx::Style{}.with_format("0.00"));
    ws.number_or_blank(1, 2, std::nullopt, xlsx::Style{}.with_border());
    ws.text(2, 0, std::string("bad\x01" "control"));
    ws.freeze(1);
    ws.repeat_rows(0, 0);
    ws.a4(true);
    ws.fit_columns();
    wb.close();
  });
  const auto dump = openpyxl_read(out);
  const auto& sheet = sheet_of(dump, "สรุปผลการประเมิน");
  REQUIRE(sheet.is_object());
  CHECK(sheet["cells"]["A1"]["v"] == "ตัวชี้วัด");
  CHECK(sheet["cells"]["A1"]["font"] == "TH SarabunPSK");
  CHECK(sheet["cells"]["A1"]["size"] == 16);
  CHECK(sheet["cells"]["A1"]["bold"] == true);
  CHECK(sheet["cells"]["A1"]["fill"] == "FFD9E1F2");
  CHECK(sheet["cells"]["B2"]["v"].get<double>() == Approx(97.125));
  CHECK(sheet["cells"]["B2"]["fmt"] == "0.00");
  CHECK(sheet["cells"]["A3"]["v"] == "badcontrol");
  CHECK(sheet["freeze"] == "A2");
  CHECK(sheet["print_title_rows"] == "$1:$1");
  CHECK(sheet["paper"] == 9);
  CHECK(sheet["landscape"] == true);
}

TEST_CASE("sheet names are made valid and unique") {
  test::TempDir tmp;
  xlsx::WorkbookWriter wb(tmp / "names.xlsx");
  CHECK(wb.add_sheet("a/b").name() == "a_b");
  CHECK(wb.add_sheet("a/b").name() == "a_b (2)");
  CHECK(wb.valid_sheet_name(std::string(40, 'x')).size() == 31);
  wb.close();
}

TEST_CASE("Thai combining marks take no width") {
  // "ที่" is one base consonant with two marks; "ทา" is two spacing letters.
  CHECK(text::display_width("ที่") == Approx(1.0));
  CHECK(text::display_width("ทา") == Approx(2.0));
  CHECK(text::display_width("ab\nabcd") == Approx(4.0));
  CHECK(text::display_width("漢字") == Approx(4.0));
}

TEST_CASE("an unfinished writer leaves no file behind") {
  test::TempDir tmp;
  const auto out = tmp / "never.xlsx";
  CHECK_THROWS(write_atomically(out, [](const std::filesystem::path& p) {
    xlsx::WorkbookWriter wb(p);
    wb.add_sheet("x").text(0, 0, "x");
    throw std::runtime_error("stop");
  }));
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK(std::distance(std::filesystem::directory_iterator(tmp.path()),
                      std::filesystem::directory_iterator{}) == 0);
}

TEST_CASE("long Thai headers are cut on a character boundary") {
  std::string s;
  for (int i = 0; i < 100; ++i) s += "ก";  // 3 bytes each
  const std::string cut = text::cut_utf8(s, 255, 250);
  CHECK(cut.size() == 249);  // 83 whole characters
  CHECK(text::cut_utf8("abc", 2) == "ab");
  test::TempDir tmp;
  const auto out = tmp / "hf.xlsx";
  xlsx::WorkbookWriter wb(out);
  auto& ws = wb.add_sheet("x");
  ws.text(0, 0, "ตัวชี้วัด");
  ws.number(0, 1, 1234.5, xlsx::Style{}.with_format("#,##0.00"));
  ws.date(0, 2, 45566, xlsx::Style{}.with_format("d mmm yyyy"));  // 1 Oct 2024
  ws.number(1, 0, 97.125);
  ws.header_footer("&C" + s, "&Cหน้า &P / &N");
  wb.close();

  const auto dump = openpyxl_read(out);
  const auto& sheet = sheet_of(dump, "x");
  REQUIRE(sheet.is_object());
  // The header is capped at 250 bytes on a character boundary: "&C" and 82
  // whole ก (2 + 246 bytes; an 83rd would make 251). openpyxl reads it, so no
  // character was split.
  std::string header;
  for (int i = 0; i < 82; ++i) header += "ก";
  CHECK(sheet["header"] == nlohmann::json{{"center", header}});
  CHECK(sheet["footer"] == nlohmann::json{{"center", "หน้า &P / &N"}});
  // The cells beside the cut header keep their values and number formats.
  const auto& cells = sheet["cells"];
  CHECK(cells.size() == 4);
  CHECK(cells["A1"]["v"] == "ตัวชี้วัด");
  CHECK(cells["A1"]["t"] == "s");
  CHECK(cells["A1"]["fmt"] == "General");
  CHECK(cells["B1"]["v"] == 1234.5);
  CHECK(cells["B1"]["t"] == "n");
  CHECK(cells["B1"]["fmt"] == "#,##0.00");
  CHECK(cells["C1"]["v"] == "2024-10-01T00:00:00");
  CHECK(cells["C1"]["t"] == "d");
  CHECK(cells["C1"]["fmt"] == "d mmm yyyy");
  CHECK(cells["A2"]["v"] == 97.125);
  CHECK(cells["A2"]["t"] == "n");
  CHECK(cells["A2"]["fmt"] == "General");
}

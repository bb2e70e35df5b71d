#include <catch2/catch.hpp>

#include "base/files.hpp"
#include "support/helpers.hpp"
#include "text/width.hpp"
#include "xlsx/reader.hpp"
#include "xlsx/writer.hpp"

#include <xlsxwriter.h>  // LXW_HAS_DEFLATE_LEVEL: the patched libxlsxwriter

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

TEST_CASE("sheet names Excel refuses in the output get a valid, unique name (issue 26, 9)") {
  // libxlsxwriter refused these (exit 2 in analyze): an apostrophe at either
  // end, and a name equal to another's in another letter case.
  CHECK(xlsx::unique_sheet_name("'อ้างอิง'", {}) == "อ้างอิง");
  CHECK(xlsx::unique_sheet_name("ปี'", {}) == "ปี");
  CHECK(xlsx::unique_sheet_name("it's", {}) == "it's");  // inside is fine
  CHECK(xlsx::unique_sheet_name("EXTRA", {"Extra"}) == "EXTRA (2)");
  CHECK(xlsx::unique_sheet_name("café", {"CAFÉ"}) == "café (2)");  // beyond ASCII, as Excel compares
  CHECK(xlsx::unique_sheet_name("'", {}) == "Sheet");
  CHECK(xlsx::unique_sheet_name("a?b*c", {}) == "a_b_c");
  // Cut to 31 characters, the cut leaving no apostrophe at the end.
  CHECK(xlsx::unique_sheet_name(std::string(30, 'x') + "'y", {}) == std::string(30, 'x'));

  test::TempDir tmp;
  const auto out = tmp / "names.xlsx";
  write_atomically(out, [](const std::filesystem::path& p) {
    xlsx::WorkbookWriter wb(p);
    for (const char* name : {"Extra", "EXTRA", "'อ้างอิง'", "extra"}) wb.add_sheet(name).text(0, 0, name);
    wb.close();
  });
  const auto dump = openpyxl_read(out, true);
  std::vector<std::string> names;
  for (const auto& s : dump["sheets"]) names.push_back(s["name"]);
  CHECK(names == std::vector<std::string>{"Extra", "EXTRA (2)", "อ้างอิง", "extra (3)"});
  CHECK(sheet_of(dump, "EXTRA (2)")["cells"]["A1"]["v"] == "EXTRA");
}

TEST_CASE("a literal _xHHHH_ in a text is escaped on writing and reads back as written (issue 26, 12)") {
  test::TempDir tmp;
  const auto out = tmp / "escape.xlsx";
  const std::string literal = "รหัส _x0041_ และ _x000D_ ไม่ใช่ _x12_";
  write_atomically(out, [&](const std::filesystem::path& p) {
    xlsx::WorkbookWriter wb(p);
    auto& ws = wb.add_sheet("ข้อความ");
    ws.text(0, 0, literal);
    ws.merge(1, 0, 1, 2, "_x0041_");
    wb.close();
  });
  // Our reader decodes ST_Xstring as ECMA-376 says: unescaped, "_x0041_"
  // would come back as "A" and "_x000D_" as a carriage return.
  const auto in = xlsx::Workbook::open(out.string());
  const xlsx::Sheet sheet = in.read_sheet(0);
  REQUIRE(sheet.at(0, 0));
  CHECK(sheet.at(0, 0)->text == literal);
  REQUIRE(sheet.at(1, 0));
  CHECK(sheet.at(1, 0)->text == "_x0041_");
  // What Excel and LibreOffice see in the file: OOXML's escape.
  const auto xml = test::run_command({"/usr/bin/unzip", "-p", out.string(), "xl/sharedStrings.xml"});
  CHECK(xml.out.find("_x005F_x0041_") != std::string::npos);
  CHECK(xml.out.find("_x005F_x000D_") != std::string::npos);
  CHECK(xml.out.find("_x12_") != std::string::npos);  // not an escape: left alone
  const auto dump = openpyxl_read(out, true);
  CHECK(sheet_of(dump, "ข้อความ")["cells"]["A1"]["v"] == literal);
}

TEST_CASE("a text over 32,767 UTF-16 code units is cut there, never inside a character (issue 26, 12)") {
  // Excel counts UTF-16 code units: an emoji (beyond U+FFFF) is two.
  const std::string emoji = "\xF0\x9F\x98\x80";  // U+1F600
  CHECK(text::utf16_length("ก" + emoji) == 3);
  std::string long_thai;
  for (int i = 0; i < 40'000; ++i) long_thai += "ก";
  CHECK(text::utf16_length(long_thai) == 40'000);
  CHECK(text::utf16_length(text::sanitize_for_xlsx(long_thai)) == 32'767);
  std::string emojis;
  for (int i = 0; i < 20'000; ++i) emojis += emoji;
  const std::string cut = text::sanitize_for_xlsx(emojis);
  CHECK(text::utf16_length(cut) == 32'766);  // 16,383 emoji; half of one is not kept
  CHECK(cut.size() == 16'383 * 4);

  test::TempDir tmp;
  const auto out = tmp / "long.xlsx";
  write_atomically(out, [&](const std::filesystem::path& p) {
    xlsx::WorkbookWriter wb(p);
    auto& ws = wb.add_sheet("ยาว");
    ws.text(0, 0, long_thai);
    // Escapes lengthen what libxlsxwriter counts, not what Excel reads back.
    std::string escaped;
    for (int i = 0; i < 5'000; ++i) escaped += "_x0041_";
    ws.text(1, 0, escaped);
    wb.close();
  });
  const auto dump = openpyxl_read(out, true);
  const auto& cells = sheet_of(dump, "ยาว")["cells"];
  CHECK(text::utf16_length(cells["A1"]["v"].get<std::string>()) == 32'767);
  const auto a2 = cells["A2"]["v"].get<std::string>();
  CHECK(a2.size() >= 7 * 2'500);
  CHECK(a2.substr(0, 14) == "_x0041__x0041_");
}

namespace {
// A sheet of 2,000 rows of Thai text and numbers, written with `options`.
void write_rows(const std::filesystem::path& file, const xlsx::WriterOptions& options) {
  xlsx::WorkbookWriter wb(file, options);
  auto& ws = wb.add_sheet("ข้อมูล");
  for (uint32_t r = 0; r < 2000; ++r) {
    ws.text(r, 0, "หน่วยงานที่ " + std::to_string(r % 97));
    ws.number(r, 1, r * 1.25);
  }
  wb.close();
}
}  // namespace

#ifdef LXW_HAS_DEFLATE_LEVEL
// libxlsxwriter built from Debian's source with scripts/patches/libxlsxwriter-memory-deflate-level.patch.
TEST_CASE("the writer deflates at the level asked, and openpyxl reads every level alike") {
  test::TempDir tmp;
  xlsx::WriterOptions fast, small;
  fast.deflate_level = 1;
  small.deflate_level = 9;
  write_rows(tmp / "fast.xlsx", fast);
  write_rows(tmp / "small.xlsx", small);
  CHECK(std::filesystem::file_size(tmp / "fast.xlsx") > std::filesystem::file_size(tmp / "small.xlsx"));
  for (const char* name : {"fast.xlsx", "small.xlsx"}) {
    const auto dump = openpyxl_read(tmp / name, true);
    const auto& sheet = sheet_of(dump, "ข้อมูล");
    REQUIRE(sheet.is_object());
    CHECK(sheet["cells"]["A1"]["v"] == "หน่วยงานที่ 0");
    CHECK(sheet["cells"]["A2000"]["v"] == "หน่วยงานที่ 59");
    CHECK(sheet["cells"]["B2000"]["v"].get<double>() == Approx(1999 * 1.25));
  }
}
#endif

TEST_CASE("a package whose part was cut short on writing is refused, naming the part (issue 26)") {
  test::TempDir dir;
  const auto good = dir / "good.xlsx";
  {
    xlsx::WorkbookWriter wb(good);
    auto& ws = wb.add_sheet("ข้อมูล");
    for (uint32_t r = 0; r < 200; ++r) ws.text(r, 0, "ข้อความที่ " + std::to_string(r) + " ของหน่วยงาน");
    wb.close();
  }
  CHECK_NOTHROW(xlsx::check_parts_whole(good, "good.xlsx"));
  // The same package with its shared strings cut in the middle, as a full
  // disk leaves a temporary file: rezipped whole by Python, so only the XML
  // tells.
  const auto cut = dir / "cut.xlsx";
  const auto r = test::run_command(
      {"/usr/bin/python3", "-c",
       "import sys, zipfile\n"
       "src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)\n"
       "for i in src.infolist():\n"
       "    data = src.read(i)\n"
       "    dst.writestr(i, data[:len(data) // 2] if i.filename == 'xl/sharedStrings.xml' else data)\n"
       "dst.close()\n",
       good.string(), cut.string()});
  REQUIRE(r.exit_code == 0);
  try {
    xlsx::check_parts_whole(cut, "ผลการวิเคราะห์.xlsx");
    FAIL("a cut part was not noticed");
  } catch (const Error& e) {
    CHECK(e.code() == "write-failed");
    CHECK(e.file() == "ผลการวิเคราะห์.xlsx");
    CHECK(e.message_th().find("xl/sharedStrings.xml") != std::string::npos);
    CHECK(e.message_en().find("cut short") != std::string::npos);
  }
}

// Carry-over on a fixture saved by LibreOffice (formulas with cached values,
// a date, a boolean, a percentage, merged ranges, a hidden sheet, and an old
// result sheet that must not be copied), and on one written by XlsxWriter
// with the agency's own look (report/make_styled.py: fonts, fills, borders,
// wrap, widths, heights, hidden rows and columns, a merge, a frozen pane, a
// list validation, a chart and a conditional format), read back with
// openpyxl. Expected values are the fixtures', never the code's.
#include <catch2/catch.hpp>

#include <fstream>

#include "base/files.hpp"
#include "output/carry_over.hpp"
#include "output/registry.hpp"
#include "output/sheets.hpp"
#include "support/helpers.hpp"
#include "xlsx/reader.hpp"

using namespace itawb;
using itawb::test::openpyxl_read;
using itawb::test::sheet_of;
using nlohmann::json;

namespace {

json carried(const output::CarryOverOptions& options, std::vector<output::CopiedSheet>* copied = nullptr,
             const std::string& fixture = "report/carry_over.xlsx") {
  const auto in = xlsx::Workbook::open(test::fixture(fixture).string());
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

const char* kSheet = "ข้อมูลหน่วยงาน";  // of report/styled.xlsx

json styled(const output::CarryOverOptions& options = {}, std::vector<output::CopiedSheet>* copied = nullptr) {
  return sheet_of(carried(options, copied, "report/styled.xlsx"), kSheet);
}

bool has(const json& list, const std::string& s) { return std::find(list.begin(), list.end(), s) != list.end(); }

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

TEST_CASE("carry-over keeps fonts, fills, borders and alignment of the input") {
  const json s = styled();
  REQUIRE(s.is_object());
  const json& c = s["cells"];
  // The merged title: Angsana New 14 bold dark red on pale yellow, medium border, centred.
  CHECK(c["A1"]["v"] == "ข้อมูลหน่วยงาน");
  CHECK(c["A1"]["font"] == "Angsana New");
  CHECK(c["A1"]["size"].get<double>() == Approx(14));
  CHECK(c["A1"]["bold"] == true);
  CHECK(c["A1"]["color"] == "FFC00000");
  CHECK(c["A1"]["fill"] == "FFFFF2CC");
  CHECK(c["A1"]["border"]["top"] == "medium");
  CHECK(c["A1"]["halign"] == "center");
  CHECK(c["A1"]["valign"] == "center");
  // A header with wrap and a thin border; a body cell italic with a blue bottom line.
  CHECK(c["B2"]["wrap"] == true);
  CHECK(c["B2"]["fill"] == "FFDDEBF7");
  CHECK(c["B2"]["border"]["left"] == "thin");
  CHECK(c["A3"]["italic"] == true);
  CHECK(c["A3"]["bottom_color"] == "FF0070C0");
  CHECK(c["A3"]["font"] == "Angsana New");
  // The year with format 0, and one with General: neither prints 2568.00.
  CHECK(c["B3"]["v"] == 2568);
  CHECK(c["B3"]["fmt"] == "0");
  CHECK(c["C3"]["fmt"] == "General");
  // An empty cell keeps its own thick border and fill.
  REQUIRE(s["blanks"]["D6"].is_object());
  CHECK(s["blanks"]["D6"]["border"]["left"] == "thick");
  CHECK(s["blanks"]["D6"]["fill"] == "FFE2EFDA");
}

TEST_CASE("carry-over keeps widths, heights, hidden rows and columns, merges, the pane and validations") {
  std::vector<output::CopiedSheet> copied;
  const json s = styled({}, &copied);
  REQUIRE(s.is_object());
  // As openpyxl reads them in the input (30 and 12.5 characters with Excel's padding).
  CHECK(s["col_widths"]["A"].get<double>() == Approx(30.7109375).margin(0.5));
  CHECK(s["col_widths"]["B"].get<double>() == Approx(13.28515625).margin(0.5));
  CHECK(has(s["hidden_cols"], "E"));
  CHECK(s["row_heights"]["2"].get<double>() >= 60);  // the agency's tall row, never lowered
  // Every text row at least 1.3 × its font (Angsana New 14).
  CHECK(s["row_heights"]["3"].get<double>() >= 1.3 * 14);
  CHECK(s["hidden_rows"].size() == 1);
  CHECK(s["hidden_rows"][0] == 4);
  CHECK(has(s["merged"], "A1:D1"));
  CHECK(s["freeze"] == "B3");
  REQUIRE(s["validations"].size() == 1);
  CHECK(s["validations"][0]["type"] == "list");
  CHECK(s["validations"][0]["sqref"] == "B5:B9");
  CHECK(s["validations"][0]["formula1"] == "\"ดำเนินการแล้ว,อยู่ระหว่างดำเนินการ\"");

  // The chart and the conditional format are reported as not carried.
  REQUIRE(copied.size() == 1);
  std::map<xlsx::Extra, uint32_t> missing;
  for (const auto& e : copied[0].not_carried) missing[e.kind] += e.count;
  CHECK(missing[xlsx::Extra::Chart] == 1);
  CHECK(missing[xlsx::Extra::ConditionalFormat] == 1);
  CHECK_FALSE(missing.count(xlsx::Extra::Validation));
}

TEST_CASE("a cell with a finding keeps its format, gets the finding's fill and its message as a note") {
  Findings findings;
  Finding f;
  f.severity = Severity::Error;
  f.code = "constraint-error";
  f.sheet = kSheet;
  f.cell = "A3";
  f.row = 3;
  f.column = 1;
  f.message_th = "ชื่อหน่วยงานไม่ตรงกับทะเบียน";
  f.message_en = "the agency name is not in the register";
  findings.add(f);
  output::CarryOverOptions options;
  options.highlight = output::highlights_from(findings);
  options.notes = output::notes_from(findings);
  const json s = styled(options);
  const json& a3 = s["cells"]["A3"];
  CHECK(a3["fill"] == "FFF4B6B0");
  CHECK(a3["font"] == "Angsana New");
  CHECK(a3["italic"] == true);
  CHECK(a3["bottom_color"] == "FF0070C0");
  REQUIRE(a3["comment"].is_string());
  CHECK(a3["comment"].get<std::string>().find("ชื่อหน่วยงานไม่ตรงกับทะเบียน") != std::string::npos);
  CHECK(a3["comment"].get<std::string>().find("the agency name is not in the register") != std::string::npos);
}

TEST_CASE("what is not carried becomes info findings naming the sheet") {
  const auto in = xlsx::Workbook::open(test::fixture("report/styled.xlsx").string());
  const auto found = output::not_carried(in, {}, "styled.xlsx");
  bool chart = false;
  for (const auto& f : found) {
    CHECK(f.code == "not-carried");
    CHECK(f.severity == Severity::Info);
    CHECK(f.sheet == kSheet);
    if (f.message_th.find("แผนภูมิ 1 รายการ") != std::string::npos) {
      chart = true;
      CHECK(f.message_en.find("1 chart(s) on sheet") != std::string::npos);
    }
  }
  CHECK(chart);
}

TEST_CASE("carry-over of a LibreOffice-saved workbook keeps its fonts and widths") {
  const auto file = test::fixture("officer/thungthong-2568-plan.libreoffice.xlsx");
  const json in = openpyxl_read(file);
  const json out = carried({}, nullptr, "officer/thungthong-2568-plan.libreoffice.xlsx");
  for (const auto& sheet : in["sheets"]) {
    const json& copy = sheet_of(out, sheet["name"].get<std::string>());
    REQUIRE(copy.is_object());
    for (const auto& [ref, cell] : sheet["cells"].items()) {
      INFO(sheet["name"].get<std::string>() << "!" << ref);
      CHECK(copy["cells"][ref]["font"] == cell["font"]);
      CHECK(copy["cells"][ref]["size"] == cell["size"]);
      CHECK(copy["cells"][ref]["bold"] == cell["bold"]);
      CHECK(copy["cells"][ref]["fill"] == cell["fill"]);
    }
    for (const auto& [col, width] : sheet["col_widths"].items())
      if (!copy["col_widths"][col].is_null()) CHECK(copy["col_widths"][col].get<double>() == Approx(width.get<double>()).margin(0.75));
    for (const auto& [row, height] : sheet["row_heights"].items())
      CHECK(copy["row_heights"][row].get<double>() >= height.get<double>() - 0.01);
    CHECK(copy["merged"].size() == sheet["merged"].size());
  }
}

// ---- issue 26: names Excel accepts, copies, styled emptiness, long texts ----

namespace {

// The bundled example with the sheets of `spec` added by editing its package
// (tests/support/add_sheets.py: names and sizes openpyxl would not write).
std::filesystem::path with_sheets(const test::TempDir& tmp, const json& spec, const std::string& name = "in.xlsx") {
  const auto spec_file = tmp / (name + ".json");
  std::ofstream(spec_file) << spec.dump();
  const auto out = tmp / name;
  const auto r = test::run_command({"/usr/bin/python3", (test::repo_dir() / "tests/support/add_sheets.py").string(),
                                    test::example("thungthong-2567.xlsx").string(), out.string(), spec_file.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return out;
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("carried sheets whose names Excel accepts but the output cannot keep are renamed, with a warning") {
  test::TempDir tmp;
  const json spec = {{"sheets",
                      {{{"name", "Extra"}, {"cells", {{"A1", "เล็ก"}}}},
                       {{"name", "EXTRA"}, {"cells", {{"A1", "ใหญ่"}}}},
                       {{"name", "'อ้างอิง'"}, {"cells", {{"A1", "ในเครื่องหมาย"}}}},
                       {{"name", "บันทึกข้อความ (2)"}, {"cells", {{"A1", "สำเนาบันทึกของหน่วยงาน"}}}},
                       {{"name", "ตรวจสอบข้อมูล"}, {"cells", {{"A1", "ผลเก่า"}}}}}}};
  const auto file = with_sheets(tmp, spec);
  const auto in = xlsx::Workbook::open(file.string());
  output::CarryOverOptions options;
  options.skip = [](const xlsx::SheetInfo& s) { return output::is_generated_sheet(s.name); };
  const auto names = output::carried_names(in, options, {"ตรวจสอบข้อมูล"});
  using Names = std::vector<std::pair<std::string, std::string>>;
  CHECK(names == Names{{"หน่วยงาน", "หน่วยงาน"},
                       {"คะแนนตัวชี้วัด", "คะแนนตัวชี้วัด"},
                       {"คะแนนรายข้อ", "คะแนนรายข้อ"},
                       {"Extra", "Extra"},
                       {"EXTRA", "EXTRA (2)"},
                       {"'อ้างอิง'", "อ้างอิง"},
                       {"บันทึกข้อความ (2)", "บันทึกข้อความ (2)"}});  // a copy, carried; มาตรการ and ตรวจสอบข้อมูล replaced
  const auto found = output::renamed(names, "in.xlsx");
  REQUIRE(found.size() == 2);
  CHECK(found[0].severity == Severity::Warning);
  CHECK(found[0].code == "sheet-renamed");
  CHECK(found[0].sheet == "EXTRA");
  CHECK(found[0].message_th.find("'EXTRA (2)'") != std::string::npos);
  CHECK(found[1].message_en.find("sheet ''อ้างอิง'' is carried over to the output as 'อ้างอิง'") != std::string::npos);

  // The same names in the written file.
  const auto out = tmp / "out.xlsx";
  write_atomically(out, [&](const std::filesystem::path& p) {
    xlsx::WorkbookWriter w(p);
    w.add_sheet("ตรวจสอบข้อมูล");
    const auto copied = output::carry_over(in, w, options);
    REQUIRE(copied.size() == names.size());
    for (size_t i = 0; i < copied.size(); ++i) CHECK(copied[i].to == names[i].second);
    w.close();
  });
  const json dump = openpyxl_read(out, true);
  CHECK(sheet_of(dump, "EXTRA (2)")["cells"]["A1"]["v"] == "ใหญ่");
  CHECK(sheet_of(dump, "Extra")["cells"]["A1"]["v"] == "เล็ก");
  CHECK(sheet_of(dump, "อ้างอิง")["cells"]["A1"]["v"] == "ในเครื่องหมาย");
  CHECK(sheet_of(dump, "บันทึกข้อความ (2)")["cells"]["A1"]["v"] == "สำเนาบันทึกของหน่วยงาน");
}

TEST_CASE("formats of empty rows far below the data are counted, not carried, near it they stay") {
  test::TempDir tmp;
  // Data in rows 1-3, then rows 4-5,000 each with a row format and three
  // empty cells in style 1 (a border band, as a sheet formatted to the end).
  const json spec = {{"sheets",
                      {{{"name", "ตาราง"},
                        {"cells", {{"A1", "หัวข้อ"}, {"B2", 5}, {"A3", "ท้าย"}}},
                        {"styled_rows", {4, 5000, 1, 3}}}}}};
  const auto file = with_sheets(tmp, spec);
  const auto in = xlsx::Workbook::open(file.string());
  const size_t index = in.sheets().size() - 1;
  const xlsx::SheetLayout& layout = in.read_layout(index);
  // Kept: the 200 rows below the last row with content (rows 4-203).
  CHECK(layout.rows.size() == 200);
  CHECK(layout.rows.back().row == 202);
  CHECK(layout.styled.size() == 600);
  REQUIRE(layout.extras.size() == 1);
  CHECK(layout.extras[0].kind == xlsx::Extra::EmptyFormat);
  CHECK(layout.extras[0].count == 4797);  // rows 204-5,000
  const auto found = output::not_carried(in, {}, "in.xlsx");
  bool said = false;
  for (const auto& f : found)
    if (f.sheet == "ตาราง") {
      said = true;
      CHECK(f.severity == Severity::Info);
      CHECK(f.message_th.find("4797") != std::string::npos);
      CHECK(f.message_en.find("4797 formatted empty row(s) below the data on sheet ตาราง") != std::string::npos);
    }
  CHECK(said);

  const auto out = tmp / "out.xlsx";
  write_atomically(out, [&](const std::filesystem::path& p) {
    xlsx::WorkbookWriter w(p);
    output::copy_sheet(in, in.read_sheet(index), w.add_sheet("ตาราง"));
    w.close();
  });
  const json s = sheet_of(openpyxl_read(out), "ตาราง");
  CHECK(s["cells"]["A1"]["v"] == "หัวข้อ");
  CHECK(s["cells"]["B2"]["v"] == 5);
  CHECK(s["blanks"].contains("C203"));
  CHECK_FALSE(s["blanks"].contains("A204"));
  CHECK_FALSE(s["blanks"].contains("A5000"));
}

TEST_CASE("a text over Excel's 32,767 characters is a warning on its cell with its real length") {
  test::TempDir tmp;
  const std::string long_text = repeat("ก", 40'000);
  const json spec = {{"sheets", {{{"name", "ยาว"}, {"cells", {{"A1", "หัวข้อ"}, {"B2", long_text}}}}}}};
  const auto file = with_sheets(tmp, spec);
  const auto in = xlsx::Workbook::open(file.string());
  const auto found = output::not_carried(in, {}, "in.xlsx");
  std::vector<Finding> long_ones;
  for (const auto& f : found)
    if (f.code == "text-too-long") long_ones.push_back(f);
  REQUIRE(long_ones.size() == 1);
  CHECK(long_ones[0].severity == Severity::Warning);
  CHECK(long_ones[0].sheet == "ยาว");
  CHECK(long_ones[0].cell == "B2");
  CHECK(long_ones[0].location() == "ยาว!B2");
  CHECK(long_ones[0].value == "40000");
  CHECK(long_ones[0].message_th.find("ยาว 40000 ตัวอักษร") != std::string::npos);
  CHECK(long_ones[0].message_en.find("is 40000 characters long (UTF-16 code units") != std::string::npos);

  const auto out = tmp / "out.xlsx";
  write_atomically(out, [&](const std::filesystem::path& p) {
    xlsx::WorkbookWriter w(p);
    output::copy_sheet(in, in.read_sheet(in.sheets().size() - 1), w.add_sheet("ยาว"));
    w.close();
  });
  const std::string cut = sheet_of(openpyxl_read(out, true), "ยาว")["cells"]["B2"]["v"];
  CHECK(cut == repeat("ก", 32'767));
}

TEST_CASE("escaped texts read as ECMA-376 says and carry over as the same text") {
  test::TempDir tmp;
  // As Excel writes a typed "_x0041_" (escaped) and a carriage return (_x000D_).
  const json spec = {{"sheets", {{{"name", "ข้อความ"}, {"cells", {{"A1", "_x005F_x0041_ ตามตัว"}, {"A2", "ก_x000D_ข"}}}}}}};
  const auto file = with_sheets(tmp, spec);
  const auto in = xlsx::Workbook::open(file.string());
  const xlsx::Sheet sheet = in.read_sheet(in.sheets().size() - 1);
  REQUIRE(sheet.at(0, 0));
  CHECK(sheet.at(0, 0)->text == "_x0041_ ตามตัว");
  REQUIRE(sheet.at(1, 0));
  CHECK(sheet.at(1, 0)->text == "ก\rข");

  const auto out = tmp / "out.xlsx";
  write_atomically(out, [&](const std::filesystem::path& p) {
    xlsx::WorkbookWriter w(p);
    output::copy_sheet(in, sheet, w.add_sheet("ข้อความ"));
    w.close();
  });
  const auto back = xlsx::Workbook::open(out.string()).read_sheet(0);
  REQUIRE(back.at(0, 0));
  CHECK(back.at(0, 0)->text == "_x0041_ ตามตัว");
  REQUIRE(back.at(1, 0));
  CHECK(back.at(1, 0)->text == "ก\rข");
  const auto xml = test::run_command({"/usr/bin/unzip", "-p", out.string(), "xl/sharedStrings.xml"});
  CHECK(xml.out.find("_x005F_x0041_") != std::string::npos);
}

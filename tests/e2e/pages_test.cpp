// Issue 9, pages a supervisor signs: the memo (บันทึกข้อความ), the charts and
// the PDF. The workbooks are read back with openpyxl, the charts with the
// standard library's zip and XML (tests/tools/charts_dump.py: openpyxl drops
// charts), the PDF with poppler's pdftotext and pdfinfo; one page is rendered
// to PNG in build/test-artifacts for a person to look at.
//
// Expected figures come from the example's own cells (thungthong-2567.xlsx:
// total 97.10, ผ่านดีเยี่ยม; patueng-2568-progress.xlsx: 11 of 11 measures done).
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <set>

#include "support/helpers.hpp"

namespace fs = std::filesystem;
using namespace itawb::test;
using nlohmann::json;

namespace {

// Every text of a sheet's visible cells, row-major as openpyxl lists them.
std::vector<std::string> texts_of(const json& sheet) {
  std::vector<std::string> out;
  const json& hidden = sheet.at("hidden_cols");
  for (const auto& [ref, cell] : sheet.at("cells").items()) {
    const std::string col = ref.substr(0, ref.find_first_of("0123456789"));
    if (std::find(hidden.begin(), hidden.end(), col) != hidden.end()) continue;
    if (cell.at("v").is_string()) out.push_back(cell.at("v").get<std::string>());
  }
  return out;
}

bool any_contains(const std::vector<std::string>& texts, const std::string& needle) {
  return std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return t.find(needle) != std::string::npos; });
}

// The memo's hidden figures: label (column J) -> value (column K).
std::map<std::string, json> memo_facts(const json& memo) {
  std::map<std::string, json> out;
  for (const auto& [ref, cell] : memo.at("cells").items()) {
    if (ref[0] != 'J' || !std::isdigit(static_cast<unsigned char>(ref[1]))) continue;
    const std::string value_ref = "K" + ref.substr(1);
    out[cell.at("v").get<std::string>()] = memo.at("cells").contains(value_ref) ? memo.at("cells").at(value_ref).at("v") : json();
  }
  return out;
}

}  // namespace

TEST_CASE("the memo holds the agency, year, total, level and completion, addressed to the chief executive", "[memo]") {
  TempDir tmp;
  const fs::path out = tmp / "ex.xlsx";
  REQUIRE(run_itawb({"analyze", example("thungthong-2567.xlsx").string(), "-o", out.string(), "--as-of", "2025-04-15"})
              .exit_code == 0);
  const json dump = openpyxl_read(out);
  REQUIRE(dump.at("sheets").at(0).at("name") == "บันทึกข้อความ");  // the report opens with it
  const json& memo = sheet_of(dump, "บันทึกข้อความ");
  const auto facts = memo_facts(memo);
  CHECK(facts.at("หน่วยงาน") == "องค์การบริหารส่วนตำบลทุ่งทอง");
  CHECK(facts.at("ปีที่ประเมิน") == 2567);
  CHECK(facts.at("คะแนนรวม").get<double>() == Approx(97.10).margin(0.005));
  CHECK(facts.at("ระดับ") == "ผ่านดีเยี่ยม");
  CHECK(facts.at("ปีของมาตรการ") == 2568);
  CHECK(facts.at("จำนวนมาตรการ") == 9);
  CHECK(facts.at("ดำเนินการแล้ว") == 0);
  // The two columns of figures do not print.
  CHECK(memo.at("hidden_cols") == json::array({"J", "K"}));

  const auto texts = texts_of(memo);
  CHECK(any_contains(texts, "บันทึกข้อความ"));
  CHECK(std::find(texts.begin(), texts.end(), "นายกองค์การบริหารส่วนตำบลทุ่งทอง") != texts.end());  // เรียน
  CHECK(any_contains(texts, "ได้คะแนนรวม ๙๗.๑๐ คะแนน อยู่ในระดับ ผ่านดีเยี่ยม"));
  CHECK(any_contains(texts, "๑๕ เมษายน ๒๕๖๘"));  // วันที่: the as-of date
  CHECK(any_contains(texts, "ความเห็นของปลัดองค์การบริหารส่วนตำบลทุ่งทอง"));
  for (const char* heading : {"๑. เรื่องเดิม", "๒. ข้อเท็จจริง", "๓. ข้อเสนอเพื่อพิจารณา"})
    CHECK(std::find(texts.begin(), texts.end(), heading) != texts.end());
  // Thai digits throughout the printed memo.
  for (const auto& t : texts) {
    INFO(t);
    CHECK_FALSE(std::regex_search(t, std::regex("[0-9]")));
  }
  // ที่ (the memo's number) is the officer's: a yellow input cell, left blank.
  bool found = false;
  for (const auto& [ref, cell] : memo.at("cells").items())
    if (cell.at("v") == "ที่") {
      const std::string next = "B" + ref.substr(1);
      CHECK_FALSE(memo.at("cells").contains(next));
      found = true;
    }
  CHECK(found);
  CHECK(memo.at("paper") == 9);
  CHECK_FALSE(memo.at("landscape").get<bool>());
}

TEST_CASE("the memo of a progress report states the completion against the target", "[memo]") {
  TempDir tmp;
  const fs::path out = tmp / "pg.xlsx";
  REQUIRE(run_itawb({"analyze", example("patueng-2568-progress.xlsx").string(), "-o", out.string(), "--as-of",
                     "2025-10-21"})
              .exit_code == 0);
  const json dump = openpyxl_read(out);
  const json& memo = sheet_of(dump, "บันทึกข้อความ");
  REQUIRE(!memo.is_null());
  const auto facts = memo_facts(memo);
  CHECK(facts.at("จำนวนมาตรการ") == 11);
  CHECK(facts.at("ดำเนินการแล้ว") == 11);
  CHECK(facts.at("ร้อยละความสำเร็จ").get<double>() == Approx(100.0));
  CHECK(facts.at("เป้าหมายร้อยละ").get<double>() == Approx(80.0));
  CHECK(facts.at("คะแนนรวม").is_null());  // a progress report has no scores
  const auto texts = texts_of(memo);
  CHECK(any_contains(texts, "ดำเนินการแล้ว ๑๑ จาก ๑๑ มาตรการ คิดเป็นร้อยละ ๑๐๐.๐๐"));
  CHECK(any_contains(texts, "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"));
}

TEST_CASE("native charts: tools and indicators against last year, departments against the target", "[charts]") {
  TempDir tmp;
  const fs::path ex = tmp / "ex.xlsx", pg = tmp / "pg.xlsx";
  REQUIRE(run_itawb({"analyze", example("thungthong-2567.xlsx").string(), "-o", ex.string()}).exit_code == 0);
  REQUIRE(run_itawb({"analyze", example("patueng-2568-progress.xlsx").string(), "-o", pg.string(), "--as-of",
                     "2025-10-21"})
              .exit_code == 0);
  const json charts = itawb::test::charts_dump(ex);
  const json& summary = charts.at("สรุปผลการประเมิน");
  REQUIRE(summary.size() == 2);
  CHECK(summary[0].at("title") == "คะแนนตามเครื่องมือการประเมิน ปี ๒๕๖๖ และ ๒๕๖๗");
  CHECK(summary[0].at("fonts") == json::array({"TH SarabunPSK"}));
  REQUIRE(summary[0].at("series").size() == 2);
  CHECK(summary[0].at("series")[0].at("name") == "ปี ๒๕๖๖");
  // The series are the table's own cells, so the chart follows an edit:
  // the three tools' rows, last year (C) and this year (D).
  CHECK(summary[0].at("series")[0].at("values") == "'สรุปผลการประเมิน'!$C$6:$C$8");
  CHECK(summary[0].at("series")[1].at("values") == "'สรุปผลการประเมิน'!$D$6:$D$8");
  CHECK(summary[1].at("series")[1].at("values") == "'สรุปผลการประเมิน'!$D$9:$D$18");  // ten indicators
  const json dump = openpyxl_read(ex);
  const json& s = sheet_of(dump, "สรุปผลการประเมิน");
  CHECK(s.at("cells").at("D6").at("v").get<double>() == Approx(99.64));  // IIT 2567, as the seed publishes
  CHECK(s.at("cells").at("I9").at("v") == "ตัวชี้วัด ๑");                 // the axis' label, hidden
  // The title keeps "พ.ศ. ๒๕๖๗" together: a no-break space between them.
  CHECK(s.at("cells").at("A1").at("v").get<std::string>().find("พ.ศ.\u00A0๒๕๖๗") != std::string::npos);
  CHECK(charts.at("ตรวจสอบข้อมูล").empty());

  const json pg_charts = itawb::test::charts_dump(pg);
  const json& progress = pg_charts.at("ความก้าวหน้ารายไตรมาส");
  REQUIRE(progress.size() == 1);
  CHECK(progress[0].at("title") == "ร้อยละความสำเร็จของมาตรการที่ถึงกำหนด รายส่วนราชการ เทียบเป้าหมายร้อยละ ๘๐.๐๐");
  REQUIRE(progress[0].at("series").size() == 2);
  CHECK(progress[0].at("series")[1].at("name") == "เป้าหมาย");
  // Its categories are the department table's names, its target the hidden 80s beside them.
  const std::string cats = progress[0].at("series")[0].at("categories").get<std::string>();
  const std::smatch m = [&] {
    std::smatch x;
    std::regex_search(cats, x, std::regex(R"(\$A\$(\d+):\$A\$(\d+))"));
    return x;
  }();
  REQUIRE(m.size() == 3);
  const json pg_dump = openpyxl_read(pg);
  const json& grid = sheet_of(pg_dump, "ความก้าวหน้ารายไตรมาส");
  CHECK(grid.at("cells").at("A" + m[1].str()).at("v") == "สำนักปลัด");
  CHECK(grid.at("cells").at("N" + m[2].str()).at("v") == 80);
}

TEST_CASE("pdf: analyze --pdf prints the memo and the results through LibreOffice, not the findings nor the input sheets", "[pdf]") {
  TempDir tmp;
  const fs::path out = tmp / "ex.xlsx", pdf = tmp / "ex.pdf";
  const auto r = run_itawb({"analyze", example("thungthong-2567.xlsx").string(), "-o", out.string(), "--as-of",
                            "2025-04-15", "--pdf"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(fs::exists(pdf));  // beside the workbook, same name
  const auto info = run_command({"pdfinfo", pdf.string()});
  std::smatch pages;
  REQUIRE(std::regex_search(info.out, pages, std::regex(R"(Pages:\s+(\d+))")));
  const int n = std::stoi(pages[1].str());
  // Each page names its sheet in the header: the memo first, then the results
  // and the plan in the workbook's order; never ตรวจสอบข้อมูล or หน่วยงาน.
  std::vector<std::string> order;
  for (int p = 1; p <= n; ++p) {
    const auto text = run_command({"pdftotext", "-f", std::to_string(p), "-l", std::to_string(p), "-layout", pdf.string(), "-"});
    std::string subject;
    for (const char* sheet : {"บันทึกข้อความ", "สรุปผลการประเมิน", "วิเคราะห์รายประเด็น", "ข้อบกพร่อง", "มาตรการ",
                              "ความก้าวหน้ารายไตรมาส", "ตรวจสอบข้อมูล", "คะแนนรายข้อ"}) {
      const std::string first_line = text.out.substr(0, text.out.find('\n'));
      if (first_line.find(sheet) != std::string::npos) subject = sheet;
    }
    INFO("page " << p << ": " << text.out.substr(0, 200));
    CHECK(!subject.empty());
    // Thai digits on every page: no "หน้า 1 / 9" in Arabic digits (docs/rules.md).
    CHECK(text.out.find("หน้า " + std::to_string(p) + " / " + std::to_string(n)) == std::string::npos);
    if (order.empty() || order.back() != subject) order.push_back(subject);
  }
  CHECK(order == std::vector<std::string>{"บันทึกข้อความ", "สรุปผลการประเมิน", "วิเคราะห์รายประเด็น", "ข้อบกพร่อง",
                                          "มาตรการ", "ความก้าวหน้ารายไตรมาส"});
  CHECK(n >= 6);  // each of the six sheets
  CHECK(n <= 15);  // issue 21 asks for 15: tests/e2e/paper_test.cpp
  const auto first = run_command({"pdftotext", "-f", "1", "-l", "1", pdf.string(), "-"});
  CHECK(first.out.find("บันทึกข้อความ") != std::string::npos);
  CHECK(first.out.find("เรื่องเดิม") != std::string::npos);
  // The first page as a picture, for a person to look at.
  fs::create_directories(itawb::test::artifact_dir());
  const fs::path png = itawb::test::artifact_dir() / "memo-page-1";
  CHECK(run_command({"pdftoppm", "-f", "1", "-l", "1", "-r", "60", "-png", "-singlefile", pdf.string(), png.string()})
            .exit_code == 0);
  CHECK(fs::file_size(png.string() + ".png") > 10000);
  // The workbook itself keeps every sheet.
  CHECK(!sheet_of(openpyxl_read(out, true), "ตรวจสอบข้อมูล").is_null());
}

TEST_CASE("pdf: --pdf-sheets chooses the sheets, and a missing LibreOffice is said in Thai and English", "[pdf]") {
  TempDir tmp;
  const fs::path out = tmp / "ex.xlsx", pdf = tmp / "memo only.pdf";
  const auto r = run_itawb({"analyze", example("thungthong-2567.xlsx").string(), "-o", out.string(), "--pdf-sheets",
                            "บันทึกข้อความ", "--pdf=" + pdf.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto text = run_command({"pdftotext", pdf.string(), "-"});
  CHECK(text.out.find("เรื่องเดิม") != std::string::npos);
  CHECK(text.out.find("ข้อคำถาม IIT/EIT ที่ได้คะแนนต่ำสุด") == std::string::npos);  // the issues sheet's header

  const auto unknown = run_itawb({"analyze", example("thungthong-2567.xlsx").string(), "-o", out.string(), "--pdf-sheets",
                                  "สรุปผลการประเมิน,ไม่มีแผ่นนี้", "--pdf"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("ไม่มีแผ่นงาน \"ไม่มีแผ่นนี้\"") != std::string::npos);

  const fs::path none = tmp / "none.pdf";
  const auto missing = run_command({"/usr/bin/env", "ITAWB_SOFFICE=/nonexistent/soffice", itawb::test::itawb_binary(), "analyze",
                                    example("thungthong-2567.xlsx").string(), "-o", out.string(), "--pdf=" + none.string()});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("ไม่พบ LibreOffice") != std::string::npos);
  CHECK(missing.err.find("LibreOffice was not found") != std::string::npos);
  CHECK(missing.err.find("libreoffice-calc-nogui") != std::string::npos);
  CHECK_FALSE(fs::exists(none));
  CHECK(fs::exists(out));  // the workbook was written before
}

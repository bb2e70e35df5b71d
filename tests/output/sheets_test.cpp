// The result sheet writers on an Analysis built here (no reader, no scoring),
// read back with openpyxl.
#include <catch2/catch.hpp>

#include "base/files.hpp"
#include "output/sheets.hpp"
#include "output/palette.hpp"
#include "support/helpers.hpp"
#include "xlsx/writer.hpp"

using namespace itawb;
using itawb::test::openpyxl_read;
using itawb::test::sheet_of;
using nlohmann::json;

namespace {

ita::Analysis sample_analysis() {
  ita::Analysis a;
  a.agency.name = "องค์การบริหารส่วนตำบลทดสอบ";
  a.agency.district = "ท่าม่วง";
  a.agency.province = "กาญจนบุรี";
  a.agency.assessment_year = 2567;
  a.agency.plan_year = 2568;
  a.agency.reported_total = 97.13;
  a.agency.reported_level = "ผ่านดีเยี่ยม";
  a.question_level = true;
  a.scores.overall = {97.13, 81.27, 15.86};
  a.scores.level = "ผ่านดีเยี่ยม";
  a.scores.level_en = "Excellent pass";
  a.scores.previous_level = "ต้องปรับปรุง";
  a.scores.tools[model::Tool::IIT] = {99.72, 94.01, 5.71};
  a.scores.tools[model::Tool::EIT] = {95.94, 84.89, 11.05};
  a.scores.tools[model::Tool::OIT] = {96.07, 69.0, 27.07};
  for (int n = 1; n <= 10; ++n) {
    ita::IndicatorResult r;
    r.number = n;
    r.name = "ตัวชี้วัด" + std::to_string(n);
    r.tool = n <= 5 ? model::Tool::IIT : n <= 8 ? model::Tool::EIT : model::Tool::OIT;
    r.value = {90.0 + n * 0.5, 80.0, 10.0 + n * 0.5};
    a.scores.indicators.push_back(r);
  }
  a.scores.indicators[3].value.score = 98.59;
  a.scores.indicators[3].computed = 98.99;  // the seed's slip: flagged
  a.scores.indicators[0].computed = 90.5;   // agrees: not flagged

  ita::IssueResult issue;
  issue.number = 2;
  issue.name_th = "การให้บริการและระบบ E-Service";
  issue.lowest = {{"e9", "ท่านเคยใช้งานระบบ E-Service หรือไม่", 82.49, {}},
                  {"e8", "หน่วยงานมีการปรับปรุงการดำเนินงาน", 96.59, {}},
                  {"e1", "เจ้าหน้าที่ปฏิบัติงานตามขั้นตอน", 96.93, {}}};
  issue.oit = {{"o13", "E-Service", 50.0, {}}};
  a.issues.push_back(issue);
  ita::IssueResult full;
  full.number = 4;
  full.name_th = "กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ";
  full.lowest = {{"i10", "ยืมทรัพย์สิน", 100.0, {}}};
  a.issues.push_back(full);

  a.deficiencies = {{2, "e9", "E-Service", 82.49, ita::Category::Urgent},
                    {2, "e8", "ปรับปรุง", 96.59, ita::Category::Develop},
                    {4, "i10", "ยืมทรัพย์สิน", 100.0, ita::Category::Maintain}};
  return a;
}

// The first cell in column `col` whose value equals `text`, as "A7", or "".
std::string find_cell(const json& sheet, const std::string& text) {
  for (const auto& [ref, cell] : sheet["cells"].items())
    if (cell["v"].is_string() && cell["v"] == text) return ref;
  return "";
}

std::string row_of(const std::string& ref) { return ref.substr(ref.find_first_of("0123456789")); }

json write_and_read(const std::function<void(xlsx::WorkbookWriter&)>& fill) {
  test::TempDir tmp;
  const auto file = tmp / "report.xlsx";
  write_atomically(file, [&](const std::filesystem::path& p) {
    xlsx::WorkbookWriter wb(p);
    fill(wb);
    wb.close();
  });
  return openpyxl_read(file);
}

}  // namespace

TEST_CASE("summary sheet: totals, change and level as the seed's score table") {
  const auto a = sample_analysis();
  const json dump = write_and_read([&](auto& wb) { output::write_summary(wb.add_sheet(output::kSummarySheet), a); });
  const json& s = sheet_of(dump, output::kSummarySheet);
  REQUIRE(s.is_object());

  const std::string total = find_cell(s, "คะแนนรวม (ITA)");
  REQUIRE(!total.empty());
  const std::string r = row_of(total);
  CHECK(s["cells"]["C" + r]["v"].get<double>() == Approx(81.27));
  CHECK(s["cells"]["D" + r]["v"].get<double>() == Approx(97.13));
  CHECK(s["cells"]["D" + r]["fmt"] == "0.00");
  CHECK(s["cells"]["E" + r]["v"].get<double>() == Approx(15.86));
  CHECK(s["cells"]["E" + r]["fmt"] == output::kChangeFormat);

  const std::string level = find_cell(s, "ระดับผลการประเมิน");
  CHECK(s["cells"]["D" + row_of(level)]["v"] == "ผ่านดีเยี่ยม");
  CHECK(s["cells"]["C" + row_of(level)]["v"] == "ต้องปรับปรุง");

  // Indicator 4: given 98.59, computed 98.99, with a note; indicator 1 agrees.
  const std::string ind4 = find_cell(s, "๔. ตัวชี้วัด4");  // no framework: no English line
  REQUIRE(!ind4.empty());
  CHECK(s["cells"]["F" + row_of(ind4)]["v"].get<double>() == Approx(98.99));
  CHECK(s["cells"]["G" + row_of(ind4)]["v"].get<std::string>().find("98.99") != std::string::npos);
  const std::string ind1 = find_cell(s, "๑. ตัวชี้วัด1");
  CHECK_FALSE(s["cells"].contains("G" + row_of(ind1)));

  CHECK(s["cells"]["B6"]["v"] == "IIT");
  CHECK(s["cells"]["A2"]["v"] == "องค์การบริหารส่วนตำบลทดสอบ อำเภอท่าม่วง จังหวัดกาญจนบุรี");
  CHECK(s["cells"]["D5"]["v"] == "ปี ๒๕๖๗");
  CHECK(s["freeze"] == "A6");
  CHECK(s["print_title_rows"] == "$4:$5");
  CHECK(s["paper"] == 9);
  CHECK(s["landscape"] == false);
  CHECK(s["cells"]["A4"]["font"] == "TH SarabunPSK");
}

TEST_CASE("issues sheet: lowest questions and OIT items beside them") {
  const auto a = sample_analysis();
  const json dump = write_and_read([&](auto& wb) { output::write_issues(wb.add_sheet(output::kIssuesSheet), a); });
  const json& s = sheet_of(dump, output::kIssuesSheet);
  REQUIRE(s.is_object());
  // Issue 2 spans three rows from row 6: e9, e8, e1 lowest first.
  CHECK(s["cells"]["A6"]["v"] == 2);
  CHECK(s["cells"]["C6"]["v"] == "e9");
  CHECK(s["cells"]["E6"]["v"].get<double>() == Approx(82.49));
  CHECK(s["cells"]["E6"]["fmt"] == "0.00");
  CHECK(s["cells"]["C7"]["v"] == "e8");
  CHECK(s["cells"]["C8"]["v"] == "e1");
  CHECK(s["cells"]["F6"]["v"] == "o13");
  CHECK(s["cells"]["H6"]["v"].get<double>() == Approx(50));
  const auto& merged = s["merged"];
  CHECK(std::find(merged.begin(), merged.end(), "A6:A8") != merged.end());
  CHECK(std::find(merged.begin(), merged.end(), "B6:B8") != merged.end());
  CHECK(s["landscape"] == true);
  CHECK(s["cells"]["A3"]["v"].get<std::string>().find("Comparative Analysis") != std::string::npos);
}

TEST_CASE("issues sheet says when the analysis ran at indicator level") {
  auto a = sample_analysis();
  a.question_level = false;
  for (auto& issue : a.issues) issue.lowest.clear();
  const json dump = write_and_read([&](auto& wb) { output::write_issues(wb.add_sheet(output::kIssuesSheet), a); });
  const json& s = sheet_of(dump, output::kIssuesSheet);
  CHECK(s["cells"]["A3"]["v"].get<std::string>().find("วิเคราะห์ระดับตัวชี้วัด") != std::string::npos);
  CHECK(s["cells"]["A3"]["v"].get<std::string>().find("indicator-level") != std::string::npos);
}

TEST_CASE("deficiencies sheet: rows coloured by category, with a legend") {
  const auto a = sample_analysis();
  const json dump =
      write_and_read([&](auto& wb) { output::write_deficiencies(wb.add_sheet(output::kDeficienciesSheet), a); });
  const json& s = sheet_of(dump, output::kDeficienciesSheet);
  REQUIRE(s.is_object());
  CHECK(s["cells"]["C4"]["v"] == "e9");
  CHECK(s["cells"]["F4"]["v"] == "ข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน");
  CHECK(s["cells"]["A4"]["fill"] == "FFF4B6B0");
  CHECK(s["cells"]["F4"]["fill"] == "FFF4B6B0");
  CHECK(s["cells"]["F5"]["fill"] == "FFFCE4B6");
  CHECK(s["cells"]["F6"]["fill"] == "FFE2EFDA");
  CHECK(s["cells"]["F6"]["v"] == "รักษาระดับ");
  CHECK(s["cells"]["E4"]["v"].get<double>() == Approx(82.49));
  CHECK(s["cells"]["B4"]["v"] == "การให้บริการและระบบ E-Service");
  const std::string legend = find_cell(s, "คำอธิบายสี (legend)");
  REQUIRE(!legend.empty());
  const int lr = std::stoi(row_of(legend));
  CHECK(s["cells"]["B" + std::to_string(lr + 1)]["fill"] == "FFF4B6B0");
  CHECK(s["cells"]["B" + std::to_string(lr + 3)]["fill"] == "FFE2EFDA");
}

TEST_CASE("findings sheet links each location to its cell") {
  const auto a = sample_analysis();
  Findings findings;
  Finding f;
  f.severity = Severity::Warning;
  f.code = "indicator-mismatch";
  f.sheet = "คะแนนตัวชี้วัด";
  f.cell = "D7";
  f.row = 7;
  f.column = 4;
  f.value = "98.59";
  f.message_th = "คะแนนตัวชี้วัดไม่ตรง";
  f.message_en = "indicator score differs";
  findings.add(f);
  Finding g = f;
  g.sheet = "ไม่มีแผ่นนี้";
  findings.add(g);
  const json dump = write_and_read([&](auto& wb) {
    output::write_findings(wb.add_sheet(output::kFindingsSheet), a.agency, findings, {"คะแนนตัวชี้วัด"});
    wb.add_sheet("คะแนนตัวชี้วัด");
  });
  const json& s = sheet_of(dump, output::kFindingsSheet);
  REQUIRE(s.is_object());
  CHECK(s["cells"]["D4"]["v"] == "คะแนนตัวชี้วัด!D7");
  CHECK(s["hyperlinks"]["D4"] == "'คะแนนตัวชี้วัด'!D7");
  CHECK_FALSE(s["hyperlinks"].contains("D5"));  // its sheet is not in the output
  CHECK(s["cells"]["B4"]["fill"] == "FFFCE4B6");
  CHECK(s["cells"]["G4"]["v"] == "indicator score differs");
  // LibreOffice prints a link on one line: its column holds the whole label
  // (13 spacing characters at the 16-point body font; 11.3 showed only the
  // 10 of "ความก้าวหน้า").
  CHECK(s["col_widths"]["D"].get<double>() > 14.0);
}

TEST_CASE("result sheet names are recognised by their exact names, not a copy's") {
  CHECK(output::is_result_sheet("สรุปผลการประเมิน"));
  CHECK_FALSE(output::is_result_sheet("สรุปผลการประเมิน (2)"));
  CHECK(output::is_result_sheet("ตรวจสอบข้อมูล"));
  CHECK_FALSE(output::is_result_sheet("คะแนนรายข้อ"));
  CHECK(output::internal_link("it's", "C7") == "internal:'it''s'!C7");
}

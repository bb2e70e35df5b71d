// The plan sheets (มาตรการ, ความก้าวหน้ารายไตรมาส) written from a small plan
// and read back with openpyxl: grid values and fills, the current quarter,
// overdue first, the department summary, the memo sentences and print setup.
#include <catch2/catch.hpp>

#include "base/files.hpp"
#include "model/framework.hpp"
#include "plan/plan.hpp"
#include "output/plan_sheets.hpp"
#include "model/load.hpp"
#include "schema/schema.hpp"
#include "support/helpers.hpp"
#include "xlsx/reader.hpp"
#include "xlsx/writer.hpp"

namespace fs = std::filesystem;
using itawb::test::openpyxl_read;
using itawb::test::sheet_of;
using nlohmann::json;
using namespace itawb;

namespace {

model::AgencyWorkbook sample_workbook() {
  model::AgencyWorkbook wb;
  wb.agency.name = "องค์การบริหารส่วนตำบลทดสอบ";
  wb.agency.assessment_year = 2568;
  wb.agency.plan_year = 2569;
  auto measure = [&](std::string id, std::string text, std::string timeframe, std::string owner) {
    model::MeasureInput m;
    m.id = std::move(id);
    m.issue = 1;
    m.measure = std::move(text);
    m.steps = "ขั้นตอน";
    m.timeframe = std::move(timeframe);
    m.owner = std::move(owner);
    wb.measures.push_back(m);
  };
  measure("1", "จัดทำคู่มือ", "ไตรมาส 1", "สำนักปลัด");
  measure("2", "ควบคุมการยืมทรัพย์สิน", "ไตรมาส 1-2", "กองคลัง");
  measure("3", "ลดขั้นตอนการขออนุญาต", "ไตรมาส 3-4", "กองช่าง");
  measure("4", "ปรับปรุงเว็บไซต์", "ทุกไตรมาส", "สำนักปลัด");
  auto progress = [&](std::string id, int q, std::string status) {
    model::ProgressInput p;
    p.measure_id = std::move(id);
    p.quarter = q;
    p.status = std::move(status);
    p.result = "ผล";
    wb.progress.push_back(p);
  };
  progress("1", 1, "ดำเนินการแล้ว");
  progress("2", 1, "อยู่ระหว่างดำเนินการ");
  progress("4", 1, "ดำเนินการแล้ว");
  progress("4", 2, "ดำเนินการแล้ว");
  wb.has_measure_sheet = wb.has_progress_sheet = true;
  wb.measures_schema = test::resources().schemas.sheet("measures");
  wb.progress_schema = test::resources().schemas.sheet("progress");
  return wb;
}

plan::PlanResult sample_plan(const model::AgencyWorkbook& wb) {
  const auto catalog = plan::MeasureCatalog::parse(R"({"version": 1, "entries": []})", "test");
  return plan::build_plan(wb, {}, catalog, test::resources().departments, test::resources().statuses, calendar::Date{2026, 4, 15});  // FY 2569, quarter 3
}

std::string text_at(const json& sheet, const std::string& ref) {
  const auto& cells = sheet.at("cells");
  if (!cells.contains(ref)) return "";
  const auto& v = cells.at(ref).at("v");
  return v.is_string() ? v.get<std::string>() : v.dump();
}

std::string fill_at(const json& sheet, const std::string& ref) {
  const auto& f = sheet.at("cells").at(ref).at("fill");
  return f.is_string() ? f.get<std::string>().substr(2) : "";
}

struct Written {
  itawb::test::TempDir dir;
  fs::path file = dir / "plan.xlsx";
  model::AgencyWorkbook wb = sample_workbook();
  plan::PlanResult plan = sample_plan(wb);
  Written() {
    xlsx::WorkbookWriter out(file);
    output::write_plan_sheets(out, plan, wb);
    out.close();
  }
};

}  // namespace

TEST_CASE("thai_long_date writes the Buddhist-era year in Thai digits", "[plan-sheets]") {
  CHECK(output::thai_long_date(calendar::Date{2025, 10, 21}) == "๒๑ ตุลาคม ๒๕๖๘");
  CHECK(output::thai_long_date(calendar::Date{2026, 4, 5}) == "๕ เมษายน ๒๕๖๙");
}

TEST_CASE("the progress grid shows statuses by quarter, overdue first, the current quarter marked", "[plan-sheets]") {
  Written w;
  const json dump = openpyxl_read(w.file);
  const json& g = sheet_of(dump, output::kProgressGridSheet);
  REQUIRE(!g.is_null());
  // Header on row 4: Q3 is the current quarter on 15 April 2026 (FY 2569).
  CHECK(text_at(g, "F4") == "ไตรมาส ๓ (ปัจจุบัน)");
  CHECK(text_at(g, "E4") == "ไตรมาส ๒");
  // Measure 2 (quarters 1-2, only "in progress" reported) is overdue: first.
  CHECK(text_at(g, "A5") == "2");
  CHECK(text_at(g, "D5") == "อยู่ระหว่างดำเนินการ");
  CHECK(fill_at(g, "D5") == "FFEB9C");
  CHECK(text_at(g, "E5") == "ไม่ได้รายงาน");  // planned, over (15 April is in Q3), not reported
  CHECK(fill_at(g, "E5") == "D9D9D9");
  CHECK(text_at(g, "H5") == "อยู่ระหว่างดำเนินการ\nเกินกำหนด");  // overdue, under its status
  CHECK(fill_at(g, "H5") == "F4B6B0");
  // Then the others in workbook order.
  CHECK(text_at(g, "A6") == "1");
  CHECK(text_at(g, "D6") == "ดำเนินการแล้ว");
  CHECK(fill_at(g, "D6") == "C6EFCE");
  CHECK(text_at(g, "E6").empty());  // not planned, not reported
  CHECK(text_at(g, "A7") == "3");
  CHECK(text_at(g, "H7") == "ยังไม่รายงาน");
  CHECK(text_at(g, "A8") == "4");
  CHECK(text_at(g, "H8") == "ดำเนินการแล้ว");

  // Department summary and memo text further down.
  bool head_office = false, memo = false, overdue_named = false;
  for (const auto& [ref, cell] : g.at("cells").items()) {
    const std::string v = cell.at("v").is_string() ? cell.at("v").get<std::string>() : "";
    if (v == "สำนักปลัด" && ref[0] == 'A') {  // the summary row (column C of the grid names departments too)
      const std::string row = ref.substr(1);
      // 2 measures, none still to come, 2 due, 2 done; 100 % of what is due
      // and of the year. The names are in A:B, the figures in C:M.
      head_office = text_at(g, "C" + row) == "2" && text_at(g, "D" + row) == "0" && text_at(g, "E" + row) == "2" &&
                    text_at(g, "F" + row) == "2" && g.at("cells").at("K" + row).at("v").get<double>() == 100.0 &&
                    g.at("cells").at("L" + row).at("v").get<double>() == 100.0 &&
                    text_at(g, "M" + row) == "ผ่านเป้าหมาย";
    }
    if (v.find("ณ วันที่ ๑๕ เมษายน ๒๕๖๙ ดำเนินการแล้ว ๒ จาก ๔ มาตรการ คิดเป็นร้อยละ ๕๐.๐๐") != std::string::npos)
      memo = v.find("ต่ำกว่าเป้าหมายร้อยละ ๘๐.๐๐") != std::string::npos;
    if (v.find("เกินกำหนดระยะเวลาดำเนินการ ๑ มาตรการ ได้แก่ มาตรการที่ ๒ (กองคลัง)") != std::string::npos)
      overdue_named = true;
  }
  CHECK(head_office);
  CHECK(memo);
  CHECK(overdue_named);
}

TEST_CASE("the plan sheets print on A4 landscape with agency, period and page numbers", "[plan-sheets]") {
  Written w;
  const auto r = itawb::test::run_command(
      {"/usr/bin/python3", (itawb::test::repo_dir() / "tests/tools/dump_headers.py").string(), w.file.string()});
  REQUIRE(r.exit_code == 0);
  const json h = json::parse(r.out);
  for (const char* name : {output::kMeasuresSheet, output::kProgressGridSheet}) {
    INFO(name);
    const json& s = h.at(name);
    CHECK(s.at("paper") == 9);
    CHECK(s.at("landscape") == true);
    const std::string header = s.at("header");
    CHECK(header.find("องค์การบริหารส่วนตำบลทดสอบ") != std::string::npos);
    CHECK(header.find("ปีงบประมาณ พ.ศ. ๒๕๖๙") != std::string::npos);
    const std::string footer = s.at("footer");
    CHECK(footer.find("&P") != std::string::npos);
    CHECK(footer.find("&N") != std::string::npos);
  }
}

TEST_CASE("the measures sheet ticks planned quarters and reads back as the measures input", "[plan-sheets]") {
  Written w;
  const json dump = openpyxl_read(w.file);
  const json& m = sheet_of(dump, output::kMeasuresSheet);
  REQUIRE(!m.is_null());
  // Row 4 = measure 1 (quarter 1 only): J is the planned quarters, one
  // column (issue 21: the measure's text takes the width four took).
  CHECK(text_at(m, "J3") == "ไตรมาสตามแผน");
  CHECK(text_at(m, "A4") == "1");
  CHECK(text_at(m, "J4") == "1");
  CHECK(text_at(m, "J5") == "1-2");  // measure 2: quarters 1-2
  CHECK(text_at(m, "J6") == "3-4");  // measure 3: quarters 3-4
  // The latest status, "เกินกำหนด" under it when overdue (measure 2).
  CHECK(text_at(m, "L3") == "สถานะล่าสุด");
  CHECK(text_at(m, "L5") == "อยู่ระหว่างดำเนินการ\nเกินกำหนด");
  CHECK(text_at(m, "L4").find("เกินกำหนด") == std::string::npos);

  const auto workbook = xlsx::Workbook::open(w.file.string());
  const auto loaded = model::load_workbook(workbook, test::resources().schemas, test::resources().frameworks);
  REQUIRE(loaded.model.measures.size() == 4);
  CHECK(loaded.model.measures[1].id == "2");
  CHECK(loaded.model.measures[1].timeframe == "ไตรมาส 1-2");
  CHECK(loaded.model.measures[2].owner == "กองช่าง");
}

TEST_CASE("the --json additions list measures and progress by department", "[plan-sheets]") {
  const auto wb = sample_workbook();
  const auto plan = sample_plan(wb);
  const json measures = json::parse(output::measures_json(plan));
  REQUIRE(measures.size() == 4);
  CHECK(measures[1].at("id") == "2");
  CHECK(measures[1].at("quarters") == json::array({1, 2}));
  CHECK(measures[1].at("status") == "in-progress");
  CHECK(measures[1].at("overdue") == true);
  CHECK(measures[2].at("status").is_null());
  const json progress = json::parse(output::progress_json(plan));
  CHECK(progress.at("as_of") == "2026-04-15");
  CHECK(progress.at("current_quarter") == 3);
  CHECK(progress.at("completion") == 50.0);
  CHECK(progress.at("by_owner").at("สำนักปลัด").at("completion") == 100.0);
  CHECK(progress.at("by_owner").at("กองคลัง").at("done") == 0);
  CHECK(progress.at("overdue") == json::array({"2"}));
}

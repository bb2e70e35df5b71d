// The layouts fixtures (tests/fixtures/layouts/make_layouts.py): one agency's
// measures and progress typed in its own layout — merged ประเด็น cells, a
// two-row header, continuation rows, ordinals and codes inside texts — as
// written by openpyxl and as saved again by LibreOffice. Both read the same.
#include <catch2/catch.hpp>

#include "plan/plan.hpp"
#include "support/resources.hpp"
#include "support/helpers.hpp"
#include "xlsx/reader.hpp"

using namespace itawb;
using namespace itawb::test;
using Codes = std::vector<std::string>;

TEST_CASE("an agency's own layout of measures and progress is read", "[schema][layouts][fixture]") {
  const char* file = GENERATE("layouts/layouts-openpyxl.xlsx", "layouts/layouts-libreoffice.xlsx");
  INFO(file);
  const auto workbook = xlsx::Workbook::open(fixture(file).string());
  const auto sheet = workbook.read_sheet(*workbook.find_sheet("มาตรการ"));
  CHECK(sheet.merged.size() == 16);  // the merges survive the writer

  const auto r = model::load_workbook(workbook, schemas(), frameworks());
  INFO(dump(r.findings));
  CHECK_FALSE(r.findings.has_errors());
  CHECK(with_code(r.findings, "blank-row").empty());
  CHECK(with_code(r.findings, "duplicate-label").empty());

  const auto& ms = r.model.measures;
  REQUIRE(ms.size() == 5);
  CHECK(ms[0].id == "1");
  CHECK(ms[1].id == "2");
  CHECK(ms[2].id == "3");
  CHECK(ms[3].id == "4");
  CHECK(ms[4].id == "5");
  // ประเด็น merged over measures 1 and 2, and written "๑.", "(๒)", "ประเด็นที่ 3:", "ข้อ 3".
  CHECK(ms[0].issue == 1);
  CHECK(ms[1].issue == 1);
  CHECK(ms[2].issue == 2);
  CHECK(ms[3].issue == 3);
  CHECK(ms[4].issue == 3);
  CHECK(ms[1].deficiency == ms[0].deficiency);
  // Measure 1 goes on in the row below (steps and another owner).
  CHECK(ms[0].steps == "๑. รวบรวมขั้นตอนการให้บริการของทุกส่วนงาน\n๒. เผยแพร่บนเว็บไซต์ อบต.ทุ่งทอง");
  CHECK(ms[0].owner == "สำนักปลัด\nงานประชาสัมพันธ์");
  CHECK(ms[0].timeframe == "ต.ค. ๖๗ - ธ.ค. ๖๗");
  // Measure 3 is merged over its three steps.
  CHECK(ms[2].measure == "แบนเนอร์งานให้บริการออนไลน์ (E-Service) บนเว็บไซต์");
  CHECK(ms[2].steps ==
        "๑) ออกแบบแบนเนอร์\n๒) ติดตั้งบนหน้าแรกของเว็บไซต์\n๓) ประชาสัมพันธ์ผ่าน Line OA และ Facebook");
  CHECK(ms[2].timeframe == "ไตรมาส ๒-๓");
  CHECK(ms[2].budget == "๕,๐๐๐ บาท");
  CHECK(ms[2].origin.row == 7);  // A8, the merge's top-left
  // The deficiencies the texts name.
  CHECK(plan::codes_named(ms[0].deficiency) == Codes{"i1"});
  CHECK(plan::codes_named(ms[2].deficiency) == Codes{"e9"});
  CHECK(plan::codes_named(ms[3].deficiency) == Codes{"o18"});
  CHECK(plan::codes_named(ms[4].deficiency).empty());  // "Line2 และ video1"

  const auto& ps = r.model.progress;
  REQUIRE(ps.size() == 3);
  CHECK(ps[0].measure_id == "1");
  CHECK(ps[0].quarter == 1);
  CHECK(ps[0].result == "- รวบรวมขั้นตอนการให้บริการครบทุกส่วนงาน\n- เผยแพร่บนเว็บไซต์แล้ว");
  CHECK(ps[0].report_date == "2024-12-15");
  CHECK(ps[1].measure_id == "2");
  CHECK(ps[1].status == "ดำเนินการแล้ว");
  CHECK(ps[2].measure_id == "3");
  CHECK(ps[2].status == "อยู่ระหว่างดำเนินการ");
}

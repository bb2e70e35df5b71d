// Owners -> departments; statuses; dates and fiscal quarters.
#include <catch2/catch.hpp>

#include "calendar/calendar.hpp"
#include "plan/owners.hpp"
#include "plan/plan.hpp"
#include "plan/progress.hpp"
#include "support/helpers.hpp"

using namespace itawb::plan;
using namespace itawb::calendar;
using namespace itawb::model;
using Strings = std::vector<std::string>;

namespace {
// The tables of the repository's schemas/departments.json and statuses.json.
const DepartmentTable& departments() { return itawb::test::resources().departments; }
std::optional<Status> parse_status(std::string_view text) {
  return itawb::plan::parse_status(itawb::test::resources().statuses, text);
}
}  // namespace

TEST_CASE("owner variants fold to the default departments", "[plan][owners]") {
  const OwnerResolver r(departments());
  CHECK(r.parse("สำนักปลัด").departments == Strings{"สำนักปลัด"});
  CHECK(r.parse("สำนักปลัดเทศบาล").departments == Strings{"สำนักปลัด"});
  CHECK(r.parse("สำนักงานปลัด อบต.").departments == Strings{"สำนักปลัด"});
  CHECK(r.parse("สำนักปลัด อบต.").departments == Strings{"สำนักปลัด"});
  CHECK(r.parse("สำนักงานปลัด").departments == Strings{"สำนักปลัด"});
  CHECK(r.parse("งานพัสดุ กองคลัง").departments == Strings{"กองคลัง"});
  CHECK(r.parse("กองการศึกษา ศาสนาและวัฒนธรรม").departments == Strings{"กองการศึกษาฯ"});
  CHECK(r.parse("กองการศึกษาฯ").departments == Strings{"กองการศึกษาฯ"});
  CHECK(r.parse("กองสาธารณสุขและสิ่งแวดล้อม").departments == Strings{"กองสาธารณสุขฯ"});
  CHECK(r.parse("นิติกร").departments == Strings{"สำนักปลัด"});
  CHECK(r.parse("งานนิติการ").departments == Strings{"สำนักปลัด"});
  CHECK(r.parse("หน่วยตรวจสอบภายใน").departments == Strings{"หน่วยตรวจสอบภายใน"});
  CHECK(r.parse("กองยุทธศาสตร์และงบประมาณ").departments == Strings{"กองยุทธศาสตร์และงบประมาณ"});
  CHECK(r.parse("หัวหน้าสำนักปลัด").departments == Strings{"สำนักปลัด"});
  CHECK(r.parse("ผู้อำนวยการกองคลัง").departments == Strings{"กองคลัง"});
  for (const auto* text : {"สำนักปลัด", "กองคลัง", "นิติกร", "กองการศึกษาฯ"}) CHECK(r.parse(text).unknown.empty());
}

TEST_CASE("several owners per measure", "[plan][owners]") {
  const OwnerResolver r(departments());
  CHECK(r.parse("สำนักปลัด / กองคลัง").departments == Strings{"สำนักปลัด", "กองคลัง"});
  CHECK(r.parse("สำนักปลัด, กองคลัง, กองช่าง").departments == Strings{"สำนักปลัด", "กองคลัง", "กองช่าง"});
  CHECK(r.parse("กองคลัง ร่วมกับ กองช่าง").departments == Strings{"กองคลัง", "กองช่าง"});
  CHECK(r.parse("สำนักปลัด และกองยุทธศาสตร์และงบประมาณ").departments ==
        Strings{"สำนักปลัด", "กองยุทธศาสตร์และงบประมาณ"});
  CHECK(r.parse("กองช่าง\nกองคลัง").departments == Strings{"กองช่าง", "กองคลัง"});
  CHECK(r.parse("๑. สำนักปลัด ๒. กองคลัง ๓. กองการศึกษาฯ ๔. กองช่าง ๕. กองสาธารณสุขฯ").departments ==
        Strings{"สำนักปลัด", "กองคลัง", "กองการศึกษาฯ", "กองช่าง", "กองสาธารณสุขฯ"});
  CHECK(r.parse("สำนักปลัด, สำนักงานปลัด อบต.").departments == Strings{"สำนักปลัด"});  // no duplicates
}

TEST_CASE("list numbering separates owners, a number of three digits does not", "[plan][owners]") {
  const OwnerResolver r(departments());
  CHECK(r.parse("1)กองคลัง 2)กองช่าง").departments == Strings{"กองคลัง", "กองช่าง"});
  CHECK(r.parse("(1) สำนักปลัด (2) กองคลัง").departments == Strings{"สำนักปลัด", "กองคลัง"});
  CHECK(r.parse("ศูนย์ข้อมูล 12. ห้องสมุดประชาชน").unknown == Strings{"ศูนย์ข้อมูล", "ห้องสมุดประชาชน"});
  CHECK(r.parse("ศูนย์ข้อมูล 123. ห้องสมุดประชาชน").unknown == Strings{"ศูนย์ข้อมูล 123. ห้องสมุดประชาชน"});
  CHECK(r.parse("ศูนย์ข้อมูล,(๓ ) ห้องสมุดประชาชน").unknown == Strings{"ศูนย์ข้อมูล", "ห้องสมุดประชาชน"});
}

TEST_CASE("every department", "[plan][owners]") {
  const OwnerResolver r(departments());
  for (const auto* text : {"ทุกส่วนงาน", "ทุกสำนัก/กอง", "ทุกส่วนราชการ", "ทุกกอง", "ทุกส่วน ราชการ"}) {
    INFO(text);
    const auto p = r.parse(text);
    CHECK(p.everyone);
    CHECK(p.departments.empty());
    CHECK(p.unknown.empty());
  }
  // "Every department" = the departments the measures name ...
  const std::vector<OwnerParse> named{r.parse("กองช่าง"), r.parse("สำนักปลัด / กองคลัง"), r.parse("ทุกกอง")};
  CHECK(r.agency_departments(named) == Strings{"สำนักปลัด", "กองคลัง", "กองช่าง"});
  // ... or the agency's own list when it gives one (its names folded).
  const OwnerResolver own(departments(), {"สำนักงานปลัด อบต.", "กองคลัง", "กองส่งเสริมการเกษตร", "ศูนย์บริการคนพิการ"});
  CHECK(own.agency_departments(named) == Strings{"สำนักปลัด", "กองคลัง", "กองส่งเสริมการเกษตร", "ศูนย์บริการคนพิการ"});
  CHECK(own.parse("ศูนย์บริการคนพิการ").unknown.empty());
  CHECK(own.parse("ศูนย์บริการคนพิการ").departments == Strings{"ศูนย์บริการคนพิการ"});
}

TEST_CASE("placeholders of a form name no department", "[plan][owners]") {
  const OwnerResolver r(departments());
  const auto blank = r.parse("กองงาน........");
  CHECK(blank.departments.empty());
  CHECK(blank.unknown.empty());
  CHECK(blank.placeholders == Strings{"กองงาน........"});
  CHECK(blank.empty());
  CHECK(r.parse("……").placeholders == Strings{"……"});
  CHECK(r.parse("xxx").departments.empty());
  CHECK(r.parse("ระบุ").placeholders == Strings{"ระบุ"});
  const auto mixed = r.parse("สำนักปลัด, xxx");
  CHECK(mixed.departments == Strings{"สำนักปลัด"});
  CHECK(mixed.placeholders == Strings{"xxx"});
  // A real name that is not known is no department: the unknown group.
  CHECK(r.parse("ผู้ใหญ่บ้าน").departments == Strings{"ไม่ทราบส่วนราชการ"});
}

TEST_CASE("personnel work goes to สำนักปลัด unless there is a กองการเจ้าหน้าที่", "[plan][owners]") {
  CHECK(OwnerResolver(departments()).parse("งานการเจ้าหน้าที่").departments == Strings{"สำนักปลัด"});
  CHECK(OwnerResolver(departments(), {"สำนักปลัด", "กองการเจ้าหน้าที่"}).parse("งานการเจ้าหน้าที่").departments ==
        Strings{"กองการเจ้าหน้าที่"});
  CHECK(OwnerResolver(departments(), {}, true).parse("งานการเจ้าหน้าที่").departments == Strings{"กองการเจ้าหน้าที่"});
  CHECK(OwnerResolver(departments()).parse("กองการเจ้าหน้าที่").departments == Strings{"กองการเจ้าหน้าที่"});
}

TEST_CASE("unknown owners are listed, and are no department of their own", "[plan][owners]") {
  const OwnerResolver r(departments());
  const auto p = r.parse("๑. งานพัสดุ กองคลัง ๒. คณะกรรมการทบทวน ปรับปรุงการจัดทำคู่มือการใช้ทรัพย์สินของทางราชการ");
  CHECK(p.departments == Strings{"กองคลัง"});
  CHECK(p.unknown == Strings{"คณะกรรมการทบทวน ปรับปรุงการจัดทำคู่มือการใช้ทรัพย์สินของทางราชการ"});
  CHECK_FALSE(p.unknown_group);
  // A known name inside an unknown phrase does not cut it; nothing known: the group.
  const auto q = r.parse("แต่งตั้งเจ้าหน้าที่รับผิดชอบงานประชาสัมพันธ์ เพื่อคอยเผยแพร่ข้อมูลข่าวสาร");
  CHECK(q.unknown == Strings{"แต่งตั้งเจ้าหน้าที่รับผิดชอบงานประชาสัมพันธ์ เพื่อคอยเผยแพร่ข้อมูลข่าวสาร"});
  CHECK(q.departments == Strings{"ไม่ทราบส่วนราชการ"});
  CHECK(q.unknown_group);
  CHECK(r.parse("ผู้ใหญ่บ้าน, กองช่าง").departments == Strings{"กองช่าง"});
  CHECK(r.parse("ผู้ใหญ่บ้าน, กองช่าง").unknown == Strings{"ผู้ใหญ่บ้าน"});
  CHECK(r.parse("-").empty());
  CHECK(r.parse("").empty());
}

TEST_CASE("statuses are read tolerantly", "[plan][status]") {
  CHECK(parse_status("ดำเนินการแล้ว") == Status::Done);
  CHECK(parse_status("ดำเนินการ") == Status::Done);
  CHECK(parse_status("☑ ดำเนินการ") == Status::Done);
  CHECK(parse_status("เสร็จสิ้น") == Status::Done);
  CHECK(parse_status("แล้วเสร็จ") == Status::Done);
  CHECK(parse_status(" ดำเนินการแล้วเสร็จ ") == Status::Done);
  CHECK(parse_status("อยู่ระหว่างดำเนินการ") == Status::InProgress);
  CHECK(parse_status("กำลังดำเนินการ") == Status::InProgress);
  CHECK(parse_status("ดำเนินการแล้วบางส่วน") == Status::InProgress);
  CHECK(parse_status("ยังไม่ได้ดำเนินการ") == Status::NotStarted);
  CHECK(parse_status("☐ ยังไม่ได้ดำเนินการ") == Status::NotStarted);
  CHECK(parse_status("ยังไม่ดำเนินการ") == Status::NotStarted);
  CHECK(parse_status("done") == Status::Done);
  CHECK(parse_status("In progress") == Status::InProgress);
  // The seeds' check-box pair: the ticked box decides.
  CHECK(parse_status("☐ ยังไม่ได้ดำเนินการ ☑ ดำเนินการ") == Status::Done);
  CHECK(parse_status("☑ ยังไม่ได้ดำเนินการ ☐ ดำเนินการ") == Status::NotStarted);
  CHECK_FALSE(parse_status("ดี").has_value());
  CHECK_FALSE(parse_status("").has_value());
  // Check marks as people type them: alone, or beside words naming no status, done.
  for (const auto* tick : {"✓", "✔", "☑", "/", " ✓ ", "✔ ดำเนินการแล้ว", "✓ ส่งแล้ว", "/ ส่งเอกสารแล้ว", "/ดำเนินการแล้ว"}) {
    INFO(tick);
    CHECK(parse_status(tick) == Status::Done);
  }
  // ... the words decide when they name a status; a slash inside words is text.
  CHECK(parse_status("✓ อยู่ระหว่างดำเนินการ") == Status::InProgress);
  CHECK(parse_status("/ ยังไม่ได้ดำเนินการ") == Status::NotStarted);
  CHECK_FALSE(parse_status("ส่ง/ไม่ส่ง").has_value());
  CHECK_FALSE(parse_status("☐").has_value());
  CHECK(std::string(status_th(Status::InProgress)) == "อยู่ระหว่างดำเนินการ");
}

TEST_CASE("dates as staff write them", "[plan][calendar]") {
  CHECK(parse_date("2025-10-21") == Date{2025, 10, 21});
  CHECK(parse_date("2568-10-21") == Date{2025, 10, 21});
  CHECK(parse_date("21/10/2568") == Date{2025, 10, 21});
  CHECK(parse_date("๒๑ ตุลาคม ๒๕๖๘") == Date{2025, 10, 21});
  CHECK(parse_date("21 ต.ค. 68") == Date{2025, 10, 21});
  CHECK(parse_date("2025-10-21T00:00:00") == Date{2025, 10, 21});
  CHECK_FALSE(parse_date("30 ก.พ. 2568").has_value());
  CHECK_FALSE(parse_date("เมื่อวาน").has_value());
  CHECK(format_thai_date({2025, 10, 21}) == "๒๑ ต.ค. ๒๕๖๘");
  CHECK(format_slash_be({2022, 12, 20}) == "20/12/2565");
  CHECK(format_slash_be({2022, 12, 20}, true) == "๒๐/๑๒/๒๕๖๕");
  CHECK(parse_date(format_slash_be({2022, 12, 20})) == Date{2022, 12, 20});  // merge writes what it reads
}

TEST_CASE("fiscal quarters on their boundaries", "[plan][calendar]") {
  // 30 Sep 2568 is the last day of FY 2568 (Q4); 1 Oct 2568 opens FY 2569 (Q1).
  const Date sep30{2025, 9, 30}, oct1{2025, 10, 1}, dec31{2024, 12, 31}, jan1{2025, 1, 1};
  CHECK(fiscal_year_be(sep30) == 2568);
  CHECK(fiscal_quarter(sep30) == 4);
  CHECK(fiscal_year_be(oct1) == 2569);
  CHECK(fiscal_quarter(oct1) == 1);
  CHECK(fiscal_year_be(dec31) == 2568);
  CHECK(fiscal_quarter(dec31) == 1);
  CHECK(fiscal_year_be(jan1) == 2568);
  CHECK(fiscal_quarter(jan1) == 2);
  CHECK(quarter_start(2568, 1) == Date{2024, 10, 1});
  CHECK(quarter_end(2568, 1) == Date{2024, 12, 31});
  CHECK(quarter_end(2568, 2) == Date{2025, 3, 31});
  CHECK(quarter_end(2568, 4) == Date{2025, 9, 30});

  // Relative to the plan year 2568.
  auto at = [](Date d) { return position_in_plan(d, 2568); };
  CHECK(at(dec31).phase == PlanPhase::During);
  CHECK(at(dec31).quarters_over == 0);  // Q1's last day: not over yet
  CHECK(at(jan1).quarter == 2);
  CHECK(at(jan1).quarters_over == 1);
  CHECK(at(sep30).quarters_over == 3);
  CHECK(at(sep30).phase == PlanPhase::During);
  CHECK(at(oct1).phase == PlanPhase::After);
  CHECK(at(oct1).fiscal_year_be == 2569);
  CHECK(at(oct1).quarters_over == 4);
  CHECK(at({2024, 9, 30}).phase == PlanPhase::Before);
  CHECK(at({2024, 9, 30}).quarters_over == 0);
  CHECK_FALSE(quarter_over(2568, 4, sep30));
  CHECK(quarter_over(2568, 4, oct1));
}

TEST_CASE("the agency decides where a section belongs: its own list first, then its kind", "[plan][owners]") {
  // A เทศบาลตำบล has no กองการเจ้าหน้าที่: personnel work is สำนักปลัด's even
  // when a measure elsewhere names the กอง (the measure-named rule of bigger
  // agencies is not applied to it).
  const OwnerResolver small(departments(), {}, true, "เทศบาลตำบลบางตะบูน");
  CHECK(small.parse("-งานการเจ้าหน้าที่").departments == Strings{"สำนักปลัด"});
  CHECK(small.parse("งานบริหารงานบุคคล").departments == Strings{"สำนักปลัด"});
  CHECK(small.canonical("งานการเจ้าหน้าที่") == "สำนักปลัด");
  const OwnerResolver short_name(departments(), {}, true, "อบต.ทุ่งทอง");
  CHECK(short_name.parse("งานการเจ้าหน้าที่").departments == Strings{"สำนักปลัด"});
  // A เทศบาลเมือง may have the กอง: a measure naming it decides (true here).
  const OwnerResolver town(departments(), {}, true, "เทศบาลเมืองราชบุรี");
  CHECK(town.parse("งานการเจ้าหน้าที่").departments == Strings{"กองการเจ้าหน้าที่"});
  // The agency's own list decides first, whatever its kind.
  const OwnerResolver listed(departments(), {"สำนักปลัด", "กองคลัง", "กองการเจ้าหน้าที่"}, std::nullopt,
                             "องค์การบริหารส่วนตำบลหนองบัว");
  CHECK(listed.parse("งานการเจ้าหน้าที่").departments == Strings{"กองการเจ้าหน้าที่"});
  const OwnerResolver listed_without(departments(), {"สำนักปลัด", "กองคลัง"}, std::nullopt, "เทศบาลเมืองราชบุรี");
  CHECK(listed_without.parse("งานการเจ้าหน้าที่").departments == Strings{"สำนักปลัด"});
}

TEST_CASE("leading dashes and bullets are not part of an owner", "[plan][owners]") {
  const OwnerResolver r(departments());
  CHECK(r.parse("-สำนัก ปลัดเทศบาล").departments == Strings{"สำนักปลัด"});
  CHECK(r.parse("• กองคลัง\n• กองช่าง").departments == Strings{"กองคลัง", "กองช่าง"});
  CHECK(r.parse("➢ งานพัสดุ").departments == Strings{"กองคลัง"});
  CHECK(r.parse("• กองคลัง").unknown.empty());
}

TEST_CASE("a mistyped owner is read as the clearly closest department", "[plan][owners]") {
  const OwnerResolver r(departments());
  // ส for ศ: "สำนักปลัด" is spelled exactly, "เทสบาล" is not; the whole owner
  // is one edit from the spelling สำนักปลัดเทศบาล.
  const auto p = r.parse("-สำนักปลัดเทสบาล");
  CHECK(p.departments == Strings{"สำนักปลัด"});
  CHECK(p.unknown.empty());
  REQUIRE(p.corrected.size() == 1);
  CHECK(p.corrected[0].typed == "สำนักปลัดเทสบาล");
  CHECK(p.corrected[0].spelling == "สำนักปลัดเทศบาล");
  CHECK(p.corrected[0].department == "สำนักปลัด");
  // A missing vowel, beside a correct owner.
  const auto q = r.parse("กองคลง, กองช่าง");
  CHECK(q.departments == Strings{"กองคลัง", "กองช่าง"});
  REQUIRE(q.corrected.size() == 1);
  CHECK(q.corrected[0].typed == "กองคลง");
  CHECK(q.corrected[0].spelling == "กองคลัง");
  // Gibberish, or a name two edits from two departments, is not guessed.
  const auto g = r.parse("ฟหกดเสวง");
  CHECK(g.departments == Strings{"ไม่ทราบส่วนราชการ"});
  CHECK(g.unknown == Strings{"ฟหกดเสวง"});
  CHECK(g.corrected.empty());
  CHECK(r.parse("กองช่าง").corrected.empty());
  // Too short to tell: "กอง" is no department.
  CHECK(r.parse("กอง").corrected.empty());
}

TEST_CASE("closeness is judged among the agency's own departments when it lists them", "[plan][owners]") {
  // กองส่งเสริมการเกษตร is one edit from "กองส่งเสริมการเกสตร"; an agency that
  // lists only สำนักปลัด and กองคลัง has no such department to read it as.
  CHECK(OwnerResolver(departments()).parse("กองส่งเสริมการเกสตร").departments == Strings{"กองส่งเสริมการเกษตร"});
  const OwnerResolver own(departments(), {"สำนักปลัด", "กองคลัง"});
  const auto p = own.parse("กองส่งเสริมการเกสตร");
  CHECK(p.corrected.empty());
  CHECK(p.departments == Strings{"ไม่ทราบส่วนราชการ"});
}

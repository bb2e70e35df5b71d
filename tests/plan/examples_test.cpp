// The progress examples re-entered from seeds 002 and 003 (workbooks/examples,
// made by make_progress_examples.py), read and validated as any workbook is,
// give the figures the reports state.
#include <catch2/catch.hpp>

#include "base/files.hpp"
#include "plan/plan.hpp"
#include "model/load.hpp"
#include "schema/schema.hpp"
#include "support/helpers.hpp"

using namespace itawb;
using namespace itawb::plan;
using namespace itawb::calendar;
using namespace itawb::model;

namespace {

const DepartmentTally* dept(const PlanResult& r, const std::string& name) {
  for (const auto& d : r.departments)
    if (d.department == name) return &d;
  return nullptr;
}

size_t count_code(const Findings& f, const std::string& code) {
  size_t n = 0;
  for (const auto& x : f.items()) n += x.code == code;
  return n;
}

const MeasureCatalog& catalog() { return test::resources().catalog; }

// The example through the reader and the validator, which must accept it.
model::AgencyWorkbook load_example(const std::string& name) {
  const auto workbook = xlsx::Workbook::open(test::example(name).string());
  auto loaded = model::load_workbook(workbook, test::resources().schemas, test::resources().frameworks);
  REQUIRE_FALSE(loaded.findings.has_errors());
  return std::move(loaded.model);
}

}  // namespace

TEST_CASE("seed 002: อบต.ป่าตึง reports all 11 measures of FY 2568 done on 21 ต.ค. 2568", "[plan][examples]") {
  const auto wb = load_example("patueng-2568-progress.xlsx");
  REQUIRE(wb.measures.size() == 11);
  REQUIRE(wb.progress.size() == 11);
  CHECK(wb.agency.plan_year == 2568);

  const Date memo = *parse_date("๒๑ ตุลาคม ๒๕๖๘");
  const auto r = build_plan(wb, {}, catalog(), test::resources().departments, test::resources().statuses, memo);
  CHECK(r.as_of.phase == PlanPhase::After);  // the memo comes after the fiscal year closed
  CHECK(r.as_of.fiscal_year_be == 2569);
  CHECK(r.as_of.quarters_over == 4);
  for (const auto& m : r.measures) {
    INFO("measure " << m.input.id << ": " << m.timeframe.reason_en);
    CHECK(m.timeframe.quarters == kAllQuarters);  // "ตลอดปีงบประมาณ" / "ต.ค. ๖๗ ถึง ก.ย. ๖๘"
    CHECK(m.status == Status::Done);              // "ดำเนินการแล้ว" and "☐ ยังไม่ได้ดำเนินการ ☑ ดำเนินการ"
    CHECK(m.status_quarter == 4);
  }
  CHECK(r.overall.total == 11);
  CHECK(r.overall.done == 11);
  CHECK(r.overall.percent == Approx(100.0));
  CHECK(r.overall.meets_target);
  CHECK(r.overdue_ids.empty());

  // สำนักปลัด owns 1, 2, 4 (ทุกส่วนงาน), 5, 6, 8-11; กองคลัง 3, 4, 5, 7.
  CHECK(r.agency_departments == std::vector<std::string>{"สำนักปลัด", "กองคลัง"});
  REQUIRE(dept(r, "สำนักปลัด"));
  CHECK(dept(r, "สำนักปลัด")->tally.total == 9);
  CHECK(dept(r, "สำนักปลัด")->tally.done == 9);
  REQUIRE(dept(r, "กองคลัง"));
  CHECK(dept(r, "กองคลัง")->measure_ids == std::vector<std::string>{"3", "4", "5", "7"});
  CHECK(dept(r, "กองคลัง")->tally.percent == Approx(100.0));

  // Two owners in the report are not departments (a PR officer to appoint, a
  // review committee): kept, and reported on the owner cells.
  CHECK(count_code(r.findings, "owner-unknown") == 2);
  for (const auto& f : r.findings.items()) {
    if (f.code != "owner-unknown") continue;
    CHECK(f.sheet == "มาตรการ");
    CHECK((f.cell == "G4" || f.cell == "G5"));  // header on row 2 after a title row
  }
  CHECK_FALSE(r.findings.has_errors());

  // The same plan seen at the end of Q2 with nothing reported yet: nothing
  // is due (every measure runs all year), nothing is done.
  auto unreported = wb;
  unreported.progress.clear();
  const auto mid = build_plan(unreported, {}, catalog(), test::resources().departments, test::resources().statuses, Date{2025, 4, 1});
  CHECK(mid.overall.done == 0);
  CHECK(mid.overall.no_status == 11);
  CHECK(mid.overdue_ids.empty());
  // ... and after the year: all 11 overdue.
  const auto late = build_plan(unreported, {}, catalog(), test::resources().departments, test::resources().statuses, memo);
  CHECK(late.overdue_ids.size() == 11);
}

TEST_CASE("seed 002: the FY 2569 plan of อบต.ป่าตึง", "[plan][examples]") {
  const auto wb = load_example("patueng-2569-plan.xlsx");
  REQUIRE(wb.measures.size() == 6);
  CHECK(wb.progress.empty());
  // Halfway through Q3 of FY 2569: the training measure (มี.ค. ๖๙ = Q2) is overdue.
  const auto r = build_plan(wb, {}, catalog(), test::resources().departments, test::resources().statuses, Date{2026, 5, 15});
  CHECK(r.plan_year_be == 2569);
  CHECK(r.as_of.quarter == 3);
  CHECK(r.measures[5].input.id == "7");
  CHECK(int(r.measures[5].timeframe.quarters) == int(quarter_bit(2)));
  CHECK(r.overdue_ids == std::vector<std::string>{"7"});
  // Five departments named in every other measure, no unknown owner.
  CHECK(r.agency_departments ==
        std::vector<std::string>{"สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษาฯ", "กองสาธารณสุขฯ"});
  CHECK(dept(r, "สำนักปลัด")->tally.total == 6);
  CHECK(dept(r, "กองช่าง")->tally.total == 5);
  CHECK(count_code(r.findings, "owner-unknown") == 0);
  // Read against FY 2568 instead, its timeframes are all outside the year.
  auto wrong_year = wb;
  wrong_year.agency.plan_year = 2568;
  const auto w = build_plan(wrong_year, {}, catalog(), test::resources().departments, test::resources().statuses, Date{2025, 5, 15});
  CHECK(count_code(w.findings, "timeframe-out-of-year") == 6);
}

TEST_CASE("seed 003: อบต.ทุ่งกระพังโหม reports all 11 measures of FY 2567 done", "[plan][examples]") {
  const auto wb = load_example("thungkraphanghom-2567-progress.xlsx");
  REQUIRE(wb.measures.size() == 11);
  REQUIRE(wb.progress.size() == 11);
  const auto r = build_plan(wb, {}, catalog(), test::resources().departments, test::resources().statuses, Date{2024, 10, 1});  // 1 ต.ค. 2567, the year closed
  CHECK(r.plan_year_be == 2567);
  CHECK(r.overall.done == 11);
  CHECK(r.overall.percent == Approx(100.0));
  CHECK(r.overall.meets_target);
  CHECK(r.overdue_ids.empty());
  CHECK(r.findings.empty());
  // "ต.ค.๖๖ - เม.ย. ๖๗" runs into Q3; "ต.ค. ๖๖ - มี.ค. ๖๗" is the first half.
  CHECK(int(r.measures[1].timeframe.quarters) == 0x7);
  CHECK(int(r.measures[10].timeframe.quarters) == 0x3);
  // สำนักงานปลัด (อบต.) and ทุกส่วนราชการ: สำนักปลัด 2-6, 8-11; กองคลัง 1, 2, 3, 5, 7, 10.
  CHECK(r.agency_departments == std::vector<std::string>{"สำนักปลัด", "กองคลัง"});
  CHECK(dept(r, "สำนักปลัด")->tally.total == 9);
  CHECK(dept(r, "กองคลัง")->measure_ids == std::vector<std::string>{"1", "2", "3", "5", "7", "10"});

  // On 1 พ.ค. 2567 with nothing reported, only the six-month measure is overdue.
  auto early = wb;
  early.progress.clear();
  const auto may = build_plan(early, {}, catalog(), test::resources().departments, test::resources().statuses, Date{2024, 5, 1});
  CHECK(may.as_of.quarter == 3);
  CHECK(may.overdue_ids == std::vector<std::string>{"11"});
  CHECK(may.overall.percent == Approx(0.0));
}

// build_plan: latest status, overdue, completion, findings with cells,
// coverage of deficiencies, proposals from the catalog.
#include <catch2/catch.hpp>

#include "plan/plan.hpp"
#include "support/helpers.hpp"

using namespace itawb;
using namespace itawb::plan;
using namespace itawb::calendar;
using namespace itawb::model;

namespace {

model::MeasureInput measure(std::string id, int issue, std::string deficiency, std::string timeframe,
                          std::string owner, uint32_t row) {
  model::MeasureInput m;
  m.id = std::move(id);
  m.issue = issue;
  m.deficiency = std::move(deficiency);
  m.measure = "มาตรการ " + m.id;
  m.timeframe = std::move(timeframe);
  m.owner = std::move(owner);
  m.origin = {"มาตรการ", row, 0};
  m.timeframe_origin = {"มาตรการ", row, 5};  // column F
  m.owner_origin = {"มาตรการ", row, 6};      // column G
  return m;
}

model::ProgressInput progress(std::string id, int quarter, std::string status, std::string date, uint32_t row) {
  model::ProgressInput p;
  p.measure_id = std::move(id);
  p.quarter = quarter;
  p.status = std::move(status);
  p.report_date = std::move(date);
  p.origin = {"ความก้าวหน้า", row, 0};
  p.report_date_origin = {"ความก้าวหน้า", row, 6};  // column G
  return p;
}

model::AgencyWorkbook base_workbook() {
  model::AgencyWorkbook wb;
  wb.path = "plan.xlsx";
  wb.agency.name = "องค์การบริหารส่วนตำบลทดสอบ";
  wb.agency.assessment_year = 2567;
  wb.agency.plan_year = 2568;
  wb.has_measure_sheet = wb.has_progress_sheet = true;
  wb.measures = {
      measure("1", 2, "e9", "ไตรมาส ๒", "สำนักปลัด", 1),
      measure("2", 4, "", "ไตรมาส 1 - ไตรมาส 2", "กองคลัง", 2),
      measure("3", 5, "i4", "ทุกไตรมาส", "ทุกส่วนงาน", 3),
      measure("4", 3, "ข้อมูลข่าวสารไม่ชัดเจน", "ไตรมาส ๓", "สำนักปลัด / กองช่าง", 4),
  };
  wb.progress = {
      progress("1", 1, "อยู่ระหว่างดำเนินการ", "2025-01-05", 1),
      progress("1", 2, "ดำเนินการแล้ว", "2025-03-30", 2),
      progress("2", 1, "ยังไม่ได้ดำเนินการ", "", 3),
      progress("2", 2, "อยู่ระหว่างดำเนินการ", "2025-03-01", 4),
      progress("3", 2, "กำลังดำเนินการ", "", 5),
  };
  return wb;
}

const Finding* find_code(const Findings& f, const std::string& code) {
  for (const auto& x : f.items())
    if (x.code == code) return &x;
  return nullptr;
}

const DepartmentTally* dept(const PlanResult& r, const std::string& name) {
  for (const auto& d : r.departments)
    if (d.department == name) return &d;
  return nullptr;
}

const MeasureCatalog& catalog() { return test::resources().catalog; }

}  // namespace

TEST_CASE("latest status, overdue and completion as of a date", "[plan][progress]") {
  const auto wb = base_workbook();
  // 1 Apr 2568: Q1 and Q2 are over; measure 2 (Q1-Q2) is in progress -> overdue.
  const auto r = build_plan(wb, {}, catalog(), test::resources().departments, test::resources().statuses, Date{2025, 4, 1});
  REQUIRE(r.measures.size() == 4);
  CHECK(r.plan_year_be == 2568);
  CHECK(r.as_of.quarter == 3);
  CHECK(r.as_of.quarters_over == 2);
  CHECK(r.as_of.phase == PlanPhase::During);

  CHECK(r.measures[0].status == Status::Done);  // Q2 row beats the Q1 row
  CHECK(r.measures[0].status_quarter == 2);
  CHECK(r.measures[0].latest_progress == size_t{1});
  CHECK(r.measures[1].status == Status::InProgress);
  CHECK(r.measures[2].status == Status::InProgress);
  CHECK_FALSE(r.measures[3].status.has_value());

  CHECK(r.measures[0].due);
  CHECK_FALSE(r.measures[0].overdue);  // done
  CHECK(r.measures[1].overdue);        // Q2 over, not done
  CHECK(r.measures[2].due);            // began in Q1
  CHECK_FALSE(r.measures[2].ended);    // runs to Q4
  CHECK(r.measures[3].due);            // Q3 began on 1 April
  CHECK_FALSE(r.measures[3].ended);    // Q3 not over
  CHECK(r.measures[3].standing == Standing::DueNotReported);
  CHECK(r.overdue_ids == std::vector<std::string>{"2"});

  CHECK(r.overall.total == 4);
  CHECK(r.overall.done == 1);
  CHECK(r.overall.in_progress == 2);
  CHECK(r.overall.no_status == 1);
  CHECK(r.overall.percent == Approx(25.0));
  CHECK_FALSE(r.overall.meets_target);

  // "ทุกส่วนงาน" counts for every department the measures name.
  CHECK(r.agency_departments == std::vector<std::string>{"สำนักปลัด", "กองคลัง", "กองช่าง"});
  REQUIRE(dept(r, "สำนักปลัด"));
  CHECK(dept(r, "สำนักปลัด")->tally.total == 3);  // 1, 3, 4
  CHECK(dept(r, "สำนักปลัด")->tally.done == 1);
  CHECK(dept(r, "สำนักปลัด")->tally.percent == Approx(100.0 / 3));
  CHECK(dept(r, "กองคลัง")->measure_ids == std::vector<std::string>{"2", "3"});
  CHECK(dept(r, "กองคลัง")->tally.overdue == 1);
  CHECK(dept(r, "กองช่าง")->tally.total == 2);  // 3, 4
}

TEST_CASE("the year end: every quarter over, target reached or not", "[plan][progress]") {
  auto wb = base_workbook();
  wb.progress.push_back(progress("2", 4, "เสร็จสิ้น", "2025-09-20", 6));
  wb.progress.push_back(progress("3", 4, "☑ ดำเนินการ", "2025-09-20", 7));
  wb.progress.push_back(progress("4", 3, "ดำเนินการแล้ว", "2025-06-20", 8));
  const auto r = build_plan(wb, {}, catalog(), test::resources().departments, test::resources().statuses, Date{2025, 10, 1});
  CHECK(r.as_of.phase == PlanPhase::After);
  CHECK(r.as_of.quarters_over == 4);
  CHECK(r.overall.done == 4);
  CHECK(r.overall.percent == Approx(100.0));
  CHECK(r.overall.meets_target);
  CHECK(r.overdue_ids.empty());

  // One measure left in progress: 3 of 4 = 75 % < 80 %, and it is overdue.
  wb.progress.pop_back();
  const auto r2 = build_plan(wb, {}, catalog(), test::resources().departments, test::resources().statuses, Date{2025, 10, 1});
  CHECK(r2.overall.percent == Approx(75.0));
  CHECK_FALSE(r2.overall.meets_target);
  CHECK(r2.overdue_ids == std::vector<std::string>{"4"});
  // The day before the year closes, Q4 is not over: measure 4 (Q3) is still overdue, 3 (Q4) is not.
  const auto r3 = build_plan(wb, {}, catalog(), test::resources().departments, test::resources().statuses, Date{2025, 9, 30});
  CHECK(r3.overdue_ids == std::vector<std::string>{"4"});
}

TEST_CASE("ties on the quarter go to the later report date, then the later row", "[plan][progress]") {
  auto wb = base_workbook();
  wb.progress = {progress("1", 2, "ดำเนินการแล้ว", "2025-03-30", 1),
                 progress("1", 2, "อยู่ระหว่างดำเนินการ", "2025-02-01", 2),
                 progress("2", 2, "อยู่ระหว่างดำเนินการ", "", 3),
                 progress("2", 2, "ดำเนินการแล้ว", "", 4)};
  const auto r = build_plan(wb, {}, catalog(), test::resources().departments, test::resources().statuses, Date{2025, 4, 1});
  CHECK(r.measures[0].status == Status::Done);
  CHECK(r.measures[1].status == Status::Done);
  CHECK(r.measures[1].latest_progress == size_t{3});
}

TEST_CASE("a placeholder owner is warned on its cell and is no department", "[plan][owners]") {
  auto wb = base_workbook();
  wb.measures.push_back(measure("5", 1, "", "ไตรมาส 1", "กองงาน........", 5));
  const auto r = build_plan(wb, {}, catalog(), test::resources().departments, test::resources().statuses, Date{2025, 4, 1});
  const Finding* blank = find_code(r.findings, "owner-placeholder");
  REQUIRE(blank);
  CHECK(blank->severity == Severity::Warning);
  CHECK(blank->cell == "G6");
  CHECK(blank->value == "กองงาน........");
  CHECK(blank->message_th == "มาตรการ 5: ผู้รับผิดชอบ \"กองงาน........\" ยังเป็นช่องว่างของแบบฟอร์ม จึงไม่นับเป็นหน่วยงาน (กรอกชื่อส่วนราชการ)");
  CHECK(find_code(r.findings, "owner-missing") == nullptr);
  CHECK(find_code(r.findings, "owner-unknown") == nullptr);
  for (const auto& d : r.departments) CHECK(d.department.find("กองงาน") == std::string::npos);
}

TEST_CASE("planning findings name the cell and quote the value", "[plan][findings]") {
  auto wb = base_workbook();
  wb.measures.push_back(measure("5", 1, "", "ไตรมาส 1 และ ไตรมาส 3 ปีงบประมาณ 2566", "ผู้ใหญ่บ้าน", 5));
  wb.measures.push_back(measure("6", 1, "", "ตามความเหมาะสม", "สำนักปลัด", 6));
  wb.measures.push_back(measure("๑", 1, "", "ไตรมาส 1", "", 7));  // same id as "1"
  wb.progress.push_back(progress("9", 2, "ดำเนินการแล้ว", "", 6));
  wb.progress.push_back(progress("4", 5, "ดำเนินการแล้ว", "", 7));
  wb.progress.push_back(progress("4", 3, "พอใช้", "", 8));
  const auto r = build_plan(wb, {}, catalog(), test::resources().departments, test::resources().statuses, Date{2025, 4, 1});

  const Finding* out = find_code(r.findings, "timeframe-out-of-year");
  REQUIRE(out);
  CHECK(out->severity == Severity::Error);
  CHECK(out->sheet == "มาตรการ");
  CHECK(out->cell == "F6");
  CHECK(out->row == 6);
  CHECK(out->value == "ไตรมาส 1 และ ไตรมาส 3 ปีงบประมาณ 2566");
  CHECK(out->message_th.find("อยู่นอกปีงบประมาณ ๒๕๖๘") != std::string::npos);
  CHECK(out->message_en.find("is outside fiscal year 2568") != std::string::npos);

  const Finding* unreadable = find_code(r.findings, "timeframe-unreadable");
  REQUIRE(unreadable);
  CHECK(unreadable->severity == Severity::Warning);
  CHECK(unreadable->cell == "F7");

  const Finding* owner = find_code(r.findings, "owner-unknown");
  REQUIRE(owner);
  CHECK(owner->cell == "G6");
  CHECK(owner->value == "ผู้ใหญ่บ้าน");
  CHECK(owner->message_th ==
        "มาตรการ 5: ไม่รู้จักผู้รับผิดชอบ \"ผู้ใหญ่บ้าน\" จึงไม่นับเป็นส่วนราชการ มาตรการนี้อยู่ในกลุ่ม "
        "\"ไม่ทราบส่วนราชการ\" (แก้ชื่อให้ตรงกับส่วนราชการ หรือเพิ่มในรายชื่อส่วนราชการของหน่วยงาน)");
  CHECK_FALSE(dept(r, "ผู้ใหญ่บ้าน"));         // no department of its own
  CHECK_FALSE(dept(r, "ไม่ทราบส่วนราชการ"));  // nor is the group a department row

  const Finding* missing = find_code(r.findings, "owner-missing");
  REQUIRE(missing);
  CHECK(missing->cell == "G8");

  const Finding* dup = find_code(r.findings, "unique-error");
  REQUIRE(dup);
  CHECK(dup->severity == Severity::Error);
  CHECK(dup->cell == "A8");
  CHECK(dup->value == "๑");
  CHECK(r.measures.back().duplicate_id);

  // Progress for a measure that does not exist is the sheet's foreignKeys
  // check (model/references.cpp): the plan only leaves the row out.
  CHECK_FALSE(find_code(r.findings, "foreign-key-error"));
  CHECK(r.row_departments[5].empty());

  // A quarter outside 1–4 and an unknown status word are the sheet's own
  // checks (constraint-error, x-severity): the plan adds no second finding.
  CHECK_FALSE(find_code(r.findings, "constraint-error"));
  CHECK_FALSE(find_code(r.findings, "status-unknown"));

  // Rows with problems do not count as progress.
  CHECK_FALSE(r.measures[3].status.has_value());
}

TEST_CASE("an urgent deficiency without a measure is a warning naming its code", "[plan][coverage]") {
  const auto wb = base_workbook();
  const std::vector<ita::Deficiency> deficiencies = {
      {2, "e9", "ท่านเคยใช้งานระบบ E-Service", 82.49, ita::Category::Urgent},    // named by measure 1
      {4, "i12", "การตรวจสอบทรัพย์สิน", 80.0, ita::Category::Urgent},            // measure 2: issue 4, no code
      {5, "i6", "การจัดซื้อจัดจ้าง", 70.0, ita::Category::Urgent},               // measure 3 names i4 only
      {6, "i9", "การบริหารงานบุคคล", 84.0, ita::Category::Urgent},               // nothing in issue 6
      {3, "e5", "การประชาสัมพันธ์", 96.96, ita::Category::Develop},              // measure 4: text, issue 3
      {7, "", "รักษาระดับ", 100.0, ita::Category::Maintain},
  };
  const auto r = build_plan(wb, deficiencies, catalog(), test::resources().departments, test::resources().statuses, Date{2025, 4, 1});
  REQUIRE(r.coverage.size() == 6);
  CHECK(r.coverage[0].measure_ids == std::vector<std::string>{"1"});
  CHECK(r.coverage[1].measure_ids == std::vector<std::string>{"2"});
  CHECK(r.coverage[2].measure_ids.empty());
  CHECK(r.coverage[3].measure_ids.empty());
  CHECK(r.coverage[4].measure_ids == std::vector<std::string>{"4"});
  CHECK(r.uncovered_urgent == std::vector<std::string>{"i6", "i9"});
  size_t warnings = 0;
  for (const auto& f : r.findings.items())
    if (f.code == "deficiency-uncovered") {
      ++warnings;
      CHECK(f.severity == Severity::Warning);
    }
  CHECK(warnings == 2);
  const Finding* w = find_code(r.findings, "deficiency-uncovered");
  CHECK(w->value == "i6");
  CHECK(w->message_th.find("i6") != std::string::npos);
  CHECK(w->message_en.find("urgent deficiency i6 (issue 5)") != std::string::npos);
  CHECK(r.measures[2].covers == std::vector<std::string>{"i4"});
  CHECK(r.measures[1].covers == std::vector<std::string>{"i12"});
}

TEST_CASE("codes named in a deficiency cell", "[plan][coverage]") {
  CHECK(codes_named("e9") == std::vector<std::string>{"e9"});
  CHECK(codes_named("E๙ ท่านเคยใช้งานระบบ") == std::vector<std::string>{"e9"});
  CHECK(codes_named("O13, o10 และ i 4") == std::vector<std::string>{"o13", "o10", "i4"});
  CHECK(codes_named("ข้อมูลข่าวสาร ITA 2567").empty());
  CHECK(codes_named("ตัวชี้วัดที่ ๙.๔").empty());
  CHECK(measure_key("๑") == "1");
  CHECK(measure_key("1.0") == "1");
  CHECK(measure_key(" 2.1 ") == "2.1");
}

namespace {
model::ProgressInput reported(std::string id, int quarter, std::string status, std::string department, uint32_t row) {
  model::ProgressInput p = progress(std::move(id), quarter, std::move(status), "", row);
  p.department = std::move(department);
  return p;
}
const OwnerReport& report_of(const PlannedMeasure& m, const std::string& department) {
  for (const auto& r : m.reports)
    if (r.department == department) return r;
  FAIL("no report for " << department);
  return m.reports.front();
}
const Tally& tally_of(const PlanResult& r, const std::string& department) {
  for (const auto& d : r.departments)
    if (d.department == department) return d.tally;
  FAIL("no tally for " << department);
  return r.overall;
}
}  // namespace

TEST_CASE("a shared measure: each owner counted by its own report, done only when every owner is", "[plan][departments]") {
  auto wb = base_workbook();
  wb.measures = {measure("1", 2, "e9", "ไตรมาส 1 - ไตรมาส 2", "สำนักปลัด, กองคลัง, กองช่าง", 1)};
  wb.progress = {reported("1", 1, "อยู่ระหว่างดำเนินการ", "สำนักปลัด", 1),
                 reported("1", 2, "ดำเนินการแล้ว", "สำนักงานปลัด อบต.", 2),  // a spelling of สำนักปลัด
                 reported("1", 2, "อยู่ระหว่างดำเนินการ", "กองคลัง", 3)};  // กองช่าง never reported
  const auto r = build_plan(wb, {}, catalog(), test::resources().departments, test::resources().statuses, Date{2025, 4, 15});
  const auto& m = r.measures[0];
  CHECK(report_of(m, "สำนักปลัด").status == Status::Done);
  CHECK(report_of(m, "สำนักปลัด").quarter == 2);
  CHECK(report_of(m, "กองคลัง").status == Status::InProgress);
  CHECK_FALSE(report_of(m, "กองช่าง").status.has_value());  // ยังไม่รายงาน: not credited with the others' rows
  CHECK(m.status == Status::InProgress);                     // not done while one owner is not
  CHECK(m.overdue);                                           // quarter 2 ended 31 March 2568
  CHECK(r.overall.done == 0);
  CHECK(tally_of(r, "สำนักปลัด").done == 1);
  CHECK(tally_of(r, "สำนักปลัด").percent == Approx(100.0));
  CHECK(tally_of(r, "สำนักปลัด").overdue == 0);
  CHECK(tally_of(r, "กองคลัง").in_progress == 1);
  CHECK(tally_of(r, "กองคลัง").overdue == 1);
  CHECK(tally_of(r, "กองช่าง").no_status == 1);
  CHECK(tally_of(r, "กองช่าง").percent == Approx(0.0));
  CHECK(r.row_departments == std::vector<std::string>{"สำนักปลัด", "สำนักปลัด", "กองคลัง"});

  // The grid's quarter 2: each department's own report; กองช่าง has none.
  const auto q2 = quarter_reports(r, m, 2, wb);
  REQUIRE(q2.size() == 2);
  CHECK(q2[0].department == "สำนักปลัด");
  CHECK(q2[0].status == Status::Done);
  CHECK(q2[1].department == "กองคลัง");

  SECTION("when every owner reports done, the measure is done") {
    wb.progress.push_back(reported("1", 2, "ดำเนินการแล้ว", "กองคลัง", 4));
    wb.progress.push_back(reported("1", 2, "เสร็จสิ้น", "กองช่าง", 5));
    const auto all = build_plan(wb, {}, catalog(), test::resources().departments, test::resources().statuses, Date{2025, 4, 15});
    CHECK(all.measures[0].status == Status::Done);
    CHECK(all.overall.done == 1);
    CHECK_FALSE(all.measures[0].overdue);
  }
}

TEST_CASE("a row without a reporting department counts for the measure as a whole", "[plan][departments]") {
  auto wb = base_workbook();
  wb.measures = {measure("1", 2, "", "ไตรมาส 1", "สำนักปลัด, กองคลัง", 1),
                 measure("2", 2, "", "ไตรมาส 1", "กองช่าง", 2)};
  wb.progress = {progress("1", 1, "ดำเนินการแล้ว", "", 1),
                 progress("2", 1, "ดำเนินการแล้ว", "", 2),
                 reported("1", 1, "อยู่ระหว่างดำเนินการ", "กองคลัง", 3)};
  const auto r = build_plan(wb, {}, catalog(), test::resources().departments, test::resources().statuses, Date{2025, 4, 15});
  // Measure 1: สำนักปลัด has no row of its own and takes the measure-wide
  // one; กองคลัง's own row decides for it.
  CHECK(report_of(r.measures[0], "สำนักปลัด").status == Status::Done);
  CHECK(report_of(r.measures[0], "สำนักปลัด").whole_measure);
  CHECK(report_of(r.measures[0], "กองคลัง").status == Status::InProgress);
  CHECK_FALSE(report_of(r.measures[0], "กองคลัง").whole_measure);
  CHECK(r.measures[0].status == Status::InProgress);
  // Measure 2 has one owner: its unattributed row is that owner's.
  CHECK(r.row_departments[1] == "กองช่าง");
  CHECK(report_of(r.measures[1], "กองช่าง").status == Status::Done);
  CHECK(r.row_departments[0].empty());
}

TEST_CASE("a reporting department that does not own the measure is a warning on its cell", "[plan][departments]") {
  auto wb = base_workbook();
  wb.measures = {measure("1", 2, "", "ไตรมาส 1", "กองคลัง", 1)};
  wb.progress = {reported("1", 1, "ดำเนินการแล้ว", "กองช่าง", 4)};
  const auto r = build_plan(wb, {}, catalog(), test::resources().departments, test::resources().statuses, Date{2025, 4, 15});
  const Finding* f = find_code(r.findings, "progress-department");
  REQUIRE(f);
  CHECK(f->severity == Severity::Warning);
  CHECK(f->cell == "A5");
  CHECK(f->value == "กองช่าง");
  CHECK(f->message_en == "reporting department \"กองช่าง\" does not own measure 1; the row counts for the measure as a whole");
  CHECK(r.measures[0].status == Status::Done);  // the measure's only owner takes the measure-wide row
}

TEST_CASE("a measure whose id repeats is an error and counts in no figure", "[plan][findings]") {
  auto wb = base_workbook();
  wb.measures = {measure("3", 2, "", "ไตรมาส 1", "กองคลัง", 1), measure("๓", 2, "", "ไตรมาส 1", "กองช่าง", 2)};
  wb.progress = {progress("3", 1, "ดำเนินการแล้ว", "", 1)};
  const auto r = build_plan(wb, {}, catalog(), test::resources().departments, test::resources().statuses, Date{2025, 4, 15});
  REQUIRE(r.measures.size() == 2);
  CHECK(r.measures[1].duplicate_id);
  CHECK(find_code(r.findings, "unique-error")->severity == Severity::Error);
  CHECK(r.overall.total == 1);
  CHECK(r.overall.done == 1);
  CHECK(r.overdue_ids.empty());  // the duplicate (never reported, quarter 1 over) is not overdue either
  for (const auto& d : r.departments) CHECK(d.department != "กองช่าง");
}

TEST_CASE("not yet due, due and reported, due and not reported, overdue: per measure and per owner",
          "[plan][as-of]") {
  auto wb = base_workbook();
  wb.measures = {measure("1", 2, "e9", "ไตรมาส ๓", "สำนักปลัด", 1),
                 measure("2", 4, "", "ไตรมาส 3 - ไตรมาส 4", "กองคลัง", 2),
                 measure("3", 5, "", "ไตรมาส ๔", "สำนักปลัด, กองคลัง", 3),
                 measure("4", 5, "", "ไตรมาสห้า", "กองช่าง", 4)};  // unreadable: due from the year's start
  wb.progress = {progress("1", 3, "ดำเนินการแล้ว", "2025-05-10", 1),
                 reported("3", 4, "ดำเนินการแล้ว", "สำนักปลัด", 2)};
  wb.progress[1].report_date = "2025-08-01";
  const auto& res = test::resources();

  SECTION("31 March 2568: the plan's measures have not begun; the unreadable one is due") {
    const auto r = build_plan(wb, {}, catalog(), res.departments, res.statuses, Date{2025, 3, 31});
    CHECK(r.measures[0].standing == Standing::NotYetDue);  // its report (10 May) is not made yet
    CHECK_FALSE(r.measures[0].status.has_value());
    CHECK(r.measures[0].after_as_of == std::vector<size_t>{0});
    CHECK(r.measures[1].standing == Standing::NotYetDue);
    CHECK(r.measures[2].standing == Standing::NotYetDue);
    CHECK(r.measures[3].standing == Standing::DueNotReported);
    CHECK(r.overall.total == 4);
    CHECK(r.overall.due == 1);
    CHECK(r.overall.not_yet_due == 3);
    CHECK(r.overall.no_status == 1);
    CHECK(r.overall.due_percent == Approx(0.0));
    CHECK(tally_of(r, "สำนักปลัด").due == 0);
    CHECK(tally_of(r, "สำนักปลัด").no_status == 0);
    CHECK(tally_of(r, "สำนักปลัด").not_yet_due == 2);
    CHECK_FALSE(tally_of(r, "สำนักปลัด").due_meets_target);
    // Both rows are dated after the date: a warning on each date cell.
    std::vector<std::string> cells;
    for (const auto& f : r.findings.items())
      if (f.code == "report-after-as-of") cells.push_back(f.cell);
    CHECK(cells == std::vector<std::string>{"G2", "G3"});
  }

  SECTION("15 June 2568: 1 done, 2 due and not reported; 3 (quarter 4) not yet due") {
    const auto r = build_plan(wb, {}, catalog(), res.departments, res.statuses, Date{2025, 6, 15});
    // 1 (Q3) reported done on 10 May; 2 began with Q3.
    CHECK(r.measures[0].standing == Standing::DueReported);
    CHECK(r.measures[1].standing == Standing::DueNotReported);
    CHECK(r.measures[2].standing == Standing::NotYetDue);  // the 1 August row is later
    CHECK(r.overall.due == 3);
    CHECK(r.overall.done == 1);
    CHECK(r.overall.percent == Approx(25.0));
    CHECK(r.overall.due_percent == Approx(100.0 / 3));
  }

  SECTION("1 October 2568: the year is over; a part reported done is done, the other is overdue") {
    const auto r = build_plan(wb, {}, catalog(), res.departments, res.statuses, Date{2025, 10, 1});
    const auto& m3 = r.measures[2];
    CHECK(report_of(m3, "สำนักปลัด").standing == Standing::DueReported);
    CHECK(report_of(m3, "กองคลัง").standing == Standing::Overdue);
    CHECK(m3.standing == Standing::Overdue);
    CHECK(r.measures[1].standing == Standing::Overdue);
    CHECK(r.measures[3].standing == Standing::DueNotReported);  // never overdue: its quarters are unknown
    CHECK(r.overdue_ids == std::vector<std::string>{"2", "3"});
    // The total of the department rows: 5 parts (3 is counted for both owners).
    CHECK(r.parts.total == 5);
    CHECK(r.parts.done == 2);
    CHECK(r.parts.no_status == 3);
    CHECK(r.parts.overdue == 2);
    int total = 0, done = 0, overdue = 0;
    for (const auto& d : r.departments) {
      total += d.tally.total;
      done += d.tally.done;
      overdue += d.tally.overdue;
    }
    CHECK(total + r.unassigned.total == r.parts.total);
    CHECK(done + r.unassigned.done == r.parts.done);
    CHECK(overdue + r.unassigned.overdue == r.parts.overdue);
  }
}

TEST_CASE("a mistyped owner is warned on its cell and counts for the department it is closest to", "[plan][owners]") {
  auto wb = base_workbook();
  wb.measures.push_back(measure("5", 1, "", "ไตรมาส 1", "-สำนักปลัดเทสบาล", 5));
  wb.measures.push_back(measure("6", 1, "", "ไตรมาส 1", "ฟหกดเสวง", 6));
  const auto r = build_plan(wb, {}, catalog(), test::resources().departments, test::resources().statuses, Date{2025, 4, 1});
  const Finding* typo = find_code(r.findings, "owner-corrected");
  REQUIRE(typo);
  CHECK(typo->severity == Severity::Warning);
  CHECK(typo->sheet == "มาตรการ");
  CHECK(typo->cell == "G6");
  CHECK(typo->value == "สำนักปลัดเทสบาล");
  CHECK(typo->message_th ==
        "มาตรการ 5: ผู้รับผิดชอบ \"สำนักปลัดเทสบาล\" ไม่ตรงกับชื่อส่วนราชการใด จึงอ่านเป็น \"สำนักปลัดเทศบาล\" "
        "(สำนักปลัด) ซึ่งใกล้เคียงที่สุด (ตรวจสอบการสะกด)");
  CHECK(typo->message_en ==
        "measure 5: owner \"สำนักปลัดเทสบาล\" matches no department exactly; read as the closest, "
        "\"สำนักปลัดเทศบาล\" (สำนักปลัด) (check the spelling)");
  CHECK(r.measures[4].departments == std::vector<std::string>{"สำนักปลัด"});
  // สำนักปลัด owns 1, 3, 4 and now 5; no row for the typo or the gibberish.
  REQUIRE(dept(r, "สำนักปลัด"));
  CHECK(dept(r, "สำนักปลัด")->measure_ids == std::vector<std::string>{"1", "3", "4", "5"});
  for (const auto& d : r.departments) {
    CHECK(d.department.find("เทสบาล") == std::string::npos);
    CHECK(d.department != "ฟหกดเสวง");
    CHECK(d.department != "ไม่ทราบส่วนราชการ");
  }
  const Finding* unknown = find_code(r.findings, "owner-unknown");
  REQUIRE(unknown);
  CHECK(unknown->cell == "G7");
  CHECK(r.measures[5].departments == std::vector<std::string>{"ไม่ทราบส่วนราชการ"});
  CHECK(r.overall.total == 6);  // the group's measure still counts overall
}

TEST_CASE("check marks count as done, a blank status beside a result counts as not reported", "[plan][status]") {
  auto wb = base_workbook();
  wb.progress.push_back(progress("4", 3, "✓", "", 6));
  wb.progress.back().department = "สำนักปลัด";
  wb.progress.push_back(progress("4", 3, "", "", 7));
  wb.progress.back().department = "กองช่าง";
  wb.progress.back().result = "ส่งผลแล้ว";
  const auto r = build_plan(wb, {}, catalog(), test::resources().departments, test::resources().statuses, Date{2025, 4, 1});
  REQUIRE(r.measures[3].reports.size() == 2);
  CHECK(r.measures[3].reports[0].department == "สำนักปลัด");
  CHECK(r.measures[3].reports[0].status == Status::Done);
  CHECK(r.measures[3].reports[1].department == "กองช่าง");
  CHECK_FALSE(r.measures[3].reports[1].status.has_value());
  CHECK_FALSE(r.measures[3].status == Status::Done);
}

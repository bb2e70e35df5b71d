// What output/plan_sheets.hpp declares beyond the two sheets: the period,
// Thai figures and dates, the memo sentences the progress sheet and the memo
// print, and write_plan_sheets. The sheets: output/measures_sheet.cpp and
// output/quarterly_sheet.cpp.
#include "output/plan_sheets.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "output/labels.hpp"
#include "output/plan_cells.hpp"
#include "text/thai.hpp"

namespace itawb::output {

std::string period_of(const plan::PlanResult& plan) { return "ปีงบประมาณ พ.ศ. " + thai_year(plan.plan_year_be); }
std::string percent_th(double p) { return text::thai_digits(text::format_fixed(p, 2)); }
std::string count_th(int n) { return text::thai_digits(std::to_string(n)); }

std::string thai_long_date(const calendar::Date& d) {
  if (!d.valid()) return "";
  return text::thai_digits(std::to_string(d.day)) + " " + calendar::thai_month_name(d.month) + " " +
         text::thai_digits(std::to_string(d.year_be()));
}

std::vector<std::string> memo_sentences(const plan::PlanResult& plan) {
  const plan::Tally& t = plan.overall;
  std::vector<std::string> out;
  std::string first = "ผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส " + period_of(plan) + " ณ วันที่ " +
                      thai_long_date(plan.as_of.date) + " ดำเนินการแล้ว " + count_th(t.done) + " จาก " +
                      count_th(t.total) + " มาตรการ คิดเป็นร้อยละ " + percent_th(t.percent) + " ของทั้งปี";
  if (t.due == 0) {
    // Nothing is due yet: no target to be below, nothing to be reported.
    int start = 0;
    for (const auto& m : plan.measures)
      if (!m.duplicate_id && m.timeframe.ok()) {
        const int q = plan::first_quarter(m.timeframe.quarters);
        if (q > 0 && (start == 0 || q < start)) start = q;
      }
    first += " โดยทั้ง " + count_th(t.total) + " มาตรการยังไม่ถึงกำหนดดำเนินการ";
    if (start > 0) first += " (เริ่มตามแผนในไตรมาส " + count_th(start) + ")";
    out.push_back(first);
    return out;
  }
  first += " และมาตรการที่ถึงกำหนดแล้ว " + count_th(t.due) + " มาตรการ ดำเนินการแล้ว " + count_th(t.done) +
           " คิดเป็นร้อยละ " + percent_th(t.due_percent) + " ของที่ถึงกำหนด";
  first += t.due_meets_target ? " ซึ่งเป็นไปตามเป้าหมายร้อยละ " : " ซึ่งยังต่ำกว่าเป้าหมายร้อยละ ";
  out.push_back(first + percent_th(plan.target_percent));

  std::vector<std::string> rest;
  if (t.in_progress) rest.push_back("อยู่ระหว่างดำเนินการ " + count_th(t.in_progress) + " มาตรการ");
  if (t.not_started) rest.push_back("ยังไม่ได้ดำเนินการ " + count_th(t.not_started) + " มาตรการ");
  if (t.no_status) rest.push_back("ถึงกำหนดแล้วแต่ยังไม่ได้รายงานผล " + count_th(t.no_status) + " มาตรการ");
  if (t.not_yet_due) rest.push_back("ยังไม่ถึงกำหนด " + count_th(t.not_yet_due) + " มาตรการ");
  if (!rest.empty()) out.push_back("ทั้งนี้ " + fmt::to_string(fmt::join(rest, " ")));

  if (plan.overdue_ids.empty()) {
    out.push_back("ไม่มีมาตรการที่เกินกำหนดระยะเวลาดำเนินการ");
  } else {
    std::vector<std::string> named;
    for (const auto& m : plan.measures)
      if (m.overdue)
        named.push_back("มาตรการที่ " + text::thai_digits(m.input.id) +
                        (m.departments.empty() ? "" : " (" + fmt::to_string(fmt::join(m.departments, ", ")) + ")"));
    out.push_back("มาตรการที่เกินกำหนดระยะเวลาดำเนินการ " + count_th(static_cast<int>(named.size())) +
                  " มาตรการ ได้แก่ " + fmt::to_string(fmt::join(named, " ")));
  }

  // Departments judged only on what is due for them.
  std::vector<std::string> met, below, silent;
  for (const auto& d : plan.departments) {
    if (d.tally.due == 0) continue;
    (d.tally.due_meets_target ? met : below)
        .push_back(d.department + " (ร้อยละ " + percent_th(d.tally.due_percent) + ")");
    if (d.tally.no_status == d.tally.due) silent.push_back(d.department);
  }
  if (!met.empty()) out.push_back("ส่วนราชการที่ดำเนินการได้ตามเป้าหมาย ได้แก่ " + fmt::to_string(fmt::join(met, " ")));
  if (!below.empty()) out.push_back("ส่วนราชการที่ยังต่ำกว่าเป้าหมาย (ของมาตรการที่ถึงกำหนด) ได้แก่ " + fmt::to_string(fmt::join(below, " ")));
  if (!silent.empty()) out.push_back("ส่วนราชการที่ยังไม่ได้รายงานผลการดำเนินการที่ถึงกำหนด ได้แก่ " + fmt::to_string(fmt::join(silent, " ")));
  return out;
}

std::vector<std::string> departments_to_press(const plan::PlanResult& plan) {
  std::vector<std::string> out;
  for (const auto& d : plan.departments)
    if (d.tally.overdue > 0 || d.tally.no_status > 0) out.push_back(d.department);
  return out;
}

void write_plan_sheets(xlsx::WorkbookWriter& out, const plan::PlanResult& plan, const model::AgencyWorkbook& wb) {
  write_measures_sheet(out.add_sheet(kMeasuresSheet), plan, wb);
  write_progress_sheet(out.add_sheet(kProgressGridSheet), plan, wb);
}

}  // namespace itawb::output

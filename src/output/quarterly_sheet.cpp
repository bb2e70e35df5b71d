// The ความก้าวหน้ารายไตรมาส sheet: the measure × quarter grid coloured by
// status (overdue measures first, the current quarter marked), the table of
// completion per department against the target, the memo sentences and the
// chart of the departments' completion (output/plan_sheets.hpp).
#include "output/plan_sheets.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "output/palette.hpp"
#include "output/page.hpp"
#include "output/plan_cells.hpp"
#include "text/thai.hpp"

namespace itawb::output {
namespace {

using xlsx::Align;
using xlsx::Style;

// One cell of the measure × quarter grid: what each department reported for
// the quarter (a shared measure names them), "ไม่ได้รายงาน" for a planned
// quarter that is over without a report, "ตามแผน" for one still to come.
struct GridCell {
  std::string text;
  std::optional<uint32_t> fill;
};

GridCell grid_cell(const plan::PlanResult& plan, const plan::PlannedMeasure& m, int quarter,
                   const model::AgencyWorkbook& wb) {
  const bool planned = m.timeframe.ok() && plan::has_quarter(m.timeframe.quarters, quarter);
  const bool over = plan::quarter_over(plan.plan_year_be, quarter, plan.as_of.date);
  const auto reports = plan::quarter_reports(plan, m, quarter, wb);
  // Departments report apart when any row of the measure names its department.
  const bool by_department = std::any_of(m.progress.begin(), m.progress.end(), [&](size_t i) {
    return i < plan.row_departments.size() && !plan.row_departments[i].empty();
  });
  // One owner, or only rows for the measure as a whole: one status.
  if (m.departments.size() <= 1 || !by_department) {
    std::optional<plan::Status> least;
    for (const auto& r : reports)
      if (r.status && (!least || static_cast<int>(*r.status) < static_cast<int>(*least))) least = r.status;
    if (least) return {plan::status_th(*least), status_fill(*least)};
    if (planned) return over ? GridCell{kNotReported, kNotReportedFill} : GridCell{"ตามแผน", kPlannedFill};
    return {};
  }
  // Shared: a line per owner, the least advanced deciding the colour; one
  // word when every owner's is the same.
  std::string text;
  std::set<std::string> words;
  std::optional<uint32_t> fill;
  int least = 3;
  for (const auto& d : m.departments) {
    std::optional<plan::Status> s;
    bool found = false;
    for (const auto& r : reports)
      if (r.department == d || r.department.empty()) s = r.status, found = true;
    std::string word;
    if (found && s) {
      word = plan::status_th(*s);
      if (static_cast<int>(*s) < least) least = static_cast<int>(*s), fill = status_fill(*s);
    } else if (planned || found) {
      word = over ? kNotReported : "ตามแผน";
      if (least > -1 && over) least = -1, fill = kNotReportedFill;
      else if (!fill) fill = kPlannedFill;
    } else {
      continue;
    }
    text += (text.empty() ? "" : "\n") + d + ": " + word;
    words.insert(word);
  }
  if (words.size() == 1) text = *words.begin();
  return {text, fill};
}

// The departments of a measure; for a shared one each with its own report
// when they differ (the status column says it when they are the same).
std::string departments_with_reports(const plan::PlannedMeasure& m) {
  const bool whole = std::all_of(m.reports.begin(), m.reports.end(), [](const plan::OwnerReport& r) { return r.whole_measure; });
  std::set<std::string> statuses;
  for (const auto& r : m.reports) statuses.insert(status_text(r.status, r.standing));
  if (m.reports.size() <= 1 || whole || statuses.size() == 1) return fmt::to_string(fmt::join(m.departments, ", "));
  std::vector<std::string> parts;
  for (const auto& r : m.reports) parts.push_back(r.department + " (" + status_text(r.status, r.standing) + ")");
  return fmt::to_string(fmt::join(parts, "\n"));
}

// The grid's columns: ลำดับ, มาตรการ, ส่วนราชการ, the four quarters (D:G) and
// the latest status (H), "เกินกำหนด" under it when the measure is overdue.
constexpr uint32_t kGridStatusCol = 7;

void grid_header(FittedSheet& ws, const plan::PlanResult& plan) {
  const Style header = header_style();
  const char* left[] = {"ลำดับ", "มาตรการ", "ส่วนราชการ"};
  for (uint32_t c = 0; c < 3; ++c) ws.text(kGridHeaderRow, c, left[c], header);
  const int current = plan.as_of.phase == plan::PlanPhase::During ? plan.as_of.quarter : 0;
  for (int q = 1; q <= 4; ++q) {
    std::string label = "ไตรมาส " + count_th(q);
    Style s = header;
    if (q == current) {
      label += " (ปัจจุบัน)";
      s = s.with_fill(0xFFD966);
    }
    ws.text(kGridHeaderRow, 2 + q, label, s);
  }
  ws.text(kGridHeaderRow, kGridStatusCol, "สถานะล่าสุด", header);
}

uint32_t grid_rows(FittedSheet& ws, const plan::PlanResult& plan, const model::AgencyWorkbook& wb) {
  std::vector<const plan::PlannedMeasure*> order;
  for (const auto& m : plan.measures) order.push_back(&m);
  std::stable_sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->overdue && !b->overdue; });
  uint32_t r = kGridHeaderRow + 1;
  const Style cell = cell_style(), centre = centre_style();
  const double measure_width = ws.planned_width(1) * 0.9;  // texts below may narrow it a little
  for (const auto* m : order) {
    // A measure too long for one row goes on under it, "๑ (ต่อ)".
    const auto pieces = RowFit::split_to_rows(m->input.measure, measure_width, kTablePt, RowFit::max_lines(kTablePt));
    for (size_t k = 1; k < pieces.size(); ++k) {
      const auto at = r + static_cast<uint32_t>(k);
      ws.text(at, 0, continued_id(m->input.id), centre);
      ws.text(at, 1, pieces[k], cell);
      for (uint32_t c = 2; c <= kGridStatusCol; ++c) ws.blank(at, c, centre);
    }
    if (pieces.size() > 1) ws.keep_together(r, r + static_cast<uint32_t>(pieces.size()) - 1);
    ws.text(r, 0, m->input.id, centre);
    ws.text(r, 1, pieces.front(), cell);
    ws.text(r, 2, departments_with_reports(*m), cell);
    for (int q = 1; q <= 4; ++q) {
      const GridCell g = grid_cell(plan, *m, q, wb);
      if (g.text.empty()) ws.blank(r, 2 + q, centre);
      else ws.text(r, 2 + q, g.text, g.fill ? centre.with_fill(*g.fill) : centre);
    }
    // Overdue is said under the status, in red.
    const std::string status = status_text(m->status, m->standing);
    if (m->overdue) ws.text(r, kGridStatusCol, status + "\nเกินกำหนด", centre.with_fill(kNotStartedFill).with_bold());
    else if (m->status) ws.text(r, kGridStatusCol, status, centre.with_fill(status_fill(*m->status)));
    else ws.text(r, kGridStatusCol, status, centre);
    r += static_cast<uint32_t>(pieces.size());
  }
  return r;
}

// The department table's rows (zero-based, the total row excluded) and the
// row after it.
struct DepartmentRows {
  uint32_t first = 0, last = 0, next = 0;
  bool any() const { return last >= first && next > first; }
};
// The department table's columns: its names in A:B merged (A is the grid's
// narrow ลำดับ, B its wide measure), its figures in C:M.
constexpr uint32_t kTableCols = 12;    // names and eleven figures
constexpr uint32_t kLastCol = 12;      // M, the table's last column
constexpr uint32_t kDuePercentCol = 10;
constexpr uint32_t kTargetCol = 13;  // hidden: the target beside each department, for the chart
// The sheet column of the table's column `k` (0: the names, in A:B).
constexpr uint32_t table_col(uint32_t k) { return k == 0 ? 0 : k + 1; }

// "ผ่านเป้าหมาย" / "ต่ำกว่าเป้าหมาย", judged on what is due; nothing due yet:
// "ยังไม่ถึงกำหนด".
std::pair<std::string, uint32_t> against_target(const plan::Tally& t) {
  if (t.due == 0) return {kNotYetDue, kPlannedFill};
  return t.due_meets_target ? std::pair<std::string, uint32_t>{"ผ่านเป้าหมาย", kDoneFill}
                            : std::pair<std::string, uint32_t>{"ต่ำกว่าเป้าหมาย", kNotStartedFill};
}

// One row per department (its own parts of the measures), one for measures
// without a department, and the total row: their sum (plan.parts), so a
// shared measure counts once for each owner there too. The statuses count
// what is due; the agency's figure by measures follows the table.
DepartmentRows department_summary(FittedSheet& ws, uint32_t r, const plan::PlanResult& plan) {
  ws.text(r++, 0, "สรุปรายส่วนราชการ (เป้าหมายร้อยละ " + percent_th(plan.target_percent) +
                      " ของมาตรการที่ถึงกำหนด; มาตรการร่วมนับให้ทุกส่วนราชการที่รับผิดชอบ)",
          subtitle_style());
  const char* headers[kTableCols] = {"ส่วนราชการ", "มาตรการทั้งปี", "ยังไม่ถึงกำหนด", "ถึงกำหนดแล้ว",
                                     "ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ยังไม่ได้ดำเนินการ",
                                     "ไม่ได้รายงาน (ถึงกำหนดแล้ว)", "เกินกำหนด", "ร้อยละของที่ถึงกำหนด",
                                     "ร้อยละของทั้งปี", "ผลเทียบเป้าหมาย"};
  ws.merge(r, 0, r, 1, headers[0], header_style());
  for (uint32_t c = 1; c < kTableCols; ++c) ws.text(r, table_col(c), headers[c], header_style());
  ++r;
  auto row = [&](const std::string& name, const plan::Tally& t, bool total) {
    const Style cell = total ? cell_style().with_bold().with_fill(kTotalFill) : cell_style();
    const Style num = cell.with_align(Align::Right);
    ws.merge(r, 0, r, 1, name, cell);
    const int counts[] = {t.total, t.not_yet_due, t.due, t.done, t.in_progress, t.not_started, t.no_status, t.overdue};
    for (uint32_t c = 0; c < 8; ++c) ws.number(r, table_col(1 + c), counts[c], num);
    if (t.due > 0) ws.number(r, kDuePercentCol, text::round_to(t.due_percent, 2), num.with_format("0.00"));
    else ws.text(r, kDuePercentCol, "-", cell.with_align(Align::Center));
    ws.number(r, table_col(10), text::round_to(t.percent, 2), num.with_format("0.00"));
    const auto [verdict, fill] = against_target(t);
    ws.text(r, table_col(11), verdict, cell.with_fill(fill));
    ws.number(r, kTargetCol, plan.target_percent);
    ++r;
  };
  DepartmentRows rows;
  rows.first = r;
  for (const auto& d : plan.departments)
    if (d.tally.total > 0) row(d.department, d.tally, false);
  if (plan.unassigned.total > 0) row("ไม่ระบุส่วนราชการ", plan.unassigned, false);
  rows.last = r - 1;
  row("รวม (ผลรวมของทุกแถว)", plan.parts, true);
  const plan::Tally& t = plan.overall;
  ws.merge(r, 0, r, kLastCol,
           "ทั้งหน่วยงาน นับมาตรการละหนึ่งครั้ง: " + count_th(t.total) + " มาตรการ ถึงกำหนดแล้ว " + count_th(t.due) +
               " ดำเนินการแล้ว " + count_th(t.done) +
               (t.due > 0 ? " คิดเป็นร้อยละ " + percent_th(t.due_percent) + " ของที่ถึงกำหนด และ" : " คิดเป็น") +
               "ร้อยละ " + percent_th(t.percent) + " ของทั้งปี",
           note_style());
  ++r;
  rows.next = r;
  return rows;
}

}  // namespace

void write_progress_sheet(xlsx::SheetWriter& out_ws, const plan::PlanResult& plan, const model::AgencyWorkbook& wb) {
  FittedSheet ws(out_ws);
  // The grid (A:I) and the department table (A:L) share the columns: the
  // measure's column takes what the table's numbers leave, so a measure
  // takes few lines; the department names wrap in the narrow first column.
  // The measure (B) takes what the other columns leave of the page at 71 %.
  constexpr double kMinScale = 0.71;
  const double widths[kLastCol + 1] = {6, 0, 20, 11, 11, 11, 11, 12, 10, 10, 10, 10, 10};
  double rest = FittedSheet::a4_printable_points(true) / kMinScale / 0.75 / 7;
  for (uint32_t c = 0; c <= kLastCol; ++c) rest -= widths[c] + 5.0 / 7;
  for (uint32_t c = 0; c <= kLastCol; ++c) ws.width(c, c == 1 ? std::max(30.0, rest) : widths[c]);
  ws.merge(0, 0, 0, kLastCol, "ความก้าวหน้าการดำเนินการตามมาตรการรายไตรมาส " + period_of(plan), title_style());
  std::string as_of = "ข้อมูล ณ วันที่ " + thai_long_date(plan.as_of.date);
  if (plan.as_of.phase == plan::PlanPhase::During) as_of += " (ไตรมาส " + count_th(plan.as_of.quarter) + ")";
  else if (plan.as_of.phase == plan::PlanPhase::After) as_of += " (สิ้นปีงบประมาณแล้ว)";
  else as_of += " (ก่อนเริ่มปีงบประมาณ)";
  ws.merge(1, 0, 1, kLastCol, as_of + "  " + agency_line(wb.agency), subtitle_style());
  ws.merge(2, 0, 2, kLastCol, "สี: เขียว = ดำเนินการแล้ว, เหลือง = อยู่ระหว่างดำเนินการ, แดง = ยังไม่ได้ดำเนินการ, "
                       "ฟ้า = ไตรมาสตามแผนที่ยังไม่ถึง, เทา = ไตรมาสที่ผ่านไปแล้วโดยไม่ได้รายงาน; "
                       "มาตรการของหลายส่วนราชการแสดงรายงานของแต่ละส่วนราชการ; มาตรการที่เกินกำหนดอยู่บนสุด",
           note_style());
  grid_header(ws, plan);
  ws.fit_page(true, kMinScale);  // before the rows: grid_rows plans the measure column's printed width
  uint32_t r = grid_rows(ws, plan, wb) + 1;
  const DepartmentRows departments = department_summary(ws, r, plan);
  r = departments.next + 1;
  ws.text(r++, 0, "ข้อความสำหรับบันทึกข้อความ (คัดลอกไปใช้ได้)", subtitle_style());
  for (const auto& sentence : memo_sentences(plan)) {
    ws.merge(r, 0, r, kLastCol, sentence, cell_style());
    ++r;
  }
  ws.width(kTargetCol, 8);
  ws.hide(kTargetCol);
  if (departments.any() && plan.parts.due > 0) {
    // Completion per department against the target, from the table above.
    xlsx::ChartSpec chart;
    chart.kind = xlsx::ChartSpec::Kind::Bar;
    chart.title = "ร้อยละความสำเร็จของมาตรการที่ถึงกำหนด รายส่วนราชการ เทียบเป้าหมายร้อยละ " +
                  percent_th(plan.target_percent);
    chart.categories = {departments.first, departments.last, 0};
    chart.series = {{"ร้อยละความสำเร็จ", {departments.first, departments.last, kDuePercentCol}, 0x2F5597},
                    {"เป้าหมาย", {departments.first, departments.last, kTargetCol}, 0xF4B183}};
    chart.value_min = 0;
    chart.value_max = 100;
    chart.value_format = "0";
    chart.show_hidden_data = true;
    chart.labels = true;
    chart.height_px = std::min(600.0, 140 + 60.0 * (departments.last - departments.first + 1));
    chart.width_px = 760;
    ws.chart(r + 1, 0, chart, r + 1);
  }
  ws.keep_together(departments.first - 2, departments.next - 1);  // the department table with its title
  ws.repeated_rows(kGridHeaderRow, kGridHeaderRow);
  ws.finish();
  print_setup(out_ws, wb.agency, "ความก้าวหน้ารายไตรมาส " + period_of(plan), true, kGridHeaderRow, kGridHeaderRow);
}

}  // namespace itawb::output

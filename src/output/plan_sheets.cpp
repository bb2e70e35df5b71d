#include "output/plan_sheets.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include "output/palette.hpp"
#include "output/page.hpp"
#include "output/labels.hpp"
#include "schema/schema.hpp"
#include "text/thai.hpp"
#include "text/width.hpp"

namespace itawb::output {
namespace {

using xlsx::Align;
using xlsx::Style;

std::string join(const std::vector<std::string>& parts, const std::string& sep = ", ") {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

uint32_t status_fill(plan::Status s) {
  switch (s) {
    case plan::Status::Done: return kDoneFill;
    case plan::Status::InProgress: return kInProgressFill;
    case plan::Status::NotStarted: return kNotStartedFill;
  }
  return 0;
}

// The ลำดับ of a measure's continuation row: "๑ (ต่อ)" (the measures
// schema's x-continuation marker).
std::string continued_id(const std::string& id) { return id + " (ต่อ)"; }

constexpr const char* kNotReported = "ไม่ได้รายงาน";  // a planned quarter over without a report
constexpr const char* kAwaitingReport = "ยังไม่รายงาน";  // due, and no report from a department yet
constexpr const char* kNotYetDue = "ยังไม่ถึงกำหนด";     // its first planned quarter has not started

// What a measure (or an owner's part) shows as its status: the status
// reported, else "ยังไม่ถึงกำหนด" before it is due, "ยังไม่รายงาน" once it is.
std::string status_text(const std::optional<plan::Status>& s, plan::Standing standing) {
  if (s) return plan::status_th(*s);
  return standing == plan::Standing::NotYetDue ? kNotYetDue : kAwaitingReport;
}

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
  if (m.reports.size() <= 1 || whole || statuses.size() == 1) return join(m.departments);
  std::vector<std::string> parts;
  for (const auto& r : m.reports) parts.push_back(r.department + " (" + status_text(r.status, r.standing) + ")");
  return join(parts, "\n");
}

// A column of the มาตรการ sheet: a field of the measures schema (so the sheet
// reads back as the measures input), or one the plan adds after them.
struct MeasureColumn {
  std::string field;  // schema field name; "" for a computed column
  std::string title;
  double width = 0;
  enum class Computed { None, Quarters, Departments, Status, Source } computed = Computed::None;
};

// The columns the sheet had before the planned quarters and the overdue mark
// were folded into one column each: an output of an older itawb read again
// does not carry them as the agency's own columns.
constexpr const char* kFormerPlanTitles[] = {"ไตรมาส 1", "ไตรมาส 2", "ไตรมาส 3", "ไตรมาส 4", "เกินกำหนด"};

// The width a field of the measures schema prints at on the มาตรการ sheet:
// the measure, its steps and the deficiency take what the short fields
// leave, so that a long measure takes few lines (the form's own widths,
// x-width, are the template's).
double printed_field_width(const std::string& field, double form_width) {
  static const std::map<std::string, double> widths = {
      {"id", 5}, {"issue", 6}, {"deficiency", 90}, {"measure", 90}, {"steps", 90},
      {"timeframe", 12}, {"owner", 14}, {"budget", 10}, {"success_indicator", 90}};
  const auto it = widths.find(field);
  return it != widths.end() ? it->second : (form_width > 0 ? form_width : 16);
}

// A field whose texts run long and wrap (its width shared out by content).
bool is_long_text(const std::string& field) {
  return field == "deficiency" || field == "measure" || field == "steps" || field == "success_indicator";
}

// The schema's fields in schema order (by name only when the model was built
// by hand without one), then the planned quarters ("๑-๔"), the departments,
// the latest status (with "เกินกำหนด" under it when overdue) and the row's
// source.
std::vector<MeasureColumn> measure_columns(const schema::SheetSchema* schema) {
  using C = MeasureColumn::Computed;
  std::vector<MeasureColumn> out;
  if (schema)
    for (const auto& f : schema->fields) out.push_back({f.name, f.title, printed_field_width(f.name, f.width)});
  else
    for (const auto name : model::MeasureInput::modelled_fields())
      out.push_back({std::string(name), std::string(name), printed_field_width(std::string(name), 0)});
  out.push_back({"", "ไตรมาสตามแผน", 7, C::Quarters});
  out.push_back({"", "ส่วนราชการ (อ่านได้)", 14, C::Departments});
  out.push_back({"", "สถานะล่าสุด", 12, C::Status});
  out.push_back({"", "ที่มา", 16, C::Source});
  return out;
}

// The planned quarters as a short mark: runs as "1-4", the rest listed
// ("1, 3"); the sheet's digit style applies when written.
std::string quarters_mark(const plan::PlannedMeasure& m) {
  if (!m.timeframe.ok()) return "";
  std::string out;
  for (int q = 1; q <= 4; ++q) {
    if (!plan::has_quarter(m.timeframe.quarters, q)) continue;
    int last = q;
    while (last < 4 && plan::has_quarter(m.timeframe.quarters, last + 1)) ++last;
    out += (out.empty() ? "" : ", ") + std::to_string(q);
    if (last > q) out += "-" + std::to_string(last);
    q = last;
  }
  return out;
}

void measure_row(FittedSheet& ws, uint32_t r, const plan::PlannedMeasure& m,
                 const std::vector<MeasureColumn>& columns) {
  using C = MeasureColumn::Computed;
  const auto& in = m.input;
  Style cell = cell_style();
  if (in.proposed) cell = cell.with_fill(kProposalFill);
  for (uint32_t c = 0; c < columns.size(); ++c) {
    const MeasureColumn& col = columns[c];
    switch (col.computed) {
      case C::None: {
        if (col.field == "issue") {
          // As text, so that it takes the page's digits like the ลำดับ beside it.
          if (in.issue > 0) ws.text(r, c, std::to_string(in.issue), cell.with_align(Align::Center));
          else ws.blank(r, c, cell);
          break;
        }
        const std::string value = in.value(col.field);
        if (value.empty()) ws.blank(r, c, cell);
        else ws.text(r, c, value, col.field == "timeframe" && !m.timeframe.ok() ? cell.with_fill(kWarningFill) : cell);
        break;
      }
      case C::Quarters:
        if (const std::string mark = quarters_mark(m); !mark.empty())
          ws.text(r, c, mark, cell.with_align(Align::Center).with_fill(kPlannedFill));
        else ws.blank(r, c, cell);
        break;
      case C::Departments: ws.text(r, c, join(m.departments), cell); break;
      case C::Status: {
        const std::string status = status_text(m.status, m.standing);
        if (m.overdue) ws.text(r, c, status + "\nเกินกำหนด", cell.with_fill(kNotStartedFill).with_bold());
        else if (m.status) ws.text(r, c, status, cell.with_fill(status_fill(*m.status)));
        else ws.text(r, c, status, cell);
        break;
      }
      case C::Source: ws.text(r, c, in.proposed ? "ข้อเสนอจาก itawb (แก้ไขได้)" : "หน่วยงาน", cell); break;
    }
  }
}

// A measure over as many rows as its longest text needs: the first row as
// measure_row writes it, each text cut to what one row holds (Excel's rows
// stop at 409 points), then continuation rows "๑ (ต่อ)" with the rest, which
// the measures schema's x-continuation reads back as the same measure.
// `widths`: each column's printed width (0: hidden). Returns the rows used.
uint32_t measure_rows(FittedSheet& ws, uint32_t r, const plan::PlannedMeasure& m,
                      const std::vector<MeasureColumn>& columns, const std::vector<double>& widths) {
  std::vector<std::vector<std::string>> pieces(columns.size());
  size_t n = 1;
  plan::PlannedMeasure first = m;
  for (uint32_t c = 0; c < columns.size(); ++c) {
    const MeasureColumn& col = columns[c];
    if (col.computed != MeasureColumn::Computed::None || col.field == "id" || col.field == "issue" || widths[c] <= 0) continue;
    const std::string value = m.input.value(col.field);
    if (value.empty()) continue;
    pieces[c] = RowFit::split_to_rows(value, widths[c], kTablePt, RowFit::max_lines(kTablePt));
    if (pieces[c].size() > 1) first.input.set(col.field, pieces[c][0]);
    n = std::max(n, pieces[c].size());
  }
  measure_row(ws, r, first, columns);
  Style cell = cell_style();
  if (m.input.proposed) cell = cell.with_fill(kProposalFill);
  for (uint32_t k = 1; k < n; ++k)
    for (uint32_t c = 0; c < columns.size(); ++c) {
      if (columns[c].field == "id") ws.text(r + k, c, continued_id(m.input.id), cell);
      else if (k < pieces[c].size()) ws.text(r + k, c, pieces[c][k], cell);
      else ws.blank(r + k, c, cell);
    }
  if (n > 1) ws.keep_together(r, r + static_cast<uint32_t>(n) - 1);
  return static_cast<uint32_t>(n);
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
  if (!rest.empty()) out.push_back("ทั้งนี้ " + join(rest, " "));

  if (plan.overdue_ids.empty()) {
    out.push_back("ไม่มีมาตรการที่เกินกำหนดระยะเวลาดำเนินการ");
  } else {
    std::vector<std::string> named;
    for (const auto& m : plan.measures)
      if (m.overdue)
        named.push_back("มาตรการที่ " + text::thai_digits(m.input.id) +
                        (m.departments.empty() ? "" : " (" + join(m.departments) + ")"));
    out.push_back("มาตรการที่เกินกำหนดระยะเวลาดำเนินการ " + count_th(static_cast<int>(named.size())) +
                  " มาตรการ ได้แก่ " + join(named, " "));
  }

  // Departments judged only on what is due for them.
  std::vector<std::string> met, below, silent;
  for (const auto& d : plan.departments) {
    if (d.tally.due == 0) continue;
    (d.tally.due_meets_target ? met : below)
        .push_back(d.department + " (ร้อยละ " + percent_th(d.tally.due_percent) + ")");
    if (d.tally.no_status == d.tally.due) silent.push_back(d.department);
  }
  if (!met.empty()) out.push_back("ส่วนราชการที่ดำเนินการได้ตามเป้าหมาย ได้แก่ " + join(met, " "));
  if (!below.empty()) out.push_back("ส่วนราชการที่ยังต่ำกว่าเป้าหมาย (ของมาตรการที่ถึงกำหนด) ได้แก่ " + join(below, " "));
  if (!silent.empty()) out.push_back("ส่วนราชการที่ยังไม่ได้รายงานผลการดำเนินการที่ถึงกำหนด ได้แก่ " + join(silent, " "));
  return out;
}

std::vector<std::string> departments_to_press(const plan::PlanResult& plan) {
  std::vector<std::string> out;
  for (const auto& d : plan.departments)
    if (d.tally.overdue > 0 || d.tally.no_status > 0) out.push_back(d.department);
  return out;
}

// Both sheets are written through a FittedSheet: every row as tall as the
// lines its wrapped texts take in their columns (TH SarabunPSK line height),
// so nothing overlaps or is clipped when printed.
void write_measures_sheet(xlsx::SheetWriter& out_ws, const plan::PlanResult& plan, const model::AgencyWorkbook& wb) {
  FittedSheet ws(out_ws);
  const std::vector<MeasureColumn> columns = measure_columns(wb.measures_schema);
  const uint32_t last_col = static_cast<uint32_t>(columns.size()) - 1;
  ws.merge(0, 0, 0, last_col, "มาตรการส่งเสริมคุณธรรมและความโปร่งใส " + period_of(plan), title_style());
  std::string note = agency_line(wb.agency);
  if (plan.proposed) note += "  แถวสีเหลือง: ข้อเสนอจาก itawb ให้เจ้าหน้าที่ตรวจและแก้ไขก่อนใช้";
  ws.merge(1, 0, 1, last_col, note, note_style());
  // A column of the form no measure fills (งบประมาณ, ตัวชี้วัดความสำเร็จ ...)
  // stays in the sheet, so it reads back as the measures input, but is
  // hidden: it would only narrow the printed page.
  std::vector<bool> empty(columns.size(), false);
  for (uint32_t c = 0; c <= last_col; ++c) {
    const MeasureColumn& col = columns[c];
    if (col.computed != MeasureColumn::Computed::None || col.field == "id" || col.field == "measure") continue;
    empty[c] = std::all_of(plan.measures.begin(), plan.measures.end(), [&](const plan::PlannedMeasure& m) {
      return col.field == "issue" ? m.input.issue <= 0 : m.input.value(col.field).empty();
    });
  }
  if (!plan.proposed) empty[last_col] = columns[last_col].computed == MeasureColumn::Computed::Source;
  // The page's width at 71 % (70 % is the floor) shared out: the short
  // columns at their widths, the long texts (deficiency, measure, steps ...)
  // the rest, a unit at a time to the column where it saves the most lines
  // over all measures (a row is as tall as its longest text), so that a
  // column few measures fill does not take the width of one every measure fills.
  constexpr double kMinScale = 0.71, kLongMin = 14;
  const double page_units = (FittedSheet::a4_printable_points(true) / kMinScale) / 0.75 / 7;
  double pool = page_units;
  std::vector<uint32_t> long_cols;
  for (uint32_t c = 0; c <= last_col; ++c) {
    if (empty[c]) continue;
    pool -= 5.0 / 7;  // each column's padding
    if (is_long_text(columns[c].field)) long_cols.push_back(c), pool -= kLongMin;
    else pool -= columns[c].width;
  }
  std::vector<double> long_width(long_cols.size(), kLongMin);
  std::vector<std::vector<double>> text_len(plan.measures.size(), std::vector<double>(long_cols.size(), 0));
  for (size_t i = 0; i < plan.measures.size(); ++i)
    for (size_t k = 0; k < long_cols.size(); ++k)
      text_len[i][k] = text::display_width(plan.measures[i].input.value(columns[long_cols[k]].field));
  auto lines_all = [&] {
    double total = 0;
    for (const auto& row : text_len) {
      double most = 1;
      for (size_t k = 0; k < long_cols.size(); ++k) most = std::max(most, row[k] / (long_width[k] - 2));
      total += most;
    }
    return total;
  };
  for (double step = 1; !long_cols.empty() && pool >= step; pool -= step) {
    size_t best = 0;
    double best_total = 0;
    for (size_t k = 0; k < long_cols.size(); ++k) {
      long_width[k] += step;
      const double total = lines_all();
      long_width[k] -= step;
      if (k == 0 || total < best_total) best = k, best_total = total;
    }
    long_width[best] += step;
  }
  for (uint32_t c = 0; c <= last_col; ++c) {
    ws.text(kMeasuresHeaderRow, c, columns[c].title, header_style());
    ws.width(c, columns[c].width);
    if (empty[c]) ws.hide(c);
  }
  for (size_t k = 0; k < long_cols.size(); ++k) ws.width(long_cols[k], long_width[k]);
  ws.fit_page(true, kMinScale);
  std::vector<double> widths(columns.size(), 0);
  for (uint32_t c = 0; c <= last_col; ++c)
    if (!empty[c]) widths[c] = ws.planned_width(c);
  uint32_t r = kMeasuresHeaderRow + 1;
  for (const auto& m : plan.measures) r += measure_rows(ws, r, m, columns, widths);
  ws.finish();
  print_setup(out_ws, wb.agency, "มาตรการ " + period_of(plan), true, kMeasuresHeaderRow, kMeasuresHeaderRow);
}

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

void write_plan_sheets(xlsx::WorkbookWriter& out, const plan::PlanResult& plan, const model::AgencyWorkbook& wb) {
  write_measures_sheet(out.add_sheet(kMeasuresSheet), plan, wb);
  write_progress_sheet(out.add_sheet(kProgressGridSheet), plan, wb);
}

uint32_t measures_sheet_columns(const schema::SheetSchema* schema) {
  return static_cast<uint32_t>(measure_columns(schema).size());
}

std::vector<std::string> measures_plan_titles() {
  std::vector<std::string> titles;
  for (const auto& c : measure_columns(nullptr))
    if (c.computed != MeasureColumn::Computed::None) titles.push_back(c.title);
  for (const char* former : kFormerPlanTitles) titles.emplace_back(former);
  return titles;
}

}  // namespace itawb::output

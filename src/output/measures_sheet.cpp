// The มาตรการ sheet: the measures in the measures schema's columns (so it
// reads back as the measures input), then the planned quarters, the
// departments, the latest status and the row's source; a measure too long
// for one row goes on in continuation rows "๑ (ต่อ)" (output/plan_sheets.hpp).
#include "output/plan_sheets.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "output/palette.hpp"
#include "output/page.hpp"
#include "output/plan_cells.hpp"
#include "schema/schema.hpp"
#include "text/width.hpp"

namespace itawb::output {
namespace {

using xlsx::Align;
using xlsx::Style;

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
      case C::Departments: ws.text(r, c, fmt::to_string(fmt::join(m.departments, ", ")), cell); break;
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

}  // namespace

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

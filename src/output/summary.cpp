// สรุปผลการประเมิน: the score table of seed 000 (ตัวชี้วัด | เครื่องมือการประเมิน |
// ผลคะแนน ปีก่อน | ปีนี้ | เปรียบเทียบ), plus what the printed table lacks:
// the value computed from the questions, where it disagrees, and the level.
#include <algorithm>
#include <cmath>

#include "ita/scoring.hpp"
#include "output/sheets.hpp"
#include "output/palette.hpp"
#include "output/page.hpp"
#include "output/labels.hpp"
#include "text/thai.hpp"

namespace itawb::output {
namespace {

using xlsx::Style;

// English indicator names go on a second line under the Thai ones: a
// separate column would not fit a portrait A4 page at a readable size.
enum Col : uint32_t { kName, kTool, kPrevious, kScore, kChange, kComputed, kNote, kCols };
constexpr uint32_t kChartLabel = kCols + 1;  // hidden: short indicator names for the chart's axis
constexpr uint32_t kLast = kNote;

const char* tool_label_th(model::Tool t) {
  switch (t) {
    case model::Tool::IIT: return "ผลการประเมินบุคลากรภายใน (IIT)";
    case model::Tool::EIT: return "ผลการประเมินผู้รับบริการภายนอก (EIT)";
    case model::Tool::OIT: return "ผลการประเมินการเปิดเผยข้อมูลสาธารณะ (OIT)";
  }
  return "";
}

std::string english_name(const ita::Analysis& a, int number) {
  if (!a.framework) return "";
  for (const auto& ind : a.framework->indicators)
    if (ind.number == number) return ind.name_en;
  return "";
}

double tolerance(const ita::Analysis& a) { return a.framework ? a.framework->tolerance : 0.01; }

// Two scores differ when they differ after rounding to the printed two
// decimals by more than the framework's tolerance.
bool differs(double a, double b, double tol) {
  return std::fabs(text::round_to(a, 2) - text::round_to(b, 2)) > tol + 1e-9;
}

void write_scores(FittedSheet& ws, uint32_t row, const ita::ScorePair& p, const Style& extra) {
  ws.number_or_blank(row, kPrevious, p.previous, score_style().with_fill(extra.fill).with_bold(extra.bold));
  ws.number_or_blank(row, kScore, p.score, score_style().with_fill(extra.fill).with_bold(extra.bold));
  ws.number_or_blank(row, kChange, p.change, change_style().with_fill(extra.fill).with_bold(extra.bold));
}

void write_header(FittedSheet& ws, uint32_t row, int year) {
  const Style h = header_style();
  ws.merge(row, kName, row + 1, kName, "ตัวชี้วัด", h);
  ws.merge(row, kTool, row + 1, kTool, "เครื่องมือการประเมิน", h);
  ws.merge(row, kPrevious, row, kChange, "ผลคะแนน/คะแนนรายตัวชี้วัด", h);
  ws.text(row + 1, kPrevious, "ปี " + thai_year(year - 1), h);
  ws.text(row + 1, kScore, "ปี " + thai_year(year), h);
  ws.text(row + 1, kChange, "เปรียบเทียบปี " + thai_year(year - 1), h);
  ws.merge(row, kComputed, row + 1, kComputed, "คำนวณจากข้อคำถาม", h);
  ws.merge(row, kNote, row + 1, kNote, "หมายเหตุ", h);
}

void write_tools(FittedSheet& ws, uint32_t& row, const ita::Analysis& a) {
  for (model::Tool t : {model::Tool::IIT, model::Tool::EIT, model::Tool::OIT}) {
    const auto it = a.scores.tools.find(t);
    const ita::ScorePair pair = it == a.scores.tools.end() ? ita::ScorePair{} : it->second;
    const Style bold = cell_style().with_bold();
    ws.text(row, kName, tool_label_th(t), bold);
    ws.text(row, kTool, tool_code(t), centre_style().with_bold());
    write_scores(ws, row, pair, Style{}.with_bold());
    ws.blank(row, kComputed, score_style());
    std::string note;
    if (a.framework) {
      const auto w = a.framework->weights.find(t);
      if (w != a.framework->weights.end())
        note = "น้ำหนักร้อยละ " + text::thai_digits(text::format_fixed(w->second * 100, 0));
    }
    ws.text(row, kNote, note, cell_style());
    ++row;
  }
}

void write_indicators(FittedSheet& ws, uint32_t& row, const ita::Analysis& a) {
  for (const auto& ind : a.scores.indicators) {
    const std::string en = english_name(a, ind.number);
    ws.text(row, kName,
            text::thai_digits(std::to_string(ind.number)) + ". " + ind.name + (en.empty() ? "" : "\n" + en),
            cell_style());
    ws.text(row, kTool, tool_code(ind.tool), centre_style());
    write_scores(ws, row, ind.value, Style{});
    std::string note;
    Style computed = score_style();
    if (ind.computed && ind.computed_partial) {
      // Only part of the indicator is in the workbook (EIT Public is not):
      // the value is shown for reference, never as a disagreement.
      computed.italic = true;
      note = "บางส่วน: คำนวณจากข้อคำถามที่มีในแบบฟอร์ม ซึ่งเป็นเพียงส่วนหนึ่งของตัวชี้วัด";
    } else if (ind.computed && ind.value.score && differs(*ind.computed, *ind.value.score, tolerance(a))) {
      computed = computed.with_fill(kWarningFill).with_bold();
      note = "ไม่ตรงกับค่าเฉลี่ยข้อคำถาม " + text::format_fixed(*ind.computed, 2) +
             " (ดูแผ่นงานตรวจสอบข้อมูล)";
    }
    ws.number_or_blank(row, kComputed, ind.computed, computed);
    ws.text(row, kNote, note, cell_style());
    ++row;
  }
}

void write_total(FittedSheet& ws, uint32_t& row, const ita::Analysis& a) {
  const Style total = cell_style().with_bold().with_fill(kTotalFill);
  const Style centre = centre_style().with_bold().with_fill(kTotalFill);
  ws.text(row, kName, "คะแนนรวม (ITA)", total);
  ws.text(row, kTool, "ถ่วงน้ำหนัก", centre);
  write_scores(ws, row, a.scores.overall, Style{}.with_bold().with_fill(kTotalFill));
  ws.blank(row, kComputed, score_style().with_fill(kTotalFill));
  ws.text(row, kNote, "ITA total", total.with_bold(false));
  ++row;

  ws.text(row, kName, "ระดับผลการประเมิน", total);
  ws.blank(row, kTool, centre);
  ws.text(row, kPrevious, a.scores.previous_level.value_or(""), centre);
  ws.text(row, kScore, a.scores.level, centre);
  ws.blank(row, kChange, centre);
  ws.blank(row, kComputed, centre);
  ws.text(row, kNote, a.scores.level_en, total.with_bold(false));
  ++row;
}

// The total and level the agency was given by ITAS, beside ours.
void write_reported(FittedSheet& ws, uint32_t& row, const ita::Analysis& a) {
  const auto& agency = a.agency;
  if (!agency.reported_total && agency.reported_level.empty()) return;
  const Style c = cell_style();
  // Last year's total beside the published one, so the published change
  // (+15.86 in seed 000) reads as the agency's document prints it.
  const auto previous = a.scores.overall.previous;
  std::optional<double> change;
  if (agency.reported_total && previous) change = text::round_to(*agency.reported_total - *previous, 2);
  ws.text(row, kName, "คะแนนรวมที่ประกาศ (ITAS)", c.with_bold());
  ws.blank(row, kTool, c);
  ws.number_or_blank(row, kPrevious, previous, score_style());
  ws.number_or_blank(row, kScore, agency.reported_total, score_style().with_bold());
  ws.number_or_blank(row, kChange, change, change_style());
  ws.blank(row, kComputed, score_style());
  std::string note;
  if (agency.reported_total && a.scores.overall.score) {
    note = differs(*agency.reported_total, *a.scores.overall.score, tolerance(a))
               ? "ต่างจากคะแนนรวมที่คำนวณ " + text::format_fixed(*a.scores.overall.score, 2)
               : "ตรงกับคะแนนรวมที่คำนวณ";
  }
  ws.text(row, kNote, note, c);
  ++row;
  if (agency.reported_level.empty()) return;
  ws.text(row, kName, "ระดับที่ประกาศ (ITAS)", c);
  ws.blank(row, kTool, c);
  ws.blank(row, kPrevious, c);
  ws.text(row, kScore, agency.reported_level, centre_style());
  ws.blank(row, kChange, c);
  ws.blank(row, kComputed, c);
  ws.text(row, kNote,
          ita::same_level(agency.reported_level, a.scores).value_or(true) ? "ตรงกับระดับที่คำนวณ"
                                                                          : "ต่างจากระดับที่คำนวณ " + a.scores.level,
          c);
  ++row;
}

void write_notes(FittedSheet& ws, uint32_t row, const ita::Analysis& a) {
  std::vector<std::string> notes{
      "หมายเหตุ: คะแนน EIT เป็นค่าเฉลี่ยของตัวชี้วัดที่ ๖–๘ (เท่ากับค่าเฉลี่ย EIT Survey กับ EIT Public)",
      "คะแนนรวม = ๐.๓๐ × IIT + ๐.๓๐ × EIT + ๐.๔๐ × OIT"};
  if (!a.question_level)
    notes.emplace_back("ไม่มีแผ่นงานคะแนนรายข้อ: วิเคราะห์ระดับตัวชี้วัดเท่านั้น "
                       "(indicator-level analysis: no question scores)");
  if (a.framework && a.framework->assumed)
    notes.push_back("เกณฑ์ปี " + thai_year(a.framework->year) + " ยังไม่ยืนยัน: ใช้เกณฑ์ปี " +
                    thai_year(a.framework->assumed_from) + " (assumed framework)");
  for (uint32_t i = 0; i < notes.size(); ++i)
    ws.merge(row + i, kName, row + i, kLast, notes[i], note_style());
}

}  // namespace

void write_summary(xlsx::SheetWriter& out_ws, const ita::Analysis& a) {
  FittedSheet ws(out_ws, 8, 34);
  ws.width(kTool, 11);
  for (uint32_t c : {kPrevious, kScore, kChange}) ws.width(c, 11);
  ws.width(kComputed, 11);
  ws.width(kNote, 26);
  const int year = a.agency.assessment_year;
  ws.merge(0, kName, 0, kLast,
           // "พ.ศ." and its year held together (a no-break space): the title
           // never breaks between them.
           "ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน (ITA) ประจำปีงบประมาณ พ.ศ.\u00A0" +
               thai_year(year),
           title_style());
  ws.merge(1, kName, 1, kLast, agency_line(a.agency), subtitle_style());
  ws.merge(2, kName, 2, kLast,
           "ITA results " + std::to_string(year) + " compared with " + std::to_string(year - 1),
           note_style());
  write_header(ws, 3, year);
  uint32_t row = 5;
  const uint32_t first_tool = row;
  write_tools(ws, row, a);
  const uint32_t first_indicator = row;
  write_indicators(ws, row, a);
  const uint32_t last_indicator = row - 1;
  write_total(ws, row, a);
  write_reported(ws, row, a);
  write_notes(ws, row + 1, a);

  // The charts under the notes, both years side by side, from the table's
  // own cells (they follow an edit); the indicators' axis reads "ตัวชี้วัด ๑"...
  ws.width(kChartLabel, 12);
  ws.hide(kChartLabel);
  for (uint32_t r = first_indicator; r <= last_indicator; ++r)
    ws.text(r, kChartLabel, display_code("ind" + std::to_string(a.scores.indicators[r - first_indicator].number)));
  const uint32_t chart_row = row + 6;
  // Last year's series only when a figure of last year was entered; the
  // value axis from 10 below the lowest score (floored to ten), so the
  // differences between 84 and 100 show, every bar with its value.
  bool any_previous = false;
  double lowest = 100;
  auto note = [&](const ita::ScorePair& p) {
    if (p.previous) any_previous = true, lowest = std::min(lowest, *p.previous);
    if (p.score) lowest = std::min(lowest, *p.score);
  };
  for (const auto& [tool, pair] : a.scores.tools) note(pair);
  for (const auto& ind : a.scores.indicators) note(ind.value);
  const double axis_min = std::max(0.0, std::floor(lowest / 10) * 10 - 10);
  auto years = [&](uint32_t first, uint32_t last) {
    std::vector<xlsx::ChartSeries> out;
    if (any_previous) out.push_back({"ปี " + thai_year(year - 1), {first, last, kPrevious}, 0xA6A6A6});
    out.push_back({"ปี " + thai_year(year), {first, last, kScore}, 0x2F5597});
    return out;
  };
  const std::string years_th = any_previous ? "ปี " + thai_year(year - 1) + " และ " + thai_year(year) : "ปี " + thai_year(year);
  xlsx::ChartSpec tools;
  tools.title = "คะแนนตามเครื่องมือการประเมิน " + years_th;
  tools.categories = {first_tool, first_tool + 2, kTool};
  tools.series = years(first_tool, first_tool + 2);
  tools.value_min = axis_min;
  tools.value_max = 100;
  tools.value_format = "0.00";
  tools.labels = true;
  // The two charts side by side, as tall as each other: the tools' under the
  // names (A:B), the indicators' under the figures (C:G), so that they
  // print on the page of the table's end rather than a page each.
  ws.fit_page(false);
  auto pixels = [&](uint32_t first, uint32_t last) {
    double px = 0;
    for (uint32_t c = first; c <= last; ++c) px += std::floor(ws.planned_width(c) * 7 + 5);
    return px;
  };
  tools.height_px = 420;
  tools.width_px = pixels(kName, kTool) - 6;
  ws.chart(chart_row, kName, tools, chart_row);
  if (last_indicator >= first_indicator) {
    xlsx::ChartSpec indicators;
    indicators.kind = xlsx::ChartSpec::Kind::Bar;
    indicators.title = "คะแนนรายตัวชี้วัด " + years_th;
    indicators.categories = {first_indicator, last_indicator, kChartLabel};
    indicators.series = years(first_indicator, last_indicator);
    indicators.value_min = axis_min;
    indicators.value_max = 100;
    indicators.value_format = "0";
    indicators.labels = true;
    indicators.show_hidden_data = true;
    indicators.height_px = 420;
    indicators.width_px = pixels(kPrevious, kNote);
    ws.chart(chart_row, kPrevious, indicators, chart_row);
  }

  ws.repeated_rows(3, 4);
  ws.finish();
  print_setup(out_ws, a.agency, kSummarySheet, /*landscape=*/false, 3, 4);
}

}  // namespace itawb::output

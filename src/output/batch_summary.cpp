#include "output/batch_summary.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "model/records.hpp"
#include "output/palette.hpp"
#include "output/page.hpp"
#include "text/fold.hpp"
#include "text/thai.hpp"

namespace itawb::output {
namespace {

using xlsx::Style;

constexpr const char* kAgenciesSheet = "สรุปรายหน่วยงาน";
constexpr const char* kProvincesSheet = "รายจังหวัด";
constexpr const char* kNationSheet = "ภาพรวม";
constexpr const char* kChartSheet = "แผนภูมิ";
constexpr const char* kProblemsSheet = "ไฟล์ที่มีปัญหา";
constexpr const char* kSubject = "สรุปผลการประเมิน ITA";

// Best to worst: green to red, pale enough to read and to print in grey.
constexpr uint32_t kLevelFills[] = {0xA9D08E, 0xE2EFDA, 0xFFF2CC, 0xFCE4B6, 0xF4B6B0};
uint32_t level_fill(size_t i) { return i < std::size(kLevelFills) ? kLevelFills[i] : kTotalFill; }

Style share_style() { return Style{}.with_border().with_format("0.0%").with_align(xlsx::Align::Right); }
Style count_style() { return Style{}.with_border().with_format("#,##0").with_align(xlsx::Align::Center); }

// The page header's left part: what the summary covers.
model::Agency heading(const BatchSummary& s) {
  model::Agency a;
  std::vector<std::string> provinces;
  for (const auto& r : s.rows)
    if (!r.province.empty() && std::find(provinces.begin(), provinces.end(), r.province) == provinces.end())
      provinces.push_back(r.province);
  a.name = provinces.size() == 1 ? kSubject + std::string(" จังหวัด") + provinces.front()
                                 : kSubject + std::string(" ") + text::thai_digits(std::to_string(provinces.size())) +
                                       " จังหวัด";
  return a;
}

std::string count_text(size_t n) { return text::thai_digits(std::to_string(n)); }

// ---- สรุปรายหน่วยงาน ----------------------------------------------------------

enum AgencyCol : uint32_t {
  kNo, kProvince, kDistrict, kAgency, kType, kIit, kEit, kOit, kTotal, kPrevious, kChange, kLevel,
  kLowest, kUrgent, kMeasures, kCompletion, kErrors, kFile, kAgencyCols
};

void write_agencies(xlsx::WorkbookWriter& wb, const BatchSummary& s) {
  xlsx::SheetWriter& out = wb.add_sheet(kAgenciesSheet);
  FittedSheet ws(out, 6, 40);
  ws.width(kNo, 6);
  ws.width(kAgency, 34);
  ws.width(kLowest, 30);
  for (uint32_t c : {kIit, kEit, kOit, kTotal, kPrevious, kChange}) ws.width(c, 9);
  for (uint32_t c : {kUrgent, kMeasures, kErrors}) ws.width(c, 9);
  ws.width(kCompletion, 11);
  ws.width(kLevel, 16);
  ws.width(kFile, 30);
  const uint32_t last = kAgencyCols - 1;
  ws.merge(0, 0, 0, last, "สรุปผลการประเมิน ITA รายหน่วยงาน (" + count_text(s.rows.size()) + " หน่วยงาน)",
           title_style());
  ws.merge(1, 0, 1, last,
           "เรียงตามจังหวัดและชื่อหน่วยงาน · ความก้าวหน้าของมาตรการ ณ วันที่ " + s.as_of +
               " · ไฟล์ที่อ่านไม่ได้อยู่ในแผ่นงาน " + kProblemsSheet,
           note_style());
  const uint32_t header = 2;
  const char* titles[kAgencyCols] = {"ลำดับ", "จังหวัด", "อำเภอ", "หน่วยงาน", "ประเภท", "IIT", "EIT", "OIT",
                                     "คะแนนรวม", "คะแนนปีก่อน", "เปลี่ยนแปลง", "ระดับ",
                                     "ประเด็นที่มีข้อคำถามต่ำสุด", "ข้อบกพร่องเร่งด่วน", "มาตรการ",
                                     "ดำเนินการแล้ว (ร้อยละ)", "ข้อผิดพลาด", "ไฟล์"};
  for (uint32_t c = 0; c < kAgencyCols; ++c) ws.text(header, c, titles[c], header_style());
  uint32_t row = header + 1;
  for (size_t i = 0; i < s.rows.size(); ++i, ++row) {
    const BatchRow& r = s.rows[i];
    ws.number(row, kNo, static_cast<double>(i + 1), centre_style());
    ws.text(row, kProvince, r.province, cell_style());
    ws.text(row, kDistrict, r.district, cell_style());
    ws.text(row, kAgency, r.agency, cell_style());
    ws.text(row, kType, r.type, centre_style());
    ws.number_or_blank(row, kIit, r.iit, score_style());
    ws.number_or_blank(row, kEit, r.eit, score_style());
    ws.number_or_blank(row, kOit, r.oit, score_style());
    ws.number_or_blank(row, kTotal, r.total, score_style().with_bold());
    ws.number_or_blank(row, kPrevious, r.previous, score_style());
    ws.number_or_blank(row, kChange, r.change, change_style());
    const auto level = std::find(s.levels.begin(), s.levels.end(), r.level);
    ws.text(row, kLevel, r.level,
            centre_style().with_fill(level == s.levels.end() ? 0 : level_fill(level - s.levels.begin())));
    ws.text(row, kLowest, r.lowest_issue, cell_style());
    ws.number(row, kUrgent, r.urgent, centre_style().with_fill(r.urgent ? kUrgentFill : 0));
    ws.number(row, kMeasures, r.measures, centre_style());
    ws.number_or_blank(row, kCompletion, r.completion, score_style());
    if (r.errors)
      ws.number(row, kErrors, r.errors, centre_style().with_fill(kErrorFill));
    else
      ws.blank(row, kErrors, centre_style());
    ws.text(row, kFile, r.file, cell_style());
  }
  ws.finish();
  out.autofilter(header, 0, std::max(header, row - 1), last);
  print_setup(out, heading(s), kAgenciesSheet, /*landscape=*/true, header, header);
  out.freeze(header + 1, kAgency + 1);
}

// ---- รายจังหวัด and the chart -------------------------------------------------

struct Tally {
  size_t agencies = 0;    // analysed
  size_t scored = 0;      // with a level
  size_t passing = 0;     // total >= pass mark
  std::vector<size_t> at_level;
};

Tally tally(const BatchSummary& s, const std::vector<const BatchRow*>& rows) {
  Tally t;
  t.at_level.assign(s.levels.size(), 0);
  for (const BatchRow* r : rows) {
    ++t.agencies;
    const auto level = std::find(s.levels.begin(), s.levels.end(), r->level);
    if (level == s.levels.end()) continue;
    ++t.scored;
    ++t.at_level[level - s.levels.begin()];
    if (r->total && *r->total >= s.pass_mark) ++t.passing;
  }
  return t;
}

double share(size_t n, size_t of) { return of ? static_cast<double>(n) / static_cast<double>(of) : 0.0; }

// Province columns: จังหวัด, หน่วยงาน, then count and share per level, then
// the count and share at the pass mark.
void write_tally_row(FittedSheet& ws, uint32_t row, const std::string& label, const Tally& t, bool total) {
  const Style bold = Style{}.with_bold(total).with_fill(total ? kTotalFill : 0);
  ws.text(row, 0, label, cell_style().with_bold(total).with_fill(bold.fill));
  ws.number(row, 1, static_cast<double>(t.agencies), count_style().with_bold(total).with_fill(bold.fill));
  uint32_t col = 2;
  for (size_t n : t.at_level) {
    ws.number(row, col++, static_cast<double>(n), count_style().with_bold(total).with_fill(bold.fill));
    ws.number(row, col++, share(n, t.scored), share_style().with_bold(total).with_fill(bold.fill));
  }
  ws.number(row, col++, static_cast<double>(t.passing), count_style().with_bold(total).with_fill(bold.fill));
  ws.number(row, col, share(t.passing, t.scored), share_style().with_bold(total).with_fill(bold.fill));
}

std::string pass_label(const BatchSummary& s) {
  return "ผ่าน " + text::thai_digits(text::format_fixed(s.pass_mark, 0)) + " ขึ้นไป";
}

// Returns the rows of the provinces (first, last) for the chart.
std::pair<uint32_t, uint32_t> write_provinces(xlsx::WorkbookWriter& wb, const BatchSummary& s,
                                              const std::vector<std::pair<std::string, Tally>>& provinces,
                                              const Tally& nation) {
  xlsx::SheetWriter& out = wb.add_sheet(kProvincesSheet);
  FittedSheet ws(out, 6, 30);
  const auto last = static_cast<uint32_t>(2 + 2 * s.levels.size() + 1);
  ws.width(0, 18);
  ws.merge(0, 0, 0, last, "จำนวนหน่วยงานตามระดับผลการประเมิน รายจังหวัด", title_style());
  ws.merge(1, 0, 1, last,
           "ร้อยละคิดจากหน่วยงานที่มีคะแนน · เป้าหมายของ ป.ป.ช.: หน่วยงานผ่านเกณฑ์ " +
               text::thai_digits(text::format_fixed(s.pass_mark, 0)) + " คะแนนขึ้นไป",
           note_style());
  const uint32_t h1 = 2, h2 = 3;
  ws.merge(h1, 0, h2, 0, "จังหวัด", header_style());
  ws.merge(h1, 1, h2, 1, "หน่วยงาน", header_style());
  uint32_t col = 2;
  for (size_t i = 0; i < s.levels.size(); ++i, col += 2) {
    ws.merge(h1, col, h1, col + 1, s.levels[i], header_style().with_fill(level_fill(i)));
    ws.text(h2, col, "จำนวน", header_style());
    ws.text(h2, col + 1, "ร้อยละ", header_style());
  }
  ws.merge(h1, col, h1, col + 1, pass_label(s), header_style());
  ws.text(h2, col, "จำนวน", header_style());
  ws.text(h2, col + 1, "ร้อยละ", header_style());
  uint32_t row = h2 + 1;
  const uint32_t first = row;
  for (const auto& [province, t] : provinces) write_tally_row(ws, row++, province.empty() ? "(ไม่ระบุ)" : province, t, false);
  const uint32_t last_province = row - 1;
  write_tally_row(ws, row, "รวมทั้งหมด", nation, true);
  ws.finish();
  print_setup(out, heading(s), kProvincesSheet, /*landscape=*/true, h1, h2);
  return {first, std::max(first, last_province)};
}

void write_chart(xlsx::WorkbookWriter& wb, const BatchSummary& s, std::pair<uint32_t, uint32_t> rows,
                 size_t scored) {
  xlsx::SheetWriter& out = wb.add_sheet(kChartSheet);
  FittedSheet ws(out);
  ws.text(0, 0, "ระดับผลการประเมินของหน่วยงาน รายจังหวัด (จำนวนหน่วยงาน)", title_style());
  // A chart needs figures: with no agency scored (every input refused, or
  // plans only) the sheet says so instead.
  const bool figures = scored > 0 && !s.levels.empty();
  if (!figures) ws.text(2, 0, "ไม่มีหน่วยงานที่มีคะแนน จึงไม่มีแผนภูมิ", note_style());
  ws.finish();
  if (!figures) {
    print_setup(out, heading(s), kChartSheet, /*landscape=*/false, 0, 0);
    return;
  }
  xlsx::ChartSpec chart;
  chart.kind = xlsx::ChartSpec::Kind::Bar;
  chart.stacking = xlsx::ChartSpec::Stacking::Stacked;
  chart.title = "ระดับผลการประเมิน ITA รายจังหวัด";
  chart.category_title = "จังหวัด";
  chart.value_title = "จำนวนหน่วยงาน";
  chart.sheet = kProvincesSheet;
  chart.categories = {rows.first, rows.second, 0};
  for (size_t i = 0; i < s.levels.size(); ++i)
    chart.series.push_back({s.levels[i], {rows.first, rows.second, static_cast<uint32_t>(2 + 2 * i)}, level_fill(i)});
  chart.width_px = 900;
  chart.height_px = std::max(360.0, 120.0 + 22.0 * (rows.second - rows.first + 1));
  out.chart(2, 0, chart);
  print_setup(out, heading(s), kChartSheet, /*landscape=*/false, 0, 0);
}

// A sheet of three columns of these widths, its title across them in row 1.
FittedSheet three_columns(xlsx::SheetWriter& out, const std::array<double, 3>& widths, const std::string& title) {
  FittedSheet ws(out);
  for (uint32_t c = 0; c < 3; ++c) ws.width(c, widths[c]);
  ws.merge(0, 0, 0, 2, title, title_style());
  return ws;
}

// ---- ภาพรวม ----------------------------------------------------------------

void write_nation(xlsx::WorkbookWriter& wb, const BatchSummary& s, const Tally& nation, size_t with_errors,
                  size_t duplicates) {
  xlsx::SheetWriter& out = wb.add_sheet(kNationSheet);
  FittedSheet ws = three_columns(out, {34, 14, 12}, "ภาพรวมผลการประเมิน ITA");
  ws.text(2, 0, "ระดับ", header_style());
  ws.text(2, 1, "จำนวนหน่วยงาน", header_style());
  ws.text(2, 2, "ร้อยละ", header_style());
  uint32_t row = 3;
  for (size_t i = 0; i < s.levels.size(); ++i, ++row) {
    ws.text(row, 0, s.levels[i], cell_style().with_fill(level_fill(i)));
    ws.number(row, 1, static_cast<double>(nation.at_level[i]), count_style());
    ws.number(row, 2, share(nation.at_level[i], nation.scored), share_style());
  }
  ws.text(row, 0, "รวมหน่วยงานที่มีคะแนน", cell_style().with_bold().with_fill(kTotalFill));
  ws.number(row, 1, static_cast<double>(nation.scored), count_style().with_bold().with_fill(kTotalFill));
  ws.number(row, 2, nation.scored ? 1.0 : 0.0, share_style().with_bold().with_fill(kTotalFill));
  ++row;
  ws.text(row, 0, pass_label(s) + " (เป้าหมาย ป.ป.ช.)", cell_style().with_bold());
  ws.number(row, 1, static_cast<double>(nation.passing), count_style().with_bold());
  ws.number(row, 2, share(nation.passing, nation.scored), share_style().with_bold());
  row += 2;
  ws.text(row, 0, "การนับไฟล์", header_style());
  ws.text(row, 1, "จำนวนไฟล์", header_style());
  ++row;
  const std::pair<std::string, size_t> counts[] = {
      {"ไฟล์ที่พบ", s.inputs},
      {"วิเคราะห์แล้ว", s.rows.size()},
      {"  ในจำนวนนี้ มีข้อผิดพลาด", with_errors},
      {"  ในจำนวนนี้ ไม่มีคะแนน (มาตรการเท่านั้น)", nation.agencies - nation.scored},
      {"อ่านไม่ได้/ไม่วิเคราะห์", s.refused.size()},
      {"หน่วยงานที่พบมากกว่าหนึ่งไฟล์", duplicates},
  };
  for (const auto& [label, n] : counts) {
    ws.text(row, 0, label, cell_style());
    ws.number(row, 1, static_cast<double>(n), count_style());
    ++row;
  }
  ws.merge(row + 1, 0, row + 1, 2,
           "ไฟล์ที่พบ = วิเคราะห์แล้ว + อ่านไม่ได้ · ใช้เวลา " + text::format_fixed(s.seconds, 1) + " วินาที",
           note_style());
  ws.finish();
  print_setup(out, heading(s), kNationSheet, /*landscape=*/false, 2, 2);
}

// ---- ไฟล์ที่มีปัญหา -----------------------------------------------------------

void write_problems(xlsx::WorkbookWriter& wb, const BatchSummary& s, const std::vector<std::vector<size_t>>& dups) {
  xlsx::SheetWriter& out = wb.add_sheet(kProblemsSheet);
  FittedSheet ws = three_columns(out, {6, 40, 60}, "ไฟล์ที่อ่านไม่ได้ ไฟล์ที่มีข้อผิดพลาด และหน่วยงานที่ซ้ำ");
  uint32_t row = 2;
  auto header = [&](const std::string& what, const std::string& second) {
    ws.merge(row, 0, row, 2, what, subtitle_style());
    ++row;
    ws.text(row, 0, "ลำดับ", header_style());
    ws.text(row, 1, "ไฟล์", header_style());
    ws.text(row, 2, second, header_style());
    ++row;
  };
  auto none = [&] { ws.merge(row, 0, row, 2, "ไม่มี", cell_style()); ++row; };

  header("ไฟล์ที่อ่านไม่ได้หรือไม่ได้วิเคราะห์ (" + count_text(s.refused.size()) + " ไฟล์)", "เหตุผล");
  for (size_t i = 0; i < s.refused.size(); ++i, ++row) {
    ws.number(row, 0, static_cast<double>(i + 1), centre_style());
    ws.text(row, 1, s.refused[i].file, cell_style());
    ws.text(row, 2, s.refused[i].reason, cell_style());
  }
  if (s.refused.empty()) none();

  ++row;
  std::vector<const BatchRow*> with_errors;
  for (const auto& r : s.rows)
    if (r.errors) with_errors.push_back(&r);
  header("ไฟล์ที่วิเคราะห์แล้วแต่มีข้อผิดพลาด (" + count_text(with_errors.size()) +
             " ไฟล์: ค่าที่ผิดไม่ได้นำมาคำนวณ ดูแผ่นงาน ตรวจสอบข้อมูล ในไฟล์ผลลัพธ์)",
         "หน่วยงาน และจำนวนข้อผิดพลาด");
  for (size_t i = 0; i < with_errors.size(); ++i, ++row) {
    ws.number(row, 0, static_cast<double>(i + 1), centre_style());
    ws.text(row, 1, with_errors[i]->file, cell_style());
    ws.text(row, 2, with_errors[i]->agency + ": ข้อผิดพลาด " + count_text(static_cast<size_t>(with_errors[i]->errors)) + " รายการ",
            cell_style());
  }
  if (with_errors.empty()) none();

  ++row;
  header("หน่วยงานที่พบมากกว่าหนึ่งไฟล์ (" + count_text(dups.size()) + " หน่วยงาน)", "หน่วยงาน");
  size_t n = 0;
  for (const auto& group : dups)
    for (size_t i : group) {
      const BatchRow& r = s.rows[i];
      ws.number(row, 0, static_cast<double>(++n), centre_style());
      ws.text(row, 1, r.file, cell_style());
      ws.text(row, 2, r.agency + (r.province.empty() ? "" : " จังหวัด" + r.province), cell_style());
      ++row;
    }
  if (dups.empty()) none();
  ws.finish();
  print_setup_plain(out, heading(s), kProblemsSheet, /*landscape=*/false);
}

}  // namespace

std::vector<std::vector<size_t>> duplicate_agencies(const std::vector<BatchRow>& rows) {
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> by_key;
  for (size_t i = 0; i < rows.size(); ++i)
    if (!rows[i].agency.empty())
      by_key[{text::label_key(rows[i].province), text::label_key(rows[i].agency)}].push_back(i);
  std::vector<std::vector<size_t>> groups;
  for (auto& [key, group] : by_key)
    if (group.size() > 1) groups.push_back(std::move(group));
  return groups;
}

void write_batch_summary(xlsx::WorkbookWriter& wb, const BatchSummary& s) {
  // Provinces in the order the rows come (the caller sorts them), so both
  // sheets list them alike.
  std::vector<std::pair<std::string, std::vector<const BatchRow*>>> by_province;
  std::vector<const BatchRow*> all;
  size_t with_errors = 0;
  for (const auto& r : s.rows) {
    auto it = std::find_if(by_province.begin(), by_province.end(), [&](const auto& p) { return p.first == r.province; });
    if (it == by_province.end()) it = by_province.insert(by_province.end(), {r.province, {}});
    it->second.push_back(&r);
    all.push_back(&r);
    if (r.errors) ++with_errors;
  }
  std::vector<std::pair<std::string, Tally>> provinces;
  for (const auto& [province, rows] : by_province) provinces.emplace_back(province, tally(s, rows));
  const Tally nation = tally(s, all);
  const auto dups = duplicate_agencies(s.rows);

  write_agencies(wb, s);
  const auto rows = write_provinces(wb, s, provinces, nation);
  write_nation(wb, s, nation, with_errors, dups.size());
  write_chart(wb, s, rows, nation.scored);
  write_problems(wb, s, dups);
}

}  // namespace itawb::output

#include "report/style.hpp"

#include <algorithm>
#include <cmath>

#include "text/thai.hpp"
#include "text/width.hpp"

namespace itawb::report {

uint32_t category_fill(ita::Category c) {
  switch (c) {
    case ita::Category::Urgent: return kUrgentFill;
    case ita::Category::Develop: return kDevelopFill;
    case ita::Category::Maintain: return kMaintainFill;
  }
  return 0;
}

// The analysis' own wording, so the sheets and the JSON never disagree.
const char* category_label_th(ita::Category c) { return ita::category_th(c); }
const char* category_label_en(ita::Category c) { return ita::to_string(c); }
const char* tool_code(ita::Tool t) { return ita::to_string(t); }

void RowFit::text(uint32_t row, std::string_view s, double column_width, double font_pt) {
  int n = 0;
  size_t start = 0;
  while (start <= s.size()) {
    const size_t end = std::min(s.find('\n', start), s.size());
    const std::string_view line = s.substr(start, end - start);
    // As text::column_width_for, plus a tenth for what word wrapping wastes.
    const double needed = text::display_width(line) * (font_pt / 16.0) * 0.95 * 1.1;
    const double usable = column_width > 2 ? column_width - 1.5 : 0;
    n += usable > 0 ? std::max(1, static_cast<int>(std::ceil(needed / usable))) : 1;
    start = end + 1;
  }
  lines(row, n, font_pt);
}

void RowFit::lines(uint32_t row, int n, double font_pt) {
  const double h = std::max(1, n) * line_height(font_pt) + 3;
  double& points = points_[row];
  points = std::max(points, std::min(h, 409.0));  // Excel's maximum row height
}

void RowFit::apply(xlsx::SheetWriter& ws) const {
  for (const auto& [row, points] : points_) ws.row_height(row, points);
}

std::string thai_year(int year) { return year > 0 ? text::thai_digits(std::to_string(year)) : ""; }

namespace {

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// "&" starts a control code in Excel headers; a literal one is doubled.
std::string escape_header(const std::string& s) {
  std::string out;
  for (char c : s) {
    out.push_back(c);
    if (c == '&') out.push_back('&');
  }
  return out;
}

}  // namespace

std::string agency_line(const ita::Agency& agency) {
  std::string line = agency.name;
  auto add = [&](const std::string& part, std::string_view prefix, std::string_view other) {
    if (part.empty()) return;
    if (!line.empty()) line += ' ';
    if (starts_with(part, prefix) || (!other.empty() && starts_with(part, other))) line += part;
    else line += std::string(prefix) + part;
  };
  add(agency.district, "อำเภอ", "เขต");
  add(agency.province, "จังหวัด", "กรุงเทพ");
  return line;
}

void print_setup(xlsx::SheetWriter& ws, const ita::Agency& agency, const std::string& subject,
                 bool landscape, uint32_t header_first_row, uint32_t header_last_row) {
  ws.freeze(header_last_row + 1);
  ws.repeat_rows(header_first_row, header_last_row);
  ws.a4(landscape);
  ws.header_footer("&L" + escape_header(agency.name) + "&R" + escape_header(subject),
                   "&Cหน้า &P / &N");
}

}  // namespace itawb::report

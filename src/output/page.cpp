#include "output/page.hpp"

#include <algorithm>
#include <cmath>

#include "text/thai.hpp"
#include "text/width.hpp"

namespace itawb::output {

void RowFit::text(uint32_t row, std::string_view s, double column_width, double font_pt) {
  lines(row, count_lines(s, column_width, font_pt), font_pt);
}

int RowFit::count_lines(std::string_view s, double column_width, double font_pt, bool bold) {
  // The text wrapped word by word (text::wrapped_line_count) in the
  // column's width as LibreOffice prints it (5.54 points a unit of the
  // stored width, against Excel's 5.25) less the cell's margins, the
  // letters' widths those of the font it prints with (kGlyphSlack, bold
  // kBoldWidth wider). Excel, whose columns are a twentieth narrower, sets
  // its lines a tenth closer (24.75 points a 16-point line against 27.2),
  // so the rows hold its lines too.
  if (column_width <= 3) return text::wrapped_line_count(s, 0);
  const double usable = FittedSheet::printed_points(column_width) * 5.54 / 5.25 - kCellMargins;
  const double ems = usable / font_pt / (kGlyphSlack * (bold ? kBoldWidth : 1.0));
  return text::wrapped_line_count(s, ems);
}

// LibreOffice (Laksaman) sets wrapped lines 1.7 x their size apart: 1.6
// cut the last of fourteen 14 pt lines.
double RowFit::line_height(double font_pt) { return font_pt * 1.7; }

int RowFit::max_lines(double font_pt) {
  return std::max(1, static_cast<int>((kMaxHeight - 3) / line_height(font_pt)));
}

namespace {

// `lines` of `font_pt` need more than Excel's tallest row.
bool too_tall(int lines, double font_pt) { return lines * RowFit::line_height(font_pt) + 3 > RowFit::kMaxHeight; }

// A place to cut `s` at (a byte offset): not inside a UTF-8 sequence nor
// before a Thai vowel or tone mark written above or below its consonant.
bool can_cut_at(std::string_view s, size_t at) {
  if (at == 0 || at >= s.size()) return true;
  const auto c = static_cast<unsigned char>(s[at]);
  if ((c & 0xC0) == 0x80) return false;
  if (c == 0xE0 && at + 2 < s.size() && static_cast<unsigned char>(s[at + 1]) == 0xB8) {
    const auto t = static_cast<unsigned char>(s[at + 2]);
    if (t == 0xB1 || (t >= 0xB3 && t <= 0xBA)) return false;  // ั ำ ิ ี ึ ื ุ ู ฺ
  }
  if (c == 0xE0 && at + 2 < s.size() && static_cast<unsigned char>(s[at + 1]) == 0xB9) {
    const auto t = static_cast<unsigned char>(s[at + 2]);
    if (t >= 0x87 && t <= 0x8E) return false;  // ็ ่ ้ ๊ ๋ ์ ํ ๎
  }
  return true;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

}  // namespace

std::vector<std::string> RowFit::split_to_rows(std::string_view s, double column_width, double font_pt, int max) {
  std::vector<std::string> out;
  auto fits = [&](std::string_view piece) { return count_lines(piece, column_width, font_pt) <= max; };
  while (!s.empty()) {
    if (fits(s)) {
      out.emplace_back(s);
      break;
    }
    // The longest start that fits, ended at a space when there is one.
    size_t lo = 1, hi = s.size();  // fits(s.substr(0, lo)) assumed; hi does not fit
    while (hi - lo > 1) {
      const size_t mid = (lo + hi) / 2;
      (fits(s.substr(0, mid)) ? lo : hi) = mid;
    }
    size_t cut = lo;
    for (size_t i = lo; i > lo / 2; --i)
      if (is_space(s[i - 1])) {
        cut = i;
        break;
      }
    while (cut > 1 && !can_cut_at(s, cut)) --cut;
    std::string_view piece = s.substr(0, cut);
    while (!piece.empty() && is_space(piece.back())) piece.remove_suffix(1);
    out.emplace_back(piece);
    s.remove_prefix(cut);
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  }
  if (out.empty()) out.emplace_back();
  return out;
}

void RowFit::at_least(uint32_t row, double points) {
  double& h = points_[row];
  h = std::max(h, std::min(points, kMaxHeight));
}

void RowFit::lines(uint32_t row, int n, double font_pt) {
  const double h = std::max(1, n) * line_height(font_pt) + 3;
  double& points = points_[row];
  points = std::max(points, std::min(h, kMaxHeight));
}


namespace {

// The width (Excel's units) a line of `s` needs printed whole: its letters'
// widths in the printed font, the cell's margins.
double printed_width_units(std::string_view s, double size, bool bold) {
  const double ems = text::printed_ems(s) * RowFit::kGlyphSlack * (bold ? RowFit::kBoldWidth : 1.0);
  return ((ems * size + RowFit::kCellMargins) / 0.75 - 5) / 7;
}

}  // namespace

void FittedSheet::remember(uint32_t first_row, uint32_t last_row, uint32_t first_col, uint32_t last_col,
                           std::string_view s, const xlsx::Style& style, bool widens) {
  entries_.push_back({first_row, last_row, first_col, last_col, std::string(s), style.size, style.wrap, style.bold,
                      style.border, std::nullopt});
  if (!widens) return;
  // As SheetWriter's own tracking, so fitted widths agree with what it sets.
  double w = text::column_width_for(s, style.size);
  if (style.bold) w *= 1.05;
  double& widest = fitted_[first_col];
  widest = std::max(widest, w);
}

void FittedSheet::text(uint32_t row, uint32_t col, std::string_view s, const xlsx::Style& style) {
  ws_.text(row, col, s, style);
  remember(row, row, col, col, s, style, true);
  if (shrink_min_) entries_.back().rewrite = style;
}

void FittedSheet::number(uint32_t row, uint32_t col, double v, const xlsx::Style& style) {
  ws_.number(row, col, v, style);
  remember(row, row, col, col, "000.00", style, true);
}

void FittedSheet::ordinal(uint32_t row, uint32_t col, long n, const xlsx::Style& style) {
  if (ws_.digit_style() == text::DigitStyle::Thai) text(row, col, std::to_string(n), style);
  else number(row, col, static_cast<double>(n), style);
}

void FittedSheet::number_or_blank(uint32_t row, uint32_t col, std::optional<double> v,
                                  const xlsx::Style& style) {
  ws_.number_or_blank(row, col, v, style);
  remember(row, row, col, col, v ? "000.00" : "", style, v.has_value());
}

void FittedSheet::date(uint32_t row, uint32_t col, double serial, const xlsx::Style& style) {
  ws_.date(row, col, serial, style);
  remember(row, row, col, col, "00/00/0000", style, true);
}

void FittedSheet::blank(uint32_t row, uint32_t col, const xlsx::Style& style) {
  ws_.blank(row, col, style);
  remember(row, row, col, col, "", style, false);
}

void FittedSheet::link(uint32_t row, uint32_t col, const std::string& url, std::string_view label,
                       const xlsx::Style& style) {
  ws_.link(row, col, url, label, style);
  // LibreOffice prints a link's text on one line, wrapping or not
  // ("ความก้าวหน้า!D7" was cut to "ความก้าวหน้า"): its column is fitted to
  // the whole label, as a table's text that does not wrap.
  xlsx::Style one_line = style;
  one_line.wrap = false;
  remember(row, row, col, col, label, one_line, true);
}

void FittedSheet::merge(uint32_t first_row, uint32_t first_col, uint32_t last_row, uint32_t last_col,
                        std::string_view s, const xlsx::Style& style) {
  ws_.merge(first_row, first_col, last_row, last_col, s, style);
  remember(first_row, last_row, first_col, last_col, s, style, false);
}

void FittedSheet::written(uint32_t row, uint32_t col, const xlsx::Style& style, std::string_view shown) {
  remember(row, row, col, col, shown, style, !shown.empty());
}

// Wrapped columns give up width in proportion to what they have above
// their floor, so long texts keep the widest columns; repeated because a
// column stopped at its floor leaves the others more to give. A column's
// floor is the page's minimum, or the width of its widest text that does not
// wrap (a header typed on one line is not clipped).
void FittedSheet::narrow_to_page(std::map<uint32_t, double>& widths) {
  std::set<uint32_t> wrapped;
  std::map<uint32_t, double> floor;
  for (const auto& e : entries_) {
    if (e.first_col != e.last_col || e.text.empty()) continue;
    if (e.wrap) wrapped.insert(e.first_col);
    else floor[e.first_col] = std::max(floor[e.first_col], std::min(printed_width_units(e.text, e.size, e.bold), fit_max_));
  }
  for (const auto& [col, w] : word_floors()) floor[col] = std::max(floor[col], w);
  auto floor_of = [&](uint32_t col) {
    const auto it = floor.find(col);
    return std::max(page_->min_width, it == floor.end() ? 0.0 : it->second);
  };
  if (page_->auto_portrait_max) {
    double natural = 0;
    for (const auto& [col, w] : widths)
      if (!hidden_.count(col)) natural += w;
    page_->landscape = natural > *page_->auto_portrait_max;
  }
  const double budget = a4_printable_points(page_->landscape) / page_->min_scale;
  for (int round = 0; round < 4; ++round) {
    double fixed = 0, spare = 0;
    for (const auto& [col, w] : widths) {
      if (hidden_.count(col)) continue;
      const bool gives = wrapped.count(col) && w > floor_of(col);
      fixed += printed_points(gives ? floor_of(col) : w);
      if (gives) spare += printed_points(w) - printed_points(floor_of(col));
    }
    const double over = fixed + spare - budget;
    if (over <= 0.5 || spare <= 0) return;
    const double keep = std::max(0.0, 1 - over / spare);
    for (auto& [col, w] : widths)
      if (!hidden_.count(col) && wrapped.count(col) && w > floor_of(col)) w = floor_of(col) + (w - floor_of(col)) * keep;
  }
}

void FittedSheet::columns(uint32_t first, uint32_t last, double w, bool hidden, const xlsx::Style* style) {
  column_ranges_.push_back({first, last, w, hidden, style ? std::optional(*style) : std::nullopt});
}

void FittedSheet::row(uint32_t row, double at_least, bool hidden, const xlsx::Style* style) {
  rows_[row] = {row, row, at_least, hidden, style ? std::optional(*style) : std::nullopt};
}

const FittedSheet::Declared* FittedSheet::range_of(uint32_t col) const {
  for (const auto& r : column_ranges_)
    if (col >= r.first && col <= r.last) return &r;
  return nullptr;
}

// The widest word of the short texts (headings, labels) wrapped in one
// column, per column: a column narrower breaks it inside ("ไตรม/าส").
std::map<uint32_t, double> FittedSheet::word_floors() const {
  std::map<uint32_t, double> out;
  for (const auto& e : entries_) {
    if (e.first_col != e.last_col || !e.wrap || e.text.empty() || text::display_width(e.text) > kShortText) continue;
    // The widest word as printed (Thai words as ICU finds them: a column
    // may wrap "อยู่ระหว่าง|ดำเนินการ" between its words), in the units of
    // a column's width, with the cell's margins.
    const double ems = text::widest_word_ems(e.text) * RowFit::kGlyphSlack * (e.bold ? RowFit::kBoldWidth : 1.0);
    const double w = ((ems * e.size + RowFit::kCellMargins) / 0.75 - 5) / 7;
    double& widest = out[e.first_col];
    widest = std::max(widest, w);
  }
  return out;
}

FittedSheet::Widths FittedSheet::compute_widths() {
  Widths out;
  std::map<uint32_t, double>& final_width = out.final_width;
  final_width = widths_;
  for (const auto& [col, w] : fitted_)
    if (!widths_.count(col) && !range_of(col)) final_width[col] = std::clamp(w, fit_min_, fit_max_);
  for (const auto& [col, w] : word_floors())
    if (const auto it = final_width.find(col); it != final_width.end() && it->second < w) it->second = w;
  // A table's text that does not wrap is printed whole ("ข้อที่ต้องพัฒนาให้ดี
  // ขึ้น" ran past its column's border), up to the widest fitted column; one
  // outside a table may run on over the empty cells beside it.
  for (const auto& e : entries_) {
    if (e.first_col != e.last_col || e.wrap || !e.border || e.text.empty()) continue;
    const auto it = final_width.find(e.first_col);
    if (it == final_width.end()) continue;
    it->second = std::max(it->second, std::min(printed_width_units(e.text, e.size, e.bold), std::max(it->second, fit_max_)));
  }
  uint32_t last_used = 0;
  for (const auto& e : entries_) last_used = std::max(last_used, e.last_col);
  // A carried sheet's own column widths are narrowed with the rest: its
  // columns up to the last one written, one by one.
  if (page_) {
    std::map<uint32_t, double> all = final_width;
    for (const auto& r : column_ranges_)
      if (!r.hidden)
        for (uint32_t c = r.first; c <= std::min(r.last, last_used); ++c) all.emplace(c, r.points);
    if (grow_ && all.count(grow_->first) && !hidden_.count(grow_->first)) {
      double points = 0;
      for (const auto& [col, w] : all)
        if (!hidden_.count(col)) points += printed_points(w);
      const double room = a4_printable_points(page_->landscape) / grow_->second - points;
      if (room > 0) all[grow_->first] += room / 0.75 / 7;
    }
    narrow_to_page(all);
    for (auto& [col, w] : final_width) w = all[col];
    for (const auto& [col, w] : all)
      if (!final_width.count(col) && range_of(col) && w != range_of(col)->points) out.narrowed[col] = w;
  }
  out.last_used = last_used;
  return out;
}

double FittedSheet::planned_width(uint32_t col) {
  const Widths w = compute_widths();
  if (const auto it = w.narrowed.find(col); it != w.narrowed.end()) return it->second;
  if (const auto it = w.final_width.find(col); it != w.final_width.end()) return it->second;
  if (const Declared* r = range_of(col)) return r->points;
  return 8.43;  // Excel's default width
}

void FittedSheet::finish() {
  Widths computed = compute_widths();
  std::map<uint32_t, double>& final_width = computed.final_width;
  const std::map<uint32_t, double>& narrowed = computed.narrowed;  // declared column -> width on the page
  const uint32_t last_used = computed.last_used;
  total_width_ = total_points_ = 0;
  for (const auto& [col, w] : final_width) {
    if (hidden_.count(col)) {
      ws_.hide_column(col, w);
      continue;
    }
    ws_.column_width(col, w);
    total_width_ += w;
    total_points_ += printed_points(w);
  }
  for (const auto& r : column_ranges_) {
    const xlsx::Style* style = r.style ? &*r.style : nullptr;
    // Columns narrowed for the page are written one by one, the rest as the range.
    uint32_t from = r.first;
    for (uint32_t c = r.first; c <= std::min(r.last, last_used); ++c) {
      const auto it = narrowed.find(c);
      if (it == narrowed.end()) continue;
      if (c > from) ws_.column_format(from, c - 1, r.points, style, r.hidden);
      ws_.column_format(c, c, it->second, style, r.hidden);
      from = c + 1;
    }
    if (from <= r.last) ws_.column_format(from, r.last, r.points, style, r.hidden);
    if (r.hidden) continue;
    for (uint32_t c = r.first; c <= std::min(r.last, last_used); ++c) {
      const auto it = narrowed.find(c);
      const double w = it == narrowed.end() ? r.points : it->second;
      total_width_ += w;
      total_points_ += printed_points(w);
    }
  }
  auto width_of = [&](uint32_t c) {
    if (const auto it = narrowed.find(c); it != narrowed.end()) return it->second;
    if (const auto it = final_width.find(c); it != final_width.end()) return it->second;
    if (const Declared* r = range_of(c)) return r->points;
    return 8.43;  // Excel's default width
  };

  RowFit rows;
  // Single rows first; then a merge over several rows adds what its lines
  // need beyond the rows' own heights, shared out among them (an issue's
  // name beside its three questions makes no row taller than they need).
  std::vector<std::pair<const Entry*, int>> spanning;
  for (const auto& e : entries_) {
    if (e.first_col == e.last_col && hidden_.count(e.first_col)) continue;  // not printed
    double points = 0;
    for (uint32_t c = e.first_col; c <= e.last_col; ++c) points += printed_points(width_of(c));
    // A merge is as wide as its columns' printed widths together.
    const double total = (points / 0.75 - 5) / 7;
    int n = RowFit::count_lines(e.text, e.wrap ? total : 0, e.size, e.bold);
    double size = e.size;
    const auto declared = rows_.find(e.first_row);
    if (e.first_row == e.last_row && too_tall(n, size) && (declared == rows_.end() || !declared->second.hidden)) {
      if (const auto fit = shrink_to_fit(e, total)) std::tie(n, size) = *fit;
      else cut_.emplace_back(e.first_row, e.first_col);
    }
    if (e.first_row == e.last_row) rows.lines(e.first_row, n, size);
    else spanning.emplace_back(&e, n);
  }
  for (const auto& [e, n] : spanning) {
    const double needed = std::min(n * RowFit::line_height(e->size) + 3, RowFit::kMaxHeight * (e->last_row - e->first_row + 1));
    double have = 0;
    for (uint32_t r = e->first_row; r <= e->last_row; ++r) {
      const auto d = rows_.find(r);
      have += std::max(rows.height(r) > 0 ? rows.height(r) : RowFit::kDefaultHeight, d == rows_.end() ? 0.0 : d->second.points);
    }
    if (needed <= have) continue;
    const double more = (needed - have) / (e->last_row - e->first_row + 1);
    for (uint32_t r = e->first_row; r <= e->last_row; ++r)
      rows.at_least(r, (rows.height(r) > 0 ? rows.height(r) : RowFit::kDefaultHeight) + more);
  }
  for (const auto& [row, points] : rows.heights())
    if (!rows_.count(row)) ws_.row_height(row, points);
  for (const auto& [row, d] : rows_)
    ws_.row_format(row, std::max(d.points, rows.height(row)), d.style ? &*d.style : nullptr, d.hidden);
  if (page_ && !blocks_.empty()) {
    std::map<uint32_t, double> heights = rows.heights();
    for (const auto& [row, d] : rows_) heights[row] = d.hidden ? 0 : std::max(d.points, rows.height(row));
    ws_.page_breaks(page_breaks(heights));
  }
}

std::optional<std::pair<int, double>> FittedSheet::shrink_to_fit(const Entry& e, double width) {
  if (!e.rewrite || !e.wrap || e.first_col != e.last_col) return std::nullopt;
  for (double pt = std::ceil(e.size) - 1; pt >= *shrink_min_; pt -= 1) {
    const int lines = RowFit::count_lines(e.text, width, pt, e.bold);
    if (too_tall(lines, pt)) continue;
    xlsx::Style smaller = *e.rewrite;
    smaller.size = pt;
    ws_.text(e.first_row, e.first_col, e.text, smaller);
    shrunk_.push_back({e.first_row, e.first_col, e.size, pt});
    return std::make_pair(lines, pt);
  }
  return std::nullopt;
}

// The printer's own breaks, simulated row by row on the fitted page (A4
// inside print_setup's margins, at the scale fit-to-width gives), with a
// break moved up to the start of a block it would cut.
std::vector<uint32_t> FittedSheet::page_breaks(const std::map<uint32_t, double>& heights) const {
  auto height = [&](uint32_t r) {
    const auto it = heights.find(r);
    return it == heights.end() ? RowFit::kDefaultHeight : it->second;
  };
  const double printable_width = a4_printable_points(page_->landscape);
  // LibreOffice, which prints the PDF, gives a column 5.54 points a unit of
  // its stored width (Carlito's digit at 11 pt; the stored width is the
  // declared one and Excel's 5-pixel padding), a little more than Excel's
  // 7 pixels (5.25 points): fitted to the page's width, the sheet prints
  // smaller, and a page holds rows for more points than Excel's widths say.
  const double lo_points = total_points_ * 5.54 / 5.25;
  const double scale = lo_points > 0 ? std::min(1.0, printable_width / lo_points) : 1.0;
  // Height inside the top and bottom margins (0.75 in each), a little kept
  // back for the printers' rounding.
  const double page = ((page_->landscape ? 595.0 : 842.0) - 108.0) / scale * 0.99;
  double repeated = 0;
  if (repeated_)
    for (uint32_t r = repeated_->first; r <= repeated_->second; ++r) repeated += height(r);
  uint32_t last_row = 0;
  for (const auto& e : entries_) last_row = std::max(last_row, e.last_row);
  for (const auto& [first, last] : blocks_) last_row = std::max(last_row, last);  // a chart's rows hold no text

  std::vector<uint32_t> breaks;
  double used = 0;
  for (uint32_t r = 0; r <= last_row; ++r) {
    double need = height(r);
    const auto block = blocks_.find(r);
    uint32_t end = r;
    if (block != blocks_.end()) {
      // Blocks that overlap are one (the legend with the table's last issue).
      end = block->second;
      for (auto next = std::next(block); next != blocks_.end() && next->first <= end; ++next)
        end = std::max(end, next->second);
      double whole = 0;
      for (uint32_t b = r; b <= end; ++b) whole += height(b);
      if (whole + repeated <= page) need = whole;
      else end = r;  // longer than a page: printed row by row
    }
    if (used + need > page && used > repeated) {
      breaks.push_back(r);
      used = repeated;
    }
    if (end > r) {
      used += need;
      r = end;
    } else {
      used += height(r);
    }
  }
  return breaks;
}

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

std::string page_footer(text::DigitStyle digits) { return digits == text::DigitStyle::Thai ? "" : "&Cหน้า &P / &N"; }

std::string page_footer(const xlsx::SheetWriter& ws) {
  const auto style = ws.digit_style();
  return style ? page_footer(*style) : "&Cหน้า &P / &N";
}

std::string agency_line(const model::Agency& agency) {
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

void print_setup(xlsx::SheetWriter& ws, const model::Agency& agency, const std::string& subject,
                 bool landscape, uint32_t header_first_row, uint32_t header_last_row,
                 std::optional<text::DigitStyle> digits) {
  ws.freeze(header_last_row + 1);
  ws.repeat_rows(header_first_row, header_last_row);
  print_setup_plain(ws, agency, subject, landscape, digits);
}

void print_setup_plain(xlsx::SheetWriter& ws, const model::Agency& agency, const std::string& subject, bool landscape,
                       std::optional<text::DigitStyle> digits) {
  ws.a4(landscape);
  ws.header_footer("&L" + escape_header(agency.name) + "&R" + escape_header(subject),
                   digits ? page_footer(*digits) : page_footer(ws));
}

}  // namespace itawb::output

// SheetWriter: a sheet's cells, columns, rows, validations, comments, charts
// and page setup, through libxlsxwriter (xlsx/writer.hpp). The workbook
// (sheets, formats, closing the package): xlsx/workbook_writer.cpp.
#include "xlsx/writer.hpp"

#include <xlsxwriter.h>

#include <algorithm>

#include "base/error.hpp"
#include "text/width.hpp"
#include "xlsx/writer_check.hpp"

namespace itawb::xlsx {

void check(lxw_error err, const char* what) {
  // Writing past Excel's limits is a programming error here: data is checked
  // before it reaches the writer.
  if (err != LXW_NO_ERROR)
    throw Error("write-failed", std::string("เขียนไฟล์ xlsx ไม่ได้: ") + what + ": " + lxw_strerror(err),
                std::string("xlsx writer: ") + what + ": " + lxw_strerror(err));
}

namespace {

uint8_t lxw_validation_type(Validation::Type t) {
  switch (t) {
    case Validation::Type::Whole: return LXW_VALIDATION_TYPE_INTEGER_FORMULA;
    case Validation::Type::Decimal: return LXW_VALIDATION_TYPE_DECIMAL_FORMULA;
    case Validation::Type::List: return LXW_VALIDATION_TYPE_LIST_FORMULA;
    case Validation::Type::Date: return LXW_VALIDATION_TYPE_DATE_FORMULA;
    case Validation::Type::Time: return LXW_VALIDATION_TYPE_TIME_FORMULA;
    case Validation::Type::TextLength: return LXW_VALIDATION_TYPE_LENGTH_FORMULA;
    case Validation::Type::Custom: return LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
    case Validation::Type::Any: break;
  }
  return LXW_VALIDATION_TYPE_ANY;
}

bool hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// A cell's text as written, with OOXML's escapes (ECMA-376 Part 1,
// 22.9.2.19 ST_Xstring): readers turn "_x000D_" into a carriage return and
// "_x0041_" into "A", so the "_" that starts a literal "_xHHHH_" is written
// "_x005F_" and the text reads back as it was; a carriage return is written
// "_x000D_" (as Excel does: XML readers turn a raw one into a line feed).
// libxlsxwriter writes strings as given and refuses more than 32,767 code
// points, counting the escapes: where they push a text over, it is cut
// before the character that would not fit.
std::string cell_text(const std::string& clean) {
  if (clean.find("_x") == std::string::npos && clean.find('\r') == std::string::npos) return clean;
  std::string out;
  out.reserve(clean.size() + 12);
  size_t units = 0;
  for (size_t i = 0; i < clean.size();) {
    size_t len = 1;
    const auto lead = static_cast<unsigned char>(clean[i]);
    if (lead >= 0xF0) len = 4;
    else if (lead >= 0xE0) len = 3;
    else if (lead >= 0xC0) len = 2;
    len = std::min(len, clean.size() - i);
    std::string_view piece(clean.data() + i, len);
    size_t piece_units = len == 4 ? 2 : 1;
    if (clean[i] == '\r') {
      piece = "_x000D_";
      piece_units = 7;
    } else if (clean[i] == '_' && i + 6 < clean.size() && clean[i + 1] == 'x' && hex(clean[i + 2]) &&
               hex(clean[i + 3]) && hex(clean[i + 4]) && hex(clean[i + 5]) && clean[i + 6] == '_') {
      piece = "_x005F_";
      piece_units = 7;
    }
    if (units + piece_units > text::kMaxCellUnits) break;
    units += piece_units;
    out += piece;
    i += len;
  }
  return out;
}

// A C string libxlsxwriter may read (it copies), or nullptr for "".
char* c_text(std::string& s) { return s.empty() ? nullptr : s.data(); }

}  // namespace

// ---- SheetWriter -------------------------------------------------------------

void SheetWriter::track(uint32_t col, std::string_view s, const Style& style) {
  double w = text::column_width_for(s, style.size);
  if (style.bold) w *= 1.05;
  double& widest = fitted_[col];
  widest = std::max(widest, w);
}

namespace {

// Thai digits except in codes: a run of digits right after a Latin letter
// ("o10", "i1", "e9") stays as the framework writes it.
std::string thai_digits_but_codes(const std::string& s) {
  std::string out;
  out.reserve(s.size() * 3);
  bool code = false;  // inside a letter's run of digits
  for (char c : s) {
    const bool digit = c >= '0' && c <= '9';
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (digit && !code) out += text::thai_digits(std::string_view(&c, 1));
    else out.push_back(c);
    code = letter || (code && digit);
  }
  return out;
}

}  // namespace

std::string SheetWriter::shown(std::string_view s) const {
  const std::string clean = text::sanitize_for_xlsx(s);
  if (!digits_) return clean;
  return *digits_ == text::DigitStyle::Thai ? thai_digits_but_codes(clean) : text::arabic_digits(clean);
}

void SheetWriter::text(uint32_t row, uint32_t col, std::string_view s, const Style& style) {
  const std::string clean = shown(s);
  if (clean.empty()) return blank(row, col, style);
  check(worksheet_write_string(ws_, row, static_cast<lxw_col_t>(col), cell_text(clean).c_str(),
                               owner_->format(style)),
        "write_string");
  track(col, clean, style);
}

void SheetWriter::number(uint32_t row, uint32_t col, double v, const Style& style) {
  check(worksheet_write_number(ws_, row, static_cast<lxw_col_t>(col), v, owner_->format(style)),
        "write_number");
  track(col, "000.00", style);
}

void SheetWriter::number_or_blank(uint32_t row, uint32_t col, std::optional<double> v,
                                  const Style& style) {
  if (v) return number(row, col, *v, style);
  blank(row, col, style);
}

void SheetWriter::boolean(uint32_t row, uint32_t col, bool v, const Style& style) {
  check(worksheet_write_boolean(ws_, row, static_cast<lxw_col_t>(col), v, owner_->format(style)),
        "write_boolean");
}

void SheetWriter::blank(uint32_t row, uint32_t col, const Style& style) {
  check(worksheet_write_blank(ws_, row, static_cast<lxw_col_t>(col), owner_->format(style)),
        "write_blank");
}

void SheetWriter::date(uint32_t row, uint32_t col, double serial, const Style& style) {
  Style s = style;
  if (s.num_format.empty()) s.num_format = "d mmm yyyy";
  check(worksheet_write_number(ws_, row, static_cast<lxw_col_t>(col), serial, owner_->format(s)),
        "write_date");
  // As wide as its format shows it: a long code ("yyyy-mm-dd h:mm:ss") is
  // about as wide as what it shows, else it prints as ###.
  track(col, s.num_format.size() > 11 ? s.num_format + "0" : std::string("00 MMM 0000"), s);
}

void SheetWriter::formula(uint32_t row, uint32_t col, const std::string& f, double result,
                          const Style& style) {
  check(worksheet_write_formula_num(ws_, row, static_cast<lxw_col_t>(col), f.c_str(),
                                    owner_->format(style), result),
        "write_formula");
  track(col, "000.00", style);
}

void SheetWriter::link(uint32_t row, uint32_t col, const std::string& url, std::string_view label,
                       const Style& style) {
  const std::string clean = shown(label);
  Style s = style;
  if (!s.color) s.color = 0x0563C1;
  check(worksheet_write_url_opt(ws_, row, static_cast<lxw_col_t>(col), url.c_str(),
                                owner_->format(s), cell_text(clean).c_str(), nullptr),
        "write_url");
  track(col, clean, s);
}

void SheetWriter::merge(uint32_t first_row, uint32_t first_col, uint32_t last_row,
                        uint32_t last_col, std::string_view s, const Style& style) {
  const std::string clean = shown(s);
  check(worksheet_merge_range(ws_, first_row, static_cast<lxw_col_t>(first_col), last_row,
                              static_cast<lxw_col_t>(last_col), cell_text(clean).c_str(),
                              owner_->format(style)),
        "merge_range");
}

void SheetWriter::column_width(uint32_t col, double width) {
  check(worksheet_set_column(ws_, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col),
                             std::min(255.0, width), nullptr),
        "set_column");
}

void SheetWriter::hide_column(uint32_t col, double width) {
  lxw_row_col_options options{};
  options.hidden = 1;
  check(worksheet_set_column_opt(ws_, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col),
                                 std::min(255.0, width), nullptr, &options),
        "set_column_opt");
}

void SheetWriter::column_format(uint32_t first, uint32_t last, double width, const Style* style, bool hidden) {
  lxw_row_col_options options{};
  options.hidden = hidden ? 1 : 0;
  check(worksheet_set_column_opt(ws_, static_cast<lxw_col_t>(first), static_cast<lxw_col_t>(last),
                                 std::clamp(width, 0.0, 255.0), style ? owner_->format(*style) : nullptr,
                                 &options),
        "set_column_opt");
}

void SheetWriter::row_format(uint32_t row, double points, const Style* style, bool hidden) {
  lxw_row_col_options options{};
  options.hidden = hidden ? 1 : 0;
  check(worksheet_set_row_opt(ws_, row, points > 0 ? std::min(points, 409.0) : LXW_DEF_ROW_HEIGHT,
                              style ? owner_->format(*style) : nullptr, &options),
        "set_row_opt");
}

bool SheetWriter::validation(uint32_t first_row, uint32_t first_col, uint32_t last_row, uint32_t last_col,
                             const Validation& v) {
  Validation copy = v;  // libxlsxwriter takes char*, and copies
  lxw_data_validation dv{};
  dv.validate = lxw_validation_type(v.type);
  const bool between = v.op == Validation::Op::Between || v.op == Validation::Op::NotBetween;
  const bool has_op = v.type != Validation::Type::List && v.type != Validation::Type::Custom &&
                      v.type != Validation::Type::Any;
  if (has_op) dv.criteria = static_cast<uint8_t>(v.op == Validation::Op::None ? Validation::Op::Between : v.op);
  if (has_op && (between || v.op == Validation::Op::None)) {
    if (copy.formula1.empty() || copy.formula2.empty()) return false;
    dv.minimum_formula = copy.formula1.data();
    dv.maximum_formula = copy.formula2.data();
  } else {
    if (copy.formula1.empty() && v.type != Validation::Type::Any) return false;
    dv.value_formula = c_text(copy.formula1);
  }
  // libxlsxwriter's flags are "off" flags for what is on by default.
  dv.ignore_blank = v.allow_blank ? LXW_VALIDATION_ON : LXW_VALIDATION_OFF;
  dv.show_input = v.show_input ? LXW_VALIDATION_ON : LXW_VALIDATION_OFF;
  dv.show_error = v.show_error ? LXW_VALIDATION_ON : LXW_VALIDATION_OFF;
  dv.dropdown = v.no_dropdown ? LXW_VALIDATION_OFF : LXW_VALIDATION_ON;
  dv.error_type = v.error_style;
  dv.input_title = c_text(copy.prompt_title);
  dv.input_message = c_text(copy.prompt);
  dv.error_title = c_text(copy.error_title);
  dv.error_message = c_text(copy.error);
  return worksheet_data_validation_range(ws_, first_row, static_cast<lxw_col_t>(first_col), last_row,
                                         static_cast<lxw_col_t>(last_col), &dv) == LXW_NO_ERROR;
}

void SheetWriter::comment(uint32_t row, uint32_t col, std::string_view s) {
  std::string clean = cell_text(text::sanitize_for_xlsx(s));
  std::string font = "TH SarabunPSK";
  lxw_comment_options options{};
  options.font_name = font.data();
  options.font_size = 14;
  options.width = 320;
  options.height = 120;
  check(worksheet_write_comment_opt(ws_, row, static_cast<lxw_col_t>(col), clean.c_str(), &options),
        "write_comment");
}

void SheetWriter::fit_columns(double min_width, double max_width) {
  for (const auto& [col, w] : fitted_) column_width(col, std::clamp(w, min_width, max_width));
}

void SheetWriter::row_height(uint32_t row, double points) {
  check(worksheet_set_row(ws_, row, points, nullptr), "set_row");
}

void SheetWriter::chart(uint32_t row, uint32_t col, const ChartSpec& spec) {
  using K = ChartSpec::Kind;
  using S = ChartSpec::Stacking;
  const uint8_t type = spec.kind == K::Bar
                           ? (spec.stacking == S::Percent   ? LXW_CHART_BAR_STACKED_PERCENT
                              : spec.stacking == S::Stacked ? LXW_CHART_BAR_STACKED
                                                            : LXW_CHART_BAR)
                           : (spec.stacking == S::Percent   ? LXW_CHART_COLUMN_STACKED_PERCENT
                              : spec.stacking == S::Stacked ? LXW_CHART_COLUMN_STACKED
                                                            : LXW_CHART_COLUMN);
  lxw_chart* c = workbook_add_chart(owner_->raw(), type);
  const std::string sheet = spec.sheet.empty() ? name_ : spec.sheet;
  if (!c) throw Error("write-failed", "สร้างแผนภูมิไม่ได้", "cannot add a chart", name_);
  // libxlsxwriter copies every string it is given.
  std::string font = Style{}.font;
  lxw_chart_font text{};
  text.name = font.data();
  text.size = spec.font_pt;
  lxw_chart_font title = text;
  title.size = spec.font_pt + 2;
  title.bold = 1;
  const std::string title_text = shown(spec.title);
  chart_title_set_name(c, title_text.c_str());
  chart_title_set_name_font(c, &title);
  chart_legend_set_font(c, &text);
  chart_legend_set_position(c, LXW_CHART_LEGEND_BOTTOM);
  chart_axis_set_num_font(c->x_axis, &text);
  chart_axis_set_num_font(c->y_axis, &text);
  lxw_chart_axis* values = c->y_axis;  // a bar chart's values run along x
  if (spec.kind == ChartSpec::Kind::Bar) {
    values = c->x_axis;
    chart_axis_set_reverse(c->y_axis);  // categories top to bottom, as in the table
  }
  if (spec.value_min) chart_axis_set_min(values, *spec.value_min);
  if (spec.value_max) chart_axis_set_max(values, *spec.value_max);
  if (!spec.value_format.empty()) chart_axis_set_num_format(values, spec.value_format.c_str());
  if (spec.show_hidden_data) chart_show_hidden_data(c);
  const std::string category_title = shown(spec.category_title), value_title = shown(spec.value_title);
  if (!category_title.empty()) {
    chart_axis_set_name(values == c->y_axis ? c->x_axis : c->y_axis, category_title.c_str());
    chart_axis_set_name_font(values == c->y_axis ? c->x_axis : c->y_axis, &text);
  }
  if (!value_title.empty()) {
    chart_axis_set_name(values, value_title.c_str());
    chart_axis_set_name_font(values, &text);
  }
  for (const auto& s : spec.series) {
    lxw_chart_series* series = chart_add_series(c, nullptr, nullptr);
    chart_series_set_categories(series, sheet.c_str(), spec.categories.first_row,
                                static_cast<lxw_col_t>(spec.categories.col), spec.categories.last_row,
                                static_cast<lxw_col_t>(spec.categories.col));
    chart_series_set_values(series, sheet.c_str(), s.values.first_row, static_cast<lxw_col_t>(s.values.col),
                            s.values.last_row, static_cast<lxw_col_t>(s.values.col));
    const std::string series_name = shown(s.name);
    chart_series_set_name(series, series_name.c_str());
    if (s.color) {
      lxw_chart_fill fill{};
      fill.color = s.color;
      chart_series_set_fill(series, &fill);
    }
    if (spec.labels) {
      chart_series_set_labels(series);
      chart_series_set_labels_font(series, &text);
      if (!spec.value_format.empty()) chart_series_set_labels_num_format(series, spec.value_format.c_str());
    }
  }
  lxw_chart_options options{};
  options.x_scale = spec.width_px / 480.0;  // libxlsxwriter's chart is 480 x 288 pixels
  options.y_scale = spec.height_px / 288.0;
  check(worksheet_insert_chart_opt(ws_, row, static_cast<lxw_col_t>(col), c, &options), "insert_chart");
}

void SheetWriter::page_breaks(std::vector<uint32_t> before_rows) {
  std::vector<lxw_row_t> breaks;
  for (uint32_t r : before_rows)
    if (r > 0 && breaks.size() < 1023) breaks.push_back(r);
  if (breaks.empty()) return;
  breaks.push_back(0);  // the end of the list
  check(worksheet_set_h_pagebreaks(ws_, breaks.data()), "set_h_pagebreaks");
}

void SheetWriter::freeze(uint32_t rows, uint32_t cols) {
  worksheet_freeze_panes(ws_, rows, static_cast<lxw_col_t>(cols));
}

void SheetWriter::autofilter(uint32_t first_row, uint32_t first_col, uint32_t last_row, uint32_t last_col) {
  check(worksheet_autofilter(ws_, first_row, static_cast<lxw_col_t>(first_col), last_row,
                             static_cast<lxw_col_t>(last_col)),
        "autofilter");
}

void SheetWriter::repeat_rows(uint32_t first_row, uint32_t last_row) {
  check(worksheet_repeat_rows(ws_, first_row, last_row), "repeat_rows");
}

void SheetWriter::a4(bool landscape, bool fit_width) {
  worksheet_set_paper(ws_, 9);  // 9 = A4
  if (landscape) worksheet_set_landscape(ws_);
  else worksheet_set_portrait(ws_);
  worksheet_set_margins(ws_, 0.5, 0.5, 0.75, 0.75);
  if (fit_width) worksheet_fit_to_pages(ws_, 1, 0);
}

namespace {

// A header or footer in a digit style; digits right after "&" are a font
// size code ("&16"), not text, and stay as they are.
std::string header_digits(const std::string& s, std::optional<text::DigitStyle> style) {
  if (!style) return s;
  if (*style == text::DigitStyle::Arabic) return text::arabic_digits(s);
  std::string out;
  bool code = false;  // inside "&<digits>"
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '&' && i + 1 < s.size() && s[i + 1] == '&') {  // a literal "&"
      out += "&&";
      ++i;
      code = false;
      continue;
    }
    const bool digit = c >= '0' && c <= '9';
    if (digit && !code) out += text::thai_digits(std::string_view(&s[i], 1));
    else out += c;
    code = c == '&' || (code && digit);
  }
  return out;
}

}  // namespace

void SheetWriter::header_footer(const std::string& header, const std::string& footer) {
  // Excel caps each at 255 characters; longer text is cut (on a character
  // boundary: a split Thai character makes the file unreadable) rather than refused.
  auto cap = [this](const std::string& s) { return text::cut_utf8(header_digits(s, digits_), 250, 250); };
  if (!header.empty()) check(worksheet_set_header(ws_, cap(header).c_str()), "set_header");
  if (!footer.empty()) check(worksheet_set_footer(ws_, cap(footer).c_str()), "set_footer");
}

void SheetWriter::hide() { worksheet_hide(ws_); }
void SheetWriter::activate() { worksheet_activate(ws_); }
void SheetWriter::tab_color(uint32_t rgb) { worksheet_set_tab_color(ws_, rgb); }

void SheetWriter::protect() {
  lxw_protection options{};
  options.format_columns = 1;  // people may still widen columns to read
  options.format_rows = 1;
  worksheet_protect(ws_, nullptr, &options);
}

}  // namespace itawb::xlsx

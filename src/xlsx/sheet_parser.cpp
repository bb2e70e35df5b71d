#include "xlsx/sheet_parser.hpp"

#include "base/charconv.hpp"

#include <charconv>
#include <cstring>

#include "xlsx/file_errors.hpp"

namespace itawb::xlsx {
namespace {

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// "A1", "$A$1" shaped (letters then digits), whatever the size.
bool looks_like_ref(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '$') ++i;
  const size_t letters = i;
  while (i < s.size() && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z'))) ++i;
  if (i == letters) return false;
  if (i < s.size() && s[i] == '$') ++i;
  const size_t digits = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i > digits && i == s.size();
}

// "2024-10-01", "2024-10-01T08:30:00(.fff)(Z)", "08:30:00" -> 1900-system serial.
std::optional<double> iso_to_serial(std::string_view s) {
  int y = 1899, mo = 12, d = 30, h = 0, mi = 0;
  double sec = 0;
  auto num = [&](size_t pos, size_t len, int& out) {
    if (pos + len > s.size()) return false;
    const auto [p, ec] = std::from_chars(s.data() + pos, s.data() + pos + len, out);
    return ec == std::errc() && p == s.data() + pos + len;
  };
  size_t t = 0;
  if (s.size() >= 10 && s[4] == '-') {
    if (!num(0, 4, y) || s[4] != '-' || !num(5, 2, mo) || s[7] != '-' || !num(8, 2, d))
      return std::nullopt;
    if (s.size() == 10) return datetime_to_serial(y, mo, d);
    if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
    t = 11;
  }
  if (!num(t, 2, h) || s.size() < t + 5 || s[t + 2] != ':' || !num(t + 3, 2, mi))
    return std::nullopt;
  if (s.size() > t + 5 && s[t + 5] == ':') {
    size_t end = t + 6;
    while (end < s.size() && ((s[end] >= '0' && s[end] <= '9') || s[end] == '.')) ++end;
    parse_double(s.data() + t + 6, s.data() + end, sec);
  }
  const double day = datetime_to_serial(y, mo, d);
  return day + (h * 3600 + mi * 60 + sec) / 86400.0;
}

}  // namespace

SheetParser::SheetParser(const SheetContext& ctx, const CellSink& on_cell,
                         const MergeSink& on_merge)
    : ctx_(ctx), on_cell_(on_cell), on_merge_(on_merge) {}

void SheetParser::bad_ref(const char* ref) const {
  const std::string r = ref ? ref : "";
  if (looks_like_ref(r)) errors::out_of_grid(ctx_.path, ctx_.sheet_name, r);
  errors::bad_value(ctx_.path, ctx_.sheet_name, r, "bad cell reference");
}

void SheetParser::start(std::string_view name, const char** attrs) {
  if (name.size() == 1) {
    switch (name[0]) {
      case 'c': start_cell(attrs); return;
      case 'v':
        if (in_cell_) {
          have_v_ = true;
          value_.clear();
          collecting_ = &value_;
        }
        return;
      case 'f':
        if (in_cell_) cell_.formula = true;
        return;
      case 't':
        if (in_is_ && phonetic_depth_ == 0) collecting_ = &inline_;
        return;
      default: return;
    }
  }
  if (name == "row") {
    start_row(attrs);
  } else if (name == "is") {
    if (in_cell_) {
      in_is_ = have_is_ = true;
      inline_.clear();
    }
  } else if (name == "rPh") {
    ++phonetic_depth_;
  } else if (name == "mergeCell") {
    add_merge(find_attr(attrs, "ref"));
  }
}

void SheetParser::end(std::string_view name) {
  if (name.size() == 1) {
    switch (name[0]) {
      case 'c':
        if (in_cell_) finish_cell();
        in_cell_ = false;
        return;
      case 'v':
      case 't': collecting_ = nullptr; return;
      default: return;
    }
  }
  if (name == "is") {
    in_is_ = false;
  } else if (name == "rPh") {
    --phonetic_depth_;
  }
}

void SheetParser::text(const char* data, int len) {
  if (collecting_) collecting_->append(data, static_cast<size_t>(len));
}

void SheetParser::start_row(const char** attrs) {
  const char* r = find_attr(attrs, "r");
  if (r) {
    uint64_t n = 0;
    const std::string_view v(r);
    const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || p != v.data() + v.size() || n == 0)
      errors::bad_value(ctx_.path, ctx_.sheet_name, "row " + std::string(v), "bad row number");
    if (n > kMaxRows) errors::out_of_grid(ctx_.path, ctx_.sheet_name, "A" + std::string(v));
    row_ = static_cast<int64_t>(n - 1);
  } else {
    ++row_;  // rows without r= follow the previous row
    if (row_ >= kMaxRows) errors::out_of_grid(ctx_.path, ctx_.sheet_name, "A" + std::to_string(row_ + 1));
  }
  last_col_ = -1;
}

void SheetParser::start_cell(const char** attrs) {
  in_cell_ = true;
  have_v_ = have_is_ = in_is_ = false;
  value_.clear();   // a cell without <v> must not see the previous cell's value
  inline_.clear();
  phonetic_depth_ = 0;
  cell_.formula = false;
  type_ = 'n';
  uint32_t style = 0;
  const char* ref = nullptr;
  for (const char** a = attrs; a[0]; a += 2) {
    const std::string_view key = local_name(a[0]);
    if (key.size() != 1) continue;
    if (key[0] == 'r') {
      ref = a[1];
    } else if (key[0] == 's') {
      const std::string_view v(a[1]);
      std::from_chars(v.data(), v.data() + v.size(), style);
    } else if (key[0] == 't') {
      const std::string_view t(a[1]);
      type_ = t == "str" ? 'S' : t == "inlineStr" ? 'i' : t.empty() ? 'n' : t[0];
    }
  }
  cell_.style = style;
  if (ref) {
    const auto parsed = parse_ref(ref);
    if (!parsed) bad_ref(ref);
    if (row_ < 0 || static_cast<int64_t>(parsed->row) != row_) row_ = parsed->row;
    cell_.row = parsed->row;
    cell_.col = parsed->col;
  } else {
    // Cells without r= follow the previous cell of the row.
    if (row_ < 0) row_ = 0;
    if (last_col_ + 1 >= kMaxCols)
      errors::out_of_grid(ctx_.path, ctx_.sheet_name,
                          "XFE" + std::to_string(row_ + 1));
    cell_.row = static_cast<uint32_t>(row_);
    cell_.col = static_cast<uint32_t>(last_col_ + 1);
  }
  last_col_ = cell_.col;
}

bool SheetParser::set_number(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double v = 0;
  const auto [p, ec] = parse_double(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || text.empty()) return false;
  cell_.number = v;
  return true;
}

void SheetParser::finish_cell() {
  if (!have_v_ && !have_is_ && !cell_.formula) return;  // style-only cell
  Cell& c = cell_;
  c.uncalculated = false;
  c.number = 0;
  c.text.clear();
  const bool value_empty = !have_v_ || value_.empty();
  auto error_cell = [&](const char* code) {
    c.type = CellType::Error;
    c.text = code;
  };

  switch (type_) {
    case 's': {
      if (value_empty) break;
      uint32_t index = 0;
      const std::string_view v = trim(value_);
      const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), index);
      if (ec != std::errc() || p != v.data() + v.size() || index >= ctx_.strings.size())
        errors::bad_value(ctx_.path, ctx_.sheet_name, c.ref(),
                          "shared string " + value_ + " does not exist");
      c.type = CellType::String;
      c.text = ctx_.strings[index];
      break;
    }
    case 'i':
      c.type = CellType::String;
      c.text = have_is_ ? inline_ : value_;
      decode_xstring(c.text);
      break;
    case 'S':
      c.type = CellType::String;
      c.text = value_;
      decode_xstring(c.text);
      break;
    case 'b':
      if (value_empty) break;
      if (const int b = parse_xsd_bool(value_); b >= 0) {
        c.type = CellType::Boolean;
        c.number = b;
      } else {
        error_cell("#VALUE!");  // never guess "true" from garbage
      }
      break;
    case 'e':
      if (value_empty) break;
      c.type = CellType::Error;
      c.text = trim(value_);
      break;
    case 'd':
      if (value_empty) break;
      if (const auto serial = iso_to_serial(trim(value_))) {
        c.type = CellType::Date;
        c.number = *serial;
      } else {
        error_cell("#VALUE!");
      }
      break;
    default:  // 'n' and unknown types
      if (value_empty) break;
      if (!set_number(value_)) {
        error_cell("#VALUE!");
        break;
      }
      c.type = CellType::Number;
      if (ctx_.styles.kind(c.style) == FormatKind::Date) {
        c.type = CellType::Date;
        if (ctx_.date1904) c.number += 1462;
      }
      break;
  }

  if (value_empty && !(type_ == 'i' && have_is_) && !(type_ == 'S' && have_v_)) {
    if (!c.formula) return;  // e.g. <c t="n"><v/></c>: nothing there
    c.type = CellType::String;  // formula without a cached value
    c.text.clear();
    c.uncalculated = true;
  }
  if (c.type == CellType::String && c.text.empty() && !c.formula) return;

  if (++cells_ > ctx_.limits.max_cells_per_sheet)
    errors::too_large(ctx_.path, ctx_.sheet_name,
                      "เซลล์เกิน " + std::to_string(ctx_.limits.max_cells_per_sheet) + " เซลล์",
                      "more than " + std::to_string(ctx_.limits.max_cells_per_sheet) + " cells");
  on_cell_(c);
}

void SheetParser::add_merge(const char* ref) {
  if (!ref || !on_merge_) return;
  const std::string_view r(ref);
  const size_t colon = r.find(':');
  const auto first = parse_ref(r.substr(0, colon));
  const auto last = colon == std::string_view::npos ? first : parse_ref(r.substr(colon + 1));
  if (!first || !last) bad_ref(ref);
  Range range{std::min(first->row, last->row), std::min(first->col, last->col),
              std::max(first->row, last->row), std::max(first->col, last->col)};
  on_merge_(range);
}

}  // namespace itawb::xlsx

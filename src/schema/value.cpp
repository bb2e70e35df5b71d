#include "schema/value.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

#include "text/thai.hpp"

namespace itawb::schema {

std::string format_number(double v) {
  if (std::isnan(v)) return "NaN";
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  for (int precision = 1; precision <= 17; ++precision) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) return buf;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

namespace {

// Days since 1970-01-01 -> civil date (Howard Hinnant's algorithm).
void civil_from_days(long z, int& y, int& m, int& d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long yy = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yy + (m <= 2));
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[static_cast<size_t>(m - 1)];
}

std::optional<std::string> iso(int y, int m, int d) {
  if (y > 2400) y -= 543;  // Buddhist era
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

// Thai month names, full and abbreviated (compared without dots and spaces).
int thai_month(std::string_view word) {
  static const std::array<std::array<const char*, 2>, 12> months{{
      {"มกราคม", "มค"}, {"กุมภาพันธ์", "กพ"}, {"มีนาคม", "มีค"}, {"เมษายน", "เมย"},
      {"พฤษภาคม", "พค"}, {"มิถุนายน", "มิย"}, {"กรกฎาคม", "กค"}, {"สิงหาคม", "สค"},
      {"กันยายน", "กย"}, {"ตุลาคม", "ตค"}, {"พฤศจิกายน", "พย"}, {"ธันวาคม", "ธค"}}};
  std::string key;
  for (char c : word)
    if (c != '.' && c != ' ') key += c;
  for (size_t i = 0; i < months.size(); ++i)
    if (key == months[i][0] || key == months[i][1]) return static_cast<int>(i + 1);
  return 0;
}

std::optional<int> to_int(std::string_view s) {
  int v = 0;
  if (s.empty()) return std::nullopt;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::vector<std::string> split_any(std::string_view s, std::string_view separators) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : s) {
    if (separators.find(c) != std::string_view::npos) {
      if (!cur.empty()) parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) parts.push_back(cur);
  return parts;
}

}  // namespace

std::optional<std::string> serial_to_iso(double serial) {
  if (!(serial >= 1 && serial < 2958466)) return std::nullopt;
  long days = static_cast<long>(std::floor(serial));
  if (days == 60) return std::string("1900-02-29");  // Excel's phantom day
  if (days < 60) ++days;                              // before the phantom day
  int y = 0, m = 0, d = 0;
  civil_from_days(days - 25569, y, m, d);  // 25569 = serial of 1970-01-01
  return iso(y, m, d);
}

std::optional<std::string> parse_date_text(std::string_view input) {
  const std::string s = text::squeeze(text::arabic_digits(input));
  if (s.empty()) return std::nullopt;
  // Numeric forms: yyyy-mm-dd, d/m/yyyy, d-m-yyyy, d.m.yyyy.
  const auto numeric = split_any(s, "/-.");
  if (numeric.size() == 3) {
    auto a = to_int(numeric[0]), b = to_int(numeric[1]), c = to_int(numeric[2]);
    if (a && b && c) {
      if (numeric[0].size() == 4) return iso(*a, *b, *c);
      if (numeric[2].size() == 4) return iso(*c, *b, *a);
      return std::nullopt;
    }
  }
  // "21 ต.ค. 2568", "21 ตุลาคม 2568", "21ต.ค.68" is not accepted (two-digit year).
  const auto words = split_any(s, " ");
  if (words.size() >= 3) {
    auto d = to_int(words[0]);
    auto y = to_int(words.back());
    std::string month;
    for (size_t i = 1; i + 1 < words.size(); ++i) month += words[i];
    const int m = thai_month(month);
    if (d && y && m && words.back().size() == 4) return iso(*y, m, *d);
  }
  return std::nullopt;
}

std::string display(const xlsx::Cell& cell) {
  switch (cell.type) {
    case xlsx::CellType::Number: return format_number(cell.number);
    case xlsx::CellType::Boolean: return cell.number != 0 ? "TRUE" : "FALSE";
    case xlsx::CellType::Date: {
      auto d = serial_to_iso(cell.number);
      return d ? *d : format_number(cell.number);
    }
    case xlsx::CellType::String:
    case xlsx::CellType::Error: return cell.text;
  }
  return cell.text;
}

}  // namespace itawb::schema

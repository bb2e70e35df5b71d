#include "calendar/calendar.hpp"

#include <cctype>
#include <chrono>
#include <cstdio>

#include "text/thai.hpp"

namespace itawb::calendar {
namespace {

constexpr const char* kAbbrev[] = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                                   "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};
constexpr const char* kFull[] = {"มกราคม", "กุมภาพันธ์", "มีนาคม",  "เมษายน",  "พฤษภาคม",   "มิถุนายน",
                                 "กรกฎาคม", "สิงหาคม",   "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"};

// A written year to ค.ศ.: two digits are พ.ศ. 25xx, 2400–2699 is พ.ศ.,
// 1900–2199 is ค.ศ.; anything else is not a year.
std::optional<int> year_to_ce(int y) {
  if (y >= 0 && y < 100) return 2500 + y - kBuddhistOffset;
  if (y > 2400 && y < 2700) return y - kBuddhistOffset;
  if (y >= 1900 && y < 2200) return y;
  return std::nullopt;
}

std::optional<Date> make_date(int y_written, int m, int d) {
  const auto y = year_to_ce(y_written);
  if (!y) return std::nullopt;
  Date date{*y, m, d};
  if (!date.valid()) return std::nullopt;
  return date;
}

std::string without_dots(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '.') out.push_back(c);
  return out;
}

// "21 ตค 2568", "21ตุลาคม 68", "21 ตค พศ 2568" (dots already removed).
std::optional<Date> parse_thai(const std::string& s) {
  size_t i = 0;
  auto skip_spaces = [&] {
    while (i < s.size() && s[i] == ' ') ++i;
  };
  auto number = [&]() -> std::optional<int> {
    size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == start || i - start > 4) return std::nullopt;
    return std::stoi(s.substr(start, i - start));
  };
  if (s.rfind("วันที่", 0) == 0) i += std::string_view("วันที่").size();
  skip_spaces();
  const auto day = number();
  if (!day) return std::nullopt;
  skip_spaces();
  const int m = text::longest_match(s, i, month_keywords());
  if (m < 0) return std::nullopt;
  i += month_keywords()[m].text.size();
  skip_spaces();
  if (s.compare(i, std::string_view("พศ").size(), "พศ") == 0) i += std::string_view("พศ").size();
  skip_spaces();
  const auto year = number();
  skip_spaces();
  if (!year || i != s.size()) return std::nullopt;
  return make_date(*year, month_keywords()[m].value, *day);
}

}  // namespace

bool Date::valid() const {
  return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month) && year > 0;
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int days_in_month(int year_ce, int month) {
  if (month < 1 || month > 12) return 0;
  // The Gregorian calendar repeats every 400 years: year_ce % 400 keeps any
  // int within chrono::year's range without changing the answer.
  const auto last = std::chrono::year{year_ce % 400} / std::chrono::month{static_cast<unsigned>(month)} /
                    std::chrono::last;
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
size_t digit_run(std::string_view s, size_t at) {
  size_t n = 0;
  while (at + n < s.size() && is_digit(s[at + n])) ++n;
  return n;
}
int number_at(std::string_view s, size_t at, size_t n) {
  int v = 0;
  for (size_t i = 0; i < n; ++i) v = v * 10 + (s[at + i] - '0');
  return v;
}
bool is_separator(char c) { return c == '/' || c == '.' || c == '-'; }

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  // By hand, what the regular expressions ^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$
  // (ISO, a time may follow) and ^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$
  // (day/month/year) say; compiling them was 4 % of `validate` (issue 23).
  const std::string s = text::fold(text);
  const size_t lead = digit_run(s, 0);
  if (lead == 4 && s.size() > 4 && s[4] == '-') {
    const size_t month = digit_run(s, 5);
    if (month >= 1 && month <= 2 && 5 + month < s.size() && s[5 + month] == '-') {
      const size_t at = 6 + month, day = digit_run(s, at), end = at + day;
      // ECMAScript's "." is any character but a line end.
      if (day >= 1 && day <= 2 &&
          (end == s.size() || ((s[end] == 't' || s[end] == ' ') && s.find_first_of("\n\r", end) == std::string::npos)))
        return make_date(number_at(s, 0, 4), number_at(s, 5, month), number_at(s, at, day));
    }
  }
  if (lead >= 1 && lead <= 2 && lead < s.size() && is_separator(s[lead])) {
    const size_t month = digit_run(s, lead + 1), at = lead + 1 + month;
    if (month >= 1 && month <= 2 && at < s.size() && is_separator(s[at])) {
      const size_t year = digit_run(s, at + 1);
      if ((year == 2 || year == 4) && at + 1 + year == s.size())
        return make_date(number_at(s, at + 1, year), number_at(s, lead + 1, month), number_at(s, 0, lead));
    }
  }
  return parse_thai(without_dots(s));
}

std::string format_thai_date(const Date& d, bool thai) {
  if (!d.valid()) return "";
  const std::string s =
      std::to_string(d.day) + " " + kAbbrev[d.month - 1] + " " + std::to_string(d.year_be());
  return thai ? text::thai_digits(s) : s;
}

std::string format_slash_be(const Date& d, bool thai) {
  if (!d.valid()) return "";
  const std::string s = std::to_string(d.day) + "/" + std::to_string(d.month) + "/" + std::to_string(d.year_be());
  return thai ? text::thai_digits(s) : s;
}

int fiscal_year_be(const Date& d) { return d.year_be() + (d.month >= 10 ? 1 : 0); }

int quarter_of_month(int month) {
  if (month < 1 || month > 12) return 0;
  return (month + 2) % 12 / 3 + 1;  // Oct -> 1, Jan -> 2, Apr -> 3, Jul -> 4
}

int fiscal_quarter(const Date& d) { return quarter_of_month(d.month); }

Date quarter_start(int fy_be, int q) {
  const int first_month = (9 + 3 * (q - 1)) % 12 + 1;  // 10, 1, 4, 7
  const int year_ce = fy_be - kBuddhistOffset - (q == 1 ? 1 : 0);
  return Date{year_ce, first_month, 1};
}

Date quarter_end(int fy_be, int q) {
  const int last_month = (11 + 3 * (q - 1)) % 12 + 1;  // 12, 3, 6, 9
  const int year_ce = fy_be - kBuddhistOffset - (q == 1 ? 1 : 0);
  return Date{year_ce, last_month, days_in_month(year_ce, last_month)};
}

const std::vector<text::Keyword<int>>& month_keywords() {
  static const std::vector<text::Keyword<int>> table = [] {
    std::vector<text::Keyword<int>> t = {
        {"มกราคม", 1},   {"กุมภาพันธ์", 2}, {"มีนาคม", 3},  {"เมษายน", 4},   {"พฤษภาคม", 5},
        {"มิถุนายน", 6},  {"กรกฎาคม", 7},  {"สิงหาคม", 8}, {"กันยายน", 9},  {"ตุลาคม", 10},
        {"พฤศจิกายน", 11}, {"ธันวาคม", 12},  {"มค", 1},      {"กพ", 2},        {"มีค", 3},
        {"เมย", 4},       {"พค", 5},        {"มิย", 6},     {"กค", 7},        {"สค", 8},
        {"กย", 9},        {"ตค", 10},       {"พย", 11},     {"ธค", 12},
        {"january", 1},   {"february", 2},  {"march", 3},   {"april", 4},     {"may", 5},
        {"june", 6},      {"july", 7},      {"august", 8},  {"september", 9}, {"october", 10},
        {"november", 11}, {"december", 12}, {"jan", 1},     {"feb", 2},       {"mar", 3},
        {"apr", 4},       {"jun", 6},       {"jul", 7},     {"aug", 8},       {"sep", 9},
        {"sept", 9},      {"oct", 10},      {"nov", 11},    {"dec", 12}};
    return t;
  }();
  return table;
}

const char* thai_month_abbrev(int month) { return month >= 1 && month <= 12 ? kAbbrev[month - 1] : ""; }
const char* thai_month_name(int month) { return month >= 1 && month <= 12 ? kFull[month - 1] : ""; }

}  // namespace itawb::calendar

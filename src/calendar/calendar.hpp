// Dates and the Thai fiscal year (ปีงบประมาณ): 1 Oct – 30 Sep, named by the
// Buddhist-era year in which it ends (FY 2568 = 1 ต.ค. 2567 – 30 ก.ย. 2568).
// ไตรมาส 1 = ต.ค.–ธ.ค., 2 = ม.ค.–มี.ค., 3 = เม.ย.–มิ.ย., 4 = ก.ค.–ก.ย.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/fold.hpp"

namespace itawb::calendar {

inline constexpr int kBuddhistOffset = 543;  // พ.ศ. = ค.ศ. + 543

// A calendar date, Gregorian year (ค.ศ.).
struct Date {
  int year = 0;   // ค.ศ., e.g. 2025
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  auto operator<=>(const Date&) const = default;
  bool valid() const;
  int year_be() const { return year + kBuddhistOffset; }
  std::string iso() const;  // "2025-10-21"
};

int days_in_month(int year_ce, int month);

// Reads a date as staff write it: ISO "2025-10-21" (a year above 2400 is
// taken as พ.ศ.), "21/10/2568" or "21/10/2025" (day first), and Thai
// "21 ต.ค. 2568", "๒๑ ตุลาคม ๒๕๖๘", "21 ต.ค. 68" (two-digit years are พ.ศ.
// 25xx). Anything else, or an impossible day, gives nullopt.
std::optional<Date> parse_date(std::string_view text);

// "๒๑ ต.ค. ๒๕๖๘" (abbreviated Thai month, พ.ศ.; Arabic digits on request).
std::string format_thai_date(const Date& d, bool thai_digits = true);
// "21/10/2568": day/month/Buddhist-era year, as staff type a date ("" when invalid).
std::string format_slash_be(const Date& d, bool thai_digits = false);

// Fiscal year (พ.ศ.) that a date falls in: 1 Oct 2024 (ค.ศ.) -> 2568.
int fiscal_year_be(const Date& d);
// Quarter (1..4) of a calendar month / of a date within its fiscal year.
int quarter_of_month(int month);
int fiscal_quarter(const Date& d);
// First and last day of quarter q (1..4) of fiscal year fy_be.
Date quarter_start(int fy_be, int q);
Date quarter_end(int fy_be, int q);

// Month names: Thai full ("ตุลาคม"), Thai abbreviations without dots
// ("ตค", "มีค"; text is matched after dots are removed), English ("oct",
// "october"). Folded forms (see normalize.hpp), value = month 1..12.
const std::vector<text::Keyword<int>>& month_keywords();

// Thai names for display.
const char* thai_month_abbrev(int month);  // "ต.ค."
const char* thai_month_name(int month);    // "ตุลาคม"

}  // namespace itawb::calendar

// Excel serial dates (1900 system with the 1900-02-29 bug) and Cell::display.
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "base/charconv.hpp"
#include "xlsx/reader.hpp"

namespace itawb::xlsx {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr sys_days kEpoch = std::chrono::year{1899} / 12 / 30;  // serial 0 after the bug
constexpr double kLastSerial = 2958465;  // 9999-12-31, the last day Excel shows

std::string plain_number(double number) {
  return shortest_double(number == 0 ? 0.0 : number);
}

}  // namespace

std::optional<DateTime> serial_to_datetime(double serial) {
  // Excel's own range; NaN, infinities, negative and huge serials are not dates.
  if (!(serial >= 0 && serial < kLastSerial + 1)) return std::nullopt;
  DateTime dt;
  auto whole = static_cast<int64_t>(std::floor(serial));
  auto seconds = static_cast<int64_t>(std::llround((serial - static_cast<double>(whole)) * 86400.0));
  if (seconds >= 86400) {
    ++whole;
    seconds -= 86400;
  }
  dt.seconds = static_cast<int>(seconds);
  if (whole == 60) {  // Excel's phantom 1900-02-29 (Lotus 1-2-3 compatibility)
    dt.year = 1900;
    dt.month = 2;
    dt.day = 29;
    return dt;
  }
  // Before the phantom day, serials are one day ahead of the real calendar.
  const year_month_day ymd{kEpoch + days{whole + (whole < 60 ? 1 : 0)}};
  dt.year = static_cast<int>(ymd.year());
  dt.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  dt.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  return dt;
}

double datetime_to_serial(int year, int month, int day, int seconds) {
  double serial;
  if (year == 1900 && month == 2 && day == 29) {
    serial = 60;
  } else {
    // Month arithmetic first, so that a month or day out of range rolls over
    // (month 13 is January of the next year, day 0 the last of the month before).
    const auto ym = std::chrono::year{year} / std::chrono::January + std::chrono::months{month - 1};
    const sys_days date = sys_days{ym / 1} + days{day - 1};
    const auto n = (date - kEpoch).count();
    serial = static_cast<double>(n <= 60 ? n - 1 : n);
  }
  return serial + seconds / 86400.0;
}

std::string Cell::display() const {
  switch (type) {
    case CellType::Number: return plain_number(number);
    case CellType::Boolean: return number != 0 ? "TRUE" : "FALSE";
    case CellType::Date: {
      const auto dt = serial_to_datetime(number);
      if (!dt) return plain_number(number);  // not a day Excel can show
      char buf[48];
      const int h = dt->seconds / 3600, m = dt->seconds / 60 % 60, s = dt->seconds % 60;
      if (number >= 0 && number < 1)
        std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", h, m, s);
      else if (dt->seconds == 0)
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", dt->year, dt->month, dt->day);
      else
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", dt->year, dt->month, dt->day,
                      h, m, s);
      return buf;
    }
    case CellType::String:
    case CellType::Error: return text;
  }
  return text;
}

}  // namespace itawb::xlsx

// Excel serial dates (1900 system with the 1900-02-29 bug) and Cell::display.
#include <charconv>
#include <cmath>
#include <cstdio>

#include "xlsx/reader.hpp"

namespace itawb::xlsx {
namespace {

// Howard Hinnant's civil-calendar algorithms (proleptic Gregorian).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civil_from_days(int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(static_cast<int64_t>(yoe) + era * 400 + (m <= 2));
}

const int64_t kEpoch = days_from_civil(1899, 12, 30);  // serial 0 after the bug

}  // namespace

DateTime serial_to_datetime(double serial) {
  DateTime dt;
  if (!std::isfinite(serial)) return dt;
  auto days = static_cast<int64_t>(std::floor(serial));
  auto seconds = static_cast<int64_t>(std::llround((serial - static_cast<double>(days)) * 86400.0));
  if (seconds >= 86400) {
    ++days;
    seconds -= 86400;
  }
  dt.seconds = static_cast<int>(seconds);
  if (days == 60) {  // Excel's phantom 1900-02-29 (Lotus 1-2-3 compatibility)
    dt.year = 1900;
    dt.month = 2;
    dt.day = 29;
    return dt;
  }
  // Before the phantom day, serials are one day ahead of the real calendar.
  civil_from_days(kEpoch + days + (days < 60 ? 1 : 0), dt.year, dt.month, dt.day);
  return dt;
}

double datetime_to_serial(int year, int month, int day, int seconds) {
  double serial;
  if (year == 1900 && month == 2 && day == 29) {
    serial = 60;
  } else {
    const int64_t n = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) - kEpoch;
    serial = static_cast<double>(n <= 60 ? n - 1 : n);
  }
  return serial + seconds / 86400.0;
}

std::string Cell::display() const {
  switch (type) {
    case CellType::Number: {
      char buf[64];
      const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, number == 0 ? 0.0 : number);
      return ec == std::errc() ? std::string(buf, end) : std::string("NaN");
    }
    case CellType::Boolean: return number != 0 ? "TRUE" : "FALSE";
    case CellType::Date: {
      const DateTime dt = serial_to_datetime(number);
      char buf[48];
      const int h = dt.seconds / 3600, m = dt.seconds / 60 % 60, s = dt.seconds % 60;
      if (number >= 0 && number < 1)
        std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", h, m, s);
      else if (dt.seconds == 0)
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", dt.year, dt.month, dt.day);
      else
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", dt.year, dt.month, dt.day,
                      h, m, s);
      return buf;
    }
    case CellType::String:
    case CellType::Error: return text;
  }
  return text;
}

}  // namespace itawb::xlsx

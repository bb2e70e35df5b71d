// Serial dates at and beyond the edges of Excel's range, and the calendar's
// month lengths against the Gregorian rule.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "calendar/calendar.hpp"
#include "xlsx/reader.hpp"

using namespace itawb;

TEST_CASE("serials outside Excel's range are not dates and do not overflow", "[xlsx]") {
  for (const double serial : {1e300, -1e300, -9223372036854774784.0, 9223372036854774784.0, -1.0, -0.5,
                              2958466.0, std::numeric_limits<double>::infinity(),
                              std::numeric_limits<double>::quiet_NaN()}) {
    INFO(serial);
    CHECK_FALSE(xlsx::serial_to_datetime(serial).has_value());
  }
  const auto last = xlsx::serial_to_datetime(2958465.5);
  REQUIRE(last);
  CHECK((last->year == 9999 && last->month == 12 && last->day == 31 && last->seconds == 43200));
  const auto time_only = xlsx::serial_to_datetime(0.25);
  REQUIRE(time_only);
  CHECK(time_only->seconds == 6 * 3600);
}

TEST_CASE("a date cell holding an out-of-range serial shows the plain number", "[xlsx]") {
  xlsx::Cell c;
  c.type = xlsx::CellType::Date;
  c.number = 1e300;
  CHECK(c.display() == "1e+300");
  c.number = -9223372036854774784.0;
  CHECK(c.display() == "-9223372036854774784");
  c.number = 45566;
  CHECK(c.display() == "2024-10-01");
}

TEST_CASE("datetime_to_serial rolls a day or month over as before", "[xlsx]") {
  CHECK(xlsx::datetime_to_serial(2024, 13, 1) == xlsx::datetime_to_serial(2025, 1, 1));
  CHECK(xlsx::datetime_to_serial(2024, 0, 1) == xlsx::datetime_to_serial(2023, 12, 1));
  CHECK(xlsx::datetime_to_serial(2024, 2, 30) == xlsx::datetime_to_serial(2024, 3, 1));
  CHECK(xlsx::datetime_to_serial(9999, 12, 31) == 2958465);
}

TEST_CASE("month lengths follow the Gregorian rule for any year", "[calendar]") {
  auto leap = [](int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; };
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int y : {-2000, -401, -400, -100, -4, -1, 0, 1, 1900, 2000, 2023, 2024, 2100, 2400, 32767, 40000,
                std::numeric_limits<int>::max(), std::numeric_limits<int>::min() + 1})
    for (int m = 1; m <= 12; ++m) {
      INFO(y << "-" << m);
      CHECK(calendar::days_in_month(y, m) == (m == 2 && leap(y) ? 29 : kDays[m - 1]));
    }
  CHECK(calendar::days_in_month(2024, 0) == 0);
  CHECK(calendar::days_in_month(2024, 13) == 0);
}

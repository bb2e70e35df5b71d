#include "schema/value.hpp"

#include <cmath>
#include <cstdio>

#include "calendar/calendar.hpp"
#include "xlsx/reader.hpp"

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

// Dates are the calendar's business (plan/calendar.hpp) and the reader's
// (xlsx::serial_to_datetime); the schema only turns them into ISO text.
std::optional<std::string> serial_to_iso(double serial) {
  if (!(serial >= 1 && serial < 2958466)) return std::nullopt;
  const xlsx::DateTime dt = *xlsx::serial_to_datetime(std::floor(serial));  // in range: checked above
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", dt.year, dt.month, dt.day);
  return std::string(buf);
}

std::optional<std::string> parse_date_text(std::string_view input) {
  const auto date = calendar::parse_date(input);
  if (!date) return std::nullopt;
  return date->iso();
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

// Reading one cell as a typed value: numbers written as text or with Thai
// digits, question codes in any case, dates as date cells or as Thai text
// with Buddhist-era years.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "xlsx/reader.hpp"

namespace itawb::schema {

struct Value {
  enum class Kind { Missing, Text, Number, Date, Boolean };
  Kind kind = Kind::Missing;
  double number = 0;   // Number, Boolean (0/1)
  std::string text;    // normalised text; Date: ISO "yyyy-mm-dd"; Number: shortest form
  std::string raw;     // the cell as a person would read it

  bool missing() const { return kind == Kind::Missing; }
};

// The cell as a person reads it: shortest numbers, ISO dates, text as is.
std::string display(const xlsx::Cell& cell);

// Shortest round-trip form without exponent for ordinary values: 120, 93.93.
std::string format_number(double v);

// Excel serial (1900 system) -> "yyyy-mm-dd"; nullopt when out of range.
std::optional<std::string> serial_to_iso(double serial);

// Text dates: "2025-10-21", "21/10/2568", "21-10-2025", "21 ต.ค. 2568",
// "21 ตุลาคม 2568"; Buddhist-era years (> 2400) become Common Era.
std::optional<std::string> parse_date_text(std::string_view s);

}  // namespace itawb::schema

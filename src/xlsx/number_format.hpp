// Number formats: the built-in table and date detection from a format code.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace itawb::xlsx {

enum class FormatKind : uint8_t {
  Number,    // plain number, percent, currency, scientific, text "@"
  Date,      // date and/or time of day: the cell becomes CellType::Date
  Duration,  // elapsed time such as [h]:mm:ss (id 46): stays a number
};

// Code of a built-in number format id (ECMA-376 §18.8.30, en-US; Thai
// ids 59–81 as Thai Excel shows them), or "" for an id with no built-in code.
std::string_view builtin_format_code(uint32_t id);

// Kind of a built-in id without a custom <numFmt>: 14–22, 27–36, 45–47,
// 50–58 and the Thai 71–81 are dates/times; 46 and 79 are durations.
FormatKind builtin_format_kind(uint32_t id);

// Kind of a custom format code. Only the first section counts. Quoted
// literals, backslash escapes, _x / *x padding and [...] sections (colour,
// locale such as [$-1070000], conditions) are skipped; [h] [m] [s] mark a
// duration; any remaining d m y h s b (Buddhist year) token marks a date.
// "0.0E+0", "#,##0_M" and "General" are numbers.
FormatKind classify_format(std::string_view code);

}  // namespace itawb::xlsx

// Floating-point text conversions: std::from_chars and std::to_chars for
// double, or strtod and snprintf where the standard library lacks them
// (libc++ before 17, the one emscripten 3.1.6 ships for the WebAssembly
// build). Both read and write "." as the decimal point whatever the locale.
#pragma once

#include <charconv>
#include <string>

namespace itawb {

// As std::from_chars(first, last, value) for a double.
std::from_chars_result parse_double(const char* first, const char* last, double& value);

// The shortest text that reads back as `v` ("0.1", "1e+300"), as std::to_chars(double).
std::string shortest_double(double v);

}  // namespace itawb

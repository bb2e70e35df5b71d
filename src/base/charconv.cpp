#include "base/charconv.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <system_error>

namespace itawb {

#if defined(_LIBCPP_VERSION) && _LIBCPP_VERSION < 170000
#define ITAWB_NO_FLOAT_CHARCONV 1
#endif

std::from_chars_result parse_double(const char* first, const char* last, double& value) {
#ifdef ITAWB_NO_FLOAT_CHARCONV
  // strtod would also take leading spaces, "0x" and "inf": from_chars takes none of them.
  if (first == last || *first == ' ' || *first == '+') return {first, std::errc::invalid_argument};
  const std::string text(first, last);
  if (text.find_first_of("xXnN") != std::string::npos) return {first, std::errc::invalid_argument};
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str()) return {first, std::errc::invalid_argument};
  value = v;
  return {first + (end - text.c_str()), std::errc()};
#else
  return std::from_chars(first, last, value);
#endif
}

std::string shortest_double(double v) {
#ifdef ITAWB_NO_FLOAT_CHARCONV
  char e[64], f[400];
  int digits = 1;
  for (; digits < 17; ++digits) {
    std::snprintf(e, sizeof e, "%.*e", digits - 1, v);
    if (std::strtod(e, nullptr) == v) break;
  }
  std::snprintf(e, sizeof e, "%.*e", digits - 1, v);
  const char* x = std::strchr(e, 'e');
  const int exp10 = x ? std::atoi(x + 1) : 0;
  std::snprintf(f, sizeof f, "%.*f", std::max(0, digits - 1 - exp10), v);
  return std::strlen(f) <= std::strlen(e) ? std::string(f) : std::string(e);
#else
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::string("NaN");
#endif
}

}  // namespace itawb

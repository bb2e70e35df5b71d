#include "text/thai.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <unicode/utf8.h>

namespace itawb::text {
namespace {

// Whitespace as people paste it: ASCII, NBSP, the U+2000 spaces up to the
// zero-width space, narrow NBSP, ideographic space, BOM.
bool is_space(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x00A0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x3000 || c == 0xFEFF;
}

// Length of a whitespace character at s[i], 0 if none (or not valid UTF-8).
size_t space_len(std::string_view s, size_t i) {
  auto j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(s.data(), j, static_cast<int32_t>(s.size()), c);
  return is_space(c) ? static_cast<size_t>(j) - i : 0;
}

}  // namespace

std::string arabic_digits(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c >= 0x0E50 && c <= 0x0E59)  // ๐..๙
      out.push_back(static_cast<char>('0' + (c - 0x0E50)));
    else
      out.append(s.data() + start, static_cast<size_t>(i - start));  // invalid bytes kept as they are
  }
  return out;
}

std::string digits(std::string_view s, DigitStyle style) {
  return style == DigitStyle::Thai ? thai_digits(s) : arabic_digits(s);
}

std::optional<DigitStyle> digit_style_from(std::string_view name) {
  const std::string n = ascii_lower(trim(name));
  if (n == "thai" || n == "th") return DigitStyle::Thai;
  if (n == "arabic" || n == "ar") return DigitStyle::Arabic;
  return std::nullopt;
}

std::string thai_digits(std::string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      out += "\xE0\xB9";
      out.push_back(static_cast<char>(0x90 + (c - '0')));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string trim(std::string_view s) {
  size_t b = 0;
  while (b < s.size()) {
    const size_t n = space_len(s, b);
    if (!n) break;
    b += n;
  }
  auto e = static_cast<int32_t>(s.size());
  while (e > static_cast<int32_t>(b)) {
    int32_t before = e;
    UChar32 c;
    U8_PREV(s.data(), static_cast<int32_t>(b), before, c);
    if (!is_space(c)) break;
    e = before;
  }
  return std::string(s.substr(b, static_cast<size_t>(e) - b));
}

std::string squeeze(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    if (const size_t n = space_len(s, i)) {
      pending_space = !out.empty();
      i += n;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(s[i++]);
  }
  return out;
}

std::optional<double> parse_number(std::string_view raw) {
  std::string s = arabic_digits(trim(raw));
  if (s.empty()) return std::nullopt;
  std::string clean;
  clean.reserve(s.size());
  for (char c : s) {
    if (c == ',') continue;  // thousands separator
    clean.push_back(c);
  }
  if (clean.empty()) return std::nullopt;
  // Only digits, one dot, an optional leading sign, optional exponent.
  char* end = nullptr;
  const double v = std::strtod(clean.c_str(), &end);
  if (end == clean.c_str() || *end != '\0' || !std::isfinite(v)) return std::nullopt;
  for (char c : clean) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' ||
          c == 'e' || c == 'E'))
      return std::nullopt;  // rejects "inf", "nan", hex
  }
  return v;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

double round_to(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  // Nudge by a relative epsilon so 97.125 stored as 97.12499999 rounds up.
  const double scaled = v * scale;
  const double nudged = scaled + (scaled >= 0 ? 1 : -1) * 1e-9 * std::max(1.0, std::fabs(scaled));
  return std::round(nudged) / scale;
}

std::string format_fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, round_to(v, decimals));
  if (std::string(buf) == "-0.00" || std::string(buf) == "-0") return buf + 1;
  return buf;
}

}  // namespace itawb::text

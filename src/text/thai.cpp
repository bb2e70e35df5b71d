#include "text/thai.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace itawb::text {
namespace {

// Thai digits are U+0E50..U+0E59, UTF-8 E0 B9 90..99.
bool is_thai_digit(std::string_view s, size_t i) {
  return i + 2 < s.size() + 0 && static_cast<unsigned char>(s[i]) == 0xE0 &&
         static_cast<unsigned char>(s[i + 1]) == 0xB9 &&
         static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
         static_cast<unsigned char>(s[i + 2]) <= 0x99;
}

// Length of a whitespace-like sequence at s[i], 0 if none.
size_t space_len(std::string_view s, size_t i) {
  const unsigned char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const unsigned char d = s[i + 2];
    if ((d >= 0x80 && d <= 0x8B) || d == 0xAF) return 3;  // U+2000..U+200B, U+202F
  }
  if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80)
    return 3;  // U+3000
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
      static_cast<unsigned char>(s[i + 2]) == 0xBF)
    return 3;  // BOM
  return 0;
}

}  // namespace

std::string arabic_digits(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (i + 2 < s.size() && is_thai_digit(s, i)) {
      out.push_back(static_cast<char>('0' + (static_cast<unsigned char>(s[i + 2]) - 0x90)));
      i += 3;
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
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
  size_t e = s.size();
  while (e > b) {
    // Step back over a trailing space sequence of 1–3 bytes.
    bool stepped = false;
    for (size_t n = 1; n <= 3 && n <= e - b; ++n) {
      if (space_len(s, e - n) == n) {
        e -= n;
        stepped = true;
        break;
      }
    }
    if (!stepped) break;
  }
  return std::string(s.substr(b, e - b));
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

std::string normalize_code(std::string_view s) {
  std::string out;
  for (char c : ascii_lower(arabic_digits(s)))
    if (c != ' ' && c != '\t' && c != '.') out.push_back(c);
  return trim(out);
}

std::string label_key(std::string_view s) {
  std::string out = ascii_lower(arabic_digits(squeeze(s)));
  while (!out.empty() && (out.back() == '*' || out.back() == ':')) {
    out.pop_back();
    out = trim(out);
  }
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

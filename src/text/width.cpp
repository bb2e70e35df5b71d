#include "text/width.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace itawb::text {
namespace {

// Relative advance of one code point, in units of an average Latin letter.
double advance(UChar32 c) {
  const int8_t cat = u_charType(c);
  if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || cat == U_FORMAT_CHAR) return 0;
  if (c < 0x80) {
    if (c == 'i' || c == 'l' || c == 'j' || c == '.' || c == ',' || c == ':' || c == ';' ||
        c == '\'' || c == '|' || c == '!' || c == ' ' || c == 't' || c == 'f' || c == 'r')
      return 0.6;
    if (c == 'm' || c == 'w' || c == 'M' || c == 'W' || c == '@') return 1.5;
    if (c >= 'A' && c <= 'Z') return 1.2;
    return 1.0;
  }
  const int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) return 2.0;
  return 1.0;  // Thai base consonants and vowels: about one Latin letter
}

}  // namespace

double display_width(std::string_view s) {
  double widest = 0, line = 0;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c == '\n') {
      widest = std::max(widest, line);
      line = 0;
      continue;
    }
    line += c < 0 ? 1.0 : advance(c);
  }
  return std::max(widest, line);
}

double column_width_for(std::string_view s, double font_pt) {
  // TH SarabunPSK is narrow: at 16 pt an average glyph is about 0.95 of a
  // Calibri-11 digit, the unit Excel measures column widths in.
  const double w = display_width(s) * (font_pt / 16.0) * 0.95 + 2.0;
  return std::min(255.0, w);
}

std::string sanitize_for_xlsx(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  int32_t i = 0;
  size_t units = 0;  // UTF-16 code units, as Excel counts a cell's length
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    const bool bad = c < 0 || c == 0xFFFE || c == 0xFFFF || (c >= 0xD800 && c <= 0xDFFF);
    if (!bad && c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    units += !bad && c > 0xFFFF ? 2 : 1;
    if (units > kMaxCellUnits) break;
    if (bad) out += "\xEF\xBF\xBD";
    else out.append(s.data() + start, static_cast<size_t>(i - start));
  }
  return out;
}

size_t utf16_length(std::string_view s) {
  size_t units = 0;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    units += c > 0xFFFF ? 2 : 1;
  }
  return units;
}

std::string cut_utf8(std::string_view s, size_t max_chars, size_t max_bytes) {
  const auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  for (size_t chars = 0; i < n && chars < max_chars; ++chars) {
    int32_t next = i;
    U8_FWD_1(s.data(), next, n);  // one code point, or one invalid byte
    if (static_cast<size_t>(next) > max_bytes) break;
    i = next;
  }
  return std::string(s.substr(0, static_cast<size_t>(i)));
}

}  // namespace itawb::text

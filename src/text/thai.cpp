#include "text/thai.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <cstdio>
#include <cstdlib>

#if __has_include(<unicode/coll.h>)
#include <unicode/coll.h>
#define ITAWB_ICU_COLLATION 1
#endif
#include <unicode/unistr.h>
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
  if (const auto b = static_cast<unsigned char>(s[i]); b < 0x80) return is_space(b) ? 1 : 0;
  auto j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(s.data(), j, static_cast<int32_t>(s.size()), c);
  return is_space(c) ? static_cast<size_t>(j) - i : 0;
}

}  // namespace

bool is_utf8(std::string_view s) {
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string from_cp874(std::string_view bytes) {
#ifndef ITAWB_ICU_COMMON_ONLY
  // One converter per call (ICU opens it from its cache): no state shared
  // between threads.
  const icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), "windows-874");
  std::string out;
  u.toUTF8String(out);
  return out;
#else
  // ICU's common part without its data (the WebAssembly build) has no
  // converters: windows-874 is one byte per character, Thai at U+0E00 + (b - 0xA0).
  static const std::pair<unsigned char, UChar32> kPunctuation[] = {
      {0x80, 0x20AC}, {0x85, 0x2026}, {0x91, 0x2018}, {0x92, 0x2019}, {0x93, 0x201C},
      {0x94, 0x201D}, {0x95, 0x2022}, {0x96, 0x2013}, {0x97, 0x2014}, {0xA0, 0x00A0}};
  icu::UnicodeString u;
  for (unsigned char b : bytes) {
    UChar32 c = 0xFFFD;
    if (b < 0x80) c = b;
    else if ((b >= 0xA1 && b <= 0xDA) || (b >= 0xDF && b <= 0xFB)) c = 0x0E00 + (b - 0xA0);
    else
      for (const auto& [byte, cp] : kPunctuation)
        if (byte == b) c = cp;
    u.append(c);
  }
  std::string out;
  u.toUTF8String(out);
  return out;
#endif
}

namespace {

// Without ICU's collation (the WebAssembly build links ICU's common part
// only, with no data): the rule it applies to Thai's leading vowels, on code
// points: a leading vowel เ แ โ ใ ไ sorts after the consonant it precedes.
// Code points written big-endian in 4 bytes, so bytes compare as code points.
[[maybe_unused]] std::string leading_vowel_key(const std::string& s) {
  std::vector<UChar32> cps;
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    cps.push_back(c < 0 ? 0xFFFD : c);
  }
  for (size_t i = 0; i + 1 < cps.size(); ++i)
    if (cps[i] >= 0x0E40 && cps[i] <= 0x0E44) std::swap(cps[i], cps[i + 1]), ++i;
  std::string key;
  for (UChar32 c : cps)
    for (int shift = 24; shift >= 0; shift -= 8) key.push_back(static_cast<char>((c >> shift) & 0xFF));
  return key;
}

}  // namespace

std::vector<size_t> thai_order(std::vector<std::vector<std::string>> keys) {
  // Sort keys once per text: comparing them is a byte comparison.
#ifdef ITAWB_ICU_COLLATION
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(icu::Locale("th"), status));
  if (U_SUCCESS(status))
    for (auto& item : keys)
      for (auto& k : item) {
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(k);
        const int32_t n = collator->getSortKey(u, nullptr, 0);
        std::string bytes(static_cast<size_t>(n), '\0');
        collator->getSortKey(u, reinterpret_cast<uint8_t*>(bytes.data()), n);
        k = std::move(bytes);
      }
#else
  for (auto& item : keys)
    for (auto& k : item) k = leading_vowel_key(k);
#endif
  std::vector<size_t> order(keys.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  return order;
}

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
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    // One character at a time; an ill-formed byte is kept as it is.
    int32_t j = i;
    UChar32 c;
    U8_NEXT(s.data(), j, n, c);
    if (c >= 0 && is_space(c)) {
      pending_space = !out.empty();
      i = j;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    if (c < 0) j = i + 1;
    out.append(s.data() + i, static_cast<size_t>(j - i));
    i = j;
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

// --- numbers and codes that lead a label -------------------------------------

namespace itawb::text {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The words written before a number, folded: "ประเด็นที่ ๑", "ข้อ 1", "No. 4".
// The longest that the label starts with is skipped, with the spaces after it.
const std::vector<Keyword<int>>& ordinal_words() {
  static const std::vector<Keyword<int>> table = {
      {"ประเด็นที่", 0}, {"ประเด็น", 0},     {"ข้อที่", 0},      {"ข้อ", 0},
      {"ลำดับที่", 0},   {"ลำดับ", 0},       {"มาตรการที่", 0},  {"มาตรการ", 0},
      {"ตัวชี้วัดที่", 0}, {"ตัวชี้วัด", 0},   {"ไตรมาสที่", 0},   {"ไตรมาส", 0},
      {"ที่", 0},         {"no.", 0},         {"no", 0},          {"q", 0},
  };
  return table;
}

// What may enclose the number: "(๑)", "[1]", or nothing ("1", "1.", "1)", "1:").
struct Enclosure {
  char open, close;  // '\0' for none
};
constexpr Enclosure kEnclosures[] = {{'(', ')'}, {'[', ']'}, {'\0', '\0'}};

// What may follow a bare number before the label's text: nothing, a space,
// one of these marks, or a Thai letter ("๑.กระบวนการ").
bool ends_ordinal(std::string_view s, size_t i) {
  if (i >= s.size()) return true;
  const char c = s[i];
  if (c == ' ') return true;
  if (c == '.' || c == ')' || c == ':' || c == '-' || c == ']' || c == ',')
    return i + 1 >= s.size() || !is_digit(s[i + 1]);  // "1-2", "1,5": not one number leading a text
  return static_cast<unsigned char>(c) >= 0x80;
}

// Digits at s[i] (one to three), or with `dotted` several groups joined by
// dots ("1.2"); the end is returned through `i`.
std::optional<std::string> number_at(std::string_view s, size_t& i, bool dotted) {
  std::string out;
  for (;;) {
    size_t n = 0;
    while (i + n < s.size() && is_digit(s[i + n])) ++n;
    if (n == 0 || n > 3) return std::nullopt;
    out.append(s.substr(i, n));
    i += n;
    const bool more = dotted && i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1]);
    if (!more) return out;
    out += '.';
    ++i;
  }
}

}  // namespace

std::optional<std::string> leading_ordinal(std::string_view label, bool dotted) {
  const std::string s = fold(label);
  size_t start = 0;
  if (const int w = longest_match<int>(s, 0, ordinal_words()); w >= 0) {
    start = ordinal_words()[static_cast<size_t>(w)].text.size();
    while (start < s.size() && s[start] == ' ') ++start;
  }
  for (const Enclosure& e : kEnclosures) {
    size_t i = start;
    if (e.open) {
      if (i >= s.size() || s[i] != e.open) continue;
      ++i;
    }
    auto number = number_at(s, i, dotted);
    if (!number) continue;
    if (e.close) {
      if (i >= s.size() || s[i] != e.close) continue;
      ++i;
    } else if (!dotted && i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) {
      return std::nullopt;  // "2.5", "๙.๔": a decimal or a sub-number, not an ordinal
    }
    if (!ends_ordinal(s, i)) return std::nullopt;
    // "1.", "(1)": strip a leading zero run the way a number would read ("01" -> "1").
    std::string& n = *number;
    while (n.size() > 1 && n[0] == '0' && is_digit(n[1])) n.erase(0, 1);
    return n;
  }
  return std::nullopt;
}

namespace {

// A code at s[i] (s lower-cased, Arabic digits, spaces squeezed): the letter
// i/e/o not ending a word, an optional dot and space, one or two digits not
// followed by a third. Sets `end` past it.
std::optional<std::string> code_at(const std::string& s, size_t i, size_t& end) {
  const char letter = s[i];
  if (letter != 'i' && letter != 'e' && letter != 'o') return std::nullopt;
  if (i > 0 && (is_ascii_letter(s[i - 1]) || is_digit(s[i - 1]))) return std::nullopt;  // "Line2", "video1"
  size_t j = i + 1;
  if (j < s.size() && s[j] == '.') ++j;
  if (j < s.size() && s[j] == ' ') ++j;
  size_t n = 0;
  while (j + n < s.size() && is_digit(s[j + n])) ++n;
  if (n == 0 || n > 2) return std::nullopt;
  end = j + n;
  return std::string(1, letter) + std::to_string(std::stoi(std::string(s.substr(j, n))));
}

std::string code_key(std::string_view text) { return squeeze(ascii_lower(arabic_digits(text))); }

}  // namespace

std::vector<std::string> codes_in(std::string_view text) {
  const std::string s = code_key(text);
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size(); ++i) {
    size_t end = 0;
    if (auto code = code_at(s, i, end)) {
      out.push_back(std::move(*code));
      i = end - 1;
    }
  }
  return out;
}

std::optional<std::string> leading_code(std::string_view text) {
  const std::string s = code_key(text);
  size_t end = 0;
  if (s.empty()) return std::nullopt;
  auto code = code_at(s, 0, end);
  if (!code || end == s.size()) return code;
  const bool word_goes_on = is_ascii_letter(s[end]) || (s[end] == '.' && end + 1 < s.size() && is_digit(s[end + 1]));
  return word_goes_on ? std::nullopt : code;
}

}  // namespace itawb::text

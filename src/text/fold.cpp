#include "text/fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "text/thai.hpp"

namespace itawb::text {
namespace {

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string nfc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  // Most text is NFC already: checked on the UTF-8 itself, without
  // converting. (Ill-formed bytes go the long way, to become U+FFFD.)
  const icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
  if (is_utf8(s) && n->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(s);
  status = U_ZERO_ERROR;
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString out = n->normalize(in, status);
  if (U_FAILURE(status)) return std::string(s);
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
}

std::string without(std::string s, std::initializer_list<std::string_view> parts) {
  for (std::string_view part : parts) replace_all(s, part, "");
  return s;
}

}  // namespace

size_t utf8_length(unsigned char lead) { return 1 + U8_COUNT_TRAIL_BYTES(lead); }

std::string fold(std::string_view text) {
  std::string s;
  if (is_ascii(text)) {  // the common case in codes and English labels: nothing for ICU to do
    s = text;
  } else {
    s = nfc(text);
    replace_all(s, "\u0E4D\u0E32", "\u0E33");  // ํา -> ำ
    // The dashes' UTF-8 starts with E2 or EF, which Thai letters' does not.
    if (s.find_first_of("\xE2\xEF") != std::string::npos)
      for (std::string_view dash :
           {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\uFE63", "\uFF0D"})
        replace_all(s, dash, "-");
  }
  replace_all(s, "~", "-");
  return squeeze(ascii_lower(arabic_digits(s)));
}

std::string label_key(std::string_view s) {
  std::string out = fold(s);
  while (!out.empty() && (out.back() == '*' || out.back() == ':')) {
    out.pop_back();
    out = trim(out);
  }
  return out;
}

std::string normalize_code(std::string_view s) { return without(fold(s), {" ", "."}); }

std::string compact_key(std::string_view s) {
  return without(fold(s), {" ", "\"", "'", "\u201C", "\u201D"});
}

}  // namespace itawb::text

#include "text/fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "text/thai.hpp"

namespace itawb::text {
namespace {

std::string nfc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
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

}  // namespace

size_t utf8_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

std::string fold(std::string_view text) {
  std::string s = nfc(text);
  replace_all(s, "\u0E4D\u0E32", "\u0E33");  // ํา -> ำ
  for (std::string_view dash : {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015",
                                "\u2212", "\uFE63", "\uFF0D", "~"})
    replace_all(s, dash, "-");
  return text::squeeze(text::ascii_lower(text::arabic_digits(s)));
}

}  // namespace itawb::text

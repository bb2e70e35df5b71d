// The one text key. fold() is the canonical folding, so that "ต.ค.๖๗",
// "ต.ค. 67" and a PDF-extracted "ตุลาคม" with a decomposed sara am all
// compare equal. Every other key in the library is fold() plus one step,
// named for what it matches (tests/text/keys_test.cpp shows them side by
// side on the same inputs):
//   label_key       fold, then a trailing "*" or ":" removed  (header labels, sheet names)
//   schema::match_key  label_key without spaces                   (schema labels, choices)
//   normalize_code  fold, then spaces and dots removed          (question codes "I๑๐" -> "i10")
//   compact_key     fold, then spaces and quotes removed         (score levels "“ผ่าน ดีเยี่ยม”")
//   plan::measure_key  fold, then a trailing ".0" or "." removed   (measure ids "๑" = "1.0")
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace itawb::text {

// NFC (ICU), sara am written as nikhahit + sara aa (U+0E4D U+0E32, common in
// PDF copies) joined to U+0E33, Thai digits to Arabic, ASCII lower case,
// dashes (– — − ~ and the like) to '-', every whitespace run (NBSP, thin and
// ideographic spaces, zero-width space, BOM included) to one space, trimmed.
std::string fold(std::string_view text);

// fold, then a trailing "*" or ":" (marks templates add: "ชื่อ: *") removed:
// the key of header labels and sheet names.
std::string label_key(std::string_view s);

// fold, then spaces and dots removed: "I๑๐" -> "i10", " O 5 " -> "o5",
// "o.5" -> "o5". The key of question/item codes; does not check the code exists.
std::string normalize_code(std::string_view s);

// fold, then spaces and quotes (" ' “ ”) removed: "“ผ่านดีเยี่ยม”",
// "ผ่าน ดีเยี่ยม" and "Excellent Pass" vs "excellentpass" compare equal.
std::string compact_key(std::string_view s);

// Length in bytes of the UTF-8 sequence a lead byte starts (ICU's
// U8_COUNT_TRAIL_BYTES; 1 for a continuation or invalid byte, so loops always
// advance). New code steps with U8_FWD_1 / U8_NEXT instead.
size_t utf8_length(unsigned char lead);

// A keyword table matched longest-first at a position of a folded string.
template <typename Value>
struct Keyword {
  std::string_view text;  // folded form
  Value value;
};

// Index of the longest keyword that `s` starts with at `pos`, or -1.
template <typename Value>
int longest_match(std::string_view s, size_t pos, const std::vector<Keyword<Value>>& table) {
  int best = -1;
  size_t best_len = 0;
  for (size_t i = 0; i < table.size(); ++i) {
    const auto& k = table[i].text;
    // The last byte first: most keywords fail there without a full compare.
    if (k.size() > best_len && pos + k.size() <= s.size() && s[pos + k.size() - 1] == k.back() &&
        s.compare(pos, k.size(), k) == 0) {
      best = static_cast<int>(i);
      best_len = k.size();
    }
  }
  return best;
}

}  // namespace itawb::text

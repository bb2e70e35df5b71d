// Text folding shared by the planning parsers (timeframes, owners, statuses):
// one canonical form so that "ต.ค.๖๗", "ต.ค. 67" and a PDF-extracted
// "ตุลาคม" with a decomposed sara am all compare equal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace itawb::text {

// NFC (ICU), sara am written as nikhahit + sara aa (U+0E4D U+0E32, common in
// PDF copies) joined to U+0E33, Thai digits to Arabic, ASCII lower case,
// dashes (– — − ~ and the like) to '-', every whitespace run to one space,
// trimmed.
std::string fold(std::string_view text);

// Length in bytes of the UTF-8 sequence starting with byte `lead` (1 for
// stray continuation bytes, so loops always advance).
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
    if (k.size() > best_len && s.compare(pos, k.size(), k) == 0) {
      best = static_cast<int>(i);
      best_len = k.size();
    }
  }
  return best;
}

}  // namespace itawb::text

#include "text/width.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace itawb::text {
namespace {

// Advances of Laksaman (TLWG's TH SarabunPSK) in thousandths of an em, for
// U+0020..U+007E and the Thai block U+0E01..U+0E5B.
constexpr uint16_t kAsciiAdvance[95] = {
    324, 221, 312, 606, 543, 879, 636, 180, 285, 285, 428, 618, 243, 324, 243, 406,
    544, 544, 544, 544, 544, 544, 544, 544, 544, 544, 243, 243, 618, 618, 618, 425,
    806, 601, 568, 610, 648, 527, 527, 639, 663, 221, 397, 565, 530, 824, 663, 731,
    568, 732, 570, 529, 570, 700, 586, 884, 628, 550, 637, 294, 394, 294, 619, 529,
    306, 517, 603, 497, 603, 562, 309, 467, 586, 215, 233, 475, 300, 904, 586, 598,
    603, 603, 326, 424, 357, 586, 512, 762, 478, 506, 482, 312, 230, 312, 625,
};
constexpr uint16_t kThaiAdvance[91] = {
    580, 568, 574, 591, 591, 613, 442, 552, 567, 568, 574, 780, 780, 639, 639, 515,
    693, 800, 816, 588, 588, 568, 646, 503, 631, 643, 643, 573, 573, 672, 672, 639,
    601, 564, 484, 568, 573, 639, 503, 591, 658, 573, 642, 682, 582, 559, 588, 536,
    0, 475, 475, 0, 0, 0, 0, 0, 0, 0, 600, 600, 600, 600, 618, 305,
    567, 356, 364, 367, 308, 600, 0, 0, 0, 0, 0, 0, 0, 0, 676, 675,
    675, 675, 675, 675, 675, 675, 675, 675, 675, 785, 1048,
};

// Relative advance of one code point, in units of an average Latin letter.
double advance(UChar32 c) {
  // The Thai block without ICU's tables: its marks are the letters that take
  // no room in kThaiAdvance; the rest, even unassigned, are one letter.
  if (c >= 0x0E01 && c <= 0x0E5B) return kThaiAdvance[c - 0x0E01] == 0 ? 0 : 1.0;
  const int8_t cat = c < 0x80 ? int8_t{U_CONTROL_CHAR} : u_charType(c);  // no mark or format in ASCII
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

double printed_advance(UChar32 c) {
  if (c >= 0x20 && c <= 0x7E) return kAsciiAdvance[c - 0x20] / 1000.0;
  if (c >= 0x0E01 && c <= 0x0E5B) return kThaiAdvance[c - 0x0E01] / 1000.0;
  if (c == '\t') return 4 * 0.324;
  if (c < 0x20) return 0;
  const int8_t cat = u_charType(c);
  if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || cat == U_FORMAT_CHAR) return 0;
  const int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) return 1.0;
  return 0.65;  // another script's letter: a little wider than a Thai one
}

double ems_of(std::string_view s) {
  double w = 0;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    w += c < 0 ? 0.6 : printed_advance(c);
  }
  return w;
}

// A run of letters this short (about ten Thai letters) is never broken.
constexpr double kShortRunEms = 5.0;

bool is_thai(UChar32 c) { return c >= 0x0E01 && c <= 0x0E5B; }

// ICU's line breaking with the Thai dictionary, one per thread; null in a
// build without ICU's data or where it cannot be made.
icu::BreakIterator* line_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createLineInstance(icu::Locale("th"), status));
    if (U_FAILURE(status)) b.reset();
    return b;
  }();
  return it.get();
}

bool has_line_dictionary() { return line_breaker() != nullptr; }

// Where a line may end in `line` (byte offsets after which it may break),
// the end included. ICU's line breaks, or without its data spaces and
// Thai characters (a cluster of a letter and its marks).
std::vector<size_t> break_points(std::string_view line, bool& by_dictionary) {
  std::vector<size_t> out;
  by_dictionary = false;
  if (icu::BreakIterator* it = line_breaker()) {
    by_dictionary = true;
    // The same texts come back in every sheet and every agency of a batch
    // (questions, measures, labels): their breaks are remembered, per
    // thread as the iterator is, up to a few MiB of text. ICU's dictionary
    // breaking was a sixth of a batch's CPU (issue 23).
    struct Remembered {
      std::unordered_map<std::string, std::vector<size_t>> breaks;
      size_t bytes = 0;
    };
    thread_local Remembered remembered;
    std::string key(line);
    if (const auto found = remembered.breaks.find(key); found != remembered.breaks.end()) return found->second;
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
    it->setText(u);
    // UTF-16 offsets back to UTF-8 ones.
    int32_t u16 = 0, u8 = 0;
    const auto n = static_cast<int32_t>(line.size());
    for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
      while (u16 < b && u8 < n) {
        UChar32 c;
        U8_NEXT(line.data(), u8, n, c);
        u16 += c > 0xFFFF ? 2 : 1;
      }
      out.push_back(static_cast<size_t>(u8));
    }
    if (remembered.bytes > (4u << 20)) {
      remembered.breaks.clear();
      remembered.bytes = 0;
    }
    remembered.bytes += key.size() + out.size() * sizeof(size_t) + 64;
    remembered.breaks.emplace(std::move(key), out);
    return out;
  }
  int32_t i = 0;
  const auto n = static_cast<int32_t>(line.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(line.data(), i, n, c);
    UChar32 next = 0;
    if (i < n) {
      int32_t j = i;
      U8_NEXT(line.data(), j, n, next);
    }
    const int8_t next_cat = next > 0 ? u_charType(next) : 0;
    const bool mark_follows = next_cat == U_NON_SPACING_MARK || next == 0x0E33;
    if (i >= n || c == ' ' || (is_thai(c) && is_thai(next) && !mark_follows)) out.push_back(static_cast<size_t>(i));
  }
  return out;
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

double printed_ems(std::string_view s) {
  double widest = 0;
  size_t start = 0;
  while (start <= s.size()) {
    const size_t end = std::min(s.find('\n', start), s.size());
    widest = std::max(widest, ems_of(s.substr(start, end - start)));
    start = end + 1;
  }
  return widest;
}

int wrapped_line_count(std::string_view s, double line_ems) {
  int lines = 0;
  size_t start = 0;
  while (start <= s.size()) {
    const size_t end = std::min(s.find('\n', start), s.size());
    const std::string_view line = s.substr(start, end - start);
    start = end + 1;
    if (line_ems <= 0) {
      ++lines;
      continue;
    }
    // A line narrower than the cell is one line, wherever it may break
    // (the greedy filling below would say the same): most cells are, and
    // ICU's dictionary breaking was a tenth of `analyze` (issue 23). Not
    // without the dictionary, whose estimate below adds a tenth.
    if (has_line_dictionary() && ems_of(line) < line_ems - 1e-9) {
      ++lines;
      continue;
    }
    bool by_dictionary = false;
    const std::vector<size_t> breaks = break_points(line, by_dictionary);
    // Greedy filling, as the spreadsheet does: a piece (a word with the
    // spaces after it) goes on the line when its letters fit, its trailing
    // spaces hanging past the end.
    int n = 1;
    double used = 0;
    size_t from = 0;
    for (const size_t to : breaks) {
      std::string_view piece = line.substr(from, to - from);
      from = to;
      const double w = ems_of(piece);
      size_t visible_end = piece.size();
      while (visible_end > 0 && piece[visible_end - 1] == ' ') --visible_end;
      const double visible = ems_of(piece.substr(0, visible_end));
      if (used > 0 && used + visible > line_ems) {
        ++n;
        used = 0;
      }
      if (visible > line_ems) {
        // A word longer than the line is cut where each line ends.
        const int extra = static_cast<int>(std::ceil(visible / line_ems)) - 1;
        n += extra;
        used = visible - extra * line_ems + (w - visible);
      } else {
        used += w;
      }
    }
    lines += by_dictionary ? n : std::max(n, static_cast<int>(std::ceil(n * 1.1)));
  }
  return std::max(lines, 1);
}

double widest_word_ems(std::string_view s) {
  double widest = 0;
  size_t start = 0;
  while (start <= s.size()) {
    const size_t end = std::min(s.find('\n', start), s.size());
    const std::string_view line = s.substr(start, end - start);
    start = end + 1;
    bool by_dictionary = false;
    std::vector<size_t> breaks = break_points(line, by_dictionary);
    if (!by_dictionary) {  // the fallback breaks between Thai letters: words are what spaces part
      breaks.clear();
      for (size_t i = 0; i < line.size(); ++i)
        if (line[i] == ' ') breaks.push_back(i + 1);
      breaks.push_back(line.size());
    }
    size_t from = 0;
    for (const size_t to : breaks) {
      std::string_view word = line.substr(from, to - from);
      from = to;
      while (!word.empty() && word.back() == ' ') word.remove_suffix(1);
      widest = std::max(widest, ems_of(word));
    }
    // A short run between spaces stays whole (a place name such as
    // "บางตะบูน", which the dictionary does not know, is not cut in two).
    size_t at = 0;
    while (at < line.size()) {
      size_t space = line.find(' ', at);
      if (space == std::string_view::npos) space = line.size();
      const double run = ems_of(line.substr(at, space - at));
      if (run <= kShortRunEms) widest = std::max(widest, run);
      at = space + 1;
    }
  }
  return widest;
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

// Display width of text, for column widths: Excel has no autofit in the file
// format, so we estimate. Thai vowel and tone marks (combining, category Mn)
// take no width; East Asian wide/full-width characters take two.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace itawb::text {

// Width in "character cells" of the widest line of `s` (lines split on \n).
double display_width(std::string_view s);

// Column width (Excel units) that fits `s` in `font_pt` of TH SarabunPSK,
// with padding, capped at 255.
double column_width_for(std::string_view s, double font_pt = 16);

// Printed width of `s` in ems of TH SarabunPSK as LibreOffice sets it (its
// metric-compatible Laksaman, the font the documents print in where TH
// SarabunPSK is not installed): the widest line when there are several.
// Thai letters are about half an em; marks above and below take none.
double printed_ems(std::string_view s);

// Lines `s` takes wrapped in a line `line_ems` ems long, as a spreadsheet
// wraps it: between words (Thai words found by ICU's dictionary, as
// LibreOffice finds them), a word longer than the line cut where it must;
// every \n starts a line. Without ICU's data (the WebAssembly and Windows
// builds) breaks at spaces and, in Thai text, between characters, with a
// tenth added for the words a line could not end inside.
int wrapped_line_count(std::string_view s, double line_ems);

// The widest word of `s` in ems (as printed_ems): the narrowest line that
// wraps `s` without breaking a word inside (Thai words as ICU finds them;
// without ICU's data, what lies between spaces).
double widest_word_ems(std::string_view s);

// Excel's limit on a cell's text: 32,767 characters, counted as Excel counts
// them, in UTF-16 code units (a character beyond U+FFFF, e.g. an emoji, is two).
inline constexpr size_t kMaxCellUnits = 32767;

// Valid UTF-8 without XML-illegal control characters (keeps \t \n \r),
// invalid bytes replaced by U+FFFD, cut to Excel's 32,767 UTF-16 code units
// (never inside a character). A caller that must say so checks utf16_length().
std::string sanitize_for_xlsx(std::string_view s);

// Length of `s` in UTF-16 code units (an invalid byte counts one).
size_t utf16_length(std::string_view s);

// The longest prefix of `s` with at most `max_chars` code points and at most
// `max_bytes` bytes, never splitting a UTF-8 sequence.
std::string cut_utf8(std::string_view s, size_t max_chars, size_t max_bytes = SIZE_MAX);

}  // namespace itawb::text

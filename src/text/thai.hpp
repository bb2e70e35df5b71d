// Thai-aware text helpers for input cells: Thai digits (๐–๙), stray
// whitespace, numbers stored as text, and codes in any case.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/fold.hpp"  // the text keys: fold, label_key, normalize_code, compact_key

namespace itawb::text {

// Replaces Thai digits ๐–๙ with 0–9; all else unchanged (UTF-8 in and out).
std::string arabic_digits(std::string_view s);

// Replaces 0–9 with Thai digits ๐–๙ (for Thai-first display).
std::string thai_digits(std::string_view s);

// The digits of what itawb writes for people. One style per output
// workbook: Thai (๐–๙, as the agencies' own documents write Thai text; the
// default) or Arabic (0–9). Numeric cells stay numbers either way.
enum class DigitStyle { Thai, Arabic };

// `s` with every digit in `style` (Thai or Arabic); all else unchanged.
std::string digits(std::string_view s, DigitStyle style);

// "thai" / "arabic" (ASCII case ignored; also "th" / "ar") -> the style.
std::optional<DigitStyle> digit_style_from(std::string_view name);

// True when `s` is well-formed UTF-8.
bool is_utf8(std::string_view s);

// A file name (or any text) in Windows' Thai code page CP874 / TIS-620 as
// UTF-8: how a zip made on a Thai Windows names its entries.
std::string from_cp874(std::string_view bytes);

// The order of items sorted by their texts (first text, then the next ...)
// in Thai dictionary order (ICU's Thai collation: the leading vowels
// เ แ โ ใ ไ do not decide, so เชียงใหม่ sorts under ช); ties keep their order.
std::vector<size_t> thai_order(std::vector<std::vector<std::string>> texts_per_item);

// Trims ASCII whitespace, NBSP (U+00A0), zero-width space (U+200B), and BOM.
std::string trim(std::string_view s);

// Collapses internal runs of whitespace to one ASCII space, then trims.
std::string squeeze(std::string_view s);

// Parses a number written by a person: Thai or Arabic digits, surrounding
// spaces, thousands separators ("1,234.5"), a trailing "%" is NOT accepted
// (returns nullopt) so that callers decide. Returns nullopt for anything else.
std::optional<double> parse_number(std::string_view s);

// Lower-cases ASCII letters only (Thai has no case).
std::string ascii_lower(std::string_view s);

// Formats a number with fixed decimals, e.g. format_fixed(97.125, 2) = "97.13"
// (rounded half away from zero on the decimal value, not the binary one).
std::string format_fixed(double v, int decimals);

// Rounds to `decimals` places, half away from zero, tolerant of binary noise.
double round_to(double v, int decimals);

// The number that leads a label, in every form staff write it (the table of
// forms is in thai.cpp): "1", "1.", "๑.", "(๑)", "1)", "[1]", "ข้อ 1",
// "ข้อที่ ๑", "ประเด็นที่ 1:", "ลำดับที่ 2", "มาตรการที่ 3", "No. 4", "Q2",
// each alone or followed by the label's text ("๑. กระบวนการปฏิบัติงาน…").
// Returns the number in Arabic digits, or nullopt when the text does not start
// with one of these forms. A number followed by more digits, a letter, or a
// dot and a digit ("ตัวชี้วัดที่ ๙.๔", "2.5") is not an ordinal — unless
// `dotted`, which reads "1.2" / "(๑.๒)" as the one number "1.2" (measure ids).
std::optional<std::string> leading_ordinal(std::string_view label, bool dotted = false);

// Every question or item code (i1…, e1…, o1…) named in a text, normalised
// ("I8" -> "i8", "e ๙" -> "e9", "O.18" -> "o18"), in order, also at its very start
// ("I8 หน่วยงานควร…", "o18 E-Service : …", "E๙ ท่านเคย…"). A letter that ends
// an English word is not a code ("Line2", "video1", "Office 365"), nor is a
// number of three digits or more.
std::vector<std::string> codes_in(std::string_view text);

// The code a cell starts with, when it is the cell's first word: "I8" and
// "I8 หน่วยงานควร…" give "i8"; "ข้อ i8" and "Line2" give nullopt.
std::optional<std::string> leading_code(std::string_view text);

}  // namespace itawb::text

#include "xlsx/number_format.hpp"

#include <array>

namespace itawb::xlsx {
namespace {

struct Builtin {
  uint32_t id;
  std::string_view code;
};

// en-US codes as Excel writes them (and as openpyxl lists them); the
// locale-dependent CJK ids get neutral ISO-like codes.
constexpr std::array kBuiltins{
    Builtin{0, "General"},
    Builtin{1, "0"},
    Builtin{2, "0.00"},
    Builtin{3, "#,##0"},
    Builtin{4, "#,##0.00"},
    Builtin{5, "\"$\"#,##0_);(\"$\"#,##0)"},
    Builtin{6, "\"$\"#,##0_);[Red](\"$\"#,##0)"},
    Builtin{7, "\"$\"#,##0.00_);(\"$\"#,##0.00)"},
    Builtin{8, "\"$\"#,##0.00_);[Red](\"$\"#,##0.00)"},
    Builtin{9, "0%"},
    Builtin{10, "0.00%"},
    Builtin{11, "0.00E+00"},
    Builtin{12, "# ?/?"},
    Builtin{13, "# ?\?/?\?"},
    Builtin{14, "mm-dd-yy"},
    Builtin{15, "d-mmm-yy"},
    Builtin{16, "d-mmm"},
    Builtin{17, "mmm-yy"},
    Builtin{18, "h:mm AM/PM"},
    Builtin{19, "h:mm:ss AM/PM"},
    Builtin{20, "h:mm"},
    Builtin{21, "h:mm:ss"},
    Builtin{22, "m/d/yy h:mm"},
    Builtin{27, "yyyy-mm-dd"},
    Builtin{28, "yyyy-mm-dd"},
    Builtin{29, "yyyy-mm-dd"},
    Builtin{30, "m/d/yy"},
    Builtin{31, "yyyy-mm-dd"},
    Builtin{32, "h:mm"},
    Builtin{33, "h:mm:ss"},
    Builtin{34, "yyyy-mm"},
    Builtin{35, "m-d"},
    Builtin{36, "yyyy-mm-dd"},
    Builtin{37, "#,##0_);(#,##0)"},
    Builtin{38, "#,##0_);[Red](#,##0)"},
    Builtin{39, "#,##0.00_);(#,##0.00)"},
    Builtin{40, "#,##0.00_);[Red](#,##0.00)"},
    Builtin{41, "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)"},
    Builtin{42, "_(\"$\"* #,##0_);_(\"$\"* \\(#,##0\\);_(\"$\"* \"-\"_);_(@_)"},
    Builtin{43, "_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)"},
    Builtin{44, "_(\"$\"* #,##0.00_)_(\"$\"* \\(#,##0.00\\)_(\"$\"* \"-\"??_)_(@_)"},
    Builtin{45, "mm:ss"},
    Builtin{46, "[h]:mm:ss"},
    Builtin{47, "mmss.0"},
    Builtin{48, "##0.0E+0"},
    Builtin{49, "@"},
    Builtin{50, "yyyy-mm-dd"},
    Builtin{51, "yyyy-mm-dd"},
    Builtin{52, "yyyy-mm"},
    Builtin{53, "m-d"},
    Builtin{54, "m-d"},
    Builtin{55, "h:mm AM/PM"},
    Builtin{56, "h:mm:ss AM/PM"},
    Builtin{57, "yyyy-mm"},
    Builtin{58, "m-d"},
    // Thai Excel's own built-ins (t = Thai digits; ว ด ป ช น ท = d m y h m s).
    Builtin{59, "t0"},
    Builtin{60, "t0.00"},
    Builtin{61, "t#,##0"},
    Builtin{62, "t#,##0.00"},
    Builtin{67, "t0%"},
    Builtin{68, "t0.00%"},
    Builtin{69, "t# ?/?"},
    Builtin{70, "t# ?\?/?\?"},
    Builtin{71, "ว/ด/ปปปป"},
    Builtin{72, "ว-ดดด-ปป"},
    Builtin{73, "ว-ดดด"},
    Builtin{74, "ดดด-ปป"},
    Builtin{75, "ช:นน"},
    Builtin{76, "ช:นน:ทท"},
    Builtin{77, "ว/ด/ปปปป ช:นน"},
    Builtin{78, "นน:ทท"},
    Builtin{79, "[ช]:นน:ทท"},
    Builtin{80, "นน:ทท.0"},
    Builtin{81, "d/m/bb"},
};

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// "[h]", "[hh]", "[mm]", "[ss]": elapsed-time brackets.
bool is_elapsed_bracket(std::string_view inside) {
  if (inside.empty()) return false;
  const char first = lower(inside.front());
  if (first != 'h' && first != 'm' && first != 's') return false;
  for (char c : inside)
    if (lower(c) != first) return false;
  return true;
}

}  // namespace

std::string_view builtin_format_code(uint32_t id) {
  for (const auto& b : kBuiltins)
    if (b.id == id) return b.code;
  return {};
}

FormatKind builtin_format_kind(uint32_t id) {
  if (id == 46 || id == 79) return FormatKind::Duration;
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
      (id >= 50 && id <= 58) || (id >= 71 && id <= 81))
    return FormatKind::Date;
  return FormatKind::Number;
}

FormatKind classify_format(std::string_view code) {
  bool date = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == ';') break;  // only the first section decides
    if (c == '"') {
      const size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // escaped literal or padding character
    } else if (c == '[') {
      const size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      if (is_elapsed_bracket(code.substr(i + 1, close - i - 1))) return FormatKind::Duration;
      i = close;
    } else {
      switch (lower(c)) {
        case 'd': case 'm': case 'y': case 'h': case 's': case 'b':
          date = true;
          break;
        case 'g':  // "General" inside a code: skip the word
          if (code.substr(i).size() >= 7 && lower(code[i + 1]) == 'e') i += 6;
          break;
        default:
          break;
      }
    }
  }
  return date ? FormatKind::Date : FormatKind::Number;
}

}  // namespace itawb::xlsx

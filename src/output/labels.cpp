#include "output/labels.hpp"

#include "text/thai.hpp"

namespace itawb::output {

// The analysis' own wording, so the sheets and the JSON never disagree.
const char* category_label_th(ita::Category c) { return ita::category_th(c); }
const char* category_label_en(ita::Category c) { return ita::to_string(c); }
const char* tool_code(model::Tool t) { return model::to_string(t); }

std::string display_code(const std::string& code) {
  if (code.rfind("ind", 0) == 0 && code.size() > 3) return "ตัวชี้วัด " + text::thai_digits(code.substr(3));
  return code;
}

std::string thai_year(int year) { return year > 0 ? text::thai_digits(std::to_string(year)) : ""; }

}  // namespace itawb::output

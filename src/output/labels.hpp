// The words the sheets print for the analysis' codes: categories, tools,
// indicator codes and years, in the analysis' own wording.
#pragma once

#include <string>

#include "ita/analysis.hpp"
#include "model/framework.hpp"

namespace itawb::output {

// Thai label of a category as printed in the sheets and the legend.
const char* category_label_th(ita::Category c);
const char* category_label_en(ita::Category c);
const char* tool_code(model::Tool t);  // "IIT", "EIT", "OIT"

// A code as a supervisor reads it: question and item codes as they are
// ("e9", "o13"); the analysis' indicator-level codes "ind8" as "ตัวชี้วัด ๘".
std::string display_code(const std::string& code);

// "๒๕๖๗" for 2567: years in Thai text read with Thai digits, as in the seeds.
std::string thai_year(int year);

}  // namespace itawb::output

// `itawb template`: the blank standard workbook, generated from the sheet
// schemas and the year's framework: headers, protected sheets with unlocked
// input cells, drop-down lists, input prompts, indicator and question rows
// pre-filled, and a คำอธิบาย sheet explaining how to fill it.
#pragma once

#include <filesystem>

#include "model/framework.hpp"
#include "schema/schema.hpp"
#include "text/thai.hpp"

namespace itawb::output {

inline constexpr const char* kExplanationSheet = "คำอธิบาย";
inline constexpr const char* kListsSheet = "รายการเลือก";  // hidden: long drop-down lists

struct TemplateOptions {
  // A plan without scores: หน่วยงาน, มาตรการ and ความก้าวหน้า only (no sheet
  // that holds scores), with the same drop-downs and prompts.
  bool plan_only = false;
  text::DigitStyle digits = text::DigitStyle::Thai;  // of the text written (titles, codes, explanations)
};

// Writes the template atomically (temporary file + rename).
void write_template(const std::filesystem::path& out, const schema::SchemaSet& schemas, const model::Framework& framework,
                    const TemplateOptions& options = {});

}  // namespace itawb::output

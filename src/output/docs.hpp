// Describing the workbook format from the schemas, for people: the
// คำอธิบาย sheet of the template and docs/workbook-format.md. Generated,
// never written twice.
#pragma once

#include <string>
#include <vector>

#include "schema/schema.hpp"

namespace itawb::output {

// One field as a row of a human-readable table.
struct FieldDoc {
  std::string header;       // Thai header / label
  std::string header_en;
  std::string aliases;      // other accepted headers, comma separated
  bool required = false;
  std::string type_th, type_en;        // "ตัวเลข" / "number"
  std::string allowed_th, allowed_en;  // "0–100, ไม่ซ้ำ" / "0–100, unique"
  std::string description_th, description_en;
};

FieldDoc describe(const schema::FieldSchema& field);

// The "Workbook format" section (Markdown), Thai first with English beside.
std::string workbook_format_markdown(const schema::SchemaSet& schemas);

}  // namespace itawb::output

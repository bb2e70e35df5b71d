// Checks across sheets and into the year's framework: foreignKeys (a
// question code must exist in the year's catalog, a progress row's measure
// must exist in มาตรการ), x-complete (all ten indicators present) and
// x-relation (ปีของมาตรการ = ปีที่ประเมิน + 1).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "ita/framework.hpp"
#include "schema/table.hpp"

namespace itawb::schema {

struct CheckContext {
  const std::map<std::string, ParsedSheet>& sheets;  // by schema name, only sheets found
  const ita::Framework* framework = nullptr;         // null: unknown year
  std::vector<int> known_years;
  FindingSink& sink;
  const SchemaSet& schemas;
};

void check_foreign_keys(const ParsedSheet& sheet, const CheckContext& ctx);
void check_complete(const ParsedSheet& sheet, const CheckContext& ctx);
void check_relations(const ParsedSheet& sheet, const CheckContext& ctx);

// "2566, 2567, 2568"
std::string join_years(const std::vector<int>& years);

}  // namespace itawb::schema

// Checks across sheets and into the year's framework: foreignKeys (a
// question code must exist in the year's catalog, a progress row's measure
// must exist in มาตรการ), x-complete (all ten indicators present) and
// x-relation (ปีของมาตรการ = ปีที่ประเมิน + 1).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/framework.hpp"
#include "schema/table.hpp"

namespace itawb::model {

struct CheckContext {
  const std::map<std::string, schema::ParsedSheet>& sheets;  // by schema name, only sheets found
  const model::Framework* framework = nullptr;         // null: unknown year
  std::vector<int> known_years;
  schema::FindingSink& sink;
  const schema::SchemaSet& schemas;
};

void check_foreign_keys(const schema::ParsedSheet& sheet, const CheckContext& ctx);
void check_complete(const schema::ParsedSheet& sheet, const CheckContext& ctx);
void check_relations(const schema::ParsedSheet& sheet, const CheckContext& ctx);

// "2566, 2567, 2568"
std::string join_years(const std::vector<int>& years);

}  // namespace itawb::model

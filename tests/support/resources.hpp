// Shared test support (schema, e2e tests): sheets built in memory, the real
// schemas and frameworks loaded once, and seed 000's figures (อบต.ทุ่งทอง).
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "base/finding.hpp"
#include "model/framework.hpp"
#include "model/load.hpp"
#include "schema/schema.hpp"
#include "xlsx/reader.hpp"

namespace itawb::test {

// One cell as written in a test: nothing, a number, text, or a date serial.
struct DateSerial { double serial; };
using In = std::variant<std::monostate, double, std::string, DateSerial>;
using Rows = std::vector<std::vector<In>>;

// A sheet from rows of cells (row 0 = sheet row 1); `first_row`/`first_col` shift it.
xlsx::Sheet make_sheet(const std::string& name, const Rows& rows, uint32_t first_row = 0, uint32_t first_col = 0);

const schema::SchemaSet& schemas();
const model::FrameworkCatalog& frameworks();

// Seed 000 (อบต.ทุ่งทอง, assessment year 2567), standard layout.
Rows seed_agency_rows();
Rows seed_indicator_rows();  // header + 10 rows: ตัวชี้วัด, ชื่อตัวชี้วัด, คะแนนปีก่อน, คะแนน
Rows seed_question_rows();   // header + the 21 questions the seed names
std::vector<xlsx::Sheet> seed_sheets();

model::LoadResult load(const std::vector<xlsx::Sheet>& sheets, const model::LoadOptions& options = {});

// The findings with `code`.
std::vector<Finding> with_code(const Findings& findings, const std::string& code);
// For failure messages: every finding on one line each.
std::string dump(const Findings& findings);

}  // namespace itawb::test

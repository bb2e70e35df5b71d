// The registry of output sheets (output/registry.hpp) against what `analyze`
// really writes: every registered sheet is in the output of the example, in
// the registry's order, and analysing that output again gives the same sheet
// names (the generated sheets are replaced, never copied as "X (2)").
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/analyze.hpp"
#include "output/registry.hpp"
#include "support/helpers.hpp"

using namespace itawb;
using itawb::test::example;
using itawb::test::openpyxl_read;
using itawb::test::run_itawb;
using itawb::test::sheet_of;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> sheet_names(const json& dump) {
  std::vector<std::string> names;
  for (const auto& s : dump["sheets"]) names.push_back(s["name"]);
  return names;
}

}  // namespace

TEST_CASE("registry: names are distinct, sorted by order, exactly one sheet is active") {
  const auto& sheets = output::output_sheets();
  REQUIRE_FALSE(sheets.empty());
  int active = 0;
  for (size_t i = 0; i < sheets.size(); ++i) {
    INFO(sheets[i].name);
    CHECK(sheets[i].write != nullptr);
    if (sheets[i].active) ++active;
    if (i > 0) CHECK(sheets[i - 1].order < sheets[i].order);
    CHECK(output::find_output_sheet(sheets[i].name) == &sheets[i]);
    // A copy Excel makes of a sheet ("X (2)"), or a name that only looks
    // like one, is the agency's own: carried, not replaced (issue 26, 10).
    CHECK(output::find_output_sheet(std::string(sheets[i].name) + " (2)") == nullptr);
    CHECK(output::find_output_sheet(std::string(sheets[i].name) + " ") == nullptr);
    CHECK(output::is_generated_sheet(sheets[i].name));
    CHECK(output::is_result_sheet(sheets[i].name) != output::is_plan_sheet(sheets[i].name));
  }
  CHECK(active == 1);
  CHECK_FALSE(output::is_generated_sheet("คะแนนรายข้อ"));
  CHECK_FALSE(output::is_generated_sheet("หน่วยงาน"));
}

TEST_CASE("registry: analyze of the example writes every registered sheet, and a rerun the same names") {
  test::TempDir tmp;
  const fs::path first = tmp / "first.xlsx", second = tmp / "second.xlsx";
  const auto r1 = run_itawb({"analyze", example("thungthong-2567.xlsx").string(), "-o", first.string()});
  INFO(r1.err);
  REQUIRE(r1.exit_code == 0);
  const json a = openpyxl_read(first, true);
  const std::vector<std::string> names = sheet_names(a);

  // Every registered sheet, in the registry's order, before the carried-over input sheets.
  const auto& sheets = output::output_sheets();
  REQUIRE(names.size() > sheets.size());
  for (size_t i = 0; i < sheets.size(); ++i) {
    INFO(sheets[i].name);
    CHECK(names[i] == sheets[i].name);
    CHECK_FALSE(sheet_of(a, sheets[i].name).is_null());
  }
  for (size_t i = sheets.size(); i < names.size(); ++i) CHECK_FALSE(output::is_generated_sheet(names[i]));

  // The output analysed again: the same sheet names, no "(2)" copies.
  const auto r2 = run_itawb({"analyze", first.string(), "-o", second.string()});
  INFO(r2.err);
  REQUIRE(r2.exit_code == 0);
  const std::vector<std::string> again = sheet_names(openpyxl_read(second, true));
  CHECK(again == names);
  for (const auto& n : again) CHECK(n.find(" (") == std::string::npos);

  // The library's list of the written sheets is the file's.
  app::AnalyzeOptions options;
  options.input = first;
  options.output = tmp / "third.xlsx";
  const app::AnalyzeResult r3 = app::analyze(test::resources(), options);
  REQUIRE(r3.exit_code == 0);
  CHECK(r3.sheets == names);
  CHECK(sheet_names(openpyxl_read(r3.output, true)) == names);
}

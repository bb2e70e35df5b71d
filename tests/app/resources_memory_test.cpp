// Resources from memory are the resources from disk: every file of the
// repository's schemas/ and workbooks/catalog/ read into an app::ResourceFiles,
// then the example analysed with both.
#include <catch2/catch.hpp>

#include "app/analyze.hpp"
#include "app/resources.hpp"
#include "base/error.hpp"
#include "base/files.hpp"
#include "support/helpers.hpp"

using namespace itawb;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json analysed(const app::Resources& resources) {
  app::AnalyzeOptions options;
  options.input = test::example("thungthong-2567.xlsx");
  options.write = false;
  options.as_of = "2025-04-01";
  const auto result = app::analyze(resources, options);
  REQUIRE(result.exit_code == 0);
  REQUIRE(result.analysis);
  json doc = json::parse(app::to_json(result));
  return doc;
}

}  // namespace

TEST_CASE("resources loaded from memory give the same analysis as from disk", "[resources]") {
  const app::ResourceFiles files = test::repository_resource_files();
  REQUIRE(files.count("schemas/sheets/measures.schema.json"));
  REQUIRE(files.count("schemas/departments.json"));
  REQUIRE(files.count("workbooks/catalog/measures.json"));
  const app::Resources memory = app::load_resources(files);

  CHECK(memory.schemas.sheets().size() == test::resources().schemas.sheets().size());
  CHECK(memory.frameworks.years() == test::resources().frameworks.years());
  CHECK(memory.catalog.entries().size() == test::resources().catalog.entries().size());
  CHECK(memory.departments.names() == test::resources().departments.names());

  const json from_memory = analysed(memory);
  const json from_disk = analysed(test::resources());
  // The example's published figures (tests/e2e/analyze_test.cpp).
  CHECK(from_memory["overall"]["previous"].get<double>() == Approx(81.27));
  CHECK(from_memory["overall"]["reported"].get<double>() == Approx(97.13));
  CHECK(from_memory["overall"]["level"] == "ผ่านดีเยี่ยม");
  CHECK(from_memory["tools"]["OIT"]["score"].get<double>() == Approx(96.07));
  CHECK(from_memory["indicators"][3]["score"].get<double>() == Approx(98.59));
  CHECK(from_memory["indicators"][3]["computed"].get<double>() == Approx(98.99));
  REQUIRE(from_memory["overall"]["score"].is_number());
  CHECK(from_memory["overall"]["score"] == from_disk["overall"]["score"]);
  // And everything else: the whole document is the same.
  CHECK(from_memory == from_disk);
}

TEST_CASE("a resource file missing from memory is named", "[resources]") {
  app::ResourceFiles files = test::repository_resource_files();
  files.erase("schemas/statuses.json");
  try {
    app::load_resources(files);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.file() == "schemas/statuses.json");
  }
}

TEST_CASE("analyze of a workbook opened from bytes writes what analyze of its file writes", "[resources]") {
  test::TempDir tmp;
  const fs::path input = test::example("thungthong-2567.xlsx");
  app::AnalyzeOptions options;
  options.as_of = "2025-04-01";

  options.input = input;
  options.output = tmp / "from-file.xlsx";
  const auto from_file = app::analyze(test::resources(), options);

  // No input path: the label names the findings, the output is given.
  app::AnalyzeOptions bytes_options = options;
  bytes_options.input.clear();
  bytes_options.output = tmp / "from-bytes.xlsx";
  bytes_options.file_label = input.string();
  const auto workbook = xlsx::Workbook::open_bytes(*read_file(input), "ส่งมา.zip/thungthong-2567.xlsx");
  const auto from_bytes = app::analyze(test::resources(), workbook, bytes_options);

  REQUIRE(from_bytes.analysis);
  CHECK(from_bytes.output == tmp / "from-bytes.xlsx");
  json a = json::parse(app::to_json(from_file)), b = json::parse(app::to_json(from_bytes));
  CHECK(b["overall"]["score"].get<double>() == Approx(97.10));
  a.erase("output");
  b.erase("output");
  CHECK(a == b);
  CHECK(test::openpyxl_read(tmp / "from-file.xlsx", true) == test::openpyxl_read(tmp / "from-bytes.xlsx", true));

  // Without a label the findings name the workbook's own name.
  bytes_options.file_label.reset();
  bytes_options.output = tmp / "unlabelled.xlsx";
  const auto unlabelled = app::analyze(test::resources(), workbook, bytes_options);
  REQUIRE_FALSE(unlabelled.findings.items().empty());
  CHECK(unlabelled.findings.items().front().file == "ส่งมา.zip/thungthong-2567.xlsx");
}

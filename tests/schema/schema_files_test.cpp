// The schema files themselves: checked against schemas/sheet.meta.json when
// loaded, errors naming the file and the JSON path; and the format docs
// generated from them are up to date.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "output/docs.hpp"
#include "support/resources.hpp"
#include "support/helpers.hpp"

using namespace itawb;
using namespace itawb::test;
namespace fs = std::filesystem;

namespace {

// A copy of schemas/ with one sheet schema changed by `edit`.
void copy_with_edit(const fs::path& to, const std::string& file, const std::function<void(nlohmann::json&)>& edit) {
  fs::copy(repo_dir() / "schemas", to, fs::copy_options::recursive);
  const fs::path path = to / "sheets" / file;
  nlohmann::json doc = nlohmann::json::parse(read_bytes(path));
  edit(doc);
  std::ofstream(path) << doc.dump(2);
}

}  // namespace

TEST_CASE("the shipped schemas load and describe the five standard sheets") {
  const auto& set = schemas();
  REQUIRE(set.sheets().size() == 5);
  CHECK(set.sheets()[0].name == "agency");
  CHECK(set.sheet("indicators")->title == "คะแนนตัวชี้วัด");
  CHECK(set.sheet("indicators")->header_rows == 10);
  CHECK(set.sheet("questions")->required == false);
  const auto* score = set.sheet("indicators")->field("score");
  REQUIRE(score);
  CHECK(*score->constraints.maximum == 100);
  CHECK(set.sheet("progress")->foreign_keys.at(0).resource == "measures");
}

TEST_CASE("a schema file that breaks the meta-schema names the file and the JSON path") {
  TempDir tmp;
  copy_with_edit(tmp / "schemas", "indicators.schema.json", [](nlohmann::json& d) { d["fields"][3]["type"] = "num"; });
  try {
    schema::SchemaSet::load_dir(tmp / "schemas");
    FAIL("no SchemaError");
  } catch (const schema::SchemaError& e) {
    CHECK(e.file().filename() == "indicators.schema.json");
    CHECK(e.json_path() == "/fields/3/type");
    CHECK(e.code() == "resource-invalid");
    CHECK(e.message("en").find("indicators.schema.json: /fields/3/type") != std::string::npos);
    CHECK(e.message("th").find("indicators.schema.json: ") != std::string::npos);
    CHECK(e.message("th").find("/fields/3/type") != std::string::npos);
  }
}

TEST_CASE("a prompt longer than Excel allows is caught by the meta-schema") {
  TempDir tmp;
  copy_with_edit(tmp / "schemas", "progress.schema.json", [](nlohmann::json& d) {
    d["fields"][1]["x-prompt"]["title"] = "ไตรมาสของปีงบประมาณที่รายงานผลการดำเนินการ";
  });
  try {
    schema::SchemaSet::load_dir(tmp / "schemas");
    FAIL("no SchemaError");
  } catch (const schema::SchemaError& e) {
    CHECK(e.file().filename() == "progress.schema.json");
    CHECK(e.json_path() == "/fields/1/x-prompt/title");
  }
}

TEST_CASE("a primary key naming no field is caught after the meta-schema") {
  TempDir tmp;
  copy_with_edit(tmp / "schemas", "measures.schema.json", [](nlohmann::json& d) { d["primaryKey"] = {"number"}; });
  try {
    schema::SchemaSet::load_dir(tmp / "schemas");
    FAIL("no SchemaError");
  } catch (const schema::SchemaError& e) {
    CHECK(e.file().filename() == "measures.schema.json");
    CHECK(e.json_path() == "/primaryKey/0");
    CHECK(std::string(e.what()).find("no field named \"number\"") != std::string::npos);
  }
}

TEST_CASE("docs/workbook-format.md is up to date with the schemas") {
  const std::string expected = output::workbook_format_markdown(schemas());
  const std::string written = read_bytes(repo_dir() / "docs" / "workbook-format.md");
  INFO("regenerate with: itawb template --markdown > docs/workbook-format.md");
  CHECK(written == expected);
}

// The resource files the program carries as checked (cli/bundled_resources,
// made by cmake/checked-resources.cmake): they are this tree's files, every
// check passes on them, and app::load_resources checks in full any file
// whose bytes differ from them, as an officer's edited departments.json.
#include <catch2/catch.hpp>

#include "app/resources.hpp"
#include "base/error.hpp"
#include "cli/bundled_resources.hpp"
#include "support/helpers.hpp"

using namespace itawb;

namespace {

// departments.json with a key its meta-schema does not allow
// ("additionalProperties": false) and the loader itself never reads.
std::string with_unknown_key(std::string text) {
  text.insert(text.find('{') + 1, "\n  \"หมายเหตุ\": \"แก้โดยเจ้าหน้าที่\",");
  return text;
}

}  // namespace

TEST_CASE("the bundled resources are this tree's files, and pass every check", "[resources]") {
  const schema::CheckedResources& bundled = cli::bundled_resources();
  const app::ResourceFiles files = test::repository_resource_files();
  // Every file with a meta-schema check: the sheet schemas, departments and
  // statuses, and the meta-schemas themselves.
  size_t sheets = 0;
  for (const auto& [name, bytes] : files) {
    const bool meta_checked = name.starts_with("schemas/sheets/") || name == "schemas/sheet.meta.json" ||
                              name.starts_with("schemas/departments.") || name.starts_with("schemas/statuses.");
    if (!meta_checked) continue;
    INFO(name);
    REQUIRE(bundled.count(name));
    CHECK(bundled.find(name)->second == bytes);  // the same bytes: the table is not stale
    sheets += name.starts_with("schemas/sheets/");
  }
  CHECK(sheets == 5);  // agency, indicators, questions, measures, progress
  CHECK(bundled.size() == sheets + 5);
  // The very bytes the program trusts, loaded with every check.
  app::ResourceFiles as_bundled = files;
  for (const auto& [name, bytes] : bundled) as_bundled[name] = std::string(bytes);
  const app::Resources checked = app::load_resources(as_bundled);
  CHECK(checked.schemas.sheets().size() == sheets);
  CHECK_FALSE(checked.departments.names().empty());
}

TEST_CASE("an edited resource file is checked in full, an unchanged one is not checked again", "[resources]") {
  app::ResourceFiles files = test::repository_resource_files();
  const std::string edited = with_unknown_key(files.at("schemas/departments.json"));
  files["schemas/departments.json"] = edited;
  // Against the bundled bytes: edited, so checked, and refused by the meta-schema.
  try {
    app::load_resources(files, &cli::bundled_resources());
    FAIL("an edited departments.json was not checked");
  } catch (const Error& e) {
    CHECK(e.code() == "resource-invalid");
    CHECK(e.file() == "schemas/departments.json");
    CHECK(std::string(e.what()).find("หมายเหตุ") != std::string::npos);
  }
  // Had these very bytes been the ones checked, the meta-schema would not run
  // again: the key the loader does not read changes nothing.
  schema::CheckedResources trusted = cli::bundled_resources();
  trusted["schemas/departments.json"] = edited;
  const app::Resources loaded = app::load_resources(files, &trusted);
  CHECK(loaded.departments.names() == test::resources().departments.names());
  // An edited meta-schema makes its tables checked again, their bytes unchanged.
  app::ResourceFiles meta_edited = test::repository_resource_files();
  std::string& meta = meta_edited["schemas/departments.meta.json"];
  meta.insert(meta.find('{') + 1, "\n  \"minProperties\": 1000,");
  CHECK_THROWS_AS(app::load_resources(meta_edited, &cli::bundled_resources()), Error);
  CHECK_NOTHROW(app::load_resources(test::repository_resource_files(), &cli::bundled_resources()));
}

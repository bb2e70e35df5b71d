// Resources: everything the library reads besides the user's workbooks —
// the sheet schemas, the frameworks of each year, the measures catalog —
// loaded once by the caller and passed in by reference. The library never
// looks for them itself: a command-line host loads them from a folder it
// chooses (cli/data_home.cpp), an embedded host from bytes it carries.
// Read-only after loading, so one instance serves any number of threads.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "model/framework.hpp"
#include "plan/catalog.hpp"
#include "plan/owners.hpp"
#include "plan/progress.hpp"
#include "schema/checked_resources.hpp"
#include "schema/schema.hpp"

namespace itawb::app {

struct Resources {
  schema::SchemaSet schemas;
  model::FrameworkCatalog frameworks;
  plan::MeasureCatalog catalog;
  plan::DepartmentTable departments;  // schemas/departments.json
  plan::StatusTable statuses;         // schemas/statuses.json
};

// The resource files as bytes, by path relative to the data home with '/'
// ("schemas/sheets/measures.schema.json", "workbooks/catalog/measures.json").
using ResourceFiles = std::map<std::string, std::string>;

// Builds the resources from files in memory: schemas/sheet.meta.json and
// schemas/sheets/*.schema.json, schemas/frameworks/ita-YYYY.json,
// workbooks/catalog/measures.json, schemas/departments.json and
// schemas/statuses.json with their meta-schemas. Other files are ignored.
// Throws itawb::Error naming the file. A file in `checked` with the same
// bytes (and its meta-schema unchanged) is not checked against the
// meta-schema again: a host passes the files it was built and tested with
// (cli/bundled_resources.hpp); every other file is checked in full.
Resources load_resources(const ResourceFiles& files, const schema::CheckedResources* checked = nullptr);

// Reads every file under `home`/schemas and `home`/workbooks/catalog into a
// ResourceFiles and builds the resources from it.
ResourceFiles read_resource_files(const std::filesystem::path& home);
Resources load_resources(const std::filesystem::path& home, const schema::CheckedResources* checked = nullptr);

}  // namespace itawb::app

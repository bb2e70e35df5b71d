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
#include "schema/schema.hpp"

namespace itawb::app {

struct Resources {
  schema::SchemaSet schemas;
  model::FrameworkCatalog frameworks;
  plan::MeasureCatalog catalog;
};

// Loads `home`/schemas (sheet schemas and frameworks/) and
// `home`/workbooks/catalog/measures.json. Throws itawb::Error naming the file.
Resources load_resources(const std::filesystem::path& home);

}  // namespace itawb::app

#include "app/resources.hpp"

namespace itawb::app {

Resources load_resources(const std::filesystem::path& home) {
  return Resources{schema::SchemaSet::load_dir(home / "schemas"),
                   model::FrameworkCatalog::load_dir(home / "schemas" / "frameworks"),
                   plan::MeasureCatalog::load(home / "workbooks" / "catalog" / "measures.json")};
}

}  // namespace itawb::app

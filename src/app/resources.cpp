#include "app/resources.hpp"

#include <system_error>

#include "base/error.hpp"
#include "base/files.hpp"

namespace itawb::app {
namespace {

namespace fs = std::filesystem;

const std::string& need(const ResourceFiles& files, const std::string& name) {
  const auto it = files.find(name);
  if (it == files.end())
    throw Error("resource-missing", "ไม่พบไฟล์ข้อมูลประกอบ " + name, "resource file not found: " + name, name);
  return it->second;
}

// The files whose name starts with `folder` and ends with `suffix`.
std::map<std::string, std::string> under(const ResourceFiles& files, const std::string& folder,
                                         const std::string& suffix) {
  std::map<std::string, std::string> out;
  for (const auto& [name, bytes] : files)
    if (name.size() > folder.size() + suffix.size() && name.starts_with(folder) && name.ends_with(suffix) &&
        name.find('/', folder.size()) == std::string::npos)
      out.emplace(name, bytes);
  return out;
}

}  // namespace

Resources load_resources(const ResourceFiles& files, const schema::CheckedResources* checked) {
  const std::string catalog = "workbooks/catalog/measures.json";
  // A table and its meta-schema both as they were checked: not checked again.
  auto unchecked = [&](const std::string& file, const std::string& meta) {
    return !schema::already_checked(checked, file, need(files, file), meta, need(files, meta));
  };
  return Resources{
      schema::SchemaSet::from_files(need(files, "schemas/sheet.meta.json"),
                                    under(files, "schemas/sheets/", ".schema.json"), "schemas/sheet.meta.json",
                                    "schemas/sheets", checked),
      model::FrameworkCatalog::from_files(under(files, "schemas/frameworks/", ".json")),
      plan::MeasureCatalog::parse(need(files, catalog), catalog),
      plan::DepartmentTable::from_json(need(files, "schemas/departments.json"),
                                       need(files, "schemas/departments.meta.json"), "schemas/departments.json",
                                       unchecked("schemas/departments.json", "schemas/departments.meta.json")),
      plan::StatusTable::from_json(need(files, "schemas/statuses.json"), need(files, "schemas/statuses.meta.json"),
                                   "schemas/statuses.json",
                                   unchecked("schemas/statuses.json", "schemas/statuses.meta.json"))};
}

ResourceFiles read_resource_files(const fs::path& home) {
  ResourceFiles files;
  for (const char* folder : {"schemas", "workbooks/catalog"}) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(home / folder, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      const std::string name = it->path().lexically_relative(home).generic_string();
      auto bytes = read_file(it->path());
      if (!bytes)
        throw Error("resource-missing", "เปิดไฟล์ข้อมูลประกอบไม่ได้", "cannot open the resource file", it->path().string());
      files.emplace(name, std::move(*bytes));
    }
  }
  return files;
}

Resources load_resources(const fs::path& home, const schema::CheckedResources* checked) {
  return load_resources(read_resource_files(home), checked);
}

}  // namespace itawb::app

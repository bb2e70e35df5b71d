// Resource JSON files (schemas, frameworks, catalog, departments, statuses)
// checked against their meta-schemas (JSON Schema draft-07, via valijson).
// Every problem is an itawb::Error with code "resource-invalid" that names the
// file and, in both sentences, the JSON path ("/entries/3/timeframe").
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace itawb::schema {

// Throws Error "resource-invalid": "<json_path>: <what>" in Thai and English,
// `file` as the location. An empty json_path means the whole file ("/").
[[noreturn]] void resource_invalid(const std::string& file, const std::string& json_path,
                                   const std::string& what_th, const std::string& what_en);

// Parses `text` as JSON; throws resource-invalid naming `file` when it is not.
nlohmann::json parse_resource_json(std::string_view text, const std::string& file);

// A meta-schema, parsed once; immutable, so it may be shared between threads.
class MetaSchema {
 public:
  // `text` is the meta-schema's JSON, `file` its name (for messages).
  MetaSchema(std::string_view text, std::string file);
  ~MetaSchema();
  MetaSchema(MetaSchema&&) noexcept;
  MetaSchema& operator=(MetaSchema&&) noexcept;

  // Throws resource-invalid naming `file` and the JSON path of the deepest
  // error when `doc` does not match.
  void check(const nlohmann::json& doc, const std::string& file) const;

  const std::string& file() const { return file_; }

 private:
  struct Impl;
  std::string file_;
  std::unique_ptr<Impl> impl_;
};

// valijson's error context ["<root>", "[fields]", "[3]", "[type]"] as a JSON
// pointer "/fields/3/type" ("/" for the whole document).
std::string json_path(const std::vector<std::string>& context);

// JSON pointer of a path below `base` ("/entries" + 3 -> "/entries/3").
inline std::string json_at(const std::string& base, size_t index) { return base + "/" + std::to_string(index); }
inline std::string json_at(const std::string& base, std::string_view key) { return base + "/" + std::string(key); }

}  // namespace itawb::schema

#include "schema/schema.hpp"
#include "schema/json_check.hpp"

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "base/files.hpp"
#include "text/thai.hpp"

namespace itawb::schema {
namespace fs = std::filesystem;
using nlohmann::json;

SchemaError::SchemaError(fs::path file, std::string json_path, const std::string& what)
    : Error("resource-invalid", "ไฟล์ข้อมูลประกอบใช้ไม่ได้ ที่ " + (json_path.empty() ? "/" : json_path) + ": " + what,
            (json_path.empty() ? "/" : json_path) + ": " + what, file.string()),
      file_(std::move(file)),
      json_path_(std::move(json_path)) {}

const char* to_string(FieldType t) {
  switch (t) {
    case FieldType::String: return "string";
    case FieldType::Integer: return "integer";
    case FieldType::Number: return "number";
    case FieldType::Date: return "date";
    case FieldType::Boolean: return "boolean";
  }
  return "string";
}

std::string match_key(std::string_view s) {
  std::string key = text::label_key(s);
  key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
  return key;
}

Severity FieldSchema::severity_of(std::string_view code) const {
  const auto it = severity.find(std::string(code == "missing-label" ? "missing-cell" : code));
  return it == severity.end() ? Severity::Error : it->second;
}

std::vector<std::string> FieldSchema::labels() const {
  std::vector<std::string> all{title, title_en};
  all.insert(all.end(), aliases.begin(), aliases.end());
  return all;
}

const FieldSchema* SheetSchema::field(std::string_view wanted) const {
  const int i = field_index(wanted);
  return i < 0 ? nullptr : &fields[static_cast<size_t>(i)];
}

int SheetSchema::field_index(std::string_view wanted) const {
  for (size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == wanted) return static_cast<int>(i);
  return -1;
}

std::vector<std::string> SheetSchema::sheet_names() const {
  std::vector<std::string> all{title, title_en};
  all.insert(all.end(), aliases.begin(), aliases.end());
  return all;
}

bool SheetSchema::is_missing(std::string_view text) const {
  const std::string t = text::trim(text);
  return std::find(missing_values.begin(), missing_values.end(), t) != missing_values.end();
}

namespace {

json parse_json_text(std::string_view text, const fs::path& file) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    throw SchemaError(file, "", std::string("not valid JSON: ") + e.what());
  }
}

std::string read_bytes(const fs::path& file) {
  auto text = read_file(file);
  if (!text) throw SchemaError(file, "", "cannot open the file");
  return *text;
}

class SheetMetaSchema {  // throws SchemaError (file and JSON path) rather than resource_invalid
 public:
  SheetMetaSchema(const fs::path& file, std::string_view text) : file_(file), doc_(parse_json_text(text, file)) {
    try {
      valijson::SchemaParser parser;
      valijson::adapters::NlohmannJsonAdapter adapter(doc_);
      parser.populateSchema(adapter, schema_);
    } catch (const std::exception& e) {
      throw SchemaError(file, "", std::string("meta-schema cannot be used: ") + e.what());
    }
  }

  // Throws SchemaError naming `file` and the JSON path of the deepest error.
  void check(const fs::path& file, const json& doc) const {
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter adapter(doc);
    if (validator.validate(schema_, adapter, &results)) return;
    // The last error is the most specific one (valijson reports outer
    // constraints after the inner ones that made them fail).
    std::vector<valijson::ValidationResults::Error> errors(results.begin(), results.end());
    const auto deepest = std::max_element(
        errors.begin(), errors.end(),
        [](const auto& a, const auto& b) { return a.context.size() < b.context.size(); });
    throw SchemaError(file, json_path(deepest->context),
                      deepest->description + " (checked against " + file_.filename().string() + ")");
  }

 private:
  fs::path file_;
  json doc_;
  valijson::Schema schema_;
};

std::vector<std::string> strings(const json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key))
    for (const auto& s : j.at(key)) out.push_back(s.get<std::string>());
  return out;
}

Constraints parse_constraints(const json& c) {
  Constraints k;
  k.required = c.value("required", false);
  k.unique = c.value("unique", false);
  if (c.contains("minimum")) k.minimum = c["minimum"].get<double>();
  if (c.contains("maximum")) k.maximum = c["maximum"].get<double>();
  if (c.contains("minLength")) k.min_length = c["minLength"].get<size_t>();
  if (c.contains("maxLength")) k.max_length = c["maxLength"].get<size_t>();
  k.pattern = c.value("pattern", "");
  k.enum_values = strings(c, "enum");
  return k;
}

FieldType parse_type(const std::string& t) {
  if (t == "integer") return FieldType::Integer;
  if (t == "number") return FieldType::Number;
  if (t == "date") return FieldType::Date;
  if (t == "boolean") return FieldType::Boolean;
  return FieldType::String;
}

FieldSchema parse_field(const json& f) {
  FieldSchema field;
  field.name = f.at("name");
  field.title = f.at("title");
  field.title_en = f.at("title_en");
  field.aliases = strings(f, "x-aliases");
  field.type = parse_type(f.at("type"));
  field.format = f.value("format", "default");
  if (f.contains("constraints")) field.constraints = parse_constraints(f["constraints"]);
  if (f.contains("x-enumAliases"))
    for (const auto& [canonical, others] : f["x-enumAliases"].items())
      field.enum_aliases[canonical] = others.get<std::vector<std::string>>();
  field.description = f.value("description", "");
  field.description_en = f.value("description_en", "");
  field.example = f.value("example", "");
  if (f.contains("x-prompt"))
    field.prompt = Prompt{f["x-prompt"].at("title"), f["x-prompt"].at("message")};
  field.list = f.value("x-list", "");
  field.repeat = f.value("x-repeat", false);
  field.fallback_column = f.value("x-fallbackColumn", "");
  if (f.contains("x-relation"))
    field.relation = Relation{f["x-relation"].at("field"), f["x-relation"].at("offset").get<double>()};
  field.width = f.value("x-width", 0.0);
  if (f.contains("x-severity"))
    for (const auto& [code, level] : f["x-severity"].items())
      field.severity[code] = level == "warning" ? Severity::Warning : level == "info" ? Severity::Info : Severity::Error;
  field.read_by = f.value("x-readBy", "");
  return field;
}

std::vector<Reference> parse_references(const json& doc, const char* key) {
  std::vector<Reference> out;
  if (!doc.contains(key)) return out;
  for (const auto& r : doc[key])
    out.push_back(Reference{r.at("fields").get<std::vector<std::string>>(),
                            r.at("reference").at("resource"),
                            r.at("reference").at("fields").get<std::vector<std::string>>()});
  return out;
}

SheetSchema parse_sheet(const fs::path& file, const json& doc) {
  SheetSchema s;
  s.file = file;
  s.name = doc.at("name");
  s.order = doc.value("order", 100);
  const json& sheet = doc.at("sheet");
  s.title = sheet.at("title");
  s.title_en = sheet.at("title_en");
  s.aliases = strings(sheet, "aliases");
  s.required = sheet.at("required");
  s.required_unless = sheet.value("requiredUnless", "");
  s.layout = sheet.at("layout") == "key-value" ? Layout::KeyValue : Layout::Table;
  s.header_rows = sheet.value("headerRows", 10);
  s.missing_message_th = sheet.value("missingMessage_th", "");
  s.missing_message_en = sheet.value("missingMessage_en", "");
  s.description = doc.value("description", "");
  s.description_en = doc.value("description_en", "");
  if (doc.contains("missingValues")) s.missing_values = strings(doc, "missingValues");
  for (const auto& f : doc.at("fields")) s.fields.push_back(parse_field(f));
  s.primary_key = strings(doc, "primaryKey");
  s.foreign_keys = parse_references(doc, "foreignKeys");
  s.complete = parse_references(doc, "x-complete");
  if (doc.contains("x-continuation"))
    s.continuation = Continuation{strings(doc["x-continuation"], "key"), strings(doc["x-continuation"], "append"),
                                  doc["x-continuation"].value("marker", std::string())};
  if (doc.contains("x-template")) {
    const json& t = doc["x-template"];
    s.template_spec.rows_from = t.value("rowsFrom", "");
    if (t.contains("prefill"))
      s.template_spec.prefill = t["prefill"].get<std::map<std::string, std::string>>();
    s.template_spec.blank_rows = t.value("blankRows", 0);
  }
  return s;
}

// What the meta-schema cannot say: names that refer to other names.
void check_consistency(const SheetSchema& s) {
  auto need_field = [&](const std::string& name, const std::string& path) {
    if (!s.field(name)) throw SchemaError(s.file, path, "no field named \"" + name + "\"");
  };
  std::map<std::string, std::string> seen_labels;  // match key -> field
  for (size_t i = 0; i < s.fields.size(); ++i) {
    const FieldSchema& f = s.fields[i];
    const std::string base = "/fields/" + std::to_string(i);
    if (s.field_index(f.name) != static_cast<int>(i))
      throw SchemaError(s.file, base + "/name", "field name \"" + f.name + "\" is used twice");
    for (const auto& label : f.labels()) {
      auto [it, fresh] = seen_labels.emplace(match_key(label), f.name);
      if (!fresh && it->second != f.name)
        throw SchemaError(s.file, base, "header \"" + label + "\" also names field \"" + it->second + "\"");
    }
    if (!f.constraints.pattern.empty()) {
      try {
        std::regex re(f.constraints.pattern, std::regex::ECMAScript);
      } catch (const std::regex_error& e) {
        throw SchemaError(s.file, base + "/constraints/pattern", std::string("bad pattern: ") + e.what());
      }
    }
    for (const auto& [canonical, others] : f.enum_aliases) {
      const auto& e = f.constraints.enum_values;
      if (std::find(e.begin(), e.end(), canonical) == e.end())
        throw SchemaError(s.file, base + "/x-enumAliases/" + canonical, "not one of the field's enum values");
    }
    if (f.relation) need_field(f.relation->field, base + "/x-relation/field");
    if (!f.fallback_column.empty()) need_field(f.fallback_column, base + "/x-fallbackColumn");
  }
  for (size_t i = 0; i < s.primary_key.size(); ++i)
    need_field(s.primary_key[i], "/primaryKey/" + std::to_string(i));
  for (size_t r = 0; r < s.foreign_keys.size(); ++r)
    for (size_t i = 0; i < s.foreign_keys[r].fields.size(); ++i)
      need_field(s.foreign_keys[r].fields[i], "/foreignKeys/" + std::to_string(r) + "/fields/" + std::to_string(i));
  for (size_t r = 0; r < s.complete.size(); ++r)
    for (size_t i = 0; i < s.complete[r].fields.size(); ++i)
      need_field(s.complete[r].fields[i], "/x-complete/" + std::to_string(r) + "/fields/" + std::to_string(i));
  if (s.continuation) {
    for (size_t i = 0; i < s.continuation->key.size(); ++i)
      need_field(s.continuation->key[i], "/x-continuation/key/" + std::to_string(i));
    for (size_t i = 0; i < s.continuation->append.size(); ++i)
      need_field(s.continuation->append[i], "/x-continuation/append/" + std::to_string(i));
  }
  for (const auto& [name, attribute] : s.template_spec.prefill)
    need_field(name, "/x-template/prefill/" + name);
}

}  // namespace

SchemaSet SchemaSet::load_dir(const fs::path& schemas_dir) {
  std::map<std::string, std::string> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(schemas_dir / "sheets", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 12 && name.ends_with(".schema.json")) files[entry.path().string()] = read_bytes(entry.path());
  }
  if (ec) throw SchemaError(schemas_dir / "sheets", "", "cannot list the folder: " + ec.message());
  const fs::path meta = schemas_dir / "sheet.meta.json";
  return from_files(read_bytes(meta), files, meta.string(), (schemas_dir / "sheets").string());
}

SchemaSet SchemaSet::from_files(std::string_view meta_text, const std::map<std::string, std::string>& sheet_files,
                                const std::string& meta_name, const std::string& sheets_name,
                                const CheckedResources* checked) {
  // The meta-schema is made only for a file that needs checking.
  std::optional<SheetMetaSchema> meta;
  SchemaSet set;
  for (const auto& [name, text] : sheet_files) {  // sorted by name
    const fs::path file = utf8_path(name);
    const json doc = parse_json_text(text, file);
    if (!already_checked(checked, name, text, meta_name, meta_text)) {
      if (!meta) meta.emplace(meta_name, meta_text);
      meta->check(file, doc);
    }
    SheetSchema sheet = parse_sheet(file, doc);
    check_consistency(sheet);
    if (set.sheet(sheet.name))
      throw SchemaError(file, "/name", "sheet schema \"" + sheet.name + "\" is defined twice");
    set.sheets_.push_back(std::move(sheet));
  }
  for (const char* needed : {"agency", "indicators"})
    if (!set.sheet(needed))
      throw SchemaError(sheets_name, "", std::string("no schema for the \"") + needed + "\" sheet");
  std::stable_sort(set.sheets_.begin(), set.sheets_.end(),
                   [](const SheetSchema& a, const SheetSchema& b) { return a.order < b.order; });
  return set;
}

const SheetSchema* SchemaSet::sheet(std::string_view name) const {
  for (const auto& s : sheets_)
    if (s.name == name) return &s;
  return nullptr;
}

}  // namespace itawb::schema

#include "schema/json_check.hpp"

#include <algorithm>
#include <vector>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "base/error.hpp"

namespace itawb::schema {
namespace {

using nlohmann::json;

}  // namespace

std::string json_path(const std::vector<std::string>& context) {
  std::string path;
  for (const auto& part : context) {
    if (part == "<root>") continue;
    std::string p = part;
    if (p.size() >= 2 && p.front() == '[' && p.back() == ']') p = p.substr(1, p.size() - 2);
    if (p.size() >= 2 && p.front() == '"' && p.back() == '"') p = p.substr(1, p.size() - 2);
    path += "/" + p;
  }
  return path.empty() ? "/" : path;
}


void resource_invalid(const std::string& file, const std::string& json_path, const std::string& what_th,
                      const std::string& what_en) {
  const std::string path = json_path.empty() ? "/" : json_path;
  throw Error("resource-invalid", "ไฟล์ข้อมูลประกอบใช้ไม่ได้ ที่ " + path + ": " + what_th,
              "resource file cannot be used, at " + path + ": " + what_en, file);
}

json parse_resource_json(std::string_view text, const std::string& file) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    if (const auto bracket = what.find("] "); bracket != std::string::npos) what = what.substr(bracket + 2);
    resource_invalid(file, "", "ไม่ใช่ JSON ที่ถูกต้อง (" + what + ")", "not valid JSON: " + what);
  }
}

struct MetaSchema::Impl {
  json doc;
  valijson::Schema schema;
};

MetaSchema::MetaSchema(std::string_view text, std::string file)
    : file_(std::move(file)), impl_(std::make_unique<Impl>()) {
  impl_->doc = parse_resource_json(text, file_);
  try {
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter adapter(impl_->doc);
    parser.populateSchema(adapter, impl_->schema);
  } catch (const std::exception& e) {
    resource_invalid(file_, "", std::string("ใช้เป็น meta-schema ไม่ได้ (") + e.what() + ")",
                     std::string("meta-schema cannot be used: ") + e.what());
  }
}

MetaSchema::~MetaSchema() = default;
MetaSchema::MetaSchema(MetaSchema&&) noexcept = default;
MetaSchema& MetaSchema::operator=(MetaSchema&&) noexcept = default;

void MetaSchema::check(const json& doc, const std::string& file) const {
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(doc);
  if (validator.validate(impl_->schema, adapter, &results)) return;
  // The last error is the most specific one (valijson reports outer
  // constraints after the inner ones that made them fail).
  std::vector<valijson::ValidationResults::Error> errors(results.begin(), results.end());
  const auto deepest = std::max_element(errors.begin(), errors.end(), [](const auto& a, const auto& b) {
    return a.context.size() < b.context.size();
  });
  const std::string meta = file_.substr(file_.find_last_of('/') == std::string::npos ? 0 : file_.find_last_of('/') + 1);
  resource_invalid(file, json_path(deepest->context),
                   deepest->description + " (ไม่ตรงกับ " + meta + ")",
                   deepest->description + " (checked against " + meta + ")");
}

}  // namespace itawb::schema

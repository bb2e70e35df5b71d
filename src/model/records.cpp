#include "model/records.hpp"

#include "xlsx/cell_ref.hpp"

namespace itawb::model {

Finding finding_at(Severity severity, std::string code, const std::string& file,
                   const Origin& origin, std::string value, std::string message_th,
                   std::string message_en) {
  Finding f;
  f.severity = severity;
  f.code = std::move(code);
  f.file = file;
  if (origin.known()) {
    f.sheet = origin.sheet;
    f.cell = xlsx::ref_name(origin.row, origin.col);
    f.row = origin.row + 1;
    f.column = origin.col + 1;
  }
  f.value = std::move(value);
  f.message_th = std::move(message_th);
  f.message_en = std::move(message_en);
  return f;
}

}  // namespace itawb::model

namespace itawb::model {

const std::string* find_value(const FieldValues& values, std::string_view name) {
  for (const auto& [field, value] : values)
    if (field == name) return &value;
  return nullptr;
}

void set_value(FieldValues& values, std::string_view name, std::string value) {
  for (auto& [field, v] : values)
    if (field == name) {
      v = std::move(value);
      return;
    }
  values.emplace_back(std::string(name), std::move(value));
}

namespace {

int parse_int(const std::string& text) {
  try {
    size_t used = 0;
    const double d = std::stod(text, &used);
    return used ? static_cast<int>(d) : 0;
  } catch (...) {
    return 0;
  }
}

std::string int_text(int n) { return n > 0 ? std::to_string(n) : std::string(); }

}  // namespace

const std::vector<std::string_view>& MeasureInput::modelled_fields() {
  static const std::vector<std::string_view> names = {"id",    "issue", "deficiency", "measure",          "steps",
                                                      "timeframe", "owner", "budget",  "success_indicator"};
  return names;
}

std::string MeasureInput::value(std::string_view field) const {
  if (field == "id") return id;
  if (field == "issue") return int_text(issue);
  if (field == "deficiency") return deficiency;
  if (field == "measure") return measure;
  if (field == "steps") return steps;
  if (field == "timeframe") return timeframe;
  if (field == "owner") return owner;
  if (field == "budget") return budget;
  if (field == "success_indicator") return success_indicator;
  const std::string* v = find_value(extra, field);
  return v ? *v : std::string();
}

void MeasureInput::set(std::string_view field, std::string text) {
  if (field == "id") id = std::move(text);
  else if (field == "issue") issue = parse_int(text);
  else if (field == "deficiency") deficiency = std::move(text);
  else if (field == "measure") measure = std::move(text);
  else if (field == "steps") steps = std::move(text);
  else if (field == "timeframe") timeframe = std::move(text);
  else if (field == "owner") owner = std::move(text);
  else if (field == "budget") budget = std::move(text);
  else if (field == "success_indicator") success_indicator = std::move(text);
  else set_value(extra, field, std::move(text));
}

const std::vector<std::string_view>& ProgressInput::modelled_fields() {
  static const std::vector<std::string_view> names = {"measure_id", "quarter",  "status",      "result",
                                                      "obstacles",  "suggestions", "evidence", "reporter",
                                                      "report_date", "department"};
  return names;
}

std::string ProgressInput::value(std::string_view field) const {
  if (field == "measure_id") return measure_id;
  if (field == "quarter") return int_text(quarter);
  if (field == "status") return status;
  if (field == "result") return result;
  if (field == "obstacles") return obstacles;
  if (field == "suggestions") return suggestions;
  if (field == "evidence") return evidence;
  if (field == "reporter") return reporter;
  if (field == "report_date") return report_date;
  if (field == "department") return department;
  const std::string* v = find_value(extra, field);
  return v ? *v : std::string();
}

void ProgressInput::set(std::string_view field, std::string text) {
  if (field == "measure_id") measure_id = std::move(text);
  else if (field == "quarter") quarter = parse_int(text);
  else if (field == "status") status = std::move(text);
  else if (field == "result") result = std::move(text);
  else if (field == "obstacles") obstacles = std::move(text);
  else if (field == "suggestions") suggestions = std::move(text);
  else if (field == "evidence") evidence = std::move(text);
  else if (field == "reporter") reporter = std::move(text);
  else if (field == "report_date") report_date = std::move(text);
  else if (field == "department") department = std::move(text);
  else set_value(extra, field, std::move(text));
}

}  // namespace itawb::model

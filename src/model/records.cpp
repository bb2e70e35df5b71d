#include "model/records.hpp"

#include <algorithm>

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

// One record's modelled fields, described once: the schema field name and
// the member that holds it (text, or a whole number read from text).
template <typename Record>
struct Member {
  std::string_view name;
  std::string Record::*text = nullptr;
  int Record::*number = nullptr;
};

namespace {

const std::vector<Member<MeasureInput>>& measure_members() {
  using M = MeasureInput;
  static const std::vector<Member<M>> members = {
      {"id", &M::id},           {"issue", nullptr, &M::issue}, {"deficiency", &M::deficiency},
      {"measure", &M::measure}, {"steps", &M::steps},          {"timeframe", &M::timeframe},
      {"owner", &M::owner},     {"budget", &M::budget},        {"success_indicator", &M::success_indicator}};
  return members;
}

const std::vector<Member<ProgressInput>>& progress_members() {
  using P = ProgressInput;
  static const std::vector<Member<P>> members = {
      {"measure_id", &P::measure_id}, {"quarter", nullptr, &P::quarter}, {"status", &P::status},
      {"result", &P::result},         {"obstacles", &P::obstacles},      {"suggestions", &P::suggestions},
      {"evidence", &P::evidence},     {"reporter", &P::reporter},        {"report_date", &P::report_date},
      {"department", &P::department}};
  return members;
}

template <typename Record>
std::vector<std::string_view> names_of(const std::vector<Member<Record>>& members) {
  std::vector<std::string_view> names;
  for (const auto& m : members) names.push_back(m.name);
  return names;
}

template <typename Record>
std::string value_of(const Record& r, const std::vector<Member<Record>>& members, std::string_view field) {
  for (const auto& m : members)
    if (m.name == field) return m.text ? r.*(m.text) : int_text(r.*(m.number));
  const std::string* v = find_value(r.extra, field);
  return v ? *v : std::string();
}

template <typename Record>
void set_field(Record& r, const std::vector<Member<Record>>& members, std::string_view field, std::string text) {
  for (const auto& m : members)
    if (m.name == field) {
      if (m.text) r.*(m.text) = std::move(text);
      else r.*(m.number) = parse_int(text);
      return;
    }
  set_value(r.extra, field, std::move(text));
}

}  // namespace

const std::vector<std::string_view>& MeasureInput::modelled_fields() {
  static const std::vector<std::string_view> names = names_of(measure_members());
  return names;
}
std::string MeasureInput::value(std::string_view field) const { return value_of(*this, measure_members(), field); }
void MeasureInput::set(std::string_view field, std::string text) {
  set_field(*this, measure_members(), field, std::move(text));
}

const std::vector<std::string_view>& ProgressInput::modelled_fields() {
  static const std::vector<std::string_view> names = names_of(progress_members());
  return names;
}
std::string ProgressInput::value(std::string_view field) const { return value_of(*this, progress_members(), field); }
void ProgressInput::set(std::string_view field, std::string text) {
  set_field(*this, progress_members(), field, std::move(text));
}

bool AgencyWorkbook::has_scores() const {
  const auto any_score = [](const auto& rows) {
    return std::any_of(rows.begin(), rows.end(), [](const auto& r) { return r.score || r.previous; });
  };
  return any_score(indicators) || any_score(questions);
}

}  // namespace itawb::model

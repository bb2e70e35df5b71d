#include "model/references.hpp"

#include <cmath>
#include <set>

#include "schema/checks.hpp"

namespace itawb::model {

using namespace itawb::schema;

std::string join_years(const std::vector<int>& years) {
  std::string out;
  for (int y : years) out += (out.empty() ? "" : ", ") + std::to_string(y);
  return out;
}

namespace {

// The keys a resource offers, as the normalised text of the values that
// refer to them. `available` is false when the resource cannot be checked.
struct KeySet {
  bool available = false;
  std::set<std::string> keys;
};

KeySet framework_keys(const std::string& resource, const CheckContext& ctx) {
  KeySet out;
  if (resource == "framework:years") {
    out.available = true;
    for (int y : ctx.known_years) out.keys.insert(std::to_string(y));
    return out;
  }
  const model::Framework* fw = ctx.framework;
  if (!fw) return out;
  if (resource == "framework:indicators") {
    for (const auto& i : fw->indicators) out.keys.insert(std::to_string(i.number));
  } else if (resource == "framework:questions") {
    for (const auto& q : fw->questions) out.keys.insert(q.code);
  } else if (resource == "framework:issues") {
    for (const auto& i : fw->issues) out.keys.insert(std::to_string(i.number));
  }
  out.available = !out.keys.empty();
  return out;
}

KeySet sheet_keys(const std::string& resource, const std::vector<std::string>& fields, const CheckContext& ctx) {
  KeySet out;
  auto it = ctx.sheets.find(resource);
  if (it == ctx.sheets.end() || !it->second.header_row) return out;
  out.available = true;
  const ParsedSheet& target = it->second;
  for (const auto& row : target.rows) {
    std::string key;
    bool complete = true;
    for (const auto& f : fields) {
      const FieldCell* c = target.get(row, f);
      if (!c || !c->valid) complete = false;
      else key += (key.empty() ? "" : "\x1f") + c->value.text;
    }
    if (complete) out.keys.insert(key);
  }
  return out;
}

std::string year_text(const CheckContext& ctx) {
  return ctx.framework ? std::to_string(ctx.framework->year) : "";
}

// Messages per resource, Thai and English: what was looked for and where.
std::pair<std::string, std::string> not_found(const std::string& resource, const std::string& value,
                                              const CheckContext& ctx) {
  const std::string y = year_text(ctx);
  if (resource == "framework:years")
    return {"ไม่มีเกณฑ์การประเมินของปี " + value + " (มีเกณฑ์ปี " + join_years(ctx.known_years) + ")",
            "no assessment framework for year " + value + " (frameworks exist for " +
                join_years(ctx.known_years) + ")"};
  if (resource == "framework:questions")
    return {"ไม่มีข้อคำถามรหัส " + value + " ในเกณฑ์ปี " + y,
            "question code " + value + " is not in the " + y + " framework"};
  if (resource == "framework:indicators")
    return {"ไม่มีตัวชี้วัดที่ " + value + " ในเกณฑ์ปี " + y,
            "indicator " + value + " is not in the " + y + " framework"};
  if (resource == "framework:issues")
    return {"ไม่มีประเด็นที่ " + value + " ในเกณฑ์ปี " + y, "issue " + value + " is not in the " + y + " framework"};
  const auto it = ctx.sheets.find(resource);
  const std::string sheet = it != ctx.sheets.end() ? it->second.sheet_name : resource;
  return {"ไม่พบ " + quote(value) + " ในชีต " + sheet, quote(value) + " is not found on sheet " + sheet};
}

void unavailable(const ParsedSheet& sheet, const Reference& ref, const CheckContext& ctx) {
  if (ref.resource == "framework:questions" && ctx.framework) {
    const std::string y = std::to_string(ctx.framework->year);
    ctx.sink.add(Severity::Warning, "foreign-key", sheet.sheet_name, std::nullopt, std::nullopt, "",
                 "เกณฑ์ปี " + y + " ไม่มีรายการข้อคำถาม จึงตรวจรหัสข้อในชีตนี้ไม่ได้ และวิเคราะห์ได้เฉพาะระดับตัวชี้วัด",
                 "the " + y + " framework has no question catalogue, so codes on this sheet are not checked "
                 "and the analysis stays at indicator level");
    return;
  }
  if (!ref.resource.starts_with("framework:")) {
    const SheetSchema* target = ctx.schemas.sheet(ref.resource);
    const std::string title = target ? target->title : ref.resource;
    ctx.sink.add(Severity::Error, "foreign-key", sheet.sheet_name, std::nullopt, std::nullopt, "",
                 "ชีตนี้อ้างถึงชีต " + quote(title) + " ซึ่งไม่มีในไฟล์หรืออ่านหัวตารางไม่ได้",
                 "this sheet refers to sheet " + quote(title) + ", which is missing or has no header");
  }
  // Other framework resources without a framework: the year error says it all.
}

}  // namespace

void check_foreign_keys(const ParsedSheet& sheet, const CheckContext& ctx) {
  for (const Reference& ref : sheet.schema->foreign_keys) {
    const KeySet keys = ref.resource.starts_with("framework:") ? framework_keys(ref.resource, ctx)
                                                               : sheet_keys(ref.resource, ref.reference_fields, ctx);
    if (!keys.available) {
      bool any_value = false;
      for (const auto& row : sheet.rows)
        for (const auto& f : ref.fields)
          if (const FieldCell* c = sheet.get(row, f); c && c->valid) any_value = true;
      if (any_value) unavailable(sheet, ref, ctx);
      continue;
    }
    for (const auto& row : sheet.rows) {
      std::string key;
      const FieldCell* first = nullptr;
      bool complete = true;
      for (const auto& f : ref.fields) {
        const FieldCell* c = sheet.get(row, f);
        if (!c || !c->valid) complete = false;
        else key += (key.empty() ? "" : "\x1f") + c->value.text;
        if (!first) first = c;
      }
      if (!complete || keys.keys.count(key)) continue;
      auto [th, en] = not_found(ref.resource, key, ctx);
      ctx.sink.add(Severity::Error, "foreign-key", sheet.sheet_name, first->row, first->col, first->value.raw, th,
                   en);
    }
  }
}

void check_complete(const ParsedSheet& sheet, const CheckContext& ctx) {
  if (!sheet.header_row) return;
  for (const Reference& ref : sheet.schema->complete) {
    if (ref.resource != "framework:indicators" || ref.fields.size() != 1) continue;
    const int field = sheet.schema->field_index(ref.fields[0]);
    if (!sheet.columns[static_cast<size_t>(field)]) continue;  // missing-label already said it
    std::set<std::string> present;
    for (const auto& row : sheet.rows)
      if (const FieldCell& c = row.cells[static_cast<size_t>(field)]; c.valid) present.insert(c.value.text);
    // Without a framework, the field's own range (1..10) stands in for it.
    std::vector<std::pair<std::string, std::string>> wanted;  // key, name
    if (ctx.framework) {
      for (const auto& i : ctx.framework->indicators) wanted.emplace_back(std::to_string(i.number), i.name_th);
    } else if (const auto& c = sheet.schema->fields[static_cast<size_t>(field)].constraints; c.minimum && c.maximum) {
      for (int n = static_cast<int>(*c.minimum); n <= static_cast<int>(*c.maximum); ++n)
        wanted.emplace_back(std::to_string(n), "");
    }
    for (const auto& [key, name] : wanted) {
      if (present.count(key)) continue;
      ctx.sink.add(Severity::Error, "missing-row", sheet.sheet_name, std::nullopt, std::nullopt, key,
                   "ไม่พบตัวชี้วัดที่ " + key + (name.empty() ? "" : " " + name) + " ในชีต " + sheet.sheet_name,
                   "indicator " + key + " is missing from sheet " + sheet.sheet_name);
    }
  }
}

void check_relations(const ParsedSheet& sheet, const CheckContext& ctx) {
  for (const auto& field : sheet.schema->fields) {
    if (!field.relation) continue;
    for (const auto& row : sheet.rows) {
      const FieldCell* self = sheet.get(row, field.name);
      const FieldCell* base = sheet.get(row, field.relation->field);
      if (!self || !base || !self->valid || !base->valid) continue;
      const double expected = base->value.number + field.relation->offset;
      if (std::fabs(self->value.number - expected) < 1e-9) continue;
      const FieldSchema& other = *sheet.schema->field(field.relation->field);
      const std::string exp = format_number(expected), found = self->value.text;
      ctx.sink.add(Severity::Warning, "row-constraint", sheet.sheet_name, self->row, self->col, self->value.raw,
                   field.title + "ปกติคือ" + other.title + " + " + format_number(field.relation->offset) + " = " +
                       exp + " แต่พบ " + found,
                   field.title_en + " is usually " + other.title_en + " + " +
                       format_number(field.relation->offset) + " = " + exp + ", found " + found);
    }
  }
}

}  // namespace itawb::model

#include "model/load.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "schema/checks.hpp"
#include "text/fold.hpp"
#include "model/references.hpp"
#include "schema/schema.hpp"
#include "schema/table.hpp"

namespace itawb::model {

using namespace itawb::schema;
namespace {

using ReadSheet = std::function<xlsx::Sheet(size_t)>;

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void missing_sheet(const SheetSchema& schema, const std::vector<std::string>& present, bool required,
                   FindingSink& sink) {
  const std::vector<std::string> names = schema.sheet_names();
  const std::vector<std::string> others(names.begin() + 1, names.end());
  const std::string there = present.empty() ? "-" : join(present);
  if (required) {
    sink.add(Severity::Error, "missing-sheet", "", std::nullopt, std::nullopt, schema.title,
             "ไม่พบชีต " + quote(schema.title) + " (หรือชื่ออื่นที่ใช้ได้: " + join(others) + ") ชีตที่มีในไฟล์: " + there,
             "sheet " + quote(schema.title) + " not found (other accepted names: " + join(others) +
                 "); the file has: " + there);
  } else if (!schema.missing_message_th.empty()) {
    sink.add(Severity::Warning, "missing-sheet", "", std::nullopt, std::nullopt, schema.title,
             "ไม่พบชีต " + quote(schema.title) + " (หรือ " + join(others) + ") " + schema.missing_message_th,
             "sheet " + quote(schema.title) + " (or " + join(others) + ") not found, " + schema.missing_message_en);
  }
}

model::Origin origin(const ParsedSheet& sheet, const FieldCell& c) { return {sheet.sheet_name, c.row, c.col}; }

// Typed getters over a parsed row: absent or invalid values come back empty.
struct RowView {
  const ParsedSheet& sheet;
  const ParsedRow& row;
  const FieldCell* cell(std::string_view name) const {
    const FieldCell* c = sheet.get(row, name);
    return c && c->valid ? c : nullptr;
  }
  std::string text(std::string_view name) const {
    const FieldCell* c = cell(name);
    return c ? c->value.text : "";
  }
  std::optional<double> number(std::string_view name) const {
    const FieldCell* c = cell(name);
    if (!c || c->value.kind != Value::Kind::Number) return std::nullopt;
    return c->value.number;
  }
  int integer(std::string_view name) const {
    auto n = number(name);
    return n ? static_cast<int>(std::lround(*n)) : 0;
  }
  // The field's cell, or the row's first cell when the field is absent.
  model::Origin where(std::string_view name) const {
    const FieldCell* c = sheet.get(row, name);
    if (c && (c->present || sheet.columns[static_cast<size_t>(sheet.schema->field_index(name))]))
      return origin(sheet, *c);
    uint32_t first = UINT32_MAX;
    for (const auto& col : sheet.columns)
      if (col) first = std::min(first, *col);
    return {sheet.sheet_name, row.row, first == UINT32_MAX ? 0 : first};
  }
};

void build_agency(const ParsedSheet& sheet, std::optional<int> year_override, model::AgencyWorkbook& model) {
  const RowView v{sheet, sheet.rows.front()};
  model::Agency& a = model.agency;
  a.name = v.text("name");
  a.district = v.text("district");
  a.province = v.text("province");
  a.type = v.text("agency_type");
  a.assessment_year = year_override ? *year_override : v.integer("assessment_year");
  a.plan_year = v.integer("plan_year");
  // A plan typed without its assessment year: the year before the plan's.
  if (a.assessment_year == 0 && a.plan_year > 0) a.assessment_year = a.plan_year - 1;
  if (const auto* f = sheet.schema->field("plan_year"); a.plan_year == 0 && f && f->relation && a.assessment_year)
    a.plan_year = a.assessment_year + static_cast<int>(f->relation->offset);
  a.reported_total = v.number("reported_total");
  a.reported_level = v.text("reported_level");
  a.reported_total_origin = v.where("reported_total");
  a.reported_level_origin = v.where("reported_level");
  for (const auto& d : sheet.repeats) model.extra_departments.push_back(d.value.text);
}

void build_indicators(const ParsedSheet& sheet, model::AgencyWorkbook& model) {
  for (const auto& row : sheet.rows) {
    const RowView v{sheet, row};
    if (!v.cell("indicator")) continue;
    model.indicators.push_back({v.integer("indicator"), v.text("name"), v.number("score"), v.number("previous"),
                                v.where("score")});
  }
}

void build_questions(const ParsedSheet& sheet, model::AgencyWorkbook& model) {
  for (const auto& row : sheet.rows) {
    const RowView v{sheet, row};
    if (!v.cell("code")) continue;
    model.questions.push_back({v.text("code"), v.text("text"), v.number("score"), v.number("previous"),
                               v.where("score")});
  }
}

// The schema's fields a record has no member for, by name and in schema
// order: valid values normalised, invalid ones as written.
template <class Record>
model::FieldValues extra_fields(const ParsedSheet& sheet, const ParsedRow& row) {
  model::FieldValues out;
  const auto& modelled = Record::modelled_fields();
  for (size_t i = 0; i < sheet.schema->fields.size(); ++i) {
    const std::string& name = sheet.schema->fields[i].name;
    if (std::find(modelled.begin(), modelled.end(), name) != modelled.end()) continue;
    const FieldCell& c = row.cells[i];
    out.emplace_back(name, c.valid ? c.value.text : c.present ? c.value.raw : std::string());
  }
  return out;
}

// A measure typed without its ลำดับ (a warning on the cell) is numbered by its
// place among the measures, as people count them ("มาตรการที่ 3" is the third),
// unless another measure already has that number: then by its row ("แถว 7").
void number_unnumbered(std::vector<model::MeasureInput>& measures) {
  std::set<std::string> used;
  for (const auto& m : measures)
    if (!m.id.empty()) used.insert(text::fold(m.id));
  for (size_t i = 0; i < measures.size(); ++i) {
    auto& m = measures[i];
    if (!m.id.empty() || m.measure.empty()) continue;
    const std::string place = std::to_string(i + 1);
    m.id = used.insert(place).second ? place : "แถว " + std::to_string(m.origin.row + 1);
  }
}

void build_measures(const ParsedSheet& sheet, model::AgencyWorkbook& model) {
  for (const auto& row : sheet.rows) {
    const RowView v{sheet, row};
    model::MeasureInput m;
    m.id = v.text("id");
    m.issue = v.integer("issue");
    m.deficiency = v.text("deficiency");
    m.measure = v.text("measure");
    m.steps = v.text("steps");
    m.timeframe = v.text("timeframe");
    m.owner = v.text("owner");
    m.budget = v.text("budget");
    m.success_indicator = v.text("success_indicator");
    m.extra = extra_fields<model::MeasureInput>(sheet, row);
    m.origin = v.where("id");
    m.timeframe_origin = v.where("timeframe");
    m.owner_origin = v.where("owner");
    model.measures.push_back(std::move(m));
  }
  number_unnumbered(model.measures);
}

void build_progress(const ParsedSheet& sheet, model::AgencyWorkbook& model) {
  for (const auto& row : sheet.rows) {
    const RowView v{sheet, row};
    model::ProgressInput p;
    p.measure_id = v.text("measure_id");
    p.quarter = v.integer("quarter");
    if (const FieldCell* q = sheet.get(row, "quarter"); q && q->present && !q->valid) p.quarter = -1;  // unusable
    p.status = v.text("status");
    p.result = v.text("result");
    p.obstacles = v.text("obstacles");
    p.suggestions = v.text("suggestions");
    p.evidence = v.text("evidence");
    p.reporter = v.text("reporter");
    p.report_date = v.text("report_date");
    p.department = v.text("department");
    p.extra = extra_fields<model::ProgressInput>(sheet, row);
    p.origin = v.where("measure_id");
    p.report_date_origin = v.where("report_date");
    model.progress.push_back(std::move(p));
  }
}

// The framework year: --year, else ปีที่ประเมิน when it was read cleanly.
// The framework year: --year, else the agency's assessment year as
// build_agency read it (from ปีที่ประเมิน, or ปีของมาตรการ − 1).
const model::Framework* choose_framework(const model::Agency& agency, const model::FrameworkCatalog& frameworks,
                                         const LoadOptions& options, FindingSink& sink) {
  if (options.year) {
    const model::Framework* fw = frameworks.for_year(*options.year);
    if (!fw) {
      const std::string y = std::to_string(*options.year), known = join_years(frameworks.years());
      sink.add(Severity::Error, "foreign-key", "", std::nullopt, std::nullopt, y,
               "ไม่มีเกณฑ์การประเมินของปี " + y + " (--year) (มีเกณฑ์ปี " + known + ")",
               "no assessment framework for year " + y + " (--year) (frameworks exist for " + known + ")");
    }
    return fw;
  }
  return agency.assessment_year ? frameworks.for_year(agency.assessment_year) : nullptr;
}

// What kind of workbook this is, decided once from its sheet names: where
// each standard sheet is, and which may be missing because the sheet that
// makes them optional is there (`requiredUnless`: a measures and progress
// workbook has no score sheets).
struct Kind {
  std::map<std::string, size_t> found;  // schema name -> the sheet's index
  std::set<std::string> waived;         // schema names a present sheet makes optional
};

Kind kind_of(const std::vector<std::string>& names, const SchemaSet& schemas) {
  Kind kind;
  for (const SheetSchema& schema : schemas.sheets())
    if (const auto index = find_sheet(names, schema)) kind.found.emplace(schema.name, *index);
  for (const SheetSchema& schema : schemas.sheets())
    if (!schema.required_unless.empty() && kind.found.count(schema.required_unless)) kind.waived.insert(schema.name);
  return kind;
}

// True when the workbook has score sheets (คะแนนตัวชี้วัด, คะแนนรายข้อ) but
// not one score typed in them, and they are waived (มาตรการ is there): a
// full template used for the plan only. It is read as a workbook without
// score sheets, not as a missing score on every pre-filled row.
bool score_sheets_left_blank(const std::map<std::string, ParsedSheet>& parsed, const Kind& kind) {
  bool any_score_sheet = false, waived = false;
  for (const auto& [name, sheet] : parsed) {
    if (!sheet.schema->holds_scores()) continue;
    any_score_sheet = true;
    waived = waived || kind.waived.count(name) > 0;
    for (const auto& row : sheet.rows)
      for (const char* field : {"score", "previous"})
        if (const FieldCell* c = sheet.get(row, field); c && c->present) return false;
  }
  return any_score_sheet && waived;
}

// Removes the blank score sheets and says so once.
void drop_blank_score_sheets(std::map<std::string, ParsedSheet>& parsed, FindingSink& sink) {
  std::vector<std::string> titles;
  std::string reason_th, reason_en;
  for (auto it = parsed.begin(); it != parsed.end();) {
    const SheetSchema& schema = *it->second.schema;
    if (!schema.holds_scores()) {
      ++it;
      continue;
    }
    titles.push_back(quote(it->second.sheet_name));
    if (!schema.required_unless.empty()) {
      reason_th = schema.missing_message_th;
      reason_en = schema.missing_message_en;
    }
    it = parsed.erase(it);
  }
  sink.add(Severity::Warning, "no-scores", "", std::nullopt, std::nullopt, join(titles),
           "ชีต " + join(titles) + " ยังไม่มีคะแนนที่กรอก " + reason_th,
           "sheet(s) " + join(titles) + " hold no score yet, " + reason_en);
}

LoadResult load_impl(const std::vector<std::string>& names, const ReadSheet& read, const std::string& path,
                     const SchemaSet& schemas, const model::FrameworkCatalog& frameworks,
                     const LoadOptions& options) {
  LoadResult result;
  result.model.path = path;
  FindingSink sink{result.findings, options.file_label.empty() ? path : options.file_label};

  std::map<std::string, ParsedSheet> parsed;
  // Each sheet's findings, in schema order, held until it is known whether
  // its score sheets were left blank (then they and their findings go).
  std::vector<std::pair<const SheetSchema*, Findings>> held;
  const Kind kind = kind_of(names, schemas);
  for (const SheetSchema& schema : schemas.sheets()) {
    held.emplace_back(&schema, Findings{});
    FindingSink sheet_sink{held.back().second, sink.file};
    const auto index = kind.found.find(schema.name);
    if (index == kind.found.end()) {
      // A measures and progress workbook (no scores) is a workbook too.
      missing_sheet(schema, names, schema.required && !kind.waived.count(schema.name), sheet_sink);
      continue;
    }
    const xlsx::Sheet sheet = read(index->second);
    parsed.emplace(schema.name, read_sheet(sheet, schema, sheet_sink, &options.readers));
  }
  const bool blank_scores = score_sheets_left_blank(parsed, kind);
  for (const auto& [schema, findings] : held)
    if (!(blank_scores && schema->holds_scores())) result.findings.append(findings);
  if (blank_scores) drop_blank_score_sheets(parsed, sink);

  model::AgencyWorkbook& model = result.model;
  if (auto it = parsed.find("agency"); it != parsed.end()) build_agency(it->second, options.year, model);
  result.framework = choose_framework(model.agency, frameworks, options, sink);
  const CheckContext ctx{parsed, result.framework, frameworks.years(), sink, schemas};
  for (const auto& [name, sheet] : parsed) {
    // With --year the workbook's own year is not the one used; do not flag it.
    if (!(options.year && name == "agency")) check_foreign_keys(sheet, ctx);
    check_complete(sheet, ctx);
    check_relations(sheet, ctx);
  }

  model.measures_schema = schemas.sheet("measures");
  model.progress_schema = schemas.sheet("progress");
  if (auto it = parsed.find("indicators"); it != parsed.end()) build_indicators(it->second, model);
  if (auto it = parsed.find("questions"); it != parsed.end()) {
    model.has_question_sheet = true;
    build_questions(it->second, model);
  }
  if (auto it = parsed.find("measures"); it != parsed.end()) {
    model.has_measure_sheet = true;
    build_measures(it->second, model);
  }
  if (auto it = parsed.find("progress"); it != parsed.end()) {
    model.has_progress_sheet = true;
    build_progress(it->second, model);
  }
  return result;
}

}  // namespace

LoadResult load_workbook(const xlsx::Workbook& workbook, const SchemaSet& schemas,
                         const model::FrameworkCatalog& frameworks, const LoadOptions& options) {
  std::vector<std::string> names;
  for (const auto& info : workbook.sheets()) names.push_back(info.name);
  return load_impl(names, [&](size_t i) { return workbook.read_sheet(i); }, workbook.path(), schemas, frameworks,
                   options);
}

LoadResult load_sheets(const std::vector<xlsx::Sheet>& sheets, const SchemaSet& schemas,
                       const model::FrameworkCatalog& frameworks, const LoadOptions& options) {
  std::vector<std::string> names;
  for (const auto& s : sheets) names.push_back(s.info.name);
  return load_impl(names, [&](size_t i) { return sheets[i]; }, options.file_label, schemas, frameworks, options);
}

}  // namespace itawb::model

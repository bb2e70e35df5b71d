#include "app/master.hpp"

#include <algorithm>

#include "base/files.hpp"
#include "model/framework.hpp"
#include "plan/owners.hpp"
#include "plan/progress.hpp"
#include "schema/table.hpp"

namespace itawb::app {
namespace {

std::optional<size_t> find_schema_sheet(const xlsx::Workbook& wb, const schema::SheetSchema* s) {
  if (!s) return std::nullopt;
  std::vector<std::string> names;
  for (const auto& info : wb.sheets()) names.push_back(info.name);
  return schema::find_sheet(names, *s);
}

// A master progress row belongs to the department the plan gave it
// (PlanResult::row_departments: its หน่วยงานที่รายงาน cell, else its measure's
// only department); a row of no measure keeps the department written in it.
std::vector<std::string> attribute_progress(const model::AgencyWorkbook& model, const plan::PlanResult& plan) {
  const plan::OwnerResolver owners(*plan.department_table, model.extra_departments, std::nullopt, model.agency.name);
  std::vector<std::string> out = plan.row_departments;
  out.resize(model.progress.size());
  for (size_t i = 0; i < out.size(); ++i)
    if (out[i].empty() && !model.progress[i].department.empty())
      out[i] = owners.canonical(model.progress[i].department).value_or(model.progress[i].department);
  return out;
}

}  // namespace

std::vector<std::string> status_choices() {
  return {plan::status_th(plan::Status::NotStarted), plan::status_th(plan::Status::InProgress),
          plan::status_th(plan::Status::Done)};
}

std::string canonical_status(const plan::StatusTable& statuses, std::string_view written) {
  const auto s = statuses.read(written);
  return s ? plan::status_th(*s) : std::string();
}

const std::vector<std::string>& departments_of(const plan::PlannedMeasure& m) { return m.departments; }

// The master's progress cells as written, by sheet row and field name, so
// that rows the merge keeps are copied verbatim (the model holds only valid,
// normalised values; an invalid status or date must not be lost).
RawRows read_raw_progress(const Master& master) {
  RawRows out;
  const schema::SheetSchema* found = master.schemas->sheet("progress");
  if (!master.progress_sheet || !found) return out;
  const schema::SheetSchema& schema = *found;
  const xlsx::Sheet sheet = master.workbook.read_sheet(*master.progress_sheet);
  const auto header = schema::find_header(sheet, schema);
  if (!header) return out;
  std::map<uint32_t, std::string> field_of_column;
  for (size_t f = 0; f < schema.fields.size(); ++f)
    if (header->columns[f]) field_of_column.emplace(*header->columns[f], schema.fields[f].name);
  for (const auto& c : sheet.cells) {
    if (c.row <= header->row) continue;
    if (const auto it = field_of_column.find(c.col); it != field_of_column.end()) out[c.row][it->second] = c;
  }
  return out;
}

Master load_master(const Resources& resources, const std::filesystem::path& file, const calendar::Date& as_of) {
  Master master{xlsx::Workbook::open(file.string()), &resources.schemas, {}, {}, {}, {}, {}};
  CheckOptions options;
  options.file_label = file.string();
  options.as_of = as_of;
  master.checked = check_workbook(resources, master.workbook, options);
  if (master.checked.plan) {
    master.plan = *master.checked.plan;
  } else {
    const auto catalog = plan::MeasureCatalog::parse(R"({"version": 1, "entries": []})", "(none)");
    master.plan = plan::build_plan(master.checked.model, {}, catalog, resources.departments, resources.statuses, as_of);
  }
  master.departments_of_progress = attribute_progress(master.checked.model, master.plan);
  master.progress_sheet = find_schema_sheet(master.workbook, master.schemas->sheet("progress"));
  master.measures_sheet = find_schema_sheet(master.workbook, master.schemas->sheet("measures"));
  return master;
}

}  // namespace itawb::app

// The master workbook as split and merge need it: read, validated, planned,
// and each progress row attributed to a department, by check_workbook (the
// same findings as validate and analyze). Internal to app/.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "plan/plan.hpp"
#include "model/load.hpp"
#include "schema/schema.hpp"
#include "xlsx/reader.hpp"
#include "output/merged_sheets.hpp"
#include "app/check.hpp"
#include "app/resources.hpp"

namespace itawb::app {

struct Master {
  xlsx::Workbook workbook;
  const schema::SchemaSet* schemas = nullptr;  // the resources' schemas
  Checked checked;        // check_workbook's result: the same findings as validate and analyze
  plan::PlanResult plan;  // checked.plan, or (no framework fits) the plan without deficiencies
  std::vector<std::string> departments_of_progress;  // parallel to load.model.progress
  std::optional<size_t> progress_sheet;               // index in workbook.sheets()
  std::optional<size_t> measures_sheet;
};

Master load_master(const Resources& resources, const std::filesystem::path& file, const calendar::Date& as_of);

// The master's progress cells as written, by sheet row (zero-based) and
// field name: the model keeps only valid, normalised values, and a row that
// is carried over must not lose an invalid status or date.
using RawRows = output::RawRows;
RawRows read_raw_progress(const Master& master);

// The three statuses in the order a drop-down lists them.
std::vector<std::string> status_choices();
// Canonical Thai status of a written one, or "" when not recognised.
std::string canonical_status(const plan::StatusTable& statuses, std::string_view written);

// Departments a planned measure counts for ("everyone" expanded).
const std::vector<std::string>& departments_of(const plan::PlannedMeasure& m);

}  // namespace itawb::app

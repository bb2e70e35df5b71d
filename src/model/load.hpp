// Reading the standard agency workbook: find each standard sheet by name or
// alias, its header row by header text (first rows), validate every cell
// against the sheet schemas (schemas/*.schema.json) and the year's framework,
// and build the model. All problems are collected; none stops the reading.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/finding.hpp"
#include "model/framework.hpp"
#include "model/records.hpp"
#include "xlsx/reader.hpp"
#include "schema/checks.hpp"
#include "schema/schema.hpp"

namespace itawb::model {



struct LoadOptions {
  std::string file_label;          // how findings name the file (default: the path)
  std::optional<int> year;         // --year: overrides ปีที่ประเมิน for the framework
  schema::FieldReaders readers;    // x-readBy tables ("statuses"); absent: the field's enum
};

struct LoadResult {
  model::AgencyWorkbook model;
  const model::Framework* framework = nullptr;  // the assessment year's framework
  Findings findings;               // errors and warnings, each with sheet and cell
  bool valid() const { return !findings.has_errors(); }
};

// Reads and validates. Throws only itawb::FileError (unreadable file).
LoadResult load_workbook(const xlsx::Workbook& workbook, const schema::SchemaSet& schemas,
                         const model::FrameworkCatalog& frameworks, const LoadOptions& options = {});

// The same over sheets already in memory (tests, converted inputs): the
// sheets are matched by their info.name.
LoadResult load_sheets(const std::vector<xlsx::Sheet>& sheets, const schema::SchemaSet& schemas,
                       const model::FrameworkCatalog& frameworks, const LoadOptions& options = {});

}  // namespace itawb::model

// The merged master's own sheets, written by itawb merge (app/merge.cpp).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "plan/exchange_records.hpp"
#include "model/records.hpp"
#include "schema/schema.hpp"
#include "xlsx/reader.hpp"
#include "xlsx/writer.hpp"

namespace itawb::output {

// The master's progress cells as they were typed, by row and field name, so
// that its own rows are carried cell for cell (a date stays a date).
using RawRows = std::map<uint32_t, std::map<std::string, xlsx::Cell>>;

// The progress sheet: the schema's columns, the merged rows (the master's own
// from `raw`, the returned ones from their values), the status drop-down, A4
// with rows as tall as their text and the header repeated.
void write_merged_progress(xlsx::SheetWriter& sheet, const schema::SheetSchema& schema,
                           const std::vector<plan::MergedRow>& rows, const std::vector<std::string>& statuses,
                           const RawRows& raw, const model::Agency& agency);

// Every returned row and file that was not merged, with its reason in Thai and
// English, its code, file and cell.
void write_not_merged(xlsx::SheetWriter& sheet, const std::string& sheet_name, const plan::MergeResult& result,
                      const model::Agency& agency);

}  // namespace itawb::output

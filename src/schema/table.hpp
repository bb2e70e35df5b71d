// Reading one standard sheet against its schema: the header row found by
// header text in the first rows (title rows above it are common), columns in
// any order, extra columns ignored; or, for key/value sheets, labels in one
// column and values in the next. Every cell is validated; every problem
// becomes a Finding; nothing stops the reading.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/finding.hpp"
#include "schema/checks.hpp"
#include "schema/schema.hpp"
#include "schema/value.hpp"
#include "xlsx/reader.hpp"

namespace itawb::schema {

// One field's value in one row, with where it was.
struct FieldCell {
  Value value;
  bool present = false;  // a non-missing value was read (valid or not)
  bool valid = false;    // present and passed type and constraint checks
  uint32_t row = 0, col = 0;  // zero-based; for absent values, where it should be
};

struct ParsedRow {
  uint32_t row = 0;              // zero-based sheet row
  std::vector<FieldCell> cells;  // by field index of the schema
  const FieldCell& operator[](size_t field) const { return cells[field]; }
};

struct ParsedSheet {
  const SheetSchema* schema = nullptr;
  std::string sheet_name;  // as written in the workbook
  std::optional<uint32_t> header_row;             // tables
  std::vector<std::optional<uint32_t>> columns;   // per field: the column found
  std::vector<ParsedRow> rows;  // tables: data rows; key-value: exactly one row
  std::vector<FieldCell> repeats;  // key-value: every value of the x-repeat field

  // The cell of field `name` in `row`, or nullptr when the schema lacks it.
  const FieldCell* get(const ParsedRow& row, std::string_view name) const;
};

// Where findings go and how they name the file.
struct FindingSink {
  Findings& findings;
  std::string file;

  void add(Severity severity, std::string code, const std::string& sheet, std::optional<uint32_t> row,
           std::optional<uint32_t> col, std::string value, std::string message_th, std::string message_en);
};

// Validates `sheet` (already chosen as the one for `schema`); `readers` as
// ColumnValidator's.
ParsedSheet read_sheet(const xlsx::Sheet& sheet, const SheetSchema& schema, FindingSink& sink,
                       const FieldReaders* readers = nullptr);

// A table's header row: among the first `schema.header_rows` rows, the one
// whose cells name the most fields (by title, title_en or alias, also with a
// trailing "(...)"; the first such row on a tie), and the column of each field
// on it (the leftmost when a label repeats). The one header finder: read_sheet,
// the merge's master and the returned workbooks all use it.
struct HeaderMatch {
  uint32_t row = 0;                              // zero-based
  std::vector<std::optional<uint32_t>> columns;  // per field of the schema
  // Index of `name`'s column, or nullopt when the field is absent or not found.
  std::optional<uint32_t> column(const SheetSchema& schema, std::string_view name) const;
};
std::optional<HeaderMatch> find_header(const xlsx::Sheet& sheet, const SheetSchema& schema);

// Index of the workbook sheet whose name matches the schema's title or an
// alias (match_key equality), if any.
std::optional<size_t> find_sheet(const std::vector<std::string>& sheet_names, const SheetSchema& schema);

}  // namespace itawb::schema

// Compiled per-column checks: built once from a field's schema, then run on
// every cell of the column. No JSON is touched per cell.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "schema/schema.hpp"
#include "schema/value.hpp"
#include "xlsx/reader.hpp"

namespace itawb::schema {

// One thing wrong with one cell, before it is placed in a sheet and file.
struct Problem {
  std::string code;  // "type-error", "constraint-error", "missing-cell"
  std::string message_th;
  std::string message_en;
};

// Turns a cell into a typed value of the field's type.
class TypeReader {
 public:
  virtual ~TypeReader() = default;
  // Value for a non-missing cell, or the type-error.
  virtual std::optional<Value> read(const xlsx::Cell& cell, Problem& problem) const = 0;
};

// A constraint on a present, typed value. May normalise it (enum spellings).
class Check {
 public:
  virtual ~Check() = default;
  virtual std::optional<Problem> check(Value& value) const = 0;
};

// A field's text read by a table of the caller's (x-readBy): the canonical
// text, or nullopt when the table does not know it. By x-readBy name
// ("statuses" -> schemas/statuses.json, passed in by the app layer).
using FieldReader = std::function<std::optional<std::string>(std::string_view)>;
using FieldReaders = std::map<std::string, FieldReader>;

class ColumnValidator {
 public:
  // `readers`: when it has the field's x-readBy table, that table reads the
  // text instead of the field's enum (same message, same x-severity).
  ColumnValidator(const FieldSchema& field, const SheetSchema& sheet, const FieldReaders* readers = nullptr);

  struct Result {
    Value value;                   // Missing when absent or unreadable
    std::vector<Problem> problems;
    bool valid() const { return problems.empty(); }
  };
  // `cell` may be null (empty cell).
  Result validate(const xlsx::Cell* cell) const;
  const FieldSchema& field() const { return *field_; }

 private:
  const FieldSchema* field_;
  const SheetSchema* sheet_;
  std::unique_ptr<TypeReader> reader_;
  std::vector<std::unique_ptr<Check>> checks_;
};

// "คะแนน" / "Score" as used inside messages.
std::string quote(const std::string& s);

}  // namespace itawb::schema

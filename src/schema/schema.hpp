// The sheet schemas of the standard agency workbook (schemas/sheets/*.schema.json),
// loaded once, checked against schemas/sheet.meta.json (JSON Schema draft-07,
// via valijson) and turned into plain structs. These drive header matching,
// validation, the template and the format documentation: the format is
// described once, in the JSON.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "base/finding.hpp"
#include "schema/checked_resources.hpp"

namespace itawb::schema {

// A schema file that cannot be used: an itawb::Error with code
// "resource-invalid" naming the file and, in both sentences, the JSON path.
class SchemaError : public Error {
 public:
  SchemaError(std::filesystem::path file, std::string json_path, const std::string& what);
  const std::filesystem::path& file() const { return file_; }  // as a path (Error::file() as text)
  const std::string& json_path() const { return json_path_; }  // "/fields/3/type" ("" = whole file)

 private:
  std::filesystem::path file_;
  std::string json_path_;
};

enum class FieldType { String, Integer, Number, Date, Boolean };
const char* to_string(FieldType t);  // Frictionless names: "string", "integer", ...

struct Constraints {
  bool required = false;
  bool unique = false;
  std::optional<double> minimum, maximum;
  std::optional<size_t> min_length, max_length;
  std::string pattern;                  // ECMAScript regex, matched on the normalised text
  std::vector<std::string> enum_values; // canonical spellings
};

struct Prompt {
  std::string title;    // ≤ 32 characters (Excel's limit)
  std::string message;  // ≤ 255 characters
};

// Expected value = another field + offset (default when absent, warning when different).
struct Relation {
  std::string field;
  double offset = 0;
};

struct FieldSchema {
  std::string name;      // machine name, e.g. "score"
  std::string title;     // Thai header / label, e.g. "คะแนน"
  std::string title_en;  // English header, also accepted as an alias
  std::vector<std::string> aliases;
  FieldType type = FieldType::String;
  std::string format;    // "default", "code" (question codes), "uri"
  Constraints constraints;
  std::map<std::string, std::vector<std::string>> enum_aliases;  // canonical -> other spellings
  std::string description, description_en, example;
  std::optional<Prompt> prompt;
  std::string list;      // drop-down source for the template: "framework:indicators", ...
  bool repeat = false;   // key-value sheets: label may repeat, all values kept
  // x-fallbackColumn: when no header names this field, it is read from the
  // column of that field (a code typed at the start of the question's text).
  std::string fallback_column;
  std::optional<Relation> relation;
  double width = 0;      // template column width (0 = fitted)
  // x-severity: how serious each kind of problem on this field is, by
  // finding code ("missing-cell": warning). The one rule (README "Findings"):
  // an error is what would make a figure wrong; a gap a person left in a plan
  // is a warning on its cell. Codes not named are errors. A missing column
  // (missing-label) is as serious as a missing value.
  std::map<std::string, Severity> severity;
  // x-readBy: the table that reads this field's text after validation
  // ("statuses": schemas/statuses.json, at the plan step); its enum then only
  // feeds the template's drop-down and is not checked here.
  std::string read_by;
  Severity severity_of(std::string_view code) const;

  // Every spelling accepted as this field's header or label.
  std::vector<std::string> labels() const;
};

struct Reference {
  std::vector<std::string> fields;
  std::string resource;                  // "framework:questions", "measures", ...
  std::vector<std::string> reference_fields;
};

enum class Layout { Table, KeyValue };

struct TemplateSpec {
  std::string rows_from;                       // "framework:indicators" / "framework:questions" / ""
  std::map<std::string, std::string> prefill;  // field name -> framework attribute
  int blank_rows = 0;
};

// Continuation rows (x-continuation): a row none of whose `key` fields holds a
// value of its own (empty, or spread from a merge begun above) but some
// `append` field does continues the row above: those texts are appended to
// it, newline-joined, and the row is no row of its own. With a `marker`, a
// row whose first key field ends with it ("๑ (ต่อ)": what itawb writes when a
// text is too long for one row) continues the row above too, every other
// key and append field's text appended.
struct Continuation {
  std::vector<std::string> key;
  std::vector<std::string> append;
  std::string marker;  // "" = none
};

struct SheetSchema {
  std::filesystem::path file;
  std::string name;      // "agency", "indicators", "questions", "measures", "progress"
  int order = 0;
  std::string title;     // Thai sheet name, e.g. "คะแนนตัวชี้วัด"
  std::string title_en;  // English sheet name, e.g. "Indicators"
  std::vector<std::string> aliases;
  bool required = false;
  std::string required_unless;  // schema name of a sheet whose presence makes this one optional
  Layout layout = Layout::Table;
  int header_rows = 10;  // header searched in the first N rows
  std::string missing_message_th, missing_message_en;  // said when an optional sheet is absent
  std::string description, description_en;
  std::vector<std::string> missing_values{""};
  std::vector<FieldSchema> fields;
  std::vector<std::string> primary_key;
  std::vector<Reference> foreign_keys;
  std::vector<Reference> complete;  // x-complete
  TemplateSpec template_spec;
  std::optional<Continuation> continuation;  // x-continuation

  const FieldSchema* field(std::string_view name) const;
  int field_index(std::string_view name) const;  // -1 when absent
  // Every accepted sheet name: title, title_en, aliases.
  std::vector<std::string> sheet_names() const;
  // True when the trimmed text is one of missingValues.
  bool is_missing(std::string_view text) const;
  // A score sheet (คะแนนตัวชี้วัด, คะแนนรายข้อ): one with a "score" field. A
  // plan of measures and progress has none (`itawb template --plan`).
  bool holds_scores() const { return field("score") != nullptr; }
};

class SchemaSet {
 public:
  // Loads dir/sheet.meta.json and dir/sheets/*.schema.json. Throws SchemaError.
  static SchemaSet load_dir(const std::filesystem::path& schemas_dir);
  // The same from bytes: the meta-schema's text and the sheet schemas' texts
  // by file name (the names are used in messages and SheetSchema::file).
  // A sheet schema in `checked` (and the meta-schema too) skips the
  // meta-schema check; the checks of consistency run on every file.
  static SchemaSet from_files(std::string_view meta_text, const std::map<std::string, std::string>& sheet_files,
                              const std::string& meta_name = "schemas/sheet.meta.json",
                              const std::string& sheets_name = "schemas/sheets",
                              const CheckedResources* checked = nullptr);

  const SheetSchema* sheet(std::string_view name) const;  // by machine name
  const std::vector<SheetSchema>& sheets() const { return sheets_; }  // by `order`

 private:
  std::vector<SheetSchema> sheets_;
};

// Key used to match header labels and sheet names: text::label_key without
// spaces, so "คะแนน ปีก่อน" = "คะแนนปีก่อน" and "Previous Score" = "previousscore".
std::string match_key(std::string_view s);

}  // namespace itawb::schema

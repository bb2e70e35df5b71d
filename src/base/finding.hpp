// Findings: what validation, scoring and planning have to say about a
// workbook, each tied to a file, sheet and cell, in Thai and in English.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace itawb {

enum class Severity { Error, Warning, Info };

const char* to_string(Severity s);  // "error", "warning", "info"

struct Finding {
  Severity severity = Severity::Error;
  std::string code;   // Frictionless style: "type-error", "constraint-error", ...
  std::string file;   // path as the user gave it
  std::string sheet;  // sheet name as found in the workbook ("" = whole file)
  std::string cell;   // A1 reference ("" = whole sheet)
  uint32_t row = 0;     // 1-based; 0 = not tied to a row
  uint32_t column = 0;  // 1-based; 0 = not tied to a column
  std::string value;  // the offending value as text, if any
  std::string message_th;
  std::string message_en;

  // "คะแนนรายข้อ!C7" or "คะแนนรายข้อ" or "".
  std::string location() const;
};

// An ordered collection of findings. Repeated findings of one code on one
// sheet are counted beyond `sample_limit` and not stored, so a sheet with
// ten thousand bad cells yields a readable report.
class Findings {
 public:
  // Not explicit: an aggregate holding Findings can be brace-initialised
  // with `{}` (clang refuses an explicit default constructor there).
  Findings() : Findings(20) {}
  explicit Findings(size_t sample_limit) : sample_limit_(sample_limit) {}

  void add(Finding f);
  void append(const Findings& other);

  const std::vector<Finding>& items() const { return items_; }
  bool has_errors() const { return errors_ > 0; }
  size_t error_count() const { return errors_; }
  size_t warning_count() const { return warnings_; }
  // Findings counted but not stored, by "sheet|code".
  const std::map<std::string, size_t>& suppressed() const { return suppressed_; }
  bool empty() const { return items_.empty() && suppressed_.empty(); }

 private:
  size_t sample_limit_;
  std::vector<Finding> items_;
  std::map<std::string, size_t> per_key_;
  std::map<std::string, size_t> suppressed_;
  size_t errors_ = 0;
  size_t warnings_ = 0;
};

}  // namespace itawb

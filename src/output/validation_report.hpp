// The validation report of `itawb validate`: a table for people (location,
// code, message in the chosen language) and one JSON document for machines.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "xlsx/file_error.hpp"
#include "base/finding.hpp"
#include "model/framework.hpp"
#include "schema/schema.hpp"

namespace itawb::output {

struct FileReport {
  std::string path;
  Findings findings;
  bool readable = true;  // false: FileError; `findings` holds one finding saying why

  bool valid() const { return readable && !findings.has_errors(); }
};

// The report of a file that could not be read at all (code = to_string(problem)).
FileReport unreadable_report(const std::string& path, const FileError& error);




// {valid, files[{path, valid, readable, findings[{severity, code, sheet, cell, row,
//  column, value, message_th, message_en}], suppressed{"sheet|code": n}}],
//  stats{files, errors, warnings}}, serialized; `indent` as nlohmann::json::dump
// (2: what the CLI prints; -1 compact).
std::string report_json(const std::vector<FileReport>& files, int indent = 2);

// Findings as the JSON array both `validate --json` and `analyze --json`
// print (schemas/output/finding.schema.json), serialized.
std::string findings_json(const Findings& findings, int indent = -1);

// Plain text: per file a heading, then one line per finding:
// "  ผิดพลาด  คะแนนรายข้อ!C7  constraint-error  <message>". lang "th" puts the
// English message after the Thai one; "en" shows English only.
std::string report_text(const std::vector<FileReport>& files, const std::string& lang);

// 0 all valid, 1 some file has errors, 2 some file could not be read.
int exit_code(const std::vector<FileReport>& files);

}  // namespace itawb::output

// `analyze` as a library call: read -> validate -> analyse -> plan -> write.
// The CLI only parses arguments and prints; everything else is here so the
// whole path is testable headless.
//
// Promises: the input is only read, never written; the output is written to
// a temporary file and renamed into place; an output naming the input is
// refused. The workbook is checked by app::check_workbook (the one rule):
// the output is written whenever a framework fits, with errors or not (the
// cells with errors are left out of the figures and marked), and the exit
// code is 1 exactly when a finding is an error.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/finding.hpp"
#include "ita/analysis.hpp"
#include "model/framework.hpp"
#include "model/records.hpp"
#include "plan/plan.hpp"
#include "text/thai.hpp"
#include "xlsx/reader.hpp"
#include "app/resources.hpp"

namespace itawb::app {

struct AnalyzeOptions {
  // The workbook's file: read by analyze(resources, options); with an opened
  // workbook, only for the default output's name and the check that the
  // output is not the input ("" for a workbook that is no file of its own).
  std::filesystem::path input;
  std::optional<std::filesystem::path> output;  // default: beside the input, "-itawb.xlsx"
  std::optional<int> year;                      // --year: framework year instead of ปีที่ประเมิน
  std::optional<std::string> as_of;             // date for the plan's progress (default today)
  bool write = true;                            // false: analyse only, write nothing
  text::DigitStyle digits = text::DigitStyle::Thai;  // --digits: of the text on the written sheets
  std::optional<std::string> file_label;        // how findings name the input (default: its path)
  xlsx::Limits limits;                          // the reader's limits when analyze opens the file
  std::string writer_tmpdir;                    // libxlsxwriter's temporary files ("" = the system's)
};

struct AnalyzeResult {
  int exit_code = 0;  // 0 ok, 1 some finding is an error (JSON valid: false)
  std::filesystem::path output;         // the file written ("" when none)
  model::AgencyWorkbook model;            // what the workbook says
  std::optional<ita::Analysis> analysis;  // absent when no framework fits (nothing written)
  Findings findings;                    // validation, scoring and plan, in that order
  std::vector<std::string> sheets;      // sheet names of the output, in order
  std::optional<plan::PlanResult> plan;  // measures and progress, when analysed
};

// Runs the whole command. Throws itawb::FileError when the input cannot be
// read as a workbook, and itawb::Error with code "usage" when the output
// names the input or --as-of is not a date (exit code 2 for the caller).
AnalyzeResult analyze(const Resources& resources, const AnalyzeOptions& options);

// The same on a workbook already opened, from a file or from bytes
// (xlsx::Workbook::open_bytes: a zip's entry, an upload): nothing is read
// from options.input, and without options.output the output goes beside
// options.input, or, when that is empty, beside workbook.path().
AnalyzeResult analyze(const Resources& resources, const xlsx::Workbook& workbook, const AnalyzeOptions& options);

// The --json document (see README "analyze"), serialized: scores rounded to 2
// decimals, codes lower case, absent values null; plus the plan's "measures"
// and "progress" (output/plan_sheets.hpp) when the plan step ran. `indent` as
// nlohmann::json::dump (2: what the CLI prints; -1 compact). The JSON library
// stays inside app/analyze_json.cpp.
std::string to_json(const AnalyzeResult& result, int indent = 2);

// Findings as a plain-text table for a terminal, one per line:
// "error    คะแนนรายข้อ!C7  constraint-error  message".
std::string findings_table(const Findings& findings, const std::string& lang);

// The sheets `analyze` writes itself (output/registry.hpp: result and plan
// sheets, the latter including มาตรการ, rewritten from the plan): never carried
// over from an input, so analysing an output replaces them.
bool is_generated_sheet(std::string_view name);

}  // namespace itawb::app

// `batch` as a library call: many agency workbooks (files, folders searched
// recursively, .zip archives of workbooks as sent by e-mail) analysed by a
// pool of threads sharing one Resources, each written as `analyze` writes it,
// and one summary workbook for the province or the nation.
//
// Promises:
//   - nothing lost: every input is either analysed (a row of the summary) or
//     refused (with its reason); inputs == analysed + refused;
//   - nothing stops it: a file that cannot be read, has no framework, or
//     fails in any way is refused and the others go on;
//   - a workbook with errors is analysed and written, as `analyze` does
//     (the cells with errors are left out of the figures and marked), counted
//     as analysed, listed with its error count on the summary's problems
//     sheet, and makes the exit code 1;
//   - outputs are written atomically (a temporary file renamed into place);
//   - an input is never written: the output folder may not be, or be inside,
//     an input folder ("usage", exit 2), an output never takes the name of
//     an input file, and outputs are numbered " (2)" only when two written
//     outputs would have the same name;
//   - a file-system failure on one input (a looping or dangling link, a
//     file that vanished, permission denied) refuses that input only; hidden
//     entries, Excel's lock files, zips inside zips and links to folders are
//     refused with their reason; the summary is written even when every
//     input is refused;
//   - temporaries left by killed runs in the output folder are removed;
//   - the per-file limits of the reader (xlsx::Limits) hold for every file
//     and every zip entry, in every thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/resources.hpp"
#include "base/error.hpp"
#include "output/batch_summary.hpp"
#include "text/thai.hpp"

namespace itawb::app {

struct BatchProgress {
  size_t done = 0;    // inputs finished (analysed or refused)
  size_t total = 0;   // inputs found
  double seconds = 0; // since the work began
};

struct BatchOptions {
  std::vector<std::filesystem::path> inputs;  // workbooks, folders, .zip archives
  std::filesystem::path output_dir;
  unsigned jobs = 0;                          // worker threads; 0 = the number of cores
  std::optional<std::string> as_of;           // date for the plans' progress (default today)
  bool summary_only = false;                  // no per-agency workbooks
  bool resume = false;                        // keep outputs newer than their input
  bool large_files = false;                   // the reader's larger limits (--large-files)
  std::string lang = "th";                    // language of refusal reasons
  text::DigitStyle digits = text::DigitStyle::Thai;
  // Called after each input, from the worker that finished it, one call at a
  // time (the batch serialises them).
  std::function<void(const BatchProgress&)> on_progress;
};

// What became of one input, in the order the inputs were found (the
// command line's order, folders and zips sorted by path).
struct BatchInput {
  enum class Status {
    Analysed,  // a row of the summary; its output written (unless --summary-only)
    Refused,   // gave no figures: `reason` says why
    Skipped,   // --resume: its output is newer than the input and was kept (still a row of the summary)
  };
  std::string path;    // the input as the user knows it (ZIP/ENTRY for a zip's entry)
  Status status = Status::Refused;
  std::string output;  // its workbook, written or kept ("" when none)
  bool written = false;  // the output was written by this run
  int errors = 0, warnings = 0;  // findings of the check (analysed or skipped)
  std::string reason;  // why it was refused
};

const char* to_string(BatchInput::Status s);  // "analysed", "refused", "skipped"

struct BatchResult {
  size_t inputs = 0;
  std::vector<BatchInput> files;               // every input once, in the order found
  std::vector<output::BatchRow> analysed;      // sorted by province, agency, file
  std::vector<output::BatchRefusal> refused;   // sorted by file
  std::filesystem::path summary;               // the summary workbook written ("" when it could not be)
  std::optional<Error> summary_error;          // why the summary could not be written (a full disk)
  double seconds = 0;
  // 0 every input analysed without errors; 1 some refused or with errors
  // (every input refused included); 2 the summary could not be written.
  int exit_code() const;
};

// The summary's file name inside the output folder.
inline constexpr const char* kBatchSummaryName = "สรุปผลการประเมิน-รวม.xlsx";

// Runs the batch. Throws itawb::Error "usage" when there is no input, an
// input does not exist, the output folder is (inside) an input folder, the
// summary would overwrite an input, or --as-of is not a date (exit code 2 for
// the caller); "output-folder" when the output folder cannot be made;
// everything a file says or lacks is a refusal, not an exception.
BatchResult run_batch(const Resources& resources, const BatchOptions& options);

// The --json document (schemas/output/batch.schema.json): {inputs, analysed,
// refused:[{path, reason}], with_errors:[{path, errors}], files:[{path,
// status, output, written, errors, warnings, reason}], summary (null when not
// written), seconds, and summary_error {code, th, en} when the summary could
// not be written}.
std::string to_json(const BatchResult& result, int indent = 2);

}  // namespace itawb::app

// Test helpers: temporary folders, running the itawb binary, and reading a
// written workbook back with an independent reader (openpyxl).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/resources.hpp"

namespace itawb::test {

// A fresh folder under the system temp dir, removed when destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// The whole file as bytes ("" when it cannot be read): for byte-identical checks.
std::string read_bytes(const std::filesystem::path& file);

// Writes `bytes` as the whole file, making its folders: broken inputs
// (empty, truncated, text named .xlsx) for the tests that refuse them.
void write_bytes(const std::filesystem::path& file, const std::string& bytes);

// Runs `itawb ARGS...` (the built binary), capturing stdout and stderr.
RunResult run_itawb(const std::vector<std::string>& args);

// Runs any command (argv form), capturing stdout and stderr.
RunResult run_command(const std::vector<std::string>& argv);

// The charts of a workbook as tests/tools/charts_dump.py reads them with
// openpyxl (series, titles, labels, axis bounds). Fails the test if it cannot.
nlohmann::json charts_dump(const std::filesystem::path& file);

// openpyxl's view of a workbook (see support/openpyxl_dump.py for the shape).
// Fails the test (throws) if openpyxl cannot read the file.
nlohmann::json openpyxl_read(const std::filesystem::path& file, bool values_only = false);

// The sheet named `name` in an openpyxl dump, or a null json.
const nlohmann::json& sheet_of(const nlohmann::json& dump, const std::string& name);

// Paths inside the repository.
std::filesystem::path repo_dir();                 // source root
std::filesystem::path fixture(const std::string& relative);  // tests/fixtures/...
std::filesystem::path example(const std::string& name);      // workbooks/examples/...
std::filesystem::path shared_dir();               // ../shared
std::string itawb_binary();                       // the built itawb
std::filesystem::path artifact_dir();             // build/test-artifacts: what a person may look at

// The repository's resources (schemas, frameworks, catalog), loaded once.
const app::Resources& resources();
// Every file of the repository's schemas/ and workbooks/catalog/, by the
// name app::load_resources knows it by ("schemas/departments.json").
app::ResourceFiles repository_resource_files();

// The suite must pass on a clone without ../shared (ITAWB_SHARED_DIR): a test
// that reads something there first calls ITAWB_SKIP_UNLESS_SHARED("corpus")
// (a path relative to ../shared). When it is absent the test says why in one
// line starting "skipped: " (tests/CMakeLists.txt makes ctest report that test
// as skipped) and returns, so it neither passes on nothing nor fails.
//
// "" when shared_dir() / relative exists, else the sentence that says why not.
std::string shared_missing(const std::string& relative);

// The three statuses as the progress sheets write them.
inline const std::string kStatusDone = "ดำเนินการแล้ว";
inline const std::string kStatusInProgress = "อยู่ระหว่างดำเนินการ";
inline const std::string kStatusNotStarted = "ยังไม่ได้ดำเนินการ";

// Edits a department's returned workbook as staff would in Excel
// (tests/tools/edit_return.py; `edits` as that script documents), with the
// edits file written into `dir`. Fails the test when the script fails.
void edit_return(const std::filesystem::path& file, const nlohmann::json& edits, const std::filesystem::path& dir);

}  // namespace itawb::test

#define ITAWB_SKIP_UNLESS_SHARED(relative)                                             \
  do {                                                                                 \
    if (const std::string itawb_skip_why_ = ::itawb::test::shared_missing(relative);   \
        !itawb_skip_why_.empty()) {                                                    \
      WARN(itawb_skip_why_);                                                           \
      return;                                                                          \
    }                                                                                  \
  } while (false)

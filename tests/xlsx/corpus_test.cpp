// The reader against 820 real workbooks nobody here wrote (shared/corpus):
// every .xlsx/.xlsm must give the same non-empty cells and values as
// openpyxl, whose view is precomputed into tests/fixtures/corpus-expected.json
// by tests/tools/make_corpus_expectations.py (openpyxl is not run here: too
// slow). Every .xls must be refused with one sentence.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "xlsx/file_error.hpp"
#include "support/helpers.hpp"
#include "xlsx/package.hpp"
#include "xlsx/reader.hpp"
#include "xlsx/xls.hpp"

using namespace itawb;
using namespace itawb::xlsx;
namespace fs = std::filesystem;

namespace {

// Files whose differences from openpyxl are openpyxl's doing. Keep short.
const std::map<std::string, std::string> kAllowed{
    // Serial 0 in the 1904 system is 1904-01-01 (Excel shows that); openpyxl
    // turns any value in [0, 1) into a time of day and returns 00:00:00.
    {"excel-made/date_1904_02.xlsx", "openpyxl reads 1904-system serial 0 as a time"},
    // Serial 60 is Excel's phantom 1900-02-29; Python's datetime cannot hold
    // it, so openpyxl returns 1900-02-28 (two cells show the same date).
    {"readxl/dates-leap-year-1900-xlsx.xlsx", "openpyxl maps serial 60 to 1900-02-28"},
};

// openpyxl's ISO text ("2024-10-01", "2024-10-01T08:30:00.5", "08:30:00")
// as a 1900-system serial. Worked out here with std::chrono's calendar, not
// with the library's (datetime_to_serial belongs to the code under test):
// days since 1899-12-30, less one for 1900-01-01..1900-02-28, which Excel
// counts from 1899-12-31 because of its phantom 1900-02-29 (openpyxl's
// from_excel adds that day back for serials 1..59).
std::optional<double> iso_serial(const std::string& iso) {
  int y = 1899, mo = 12, d = 30, h = 0, mi = 0;
  double s = 0;
  std::string time = iso;
  if (iso.size() >= 10 && iso[4] == '-') {
    if (std::sscanf(iso.c_str(), "%d-%d-%d", &y, &mo, &d) != 3) return std::nullopt;
    time = iso.size() > 11 ? iso.substr(11) : "";
  }
  if (!time.empty() && std::sscanf(time.c_str(), "%d:%d:%lf", &h, &mi, &s) < 2) return std::nullopt;
  namespace ch = std::chrono;
  const ch::year_month_day date{ch::year{y}, ch::month{static_cast<unsigned>(mo)}, ch::day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  const ch::sys_days at = date, epoch = ch::year{1899} / ch::December / 30;
  const bool before_phantom_day = at >= ch::sys_days{ch::year{1900} / ch::January / 1} &&
                                  at < ch::sys_days{ch::year{1900} / ch::March / 1};
  const double whole = static_cast<double>((at - epoch).count() - (before_phantom_day ? 1 : 0));
  return whole + (h * 3600 + mi * 60 + s) / 86400.0;
}

bool close(double a, double b, double abs_tol) {
  return std::fabs(a - b) <= std::max(abs_tol, 1e-12 * std::max(std::fabs(a), std::fabs(b)));
}

// Why `ours` differs from openpyxl's [ref, type, value], or "" when equal.
// Normalisations (openpyxl quirks): durations ([h]:mm) come as timedelta
// seconds; dates are compared as serials to within a second (openpyxl rounds
// to milliseconds, we to seconds); openpyxl leaves _xHHHH_ escapes encoded.
std::string difference(const Cell& ours, const nlohmann::json& expected) {
  const std::string type = expected[1];
  const nlohmann::json& v = expected[2];
  std::ostringstream got;
  got << to_string(ours.type) << " " << ours.display();
  const std::string mismatch = "expected " + type + " " + v.dump() + ", got " + got.str();
  if (type == "n") {
    if (ours.type != CellType::Number || !close(ours.number, v.get<double>(), 1e-9)) return mismatch;
  } else if (type == "t") {
    if (ours.type != CellType::Number || !close(ours.number * 86400, v.get<double>(), 1e-3))
      return mismatch;
  } else if (type == "d") {
    const auto serial = iso_serial(v.get<std::string>());
    if (ours.type != CellType::Date || !serial || !close(ours.number, *serial, 1.0 / 86400))
      return mismatch;
  } else if (type == "b") {
    if (ours.type != CellType::Boolean || (ours.number != 0) != v.get<bool>()) return mismatch;
  } else if (type == "e") {
    if (ours.type != CellType::Error || ours.text != v.get<std::string>()) return mismatch;
  } else {
    std::string decoded = v.get<std::string>();
    decode_xstring(decoded);
    if (ours.type != CellType::String || (ours.text != v.get<std::string>() && ours.text != decoded))
      return mismatch;
  }
  return "";
}

// Our non-empty cells keyed by ref: uncalculated formulas and empty strings
// are left out, as openpyxl returns None / "" for them.
std::map<std::string, Cell> our_cells(const Workbook& wb, size_t sheet) {
  std::map<std::string, Cell> cells;
  wb.for_each_cell(sheet, [&](const Cell& c) {
    if (c.uncalculated || (c.type == CellType::String && c.text.empty())) return;
    cells[c.ref()] = c;
  });
  return cells;
}

// Compares one workbook; returns a list of differences (at most a few per sheet).
std::vector<std::string> compare(const Workbook& wb, const nlohmann::json& expected) {
  std::vector<std::string> diffs;
  std::vector<size_t> ours;
  for (size_t i = 0; i < wb.sheets().size(); ++i)
    if (wb.sheets()[i].kind != SheetKind::Chart) ours.push_back(i);  // openpyxl skips chartsheets
  const auto& sheets = expected.at("sheets");
  if (ours.size() != sheets.size()) {
    diffs.push_back("sheet count " + std::to_string(ours.size()) + " vs openpyxl " +
                    std::to_string(sheets.size()));
    return diffs;
  }
  for (size_t k = 0; k < ours.size(); ++k) {
    const auto& sheet = sheets[k];
    const std::string name = sheet.at("name");
    if (wb.sheets()[ours[k]].name != name) diffs.push_back("sheet name " + wb.sheets()[ours[k]].name + " vs " + name);
    if (to_string(wb.sheets()[ours[k]].visibility) != sheet.at("state").get<std::string>())
      diffs.push_back("sheet '" + name + "' visibility differs");
    auto cells = our_cells(wb, ours[k]);
    size_t shown = 0;
    for (const auto& e : sheet.at("cells")) {
      const std::string ref = e[0];
      const auto it = cells.find(ref);
      std::string why = it == cells.end() ? "missing, openpyxl has " + e.dump() : difference(it->second, e);
      if (it != cells.end()) cells.erase(it);
      if (!why.empty() && shown++ < 5) diffs.push_back(name + "!" + ref + ": " + why);
    }
    for (const auto& [ref, c] : cells)
      if (shown++ < 5) diffs.push_back(name + "!" + ref + ": extra cell " + c.display());
  }
  return diffs;
}

nlohmann::json load_expectations() {
  std::ifstream in(itawb::test::fixture("corpus-expected.json"));
  REQUIRE(in);
  return nlohmann::json::parse(in);
}

}  // namespace

TEST_CASE("corpus: openpyxl's ISO dates become the serials Excel shows", "[xlsx][corpus]") {
  // Literal serials (as Excel and openpyxl's to_excel give them): the corpus
  // comparison below trusts iso_serial, so iso_serial is checked on its own.
  CHECK(iso_serial("2024-10-01") == 45566);
  CHECK(*iso_serial("2024-10-01T08:30:00") == Approx(45566 + 8.5 / 24).epsilon(1e-12));
  CHECK(*iso_serial("2024-10-01T12:00:00.5") == Approx(45566.5 + 0.5 / 86400).epsilon(1e-12));
  CHECK(*iso_serial("08:30:00") == Approx(8.5 / 24).epsilon(1e-12));
  CHECK(iso_serial("1900-01-01") == 1);
  CHECK(iso_serial("1900-02-28") == 59);  // serial 60 is Excel's phantom 1900-02-29
  CHECK(iso_serial("1900-03-01") == 61);
  CHECK(iso_serial("1904-01-01") == 1462);
  CHECK(iso_serial("1899-12-30") == 0);
  CHECK_FALSE(iso_serial("2023-02-29"));
  CHECK_FALSE(iso_serial("not a date"));
}

TEST_CASE("corpus: every .xlsx/.xlsm reads as openpyxl reads it", "[xlsx][corpus]") {
  ITAWB_SKIP_UNLESS_SHARED("corpus");
  const fs::path corpus = itawb::test::shared_dir() / "corpus";
  const nlohmann::json expectations = load_expectations();
  std::set<std::string> on_disk;
  for (const auto& folder : fs::directory_iterator(corpus))
    if (folder.is_directory())
      for (const auto& f : fs::directory_iterator(folder.path())) {
        const std::string ext = f.path().extension().string();
        if (ext == ".xlsx" || ext == ".xlsm")
          on_disk.insert(folder.path().filename().string() + "/" + f.path().filename().string());
      }

  size_t compared = 0, failures = 0;
  double total_s = 0, slowest_s = 0;
  std::string slowest;
  for (const auto& entry : expectations) {
    const std::string file = entry.at("file");
    on_disk.erase(file);
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::string> diffs;
    std::string outcome;
    try {
      const Workbook wb = Workbook::open((corpus / file).string());
      if (entry.contains("error")) {
        // openpyxl cannot read it; we must still not crash (any outcome is recorded).
        size_t cells = 0;
        for (size_t i = 0; i < wb.sheets().size(); ++i) wb.for_each_cell(i, [&](const Cell&) { ++cells; });
        outcome = "read " + std::to_string(cells) + " cells";
      } else {
        diffs = compare(wb, entry);
      }
    } catch (const FileError& e) {
      if (entry.contains("error"))
        outcome = std::string("refused: ") + e.message_en();
      else
        diffs.push_back(std::string("FileError ") + to_string(e.problem()) + ": " + e.message_en());
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    total_s += seconds;
    if (seconds > slowest_s) {
      slowest_s = seconds;
      slowest = file;
    }
    if (entry.contains("error")) {
      WARN(file << ": openpyxl fails (" << entry["error"].get<std::string>() << "); ours: " << outcome);
      continue;
    }
    ++compared;
    if (diffs.empty()) continue;
    if (const auto allowed = kAllowed.find(file); allowed != kAllowed.end()) {
      WARN(file << ": allowed difference: " << allowed->second);
      continue;
    }
    ++failures;
    std::ostringstream msg;
    msg << file << " differs from openpyxl:";
    for (const auto& d : diffs) msg << "\n  " << d;
    FAIL_CHECK(msg.str());
  }
  CHECK(on_disk.empty());  // a new corpus file: re-run make_corpus_expectations.py
  for (const auto& f : on_disk) WARN("no expectation for " << f);
  WARN("corpus: " << compared << " workbooks compared, " << failures << " differ; total "
                  << total_s << " s, slowest " << slowest << " " << slowest_s << " s");
  CHECK(compared > 700);
}

TEST_CASE("corpus: every .xls is read, or refused with one sentence", "[xlsx][corpus]") {
  ITAWB_SKIP_UNLESS_SHARED("corpus");
  const fs::path corpus = itawb::test::shared_dir() / "corpus";
  size_t count = 0, read = 0;
  for (const auto& folder : fs::directory_iterator(corpus)) {
    if (!folder.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(folder.path())) {
      if (f.path().extension() != ".xls") continue;
      ++count;
      INFO(f.path());
      try {
        const Workbook wb = Workbook::open(f.path().string());
        CHECK(wb.format() == "xls");
        size_t cells = 0;
        for (size_t i = 0; i < wb.sheets().size(); ++i) wb.for_each_cell(i, [&](const Cell&) { ++cells; });
        ++read;
      } catch (const FileError& e) {
        // FreeXL cannot read BIFF5 rich text or some sheet names: damaged, or encrypted.
        CHECK((e.problem() == FileProblem::CorruptZip || e.problem() == FileProblem::Encrypted));
        CHECK(e.message_en().find("save it") != std::string::npos);
      }
    }
  }
  CHECK(count == 35);
  CHECK(read >= 32);
}

// The corpus's .xls against an independent reading: LibreOffice's conversion
// of each to .xlsx, read by openpyxl (tests/fixtures/corpus-xls-expected.json,
// made by tests/tools/make_corpus_expectations.py --xls). FreeXL gives values
// and their kind only, so some differences are what it cannot give (below);
// every other cell must be the same.
// Where LibreOffice's reading is not Excel's: it recalculates formulas on
// loading, with its own calendar before 1900-03-01 (no phantom 1900-02-29)
// and its own error codes. Excel's .xlsx of the same data (types.xlsx, read
// by openpyxl in the test above) has #NUM! and #NULL! where we read them.
const std::vector<std::string> kLibreOfficeRecalculates{
    "readxl/dates-leap-year-1900-xls.xls: ",
    "readxl/types.xls: smorgasbord!B19: expected e \"#VALUE!\", got e #NUM!",
    "readxl/types.xls: smorgasbord!B20: expected e \"#REF!\", got e #NULL!",
};

TEST_CASE("corpus: every .xls that is read gives LibreOffice's values", "[xlsx][corpus][xls]") {
  ITAWB_SKIP_UNLESS_SHARED("corpus");
  if (!xls_reads_formulas()) {
    WARN("this build reads no .xls, or Debian's FreeXL without formula values (scripts/debian-source.sh)");
    return;
  }
  const fs::path corpus = itawb::test::shared_dir() / "corpus";
  std::ifstream in(itawb::test::fixture("corpus-xls-expected.json"));
  REQUIRE(in);
  const nlohmann::json expectations = nlohmann::json::parse(in);
  size_t compared = 0, same = 0;
  std::vector<std::string> report;
  for (const auto& entry : expectations) {
    const std::string file = entry.at("file");
    if (entry.contains("error")) continue;
    std::vector<std::string> diffs;
    try {
      diffs = compare(Workbook::open((corpus / file).string()), entry);
    } catch (const FileError&) {
      continue;  // refused with one sentence: the test above
    }
    ++compared;
    if (diffs.empty()) ++same;
    for (const auto& d : diffs) {
      const std::string line = file + ": " + d;
      if (std::none_of(kLibreOfficeRecalculates.begin(), kLibreOfficeRecalculates.end(),
                       [&](const std::string& known) { return line.rfind(known, 0) == 0; }))
        report.push_back(line);
    }
  }
  CHECK(compared >= 32);
  CHECK(same >= compared - 2);
  for (const auto& line : report) UNSCOPED_INFO(line);
  CHECK(report.empty());
}

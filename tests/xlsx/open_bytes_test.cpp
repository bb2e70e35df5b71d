// Workbook::open_bytes (fuzzing, WebAssembly): a workbook held in memory reads
// exactly as the same file on disk, and a hostile one is refused with the
// same FileProblem, naming the label given instead of a path.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/helpers.hpp"
#include "xlsx/file_error.hpp"
#include "xlsx/reader.hpp"
#include "xlsx/xls.hpp"

using namespace itawb;
using namespace itawb::xlsx;
using itawb::test::fixture;

namespace {

std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Every sheet's cells as "ref type display", or the FileProblem thrown.
std::string outcome(const std::function<Workbook()>& open) {
  std::string out;
  try {
    const Workbook wb = open();
    for (size_t i = 0; i < wb.sheets().size(); ++i) {
      out += "sheet " + wb.sheets()[i].name + "\n";
      wb.for_each_cell(i, [&](const Cell& c) {
        out += c.ref() + " " + to_string(c.type) + " " + c.display() + "\n";
      });
    }
  } catch (const FileError& e) {
    out += std::string("refused: ") + to_string(e.problem());
  }
  return out;
}

}  // namespace

TEST_CASE("open_bytes reads every fixture as open reads the file, refusals included", "[xlsx][hostile]") {
  size_t read = 0, refused = 0;
  for (const auto& entry : std::filesystem::directory_iterator(fixture("xlsx"))) {
    const auto path = entry.path();
    if (path.extension() != ".xlsx" && path.extension() != ".xlsm" && path.extension() != ".xlsb") continue;
    INFO(path.filename().string());
    const std::string from_file = outcome([&] { return Workbook::open(path.string()); });
    const std::string from_bytes = outcome([&] { return Workbook::open_bytes(file_bytes(path), "upload.xlsx"); });
    CHECK(from_bytes == from_file);
    (from_file.rfind("refused: ", 0) == 0 ? refused : read) += 1;
  }
  CHECK(read >= 15);
  CHECK(refused >= 7);
}

TEST_CASE("open_bytes names its label in errors and path()", "[xlsx][hostile]") {
  const Workbook wb = Workbook::open_bytes(file_bytes(fixture("xlsx/basic.xlsx")), "จาก LINE.xlsx");
  CHECK(wb.path() == "จาก LINE.xlsx");
  CHECK_FALSE(wb.sheets().empty());

  for (const auto& [bytes, problem] : {std::pair<std::string, FileProblem>{"", FileProblem::Empty},
                                       {"a,b\n1,2\n", FileProblem::NotZip},
                                       {"PK\x03\x04 not really", FileProblem::CorruptZip}}) {
    try {
      (void)Workbook::open_bytes(bytes, "upload.xlsx");
      FAIL("no FileError");
    } catch (const FileError& e) {
      CHECK(e.problem() == problem);
      CHECK(e.path() == "upload.xlsx");
    }
  }
}

// FreeXL reads files: an .xls in memory (a zip's entry given to batch) is
// handed to it as an anonymous in-memory file on Linux (xlsx/xls.hpp).
TEST_CASE("open_bytes reads an .xls as open reads the file", "[xlsx][xls]") {
  if (!xlsx::xls_supported()) {
    WARN("this build reads no .xls (no FreeXL)");
    return;
  }
#ifdef __linux__
  for (const auto& path : {fixture("xlsx/legacy.xls"), fixture("xls/thungthong-2567.libreoffice.xls"),
                           fixture("xls/thungthong-2567.gnumeric.xls")}) {
    INFO(path.filename().string());
    const std::string from_file = outcome([&] { return Workbook::open(path.string()); });
    const std::string from_bytes = outcome([&] { return Workbook::open_bytes(file_bytes(path), "จาก LINE.xls"); });
    CHECK(from_file.rfind("sheet ", 0) == 0);
    CHECK(from_bytes == from_file);
  }
  CHECK(Workbook::open_bytes(file_bytes(fixture("xlsx/legacy.xls")), "x.xls").format() == "xls");
  // A damaged .xls in memory is refused as damaged, naming its label.
  std::string broken = file_bytes(fixture("xlsx/legacy.xls"));
  broken.resize(broken.size() / 3);
  try {
    (void)Workbook::open_bytes(broken, "ครึ่งไฟล์.xls");
    FAIL("no FileError");
  } catch (const FileError& e) {
    CHECK(e.path() == "ครึ่งไฟล์.xls");
    CHECK(e.problem() != FileProblem::LegacyXls);
  }
#endif
}

// The reader's default limits are sized for an agency workbook (issue 23):
// a part declaring more than 32 MiB inflated, or a ratio no real workbook
// has, is refused before it is inflated, with the reason, the file and the
// part; a part whose zip sizes lie is stopped by the bytes really inflated;
// Limits::large() (itawb --large-files) reads the same files; the bundled
// workbooks open under the defaults. The bombs are made here with libzip.
#include <catch2/catch.hpp>

#include <zip.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "support/helpers.hpp"
#include "xlsx/file_error.hpp"
#include "xlsx/reader.hpp"

using namespace itawb;
using namespace itawb::xlsx;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// A sheet part of at least `mib` MiB: rows of ten numbers, every row another
// (a few to one deflated: within the ratio limit, so only the size counts).
// `rows` is set to the number of rows.
std::string big_sheet(size_t mib, uint32_t& rows) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
  rows = 0;
  for (uint32_t r = 1; xml.size() < (mib << 20); ++r, ++rows) {
    xml += "<row r=\"" + std::to_string(r) + "\">";
    for (int c = 0; c < 10; ++c)
      xml += "<c r=\"" + std::string(1, static_cast<char>('A' + c)) + std::to_string(r) + "\"><v>" +
             std::to_string((r * 7919u + static_cast<uint32_t>(c) * 104729u) % 100000u) + "</v></c>";
    xml += "</row>";
  }
  return xml + "</sheetData></worksheet>";
}

// A copy of `from` with its part `part` replaced by `xml` (deflated by libzip).
fs::path replace_part(const fs::path& from, const fs::path& to, const std::string& part, const std::string& xml) {
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
  int code = 0;
  zip_t* z = zip_open(to.string().c_str(), 0, &code);
  REQUIRE(z != nullptr);
  const zip_int64_t index = zip_name_locate(z, part.c_str(), 0);
  REQUIRE(index >= 0);
  zip_source_t* source = zip_source_buffer(z, xml.data(), xml.size(), 0);
  REQUIRE(source != nullptr);
  REQUIRE(zip_file_replace(z, static_cast<zip_uint64_t>(index), source, 0) == 0);
  REQUIRE(zip_close(z) == 0);  // reads `xml` here, while it is alive
  return to;
}

// Sets the inflated size the zip declares for `part` (local header and
// central directory) to `declared`: a lying bomb.
void lie_about_size(const fs::path& file, const std::string& part, uint32_t declared) {
  std::string bytes = test::read_bytes(file);
  const auto put32 = [&](size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) bytes[at + static_cast<size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xff);
  };
  const auto get16 = [&](size_t at) {
    return static_cast<size_t>(static_cast<unsigned char>(bytes[at])) |
           static_cast<size_t>(static_cast<unsigned char>(bytes[at + 1])) << 8;
  };
  int patched = 0;
  for (size_t at = bytes.find("PK\x03\x04"); at != std::string::npos; at = bytes.find("PK\x03\x04", at + 4))
    if (bytes.compare(at + 30, part.size(), part) == 0 && get16(at + 26) == part.size()) {
      put32(at + 22, declared);
      ++patched;
    }
  for (size_t at = bytes.find("PK\x01\x02"); at != std::string::npos; at = bytes.find("PK\x01\x02", at + 4))
    if (bytes.compare(at + 46, part.size(), part) == 0 && get16(at + 28) == part.size()) {
      put32(at + 24, declared);
      ++patched;
    }
  REQUIRE(patched == 2);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

const char* const kSheet = "xl/worksheets/sheet1.xml";

// Opens the file and reads every sheet; the FileError thrown, if any.
// `cells` counts the non-empty cells of the sheet in `part` (of every sheet
// when `part` is empty).
std::optional<FileError> read_all(const fs::path& file, const Limits& limits, size_t* cells = nullptr,
                                  const std::string& part = kSheet) {
  try {
    const Workbook wb = Workbook::open(file.string(), limits);
    for (size_t i = 0; i < wb.sheets().size(); ++i)
      wb.for_each_cell(i, [&](const Cell&) {
        if (cells && (part.empty() || wb.sheets()[i].part == part)) ++*cells;
      });
  } catch (const FileError& e) {
    return e;
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("a part declaring more than 32 MiB is refused before inflating, with the file and part",
          "[xlsx][hostile][limits]") {
  test::TempDir tmp;
  uint32_t rows = 0;
  const fs::path bomb =
      replace_part(test::example("thungthong-2567.xlsx"), tmp / "big.xlsx", kSheet, big_sheet(33, rows));

  const auto e = read_all(bomb, Limits{});
  REQUIRE(e.has_value());
  CHECK(e->problem() == FileProblem::TooLarge);
  CHECK(e->location() == bomb.string());
  CHECK(contains(e->message_en(), "The part xl/worksheets/sheet1.xml exceeds a safety limit"));
  CHECK(contains(e->message_en(), "over 32 MiB"));
  CHECK(contains(e->message_en(), "--large-files"));
  CHECK(contains(e->message_th(), "ส่วน xl/worksheets/sheet1.xml ของไฟล์ใหญ่เกินขีดจำกัด"));
  CHECK(contains(e->message_th(), "เกิน 32 MiB"));
  CHECK(contains(e->message_th(), "--large-files"));

  // --large-files: the same file is read, every row of the part.
  size_t cells = 0;
  const auto none = read_all(bomb, Limits::large(), &cells);
  CHECK_FALSE(none.has_value());
  CHECK(cells == size_t{rows} * 10);
}

TEST_CASE("a part whose zip sizes lie is stopped past the size it declares", "[xlsx][hostile][limits]") {
  test::TempDir tmp;
  uint32_t rows = 0;
  const fs::path bomb =
      replace_part(test::example("thungthong-2567.xlsx"), tmp / "lying.xlsx", kSheet, big_sheet(40, rows));
  lie_about_size(bomb, kSheet, 2048);
  const auto e = read_all(bomb, Limits{});
  REQUIRE(e.has_value());
  CHECK(e->problem() == FileProblem::TooLarge);
  CHECK(contains(e->message_en(), "The part xl/worksheets/sheet1.xml"));
  CHECK(contains(e->message_en(), "inflates to more than the 2048 bytes its zip headers declare"));
  CHECK(contains(e->message_th(), "ขยายได้มากกว่า 2048 ไบต์ที่ไฟล์ zip ระบุไว้"));
  // Declaring 30 MiB (under the 32 MiB limit), it is stopped just past those 30 MiB.
  lie_about_size(bomb, kSheet, 30u << 20);
  const auto e30 = read_all(bomb, Limits{});
  REQUIRE(e30.has_value());
  CHECK(contains(e30->message_en(), "inflates to more than the 31457280 bytes its zip headers declare"));
}

TEST_CASE("a ratio no agency workbook has (over 100 to one) is refused", "[xlsx][hostile][limits]") {
  test::TempDir tmp;
  // 8 MiB of one repeated row: about 1,000 to one, under the size limit.
  std::string xml = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
  size_t rows = 0;
  for (; xml.size() < (8u << 20); ++rows) xml += "<row><c><v>1</v></c></row>";
  xml += "</sheetData></worksheet>";
  const fs::path bomb = replace_part(test::example("thungthong-2567.xlsx"), tmp / "ratio.xlsx", kSheet, xml);
  const auto e = read_all(bomb, Limits{});
  REQUIRE(e.has_value());
  CHECK(e->problem() == FileProblem::TooLarge);
  CHECK(contains(e->message_en(), "xl/worksheets/sheet1.xml"));
  CHECK(contains(e->message_en(), "compression ratio over 100:1"));
  CHECK(contains(e->message_th(), "อัตราการบีบอัดเกิน 100 เท่า"));
  // The larger limits accept the ratio; the rows are read.
  size_t cells = 0;
  CHECK_FALSE(read_all(bomb, Limits::large(), &cells).has_value());
  CHECK(cells == rows);
}

TEST_CASE("every bundled workbook opens under the default limits", "[xlsx][limits]") {
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(test::repo_dir() / "workbooks" / "examples")) {
    if (entry.path().extension() != ".xlsx") continue;
    INFO(entry.path());
    size_t cells = 0;
    const auto e = read_all(entry.path(), Limits{}, &cells, "");
    CHECK_FALSE(e.has_value());
    CHECK(cells > 50);
    ++files;
  }
  CHECK(files >= 3);
}

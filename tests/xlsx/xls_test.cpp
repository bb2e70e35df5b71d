// Excel 97-2003 workbooks (xlsx/xls.hpp, FreeXL): an .xls that LibreOffice
// saved reads cell for cell as the .xlsx it came from, except what BIFF as
// FreeXL reads it does not give (booleans, errors, formulas without a value).
#include <catch2/catch.hpp>

#include <algorithm>

#include "support/helpers.hpp"
#include "xlsx/file_error.hpp"
#include "xlsx/reader.hpp"
#include "xlsx/xls.hpp"

using namespace itawb;
using namespace itawb::xlsx;
using itawb::test::fixture;

namespace {

std::vector<std::string> cells_of(const Workbook& wb, const std::vector<std::string>& except = {}) {
  std::vector<std::string> out;
  for (size_t i = 0; i < wb.sheets().size(); ++i)
    wb.for_each_cell(i, [&](const Cell& c) {
      const std::string ref = wb.sheets()[i].name + "!" + c.ref();
      if (std::find(except.begin(), except.end(), ref) == except.end())
        out.push_back(ref + " " + to_string(c.type) + " " + c.display());
    });
  return out;
}

}  // namespace

TEST_CASE("an .xls saved by LibreOffice reads as the .xlsx it came from", "[xlsx][xls]") {
  if (!xls_supported()) {
    WARN("this build reads no .xls (no FreeXL)");
    return;
  }
  const Workbook xls = Workbook::open(fixture("xlsx/legacy.xls").string());
  const Workbook xlsx = Workbook::open(fixture("xlsx/basic.xlsx").string());
  CHECK(xls.format() == "xls");
  REQUIRE(xls.sheets().size() == xlsx.sheets().size());
  for (size_t i = 0; i < xls.sheets().size(); ++i) CHECK(xls.sheets()[i].name == xlsx.sheets()[i].name);
  // TRUE/FALSE (D2, D3) and #N/A (H2) FreeXL does not give; G2 is a formula
  // the .xlsx holds without a value.
  const std::vector<std::string> lost = {"ข้อมูล!D2", "ข้อมูล!D3", "ข้อมูล!G2", "ข้อมูล!H2"};
  CHECK(cells_of(xls, lost) == cells_of(xlsx, lost));
  // Dates and times keep their kind.
  const auto all = cells_of(xls);
  CHECK(std::count(all.begin(), all.end(), "ข้อมูล!E2 d 2024-10-01") == 1);
  CHECK(std::count(all.begin(), all.end(), "ข้อมูล!F2 d 2024-10-01T08:30:00") == 1);
  if (!xls_reads_formulas()) {
    WARN("Debian's FreeXL without itawb's patch: no formula values, booleans or errors");
    return;
  }
  // With itawb's patch to FreeXL: the booleans, the formula's value
  // (=B2*2, which LibreOffice computed when it saved the .xls) and the error.
  for (const char* cell : {"ข้อมูล!D2 b TRUE", "ข้อมูล!D3 b FALSE", "ข้อมูล!G2 n 84", "ข้อมูล!H2 e #N/A"})
    CHECK(std::count(all.begin(), all.end(), cell) == 1);
}

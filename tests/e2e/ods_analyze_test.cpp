// `itawb analyze` and `validate` of an OpenDocument spreadsheet (and of an
// Excel 97-2003 .xls): the bundled
// example and an officer's plan saved as .ods by LibreOffice and by Gnumeric
// give the same figures, findings and cells named in them as the .xlsx they
// were saved from (tests/fixtures/ods/), and the written workbook is an
// .xlsx that openpyxl reads.
#include <catch2/catch.hpp>

#include "support/helpers.hpp"

using namespace itawb;
using itawb::test::example;
using itawb::test::fixture;
using itawb::test::run_itawb;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// analyze --json of `in`, without the output's own path.
json analysis(const fs::path& in, const fs::path& out) {
  const auto r = run_itawb({"analyze", in.string(), "-o", out.string(), "--json", "--as-of", "2025-03-31"});
  INFO(r.err);
  REQUIRE(r.exit_code <= 1);
  json j = json::parse(r.out);
  j.erase("output");
  if (j.contains("written")) j.erase("written");
  return j;
}

}  // namespace

TEST_CASE("cli: an .ods or .xls analyses to the same JSON as its .xlsx", "[cli][ods][xls]") {
  test::TempDir tmp;
  const struct {
    fs::path xlsx, ods;
  } pairs[] = {
      {example("thungthong-2567.xlsx"), fixture("ods/thungthong-2567.libreoffice.ods")},
      {example("thungthong-2567.xlsx"), fixture("ods/thungthong-2567.gnumeric.ods")},
      {fixture("officer/thungthong-2568-plan.xlsx"), fixture("ods/thungthong-2568-plan.libreoffice.ods")},
      {fixture("officer/thungthong-2568-plan.xlsx"), fixture("ods/thungthong-2568-plan.gnumeric.ods")},
      // Excel 97-2003, through FreeXL (the native build has it).
      {example("thungthong-2567.xlsx"), fixture("xls/thungthong-2567.libreoffice.xls")},
      {example("thungthong-2567.xlsx"), fixture("xls/thungthong-2567.gnumeric.xls")},
  };
  int n = 0;
  for (const auto& p : pairs) {
    INFO(p.ods.filename().string());
    const auto out = tmp.path() / ("ods-" + std::to_string(n++) + ".xlsx");
    const json from_ods = analysis(p.ods, out);
    const json from_xlsx = analysis(p.xlsx, tmp.path() / "xlsx.xlsx");
    CHECK(from_ods.dump(1) == from_xlsx.dump(1));
    // The output is an .xlsx whatever the input.
    const json dump = test::openpyxl_read(out, true);
    CHECK(!dump["sheets"].empty());
  }
}

TEST_CASE("cli: validate names an .ods's cells as an .xlsx's", "[cli][ods]") {
  const auto ods = run_itawb({"validate", fixture("ods/thungthong-2567.gnumeric.ods").string(), "--json"});
  const auto xlsx = run_itawb({"validate", example("thungthong-2567.xlsx").string(), "--json"});
  REQUIRE(ods.exit_code == xlsx.exit_code);
  json a = json::parse(ods.out)["files"][0], b = json::parse(xlsx.out)["files"][0];
  a.erase("path");
  b.erase("path");
  CHECK(a.dump(1) == b.dump(1));
  REQUIRE(a["findings"].size() == 2);
  CHECK(a["findings"][0]["sheet"] == "คะแนนตัวชี้วัด");
  CHECK(a["findings"][0]["cell"] == "D7");
}

TEST_CASE("cli: an OpenDocument text is refused as such, in Thai and English", "[cli][ods]") {
  const auto r = run_itawb({"validate", fixture("ods/text-document.odt").string()});
  CHECK(r.exit_code == 2);
  const std::string said = r.out + r.err;
  CHECK(said.find("OpenDocument") != std::string::npos);
  CHECK(said.find("ไม่ใช่ตารางคำนวณ") != std::string::npos);
}

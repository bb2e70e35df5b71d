// Headers as agencies type them in their own measures and progress tables
// (seeds 000 and 002: มาตรการ/โครงการ/กิจกรรม, ผู้รับผิดชอบ/ ผู้ที่เกี่ยวข้อง,
// วัน เดือน ปี ที่ดำเนินการ ...): each names the right field, whatever the
// spaces, slashes and line breaks, and no header names two fields.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "support/resources.hpp"
#include "schema/table.hpp"

using namespace itawb;
using namespace itawb::test;

namespace {

std::optional<uint32_t> column_of(const schema::SheetSchema& s, const xlsx::Sheet& sheet, const char* field) {
  const auto header = schema::find_header(sheet, s);
  REQUIRE(header);
  return header->column(s, field);
}

}  // namespace

TEST_CASE("agencies' measure headers name the measures fields", "[schema][header][layouts]") {
  const auto& measures = *schemas().sheet("measures");
  // One agency's table (seed 002's words), with the spaces and breaks of a typed cell.
  const auto sheet = make_sheet("มาตรการ", {{std::string("ที่"), std::string("มาตรการ/โครงการ/กิจกรรม"),
                                           std::string("วิธีดำเนินการ"), std::string("ระยะเวลาในการดำเนินการ"),
                                           std::string("ผู้รับผิดชอบ / ผู้ที่เกี่ยวข้อง"),
                                           std::string("สรุปผลการดำเนินการตาม มาตรการหรือกิจกรรม")}});
  CHECK(column_of(measures, sheet, "id") == 0u);
  CHECK(column_of(measures, sheet, "measure") == 1u);
  CHECK(column_of(measures, sheet, "steps") == 2u);
  CHECK(column_of(measures, sheet, "timeframe") == 3u);
  CHECK(column_of(measures, sheet, "owner") == 4u);

  // Another agency's: the analysis carried into practice, its steps, a date column, an owner "or" others.
  const auto other = make_sheet("มาตรการ", {{std::string("ลำดับ"), std::string("ประเด็นที่"),
                                            std::string("วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ"),
                                            std::string("การกำหนดขั้นตอน\nหรือวิธีการปฏิบัติ"),
                                            std::string("วัน เดือน ปี\nที่ดำเนินการ"),
                                            std::string("ผู้รับผิดชอบหรือผู้ที่เกี่ยวข้อง")}});
  CHECK(column_of(measures, other, "issue") == 1u);
  CHECK(column_of(measures, other, "measure") == 2u);
  CHECK(column_of(measures, other, "steps") == 3u);
  CHECK(column_of(measures, other, "timeframe") == 4u);
  CHECK(column_of(measures, other, "owner") == 5u);
  CHECK(column_of(measures, other, "id") == 0u);
}

TEST_CASE("agencies' progress headers name the progress fields", "[schema][header][layouts]") {
  const auto& progress = *schemas().sheet("progress");
  const auto sheet = make_sheet("ความก้าวหน้า", {{std::string("ลำดับมาตรการ"), std::string("ไตรมาส"),
                                                 std::string("สถานะ"),
                                                 std::string("สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม"),
                                                 std::string("วัน เดือน ปี ที่ดำเนินการ")}});
  CHECK(column_of(progress, sheet, "result") == 3u);
  CHECK(column_of(progress, sheet, "report_date") == 4u);
}

TEST_CASE("no header names two fields of a sheet", "[schema][header][layouts]") {
  for (const auto& s : schemas().sheets()) {
    std::map<std::string, std::string> field_of;  // match key -> field
    for (const auto& f : s.fields)
      for (const auto& label : f.labels()) {
        auto [it, fresh] = field_of.emplace(schema::match_key(label), f.name);
        INFO(s.name << ": \"" << label << "\" names " << f.name << " and " << it->second);
        CHECK((fresh || it->second == f.name));
        // A header with a trailing "(...)" is also read without it: that must not name another field.
        const auto paren = schema::match_key(label).find('(');
        if (paren != std::string::npos && paren > 0) {
          const std::string bare = schema::match_key(label).substr(0, paren);
          for (const auto& g : s.fields)
            if (g.name != f.name)
              for (const auto& other : g.labels()) CHECK(schema::match_key(other) != bare);
        }
      }
  }
}

// schema::find_header, the one header finder (read_sheet, the merge's master
// and returned workbooks use it): the row naming the most fields, titles,
// aliases and "(...)" suffixes accepted, the leftmost of a repeated label.
#include <catch2/catch.hpp>

#include "schema/table.hpp"
#include "support/helpers.hpp"

using namespace itawb;

namespace {

xlsx::Cell text_cell(uint32_t row, uint32_t col, std::string text) {
  xlsx::Cell c;
  c.row = row;
  c.col = col;
  c.type = xlsx::CellType::String;
  c.text = std::move(text);
  return c;
}

}  // namespace

TEST_CASE("find_header picks the row naming the most fields and maps their columns", "[schema][header]") {
  const auto* progress = test::resources().schemas.sheet("progress");
  REQUIRE(progress != nullptr);
  xlsx::Sheet sheet;
  sheet.info.name = "ความก้าวหน้า";
  sheet.cells = {text_cell(0, 0, "สถานะ"),  // a title row naming one field
                 text_cell(3, 0, "ลำดับมาตรการ"), text_cell(3, 1, "มาตรการ"), text_cell(3, 2, "ไตรมาส"),
                 text_cell(3, 3, "สถานะ"), text_cell(3, 4, "หลักฐาน (ลิงก์)"), text_cell(3, 5, "วันที่รายงาน (ปี 2569)"),
                 text_cell(3, 6, "สถานะ"), text_cell(4, 0, "1")};
  const auto header = schema::find_header(sheet, *progress);
  REQUIRE(header);
  CHECK(header->row == 3);
  REQUIRE(header->columns.size() == progress->fields.size());
  CHECK(header->column(*progress, "measure_id") == 0u);
  CHECK(header->column(*progress, "quarter") == 2u);
  CHECK(header->column(*progress, "status") == 3u);  // the leftmost of the two
  CHECK(header->column(*progress, "evidence") == 4u);
  CHECK(header->column(*progress, "report_date") == 5u);
  CHECK_FALSE(header->column(*progress, "department"));
  CHECK_FALSE(header->column(*progress, "no-such-field"));

  xlsx::Sheet empty;
  CHECK_FALSE(schema::find_header(empty, *progress));
}

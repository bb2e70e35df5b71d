// A worksheet's layout, read on demand (Workbook::read_layout) apart from its
// cells so the hot path (for_each_cell) stays as it is: column widths, row
// heights, hidden rows and columns, the styles of empty cells, the frozen
// pane, data validations, and a count of what the sheet has that a rewrite
// through libxlsxwriter cannot keep (charts, images, pivot tables, ...).
// Hostile input: attributes may be missing or garbage; what cannot be read
// is left out, and nothing is sized from a declared count.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "xlsx/reader.hpp"
#include "xlsx/writer.hpp"

namespace itawb::xlsx {

struct ColumnLayout {
  uint32_t first = 0, last = 0;  // zero-based, inclusive
  double width = 0;              // as stored, with Excel's padding (column_chars); 0 = not given
  bool hidden = false;
  std::optional<uint32_t> style;  // cellXfs index of the column's empty cells
};

struct RowLayout {
  uint32_t row = 0;   // zero-based
  double height = 0;  // points; 0 = not given
  bool custom_height = false;
  bool hidden = false;
  std::optional<uint32_t> style;  // with customFormat="1"
};

struct StyledCell {
  uint32_t row = 0, col = 0, style = 0;
};

struct SheetValidation {
  std::vector<Range> ranges;
  Validation rule;
};

// What a sheet has that is not carried, by kind.
enum class Extra : uint8_t {
  Chart, Image, Shape, PivotTable, Table, ConditionalFormat, Comment, Hyperlink,
  Sparkline, Control, Validation, ChartSheet, Macros,
  EmptyFormat  // formats of empty rows more than kStyledMargin rows below any content
};
inline constexpr size_t kExtraKinds = 14;

// Formats of empty rows and cells (a row format, a border, a fill) are kept
// up to this many rows below the last row with content; further down they
// are counted (Extra::EmptyFormat), not kept: a sheet formatted down to row
// 1,048,576 costs no more than its content.
inline constexpr uint32_t kStyledMargin = 200;

// A cell whose text is longer than Excel keeps (text::kMaxCellUnits).
struct LongText {
  uint32_t row = 0, col = 0;  // zero-based
  size_t length = 0;          // in UTF-16 code units, as Excel counts
};
struct ExtraCount {
  Extra kind;
  uint32_t count = 0;
};

struct SheetLayout {
  double default_row_height = 0;  // points; 0 = not given
  double default_col_width = 0;   // as stored (column_chars); 0 = not given
  std::vector<ColumnLayout> columns;
  std::vector<RowLayout> rows;       // rows with a height, a style or hidden, in document order
  std::vector<StyledCell> styled;    // every <c> with a style other than 0, values or not
                                     // (empty ones only near content: kStyledMargin)
  std::optional<CellRef> frozen;     // the top-left cell below/right of a frozen pane
  std::vector<SheetValidation> validations;
  std::vector<ExtraCount> extras;    // non-zero counts only
  std::vector<LongText> long_texts;  // texts the writer will cut, in document order

  void count(Extra kind, uint32_t n = 1);
};

// A stored column width (characters plus Excel's 5-pixel padding, in
// 7-pixel digits) as the characters libxlsxwriter's set_column takes.
double column_chars(double stored_width);

// Thai and English names of an extra, for findings: "แผนภูมิ" / "chart(s)".
const char* extra_th(Extra kind);
const char* extra_en(Extra kind);

}  // namespace itawb::xlsx

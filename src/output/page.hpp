// The page engine: every result sheet and file that travels is written
// through a FittedSheet, which sets column widths, row heights from the
// lines each text wraps to in the printed font, page breaks that keep
// blocks whole, and the A4 page with its header and footer
// (docs/rules.md, "Printed pages").
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/records.hpp"
#include "text/thai.hpp"
#include "xlsx/writer.hpp"

namespace itawb::output {

// Row heights. Excel neither grows a row for wrapped text nor for a large
// font when it opens a file, and libxlsxwriter writes the 15 pt default, so
// every row of a result sheet gets a height from the text written in it:
// the number of wrapped lines (estimated like the column widths) times the
// line height of the font.
class RowFit {
 public:
  // Text in a column of known width (wrapped cells) or, with width 0, one line.
  void text(uint32_t row, std::string_view s, double column_width = 0, double font_pt = 16);
  void lines(uint32_t row, int n, double font_pt = 16);
  // The row `points` tall or more (within kMaxHeight).
  void at_least(uint32_t row, double points);
  // Lines `s` takes in a column `column_width` wide (0: no wrapping),
  // wrapped between words as LibreOffice wraps it (text::wrapped_line_count).
  static int count_lines(std::string_view s, double column_width, double font_pt = 16, bool bold = false);
  // What a cell's left and right margins take of its printed width, in points.
  static constexpr double kCellMargins = 3;
  // Text is measured a thirtieth wider than its font's advances (glyph
  // positions rounded to the device); bold Thai is a nineteenth wider.
  static constexpr double kGlyphSlack = 1.03;
  static constexpr double kBoldWidth = 1.055;
  void apply(xlsx::SheetWriter& ws) const;
  // Excel's tallest row; a text needing more is cut off when printed.
  static constexpr double kMaxHeight = 409;
  // The most lines of `font_pt` a row holds.
  static int max_lines(double font_pt = 16);
  // `s` in pieces of at most `max` lines each in a column `column_width`
  // wide, cut after a space where there is one (never inside a character
  // or before its vowel or tone mark): one row's share each, so a long text
  // continues on the next rows rather than being cut by kMaxHeight.
  static std::vector<std::string> split_to_rows(std::string_view s, double column_width, double font_pt = 16,
                                                int max = max_lines());
  // The height the row's text needs (0: none written).
  double height(uint32_t row) const {
    const auto it = points_.find(row);
    return it == points_.end() ? 0 : it->second;
  }
  const std::map<uint32_t, double>& heights() const { return points_; }
  // libxlsxwriter's height of a row none was set for.
  static constexpr double kDefaultHeight = 15;

  // TH SarabunPSK has tall ascenders and a wide line gap: Excel gives one
  // 16 pt line a 24.75 pt row; LibreOffice (Laksaman) sets wrapped lines
  // 1.7 x their size apart (1.4 and 1.6 cut the last line of a tall cell).
  static double line_height(double font_pt);

 private:
  std::map<uint32_t, double> points_;  // row -> height
};

// A SheetWriter with row heights: the same calls; each text is also
// remembered, and finish() sets the column widths (declared with width(),
// else fitted to the text like SheetWriter::fit_columns, within
// [fit_min, fit_max]) and then every row's height from the lines its wrapped
// texts take in those widths.
class FittedSheet {
 public:
  explicit FittedSheet(xlsx::SheetWriter& ws, double fit_min = 6, double fit_max = 60)
      : ws_(ws), fit_min_(fit_min), fit_max_(fit_max) {}

  void width(uint32_t col, double w) { widths_[col] = w; }
  // A column kept (it reads back) but hidden: it neither shows nor prints,
  // and does not count towards the page's width.
  void hide(uint32_t col) { hidden_.insert(col); }
  // The page the sheet prints on: finish() narrows the wrapped columns
  // (their text takes more lines instead) until the sheet fits the page's
  // width at `min_scale` or more, none below `min_width` characters.
  void fit_page(bool landscape, double min_scale = 0.75, double min_width = 10) {
    page_ = Page{landscape, min_scale, min_width, std::nullopt};
  }
  // The same, the orientation chosen by the sheet's own width: landscape
  // when its columns are wider than `portrait_max` characters in all.
  void fit_page_auto(double portrait_max = 95, double min_scale = 0.75, double min_width = 10) {
    page_ = Page{false, min_scale, min_width, portrait_max};
  }
  // With fit_page(): column `col` (a wrapped text's) widened so that the
  // sheet fills the page's width at `scale`, its texts taking fewer lines.
  void fill_page_with(uint32_t col, double scale) { grow_ = {col, scale}; }
  // After finish(): the orientation the page was fitted to.
  bool landscape() const { return page_ && page_->landscape; }
  // Rows [first_row, last_row] print on one page when they fit on one (an
  // issue's rows): with fit_page(), finish() breaks the page before a block
  // the printer would split. `repeated` rows (print_setup's header rows)
  // take their room at the top of every page.
  void keep_together(uint32_t first_row, uint32_t last_row) { blocks_[first_row] = std::max(blocks_[first_row], last_row); }
  void repeated_rows(uint32_t first_row, uint32_t last_row) { repeated_ = {first_row, last_row}; }
  // A chart `height_px` tall placed at `row` (over rows of the default
  // height): inserted and kept on one page with `from_row`.
  void chart(uint32_t row, uint32_t col, const xlsx::ChartSpec& spec, uint32_t from_row) {
    ws_.chart(row, col, spec);
    keep_together(std::min(from_row, row), row + static_cast<uint32_t>(spec.height_px * 0.75 / RowFit::kDefaultHeight) + 1);
  }
  // A range of columns as an input declared it (carry-over): its width,
  // kept, hidden or not, with a format for its empty cells (nullptr: none).
  // Ranges do not overlap each other or width()'s columns.
  void columns(uint32_t first, uint32_t last, double w, bool hidden, const xlsx::Style* style);
  // A row as an input declared it: at least `at_least` points tall (0: as
  // its text needs), raised when its text needs more, never lowered.
  void row(uint32_t row, double at_least, bool hidden, const xlsx::Style* style);

  void text(uint32_t row, uint32_t col, std::string_view s, const xlsx::Style& style = {});
  void number(uint32_t row, uint32_t col, double v, const xlsx::Style& style = {});
  // A counting number that labels a row (ลำดับ, an issue's number): text in
  // the sheet's digits when they are Thai (๓), as the text around it; a
  // number otherwise. Scores and counts stay numbers (docs/rules.md).
  void ordinal(uint32_t row, uint32_t col, long n, const xlsx::Style& style = {});
  void number_or_blank(uint32_t row, uint32_t col, std::optional<double> v, const xlsx::Style& style = {});
  // A date serial in `style`'s date format (as xlsx::SheetWriter::date).
  void date(uint32_t row, uint32_t col, double serial, const xlsx::Style& style = {});
  void blank(uint32_t row, uint32_t col, const xlsx::Style& style = {});
  void link(uint32_t row, uint32_t col, const std::string& url, std::string_view label,
            const xlsx::Style& style = {});
  // A merge's text is counted against the columns' total width, its lines
  // shared out among its rows; it does not widen fitted columns.
  void merge(uint32_t first_row, uint32_t first_col, uint32_t last_row, uint32_t last_col,
             std::string_view s, const xlsx::Style& style = {});
  // A value written straight to the SheetWriter at (row, col), shown as `shown` (its
  // column fitted to that): its row is at least one line of the font tall.
  void written(uint32_t row, uint32_t col, const xlsx::Style& style, std::string_view shown = {});
  void finish();
  // Before finish(): the width column `col` will print at, as finish() will
  // set it from what was written and declared so far (the page's
  // narrowing included), to share a long text out over rows.
  double planned_width(uint32_t col);
  // After finish(): the cells (row, column) of one row whose wrapped text
  // needs more than Excel's tallest row (kMaxHeight): cut when printed.
  const std::vector<std::pair<uint32_t, uint32_t>>& cut_cells() const { return cut_; }
  // Before the texts are written: a one-cell text that would be cut is
  // written again by finish() in the largest smaller font (down to
  // `min_pt`) whose lines fit the row, so that it prints whole; only what
  // even `min_pt` cannot fit is cut.
  void shrink_cut_text(double min_pt) { shrink_min_ = min_pt; }
  struct Shrunk {
    uint32_t row, col;
    double from_pt, to_pt;
  };
  // After finish(): the cells shrink_cut_text() wrote in a smaller font.
  const std::vector<Shrunk>& shrunk_cells() const { return shrunk_; }
  // After finish(): the sum of the visible column widths it set (for the page's orientation).
  double total_width() const { return total_width_; }

  // Printed width in points of a column `width` characters wide (Excel's
  // 7-pixel digit plus padding, at 96 dpi), and the width A4 leaves inside
  // the margins print_setup sets.
  static double printed_points(double width) { return (width * 7 + 5) * 0.75; }
  static double a4_printable_points(bool landscape) { return (landscape ? 842.0 : 595.0) - 72.0; }

 private:
  struct Entry {
    uint32_t first_row, last_row, first_col, last_col;
    std::string text;
    double size;
    bool wrap;
    bool bold = false;
    bool border = false;  // a table's cell: its text stays inside it
    // A text written by text() under shrink_cut_text(): its whole style, to
    // write it again smaller (kept only then: every cell of every sheet
    // passes here).
    std::optional<xlsx::Style> rewrite;
  };
  static constexpr double kShortText = 24;  // display width of a heading or label
  std::map<uint32_t, double> word_floors() const;
  struct Page {
    bool landscape;
    double min_scale, min_width;
    std::optional<double> auto_portrait_max;  // fit_page_auto
  };
  void narrow_to_page(std::map<uint32_t, double>& widths);
  struct Widths {
    std::map<uint32_t, double> final_width;  // declared and fitted columns
    std::map<uint32_t, double> narrowed;     // carried ranges' columns narrowed for the page
    uint32_t last_used = 0;
  };
  Widths compute_widths();
  std::vector<uint32_t> page_breaks(const std::map<uint32_t, double>& heights) const;
  // shrink_cut_text(): `e` written again at the largest size from its own
  // down to shrink_min_ whose lines fit a row `width` wide; its lines and
  // size then, or nullopt when none fits.
  std::optional<std::pair<int, double>> shrink_to_fit(const Entry& e, double width);
  void remember(uint32_t first_row, uint32_t last_row, uint32_t first_col, uint32_t last_col,
                std::string_view s, const xlsx::Style& style, bool widens);
  struct Declared {
    uint32_t first, last;
    double points;  // width or height
    bool hidden;
    std::optional<xlsx::Style> style;
  };
  const Declared* range_of(uint32_t col) const;

  xlsx::SheetWriter& ws_;
  double fit_min_, fit_max_;
  std::map<uint32_t, double> widths_;  // declared
  std::map<uint32_t, double> fitted_;  // widest text per undeclared column
  std::vector<Declared> column_ranges_;
  std::map<uint32_t, Declared> rows_;  // declared rows
  std::vector<Entry> entries_;
  std::set<uint32_t> hidden_;
  std::optional<Page> page_;
  std::map<uint32_t, uint32_t> blocks_;  // first row -> last row kept together
  std::optional<std::pair<uint32_t, uint32_t>> repeated_;
  std::optional<std::pair<uint32_t, double>> grow_;  // fill_page_with
  std::vector<std::pair<uint32_t, uint32_t>> cut_;
  std::optional<double> shrink_min_;
  std::vector<Shrunk> shrunk_;
  double total_width_ = 0, total_points_ = 0;
};

// The page footer: "หน้า 1 / 3" on a sheet in Arabic digits (or none set);
// none on a sheet in Thai digits, whose page numbers Excel and LibreOffice
// can only print in Arabic digits (docs/rules.md, "Printed pages").
std::string page_footer(const xlsx::SheetWriter& ws);
// The same for a document in `digits` (a sheet whose texts carry them
// without the writer's digit style: the department workbooks).
std::string page_footer(text::DigitStyle digits);

// The page header and footer every result sheet carries: the agency on the
// left, the sheet's subject on the right, page_footer() at the bottom, of
// the sheet's digit style or, given, of the document's `digits` (a sheet
// written without a digit style of its own, in a document that has one).
void print_setup(xlsx::SheetWriter& ws, const model::Agency& agency, const std::string& subject,
                 bool landscape, uint32_t header_first_row, uint32_t header_last_row,
                 std::optional<text::DigitStyle> digits = std::nullopt);
// The page of a sheet whose header rows are not known (a carried-over input
// sheet): A4 fitted to the width, margins, the agency and page x / y.
void print_setup_plain(xlsx::SheetWriter& ws, const model::Agency& agency, const std::string& subject, bool landscape,
                       std::optional<text::DigitStyle> digits = std::nullopt);

// "องค์การบริหารส่วนตำบลทุ่งทอง อำเภอท่าม่วง จังหวัดกาญจนบุรี" (parts left out when empty).
std::string agency_line(const model::Agency& agency);

}  // namespace itawb::output

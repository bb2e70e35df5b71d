// A thin C++ layer over libxlsxwriter: RAII, a format cache keyed by Style,
// Thai-first defaults (TH SarabunPSK 16 pt, the government's standard font),
// UTF-8 sanitising, width tracking for estimated autofit, and A4 print setup.
// libxlsxwriter only writes new files; to "update" a workbook we rewrite it.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "text/thai.hpp"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace itawb::xlsx {

// Horizontal and vertical alignment, in the order of OOXML (and libxlsxwriter).
enum class Align : uint8_t { General, Left, Center, Right, Fill, Justify, CenterAcross, Distributed };
enum class VAlign : uint8_t { Top, Bottom, Center, Justify, Distributed };

// Colours are 0xRRGGBB with 0 = automatic / none; kBlack is an explicit
// black (libxlsxwriter's LXW_COLOR_BLACK), as carried from an input.
inline constexpr uint32_t kBlack = 0x1000000;

// One side of a cell's border: the line style numbered as OOXML and
// libxlsxwriter do (0 none, 1 thin, 2 medium, 3 dashed, 4 dotted, 5 thick,
// 6 double, 7 hair, 8-13 the dashed variants) and its colour.
struct Edge {
  uint8_t style = 0;
  uint32_t color = 0;
  bool operator==(const Edge&) const = default;
  bool operator<(const Edge& o) const { return std::tie(style, color) < std::tie(o.style, o.color); }
};
enum Side : uint8_t { kLeft, kRight, kTop, kBottom };

// Everything that makes a cell format. Compared by value; each distinct Style
// becomes one lxw_format. The builders below make the house formats; the
// other fields carry an input workbook's own formats (carry-over).
struct Style {
  std::string font = "TH SarabunPSK";
  double size = 16;
  bool bold = false;
  bool italic = false;
  uint8_t underline = 0;     // 0 none, 1 single, 2 double, 3/4 accounting
  bool strike = false;
  uint32_t color = 0;        // font colour 0xRRGGBB; 0 = automatic
  uint32_t fill = 0;         // background 0xRRGGBB; 0 = none
  uint8_t pattern = 0;       // fill pattern as OOXML numbers it; 0 = solid when fill is set
  uint32_t pattern_color = 0;  // the pattern's colour (patterns other than solid)
  bool border = false;       // thin border all round
  std::array<Edge, 4> edges{};  // per side (Side), over `border`
  bool wrap = false;
  bool shrink = false;
  Align align = Align::General;
  VAlign valign = VAlign::Top;  // top suits wrapped text
  uint8_t indent = 0;
  int16_t rotation = 0;      // -90..90 degrees, 270 = stacked
  bool locked = true;        // only matters on protected sheets
  std::string num_format;    // "" = General, e.g. "0.00", "d mmm yyyy"

  // Spelled out: libc++ 14 (the WebAssembly build's) has no <=> for std::array or std::string.
  bool operator==(const Style&) const = default;
  auto tie() const {
    return std::tie(font, size, bold, italic, underline, strike, color, fill, pattern, pattern_color, border, edges,
                    wrap, shrink, align, valign, indent, rotation, locked, num_format);
  }
  bool operator<(const Style& o) const { return tie() < o.tie(); }

  // Small builders so call sites read as sentences: Style{}.with_bold()...
  Style with_bold(bool b = true) const { Style s = *this; s.bold = b; return s; }
  Style with_fill(uint32_t rgb) const { Style s = *this; s.fill = rgb; return s; }
  Style with_color(uint32_t rgb) const { Style s = *this; s.color = rgb; return s; }
  Style with_border(bool b = true) const { Style s = *this; s.border = b; return s; }
  Style with_wrap(bool w = true) const { Style s = *this; s.wrap = w; return s; }
  Style with_align(Align a) const { Style s = *this; s.align = a; return s; }
  Style with_size(double pt) const { Style s = *this; s.size = pt; return s; }
  Style with_format(std::string f) const { Style s = *this; s.num_format = std::move(f); return s; }
  Style with_locked(bool l) const { Style s = *this; s.locked = l; return s; }
  Style with_vcenter(bool v = true) const { Style s = *this; s.valign = v ? VAlign::Center : VAlign::Top; return s; }
};

// A data validation as OOXML has it; formulas as written there ("\"a,b\"",
// "$A$1:$A$5", "2500"), without a leading "=".
struct Validation {
  enum class Type : uint8_t { Any, Whole, Decimal, List, Date, Time, TextLength, Custom };
  // In libxlsxwriter's order (not OOXML's); None when absent (between).
  enum class Op : uint8_t { None, Between, NotBetween, Equal, NotEqual, Greater, Less, GreaterOrEqual, LessOrEqual };
  Type type = Type::Any;
  Op op = Op::Between;
  std::string formula1, formula2;
  bool allow_blank = false, show_input = false, show_error = false;
  bool no_dropdown = false;  // OOXML showDropDown="1" hides the in-cell list
  uint8_t error_style = 0;   // 0 stop, 1 warning, 2 information
  std::string prompt_title, prompt, error_title, error;
};

class WorkbookWriter;

// A native chart (it stays live in Excel and LibreOffice: its series are
// ranges of the sheet), in the house font.
struct ChartRange {
  uint32_t first_row = 0, last_row = 0, col = 0;  // zero-based, one column
};
struct ChartSeries {
  std::string name;
  ChartRange values;
  uint32_t color = 0;  // fill 0xRRGGBB; 0 = the chart's own
};
struct ChartSpec {
  enum class Kind { Column, Bar } kind = Kind::Column;  // Bar: horizontal bars
  enum class Stacking { None, Stacked, Percent } stacking = Stacking::None;
  std::string title, category_title, value_title;
  std::string sheet;               // where the ranges are; "" = the sheet the chart is on
  ChartRange categories;
  std::vector<ChartSeries> series;
  std::optional<double> value_min, value_max;
  std::string value_format;        // "" = General
  bool show_hidden_data = false;   // categories or values in hidden columns
  bool labels = false;             // each value printed on its bar
  double width_px = 640, height_px = 320;
  double font_pt = 14;
};

// One worksheet being written. Cells may be written in any order (the
// writer does not use constant_memory mode) unless the workbook was opened
// with streaming = true, in which case rows must come in order.
class SheetWriter {
 public:
  const std::string& name() const { return name_; }

  void text(uint32_t row, uint32_t col, std::string_view s, const Style& style = {});
  void number(uint32_t row, uint32_t col, double v, const Style& style = {});
  // Writes a number, or a blank styled cell when the value is absent.
  void number_or_blank(uint32_t row, uint32_t col, std::optional<double> v, const Style& style = {});
  void boolean(uint32_t row, uint32_t col, bool v, const Style& style = {});
  void blank(uint32_t row, uint32_t col, const Style& style = {});
  // A date/time serial (1900 system) with the style's num_format.
  void date(uint32_t row, uint32_t col, double serial, const Style& style = {});
  // A formula with its computed result stored, so viewers that do not
  // recalculate (LibreOffice by default, previews) show the right value.
  void formula(uint32_t row, uint32_t col, const std::string& formula, double result,
               const Style& style = {});
  // A hyperlink: "https://..." or an internal "internal:'Sheet'!C7".
  void link(uint32_t row, uint32_t col, const std::string& url, std::string_view label,
            const Style& style = {});
  void merge(uint32_t first_row, uint32_t first_col, uint32_t last_row, uint32_t last_col,
             std::string_view s, const Style& style = {});

  // Column widths: explicit, or fitted from the text written so far
  // (estimated with ICU; Thai marks have no width), clamped to [min, max].
  void column_width(uint32_t col, double width);
  void fit_columns(double min_width = 6, double max_width = 60);
  // Hides a column (it keeps its cells and width; it neither shows nor prints).
  void hide_column(uint32_t col, double width);
  void row_height(uint32_t row, double points);
  // Inserts a chart with its top left corner at (row, col).
  void chart(uint32_t row, uint32_t col, const ChartSpec& spec);
  // Page breaks before each of these rows (zero-based; Excel keeps 1,023).
  void page_breaks(std::vector<uint32_t> before_rows);
  // Columns' width with a format for their empty cells (a carried input's
  // column style; nullptr: none), hidden or not.
  void column_format(uint32_t first, uint32_t last, double width, const Style* style, bool hidden);
  // A row's height (points; 0: the default), its format (nullptr: none), hidden or not.
  void row_format(uint32_t row, double points, const Style* style, bool hidden);
  // False when libxlsxwriter refuses the validation (e.g. a list over 255
  // characters): the caller reports it as not carried.
  bool validation(uint32_t first_row, uint32_t first_col, uint32_t last_row, uint32_t last_col,
                  const Validation& v);
  // A comment (a note) on a cell, in the house font.
  void comment(uint32_t row, uint32_t col, std::string_view text);

  // Page and view setup for a supervisor's printout.
  void freeze(uint32_t rows, uint32_t cols = 0);
  // Filter buttons on the header row `first_row` over the range.
  void autofilter(uint32_t first_row, uint32_t first_col, uint32_t last_row, uint32_t last_col);
  void repeat_rows(uint32_t first_row, uint32_t last_row);
  void a4(bool landscape = false, bool fit_width = true);
  void header_footer(const std::string& header, const std::string& footer);
  void hide();
  void activate();
  void tab_color(uint32_t rgb);
  // Protects the sheet: locked cells cannot be edited (no password: the point
  // is to prevent accidents, not to secure data).
  void protect();

  // The digit style of every text written from now on (text, merges, link
  // labels, header and footer): one style per output page. Unset (the
  // default), text is written as given; carried-over input sheets stay so.
  // Numbers stay numeric cells whatever the style.
  // A code as the framework writes it ("o10", "i1": digits right after a
  // Latin letter) keeps its Arabic digits: "o๑๐" would read as "๐๑๐".
  void digits(itawb::text::DigitStyle style) { digits_ = style; }
  std::optional<itawb::text::DigitStyle> digit_style() const { return digits_; }

 private:
  friend class WorkbookWriter;
  lxw_worksheet* raw() const { return ws_; }
  SheetWriter(WorkbookWriter* owner, lxw_worksheet* ws, std::string name)
      : owner_(owner), ws_(ws), name_(std::move(name)) {}
  void track(uint32_t col, std::string_view s, const Style& style);

  WorkbookWriter* owner_;
  lxw_worksheet* ws_;
  std::string name_;
  std::map<uint32_t, double> fitted_;  // widest text per column
  std::optional<itawb::text::DigitStyle> digits_;
  std::string shown(std::string_view s) const;  // sanitized, in the digit style
};

struct WriterOptions {
  bool streaming = false;  // libxlsxwriter constant_memory: row order only
  // Where libxlsxwriter keeps its temporary files while writing ("" = the
  // system's, through tmpfile()).
  std::string tmpdir;
  // zlib's level for the package's parts: 1 (fastest, the default: a few
  // per cent larger than 6 for these sheets and several times faster) to 9
  // (smallest); 0 is zlib's default (6). Only the patched libxlsxwriter
  // built from Debian's source (cmake/zip-writer-deps.cmake) takes it;
  // Debian's shared one always deflates at zlib's default.
  int deflate_level = 1;
  std::string title, subject, author = "itawb", company, comments;
};

// A sheet name Excel and libxlsxwriter accept for `wanted`, unique among
// `taken`: ≤ 31 characters, no []:*?/\ (each becomes "_"), no apostrophe at
// either end (removed), not equal to a taken name in any letter case (then
// " (2)", " (3)"... is added). Carry-over uses it to say in advance which
// input sheets get a new name.
std::string unique_sheet_name(std::string_view wanted, const std::vector<std::string>& taken);
// The key Excel compares sheet names by (Unicode case folding).
std::string sheet_name_key(std::string_view name);

// Checks that every XML part of the package `file` ends where it began: its
// root element closed. A part cut short (libxlsxwriter without the project's
// patch writes each part to a temporary file and does not check those
// writes, so a full disk cuts one and the package still "succeeds") throws
// itawb::Error "write-failed" naming `shown` and the part. close() runs it
// where the parts go through temporary files (Debian's shared library,
// Windows, WebAssembly).
void check_parts_whole(const std::filesystem::path& file, const std::string& shown);
// Whether close() writes the parts in memory and reports a failed write of
// the package itself (the patched libxlsxwriter on glibc): a full disk is
// then said as such ("larger than the system allows"); otherwise it is
// found by check_parts_whole as a part cut short.
bool writes_parts_in_memory();

class WorkbookWriter {
 public:
  // Creates `file` when close() is called. Use core/files.hpp
  // write_atomically() to write to a temporary file and rename.
  explicit WorkbookWriter(const std::filesystem::path& file, const WriterOptions& options = {});
  ~WorkbookWriter();
  WorkbookWriter(const WorkbookWriter&) = delete;
  WorkbookWriter& operator=(const WorkbookWriter&) = delete;

  // Adds a sheet; the name is made valid (≤ 31 chars, no []:*?/\) and unique.
  SheetWriter& add_sheet(std::string_view name);
  SheetWriter* sheet(std::string_view name);
  void define_name(const std::string& name, const std::string& formula);
  // Inserts `chart` on `sheet` with its top-left corner at (row, col).
  void custom_property(const std::string& name, const std::string& value);

  // Writes the file. Throws itawb::Error ("write-failed") with libxlsxwriter's reason.
  void close();

  // A valid, unique sheet name for `wanted` (exposed for tests).
  std::string valid_sheet_name(std::string_view wanted) const;

 private:
  // libxlsxwriter's objects stay inside xlsx/ (the one door to it): only
  // SheetWriter, for its cells and charts, reaches them.
  friend class SheetWriter;
  lxw_format* format(const Style& style);
  lxw_workbook* raw() const { return wb_; }

  lxw_workbook* wb_ = nullptr;
  std::filesystem::path file_;
  std::map<Style, lxw_format*> formats_;
  std::vector<std::unique_ptr<SheetWriter>> sheets_;
  bool closed_ = false;
  std::string title_, subject_, author_, company_, comments_;
  std::string tmpdir_;  // kept alive: libxlsxwriter holds the pointer
};

}  // namespace itawb::xlsx


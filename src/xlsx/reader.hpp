// A streaming .xlsx (and, through xlsx/ods.hpp, .ods) reader: zip (libzip) + SAX (expat), never a DOM and
// never sized from <dimension>. Opening parses only the workbook, its
// relationships, shared strings and styles; sheets are parsed on demand,
// row by row, and only non-empty cells are reported.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xlsx/cell_ref.hpp"

namespace itawb::xlsx {

struct SheetLayout;  // xlsx/layout.hpp
struct Style;        // xlsx/writer.hpp

enum class CellType : uint8_t {
  Number,   // number: `number`
  String,   // shared, inline or formula string: `text`
  Boolean,  // `number` is 0 or 1
  Error,    // `text` holds "#N/A", "#DIV/0!", ...
  Date,     // number whose format is a date/time: `number` is the serial
            // already corrected for the 1904 system (i.e. 1900-based)
};

const char* to_string(CellType t);  // "n", "s", "b", "e", "d"

struct Cell {
  uint32_t row = 0;  // zero-based
  uint32_t col = 0;  // zero-based
  CellType type = CellType::String;
  bool formula = false;        // had an <f> element
  bool uncalculated = false;   // formula without a cached value
  uint32_t style = 0;          // cellXfs index
  double number = 0;
  std::string text;

  std::string ref() const { return ref_name(row, col); }
  // Value as a person would read it: numbers in shortest round-trip form,
  // dates as ISO "2024-10-01" (or "2024-10-01T08:30:00" with a time part),
  // booleans "TRUE"/"FALSE", strings and errors as is.
  std::string display() const;
};

enum class Visibility { Visible, Hidden, VeryHidden };
const char* to_string(Visibility v);  // "visible", "hidden", "veryHidden"

// What a sheet entry of workbook.xml points at. Chart and dialog sheets
// have no cells; macro sheets are read like worksheets.
enum class SheetKind { Worksheet, Chart, Dialog, Macro };
const char* to_string(SheetKind k);  // "worksheet", "chartsheet", "dialogsheet", "macrosheet"

struct SheetInfo {
  std::string name;
  Visibility visibility = Visibility::Visible;
  std::string part;  // zip entry, e.g. "xl/worksheets/sheet1.xml"
  SheetKind kind = SheetKind::Worksheet;
};

struct Range {
  uint32_t first_row = 0, first_col = 0, last_row = 0, last_col = 0;  // zero-based, inclusive
};

// Resource limits against hostile files (docs/reference.md "Limits and
// refused files"). The defaults are sized for an agency workbook (tens of
// kilobytes; its largest part under 1 MiB inflated, deflated 5-10 to one),
// so a zip bomb is refused from its declared sizes before anything is
// inflated, or after at most max_entry_bytes when the sizes lie. large()
// is for unusual genuine files (itawb --large-files).
struct Limits {
  uint64_t max_entry_bytes = 32ull << 20;      // 32 MiB inflated per part
  uint64_t max_total_bytes = 128ull << 20;     // 128 MiB inflated in all
  uint64_t max_ratio = 100;                    // inflated / compressed per part (over 1 MiB)
  uint64_t max_cells_per_sheet = 50'000'000;   // non-empty cells
  uint64_t max_shared_strings = 20'000'000;

  // The limits before they were sized for agency workbooks.
  static constexpr Limits large() {
    return {.max_entry_bytes = 1ull << 30, .max_total_bytes = 4ull << 30, .max_ratio = 1000,
            .max_cells_per_sheet = 50'000'000, .max_shared_strings = 20'000'000};
  }
};

// A whole sheet's non-empty cells in document (row-major) order.
struct Sheet {
  SheetInfo info;
  std::vector<Cell> cells;
  std::vector<Range> merged;

  // Cell at (row, col) or nullptr; binary search, cells are sorted.
  const Cell* at(uint32_t row, uint32_t col) const;
};

class Workbook {
 public:
  // Opens and checks the package. Throws itawb::FileError (one sentence,
  // Thai and English) for anything that is not a readable workbook.
  static Workbook open(const std::string& path, const Limits& limits = {});
  // The same for a workbook held in memory (fuzzing, WebAssembly, uploads):
  // no file is written; `name` stands for the path in errors and path().
  static Workbook open_bytes(std::string bytes, const std::string& name = "workbook.xlsx",
                             const Limits& limits = {});

  Workbook(Workbook&&) noexcept;
  Workbook& operator=(Workbook&&) noexcept;
  ~Workbook();

  const std::string& path() const;
  // The file's format: "xlsx" (also .xlsm), "ods" (an OpenDocument
  // spreadsheet) or "xls" (Excel 97-2003), the last two read through the
  // same model (xlsx/ods.hpp, xlsx/xls.hpp).
  const std::string& format() const;
  const std::vector<SheetInfo>& sheets() const;
  bool date1904() const;

  // Index of the sheet whose name matches (text::label_key equality), if any.
  std::optional<size_t> find_sheet(std::string_view name) const;

  // Streams the non-empty cells of sheet `index` in document order.
  // Throws FileError on malformed XML or exceeded limits.
  void for_each_cell(size_t index, const std::function<void(const Cell&)>& on_cell) const;

  // Reads the whole sheet (cells + merged ranges).
  Sheet read_sheet(size_t index) const;

  // Number format code of a cellXfs index ("General", "0.00", "d/m/yyyy", ...).
  std::string number_format(uint32_t style) const;

  // The layout of sheet `index` (widths, heights, hidden rows and columns,
  // styled empty cells, frozen pane, validations, what cannot be carried),
  // parsed on the first call (a second pass over the sheet, apart from its
  // cells) and kept. Like cell_style(), not for concurrent calls: a Workbook
  // belongs to one thread.
  const SheetLayout& read_layout(size_t index) const;
  // The whole format of a cellXfs index as the writer takes it (font, fill,
  // borders, alignment, number format; "" for General), theme colours
  // resolved against the workbook's theme (read on the first call).
  Style cell_style(uint32_t style) const;
  // The package holds a VBA project (an .xlsm saved as .xlsx, or an .xlsm).
  bool has_macros() const;

 private:
  struct Impl;
  explicit Workbook(std::unique_ptr<Impl> impl);
  static Workbook load(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Serial date (1900 system, with Excel's 1900-02-29 bug) to y/m/d/seconds.
struct DateTime {
  int year = 1900, month = 1, day = 1;
  int seconds = 0;  // seconds since midnight
};
// nullopt outside Excel's range of days (0 to 2958465 = 9999-12-31): NaN,
// negative and huge serials are not dates (Cell::display shows the number).
std::optional<DateTime> serial_to_datetime(double serial);
double datetime_to_serial(int year, int month, int day, int seconds = 0);

}  // namespace itawb::xlsx

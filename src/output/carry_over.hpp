// Carry-over: libxlsxwriter cannot edit a workbook, so every output that
// "keeps" the input's sheets rewrites them from what the reader saw: values
// with their number formats, dates as dates, booleans, formulas as their
// cached values, each cell in its own format from styles.xml (font, size,
// bold/italic/underline/strike, colour, fill, per-side borders, alignment,
// wrap, indent, rotation, locking), empty cells that have a format, column
// widths and column formats, row heights (raised where a font or wrapped
// lines need more, never lowered), hidden rows and columns, merged ranges,
// the frozen pane, data validations and sheet visibility. A cell with a
// finding keeps its format under the finding's fill, with the message as a
// note. What cannot be rewritten (charts, images, shapes, pivot tables,
// tables, conditional formats, comments, hyperlinks, sparklines, controls,
// chart sheets, macros) is counted in CopiedSheet::not_carried and, for
// analyze, listed by not_carried() as info findings.
// Used by `analyze` (input sheets beside the results) and by split/merge.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/finding.hpp"
#include "model/records.hpp"
#include "schema/schema.hpp"
#include "text/thai.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/reader.hpp"
#include "xlsx/writer.hpp"

namespace itawb::output {

// Cells to colour in one sheet: zero-based (row, col) -> fill 0xRRGGBB.
using CellFills = std::map<std::pair<uint32_t, uint32_t>, uint32_t>;

// Notes to put on cells of one sheet: zero-based (row, col) -> text.
using CellNotes = std::map<std::pair<uint32_t, uint32_t>, std::string>;

// Maps an input row (zero-based) to its output row, or nullopt to drop it.
using RowMap = std::function<std::optional<uint32_t>(uint32_t row)>;

struct CarryOverOptions {
  // Sheets not to copy (e.g. result sheets of an earlier run). Default: none.
  std::function<bool(const xlsx::SheetInfo&)> skip;
  // Cells to highlight, by input sheet name.
  std::map<std::string, CellFills> highlight;
  // Notes (a finding's message) on cells, by input sheet name.
  std::map<std::string, CellNotes> notes;
  // Optional per-sheet row selection/renumbering (split). Default: all rows as is.
  std::function<RowMap(const xlsx::SheetInfo&)> rows;
  // When set, each copied sheet gets the page setup of the result sheets (A4,
  // the agency and page x / y in the header and footer).
  const model::Agency* agency = nullptr;
  // The document's digit style, which the copied sheets' page footers
  // follow (none: the footer of a sheet in Arabic digits).
  std::optional<text::DigitStyle> digits;
};

struct CopiedSheet {
  std::string from;   // name in the input
  std::string to;     // name in the output (made valid/unique by the writer)
  size_t cells = 0;   // cells written
  std::vector<xlsx::ExtraCount> not_carried;  // what the sheet has that was not copied
  // Cells (the input's row, column) whose text needs a row taller than
  // Excel's 409 points: their last lines are cut when printed.
  std::vector<std::pair<uint32_t, uint32_t>> too_tall;
  // Cells (the input's row, column) whose text was written in a smaller font
  // than the input's so that it prints whole in Excel's tallest row.
  struct Shrunk {
    uint32_t row, col;
    double from_pt, to_pt;
  };
  std::vector<Shrunk> shrunk;
};

// The smallest font a carried text is shrunk to (FittedSheet::shrink_cut_text):
// 10 pt TH SarabunPSK still reads on A4.
constexpr double kSmallestCarriedFont = 10;

// A warning ("text-too-tall") per cell of the copied sheets that prints cut
// at Excel's 409-point row, and a note ("text-shrunk") per cell printed in a
// smaller font to fit it, naming the input's sheet and cell.
std::vector<Finding> too_tall_findings(const std::vector<CopiedSheet>& copied, const std::string& file);

// Copies every sheet not skipped, in workbook order, to new sheets of `out`.
std::vector<CopiedSheet> carry_over(const xlsx::Workbook& in, xlsx::WorkbookWriter& out,
                                    const CarryOverOptions& options = {});

// Copies one read sheet into `ws` (values, formats, layout, visibility; see
// the top of this file); returns what it wrote and what it could not.
// With `agency`, the sheet gets the page setup of the result sheets (A4, the
// agency and page x / y).
CopiedSheet copy_sheet(const xlsx::Workbook& in, const xlsx::Sheet& sheet, xlsx::SheetWriter& ws,
                       const CellFills& highlight = {}, const RowMap& rows = {},
                       const model::Agency* agency = nullptr, const CellNotes& notes = {},
                       std::optional<text::DigitStyle> digits = std::nullopt);

// Info findings ("not-carried") for what carry_over() will not keep of `in`:
// charts, images, shapes, pivot tables, tables, conditional formats,
// comments, hyperlinks, chart sheets, macros, the formats of empty rows far
// below the data..., one per kind and sheet; and a warning ("text-too-long")
// on each cell whose text is over Excel's 32,767 characters (UTF-16 code
// units), with its real length: the writer cuts it.
// Reads each sheet's layout, so call it only when the findings are wanted.
std::vector<Finding> not_carried(const xlsx::Workbook& in, const CarryOverOptions& options, const std::string& file);

// The name each carried sheet gets in the output, in workbook order, after
// the `taken` names (the output sheets written before them): the same names
// carry_over() gives (xlsx::unique_sheet_name), known before writing.
std::vector<std::pair<std::string, std::string>> carried_names(const xlsx::Workbook& in,
                                                               const CarryOverOptions& options,
                                                               std::vector<std::string> taken);
// A warning ("sheet-renamed") for each carried sheet whose name had to change,
// naming the old and the new name.
std::vector<Finding> renamed(const std::vector<std::pair<std::string, std::string>>& names, const std::string& file);

// The cells named by findings, coloured by severity (errors over warnings),
// by sheet. Findings without a cell are left out.
std::map<std::string, CellFills> highlights_from(const Findings& findings);
// The messages of the same findings (Thai, then English), as notes by sheet.
std::map<std::string, CellNotes> notes_from(const Findings& findings);

// Columns of an agency's standard sheet that its schema does not know but
// that hold something (a header or a value at or below the header row): the
// agency's own additions, e.g. a remarks column in มาตรการ. That sheet is
// rewritten from the model (not carried), so these are carried on their own.
struct ExtraColumns {
  size_t sheet = 0;          // index of the input sheet
  uint32_t header_row = 0;   // zero-based, in the input
  std::vector<std::pair<uint32_t, std::string>> columns;  // input column, its header (or letter)
};
// The extra columns of the sheet named exactly `sheet_name`, but for those
// headed by one of `ignore` (text::label_key equality: the columns an
// output adds itself); nullopt when it is absent, its header is not found,
// or it has none.
std::optional<ExtraColumns> extra_columns(const xlsx::Workbook& in, std::string_view sheet_name,
                                          const schema::SheetSchema& schema,
                                          const std::vector<std::string>& ignore = {});
// Writes them into `ws` from column `first` on: the header cells on
// `out_header_row`, each other cell on the row `rows` maps its row to, with
// its own format and the input's column width. Returns the cells left out
// (rows `rows` drops).
size_t write_extra_columns(const xlsx::Workbook& in, const ExtraColumns& extra, xlsx::SheetWriter& ws,
                           uint32_t out_header_row, uint32_t first, const RowMap& rows);
// The info finding that says which columns were carried and where.
Finding extra_columns_finding(const ExtraColumns& extra, const std::string& sheet, const std::string& file);

}  // namespace itawb::output

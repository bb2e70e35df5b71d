// OpenDocument spreadsheets (.ods, what LibreOffice Calc saves by default)
// read through the .xlsx reader: the document's content.xml is streamed
// (expat, as every part) and written out as a small .xlsx package in memory
// (xlsx/transcode.hpp, shared with the .xls reader)
// (values, number kinds, merged ranges, hidden sheets and rows, column
// widths and row heights), which Workbook then opens as any other. So every
// command, finding and cell name (`คะแนนรายข้อ!C7`) is the same whatever the
// format; what an .ods carries beyond that (its own number formats, fonts,
// formulas' text) is not read.
//
// Repeated rows and columns (table:number-rows-repeated, ...-columns-repeated)
// are expanded only where they hold a value, up to the sheet's grid
// (1,048,576 rows, 16,384 columns) and Limits::max_cells_per_sheet: a million
// repeated empty rows cost nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xlsx/reader.hpp"

namespace itawb::xlsx {

class ZipArchive;

// What kind of OpenDocument package `zip` is, from its `mimetype` entry (or,
// without one, a content.xml and no [Content_Types].xml).
enum class OdfKind { NotOdf, Spreadsheet, Other };
OdfKind odf_kind(const ZipArchive& zip);

// The .xlsx package (bytes) holding the cells of the OpenDocument
// spreadsheet `zip`. Throws FileError: Encrypted for a password-protected
// document, TooLarge past the limits, MalformedXml for a broken content.xml.
std::string ods_to_xlsx(const ZipArchive& zip, const std::string& path, const Limits& limits);

}  // namespace itawb::xlsx

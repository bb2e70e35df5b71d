// Excel 97–2003 workbooks (.xls, BIFF) read through the .xlsx reader, as
// .ods are (xlsx/ods.hpp): FreeXL (Debian's libfreexl) reads each sheet's
// cell values, which are written out as an .xlsx package in memory that
// Workbook then opens. FreeXL gives values and their kind (number, text,
// date, time), not number formats, merged cells, hidden sheets or column
// widths: those of an .xls are not carried.
//
// FreeXL reads files, not memory: an .xls given as bytes (Workbook::
// open_bytes, e.g. an entry of a zip given to batch) is handed to it as an
// anonymous in-memory file on Linux (memfd: nothing is written to disk),
// elsewhere as a temporary file removed once read (in memory, MEMFS, under
// emscripten). The cross builds (WebAssembly, Windows) have FreeXL from
// hosts/cross/deps.sh, which converts code pages with ICU where the native
// one uses iconv. A build without FreeXL (ITAWB_WITH_FREEXL undefined)
// refuses every .xls with the advice to save it as .xlsx.
#pragma once

#include <string>

#include "xlsx/reader.hpp"

namespace itawb::xlsx {

// Whether this build reads .xls.
bool xls_supported();

// Whether it reads formulas' values, booleans and errors from .xls: FreeXL
// with itawb's patch (scripts/patches/freexl-formula-values.patch); Debian's
// libfreexl as it is leaves formula cells empty.
bool xls_reads_formulas();

// The .xlsx package (bytes) of the .xls at `os_path` (`path` as the user
// named it, for messages). Throws FileError: Encrypted for a password,
// CorruptZip ("damaged") when FreeXL cannot read it, TooLarge past
// Limits::max_cells_per_sheet; LegacyXls in a build without FreeXL.
// `os_path` is in UTF-8 on Windows too: FreeXL's build there
// (hosts/cross/patches/freexl-icu-converters.patch) opens it through the
// wide API, which keeps Thai names.
std::string xls_to_xlsx(const std::string& path, const std::string& os_path, const Limits& limits);

// The same for an .xls given as bytes, `name` for messages. Throws as above,
// and LegacyXls where the bytes cannot be handed to FreeXL (no memfd, no
// temporary file).
std::string xls_bytes_to_xlsx(const std::string& bytes, const std::string& name, const Limits& limits);

}  // namespace itawb::xlsx

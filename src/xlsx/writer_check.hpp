// What the writer's files (xlsx/writer.cpp, the sheets; xlsx/workbook_writer.cpp,
// the workbook) share over libxlsxwriter: its error codes as itawb::Error.
// Private to src/xlsx, like libxlsxwriter itself.
#pragma once

#include <xlsxwriter.h>

namespace itawb::xlsx {

// Throws itawb::Error "write-failed" naming `what` when `err` is an error.
void check(lxw_error err, const char* what);

}  // namespace itawb::xlsx

// libxlsxwriter 1.1.4 can hide a sheet but not make it "veryHidden" (not
// listed in Excel's Unhide dialog). This rewrites the state of one hidden
// sheet in xl/workbook.xml of a finished file, in place.
#pragma once

#include <filesystem>
#include <string>

namespace itawb::exchange {

// Throws itawb::Error (code "write-failed") when the file cannot be updated; does nothing
// when the sheet is not there or not hidden.
void make_sheet_very_hidden(const std::filesystem::path& xlsx_file, const std::string& sheet_name);

}  // namespace itawb::exchange

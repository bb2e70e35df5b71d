// The states of the sheets of a finished file, rewritten in xl/workbook.xml
// in place: libxlsxwriter 1.1.5 can hide a sheet but not make it
// "veryHidden" (not listed in Excel's Unhide dialog), and a PDF of chosen
// sheets prints a copy in which the others are hidden.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "xlsx/reader.hpp"

namespace itawb::xlsx {

// `state(name)` gives the new state of each sheet, or nullopt to leave it.
// The workbook opens on the first visible sheet when its active one is
// hidden. Throws itawb::Error (code "write-failed") when the file cannot be
// updated; returns the number of sheets changed.
size_t set_sheet_states(const std::filesystem::path& xlsx_file,
                        const std::function<std::optional<Visibility>(const std::string& name)>& state);

// One hidden sheet made veryHidden (nothing when it is not there or not hidden).
void make_sheet_very_hidden(const std::filesystem::path& xlsx_file, const std::string& sheet_name);

}  // namespace itawb::xlsx

// Recognising what a file is before opening it as a zip, so that a renamed
// PDF, CSV, legacy .xls or encrypted workbook gets a sentence that says so.
#pragma once

#include <string>
#include <string_view>

namespace itawb::xlsx {

// Throws the matching FileError unless the file starts like a zip archive.
// Reads the first bytes only, except for OLE2/CFB files, whose directory
// names are scanned in bounded chunks to tell .xls from encrypted .xlsx.
void sniff_or_throw(const std::string& path);
// The same for a workbook held in memory; `name` labels the FileError.
void sniff_bytes_or_throw(const std::string& name, std::string_view bytes);
// Whether `head` starts with the OLE2 compound file's signature: an Excel
// 97-2003 .xls, an encrypted .xlsx, or another old Office file.
bool is_compound_file(std::string_view head);

}  // namespace itawb::xlsx

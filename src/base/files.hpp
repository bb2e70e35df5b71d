// File-system helpers that keep the promise "nothing lost": outputs are
// written to a temporary file beside the target and renamed into place, and
// an output may never be one of the inputs.
#pragma once

#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace itawb {

// A path from UTF-8 text: a command-line argument, a file name made from a
// workbook's Thai text. On Linux the same bytes; on Windows the UTF-16 path
// (a plain std::string would be read in the C locale's code page there).
std::filesystem::path utf8_path(std::string_view text);

// The path as UTF-8 text, for C libraries that take UTF-8 file names on
// every system (libzip, libxlsxwriter) and for messages.
std::string utf8_string(const std::filesystem::path& path);

// std::fopen of a path (the wide _wfopen on Windows); nullptr on failure.
std::FILE* open_file(const std::filesystem::path& path, const char* mode);

// Calls `write(tmp_path)` with a fresh temporary path in the target's folder,
// then renames it over `target`. The target's folder is created when it does
// not exist (itawb::Error "output-folder", naming it, when it cannot be). On any exception the temporary is removed
// and the exception rethrown; `target` is untouched.
void write_atomically(const std::filesystem::path& target,
                      const std::function<void(const std::filesystem::path&)>& write);

// The whole file as bytes; nullopt when it cannot be opened.
std::optional<std::string> read_file(const std::filesystem::path& file);

// True when both paths name the same existing file (or the same path).
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

// Default output name beside the input: "dir/name-itawb.xlsx".
std::filesystem::path default_output(const std::filesystem::path& input,
                                     const std::string& suffix = "-itawb");


}  // namespace itawb

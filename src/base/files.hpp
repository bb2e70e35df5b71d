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

#include "base/error.hpp"

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
// and the exception rethrown; `target` is untouched. The temporary's name is
// short whatever the target's (temporary_name()), and an itawb::Error or a
// file-system error raised while writing is rethrown as an itawb::Error
// naming `target`, never the temporary (a full disk, a read-only folder).
void write_atomically(const std::filesystem::path& target,
                      const std::function<void(const std::filesystem::path&)>& write);

// A fresh temporary file name for this process: ".itawb-<pid>-<n>.tmp", far
// within the file system's 255-byte limit whatever the output's name.
std::string temporary_name();

// Removes from `dir` (and its sub-folders when `recursive`) what killed runs
// of itawb left: files named exactly ".itawb-<pid>-<n>.tmp" and folders named
// ".itawb-batch-<pid>", when that process is no longer running or the entry
// is older than `max_age_hours`. Nothing else is touched; errors are ignored.
// Returns how many entries were removed.
size_t remove_stale_temporaries(const std::filesystem::path& dir, bool recursive, int max_age_hours = 24);

// True when a process with this id is running (false when unknown).
bool process_alive(long pid);

// A file name `stem` + `suffix` that fits the file system's 255-byte limit:
// the stem is cut at a character boundary (UTF-8) when it must be.
std::string fit_file_name(const std::string& stem, const std::string& suffix);

// A file-system failure as an itawb::Error "file-system" in Thai and
// English, naming `path` and what the system said (a looping link, a file
// that vanished, permission denied, a full disk, a read-only folder).
Error file_system_error(const std::filesystem::path& path, const std::error_code& ec);

// The whole file as bytes; nullopt when it cannot be opened.
std::optional<std::string> read_file(const std::filesystem::path& file);

// True when both paths name the same existing file (or the same path).
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

// Default output name beside the input: "dir/name-itawb.xlsx".
std::filesystem::path default_output(const std::filesystem::path& input,
                                     const std::string& suffix = "-itawb");


}  // namespace itawb

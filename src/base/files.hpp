// File-system helpers that keep the promise "nothing lost": outputs are
// written to a temporary file beside the target and renamed into place, and
// an output may never be one of the inputs.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace itawb {

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

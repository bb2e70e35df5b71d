// The browser's host: the WebAssembly module the page's worker (hosts/web/worker.js)
// loads. main() is the command line's run() over the resources embedded at
// /itawb (schemas/ and workbooks/catalog/, --embed-file), loaded once and kept
// for every later command; the worker calls it once per command with files in
// the module's memory file system. itawb_zip_dir() packs a folder (split's
// department workbooks) into one .zip to download.
#include <emscripten/emscripten.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "app/resources.hpp"
#include "cli/bundled_resources.hpp"
#include "cli/commands.hpp"

int main(int argc, char** argv) {
  static std::optional<itawb::app::Resources> resources;
  const int code = itawb::cli::run(argc, argv, []() -> const itawb::app::Resources& {
    if (!resources)
      resources = itawb::app::load_resources(std::filesystem::path("/itawb"), &itawb::cli::bundled_resources());
    return *resources;
  });
  // The runtime stays up between commands, so nothing flushes at exit: the
  // worker reads what was printed as soon as main returns.
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  return code;
}

// Writes every regular file under `dir` (names relative to it, '/' between
// folders, UTF-8 as written) into a new zip at `zip_path`. Returns the number
// of files, or -1 when the zip cannot be written.
extern "C" EMSCRIPTEN_KEEPALIVE int itawb_zip_dir(const char* dir, const char* zip_path) {
  namespace fs = std::filesystem;
  int error = 0;
  zip_t* zip = zip_open(zip_path, ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (zip == nullptr) return -1;
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file()) files.push_back(it->path());
  int count = 0;
  for (const fs::path& file : files) {
    const std::string name = fs::relative(file, dir).generic_string();
    zip_source_t* source = zip_source_file(zip, file.c_str(), 0, -1);
    if (source == nullptr || zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
      if (source != nullptr) zip_source_free(source);
      zip_discard(zip);
      return -1;
    }
    ++count;
  }
  return zip_close(zip) == 0 ? count : -1;
}

// Programs the command line hands to the library: LibreOffice for --pdf.
#include <cstdlib>
#include <sstream>
#include <system_error>

#include "cli/commands.hpp"

namespace itawb::cli {

namespace fs = std::filesystem;

fs::path find_soffice() {
  std::error_code ec;
  if (const char* set = std::getenv("ITAWB_SOFFICE"); set && *set) return set;
#ifdef _WIN32
  const char sep = ';';
  const char* names[] = {"soffice.exe"};
  const char* known[] = {"C:\\Program Files\\LibreOffice\\program\\soffice.exe",
                         "C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe"};
#else
  const char sep = ':';
  const char* names[] = {"soffice", "libreoffice"};
  const char* known[] = {"/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
                         "/Applications/LibreOffice.app/Contents/MacOS/soffice"};
#endif
  if (const char* path = std::getenv("PATH")) {
    std::stringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, sep)) {
      if (dir.empty()) continue;
      for (const char* name : names)
        if (fs::is_regular_file(fs::path(dir) / name, ec)) return fs::path(dir) / name;
    }
  }
  for (const char* p : known)
    if (fs::is_regular_file(p, ec)) return p;
  return {};
}

}  // namespace itawb::cli

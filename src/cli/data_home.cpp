#include <cstdlib>
#include <system_error>

#include "cli/commands.hpp"

namespace itawb::cli {

namespace fs = std::filesystem;

fs::path data_home() {
  if (const char* home = std::getenv("ITAWB_HOME"); home && *home) return home;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path share = exe.parent_path().parent_path() / "share" / "itawb";
    if (fs::exists(share / "schemas", ec)) return share;
  }
  return ITAWB_SOURCE_DIR;
}

}  // namespace itawb::cli

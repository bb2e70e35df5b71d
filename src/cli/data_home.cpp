#include <cstdlib>
#include <system_error>

#include "cli/win32.hpp"

#include "cli/commands.hpp"

namespace itawb::cli {

namespace fs = std::filesystem;

namespace {

// The running program's own file; empty when unknown.
fs::path own_executable() {
  std::error_code ec;
#ifdef _WIN32
  std::wstring buffer(MAX_PATH, L'\0');
  for (;;) {
    const DWORD n = GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
    if (n == 0) return {};
    if (n < buffer.size()) return fs::path(buffer.substr(0, n));
    buffer.resize(buffer.size() * 2);
  }
#else
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe;
#endif
}

}  // namespace

fs::path data_home() {
  if (const char* home = std::getenv("ITAWB_HOME"); home && *home) return utf8_path(home);
  std::error_code ec;
  const fs::path exe = own_executable();
  if (!exe.empty()) {
#ifdef _WIN32
    // The Windows zip: itawb.exe with schemas/ and workbooks/ beside it.
    if (fs::exists(exe.parent_path() / "schemas", ec)) return exe.parent_path();
#endif
    const fs::path share = exe.parent_path().parent_path() / "share" / "itawb";
    if (fs::exists(share / "schemas", ec)) return share;
  }
  return ITAWB_SOURCE_DIR;
}

}  // namespace itawb::cli

// Command-line text is UTF-8 everywhere in itawb. On Windows it has to be made
// so: argv arrives in the ANSI code page (CP874 on a Thai PC, where Thai file
// names outside it are lost), and the console shows CP874 unless told.
#include "cli/win32.hpp"
#ifdef _WIN32
#include <shellapi.h>
#endif

#include <string>
#include <system_error>
#include <vector>

#include "cli/commands.hpp"

namespace itawb::cli {

CLI::Validator existing_file() {
  return CLI::Validator(
      [](std::string& name) {
        std::error_code ec;
        const auto status = std::filesystem::status(utf8_path(name), ec);
        if (!std::filesystem::exists(status)) return "File does not exist: " + name;
        if (std::filesystem::is_directory(status)) return "File is actually a directory: " + name;
        return std::string();
      },
      "FILE");
}

#ifdef _WIN32
void windows_utf8(int& argc, char**& argv) {
  SetConsoleOutputCP(CP_UTF8);
  SetConsoleCP(CP_UTF8);
  int n = 0;
  wchar_t** wide = CommandLineToArgvW(GetCommandLineW(), &n);
  if (!wide) return;
  // Kept for the whole run: argv points into them.
  static std::vector<std::string> args;
  static std::vector<char*> pointers;
  args.assign(static_cast<size_t>(n), std::string());
  for (int i = 0; i < n; ++i) {
    const int len = WideCharToMultiByte(CP_UTF8, 0, wide[i], -1, nullptr, 0, nullptr, nullptr);
    if (len > 1) {
      args[i].resize(static_cast<size_t>(len - 1));
      WideCharToMultiByte(CP_UTF8, 0, wide[i], -1, args[i].data(), len, nullptr, nullptr);
    }
  }
  LocalFree(wide);
  pointers.clear();
  for (auto& a : args) pointers.push_back(a.data());
  pointers.push_back(nullptr);
  argc = n;
  argv = pointers.data();
}

bool console_is_own() {
  DWORD ids[2];
  return GetConsoleProcessList(ids, 2) == 1;
}
#else
void windows_utf8(int&, char**&) {}
bool console_is_own() { return false; }
#endif

}  // namespace itawb::cli

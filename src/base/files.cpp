#include "base/files.hpp"

#include "base/error.hpp"

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <random>
#include <system_error>

namespace itawb {
namespace fs = std::filesystem;

fs::path utf8_path(std::string_view text) {
  // C++20: a path from char8_t is read as UTF-8 everywhere.
  return fs::path(std::u8string(text.begin(), text.end()));
}

std::string utf8_string(const fs::path& path) {
  const std::u8string s = path.u8string();
  return std::string(s.begin(), s.end());
}

std::FILE* open_file(const fs::path& path, const char* mode) {
#ifdef _WIN32
  const std::wstring wide_mode(mode, mode + std::char_traits<char>::length(mode));
  return ::_wfopen(path.c_str(), wide_mode.c_str());
#else
  return std::fopen(path.c_str(), mode);
#endif
}

void write_atomically(const fs::path& target,
                      const std::function<void(const fs::path&)>& write) {
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  // An output folder that does not exist yet is made, as a person expects
  // when they type `-o ผลการวิเคราะห์/ไฟล์.xlsx`; one that cannot be made is
  // named (never the temporary file inside it).
  std::error_code made;
  if (!fs::is_directory(dir, made)) {
    fs::create_directories(dir, made);
    if (made || !fs::is_directory(dir))
      throw Error("output-folder",
                  "สร้างโฟลเดอร์สำหรับไฟล์ผลลัพธ์ไม่ได้: " + dir.string() +
                      (made ? " (" + made.message() + ")" : std::string()),
                  "cannot create the folder for the output: " + dir.string() +
                      (made ? " (" + made.message() + ")" : std::string()),
                  dir.string());
  }
  // Unique without shared state: the process id and 64 random bits.
  std::random_device random;
  const uint64_t nonce = (uint64_t{random()} << 32) ^ random();
  const fs::path tmp = dir / utf8_path("." + utf8_string(target.filename()) + "." +
                                        std::to_string(::getpid()) + "." +
                                        std::to_string(nonce) + ".tmp");
  try {
    write(tmp);
    fs::rename(tmp, target);
  } catch (...) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw;
  }
}

std::optional<std::string> read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

fs::path default_output(const fs::path& input, const std::string& suffix) {
  fs::path out = input;
  out.replace_filename(utf8_path(utf8_string(input.stem()) + suffix + ".xlsx"));
  return out;
}

}  // namespace itawb

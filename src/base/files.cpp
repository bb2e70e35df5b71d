#include "base/files.hpp"

#include "base/error.hpp"

#include <unistd.h>
#ifdef _WIN32
// Only for process_alive(): lean, and without the min/max macros.
#define WIN32_LEAN_AND_MEAN
#define NOMINMAX
#include <windows.h>
#else
#include <signal.h>
#endif

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <regex>
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

std::string temporary_name() {
  static std::atomic<uint64_t> counter{0};
  return ".itawb-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".tmp";
}

Error file_system_error(const fs::path& path, const std::error_code& ec) {
  std::string th, en;
  const std::error_condition c = ec.default_error_condition();
  if (c == std::errc::too_many_symbolic_link_levels) {
    th = "เป็นลิงก์ (symbolic link) ที่วนกลับมาที่ตัวเอง จึงเปิดไม่ได้";
    en = "it is a symbolic link that loops back on itself, so it cannot be opened";
  } else if (c == std::errc::no_such_file_or_directory) {
    th = "ไม่พบไฟล์ (ถูกลบหรือย้ายไประหว่างทำงาน หรือเป็นลิงก์ไปยังไฟล์ที่ไม่มีอยู่)";
    en = "the file does not exist (removed or moved meanwhile, or a link to a missing file)";
  } else if (c == std::errc::permission_denied || c == std::errc::operation_not_permitted) {
    th = "ไม่มีสิทธิ์เข้าถึง";
    en = "permission denied";
  } else if (c == std::errc::no_space_on_device) {
    th = "พื้นที่ดิสก์เต็ม";
    en = "the disk is full";
  } else if (c == std::errc::file_too_large) {
    th = "ไฟล์ใหญ่เกินกว่าที่ระบบยอมให้เขียน (ดิสก์หรือโควตาเต็ม)";
    en = "the file is larger than the system allows (the disk or a quota is full)";
#ifdef EDQUOT
  } else if (ec.value() == EDQUOT && ec.category() == std::generic_category()) {
    th = "เกินโควตาพื้นที่ดิสก์ของผู้ใช้";
    en = "the user's disk quota is exceeded";
#endif
  } else if (c == std::errc::read_only_file_system) {
    th = "โฟลเดอร์อยู่บนดิสก์ที่เขียนไม่ได้ (อ่านอย่างเดียว)";
    en = "the folder is on a read-only file system";
  } else if (c == std::errc::filename_too_long) {
    th = "ชื่อไฟล์ยาวเกินที่ระบบไฟล์รับได้";
    en = "the file name is too long for the file system";
  } else {
    th = "ระบบไฟล์แจ้งข้อผิดพลาด (" + ec.message() + ")";
    en = "file-system error (" + ec.message() + ")";
  }
  const std::string where = utf8_string(path);
  return Error("file-system", th + ": " + where, en + ": " + where, where);
}

namespace {

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

}  // namespace

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
#ifndef _WIN32
  // A read-only folder said in its own words, naming the output.
  if (::access(dir.c_str(), W_OK) != 0) {
    const int err = errno;
    if (err == EROFS || err == EACCES) throw file_system_error(target, std::error_code(err, std::generic_category()));
  }
#endif
  // Short whatever the target's name: a long Thai name plus a suffix would
  // pass the 255-byte limit of a file name.
  const fs::path tmp = dir / temporary_name();
  auto discard = [&] {
    std::error_code ec;
    fs::remove(tmp, ec);
  };
  try {
    write(tmp);
    fs::rename(tmp, target);
  } catch (const Error& e) {
    discard();
    // The user knows the output's name, not the temporary's.
    std::string th = e.message_th(), en = e.message_en(), file = e.file();
    const std::string from = utf8_string(tmp), to = utf8_string(target);
    replace_all(th, from, to);
    replace_all(en, from, to);
    replace_all(file, from, to);
    throw Error(e.code(), th, en, file, e.sheet(), e.cell());
  } catch (const fs::filesystem_error& e) {
    discard();
    throw file_system_error(target, e.code());
  } catch (...) {
    discard();
    throw;
  }
}

bool process_alive(long pid) {
  if (pid <= 0) return false;
#ifdef _WIN32
  // A process that exists but is not ours to query (another user's) is
  // alive; one that has ended has no handle left or a final exit code.
  HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid));
  if (process == nullptr) return GetLastError() == ERROR_ACCESS_DENIED;
  DWORD code = 0;
  const bool running = GetExitCodeProcess(process, &code) && code == STILL_ACTIVE;
  CloseHandle(process);
  return running;
#else
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
#endif
}

namespace {

// The process id in one of our temporaries' names, or -1.
long temporary_pid(const std::string& name, bool directory) {
  static const std::regex file_pattern(R"(^\.itawb-([0-9]{1,10})-[0-9]{1,20}\.tmp$)");
  static const std::regex dir_pattern(R"(^\.itawb-batch-([0-9]{1,10})$)");
  std::smatch m;
  if (!std::regex_match(name, m, directory ? dir_pattern : file_pattern)) return -1;
  return std::stol(m[1].str());
}

bool stale(const fs::path& p, long pid, int max_age_hours) {
  if (pid == static_cast<long>(::getpid())) return false;
  if (!process_alive(pid)) return true;
  std::error_code ec;
  const auto written = fs::last_write_time(p, ec);
  return !ec && fs::file_time_type::clock::now() - written > std::chrono::hours(max_age_hours);
}

}  // namespace

size_t remove_stale_temporaries(const fs::path& dir, bool recursive, int max_age_hours) {
  size_t removed = 0;
  std::error_code ec;
  std::vector<fs::path> folders;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code kind_ec;
    const auto status = it->symlink_status(kind_ec);
    if (kind_ec) continue;
    const bool directory = fs::is_directory(status);
    if (fs::is_symlink(status) || (!directory && !fs::is_regular_file(status))) continue;
    const long pid = temporary_pid(name, directory);
    if (pid >= 0) {
      if (stale(it->path(), pid, max_age_hours)) {
        std::error_code rm;
        if (fs::remove_all(it->path(), rm) > 0 && !rm) ++removed;
      }
    } else if (directory && recursive && name.rfind('.', 0) != 0) {
      folders.push_back(it->path());
    }
  }
  for (const auto& f : folders) removed += remove_stale_temporaries(f, recursive, max_age_hours);
  return removed;
}

std::string fit_file_name(const std::string& stem, const std::string& suffix) {
  constexpr size_t kMaxName = 255;
  if (stem.size() + suffix.size() <= kMaxName || suffix.size() >= kMaxName) return stem + suffix;
  size_t cut = kMaxName - suffix.size();
  // Back to the start of a UTF-8 character.
  while (cut > 0 && (static_cast<unsigned char>(stem[cut]) & 0xC0) == 0x80) --cut;
  return stem.substr(0, cut) + suffix;
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
  out.replace_filename(utf8_path(fit_file_name(utf8_string(input.stem()), suffix + ".xlsx")));
  return out;
}

}  // namespace itawb

#include "base/file_lock.hpp"

#include <fcntl.h>

#include <cerrno>
#include <string>
#include <system_error>
#include <thread>

#ifdef _WIN32
#include <io.h>
#include <process.h>
#include <sys/stat.h>
#else
#include <unistd.h>
#endif

#include "base/error.hpp"
#include "base/files.hpp"

namespace itawb {
namespace fs = std::filesystem;
namespace {

long own_pid() {
#ifdef _WIN32
  return static_cast<long>(_getpid());
#else
  return static_cast<long>(getpid());
#endif
}

// Creates `lock` exclusively with our pid in it; false when it exists.
// Throws when it cannot be created for another reason.
bool create_exclusive(const fs::path& lock) {
#ifdef _WIN32
  const int fd = _wopen(lock.wstring().c_str(), _O_CREAT | _O_EXCL | _O_WRONLY | _O_BINARY, _S_IREAD | _S_IWRITE);
#else
  const int fd = ::open(lock.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0644);
#endif
  if (fd < 0) {
    if (errno == EEXIST) return false;
    const std::string why = std::error_code(errno, std::generic_category()).message();
    throw Error("output-folder", "สร้างไฟล์ล็อก " + utf8_string(lock) + " ไม่ได้: " + why,
                "cannot create the lock file " + utf8_string(lock) + ": " + why, utf8_string(lock));
  }
  const std::string pid = std::to_string(own_pid()) + "\n";
#ifdef _WIN32
  const bool ok = _write(fd, pid.data(), static_cast<unsigned>(pid.size())) == static_cast<int>(pid.size());
  _close(fd);
#else
  const bool ok = ::write(fd, pid.data(), pid.size()) == static_cast<ssize_t>(pid.size());
  ::close(fd);
#endif
  (void)ok;  // an empty lock file still locks; its age then decides whether it is stale
  return true;
}

bool older_than(const fs::path& lock, std::chrono::seconds age) {
  std::error_code ec;
  const auto when = fs::last_write_time(lock, ec);
  return !ec && fs::file_time_type::clock::now() - when > age;
}

// Whether the lock file is left by a process that no longer runs. A lock
// without a readable pid is stale once it is a few seconds old (its owner
// died between creating and writing it). On Windows, where a dead process's
// id is soon given to another, a lock is also stale after ten minutes,
// longer than any merge takes.
bool stale(const fs::path& lock) {
  const auto text = read_file(lock);
  if (!text) return false;  // just removed: try again
  long pid = 0;
  try {
    pid = std::stol(*text);
  } catch (...) {
    return older_than(lock, std::chrono::seconds(10));
  }
  if (pid <= 0 || pid == own_pid()) return false;
#ifdef _WIN32
  if (older_than(lock, std::chrono::seconds(600))) return true;
#endif
  return !process_alive(pid);
}

}  // namespace

fs::path FileLock::lock_path(const fs::path& target) {
  fs::path lock = target;
  lock += ".lock";
  return lock;
}

FileLock::FileLock(const fs::path& target, std::chrono::milliseconds wait) : lock_(lock_path(target)) {
  const auto until = std::chrono::steady_clock::now() + wait;
  for (;;) {
    if (create_exclusive(lock_)) {
      held_ = true;
      return;
    }
    if (stale(lock_)) {
      std::error_code ec;
      fs::remove(lock_, ec);  // taken over: the next round creates it
      continue;
    }
    waited_ = true;
    if (std::chrono::steady_clock::now() >= until)
      throw Error("output-locked",
                  "ไฟล์ " + utf8_string(target) + " กำลังถูกเขียนโดยคำสั่งอื่น (มีไฟล์ล็อก " + utf8_string(lock_) +
                      ") รอจนคำสั่งนั้นเสร็จแล้วลองใหม่",
                  "another command is writing " + utf8_string(target) + " (lock file " + utf8_string(lock_) +
                      "); try again once it has finished",
                  utf8_string(target));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

void FileLock::release() {
  if (!held_) return;
  std::error_code ec;
  fs::remove(lock_, ec);
  held_ = false;
}

FileLock::~FileLock() { release(); }

}  // namespace itawb

// An exclusive lock on an output file, so that two commands writing the same
// file never both succeed with one's work silently lost (two `merge` runs
// into one merged master). The lock is a file beside the target,
// "<target>.lock", created with O_CREAT|O_EXCL and holding the owner's
// process id: it works on every file system, local or shared, and on
// Windows. A lock whose process is no longer running (a command that was
// killed) is taken over.
#pragma once

#include <chrono>
#include <filesystem>

namespace itawb {

class FileLock {
 public:
  // Takes the lock on `target`, waiting up to `wait` while another live
  // process holds it. Throws itawb::Error "output-locked", naming the file,
  // when it is still held after `wait`, or "output-folder" when the lock
  // file cannot be created at all.
  FileLock(const std::filesystem::path& target, std::chrono::milliseconds wait);
  ~FileLock();  // removes the lock file
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

  // Whether another process held the lock when this one asked for it.
  bool waited() const { return waited_; }
  // Gives the lock up now (the destructor does it otherwise).
  void release();

  static std::filesystem::path lock_path(const std::filesystem::path& target);

 private:
  std::filesystem::path lock_;
  bool held_ = false;
  bool waited_ = false;
};

}  // namespace itawb

#include "app/pdf.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <random>
#include <system_error>
#include <thread>

#include "base/error.hpp"
#include "base/files.hpp"
#include "output/registry.hpp"
#include "output/sheets.hpp"
#include "text/fold.hpp"
#include "xlsx/sheet_states.hpp"

#if !defined(_WIN32) && !defined(__EMSCRIPTEN__)
#define ITAWB_SPAWN 1
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
extern char** environ;
#endif

namespace itawb::app {
namespace fs = std::filesystem;
namespace {

const char* const kInstallTh =
    "ไม่พบ LibreOffice จึงทำ PDF ไม่ได้ (ไฟล์ .xlsx เขียนแล้ว) ติดตั้งด้วย: sudo apt-get install libreoffice-calc-nogui "
    "fonts-thai-tlwg บน Windows ติดตั้ง LibreOffice จาก libreoffice.org";
const char* const kInstallEn =
    "LibreOffice was not found, so no PDF was made (the .xlsx is written). Install it with: sudo apt-get install "
    "libreoffice-calc-nogui fonts-thai-tlwg; on Windows, install LibreOffice from libreoffice.org";

// A file: URL for LibreOffice's -env:UserInstallation (bytes outside the
// unreserved set percent-encoded, so Thai folder names and spaces pass).
[[maybe_unused]] std::string file_url(const fs::path& p) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = "file://";
  for (unsigned char c : fs::absolute(p).generic_string()) {
    if (std::isalnum(c) || std::strchr("-._~/", c)) out.push_back(static_cast<char>(c));
    else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

// A fresh folder for one run, removed when it goes out of scope.
struct RunFolder {
  fs::path path;
  explicit RunFolder(const fs::path& parent) {
    std::random_device random;
    for (int i = 0; i < 100; ++i) {
      fs::path p = parent / ("itawb-pdf-" + std::to_string(random()));
      std::error_code ec;
      if (fs::create_directories(p, ec)) {
        path = p;
        return;
      }
    }
    throw Error("pdf-failed", "สร้างโฟลเดอร์ชั่วคราวสำหรับทำ PDF ไม่ได้: " + parent.string(),
                "cannot create a temporary folder for the PDF in " + parent.string(), parent.string());
  }
  ~RunFolder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

#ifdef ITAWB_SPAWN
// Runs LibreOffice in its own process group; returns its exit status, or -1
// on timeout (the whole group is killed first).
int run_soffice(const fs::path& soffice, const std::vector<std::string>& args, const fs::path& log, int timeout_seconds) {
  std::vector<char*> argv;
  std::string program = soffice.string();
  argv.push_back(program.data());
  std::vector<std::string> owned = args;
  for (auto& a : owned) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, program.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (spawned != 0)
    throw Error("pdf-unavailable", std::string(kInstallTh) + " (" + std::strerror(spawned) + ")",
                std::string(kInstallEn) + " (" + std::strerror(spawned) + ")", program);

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  int status = 0;
  for (;;) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return -2;
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  // soffice forks its worker: end whatever of the group is left.
  kill(-pid, SIGKILL);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
#endif

[[maybe_unused]] std::string tail_of(const fs::path& log) {
  const std::string text = read_file(log).value_or("");
  return text.size() > 300 ? text.substr(text.size() - 300) : text;
}

}  // namespace

std::vector<std::string> default_pdf_sheets(const std::vector<std::string>& written) {
  std::vector<std::string> out;
  for (const auto& name : written)
    if (output::is_generated_sheet(name) && text::label_key(name) != text::label_key(output::kFindingsSheet))
      out.push_back(name);
  return out;
}

std::vector<std::string> choose_pdf_sheets(const std::string& typed, const std::vector<std::string>& written) {
  std::vector<std::string> chosen;
  size_t start = 0;
  while (start <= typed.size()) {
    const size_t end = std::min(typed.find(',', start), typed.size());
    const std::string piece = typed.substr(start, end - start);
    const std::string key = text::label_key(piece);
    start = end + 1;
    if (key.empty()) continue;
    const auto it = std::find_if(written.begin(), written.end(),
                                 [&](const std::string& name) { return text::label_key(name) == key; });
    if (it == written.end()) {
      std::string names;
      for (const auto& n : written) names += (names.empty() ? "" : ", ") + n;
      throw usage_error("ไม่มีแผ่นงาน \"" + piece + "\" ในไฟล์ผลลัพธ์ (--pdf-sheets) แผ่นงานที่มี: " + names,
                        "--pdf-sheets: no sheet \"" + piece + "\" in the output; the sheets are: " + names);
    }
    if (std::find(chosen.begin(), chosen.end(), *it) == chosen.end()) chosen.push_back(*it);
  }
  return chosen;
}

void write_pdf([[maybe_unused]] const fs::path& xlsx, const fs::path& pdf, const PdfOptions& options) {
  std::error_code ec;
  if (options.soffice.empty() || !fs::exists(options.soffice, ec))
    throw Error("pdf-unavailable", kInstallTh, kInstallEn, pdf.string());
#ifndef ITAWB_SPAWN  // Windows, WebAssembly: no LibreOffice to run from here yet
  throw Error("pdf-unavailable", kInstallTh, kInstallEn, pdf.string());
#else
  const RunFolder run(options.work_dir.empty() ? fs::temp_directory_path() : options.work_dir);
  const fs::path copy = run.path / "itawb.xlsx";
  fs::copy_file(xlsx, copy, fs::copy_options::overwrite_existing);
  if (!options.sheets.empty())
    xlsx::set_sheet_states(copy, [&](const std::string& name) -> std::optional<xlsx::Visibility> {
      if (std::find(options.sheets.begin(), options.sheets.end(), name) != options.sheets.end()) return std::nullopt;
      return xlsx::Visibility::Hidden;
    });
  const fs::path log = run.path / "soffice.log";
  const int status = run_soffice(options.soffice,
                                 {"-env:UserInstallation=" + file_url(run.path / "profile"), "--headless",
                                  "--norestore", "--nologo", "--convert-to", "pdf", "--outdir", run.path.string(),
                                  copy.string()},
                                 log, options.timeout_seconds);
  const fs::path made = run.path / "itawb.pdf";
  if (status == -1)
    throw Error("pdf-timeout",
                "LibreOffice ทำ PDF ไม่เสร็จใน " + std::to_string(options.timeout_seconds) + " วินาที จึงหยุดไว้",
                "LibreOffice did not finish the PDF in " + std::to_string(options.timeout_seconds) +
                    " seconds and was stopped",
                pdf.string());
  if (status != 0 || !fs::exists(made, ec) || fs::file_size(made, ec) == 0)
    throw Error("pdf-failed", "LibreOffice ทำ PDF ไม่สำเร็จ (สถานะ " + std::to_string(status) + "): " + tail_of(log),
                "LibreOffice could not make the PDF (status " + std::to_string(status) + "): " + tail_of(log),
                pdf.string());
  write_atomically(pdf, [&](const fs::path& tmp) { fs::copy_file(made, tmp, fs::copy_options::overwrite_existing); });
#endif
}

}  // namespace itawb::app

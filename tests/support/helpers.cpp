#include "support/helpers.hpp"

#include "base/files.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace itawb::test {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device rd;
  path_ = fs::temp_directory_path() / ("itawb-test-" + std::to_string(::getpid()) + "-" +
                                       std::to_string(rd()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!std::getenv("ITAWB_KEEP_TEMP")) fs::remove_all(path_, ec);
}

std::string read_bytes(const fs::path& p) { return read_file(p).value_or(""); }

void write_bytes(const fs::path& file, const std::string& bytes) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << bytes;
}

RunResult run_command(const std::vector<std::string>& argv) {
  TempDir tmp;
  const fs::path out_path = tmp / "stdout", err_path = tmp / "stderr";
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int in = ::open("/dev/null", O_RDONLY);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::dup2(in, 0);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_bytes(out_path);
  r.err = read_bytes(err_path);
  return r;
}

RunResult run_itawb(const std::vector<std::string>& args) {
  std::vector<std::string> argv{ITAWB_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv);
}

nlohmann::json openpyxl_read(const fs::path& file, bool values_only) {
  std::vector<std::string> argv{"/usr/bin/python3",
                                (fs::path(ITAWB_TEST_DIR) / "support" / "openpyxl_dump.py").string(),
                                file.string()};
  if (values_only) argv.push_back("--values-only");
  const RunResult r = run_command(argv);
  if (r.exit_code != 0)
    throw std::runtime_error("openpyxl could not read " + file.string() + ": " + r.err);
  return nlohmann::json::parse(r.out);
}

const nlohmann::json& sheet_of(const nlohmann::json& dump, const std::string& name) {
  static const nlohmann::json null_json;
  for (const auto& s : dump.at("sheets"))
    if (s.at("name") == name) return s;
  return null_json;
}

fs::path repo_dir() { return fs::path(ITAWB_TEST_DIR).parent_path(); }

app::ResourceFiles repository_resource_files() {
  app::ResourceFiles files;
  for (const char* folder : {"schemas", "workbooks/catalog"})
    for (const auto& entry : std::filesystem::recursive_directory_iterator(repo_dir() / folder))
      if (entry.is_regular_file())
        files[entry.path().lexically_relative(repo_dir()).generic_string()] = read_bytes(entry.path());
  return files;
}

const app::Resources& resources() {
  static const app::Resources loaded = app::load_resources(repo_dir());
  return loaded;
}
fs::path fixture(const std::string& relative) { return fs::path(ITAWB_TEST_DIR) / "fixtures" / relative; }
fs::path example(const std::string& name) { return repo_dir() / "workbooks" / "examples" / name; }
nlohmann::json charts_dump(const fs::path& file) {
  const auto r = run_command({"/usr/bin/python3", (repo_dir() / "tests" / "tools" / "charts_dump.py").string(), file.string()});
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

fs::path shared_dir() { return fs::path(ITAWB_SHARED_DIR); }
std::string itawb_binary() { return ITAWB_BINARY; }
fs::path artifact_dir() { return fs::path(ITAWB_ARTIFACT_DIR); }

std::string shared_missing(const std::string& relative) {
  const fs::path wanted = shared_dir() / relative;
  std::error_code ec;
  if (fs::exists(wanted, ec)) return "";
  return "skipped: ../shared/" + relative + " is absent (looked for " + wanted.lexically_normal().string() +
         "); this test needs the shared folder beside the repository";
}

void edit_return(const std::filesystem::path& file, const nlohmann::json& edits, const std::filesystem::path& dir) {
  static int n = 0;
  const std::filesystem::path edits_file = dir / ("edits-" + std::to_string(++n) + ".json");
  std::ofstream(edits_file) << edits.dump();
  const auto r = run_command({"/usr/bin/python3", (repo_dir() / "tests" / "tools" / "edit_return.py").string(),
                              file.string(), edits_file.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

}  // namespace itawb::test

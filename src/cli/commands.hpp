// Each subcommand registers itself on the CLI11 app; main() only dispatches.
// Exit codes: 0 success, 1 the workbook has errors (batch: some input had
// errors or was refused), 2 usage or unreadable file.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>

#include "app/resources.hpp"
#include "base/files.hpp"

namespace itawb::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUnreadable = 2;

// Options every subcommand shares.
struct GlobalOptions {
  std::string lang = "th";  // th | en: language of messages for people
  int verbosity = 0;        // -v: +1, -q: -1
  // The resources, loaded on first use from data_home() (main owns them).
  std::function<const app::Resources&()> resources;
};

// The folder holding schemas/ and workbooks/: $ITAWB_HOME, else (Windows)
// the executable's own folder when schemas/ is there, else ../share/itawb
// beside the executable, else the source tree. Only the
// command-line host looks for it; the library is handed what it loads.
std::filesystem::path data_home();

// CLI::ExistingFile for a UTF-8 argument (CLI11 makes the path from the
// string, which on Windows is not read as UTF-8): the same messages.
CLI::Validator existing_file();

// Windows: argv as UTF-8 (from the UTF-16 command line) and a console that
// shows UTF-8; elsewhere nothing.
void windows_utf8(int& argc, char**& argv);
// True when this process has the console to itself: on Windows, a
// double-click on itawb.exe (GetConsoleProcessList counts only us), whose
// window would close as soon as we exit. False elsewhere.
bool console_is_own();
// What `itawb` without arguments prints: Thai help, English beside.
std::string no_command_help();

// LibreOffice's program for --pdf: $ITAWB_SOFFICE, else soffice or
// libreoffice on PATH, else where installers put it; empty when none.
std::filesystem::path find_soffice();

// Where the resources come from: called on first need, returns the same
// loaded instance every time (the host owns it).
using ResourceSource = std::function<const app::Resources&()>;

// The whole command line: parses argv, runs the chosen command, prints its
// findings and errors, and returns the exit code. May be called again.
int run(int argc, const char* const* argv, const ResourceSource& load);

// A registered subcommand: `run` is called when the user chose it and
// returns the process exit code.
using Runner = std::function<int()>;

Runner add_analyze(CLI::App& app, const GlobalOptions& global);
Runner add_inspect(CLI::App& app, const GlobalOptions& global);
Runner add_validate(CLI::App& app, const GlobalOptions& global);
Runner add_template(CLI::App& app, const GlobalOptions& global);
Runner add_split(CLI::App& app, const GlobalOptions& global);
Runner add_merge(CLI::App& app, const GlobalOptions& global);
Runner add_batch(CLI::App& app, const GlobalOptions& global);

}  // namespace itawb::cli

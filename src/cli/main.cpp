// itawb: the command-line driver. All work is done by the library; this file
// parses arguments, sets up logging and maps outcomes to exit codes. run() is
// the whole command line for any host (the browser's worker calls it once per
// command); main() only adds where the resources come from.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "base/error.hpp"
#include "itawb_version.h"

namespace itawb::cli {

int run(int argc, const char* const* argv, const ResourceSource& load) {
  CLI::App app{"itawb: ITA workbook processor / โปรแกรมประมวลผลแบบฟอร์ม ITA", "itawb"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "itawb " ITAWB_VERSION);

  GlobalOptions global;
  std::vector<std::pair<CLI::App*, Runner>> commands;
  auto add = [&](Runner (*adder)(CLI::App&, const GlobalOptions&)) {
    const size_t before = app.get_subcommands({}).size();
    Runner run = adder(app, global);
    commands.emplace_back(app.get_subcommands({}).at(before), std::move(run));
  };
  add(add_analyze);
  add(add_validate);
  add(add_inspect);
  add(add_template);
  add(add_split);
  add(add_merge);
  add(add_batch);
  for (auto& [sub, run] : commands) {
    sub->add_option("--lang", global.lang, "Language of messages: th or en")
        ->check(CLI::IsMember({"th", "en"}));
    sub->add_flag("-v,--verbose", [&](int64_t n) { global.verbosity += static_cast<int>(n); },
                  "More log output (repeatable)");
    sub->add_flag("-q,--quiet", [&](int64_t n) { global.verbosity -= static_cast<int>(n); },
                  "Less log output");
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUnreadable;
  }

  // A host may call run() more than once in a process (the browser's worker).
  auto logger = spdlog::get("itawb");
  if (!logger) logger = spdlog::stderr_color_mt("itawb");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("itawb: %^%l%$: %v");
  spdlog::set_level(global.verbosity >= 2   ? spdlog::level::debug
                    : global.verbosity == 1 ? spdlog::level::info
                    : global.verbosity < 0  ? spdlog::level::err
                                            : spdlog::level::warn);

  global.resources = load;

  for (auto& [sub, run] : commands) {
    if (!sub->parsed()) continue;
    try {
      return run();
    } catch (const itawb::Error& e) {
      // The one place errors are printed: where (the file, sheet and cell, or
      // else the command), then Thai and English (English only with --lang en).
      const std::string where = e.location().empty() ? "itawb " + sub->get_name() : e.location();
      if (global.lang != "en") std::cerr << where << ": " << e.message_th() << "\n";
      std::cerr << where << ": " << e.message_en() << "\n";
      return kExitUnreadable;
    } catch (const std::exception& e) {  // a bug or a library's own failure: English only
      std::cerr << "itawb " << sub->get_name() << ": " << e.what() << "\n";
      return kExitUnreadable;
    }
  }
  return kExitUnreadable;
}

}  // namespace itawb::cli

#ifndef ITAWB_NO_MAIN
int main(int argc, char** argv) {
  itawb::cli::windows_utf8(argc, argv);
  std::optional<itawb::app::Resources> resources;
  return itawb::cli::run(argc, argv, [&resources]() -> const itawb::app::Resources& {
    if (!resources) resources = itawb::app::load_resources(itawb::cli::data_home());
    return *resources;
  });
}
#endif

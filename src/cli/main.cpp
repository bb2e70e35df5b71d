// itawb: the command-line driver. All work is done by the library; this file
// parses arguments, sets up logging and maps outcomes to exit codes. run() is
// the whole command line for any host (the browser's worker calls it once per
// command); main() (native_main.cpp) only adds where the resources come from.
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

std::string no_command_help() {
  return "itawb " ITAWB_VERSION " — โปรแกรมประมวลผลแบบฟอร์ม ITA / ITA workbook processor\n"
         "\n"
         "โปรแกรมนี้ใช้จากหน้าต่างคำสั่ง หรือลากไฟล์แบบฟอร์ม (.xlsx) มาวางบน วิเคราะห์.bat\n"
         "This program runs from a command prompt; or drop workbooks (.xlsx) on วิเคราะห์.bat.\n"
         "\n"
         "คำสั่ง / commands:\n"
         "  itawb analyze แบบฟอร์ม.xlsx       วิเคราะห์ เขียนผลข้างไฟล์เดิม (-itawb.xlsx) / analyse\n"
         "  itawb validate แบบฟอร์ม.xlsx      ตรวจแบบฟอร์ม / check the workbook\n"
         "  itawb template -o ใหม่.xlsx        แบบฟอร์มเปล่า / the blank form\n"
         "  itawb split แบบฟอร์ม.xlsx -o ส่งกอง แยกส่งกอง / one file per department\n"
         "  itawb merge แบบฟอร์ม.xlsx คืน/*.xlsx รวมผลที่ส่งคืน / merge the returns\n"
         "  itawb batch โฟลเดอร์ -o ผล          หลายหน่วยงาน / many agencies at once\n"
         "  itawb inspect แบบฟอร์ม.xlsx        ดูเนื้อหาในชีต / show a sheet's cells\n"
         "\n"
         "รายละเอียดของแต่ละคำสั่ง: itawb analyze --help / each command's options: itawb COMMAND --help\n"
         "รุ่นของโปรแกรม: itawb --version / the version: itawb --version\n";
}

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

  // No command at all (itawb.exe double-clicked, or typed alone): Thai help
  // instead of CLI11's English "A subcommand is required".
  if (argc <= 1) {
    std::cout << no_command_help();
    return kExitUnreadable;
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
      // A message that names the file itself ("permission denied: F")
      // names it once, in front.
      auto once = [&where](std::string message) {
        for (const std::string& named : {": " + where, " " + where})
          if (const auto at = message.find(named); at != std::string::npos && message.size() > named.size())
            return message.erase(at, named.size());
        return message;
      };
      if (global.lang != "en") std::cerr << where << ": " << once(e.message_th()) << "\n";
      std::cerr << where << ": " << once(e.message_en()) << "\n";
      return kExitUnreadable;
    } catch (const std::exception& e) {  // a bug or a library's own failure: English only
      std::cerr << "itawb " << sub->get_name() << ": " << e.what() << "\n";
      return kExitUnreadable;
    }
  }
  return kExitUnreadable;
}

}  // namespace itawb::cli

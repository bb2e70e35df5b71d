// The native itawb's main(): run() over the resources found by data_home()
// (ITAWB_HOME, ../share/itawb beside the binary, or the source tree), loaded
// on first use so that --version and --help load nothing. The page's module
// (hosts/web/itawb_web.cpp) has its own main() over embedded resources.
#include <iostream>
#include <optional>
#include <string>

#include "app/resources.hpp"
#include "cli/commands.hpp"

int main(int argc, char** argv) {
  itawb::cli::windows_utf8(argc, argv);
  std::optional<itawb::app::Resources> resources;
  const int code = itawb::cli::run(argc, argv, [&resources]() -> const itawb::app::Resources& {
    if (!resources) resources = itawb::app::load_resources(itawb::cli::data_home());
    return *resources;
  });
  // A double-click opened a console of its own, which closes when we exit:
  // keep it until the officer has read what it says.
  if (argc <= 1 && itawb::cli::console_is_own()) {
    std::cout << "\nกด Enter เพื่อปิดหน้าต่างนี้ / Press Enter to close this window" << std::flush;
    std::string line;
    std::getline(std::cin, line);
  }
  return code;
}

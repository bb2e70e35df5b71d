// The native itawb's main(): run() over the resources found by data_home()
// (ITAWB_HOME, ../share/itawb beside the binary, or the source tree), loaded
// on first use so that --version and --help load nothing. The page's module
// (hosts/web/itawb_web.cpp) has its own main() over embedded resources.
#include <iostream>
#include <optional>
#include <string>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "app/resources.hpp"
#include "cli/bundled_resources.hpp"
#include "cli/commands.hpp"

int main(int argc, char** argv) {
#if defined(__GLIBC__)
  // A command is a short process (issue 23): memory is taken from the
  // kernel in large steps and kept until exit, instead of 140 brk calls and
  // a fresh mmap (its pages faulted and zeroed again) for every block of
  // 128 KiB or more, such as zlib's state for each part of a workbook.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
#endif
  itawb::cli::windows_utf8(argc, argv);
  std::optional<itawb::app::Resources> resources;
  const int code = itawb::cli::run(argc, argv, [&resources]() -> const itawb::app::Resources& {
    // The files the program was built and tested with are not checked
    // against their meta-schemas again; edited ones are.
    if (!resources) resources = itawb::app::load_resources(itawb::cli::data_home(), &itawb::cli::bundled_resources());
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

#include "cli/commands.hpp"

#include <iostream>

namespace itawb::cli {

// Not implemented yet: registered so that the command line is stable.
Runner add_analyze(CLI::App& app, const GlobalOptions& /*global*/) {
  auto* sub = app.add_subcommand("analyze", "analyze (not implemented yet)");
  sub->allow_extras();
  return [] {
    std::cerr << "itawb analyze: not implemented yet\n";
    return kExitUnreadable;
  };
}

}  // namespace itawb::cli

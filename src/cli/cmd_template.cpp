#include "cli/commands.hpp"

#include <iostream>

namespace itawb::cli {

// Not implemented yet: registered so that the command line is stable.
Runner add_template(CLI::App& app, const GlobalOptions& /*global*/) {
  auto* sub = app.add_subcommand("template", "template (not implemented yet)");
  sub->allow_extras();
  return [] {
    std::cerr << "itawb template: not implemented yet\n";
    return kExitUnreadable;
  };
}

}  // namespace itawb::cli

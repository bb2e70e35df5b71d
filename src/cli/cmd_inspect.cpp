// itawb inspect FILE [--sheet NAME] [--json]: shows what the reader sees.
#include <iostream>
#include <optional>
#include <stdexcept>

#include "cli/commands.hpp"
#include "xlsx/inspect.hpp"
#include "xlsx/reader.hpp"

namespace itawb::cli {

Runner add_inspect(CLI::App& app, const GlobalOptions& /*global*/) {
  auto* sub = app.add_subcommand(
      "inspect", "แสดงชีตและเซลล์ที่อ่านได้จากไฟล์ / show the sheets and cells read from a workbook");
  struct Options {
    std::string file, sheet;
    bool json = false;
    bool large_files = false;
  };
  auto opts = std::make_shared<Options>();
  sub->add_option("file", opts->file, "แบบฟอร์ม / workbook (.xlsx .xlsm .xls .ods)")->required();
  sub->add_option("--sheet", opts->sheet, "Only this sheet (name)");
  sub->add_flag("--json", opts->json, "JSON output");
  sub->add_flag("--large-files", opts->large_files, "ยอมรับไฟล์ใหญ่ผิดปกติ (ส่วนละไม่เกิน 1 GiB) / raise the reader's limits for an unusually large genuine file");
  return [opts] {
    const auto wb =
        xlsx::Workbook::open(opts->file, opts->large_files ? xlsx::Limits::large() : xlsx::Limits{});
    std::optional<std::string> sheet;
    if (!opts->sheet.empty()) sheet = opts->sheet;
    if (opts->json)
      std::cout << xlsx::inspect_json(wb, sheet) << "\n";
    else
      std::cout << xlsx::inspect_text(wb, sheet);
    return kExitOk;
  };
}

}  // namespace itawb::cli

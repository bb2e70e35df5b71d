// itawb validate FILE... [--json] [--year N]: checks workbooks against the
// standard format (schemas/sheets) and the year's framework.
#include <iostream>
#include <memory>

#include "app/check.hpp"
#include "cli/commands.hpp"
#include "base/files.hpp"
#include "model/framework.hpp"
#include "output/validation_report.hpp"
#include "schema/schema.hpp"

namespace itawb::cli {

namespace {
struct ValidateOptions {
  std::vector<std::string> files;
  bool json = false;
  int year = 0;
  bool large_files = false;
};
}  // namespace

Runner add_validate(CLI::App& app, const GlobalOptions& global) {
  auto opts = std::make_shared<ValidateOptions>();
  auto* sub = app.add_subcommand("validate", "Check workbooks against the standard format / ตรวจแบบฟอร์มตามรูปแบบมาตรฐาน");
  sub->add_option("files", opts->files, "แบบฟอร์มที่จะตรวจ / workbooks to check (.xlsx .xls .ods)")->required();
  sub->add_flag("--json", opts->json, "One JSON document on stdout instead of the table");
  sub->add_option("--year", opts->year, "Assessment year (พ.ศ.) to use instead of ปีที่ประเมิน");
  sub->add_flag("--large-files", opts->large_files, "ยอมรับไฟล์ใหญ่ผิดปกติ (ส่วนละไม่เกิน 1 GiB) / raise the reader's limits for an unusually large genuine file");
  return [opts, &global] {
    const app::Resources& resources = global.resources();
    std::vector<output::FileReport> reports;
    const std::optional<int> year = opts->year ? std::optional<int>(opts->year) : std::nullopt;
    const xlsx::Limits limits = opts->large_files ? xlsx::Limits::large() : xlsx::Limits{};
    for (const auto& file : opts->files) reports.push_back(app::validate_file(resources, file, year, limits));
    if (opts->json) std::cout << output::report_json(reports) << "\n";
    else std::cout << output::report_text(reports, global.lang);
    return output::exit_code(reports);
  };
}

}  // namespace itawb::cli

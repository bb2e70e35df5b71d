// itawb validate FILE... [--json] [--year N]: checks workbooks against the
// standard format (schemas/sheets) and the year's framework.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "core/files.hpp"
#include "ita/framework.hpp"
#include "schema/report.hpp"
#include "schema/schema.hpp"

namespace itawb::cli {

namespace {
struct ValidateOptions {
  std::vector<std::string> files;
  bool json = false;
  int year = 0;
};
}  // namespace

Runner add_validate(CLI::App& app, const GlobalOptions& global) {
  auto opts = std::make_shared<ValidateOptions>();
  auto* sub = app.add_subcommand("validate", "Check workbooks against the standard format / ตรวจแบบฟอร์มตามรูปแบบมาตรฐาน");
  sub->add_option("files", opts->files, "Workbooks (.xlsx) to check")->required();
  sub->add_flag("--json", opts->json, "One JSON document on stdout instead of the table");
  sub->add_option("--year", opts->year, "Assessment year (พ.ศ.) to use instead of ปีที่ประเมิน");
  return [opts, &global] {
    std::unique_ptr<schema::SchemaSet> schemas;
    std::unique_ptr<ita::FrameworkCatalog> frameworks;
    try {
      schemas = std::make_unique<schema::SchemaSet>(schema::SchemaSet::load_default());
      frameworks = std::make_unique<ita::FrameworkCatalog>(
          ita::FrameworkCatalog::load_dir(data_dir() / "schemas" / "frameworks"));
    } catch (const std::exception& e) {
      std::cerr << "itawb validate: " << e.what() << "\n";
      return kExitUnreadable;
    }
    std::vector<schema::FileReport> reports;
    const std::optional<int> year = opts->year ? std::optional<int>(opts->year) : std::nullopt;
    for (const auto& file : opts->files) reports.push_back(schema::validate_file(file, *schemas, *frameworks, year));
    if (opts->json) std::cout << schema::report_json(reports).dump(2) << "\n";
    else std::cout << schema::report_text(reports, global.lang);
    return schema::exit_code(reports);
  };
}

}  // namespace itawb::cli

// itawb template [--year N] -o FILE.xlsx | --markdown: the blank standard
// workbook, or the workbook-format documentation, both from the schemas.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "base/files.hpp"
#include "model/framework.hpp"
#include "output/docs.hpp"
#include "schema/schema.hpp"
#include "output/template.hpp"

namespace itawb::cli {

namespace {
struct TemplateOptions {
  std::string output;
  int year = 0;
  bool markdown = false;
};
}  // namespace

Runner add_template(CLI::App& app, const GlobalOptions& global) {
  auto opts = std::make_shared<TemplateOptions>();
  auto* sub = app.add_subcommand("template", "Write the blank standard workbook / สร้างแบบฟอร์มเปล่า");
  sub->add_option("-o,--output", opts->output, "Output .xlsx file");
  sub->add_option("--year", opts->year, "Assessment year (พ.ศ.); default: the newest framework");
  sub->add_flag("--markdown", opts->markdown, "Print the workbook-format documentation (Markdown) instead");
  return [opts, &global] {
    const bool thai = global.lang != "en";
    try {
      const app::Resources& resources = global.resources();
      const schema::SchemaSet& schemas = resources.schemas;
      if (opts->markdown) {
        std::cout << output::workbook_format_markdown(schemas);
        return kExitOk;
      }
      if (opts->output.empty()) {
        std::cerr << (thai ? "itawb template: ต้องระบุไฟล์ผลลัพธ์ด้วย -o FILE.xlsx\n"
                           : "itawb template: give the output file with -o FILE.xlsx\n");
        return kExitUnreadable;
      }
      const auto& frameworks = resources.frameworks;
      const auto years = frameworks.years();
      const int year = opts->year ? opts->year : (years.empty() ? 0 : years.back());
      const model::Framework* fw = frameworks.for_year(year);
      if (!fw) {
        std::string known;
        for (int y : years) known += (known.empty() ? "" : ", ") + std::to_string(y);
        std::cerr << (thai ? "itawb template: ไม่มีเกณฑ์การประเมินของปี " + std::to_string(year) + " (มีปี " + known + ")\n"
                           : "itawb template: no framework for year " + std::to_string(year) + " (known: " + known + ")\n");
        return kExitUnreadable;
      }
      output::write_template(opts->output, schemas, *fw);
      std::cout << opts->output << "\n";
      return kExitOk;
    } catch (const std::exception& e) {
      std::cerr << "itawb template: " << e.what() << "\n";
      return kExitUnreadable;
    }
  };
}

}  // namespace itawb::cli

// itawb template [--year N] [--plan] [--digits thai|arabic] -o FILE.xlsx | --markdown: the blank standard
// workbook, or the workbook-format documentation, both from the schemas.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iostream>
#include <memory>

#include "base/error.hpp"
#include "cli/commands.hpp"
#include "base/files.hpp"
#include "model/framework.hpp"
#include "output/docs.hpp"
#include "schema/schema.hpp"
#include "output/template.hpp"
#include "text/thai.hpp"

namespace itawb::cli {

namespace {
struct TemplateOptions {
  std::string output;
  int year = 0;
  bool markdown = false;
  bool plan = false;
  std::string digits = "thai";
};
}  // namespace

Runner add_template(CLI::App& app, const GlobalOptions& global) {
  auto opts = std::make_shared<TemplateOptions>();
  auto* sub = app.add_subcommand("template", "Write the blank standard workbook / สร้างแบบฟอร์มเปล่า");
  sub->add_option("-o,--output", opts->output, "Output .xlsx file");
  sub->add_option("--year", opts->year, "Assessment year (พ.ศ.); default: the newest framework");
  sub->add_flag("--plan", opts->plan,
                "แบบฟอร์มมาตรการและความก้าวหน้า ไม่มีชีตคะแนน / a measures-and-progress workbook, no score sheets");
  sub->add_option("--digits", opts->digits, "ตัวเลขในข้อความ: thai (ค่าเริ่มต้น) หรือ arabic / digits of the text")
      ->check(CLI::IsMember({"thai", "arabic"}));
  sub->add_flag("--markdown", opts->markdown, "Print the workbook-format documentation (Markdown) instead");
  return [opts, &global] {
    const app::Resources& resources = global.resources();
    const schema::SchemaSet& schemas = resources.schemas;
    if (opts->markdown) {
      std::cout << output::workbook_format_markdown(schemas);
      return kExitOk;
    }
    if (opts->output.empty())
      throw usage_error("ต้องระบุไฟล์ผลลัพธ์ด้วย -o FILE.xlsx", "give the output file with -o FILE.xlsx");
    const auto& frameworks = resources.frameworks;
    const auto years = frameworks.years();
    const int year = opts->year ? opts->year : (years.empty() ? 0 : years.back());
    const model::Framework* fw = frameworks.for_year(year);
    if (!fw) {
      const std::string known = fmt::format("{}", fmt::join(years, ", "));
      throw usage_error("ไม่มีเกณฑ์การประเมินของปี " + std::to_string(year) + " (มีปี " + known + ")",
                        "no framework for year " + std::to_string(year) + " (known: " + known + ")");
    }
    output::TemplateOptions options;
    options.plan_only = opts->plan;
    options.digits = text::digit_style_from(opts->digits).value_or(text::DigitStyle::Thai);
    output::write_template(utf8_path(opts->output), schemas, *fw, options);
    std::cout << opts->output << "\n";
    return kExitOk;
  };
}

}  // namespace itawb::cli

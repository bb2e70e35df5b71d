#include "app/analyze.hpp"

#include "app/check.hpp"


#include <spdlog/spdlog.h>

#include "base/error.hpp"
#include "base/files.hpp"
#include "plan/catalog.hpp"
#include "plan/plan.hpp"
#include "output/carry_over.hpp"
#include "output/registry.hpp"
#include "model/load.hpp"
#include "schema/schema.hpp"
#include "xlsx/reader.hpp"
#include "xlsx/writer.hpp"

namespace itawb::app {
namespace fs = std::filesystem;

namespace {

bool generated(const xlsx::SheetInfo& info) { return is_generated_sheet(info.name); }

void write_output(const xlsx::Workbook& input, const AnalyzeResult& result, const fs::path& target,
                  std::vector<std::string>& sheets, text::DigitStyle digits, const std::string& tmpdir) {
  output::CarryOverOptions carry;
  carry.skip = generated;
  carry.highlight = output::highlights_from(result.findings);
  carry.notes = output::notes_from(result.findings);
  carry.agency = &result.model.agency;
  std::set<std::string> linked;
  for (const auto& info : input.sheets())
    if (!carry.skip(info)) linked.insert(info.name);

  write_atomically(target, [&](const fs::path& tmp) {
    xlsx::WriterOptions wo;
    wo.tmpdir = tmpdir;
    wo.title = "ผลการวิเคราะห์ ITA " + result.analysis->agency.name;
    wo.subject = "Integrity and Transparency Assessment " +
                 std::to_string(result.analysis->agency.assessment_year);
    xlsx::WorkbookWriter out(tmp, wo);
    const output::SheetInputs inputs{*result.analysis, result.model,
                                     result.plan ? &*result.plan : nullptr, result.findings, linked, digits};
    sheets = output::write_output_sheets(out, inputs);
    output::carry_over(input, out, carry);
    out.close();
  });
  for (const auto& info : input.sheets())
    if (!carry.skip(info)) sheets.push_back(info.name);
}

}  // namespace

bool is_generated_sheet(std::string_view name) {
  return output::is_generated_sheet(name);
}

AnalyzeResult analyze(const Resources& resources, const AnalyzeOptions& options) {
  AnalyzeResult result;
  const fs::path output = options.output ? *options.output : default_output(options.input);
  if (options.write && same_file(options.input, output))
    throw usage_error("ไฟล์ผลลัพธ์ต้องไม่ใช่ไฟล์ต้นฉบับ (ไม่เขียนทับข้อมูลเดิม): " + output.string(),
                      "the output must not be the input file (it is never overwritten): " + output.string());

  CheckOptions co;
  co.as_of = as_of_date(options.as_of);  // a bad --as-of stops before the file is read
  const xlsx::Workbook workbook = xlsx::Workbook::open(options.input.string(), options.limits);
  co.file_label = options.file_label.value_or(options.input.string());
  co.year = options.year;
  Checked checked = check_workbook(resources, workbook, co);
  result.exit_code = checked.exit_code();
  result.model = std::move(checked.model);
  result.analysis = std::move(checked.analysis);
  result.plan = std::move(checked.plan);
  result.findings = std::move(checked.findings);

  // Written whenever there is something to show, errors or not: the rows
  // that could not be used are marked on the carried-over sheets and listed.
  if (options.write && result.analysis) {
    // What the input has that its carried-over sheets cannot keep is listed
    // among the findings (ตรวจสอบข้อมูล), never silently lost.
    output::CarryOverOptions carry;
    carry.skip = generated;
    for (auto& f : output::not_carried(workbook, carry, co.file_label)) result.findings.add(std::move(f));
    write_output(workbook, result, output, result.sheets, options.digits, options.writer_tmpdir);
    result.output = output;
  }
  spdlog::info("analyze: {} -> {}", options.input.string(), result.output.string());
  return result;
}

}  // namespace itawb::app

#include "app/analyze.hpp"

#include <chrono>
#include <ctime>

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

calendar::Date today() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm local{};
  localtime_r(&now, &local);
  return calendar::Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

Finding file_finding(const std::string& file, std::string code, std::string th, std::string en) {
  Finding f;
  f.severity = Severity::Error;
  f.code = std::move(code);
  f.file = file;
  f.message_th = std::move(th);
  f.message_en = std::move(en);
  return f;
}

// The plan step: measures, timeframes, progress and coverage of the
// deficiencies. Its findings (an urgent deficiency without a measure, an
// unreadable timeframe, ...) join the others.
void run_plan(const Resources& resources, const AnalyzeOptions& options, AnalyzeResult& result) {
  calendar::Date as_of = today();
  if (options.as_of) {
    const auto parsed = calendar::parse_date(*options.as_of);
    if (!parsed)
      throw usage_error("อ่านวันที่ --as-of ไม่ได้: " + *options.as_of,
                        "cannot read the --as-of date: " + *options.as_of);
    as_of = *parsed;
  }
  result.plan = plan::build_plan(result.model, result.analysis->deficiencies, resources.catalog, resources.departments,
                                 resources.statuses, as_of);
  result.findings.append(result.plan->findings);
}

void write_output(const xlsx::Workbook& input, const AnalyzeResult& result, const fs::path& target,
                  std::vector<std::string>& sheets, text::DigitStyle digits) {
  output::CarryOverOptions carry;
  carry.skip = [](const xlsx::SheetInfo& info) { return is_generated_sheet(info.name); };
  carry.highlight = output::highlights_from(result.findings);
  std::set<std::string> linked;
  for (const auto& info : input.sheets())
    if (!carry.skip(info)) linked.insert(info.name);

  write_atomically(target, [&](const fs::path& tmp) {
    xlsx::WriterOptions wo;
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

  // read
  const xlsx::Workbook workbook = xlsx::Workbook::open(options.input.string());

  // validate
  model::LoadOptions lo;
  lo.file_label = options.input.string();
  lo.year = options.year;
  model::LoadResult loaded = model::load_workbook(workbook, resources.schemas, resources.frameworks, lo);
  result.model = std::move(loaded.model);
  result.findings.append(loaded.findings);
  if (!loaded.framework && !result.findings.has_errors())
    result.findings.add(file_finding(lo.file_label, "framework-missing",
                                     "ไม่พบเกณฑ์การประเมินของปีที่ประเมิน (ระบุด้วย --year)",
                                     "no assessment framework for the assessment year (use --year)"));
  if (result.findings.has_errors()) {
    result.exit_code = 1;
    return result;
  }

  // analyse
  result.analysis = ita::analyse(result.model, *loaded.framework);
  result.findings.append(result.analysis->findings);

  // plan
  run_plan(resources, options, result);
  if (result.exit_code != 0) return result;

  // write
  if (options.write) {
    write_output(workbook, result, output, result.sheets, options.digits);
    result.output = output;
  }
  spdlog::info("analyze: {} -> {}", options.input.string(), result.output.string());
  return result;
}

}  // namespace itawb::app

#include "app/analyze.hpp"

#include "app/check.hpp"


#include <spdlog/spdlog.h>

#include "base/error.hpp"
#include "base/files.hpp"
#include "plan/catalog.hpp"
#include "plan/plan.hpp"
#include "output/carry_over.hpp"
#include "output/plan_sheets.hpp"
#include "output/registry.hpp"
#include "output/sheets.hpp"
#include "model/load.hpp"
#include "schema/schema.hpp"
#include "xlsx/reader.hpp"
#include "xlsx/writer.hpp"

namespace itawb::app {
namespace fs = std::filesystem;

namespace {

bool generated(const xlsx::SheetInfo& info) { return is_generated_sheet(info.name); }

// The agency's own columns of its มาตรการ sheet, which the output rewrites
// from the plan: nullopt when that sheet is not replaced or has none.
std::optional<output::ExtraColumns> measure_columns(const xlsx::Workbook& input, const AnalyzeResult& result) {
  if (!result.plan || !result.model.measures_schema) return std::nullopt;
  return output::extra_columns(input, output::kMeasuresSheet, *result.model.measures_schema,
                               output::measures_plan_titles());
}

// Writes them after the plan's columns of the output's มาตรการ (the
// schema's, then the plan's own), each on its measure's row.
void carry_measure_columns(const xlsx::Workbook& input, const AnalyzeResult& result, xlsx::WorkbookWriter& out) {
  const auto extra = measure_columns(input, result);
  xlsx::SheetWriter* ws = out.sheet(output::kMeasuresSheet);
  if (!extra || !ws) return;
  std::map<uint32_t, uint32_t> rows;  // input row -> output row
  for (size_t i = 0; i < result.plan->measures.size(); ++i) {
    const auto& origin = result.plan->measures[i].input.origin;
    if (origin.known() && origin.sheet == output::kMeasuresSheet)
      rows.emplace(origin.row, output::kMeasuresHeaderRow + 1 + static_cast<uint32_t>(i));
  }
  const uint32_t first = output::measures_sheet_columns(result.model.measures_schema);
  output::write_extra_columns(input, *extra, *ws, output::kMeasuresHeaderRow, first, [&](uint32_t row) {
    const auto it = rows.find(row);
    return it == rows.end() ? std::nullopt : std::optional<uint32_t>(it->second);
  });
}

// The output's own sheets for this result, in order (before the carried ones).
std::vector<std::string> output_names(const AnalyzeResult& result, text::DigitStyle digits) {
  const std::set<std::string> none;
  const output::SheetInputs inputs{*result.analysis, result.model, result.plan ? &*result.plan : nullptr,
                                   result.findings, none, digits};
  std::vector<std::string> names;
  for (const auto& sheet : output::output_sheets())
    if (output::applies(sheet, inputs)) names.emplace_back(sheet.name);
  return names;
}

// The findings sheet is written last, in its place among the result sheets:
// carrying the input's sheets over finds cells cut at Excel's tallest row,
// and those findings are listed with the rest (and in result.findings).
void write_output(const xlsx::Workbook& input, AnalyzeResult& result, const fs::path& target,
                  std::vector<std::string>& sheets, text::DigitStyle digits, const std::string& tmpdir,
                  const std::string& file_label) {
  output::CarryOverOptions carry;
  carry.skip = generated;
  carry.highlight = output::highlights_from(result.findings);
  carry.notes = output::notes_from(result.findings);
  carry.agency = &result.model.agency;
  carry.digits = digits;  // the carried sheets' page footers follow the report's digits
  // Findings link to the carried sheets that kept their names; a renamed
  // one is named by its own finding (sheet-renamed).
  const auto carried = output::carried_names(input, carry, output_names(result, digits));
  std::set<std::string> linked;
  for (const auto& [from, to] : carried)
    if (from == to) linked.insert(from);

  write_atomically(target, [&](const fs::path& tmp) {
    xlsx::WriterOptions wo;
    wo.tmpdir = tmpdir;
    wo.title = "ผลการวิเคราะห์ ITA " + result.analysis->agency.name;
    wo.subject = "Integrity and Transparency Assessment " +
                 std::to_string(result.analysis->agency.assessment_year);
    xlsx::WorkbookWriter out(tmp, wo);
    const output::SheetInputs inputs{*result.analysis, result.model,
                                     result.plan ? &*result.plan : nullptr, result.findings, linked, digits};
    sheets = output::write_output_sheets(out, inputs, {output::kFindingsSheet});
    carry_measure_columns(input, result, out);
    const auto copied = output::carry_over(input, out, carry);
    for (auto& f : output::too_tall_findings(copied, file_label)) result.findings.add(std::move(f));
    output::write_output_sheet(out, inputs, output::kFindingsSheet);
    out.close();
  });
  for (const auto& [from, to] : carried) sheets.push_back(to);
}

}  // namespace

bool is_generated_sheet(std::string_view name) {
  return output::is_generated_sheet(name);
}

namespace {

// Where the output goes; refuses one that is the input file itself.
fs::path output_path(const AnalyzeOptions& options, const std::string& workbook_path) {
  const fs::path input = options.input.empty() ? utf8_path(workbook_path) : options.input;
  const fs::path output = options.output ? *options.output : default_output(input);
  if (options.write && !options.input.empty() && same_file(options.input, output))
    throw usage_error("ไฟล์ผลลัพธ์ต้องไม่ใช่ไฟล์ต้นฉบับ (ไม่เขียนทับข้อมูลเดิม): " + output.string(),
                      "the output must not be the input file (it is never overwritten): " + output.string());
  return output;
}

}  // namespace

AnalyzeResult analyze(const Resources& resources, const AnalyzeOptions& options) {
  // A bad output or --as-of stops before the file is read.
  output_path(options, options.input.string());
  as_of_date(options.as_of);
  const xlsx::Workbook workbook = xlsx::Workbook::open(options.input.string(), options.limits);
  return analyze(resources, workbook, options);
}

AnalyzeResult analyze(const Resources& resources, const xlsx::Workbook& workbook, const AnalyzeOptions& options) {
  AnalyzeResult result;
  const fs::path output = output_path(options, workbook.path());
  CheckOptions co;
  co.as_of = as_of_date(options.as_of);
  co.file_label = options.file_label.value_or(options.input.empty() ? workbook.path() : options.input.string());
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
    const auto names = output::carried_names(workbook, carry, output_names(result, options.digits));
    for (auto& f : output::renamed(names, co.file_label)) result.findings.add(std::move(f));
    if (const auto extra = measure_columns(workbook, result))
      result.findings.add(output::extra_columns_finding(*extra, output::kMeasuresSheet, co.file_label));
    write_output(workbook, result, output, result.sheets, options.digits, options.writer_tmpdir, co.file_label);
    result.output = output;
  }
  spdlog::info("analyze: {} -> {}", co.file_label, result.output.string());
  return result;
}

}  // namespace itawb::app

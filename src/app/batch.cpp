#include "app/batch.hpp"

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "app/batch_inputs.hpp"
#include "app/batch_runner.hpp"
#include "app/check.hpp"
#include "base/error.hpp"
#include "base/files.hpp"
#include "text/fold.hpp"
#include "xlsx/writer.hpp"

namespace itawb::app {
namespace fs = std::filesystem;
using batch::Group;
using batch::Outcome;
using batch::Task;

const char* to_string(BatchInput::Status s) {
  switch (s) {
    case BatchInput::Status::Analysed: return "analysed";
    case BatchInput::Status::Refused: return "refused";
    case BatchInput::Status::Skipped: return "skipped";
  }
  return "refused";
}

int BatchResult::exit_code() const {
  if (summary_error) return 2;
  if (!refused.empty()) return 1;
  for (const auto& r : analysed)
    if (r.errors) return 1;
  return 0;
}

BatchResult run_batch(const Resources& resources, const BatchOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (options.inputs.empty())
    throw usage_error("ไม่ได้ระบุไฟล์หรือโฟลเดอร์ที่จะประมวลผล", "no input files or folders");
  const calendar::Date as_of = as_of_date(options.as_of);  // a bad --as-of stops before any work
  BatchOptions opts = options;
  opts.as_of = as_of.iso();  // one date for the whole run, even past midnight

  std::vector<Task> tasks = batch::find_inputs(opts);
  const std::vector<Group> groups = batch::group_outputs(tasks, opts.output_dir);
  std::set<fs::path> input_files;
  for (const auto& t : tasks) {
    std::error_code ec;
    input_files.insert(fs::absolute(t.file, ec).lexically_normal());
  }
  const fs::path summary_file = opts.output_dir / utf8_path(kBatchSummaryName);
  {
    std::error_code ec;
    if (input_files.count(fs::absolute(summary_file, ec).lexically_normal()))
      throw usage_error("ไฟล์สรุปผลจะเขียนทับไฟล์ต้นฉบับ: " + summary_file.string() + " กรุณาใช้โฟลเดอร์ผลลัพธ์อื่น",
                        "the summary would overwrite an input: " + summary_file.string() + "; choose another output folder");
  }
  // Each unit of work: a group of tasks with one output name, or a task
  // refused before it is read.
  std::vector<Group> units = groups;
  for (size_t i = 0; i < tasks.size(); ++i)
    if (!tasks[i].refused.empty()) units.push_back({{}, {}, {i}});

  std::error_code made;
  fs::create_directories(opts.output_dir, made);
  if (made || !fs::is_directory(opts.output_dir))
    throw Error("output-folder",
                "สร้างโฟลเดอร์ผลลัพธ์ไม่ได้: " + opts.output_dir.string() + (made ? " (" + made.message() + ")" : ""),
                "cannot create the output folder " + opts.output_dir.string() +
                    (made ? " (" + made.message() + ")" : ""),
                opts.output_dir.string());
  // What runs killed before their end left (temporary files, extracted
  // workbooks) is removed; a running batch's are not.
  const size_t stale = remove_stale_temporaries(opts.output_dir, /*recursive=*/true);
  if (stale) spdlog::info("batch: removed {} temporaries of earlier runs", stale);
  unsigned jobs = opts.jobs ? opts.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(jobs, units.size())));
  std::vector<Outcome> outcomes =
      batch::run_tasks(resources, opts, tasks, std::move(units), std::move(input_files), jobs);

  BatchResult result;
  result.inputs = tasks.size();
  std::set<const model::Framework*> frameworks;
  for (size_t i = 0; i < tasks.size(); ++i) {
    BatchInput input;
    input.path = tasks[i].label;
    if (const auto& row = outcomes[i].row) {
      input.status = outcomes[i].kept ? BatchInput::Status::Skipped : BatchInput::Status::Analysed;
      input.output = row->output;
      input.written = outcomes[i].written;
      input.errors = row->errors;
      input.warnings = row->warnings;
    } else {
      input.reason = outcomes[i].refused;
    }
    result.files.push_back(std::move(input));
    if (outcomes[i].row) {
      result.analysed.push_back(std::move(*outcomes[i].row));
      if (outcomes[i].framework) frameworks.insert(outcomes[i].framework);
    } else {
      result.refused.push_back({tasks[i].label, outcomes[i].refused});
    }
  }
  std::vector<std::vector<std::string>> keys;
  for (const auto& r : result.analysed) keys.push_back({r.province, r.agency, r.file});
  std::vector<output::BatchRow> sorted;
  for (size_t i : text::thai_order(std::move(keys))) sorted.push_back(std::move(result.analysed[i]));
  result.analysed = std::move(sorted);
  std::stable_sort(result.refused.begin(), result.refused.end(),
            [](const auto& a, const auto& b) { return a.file < b.file; });

  output::BatchSummary summary;
  summary.rows = result.analysed;
  summary.refused = result.refused;
  summary.levels = output::level_names(frameworks);
  summary.inputs = result.inputs;
  summary.as_of = calendar::format_thai_date(as_of);
  result.summary = summary_file;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  try {
    write_atomically(result.summary, [&](const fs::path& file) {
      xlsx::WriterOptions wo;
      wo.title = "สรุปผลการประเมิน ITA";
      xlsx::WorkbookWriter wb(file, wo);
      output::write_batch_summary(wb, summary);
      wb.close();
    });
  } catch (const Error& e) {  // the account of the inputs is still given (--json)
    result.summary_error = e;
    result.summary.clear();
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

std::string to_json(const BatchResult& r, int indent) {
  nlohmann::json refused = nlohmann::json::array(), with_errors = nlohmann::json::array();
  for (const auto& x : r.refused) refused.push_back({{"path", x.file}, {"reason", x.reason}});
  for (const auto& x : r.analysed)
    if (x.errors) with_errors.push_back({{"path", x.file}, {"errors", x.errors}});
  nlohmann::json files = nlohmann::json::array();
  for (const auto& x : r.files) {
    const bool refused = x.status == BatchInput::Status::Refused;
    const auto or_null = [&](const auto& v) { return refused ? nlohmann::json() : nlohmann::json(v); };
    files.push_back({{"path", x.path},
                     {"status", to_string(x.status)},
                     {"output", x.output.empty() ? nlohmann::json() : nlohmann::json(x.output)},
                     {"written", x.written},
                     {"errors", or_null(x.errors)},
                     {"warnings", or_null(x.warnings)},
                     {"reason", refused ? nlohmann::json(x.reason) : nlohmann::json()}});
  }
  const nlohmann::json doc = {{"inputs", r.inputs},
                              {"analysed", r.analysed.size()},
                              {"refused", refused},
                              {"with_errors", with_errors},
                              {"files", files},
                              {"summary", r.summary_error ? nlohmann::json() : nlohmann::json(r.summary.string())},
                              {"seconds", text::round_to(r.seconds, 2)}};
  nlohmann::json out = doc;
  if (r.summary_error)
    out["summary_error"] = {{"code", r.summary_error->code()},
                            {"th", r.summary_error->message_th()},
                            {"en", r.summary_error->message_en()}};
  return out.dump(indent);
}

}  // namespace itawb::app

#include "app/batch.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "app/analyze.hpp"
#include "app/check.hpp"
#include "base/error.hpp"
#include "base/files.hpp"
#include "output/style.hpp"
#include "text/fold.hpp"
#include "xlsx/writer.hpp"
#include "xlsx/zip_archive.hpp"

namespace itawb::app {
namespace fs = std::filesystem;

namespace {

// The reader's limits for one agency workbook in a batch: an agency's
// workbook is tens of kilobytes, so a file far beyond these is refused
// rather than allowed to take the memory every other thread needs.
xlsx::Limits file_limits() {
  return {.max_entry_bytes = 256ull << 20,
          .max_total_bytes = 512ull << 20,
          .max_cells_per_sheet = 2'000'000,
          .max_shared_strings = 2'000'000};
}

// A .zip of workbooks: each entry within the limits of one file; the archive
// as a whole may hold a nation's workbooks.
xlsx::Limits archive_limits() {
  xlsx::Limits l = file_limits();
  l.max_total_bytes = ~uint64_t{0};
  return l;
}

// One input: a workbook on disk or an entry of a zip.
struct Task {
  fs::path file;                  // the workbook, or the zip holding it
  std::optional<uint64_t> entry;  // the zip entry
  std::string label;              // the input as the user knows it
  fs::path output;
  std::string refused;            // set when refused before it is read (a broken zip)
};

// What became of a task.
struct Outcome {
  std::optional<output::BatchRow> row;
  std::string refused;
  const model::Framework* framework = nullptr;
};

std::string lower_ext(const fs::path& p) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return e;
}

// Files a folder or a zip offers as workbooks: spreadsheets by their
// extension (an .xls or .ods is an input, refused with its reason). Other
// files (PDFs, scans, documents) are not inputs. Hidden files and Office's
// lock files (~$name.xlsx) are skipped.
bool is_spreadsheet_name(const fs::path& p) {
  static const std::set<std::string> kinds{".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".xltx"};
  const std::string name = p.filename().string();
  if (name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0) return false;
  return kinds.count(lower_ext(p)) > 0;
}

bool inside(const fs::path& file, const fs::path& dir) {
  const fs::path f = fs::weakly_canonical(file), d = fs::weakly_canonical(dir);
  auto fi = f.begin();
  for (auto di = d.begin(); di != d.end(); ++di, ++fi)
    if (fi == f.end() || *fi != *di) return false;
  return true;
}

// A zip entry's path made safe under the output folder: no root, no "..".
fs::path safe_relative(const std::string& name) {
  fs::path out;
  for (const auto& part : utf8_path(name).relative_path())
    if (part != ".." && part != "." && !part.empty()) out /= part;
  return out;
}

class Planner {
 public:
  Planner(const BatchOptions& options) : options_(options) {}

  std::vector<Task> plan() {
    for (const auto& input : options_.inputs) {
      std::error_code ec;
      const auto status = fs::status(input, ec);
      if (!fs::exists(status))
        throw usage_error("ไม่พบไฟล์หรือโฟลเดอร์: " + input.string(), "no such file or folder: " + input.string());
      if (fs::is_directory(status))
        add_folder(input);
      else if (lower_ext(input) == ".zip")
        add_zip(input, input.stem());
      else
        add_file(input, input.filename());
    }
    return std::move(tasks_);
  }

 private:
  void add_folder(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::path& p = it->path();
      if (it->is_directory() && (p.filename().string().rfind('.', 0) == 0 || inside(p, options_.output_dir))) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      const fs::path rel = f.lexically_relative(dir);
      if (lower_ext(f) == ".zip")
        add_zip(f, rel.parent_path() / f.stem());
      else if (is_spreadsheet_name(f))
        add_file(f, rel);
    }
  }

  void add_file(const fs::path& file, const fs::path& rel) {
    Task t;
    t.file = file;
    t.label = file.string();
    t.output = output_for(rel);
    tasks_.push_back(std::move(t));
  }

  void add_zip(const fs::path& zip, const fs::path& rel_dir) {
    try {
      xlsx::ZipArchive archive(zip.string(), archive_limits());
      for (uint64_t i = 0; i < archive.entry_count(); ++i) {
        const std::string name = archive.decoded_name(i);
        if (name.empty() || name.back() == '/' || name.rfind("__MACOSX/", 0) == 0) continue;
        const fs::path rel = safe_relative(name);
        if (!is_spreadsheet_name(rel)) continue;
        Task t;
        t.file = zip;
        t.entry = i;
        t.label = zip.string() + "/" + name;
        t.output = output_for(rel_dir / rel);
        tasks_.push_back(std::move(t));
      }
    } catch (const Error& e) {
      Task t;
      t.file = zip;
      t.label = zip.string();
      t.refused = e.message(options_.lang);
      tasks_.push_back(std::move(t));
    }
  }

  // OUTDIR/<folders of the input>/<name>-itawb.xlsx, made unique.
  fs::path output_for(const fs::path& rel) {
    const fs::path dir = options_.output_dir / rel.parent_path();
    fs::path out = dir / utf8_path(utf8_string(rel.stem()) + "-itawb.xlsx");
    for (int n = 2; !outputs_.insert(out.lexically_normal().string()).second; ++n)
      out = dir / utf8_path(utf8_string(rel.stem()) + "-itawb (" + std::to_string(n) + ").xlsx");
    return out;
  }

  const BatchOptions& options_;
  std::vector<Task> tasks_;
  std::set<std::string> outputs_;
};

// The issue whose lowest question is the lowest of all, as a clerk reads it.
std::string lowest_issue(const ita::Analysis& a) {
  const ita::IssueResult* worst = nullptr;
  for (const auto& issue : a.issues)
    if (!issue.lowest.empty() && (!worst || issue.lowest.front().score < worst->lowest.front().score)) worst = &issue;
  if (!worst) return "";
  const auto& q = worst->lowest.front();
  return "ประเด็นที่ " + text::thai_digits(std::to_string(worst->number)) + " " + worst->name_th + " (" +
         output::display_code(q.code) + " " + text::thai_digits(text::format_fixed(q.score, 2)) + ")";
}

output::BatchRow row_of(const AnalyzeResult& r, const Resources& resources, const Task& task) {
  output::BatchRow row;
  const ita::Analysis& a = *r.analysis;
  const model::Agency& agency = r.model.agency;
  row.file = task.label;
  row.output = r.output.empty() ? "" : r.output.string();
  row.province = agency.province;
  row.district = agency.district;
  row.agency = agency.name;
  row.type = agency.type;
  if (row.type.empty())
    if (const auto* type = resources.departments.agency_type(agency.name)) row.type = type->short_name;
  auto tool = [&](model::Tool t) -> std::optional<double> {
    const auto it = a.scores.tools.find(t);
    return it == a.scores.tools.end() ? std::nullopt : it->second.score;
  };
  row.iit = tool(model::Tool::IIT);
  row.eit = tool(model::Tool::EIT);
  row.oit = tool(model::Tool::OIT);
  row.total = a.scores.overall.score;
  row.previous = a.scores.overall.previous;
  row.change = a.scores.overall.change;
  if (row.total) row.level = a.scores.level;
  row.lowest_issue = lowest_issue(a);
  row.urgent = static_cast<int>(std::count_if(a.deficiencies.begin(), a.deficiencies.end(),
                                              [](const auto& d) { return d.category == ita::Category::Urgent; }));
  if (r.plan) {
    row.measures = static_cast<int>(r.plan->measures.size());
    if (r.plan->overall.total > 0) row.completion = r.plan->overall.percent;
  }
  row.errors = static_cast<int>(r.findings.error_count());
  row.warnings = static_cast<int>(r.findings.warning_count());
  return row;
}

// The reason a workbook with no framework is not analysed: its first error.
std::string no_analysis_reason(const AnalyzeResult& r, const std::string& lang) {
  for (const auto& f : r.findings.items())
    if (f.severity == Severity::Error) return lang == "en" ? f.message_en : f.message_th;
  return lang == "en" ? "no framework fits the workbook (assessment year?)"
                      : "ไม่มีเกณฑ์การประเมินที่ตรงกับแบบฟอร์ม (ปีที่ประเมิน?)";
}

bool up_to_date(const fs::path& output, const fs::path& input) {
  std::error_code ec1, ec2;
  const auto out_time = fs::last_write_time(output, ec1);
  const auto in_time = fs::last_write_time(input, ec2);
  return !ec1 && !ec2 && out_time > in_time;
}

// A zip entry copied to a file of its own for the reader (removed after).
class Extracted {
 public:
  Extracted(const xlsx::ZipArchive& archive, uint64_t entry, const fs::path& path) : path_(path) {
    std::unique_ptr<FILE, int (*)(FILE*)> f(open_file(path, "wb"), &std::fclose);
    if (!f)
      throw Error("write-failed", "เขียนไฟล์ชั่วคราวไม่ได้: " + path.string(),
                  "cannot write a temporary file: " + path.string());
    archive.stream(entry, [&](const char* data, size_t n) { std::fwrite(data, 1, n, f.get()); });
  }
  ~Extracted() {
    std::error_code ec;
    fs::remove(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

class Runner {
 public:
  Runner(const Resources& resources, const BatchOptions& options, std::vector<Task>& tasks, const fs::path& tmp)
      : resources_(resources), options_(options), tasks_(tasks), tmp_(tmp), outcomes_(tasks.size()) {}

  std::vector<Outcome> run(unsigned jobs) {
    start_ = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    for (unsigned i = 0; i < jobs; ++i) pool.emplace_back([this, i] { work(i); });
    for (auto& t : pool) t.join();
    return std::move(outcomes_);
  }

 private:
  void work(unsigned worker) {
    // This worker's open archives: a zip's central directory is read once
    // per thread, not once per entry (libzip handles are not shared).
    std::map<fs::path, std::unique_ptr<xlsx::ZipArchive>> archives;
    for (size_t i = next_++; i < tasks_.size(); i = next_++) {
      outcomes_[i] = one(tasks_[i], worker, archives);
      if (!outcomes_[i].refused.empty())
        spdlog::info("batch: refused {}: {}", tasks_[i].label, outcomes_[i].refused);
      report();
    }
  }

  Outcome one(const Task& task, unsigned worker, std::map<fs::path, std::unique_ptr<xlsx::ZipArchive>>& archives) {
    Outcome out;
    if (!task.refused.empty()) {
      out.refused = task.refused;
      return out;
    }
    try {
      AnalyzeOptions o;
      o.output = task.output;
      o.as_of = options_.as_of;
      o.lang = options_.lang;
      o.digits = options_.digits;
      o.file_label = task.label;
      o.limits = file_limits();
      o.write = !options_.summary_only && !(options_.resume && up_to_date(task.output, task.file));
      std::optional<Extracted> extracted;
      if (task.entry) {
        auto& archive = archives[task.file];
        if (!archive) archive = std::make_unique<xlsx::ZipArchive>(task.file.string(), archive_limits());
        extracted.emplace(*archive, *task.entry, tmp_ / ("worker-" + std::to_string(worker) + ".xlsx"));
        o.input = extracted->path();
      } else {
        o.input = task.file;
      }
      AnalyzeResult r = analyze(resources_, o);
      if (!r.analysis) {
        out.refused = no_analysis_reason(r, options_.lang);
        return out;
      }
      out.row = row_of(r, resources_, task);
      if (!o.write && !options_.summary_only) out.row->output = task.output.string();  // kept: up to date
      out.framework = r.analysis->framework;
    } catch (const Error& e) {
      out.refused = options_.lang == "en" ? e.message_en() : e.message_th();
    } catch (const std::exception& e) {  // a bug or a library's failure: this file only
      out.refused = std::string("internal error: ") + e.what();
    }
    return out;
  }

  void report() {
    std::lock_guard<std::mutex> lock(progress_mutex_);
    ++done_;
    if (!options_.on_progress) return;
    BatchProgress p;
    p.done = done_;
    p.total = tasks_.size();
    p.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    options_.on_progress(p);
  }

  const Resources& resources_;
  const BatchOptions& options_;
  std::vector<Task>& tasks_;
  fs::path tmp_;
  std::vector<Outcome> outcomes_;
  std::atomic<size_t> next_{0};
  std::mutex progress_mutex_;
  size_t done_ = 0;
  std::chrono::steady_clock::time_point start_;
};

// The level names of the frameworks used, best first (the newest year's
// order, then any other year's names not in it).
std::vector<std::string> levels_of(const std::set<const model::Framework*>& used) {
  std::vector<const model::Framework*> frameworks(used.begin(), used.end());
  std::sort(frameworks.begin(), frameworks.end(),
            [](const auto* a, const auto* b) { return a->year > b->year; });
  std::vector<std::string> levels;
  for (const auto* f : frameworks)
    for (const auto& band : f->levels)
      if (std::find(levels.begin(), levels.end(), band.name_th) == levels.end()) levels.push_back(band.name_th);
  return levels;
}

}  // namespace

int BatchResult::exit_code() const {
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

  std::vector<Task> tasks = Planner(opts).plan();
  fs::create_directories(opts.output_dir);
  // The zip entries being read, one file per worker at a time.
  const fs::path tmp = opts.output_dir / (".itawb-batch-" + std::to_string(::getpid()));
  fs::create_directories(tmp);
  unsigned jobs = opts.jobs ? opts.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(jobs, tasks.size())));
  std::vector<Outcome> outcomes;
  try {
    outcomes = Runner(resources, opts, tasks, tmp).run(jobs);
  } catch (...) {
    std::error_code ec;
    fs::remove_all(tmp, ec);
    throw;
  }
  std::error_code ec;
  fs::remove_all(tmp, ec);

  BatchResult result;
  result.inputs = tasks.size();
  std::set<const model::Framework*> frameworks;
  for (size_t i = 0; i < tasks.size(); ++i) {
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
  std::sort(result.refused.begin(), result.refused.end(),
            [](const auto& a, const auto& b) { return a.file < b.file; });

  output::BatchSummary summary;
  summary.rows = result.analysed;
  summary.refused = result.refused;
  summary.levels = levels_of(frameworks);
  summary.inputs = result.inputs;
  summary.as_of = calendar::format_thai_date(as_of);
  result.summary = opts.output_dir / utf8_path(kBatchSummaryName);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  write_atomically(result.summary, [&](const fs::path& file) {
    xlsx::WriterOptions wo;
    wo.title = "สรุปผลการประเมิน ITA";
    xlsx::WorkbookWriter wb(file, wo);
    output::write_batch_summary(wb, summary);
    wb.close();
  });
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

std::string to_json(const BatchResult& r, int indent) {
  nlohmann::json refused = nlohmann::json::array(), with_errors = nlohmann::json::array();
  for (const auto& x : r.refused) refused.push_back({{"path", x.file}, {"reason", x.reason}});
  for (const auto& x : r.analysed)
    if (x.errors) with_errors.push_back({{"path", x.file}, {"errors", x.errors}});
  const nlohmann::json doc = {{"inputs", r.inputs},
                              {"analysed", r.analysed.size()},
                              {"refused", refused},
                              {"with_errors", with_errors},
                              {"summary", r.summary.string()},
                              {"seconds", text::round_to(r.seconds, 2)}};
  return doc.dump(indent);
}

}  // namespace itawb::app

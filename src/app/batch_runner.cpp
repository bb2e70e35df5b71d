#include "app/batch_runner.hpp"

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include <spdlog/spdlog.h>

#include "app/analyze.hpp"
#include "base/error.hpp"
#include "base/files.hpp"
#include "xlsx/zip_archive.hpp"

namespace itawb::app::batch {
namespace fs = std::filesystem;

namespace {

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

class Runner {
 public:
  Runner(const Resources& resources, const BatchOptions& options, const std::vector<Task>& tasks,
         std::vector<Group> units, std::set<fs::path> input_files)
      : resources_(resources), options_(options), tasks_(tasks), units_(std::move(units)),
        input_files_(std::move(input_files)), outcomes_(tasks.size()) {}

  std::vector<Outcome> run(unsigned jobs) {
    start_ = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    for (unsigned i = 0; i < jobs; ++i) pool.emplace_back([this] { work(); });
    for (auto& t : pool) t.join();
    return std::move(outcomes_);
  }

 private:
  void work() {
    // This worker's open archives: a zip's central directory is read once
    // per thread, not once per entry (libzip handles are not shared).
    std::map<fs::path, std::unique_ptr<xlsx::ZipArchive>> archives;
    for (size_t u = next_++; u < units_.size(); u = next_++) {
      // The group's outputs are numbered in plan order among those written.
      int written = 0;
      for (const size_t i : units_[u].tasks) {
        outcomes_[i] = one(tasks_[i], units_[u], written + 1, archives);
        if (outcomes_[i].row) ++written;
        if (!outcomes_[i].refused.empty())
          spdlog::info("batch: refused {}: {}", tasks_[i].label, outcomes_[i].refused);
        report();
      }
    }
  }

  // The n-th name of the group that is not an input's own name.
  fs::path output_for(const Group& g, int n) const {
    for (;; ++n) {
      const fs::path out = numbered_output(g, n);
      std::error_code ec;
      if (!input_files_.count(fs::absolute(out, ec).lexically_normal())) return out;
    }
  }

  Outcome one(const Task& task, const Group& group, int number,
              std::map<fs::path, std::unique_ptr<xlsx::ZipArchive>>& archives) {
    Outcome out;
    if (!task.refused.empty()) {
      out.refused = task.refused;
      return out;
    }
    const auto reason = [&](const Error& e) { return options_.lang == "en" ? e.message_en() : e.message_th(); };
    try {
      const fs::path output = output_for(group, number);
      AnalyzeOptions o;
      o.output = output;
      o.as_of = options_.as_of;
      o.digits = options_.digits;
      o.file_label = task.label;
      o.write = !options_.summary_only && !(options_.resume && up_to_date(output, task.file));
      // A zip's entry is read into memory and opened from there: no file
      // of its own is written.
      std::optional<xlsx::Workbook> workbook;
      if (task.entry) {
        auto& archive = archives[task.file];
        if (!archive) archive = std::make_unique<xlsx::ZipArchive>(task.file.string(), archive_limits(options_.large_files));
        workbook.emplace(xlsx::Workbook::open_bytes(archive->read_all(*task.entry), task.label, file_limits(options_.large_files)));
      } else {
        o.input = task.file;
        workbook.emplace(xlsx::Workbook::open(task.file.string(), file_limits(options_.large_files)));
      }
      AnalyzeResult r = analyze(resources_, *workbook, o);
      if (!r.analysis) {
        out.refused = no_analysis_reason(r, options_.lang);
        return out;
      }
      out.row = output::batch_row(*r.analysis, r.model, r.plan ? &*r.plan : nullptr, r.findings,
                                  resources_.departments, task.label, r.output.empty() ? "" : r.output.string());
      out.written = !r.output.empty();
      out.kept = !o.write && !options_.summary_only;
      if (out.kept) out.row->output = output.string();  // kept: up to date
      out.framework = r.analysis->framework;
    } catch (const Error& e) {
      out.refused = reason(e);
    } catch (const fs::filesystem_error& e) {  // the file vanished, a link loops, permission denied
      out.refused = reason(file_system_error(task.file, e.code()));
    } catch (const std::exception& e) {  // a bug or a library's failure: this file only
      out.refused = reason(Error("internal", std::string("ข้อผิดพลาดภายในโปรแกรม: ") + e.what(),
                                 std::string("internal error: ") + e.what()));
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
  const std::vector<Task>& tasks_;
  std::vector<Group> units_;
  std::set<fs::path> input_files_;  // absolute: an output never takes an input's name
  std::vector<Outcome> outcomes_;
  std::atomic<size_t> next_{0};
  std::mutex progress_mutex_;
  size_t done_ = 0;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace

std::vector<Outcome> run_tasks(const Resources& resources, const BatchOptions& options, const std::vector<Task>& tasks,
                               std::vector<Group> units, std::set<fs::path> input_files, unsigned jobs) {
  // A broken framework file stops the run here, once, not in every agency
  // of its year (the catalog parses a year on first use).
  resources.frameworks.check_all();
  return Runner(resources, options, tasks, std::move(units), std::move(input_files)).run(jobs);
}

}  // namespace itawb::app::batch

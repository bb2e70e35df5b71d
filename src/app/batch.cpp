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
// rather than allowed to take the memory every other thread needs. With
// --large-files (`large`), parts up to 256 MiB, 512 MiB in all.
xlsx::Limits file_limits(bool large) {
  xlsx::Limits l;
  if (large) {
    l = xlsx::Limits::large();
    l.max_entry_bytes = 256ull << 20;
    l.max_total_bytes = 512ull << 20;
  }
  l.max_cells_per_sheet = 2'000'000;
  l.max_shared_strings = 2'000'000;
  return l;
}

// A .zip of workbooks: each entry within the limits of one file; the archive
// as a whole may hold a nation's workbooks.
xlsx::Limits archive_limits(bool large) {
  xlsx::Limits l = file_limits(large);
  l.max_total_bytes = ~uint64_t{0};
  return l;
}

// One input: a workbook on disk or an entry of a zip.
struct Task {
  fs::path file;                  // the workbook, or the zip holding it
  std::optional<uint64_t> entry;  // the zip entry
  std::string label;              // the input as the user knows it
  fs::path rel;                   // where its output goes under the output folder, as the input's name
  std::string refused;            // set when refused before it is read (a broken zip, a looping link)
};

// Tasks whose outputs would have the same name: one worker takes them in
// order, and only those written take a name, so " (2)" appears only when two
// written outputs would collide.
struct Group {
  fs::path dir;                   // the output's folder
  std::string stem;               // the input's name without extension
  std::vector<size_t> tasks;      // indexes, in plan order
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

bool is_spreadsheet_ext(const fs::path& p) {
  static const std::set<std::string> kinds{".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".xltx"};
  return kinds.count(lower_ext(p)) > 0;
}

bool hidden(const std::string& name) { return !name.empty() && name[0] == '.'; }

// The reasons an input is refused before it is read, in both languages.
Error hidden_file(const std::string& label) {
  return Error("hidden-file",
               "ชื่อไฟล์ขึ้นต้นด้วยจุด (ไฟล์ซ่อน เช่น ไฟล์ ._ ที่ macOS สร้าง) จึงไม่ได้อ่าน "
               "หากเป็นแบบฟอร์มจริงให้เปลี่ยนชื่อไฟล์",
               "a hidden file (its name begins with a dot, like the ._ files macOS makes), not read; "
               "rename it if it is a workbook",
               label);
}
Error lock_file(const std::string& label) {
  return Error("lock-file",
               "เป็นไฟล์ล็อกที่ Excel สร้างขณะมีผู้เปิดแบบฟอร์มค้างไว้ (~$) ไม่ใช่แบบฟอร์ม",
               "an Excel lock file (~$), made while someone has the workbook open; not a workbook", label);
}
Error nested_zip(const std::string& label) {
  return Error("nested-zip", "เป็นไฟล์ .zip ที่ซ้อนอยู่ในไฟล์ .zip อีกชั้น จึงไม่ได้เปิด กรุณาแตกไฟล์ออกมาก่อน",
               "a .zip inside a .zip, not opened; extract it first", label);
}
Error folder_link(const std::string& label) {
  return Error("folder-link",
               "เป็นลิงก์ไปยังโฟลเดอร์ ซึ่งไม่ได้ตามเข้าไป (ป้องกันการวนซ้ำ) กรุณาระบุโฟลเดอร์นั้นโดยตรง",
               "a link to a folder, not followed (it could loop); give the folder itself", label);
}
Error not_a_file(const std::string& label) {
  return Error("not-a-file", "ไม่ใช่ไฟล์ธรรมดา (เช่น pipe หรือ device) จึงไม่ได้อ่าน",
               "not a regular file (a pipe or a device), not read", label);
}

// `inner` is `outer` or inside it (compared as absolute paths, links resolved
// where they exist).
bool inside(const fs::path& inner, const fs::path& outer) {
  std::error_code e1, e2;
  fs::path f = fs::weakly_canonical(fs::absolute(inner, e1), e1), d = fs::weakly_canonical(fs::absolute(outer, e2), e2);
  if (e1 || e2) return false;
  if (!d.empty() && d.filename().empty()) d = d.parent_path();  // "dir/" as "dir"
  auto fi = f.begin();
  for (auto di = d.begin(); di != d.end(); ++di, ++fi)
    if (fi == f.end() || *fi != *di) return false;
  return true;
}

// A zip entry's path made safe under the output folder: no root, no "..",
// each name within the file system's 255 bytes.
fs::path safe_relative(const std::string& name) {
  fs::path out;
  for (const auto& part : utf8_path(name).relative_path())
    if (part != ".." && part != "." && !part.empty())
      out /= utf8_path(fit_file_name(utf8_string(part.stem()), utf8_string(part.extension())));
  return out;
}

class Planner {
 public:
  Planner(const BatchOptions& options) : options_(options) {}

  std::vector<Task> plan() {
    // The output folder may not be, or be inside, an input folder: an
    // output written there could take an input's name, and the next run
    // would read the outputs back as agencies.
    for (const auto& input : options_.inputs) {
      std::error_code ec;
      if (fs::is_directory(input, ec) && inside(options_.output_dir, input))
        throw usage_error("โฟลเดอร์ผลลัพธ์ " + options_.output_dir.string() + " เป็นโฟลเดอร์เดียวกับหรืออยู่ในโฟลเดอร์ต้นฉบับ " +
                              input.string() + " ซึ่งจะทำให้เขียนทับหรืออ่านผลลัพธ์ซ้ำเป็นแบบฟอร์ม กรุณาใช้โฟลเดอร์ที่อยู่นอกโฟลเดอร์ต้นฉบับ เช่น -o ../ผลการวิเคราะห์",
                          "the output folder " + options_.output_dir.string() + " is, or is inside, the input folder " +
                              input.string() + ", where outputs could overwrite inputs and be read back as agencies; "
                              "choose a folder outside it, e.g. -o ../results");
    }
    for (const auto& input : options_.inputs) {
      std::error_code ec;
      const auto link = fs::symlink_status(input, ec);
      if (ec || !fs::exists(link))
        throw usage_error("ไม่พบไฟล์หรือโฟลเดอร์: " + input.string(), "no such file or folder: " + input.string());
      const auto status = fs::status(input, ec);
      if (ec || !fs::exists(status))  // a looping or dangling link named on the command line
        refuse(input.string(), file_system_error(input, ec ? ec : std::make_error_code(std::errc::no_such_file_or_directory)));
      else if (fs::is_directory(status))
        add_folder(input);
      else if (lower_ext(input) == ".zip")
        add_zip(input, input.stem());
      else
        add_file(input, input.filename());
    }
    return std::move(tasks_);
  }

 private:
  void refuse(const std::string& label, const Error& why, const fs::path& file = {}) {
    Task t;
    t.file = file.empty() ? utf8_path(label) : file;
    t.label = label;
    t.refused = options_.lang == "en" ? why.message_en() : why.message_th();
    tasks_.push_back(std::move(t));
  }

  // A file (or a link to one) found in a folder; `problem` when it cannot be
  // used as it is.
  struct Found {
    fs::path path;
    std::optional<Error> problem;
  };

  // Every entry of the folder and its sub-folders, without throwing: what
  // cannot be looked at is found with its problem. Hidden folders (".git",
  // our temporaries) are not entered; links to folders are not followed.
  void walk(const fs::path& dir, std::vector<Found>& found) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
      found.push_back({dir, file_system_error(dir, ec)});
      return;
    }
    for (; it != end; it.increment(ec)) {
      const fs::path p = it->path();
      const std::string name = utf8_string(p.filename());
      std::error_code kind;
      const auto link = it->symlink_status(kind);
      if (kind) {
        found.push_back({p, file_system_error(p, kind)});
        continue;
      }
      if (fs::is_symlink(link)) {
        const auto target = fs::status(p, kind);
        if (kind || !fs::exists(target)) {
          if (!hidden(name))
            found.push_back({p, file_system_error(p, kind ? kind : std::make_error_code(std::errc::no_such_file_or_directory))});
        } else if (fs::is_directory(target)) {
          if (!hidden(name)) found.push_back({p, folder_link(utf8_string(p))});
        } else if (fs::is_regular_file(target)) {
          found.push_back({p, std::nullopt});
        } else if (is_spreadsheet_ext(p)) {
          found.push_back({p, not_a_file(utf8_string(p))});
        }
      } else if (fs::is_directory(link)) {
        if (!hidden(name)) walk(p, found);
      } else if (fs::is_regular_file(link)) {
        found.push_back({p, std::nullopt});
      } else if (is_spreadsheet_ext(p)) {
        found.push_back({p, not_a_file(utf8_string(p))});
      }
    }
    if (ec) found.push_back({dir, file_system_error(dir, ec)});  // the listing broke off
  }

  void add_folder(const fs::path& dir) {
    std::vector<Found> found;
    walk(dir, found);
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.path < b.path; });
    for (const auto& f : found) {
      const std::string label = f.path.string();
      const std::string name = utf8_string(f.path.filename());
      const bool zip = lower_ext(f.path) == ".zip";
      if (f.problem)
        refuse(label, *f.problem, f.path);
      else if (!zip && !is_spreadsheet_ext(f.path))
        continue;  // PDFs, scans, documents: not inputs
      else if (hidden(name))
        refuse(label, hidden_file(label), f.path);
      else if (name.rfind("~$", 0) == 0)
        refuse(label, lock_file(label), f.path);
      else if (zip)
        add_zip(f.path, f.path.lexically_relative(dir).parent_path() / f.path.stem());
      else
        add_file(f.path, f.path.lexically_relative(dir));
    }
  }

  void add_file(const fs::path& file, const fs::path& rel) {
    Task t;
    t.file = file;
    t.label = file.string();
    t.rel = rel;
    tasks_.push_back(std::move(t));
  }

  // Entries of a zip: workbooks are inputs; hidden entries, lock files and
  // zips inside are refused with their reason; folders, other files and
  // macOS's __MACOSX/ copies of resource forks are not inputs.
  void add_zip(const fs::path& zip, const fs::path& rel_dir) {
    try {
      xlsx::ZipArchive archive(zip.string(), archive_limits(options_.large_files));
      for (uint64_t i = 0; i < archive.entry_count(); ++i) {
        const std::string name = archive.decoded_name(i);
        if (name.empty() || name.back() == '/' || name.rfind("__MACOSX/", 0) == 0) continue;
        const fs::path rel = safe_relative(name);
        const std::string label = zip.string() + "/" + name;
        const bool inner_zip = lower_ext(rel) == ".zip";
        if (!inner_zip && !is_spreadsheet_ext(rel)) continue;
        bool hidden_part = false;
        for (const auto& part : rel) hidden_part = hidden_part || hidden(utf8_string(part));
        if (hidden_part) {
          refuse(label, hidden_file(label), zip);
        } else if (utf8_string(rel.filename()).rfind("~$", 0) == 0) {
          refuse(label, lock_file(label), zip);
        } else if (inner_zip) {
          refuse(label, nested_zip(label), zip);
        } else {
          Task t;
          t.file = zip;
          t.entry = i;
          t.label = label;
          t.rel = rel_dir / rel;
          tasks_.push_back(std::move(t));
        }
      }
    } catch (const Error& e) {
      refuse(zip.string(), e, zip);
    } catch (const fs::filesystem_error& e) {
      refuse(zip.string(), file_system_error(zip, e.code()), zip);
    }
  }

  const BatchOptions& options_;
  std::vector<Task> tasks_;
};

// The output's name for the n-th written workbook of a group (n from 1):
// OUTDIR/<folders of the input>/<name>-itawb.xlsx, then "<name>-itawb (2).xlsx".
fs::path numbered_output(const Group& g, int n) {
  const std::string suffix = n <= 1 ? "-itawb.xlsx" : "-itawb (" + std::to_string(n) + ").xlsx";
  return g.dir / utf8_path(fit_file_name(g.stem, suffix));
}

// The tasks grouped by the output they would have; tasks refused before
// they are read have no group.
std::vector<Group> group_outputs(const std::vector<Task>& tasks, const fs::path& output_dir) {
  std::vector<Group> groups;
  std::map<std::string, size_t> by_name;
  for (size_t i = 0; i < tasks.size(); ++i) {
    if (!tasks[i].refused.empty()) continue;
    Group g;
    g.dir = output_dir / tasks[i].rel.parent_path();
    g.stem = utf8_string(tasks[i].rel.stem());
    const std::string key = numbered_output(g, 1).lexically_normal().string();
    const auto [it, fresh] = by_name.emplace(key, groups.size());
    if (fresh) groups.push_back(std::move(g));
    groups[it->second].tasks.push_back(i);
  }
  return groups;
}

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
    try {
      extract(archive, entry, path);
    } catch (...) {
      std::error_code ec;
      fs::remove(path_, ec);
      throw;
    }
  }
  void extract(const xlsx::ZipArchive& archive, uint64_t entry, const fs::path& path) {
    std::unique_ptr<FILE, int (*)(FILE*)> f(open_file(path, "wb"), &std::fclose);
    if (!f)
      throw Error("write-failed", "แตกไฟล์จาก .zip ลงโฟลเดอร์ผลลัพธ์ไม่ได้: " + path.parent_path().parent_path().string(),
                  "cannot extract the workbook from the .zip into the output folder " +
                      path.parent_path().parent_path().string());
    bool short_write = false;
    archive.stream(entry, [&](const char* data, size_t n) {
      if (!short_write && std::fwrite(data, 1, n, f.get()) != n) short_write = true;
    });
    if (short_write || std::fflush(f.get()) != 0)
      throw Error("write-failed", "แตกไฟล์จาก .zip ไม่ครบ (ดิสก์เต็ม?): " + path.parent_path().parent_path().string(),
                  "cannot extract the whole workbook from the .zip (disk full?) into " +
                      path.parent_path().parent_path().string());
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
  Runner(const Resources& resources, const BatchOptions& options, std::vector<Task>& tasks,
         std::vector<Group> units, std::set<fs::path> input_files, const fs::path& tmp)
      : resources_(resources), options_(options), tasks_(tasks), units_(std::move(units)),
        input_files_(std::move(input_files)), tmp_(tmp), outcomes_(tasks.size()) {}

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
    for (size_t u = next_++; u < units_.size(); u = next_++) {
      // The group's outputs are numbered in plan order among those written.
      int written = 0;
      for (const size_t i : units_[u].tasks) {
        outcomes_[i] = one(tasks_[i], units_[u], written + 1, worker, archives);
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

  Outcome one(const Task& task, const Group& group, int number, unsigned worker,
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
      o.lang = options_.lang;
      o.digits = options_.digits;
      o.file_label = task.label;
      o.limits = file_limits(options_.large_files);
      o.write = !options_.summary_only && !(options_.resume && up_to_date(output, task.file));
      std::optional<Extracted> extracted;
      if (task.entry) {
        auto& archive = archives[task.file];
        if (!archive) archive = std::make_unique<xlsx::ZipArchive>(task.file.string(), archive_limits(options_.large_files));
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
      if (!o.write && !options_.summary_only) out.row->output = output.string();  // kept: up to date
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
  std::vector<Task>& tasks_;
  std::vector<Group> units_;
  std::set<fs::path> input_files_;  // absolute: an output never takes an input's name
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

  std::vector<Task> tasks = Planner(opts).plan();
  const std::vector<Group> groups = group_outputs(tasks, opts.output_dir);
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
  // The zip entries being read, one file per worker at a time.
  const fs::path tmp = opts.output_dir / (".itawb-batch-" + std::to_string(::getpid()));
  fs::create_directories(tmp, made);
  if (made) throw file_system_error(tmp.parent_path(), made);
  unsigned jobs = opts.jobs ? opts.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(jobs, units.size())));
  std::vector<Outcome> outcomes;
  try {
    outcomes = Runner(resources, opts, tasks, std::move(units), std::move(input_files), tmp).run(jobs);
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
  std::stable_sort(result.refused.begin(), result.refused.end(),
            [](const auto& a, const auto& b) { return a.file < b.file; });

  output::BatchSummary summary;
  summary.rows = result.analysed;
  summary.refused = result.refused;
  summary.levels = levels_of(frameworks);
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
  const nlohmann::json doc = {{"inputs", r.inputs},
                              {"analysed", r.analysed.size()},
                              {"refused", refused},
                              {"with_errors", with_errors},
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

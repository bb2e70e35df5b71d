#include "app/batch_inputs.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "base/error.hpp"
#include "base/files.hpp"
#include "xlsx/zip_archive.hpp"

namespace itawb::app::batch {
namespace fs = std::filesystem;

namespace {

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

}  // namespace

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

xlsx::Limits archive_limits(bool large) {
  xlsx::Limits l = file_limits(large);
  l.max_total_bytes = ~uint64_t{0};
  return l;
}

std::vector<Task> find_inputs(const BatchOptions& options) { return Planner(options).plan(); }

std::filesystem::path numbered_output(const Group& g, int n) {
  const std::string suffix = n <= 1 ? "-itawb.xlsx" : "-itawb (" + std::to_string(n) + ").xlsx";
  return g.dir / utf8_path(fit_file_name(g.stem, suffix));
}

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

}  // namespace itawb::app::batch

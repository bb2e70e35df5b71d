// itawb split: one workbook per department (see plan/exchange.hpp).
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <memory>
#include <set>

#include <nlohmann/json.hpp>

#include "base/files.hpp"
#include "app/exchange_files.hpp"
#include "app/master.hpp"
#include "xlsx/sheet_states.hpp"
#include "exchange/hash.hpp"
#include "output/department_workbook.hpp"

namespace itawb::app {
namespace fs = std::filesystem;
namespace {

exchange::SplitIdentity identity_for(const Master& master, const SplitRequest& request, const std::string& dept,
                                 const std::vector<const plan::PlannedMeasure*>& measures) {
  const auto& model = master.checked.model;
  exchange::SplitIdentity id;
  id.source_name = request.input.filename().string();
  id.source_checksum = exchange::measures_table_hash(model.measures);
  id.agency = model.agency.name;
  id.plan_year = master.plan.plan_year_be;
  id.department = dept;
  id.split_time = request.split_time;
  for (const auto* m : measures) id.measures.emplace_back(plan::measure_key(m->input.id), exchange::measure_hash(m->input));
  exchange::seal(id);
  return id;
}

exchange::DepartmentPacket packet_for(const Master& master, const RawRows& raw, const SplitRequest& request,
                                  const std::string& dept, SplitFile& summary) {
  const auto& model = master.checked.model;
  std::vector<const plan::PlannedMeasure*> mine;
  for (const auto& m : master.plan.measures)
    if (!m.duplicate_id && std::count(m.departments.begin(), m.departments.end(), dept)) mine.push_back(&m);

  exchange::DepartmentPacket packet;
  packet.measures_schema = master.schemas->sheet("measures");
  packet.progress_schema = master.schemas->sheet("progress");
  packet.identity = identity_for(master, request, dept, mine);
  packet.status_choices = status_choices();
  packet.current_quarter = master.plan.as_of.quarter;
  packet.digits = request.digits;
  for (const auto* m : mine) {
    std::vector<int> quarters = m->timeframe.ok() ? plan::quarter_list(m->timeframe.quarters) : std::vector<int>{};
    packet.measures.push_back({m->input, quarters, m->departments});
    // The department's own rows, then an empty row for each planned quarter
    // (every quarter when the timeframe was not readable) it has not reported.
    std::set<int> reported;
    std::vector<exchange::PacketRow> rows;
    for (const size_t i : m->progress) {
      if (master.departments_of_progress[i] != dept) continue;
      exchange::PacketRow row{model.progress[i], m->input.measure};
      row.progress.measure_id = m->input.id;
      // An invalid status is not in the model: read it as written.
      std::string written = row.progress.status;
      if (written.empty()) {
        const auto raw_row = raw.find(model.progress[i].origin.row);
        if (raw_row != raw.end() && raw_row->second.count("status")) written = raw_row->second.at("status").text;
      }
      const std::string canonical = canonical_status(*master.plan.statuses, written);
      row.progress.status = canonical.empty() ? written : canonical;
      reported.insert(row.progress.quarter);
      rows.push_back(std::move(row));
      ++summary.prefilled_rows;
    }
    for (const int q : quarters.empty() ? std::vector<int>{1, 2, 3, 4} : quarters) {
      if (reported.count(q)) continue;
      exchange::PacketRow row;
      row.progress.measure_id = m->input.id;
      row.progress.quarter = q;
      row.measure_text = m->input.measure;
      rows.push_back(std::move(row));
      ++summary.empty_rows;
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return a.progress.quarter < b.progress.quarter;
    });
    for (auto& r : rows) packet.rows.push_back(std::move(r));
  }
  summary.measures = mine.size();
  return packet;
}

// What split wrote in a folder: each department file's name and the SHA-256
// of the bytes written, in a hidden file beside them. A file whose bytes
// differ from what split wrote (filled in by a department, or not written by
// split at all) is never overwritten.
constexpr const char* kSplitRecord = ".itawb-split.json";

std::map<std::string, std::string> read_record(const fs::path& dir) {
  std::map<std::string, std::string> out;
  const auto bytes = read_file(dir / kSplitRecord);
  if (!bytes) return out;
  const auto doc = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object() || !doc.contains("files") || !doc["files"].is_object()) return out;
  for (const auto& [name, hash] : doc["files"].items())
    if (hash.is_string()) out[name] = hash.get<std::string>();
  return out;
}

void write_record(const fs::path& dir, const std::map<std::string, std::string>& written) {
  nlohmann::json files = nlohmann::json::object();
  for (const auto& [name, hash] : written) files[name] = hash;
  const std::string text = nlohmann::json{{"files", files}}.dump(1) + "\n";
  write_atomically(dir / kSplitRecord, [&](const fs::path& tmp) {
    std::unique_ptr<FILE, int (*)(FILE*)> f(open_file(tmp, "wb"), &std::fclose);
    if (!f || std::fwrite(text.data(), 1, text.size(), f.get()) != text.size() || std::fflush(f.get()) != 0)
      throw file_system_error(dir / kSplitRecord, std::error_code(errno ? errno : EIO, std::generic_category()));
  });
}

// True when `file` may be written: absent, or holding exactly what split
// wrote there last.
bool ours_or_free(const fs::path& file, const std::map<std::string, std::string>& written) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(file, ec))) return true;
  const auto it = written.find(utf8_string(file.filename()));
  if (it == written.end()) return false;
  const auto bytes = read_file(file);
  return bytes && exchange::sha256_hex(*bytes) == it->second;
}

}  // namespace

std::string utc_now_iso() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

SplitReport split_workbook(const Resources& resources, const SplitRequest& request) {
  Master master = load_master(resources, request.input, request.as_of);
  const auto& model = master.checked.model;
  if (model.measures.empty())
    throw usage_error("ไม่มีมาตรการในแผ่นงาน มาตรการ จึงไม่มีอะไรให้แยก",
                     "the workbook has no measures to split");
  std::error_code ec;
  fs::create_directories(request.out_dir, ec);
  if (!fs::is_directory(request.out_dir))
    throw usage_error("สร้างโฟลเดอร์ผลลัพธ์ไม่ได้: " + request.out_dir.string(),
                     "cannot create the output folder " + request.out_dir.string());

  remove_stale_temporaries(request.out_dir, /*recursive=*/false);  // left by killed runs

  SplitReport report;
  report.agency = model.agency.name;
  report.plan_year = master.plan.plan_year_be;
  report.findings = master.checked.findings;  // what validate says of the master
  const RawRows raw = read_raw_progress(master);
  std::set<std::string> used_names;
  std::map<std::string, std::string> written = read_record(request.out_dir);
  for (const auto& tally : master.plan.departments) {
    if (tally.measure_ids.empty()) continue;
    SplitFile summary;
    summary.department = tally.department;
    // Two long names may shorten to the same file name: number the later ones.
    const std::string base = exchange::department_file_name(tally.department);
    std::string name = base;
    for (int n = 2; used_names.count(name); ++n)
      name = base.substr(0, base.size() - 5) + "-" + std::to_string(n) + ".xlsx";
    used_names.insert(name);
    summary.file = request.out_dir / utf8_path(name);
    if (same_file(summary.file, request.input))
      throw usage_error("ไฟล์ผลลัพธ์ทับไฟล์ต้นฉบับ: " + summary.file.string(),
                       "an output would overwrite the input: " + summary.file.string());
    // A department's file changed since the last split is kept as it is:
    // this one is written beside it as "NAME (2).xlsx" (or the next free).
    if (!ours_or_free(summary.file, written)) {
      summary.kept = summary.file;
      const std::string stem = name.substr(0, name.size() - 5);
      for (int n = 2;; ++n) {
        const std::string other = fit_file_name(stem, " (" + std::to_string(n) + ").xlsx");
        if (used_names.count(other) || same_file(request.out_dir / utf8_path(other), request.input)) continue;
        if (ours_or_free(request.out_dir / utf8_path(other), written)) {
          used_names.insert(other);
          summary.file = request.out_dir / utf8_path(other);
          break;
        }
      }
    }
    const exchange::DepartmentPacket packet = packet_for(master, raw, request, tally.department, summary);
    if (packet.measures.empty()) continue;
    std::string hash;
    write_atomically(summary.file, [&](const fs::path& tmp) {
      output::write_department_workbook(packet, tmp);
      xlsx::make_sheet_very_hidden(tmp, exchange::kIdentitySheet);
      const auto bytes = read_file(tmp);
      if (bytes) hash = exchange::sha256_hex(*bytes);
    });
    written[utf8_string(summary.file.filename())] = hash;
    write_record(request.out_dir, written);
    report.files.push_back(std::move(summary));
  }
  return report;
}

}  // namespace itawb::app

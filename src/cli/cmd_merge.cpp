// itawb merge MASTER RETURNED... -o OUT.xlsx: the departments' progress
// merged into the master; what was not merged is listed, never resolved.
#include <iostream>
#include <map>

#include "cli/commands.hpp"
#include "app/exchange_files.hpp"

namespace itawb::cli {
namespace {

// When the program started: an output another merge writes after this is
// not overwritten (app::MergeRequest::started).
const std::filesystem::file_time_type kStarted = std::filesystem::file_time_type::clock::now();

struct MergeArgs {
  std::string master, output;
  std::vector<std::string> returns;
};

void print_summary(const app::MergeReport& report, bool en) {
  const auto& r = report.result;
  std::cout << (en ? "merged rows: " : "รวมแล้ว: ") << r.rows_merged << (en ? "" : " แถว") << "\n";
  std::cout << (en ? "not merged: " : "ไม่ได้รวม: ") << r.not_merged.size() << (en ? "" : " แถว") << "\n";
  std::map<exchange::NotMergedReason, size_t> by_reason;
  for (const auto& nm : r.not_merged) ++by_reason[nm.reason];
  for (const auto& [reason, n] : by_reason)
    std::cout << "  " << exchange::to_string(reason) << ": " << n << " ("
              << (en ? exchange::reason_en(reason) : exchange::reason_th(reason)) << ")\n";
  for (const auto& f : r.rejected_files)
    std::cout << "  " << f.file << ": " << exchange::to_string(f.reason) << " ("
              << (en ? exchange::reason_en(f.reason) : exchange::reason_th(f.reason)) << ")\n";
  // Rows merged with something to check (a blank or unreadable status).
  if (!r.warnings.empty())
    std::cout << (en ? "merged with a warning: " : "รวมแล้วแต่ต้องตรวจ: ") << r.warnings.size()
              << (en ? "" : " แถว") << "\n";
  for (size_t i = 0; i < r.warnings.size() && i < 10; ++i) {
    const auto& w = r.warnings[i];
    std::cout << "  " << w.row.file << ": " << (en ? w.message_en : w.message_th) << "\n";
  }
  std::cout << (en ? "written: " : "บันทึกแล้ว: ") << report.output.string() << "\n";
  // What validate and analyze will say of the merged workbook: its errors.
  int shown = 0;
  for (const auto& f : report.findings.items()) {
    if (f.severity != Severity::Error || ++shown > 10) continue;
    std::cout << "  " << f.location() << ": " << (en ? f.message_en : f.message_th) << "\n";
  }
}

int run_merge(const MergeArgs& args, const GlobalOptions& global) {
  const bool en = global.lang == "en";
  app::MergeRequest request;
  request.master = utf8_path(args.master);
  request.output = utf8_path(args.output);
  request.started = kStarted;
  for (const auto& r : args.returns) request.returns.push_back(utf8_path(r));
  const app::MergeReport report = app::merge_workbooks(global.resources(), request);
  print_summary(report, en);
  return report.result.clean() && !report.findings.has_errors() ? kExitOk : kExitInvalid;
}

}  // namespace

Runner add_merge(CLI::App& app, const GlobalOptions& global) {
  auto* sub = app.add_subcommand(
      "merge", "รวมความก้าวหน้าที่ส่วนราชการส่งคืน / merge the departments' returned progress into the master");
  auto args = std::make_shared<MergeArgs>();
  sub->add_option("MASTER", args->master, "แบบฟอร์มหลัก / the master workbook")->required()->check(existing_file());
  sub->add_option("RETURNED", args->returns, "ไฟล์ที่ส่งคืน / returned workbooks")->required()->check(existing_file());
  sub->add_option("-o,--output", args->output, "ไฟล์ผลลัพธ์ / output workbook")->required();
  return [args, &global] { return run_merge(*args, global); };
}

}  // namespace itawb::cli

// itawb batch INPUT... -o OUTDIR [--jobs N] [--as-of DATE] [--summary-only] [--json] [--resume]
// All work is in app/batch; this prints the progress and the account of the
// inputs, and maps the outcome to exit codes: 0 all analysed without errors,
// 1 some refused or with errors, 2 a request that cannot be carried out or a
// summary that could not be written (docs/rules.md, "Batch and split").
#include <cstdlib>  // defines __GLIBC__ where it is glibc
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

#include "app/batch.hpp"
#include "cli/commands.hpp"
#include "text/thai.hpp"

namespace itawb::cli {
namespace {

struct BatchArgs {
  std::vector<std::string> inputs;
  std::string output;
  unsigned jobs = 0;
  std::string as_of;
  bool summary_only = false;
  bool json = false;
  bool resume = false;
  bool large_files = false;
  std::string digits = "thai";
};

std::string clock_text(double seconds) {
  const long s = std::lround(seconds);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

// done/total, files per second and the time left: one line rewritten on a
// terminal, a plain line every 5% (and at the end) otherwise.
std::function<void(const app::BatchProgress&)> progress_printer(bool en) {
  const bool tty = ::isatty(STDERR_FILENO) == 1;
  auto last_step = std::make_shared<size_t>(0);
  return [tty, en, last_step](const app::BatchProgress& p) {
    const double rate = p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0;
    const double left = rate > 0 ? static_cast<double>(p.total - p.done) / rate : 0;
    char line[160];
    std::snprintf(line, sizeof line, en ? "%zu/%zu files, %.1f files/s, %s left" : "%zu/%zu ไฟล์ %.1f ไฟล์/วินาที เหลือ %s",
                  p.done, p.total, rate, clock_text(left).c_str());
    if (tty) {
      // Redraw at most ~10 times a second's worth of files, and at the end.
      const size_t every = std::max<size_t>(1, static_cast<size_t>(rate / 10));
      if (p.done % every == 0 || p.done == p.total) std::cerr << "\r\033[K" << line << std::flush;
      if (p.done == p.total) std::cerr << "\r\033[K";
      return;
    }
    const size_t step = p.total ? p.done * 20 / p.total : 20;
    if (step != *last_step || p.done == p.total) {
      *last_step = step;
      std::cerr << line << "\n";
    }
  };
}

int run(const BatchArgs& args, const GlobalOptions& global) {
  const bool en = global.lang == "en";
  // Each workbook written frees zlib's and libxlsxwriter's buffers; glibc
  // would hand that memory back to the kernel after every file (madvise and
  // a TLB flush on every core, a third of the run on a small VM). Keep up to
  // 64 MiB per arena instead: the peak memory barely moves.
#ifdef __GLIBC__
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
  app::BatchOptions options;
  for (const auto& in : args.inputs) options.inputs.push_back(utf8_path(in));
  options.output_dir = utf8_path(args.output);
  options.jobs = args.jobs;
  if (!args.as_of.empty()) options.as_of = args.as_of;
  options.summary_only = args.summary_only;
  options.resume = args.resume;
  options.large_files = args.large_files;
  options.lang = global.lang;
  options.digits = text::digit_style_from(args.digits).value_or(text::DigitStyle::Thai);
  if (global.verbosity >= 0) options.on_progress = progress_printer(en);

  const app::BatchResult r = app::run_batch(global.resources(), options);
  if (args.json) std::cout << app::to_json(r) << "\n";
  if (global.verbosity >= 0) {
    size_t with_errors = 0;
    for (const auto& row : r.analysed)
      if (row.errors) ++with_errors;
    char line[400];
    std::snprintf(line, sizeof line,
                  en ? "%zu inputs = %zu analysed (%zu with errors) + %zu refused, %.1f s (%.1f files/s)"
                     : "ไฟล์ %zu = วิเคราะห์แล้ว %zu (มีข้อผิดพลาด %zu) + อ่านไม่ได้ %zu ใช้เวลา %.1f วินาที (%.1f ไฟล์/วินาที)",
                  r.inputs, r.analysed.size(), with_errors, r.refused.size(), r.seconds,
                  r.seconds > 0 ? static_cast<double>(r.inputs) / r.seconds : 0.0);
    std::cerr << line << "\n";
    for (const auto& x : r.refused) std::cerr << "  " << x.file << ": " << x.reason << "\n";
    if (!r.summary_error) std::cerr << (en ? "summary: " : "สรุปผลที่: ") << r.summary.string() << "\n";
  }
  if (r.summary_error) {
    std::cerr << r.summary_error->message(global.lang) << "\n";
    return kExitUnreadable;
  }
  return r.exit_code() == 0 ? kExitOk : kExitInvalid;
}

}  // namespace

Runner add_batch(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<BatchArgs>();
  auto* sub = app.add_subcommand(
      "batch", "วิเคราะห์แบบฟอร์มหลายหน่วยงานพร้อมกัน และสรุปผลรวม / analyse many agencies into one summary");
  sub->add_option("inputs", args->inputs,
                  "แบบฟอร์ม โฟลเดอร์ หรือไฟล์ .zip / workbooks, folders (searched recursively) or .zip files")
      ->required();
  sub->add_option("-o,--output", args->output, "โฟลเดอร์สำหรับผลลัพธ์ / output folder")->required();
  sub->add_option("-j,--jobs", args->jobs, "จำนวนเธรด (ค่าเริ่มต้น: จำนวนแกน) / worker threads (default: cores)")
      ->check(CLI::Range(1u, 256u));
  sub->add_option("--as-of", args->as_of, "วันที่สำหรับติดตามความก้าวหน้า / date for progress (default today)");
  sub->add_option("--digits", args->digits,
                  "ตัวเลขในข้อความที่เขียน: thai (ค่าเริ่มต้น) หรือ arabic / digits of the written text")
      ->check(CLI::IsMember({"thai", "arabic"}));
  sub->add_flag("--summary-only", args->summary_only,
                "เขียนเฉพาะไฟล์สรุปรวม / write only the summary workbook");
  sub->add_flag("--resume", args->resume,
                "ข้ามไฟล์ผลลัพธ์ที่เขียนไว้แล้วและใหม่กว่าต้นฉบับ / keep outputs newer than their input");
  sub->add_flag("--json", args->json, "พิมพ์ผลเป็น JSON ทาง stdout / print a JSON document on stdout");
  sub->add_flag("--large-files", args->large_files,
                "ยอมรับไฟล์ใหญ่ผิดปกติ (ส่วนละไม่เกิน 256 MiB) / raise the reader's limits for unusually large genuine files");
  return [args, &global] { return run(*args, global); };
}

}  // namespace itawb::cli

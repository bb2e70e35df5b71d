// itawb split FILE --by owner -o DIR: one workbook per department.
#include <iostream>
#include <map>

#include "text/thai.hpp"
#include "base/error.hpp"
#include "cli/commands.hpp"
#include "app/check.hpp"
#include "app/exchange_files.hpp"
#include "calendar/calendar.hpp"

namespace itawb::cli {
namespace {

struct SplitArgs {
  std::string input, out_dir, by = "owner", as_of;
  std::string digits = "thai";
};

int run_split(const SplitArgs& args, const GlobalOptions& global) {
  const bool en = global.lang == "en";
  app::SplitRequest request;
  request.input = utf8_path(args.input);
  request.out_dir = utf8_path(args.out_dir);
  request.split_time = app::utc_now_iso();
  request.digits = text::digit_style_from(args.digits).value_or(text::DigitStyle::Thai);
  request.as_of = app::as_of_date(args.as_of.empty() ? std::nullopt : std::optional<std::string>(args.as_of));
  const app::SplitReport report = app::split_workbook(global.resources(), request);
  if (report.findings.has_errors())
    std::cerr << args.input << ": "
              << (en ? "warning: the workbook has " + std::to_string(report.findings.error_count()) +
                           " validation errors (run itawb validate)"
                     : "คำเตือน: แบบฟอร์มมีข้อผิดพลาด " + std::to_string(report.findings.error_count()) +
                           " รายการ (ตรวจด้วย itawb validate)")
              << "\n";
  int shown = 0;
  for (const auto& f : report.findings.items()) {
    if (f.severity != Severity::Error || ++shown > 5) continue;
    std::cerr << "  " << f.location() << ": " << (en ? f.message_en : f.message_th) << "\n";
  }
  // How owners were read decides who gets which measure: a typo read as the
  // closest department, and names that are no department, are said here.
  for (const auto& f : report.findings.items())
    if (f.code == "owner-corrected" || f.code == "owner-unknown")
      std::cerr << "  " << f.location() << ": " << (en ? f.message_en : f.message_th) << "\n";
  for (const auto& f : report.files) {
    std::cout << f.department << ": " << f.measures << (en ? " measures, " : " มาตรการ, ") << f.prefilled_rows
              << (en ? " progress rows, " : " แถวที่รายงานแล้ว, ") << f.empty_rows
              << (en ? " rows to fill" : " แถวรอกรอก") << " -> " << f.file.string() << "\n";
    if (!f.kept.empty())
      std::cout << "  " << f.kept.string()
                << (en ? " was changed since it was split (filled in?): not overwritten; the new copy is "
                       : " ถูกแก้ไขหลังการแยกครั้งก่อน (อาจกรอกข้อมูลแล้ว) จึงไม่เขียนทับ ไฟล์ใหม่คือ ")
                << f.file.string() << "\n";
  }
  std::cout << (en ? "split into " : "แยกเป็น ") << report.files.size() << (en ? " workbooks" : " ไฟล์") << "\n";
  return report.findings.has_errors() ? kExitInvalid : kExitOk;  // as validate says of the master
}

}  // namespace

Runner add_split(CLI::App& app, const GlobalOptions& global) {
  auto* sub = app.add_subcommand(
      "split", "แยกมาตรการเป็นไฟล์ของแต่ละส่วนราชการ / split the measures into one workbook per department");
  auto args = std::make_shared<SplitArgs>();
  sub->add_option("FILE", args->input, "แบบฟอร์มหลัก / the master workbook")->required()->check(existing_file());
  sub->add_option("--by", args->by, "แยกตาม / split by (owner)")->check(CLI::IsMember({"owner"}));
  sub->add_option("-o,--output", args->out_dir, "โฟลเดอร์ผลลัพธ์ / output folder")->required();
  sub->add_option("--as-of", args->as_of, "วันที่อ้างอิง / as-of date (default: today)");
  sub->add_option("--digits", args->digits, "ตัวเลขในหัวเรื่อง: thai (ค่าเริ่มต้น) หรือ arabic / digits of the titles")
      ->check(CLI::IsMember({"thai", "arabic"}));
  return [args, &global] { return run_split(*args, global); };
}

}  // namespace itawb::cli

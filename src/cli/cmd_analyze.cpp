// itawb analyze IN.xlsx [-o OUT.xlsx] [--json] [--year N] [--as-of DATE] [--digits thai|arabic]
//                [--pdf [FILE.pdf]] [--pdf-sheets A,B]
// All work is in app/analyze; this maps its outcome to output and exit codes
// (an itawb::Error it throws is printed by main.cpp, exit code 2).
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "app/analyze.hpp"
#include "app/pdf.hpp"
#include "text/thai.hpp"

namespace itawb::cli {
namespace {

struct AnalyzeArgs {
  std::string input;
  std::string output;
  std::optional<int> year;
  std::string as_of;
  bool json = false;
  bool large_files = false;
  std::string digits = "thai";
  bool pdf = false;
  std::string pdf_file;    // --pdf FILE; default beside the output, .pdf
  std::string pdf_sheets;  // --pdf-sheets "A,B"
};

void print_summary(const app::AnalyzeResult& r, const GlobalOptions& global) {
  if (global.verbosity < 0 || !r.analysis) return;
  const auto& s = r.analysis->scores;
  const std::string total = s.overall.score ? text::format_fixed(*s.overall.score, 2) : "-";
  const bool en = global.lang == "en";
  std::cerr << r.analysis->agency.name << ": ";
  if (!s.overall.score)  // a measures and progress workbook: no scores to sum up
    std::cerr << (en ? "measures and progress only" : "มาตรการและความก้าวหน้าเท่านั้น") << "\n";
  else if (en)
    std::cerr << "ITA " << r.analysis->agency.assessment_year << " total " << total << " (" << s.level_en << ")\n";
  else
    std::cerr << "คะแนนรวม ITA ปี " << r.analysis->agency.assessment_year << " " << total << " ระดับ " << s.level << "\n";
  std::cerr << (en ? "written: " : "บันทึกผลที่: ") << r.output.string() << "\n";
  if (r.findings.warning_count() > 0)
    std::cerr << (global.lang == "en" ? "warnings: " : "คำเตือน: ") << r.findings.warning_count()
              << (global.lang == "en" ? " (see sheet ตรวจสอบข้อมูล)\n" : " รายการ (ดูแผ่นงาน ตรวจสอบข้อมูล)\n");
}

int run(const AnalyzeArgs& args, const GlobalOptions& global) {
  app::AnalyzeOptions options;
  options.input = utf8_path(args.input);
  if (!args.output.empty()) options.output = utf8_path(args.output);
  options.year = args.year;
  if (!args.as_of.empty()) options.as_of = args.as_of;
  if (args.large_files) options.limits = xlsx::Limits::large();
  options.digits = text::digit_style_from(args.digits).value_or(text::DigitStyle::Thai);

  const app::AnalyzeResult r = app::analyze(global.resources(), options);
  if (args.json) std::cout << app::to_json(r) << "\n";
  if (args.pdf && !r.output.empty()) {
    app::PdfOptions pdf;
    pdf.soffice = find_soffice();
    pdf.work_dir = std::filesystem::temp_directory_path();
    pdf.sheets = args.pdf_sheets.empty() ? app::default_pdf_sheets(r.sheets)
                                         : app::choose_pdf_sheets(args.pdf_sheets, r.sheets);
    std::filesystem::path file = args.pdf_file.empty() ? r.output : utf8_path(args.pdf_file);
    if (args.pdf_file.empty()) file.replace_extension(".pdf");
    app::write_pdf(r.output, file, pdf);
    if (global.verbosity >= 0) std::cerr << (global.lang == "en" ? "PDF: " : "PDF ที่: ") << file.string() << "\n";
  }
  if (r.exit_code == kExitInvalid) {
    const bool en = global.lang == "en";
    if (r.output.empty())
      std::cerr << (en ? "the workbook has errors; nothing written:\n"
                       : "แบบฟอร์มมีข้อผิดพลาด จึงยังไม่วิเคราะห์ (ไม่ได้เขียนไฟล์):\n");
    else
      std::cerr << (en ? "the workbook has errors: the cells below were left out of the figures (marked in "
                       : "แบบฟอร์มมีข้อผิดพลาด ค่าในช่องต่อไปนี้ไม่ได้นำมาคำนวณ (ทำเครื่องหมายไว้ใน ")
                << r.output.string() << "):\n";
    std::cerr << app::findings_table(r.findings, global.lang);
    return r.exit_code;
  }
  if (global.verbosity > 0 && !r.findings.empty())
    std::cerr << app::findings_table(r.findings, global.lang);
  print_summary(r, global);
  return kExitOk;
}

}  // namespace

Runner add_analyze(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<AnalyzeArgs>();
  auto* sub = app.add_subcommand(
      "analyze", "วิเคราะห์ผลการประเมิน ITA และเขียนแผ่นงานผลลัพธ์ / analyse ITA results into a workbook");
  sub->add_option("input", args->input, "แบบฟอร์มของหน่วยงาน (.xlsx .xls .ods) / the agency workbook")->required();
  sub->add_option("-o,--output", args->output,
                  "ไฟล์ผลลัพธ์ (ค่าเริ่มต้น: ข้างไฟล์ต้นฉบับ ชื่อ -itawb.xlsx) / output workbook");
  sub->add_option("--year", args->year, "ปีเกณฑ์การประเมิน (พ.ศ.) / framework year, overrides ปีที่ประเมิน")
      ->check(CLI::Range(2500, 2700));
  sub->add_option("--as-of", args->as_of, "วันที่สำหรับติดตามความก้าวหน้า / date for progress (default today)");
  sub->add_option("--digits", args->digits,
                  "ตัวเลขในข้อความที่เขียน: thai (ค่าเริ่มต้น) หรือ arabic / digits of the written text")
      ->check(CLI::IsMember({"thai", "arabic"}));
  sub->add_option("--pdf", args->pdf_file,
                  "ทำ PDF ด้วย LibreOffice (ค่าเริ่มต้น: ชื่อเดียวกับไฟล์ผลลัพธ์ .pdf) / also print a PDF through LibreOffice")
      ->expected(0, 1);
  sub->add_option("--pdf-sheets", args->pdf_sheets,
                  "แผ่นงานที่พิมพ์ลง PDF คั่นด้วยจุลภาค (ค่าเริ่มต้น: บันทึกข้อความ ผลการวิเคราะห์ และมาตรการ) / "
                  "sheets to print, comma-separated (default: the memo, results and plan)");
  sub->add_flag("--json", args->json, "พิมพ์ผลเป็น JSON ทาง stdout / print a JSON document on stdout");
  sub->add_flag("--large-files", args->large_files, "ยอมรับไฟล์ใหญ่ผิดปกติ (ส่วนละไม่เกิน 1 GiB) / raise the reader's limits for an unusually large genuine file");
  return [args, sub, &global] {
    args->pdf = sub->count("--pdf") > 0;
    return run(*args, global);
  };
}

}  // namespace itawb::cli

// Generates a large workbook through xlsx::WorkbookWriter and reports how
// fast it was written:
//
//   gen_workbook OUT.xlsx ROWS COLS [--strings-ratio R] [--streaming] [--seed N]
//
// One sheet: a header row, then ROWS rows of COLS cells. Each data cell is a
// string with probability R (default 0.3; drawn from a pool of Thai and ASCII
// texts, so they repeat like real data and land in the shared-string table
// unless --streaming), otherwise a number (60%), a date with a "d/m/yyyy"
// format (25%) or a boolean (15%). --streaming uses libxlsxwriter's
// constant_memory mode (which writes inline strings instead of shared ones).
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "bench_common.hpp"
#include "xlsx/writer.hpp"

namespace {

using itawb::bench::Random;

struct Options {
  std::string out;
  uint32_t rows = 0, cols = 0;
  double strings_ratio = 0.3;
  bool streaming = false;
  uint64_t seed = 20240501;
};

int usage() {
  std::fprintf(stderr,
               "usage: gen_workbook OUT.xlsx ROWS COLS [--strings-ratio R] [--streaming] "
               "[--seed N]\n");
  return 2;
}

bool parse(int argc, char** argv, Options& o) {
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--streaming") {
      o.streaming = true;
    } else if (a == "--strings-ratio" && i + 1 < argc) {
      o.strings_ratio = std::strtod(argv[++i], nullptr);
    } else if (a == "--seed" && i + 1 < argc) {
      o.seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (a.rfind("--", 0) == 0) {
      return false;
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() != 3) return false;
  o.out = positional[0];
  const long rows = std::strtol(positional[1].c_str(), nullptr, 10);
  const long cols = std::strtol(positional[2].c_str(), nullptr, 10);
  // Excel's grid: 1,048,576 rows (one is the header) and 16,384 columns.
  if (rows < 1 || rows > 1'048'575 || cols < 1 || cols > 16'384) return false;
  o.rows = static_cast<uint32_t>(rows);
  o.cols = static_cast<uint32_t>(cols);
  return o.strings_ratio >= 0 && o.strings_ratio <= 1;
}

// Texts like those in agencies' plans: Thai labels with numbers, and ASCII codes.
std::vector<std::string> string_pool(Random& rng) {
  static const char* thai[] = {
      "โครงการพัฒนาระบบสารสนเทศ", "งบประมาณรายจ่ายประจำปี", "สำนักงานเขตพื้นที่การศึกษา",
      "ตัวชี้วัดความโปร่งใส",       "การเปิดเผยข้อมูลสาธารณะ", "แผนปฏิบัติราชการ",
      "กองคลัง",                   "ฝ่ายบริหารทั่วไป",         "ดำเนินการแล้วเสร็จ",
      "อยู่ระหว่างดำเนินการ"};
  static const char* ascii[] = {"ITA-", "PLAN-", "Budget item ", "Unit ", "OIT "};
  std::vector<std::string> pool;
  for (int i = 0; i < 1000; ++i) {
    if (i % 2 == 0)
      pool.push_back(std::string(thai[rng.below(std::size(thai))]) + " " + std::to_string(i));
    else
      pool.push_back(std::string(ascii[rng.below(std::size(ascii))]) + std::to_string(1000 + i));
  }
  return pool;
}

struct Styles {
  itawb::xlsx::Style plain;
  itawb::xlsx::Style header = plain.with_bold();
  itawb::xlsx::Style date = plain.with_format("d/m/yyyy");
};

void write_row(itawb::xlsx::SheetWriter& sheet, uint32_t row, const Options& o, Random& rng,
               const std::vector<std::string>& pool, const Styles& styles) {
  for (uint32_t col = 0; col < o.cols; ++col) {
    const double u = rng.uniform();
    if (u < o.strings_ratio) {
      sheet.text(row, col, pool[rng.below(pool.size())], styles.plain);
      continue;
    }
    const double v = (u - o.strings_ratio) / (1.0 - o.strings_ratio);  // [0, 1) again
    if (v < 0.60)
      sheet.number(row, col, static_cast<double>(rng.below(10'000'000)) / 100.0, styles.plain);
    else if (v < 0.85)
      sheet.date(row, col, 43831.0 + static_cast<double>(rng.below(3650)), styles.date);
    else
      sheet.boolean(row, col, rng.below(2) == 1, styles.plain);
  }
}

uint64_t generate(const Options& o) {
  Random rng(o.seed);
  const auto pool = string_pool(rng);
  const Styles styles;
  itawb::xlsx::WriterOptions wo;
  wo.streaming = o.streaming;
  itawb::xlsx::WorkbookWriter book(o.out, wo);
  auto& sheet = book.add_sheet("ข้อมูล");
  for (uint32_t col = 0; col < o.cols; ++col)
    sheet.text(0, col, "คอลัมน์ " + std::to_string(col + 1), styles.header);
  for (uint32_t row = 1; row <= o.rows; ++row) write_row(sheet, row, o, rng, pool, styles);
  book.close();
  return (static_cast<uint64_t>(o.rows) + 1) * o.cols;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!parse(argc, argv, o)) return usage();
  try {
    itawb::bench::Stopwatch watch;
    const uint64_t cells = generate(o);
    itawb::bench::print_figures(o.streaming ? "itawb-write-streaming" : "itawb-write", cells,
                                watch.seconds());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gen_workbook: %s\n", e.what());
    return 1;
  }
  return 0;
}

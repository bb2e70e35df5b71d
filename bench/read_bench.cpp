// Reads every sheet of a workbook with xlsx::Workbook and reports how fast:
//
//   read_bench FILE [--materialise]
//
// Default: streams cells with for_each_cell (memory should stay flat as files
// grow). --materialise: read_sheet builds each whole sheet in memory instead.
// Prints the counts by type (compare with bench/openpyxl_read.py) and one
// key=value line of figures for bench/run.sh.
#include <array>
#include <cstdio>
#include <exception>
#include <string>

#include "bench_common.hpp"
#include "xlsx/file_error.hpp"
#include "xlsx/reader.hpp"

namespace {

using itawb::xlsx::Cell;
using itawb::xlsx::CellType;

struct Counts {
  std::array<uint64_t, 5> by_type{};  // indexed by CellType
  uint64_t total = 0;
  void add(const Cell& c) {
    ++by_type[static_cast<size_t>(c.type)];
    ++total;
  }
};

Counts read_all(const std::string& path, bool materialise) {
  Counts counts;
  const auto book = itawb::xlsx::Workbook::open(path);
  for (size_t i = 0; i < book.sheets().size(); ++i) {
    if (book.sheets()[i].kind == itawb::xlsx::SheetKind::Chart ||
        book.sheets()[i].kind == itawb::xlsx::SheetKind::Dialog)
      continue;
    if (materialise) {
      const auto sheet = book.read_sheet(i);
      for (const Cell& c : sheet.cells) counts.add(c);
    } else {
      book.for_each_cell(i, [&](const Cell& c) { counts.add(c); });
    }
  }
  return counts;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  bool materialise = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--materialise" || a == "--materialize")
      materialise = true;
    else if (path.empty() && a.rfind("--", 0) != 0)
      path = a;
    else
      path.clear(), i = argc;  // unknown option or second file: show usage
  }
  if (path.empty()) {
    std::fprintf(stderr, "usage: read_bench FILE [--materialise]\n");
    return 2;
  }
  try {
    itawb::bench::Stopwatch watch;
    const Counts counts = read_all(path, materialise);
    const double seconds = watch.seconds();
    std::printf("types n=%llu s=%llu b=%llu e=%llu d=%llu\n",
                static_cast<unsigned long long>(counts.by_type[size_t(CellType::Number)]),
                static_cast<unsigned long long>(counts.by_type[size_t(CellType::String)]),
                static_cast<unsigned long long>(counts.by_type[size_t(CellType::Boolean)]),
                static_cast<unsigned long long>(counts.by_type[size_t(CellType::Error)]),
                static_cast<unsigned long long>(counts.by_type[size_t(CellType::Date)]));
    itawb::bench::print_figures(materialise ? "itawb-read-materialise" : "itawb-read-stream",
                                counts.total, seconds);
  } catch (const itawb::FileError& e) {
    std::fprintf(stderr, "read_bench: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "read_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}

// read_bench FILE.xlsx: streams every sheet with for_each_cell and prints
// cells/s and peak RSS.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>

#include "xlsx/reader.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: read_bench FILE.xlsx\n");
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const auto wb = itawb::xlsx::Workbook::open(argv[1]);
  uint64_t cells = 0;
  double checksum = 0;
  for (size_t i = 0; i < wb.sheets().size(); ++i)
    wb.for_each_cell(i, [&](const itawb::xlsx::Cell& c) {
      ++cells;
      checksum += c.number + static_cast<double>(c.text.size());
    });
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("%llu cells in %.3f s = %.2f M cells/s, peak RSS %.1f MiB (checksum %g)\n",
              static_cast<unsigned long long>(cells), s, cells / s / 1e6, usage.ru_maxrss / 1024.0,
              checksum);
  return 0;
}

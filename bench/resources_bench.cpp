// Issue 23, 2: what loading the resources costs (every command that reads
// a workbook pays it once). Loads them RUNS times from HOME (the folder with
// schemas/ and workbooks/catalog/) and prints the median milliseconds of
// reading the files and of building the resources from them, with every
// check (build_ms) and as itawb does, the files it was built with not
// checked against their meta-schemas again (build_checked_ms).
//
//   build-bench/bench/resources_bench [HOME] [RUNS]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/resources.hpp"
#include "bench_common.hpp"
#include "cli/bundled_resources.hpp"

int main(int argc, char** argv) {
  const std::string home = argc > 1 ? argv[1] : ".";
  const int runs = argc > 2 ? std::atoi(argv[2]) : 50;
  std::vector<double> read_ms, build_ms, checked_ms;
  for (int i = 0; i < runs; ++i) {
    itawb::bench::Stopwatch read;
    const itawb::app::ResourceFiles files = itawb::app::read_resource_files(home);
    read_ms.push_back(read.seconds() * 1e3);
    itawb::bench::Stopwatch build;
    const itawb::app::Resources resources = itawb::app::load_resources(files);
    build_ms.push_back(build.seconds() * 1e3);
    itawb::bench::Stopwatch checked;
    const itawb::app::Resources again = itawb::app::load_resources(files, &itawb::cli::bundled_resources());
    checked_ms.push_back(checked.seconds() * 1e3);
  }
  const auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  std::printf("resources runs=%d read_ms=%.3f build_ms=%.3f build_checked_ms=%.3f peak_rss_mib=%.1f\n", runs,
              median(read_ms), median(build_ms), median(checked_ms), itawb::bench::peak_rss_mib());
}

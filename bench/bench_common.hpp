// Small helpers shared by the benchmark programs (header-only, so the bench
// CMakeLists can keep building one executable per .cpp).
#pragma once

#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>

namespace itawb::bench {

// Peak resident set size of this process so far, in MiB (Linux reports
// ru_maxrss in KiB).
inline double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// User + system CPU time of this process so far: on a shared, loaded
// machine this is steadier than wall time.
inline double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return secs(usage.ru_utime) + secs(usage.ru_stime);
}

class Stopwatch {
 public:
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// One line of key=value pairs that bench/run.sh parses; keep the keys stable.
inline void print_figures(const char* what, uint64_t cells, double seconds) {
  const double rate = seconds > 0 ? static_cast<double>(cells) / seconds : 0.0;
  std::printf("%s cells=%llu seconds=%.3f cpu_seconds=%.3f cells_per_s=%.0f peak_rss_mib=%.1f\n",
              what, static_cast<unsigned long long>(cells), seconds, cpu_seconds(), rate,
              peak_rss_mib());
}

// splitmix64: deterministic, fast, good enough to mix cell types and values.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  uint64_t below(uint64_t n) { return next() % n; }

 private:
  uint64_t state_;
};

}  // namespace itawb::bench

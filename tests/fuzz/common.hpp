// Shared by the fuzz targets: what counts as a clean refusal, and the
// resources loaded once per process (not per input).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "app/resources.hpp"
#include "base/error.hpp"
#include "xlsx/reader.hpp"
#include "xlsx/sniff.hpp"

namespace itawb::fuzz {

// The repository's resources (schemas/, workbooks/catalog/), read once.
inline const app::Resources& resources() {
  static const app::Resources r = app::load_resources(ITAWB_SOURCE_DIR);
  return r;
}

// The reader's limits while fuzzing. The defaults (1 GiB a part) let a
// 4 KB input of repeated back-references inflate to megabytes of rows, and
// a few such inputs took 95 % of a campaign's time (one of 1.5 MB: 305 ms
// under ASan) while adding nothing the same structure at a tenth of the
// size does not. An agency's real sheet is under 25 KB inflated; a part
// over 256 KiB, all parts over 1 MiB, or a sheet over 50,000 cells is
// refused, and those refusals are fuzzed too. The 1 GiB and ratio limits
// themselves are pinned by tests/xlsx (bomb fixtures).
inline const xlsx::Limits& limits() {
  static const xlsx::Limits l{.max_entry_bytes = 256u << 10,
                              .max_total_bytes = 1u << 20,
                              .max_cells_per_sheet = 50'000,
                              .max_shared_strings = 50'000};
  return l;
}

// An Excel 97-2003 file (the compound file's signature): read by FreeXL,
// which fuzz_xls fuzzes on its own; the other targets leave it to it.
inline bool is_xls(const uint8_t* data, size_t size) {
  return xlsx::is_compound_file(std::string_view(reinterpret_cast<const char*>(data), size));
}

inline std::string bytes(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace itawb::fuzz

// A target's body: itawb::Error (FileError included) is the library's clean
// refusal of a hostile input; anything else escaping (std::out_of_range,
// bad_alloc, a crash, a sanitizer report) is a finding.
#define ITAWB_FUZZ_REFUSALS_OK(...) \
  try {                             \
    __VA_ARGS__                     \
  } catch (const itawb::Error&) {   \
  }

// Shared by the fuzz targets: what counts as a clean refusal, and the
// resources loaded once per process (not per input).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "app/resources.hpp"
#include "base/error.hpp"

namespace itawb::fuzz {

// The repository's resources (schemas/, workbooks/catalog/), read once.
inline const app::Resources& resources() {
  static const app::Resources r = app::load_resources(ITAWB_SOURCE_DIR);
  return r;
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

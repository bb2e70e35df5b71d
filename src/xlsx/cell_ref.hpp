// A1 references: "C7" <-> (row 6, col 2), zero-based, within Excel's grid.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace itawb::xlsx {

inline constexpr uint32_t kMaxRows = 1048576;  // rows 1..1048576
inline constexpr uint32_t kMaxCols = 16384;    // columns A..XFD

struct CellRef {
  uint32_t row = 0;  // zero-based
  uint32_t col = 0;  // zero-based
};

// "C" -> 2; nullopt beyond XFD or on bad letters.
std::optional<uint32_t> parse_column(std::string_view letters);
// 2 -> "C"
std::string column_name(uint32_t col);
// "C7" / "$C$7" -> {6, 2}; nullopt when malformed or beyond XFD1048576.
std::optional<CellRef> parse_ref(std::string_view a1);
// {6, 2} -> "C7"
std::string ref_name(uint32_t row, uint32_t col);

}  // namespace itawb::xlsx

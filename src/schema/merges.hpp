// Merged cells as people read them: a merged range's value belongs to every
// row and column it covers. A ประเด็น cell merged over five measure rows is
// the issue of all five; a header merged over two columns heads both. The
// reader only delivers the top-left cell of a merge (Excel and LibreOffice
// store the value there), so sheets read against schemas see this spread
// copy instead, and each copy remembers the merge's top-left cell so that
// findings on it name the cell the user typed into.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "xlsx/reader.hpp"

namespace itawb::schema {

struct CellPos {
  uint32_t row = 0, col = 0;  // zero-based
  bool operator==(const CellPos&) const = default;
};

class SpreadCells {
 public:
  // Every cell of `sheet`, plus a copy of each merge's top-left value in each
  // other cell the merge covers (clipped to the rows and columns that hold
  // cells; at most `max_copies` copies in all, against hostile files).
  explicit SpreadCells(const xlsx::Sheet& sheet, size_t max_copies = 1'000'000);

  // Row-major: the sheet's own cells when it has no merge, else a spread copy.
  const std::vector<xlsx::Cell>& cells() const { return spread_ ? *spread_ : *own_; }
  // The merge's top-left cell for a spread copy at (row, col), else nullopt.
  std::optional<CellPos> origin(uint32_t row, uint32_t col) const;
  // Where the value at (row, col) was typed: its merge's top-left cell, or itself.
  CellPos source(uint32_t row, uint32_t col) const;

 private:
  const std::vector<xlsx::Cell>* own_;
  std::optional<std::vector<xlsx::Cell>> spread_;
  std::unordered_map<uint64_t, CellPos> origin_;  // key: row << 32 | col
};

}  // namespace itawb::schema

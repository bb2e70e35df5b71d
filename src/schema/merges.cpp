#include "schema/merges.hpp"

#include <algorithm>

namespace itawb::schema {
namespace {

uint64_t key(uint32_t row, uint32_t col) { return static_cast<uint64_t>(row) << 32 | col; }

bool before(const xlsx::Cell& a, const xlsx::Cell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; }

}  // namespace

SpreadCells::SpreadCells(const xlsx::Sheet& sheet, size_t max_copies) : own_(&sheet.cells) {
  if (sheet.merged.empty() || sheet.cells.empty()) return;
  uint32_t last_row = 0, last_col = 0;
  for (const auto& c : sheet.cells) last_row = std::max(last_row, c.row), last_col = std::max(last_col, c.col);
  const bool sorted = std::is_sorted(sheet.cells.begin(), sheet.cells.end(), before);
  auto find = [&](uint32_t row, uint32_t col) -> const xlsx::Cell* {
    if (sorted) return sheet.at(row, col);
    auto it = std::find_if(sheet.cells.begin(), sheet.cells.end(),
                           [&](const xlsx::Cell& c) { return c.row == row && c.col == col; });
    return it == sheet.cells.end() ? nullptr : &*it;
  };
  std::vector<xlsx::Cell> copies;
  for (const auto& m : sheet.merged) {
    const xlsx::Cell* top_left = find(m.first_row, m.first_col);
    if (!top_left) continue;  // an empty merge spreads nothing
    const uint32_t rows_to = std::min(m.last_row, last_row), cols_to = std::min(m.last_col, last_col);
    for (uint32_t r = m.first_row; r <= rows_to; ++r)
      for (uint32_t c = m.first_col; c <= cols_to; ++c) {
        if (r == m.first_row && c == m.first_col) continue;
        if (copies.size() >= max_copies) continue;  // a hostile file: the rest stays unspread
        if (!origin_.emplace(key(r, c), CellPos{m.first_row, m.first_col}).second) continue;  // overlapping merges
        xlsx::Cell copy = *top_left;
        copy.row = r;
        copy.col = c;
        copies.push_back(std::move(copy));
      }
  }
  if (copies.empty()) return;
  // What the user sees in a covered cell is the merge's value: a value left
  // behind in a covered cell (some writers keep it) gives way to the copy.
  std::vector<xlsx::Cell> all;
  all.reserve(sheet.cells.size() + copies.size());
  for (const auto& c : sheet.cells)
    if (!origin_.count(key(c.row, c.col))) all.push_back(c);
  all.insert(all.end(), std::make_move_iterator(copies.begin()), std::make_move_iterator(copies.end()));
  std::sort(all.begin(), all.end(), before);
  spread_ = std::move(all);
}

std::optional<CellPos> SpreadCells::origin(uint32_t row, uint32_t col) const {
  if (origin_.empty()) return std::nullopt;
  auto it = origin_.find(key(row, col));
  if (it == origin_.end()) return std::nullopt;
  return it->second;
}

CellPos SpreadCells::source(uint32_t row, uint32_t col) const {
  if (auto o = origin(row, col)) return *o;
  return {row, col};
}

}  // namespace itawb::schema

// Internal to the schema folder: cells found by position, header labels
// found by text, and the header row they make, for reading sheets against
// schemas (table.cpp).
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "schema/schema.hpp"
#include "xlsx/reader.hpp"

namespace itawb::schema::detail {

// Finds cells by position; the reader delivers them row-major.
class CellIndex {
 public:
  explicit CellIndex(const std::vector<xlsx::Cell>& cells) : cells_(cells) {
    sorted_ = std::is_sorted(cells_.begin(), cells_.end(), before);
    if (!sorted_) {
      for (const auto& c : cells_) order_.push_back(&c);
      std::sort(order_.begin(), order_.end(), [](auto* a, auto* b) { return before(*a, *b); });
    }
  }
  const xlsx::Cell* at(uint32_t row, uint32_t col) const {
    xlsx::Cell key;
    key.row = row;
    key.col = col;
    if (sorted_) {
      auto it = std::lower_bound(cells_.begin(), cells_.end(), key, before);
      return it != cells_.end() && it->row == row && it->col == col ? &*it : nullptr;
    }
    auto it = std::lower_bound(order_.begin(), order_.end(), &key, [](auto* a, auto* b) { return before(*a, *b); });
    return it != order_.end() && (*it)->row == row && (*it)->col == col ? *it : nullptr;
  }
  // All cells, row-major.
  template <class F>
  void each(F&& f) const {
    if (sorted_)
      for (const auto& c : cells_) f(c);
    else
      for (const auto* c : order_) f(*c);
  }

 private:
  static bool before(const xlsx::Cell& a, const xlsx::Cell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  }
  const std::vector<xlsx::Cell>& cells_;
  bool sorted_ = true;
  std::vector<const xlsx::Cell*> order_;
};

// Header text -> field index; also tries the text without a trailing
// "(...)" so "คะแนน (ปี 2567)" finds คะแนน.
class LabelMap {
 public:
  explicit LabelMap(const SheetSchema& schema) {
    for (size_t i = 0; i < schema.fields.size(); ++i)
      for (const auto& label : schema.fields[i].labels()) index_.emplace(match_key(label), i);
  }
  std::optional<size_t> find(const xlsx::Cell& cell) const {
    if (cell.type != xlsx::CellType::String) return std::nullopt;
    const std::string key = match_key(cell.text);
    if (auto it = index_.find(key); it != index_.end()) return it->second;
    const auto paren = key.find('(');
    if (paren != std::string::npos && paren > 0 && key.back() == ')')
      if (auto it = index_.find(key.substr(0, paren)); it != index_.end()) return it->second;
    return std::nullopt;
  }

 private:
  std::map<std::string, size_t> index_;
};

// The row among the first header_rows naming the most fields.
inline std::optional<uint32_t> best_header_row(const CellIndex& index, const LabelMap& labels, const SheetSchema& schema) {
  std::map<uint32_t, std::vector<bool>> matched;  // row -> fields seen
  index.each([&](const xlsx::Cell& c) {
    if (c.row >= static_cast<uint32_t>(schema.header_rows)) return;
    if (auto f = labels.find(c)) {
      auto& seen = matched[c.row];
      seen.resize(schema.fields.size());
      seen[*f] = true;
    }
  });
  std::optional<uint32_t> best;
  long best_count = 0;
  for (const auto& [row, seen] : matched) {
    const long n = std::count(seen.begin(), seen.end(), true);
    if (n > best_count) best = row, best_count = n;
  }
  return best;
}

// Column per field on the header row, the leftmost winning; `repeated` is
// told of the others.
template <class OnRepeat>
void header_columns(const CellIndex& index, const LabelMap& labels, uint32_t header,
                    std::vector<std::optional<uint32_t>>& columns, OnRepeat&& repeated) {
  index.each([&](const xlsx::Cell& c) {
    if (c.row != header) return;
    auto f = labels.find(c);
    if (!f) return;  // extra column: kept in the file, ignored here
    if (columns[*f]) {
      repeated(*f, c);
      return;
    }
    columns[*f] = c.col;
  });
}

}  // namespace itawb::schema::detail

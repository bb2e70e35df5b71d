#include "xlsx/cell_ref.hpp"

namespace itawb::xlsx {

std::optional<uint32_t> parse_column(std::string_view letters) {
  if (letters.empty() || letters.size() > 3) return std::nullopt;
  uint32_t n = 0;
  for (char c : letters) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') return std::nullopt;
    n = n * 26 + static_cast<uint32_t>(c - 'A' + 1);
  }
  if (n > kMaxCols) return std::nullopt;
  return n - 1;
}

std::string column_name(uint32_t col) {
  std::string s;
  uint32_t n = col + 1;
  while (n > 0) {
    const uint32_t r = (n - 1) % 26;
    s.insert(s.begin(), static_cast<char>('A' + r));
    n = (n - 1) / 26;
  }
  return s;
}

std::optional<CellRef> parse_ref(std::string_view a1) {
  size_t i = 0;
  if (i < a1.size() && a1[i] == '$') ++i;
  const size_t letters_begin = i;
  while (i < a1.size() && ((a1[i] >= 'A' && a1[i] <= 'Z') || (a1[i] >= 'a' && a1[i] <= 'z'))) ++i;
  const auto col = parse_column(a1.substr(letters_begin, i - letters_begin));
  if (!col) return std::nullopt;
  if (i < a1.size() && a1[i] == '$') ++i;
  if (i >= a1.size() || i + 7 < a1.size()) return std::nullopt;
  uint64_t row = 0;
  for (; i < a1.size(); ++i) {
    if (a1[i] < '0' || a1[i] > '9') return std::nullopt;
    row = row * 10 + static_cast<uint64_t>(a1[i] - '0');
  }
  if (row < 1 || row > kMaxRows) return std::nullopt;
  return CellRef{static_cast<uint32_t>(row - 1), *col};
}

std::string ref_name(uint32_t row, uint32_t col) {
  return column_name(col) + std::to_string(row + 1);
}

}  // namespace itawb::xlsx

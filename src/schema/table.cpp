#include "schema/table.hpp"

#include <cmath>

#include <algorithm>
#include <map>
#include <memory>

#include "schema/checks.hpp"
#include "text/thai.hpp"
#include "xlsx/cell_ref.hpp"

namespace itawb::schema {

void FindingSink::add(Severity severity, std::string code, const std::string& sheet,
                      std::optional<uint32_t> row, std::optional<uint32_t> col, std::string value,
                      std::string message_th, std::string message_en) {
  Finding f;
  f.severity = severity;
  f.code = std::move(code);
  f.file = file;
  f.sheet = sheet;
  if (row) f.row = *row + 1;
  if (col) f.column = *col + 1;
  if (row && col) f.cell = xlsx::ref_name(*row, *col);
  f.value = std::move(value);
  f.message_th = std::move(message_th);
  f.message_en = std::move(message_en);
  findings.add(std::move(f));
}

const FieldCell* ParsedSheet::get(const ParsedRow& row, std::string_view name) const {
  const int i = schema->field_index(name);
  return i < 0 ? nullptr : &row.cells[static_cast<size_t>(i)];
}

std::optional<size_t> find_sheet(const std::vector<std::string>& sheet_names, const SheetSchema& schema) {
  for (const auto& wanted : schema.sheet_names())
    for (size_t i = 0; i < sheet_names.size(); ++i)
      if (match_key(sheet_names[i]) == match_key(wanted)) return i;
  return std::nullopt;
}

namespace {

// Finds cells by position; the reader delivers them row-major.
class CellIndex {
 public:
  explicit CellIndex(const xlsx::Sheet& sheet) : cells_(sheet.cells) {
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
std::optional<uint32_t> best_header_row(const CellIndex& index, const LabelMap& labels, const SheetSchema& schema) {
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

class Reader {
 public:
  Reader(const xlsx::Sheet& sheet, const SheetSchema& schema, FindingSink& sink, const FieldReaders* readers)
      : sheet_(sheet), schema_(schema), sink_(sink), index_(sheet), labels_(schema) {
    for (const auto& f : schema.fields) validators_.emplace_back(f, schema, readers);
    parsed_.schema = &schema;
    parsed_.sheet_name = sheet.info.name;
    parsed_.columns.resize(schema.fields.size());
  }

  ParsedSheet read() {
    if (schema_.layout == Layout::KeyValue) read_key_value();
    else read_table();
    return std::move(parsed_);
  }

 private:
  const std::string& name() const { return sheet_.info.name; }

  FieldCell validate(size_t field, const xlsx::Cell* cell, uint32_t row, uint32_t col) {
    auto result = validators_[field].validate(cell);
    for (auto& p : result.problems)
      sink_.add(schema_.fields[field].severity_of(p.code), p.code, name(), row, col, cell ? display(*cell) : "", p.message_th,
                p.message_en);
    FieldCell fc;
    fc.present = !result.value.missing();
    fc.valid = fc.present && result.valid();
    fc.value = std::move(result.value);
    fc.row = row;
    fc.col = col;
    return fc;
  }

  void missing_label(const FieldSchema& f) {
    const std::string where = schema_.layout == Layout::Table
                                  ? " (ค้นหาใน " + std::to_string(schema_.header_rows) + " แถวแรก)"
                                  : "";
    const std::string where_en = schema_.layout == Layout::Table
                                     ? " (searched the first " + std::to_string(schema_.header_rows) + " rows)"
                                     : "";
    sink_.add(f.severity_of("missing-label"), "missing-label", name(), std::nullopt, std::nullopt, "",
              "ไม่พบหัวข้อ " + quote(f.title) + " ในชีต " + name() + where,
              "label " + quote(f.title_en) + " (" + f.title + ") not found on sheet " + name() + where_en);
  }

  void duplicate_label(const FieldSchema& f, const xlsx::Cell& cell, const std::string& first) {
    sink_.add(Severity::Warning, "duplicate-label", name(), cell.row, cell.col, display(cell),
              "หัวข้อ " + quote(f.title) + " ซ้ำ ใช้ค่าที่ " + first + " และไม่ใช้ช่องนี้",
              "label " + quote(f.title_en) + " repeats; the one at " + first + " is used, this one is ignored");
  }

  // --- tables ---

  std::optional<uint32_t> find_header_row() { return best_header_row(index_, labels_, schema_); }

  void map_columns(uint32_t header) {
    header_columns(index_, labels_, header, parsed_.columns, [&](size_t f, const xlsx::Cell& c) {
      duplicate_label(schema_.fields[f], c, xlsx::ref_name(header, *parsed_.columns[f]));
    });
  }

  // Score columns headed by their year, as the documents lay them out
  // ("ผลคะแนน ๒๕๖๖ | ผลคะแนน ๒๕๖๗", or just "2566 | 2567"): when no header
  // names คะแนน / คะแนนปีก่อน, the latest year is this year's score and the
  // year before it last year's.
  // Returns true when the years were found on `header`.
  bool map_year_columns(uint32_t header) {
    const int score = schema_.field_index("score"), previous = schema_.field_index("previous");
    if (score < 0 || parsed_.columns[score]) return false;
    std::map<int, uint32_t> by_year;
    index_.each([&](const xlsx::Cell& c) {
      if (c.row != header) return;
      if (auto year = header_year(c)) by_year.emplace(*year, c.col);
    });
    if (by_year.empty()) return false;
    const auto latest = std::prev(by_year.end());
    parsed_.columns[score] = latest->second;
    if (previous >= 0 && !parsed_.columns[previous])
      if (auto it = by_year.find(latest->first - 1); it != by_year.end())
        parsed_.columns[previous] = it->second;
    return true;
  }

  // 2567 for "ผลคะแนน ปี ๒๕๖๗", "คะแนน 2567", "2567" (a number cell too).
  static std::optional<int> header_year(const xlsx::Cell& c) {
    if (c.type == xlsx::CellType::Number) {
      if (c.number >= 2500 && c.number <= 2700 && c.number == std::floor(c.number))
        return static_cast<int>(c.number);
      return std::nullopt;
    }
    if (c.type != xlsx::CellType::String) return std::nullopt;
    std::string key = match_key(c.text);
    for (const char* prefix : {"ผลคะแนน", "คะแนน", "ปีงบประมาณ", "ปี", "พ.ศ.", "พ.ศ"})
      if (key.rfind(prefix, 0) == 0) key = key.substr(std::string(prefix).size());
    if (key.size() != 4 || !std::all_of(key.begin(), key.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
      return std::nullopt;
    const int year = std::stoi(key);
    if (year < 2500 || year > 2700) return std::nullopt;
    return year;
  }

  bool row_is_blank(uint32_t row) const {
    for (size_t f = 0; f < schema_.fields.size(); ++f) {
      if (!parsed_.columns[f]) continue;
      const xlsx::Cell* c = index_.at(row, *parsed_.columns[f]);
      if (!c) continue;
      if (c->type == xlsx::CellType::String && schema_.is_missing(c->text)) continue;
      return false;
    }
    return true;
  }

  // One finding per run of blank rows inside the table.
  void blank_rows(uint32_t first, uint32_t last) {
    const std::string rows = first == last ? std::to_string(first + 1)
                                           : std::to_string(first + 1) + "–" + std::to_string(last + 1);
    std::optional<uint32_t> first_col;
    for (const auto& c : parsed_.columns)
      if (c && (!first_col || *c < *first_col)) first_col = *c;
    sink_.add(Severity::Warning, "blank-row", name(), first, first_col, "",
              "แถวที่ " + rows + " ว่าง ข้ามไป", "row " + rows + " is blank and was skipped");
  }

  void read_table() {
    const auto header = find_header_row();
    if (!header) {
      for (const auto& f : schema_.fields)
        if (f.constraints.required) missing_label(f);
      return;
    }
    parsed_.header_row = header;
    map_columns(*header);
    // Years may head the score columns on the header row or, under a merged
    // "ผลคะแนน" heading, on the row below it; that row is then header too.
    uint32_t first_data = *header + 1;
    if (!map_year_columns(*header) && map_year_columns(*header + 1)) first_data = *header + 2;
    for (size_t f = 0; f < schema_.fields.size(); ++f)
      if (!parsed_.columns[f] && schema_.fields[f].constraints.required) missing_label(schema_.fields[f]);

    uint32_t last = *header;
    index_.each([&](const xlsx::Cell& c) { last = std::max(last, c.row); });
    std::optional<uint32_t> blank_from;  // blank rows count only when data follows
    for (uint32_t row = first_data; row <= last; ++row) {
      if (row_is_blank(row)) {
        if (!blank_from) blank_from = row;
        continue;
      }
      if (blank_from) blank_rows(*blank_from, row - 1);
      blank_from.reset();
      read_row(row);
    }
    check_unique();
    check_primary_key();
  }

  void read_row(uint32_t row) {
    ParsedRow parsed;
    parsed.row = row;
    for (size_t f = 0; f < schema_.fields.size(); ++f) {
      if (!parsed_.columns[f]) {
        parsed.cells.emplace_back();
        continue;
      }
      const uint32_t col = *parsed_.columns[f];
      parsed.cells.push_back(validate(f, index_.at(row, col), row, col));
    }
    parsed_.rows.push_back(std::move(parsed));
  }

  void check_unique() {
    for (size_t f = 0; f < schema_.fields.size(); ++f) {
      const FieldSchema& field = schema_.fields[f];
      if (!field.constraints.unique) continue;
      std::map<std::string, uint32_t> first_row;
      for (const auto& row : parsed_.rows) {
        const FieldCell& c = row.cells[f];
        if (!c.valid) continue;
        auto [it, fresh] = first_row.emplace(c.value.text, row.row);
        if (fresh) continue;
        sink_.add(Severity::Error, "unique-error", name(), c.row, c.col, c.value.raw,
                  field.title + " " + c.value.text + " ซ้ำกับแถวที่ " + std::to_string(it->second + 1),
                  field.title_en + " " + c.value.text + " repeats row " + std::to_string(it->second + 1));
      }
    }
  }

  // Compound keys (or single keys not already checked as unique).
  void check_primary_key() {
    const auto& key = schema_.primary_key;
    if (key.empty() || (key.size() == 1 && schema_.field(key[0])->constraints.unique)) return;
    std::map<std::string, uint32_t> first_row;
    for (const auto& row : parsed_.rows) {
      std::string joined, shown_th, shown_en;
      bool complete = true;
      for (const auto& name : key) {
        const size_t f = static_cast<size_t>(schema_.field_index(name));
        const FieldCell& c = row.cells[f];
        // An empty optional key part counts as "", as in a compound key with a blank department.
        if (c.present ? !c.valid : schema_.fields[f].constraints.required) complete = false;
        joined += c.value.text + '\x1f';
        if (!c.present) continue;
        shown_th += (shown_th.empty() ? "" : ", ") + schema_.fields[f].title + " " + c.value.text;
        shown_en += (shown_en.empty() ? "" : ", ") + schema_.fields[f].title_en + " " + c.value.text;
      }
      if (!complete) continue;
      auto [it, fresh] = first_row.emplace(joined, row.row);
      if (fresh) continue;
      const FieldCell& first = row.cells[static_cast<size_t>(schema_.field_index(key[0]))];
      sink_.add(Severity::Error, "primary-key", name(), first.row, first.col, first.value.raw,
                "แถวซ้ำกับแถวที่ " + std::to_string(it->second + 1) + " (" + shown_th + ")",
                "row repeats row " + std::to_string(it->second + 1) + " (" + shown_en + ")");
    }
  }

  // --- key/value sheets ---

  void read_key_value() {
    ParsedRow one;
    one.cells.resize(schema_.fields.size());
    std::vector<std::optional<std::string>> label_at(schema_.fields.size());
    uint32_t current_row = UINT32_MAX;
    bool row_done = false;
    index_.each([&](const xlsx::Cell& c) {
      if (c.row != current_row) current_row = c.row, row_done = false;
      if (row_done) return;
      auto f = labels_.find(c);
      if (!f) return;
      row_done = true;  // the first label of a row wins; the rest of the row is its value
      const FieldSchema& field = schema_.fields[*f];
      if (field.repeat) {
        read_repeat(*f, c);
        label_at[*f] = xlsx::ref_name(c.row, c.col);
        return;
      }
      if (label_at[*f]) {
        duplicate_label(field, c, *label_at[*f]);
        return;
      }
      label_at[*f] = xlsx::ref_name(c.row, c.col);
      const uint32_t col = value_column(c);
      parsed_.columns[*f] = col;
      one.cells[*f] = validate(*f, index_.at(c.row, col), c.row, col);
    });
    for (size_t f = 0; f < schema_.fields.size(); ++f)
      if (!label_at[f] && schema_.fields[f].constraints.required) missing_label(schema_.fields[f]);
    parsed_.rows.push_back(std::move(one));
  }

  // The value of a label is in the next column, or, when the label cell is
  // merged across columns (a common layout), in the column after the merge.
  uint32_t value_column(const xlsx::Cell& label) const {
    for (const auto& m : sheet_.merged)
      if (m.first_row <= label.row && label.row <= m.last_row && m.first_col == label.col &&
          m.last_col > label.col && m.last_col + 1 < xlsx::kMaxCols)
        return m.last_col + 1;
    return label.col + 1;
  }

  // Every non-empty cell right of a repeated label is one value.
  void read_repeat(size_t f, const xlsx::Cell& label) {
    index_.each([&](const xlsx::Cell& c) {
      if (c.row != label.row || c.col <= label.col) return;
      if (c.type == xlsx::CellType::String && schema_.is_missing(c.text)) return;
      FieldCell fc = validate(f, &c, c.row, c.col);
      if (fc.valid) parsed_.repeats.push_back(std::move(fc));
    });
  }

  const xlsx::Sheet& sheet_;
  const SheetSchema& schema_;
  FindingSink& sink_;
  CellIndex index_;
  LabelMap labels_;
  std::vector<ColumnValidator> validators_;
  ParsedSheet parsed_;
};

}  // namespace

std::optional<uint32_t> HeaderMatch::column(const SheetSchema& schema, std::string_view name) const {
  const int i = schema.field_index(name);
  return i < 0 || static_cast<size_t>(i) >= columns.size() ? std::nullopt : columns[static_cast<size_t>(i)];
}

std::optional<HeaderMatch> find_header(const xlsx::Sheet& sheet, const SheetSchema& schema) {
  const CellIndex index(sheet);
  const LabelMap labels(schema);
  const auto row = best_header_row(index, labels, schema);
  if (!row) return std::nullopt;
  HeaderMatch out;
  out.row = *row;
  out.columns.resize(schema.fields.size());
  header_columns(index, labels, *row, out.columns, [](size_t, const xlsx::Cell&) {});
  return out;
}

ParsedSheet read_sheet(const xlsx::Sheet& sheet, const SheetSchema& schema, FindingSink& sink,
                       const FieldReaders* readers) {
  return Reader(sheet, schema, sink, readers).read();
}

}  // namespace itawb::schema

#include "schema/table.hpp"

#include <cmath>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "schema/cell_index.hpp"
#include "schema/checks.hpp"
#include "schema/merges.hpp"
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

using detail::best_header_row;
using detail::CellIndex;
using detail::header_columns;
using detail::LabelMap;

class Reader {
 public:
  Reader(const xlsx::Sheet& sheet, const SheetSchema& schema, FindingSink& sink, const FieldReaders* readers)
      : sheet_(sheet),
        schema_(schema),
        sink_(sink),
        // Key/value sheets read labels and values where they are typed: merges there are only layout.
        spread_(sheet, schema.layout == Layout::Table ? 1'000'000 : 0),
        index_(spread_.cells()),
        labels_(schema) {
    for (const auto& f : schema.fields) validators_.emplace_back(f, schema, readers);
    parsed_.schema = &schema;
    parsed_.sheet_name = sheet.info.name;
    parsed_.columns.resize(schema.fields.size());
    spans_.resize(schema.fields.size());
  }

  ParsedSheet read() {
    if (schema_.layout == Layout::KeyValue) read_key_value();
    else read_table();
    return std::move(parsed_);
  }

 private:
  const std::string& name() const { return sheet_.info.name; }

  // A problem found on a cell, told once the row it belongs to is known
  // (a continuation row may still fill an empty cell of the row above).
  struct Pending {
    Problem problem;
    uint32_t row = 0, col = 0;
    std::string shown;
    Severity severity = Severity::Error;  // the field's x-severity for this problem
  };
  struct Checked {
    FieldCell cell;
    std::vector<Pending> problems;
  };
  struct Draft {
    ParsedRow row;
    std::vector<std::vector<Pending>> problems;  // by field
  };

  // `cell` at (row, col); a value spread from a merge is placed, and its
  // problems named, at the merge's top-left cell.
  Checked check(size_t field, const xlsx::Cell* cell, uint32_t row, uint32_t col) const {
    const CellPos at = cell ? spread_.source(row, col) : CellPos{row, col};
    auto result = validators_[field].validate(cell);
    Checked out;
    for (auto& p : result.problems) {
      const Severity severity = schema_.fields[field].severity_of(p.code);
      out.problems.push_back({std::move(p), at.row, at.col, cell ? display(*cell) : "", severity});
    }
    out.cell.present = !result.value.missing();
    out.cell.valid = out.cell.present && result.valid();
    out.cell.value = std::move(result.value);
    out.cell.row = at.row;
    out.cell.col = at.col;
    return out;
  }

  // A merged value read in several rows is one value: its problem is told once.
  void emit(const std::vector<Pending>& problems) {
    for (const auto& p : problems)
      if (told_.emplace(p.row, p.col, p.problem.code).second)
        sink_.add(p.severity, p.problem.code, name(), p.row, p.col, p.shown, p.problem.message_th,
                p.problem.message_en);
  }

  FieldCell validate(size_t field, const xlsx::Cell* cell, uint32_t row, uint32_t col) {
    Checked c = check(field, cell, row, col);
    emit(c.problems);
    return std::move(c.cell);
  }

  // `more` (another column under the same header, or a continuation row)
  // joins `base`: it fills an empty value, and adds its text to a text value
  // on a new line. An empty cell's "missing" problem goes once it is filled.
  void combine(size_t field, Checked& base, Checked more) const {
    auto drop_missing = [](std::vector<Pending>& ps) {
      ps.erase(std::remove_if(ps.begin(), ps.end(), [](const Pending& p) { return p.problem.code == "missing-cell"; }),
               ps.end());
    };
    drop_missing(more.problems);
    if (!more.cell.present) {
      base.problems.insert(base.problems.end(), more.problems.begin(), more.problems.end());
      return;
    }
    if (!base.cell.present) {
      drop_missing(base.problems);
      base.problems.insert(base.problems.end(), more.problems.begin(), more.problems.end());
      base.cell = std::move(more.cell);
      return;
    }
    base.problems.insert(base.problems.end(), more.problems.begin(), more.problems.end());
    if (schema_.fields[field].type != FieldType::String) return;  // one number, one date: the first stays
    base.cell.value.text += "\n" + more.cell.value.text;
    base.cell.value.raw += "\n" + more.cell.value.raw;
    base.cell.valid = base.cell.valid && more.cell.valid;
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
      // A header merged over several columns heads each of them.
      if (spread_.source(c.row, c.col) == spread_.source(header, *parsed_.columns[f])) {
        spans_[f].push_back(c.col);
        return;
      }
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

  // Years on the row below the header; a score heading merged over several
  // columns ("ผลคะแนน" over ๒๕๖๖ | ๒๕๖๗) is then only their heading.
  bool years_below_heading(uint32_t header) {
    const int score = schema_.field_index("score");
    const bool heading = score >= 0 && parsed_.columns[score] && !spans_[score].empty();
    const auto kept = heading ? parsed_.columns[score] : std::nullopt;
    if (heading) parsed_.columns[score].reset();
    if (map_year_columns(header + 1)) {
      if (heading) spans_[score].clear();
      return true;
    }
    if (heading) parsed_.columns[score] = kept;
    return false;
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

  // The columns of field `f`: its own and those its merged header also heads.
  std::vector<uint32_t> columns_of(size_t f) const {
    std::vector<uint32_t> out;
    if (!parsed_.columns[f]) return out;
    out.push_back(*parsed_.columns[f]);
    out.insert(out.end(), spans_[f].begin(), spans_[f].end());
    return out;
  }

  // The cell of field `f` at (row, col). A value merged across from another
  // field's column is not this field's: a text merged over มาตรการ and
  // ขั้นตอน, or a section title merged over the whole row, stays in the
  // column it was typed in.
  const xlsx::Cell* cell_of(size_t f, uint32_t row, uint32_t col) const {
    const auto from = spread_.origin(row, col);
    if (from && from->col != col) {
      const auto cols = columns_of(f);
      if (std::find(cols.begin(), cols.end(), from->col) == cols.end()) return nullptr;
    }
    return index_.at(row, col);
  }

  // As cell_of, and nullptr for a missing value ("", "-", ไม่มี …).
  const xlsx::Cell* value_at(size_t f, uint32_t row, uint32_t col) const {
    const xlsx::Cell* c = cell_of(f, row, col);
    if (!c || (c->type == xlsx::CellType::String && schema_.is_missing(c->text))) return nullptr;
    return c;
  }

  // True when field `f` holds a value typed in this row (not one spread
  // from a merge that began in a row above).
  bool own_value(uint32_t row, size_t f) const {
    for (uint32_t col : columns_of(f))
      if (value_at(f, row, col) && spread_.source(row, col).row == row) return true;
    return false;
  }

  // Blank: nothing in the table's columns. Covered: only values spread from
  // merges begun above (the rest of a merged block, part of the rows above).
  enum class Content { Blank, Covered, Own };
  Content row_content(uint32_t row) const {
    Content out = Content::Blank;
    for (size_t f = 0; f < schema_.fields.size(); ++f) {
      if (own_value(row, f)) return Content::Own;
      for (uint32_t col : columns_of(f))
        if (value_at(f, row, col)) out = Content::Covered;
    }
    return out;
  }

  // A continuation row (x-continuation): no key field of its own, some
  // appended field of its own.
  bool continues(uint32_t row) const {
    if (!schema_.continuation) return false;
    if (marked(row)) return true;
    for (const auto& name : schema_.continuation->key)
      if (own_value(row, static_cast<size_t>(schema_.field_index(name)))) return false;
    for (const auto& name : schema_.continuation->append)
      if (own_value(row, static_cast<size_t>(schema_.field_index(name)))) return true;
    return false;
  }

  // Field `f` of `row`: every column under its header, each merged value
  // once; with `own_only`, only values typed in this row.
  Checked read_field(size_t f, uint32_t row, bool own_only) const {
    const auto cols = columns_of(f);
    std::optional<Checked> out;
    std::vector<CellPos> seen;
    for (uint32_t col : cols) {
      const xlsx::Cell* c = value_at(f, row, col);
      const CellPos from = spread_.source(row, col);
      if (c && (std::find(seen.begin(), seen.end(), from) != seen.end() || (own_only && from.row != row))) continue;
      if (c) seen.push_back(from);
      if (!out) out = check(f, c ? c : cell_of(f, row, col), row, col);
      else if (c) combine(f, *out, check(f, c, row, col));
    }
    return std::move(*out);
  }

  Draft read_row(uint32_t row) const {
    Draft d;
    d.row.row = row;
    d.problems.resize(schema_.fields.size());
    for (size_t f = 0; f < schema_.fields.size(); ++f) {
      if (!parsed_.columns[f]) {
        d.row.cells.emplace_back();
        continue;
      }
      Checked c = read_field(f, row, false);
      d.row.cells.push_back(std::move(c.cell));
      d.problems[f] = std::move(c.problems);
    }
    return d;
  }

  // A row whose first key field's own text ends with the continuation's marker.
  bool marked(uint32_t row) const {
    const Continuation& c = *schema_.continuation;
    if (c.marker.empty() || c.key.empty()) return false;
    const size_t f = static_cast<size_t>(schema_.field_index(c.key.front()));
    for (uint32_t col : columns_of(f)) {
      const xlsx::Cell* cell = value_at(f, row, col);
      if (!cell || cell->type != xlsx::CellType::String || spread_.source(row, col).row != row) continue;
      const std::string t = text::trim(cell->text);
      if (t.size() > c.marker.size() && t.compare(t.size() - c.marker.size(), c.marker.size(), c.marker) == 0) return true;
    }
    return false;
  }

  // A continuation row's texts join the row above, field by field (a marked
  // row's other key fields too).
  void append_continuation(Draft& d, uint32_t row) const {
    std::vector<std::string> fields = schema_.continuation->append;
    if (marked(row)) fields.insert(fields.end(), schema_.continuation->key.begin() + 1, schema_.continuation->key.end());
    for (const auto& name : fields) {
      const size_t f = static_cast<size_t>(schema_.field_index(name));
      if (!parsed_.columns[f] || !own_value(row, f)) continue;
      Checked base{std::move(d.row.cells[f]), std::move(d.problems[f])};
      combine(f, base, read_field(f, row, true));
      d.row.cells[f] = std::move(base.cell);
      d.problems[f] = std::move(base.problems);
    }
  }

  // A field no header names is read from its x-fallbackColumn's column, as
  // seed 000's ข้อคำถาม column holds "i๑ การปฏิบัติงาน…": the code, then the question.
  void fallback_columns() {
    for (size_t f = 0; f < schema_.fields.size(); ++f) {
      const std::string& other = schema_.fields[f].fallback_column;
      if (parsed_.columns[f] || other.empty()) continue;
      const int o = schema_.field_index(other);
      if (o >= 0 && parsed_.columns[o]) parsed_.columns[f] = parsed_.columns[o];
    }
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
    if (!map_year_columns(*header) && years_below_heading(*header)) first_data = *header + 2;
    fallback_columns();
    for (size_t f = 0; f < schema_.fields.size(); ++f)
      if (!parsed_.columns[f] && schema_.fields[f].constraints.required) missing_label(schema_.fields[f]);

    uint32_t last = *header;
    index_.each([&](const xlsx::Cell& c) { last = std::max(last, c.row); });
    // The first of a run of blank rows (none: no run open); blank rows count
    // only when data follows. Not an optional: gcc 12 warns it may be read
    // uninitialised at -O2.
    constexpr uint32_t kNoRun = UINT32_MAX;
    uint32_t blank_from = kNoRun;
    std::optional<Draft> open;           // the row that continuation rows may still join
    auto close = [&] {
      if (!open) return;
      for (const auto& problems : open->problems) emit(problems);
      parsed_.rows.push_back(std::move(open->row));
      open.reset();
    };
    for (uint32_t row = first_data; row <= last; ++row) {
      const Content content = row_content(row);
      if (content == Content::Blank) {
        close();
        if (blank_from == kNoRun) blank_from = row;
        continue;
      }
      if (blank_from != kNoRun) blank_rows(blank_from, row - 1);
      blank_from = kNoRun;
      if (content == Content::Covered) continue;
      if (open && continues(row)) {
        append_continuation(*open, row);
        continue;
      }
      close();
      open = read_row(row);
    }
    close();
    check_unique();
    check_primary_key();
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
  SpreadCells spread_;
  CellIndex index_;
  LabelMap labels_;
  std::vector<std::vector<uint32_t>> spans_;
  std::set<std::tuple<uint32_t, uint32_t, std::string>> told_;  // cell and code of each problem told  // per field: more columns its merged header heads
  std::vector<ColumnValidator> validators_;
  ParsedSheet parsed_;
};

}  // namespace

std::optional<uint32_t> HeaderMatch::column(const SheetSchema& schema, std::string_view name) const {
  const int i = schema.field_index(name);
  return i < 0 || static_cast<size_t>(i) >= columns.size() ? std::nullopt : columns[static_cast<size_t>(i)];
}

std::optional<HeaderMatch> find_header(const xlsx::Sheet& sheet, const SheetSchema& schema) {
  const SpreadCells spread(sheet);
  const CellIndex index(spread.cells());
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

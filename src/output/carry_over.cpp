#include "output/carry_over.hpp"

#include <algorithm>
#include <set>

#include "text/width.hpp"
#include "xlsx/layout.hpp"

#include "output/style.hpp"

namespace itawb::output {
namespace {

using Key = std::pair<uint32_t, uint32_t>;

// Formats by style index: a sheet has few distinct styles and many cells,
// so each is made once.
class StyleCache {
 public:
  explicit StyleCache(const xlsx::Workbook& in) : in_(in) {}
  const xlsx::Style& operator()(uint32_t style) {
    auto it = styles_.find(style);
    if (it == styles_.end()) it = styles_.emplace(style, in_.cell_style(style)).first;
    return it->second;
  }

 private:
  const xlsx::Workbook& in_;
  std::map<uint32_t, xlsx::Style> styles_;
};

// The cell's own format; a finding's fill over it, the rest kept.
xlsx::Style style_for(uint32_t style, StyleCache& styles, uint32_t fill) {
  xlsx::Style s = styles(style);
  if (fill) {
    s.fill = fill;
    s.pattern = 0;
  }
  return s;
}

// Writes the value the reader saw; a formula's cached value stands for it.
void write_value(xlsx::SheetWriter& ws, uint32_t row, const xlsx::Cell& cell, const xlsx::Style& s) {
  if (cell.uncalculated) return ws.blank(row, cell.col, s);
  switch (cell.type) {
    case xlsx::CellType::Number: return ws.number(row, cell.col, cell.number, s);
    case xlsx::CellType::Date: return ws.date(row, cell.col, cell.number, s);
    case xlsx::CellType::Boolean: return ws.boolean(row, cell.col, cell.number != 0, s);
    case xlsx::CellType::String:
    case xlsx::CellType::Error: return ws.text(row, cell.col, cell.text, s);
  }
}

uint32_t fill_of(const CellFills& highlight, uint32_t row, uint32_t col) {
  const auto it = highlight.find({row, col});
  return it == highlight.end() ? 0 : it->second;
}

// The input's column ranges without overlaps (a later range loses what an
// earlier one covers), each column once.
std::vector<xlsx::ColumnLayout> tidy_columns(std::vector<xlsx::ColumnLayout> cols) {
  std::sort(cols.begin(), cols.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<xlsx::ColumnLayout> out;
  for (auto c : cols) {
    if (!out.empty() && c.first <= out.back().last) c.first = out.back().last + 1;
    if (c.first > c.last) continue;
    out.push_back(c);
  }
  return out;
}

size_t index_of(const xlsx::Workbook& in, const xlsx::SheetInfo& info) {
  const auto& sheets = in.sheets();
  for (size_t i = 0; i < sheets.size(); ++i)
    if (sheets[i].part == info.part) return i;
  return sheets.size();
}

}  // namespace

CopiedSheet copy_sheet(const xlsx::Workbook& in, const xlsx::Sheet& sheet, xlsx::SheetWriter& ws,
                       const CellFills& highlight, const RowMap& rows, const model::Agency* agency,
                       const CellNotes& notes) {
  StyleCache styles(in);
  auto out_row = [&](uint32_t r) -> std::optional<uint32_t> { return rows ? rows(r) : r; };
  CopiedSheet result;
  result.from = sheet.info.name;
  result.to = ws.name();
  const size_t index = index_of(in, sheet.info);
  static const xlsx::SheetLayout kNoLayout;
  const xlsx::SheetLayout& layout = index < in.sheets().size() ? in.read_layout(index) : kNoLayout;

  // The top-left cell of a merged range is written by merge() below.
  std::map<Key, const xlsx::Range*> merge_heads;
  std::set<Key> merged_cells;
  for (const auto& m : sheet.merged) {
    merge_heads[{m.first_row, m.first_col}] = &m;
    for (uint32_t r = m.first_row; r <= m.last_row; ++r)
      for (uint32_t c = m.first_col; c <= m.last_col; ++c) merged_cells.insert({r, c});
  }

  // Written through a FittedSheet, like the result sheets: the agency's
  // column widths are kept (columns they left alone at the sheet's default
  // width) and every row is at least as tall as they made it, taller where
  // its font or wrapped lines need it.
  FittedSheet fitted(ws);
  const double default_width = layout.default_col_width > 0 ? xlsx::column_chars(layout.default_col_width) : 8.43;
  const auto columns = tidy_columns(layout.columns);
  uint32_t last_col = 0;
  for (const auto& c : sheet.cells) last_col = std::max(last_col, c.col);
  for (const auto& c : layout.styled) last_col = std::max(last_col, c.col);
  std::set<uint32_t> declared;
  for (const auto& c : columns) {
    const std::optional<xlsx::Style> style = c.style ? std::optional(styles(*c.style)) : std::nullopt;
    fitted.columns(c.first, c.last, c.width > 0 ? xlsx::column_chars(c.width) : default_width, c.hidden,
                   style ? &*style : nullptr);
    for (uint32_t col = c.first; col <= std::min(c.last, last_col); ++col) declared.insert(col);
  }
  if (!sheet.cells.empty() || !layout.styled.empty())
    for (uint32_t col = 0; col <= last_col; ++col)
      if (!declared.count(col)) fitted.width(col, default_width);
  for (const auto& r : layout.rows) {
    const auto row = out_row(r.row);
    if (!row) continue;
    const std::optional<xlsx::Style> style = r.style ? std::optional(styles(*r.style)) : std::nullopt;
    fitted.row(*row, r.height, r.hidden, style ? &*style : nullptr);
  }

  std::set<Key> done;
  for (const auto& cell : sheet.cells) {
    if (merged_cells.count({cell.row, cell.col})) continue;
    const auto row = out_row(cell.row);
    if (!row) continue;
    const xlsx::Style style = style_for(cell.style, styles, fill_of(highlight, cell.row, cell.col));
    if (cell.type == xlsx::CellType::String && !cell.uncalculated) {
      fitted.text(*row, cell.col, cell.text, style);
    } else {
      write_value(ws, *row, cell, style);
      fitted.written(*row, cell.col, style, cell.display());
    }
    done.insert({cell.row, cell.col});
    ++result.cells;
  }

  for (const auto& m : sheet.merged) {
    const auto first = out_row(m.first_row), last = out_row(m.last_row);
    if (!first || !last || *last - *first != m.last_row - m.first_row) continue;
    const xlsx::Cell* head = sheet.at(m.first_row, m.first_col);
    const uint32_t fill = fill_of(highlight, m.first_row, m.first_col);
    uint32_t head_style = head ? head->style : 0;
    if (!head)
      for (const auto& c : layout.styled)
        if (c.row == m.first_row && c.col == m.first_col) head_style = c.style;
    const xlsx::Style s = style_for(head_style, styles, fill);
    const bool is_text = !head || head->type == xlsx::CellType::String ||
                         head->type == xlsx::CellType::Error;
    fitted.merge(*first, m.first_col, *last, m.last_col, is_text && head ? head->text : "", s);
    if (head && !is_text) write_value(ws, *first, xlsx::Cell(*head), s);
    if (head) ++result.cells;
    for (uint32_t r = m.first_row; r <= m.last_row; ++r)
      for (uint32_t c = m.first_col; c <= m.last_col; ++c) done.insert({r, c});
  }

  // Empty cells with a format of their own (borders of a blank table, a
  // filled heading band) and highlighted empty cells (a missing value).
  for (const auto& c : layout.styled) {
    if (done.count({c.row, c.col})) continue;
    const auto row = out_row(c.row);
    if (!row) continue;
    fitted.blank(*row, c.col, style_for(c.style, styles, fill_of(highlight, c.row, c.col)));
    done.insert({c.row, c.col});
  }
  for (const auto& [key, fill] : highlight) {
    if (done.count(key)) continue;
    if (const auto row = out_row(key.first)) ws.blank(*row, key.second, style_for(0, styles, fill));
  }
  // A finding's message as a note on its cell.
  for (const auto& [key, note] : notes)
    if (const auto row = out_row(key.first)) ws.comment(*row, key.second, note);

  if (layout.frozen) {
    const auto row = layout.frozen->row ? out_row(layout.frozen->row) : std::optional<uint32_t>(0);
    if (row) ws.freeze(*row, layout.frozen->col);
  }
  for (const auto& v : layout.validations) {
    bool all = true;
    for (const auto& r : v.ranges) {
      const auto first = out_row(r.first_row), last = out_row(r.last_row);
      all = first && last && ws.validation(*first, r.first_col, *last, r.last_col, v.rule) && all;
    }
    if (!all) result.not_carried.push_back({xlsx::Extra::Validation, 1});
  }
  for (const auto& e : layout.extras) result.not_carried.push_back(e);

  if (agency) fitted.fit_page_auto();
  fitted.finish();
  // A carried-over sheet prints on A4 too, landscape when its columns are
  // wider than a portrait page, with the agency and page x / y.
  if (agency) print_setup_plain(ws, *agency, sheet.info.name, fitted.landscape());
  if (sheet.info.visibility != xlsx::Visibility::Visible) ws.hide();
  return result;
}

std::vector<CopiedSheet> carry_over(const xlsx::Workbook& in, xlsx::WorkbookWriter& out,
                                    const CarryOverOptions& options) {
  std::vector<CopiedSheet> copied;
  const auto& infos = in.sheets();
  for (size_t i = 0; i < infos.size(); ++i) {
    if (options.skip && options.skip(infos[i])) continue;
    if (infos[i].kind == xlsx::SheetKind::Chart) continue;  // no cells: listed by not_carried()
    const xlsx::Sheet sheet = in.read_sheet(i);
    auto& ws = out.add_sheet(infos[i].name);
    const auto h = options.highlight.find(infos[i].name);
    const auto n = options.notes.find(infos[i].name);
    const RowMap rows = options.rows ? options.rows(infos[i]) : RowMap{};
    copied.push_back(copy_sheet(in, sheet, ws, h == options.highlight.end() ? CellFills{} : h->second, rows,
                                options.agency, n == options.notes.end() ? CellNotes{} : n->second));
  }
  return copied;
}

std::vector<Finding> not_carried(const xlsx::Workbook& in, const CarryOverOptions& options,
                                 const std::string& file) {
  std::vector<Finding> out;
  auto add = [&](const std::string& sheet, const xlsx::ExtraCount& e) {
    Finding f;
    f.severity = Severity::Info;
    f.code = "not-carried";
    f.file = file;
    f.sheet = sheet;
    const std::string n = std::to_string(e.count);
    const std::string where_th = sheet.empty() ? "ในไฟล์" : "ในชีต " + sheet;
    const std::string where_en = sheet.empty() ? "in the file" : "on sheet " + sheet;
    f.message_th = std::string("ไม่ได้คัดลอก") + xlsx::extra_th(e.kind) + " " + n + " รายการ" + where_th +
                   " ไปยังไฟล์ผลลัพธ์ (ยังอยู่ในไฟล์ต้นฉบับ)";
    f.message_en = n + " " + xlsx::extra_en(e.kind) + " " + where_en +
                   " not carried over to the output (still in the input file)";
    out.push_back(std::move(f));
  };
  if (in.has_macros()) add("", {xlsx::Extra::Macros, 1});
  const auto& infos = in.sheets();
  for (size_t i = 0; i < infos.size(); ++i) {
    if (options.skip && options.skip(infos[i])) continue;
    for (const auto& e : in.read_layout(i).extras) add(infos[i].name, e);
  }
  return out;
}

std::map<std::string, CellNotes> notes_from(const Findings& findings) {
  std::map<std::string, CellNotes> out;
  for (const auto& f : findings.items()) {
    if (f.sheet.empty() || f.row == 0 || f.column == 0 || f.severity == Severity::Info) continue;
    std::string& note = out[f.sheet][{f.row - 1, f.column - 1}];
    if (!note.empty()) note += "\n";
    note += f.message_th + "\n(" + f.message_en + ")";
  }
  return out;
}

std::map<std::string, CellFills> highlights_from(const Findings& findings) {
  std::map<std::string, CellFills> out;
  for (const auto& f : findings.items()) {
    if (f.sheet.empty() || f.row == 0 || f.column == 0) continue;
    if (f.severity == Severity::Info) continue;
    auto& fill = out[f.sheet][{f.row - 1, f.column - 1}];
    // An error's colour wins over a warning's on the same cell.
    if (fill != kErrorFill) fill = f.severity == Severity::Error ? kErrorFill : kWarningFill;
  }
  return out;
}

}  // namespace itawb::output

#include "output/carry_over.hpp"

#include <algorithm>
#include <set>

#include "text/width.hpp"

#include "output/style.hpp"

namespace itawb::output {
namespace {

using Key = std::pair<uint32_t, uint32_t>;

// Number format codes by style index: a sheet has few distinct styles and
// many cells, so each code is looked up once.
class FormatCache {
 public:
  explicit FormatCache(const xlsx::Workbook& in) : in_(in) {}
  const std::string& operator()(uint32_t style) {
    auto it = codes_.find(style);
    if (it == codes_.end()) {
      std::string code = in_.number_format(style);
      if (code == "General" || code == "general") code.clear();
      it = codes_.emplace(style, std::move(code)).first;
    }
    return it->second;
  }

 private:
  const xlsx::Workbook& in_;
  std::map<uint32_t, std::string> codes_;
};

xlsx::Style style_for(const xlsx::Cell& cell, FormatCache& formats, uint32_t fill) {
  xlsx::Style s;
  s.fill = fill;
  if (cell.type == xlsx::CellType::Number || cell.type == xlsx::CellType::Date)
    s.num_format = formats(cell.style);
  if (cell.type == xlsx::CellType::String) s.wrap = cell.text.find('\n') != std::string::npos;
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

}  // namespace

size_t copy_sheet(const xlsx::Workbook& in, const xlsx::Sheet& sheet, xlsx::SheetWriter& ws,
                  const CellFills& highlight, const RowMap& rows, const model::Agency* agency) {
  FormatCache formats(in);
  auto out_row = [&](uint32_t r) -> std::optional<uint32_t> { return rows ? rows(r) : r; };

  // The top-left cell of a merged range is written by merge() below, so a
  // title spanning columns does not widen its first column.
  std::map<Key, const xlsx::Range*> merge_heads;
  std::set<Key> merged_cells;
  for (const auto& m : sheet.merged) {
    merge_heads[{m.first_row, m.first_col}] = &m;
    for (uint32_t r = m.first_row; r <= m.last_row; ++r)
      for (uint32_t c = m.first_col; c <= m.last_col; ++c) merged_cells.insert({r, c});
  }

  // Written through a FittedSheet, like the result sheets: a text wider than
  // a column may be (kMaxWidth) wraps, and every row is as tall as its lines.
  constexpr double kMinWidth = 6, kMaxWidth = 60;
  FittedSheet fitted(ws, kMinWidth, kMaxWidth);

  size_t written = 0;
  std::set<Key> done;
  for (const auto& cell : sheet.cells) {
    if (merged_cells.count({cell.row, cell.col})) continue;
    const auto row = out_row(cell.row);
    if (!row) continue;
    xlsx::Style style = style_for(cell, formats, fill_of(highlight, cell.row, cell.col));
    if (cell.type == xlsx::CellType::String && !cell.uncalculated) {
      style.wrap = style.wrap || text::column_width_for(cell.text) > kMaxWidth;
      fitted.text(*row, cell.col, cell.text, style);
    } else if (cell.type == xlsx::CellType::Number && !cell.uncalculated) {
      fitted.number(*row, cell.col, cell.number, style);
    } else {
      write_value(ws, *row, cell, style);
      fitted.written(*row, cell.col, style, cell.display());
    }
    done.insert({cell.row, cell.col});
    ++written;
  }

  for (const auto& m : sheet.merged) {
    const auto first = out_row(m.first_row), last = out_row(m.last_row);
    if (!first || !last || *last - *first != m.last_row - m.first_row) continue;
    const xlsx::Cell* head = sheet.at(m.first_row, m.first_col);
    const uint32_t fill = fill_of(highlight, m.first_row, m.first_col);
    xlsx::Style s = head ? style_for(*head, formats, fill) : xlsx::Style{}.with_fill(fill);
    s.wrap = true;
    const bool is_text = !head || head->type == xlsx::CellType::String ||
                         head->type == xlsx::CellType::Error;
    fitted.merge(*first, m.first_col, *last, m.last_col, is_text && head ? head->text : "", s);
    if (head && !is_text) write_value(ws, *first, xlsx::Cell(*head), s);
    if (head) ++written;
    for (uint32_t r = m.first_row; r <= m.last_row; ++r)
      for (uint32_t c = m.first_col; c <= m.last_col; ++c) done.insert({r, c});
  }

  // Highlighted cells that were empty in the input (a missing value).
  for (const auto& [key, fill] : highlight) {
    if (done.count(key)) continue;
    if (const auto row = out_row(key.first)) ws.blank(*row, key.second, xlsx::Style{}.with_fill(fill));
  }

  fitted.finish();
  ws.fit_columns(kMinWidth, kMaxWidth);  // and the columns of dates and booleans
  // A carried-over sheet prints on A4 too, landscape when its columns are
  // wider than a portrait page, with the agency and page x / y.
  if (agency) print_setup_plain(ws, *agency, sheet.info.name, fitted.total_width() > 95);
  if (sheet.info.visibility != xlsx::Visibility::Visible) ws.hide();
  return written;
}

std::vector<CopiedSheet> carry_over(const xlsx::Workbook& in, xlsx::WorkbookWriter& out,
                                    const CarryOverOptions& options) {
  std::vector<CopiedSheet> copied;
  const auto& infos = in.sheets();
  for (size_t i = 0; i < infos.size(); ++i) {
    if (options.skip && options.skip(infos[i])) continue;
    const xlsx::Sheet sheet = in.read_sheet(i);
    auto& ws = out.add_sheet(infos[i].name);
    const auto h = options.highlight.find(infos[i].name);
    const RowMap rows = options.rows ? options.rows(infos[i]) : RowMap{};
    const size_t cells =
        copy_sheet(in, sheet, ws, h == options.highlight.end() ? CellFills{} : h->second, rows, options.agency);
    copied.push_back({infos[i].name, ws.name(), cells});
  }
  return copied;
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

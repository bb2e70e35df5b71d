#include "output/carry_over.hpp"

#include <algorithm>
#include <set>

#include "schema/table.hpp"
#include "text/fold.hpp"
#include "text/thai.hpp"
#include "text/width.hpp"
#include "xlsx/layout.hpp"

#include "output/palette.hpp"
#include "output/page.hpp"

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

// The warning on a cell whose text Excel cannot hold whole.
Finding long_text(const std::string& file, const std::string& sheet, const xlsx::LongText& t) {
  Finding f;
  f.severity = Severity::Warning;
  f.code = "text-too-long";
  f.file = file;
  f.sheet = sheet;
  f.cell = xlsx::ref_name(t.row, t.col);
  f.row = t.row + 1;
  f.column = t.col + 1;
  const std::string n = std::to_string(t.length), max = std::to_string(text::kMaxCellUnits);
  f.value = n;
  f.message_th = "ข้อความในเซลล์ยาว " + n + " ตัวอักษร (นับแบบ UTF-16 อย่าง Excel) เกินที่ Excel เก็บได้ " + max +
                 " ตัวอักษร: ในไฟล์ผลลัพธ์จึงเหลือ " + max + " ตัวอักษรแรก (ข้อความเต็มยังอยู่ในไฟล์ต้นฉบับ)";
  f.message_en = "the cell's text is " + n + " characters long (UTF-16 code units, as Excel counts), over the " +
                 max + " Excel keeps: the output has its first " + max +
                 " characters (the whole text is still in the input file)";
  return f;
}

}  // namespace

CopiedSheet copy_sheet(const xlsx::Workbook& in, const xlsx::Sheet& sheet, xlsx::SheetWriter& ws,
                       const CellFills& highlight, const RowMap& rows, const model::Agency* agency,
                       const CellNotes& notes, std::optional<text::DigitStyle> digits) {
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
  // A text too tall for one row is written again smaller (before any text:
  // only then does the sheet keep each text's style for it).
  if (agency) fitted.shrink_cut_text(kSmallestCarriedFont);
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
  if (agency) print_setup_plain(ws, *agency, sheet.info.name, fitted.landscape(), digits);
  if (sheet.info.visibility != xlsx::Visibility::Visible) ws.hide();
  // The cells cut at Excel's tallest row or shrunk to fit it, by the input's row.
  auto input_row = [&](uint32_t row, uint32_t col) -> std::optional<uint32_t> {
    if (!rows) return row;
    for (const auto& c : sheet.cells)
      if (c.col == col && out_row(c.row) == row) return c.row;
    return std::nullopt;
  };
  for (const auto& [row, col] : fitted.cut_cells())
    if (const auto in_row = input_row(row, col)) result.too_tall.emplace_back(*in_row, col);
  for (const auto& s : fitted.shrunk_cells())
    if (const auto in_row = input_row(s.row, s.col)) result.shrunk.push_back({*in_row, s.col, s.from_pt, s.to_pt});
  return result;
}

std::vector<Finding> too_tall_findings(const std::vector<CopiedSheet>& copied, const std::string& file) {
  std::vector<Finding> out;
  for (const auto& sheet : copied)
    for (const auto& [row, col] : sheet.too_tall) {
      Finding f;
      f.severity = Severity::Warning;
      f.code = "text-too-tall";
      f.file = file;
      f.sheet = sheet.from;
      f.cell = xlsx::ref_name(row, col);
      f.row = row + 1;
      f.column = col + 1;
      f.message_th = "ข้อความในเซลล์ " + sheet.from + "!" + f.cell +
                     " ยาวเกินกว่าที่แถวเดียวแสดงได้ (Excel สูงได้ไม่เกิน 409 พอยต์): บรรทัดท้าย ๆ จะถูกตัดเมื่อพิมพ์ "
                     "ควรแบ่งข้อความไปไว้ในแถวถัดไปหรือขยายความกว้างของคอลัมน์";
      f.message_en = "the text of cell " + sheet.from + "!" + f.cell +
                     " needs a row taller than Excel's 409 points: its last lines are cut when printed; "
                     "split it over the next rows or widen its column";
      out.push_back(std::move(f));
    }
  for (const auto& sheet : copied)
    for (const auto& s : sheet.shrunk) {
      Finding f;
      f.severity = Severity::Info;
      f.code = "text-shrunk";
      f.file = file;
      f.sheet = sheet.from;
      f.cell = xlsx::ref_name(s.row, s.col);
      f.row = s.row + 1;
      f.column = s.col + 1;
      const std::string from = text::format_fixed(s.from_pt, 0), to = text::format_fixed(s.to_pt, 0);
      f.message_th = "ข้อความในเซลล์ " + sheet.from + "!" + f.cell +
                     " ยาวเกินกว่าที่แถวเดียวแสดงได้ (Excel สูงได้ไม่เกิน 409 พอยต์) จึงพิมพ์ด้วยอักษรขนาด " + to +
                     " พอยต์ (ต้นฉบับ " + from + " พอยต์) ให้ครบทุกบรรทัด";
      f.message_en = "the text of cell " + sheet.from + "!" + f.cell +
                     " needs a row taller than Excel's 409 points: it is printed at " + to + " pt (from " + from +
                     " pt) so that every line shows";
      out.push_back(std::move(f));
    }
  return out;
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
                                options.agency, n == options.notes.end() ? CellNotes{} : n->second, options.digits));
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
    const xlsx::SheetLayout& layout = in.read_layout(i);
    for (const auto& e : layout.extras) add(infos[i].name, e);
    for (const auto& t : layout.long_texts) out.push_back(long_text(file, infos[i].name, t));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> carried_names(const xlsx::Workbook& in,
                                                               const CarryOverOptions& options,
                                                               std::vector<std::string> taken) {
  std::vector<std::pair<std::string, std::string>> names;
  for (const auto& info : in.sheets()) {
    if ((options.skip && options.skip(info)) || info.kind == xlsx::SheetKind::Chart) continue;
    std::string to = xlsx::unique_sheet_name(info.name, taken);
    taken.push_back(to);
    names.emplace_back(info.name, std::move(to));
  }
  return names;
}

std::vector<Finding> renamed(const std::vector<std::pair<std::string, std::string>>& names, const std::string& file) {
  std::vector<Finding> out;
  for (const auto& [from, to] : names) {
    if (from == to) continue;
    Finding f;
    f.severity = Severity::Warning;
    f.code = "sheet-renamed";
    f.file = file;
    f.sheet = from;
    f.value = to;
    f.message_th = "ชีต '" + from + "' คัดลอกไปยังไฟล์ผลลัพธ์ในชื่อ '" + to +
                   "' เพราะชื่อเดิมใช้ในไฟล์ผลลัพธ์ไม่ได้ (ซ้ำกับชีตอื่นเมื่อไม่สนใจตัวพิมพ์เล็กใหญ่ มีอักขระ []:*?/\\ "
                   "ขึ้นต้นหรือลงท้ายด้วย ' หรือยาวเกิน 31 ตัวอักษร)";
    f.message_en = "sheet '" + from + "' is carried over to the output as '" + to +
                   "': Excel does not accept its name there (the same as another sheet's in any letter case, "
                   "one of []:*?/\\, an apostrophe at either end, or over 31 characters)";
    out.push_back(std::move(f));
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

namespace itawb::output {

std::optional<ExtraColumns> extra_columns(const xlsx::Workbook& in, std::string_view sheet_name,
                                          const schema::SheetSchema& schema, const std::vector<std::string>& ignore) {
  const auto& infos = in.sheets();
  size_t index = infos.size();
  for (size_t i = 0; i < infos.size(); ++i)
    if (infos[i].name == sheet_name && infos[i].kind != xlsx::SheetKind::Chart) index = i;
  if (index == infos.size()) return std::nullopt;
  const xlsx::Sheet sheet = in.read_sheet(index);
  const auto header = schema::find_header(sheet, schema);
  if (!header) return std::nullopt;
  std::set<uint32_t> known;
  for (const auto& c : header->columns)
    if (c) known.insert(*c);
  std::map<uint32_t, std::string> found;  // column -> its header text
  for (const auto& cell : sheet.cells) {
    if (cell.row < header->row || known.count(cell.col)) continue;
    auto& title = found[cell.col];
    if (cell.row == header->row) title = cell.display();
  }
  std::set<std::string> ignored;
  for (const auto& title : ignore) ignored.insert(text::label_key(title));
  for (auto it = found.begin(); it != found.end();)
    it = ignored.count(text::label_key(it->second)) ? found.erase(it) : std::next(it);
  if (found.empty()) return std::nullopt;
  ExtraColumns out;
  out.sheet = index;
  out.header_row = header->row;
  for (auto& [col, title] : found) out.columns.emplace_back(col, title.empty() ? xlsx::column_name(col) : title);
  return out;
}

size_t write_extra_columns(const xlsx::Workbook& in, const ExtraColumns& extra, xlsx::SheetWriter& ws,
                           uint32_t out_header_row, uint32_t first, const RowMap& rows) {
  const xlsx::Sheet sheet = in.read_sheet(extra.sheet);
  const xlsx::SheetLayout& layout = in.read_layout(extra.sheet);
  StyleCache styles(in);
  std::map<uint32_t, uint32_t> out_col;
  for (size_t i = 0; i < extra.columns.size(); ++i) {
    const uint32_t col = extra.columns[i].first, to = first + static_cast<uint32_t>(i);
    out_col[col] = to;
    double width = layout.default_col_width > 0 ? xlsx::column_chars(layout.default_col_width) : 16;
    for (const auto& c : layout.columns)
      if (c.first <= col && col <= c.last && c.width > 0) width = xlsx::column_chars(c.width);
    ws.column_width(to, std::max(width, 8.0));
  }
  size_t dropped = 0;
  for (const auto& cell : sheet.cells) {
    const auto it = out_col.find(cell.col);
    if (it == out_col.end() || cell.row < extra.header_row) continue;
    const auto row = cell.row == extra.header_row ? std::optional<uint32_t>(out_header_row) : rows(cell.row);
    if (!row) {
      ++dropped;
      continue;
    }
    xlsx::Cell moved = cell;
    moved.col = it->second;
    write_value(ws, *row, moved, styles(cell.style));
  }
  return dropped;
}

Finding extra_columns_finding(const ExtraColumns& extra, const std::string& sheet, const std::string& file) {
  Finding f;
  f.severity = Severity::Info;
  f.code = "extra-columns-carried";
  f.file = file;
  f.sheet = sheet;
  std::string titles, refs;
  for (const auto& [col, title] : extra.columns) {
    titles += (titles.empty() ? "" : ", ") + title;
    refs += (refs.empty() ? "" : ", ") + xlsx::column_name(col);
  }
  f.value = refs;
  f.message_th = "คอลัมน์ " + refs + " (" + titles + ") ของชีต " + sheet +
                 " ไม่อยู่ในแบบฟอร์มมาตรฐาน: คัดลอกไว้ท้ายตารางของชีต " + sheet + " ในไฟล์ผลลัพธ์ ตามแถวของแต่ละมาตรการ";
  f.message_en = "column(s) " + refs + " (" + titles + ") of sheet " + sheet +
                 " are not in the standard form: they are carried at the end of the " + sheet +
                 " table in the output, on each measure's row";
  return f;
}

}  // namespace itawb::output

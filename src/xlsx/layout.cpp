#include "xlsx/layout.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "text/width.hpp"
#include "xlsx/file_error.hpp"
#include "xlsx/file_errors.hpp"
#include "xlsx/package.hpp"
#include "xlsx/xml_sax.hpp"
#include "xlsx/zip_archive.hpp"

namespace itawb::xlsx {
namespace {

constexpr size_t kMaxValidations = 10'000;  // Excel keeps 65,534 per sheet; more is hostile here
constexpr size_t kMaxFormula = 8'192;

bool on(const char** attrs, std::string_view name) {
  const char* v = find_attr(attrs, name);
  return v && parse_xsd_bool(v) == 1;
}

// "A1:B5 C3" -> ranges; what does not parse is left out.
std::vector<Range> parse_sqref(std::string_view s) {
  std::vector<Range> out;
  size_t start = 0;
  while (start < s.size() && out.size() < kMaxValidations) {
    size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    const std::string_view part = s.substr(start, end - start);
    start = end + 1;
    if (part.empty()) continue;
    const size_t colon = part.find(':');
    const auto a = parse_ref(part.substr(0, colon));
    const auto b = colon == std::string_view::npos ? a : parse_ref(part.substr(colon + 1));
    if (!a || !b) continue;
    out.push_back({std::min(a->row, b->row), std::min(a->col, b->col), std::max(a->row, b->row),
                   std::max(a->col, b->col)});
  }
  return out;
}

class LayoutHandler : public SaxHandler {
 public:
  LayoutHandler(const std::string& path, const std::string& part, const Limits& limits,
                const std::vector<std::string>& strings)
      : path_(path), part_(part), limits_(limits), strings_(strings) {}
  SheetLayout layout;

  void start(std::string_view name, const char** attrs) override {
    if (name == "c") return start_cell(attrs);
    if (name == "row") return start_row(attrs);
    if (in_cell_) return start_in_cell(name);
    if (in_validation_) return start_in_validation(name);
    if (name == "col") {
      start_col(attrs);
    } else if (name == "sheetFormatPr") {
      layout.default_row_height = std::clamp(attr_double(find_attr(attrs, "defaultRowHeight")).value_or(0), 0.0, 409.0);
      layout.default_col_width = std::clamp(attr_double(find_attr(attrs, "defaultColWidth")).value_or(0), 0.0, 255.0);
    } else if (name == "pane") {
      start_pane(attrs);
    } else if (name == "dataValidation") {
      start_validation(attrs);
    } else if (name == "conditionalFormatting") {
      layout.count(Extra::ConditionalFormat);
    } else if (name == "hyperlink") {
      layout.count(Extra::Hyperlink);
    } else if (name == "sparklineGroup") {
      layout.count(Extra::Sparkline);
    }
  }

  void end(std::string_view name) override {
    if (in_cell_) {
      if (name == "c") finish_cell();
      else if (name == "v" || name == "t") cell_collecting_ = false;
      else if (name == "rPh") --phonetic_depth_;
      return;
    }
    if (name == "row") return finish_row();
    if (name == "dataValidation" && in_validation_) finish_validation();
    if (name == "formula1" || name == "formula2" || name == "sqref") collecting_ = nullptr;
  }

  void text(const char* data, int len) override {
    if (cell_collecting_) {
      cell_text_.append(data, static_cast<size_t>(len));
      return;
    }
    if (collecting_ && collecting_->size() < kMaxFormula) collecting_->append(data, static_cast<size_t>(len));
  }

 private:
  // A cell's format is kept when the cell has content or lies within
  // kStyledMargin rows below the last row with content (or the top of the
  // sheet): a blank bordered table under the data stays, a million formatted
  // empty rows below it cost nothing but their count (Extra::EmptyFormat).
  bool near_content(uint32_t row) const {
    return static_cast<int64_t>(row) <= last_content_row_ + static_cast<int64_t>(kStyledMargin);
  }

  void start_cell(const char** attrs) {
    const char* ref = find_attr(attrs, "r");
    const auto parsed = ref ? parse_ref(ref) : std::nullopt;
    uint32_t col = last_col_ + 1;
    if (parsed) {
      row_ = parsed->row;
      col = parsed->col;
    }
    last_col_ = col;
    in_cell_ = true;
    cell_content_ = cell_collecting_ = false;
    phonetic_depth_ = 0;
    cell_text_.clear();
    cell_col_ = col;
    cell_style_ = attr_uint(find_attr(attrs, "s")).value_or(0);
    const char* t = find_attr(attrs, "t");
    cell_shared_ = t && std::string_view(t) == "s";
  }

  void start_in_cell(std::string_view name) {
    if (name == "f") {
      cell_content_ = true;
    } else if (name == "rPh") {
      ++phonetic_depth_;
    } else if ((name == "v" || name == "t") && phonetic_depth_ == 0) {
      cell_collecting_ = true;
    }
  }

  void finish_cell() {
    in_cell_ = cell_collecting_ = false;
    if (!cell_text_.empty()) cell_content_ = true;
    if (cell_content_) {
      last_content_row_ = row_;
      row_has_content_ = true;
      check_length();
    }
    if (cell_style_ == 0 || cell_col_ >= kMaxCols) return;
    if (!cell_content_ && !near_content(row_)) {
      row_dropped_ = true;
      return;
    }
    if (layout.styled.size() >= limits_.max_cells_per_sheet)
      errors::too_large(path_, part_, "เซลล์เกินขีดจำกัด", "more cells than the limit");
    layout.styled.push_back({row_, cell_col_, cell_style_});
  }

  // A text longer than Excel keeps (32,767 UTF-16 code units): the writer
  // cuts it, so its cell and real length are noted for a finding.
  void check_length() {
    const std::string* text = &cell_text_;
    if (cell_shared_) {
      uint32_t index = 0;
      const auto [p, ec] = std::from_chars(cell_text_.data(), cell_text_.data() + cell_text_.size(), index);
      if (ec != std::errc() || index >= strings_.size()) return;
      text = &strings_[index];
    }
    if (text->size() <= text::kMaxCellUnits) return;  // a UTF-16 unit takes at least one byte
    size_t units = 0;
    if (cell_shared_) {
      units = text::utf16_length(*text);
    } else {
      std::string decoded = *text;
      decode_xstring(decoded);
      units = text::utf16_length(decoded);
    }
    if (units > text::kMaxCellUnits) layout.long_texts.push_back({row_, cell_col_, units});
  }

  void start_row(const char** attrs) {
    const auto r = attr_uint(find_attr(attrs, "r"));
    row_ = r && *r >= 1 && *r <= kMaxRows ? *r - 1 : std::min(row_ + 1, kMaxRows - 1);
    last_col_ = UINT32_MAX;  // the next cell without r= is in column A
    row_has_content_ = row_dropped_ = false;
    RowLayout& row = pending_row_;
    row = {};
    row.row = row_;
    row.height = std::clamp(attr_double(find_attr(attrs, "ht")).value_or(0), 0.0, 409.0);
    row.custom_height = on(attrs, "customHeight");
    row.hidden = on(attrs, "hidden");
    if (on(attrs, "customFormat")) row.style = attr_uint(find_attr(attrs, "s"));
    has_pending_row_ = !(row.height == 0 && !row.hidden && !row.style);
  }

  // The row's own format, once its cells have said whether it has content.
  void finish_row() {
    if (has_pending_row_) {
      has_pending_row_ = false;
      if (row_has_content_ || near_content(pending_row_.row)) {
        if (layout.rows.size() >= limits_.max_cells_per_sheet)
          errors::too_large(path_, part_, "แถวเกินขีดจำกัด", "more rows than the limit");
        layout.rows.push_back(pending_row_);
      } else {
        row_dropped_ = true;
      }
    }
    if (row_dropped_) ++dropped_rows_;
    row_dropped_ = false;
  }

 public:
  // After the parse: how many empty rows' formats were not kept.
  void finish() {
    if (dropped_rows_) layout.count(Extra::EmptyFormat, dropped_rows_);
  }

 private:
  void start_col(const char** attrs) {
    const auto first = attr_uint(find_attr(attrs, "min")), last = attr_uint(find_attr(attrs, "max"));
    if (!first || *first < 1 || *first > kMaxCols || layout.columns.size() >= kMaxCols) return;
    ColumnLayout c;
    c.first = *first - 1;
    c.last = std::clamp(last.value_or(*first), *first, kMaxCols) - 1;
    c.width = std::clamp(attr_double(find_attr(attrs, "width")).value_or(0), 0.0, 255.0);
    c.hidden = on(attrs, "hidden");
    if (const auto s = attr_uint(find_attr(attrs, "style")); s && *s != 0) c.style = s;
    layout.columns.push_back(c);
  }

  void start_pane(const char** attrs) {
    const char* state = find_attr(attrs, "state");
    if (!state || (std::string_view(state) != "frozen" && std::string_view(state) != "frozenSplit")) return;
    // xSplit/ySplit count the frozen columns and rows; topLeftCell is where
    // the lower-right pane is scrolled to, which need not be the split.
    const uint32_t cols = static_cast<uint32_t>(std::clamp(attr_double(find_attr(attrs, "xSplit")).value_or(0), 0.0, double(kMaxCols - 1)));
    const uint32_t rows = static_cast<uint32_t>(std::clamp(attr_double(find_attr(attrs, "ySplit")).value_or(0), 0.0, double(kMaxRows - 1)));
    if (rows || cols) layout.frozen = CellRef{rows, cols};
  }

  void start_validation(const char** attrs) {
    in_validation_ = true;
    sqref_.clear();
    if (const char* v = find_attr(attrs, "sqref")) sqref_ = std::string(v).substr(0, kMaxFormula);
    Validation& v = rule_;
    v = {};
    v.type = static_cast<Validation::Type>(attr_index(
        find_attr(attrs, "type"), {"none", "whole", "decimal", "list", "date", "time", "textLength", "custom"}, 0));
    // OOXML's operators, in libxlsxwriter's order.
    static constexpr Validation::Op ops[] = {
        Validation::Op::Between, Validation::Op::NotBetween, Validation::Op::Equal, Validation::Op::NotEqual,
        Validation::Op::Less, Validation::Op::LessOrEqual, Validation::Op::Greater, Validation::Op::GreaterOrEqual};
    v.op = ops[attr_index(find_attr(attrs, "operator"),
                        {"between", "notBetween", "equal", "notEqual", "lessThan", "lessThanOrEqual",
                         "greaterThan", "greaterThanOrEqual"},
                        0)];
    v.allow_blank = on(attrs, "allowBlank");
    v.show_input = on(attrs, "showInputMessage");
    v.show_error = on(attrs, "showErrorMessage");
    v.no_dropdown = on(attrs, "showDropDown");
    v.error_style = attr_index(find_attr(attrs, "errorStyle"), {"stop", "warning", "information"}, 0);
    auto text = [&](const char* name, size_t max) {
      const char* s = find_attr(attrs, name);
      return s ? text::cut_utf8(s, max) : std::string();
    };
    v.prompt_title = text("promptTitle", 32);
    v.prompt = text("prompt", 255);
    v.error_title = text("errorTitle", 32);
    v.error = text("error", 255);
  }

  void start_in_validation(std::string_view name) {
    if (name == "formula1") collecting_ = &rule_.formula1;
    else if (name == "formula2") collecting_ = &rule_.formula2;
    else if (name == "sqref") collecting_ = &sqref_;  // x14 validations give it as an element
  }

  void finish_validation() {
    in_validation_ = false;
    collecting_ = nullptr;
    SheetValidation v{parse_sqref(sqref_), rule_};
    if (v.rule.type == Validation::Type::Any || v.ranges.empty() ||
        layout.validations.size() >= kMaxValidations) {
      if (v.rule.type != Validation::Type::Any || !v.rule.prompt.empty()) layout.count(Extra::Validation);
      return;
    }
    layout.validations.push_back(std::move(v));
  }

  const std::string& path_;
  const std::string& part_;
  const Limits& limits_;
  const std::vector<std::string>& strings_;
  uint32_t row_ = 0;
  uint32_t last_col_ = UINT32_MAX;
  // The cell being read: its content (a value, an inline string or a
  // formula) decides whether its format is kept.
  bool in_cell_ = false, cell_content_ = false, cell_collecting_ = false, cell_shared_ = false;
  int phonetic_depth_ = 0;
  uint32_t cell_col_ = 0, cell_style_ = 0;
  std::string cell_text_;
  int64_t last_content_row_ = -1;
  bool row_has_content_ = false, row_dropped_ = false, has_pending_row_ = false;
  RowLayout pending_row_;
  uint32_t dropped_rows_ = 0;
  bool in_validation_ = false;
  Validation rule_;
  std::string sqref_;
  std::string* collecting_ = nullptr;
};

// Counts the pictures, charts and shapes of a drawing part. Alternate
// content is counted once (its first choice, not its fallback).
class DrawingHandler : public SaxHandler {
 public:
  explicit DrawingHandler(SheetLayout& layout) : layout_(layout) {}
  void start(std::string_view name, const char**) override {
    if (name == "Fallback") ++fallback_;
    if (fallback_) return;
    if (name == "pic") layout_.count(Extra::Image);
    else if (name == "graphicFrame") layout_.count(Extra::Chart);
    else if (name == "sp" || name == "cxnSp") layout_.count(Extra::Shape);
  }
  void end(std::string_view name) override {
    if (name == "Fallback" && fallback_) --fallback_;
  }

 private:
  SheetLayout& layout_;
  int fallback_ = 0;
};

class CommentsHandler : public SaxHandler {
 public:
  explicit CommentsHandler(SheetLayout& layout) : layout_(layout) {}
  void start(std::string_view name, const char**) override {
    if (name == "comment") layout_.count(Extra::Comment);
  }
  void end(std::string_view) override {}

 private:
  SheetLayout& layout_;
};

// Parses a related part with `handler`; a missing or broken part counts as
// one thing of `kind` not carried rather than failing the sheet.
void parse_related(const ZipArchive& zip, const std::string& path, const Relationship& rel,
                   SaxHandler& handler, SheetLayout& layout, Extra kind) {
  const auto index = zip.find(rel.target);
  try {
    if (!index) throw FileError(FileProblem::MissingPart, path, "", "");
    parse_xml(zip, *index, rel.target, path, handler);
  } catch (const FileError&) {
    layout.count(kind);
  }
}

}  // namespace

void SheetLayout::count(Extra kind, uint32_t n) {
  for (auto& e : extras)
    if (e.kind == kind) {
      e.count += n;
      return;
    }
  extras.push_back({kind, n});
}

double column_chars(double stored) {
  const double pixels = std::round(stored * 7);
  return pixels > 12 ? (pixels - 5) / 7 : pixels / 12;
}

const char* extra_th(Extra kind) {
  switch (kind) {
    case Extra::Chart: return "แผนภูมิ";
    case Extra::Image: return "รูปภาพ";
    case Extra::Shape: return "รูปร่าง/กล่องข้อความ";
    case Extra::PivotTable: return "ตาราง Pivot";
    case Extra::Table: return "ตาราง (Table)";
    case Extra::ConditionalFormat: return "การจัดรูปแบบตามเงื่อนไข";
    case Extra::Comment: return "ข้อคิดเห็น";
    case Extra::Hyperlink: return "ลิงก์";
    case Extra::Sparkline: return "กราฟในเซลล์ (sparkline)";
    case Extra::Control: return "ตัวควบคุม/วัตถุฝัง";
    case Extra::Validation: return "การตรวจสอบข้อมูล (data validation)";
    case Extra::ChartSheet: return "ชีตแผนภูมิ";
    case Extra::Macros: return "แมโคร (VBA)";
    case Extra::EmptyFormat: return "รูปแบบของแถวว่างท้ายข้อมูล";
  }
  return "";
}

const char* extra_en(Extra kind) {
  switch (kind) {
    case Extra::Chart: return "chart(s)";
    case Extra::Image: return "image(s)";
    case Extra::Shape: return "shape(s) or text box(es)";
    case Extra::PivotTable: return "pivot table(s)";
    case Extra::Table: return "table(s)";
    case Extra::ConditionalFormat: return "conditional format(s)";
    case Extra::Comment: return "comment(s)";
    case Extra::Hyperlink: return "hyperlink(s)";
    case Extra::Sparkline: return "sparkline group(s)";
    case Extra::Control: return "control(s) or embedded object(s)";
    case Extra::Validation: return "data validation(s)";
    case Extra::ChartSheet: return "chart sheet(s)";
    case Extra::Macros: return "macro project(s) (VBA)";
    case Extra::EmptyFormat: return "formatted empty row(s) below the data";
  }
  return "";
}

SheetLayout read_sheet_layout(const ZipArchive& zip, const std::string& path, const SheetInfo& info,
                              const Limits& limits, const std::vector<std::string>& strings) {
  LayoutHandler handler(path, info.part, limits, strings);
  const auto entry = zip.find(info.part);
  if (!entry) errors::missing_part(path, info.part);
  parse_xml(zip, *entry, info.part, path, handler);
  handler.finish();
  SheetLayout layout = std::move(handler.layout);
  for (const auto& rel : read_relationships(zip, path, info.part)) {
    if (rel.external) continue;
    if (type_is(rel.type, "drawing")) {
      DrawingHandler drawing(layout);
      parse_related(zip, path, rel, drawing, layout, Extra::Shape);
    } else if (type_is(rel.type, "comments")) {
      CommentsHandler comments(layout);
      parse_related(zip, path, rel, comments, layout, Extra::Comment);
    } else if (type_is(rel.type, "pivotTable")) {
      layout.count(Extra::PivotTable);
    } else if (type_is(rel.type, "table")) {
      layout.count(Extra::Table);
    } else if (type_is(rel.type, "ctrlProp") || type_is(rel.type, "oleObject") || type_is(rel.type, "package")) {
      layout.count(Extra::Control);
    }
  }
  return layout;
}

}  // namespace itawb::xlsx

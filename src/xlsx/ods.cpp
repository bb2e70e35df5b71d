#include "xlsx/ods.hpp"
#include "xlsx/transcode.hpp"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string_view>
#include <vector>

#include "base/charconv.hpp"
#include "xlsx/cell_ref.hpp"
#include "xlsx/file_errors.hpp"
#include "xlsx/xml_sax.hpp"
#include "xlsx/zip_archive.hpp"

namespace itawb::xlsx {
namespace {

constexpr uint32_t kMaxRows = 1'048'576, kMaxCols = 16'384;
// Repeated empty rows written out (hidden or of their own height) at most:
// the trailing "1,048,000 rows repeated" an .ods ends its sheets with is not.
constexpr uint32_t kMaxEmptyRowsWritten = 1'000;

// The styles.xml cellXfs the transcoded cells use, by index.

constexpr std::string_view kOdsMime = "application/vnd.oasis.opendocument.spreadsheet";

// ODF lengths ("2.258cm", "0.1783in", "12.8pt", "45mm") in points.
std::optional<double> length_pt(const char* v) {
  if (!v) return std::nullopt;
  const std::string_view s(v);
  double n = 0;
  const auto r = parse_double(s.data(), s.data() + s.size(), n);
  if (r.ec != std::errc() || !(n >= 0)) return std::nullopt;
  const std::string_view unit(r.ptr, static_cast<size_t>(s.data() + s.size() - r.ptr));
  if (unit == "pt") return n;
  if (unit == "in") return n * 72;
  if (unit == "cm") return n * 72 / 2.54;
  if (unit == "mm") return n * 72 / 25.4;
  if (unit == "pc") return n * 12;
  if (unit == "px") return n * 0.75;
  return std::nullopt;
}

// "2024-10-01" or "2024-10-01T08:30:00(.5)" as an Excel serial (1900 system).
std::optional<std::pair<double, bool>> date_serial(std::string_view s) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  double sec = 0;
  auto num = [&](std::string_view part, int& out) {
    return !part.empty() && std::from_chars(part.data(), part.data() + part.size(), out).ptr == part.data() + part.size();
  };
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!num(s.substr(0, 4), y) || !num(s.substr(5, 2), mo) || !num(s.substr(8, 2), d)) return std::nullopt;
  if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
  bool has_time = false;
  if (s.size() > 10) {
    if (s[10] != 'T' || s.size() < 19 || s[13] != ':' || s[16] != ':') return std::nullopt;
    if (!num(s.substr(11, 2), h) || !num(s.substr(14, 2), mi)) return std::nullopt;
    std::string_view rest = s.substr(17);
    const auto r = parse_double(rest.data(), rest.data() + rest.size(), sec);
    if (r.ec != std::errc()) return std::nullopt;
    has_time = h != 0 || mi != 0 || sec != 0;
  }
  const double serial = datetime_to_serial(y, mo, d) + (h * 3600 + mi * 60 + sec) / 86400.0;
  return std::make_pair(serial, has_time);
}

// "PT08H30M00S" (xsd:duration of a time cell) in days.
std::optional<double> duration_days(std::string_view s) {
  bool negative = false;
  if (!s.empty() && s.front() == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  if (s.size() < 2 || s[0] != 'P') return std::nullopt;
  s.remove_prefix(1);
  double seconds = 0;
  bool in_time = false;
  while (!s.empty()) {
    if (s.front() == 'T') {
      in_time = true;
      s.remove_prefix(1);
      continue;
    }
    double n = 0;
    const auto r = parse_double(s.data(), s.data() + s.size(), n);
    if (r.ec != std::errc() || r.ptr == s.data() + s.size()) return std::nullopt;
    const char unit = *r.ptr;
    s.remove_prefix(static_cast<size_t>(r.ptr - s.data()) + 1);
    if (unit == 'D' && !in_time) seconds += n * 86400;
    else if (unit == 'H' && in_time) seconds += n * 3600;
    else if (unit == 'M' && in_time) seconds += n * 60;
    else if (unit == 'S' && in_time) seconds += n;
    else return std::nullopt;
  }
  return (negative ? -seconds : seconds) / 86400.0;
}

struct CellValue {
  uint32_t col = 0;
  char type = 'n';  // n number, s text, b boolean, e error
  uint32_t xf = kGeneral;
  std::string value;  // the number's text, the text, "1"/"0", the error
};

// content.xml, streamed: automatic styles first (what hides a sheet, how wide
// a column, how tall a row), then each table row by row.
class ContentHandler : public SaxHandler {
 public:
  ContentHandler(const std::string& path, const Limits& limits) : path_(path), limits_(limits) {}

  std::vector<TranscodedSheet> sheets;

  void start(std::string_view name, const char** attrs) override {
    if (skip_depth_) {
      ++skip_depth_;
      return;
    }
    if (in_cell_) {
      if (name == "annotation" || name == "frame" || name == "custom-shape" || name == "rect" || name == "g") {
        skip_depth_ = 1;  // a comment or a drawing in the cell: not its value
      } else if (name == "p" || name == "h") {
        if (paragraphs_++) text_ += '\n';
        in_paragraph_ = true;
      } else if (name == "s") {
        const auto n = attr_uint(find_attr(attrs, "c")).value_or(1);
        text_.append(std::min<uint32_t>(n, 1024), ' ');
      } else if (name == "tab") {
        text_ += '\t';
      } else if (name == "line-break") {
        text_ += '\n';
      }
      return;
    }
    if (name == "style") {
      style_name_ = attr(attrs, "name");
      return;
    }
    if (name == "table-properties") {
      const char* display = find_attr(attrs, "display");
      if (display && std::string_view(display) == "false") hidden_tables_.push_back(style_name_);
      return;
    }
    if (name == "table-column-properties") {
      if (const auto w = length_pt(find_attr(attrs, "column-width"))) column_widths_[style_name_] = *w;
      return;
    }
    if (name == "table-row-properties") {
      const char* use_optimal = find_attr(attrs, "use-optimal-row-height");
      const bool optimal = use_optimal && std::string_view(use_optimal) == "true";
      if (const auto h = length_pt(find_attr(attrs, "row-height")); h && !optimal) row_heights_[style_name_] = *h;
      return;
    }
    if (name == "table" && !in_table_) {
      in_table_ = true;
      TranscodedSheet s;
      s.name = attr(attrs, "name");
      const std::string style = attr(attrs, "style-name");
      s.hidden = std::find(hidden_tables_.begin(), hidden_tables_.end(), style) != hidden_tables_.end();
      sheets.push_back(std::move(s));
      row_ = 0;
      cells_ = 0;
      columns_.clear();
      merges_.clear();
      rows_xml_.clear();
      column_ = 0;
      return;
    }
    if (!in_table_) return;
    if (name == "table" || name == "shapes") {  // a table inside the table, drawings: not cells
      skip_depth_ = 1;
      return;
    }
    if (name == "table-column") {
      const uint32_t repeat = std::max<uint32_t>(1, attr_uint(find_attr(attrs, "number-columns-repeated")).value_or(1));
      const std::string style = attr(attrs, "style-name");
      const char* vis = find_attr(attrs, "visibility");
      const bool hidden = vis && std::string_view(vis) != "visible";
      const auto w = column_widths_.find(style);
      if (column_ < kMaxCols && (hidden || w != column_widths_.end())) {
        const uint32_t last = std::min<uint64_t>(uint64_t{column_} + repeat, kMaxCols) - 1;
        columns_.push_back({column_, last, w != column_widths_.end() ? w->second : 0, hidden});
      }
      column_ = static_cast<uint32_t>(std::min<uint64_t>(uint64_t{column_} + repeat, kMaxCols));
      return;
    }
    if (name == "table-row") {
      row_repeat_ = std::max<uint32_t>(1, attr_uint(find_attr(attrs, "number-rows-repeated")).value_or(1));
      const char* vis = find_attr(attrs, "visibility");
      row_hidden_ = vis && std::string_view(vis) != "visible";
      const auto h = row_heights_.find(attr(attrs, "style-name"));
      row_height_ = h != row_heights_.end() ? std::optional<double>(h->second) : std::nullopt;
      row_cells_.clear();
      row_bytes_ = 0;
      col_ = 0;
      return;
    }
    if (name == "table-cell" || name == "covered-table-cell") {
      cell_repeat_ = std::max<uint32_t>(1, attr_uint(find_attr(attrs, "number-columns-repeated")).value_or(1));
      cell_ = CellValue{};
      cell_.col = col_;
      has_value_ = false;
      text_.clear();
      paragraphs_ = 0;
      in_cell_ = true;
      if (name == "covered-table-cell") return;  // hidden under a merged cell: no value of its own
      read_value(attrs);
      const uint32_t across = std::max<uint32_t>(1, attr_uint(find_attr(attrs, "number-columns-spanned")).value_or(1));
      const uint32_t down = std::max<uint32_t>(1, attr_uint(find_attr(attrs, "number-rows-spanned")).value_or(1));
      if ((across > 1 || down > 1) && row_ < kMaxRows && col_ < kMaxCols)
        merges_.push_back({row_, col_, static_cast<uint32_t>(std::min<uint64_t>(uint64_t{row_} + down - 1, kMaxRows - 1)),
                           static_cast<uint32_t>(std::min<uint64_t>(uint64_t{col_} + across - 1, kMaxCols - 1))});
    }
  }

  void end(std::string_view name) override {
    if (skip_depth_) {
      --skip_depth_;
      return;
    }
    if (in_cell_ && (name == "p" || name == "h")) {
      in_paragraph_ = false;
      return;
    }
    if (name == "table-cell" || name == "covered-table-cell") {
      if (!in_cell_) return;  // a cell outside any table: nothing to keep
      in_cell_ = false;
      finish_cell();
      col_ = static_cast<uint32_t>(std::min<uint64_t>(uint64_t{col_} + cell_repeat_, kMaxCols));
      return;
    }
    if (name == "table-row" && in_table_) {
      finish_row();
      return;
    }
    if (name == "table" && in_table_) {
      finish_table();
      in_table_ = false;
    }
  }

  void text(const char* data, int len) override {
    if (in_cell_ && in_paragraph_ && !skip_depth_) {
      text_.append(data, static_cast<size_t>(len));
      if (text_.size() > (1u << 20)) text_.resize(1u << 20);  // far past Excel's 32,767: the writer cuts it
    }
  }

 private:
  struct Column {
    uint32_t first, last;
    double width_pt;
    bool hidden;
  };

  // The expanded sheet part at most: the per-part limit, and never more than
  // 64 MiB (an agency's sheet is under 1 MiB).
  uint64_t max_xml_bytes() const { return std::min<uint64_t>(limits_.max_entry_bytes, 64ull << 20); }

  static std::string attr(const char** attrs, std::string_view local) {
    const char* v = find_attr(attrs, local);
    return v ? v : "";
  }

  void read_value(const char** attrs) {
    std::string type = attr(attrs, "value-type");
    // LibreOffice marks a formula's error as calcext:value-type="error",
    // Gnumeric as gnm:error-value; both beside an ordinary value type.
    for (const char** a = attrs; a[0]; a += 2) {
      const std::string_view n(a[0]), v(a[1]);
      if ((n == "calcext:value-type" && v == "error") || local_name(a[0]) == "error-value") type = "error";
    }
    const char* value = find_attr(attrs, "value");
    if (type == "float" || type == "currency" || type == "percentage") {
      if (const auto v = attr_double(value)) {
        cell_.type = 'n';
        cell_.xf = type == "percentage" ? kPercent : kGeneral;
        cell_.value = number_text(*v);
        has_value_ = true;
      }
    } else if (type == "date") {
      const std::string d = attr(attrs, "date-value");
      if (const auto serial = date_serial(d)) {
        cell_.type = 'n';
        cell_.xf = serial->second ? kDateTime : kDate;
        cell_.value = number_text(serial->first);
        has_value_ = true;
      }  // before 1900 or unreadable: the text the cell shows (finish_cell)
    } else if (type == "time") {
      if (const auto days = duration_days(attr(attrs, "time-value"))) {
        cell_.type = 'n';
        // As Excel holds a time: a number of days in a time format. (An
        // elapsed-time format, [h]:mm, is not told apart: it reads as a time.)
        cell_.xf = kTime;
        cell_.value = number_text(*days);
        has_value_ = true;
      }
    } else if (type == "boolean") {
      const std::string b = attr(attrs, "boolean-value");
      cell_.type = 'b';
      cell_.value = b == "true" || b == "1" ? "1" : "0";
      has_value_ = true;
    } else if (type == "string") {
      if (const char* s = find_attr(attrs, "string-value")) {
        cell_.type = 's';
        cell_.value = s;
        has_value_ = true;
      }
    } else if (type == "error") {
      cell_.type = 'e';
      if (const char* e = find_attr(attrs, "error-value")) {
        cell_.value = e;
        has_value_ = true;
      }
    }
  }

  void finish_cell() {
    if (!has_value_) {
      if (text_.empty()) return;
      cell_.value = text_;
      if (cell_.type != 'e') cell_.type = 's';
      else if (cell_.value.empty() || cell_.value.front() != '#') cell_.value = "#VALUE!";
    }
    // A value repeated across the row is checked before it is copied: a
    // long text repeated over 16,384 columns must not fill the memory.
    const uint64_t copies = std::min<uint64_t>(cell_repeat_, kMaxCols - std::min(cell_.col, kMaxCols));
    row_bytes_ += copies * (cell_.value.size() + 32);
    if (row_bytes_ + rows_xml_.size() > max_xml_bytes()) too_large_sheet();
    for (uint32_t i = 0; i < copies; ++i) {
      CellValue c = cell_;
      c.col = cell_.col + i;
      row_cells_.push_back(std::move(c));
    }
  }

  [[noreturn]] void too_large_sheet() const {
    errors::too_large(path_, "content.xml",
                      "ชีต '" + sheets.back().name + "' เมื่อขยายแถวและคอลัมน์ที่ซ้ำแล้วใหญ่เกิน " +
                          std::to_string(max_xml_bytes() >> 20) + " MiB",
                      "sheet '" + sheets.back().name + "' exceeds " + std::to_string(max_xml_bytes() >> 20) +
                          " MiB once its repeated rows and columns are expanded");
  }

  void finish_row() {
    const bool empty = row_cells_.empty();
    if (empty && !row_hidden_ && !row_height_) {
      advance_rows();
      return;
    }
    const uint32_t repeat = empty ? std::min(row_repeat_, kMaxEmptyRowsWritten) : row_repeat_;
    for (uint32_t i = 0; i < repeat && row_ < kMaxRows; ++i, ++row_) {
      cells_ += row_cells_.size();
      if (cells_ > limits_.max_cells_per_sheet)
        errors::too_large(path_, "content.xml",
                          "ชีต '" + sheets.back().name + "' มีเซลล์ที่มีข้อมูลเกิน " + std::to_string(limits_.max_cells_per_sheet) + " เซลล์",
                          "sheet '" + sheets.back().name + "' has more than " + std::to_string(limits_.max_cells_per_sheet) +
                              " non-empty cells");
      std::string& x = rows_xml_;
      x += "<row r=\"" + std::to_string(row_ + 1) + "\"";
      if (row_height_) x += " ht=\"" + number_text(*row_height_) + "\" customHeight=\"1\"";
      if (row_hidden_) x += " hidden=\"1\"";
      x += ">";
      for (const auto& c : row_cells_) append_cell(x, row_, c.col, c.type, c.xf, c.value);
      x += "</row>";
      if (x.size() > max_xml_bytes()) too_large_sheet();
    }
    if (repeat < row_repeat_) advance_rows(row_repeat_ - repeat);
  }

  void advance_rows(uint32_t n = 0) {
    row_ = static_cast<uint32_t>(std::min<uint64_t>(uint64_t{row_} + (n ? n : row_repeat_), kMaxRows));
  }

  void finish_table() {
    TranscodedSheet& s = sheets.back();
    std::string& x = s.xml;
    x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
    if (!columns_.empty()) {
      x += "<cols>";
      for (const auto& c : columns_) {
        x += "<col min=\"" + std::to_string(c.first + 1) + "\" max=\"" + std::to_string(c.last + 1) + "\"";
        // Points to Excel's character widths (7-pixel digits of Calibri 11, 5 pixels of padding).
        if (c.width_pt > 0) x += " width=\"" + number_text(std::max(0.0, (c.width_pt / 0.75 - 5) / 7)) + "\" customWidth=\"1\"";
        if (c.hidden) x += " hidden=\"1\"";
        x += "/>";
      }
      x += "</cols>";
    }
    x += "<sheetData>";
    x += rows_xml_;
    x += "</sheetData>";
    if (!merges_.empty()) {
      x += "<mergeCells count=\"" + std::to_string(merges_.size()) + "\">";
      for (const auto& m : merges_)
        x += "<mergeCell ref=\"" + ref_name(m.first_row, m.first_col) + ":" + ref_name(m.last_row, m.last_col) + "\"/>";
      x += "</mergeCells>";
    }
    x += "</worksheet>";
    rows_xml_.clear();
    rows_xml_.shrink_to_fit();
  }

  const std::string& path_;
  const Limits& limits_;
  int skip_depth_ = 0;
  std::string style_name_;
  std::vector<std::string> hidden_tables_;
  std::map<std::string, double> column_widths_, row_heights_;
  bool in_table_ = false;
  uint32_t row_ = 0, column_ = 0, col_ = 0;
  uint64_t cells_ = 0;
  uint64_t row_bytes_ = 0;  // what the current row's cells will take, repeats included
  uint32_t row_repeat_ = 1, cell_repeat_ = 1;
  bool row_hidden_ = false;
  std::optional<double> row_height_;
  std::vector<Column> columns_;
  std::vector<Range> merges_;
  std::vector<CellValue> row_cells_;
  std::string rows_xml_;
  bool in_cell_ = false, in_paragraph_ = false, has_value_ = false;
  int paragraphs_ = 0;
  CellValue cell_;
  std::string text_;
};

}  // namespace

OdfKind odf_kind(const ZipArchive& zip) {
  if (const auto m = zip.find("mimetype")) {
    std::string mime = zip.read_all(*m);
    while (!mime.empty() && (mime.back() == '\n' || mime.back() == '\r' || mime.back() == ' ')) mime.pop_back();
    if (mime.rfind(kOdsMime, 0) == 0) return OdfKind::Spreadsheet;  // also ...spreadsheet-template
    if (mime.rfind("application/vnd.oasis.opendocument.", 0) == 0) return OdfKind::Other;
    return OdfKind::NotOdf;
  }
  if (zip.contains("content.xml") && !zip.contains("[Content_Types].xml")) return OdfKind::Spreadsheet;
  return OdfKind::NotOdf;
}

std::string ods_to_xlsx(const ZipArchive& zip, const std::string& path, const Limits& limits) {
  // A password-protected document keeps its manifest in the clear and
  // content.xml encrypted.
  if (const auto manifest = zip.find("META-INF/manifest.xml")) {
    const std::string m = zip.read_all(*manifest);
    if (m.find("encryption-data") != std::string::npos) errors::encrypted(path);
  }
  ContentHandler content(path, limits);
  parse_part(zip, path, "content.xml", content);
  if (content.sheets.empty()) errors::ods_without_sheets(path);

  return transcoded_package(content.sheets, path);
}

}  // namespace itawb::xlsx

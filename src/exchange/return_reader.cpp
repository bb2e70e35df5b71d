// Reading a workbook a department sent back: its identity sheet and every
// row of its progress sheet that has something in an input cell.
#include <map>
#include <optional>

#include "calendar/calendar.hpp"
#include "exchange/exchange.hpp"
#include "plan/plan.hpp"
#include "text/thai.hpp"
#include "xlsx/cell_ref.hpp"
#include "xlsx/reader.hpp"

namespace itawb::exchange {
namespace {

namespace L = return_layout;

std::string cell_text(const xlsx::Cell& c) {
  return c.type == xlsx::CellType::String ? text::trim(c.text) : c.display();
}

std::optional<SplitIdentity> read_identity(const xlsx::Workbook& wb) {
  const auto index = wb.find_sheet(kIdentitySheet);
  if (!index) return std::nullopt;
  const xlsx::Sheet sheet = wb.read_sheet(*index);
  std::map<uint32_t, std::map<uint32_t, std::string>> rows;
  for (const auto& c : sheet.cells) rows[c.row][c.col] = cell_text(c);
  SplitIdentity id;
  id.format = 0;
  id.plan_year = 0;
  for (auto& [r, cols] : rows) {
    const std::string key = cols[0], value = cols[1];
    if (key == "format") id.format = static_cast<int>(text::parse_number(value).value_or(0));
    else if (key == "source_name") id.source_name = value;
    else if (key == "source_checksum") id.source_checksum = value;
    else if (key == "agency") id.agency = value;
    else if (key == "plan_year") id.plan_year = static_cast<int>(text::parse_number(value).value_or(0));
    else if (key == "department") id.department = value;
    else if (key == "split_time") id.split_time = value;
    else if (key == "checksum") id.checksum = value;
    else if (key == "measure") id.measures.emplace_back(value, cols[2]);
  }
  return id;
}

// Column of each header label in the header row, found by text so that the
// reader does not depend on the writer's column order alone.
// Returns field -> column.
std::map<uint32_t, uint32_t> header_columns(const xlsx::Sheet& sheet, uint32_t& header_row) {
  const std::map<std::string, uint32_t> wanted = {
      {text::label_key("ลำดับมาตรการ"), L::kId},     {text::label_key("ไตรมาส"), L::kQuarter},
      {text::label_key("สถานะ"), L::kStatus},         {text::label_key("ผลการดำเนินการ"), L::kResult},
      {text::label_key("ปัญหาอุปสรรค"), L::kObstacles}, {text::label_key("ข้อเสนอแนะ"), L::kSuggestions},
      {text::label_key("หลักฐาน (ลิงก์)"), L::kEvidence}, {text::label_key("ผู้รายงาน"), L::kReporter},
      {text::label_key("วันที่รายงาน"), L::kDate}};
  std::map<uint32_t, std::map<uint32_t, uint32_t>> found;  // row -> field -> column
  for (const auto& c : sheet.cells) {
    if (c.row > 20) break;
    if (c.type != xlsx::CellType::String) continue;
    const auto it = wanted.find(text::label_key(c.text));
    if (it != wanted.end()) found[c.row][it->second] = c.col;
  }
  for (const auto& [row, cols] : found) {
    if (cols.count(L::kId) && cols.count(L::kStatus)) {
      header_row = row;
      return cols;
    }
  }
  header_row = L::kHeaderRow;
  std::map<uint32_t, uint32_t> fixed;
  for (uint32_t c = 0; c < L::kColumnCount; ++c) fixed[c] = c;
  return fixed;
}

int parse_quarter(std::string_view written) {
  std::string s = text::ascii_lower(text::arabic_digits(text::squeeze(written)));
  for (const char* prefix : {"ไตรมาสที่", "ไตรมาส", "q"})
    if (s.rfind(prefix, 0) == 0) s = text::trim(s.substr(std::string_view(prefix).size()));
  const auto n = text::parse_number(s);
  if (!n || *n != static_cast<int>(*n) || *n < 1 || *n > 4) return 0;
  return static_cast<int>(*n);
}

std::string report_date(const xlsx::Cell& c) {
  if (c.type == xlsx::CellType::Date || c.type == xlsx::CellType::Number) {
    const auto dt = xlsx::serial_to_datetime(c.number);
    return dt ? calendar::Date{dt->year, dt->month, dt->day}.iso() : c.display();
  }
  const std::string written = text::trim(c.text);
  const auto parsed = calendar::parse_date(written);
  return parsed ? parsed->iso() : written;
}

void read_rows(const xlsx::Sheet& sheet, const std::string& label, ReturnedWorkbook& out) {
  uint32_t header_row = 0;
  const auto columns = header_columns(sheet, header_row);
  std::map<uint32_t, uint32_t> field_of_col;  // column -> field
  for (const auto& [field, col] : columns) field_of_col[col] = field;

  std::map<uint32_t, std::map<uint32_t, const xlsx::Cell*>> rows;  // row -> field -> cell
  for (const auto& c : sheet.cells) {
    if (c.row <= header_row) continue;
    const auto it = field_of_col.find(c.col);
    if (it != field_of_col.end()) rows[c.row][it->second] = &c;
  }
  for (const auto& [r, fields] : rows) {
    auto text_of = [&](uint32_t field) {
      const auto it = fields.find(field);
      return it == fields.end() ? std::string() : cell_text(*it->second);
    };
    bool has_input = false;
    for (uint32_t f = L::kStatus; f < L::kColumnCount; ++f) has_input = has_input || !text_of(f).empty();
    if (!has_input) continue;  // a placeholder left empty: nothing was reported

    ReturnedRow row;
    row.file = label;
    row.sheet = sheet.info.name;
    row.row = r;
    row.measure_id = text_of(L::kId);
    row.quarter_text = text_of(L::kQuarter);
    row.quarter = parse_quarter(row.quarter_text);
    row.status_text = text_of(L::kStatus);
    auto& p = row.progress;
    p.measure_id = plan::measure_key(row.measure_id);
    p.quarter = row.quarter;
    p.status = row.status_text;
    p.result = text_of(L::kResult);
    p.obstacles = text_of(L::kObstacles);
    p.suggestions = text_of(L::kSuggestions);
    p.evidence = text_of(L::kEvidence);
    p.reporter = text_of(L::kReporter);
    if (const auto it = fields.find(L::kDate); it != fields.end()) p.report_date = report_date(*it->second);
    const auto id_col = columns.find(L::kId);
    p.origin = {sheet.info.name, r, id_col == columns.end() ? 0u : id_col->second};
    out.rows.push_back(std::move(row));
  }
}

}  // namespace

std::string ReturnedRow::cell() const { return xlsx::ref_name(progress.origin.row, progress.origin.col); }

ReturnedWorkbook read_return(const std::filesystem::path& path, const std::string& label) {
  const xlsx::Workbook wb = xlsx::Workbook::open(path.string());
  ReturnedWorkbook out;
  out.file = label.empty() ? path.string() : label;
  out.identity = read_identity(wb);
  if (const auto index = wb.find_sheet(kReturnProgressSheet)) {
    out.has_progress_sheet = true;
    read_rows(wb.read_sheet(*index), out.file, out);
  }
  return out;
}

}  // namespace itawb::exchange

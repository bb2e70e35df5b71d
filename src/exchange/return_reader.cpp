// Reading a workbook a department sent back: its identity sheet and every
// row of its progress sheet that has something in an input cell.
#include <map>
#include <optional>

#include "calendar/calendar.hpp"
#include "exchange/exchange.hpp"
#include "plan/plan.hpp"
#include "schema/table.hpp"
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

// Field name per column of the progress sheet: found by the schema's header
// labels (schema::find_header), so that the reader does not depend on the
// writer's column order; the writer's layout when no header is found.
std::map<uint32_t, std::string> header_columns(const xlsx::Sheet& sheet, const schema::SheetSchema& progress,
                                               uint32_t& header_row) {
  std::map<uint32_t, std::string> out;  // column -> field
  const auto header = schema::find_header(sheet, progress);
  if (header && header->column(progress, "measure_id") && header->column(progress, "status")) {
    header_row = header->row;
    for (size_t f = 0; f < progress.fields.size(); ++f)
      if (header->columns[f]) out.emplace(*header->columns[f], progress.fields[f].name);
    return out;
  }
  header_row = L::kHeaderRow;
  const auto columns = return_columns(progress);
  for (uint32_t c = 0; c < columns.size(); ++c)
    if (!columns[c].field.empty()) out.emplace(c, columns[c].field);
  return out;
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

void read_rows(const xlsx::Sheet& sheet, const schema::SheetSchema& progress, const std::string& label,
               ReturnedWorkbook& out) {
  uint32_t header_row = 0;
  const auto field_of_col = header_columns(sheet, progress, header_row);
  uint32_t id_col = 0;
  std::optional<uint32_t> status_col;
  for (const auto& [col, field] : field_of_col) {
    if (field == "measure_id") id_col = col;
    if (field == "status") status_col = col;
  }

  std::map<uint32_t, std::map<std::string, const xlsx::Cell*>> rows;  // row -> field -> cell
  for (const auto& c : sheet.cells) {
    if (c.row <= header_row) continue;
    const auto it = field_of_col.find(c.col);
    if (it != field_of_col.end()) rows[c.row][it->second] = &c;
  }
  for (const auto& [r, fields] : rows) {
    auto text_of = [&fields = fields](const std::string& field) {
      const auto it = fields.find(field);
      return it == fields.end() ? std::string() : cell_text(*it->second);
    };
    // Something in an input cell (any field but the measure id and quarter
    // the writer fills in): a placeholder left empty reports nothing.
    bool has_input = false;
    for (const auto& [field, cell] : fields)
      if (field != "measure_id" && field != "quarter" && field != "department")
        has_input = has_input || !cell_text(*cell).empty();
    if (!has_input) continue;

    ReturnedRow row;
    row.file = label;
    row.sheet = sheet.info.name;
    row.row = r;
    row.measure_id = text_of("measure_id");
    row.quarter_text = text_of("quarter");
    row.quarter = parse_quarter(row.quarter_text);
    row.status_text = text_of("status");
    if (status_col) row.status_cell = xlsx::ref_name(r, *status_col);
    auto& p = row.progress;
    for (const auto& [field, cell] : fields) {
      if (field == "measure_id" || field == "quarter" || field == "department") continue;
      p.set(field, field == "report_date" ? report_date(*cell) : cell_text(*cell));
    }
    p.measure_id = plan::measure_key(row.measure_id);
    p.quarter = row.quarter;
    p.status = row.status_text;
    p.origin = {sheet.info.name, r, id_col};
    out.rows.push_back(std::move(row));
  }
}

}  // namespace

ReturnedWorkbook read_return(const std::filesystem::path& path, const schema::SheetSchema& progress,
                             const std::string& label) {
  return read_return(xlsx::Workbook::open(path.string()), progress, label.empty() ? path.string() : label);
}

ReturnedWorkbook read_return(const xlsx::Workbook& wb, const schema::SheetSchema& progress,
                             const std::string& label) {
  ReturnedWorkbook out;
  out.file = label;
  out.identity = read_identity(wb);
  if (const auto index = wb.find_sheet(kReturnProgressSheet)) {
    out.has_progress_sheet = true;
    read_rows(wb.read_sheet(*index), progress, out.file, out);
  }
  return out;
}

}  // namespace itawb::exchange

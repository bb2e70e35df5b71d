#include "xlsx/inspect.hpp"

#include <sstream>

#include "base/error.hpp"

#include <nlohmann/json.hpp>

namespace itawb::xlsx {
namespace {

std::vector<size_t> chosen_sheets(const Workbook& wb, const std::optional<std::string>& only) {
  std::vector<size_t> out;
  if (!only) {
    for (size_t i = 0; i < wb.sheets().size(); ++i) out.push_back(i);
    return out;
  }
  const auto index = wb.find_sheet(*only);
  if (!index)
    throw Error("no-sheet", "ไม่พบชีต '" + *only + "' ในไฟล์นี้", "no sheet named '" + *only + "' in this workbook");
  out.push_back(*index);
  return out;
}

nlohmann::ordered_json cell_json(const Workbook& wb, const Cell& c) {
  nlohmann::ordered_json j;
  j["ref"] = c.ref();
  j["type"] = to_string(c.type);
  switch (c.type) {
    case CellType::Number: j["value"] = c.number; break;
    case CellType::Boolean: j["value"] = c.number != 0; break;
    case CellType::Date: j["value"] = c.display(); break;
    case CellType::String:
    case CellType::Error: j["value"] = c.text; break;
  }
  if (c.type == CellType::Number || c.type == CellType::Date) j["format"] = wb.number_format(c.style);
  if (c.formula) j["formula"] = true;
  if (c.uncalculated) j["uncalculated"] = true;
  return j;
}

}  // namespace

std::string range_name(const Range& r) {
  const std::string first = ref_name(r.first_row, r.first_col);
  if (r.first_row == r.last_row && r.first_col == r.last_col) return first;
  return first + ":" + ref_name(r.last_row, r.last_col);
}

std::string inspect_json(const Workbook& wb, const std::optional<std::string>& only_sheet, int indent) {
  nlohmann::ordered_json doc;
  doc["file"] = wb.path();
  doc["date1904"] = wb.date1904();
  doc["sheets"] = nlohmann::ordered_json::array();
  for (const size_t i : chosen_sheets(wb, only_sheet)) {
    const Sheet sheet = wb.read_sheet(i);
    nlohmann::ordered_json s;
    s["name"] = sheet.info.name;
    s["visibility"] = to_string(sheet.info.visibility);
    s["kind"] = to_string(sheet.info.kind);
    s["cells"] = nlohmann::ordered_json::array();
    for (const Cell& c : sheet.cells) s["cells"].push_back(cell_json(wb, c));
    s["merged"] = nlohmann::ordered_json::array();
    for (const Range& r : sheet.merged) s["merged"].push_back(range_name(r));
    doc["sheets"].push_back(std::move(s));
  }
  return doc.dump(indent);
}

std::string inspect_text(const Workbook& wb, const std::optional<std::string>& only_sheet) {
  std::ostringstream out;
  out << "file: " << wb.path() << "\n"
      << "date system: " << (wb.date1904() ? "1904" : "1900") << "\n";
  for (const size_t i : chosen_sheets(wb, only_sheet)) {
    const Sheet sheet = wb.read_sheet(i);
    out << "\nsheet '" << sheet.info.name << "' (" << to_string(sheet.info.visibility);
    if (sheet.info.kind != SheetKind::Worksheet) out << ", " << to_string(sheet.info.kind);
    out << "): " << sheet.cells.size() << " cells\n";
    if (!sheet.merged.empty()) {
      out << "merged:";
      for (const Range& r : sheet.merged) out << " " << range_name(r);
      out << "\n";
    }
    for (const Cell& c : sheet.cells) {
      std::string ref = c.ref();
      ref.resize(std::max<size_t>(ref.size(), 8), ' ');
      out << "  " << ref << to_string(c.type) << "  "
          << (c.uncalculated ? std::string("(uncalculated)") : c.display());
      if (c.type == CellType::Number || c.type == CellType::Date)
        out << "  [" << wb.number_format(c.style) << "]";
      if (c.formula) out << "  =formula";
      out << "\n";
    }
  }
  return out.str();
}

}  // namespace itawb::xlsx

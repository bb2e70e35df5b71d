// Builds the AgencyWorkbook of a standard workbook from openpyxl's dump
// (tests/support/openpyxl_dump.py), independently of src/xlsx and src/schema:
// the plan tests read the committed examples exactly as a person sees them.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "ita/model.hpp"
#include "support/helpers.hpp"
#include "xlsx/cell_ref.hpp"

namespace itawb::test {

inline std::string cell_text(const nlohmann::json& cells, const std::string& ref) {
  if (!cells.contains(ref)) return "";
  const auto& v = cells[ref]["v"];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number()) {
    const double d = v.get<double>();
    if (d == static_cast<long long>(d)) return std::to_string(static_cast<long long>(d));
    return std::to_string(d);
  }
  return v.dump();
}

// Columns of a table sheet by header label, found in row 1 or 2 (a title row
// may come first). Returns the header row (zero-based) through `header_row`.
inline std::map<std::string, uint32_t> header_columns(const nlohmann::json& cells, uint32_t& header_row) {
  for (uint32_t r = 0; r < 2; ++r) {
    std::map<std::string, uint32_t> cols;
    for (uint32_t c = 0; c < 20; ++c) {
      const std::string label = cell_text(cells, xlsx::ref_name(r, c));
      if (!label.empty()) cols[label] = c;
    }
    if (cols.size() >= 3) {
      header_row = r;
      return cols;
    }
  }
  header_row = 0;
  return {};
}

inline ita::AgencyWorkbook workbook_from_dump(const std::filesystem::path& file) {
  const auto dump = openpyxl_read(file, true);
  ita::AgencyWorkbook wb;
  wb.path = file.string();
  const auto& agency = sheet_of(dump, "หน่วยงาน")["cells"];
  for (uint32_t r = 0; r < 20; ++r) {
    const std::string label = cell_text(agency, xlsx::ref_name(r, 0));
    const std::string value = cell_text(agency, xlsx::ref_name(r, 1));
    if (label == "ชื่อหน่วยงาน") wb.agency.name = value;
    if (label == "อำเภอ") wb.agency.district = value;
    if (label == "จังหวัด") wb.agency.province = value;
    if (label == "ปีที่ประเมิน") wb.agency.assessment_year = std::stoi(value);
    if (label == "ปีของมาตรการ") wb.agency.plan_year = std::stoi(value);
  }

  const std::string msheet = "มาตรการ";
  const auto& mcells = sheet_of(dump, msheet)["cells"];
  uint32_t hr = 0;
  auto mc = header_columns(mcells, hr);
  wb.has_measure_sheet = true;
  for (uint32_t r = hr + 1; r < hr + 500; ++r) {
    auto get = [&](const char* h) { return mc.count(h) ? cell_text(mcells, xlsx::ref_name(r, mc[h])) : ""; };
    if (get("ลำดับ").empty() && get("มาตรการ").empty()) break;
    ita::MeasureInput m;
    m.id = get("ลำดับ");
    const std::string issue = get("ประเด็น");
    m.issue = issue.empty() ? 0 : std::stoi(issue);
    m.deficiency = get("ข้อบกพร่อง");
    m.measure = get("มาตรการ");
    m.steps = get("ขั้นตอน");
    m.timeframe = get("ระยะเวลา");
    m.owner = get("ผู้รับผิดชอบ");
    m.budget = get("งบประมาณ");
    m.success_indicator = get("ตัวชี้วัดความสำเร็จ");
    m.origin = {msheet, r, 0};
    m.timeframe_origin = {msheet, r, mc["ระยะเวลา"]};
    m.owner_origin = {msheet, r, mc["ผู้รับผิดชอบ"]};
    wb.measures.push_back(m);
  }

  const std::string psheet = "ความก้าวหน้า";
  const auto& pcells = sheet_of(dump, psheet)["cells"];
  auto pc = header_columns(pcells, hr);
  wb.has_progress_sheet = true;
  for (uint32_t r = hr + 1; r < hr + 500; ++r) {
    auto get = [&](const char* h) { return pc.count(h) ? cell_text(pcells, xlsx::ref_name(r, pc[h])) : ""; };
    if (get("ลำดับมาตรการ").empty()) break;
    ita::ProgressInput p;
    p.measure_id = get("ลำดับมาตรการ");
    const std::string q = get("ไตรมาส");
    p.quarter = q.empty() ? 0 : std::stoi(q);
    p.status = get("สถานะ");
    p.result = get("ผลการดำเนินการ");
    p.obstacles = get("ปัญหาอุปสรรค");
    p.suggestions = get("ข้อเสนอแนะ");
    p.evidence = get("หลักฐาน");
    p.reporter = get("ผู้รายงาน");
    p.report_date = get("วันที่รายงาน").substr(0, 10);  // openpyxl gives ISO date-times
    p.origin = {psheet, r, 0};
    wb.progress.push_back(p);
  }
  return wb;
}

}  // namespace itawb::test

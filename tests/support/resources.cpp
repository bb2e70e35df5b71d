#include "support/resources.hpp"

#include <algorithm>

#include "support/helpers.hpp"

namespace itawb::test {

xlsx::Sheet make_sheet(const std::string& name, const Rows& rows, uint32_t first_row, uint32_t first_col) {
  xlsx::Sheet sheet;
  sheet.info.name = name;
  for (uint32_t r = 0; r < rows.size(); ++r) {
    for (uint32_t c = 0; c < rows[r].size(); ++c) {
      const In& in = rows[r][c];
      if (std::holds_alternative<std::monostate>(in)) continue;
      xlsx::Cell cell;
      cell.row = first_row + r;
      cell.col = first_col + c;
      if (auto* d = std::get_if<double>(&in)) {
        cell.type = xlsx::CellType::Number;
        cell.number = *d;
      } else if (auto* s = std::get_if<std::string>(&in)) {
        if (s->empty()) continue;
        cell.type = xlsx::CellType::String;
        cell.text = *s;
      } else {
        cell.type = xlsx::CellType::Date;
        cell.number = std::get<DateSerial>(in).serial;
      }
      sheet.cells.push_back(cell);
    }
  }
  return sheet;
}

const schema::SchemaSet& schemas() {
  static const schema::SchemaSet set = schema::SchemaSet::load_dir(repo_dir() / "schemas");
  return set;
}

const model::FrameworkCatalog& frameworks() {
  static const model::FrameworkCatalog catalog = model::FrameworkCatalog::load_dir(repo_dir() / "schemas" / "frameworks");
  return catalog;
}

Rows seed_agency_rows() {
  return {{std::string("ข้อมูลหน่วยงาน")},
          {},
          {std::string("ชื่อหน่วยงาน"), std::string("องค์การบริหารส่วนตำบลทุ่งทอง")},
          {std::string("อำเภอ"), std::string("ท่าม่วง")},
          {std::string("จังหวัด"), std::string("กาญจนบุรี")},
          {std::string("ปีที่ประเมิน"), 2567.0},
          {std::string("ปีของมาตรการ"), 2568.0},
          {std::string("คะแนนรวมที่ประกาศ"), 97.13},
          {std::string("ระดับที่ประกาศ"), std::string("ผ่านดีเยี่ยม")}};
}

Rows seed_indicator_rows() {
  const std::vector<std::tuple<double, const char*, double, double>> data{
      {1, "การปฏิบัติหน้าที่", 97.24, 100.00},     {2, "การใช้งบประมาณ", 90.63, 99.80},
      {3, "การใช้อำนาจ", 93.24, 99.80},           {4, "การใช้ทรัพย์สินของราชการ", 95.87, 98.59},
      {5, "การแก้ไขปัญหาการทุจริต", 93.09, 100.00}, {6, "คุณภาพการดำเนินงาน", 86.76, 98.42},
      {7, "ประสิทธิภาพการสื่อสาร", 84.73, 97.35},  {8, "การปรับปรุงการทำงาน", 83.19, 92.05},
      {9, "การเปิดเผยข้อมูล", 70.50, 92.14},       {10, "การป้องกันการทุจริต", 67.50, 100.00}};
  Rows rows{{std::string("ตัวชี้วัด"), std::string("ชื่อตัวชี้วัด"), std::string("คะแนนปีก่อน"), std::string("คะแนน")}};
  for (const auto& [n, name, prev, score] : data) rows.push_back({n, std::string(name), prev, score});
  return rows;
}

Rows seed_question_rows() {
  const std::vector<std::pair<const char*, double>> data{
      {"i1", 100},    {"i2", 100},    {"i3", 100},    {"i4", 99.39},  {"i5", 100},  {"i6", 100},   {"i7", 100},
      {"i8", 99.39},  {"i9", 100},    {"i10", 100},   {"i11", 100},   {"i12", 96.97}, {"i13", 100}, {"i14", 100},
      {"i15", 100},   {"e1", 96.93},  {"e4", 97.69},  {"e5", 96.96},  {"e6", 97.39}, {"e8", 96.59}, {"e9", 82.49}};
  Rows rows{{std::string("รหัส"), std::string("คะแนน")}};
  for (const auto& [code, score] : data) rows.push_back({std::string(code), score});
  return rows;
}

std::vector<xlsx::Sheet> seed_sheets() {
  return {make_sheet("หน่วยงาน", seed_agency_rows()), make_sheet("คะแนนตัวชี้วัด", seed_indicator_rows()),
          make_sheet("คะแนนรายข้อ", seed_question_rows())};
}

model::LoadResult load(const std::vector<xlsx::Sheet>& sheets, const model::LoadOptions& options) {
  model::LoadOptions o = options;
  if (o.file_label.empty()) o.file_label = "test.xlsx";
  return model::load_sheets(sheets, schemas(), frameworks(), o);
}

std::vector<Finding> with_code(const Findings& findings, const std::string& code) {
  std::vector<Finding> out;
  std::copy_if(findings.items().begin(), findings.items().end(), std::back_inserter(out),
               [&](const Finding& f) { return f.code == code; });
  return out;
}

std::string dump(const Findings& findings) {
  std::string out;
  for (const auto& f : findings.items())
    out += std::string(to_string(f.severity)) + " " + f.code + " " + f.location() + " [" + f.value + "] " +
           f.message_th + " | " + f.message_en + "\n";
  return out;
}

}  // namespace itawb::test

#include "output/docs.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "schema/value.hpp"

namespace itawb::output {
namespace {

void type_names(const schema::FieldSchema& f, FieldDoc& d) {
  if (f.format == "code") {
    d.type_th = "รหัสข้อ";
    d.type_en = "question code";
    return;
  }
  switch (f.type) {
    case schema::FieldType::String: d.type_th = "ข้อความ", d.type_en = "text"; break;
    case schema::FieldType::Integer: d.type_th = "จำนวนเต็ม", d.type_en = "whole number"; break;
    case schema::FieldType::Number: d.type_th = "ตัวเลข", d.type_en = "number"; break;
    case schema::FieldType::Date: d.type_th = "วันที่", d.type_en = "date"; break;
    case schema::FieldType::Boolean: d.type_th = "ใช่/ไม่ใช่", d.type_en = "yes/no"; break;
  }
}

const char* list_th(const std::string& list) {
  if (list == "framework:indicators") return "ตัวชี้วัดในเกณฑ์ของปี";
  if (list == "framework:questions") return "ต้องมีในเกณฑ์ของปีที่ประเมิน";
  if (list == "framework:years") return "ปีที่มีเกณฑ์การประเมิน";
  if (list == "framework:issues") return "ประเด็นในเกณฑ์ของปี";
  return "";
}

const char* list_en(const std::string& list) {
  if (list == "framework:indicators") return "an indicator of the year's framework";
  if (list == "framework:questions") return "must exist in the assessment year's framework";
  if (list == "framework:years") return "a year with a framework";
  if (list == "framework:issues") return "an issue of the year's framework";
  return "";
}

void allowed(const schema::FieldSchema& f, FieldDoc& d) {
  std::vector<std::string> th, en;
  const schema::Constraints& c = f.constraints;
  if (c.minimum && c.maximum) {
    th.push_back(schema::format_number(*c.minimum) + "–" + schema::format_number(*c.maximum));
    en.push_back(th.back());
  } else if (c.minimum) {
    th.push_back("ไม่น้อยกว่า " + schema::format_number(*c.minimum));
    en.push_back("at least " + schema::format_number(*c.minimum));
  } else if (c.maximum) {
    th.push_back("ไม่เกิน " + schema::format_number(*c.maximum));
    en.push_back("at most " + schema::format_number(*c.maximum));
  }
  if (!c.enum_values.empty()) {
    th.push_back(fmt::to_string(fmt::join(c.enum_values, " / ")));
    en.push_back(th.back());
  }
  if (c.max_length) {
    th.push_back("ยาวไม่เกิน " + std::to_string(*c.max_length) + " ตัวอักษร");
    en.push_back("at most " + std::to_string(*c.max_length) + " characters");
  }
  if (!f.example.empty() && (f.format == "code" || f.type == schema::FieldType::Date || !c.pattern.empty())) {
    th.push_back("เช่น " + f.example);
    en.push_back("e.g. " + f.example);
  }
  if (c.unique) th.push_back("ห้ามซ้ำ"), en.push_back("unique");
  if (f.repeat) th.push_back("เขียนได้หลายแถว"), en.push_back("may repeat");
  if (!f.list.empty() && *list_th(f.list)) th.push_back(list_th(f.list)), en.push_back(list_en(f.list));
  if (f.list == "measures") th.push_back("ต้องมีในชีต มาตรการ"), en.push_back("must exist on sheet มาตรการ");
  d.allowed_th = fmt::to_string(fmt::join(th, ", "));
  d.allowed_en = fmt::to_string(fmt::join(en, ", "));
}

// Markdown table cells must not contain "|" or line breaks.
std::string cell(std::string s) {
  for (auto& c : s)
    if (c == '|' || c == '\n') c = ' ';
  return s;
}

}  // namespace

FieldDoc describe(const schema::FieldSchema& f) {
  FieldDoc d;
  d.header = f.title;
  d.header_en = f.title_en;
  d.aliases = fmt::to_string(fmt::join(f.aliases, ", "));
  d.required = f.constraints.required;
  type_names(f, d);
  allowed(f, d);
  d.description_th = f.description;
  d.description_en = f.description_en;
  return d;
}

std::string workbook_format_markdown(const schema::SchemaSet& schemas) {
  std::string md;
  md += "# รูปแบบแบบฟอร์ม / Workbook format\n\n";
  md += "<!-- Generated from schemas/sheets/*.schema.json by `itawb template --markdown`; do not edit by hand. -->\n\n";
  md += "แบบฟอร์มมาตรฐานเป็นไฟล์ .xlsx ที่มีชีตตามตารางด้านล่าง โปรแกรมหาชีตจากชื่อ (ภาษาไทย หรือชื่อภาษาอังกฤษ) "
        "และหาคอลัมน์จากข้อความหัวตารางใน 10 แถวแรก (มีแถวชื่อเรื่องอยู่ด้านบนได้) คอลัมน์เรียงลำดับใดก็ได้ "
        "คอลัมน์อื่นที่ไม่รู้จักจะถูกเก็บไว้และไม่นำมาใช้ ตัวเลขไทย (๐–๙) ตัวเลขที่พิมพ์เป็นข้อความ และรหัสข้อตัวพิมพ์ใหญ่หรือเล็กใช้ได้ทุกที่\n\n";
  md += "The standard workbook is an .xlsx file with the sheets below, found by name (Thai or the English alias). "
        "Columns are found by their header text in the first 10 rows (title rows above the header are fine), in any "
        "order; unknown columns are kept and ignored. Thai digits, numbers stored as text and codes in any case are "
        "accepted everywhere. `itawb template` writes a blank workbook in this format; `itawb validate` checks one.\n\n";
  md += "| ชีต / Sheet | ชื่ออื่น / Aliases | ต้องมี / Required | รูปแบบ / Layout |\n|---|---|---|---|\n";
  for (const auto& s : schemas.sheets())
    md += "| " + s.title + " (" + s.title_en + ") | " + cell(fmt::to_string(fmt::join(s.aliases, ", "))) + " | " +
          (s.required ? "ต้องมี / yes" : "ไม่บังคับ / no") + " | " +
          (s.layout == schema::Layout::KeyValue ? "หัวข้อ–ค่า / label–value" : "ตาราง / table") + " |\n";
  for (const auto& s : schemas.sheets()) {
    md += "\n## " + s.title + " (" + s.title_en + ")\n\n";
    md += s.description + "\n\n" + s.description_en + "\n\n";
    if (s.layout == schema::Layout::KeyValue)
      md += "หัวข้อในคอลัมน์หนึ่ง ค่าในคอลัมน์ถัดไป / A label in one column, its value in the next.\n\n";
    md += "| หัวข้อ / Header | ชื่ออื่น / Aliases | ต้องกรอก / Required | ชนิด / Type | ค่าที่ใช้ได้ / Allowed | คำอธิบาย / Description |\n";
    md += "|---|---|---|---|---|---|\n";
    for (const auto& f : s.fields) {
      const FieldDoc d = describe(f);
      md += "| " + cell(d.header) + " (" + cell(d.header_en) + ") | " + cell(d.aliases) + " | " +
            (!d.required ? "ไม่บังคับ / no"
             : f.severity_of("missing-cell") == Severity::Error ? "ต้องกรอก / yes"
                                                                : "ควรกรอก (ว่างได้ มีคำเตือน) / should (blank: a warning)") +
            " | " + d.type_th + " / " + d.type_en + " | " +
            cell(d.allowed_th) + (d.allowed_en.empty() || d.allowed_en == d.allowed_th ? "" : " / " + cell(d.allowed_en)) +
            " | " + cell(d.description_th) + " / " + cell(d.description_en) + " |\n";
    }
    std::vector<std::string> keys;
    if (!s.primary_key.empty()) {
      std::vector<std::string> titles;
      for (const auto& k : s.primary_key) titles.push_back(s.field(k)->title);
      keys.push_back("ห้ามซ้ำกัน (primary key): " + fmt::to_string(fmt::join(titles, " + ")));
    }
    for (const auto& fk : s.foreign_keys) {
      std::vector<std::string> titles;
      for (const auto& k : fk.fields) titles.push_back(s.field(k)->title);
      const schema::SheetSchema* target = schemas.sheet(fk.resource);
      keys.push_back("อ้างอิง (foreign key): " + fmt::to_string(fmt::join(titles, " + ")) + " → " +
                     (target ? "ชีต " + target->title : fk.resource));
    }
    for (const auto& c : s.complete) {
      std::vector<std::string> titles;
      for (const auto& k : c.fields) titles.push_back(s.field(k)->title);
      keys.push_back("ต้องมีครบทุกค่า (x-complete): " + fmt::to_string(fmt::join(titles, ", ")) + " ← " + c.resource);
    }
    if (s.continuation) {
      std::vector<std::string> key, append;
      for (const auto& k : s.continuation->key) key.push_back(s.field(k)->title);
      for (const auto& k : s.continuation->append) append.push_back(s.field(k)->title);
      keys.push_back("แถวต่อเนื่อง (x-continuation): แถวที่ไม่มี " + fmt::to_string(fmt::join(key, " / ")) + " ของตนเอง แต่มี " +
                     fmt::to_string(fmt::join(append, ", ")) + " ต่อท้ายแถวข้างบน (ขึ้นบรรทัดใหม่)");
    }
    if (!keys.empty()) md += "\n" + fmt::to_string(fmt::join(keys, "  \n")) + "\n";
  }
  md += "\n## ข้อความที่พบได้ / Finding codes\n\n"
        "| รหัส / Code | ความหมาย / Meaning |\n|---|---|\n"
        "| missing-sheet | ไม่พบชีตที่ต้องมี (ผิดพลาด) หรือชีตคะแนนรายข้อ (คำเตือน) / a required sheet (error) or the questions sheet (warning) is missing |\n"
        "| missing-label | ไม่พบหัวตารางหรือหัวข้อที่ต้องมี / a required header or label is missing |\n"
        "| duplicate-label | หัวตารางซ้ำ ใช้อันแรก (คำเตือน) / a header repeats, the first is used (warning) |\n"
        "| missing-cell | ช่องที่ต้องกรอกว่าง / a required cell is empty |\n"
        "| type-error | ค่าไม่ใช่ชนิดที่ต้องการ เช่น ไม่ใช่ตัวเลข / not a number, date, … |\n"
        "| constraint-error | ค่าอยู่นอกช่วงหรือไม่อยู่ในรายการ / out of range or not an allowed value |\n"
        "| unique-error, primary-key | ค่าหรือแถวซ้ำ / a repeated value or row |\n"
        "| foreign-key | ค่าอ้างถึงสิ่งที่ไม่มี เช่น รหัสข้อที่ไม่มีในเกณฑ์ของปี หรือปีที่ไม่มีเกณฑ์ / refers to something that does not exist |\n"
        "| missing-row | ขาดตัวชี้วัดบางตัว / an indicator is missing |\n"
        "| blank-row | แถวว่างระหว่างข้อมูล ข้ามไป (คำเตือน) / a blank row inside the table, skipped (warning) |\n"
        "| row-constraint | ค่าไม่สอดคล้องกับค่าอื่น เช่น ปีของมาตรการ ≠ ปีที่ประเมิน + 1 (คำเตือน) / inconsistent values (warning) |\n"
        "| not-carried | สิ่งที่คัดลอกไปยังไฟล์ผลลัพธ์ไม่ได้ เช่น แผนภูมิ รูปภาพ ตาราง Pivot แมโคร (ข้อมูลทราบ) / a chart, image, pivot table, macro… not carried over to the output (info) |\n";
  return md;
}

}  // namespace itawb::output

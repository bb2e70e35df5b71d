#include "output/template.hpp"
#include "base/error.hpp"

#include <map>
#include <stdexcept>

#include "base/files.hpp"
#include "output/docs.hpp"
#include "output/palette.hpp"
#include "output/page.hpp"
#include "schema/value.hpp"
#include "xlsx/cell_ref.hpp"
#include "xlsx/writer.hpp"

namespace itawb::output {
namespace {

// Title, legend, header and the rows to fill: each in its own row.
constexpr uint32_t kTitleRow = 0, kLegendRow = 1, kHeaderRow = 2, kFirstDataRow = 3;

const xlsx::Style kTitle = xlsx::Style{}.with_bold().with_size(18).with_wrap();
const xlsx::Style kHeader = xlsx::Style{}.with_bold().with_fill(kHeaderFill).with_border().with_wrap().with_vcenter();
const xlsx::Style kFixed = xlsx::Style{}.with_border().with_wrap();
const xlsx::Style kInput = xlsx::Style{}.with_border().with_fill(kInputFill).with_locked(false);
// A sample of the cells to fill, saying what it is (locked: it is no input).
const xlsx::Style kLegend = xlsx::Style{}.with_bold().with_border().with_fill(kInputFill).with_wrap().with_vcenter();
constexpr const char* kLegendText = "ช่องสีเหลือง = กรอกข้อมูล (ช่องอื่นถูกล็อกไว้ ใช้ตัวเลขไทยหรืออารบิกก็ได้)";

// The page of a form sheet: A4 fitted to the width, the sheet named at the
// top, page_footer() at the bottom (the sheet's digits set before).
void form_page(xlsx::SheetWriter& ws, const std::string& subject, bool landscape) {
  ws.a4(landscape);
  std::string escaped;
  for (const char c : subject) escaped += c == '&' ? std::string("&&") : std::string(1, c);
  ws.header_footer("&R" + escaped, page_footer(ws));
}

std::string range_formula(const std::string& sheet, uint32_t col, uint32_t first, uint32_t last) {
  const std::string c = xlsx::column_name(col);
  return "='" + sheet + "'!$" + c + "$" + std::to_string(first + 1) + ":$" + c + "$" + std::to_string(last + 1);
}

// Long lists go to the hidden lists sheet, one column each.
class Lists {
 public:
  // The lists are the values a drop-down puts in a cell, as the loader reads
  // them: they keep their digits whatever the template's style.
  explicit Lists(xlsx::WorkbookWriter& wb) : wb_(wb) {}
  std::string add(const std::vector<std::string>& items) {
    if (!sheet_) {
      sheet_ = &wb_.add_sheet(kListsSheet);
      sheet_->a4();
      sheet_->hide();
    }
    for (uint32_t r = 0; r < items.size(); ++r) sheet_->text(r, next_col_, items[r]);
    return range_formula(kListsSheet, next_col_++, 0, static_cast<uint32_t>(items.size()) - 1);
  }

 private:
  xlsx::WorkbookWriter& wb_;
  xlsx::SheetWriter* sheet_ = nullptr;
  uint32_t next_col_ = 0;
};

struct Context {
  xlsx::WorkbookWriter& wb;
  const schema::SchemaSet& schemas;
  const model::Framework& framework;
  Lists& lists;
  std::map<std::string, std::string> id_ranges;  // sheet name -> formula of its id column
  text::DigitStyle digits;
};

std::vector<std::string> list_items(const schema::FieldSchema& f, const Context& ctx) {
  std::vector<std::string> items;
  const auto& fw = ctx.framework;
  if (f.list == "framework:indicators")
    for (const auto& i : fw.indicators) items.push_back(std::to_string(i.number));
  else if (f.list == "framework:questions")
    for (const auto& q : fw.questions) items.push_back(q.code);
  else if (f.list == "framework:issues")
    for (const auto& i : fw.issues) items.push_back(std::to_string(i.number));
  else if (f.list == "framework:years")
    items.push_back(std::to_string(fw.year));
  else if (!f.constraints.enum_values.empty())
    items = f.constraints.enum_values;
  else if (f.type == schema::FieldType::Integer && f.constraints.minimum && f.constraints.maximum &&
           *f.constraints.maximum - *f.constraints.minimum <= 12)
    for (int n = static_cast<int>(*f.constraints.minimum); n <= static_cast<int>(*f.constraints.maximum); ++n)
      items.push_back(std::to_string(n));
  return items;
}

// A number as a validation formula writes it: "0", "100", "2567", "99.5".
std::string formula_number(double v) {
  if (v == static_cast<double>(static_cast<long long>(v))) return std::to_string(static_cast<long long>(v));
  std::string s = std::to_string(v);
  while (s.back() == '0') s.pop_back();
  return s;
}

// Data validation for the input cells of one field.
void validate_range(xlsx::SheetWriter& ws, const schema::FieldSchema& f, Context& ctx, uint32_t first_row, uint32_t last_row,
                    uint32_t col) {
  using V = xlsx::Validation;
  V v;
  std::vector<std::string> items = list_items(f, ctx);
  // Formulas as OOXML writes them, without the leading "=".
  auto formula = [](const std::string& f) { return f.rfind('=', 0) == 0 ? f.substr(1) : f; };
  if (f.list == "measures" && ctx.id_ranges.count("measures")) {
    v.type = V::Type::List;
    v.formula1 = formula(ctx.id_ranges["measures"]);
  } else if (!items.empty()) {
    size_t bytes = 0;
    for (const auto& s : items) bytes += s.size() + 1;
    v.type = V::Type::List;
    if (bytes <= 255) {
      for (const auto& s : items) v.formula1 += (v.formula1.empty() ? "" : ",") + s;
      v.formula1 = "\"" + v.formula1 + "\"";
    } else {
      v.formula1 = formula(ctx.lists.add(items));
    }
  } else if ((f.type == schema::FieldType::Number || f.type == schema::FieldType::Integer) &&
             (f.constraints.minimum || f.constraints.maximum)) {
    v.type = f.type == schema::FieldType::Integer ? V::Type::Whole : V::Type::Decimal;
    v.op = V::Op::Between;
    v.formula1 = formula_number(f.constraints.minimum.value_or(-1e15));
    v.formula2 = formula_number(f.constraints.maximum.value_or(1e15));
  } else if (!f.prompt) {
    return;
  } else {
    v.type = V::Type::Any;  // a prompt only
  }
  if (f.prompt) {
    v.prompt_title = f.prompt->title;
    v.prompt = f.prompt->message;
    v.show_input = true;
  }
  if (v.type != V::Type::Any) {
    v.error_title = "ค่าไม่ถูกต้อง";
    v.error = f.prompt ? f.prompt->message : f.title;
    v.show_error = true;
    v.error_style = 0;  // stop
  }
  v.allow_blank = true;
  if (!ws.validation(first_row, col, last_row, col, v))
    throw Error("write-failed", "ใส่รายการเลือกของ " + f.title + " ไม่ได้",
                "data validation for " + f.name + " was refused by the writer");
}

// The framework attribute a template pre-fills ("number", "name_th", "code", "text_th").
std::string framework_value(const std::string& attribute, const model::Indicator* i, const model::Question* q) {
  if (i && attribute == "number") return std::to_string(i->number);
  if (i && attribute == "name_th") return i->name_th;
  if (q && attribute == "code") return q->code;
  if (q && attribute == "text_th") return q->text_th;
  return "";
}

void prefilled_row(FittedSheet& ws, const schema::SheetSchema& s, uint32_t row, const model::Indicator* i,
                   const model::Question* q) {
  for (uint32_t c = 0; c < s.fields.size(); ++c) {
    const schema::FieldSchema& f = s.fields[c];
    auto it = s.template_spec.prefill.find(f.name);
    if (it == s.template_spec.prefill.end()) {
      ws.blank(row, c, kInput);
      continue;
    }
    const std::string v = framework_value(it->second, i, q);
    if (f.type == schema::FieldType::Integer || f.type == schema::FieldType::Number) ws.number(row, c, std::stod(v), kFixed);
    else ws.text(row, c, v, kFixed);
  }
}

void table_sheet(const schema::SheetSchema& s, Context& ctx) {
  xlsx::SheetWriter& sheet = ctx.wb.add_sheet(s.title);
  sheet.digits(ctx.digits);
  FittedSheet ws(sheet);
  const uint32_t last_col = static_cast<uint32_t>(s.fields.size()) - 1;
  ws.merge(kTitleRow, 0, kTitleRow, last_col,
           s.title + " (" + s.title_en + ") — ปีที่ประเมิน " + std::to_string(ctx.framework.year), kTitle);
  ws.merge(kLegendRow, 0, kLegendRow, last_col, kLegendText, kLegend);
  for (uint32_t c = 0; c < s.fields.size(); ++c) {
    const schema::FieldSchema& f = s.fields[c];
    ws.text(kHeaderRow, c, f.title, kHeader);
    ws.width(c, f.width > 0 ? f.width : 16);
  }
  uint32_t rows = 0;
  const auto& spec = s.template_spec;
  if (spec.rows_from == "framework:indicators") {
    for (const auto& i : ctx.framework.indicators) prefilled_row(ws, s, kFirstDataRow + rows++, &i, nullptr);
  } else if (spec.rows_from == "framework:questions") {
    for (const auto& q : ctx.framework.questions) prefilled_row(ws, s, kFirstDataRow + rows++, nullptr, &q);
  }
  for (int n = 0; n < spec.blank_rows; ++n)
    for (uint32_t c = 0; c < s.fields.size(); ++c) ws.blank(kFirstDataRow + rows + static_cast<uint32_t>(n), c, kInput);
  rows += static_cast<uint32_t>(spec.blank_rows);
  if (rows == 0) rows = 1;
  const uint32_t last = kFirstDataRow + rows - 1;
  if (s.primary_key.size() == 1 && s.fields.front().name == s.primary_key.front())
    ctx.id_ranges[s.name] = range_formula(sheet.name(), 0, kFirstDataRow, last);
  for (uint32_t c = 0; c < s.fields.size(); ++c) validate_range(sheet, s.fields[c], ctx, kFirstDataRow, last, c);
  ws.fit_page(s.fields.size() > 5);
  ws.repeated_rows(kHeaderRow, kHeaderRow);
  ws.finish();
  sheet.freeze(kFirstDataRow);
  sheet.repeat_rows(kHeaderRow, kHeaderRow);
  form_page(sheet, s.title, ws.landscape());
  sheet.protect();
}

void key_value_sheet(const schema::SheetSchema& s, Context& ctx) {
  xlsx::SheetWriter& sheet = ctx.wb.add_sheet(s.title);
  sheet.digits(ctx.digits);
  FittedSheet ws(sheet);
  ws.merge(kTitleRow, 0, kTitleRow, 2, s.title + " (" + s.title_en + ")", kTitle);
  ws.merge(kLegendRow, 0, kLegendRow, 2, kLegendText, kLegend);
  ws.text(kHeaderRow, 0, "หัวข้อ", kHeader);
  ws.text(kHeaderRow, 1, "ข้อมูล", kHeader);
  ws.text(kHeaderRow, 2, "คำอธิบาย", kHeader);
  uint32_t row = kFirstDataRow;
  for (const auto& f : s.fields) {
    const int copies = f.repeat ? 5 : 1;
    for (int n = 0; n < copies; ++n, ++row) {
      ws.text(row, 0, f.title, kFixed.with_bold());
      if (f.list == "framework:years") ws.number(row, 1, ctx.framework.year, kInput);
      else ws.blank(row, 1, kInput);
      // Repeated labels (departments) read every cell to their right: no text there.
      if (!f.repeat) ws.text(row, 2, f.description + (f.constraints.required ? " (ต้องกรอก)" : ""), kFixed);
      validate_range(sheet, f, ctx, row, row, 1);
    }
  }
  ws.width(0, 22);
  ws.width(1, 42);
  ws.width(2, 60);
  ws.fit_page(false);
  ws.finish();
  sheet.freeze(kFirstDataRow);
  sheet.repeat_rows(kHeaderRow, kHeaderRow);
  form_page(sheet, s.title, false);
  sheet.protect();
}

template <class Included>
void explanation_sheet(xlsx::SheetWriter& sheet, const schema::SchemaSet& schemas, const model::Framework& fw,
                       const Included& included) {
  FittedSheet ws(sheet);
  uint32_t row = 0;
  ws.merge(row, 0, row, 4, "วิธีกรอกแบบฟอร์ม ITA (ปีที่ประเมิน " + std::to_string(fw.year) + ")", kTitle);
  ++row;
  ws.merge(row, 0, row, 4,
           "กรอกเฉพาะช่องสีเหลือง ช่องอื่นถูกล็อกไว้ ใช้ตัวเลขไทยหรืออารบิกก็ได้ ตรวจไฟล์ด้วยคำสั่ง itawb validate ก่อนส่ง",
           xlsx::Style{}.with_wrap());
  ++row;
  ws.merge(row, 0, row, 1, "ช่องสีเหลือง = กรอกข้อมูล", kLegend);
  row += 2;
  for (const auto& s : schemas.sheets()) {
    if (!included(s)) continue;
    ws.merge(row, 0, row, 4, "ชีต " + s.title + " (" + s.title_en + ")" + (s.required ? " — ต้องมี" : " — ไม่บังคับ"),
             xlsx::Style{}.with_bold().with_size(17).with_wrap());
    ++row;
    ws.merge(row, 0, row, 4, s.description, xlsx::Style{}.with_wrap());
    ++row;
    const char* headers[] = {"หัวข้อ", "ต้องกรอก", "ชนิด", "ค่าที่ใช้ได้", "คำอธิบาย"};
    for (uint32_t c = 0; c < 5; ++c) ws.text(row, c, headers[c], kHeader);
    ++row;
    for (const auto& f : s.fields) {
      const FieldDoc d = describe(f);
      ws.text(row, 0, d.header, kFixed);
      ws.text(row, 1, d.required ? "ต้องกรอก" : "ไม่บังคับ", kFixed);
      ws.text(row, 2, d.type_th, kFixed);
      ws.text(row, 3, d.allowed_th, kFixed);
      ws.text(row, 4, d.description_th, kFixed);
      ++row;
    }
    ++row;
  }
  const double widths[] = {22, 12, 15, 34, 70};
  for (uint32_t c = 0; c < 5; ++c) ws.width(c, widths[c]);
  ws.fit_page(true);
  ws.finish();
  form_page(sheet, kExplanationSheet, true);
  sheet.protect();
}

}  // namespace

void write_template(const std::filesystem::path& out, const schema::SchemaSet& schemas, const model::Framework& framework,
                    const TemplateOptions& options) {
  write_atomically(out, [&](const std::filesystem::path& tmp) {
    const std::string title = options.plan_only ? "แบบฟอร์มมาตรการ ITA " : "แบบฟอร์ม ITA ";
    xlsx::WriterOptions writer;
    writer.title = text::digits(title + std::to_string(framework.year), options.digits);
    xlsx::WorkbookWriter wb(tmp, writer);
    xlsx::SheetWriter& explanation = wb.add_sheet(kExplanationSheet);
    explanation.digits(options.digits);
    Lists lists(wb);
    Context ctx{wb, schemas, framework, lists, {}, options.digits};
    const auto included = [&](const schema::SheetSchema& s) { return !(options.plan_only && s.holds_scores()); };
    // Sheets referred to by others come first (มาตรการ before ความก้าวหน้า), as in `order`.
    for (const auto& s : schemas.sheets()) {
      if (!included(s)) continue;
      if (s.layout == schema::Layout::KeyValue) key_value_sheet(s, ctx);
      else table_sheet(s, ctx);
    }
    explanation_sheet(explanation, schemas, framework, included);
    explanation.activate();
    wb.close();
  });
}

}  // namespace itawb::output

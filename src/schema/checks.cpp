#include "schema/checks.hpp"

#include <cmath>
#include <map>
#include <regex>

#include <unicode/utf8.h>

#include "text/thai.hpp"

namespace itawb::schema {

std::string quote(const std::string& s) { return "\"" + s + "\""; }

namespace {

// Number of characters (code points) in UTF-8 text.
size_t char_count(const std::string& s) {
  size_t n = 0;
  const auto length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length; ++n) U8_FWD_1(s.data(), i, length);
  return n;
}

Problem type_error(const FieldSchema& f, const std::string& raw, const std::string& what_th,
                   const std::string& what_en) {
  return {"type-error", f.title + "ต้องเป็น" + what_th + " แต่พบ " + quote(raw),
          f.title_en + " must be " + what_en + ", found " + quote(raw)};
}

// --- type readers ----------------------------------------------------------

class StringReader : public TypeReader {
 public:
  explicit StringReader(const FieldSchema& f) : format_(f.format) {}
  std::optional<Value> read(const xlsx::Cell& cell, Problem&) const override {
    Value v{Value::Kind::Text, 0, text::trim(display(cell)), display(cell)};
    if (format_ == "code") {  // "I๑๐" -> "i10"; "I8 หน่วยงานควร…" (the code, then the question) -> "i8"
      const auto code = text::leading_code(v.text);
      v.text = code ? *code : text::normalize_code(v.text);
    }
    if (format_ == "id") {  // "๑.๒" -> "1.2"; "๑.", "(๑)", "ข้อ 1", "มาตรการที่ 1" -> "1"
      const auto number = text::leading_ordinal(v.text, true);
      v.text = number ? *number : text::arabic_digits(v.text);
    }
    return v;
  }

 private:
  std::string format_;
};

class NumberReader : public TypeReader {
 public:
  NumberReader(const FieldSchema& f, bool integer) : field_(f), integer_(integer) {}
  std::optional<Value> read(const xlsx::Cell& cell, Problem& problem) const override {
    const std::string raw = display(cell);
    std::optional<double> n;
    if (cell.type == xlsx::CellType::Number) n = cell.number;
    else if (cell.type == xlsx::CellType::String) n = text::parse_number(cell.text);
    if (!n && integer_ && field_.format == "ordinal" && cell.type == xlsx::CellType::String)
      if (const auto number = text::leading_ordinal(cell.text)) n = std::stod(*number);
    if (!n || !std::isfinite(*n) || (integer_ && *n != std::floor(*n))) {
      problem = integer_ ? type_error(field_, raw, "จำนวนเต็ม", "a whole number")
                         : type_error(field_, raw, "ตัวเลข", "a number");
      return std::nullopt;
    }
    return Value{Value::Kind::Number, *n, format_number(*n), raw};
  }

 private:
  const FieldSchema& field_;
  bool integer_;
};

class DateReader : public TypeReader {
 public:
  explicit DateReader(const FieldSchema& f) : field_(f) {}
  std::optional<Value> read(const xlsx::Cell& cell, Problem& problem) const override {
    const std::string raw = display(cell);
    std::optional<std::string> iso;
    // A plain number in a date column is a date whose format was lost.
    if (cell.type == xlsx::CellType::Date || (cell.type == xlsx::CellType::Number && cell.number > 20000 &&
                                              cell.number < 80000))
      iso = serial_to_iso(cell.number);
    else if (cell.type == xlsx::CellType::String)
      iso = parse_date_text(cell.text);
    if (!iso) {
      problem = type_error(field_, raw, "วันที่ เช่น 21/10/2568 หรือ 21 ต.ค. 2568",
                           "a date such as 21/10/2568 or 21 ต.ค. 2568");
      return std::nullopt;
    }
    return Value{Value::Kind::Date, 0, *iso, raw};
  }

 private:
  const FieldSchema& field_;
};

class BooleanReader : public TypeReader {
 public:
  explicit BooleanReader(const FieldSchema& f) : field_(f) {}
  std::optional<Value> read(const xlsx::Cell& cell, Problem& problem) const override {
    const std::string raw = display(cell);
    if (cell.type == xlsx::CellType::Boolean) return Value{Value::Kind::Boolean, cell.number, raw, raw};
    static const std::map<std::string, bool> words{{"true", true},  {"yes", true}, {"ใช่", true},
                                                   {"มี", true},     {"1", true},   {"false", false},
                                                   {"no", false},   {"ไม่ใช่", false}, {"0", false}};
    auto it = words.find(match_key(raw));
    if (it == words.end()) {
      problem = type_error(field_, raw, "ใช่ หรือ ไม่ใช่", "yes or no");
      return std::nullopt;
    }
    return Value{Value::Kind::Boolean, it->second ? 1.0 : 0.0, it->second ? "TRUE" : "FALSE", raw};
  }

 private:
  const FieldSchema& field_;
};

std::unique_ptr<TypeReader> make_reader(const FieldSchema& f) {
  switch (f.type) {
    case FieldType::Integer: return std::make_unique<NumberReader>(f, true);
    case FieldType::Number: return std::make_unique<NumberReader>(f, false);
    case FieldType::Date: return std::make_unique<DateReader>(f);
    case FieldType::Boolean: return std::make_unique<BooleanReader>(f);
    case FieldType::String: break;
  }
  return std::make_unique<StringReader>(f);
}

// --- constraints -----------------------------------------------------------

Problem constraint(std::string th, std::string en) { return {"constraint-error", std::move(th), std::move(en)}; }

class RangeCheck : public Check {
 public:
  RangeCheck(const FieldSchema& f, std::optional<double> min, std::optional<double> max)
      : field_(f), min_(min), max_(max) {}
  std::optional<Problem> check(Value& v) const override {
    if (v.kind != Value::Kind::Number) return std::nullopt;
    const bool low = min_ && v.number < *min_, high = max_ && v.number > *max_;
    if (!low && !high) return std::nullopt;
    const std::string found = format_number(v.number);
    if (min_ && max_)
      return constraint(field_.title + "ต้องอยู่ระหว่าง " + format_number(*min_) + " ถึง " +
                            format_number(*max_) + " แต่พบ " + found,
                        field_.title_en + " must be between " + format_number(*min_) + " and " +
                            format_number(*max_) + ", found " + found);
    if (low)
      return constraint(field_.title + "ต้องไม่น้อยกว่า " + format_number(*min_) + " แต่พบ " + found,
                        field_.title_en + " must be at least " + format_number(*min_) + ", found " + found);
    return constraint(field_.title + "ต้องไม่เกิน " + format_number(*max_) + " แต่พบ " + found,
                      field_.title_en + " must be at most " + format_number(*max_) + ", found " + found);
  }

 private:
  const FieldSchema& field_;
  std::optional<double> min_, max_;
};

class LengthCheck : public Check {
 public:
  LengthCheck(const FieldSchema& f, std::optional<size_t> min, std::optional<size_t> max)
      : field_(f), min_(min), max_(max) {}
  std::optional<Problem> check(Value& v) const override {
    const size_t n = char_count(v.text);
    if (max_ && n > *max_)
      return constraint(field_.title + "ยาวได้ไม่เกิน " + std::to_string(*max_) + " ตัวอักษร แต่มี " +
                            std::to_string(n),
                        field_.title_en + " must be at most " + std::to_string(*max_) +
                            " characters long, found " + std::to_string(n));
    if (min_ && n < *min_)
      return constraint(field_.title + "ต้องยาวอย่างน้อย " + std::to_string(*min_) + " ตัวอักษร แต่มี " +
                            std::to_string(n),
                        field_.title_en + " must be at least " + std::to_string(*min_) +
                            " characters long, found " + std::to_string(n));
    return std::nullopt;
  }

 private:
  const FieldSchema& field_;
  std::optional<size_t> min_, max_;
};

class PatternCheck : public Check {
 public:
  PatternCheck(const FieldSchema& f) : field_(f), re_(f.constraints.pattern, std::regex::ECMAScript) {}
  std::optional<Problem> check(Value& v) const override {
    if (std::regex_search(v.text, re_)) return std::nullopt;
    const std::string example = field_.example.empty() ? "" : " เช่น " + field_.example;
    const std::string example_en = field_.example.empty() ? "" : " such as " + field_.example;
    return constraint(field_.title + "ไม่อยู่ในรูปแบบที่ถูกต้อง" + example + " แต่พบ " + quote(v.raw),
                      field_.title_en + " is not in the expected form" + example_en + ", found " +
                          quote(v.raw));
  }

 private:
  const FieldSchema& field_;
  std::regex re_;
};

// A choice written as a check-box pair, as the seeds' progress reports do:
// "☐ ยังไม่ได้ดำเนินการ ☑ ดำเนินการ" means the ticked option. Returns the
// text after the ticked box (or after a lone empty box), else `s` unchanged.
std::string checked_choice(const std::string& s) {
  static const char* const kTicked[] = {"\u2611", "\u2612", "\u2713", "\u2714"};  // ☑ ☒ ✓ ✔
  static const char* const kEmpty = "\u2610";                                       // ☐
  auto next_box = [&](size_t from) {
    size_t best = std::string::npos;
    for (const char* m : kTicked) best = std::min(best, s.find(m, from));
    return std::min(best, s.find(kEmpty, from));
  };
  size_t ticked = std::string::npos;
  for (const char* m : kTicked) ticked = std::min(ticked, s.find(m));
  size_t start = std::string::npos;
  if (ticked != std::string::npos) {
    start = ticked + 3;  // every mark above is 3 bytes in UTF-8
  } else if (const size_t empty = s.find(kEmpty);
             empty != std::string::npos && s.find(kEmpty, empty + 3) == std::string::npos) {
    start = empty + 3;
  }
  if (start == std::string::npos) return s;
  const size_t end = next_box(start);
  return s.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// Accepts the canonical spellings and their aliases; rewrites to canonical.
class EnumCheck : public Check {
 public:
  explicit EnumCheck(const FieldSchema& f) : field_(f) {
    for (const auto& value : f.constraints.enum_values) {
      canonical_[match_key(value)] = value;
      listed_ += (listed_.empty() ? "" : ", ") + value;
    }
    for (const auto& [value, others] : f.enum_aliases)
      for (const auto& other : others) canonical_[match_key(other)] = value;
  }
  std::optional<Problem> check(Value& v) const override {
    auto it = canonical_.find(match_key(v.text));
    if (it == canonical_.end()) it = canonical_.find(match_key(checked_choice(v.text)));
    if (it != canonical_.end()) {
      v.text = it->second;
      return std::nullopt;
    }
    return constraint(field_.title + "ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: " + listed_ + " แต่พบ " + quote(v.raw),
                      field_.title_en + " must be one of: " + listed_ + ", found " + quote(v.raw));
  }

 private:
  const FieldSchema& field_;
  std::map<std::string, std::string> canonical_;
  std::string listed_;
};

}  // namespace

// The enum's message over a caller's table (x-readBy): the table decides, the
// enum lists what to write.
class TableCheck : public Check {
 public:
  TableCheck(const FieldSchema& f, FieldReader read) : field_(f), read_(std::move(read)) {
    for (const auto& value : f.constraints.enum_values) listed_ += (listed_.empty() ? "" : ", ") + value;
  }
  std::optional<Problem> check(Value& v) const override {
    if (auto canonical = read_(v.text)) {
      v.text = *canonical;
      return std::nullopt;
    }
    return constraint(field_.title + "ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: " + listed_ + " แต่พบ " + quote(v.raw),
                      field_.title_en + " must be one of: " + listed_ + ", found " + quote(v.raw));
  }

 private:
  const FieldSchema& field_;
  FieldReader read_;
  std::string listed_;
};

ColumnValidator::ColumnValidator(const FieldSchema& field, const SheetSchema& sheet, const FieldReaders* readers)
    : field_(&field), sheet_(&sheet), reader_(make_reader(field)) {
  const Constraints& c = field.constraints;
  if (c.minimum || c.maximum) checks_.push_back(std::make_unique<RangeCheck>(field, c.minimum, c.maximum));
  if (c.min_length || c.max_length)
    checks_.push_back(std::make_unique<LengthCheck>(field, c.min_length, c.max_length));
  if (!c.pattern.empty()) checks_.push_back(std::make_unique<PatternCheck>(field));
  const auto table = readers && !field.read_by.empty() ? readers->find(field.read_by) : FieldReaders::const_iterator{};
  if (readers && !field.read_by.empty() && table != readers->end())
    checks_.push_back(std::make_unique<TableCheck>(field, table->second));
  else if (!c.enum_values.empty())
    checks_.push_back(std::make_unique<EnumCheck>(field));
}

ColumnValidator::Result ColumnValidator::validate(const xlsx::Cell* cell) const {
  Result result;
  if (cell && cell->uncalculated) {
    result.problems.push_back(
        {"uncalculated-formula",
         "คำนวณไม่ได้: ไฟล์นี้บันทึกโดยโปรแกรมที่ไม่คำนวณสูตร เปิดและบันทึกใน Excel หรือ LibreOffice อีกครั้ง (" +
             field_->title + ")",
         "cannot be computed: this file was saved by a program that does not calculate formulas; open it and "
         "save it again in Excel or LibreOffice (" + field_->title_en + ")"});
    return result;
  }
  if (!cell || (cell->type == xlsx::CellType::String && sheet_->is_missing(cell->text))) {
    // A blank, or a mark that says "nothing" ("-", "ไม่มี"): quoted when typed.
    const std::string typed = cell ? text::squeeze(cell->text) : std::string();
    if (field_->constraints.required && typed.empty())
      result.problems.push_back({"missing-cell", "ต้องกรอก" + field_->title + " แต่ช่องนี้ว่าง",
                                 field_->title_en + " is required but the cell is empty"});
    else if (field_->constraints.required)
      result.problems.push_back({"missing-cell", "ยังไม่ได้กรอก" + field_->title + " (พบเพียง " + quote(typed) + ")",
                                 field_->title_en + " is not filled in (only " + quote(typed) + ")"});
    return result;
  }
  if (cell->type == xlsx::CellType::Error) {
    result.problems.push_back({"type-error",
                               field_->title + "มีค่าผิดพลาดจากสูตร " + quote(cell->text),
                               field_->title_en + " holds a formula error " + quote(cell->text)});
    return result;
  }
  Problem problem;
  std::optional<Value> value = reader_->read(*cell, problem);
  if (!value) {
    result.problems.push_back(std::move(problem));
    return result;
  }
  for (const auto& check : checks_)
    if (auto p = check->check(*value)) result.problems.push_back(std::move(*p));
  result.value = std::move(*value);
  return result;
}

}  // namespace itawb::schema

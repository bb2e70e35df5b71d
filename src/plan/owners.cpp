#include "plan/owners.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "text/thai.hpp"

namespace itawb::plan {
namespace {

// Folded text without spaces and dots, with the position of each byte in
// the folded text (to quote unknown owners as written).
struct Compact {
  std::string folded;
  std::string text;
  std::vector<size_t> at;  // at[i] = offset in `folded` of text[i]
};

Compact compact(std::string_view raw) {
  std::string s(raw);
  std::replace(s.begin(), s.end(), '\n', ',');
  std::replace(s.begin(), s.end(), '\r', ',');
  Compact c;
  c.folded = text::fold(s);
  // Numbering of a list ("1.", "๒)", "(3)") separates owners.
  static const std::regex numbering(R"((^|[ ,])\(?[0-9]{1,2} ?[.)])");
  c.folded = std::regex_replace(c.folded, numbering, "$1,");
  for (size_t i = 0; i < c.folded.size(); ++i) {
    if (c.folded[i] == ' ' || c.folded[i] == '.') continue;
    c.text.push_back(c.folded[i]);
    c.at.push_back(i);
  }
  return c;
}

std::string key_of(std::string_view name) { return compact(name).text; }

bool is_separator_char(char ch) {
  return ch == ',' || ch == '/' || ch == ';' || ch == '+' || ch == '&' || ch == '|' || ch == '-';
}

// An unknown text worth keeping: it has a letter, not only digits/marks.
bool meaningful(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    if (c >= 0x80 || std::isalpha(c)) return true;
    i += text::utf8_length(c);
  }
  return false;
}

std::string trim_separators(std::string s) {
  s = text::trim(s);
  while (!s.empty() && (is_separator_char(s.back()) || s.back() == ' ')) s.pop_back();
  size_t b = 0;
  while (b < s.size() && (is_separator_char(s[b]) || s[b] == ' ')) ++b;
  return text::trim(s.substr(b));
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

struct AliasRow {
  const char* canonical;  // "" for the special kinds
  std::vector<const char*> spellings;
};

const std::vector<AliasRow>& department_rows() {
  static const std::vector<AliasRow> rows = {
      {"สำนักปลัด",
       {"สำนักปลัด", "สำนักงานปลัด", "สำนักปลัดเทศบาล", "สำนักงานปลัดเทศบาล", "สำนักปลัด อบต.",
        "สำนักงานปลัด อบต.", "สำนักปลัดองค์การบริหารส่วนตำบล", "สำนักงานปลัดองค์การบริหารส่วนตำบล",
        "ปลัด อบต.", "ปลัดเทศบาล", "ปลัดองค์การบริหารส่วนตำบล", "นิติกร", "งานนิติการ", "นิติการ",
        "งานกฎหมายและคดี", "งานธุรการ", "งานประชาสัมพันธ์", "งานยุทธศาสตร์และงบประมาณ",
        "งานวิเคราะห์นโยบายและแผน", "งานนโยบายและแผน", "งานป้องกันและบรรเทาสาธารณภัย"}},
      {"กองคลัง",
       {"กองคลัง", "กองการคลัง", "ส่วนการคลัง", "ส่วนคลัง", "งานพัสดุ", "งานพัสดุและทรัพย์สิน",
        "เจ้าหน้าที่พัสดุ", "งานการเงิน", "งานการเงินและบัญชี", "งานบัญชี", "งานจัดเก็บรายได้",
        "งานพัฒนาและจัดเก็บรายได้"}},
      {"กองช่าง", {"กองช่าง", "ส่วนโยธา", "กองโยธา", "งานก่อสร้าง", "งานออกแบบและควบคุมอาคาร"}},
      {"กองการศึกษาฯ",
       {"กองการศึกษา", "กองการศึกษา ศาสนาและวัฒนธรรม", "กองการศึกษาศาสนาและวัฒนธรรม", "ส่วนการศึกษา",
        "ส่วนการศึกษา ศาสนาและวัฒนธรรม", "ศูนย์พัฒนาเด็กเล็ก"}},
      {"กองสาธารณสุขฯ",
       {"กองสาธารณสุข", "กองสาธารณสุขและสิ่งแวดล้อม", "ส่วนสาธารณสุข", "ส่วนสาธารณสุขและสิ่งแวดล้อม"}},
      {"กองการเจ้าหน้าที่", {"กองการเจ้าหน้าที่"}},
      {"กองสวัสดิการสังคม", {"กองสวัสดิการสังคม", "กองสวัสดิการ", "ส่วนสวัสดิการสังคม"}},
      {"กองยุทธศาสตร์และงบประมาณ", {"กองยุทธศาสตร์และงบประมาณ", "กองยุทธศาสตร์"}},
      {"กองวิชาการและแผนงาน", {"กองวิชาการและแผนงาน", "กองวิชาการ"}},
      {"กองส่งเสริมการเกษตร", {"กองส่งเสริมการเกษตร", "กองเกษตร", "ส่วนส่งเสริมการเกษตร"}},
      {"หน่วยตรวจสอบภายใน",
       {"หน่วยตรวจสอบภายใน", "ตรวจสอบภายใน", "งานตรวจสอบภายใน", "ผู้ตรวจสอบภายใน",
        "นักวิชาการตรวจสอบภายใน"}},
  };
  return rows;
}

}  // namespace

const std::vector<std::string>& default_departments() {
  static const std::vector<std::string> list = [] {
    std::vector<std::string> v;
    for (const auto& row : department_rows()) v.push_back(row.canonical);
    return v;
  }();
  return list;
}

OwnerResolver::OwnerResolver(const std::vector<std::string>& extra, std::optional<bool> personnel_division) {
  for (const auto& row : department_rows())
    for (const char* spelling : row.spellings) aliases_.push_back({key_of(spelling), Kind::Department, row.canonical});
  for (const char* s : {"ทุกส่วนงาน", "ทุกส่วนราชการ", "ทุกสำนัก/กอง", "ทุกสำนักกอง", "ทุกสำนัก,กอง", "ทุกกอง/สำนัก",
                        "ทุกสำนัก", "ทุกกอง", "ทุกกองงาน", "ทุกหน่วยงาน", "ทุกฝ่าย", "ทุกส่วน", "ทุกงาน",
                        "ทุกสำนัก/กอง/หน่วย", "ทุกแผนก", "ทุกหน่วย"})
    aliases_.push_back({key_of(s), Kind::Everyone, ""});
  for (const char* s : {"งานการเจ้าหน้าที่", "การเจ้าหน้าที่", "งานบริหารงานบุคคล", "การงานเจ้าหน้าที่",
                        "งานบุคคล"})
    aliases_.push_back({key_of(s), Kind::Personnel, ""});
  for (const char* s : {"และ", "กับ", "ร่วมกับ", "รวมถึง", "and"}) aliases_.push_back({key_of(s), Kind::Separator, ""});
  for (const char* s : {"หัวหน้า", "ผู้อำนวยการ", "ผอ", "เจ้าหน้าที่", "ผู้รับผิดชอบ"})
    aliases_.push_back({key_of(s), Kind::Filler, ""});

  for (const auto& name : extra) {
    const std::string shown = text::squeeze(name);
    if (shown.empty()) continue;
    if (auto known = canonical(shown)) {
      add_unique(agency_list_, *known);
    } else {
      aliases_.push_back({key_of(shown), Kind::Department, shown});
      add_unique(agency_list_, shown);
    }
  }
  personnel_division_ = personnel_division.value_or(
      std::find(agency_list_.begin(), agency_list_.end(), kPersonnelDivision) != agency_list_.end());
}

const OwnerResolver::Alias* OwnerResolver::match(std::string_view compact_text, size_t pos) const {
  const Alias* best = nullptr;
  for (const auto& a : aliases_)
    if ((!best || a.key.size() > best->key.size()) && compact_text.compare(pos, a.key.size(), a.key) == 0)
      best = &a;
  return best;
}

std::optional<std::string> OwnerResolver::canonical(std::string_view name) const {
  const std::string key = key_of(name);
  std::string k = key;
  if (k.size() >= 3 && k.compare(k.size() - 3, 3, "ฯ") == 0) k.resize(k.size() - 3);
  for (const auto& a : aliases_) {
    if (a.key != k) continue;
    if (a.kind == Kind::Department) return a.name;
    if (a.kind == Kind::Personnel) return personnel_division_ ? kPersonnelDivision : kHeadOffice;
  }
  return std::nullopt;
}

const OwnerResolver::Alias* OwnerResolver::match_separator(std::string_view compact_text, size_t pos) const {
  const Alias* a = match(compact_text, pos);
  return a && a->kind == Kind::Separator ? a : nullptr;
}

OwnerParse OwnerResolver::parse(std::string_view raw) const {
  OwnerParse out;
  const Compact c = compact(raw);
  const std::string& s = c.text;
  size_t unknown_start = std::string::npos;
  auto flush = [&](size_t end) {
    if (unknown_start == std::string::npos) return;
    const size_t from = c.at[unknown_start];
    const size_t to = end < s.size() ? c.at[end] : c.folded.size();
    const std::string t = trim_separators(c.folded.substr(from, to - from));
    if (meaningful(t)) {
      add_unique(out.departments, t);
      add_unique(out.unknown, t);
    }
    unknown_start = std::string::npos;
  };
  size_t i = 0;
  while (i < s.size()) {
    const bool in_unknown = unknown_start != std::string::npos;
    // Inside an unknown text a name only starts after a space or a mark, so
    // "...รับผิดชอบงานประชาสัมพันธ์" is not cut at "งานประชาสัมพันธ์".
    const size_t at = c.at[i];
    const bool boundary = at == 0 || c.folded[at - 1] == ' ' || c.folded[at - 1] == '.';
    const Alias* a = in_unknown && !boundary && !is_separator_char(s[i]) ? match_separator(s, i) : match(s, i);
    // Separators and titles only count between owners, not inside an unknown
    // text ("คณะกรรมการทบทวนและปรับปรุง..." stays whole), unless an owner follows.
    if (a && (a->kind == Kind::Separator || a->kind == Kind::Filler) && in_unknown) {
      const Alias* next = match(s, i + a->key.size());
      if (!(a->kind == Kind::Separator && next && next->kind != Kind::Separator && next->kind != Kind::Filler))
        a = nullptr;
    }
    if (a) {
      flush(i);
      i += a->key.size();
      if (s.compare(i, 3, "ฯ") == 0) i += 3;  // "กองการศึกษาฯ", "สำนักปลัดฯ"
      if (a->kind == Kind::Department) add_unique(out.departments, a->name);
      if (a->kind == Kind::Personnel) add_unique(out.departments, personnel_division_ ? kPersonnelDivision : kHeadOffice);
      if (a->kind == Kind::Everyone) out.everyone = true;
      continue;
    }
    if (is_separator_char(s[i])) {
      flush(i);
      ++i;
      continue;
    }
    if (!in_unknown) unknown_start = i;
    i += text::utf8_length(static_cast<unsigned char>(s[i]));
  }
  flush(s.size());
  return out;
}

std::vector<std::string> OwnerResolver::agency_departments(const std::vector<OwnerParse>& parsed) const {
  if (!agency_list_.empty()) return agency_list_;
  std::vector<std::string> named;
  for (const auto& dept : default_departments())
    for (const auto& p : parsed)
      if (std::find(p.departments.begin(), p.departments.end(), dept) != p.departments.end()) {
        named.push_back(dept);
        break;
      }
  if (!named.empty()) return named;
  return {kHeadOffice, "กองคลัง", "กองช่าง"};
}

}  // namespace itawb::plan

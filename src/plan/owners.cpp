#include "plan/owners.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>

#include <nlohmann/json.hpp>

#include "schema/json_check.hpp"
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

// Numbering of a list ("1.", "๒)", "(3)") at the start or after a space or a
// comma separates owners: each becomes a comma. The same as replacing
// /(^|[ ,])\(?[0-9]{1,2} ?[.)]/ with "$1,", without a regex in every cell.
std::string separate_numbering(const std::string& s) {
  const auto digit = [&](size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
  // The end of a number at `q` ("(12 )"), or npos.
  const auto number_end = [&](size_t q) {
    if (q < s.size() && s[q] == '(') ++q;
    if (!digit(q)) return std::string::npos;
    ++q;
    if (digit(q)) ++q;
    if (q < s.size() && s[q] == ' ') ++q;
    return q < s.size() && (s[q] == '.' || s[q] == ')') ? q + 1 : std::string::npos;
  };
  std::string out;
  out.reserve(s.size());
  for (size_t p = 0; p < s.size();) {
    size_t end = std::string::npos;
    if (p == 0) end = number_end(0);
    if (end != std::string::npos) {
      out.push_back(',');
    } else if (s[p] == ' ' || s[p] == ',') {
      if ((end = number_end(p + 1)) != std::string::npos) {
        out.push_back(s[p]);
        out.push_back(',');
      }
    }
    if (end != std::string::npos) {
      p = end;
    } else {
      out.push_back(s[p++]);
    }
  }
  return out;
}

// `folded` (as fold() gives it) without spaces and dots, list numbering made
// separators.
Compact compact_folded(const std::string& folded) {
  Compact c;
  c.folded = separate_numbering(folded);
  for (size_t i = 0; i < c.folded.size(); ++i) {
    if (c.folded[i] == ' ' || c.folded[i] == '.') continue;
    c.text.push_back(c.folded[i]);
    c.at.push_back(i);
  }
  return c;
}

Compact compact(std::string_view raw) {
  std::string s(raw);
  // List bullets separate owners like commas ("• สำนักปลัด", "➢ กองคลัง").
  for (const char* bullet : {"\u2022", "\u25CF", "\u25AA", "\u25E6", "\u27A2", "\u25BA", "\u25CB", "\u2756"})
    for (size_t p = s.find(bullet); p != std::string::npos; p = s.find(bullet)) s.replace(p, std::strlen(bullet), ",");
  std::replace(s.begin(), s.end(), '\n', ',');
  std::replace(s.begin(), s.end(), '\r', ',');
  return compact_folded(text::fold(s));
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

std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    const size_t n = std::min(text::utf8_length(c), s.size() - i);
    char32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

// Levenshtein distance on code points, or `limit` + 1 once it must exceed it.
size_t edit_distance(const std::u32string& a, const std::u32string& b, size_t limit) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    size_t smallest = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
      smallest = std::min(smallest, row[j]);
    }
    if (smallest > limit) return limit + 1;
  }
  return std::min(row[b.size()], limit + 1);
}

}  // namespace

DepartmentTable DepartmentTable::from_json(std::string_view json_text, std::string_view meta_text,
                                           const std::string& file, bool check) {
  const nlohmann::json doc = schema::parse_resource_json(json_text, file);
  if (check) schema::MetaSchema(meta_text, "schemas/departments.meta.json").check(doc, file);
  // What the meta-schema cannot say: a spelling (compared as the resolver
  // compares it) names one row only; names refer to departments of the file.
  DepartmentTable t;
  std::map<std::string, std::string> row_of_key;  // key -> JSON path of its row
  auto add_row = [&](Row row, const std::string& path) {
    for (size_t i = 0; i < row.spellings.size(); ++i) {
      const std::string& key = row.keys.emplace_back(key_of(row.spellings[i]));
      const auto [it, fresh] = row_of_key.emplace(key, path);
      if (!fresh && it->second != path)
        schema::resource_invalid(file, schema::json_at(path + "/spellings", i),
                                 "คำว่า \"" + row.spellings[i] + "\" อยู่ในสองแถว (" + it->second + ")",
                                 "the spelling \"" + row.spellings[i] + "\" is also in " + it->second);
    }
    t.rows_.push_back(std::move(row));
  };
  const auto& departments = doc.at("departments");
  for (size_t i = 0; i < departments.size(); ++i) {
    const auto& d = departments[i];
    const std::string path = schema::json_at("/departments", i);
    const std::string name = d.at("name").get<std::string>();
    if (std::find(t.names_.begin(), t.names_.end(), name) != t.names_.end())
      schema::resource_invalid(file, path + "/name", "ชื่อส่วนราชการ \"" + name + "\" ซ้ำ",
                               "the department \"" + name + "\" is listed twice");
    t.names_.push_back(name);
    add_row({Kind::Department, name, d.at("spellings").get<std::vector<std::string>>(), {}}, path);
  }
  auto check_name = [&](const std::string& name, const std::string& path) {
    if (std::find(t.names_.begin(), t.names_.end(), name) == t.names_.end())
      schema::resource_invalid(file, path, "\"" + name + "\" ไม่ใช่ส่วนราชการในรายการ departments",
                               "\"" + name + "\" is not one of the departments of the file");
  };
  const auto& special = doc.at("special");
  for (size_t i = 0; i < special.size(); ++i) {
    const auto& r = special[i];
    const std::string path = schema::json_at("/special", i);
    const std::string kind = r.at("kind").get<std::string>();
    const Kind k = kind == "everyone"    ? Kind::Everyone
                   : kind == "personnel" ? Kind::Personnel
                   : kind == "separator" ? Kind::Separator
                                         : Kind::Filler;
    if (k == Kind::Personnel) {
      if (!t.personnel_division_.empty())
        schema::resource_invalid(file, path + "/kind", "มีแถว personnel มากกว่าหนึ่งแถว",
                                 "more than one row of kind \"personnel\"");
      t.personnel_division_ = r.at("department").at("with_division").get<std::string>();
      t.personnel_otherwise_ = r.at("department").at("otherwise").get<std::string>();
      check_name(t.personnel_division_, path + "/department/with_division");
      check_name(t.personnel_otherwise_, path + "/department/otherwise");
    }
    add_row({k, "", r.at("spellings").get<std::vector<std::string>>(), {}}, path);
  }
  if (doc.contains("fallback_departments")) {
    const auto& list = doc.at("fallback_departments").at("departments");
    for (size_t i = 0; i < list.size(); ++i) {
      t.fallback_.push_back(list[i].get<std::string>());
      check_name(t.fallback_.back(), schema::json_at("/fallback_departments/departments", i));
    }
  } else {
    t.fallback_ = {t.names_.front()};
  }
  if (doc.contains("unknown_owner")) {
    const auto& u = doc.at("unknown_owner");
    t.unknown_group_ = u.at("group").get<std::string>();
    if (std::find(t.names_.begin(), t.names_.end(), t.unknown_group_) != t.names_.end())
      schema::resource_invalid(file, "/unknown_owner/group", "กลุ่ม \"" + t.unknown_group_ + "\" เป็นชื่อส่วนราชการในรายการ",
                               "the group \"" + t.unknown_group_ + "\" is one of the departments");
    if (u.contains("closest")) {
      const auto& c = u.at("closest");
      t.closest_ = {c.at("max_edits_per_letters").get<int>(), c.at("min_margin").get<int>(), c.at("min_letters").get<int>()};
    }
  }
  if (doc.contains("placeholders"))
    t.placeholders_ = doc.at("placeholders").at("texts").get<std::vector<std::string>>();
  for (const auto& p : t.placeholders_) t.placeholder_keys_.push_back(key_of(p));
  if (doc.contains("agency_types"))
    for (const auto& type : doc.at("agency_types").at("types"))
      t.agency_types_.push_back({type.at("name").get<std::string>(), type.at("short").get<std::string>()});
  if (doc.contains("sections_by_agency_type")) {
    const auto& rules = doc.at("sections_by_agency_type").at("rules");
    for (size_t i = 0; i < rules.size(); ++i) {
      DepartmentTable::SectionRule rule;
      rule.department = rules[i].at("department").get<std::string>();
      check_name(rule.department, schema::json_at("/sections_by_agency_type/rules", i) + "/department");
      for (const auto& type : rules[i].at("agency_types")) {
        rule.agency_types.push_back(type.at("name").get<std::string>());
        if (type.contains("short")) rule.agency_types.push_back(type.at("short").get<std::string>());
      }
      for (const auto& section : rules[i].at("sections")) rule.sections.push_back(section.at("name").get<std::string>());
      t.section_rules_.push_back(std::move(rule));
    }
  }
  return t;
}

OwnerResolver::OwnerResolver(const DepartmentTable& table, const std::vector<std::string>& extra,
                             std::optional<bool> personnel_division, std::string_view agency_name)
    : default_list_(table.names()),
      fallback_(table.fallback()),
      division_(table.personnel_division()),
      otherwise_(table.personnel_otherwise()),
      unknown_group_(table.unknown_group()),
      closest_(table.closest()) {
  for (const auto& row : table.rows())
    for (size_t i = 0; i < row.keys.size(); ++i) aliases_.push_back({row.keys[i], row.kind, row.name, row.spellings[i]});
  placeholder_keys_ = table.placeholder_keys();

  for (const auto& name : extra) {
    const std::string shown = text::squeeze(name);
    if (shown.empty()) continue;
    if (auto known = canonical(shown)) {
      add_unique(agency_list_, *known);
    } else {
      aliases_.push_back({key_of(shown), Kind::Department, shown, shown});
      add_unique(agency_list_, shown);
    }
  }
  personnel_division_ = personnel_division.value_or(
      !division_.empty() && std::find(agency_list_.begin(), agency_list_.end(), division_) != agency_list_.end());
  if (agency_list_.empty())
    if (const auto* rule = section_rule(table, agency_name)) apply(*rule);
  for (uint32_t i = 0; i < aliases_.size(); ++i) {
    const std::string& k = aliases_[i].key;
    if (k.size() < kPrefix)
      short_aliases_.push_back(i);
    else
      by_prefix_[k.substr(0, kPrefix)].push_back(i);
  }
}

const DepartmentTable::AgencyType* DepartmentTable::agency_type(std::string_view agency_name) const {
  const std::string name = key_of(agency_name);
  const AgencyType* best = nullptr;
  size_t best_length = 0;
  for (const auto& type : agency_types_)
    for (const std::string& spelling : {type.name, type.short_name})
      if (const std::string k = key_of(spelling); k.size() > best_length && name.rfind(k, 0) == 0) {
        best = &type;
        best_length = k.size();
      }
  return best;
}

// The section rule for the kind of agency `agency_name` is, if any.
const DepartmentTable::SectionRule* OwnerResolver::section_rule(const DepartmentTable& table,
                                                                std::string_view agency_name) {
  const std::string name = key_of(agency_name);
  if (name.empty()) return nullptr;
  for (const auto& rule : table.section_rules())
    for (const auto& type : rule.agency_types)
      if (const std::string k = key_of(type); !k.empty() && name.rfind(k, 0) == 0) return &rule;
  return nullptr;
}

// The rule's sections (and, when one of them is personnel work, every
// spelling of it) go to the rule's department.
void OwnerResolver::apply(const DepartmentTable::SectionRule& rule) {
  for (const auto& section : rule.sections) {
    const std::string k = key_of(section);
    bool known = false;
    for (auto& a : aliases_) {
      if (a.key != k) continue;
      known = true;
      if (a.kind == Kind::Personnel) {
        personnel_division_ = false;
        otherwise_ = rule.department;
      } else if (a.kind == Kind::Department) {
        a.name = rule.department;
      }
    }
    if (!known) aliases_.push_back({k, Kind::Department, rule.department, section});
  }
}

// The longest alias at `pos`, the first listed of equals. Only the aliases
// that begin with the text's next character (kPrefix bytes, one Thai letter)
// are compared, and the few shorter ones.
const OwnerResolver::Alias* OwnerResolver::match(std::string_view compact_text, size_t pos) const {
  uint32_t best = UINT32_MAX;
  const auto consider = [&](const std::vector<uint32_t>& candidates) {
    for (const uint32_t i : candidates) {
      const std::string& k = aliases_[i].key;
      if (best != UINT32_MAX && (k.size() < aliases_[best].key.size() || (k.size() == aliases_[best].key.size() && i > best)))
        continue;
      if (pos + k.size() <= compact_text.size() && (k.empty() || compact_text[pos + k.size() - 1] == k.back()) &&
          compact_text.compare(pos, k.size(), k) == 0)
        best = i;
    }
  };
  consider(short_aliases_);
  if (pos + kPrefix <= compact_text.size())
    if (const auto it = by_prefix_.find(std::string(compact_text.substr(pos, kPrefix))); it != by_prefix_.end()) consider(it->second);
  return best == UINT32_MAX ? nullptr : &aliases_[best];
}

std::optional<std::string> OwnerResolver::canonical(std::string_view name) const {
  const std::string key = key_of(name);
  std::string k = key;
  if (k.size() >= 3 && k.compare(k.size() - 3, 3, "ฯ") == 0) k.resize(k.size() - 3);
  for (const auto& a : aliases_) {
    if (a.key != k) continue;
    if (a.kind == Kind::Department) return a.name;
    if (a.kind == Kind::Personnel) return personnel_division_ ? division_ : otherwise_;
  }
  return std::nullopt;
}

const OwnerResolver::Alias* OwnerResolver::closest(std::string_view compact_key) const {
  const std::u32string typed = code_points(compact_key);
  if (typed.size() < static_cast<size_t>(closest_.min_letters)) return nullptr;
  // The closest spelling of each department (of the agency's own list when
  // it gave one), then the best and the runner-up department.
  const size_t limit = typed.size() / 2 + static_cast<size_t>(closest_.margin);
  std::map<std::string, std::pair<size_t, const Alias*>> by_department;
  for (const auto& a : aliases_) {
    if (a.kind != Kind::Department || a.key.empty()) continue;
    if (!agency_list_.empty() && std::find(agency_list_.begin(), agency_list_.end(), a.name) == agency_list_.end())
      continue;
    const size_t d = edit_distance(typed, code_points(a.key), limit);
    auto [it, fresh] = by_department.try_emplace(a.name, d, &a);
    if (!fresh && d < it->second.first) it->second = {d, &a};
  }
  const Alias* best = nullptr;
  size_t best_d = limit + 1, second_d = limit + 1;
  for (const auto& [name, found] : by_department) {
    if (found.first < best_d) {
      second_d = best_d;
      best_d = found.first;
      best = found.second;
    } else if (found.first < second_d) {
      second_d = found.first;
    }
  }
  if (!best) return nullptr;
  const size_t letters = code_points(best->key).size();
  const size_t allowed = std::max<size_t>(1, letters / static_cast<size_t>(closest_.edits_per_letters));
  if (best_d > allowed || second_d < best_d + static_cast<size_t>(closest_.margin)) return nullptr;
  return best;
}

const OwnerResolver::Alias* OwnerResolver::match_separator(std::string_view compact_text, size_t pos) const {
  const Alias* a = match(compact_text, pos);
  return a && a->kind == Kind::Separator ? a : nullptr;
}

bool OwnerResolver::is_placeholder(const std::string& folded) const {
  // Strip what a form's blank is made of: dots, ellipses, dashes, spaces.
  std::string core = folded;
  bool trailing_run = false;
  for (;;) {
    if (!core.empty() && (core.back() == '.' || core.back() == ' ' || core.back() == '-')) {
      trailing_run |= core.back() == '.';
      core.pop_back();
    } else if (core.size() >= 3 && core.compare(core.size() - 3, 3, "\u2026") == 0) {  // …
      trailing_run = true;
      core.resize(core.size() - 3);
    } else {
      break;
    }
  }
  const bool dots_after = trailing_run && folded.size() >= core.size() + 3;
  if (core.empty() && !folded.empty()) return true;  // only dots, dashes, ellipses
  if (dots_after) return true;                        // "กองงาน........", "งาน……"
  const std::string key = compact_folded(folded).text;
  return std::find(placeholder_keys_.begin(), placeholder_keys_.end(), key) != placeholder_keys_.end();
}

OwnerParse OwnerResolver::parse(std::string_view raw) const {
  OwnerParse out;
  const Compact c = compact(raw);
  const std::string& s = c.text;
  size_t unknown_start = std::string::npos;
  // The current owner: from the last separator or title, and the departments
  // spelled exactly in it ("สำนักปลัด" of "สำนักปลัดเทสบาล").
  size_t owner_start = 0;
  std::vector<std::string> owner_departments;
  const auto folded_between = [&](size_t from, size_t end) {
    const size_t to = end < s.size() ? c.at[end] : c.folded.size();
    return trim_separators(c.folded.substr(c.at[from], to - c.at[from]));
  };
  const auto correct = [&](const std::string& typed, const Alias& a) {
    add_unique(out.departments, a.name);
    for (const auto& k : out.corrected)
      if (k.typed == typed) return;
    out.corrected.push_back({typed, a.spelling, a.name});
  };
  auto flush = [&](size_t end) {
    if (unknown_start == std::string::npos) return;
    const std::string t = folded_between(unknown_start, end);
    if (!t.empty() && is_placeholder(t)) {
      add_unique(out.placeholders, t);
    } else if (meaningful(t)) {
      // A typo: the whole owner, or the unrecognised part alone, is clearly
      // closest to one department.
      const Alias* whole = owner_start < unknown_start ? closest(s.substr(owner_start, end - owner_start)) : nullptr;
      if (whole && std::all_of(owner_departments.begin(), owner_departments.end(),
                               [&](const std::string& d) { return d == whole->name; })) {
        correct(folded_between(owner_start, end), *whole);
      } else if (const Alias* part = closest(s.substr(unknown_start, end - unknown_start))) {
        correct(t, *part);
      } else {
        add_unique(out.unknown, t);
      }
    }
    unknown_start = std::string::npos;
  };
  const auto new_owner = [&](size_t at) {
    owner_start = at;
    owner_departments.clear();
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
      if (a->kind == Kind::Department || a->kind == Kind::Personnel) {
        const std::string& d = a->kind == Kind::Department ? a->name : personnel_division_ ? division_ : otherwise_;
        add_unique(out.departments, d);
        owner_departments.push_back(d);
      } else {
        if (a->kind == Kind::Everyone) out.everyone = true;
        new_owner(i);
      }
      continue;
    }
    if (is_separator_char(s[i])) {
      flush(i);
      ++i;
      new_owner(i);
      continue;
    }
    if (!in_unknown) unknown_start = i;
    i += text::utf8_length(static_cast<unsigned char>(s[i]));
  }
  flush(s.size());
  // Nothing recognised but some text: the measure goes to the unknown group.
  if (out.departments.empty() && !out.everyone && !out.unknown.empty()) {
    out.departments.push_back(unknown_group_);
    out.unknown_group = true;
  }
  return out;
}

std::vector<std::string> OwnerResolver::agency_departments(const std::vector<OwnerParse>& parsed) const {
  if (!agency_list_.empty()) return agency_list_;
  std::vector<std::string> named;
  for (const auto& dept : default_list_)
    for (const auto& p : parsed)
      if (std::find(p.departments.begin(), p.departments.end(), dept) != p.departments.end()) {
        named.push_back(dept);
        break;
      }
  if (!named.empty()) return named;
  return fallback_;
}

}  // namespace itawb::plan

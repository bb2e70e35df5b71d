#include "plan/catalog.hpp"
#include "base/error.hpp"

#include "base/files.hpp"

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "plan/timeframe.hpp"
#include "text/thai.hpp"

namespace itawb::plan {

namespace {
// A catalog that cannot be used: code "resource-invalid"; the English
// sentence names the file and the JSON path.
[[noreturn]] void throw_invalid(const std::string& what_en) {
  throw Error("resource-invalid", "ไฟล์รายการมาตรการใช้ไม่ได้: " + what_en, what_en);
}
}  // namespace
namespace {

using nlohmann::json;

class Loader {
 public:
  explicit Loader(std::string source) : source_(std::move(source)) {}

  [[noreturn]] void fail(const std::string& path, const std::string& what) const {
    throw_invalid(source_ + ": " + (path.empty() ? "/" : path) + ": " + what);
  }

  const json& member(const json& obj, const std::string& path, const char* key, bool required) const {
    static const json null_value;
    if (!obj.contains(key)) {
      if (required) fail(path, std::string("missing \"") + key + "\"");
      return null_value;
    }
    return obj.at(key);
  }

  std::string string_of(const json& v, const std::string& path, bool non_empty = true) const {
    if (!v.is_string()) fail(path, "must be a string");
    std::string s = text::squeeze(v.get<std::string>());
    if (non_empty && s.empty()) fail(path, "must not be empty");
    return s;
  }

  std::vector<std::string> strings_of(const json& v, const std::string& path) const {
    if (!v.is_array() || v.empty()) fail(path, "must be a non-empty array of strings");
    std::vector<std::string> out;
    for (size_t i = 0; i < v.size(); ++i) out.push_back(string_of(v[i], path + "/" + std::to_string(i)));
    return out;
  }

  std::vector<std::string> codes_of(const json& v, const std::string& path, const std::regex& shape,
                                    const char* expected) const {
    std::vector<std::string> out;
    for (size_t i = 0; i < v.size(); ++i) {
      const std::string p = path + "/" + std::to_string(i);
      const std::string code = text::normalize_code(string_of(v[i], p));
      if (!std::regex_match(code, shape)) fail(p, "\"" + code + "\" is not " + expected);
      out.push_back(code);
    }
    return out;
  }

  CatalogEntry entry(const json& e, const std::string& path) const {
    if (!e.is_object()) fail(path, "must be an object");
    CatalogEntry c;
    c.id = string_of(member(e, path, "id", true), path + "/id");
    keys(member(e, path, "keys", true), path + "/keys", c);
    if (const json& f = member(e, path, "for", false); !f.is_null()) {
      if (string_of(f, path + "/for") != "maintain") fail(path + "/for", "must be \"maintain\" when given");
      c.maintain_only = true;
    }
    c.measure = string_of(member(e, path, "measure", true), path + "/measure");
    c.steps = strings_of(member(e, path, "steps", true), path + "/steps");
    c.timeframe = string_of(member(e, path, "timeframe", true), path + "/timeframe");
    // Catalog timeframes name no year, so any plan year must read them.
    if (const auto r = parse_timeframe(c.timeframe, 2568); !r.ok()) fail(path + "/timeframe", r.reason_en);
    c.owners = strings_of(member(e, path, "owners", true), path + "/owners");
    if (const json& b = member(e, path, "budget", false); !b.is_null())
      c.budget = string_of(b, path + "/budget", false);
    c.success_indicator = string_of(member(e, path, "success_indicator", true), path + "/success_indicator");
    return c;
  }

  void keys(const json& k, const std::string& path, CatalogEntry& c) const {
    if (!k.is_object()) fail(path, "must be an object");
    static const std::regex question(R"([ie][0-9]{1,2})"), item(R"(o[0-9]{1,2})");
    if (const json& q = member(k, path, "questions", false); !q.is_null()) {
      if (!q.is_array()) fail(path + "/questions", "must be an array");
      c.questions = codes_of(q, path + "/questions", question, "an IIT/EIT question code (i1, e9)");
    }
    if (const json& o = member(k, path, "oit", false); !o.is_null()) {
      if (!o.is_object()) fail(path + "/oit", "must be an object of year -> item codes");
      for (const auto& [year, codes] : o.items()) {
        const std::string p = path + "/oit/" + year;
        const auto y = text::parse_number(year);
        if (!y || *y < 2500 || *y > 2700) fail(p, "\"" + year + "\" is not a year (พ.ศ.)");
        if (!codes.is_array()) fail(p, "must be an array");
        c.oit_items[static_cast<int>(*y)] = codes_of(codes, p, item, "an OIT item code (o10)");
      }
    }
    if (const json& is = member(k, path, "issues", false); !is.is_null()) {
      if (!is.is_array()) fail(path + "/issues", "must be an array");
      for (size_t i = 0; i < is.size(); ++i) {
        if (!is[i].is_number_integer() || is[i].get<int>() < 1 || is[i].get<int>() > 7)
          fail(path + "/issues/" + std::to_string(i), "must be an issue number 1-7");
        c.issues.push_back(is[i].get<int>());
      }
    }
    if (c.questions.empty() && c.oit_items.empty() && c.issues.empty())
      fail(path, "needs at least one of questions, oit, issues");
  }

  std::vector<CatalogEntry> run(std::string_view text) const {
    json doc;
    try {
      doc = json::parse(text);
    } catch (const json::parse_error& e) {
      fail("", std::string("not valid JSON: ") + e.what());
    }
    if (!doc.is_object()) fail("", "must be an object with \"entries\"");
    const json& list = member(doc, "", "entries", true);
    if (!list.is_array()) fail("/entries", "must be an array");
    std::vector<CatalogEntry> out;
    std::set<std::string> ids;
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string path = "/entries/" + std::to_string(i);
      CatalogEntry c = entry(list[i], path);
      if (!ids.insert(c.id).second) fail(path + "/id", "duplicate id \"" + c.id + "\"");
      out.push_back(std::move(c));
    }
    return out;
  }

 private:
  std::string source_;
};

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string numbered_steps(const std::vector<std::string>& steps) {
  std::string out;
  for (size_t i = 0; i < steps.size(); ++i)
    out += (i ? "\n" : "") + text::thai_digits(std::to_string(i + 1)) + ") " + steps[i];
  return out;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

}  // namespace

MeasureCatalog MeasureCatalog::load(const std::filesystem::path& file) {
  const auto text = read_file(file);
  if (!text) throw_invalid(file.string() + ": cannot open the measures catalog");
  return parse(*text, file.string());
}

MeasureCatalog MeasureCatalog::parse(std::string_view json_text, const std::string& source_name) {
  MeasureCatalog c;
  c.entries_ = Loader(source_name).run(json_text);
  return c;
}

std::vector<const CatalogEntry*> MeasureCatalog::for_code(std::string_view raw, int assessment_year) const {
  const std::string code = text::normalize_code(raw);
  std::vector<const CatalogEntry*> out;
  if (code.empty()) return out;
  for (const auto& e : entries_) {
    if (code[0] == 'o') {
      const auto it = e.oit_items.find(assessment_year);
      if (it != e.oit_items.end() && contains(it->second, code)) out.push_back(&e);
    } else if (contains(e.questions, code)) {
      out.push_back(&e);
    }
  }
  return out;
}

std::vector<const CatalogEntry*> MeasureCatalog::for_issue(int issue, bool maintain) const {
  std::vector<const CatalogEntry*> out;
  for (const auto& e : entries_)
    if (e.maintain_only == maintain && std::find(e.issues.begin(), e.issues.end(), issue) != e.issues.end())
      out.push_back(&e);
  return out;
}

std::vector<const CatalogEntry*> MeasureCatalog::for_deficiency(const ita::Deficiency& d,
                                                                int assessment_year) const {
  if (d.category == ita::Category::Maintain) {
    auto m = for_issue(d.issue, true);
    if (!m.empty()) return m;
  }
  auto by_code = for_code(d.code, assessment_year);
  if (!by_code.empty()) return by_code;
  return for_issue(d.issue, false);
}

std::vector<model::MeasureInput> propose_measures(const std::vector<ita::Deficiency>& deficiencies,
                                                const MeasureCatalog& catalog, int assessment_year) {
  std::vector<const ita::Deficiency*> ordered;
  for (const auto& d : deficiencies) ordered.push_back(&d);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto* a, const auto* b) { return a->issue < b->issue; });

  // An entry found by a code is proposed once; one found by an issue key is
  // proposed once per issue (a "maintain" entry serves several issues).
  std::vector<std::pair<const CatalogEntry*, int>> chosen;
  std::vector<model::MeasureInput> out;
  for (const auto* d : ordered) {
    const std::string named = d->code.empty() ? text::squeeze(d->text) : text::normalize_code(d->code);
    const bool maintain = d->category == ita::Category::Maintain;
    auto entries = maintain ? catalog.for_issue(d->issue, true) : std::vector<const CatalogEntry*>{};
    bool by_issue = !entries.empty();
    if (entries.empty()) entries = catalog.for_code(d->code, assessment_year);
    if (entries.empty()) {
      entries = catalog.for_issue(d->issue, false);
      by_issue = true;
    }
    for (const auto* e : entries) {
      const std::pair<const CatalogEntry*, int> key{e, by_issue ? d->issue : 0};
      const auto at = std::find(chosen.begin(), chosen.end(), key);
      if (at != chosen.end()) {  // already proposed: name this deficiency too
        auto& m = out[static_cast<size_t>(at - chosen.begin())];
        if (!named.empty() && m.deficiency.find(named) == std::string::npos)
          m.deficiency += (m.deficiency.empty() ? "" : ", ") + named;
        continue;
      }
      chosen.push_back(key);
      model::MeasureInput m;
      m.id = std::to_string(out.size() + 1);
      m.issue = d->issue;
      m.deficiency = named;
      m.measure = e->measure;
      m.steps = numbered_steps(e->steps);
      m.timeframe = e->timeframe;
      m.owner = join(e->owners, ", ");
      m.budget = e->budget;
      m.success_indicator = e->success_indicator;
      m.proposed = true;
      out.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace itawb::plan

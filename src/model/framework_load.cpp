// Reading schemas/frameworks/ita-YYYY.json into a Framework. Every problem
// throws itawb::Error "<file>: <JSON pointer>: <what>", so a user who
// edits a file for a new year sees exactly which field to fix. The layout is
// described by schemas/framework.meta.json; the checks here add what JSON
// Schema cannot say (cross-references, weights summing to 1).
#include <algorithm>
#include "base/error.hpp"
#include <cmath>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "model/framework.hpp"

#include "base/files.hpp"
#include "text/thai.hpp"

namespace itawb::model {

namespace {

// A framework file that cannot be used: the one Error type, code
// "resource-invalid"; the English sentence names the file and the JSON path.
[[noreturn]] void throw_invalid(const std::string& what_en) {
  throw Error("resource-invalid", "ไฟล์เกณฑ์การประเมินใช้ไม่ได้: " + what_en, what_en);
}

using nlohmann::json;
namespace fs = std::filesystem;

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& path, const std::string& what) const {
    throw_invalid(file_ + ": " + (path.empty() ? "/" : path) + ": " + what);
  }

  const json& required(const json& obj, const std::string& path, const char* key) const {
    auto it = obj.find(key);
    if (it == obj.end()) fail(path, std::string("missing field \"") + key + "\"");
    return *it;
  }

  void expect_object(const json& v, const std::string& path) const {
    if (!v.is_object()) fail(path, "expected an object {…}");
  }
  void expect_array(const json& v, const std::string& path) const {
    if (!v.is_array()) fail(path, "expected an array […]");
  }

  std::string text(const json& v, const std::string& path, bool allow_empty = false) const {
    if (!v.is_string()) fail(path, "expected a text \"…\"");
    std::string s = text::squeeze(v.get<std::string>());
    if (!allow_empty && s.empty()) fail(path, "must not be empty");
    return s;
  }

  double number(const json& v, const std::string& path, double lo, double hi) const {
    if (!v.is_number()) fail(path, "expected a number");
    double d = v.get<double>();
    if (!(d >= lo && d <= hi)) {
      std::ostringstream msg;
      msg << "expected a number from " << lo << " to " << hi << ", found " << d;
      fail(path, msg.str());
    }
    return d;
  }

  int integer(const json& v, const std::string& path, int lo, int hi) const {
    if (!v.is_number_integer()) fail(path, "expected a whole number");
    long long n = v.get<long long>();
    if (n < lo || n > hi)
      fail(path, "expected a whole number from " + std::to_string(lo) + " to " +
                     std::to_string(hi) + ", found " + std::to_string(n));
    return static_cast<int>(n);
  }

  Tool tool(const json& v, const std::string& path) const {
    std::optional<Tool> t = v.is_string() ? tool_from_string(v.get<std::string>()) : std::nullopt;
    if (!t) fail(path, "expected \"IIT\", \"EIT\" or \"OIT\"");
    return *t;
  }

  // Unknown fields are errors: a misspelt key ("indicatros") would otherwise
  // silently fall back to a default.
  void only_keys(const json& obj, const std::string& path,
                 std::initializer_list<const char*> allowed) const {
    for (const auto& [key, value] : obj.items()) {
      (void)value;
      bool known = std::any_of(allowed.begin(), allowed.end(),
                               [&key = key](const char* a) { return key == a; });
      if (known) continue;
      std::string list;
      for (const char* a : allowed) list += std::string(list.empty() ? "" : ", ") + a;
      fail(path + "/" + key, "unknown field \"" + key + "\" (known fields: " + list + ")");
    }
  }

 private:
  std::string file_;
};

std::string at(const std::string& path, size_t index) { return path + "/" + std::to_string(index); }

json parse_text(std::string_view text, const std::string& name) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    auto bracket = what.find("] ");
    if (what.rfind("[json.exception", 0) == 0 && bracket != std::string::npos)
      what = what.substr(bracket + 2);
    throw_invalid(name + ": invalid JSON: " + what);
  }
}

void read_tools(const Reader& r, const json& root, Framework& f, std::set<Tool>& partial_tools) {
  const json& tools = r.required(root, "", "tools");
  r.expect_array(tools, "/tools");
  double sum = 0;
  for (size_t i = 0; i < tools.size(); ++i) {
    const std::string path = at("/tools", i);
    const json& t = tools[i];
    r.expect_object(t, path);
    r.only_keys(t, path, {"code", "weight", "name_th", "name_en", "note", "questions_partial"});
    Tool tool = r.tool(r.required(t, path, "code"), path + "/code");
    if (t.contains("questions_partial")) {
      if (!t["questions_partial"].is_boolean()) r.fail(path + "/questions_partial", "expected true or false");
      if (t["questions_partial"].get<bool>()) partial_tools.insert(tool);
    }
    if (f.weights.count(tool)) r.fail(path + "/code", std::string("tool ") + to_string(tool) + " listed twice");
    f.weights[tool] = r.number(r.required(t, path, "weight"), path + "/weight", 0, 1);
    sum += f.weights[tool];
  }
  if (f.weights.size() != 3) r.fail("/tools", "expected the three tools IIT, EIT and OIT");
  if (std::fabs(sum - 1.0) > 1e-6) {
    std::ostringstream msg;
    msg << "the tool weights must add up to 1, they add up to " << sum;
    r.fail("/tools", msg.str());
  }
}

void read_indicators(const Reader& r, const json& root, Framework& f, const std::set<Tool>& partial_tools) {
  const json& list = r.required(root, "", "indicators");
  r.expect_array(list, "/indicators");
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string path = at("/indicators", i);
    const json& v = list[i];
    r.expect_object(v, path);
    r.only_keys(v, path, {"number", "name_th", "name_en", "aliases", "tool", "note"});
    Indicator ind;
    ind.number = r.integer(r.required(v, path, "number"), path + "/number", 1, 99);
    if (f.indicator(ind.number))
      r.fail(path + "/number", "indicator " + std::to_string(ind.number) + " listed twice");
    ind.name_th = r.text(r.required(v, path, "name_th"), path + "/name_th");
    if (v.contains("name_en")) ind.name_en = r.text(v["name_en"], path + "/name_en", true);
    if (v.contains("aliases")) {
      r.expect_array(v["aliases"], path + "/aliases");
      for (size_t a = 0; a < v["aliases"].size(); ++a)
        ind.aliases.push_back(r.text(v["aliases"][a], at(path + "/aliases", a)));
    }
    ind.tool = r.tool(r.required(v, path, "tool"), path + "/tool");
    ind.questions_partial = partial_tools.count(ind.tool) > 0;
    f.indicators.push_back(std::move(ind));
  }
  std::sort(f.indicators.begin(), f.indicators.end(),
            [](const Indicator& a, const Indicator& b) { return a.number < b.number; });
  for (const auto& [tool, weight] : f.weights) {
    (void)weight;
    if (f.indicators_of(tool).empty())
      r.fail("/indicators", std::string("no indicator belongs to tool ") + to_string(tool));
  }
}

void read_subindicators(const Reader& r, const json& root, Framework& f) {
  if (!root.contains("subindicators")) return;
  const json& list = root["subindicators"];
  r.expect_array(list, "/subindicators");
  static const std::regex id_pattern("^[0-9]+\\.[0-9]+$");
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string path = at("/subindicators", i);
    const json& v = list[i];
    r.expect_object(v, path);
    r.only_keys(v, path, {"id", "indicator", "name_th", "name_en", "note"});
    SubIndicator s;
    s.id = text::arabic_digits(r.text(r.required(v, path, "id"), path + "/id"));
    if (!std::regex_match(s.id, id_pattern)) r.fail(path + "/id", "expected an id such as \"9.1\"");
    if (f.subindicator(s.id)) r.fail(path + "/id", "sub-indicator " + s.id + " listed twice");
    s.indicator = r.integer(r.required(v, path, "indicator"), path + "/indicator", 1, 99);
    const Indicator* ind = f.indicator(s.indicator);
    if (!ind) r.fail(path + "/indicator", "no indicator " + std::to_string(s.indicator));
    if (ind->tool != Tool::OIT) r.fail(path + "/indicator", "sub-indicators belong to OIT indicators");
    s.name_th = r.text(r.required(v, path, "name_th"), path + "/name_th");
    if (v.contains("name_en")) s.name_en = r.text(v["name_en"], path + "/name_en", true);
    f.subindicators.push_back(std::move(s));
  }
}

void read_question(const Reader& r, const json& v, const std::string& path, Framework& f) {
  static const std::regex code_pattern("^[ieo][0-9]+$");
  r.expect_object(v, path);
  r.only_keys(v, path, {"code", "tool", "indicator", "subindicator", "text_th", "note"});
  Question q;
  q.code = text::normalize_code(r.text(r.required(v, path, "code"), path + "/code"));
  if (!std::regex_match(q.code, code_pattern))
    r.fail(path + "/code", "expected a code such as \"i1\", \"e9\" or \"o19\"");
  if (f.question(q.code)) r.fail(path + "/code", "question " + q.code + " listed twice");
  q.tool = r.tool(r.required(v, path, "tool"), path + "/tool");
  q.indicator = r.integer(r.required(v, path, "indicator"), path + "/indicator", 1, 99);
  const Indicator* ind = f.indicator(q.indicator);
  if (!ind) r.fail(path + "/indicator", "no indicator " + std::to_string(q.indicator));
  if (ind->tool != q.tool)
    r.fail(path + "/indicator", "indicator " + std::to_string(q.indicator) + " belongs to " +
                                    to_string(ind->tool) + ", not " + to_string(q.tool));
  if (q.tool == Tool::OIT) {
    SubIndicator* sub = nullptr;
    std::string id = text::arabic_digits(r.text(r.required(v, path, "subindicator"), path + "/subindicator"));
    for (auto& s : f.subindicators)
      if (s.id == id) sub = &s;
    if (!sub) r.fail(path + "/subindicator", "no sub-indicator \"" + id + "\" in /subindicators");
    if (sub->indicator != q.indicator)
      r.fail(path + "/subindicator", "sub-indicator " + id + " belongs to indicator " +
                                         std::to_string(sub->indicator));
    q.subindicator = id;
    sub->items.push_back(q.code);
  } else if (v.contains("subindicator")) {
    r.fail(path + "/subindicator", "only OIT items have a sub-indicator");
  }
  q.text_th = r.text(r.required(v, path, "text_th"), path + "/text_th");
  f.questions.push_back(std::move(q));
}

void read_questions(const Reader& r, const json& root, Framework& f) {
  const json& list = r.required(root, "", "questions");
  r.expect_array(list, "/questions");
  for (size_t i = 0; i < list.size(); ++i) read_question(r, list[i], at("/questions", i), f);
}

std::vector<std::string> read_codes(const Reader& r, const json& list, const std::string& path,
                                    const Framework& f, bool oit) {
  r.expect_array(list, path);
  std::vector<std::string> codes;
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string item = at(path, i);
    const Question* q = f.question(r.text(list[i], item));
    if (!q) r.fail(item, "no question or item \"" + list[i].get<std::string>() + "\" in /questions");
    if ((q->tool == Tool::OIT) != oit)
      r.fail(item, oit ? q->code + " is not an OIT item" : q->code + " is an OIT item: list it in oit_items");
    codes.push_back(q->code);
  }
  return codes;
}

void read_issues(const Reader& r, const json& root, Framework& f) {
  const json& list = r.required(root, "", "issues");
  r.expect_array(list, "/issues");
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string path = at("/issues", i);
    const json& v = list[i];
    r.expect_object(v, path);
    r.only_keys(v, path, {"number", "name_th", "name_en", "questions", "oit_items", "indicators", "note"});
    AnalysisIssue issue;
    issue.number = r.integer(r.required(v, path, "number"), path + "/number", 1, 99);
    if (f.issue(issue.number)) r.fail(path + "/number", "issue " + std::to_string(issue.number) + " listed twice");
    issue.name_th = r.text(r.required(v, path, "name_th"), path + "/name_th");
    if (v.contains("name_en")) issue.name_en = r.text(v["name_en"], path + "/name_en", true);
    issue.questions = read_codes(r, r.required(v, path, "questions"), path + "/questions", f, false);
    issue.oit_items = read_codes(r, r.required(v, path, "oit_items"), path + "/oit_items", f, true);
    std::set<int> covered;
    for (const auto& code : issue.questions) covered.insert(f.question(code)->indicator);
    for (const auto& code : issue.oit_items) covered.insert(f.question(code)->indicator);
    if (v.contains("indicators")) {
      r.expect_array(v["indicators"], path + "/indicators");
      for (size_t k = 0; k < v["indicators"].size(); ++k) {
        int n = r.integer(v["indicators"][k], at(path + "/indicators", k), 1, 99);
        if (!f.indicator(n)) r.fail(at(path + "/indicators", k), "no indicator " + std::to_string(n));
        covered.insert(n);
      }
    }
    issue.indicators.assign(covered.begin(), covered.end());
    f.issues.push_back(std::move(issue));
  }
}

void read_levels(const Reader& r, const json& root, Framework& f) {
  const json& list = r.required(root, "", "levels");
  r.expect_array(list, "/levels");
  if (list.empty()) r.fail("/levels", "at least one level is needed");
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string path = at("/levels", i);
    const json& v = list[i];
    r.expect_object(v, path);
    r.only_keys(v, path, {"name_th", "name_en", "min_total", "min_each_tool"});
    LevelBand band;
    band.name_th = r.text(r.required(v, path, "name_th"), path + "/name_th");
    band.name_en = r.text(r.required(v, path, "name_en"), path + "/name_en");
    band.min_total = r.number(r.required(v, path, "min_total"), path + "/min_total", 0, 100);
    if (v.contains("min_each_tool"))
      band.min_each_tool = r.number(v["min_each_tool"], path + "/min_each_tool", 0, 100);
    if (!f.levels.empty() && band.min_total > f.levels.back().min_total)
      r.fail(path + "/min_total", "levels are listed best first: min_total may not rise");
    f.levels.push_back(std::move(band));
  }
  if (f.levels.back().min_total != 0)
    r.fail(at("/levels", list.size() - 1) + "/min_total", "the last level must start at 0");
}

void read_rules(const Reader& r, const json& root, Framework& f) {
  const json& v = r.required(root, "", "deficiency_rules");
  const std::string path = "/deficiency_rules";
  r.expect_object(v, path);
  r.only_keys(v, path, {"lowest_count", "urgent_below", "urgent_gap_below_total",
                        "maintain_at_or_above", "oit_urgent_below", "notes"});
  DeficiencyRules& d = f.rules;
  if (v.contains("lowest_count")) d.lowest_count = r.integer(v["lowest_count"], path + "/lowest_count", 1, 50);
  auto score = [&](const char* key, double& out) {
    if (v.contains(key)) out = r.number(v[key], path + "/" + key, 0, 100);
  };
  score("urgent_below", d.urgent_below);
  score("urgent_gap_below_total", d.urgent_gap_below_total);
  score("maintain_at_or_above", d.maintain_at_or_above);
  score("oit_urgent_below", d.oit_urgent_below);
  if (d.maintain_at_or_above < d.urgent_below)
    r.fail(path + "/maintain_at_or_above", "must not be below urgent_below");
}

void read_notes(const Reader& r, const json& root, Framework& f) {
  if (root.contains("status_note")) f.status_note = r.text(root["status_note"], "/status_note", true);
  for (const char* key : {"levels_note", "tolerance_note"})
    if (root.contains(key)) r.text(root[key], std::string("/") + key, true);
  if (root.contains("sources")) {
    const json& s = root["sources"];
    r.expect_object(s, "/sources");
    r.only_keys(s, "/sources", {"confirmed", "inferred", "unknown", "documents"});
    for (const auto& [key, list] : s.items()) {
      r.expect_array(list, "/sources/" + key);
      for (size_t i = 0; i < list.size(); ++i) r.text(list[i], at("/sources/" + key, i));
    }
  }
}

Framework read_framework(const Reader& r, const json& root) {
  r.expect_object(root, "");
  r.only_keys(root, "", {"$schema", "format", "year", "assumed", "assumed_from", "status_note",
                         "tools", "indicators", "subindicators", "questions", "issues", "levels",
                         "levels_note", "tolerance", "tolerance_note", "deficiency_rules", "sources"});
  if (r.integer(r.required(root, "", "format"), "/format", 1, 1000) != 1)
    r.fail("/format", "this itawb reads format 1 only");
  Framework f;
  f.year = r.integer(r.required(root, "", "year"), "/year", 2500, 2700);
  if (root.contains("assumed")) {
    if (!root["assumed"].is_boolean()) r.fail("/assumed", "expected true or false");
    f.assumed = root["assumed"].get<bool>();
  }
  if (root.contains("assumed_from")) f.assumed_from = r.integer(root["assumed_from"], "/assumed_from", 2500, 2700);
  if (f.assumed && f.assumed_from == 0) r.fail("/assumed_from", "an assumed framework must say which year it copies");
  // A tool's questions_partial is a fact about each of its indicators.
  std::set<Tool> partial_tools;
  read_tools(r, root, f, partial_tools);
  read_indicators(r, root, f, partial_tools);
  read_subindicators(r, root, f);
  read_questions(r, root, f);
  read_issues(r, root, f);
  read_levels(r, root, f);
  if (root.contains("tolerance")) f.tolerance = r.number(root["tolerance"], "/tolerance", 0, 5);
  read_rules(r, root, f);
  read_notes(r, root, f);
  return f;
}

// "ita-2567.json" -> 2567; 0 when the name has no year.
int year_in_name(const fs::path& file) {
  static const std::regex pattern("^ita-([0-9]{4})\\.json$");
  std::smatch m;
  const std::string name = file.filename().string();
  return std::regex_match(name, m, pattern) ? std::stoi(m[1]) : 0;
}

}  // namespace

Framework Framework::load(const fs::path& file) {
  const auto text = read_file(file);
  if (!text) throw_invalid(file.string() + ": cannot open the framework file");
  return parse(*text, file.string());
}

Framework Framework::parse(std::string_view text, const std::string& name) {
  Reader reader(name);
  Framework f = read_framework(reader, parse_text(text, name));
  int named = year_in_name(name);
  if (named != 0 && named != f.year)
    reader.fail("/year", "the file name says " + std::to_string(named) + " but the year is " +
                             std::to_string(f.year));
  f.source_file = name;
  return f;
}

FrameworkCatalog FrameworkCatalog::load_dir(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw_invalid(dir.string() + ": framework folder not found");
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && year_in_name(entry.path()) != 0) {
      const auto text = read_file(entry.path());
      if (!text) throw_invalid(entry.path().string() + ": cannot open the framework file");
      files[entry.path().string()] = *text;
    }
  return from_files(files, dir.string());
}

FrameworkCatalog FrameworkCatalog::from_files(const std::map<std::string, std::string>& files,
                                              const std::string& dir_name) {
  FrameworkCatalog catalog;
  for (const auto& [name, text] : files) {
    const int year = year_in_name(name);
    if (year == 0) continue;
    auto [it, inserted] = catalog.by_year_.try_emplace(year);
    if (!inserted)
      throw_invalid(name + ": year " + std::to_string(year) + " is already defined by " + it->second.name);
    it->second.name = name;
    it->second.text = text;
  }
  if (catalog.by_year_.empty())
    throw_invalid(dir_name + ": no framework files (ita-YYYY.json) found");
  return catalog;
}

}  // namespace itawb::model

// Framework lookups, the level rule and the catalog of years. Reading the
// JSON files is in framework_load.cpp.
#include "model/framework.hpp"

#include <algorithm>
#include <stdexcept>

#include "text/thai.hpp"

namespace itawb::model {

namespace {
// Scores are compared as published (2 decimals); this absorbs binary noise
// such as 84.99999999 for a computed 85.00.
constexpr double kScoreEpsilon = 1e-9;
}  // namespace

const char* to_string(Tool t) {
  switch (t) {
    case Tool::IIT: return "IIT";
    case Tool::EIT: return "EIT";
    case Tool::OIT: return "OIT";
  }
  return "?";
}

std::optional<Tool> tool_from_string(std::string_view s) {
  const std::string key = text::ascii_lower(text::trim(s));
  if (key == "iit") return Tool::IIT;
  if (key == "eit") return Tool::EIT;
  if (key == "oit") return Tool::OIT;
  return std::nullopt;
}

const Indicator* Framework::indicator(int number) const {
  for (const auto& i : indicators)
    if (i.number == number) return &i;
  return nullptr;
}

const Question* Framework::question(std::string_view code) const {
  const std::string key = text::normalize_code(code);
  for (const auto& q : questions)
    if (q.code == key) return &q;
  return nullptr;
}

std::vector<const Question*> Framework::questions_of(int indicator) const {
  std::vector<const Question*> out;
  for (const auto& q : questions)
    if (q.indicator == indicator) out.push_back(&q);
  return out;
}

const SubIndicator* Framework::subindicator(std::string_view id) const {
  const std::string key = text::trim(text::arabic_digits(id));
  for (const auto& s : subindicators)
    if (s.id == key) return &s;
  return nullptr;
}

const AnalysisIssue* Framework::issue(int number) const {
  for (const auto& i : issues)
    if (i.number == number) return &i;
  return nullptr;
}

std::vector<const Indicator*> Framework::indicators_of(Tool tool) const {
  std::vector<const Indicator*> out;
  for (const auto& i : indicators)
    if (i.tool == tool) out.push_back(&i);
  std::sort(out.begin(), out.end(),
            [](const Indicator* a, const Indicator* b) { return a->number < b->number; });
  return out;
}

std::vector<const AnalysisIssue*> Framework::issues_of_indicator(int indicator) const {
  std::vector<const AnalysisIssue*> out;
  for (const auto& issue : issues)
    if (std::find(issue.indicators.begin(), issue.indicators.end(), indicator) !=
        issue.indicators.end())
      out.push_back(&issue);
  return out;
}

const LevelBand& Framework::level_for(double total,
                                      const std::map<Tool, double>& tools) const {
  if (levels.empty()) throw std::logic_error("framework has no level bands");
  for (const auto& band : levels) {
    if (total + kScoreEpsilon < band.min_total) continue;
    if (band.min_each_tool) {
      // Every tool of the framework must be known and reach the line.
      bool all_reach = !weights.empty();
      for (const auto& [tool, weight] : weights) {
        (void)weight;
        auto it = tools.find(tool);
        if (it == tools.end() || it->second + kScoreEpsilon < *band.min_each_tool)
          all_reach = false;
      }
      if (!all_reach) continue;
    }
    return band;
  }
  return levels.back();  // below every band's minimum (negative input)
}

const Framework* FrameworkCatalog::for_year(int year) const {
  const auto it = by_year_.find(year);
  if (it == by_year_.end()) return nullptr;
  const Entry& e = it->second;
  // A parse that throws leaves the flag unset: the next call throws again.
  std::call_once(e.parsed, [&e] { e.framework = Framework::parse(e.text, e.name); });
  return &*e.framework;
}

void FrameworkCatalog::check_all() const {
  for (const auto& [year, entry] : by_year_) for_year(year);
}

std::vector<int> FrameworkCatalog::years() const {
  std::vector<int> out;
  for (const auto& [year, f] : by_year_) out.push_back(year);
  return out;
}

}  // namespace itawb::model

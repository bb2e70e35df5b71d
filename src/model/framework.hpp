// The ITA framework of one assessment year, loaded from
// schemas/frameworks/ita-YYYY.json: tools and weights, the ten indicators,
// questions and OIT items, OIT sub-indicators, the seven analysis issues,
// the level rule and the deficiency thresholds. Data, not code: a user edits
// the JSON for a new year without recompiling.
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace itawb::model {

enum class Tool { IIT, EIT, OIT };
const char* to_string(Tool t);             // "IIT", "EIT", "OIT"
std::optional<Tool> tool_from_string(std::string_view s);

struct Indicator {
  int number = 0;             // 1..10
  std::string name_th;
  std::string name_en;
  std::vector<std::string> aliases;  // other spellings seen in documents
  Tool tool = Tool::IIT;
  // The questions a workbook can hold are only part of this indicator (EIT:
  // the survey part, not EIT Public; the tool's "questions_partial" in the
  // framework file): its value recomputed from them is partial, not a check.
  bool questions_partial = false;
};

struct SubIndicator {
  std::string id;             // "9.1"
  int indicator = 0;          // 9
  std::string name_th;
  std::vector<std::string> items;  // OIT item codes, lower case: "o1".."o4"
  std::string name_en;             // may be empty
};

struct Question {
  std::string code;           // lower case: "i1", "e9", "o19"
  Tool tool = Tool::IIT;
  int indicator = 0;
  std::string subindicator;   // OIT only: "9.1"
  std::string text_th;
};

struct AnalysisIssue {
  int number = 0;             // 1..7
  std::string name_th;
  std::string name_en;
  std::vector<std::string> questions;  // IIT/EIT codes that belong to the issue
  std::vector<std::string> oit_items;  // OIT codes that belong to the issue
  // Indicators the issue covers: those of its questions and OIT items plus
  // any listed in the file (how a year without a question catalogue, 2566,
  // still maps indicators to issues). Ascending, filled by load().
  std::vector<int> indicators;
};

struct LevelBand {
  std::string name_th;        // "ผ่านดีเยี่ยม"
  std::string name_en;        // "Excellent pass"
  double min_total = 0;       // inclusive
  std::optional<double> min_each_tool;  // every tool score must reach this
};

// Thresholds for classifying deficiencies (see README "Deficiencies").
struct DeficiencyRules {
  int lowest_count = 3;                 // questions named per issue
  double urgent_below = 85.0;           // a question under the pass line
  double urgent_gap_below_total = 10.0; // or this far under the agency's own total
  double maintain_at_or_above = 100.0;  // full marks: keep the level
  double oit_urgent_below = 50.0;       // an OIT item under this is urgent
};

struct Framework {
  int year = 0;                     // พ.ศ.
  bool assumed = false;             // true when copied from another year
  int assumed_from = 0;
  std::string status_note;          // where the facts are uncertain
  std::map<Tool, double> weights;   // IIT 0.30, EIT 0.30, OIT 0.40
  std::vector<Indicator> indicators;
  std::vector<SubIndicator> subindicators;
  std::vector<Question> questions;  // IIT, EIT and OIT, in catalog order
  std::vector<AnalysisIssue> issues;
  std::vector<LevelBand> levels;    // best first; the last has min_total 0
  DeficiencyRules rules;
  double tolerance = 0.01;          // reported vs computed, in score points
  std::string source_file;          // the file it was loaded from (may be empty)

  const Indicator* indicator(int number) const;
  const Question* question(std::string_view code) const;  // any case, Thai digits ok
  std::vector<const Question*> questions_of(int indicator) const;
  const SubIndicator* subindicator(std::string_view id) const;  // "9.1", Thai digits ok
  const AnalysisIssue* issue(int number) const;
  // Indicators of one tool, in number order.
  std::vector<const Indicator*> indicators_of(Tool tool) const;
  // The issues whose `indicators` include `indicator`, in issue order.
  std::vector<const AnalysisIssue*> issues_of_indicator(int indicator) const;
  bool has_question_catalog() const { return !questions.empty(); }
  // Level for a total and the three tool scores.
  const LevelBand& level_for(double total, const std::map<Tool, double>& tools) const;

  // Loads and checks one framework file; throws itawb::Error ("resource-invalid") naming the
  // file and the JSON path of the problem.
  static Framework load(const std::filesystem::path& file);
  // The same from the file's bytes; `name` is used in messages (and its
  // file name must agree with the year when it is ita-YYYY.json).
  static Framework parse(std::string_view text, const std::string& name);
};

// All frameworks in a folder (schemas/frameworks), by the year in each
// file's name (ita-YYYY.json). A run reads one year's framework, so each is
// parsed and checked on first use only (issue 23: resources in ≤ 2 ms), once
// even when threads ask together.
class FrameworkCatalog {
 public:
  static FrameworkCatalog load_dir(const std::filesystem::path& dir);
  // The same from bytes: file name (…/ita-YYYY.json) -> text; other names
  // are skipped. `dir_name` is used in messages.
  static FrameworkCatalog from_files(const std::map<std::string, std::string>& files,
                                     const std::string& dir_name = "schemas/frameworks");
  // The framework of `year`, or nullptr when there is no file for it; throws
  // itawb::Error ("resource-invalid", as Framework::parse) when its file is
  // not a valid framework, at every call.
  const Framework* for_year(int year) const;
  std::vector<int> years() const;
  // Every year's framework parsed and checked now: a batch does so before
  // its threads start, so that a broken file stops the run once, not each
  // agency of that year.
  void check_all() const;

 private:
  struct Entry {
    std::string name, text;
    mutable std::once_flag parsed;
    mutable std::optional<Framework> framework;
  };
  std::map<int, Entry> by_year_;
};

}  // namespace itawb::model

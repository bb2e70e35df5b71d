// Scoring and analysis results: the tables of the analysis document
// (seed 000: score table, issues with lowest questions, deficiencies).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/finding.hpp"
#include "model/framework.hpp"
#include "model/records.hpp"

namespace itawb::ita {

struct ScorePair {
  std::optional<double> score;     // this year
  std::optional<double> previous;  // last year
  std::optional<double> change;    // score - previous, when both known
};

struct IndicatorResult {
  int number = 0;
  std::string name;                 // framework name (Thai)
  model::Tool tool = model::Tool::IIT;
  ScorePair value;                  // given scores (authoritative)
  std::optional<double> computed;   // from questions / OIT items, if available
  // `computed` covers only part of the indicator (model::Indicator::
  // questions_partial, e.g. EIT without EIT Public): shown as partial, never
  // compared with the given score nor used in Scores::recomputed_total.
  bool computed_partial = false;
};

// All scores are rounded to 2 decimals as ITAS publishes them; a change is
// the difference of the rounded figures (as the seed documents print it).
struct Scores {
  ScorePair overall;                // weighted total
  std::string level;                // Thai level name for this year
  std::string level_en;
  std::optional<std::string> previous_level;
  std::optional<double> reported;   // คะแนนรวมที่ประกาศ, if given
  // The total this year with each indicator replaced by its `computed` value
  // where there is one (given score otherwise). Differs from overall.score
  // only when a given indicator score disagrees with its questions; tells a
  // clerk whether a reported total was computed from the corrected figure.
  std::optional<double> recomputed_total;
  std::map<model::Tool, ScorePair> tools;
  std::vector<IndicatorResult> indicators;  // 1..10 in order
};

enum class Category { Urgent, Develop, Maintain };
const char* to_string(Category c);     // "urgent", "develop", "maintain"
const char* category_th(Category c);   // "ข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน", ...

struct RankedItem {
  // Lower case question/item code; at indicator level (no question sheet)
  // "ind<N>" for indicator N, with `text` its Thai name.
  std::string code;
  std::string text;   // question / item text (workbook's, else framework's)
  double score = 0;
  std::optional<double> previous;
};

struct IssueResult {
  int number = 0;
  std::string name_th;
  std::string name_en;
  std::vector<RankedItem> ranked;   // its IIT/EIT questions, lowest first
  std::vector<RankedItem> lowest;   // the first `lowest_count` of ranked
  std::vector<RankedItem> oit;      // its OIT items below 100, lowest first
};

struct Deficiency {
  int issue = 0;      // 0: an indicator (indicator-level analysis) that spans several issues
  std::string code;
  std::string text;
  double score = 0;
  Category category = Category::Develop;
};

struct Analysis {
  const model::Framework* framework = nullptr;
  model::Agency agency;
  Scores scores;
  bool question_level = false;      // false: no question sheet, indicator level only
  std::vector<IssueResult> issues;
  std::vector<Deficiency> deficiencies;
  Findings findings;                // warnings from scoring (slips, mismatches)
};

// Computes scores and the issue analysis. Never throws on data problems:
// they become findings (the model is assumed validated).
Analysis analyse(const model::AgencyWorkbook& workbook, const model::Framework& framework);

}  // namespace itawb::ita

// Scores of one agency: ITA = Σ weight·tool, each tool the mean of its
// indicators' given scores. The given scores are authoritative (they are what
// ITAS published); recomputing them from questions and OIT items only
// produces warnings a clerk can act on.
#include "ita/scoring.hpp"

#include <cmath>
#include <numeric>

#include "text/thai.hpp"
#include "xlsx/cell_ref.hpp"

namespace itawb::ita {

namespace {

double round2(double v) { return text::round_to(v, 2); }
std::string fmt(double v) { return text::format_fixed(v, 2); }

// Differences are judged on the published 2-decimal figures; the epsilon
// keeps 0.01 itself within tolerance despite binary noise.
bool differs(double a, double b, double tolerance) {
  return std::fabs(round2(a) - round2(b)) > tolerance + 1e-9;
}

const model::IndicatorInput* indicator_input(const model::AgencyWorkbook& wb, int number) {
  for (const auto& i : wb.indicators)
    if (i.number == number) return &i;
  return nullptr;
}

const model::QuestionInput* question_input(const model::AgencyWorkbook& wb, const std::string& code) {
  for (const auto& q : wb.questions)
    if (text::normalize_code(q.code) == code) return &q;
  return nullptr;
}

std::optional<double> value_of(const model::IndicatorInput* in, bool previous) {
  if (!in) return std::nullopt;
  return previous ? in->previous : in->score;
}

std::optional<double> mean(const std::vector<double>& values) {
  if (values.empty()) return std::nullopt;
  return std::accumulate(values.begin(), values.end(), 0.0) / values.size();
}

// Mean of the given codes' scores; nullopt when any is missing.
std::optional<double> mean_of_codes(const model::AgencyWorkbook& wb, const std::vector<std::string>& codes,
                                    bool previous) {
  std::vector<double> values;
  for (const auto& code : codes) {
    const model::QuestionInput* q = question_input(wb, code);
    std::optional<double> v = q ? (previous ? q->previous : q->score) : std::nullopt;
    if (!v) return std::nullopt;
    values.push_back(*v);
  }
  return mean(values);
}

std::string indicator_label_th(const model::Indicator& ind) {
  return "ตัวชี้วัดที่ " + std::to_string(ind.number) + " " + ind.name_th;
}
std::string indicator_label_en(const model::Indicator& ind) {
  return "Indicator " + std::to_string(ind.number) +
         (ind.name_en.empty() ? "" : " (" + ind.name_en + ")");
}

std::string source_codes(const model::Framework& f, const model::Indicator& ind) {
  std::string out;
  for (const model::Question* q : f.questions_of(ind.number)) out += (out.empty() ? "" : ", ") + q->code;
  return out;
}

// Tool scores from given indicator scores (or computed ones where `use_computed`).
struct ToolTotals {
  std::map<model::Tool, double> tools;     // unrounded means
  std::vector<int> missing;         // indicators without a score
};

ToolTotals tool_means(const model::AgencyWorkbook& wb, const model::Framework& f, bool previous,
                      const std::map<int, double>* computed = nullptr) {
  ToolTotals out;
  for (const auto& [tool, weight] : f.weights) {
    (void)weight;
    std::vector<double> values;
    for (const model::Indicator* ind : f.indicators_of(tool)) {
      std::optional<double> v = value_of(indicator_input(wb, ind->number), previous);
      if (computed && computed->count(ind->number)) v = computed->at(ind->number);
      if (v) values.push_back(*v);
      else out.missing.push_back(ind->number);
    }
    if (values.size() == f.indicators_of(tool).size()) out.tools[tool] = *mean(values);
  }
  return out;
}

std::optional<double> weighted_total(const model::Framework& f, const ToolTotals& t) {
  if (!t.missing.empty() || t.tools.size() != f.weights.size()) return std::nullopt;
  double total = 0;
  for (const auto& [tool, weight] : f.weights) total += weight * t.tools.at(tool);
  return total;
}

ScorePair pair_of(std::optional<double> now, std::optional<double> before) {
  ScorePair p;
  if (now) p.score = round2(*now);
  if (before) p.previous = round2(*before);
  if (p.score && p.previous) p.change = round2(*p.score - *p.previous);
  return p;
}

std::map<model::Tool, double> rounded(const std::map<model::Tool, double>& tools) {
  std::map<model::Tool, double> out;
  for (const auto& [tool, v] : tools) out[tool] = round2(v);
  return out;
}

void report_missing(const model::AgencyWorkbook& wb, const model::Framework& f, const std::vector<int>& missing,
                    bool previous, Findings& findings) {
  for (int n : missing) {
    const model::Indicator* ind = f.indicator(n);
    const model::IndicatorInput* in = indicator_input(wb, n);
    const std::string tool = to_string(ind->tool);
    model::Origin where = in ? in->origin : model::Origin{};
    if (!previous) {
      findings.add(model::finding_at(
          Severity::Error, "missing-indicator-score", wb.path, where, "",
          "ไม่มีคะแนน" + indicator_label_th(*ind) + " (" + tool + ") จึงคำนวณคะแนน " + tool +
              " และคะแนนรวมไม่ได้ กรุณากรอกคะแนนจากระบบ ITAS",
          "No score for " + indicator_label_en(*ind) + " (" + tool + "): the " + tool +
              " score and the total cannot be computed. Enter the score from ITAS."));
    } else {
      findings.add(model::finding_at(
          Severity::Warning, "missing-previous-score", wb.path, where, "",
          "ไม่มีคะแนนปีก่อนของ" + indicator_label_th(*ind) + " จึงเปรียบเทียบคะแนนรวมกับปีก่อนไม่ได้",
          "No previous-year score for " + indicator_label_en(*ind) +
              ": last year's total cannot be compared."));
    }
  }
}

void check_indicator(const model::AgencyWorkbook& wb, const model::Framework& f, const model::Indicator& ind,
                     IndicatorResult& result, Findings& findings) {
  const model::IndicatorInput* in = indicator_input(wb, ind.number);
  for (bool previous : {false, true}) {
    std::optional<double> given = value_of(in, previous);
    std::optional<double> computed = recompute_indicator(wb, f, ind.number, previous);
    if (!previous && computed) {
      result.computed = round2(*computed);
      result.computed_partial = ind.questions_partial;
    }
    // A partial value is no check of the whole score: a difference is expected.
    if (ind.questions_partial) continue;
    if (!given || !computed || !differs(*given, *computed, f.tolerance)) continue;
    const bool oit = ind.tool == model::Tool::OIT;
    const std::string from_th = oit ? "ค่าเฉลี่ยของตัวชี้วัดย่อยจากคะแนนรายข้อ OIT"
                                    : "ค่าเฉลี่ยของข้อคำถาม " + source_codes(f, ind);
    const std::string from_en = oit ? "the mean of its sub-indicators' OIT item scores"
                                    : "the mean of its questions " + source_codes(f, ind);
    const std::string year_th = previous ? " (ปีก่อน)" : "";
    const std::string year_en = previous ? " (previous year)" : "";
    findings.add(model::finding_at(
        Severity::Warning, "score-mismatch", wb.path, in->origin, fmt(*given),
        indicator_label_th(ind) + year_th + ": คะแนนที่กรอก " + fmt(*given) + " ไม่ตรงกับ" +
            from_th + " = " + fmt(*computed) + " (ต่างกัน " + fmt(std::fabs(*given - *computed)) +
            ") โปรดตรวจสอบว่าคัดลอกคะแนนจากระบบ ITAS ถูกต้อง ระบบยังใช้คะแนนที่กรอก " + fmt(*given) +
            " ในการคำนวณ",
        indicator_label_en(ind) + year_en + ": the entered score " + fmt(*given) +
            " does not match " + from_en + " = " + fmt(*computed) + " (difference " +
            fmt(std::fabs(*given - *computed)) + "). Check the figure copied from ITAS; the entered " +
            fmt(*given) + " is still used."));
  }
}

void check_reported_total(const model::AgencyWorkbook& wb, const Scores& s, double tolerance,
                          Findings& findings) {
  const auto& reported = wb.agency.reported_total;
  if (!reported || !s.overall.score || !differs(*reported, *s.overall.score, tolerance)) return;
  std::string hint_th, hint_en;
  if (s.recomputed_total && !differs(*reported, *s.recomputed_total, tolerance)) {
    hint_th = " คะแนนที่ประกาศตรงกับคะแนนรวมเมื่อใช้คะแนนตัวชี้วัดที่คำนวณจากรายข้อ (" +
              fmt(*s.recomputed_total) + ") จึงน่าจะมีคะแนนรายตัวชี้วัดที่คัดลอกผิด ดูคำเตือน score-mismatch";
    hint_en = " The reported total matches the total from the indicator scores recomputed from "
              "their questions/items (" + fmt(*s.recomputed_total) +
              "), so an indicator score was probably copied wrongly: see the score-mismatch warning.";
  }
  findings.add(model::finding_at(
      Severity::Warning, "total-mismatch", wb.path, wb.agency.reported_total_origin, fmt(*reported),
      "คะแนนรวมที่ประกาศ " + fmt(*reported) + " ไม่ตรงกับคะแนนรวมที่คำนวณจากคะแนนรายตัวชี้วัด " +
          fmt(*s.overall.score) + " (0.30×IIT + 0.30×EIT + 0.40×OIT)" + hint_th,
      "The reported total " + fmt(*reported) + " differs from the total computed from the indicator "
          "scores, " + fmt(*s.overall.score) + " (weighted IIT, EIT, OIT)." + hint_en));
}

}  // namespace

std::optional<bool> same_level(std::string_view reported, const Scores& s) {
  if (text::trim(reported).empty() || s.level.empty()) return std::nullopt;
  // "“ผ่านดีเยี่ยม”", "ผ่านดีเยี่ยม", "ระดับผ่านดีเยี่ยม" and "Excellent Pass"
  // name the same level.
  std::string key = text::compact_key(reported);
  for (const std::string_view word : {std::string_view("ระดับ"), std::string_view("level")})
    if (key.size() > word.size() && key.compare(0, word.size(), word) == 0) key.erase(0, word.size());
  return key == text::compact_key(s.level) || key == text::compact_key(s.level_en);
}

namespace {

void check_reported_level(const model::AgencyWorkbook& wb, const Scores& s, Findings& findings) {
  const std::string& reported = wb.agency.reported_level;
  if (same_level(reported, s).value_or(true)) return;
  findings.add(model::finding_at(
      Severity::Warning, "level-mismatch", wb.path, wb.agency.reported_level_origin, reported,
      "ระดับที่ประกาศ \"" + text::trim(reported) + "\" ไม่ตรงกับระดับตามเกณฑ์ของคะแนนรวม " +
          fmt(*s.overall.score) + " คือ \"" + s.level + "\"",
      "The reported level \"" + text::trim(reported) + "\" differs from the level the rule gives for "
          "the total " + fmt(*s.overall.score) + ": \"" + s.level_en + "\" (" + s.level + ")."));
}

void check_framework(const model::AgencyWorkbook& wb, const model::Framework& f, Findings& findings) {
  const int year = wb.agency.assessment_year;
  if (year != 0 && year != f.year)
    findings.add(model::finding_at(
        Severity::Warning, "framework-year", wb.path, model::Origin{}, std::to_string(year),
        "ปีที่ประเมิน " + std::to_string(year) + " แต่ใช้กรอบการประเมินปี " + std::to_string(f.year),
        "The assessment year is " + std::to_string(year) + " but the " + std::to_string(f.year) +
            " framework is used."));
  if (f.assumed)
    findings.add(model::finding_at(
        Severity::Info, "framework-assumed", wb.path, model::Origin{}, std::to_string(f.year),
        "สำนักงาน ป.ป.ช. ยังไม่ประกาศกรอบการประเมินปี " + std::to_string(f.year) + " จึงใช้กรอบปี " +
            std::to_string(f.assumed_from) + " แทน (แก้ไขได้ที่ schemas/frameworks/ita-" +
            std::to_string(f.year) + ".json)",
        "NACC has not published the " + std::to_string(f.year) + " framework; the " +
            std::to_string(f.assumed_from) + " framework is assumed (editable in schemas/frameworks/ita-" +
            std::to_string(f.year) + ".json)."));
}

}  // namespace


std::optional<double> recompute_indicator(const model::AgencyWorkbook& wb, const model::Framework& f,
                                          int indicator, bool previous) {
  const model::Indicator* ind = f.indicator(indicator);
  if (!ind) return std::nullopt;
  if (ind->tool != model::Tool::OIT) {
    std::vector<std::string> codes;
    for (const model::Question* q : f.questions_of(indicator)) codes.push_back(q->code);
    return mean_of_codes(wb, codes, previous);
  }
  std::vector<double> sub_means;
  for (const auto& sub : f.subindicators) {
    if (sub.indicator != indicator) continue;
    std::optional<double> m = mean_of_codes(wb, sub.items, previous);
    if (!m) return std::nullopt;
    sub_means.push_back(*m);
  }
  return mean(sub_means);
}

Scores compute_scores(const model::AgencyWorkbook& wb, const model::Framework& f, Findings& findings) {
  check_framework(wb, f, findings);
  Scores s;
  s.reported = wb.agency.reported_total;

  std::map<int, double> computed;
  for (const auto& ind : f.indicators) {
    IndicatorResult r;
    r.number = ind.number;
    r.name = ind.name_th;
    r.tool = ind.tool;
    const model::IndicatorInput* in = indicator_input(wb, ind.number);
    r.value = pair_of(value_of(in, false), value_of(in, true));
    check_indicator(wb, f, ind, r, findings);
    if (r.computed && !r.computed_partial) computed[ind.number] = *r.computed;
    s.indicators.push_back(std::move(r));
  }

  const ToolTotals now = tool_means(wb, f, false);
  const ToolTotals before = tool_means(wb, f, true);
  // No indicator at all: a measures and progress workbook, already said by
  // the validator; ten "missing score" errors would only bury that.
  if (!wb.indicators.empty()) report_missing(wb, f, now.missing, false, findings);
  // Last year is optional; a partly filled previous column is worth a warning.
  if (before.missing.size() < f.indicators.size()) report_missing(wb, f, before.missing, true, findings);

  for (const auto& [tool, weight] : f.weights) {
    (void)weight;
    auto get = [&, &tool = tool](const ToolTotals& t) {
      auto it = t.tools.find(tool);
      return it == t.tools.end() ? std::nullopt : std::optional<double>(it->second);
    };
    s.tools[tool] = pair_of(get(now), get(before));
  }
  s.overall = pair_of(weighted_total(f, now), weighted_total(f, before));
  if (auto t = weighted_total(f, tool_means(wb, f, false, &computed))) s.recomputed_total = round2(*t);

  if (s.overall.score) {
    const model::LevelBand& band = f.level_for(*s.overall.score, rounded(now.tools));
    s.level = band.name_th;
    s.level_en = band.name_en;
  }
  if (s.overall.previous) s.previous_level = f.level_for(*s.overall.previous, rounded(before.tools)).name_th;

  check_reported_total(wb, s, f.tolerance, findings);
  check_reported_level(wb, s, findings);
  return s;
}

}  // namespace itawb::ita

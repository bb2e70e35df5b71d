// The issue analysis of the มาตรการส่งเสริมคุณธรรมและความโปร่งใส document
// (o27 / O34): per issue, its questions lowest first and the lowest few
// named (seed 000: "ข้อคำถามที่ได้คะแนนต่ำสุด ๓ อันดับ"), its OIT items below
// full marks, and each of those classified urgent / develop / maintain.
#include "ita/analysis.hpp"

#include <algorithm>

#include "ita/scoring.hpp"
#include "text/thai.hpp"

namespace itawb::ita {

const char* to_string(Category c) {
  switch (c) {
    case Category::Urgent: return "urgent";
    case Category::Develop: return "develop";
    case Category::Maintain: return "maintain";
  }
  return "develop";
}

const char* category_th(Category c) {
  switch (c) {
    case Category::Urgent: return "ข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน";
    case Category::Develop: return "ข้อที่ต้องพัฒนาให้ดีขึ้น";
    case Category::Maintain: return "รักษาระดับ";
  }
  return "ข้อที่ต้องพัฒนาให้ดีขึ้น";
}

namespace {

constexpr double kEpsilon = 1e-9;

// An IIT/EIT question (or, at indicator level, an indicator): a mean of
// respondents' answers on 0–100.
Category classify_score(double score, std::optional<double> total, const model::DeficiencyRules& r) {
  if (score + kEpsilon < r.urgent_below) return Category::Urgent;
  if (total && score + kEpsilon < *total - r.urgent_gap_below_total) return Category::Urgent;
  if (score + kEpsilon >= r.maintain_at_or_above) return Category::Maintain;
  return Category::Develop;
}

// An OIT item is judged on its own 0/50/100 scale: nothing accepted is urgent,
// partial credit is to develop. Only items below 100 are classified.
Category classify_oit_item(double score, const model::DeficiencyRules& r) {
  return score + kEpsilon < r.oit_urgent_below ? Category::Urgent : Category::Develop;
}

size_t catalog_index(const model::Framework& f, const std::string& code) {
  for (size_t i = 0; i < f.questions.size(); ++i)
    if (f.questions[i].code == code) return i;
  return f.questions.size();
}

const model::QuestionInput* question_input(const model::AgencyWorkbook& wb, const std::string& code) {
  for (const auto& q : wb.questions)
    if (text::normalize_code(q.code) == code) return &q;
  return nullptr;
}

// Lowest first; ties keep catalogue order (items arrive in catalogue order).
void rank(std::vector<RankedItem>& items) {
  std::stable_sort(items.begin(), items.end(),
                   [](const RankedItem& a, const RankedItem& b) { return a.score < b.score; });
}

std::vector<RankedItem> scored_items(const model::AgencyWorkbook& wb, const model::Framework& f,
                                     std::vector<std::string> codes) {
  std::sort(codes.begin(), codes.end(), [&](const std::string& a, const std::string& b) {
    return catalog_index(f, a) < catalog_index(f, b);
  });
  std::vector<RankedItem> out;
  for (const auto& code : codes) {
    const model::QuestionInput* in = question_input(wb, code);
    if (!in || !in->score) continue;
    const model::Question* q = f.question(code);
    const std::string written = text::squeeze(in->text);
    out.push_back({code, written.empty() && q ? q->text_th : written, *in->score, in->previous});
  }
  rank(out);
  return out;
}

void finish_issue(IssueResult& r, std::vector<RankedItem> oit, const model::DeficiencyRules& rules) {
  r.lowest.assign(r.ranked.begin(),
                  r.ranked.begin() + std::min<size_t>(r.ranked.size(), rules.lowest_count));
  rank(oit);
  for (auto& item : oit)
    if (item.score + kEpsilon < 100.0) r.oit.push_back(std::move(item));
}

void question_level(const model::AgencyWorkbook& wb, const model::Framework& f, Analysis& a) {
  const std::optional<double> total = a.scores.overall.score;
  for (const auto& issue : f.issues) {
    IssueResult r{issue.number, issue.name_th, issue.name_en, {}, {}, {}};
    r.ranked = scored_items(wb, f, issue.questions);
    finish_issue(r, scored_items(wb, f, issue.oit_items), f.rules);
    for (const auto& item : r.lowest)
      a.deficiencies.push_back({issue.number, item.code, item.text, item.score,
                                classify_score(item.score, total, f.rules)});
    for (const auto& item : r.oit)
      a.deficiencies.push_back({issue.number, item.code, item.text, item.score,
                                classify_oit_item(item.score, f.rules)});
    a.issues.push_back(std::move(r));
  }
}

RankedItem indicator_item(const model::Indicator& ind, const IndicatorResult& result) {
  return {"ind" + std::to_string(ind.number), ind.name_th, *result.value.score, result.value.previous};
}

const IndicatorResult* result_of(const Scores& s, int number) {
  for (const auto& r : s.indicators)
    if (r.number == number && r.value.score) return &r;
  return nullptr;
}

void indicator_level(const model::Framework& f, Analysis& a) {
  const std::optional<double> total = a.scores.overall.score;
  for (const auto& issue : f.issues) {
    IssueResult r{issue.number, issue.name_th, issue.name_en, {}, {}, {}};
    std::vector<RankedItem> oit;
    for (int n : issue.indicators) {
      const model::Indicator* ind = f.indicator(n);
      const IndicatorResult* result = result_of(a.scores, n);
      if (!ind || !result) continue;
      (ind->tool == model::Tool::OIT ? oit : r.ranked).push_back(indicator_item(*ind, *result));
    }
    rank(r.ranked);
    finish_issue(r, std::move(oit), f.rules);
    a.issues.push_back(std::move(r));
  }
  // One entry per indicator: an indicator that spans several issues (the OIT
  // disclosure indicator) is listed once with issue 0 rather than repeated.
  for (const auto& ind : f.indicators) {
    const IndicatorResult* result = result_of(a.scores, ind.number);
    if (!result) continue;
    auto issues = f.issues_of_indicator(ind.number);
    int issue = issues.size() == 1 ? issues.front()->number : 0;
    a.deficiencies.push_back({issue, "ind" + std::to_string(ind.number), ind.name_th,
                              *result->value.score,
                              classify_score(*result->value.score, total, f.rules)});
  }
  std::stable_sort(a.deficiencies.begin(), a.deficiencies.end(),
                   [](const Deficiency& x, const Deficiency& y) { return x.score < y.score; });
}

bool has_question_scores(const model::AgencyWorkbook& wb, const model::Framework& f) {
  for (const auto& q : wb.questions)
    if (q.score && f.question(q.code)) return true;
  return false;
}

void explain_indicator_level(const model::AgencyWorkbook& wb, const model::Framework& f, Findings& findings) {
  std::string why_th, why_en;
  if (!f.has_question_catalog()) {
    why_th = "กรอบการประเมินปี " + std::to_string(f.year) + " ไม่มีรายการข้อคำถามที่ยืนยันได้";
    why_en = "the " + std::to_string(f.year) + " framework has no confirmed question list";
  } else if (!wb.has_question_sheet) {
    why_th = "ไม่มีแผ่นงานคะแนนรายข้อ";
    why_en = "the workbook has no question-score sheet";
  } else {
    why_th = "แผ่นงานคะแนนรายข้อไม่มีคะแนนของข้อคำถามในกรอบการประเมิน";
    why_en = "the question sheet has no scores for the framework's questions";
  }
  findings.add(model::finding_at(
      Severity::Info, "indicator-level-analysis", wb.path, model::Origin{}, "",
      why_th + " จึงวิเคราะห์ในระดับตัวชี้วัด (ไม่ได้ระบุข้อคำถามที่ได้คะแนนต่ำสุด)",
      "The analysis runs at indicator level because " + why_en +
          " (no lowest questions can be named)."));
}

void note_missing_questions(const model::AgencyWorkbook& wb, const model::Framework& f, Findings& findings) {
  std::string missing;
  for (const auto& q : f.questions) {
    if (q.tool == model::Tool::OIT) continue;
    const model::QuestionInput* in = question_input(wb, q.code);
    if (!in || !in->score) missing += (missing.empty() ? "" : ", ") + q.code;
  }
  if (missing.empty()) return;
  findings.add(model::finding_at(
      Severity::Info, "missing-question-scores", wb.path, model::Origin{}, missing,
      "ไม่มีคะแนนของข้อคำถาม " + missing + " จึงไม่นำมาจัดอันดับ และตรวจค่าเฉลี่ยตัวชี้วัดของข้อเหล่านี้ไม่ได้",
      "No scores for questions " + missing +
          ": they are left out of the ranking and their indicators cannot be cross-checked."));
}

}  // namespace

Analysis analyse(const model::AgencyWorkbook& workbook, const model::Framework& framework) {
  Analysis a;
  a.framework = &framework;
  a.agency = workbook.agency;
  a.scores = compute_scores(workbook, framework, a.findings);
  a.question_level = workbook.has_question_sheet && framework.has_question_catalog() &&
                     has_question_scores(workbook, framework);
  if (a.question_level) {
    note_missing_questions(workbook, framework, a.findings);
    question_level(workbook, framework, a);
  } else {
    explain_indicator_level(workbook, framework, a.findings);
    indicator_level(framework, a);
  }
  return a;
}

}  // namespace itawb::ita

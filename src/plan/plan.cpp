#include "plan/plan.hpp"

#include <algorithm>
#include <map>
#include <regex>

#include "text/thai.hpp"
#include "xlsx/cell_ref.hpp"

namespace itawb::plan {

using model::finding_at;
namespace {

constexpr const char* kMeasureSheet = "มาตรการ";

std::string thai_number(int n) { return text::thai_digits(std::to_string(n)); }

const model::Origin& cell_or_row(const model::Origin& cell, const model::Origin& row) {
  return cell.known() ? cell : row;
}

int plan_year_of(const model::Agency& a) {
  if (a.plan_year > 0) return a.plan_year;
  if (a.assessment_year > 0) return a.assessment_year + 1;
  return 0;
}

void check_timeframe(PlannedMeasure& m, const std::string& file, Findings& out) {
  const auto& in = m.input;
  const auto& r = m.timeframe;
  if (r.ok()) return;
  const model::Origin& at = cell_or_row(in.timeframe_origin, in.origin);
  const std::string who_th = "มาตรการ " + in.id + ": ";
  const std::string who_en = "measure " + in.id + ": ";
  switch (r.problem) {
    case TimeframeProblem::Empty:
      out.add(model::finding_at(Severity::Warning, "timeframe-missing", file, at, "", who_th + r.reason_th, who_en + r.reason_en));
      break;
    case TimeframeProblem::OutOfYear:
      out.add(model::finding_at(Severity::Error, "timeframe-out-of-year", file, at, in.timeframe, who_th + r.reason_th,
                         who_en + r.reason_en));
      break;
    case TimeframeProblem::Ambiguous:
      out.add(model::finding_at(Severity::Warning, "timeframe-ambiguous", file, at, in.timeframe, who_th + r.reason_th,
                         who_en + r.reason_en));
      break;
    default:
      out.add(model::finding_at(Severity::Warning, "timeframe-unreadable", file, at, in.timeframe, who_th + r.reason_th,
                         who_en + r.reason_en));
  }
}

void check_owners(const PlannedMeasure& m, const std::string& file, Findings& out) {
  const auto& in = m.input;
  const model::Origin& at = cell_or_row(in.owner_origin, in.origin);
  // Every owner warning: on the owner cell, "มาตรการ N: …" / "measure N: …".
  auto warn = [&](const char* code, const std::string& value, const std::string& th, const std::string& en) {
    out.add(model::finding_at(Severity::Warning, code, file, at, value, "มาตรการ " + in.id + ": " + th,
                              "measure " + in.id + ": " + en));
  };
  for (const auto& p : m.owners.placeholders)
    warn("owner-placeholder", p,
         "ผู้รับผิดชอบ \"" + p + "\" ยังเป็นช่องว่างของแบบฟอร์ม จึงไม่นับเป็นหน่วยงาน (กรอกชื่อส่วนราชการ)",
         "owner \"" + p + "\" is a blank of the form, not a department (write the department's name)");
  if (m.owners.empty()) {
    if (m.owners.placeholders.empty()) warn("owner-missing", in.owner, "ไม่ได้ระบุผู้รับผิดชอบ", "no owner given");
    return;
  }
  for (const auto& k : m.owners.corrected) {
    const bool same = k.spelling == k.department;
    warn("owner-corrected", k.typed,
         "ผู้รับผิดชอบ \"" + k.typed + "\" ไม่ตรงกับชื่อส่วนราชการใด จึงอ่านเป็น \"" + k.spelling + "\"" +
             (same ? "" : " (" + k.department + ")") + " ซึ่งใกล้เคียงที่สุด (ตรวจสอบการสะกด)",
         "owner \"" + k.typed + "\" matches no department exactly; read as the closest, \"" + k.spelling + "\"" +
             (same ? "" : " (" + k.department + ")") + " (check the spelling)");
  }
  const std::string group = m.owners.unknown_group && !m.owners.departments.empty() ? m.owners.departments.front() : "";
  for (const auto& u : m.owners.unknown)
    warn("owner-unknown", u,
         "ไม่รู้จักผู้รับผิดชอบ \"" + u + "\" จึงไม่นับเป็นส่วนราชการ" +
             (group.empty() ? "" : " มาตรการนี้อยู่ในกลุ่ม \"" + group + "\"") +
             " (แก้ชื่อให้ตรงกับส่วนราชการ หรือเพิ่มในรายชื่อส่วนราชการของหน่วยงาน)",
         "unknown owner \"" + u + "\", not counted as a department" +
             (group.empty() ? "" : "; the measure is in the group \"" + group + "\"") +
             " (correct the name or add it to the agency's department list)");
}

// Whether personnel work has its own division: the agency lists one, or a
// measure names it.
bool names_personnel_division(const model::AgencyWorkbook& wb, const std::vector<model::MeasureInput>& measures,
                              const DepartmentTable& table) {
  const std::string& division = table.personnel_division();
  if (division.empty()) return false;
  const OwnerResolver plain(table, wb.extra_departments, false);
  for (const auto& d : wb.extra_departments)
    if (plain.canonical(d) == division) return true;
  if (!wb.extra_departments.empty()) return false;  // the agency's own list decides
  for (const auto& m : measures) {
    const auto p = plain.parse(m.owner);
    if (std::find(p.departments.begin(), p.departments.end(), division) != p.departments.end())
      return true;
  }
  return false;
}

struct ProgressRank {
  int quarter = 0;
  std::optional<calendar::Date> date;
  size_t index = 0;
  bool operator<(const ProgressRank& o) const {
    if (quarter != o.quarter) return quarter < o.quarter;
    if (date != o.date) return date < o.date;  // a missing date ranks first
    return index < o.index;
  }
};

// The department a progress row reports for (PlanResult::row_departments).
std::string row_department(const model::ProgressInput& p, const PlannedMeasure& m, const OwnerResolver& owners,
                           const std::string& file, Findings& out) {
  const std::string written = text::squeeze(p.department);
  if (written.empty()) return m.departments.size() == 1 ? m.departments.front() : std::string();
  const std::string dept = owners.canonical(written).value_or(written);
  if (std::find(m.departments.begin(), m.departments.end(), dept) != m.departments.end()) return dept;
  out.add(finding_at(Severity::Warning, "progress-department", file, p.origin, p.department,
                     "หน่วยงานที่รายงาน \"" + p.department + "\" ไม่ได้รับผิดชอบมาตรการ " + p.measure_id +
                         " จึงนับแถวนี้เป็นรายงานของมาตรการทั้งมาตรการ",
                     "reporting department \"" + p.department + "\" does not own measure " + p.measure_id +
                         "; the row counts for the measure as a whole"));
  return {};
}

// Several owners: done only when every owner reports done; in progress when
// any has reported work; not started when all that reported say so.
std::optional<Status> combined_status(const std::vector<OwnerReport>& reports) {
  bool any = false, all_done = true, any_work = false;
  for (const auto& rep : reports) {
    if (!rep.status) {
      all_done = false;
      continue;
    }
    any = true;
    if (*rep.status != Status::Done) all_done = false;
    if (*rep.status != Status::NotStarted) any_work = true;
  }
  if (!any) return std::nullopt;
  if (all_done) return Status::Done;
  return any_work ? Status::InProgress : Status::NotStarted;
}

struct Latest {
  ProgressRank rank;
  Status status = Status::NotStarted;
};

// Each owner's report from its latest row (or the measure-wide one), and the
// measure's overall status from them.
void settle_measure(PlannedMeasure& m, const std::map<std::string, Latest>& latest) {
  const Latest* newest = nullptr;
  for (const auto& [dept, l] : latest)
    if (!newest || newest->rank < l.rank) newest = &l;
  if (newest) {
    m.status_quarter = newest->rank.quarter;
    m.latest_progress = newest->rank.index;
  }
  const auto whole = latest.find("");
  for (const auto& d : m.departments) {
    OwnerReport rep{d, std::nullopt, 0, std::nullopt, false};
    auto own = latest.find(d);
    if (own == latest.end() && whole != latest.end()) {
      own = whole;
      rep.whole_measure = true;
    }
    if (own != latest.end()) {
      rep.status = own->second.status;
      rep.quarter = own->second.rank.quarter;
      rep.progress = own->second.rank.index;
    }
    m.reports.push_back(std::move(rep));
  }
  if (!m.departments.empty()) m.status = combined_status(m.reports);
  else if (newest) m.status = newest->status;
}

void attach_progress(const model::AgencyWorkbook& wb, const StatusTable& statuses, const OwnerResolver& owners,
                     PlanResult& r) {
  auto& measures = r.measures;
  Findings& out = r.findings;
  r.row_departments.assign(wb.progress.size(), std::string());
  std::map<std::string, size_t> by_id;
  for (size_t k = 0; k < measures.size(); ++k)
    if (!measures[k].duplicate_id) by_id.emplace(measure_key(measures[k].input.id), k);
  std::vector<std::map<std::string, Latest>> latest(measures.size());  // by department, "" = whole measure
  for (size_t i = 0; i < wb.progress.size(); ++i) {
    const auto& p = wb.progress[i];
    if (p.measure_id.empty()) continue;  // the sheet's own check names the blank cell
    const auto it = by_id.find(measure_key(p.measure_id));
    if (it == by_id.end()) continue;  // the sheet's foreignKeys check names it (foreign-key, an error)
    PlannedMeasure& m = measures[it->second];
    m.progress.push_back(i);
    const std::string dept = row_department(p, m, owners, wb.path, out);
    r.row_departments[i] = dept;
    // A report dated after the as-of date had not been made on that date.
    if (const auto date = calendar::parse_date(p.report_date); date && *date > r.as_of.date) {
      m.after_as_of.push_back(i);
      out.add(finding_at(Severity::Warning, "report-after-as-of", wb.path, cell_or_row(p.report_date_origin, p.origin),
                         p.report_date,
                         "รายงานความก้าวหน้าของมาตรการ " + text::thai_digits(p.measure_id) + " ลงวันที่ " + calendar::format_thai_date(*date) +
                             " ซึ่งหลังวันที่ติดตามผล (" + calendar::format_thai_date(r.as_of.date) +
                             ") จึงไม่นับในผล ณ วันที่นั้น",
                         "the progress report on measure " + p.measure_id + " is dated " + date->iso() +
                             ", after the as-of date " + r.as_of.date.iso() + "; it is not counted as of that date"));
      continue;
    }
    // A blank or unknown status: the sheet's check reports it on its cell
    // (x-readBy statuses), and the row reports no status.
    const auto status = statuses.read(p.status);
    if (!status) continue;
    // A quarter that is not 1–4 is an error (the sheet's check names it): the
    // row is left out. A row without a quarter (a warning) still reports a
    // status, ranked before every row with a quarter.
    if (p.quarter < 0 || p.quarter > 4) continue;
    const int quarter = p.quarter;
    const ProgressRank rank{quarter, calendar::parse_date(p.report_date), i};
    auto [slot, fresh] = latest[it->second].try_emplace(dept, Latest{rank, *status});
    if (!fresh && slot->second.rank < rank) slot->second = Latest{rank, *status};
  }
  for (size_t k = 0; k < measures.size(); ++k) settle_measure(measures[k], latest[k]);
}

// One measure, or one owner's part of it, into a tally: the statuses among
// what is due only.
void count(Tally& t, const std::optional<Status>& status, Standing standing) {
  ++t.total;
  if (standing == Standing::NotYetDue) {
    ++t.not_yet_due;
    return;
  }
  ++t.due;
  if (!status) ++t.no_status;
  else if (*status == Status::Done) ++t.done;
  else if (*status == Status::InProgress) ++t.in_progress;
  else ++t.not_started;
  if (standing == Standing::Overdue) ++t.overdue;
}

void finish(Tally& t, double target) {
  t.percent = t.total ? 100.0 * t.done / t.total : 0.0;
  t.meets_target = t.total > 0 && t.percent + 1e-9 >= target;
  t.due_percent = t.due ? 100.0 * t.done / t.due : 0.0;
  t.due_meets_target = t.due > 0 && t.due_percent + 1e-9 >= target;
}

void add(Tally& sum, const Tally& t) {
  sum.total += t.total;
  sum.done += t.done;
  sum.in_progress += t.in_progress;
  sum.not_started += t.not_started;
  sum.no_status += t.no_status;
  sum.overdue += t.overdue;
  sum.due += t.due;
  sum.not_yet_due += t.not_yet_due;
}

// Where a status stands as of the date, for a measure whose first planned
// quarter has (`started`) or has not begun and whose last is (`ended`) or is
// not over. Reported done counts as due, even early.
Standing standing_of(const std::optional<Status>& status, bool started, bool ended) {
  const bool done = status == Status::Done;
  if (!started && !done) return Standing::NotYetDue;
  if (ended && !done) return Standing::Overdue;
  return status ? Standing::DueReported : Standing::DueNotReported;
}

// Each department counted by its own reports: a department that never
// reported a measure has it as not reported, whatever the others said. The
// total row of the department table (parts) is the sum of these rows and of
// the measures without a department.
void tally_departments(PlanResult& r) {
  std::vector<std::string> order = r.agency_departments;
  for (const auto& m : r.measures)
    for (const auto& d : m.departments)
      if (std::find(order.begin(), order.end(), d) == order.end()) order.push_back(d);
  for (const auto& dept : order) {
    // Owners that match no department are one group, never a department row.
    if (r.department_table && dept == r.department_table->unknown_group()) continue;
    DepartmentTally dt{dept, {}, {}};
    for (const auto& m : r.measures)
      for (const auto& rep : m.reports)
        if (rep.department == dept && !m.duplicate_id) {
          count(dt.tally, rep.status, rep.standing);
          dt.measure_ids.push_back(m.input.id);
        }
    if (dt.tally.total == 0) continue;
    finish(dt.tally, r.target_percent);
    add(r.parts, dt.tally);
    r.departments.push_back(std::move(dt));
  }
  for (const auto& m : r.measures)
    if (!m.duplicate_id && m.departments.empty()) count(r.unassigned, m.status, m.standing);
  finish(r.unassigned, r.target_percent);
  add(r.parts, r.unassigned);
  finish(r.parts, r.target_percent);
}

void check_coverage(PlanResult& r, const std::vector<ita::Deficiency>& deficiencies, const std::string& file) {
  for (auto& m : r.measures) {
    const auto named = codes_named(m.input.deficiency);
    if (!named.empty()) {
      m.covers = named;
      continue;
    }
    for (const auto& d : deficiencies) {
      const std::string code = text::normalize_code(d.code);
      if (m.input.issue != 0 && d.issue == m.input.issue && !code.empty() &&
          std::find(m.covers.begin(), m.covers.end(), code) == m.covers.end())
        m.covers.push_back(code);
    }
  }
  for (const auto& d : deficiencies) {
    Coverage c{d, {}};
    const std::string code = text::normalize_code(d.code);
    for (const auto& m : r.measures) {
      const auto own = codes_named(m.input.deficiency);
      const bool by_code = !code.empty() && std::find(own.begin(), own.end(), code) != own.end();
      const bool by_issue = own.empty() && m.input.issue != 0 && m.input.issue == d.issue;
      if (by_code || by_issue) c.measure_ids.push_back(m.input.id);
    }
    if (c.measure_ids.empty() && d.category == ita::Category::Urgent) {
      const std::string shown = code.empty() ? text::squeeze(d.text) : code;
      r.uncovered_urgent.push_back(shown);
      Finding f;
      f.severity = Severity::Warning;
      f.code = "deficiency-uncovered";
      f.file = file;
      f.sheet = kMeasureSheet;
      f.value = shown;
      f.message_th = "ข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน " + shown + " (ประเด็น " + thai_number(d.issue) +
                     ") ยังไม่มีมาตรการรองรับ: ระบุรหัส " + shown +
                     " ในช่องข้อบกพร่องของมาตรการ หรือเพิ่มมาตรการในประเด็นนี้";
      f.message_en = "urgent deficiency " + shown + " (issue " + std::to_string(d.issue) +
                     ") is not covered by any measure: name " + shown +
                     " in a measure's deficiency cell or add a measure to that issue";
      r.findings.add(std::move(f));
    }
    r.coverage.push_back(std::move(c));
  }
}

}  // namespace

const char* to_string(Standing s) {
  switch (s) {
    case Standing::NotYetDue: return "not-yet-due";
    case Standing::DueReported: return "due-reported";
    case Standing::DueNotReported: return "due-not-reported";
    case Standing::Overdue: return "overdue";
  }
  return "not-yet-due";
}

const char* standing_th(Standing s) {
  switch (s) {
    case Standing::NotYetDue: return "ยังไม่ถึงกำหนด";
    case Standing::DueReported: return "ถึงกำหนด รายงานแล้ว";
    case Standing::DueNotReported: return "ถึงกำหนด ไม่ได้รายงาน";
    case Standing::Overdue: return "เกินกำหนด";
  }
  return "";
}

const char* to_string(PlanPhase p) {
  switch (p) {
    case PlanPhase::Before: return "before";
    case PlanPhase::During: return "during";
    case PlanPhase::After: return "after";
  }
  return "during";
}

bool quarter_over(int plan_fy, int quarter, const calendar::Date& as_of) {
  return quarter >= 1 && quarter <= 4 && as_of > calendar::quarter_end(plan_fy, quarter);
}

PlanPosition position_in_plan(const calendar::Date& as_of, int plan_fy) {
  PlanPosition p;
  p.date = as_of;
  p.fiscal_year_be = calendar::fiscal_year_be(as_of);
  p.quarter = calendar::fiscal_quarter(as_of);
  p.phase = p.fiscal_year_be < plan_fy ? PlanPhase::Before
            : p.fiscal_year_be > plan_fy ? PlanPhase::After
                                         : PlanPhase::During;
  for (int q = 1; q <= 4; ++q)
    if (quarter_over(plan_fy, q, as_of)) p.quarters_over = q;
  return p;
}

std::vector<QuarterReport> quarter_reports(const PlanResult& plan, const PlannedMeasure& m, int quarter,
                                           const model::AgencyWorkbook& wb) {
  std::map<std::string, std::pair<ProgressRank, std::optional<Status>>> latest;
  for (const size_t i : m.progress) {
    if (i >= wb.progress.size() || wb.progress[i].quarter != quarter) continue;
    if (std::find(m.after_as_of.begin(), m.after_as_of.end(), i) != m.after_as_of.end()) continue;  // not yet made
    const auto& p = wb.progress[i];
    const std::string dept = i < plan.row_departments.size() ? plan.row_departments[i] : std::string();
    const ProgressRank rank{quarter, calendar::parse_date(p.report_date), i};
    const auto status = plan.statuses ? plan.statuses->read(p.status) : std::nullopt;
    auto [slot, fresh] = latest.try_emplace(dept, rank, status);
    if (!fresh && slot->second.first < rank) slot->second = {rank, status};
  }
  std::vector<QuarterReport> out;
  for (const auto& d : m.departments)
    if (auto it = latest.find(d); it != latest.end()) {
      out.push_back({d, it->second.second});
      latest.erase(it);
    }
  for (const auto& [dept, l] : latest)
    if (!dept.empty()) out.push_back({dept, l.second});
  if (auto it = latest.find(""); it != latest.end()) out.push_back({"", it->second.second});
  return out;
}

std::string measure_key(std::string_view id) {
  std::string k = text::fold(id);
  if (k.size() > 2 && k.compare(k.size() - 2, 2, ".0") == 0) k.resize(k.size() - 2);
  if (k.size() > 1 && k.back() == '.') k.pop_back();
  return k;
}

std::vector<std::string> codes_named(std::string_view deficiency_text) {
  std::vector<std::string> out;
  for (auto& c : text::codes_in(deficiency_text))
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(std::move(c));
  return out;
}

PlanResult build_plan(const model::AgencyWorkbook& wb, const std::vector<ita::Deficiency>& deficiencies,
                      const MeasureCatalog& catalog, const DepartmentTable& departments, const StatusTable& statuses,
                      const calendar::Date& as_of, const PlanOptions& options) {
  PlanResult r;
  r.department_table = &departments;
  r.statuses = &statuses;
  r.target_percent = options.target_percent;
  r.plan_year_be = plan_year_of(wb.agency);
  if (r.plan_year_be == 0) {
    r.plan_year_be = calendar::fiscal_year_be(as_of);
    r.findings.add(model::finding_at(Severity::Warning, "plan-year-missing", wb.path, {}, "",
                              "ไม่ได้ระบุปีของมาตรการหรือปีที่ประเมิน จึงใช้ปีงบประมาณ " +
                                  thai_number(r.plan_year_be) + " ของวันที่รายงาน",
                              "neither the plan year nor the assessment year is given; using fiscal year " +
                                  std::to_string(r.plan_year_be) + " of the as-of date"));
  }
  r.as_of = position_in_plan(as_of, r.plan_year_be);

  std::vector<model::MeasureInput> inputs = wb.measures;
  if (inputs.empty() && !deficiencies.empty()) {
    const int assessed = wb.agency.assessment_year > 0 ? wb.agency.assessment_year : r.plan_year_be - 1;
    inputs = propose_measures(deficiencies, catalog, assessed);
    r.proposed = !inputs.empty();
    if (r.proposed)
      r.findings.add(model::finding_at(Severity::Info, "measures-proposed", wb.path, {kMeasureSheet, 0, 0}, "",
                                "ยังไม่มีมาตรการ จึงเสนอมาตรการจากแคตตาล็อก " + thai_number(int(inputs.size())) +
                                    " รายการ ให้ตรวจและแก้ไขก่อนใช้",
                                "no measures yet: " + std::to_string(inputs.size()) +
                                    " measures proposed from the catalog, to review before use"));
  }

  const OwnerResolver owners(departments, wb.extra_departments, names_personnel_division(wb, inputs, departments),
                             wb.agency.name);
  std::map<std::string, size_t> first_by_id;
  for (const auto& in : inputs) {
    PlannedMeasure m;
    m.input = in;
    m.timeframe = parse_timeframe(in.timeframe, r.plan_year_be);
    m.owners = owners.parse(in.owner);
    const auto [it, fresh] = first_by_id.emplace(measure_key(in.id), r.measures.size());
    if (!fresh) {
      m.duplicate_id = true;
      const auto& first = r.measures[it->second].input;
      r.findings.add(model::finding_at(Severity::Error, "unique-error", wb.path, in.origin, in.id,
                                "ลำดับมาตรการ \"" + in.id + "\" ซ้ำกับแถว " +
                                    thai_number(int(first.origin.row) + 1) +
                                    " มาตรการนี้จึงไม่นับในผลการดำเนินการ และความก้าวหน้าจะนับให้มาตรการแรก",
                                "measure id \"" + in.id + "\" repeats the one on row " +
                                    std::to_string(first.origin.row + 1) +
                                    "; this measure is left out of the figures and progress goes to the first"));
    }
    check_timeframe(m, wb.path, r.findings);
    check_owners(m, wb.path, r.findings);
    r.measures.push_back(std::move(m));
  }

  std::vector<OwnerParse> parsed;
  for (const auto& m : r.measures) parsed.push_back(m.owners);
  r.agency_departments = owners.agency_departments(parsed);
  for (auto& m : r.measures) {
    m.departments = m.owners.departments;
    if (m.owners.everyone)
      for (const auto& d : r.agency_departments)
        if (std::find(m.departments.begin(), m.departments.end(), d) == m.departments.end()) m.departments.push_back(d);
  }

  attach_progress(wb, statuses, owners, r);
  for (auto& m : r.measures) {
    // A measure whose id repeats an earlier one is an error: shown, and left
    // out of every figure (its progress goes to the first).
    if (m.duplicate_id) continue;
    // Not readable: due from the plan year's first day, never overdue.
    const int first = m.timeframe.ok() ? first_quarter(m.timeframe.quarters) : 1;
    const bool started = as_of >= calendar::quarter_start(r.plan_year_be, first);
    m.ended = m.timeframe.ok() && quarter_over(r.plan_year_be, last_quarter(m.timeframe.quarters), as_of);
    for (auto& rep : m.reports) rep.standing = standing_of(rep.status, started, m.ended);
    m.standing = standing_of(m.status, started, m.ended);
    m.due = m.standing != Standing::NotYetDue;
    m.overdue = m.standing == Standing::Overdue;
    if (m.overdue) r.overdue_ids.push_back(m.input.id);
    count(r.overall, m.status, m.standing);
  }
  finish(r.overall, r.target_percent);
  tally_departments(r);
  check_coverage(r, deficiencies, wb.path);
  return r;
}

}  // namespace itawb::plan

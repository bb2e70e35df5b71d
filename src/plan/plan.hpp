// The plan of measures and its progress, as of a date: what the measures and
// progress sheets (and split/merge) are written from.
//
// - quarters: each measure's timeframe read by parse_timeframe against the
//   plan year (Agency::plan_year, else assessment_year + 1);
// - owners: read by OwnerResolver; "every department" counts for each of the
//   agency's departments (OwnerResolver::agency_departments);
// - latest status: the progress row with the highest quarter (ties: later
//   report date, then later row) among rows with a quarter 1–4 and a
//   readable status;
// - as of the date each measure, and each owner's part of a shared one, is
//   one Standing (docs/rules.md "Due, overdue and completion"): not yet due
//   (its first planned quarter has not started and it is not reported done),
//   due and reported, due and not reported, or overdue (its last planned
//   quarter is over at as_of and it is not done; no progress = not done). A
//   timeframe that cannot be read counts as due from the plan year's first
//   day and is never overdue;
// - a progress row dated after as_of is not counted (a warning on its date);
// - completion: done / measures of the whole year and done / measures due,
//   overall and per department (a measure of several departments counts for
//   each), against the target (80 % as the seeds cite; judged on what is
//   due);
// - coverage: a measure covers a deficiency when its ข้อบกพร่อง field names
//   the deficiency's code (e9, O13 ...; any issue), or, when that field
//   names no code (empty or text), when it is in the deficiency's issue.
//   An urgent deficiency covered by no measure is a warning;
// - proposals: a workbook with deficiencies and no measures gets measures
//   from the catalog (proposed = true).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/finding.hpp"
#include "ita/analysis.hpp"
#include "model/records.hpp"
#include "calendar/calendar.hpp"
#include "plan/catalog.hpp"
#include "plan/owners.hpp"
#include "plan/progress.hpp"
#include "plan/timeframe.hpp"

namespace itawb::plan {

enum class PlanPhase { Before, During, After };
const char* to_string(PlanPhase p);  // "before", "during", "after"

// Where a date stands relative to the plan's fiscal year.
struct PlanPosition {
  calendar::Date date;
  int fiscal_year_be = 0;  // fiscal year the date falls in
  int quarter = 0;         // its quarter within that fiscal year (1..4)
  PlanPhase phase = PlanPhase::During;
  int quarters_over = 0;   // quarters of the plan year entirely past at the date, 0..4
};

PlanPosition position_in_plan(const calendar::Date& as_of, int plan_fiscal_year_be);
// True when as_of is after the last day of `quarter` of the plan year.
bool quarter_over(int plan_fiscal_year_be, int quarter, const calendar::Date& as_of);

// Where a measure, or one owner's part of it, stands at the as-of date.
enum class Standing { NotYetDue, DueReported, DueNotReported, Overdue };
const char* to_string(Standing s);  // "not-yet-due", "due-reported", "due-not-reported", "overdue"
// "ยังไม่ถึงกำหนด", "ถึงกำหนด รายงานแล้ว", "ถึงกำหนด ไม่ได้รายงาน", "เกินกำหนด"
const char* standing_th(Standing s);

// One owner's report on a measure: its own latest row, else (no row of its
// own) the latest row written for the measure as a whole; nullopt status =
// not reported (ยังไม่รายงาน), never credited with another department's row.
struct OwnerReport {
  std::string department;
  std::optional<Status> status;
  int quarter = 0;                  // quarter of the row the status came from (0 = not given)
  std::optional<size_t> progress;   // index into model::AgencyWorkbook::progress
  bool whole_measure = false;       // the row was written for the measure as a whole
  Standing standing = Standing::NotYetDue;  // this owner's part as of the date
};

struct PlannedMeasure {
  model::MeasureInput input;
  TimeframeResult timeframe;
  OwnerParse owners;                     // as written
  std::vector<std::string> departments;  // what it counts for ("everyone" expanded)
  // Overall: one owner (or rows for the measure as a whole): the latest
  // status; several owners: done only when every owner reports done, in
  // progress when any has reported work, not started when all that reported
  // say so; nullopt = nothing readable reported.
  std::optional<Status> status;
  std::vector<OwnerReport> reports;      // one per entry of `departments`, same order
  int status_quarter = 0;                // quarter of the row the status came from
  std::optional<size_t> latest_progress; // index into model::AgencyWorkbook::progress
  std::vector<size_t> progress;          // all its rows (indices into model::AgencyWorkbook::progress)
  std::vector<size_t> after_as_of;       // its rows dated after as_of: not counted
  bool due = false;                      // first planned quarter started at as_of, or done
  bool ended = false;                    // last planned quarter over at as_of
  bool overdue = false;                  // ended and not done
  Standing standing = Standing::NotYetDue;
  bool duplicate_id = false;             // a later measure with an id already used
  std::vector<std::string> covers;       // deficiency codes it covers (lower case)
};

// Per department the counts use that department's own report (OwnerReport).
// total = not_yet_due + due; due = done + in_progress + not_started +
// no_status (the statuses are counted among what is due only: no_status =
// due and not reported); overdue is part of due.
struct Tally {
  int total = 0, done = 0, in_progress = 0, not_started = 0, no_status = 0, overdue = 0;
  int due = 0, not_yet_due = 0;
  double percent = 0;             // done * 100 / total: the whole year (0 when no measures)
  double due_percent = 0;         // done * 100 / due: what is due by the date (0 when nothing is due)
  bool meets_target = false;      // percent >= target
  bool due_meets_target = false;  // due > 0 and due_percent >= target
};

struct DepartmentTally {
  std::string department;
  Tally tally;
  std::vector<std::string> measure_ids;
};

struct Coverage {
  ita::Deficiency deficiency;
  std::vector<std::string> measure_ids;  // empty = not covered
};

struct PlanOptions {
  double target_percent = 80.0;
};

struct PlanResult {
  // The tables the plan was read with (the caller's Resources, which must
  // outlive the result): for reading more owners or statuses the same way.
  const DepartmentTable* department_table = nullptr;
  const StatusTable* statuses = nullptr;
  int plan_year_be = 0;
  double target_percent = 80.0;
  PlanPosition as_of;
  bool proposed = false;                        // measures are catalog proposals
  std::vector<PlannedMeasure> measures;         // in workbook (or proposal) order
  std::vector<std::string> agency_departments;  // what "every department" stands for
  Tally overall;                                // each measure once, by its overall status
  std::vector<DepartmentTally> departments;     // agency departments first, then others
  Tally unassigned;                             // measures without a department (no owner read)
  // The department table's total row: the sum of its rows (departments, then
  // unassigned), i.e. owners' parts, a shared measure counted for each owner.
  Tally parts;
  std::vector<std::string> overdue_ids;
  std::vector<Coverage> coverage;               // one per deficiency, in input order
  std::vector<std::string> uncovered_urgent;    // codes of urgent deficiencies without a measure
  // Per progress row (parallel to model::AgencyWorkbook::progress): the
  // department it reports for — its หน่วยงานที่รายงาน cell (canonical), else
  // its measure's single owner — or "" for the measure as a whole.
  std::vector<std::string> row_departments;
  Findings findings;
};

PlanResult build_plan(const model::AgencyWorkbook& workbook, const std::vector<ita::Deficiency>& deficiencies,
                      const MeasureCatalog& catalog, const DepartmentTable& departments, const StatusTable& statuses,
                      const calendar::Date& as_of, const PlanOptions& options = {});

// What was reported for `quarter` of a measure, per department (the latest
// row of each; "" = rows for the measure as a whole), in the measure's
// department order, then the others. Rows dated after as_of are left out.
struct QuarterReport {
  std::string department;
  std::optional<Status> status;  // nullopt: a row without a readable status
};
std::vector<QuarterReport> quarter_reports(const PlanResult& plan, const PlannedMeasure& m, int quarter,
                                           const model::AgencyWorkbook& wb);

// Question/item codes named in a ข้อบกพร่อง text ("e9", "E๙ ท่านเคย...",
// "O13, o10"), lower case, in order, without duplicates.
std::vector<std::string> codes_named(std::string_view deficiency_text);

// Measure ids as keys: text::fold (Thai digits to Arabic, trimmed, lower
// case, ...), then a trailing ".0" or "." dropped ("๑" = "1" = "1.0").
std::string measure_key(std::string_view id);

}  // namespace itawb::plan

// Merging returned progress into the master's (see exchange.hpp). Pure: no
// files are read or written here, so every rule is testable on its own.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "exchange/exchange.hpp"
#include "exchange/hash.hpp"
#include "plan/plan.hpp"
#include "text/fold.hpp"
#include "text/thai.hpp"

namespace itawb::exchange {
namespace {

std::string canon_id(std::string_view id) { return plan::measure_key(id); }

using Key = std::tuple<std::string, int, std::string>;  // measure id, quarter, department

struct MasterIndex {
  std::map<std::string, size_t> order;  // canonical id -> position in the measures table
  std::map<std::string, std::string> hash;
  std::map<std::string, std::string> hash_with_owner;  // what copies split before owners left the hash recorded
  std::map<std::string, std::string> owner_text;
};

MasterIndex index_master(const model::AgencyWorkbook& master) {
  MasterIndex ix;
  for (size_t i = 0; i < master.measures.size(); ++i) {
    const auto& m = master.measures[i];
    const std::string id = canon_id(m.id);
    if (ix.order.count(id)) continue;  // a duplicate id is the validator's to report
    ix.order[id] = i;
    ix.hash[id] = measure_hash(m);
    ix.hash_with_owner[id] = measure_hash_with_owner(m);
    ix.owner_text[id] = m.owner;
  }
  return ix;
}

std::string normalized_status(const MergeInput& in, std::string_view written) {
  if (in.normalize_status) return in.normalize_status(written);
  const std::string s = text::squeeze(written);
  for (const auto& c : in.status_choices)
    if (c == s) return c;
  return {};
}

// Whether a return was split from this agency's plan: by the agency its
// identity names (compared folded). Not by the checksum of the measures
// table: two agencies that copied one set of measures have the same.
bool of_this_agency(const SplitIdentity& id, const model::AgencyWorkbook& master) {
  return text::fold(text::squeeze(id.agency)) == text::fold(text::squeeze(master.agency.name));
}

// Problems of a return's own identity (not of the other returns), or nullopt.
std::optional<std::pair<NotMergedReason, std::string>> identity_problem(const ReturnedWorkbook& r,
                                                                       const model::AgencyWorkbook& master) {
  if (!r.identity) return std::make_pair(NotMergedReason::NoIdentity, std::string());
  const SplitIdentity& id = *r.identity;
  if (!intact(id)) return std::make_pair(NotMergedReason::IdentityTampered, std::string());
  if (!of_this_agency(id, master)) return std::make_pair(NotMergedReason::OtherWorkbook, id.agency);
  if (id.plan_year != master.agency.plan_year)
    return std::make_pair(NotMergedReason::OtherYear, std::to_string(id.plan_year));
  if (!r.has_progress_sheet) return std::make_pair(NotMergedReason::NoProgressSheet, std::string());
  return std::nullopt;
}

// Problems that make every row of a return unmergeable, or nullopt. Only
// returns that are this master's own count towards a duplicate department:
// another agency's copy for a department of the same name is refused for
// what it is, and does not make the genuine return a duplicate.
std::optional<std::pair<NotMergedReason, std::string>> file_problem(
    const ReturnedWorkbook& r, const model::AgencyWorkbook& master,
    const std::map<std::string, int>& returns_per_department) {
  if (auto problem = identity_problem(r, master)) return problem;
  if (returns_per_department.at(text::squeeze(r.identity->department)) > 1)
    return std::make_pair(NotMergedReason::DuplicateDepartment, r.identity->department);
  return std::nullopt;
}

// Why one row of a sound return cannot be merged, or nullopt.
std::optional<std::pair<NotMergedReason, std::string>> row_problem(const ReturnedRow& row,
                                                                   const SplitIdentity& id,
                                                                   const MasterIndex& master,
                                                                   const MergeInput& in) {
  const std::string mid = canon_id(row.measure_id);
  const bool in_master = master.order.count(mid) > 0;
  const std::string* sent_hash = id.hash_of(mid);
  if (!in_master) return std::make_pair(NotMergedReason::UnknownMeasure, row.measure_id);
  if (!sent_hash) return std::make_pair(NotMergedReason::NotOwner, master.owner_text.at(mid));
  if (*sent_hash != master.hash.at(mid) && *sent_hash != master.hash_with_owner.at(mid))
    return std::make_pair(NotMergedReason::MeasureChanged, mid);
  // The owner is compared by department, not as typed: correcting its
  // spelling in the master changes nothing; giving the measure to another
  // department does.
  if (const auto owners = in.owners.find(mid); owners != in.owners.end()) {
    const std::string dept = text::squeeze(id.department);
    if (std::none_of(owners->second.begin(), owners->second.end(),
                     [&](const std::string& d) { return text::squeeze(d) == dept; }))
      return std::make_pair(NotMergedReason::NotOwner, master.owner_text.at(mid));
  }
  if (row.quarter < 1 || row.quarter > 4) return std::make_pair(NotMergedReason::BadQuarter, row.quarter_text);
  return std::nullopt;
}

void sort_merged(std::vector<MergedRow>& rows, const MasterIndex& master) {
  auto position = [&](const MergedRow& r) {
    const auto it = master.order.find(canon_id(r.progress.measure_id));
    return it == master.order.end() ? master.order.size() : it->second;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const MergedRow& a, const MergedRow& b) {
    return std::make_tuple(position(a), a.progress.quarter, a.department) <
           std::make_tuple(position(b), b.progress.quarter, b.department);
  });
}

}  // namespace

MergeResult merge_returns(const MergeInput& in, const std::vector<ReturnedWorkbook>& returns) {
  const model::AgencyWorkbook& master = *in.master;
  const MasterIndex ix = index_master(master);
  MergeResult result;

  for (size_t i = 0; i < master.progress.size(); ++i) {
    MergedRow row{master.progress[i], i < in.master_departments.size() ? in.master_departments[i] : "", "master"};
    row.progress.measure_id = canon_id(row.progress.measure_id);
    result.progress.push_back(std::move(row));
  }

  std::map<std::string, int> per_department;
  for (const auto& r : returns)
    if (r.identity && !identity_problem(r, master)) ++per_department[text::squeeze(r.identity->department)];

  auto reject = [&](const ReturnedRow& row, const std::string& dept, NotMergedReason why, std::string detail) {
    result.not_merged.push_back({row, dept, why, std::move(detail)});
  };

  for (const auto& ret : returns) {
    result.rows_in += ret.rows.size();
    const std::string dept = ret.identity ? ret.identity->department : "";
    if (const auto problem = file_problem(ret, master, per_department)) {
      if (ret.rows.empty()) result.rejected_files.push_back({ret.file, dept, problem->first, problem->second});
      for (const auto& row : ret.rows) reject(row, dept, problem->first, problem->second);
      continue;
    }
    // Two rows for one measure/quarter in one return: neither is chosen.
    std::map<std::pair<std::string, int>, int> seen;
    for (const auto& row : ret.rows) ++seen[{canon_id(row.measure_id), row.quarter}];

    std::vector<const ReturnedRow*> accepted;
    for (const auto& row : ret.rows) {
      if (auto problem = row_problem(row, *ret.identity, ix, in)) {
        reject(row, dept, problem->first, problem->second);
      } else if (seen[{canon_id(row.measure_id), row.quarter}] > 1) {
        reject(row, dept, NotMergedReason::DuplicateRow, row.measure_id);
      } else {
        accepted.push_back(&row);
      }
    }
    for (const ReturnedRow* row : accepted) {
      MergedRow merged{row->progress, dept, ret.file};
      merged.progress.measure_id = canon_id(row->measure_id);
      // A status that cannot be read is kept as written (nothing a department
      // returned is lost), counts as not reported, and is said on its cell.
      const std::string status = normalized_status(in, row->status_text);
      merged.progress.status = status.empty() ? text::squeeze(row->status_text) : status;
      if (status.empty()) {
        const std::string where = row->sheet + "!" + (row->status_cell.empty() ? row->cell() : row->status_cell);
        const bool blank = text::squeeze(row->status_text).empty();
        result.warnings.push_back(
            {*row, dept, blank ? "status-blank" : "status-unreadable",
             blank ? "แถว " + where + " มีผลการดำเนินการแต่ไม่ได้ระบุสถานะ จึงรวมไว้และนับเป็นยังไม่รายงาน (เลือกสถานะ)"
                   : "สถานะ \"" + row->status_text + "\" ที่ " + where +
                         " อ่านไม่ได้ จึงรวมไว้ตามที่เขียนและนับเป็นยังไม่รายงาน (เลือกสถานะจากรายการ)",
             blank ? "row " + where + " has a result but no status: merged, counted as not reported (choose a status)"
                   : "status \"" + row->status_text + "\" at " + where +
                         " cannot be read: merged as written, counted as not reported (choose a status from the list)"});
      }
      const Key key{merged.progress.measure_id, merged.progress.quarter, text::squeeze(dept)};
      std::erase_if(result.progress, [&](const MergedRow& m) {
        return Key{m.progress.measure_id, m.progress.quarter, text::squeeze(m.department)} == key;
      });
      result.progress.push_back(std::move(merged));
      ++result.rows_merged;
    }
  }
  sort_merged(result.progress, ix);
  return result;
}

}  // namespace itawb::exchange

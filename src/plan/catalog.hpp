// The measures catalog (workbooks/catalog/measures.json): editable data from
// which itawb proposes measures when a workbook has deficiencies but no
// measures of its own. Entries are keyed by IIT/EIT question code, by OIT
// item code per assessment year (the numbering changed: O13 in 2567 is o10 in
// 2568), and by issue number 1..7; question/item keys win over issue keys.
//
// File shape:
//   {"version": 1, "entries": [{
//      "id": "eservice-banner",
//      "keys": {"questions": ["e9"], "oit": {"2567": ["o13"], "2568": ["o10"]},
//               "issues": [2]},
//      "for": "maintain",            (optional: issue entry used only for
//                                     deficiencies in the "maintain" category)
//      "measure": "...", "steps": ["...", "..."], "timeframe": "ไตรมาส 2",
//      "owners": ["สำนักปลัด"], "budget": "ไม่ใช้งบประมาณ",
//      "success_indicator": "..."}]}
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ita/analysis.hpp"
#include "model/records.hpp"

namespace itawb::plan {

struct CatalogEntry {
  std::string id;
  std::vector<std::string> questions;                 // "e9", lower case
  std::map<int, std::vector<std::string>> oit_items;  // assessment year -> "o10"
  std::vector<int> issues;                            // issue-level keys
  bool maintain_only = false;                         // "for": "maintain"
  std::string measure;
  std::vector<std::string> steps;
  std::string timeframe;
  std::vector<std::string> owners;
  std::string budget;
  std::string success_indicator;
};

class MeasureCatalog {
 public:
  // Throws itawb::Error ("resource-invalid") naming the file and the JSON path of the
  // problem ("measures.json: /entries/3/timeframe: ...").
  static MeasureCatalog load(const std::filesystem::path& file);
  static MeasureCatalog parse(std::string_view json_text, const std::string& source_name);

  const std::vector<CatalogEntry>& entries() const { return entries_; }

  // Entries keyed by a question or OIT item code (any case, Thai digits ok).
  std::vector<const CatalogEntry*> for_code(std::string_view code, int assessment_year) const;
  // Issue-level entries; `maintain` selects the maintain-only ones.
  std::vector<const CatalogEntry*> for_issue(int issue, bool maintain) const;
  // What to propose for one deficiency: its code's entries, else its
  // issue's; a "maintain" deficiency gets the issue's maintain entries first.
  std::vector<const CatalogEntry*> for_deficiency(const ita::Deficiency& d, int assessment_year) const;

 private:
  std::vector<CatalogEntry> entries_;
};

// Proposed measures (MeasureInput with proposed = true, ids "1", "2", ...) for
// the deficiencies, in issue order; an entry chosen by several deficiencies
// is proposed once, its deficiency field naming all their codes.
std::vector<model::MeasureInput> propose_measures(const std::vector<ita::Deficiency>& deficiencies,
                                                const MeasureCatalog& catalog, int assessment_year);

}  // namespace itawb::plan

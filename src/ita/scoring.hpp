// Scoring: tool scores, the weighted total, levels, and the cross-checks a
// clerk needs (indicator vs its questions, reported total and level vs the
// computation). Used by analyse(); exposed for tests and the report writer.
#pragma once

#include <optional>
#include <string>

#include "base/finding.hpp"
#include "ita/analysis.hpp"
#include "model/framework.hpp"
#include "model/records.hpp"

namespace itawb::ita {

// Computes Scores; appends findings (missing scores: error; mismatches:
// warning; assumed framework: info) to `findings`. Never throws on data.
Scores compute_scores(const model::AgencyWorkbook& workbook, const model::Framework& framework,
                      Findings& findings);

// An IIT/EIT indicator as the mean of its questions, an OIT indicator as the
// mean of its sub-indicators' item means; nullopt unless every question/item
// involved has a score. `previous` selects last year's figures.
std::optional<double> recompute_indicator(const model::AgencyWorkbook& workbook,
                                          const model::Framework& framework, int indicator,
                                          bool previous = false);

// Whether a published level (ระดับที่ประกาศ) names the computed one, the one
// rule the level-mismatch warning, the summary sheet and the JSON share:
// compared by text::compact_key (Thai or Arabic digits, case, spaces and
// quotes do not matter) after a leading "ระดับ" or "level" is dropped, against
// the Thai and the English name ("ระดับผ่านดี" = "ผ่านดี" = " Good pass ").
// nullopt when either is empty (nothing to compare).
std::optional<bool> same_level(std::string_view reported, const Scores& scores);

}  // namespace itawb::ita

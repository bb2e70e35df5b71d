// Scoring: tool scores, the weighted total, levels, and the cross-checks a
// clerk needs (indicator vs its questions, reported total and level vs the
// computation). Used by analyse(); exposed for tests and the report writer.
#pragma once

#include <optional>
#include <string>

#include "core/finding.hpp"
#include "ita/analysis.hpp"
#include "ita/framework.hpp"
#include "ita/model.hpp"

namespace itawb::ita {

// Computes Scores; appends findings (missing scores: error; mismatches:
// warning; assumed framework: info) to `findings`. Never throws on data.
Scores compute_scores(const AgencyWorkbook& workbook, const Framework& framework,
                      Findings& findings);

// An IIT/EIT indicator as the mean of its questions, an OIT indicator as the
// mean of its sub-indicators' item means; nullopt unless every question/item
// involved has a score. `previous` selects last year's figures.
std::optional<double> recompute_indicator(const AgencyWorkbook& workbook,
                                          const Framework& framework, int indicator,
                                          bool previous = false);


}  // namespace itawb::ita

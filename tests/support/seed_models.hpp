// Agency workbooks built in code from published documents, so scoring and
// analysis tests check against figures printed by real agencies, not against
// numbers produced by the code under test.
#pragma once

#include <string>
#include <vector>

#include "model/framework.hpp"
#include "model/records.hpp"

namespace itawb::test {

// schemas/frameworks/ita-<year>.json from the source tree.
const model::Framework& framework(int year);

// Seed 000 (อบต.ทุ่งทอง, ITA 2567 vs 2566). `printed_slip`: indicator 4 as
// printed (98.59) or as its questions give it (98.99).
model::AgencyWorkbook seed000(bool printed_slip = true);

// Seed 000's 2566 indicator scores as a 2566 assessment (no questions).
model::AgencyWorkbook seed000_2566();

// Reference §1.5 (ทต.บางตะบูน, 2567): indicators as published and OIT
// items O1–O35 all 100 except O10 = 50 and O19 = 0.
model::AgencyWorkbook bangtaboon_2567();

// Sets (or adds) question `code`'s score.
void set_question(model::AgencyWorkbook& wb, const std::string& code, double score);
const model::IndicatorInput& indicator_of(const model::AgencyWorkbook& wb, int number);

}  // namespace itawb::test

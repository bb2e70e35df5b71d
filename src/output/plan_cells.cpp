// The words and fills both plan sheets write alike (output/plan_cells.hpp).
#include "output/plan_cells.hpp"

#include "output/plan_sheets.hpp"

namespace itawb::output {

uint32_t status_fill(plan::Status s) {
  switch (s) {
    case plan::Status::Done: return kDoneFill;
    case plan::Status::InProgress: return kInProgressFill;
    case plan::Status::NotStarted: return kNotStartedFill;
  }
  return 0;
}

std::string continued_id(const std::string& id) { return id + " (ต่อ)"; }

std::string status_text(const std::optional<plan::Status>& s, plan::Standing standing) {
  if (s) return plan::status_th(*s);
  return standing == plan::Standing::NotYetDue ? kNotYetDue : kAwaitingReport;
}

}  // namespace itawb::output

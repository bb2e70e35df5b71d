// The words and fills both plan sheets write alike: the มาตรการ sheet
// (output/measures_sheet.cpp) and the ความก้าวหน้ารายไตรมาส sheet
// (output/quarterly_sheet.cpp) show a status and a continuation row the
// same way. Private to src/output.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "plan/plan.hpp"

namespace itawb::output {

uint32_t status_fill(plan::Status s);

// The ลำดับ of a measure's continuation row: "๑ (ต่อ)" (the measures
// schema's x-continuation marker).
std::string continued_id(const std::string& id);

inline constexpr const char* kNotReported = "ไม่ได้รายงาน";  // a planned quarter over without a report
inline constexpr const char* kAwaitingReport = "ยังไม่รายงาน";  // due, and no report from a department yet
inline constexpr const char* kNotYetDue = "ยังไม่ถึงกำหนด";     // its first planned quarter has not started

// What a measure (or an owner's part) shows as its status: the status
// reported, else "ยังไม่ถึงกำหนด" before it is due, "ยังไม่รายงาน" once it is.
std::string status_text(const std::optional<plan::Status>& s, plan::Standing standing);

}  // namespace itawb::output

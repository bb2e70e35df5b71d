// Timeframes (ระยะเวลา) of measures, read into quarters of the plan's fiscal
// year. Never a silent guess: text that is unreadable, ambiguous or outside
// the plan year is refused with a reason in Thai and English that quotes it.
//
// Accepted (Thai or Arabic digits, with or without dots and spaces):
//   quarters   "ไตรมาส ๒", "ไตรมาสที่ 3", "ไตรมาส ๒-๔", "ไตรมาส 1,2",
//              "ไตรมาส 1 และ ไตรมาส 3", "ไตรมาส 1 - ไตรมาส 4", "Q2", "Q1-Q3"
//   months     "ต.ค. ๖๗ ถึง ก.ย. ๖๘", "ต.ค.๖๖ - เม.ย. ๖๗", "มี.ค. ๖๙",
//              "เมษายน ๒๕๖๘ ถึง กันยายน ๒๕๖๘", "1 ต.ค. 67 - 30 ก.ย. 68",
//              "ต.ค. - ธ.ค.", "ม.ค., เม.ย."   (ranges: - – ถึง จนถึง; lists: , / และ)
//   whole year "ทุกไตรมาส", "ตลอดปีงบประมาณ", "ทั้งปี", "รายไตรมาส", "ทุก 6 เดือน"
//   halves     "6 เดือนแรก", "รอบ 6 เดือน" (= first half, Q1–2), "6 เดือนหลัง" (Q3–4)
//   a fiscal year may follow: "ไตรมาส 1 ปีงบประมาณ 2568", "ตลอดปีงบประมาณ ๒๕๖๘".
// Rules:
//   - a month without a year is taken in the plan year, in fiscal order
//     (ต.ค.–ธ.ค. in the year before the plan year's พ.ศ., ม.ค.–ก.ย. in it);
//   - a month with a year (๖๘, ๒๕๖๘, or ค.ศ. 2025) must fall inside the plan
//     year, and so must both ends of a month range; "ปี 2567" after months is
//     a calendar year for the months that carry none;
//   - a fiscal year named ("ปีงบประมาณ 2566", or "ปี" after quarters) must be
//     the plan year;
//   - two statements of the period side by side must agree ("ไตรมาส 2
//     (ม.ค.–มี.ค. ๖๘)" is fine, "ไตรมาส 2 (ต.ค.–ธ.ค.)" is ambiguous); "หรือ"
//     is always ambiguous; an unknown word makes the text unreadable.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace itawb::plan {

// Quarters of a fiscal year as bits: bit 0 = ไตรมาส 1 ... bit 3 = ไตรมาส 4.
using QuarterSet = uint8_t;
inline constexpr QuarterSet kAllQuarters = 0x0F;
inline constexpr QuarterSet quarter_bit(int q) { return static_cast<QuarterSet>(1u << (q - 1)); }
inline constexpr bool has_quarter(QuarterSet s, int q) { return q >= 1 && q <= 4 && (s & quarter_bit(q)); }
int first_quarter(QuarterSet s);  // 0 when empty
int last_quarter(QuarterSet s);   // 0 when empty
std::vector<int> quarter_list(QuarterSet s);
// "ทุกไตรมาส", "ไตรมาส ๒", "ไตรมาส ๒–๔", "ไตรมาส ๑, ๓" (Thai digits) or
// English "all quarters", "Q2", "Q2–Q4", "Q1, Q3". Empty set gives "".
std::string format_quarters(QuarterSet s, bool thai = true);

enum class TimeframeProblem { None, Empty, Unreadable, Ambiguous, OutOfYear };
const char* to_string(TimeframeProblem p);  // "none", "empty", "unreadable", ...

struct TimeframeResult {
  QuarterSet quarters = 0;  // 0 whenever problem != None
  TimeframeProblem problem = TimeframeProblem::None;
  std::string reason_th;    // empty when ok
  std::string reason_en;
  bool ok() const { return problem == TimeframeProblem::None; }
};

// Reads `text` against the plan's fiscal year (พ.ศ., e.g. 2568).
TimeframeResult parse_timeframe(std::string_view text, int plan_fiscal_year_be);

}  // namespace itawb::plan

// The palette of the result sheets: one place for fonts, fills and number
// formats so every sheet prints the same way for a supervisor.
// Fills are pale so text stays readable, and differ in lightness so they
// still tell apart on a grey-scale printer.
#pragma once

#include <cstdint>

#include "ita/analysis.hpp"
#include "xlsx/writer.hpp"

namespace itawb::output {

inline constexpr uint32_t kHeaderFill = 0xD9E1F2;    // pale blue
inline constexpr uint32_t kTotalFill = 0xEDEDED;     // pale grey
inline constexpr uint32_t kUrgentFill = 0xF4B6B0;    // pale red, darkest in grey
inline constexpr uint32_t kDevelopFill = 0xFCE4B6;   // pale amber
inline constexpr uint32_t kMaintainFill = 0xE2EFDA;  // pale green, lightest
inline constexpr uint32_t kErrorFill = 0xF4B6B0;     // an input cell with an error
inline constexpr uint32_t kWarningFill = 0xFCE4B6;   // an input cell with a warning

inline constexpr uint32_t kInputFill = 0xFFF2CC;     // a cell for the officer to fill in

inline constexpr const char* kScoreFormat = "0.00";
// A change keeps its sign: +15.86, -0.91, 0.00.
inline constexpr const char* kChangeFormat = "+0.00;-0.00;0.00";

inline xlsx::Style title_style() { return xlsx::Style{}.with_bold().with_size(18).with_wrap(); }
inline xlsx::Style subtitle_style() { return xlsx::Style{}.with_bold(); }
inline xlsx::Style note_style() { return xlsx::Style{}.with_size(14).with_wrap(); }
// Tables in 14 pt, as Thai reports set them: a row holds more words, a page more rows.
inline constexpr double kTablePt = 14;
inline xlsx::Style header_style() {
  return xlsx::Style{}.with_size(kTablePt).with_bold().with_fill(kHeaderFill).with_border().with_wrap()
      .with_align(xlsx::Align::Center).with_vcenter();
}
inline xlsx::Style cell_style() { return xlsx::Style{}.with_size(kTablePt).with_border().with_wrap(); }
inline xlsx::Style centre_style() { return cell_style().with_align(xlsx::Align::Center); }
inline xlsx::Style score_style() {
  return xlsx::Style{}.with_size(kTablePt).with_border().with_format(kScoreFormat).with_align(xlsx::Align::Right);
}
inline xlsx::Style change_style() {
  return xlsx::Style{}.with_size(kTablePt).with_border().with_format(kChangeFormat).with_align(xlsx::Align::Right);
}

// The fill of a deficiency's category (urgent, develop, maintain).
uint32_t category_fill(ita::Category c);

}  // namespace itawb::output

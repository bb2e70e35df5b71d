// Writing one department's workbook (what it holds is described in
// plan/exchange_records.hpp): its progress sheet (inputs unlocked, status
// drop-downs, everything else locked), its measures for reference, and the
// hidden identity sheet. Written here, in the output layer, so that its
// sheets get the page of the result sheets (FittedSheet: widths, row heights
// from the wrapped text, A4 fitted to the width, header rows repeated).
#pragma once

#include <filesystem>

#include "plan/exchange_records.hpp"

namespace itawb::output {

// The legend line of every sheet with cells to fill in.
inline constexpr const char* kInputLegend = "ช่องสีเหลือง = กรอกข้อมูล";

// Writes a department's workbook to `file` (not atomically: callers use
// write_atomically). Throws itawb::Error when the writer fails.
void write_department_workbook(const plan::DepartmentPacket& packet, const std::filesystem::path& file);

}  // namespace itawb::output

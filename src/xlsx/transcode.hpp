// A workbook of another format (.ods: xlsx/ods.hpp, .xls: xlsx/xls.hpp)
// written as a small .xlsx package in memory (libzip, parts stored), which
// Workbook then opens as any other: values, their number kind, merged
// ranges, hidden sheets and rows, widths and heights.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace itawb::xlsx {

struct TranscodedSheet {
  std::string name;
  bool hidden = false;
  std::string xml;  // the worksheet part, whole
};
// The cellXfs of the transcoded package's styles.xml, by index: General,
// d/m/yyyy (built-in 14), 0.00% (10), h:mm:ss (21), d/m/yyyy h:mm (22).
enum XfIndex : uint32_t { kGeneral = 0, kDate = 1, kPercent = 2, kTime = 3, kDateTime = 4 };
// Appends <c> of a number ('n', `value` its shortest text), text ('s'),
// boolean ('b', "1"/"0") or error ('e') to a <row>.
void append_cell(std::string& xml, uint32_t row, uint32_t col, char type, uint32_t xf, std::string_view value);
// The package (bytes) of `sheets`, their parts moved out.
std::string transcoded_package(std::vector<TranscodedSheet>& sheets, const std::string& path);

// A number in its shortest round-trip text, as a <v> holds it.
std::string number_text(double v);

}  // namespace itawb::xlsx

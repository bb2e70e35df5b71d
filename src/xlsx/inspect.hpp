// `itawb inspect`: what the reader sees in a workbook, as JSON or as a
// plain-text listing. The CLI command is a thin wrapper over these.
#pragma once

#include <optional>
#include <string>

#include "xlsx/reader.hpp"

namespace itawb::xlsx {

// {"file", "date1904", "sheets": [{"name", "visibility", "kind",
//   "cells": [{"ref", "type", "value", "format"?, "formula"?, "uncalculated"?}],
//   "merged": ["A1:B2"]}]}
// value: JSON number for n, bool for b, ISO text for d, text for s and e.
// format: the number format code, for n and d only.
// Only sheet `only_sheet` when given; throws itawb::Error (code "no-sheet")
// when no sheet has that name. Serialized, keys in the order above;
// `indent` as nlohmann::json::dump (2: what the CLI prints; -1 compact).
std::string inspect_json(const Workbook& wb, const std::optional<std::string>& only_sheet = {}, int indent = 2);

// The same content as aligned text lines, one cell per line.
std::string inspect_text(const Workbook& wb, const std::optional<std::string>& only_sheet = {});

// "A1:B2" (or "A1" for a single cell).
std::string range_name(const Range& r);

}  // namespace itawb::xlsx

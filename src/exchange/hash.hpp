// Content hashes for workbooks exchanged between departments: SHA-256
// (Debian's Nettle) over canonical text, so that a returned copy can be
// matched to the measures it was made from and an edit of its identity, or of
// a measure in the master, is noticed.
// This detects accidents and out-of-date copies; it is not a signature.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/records.hpp"

namespace itawb::exchange {

// SHA-256 of the bytes, as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

// Canonical text of a measure: its fields squeezed (runs of whitespace to one
// space, Thai digits to Arabic), joined with U+001F, then each non-empty value
// of `extra` (the schema's other columns) as name=value in schema order, so
// that re-typing the same words with other spacing does not count as a
// change, but any other edit does. A measure whose extra columns are empty
// hashes as before they existed.
std::string canonical_measure(const model::MeasureInput& m);

// The first 16 hex digits of sha256(canonical_measure(m)) with the owner
// left empty: short enough to store per measure, long enough that a
// collision is not a concern here. The owner is not part of a measure's
// identity: correcting how it is written ("สำนักปลัดเทสบาล" ->
// "สำนักปลัดเทศบาล") must not make a department's copy out of date; whether
// the department still owns the measure is checked on its canonical name
// (MergeInput::owners).
std::string measure_hash(const model::MeasureInput& m);
// The hash copies split before that rule recorded (owner included).
std::string measure_hash_with_owner(const model::MeasureInput& m);

// Hash of the whole measures table (ids and per-measure hashes, in order).
std::string measures_table_hash(const std::vector<model::MeasureInput>& measures);

}  // namespace itawb::exchange

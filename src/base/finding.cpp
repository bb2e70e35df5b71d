#include "base/finding.hpp"

namespace itawb {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
  }
  return "error";
}

std::string Finding::location() const {
  if (sheet.empty()) return cell;
  if (cell.empty()) return sheet;
  return sheet + "!" + cell;
}

void Findings::add(Finding f) {
  if (f.severity == Severity::Error) ++errors_;
  if (f.severity == Severity::Warning) ++warnings_;
  const std::string key = f.file + "|" + f.sheet + "|" + f.code;
  if (++per_key_[key] > sample_limit_) {
    ++suppressed_[key];
    return;
  }
  items_.push_back(std::move(f));
}

void Findings::append(const Findings& other) {
  size_t stored_errors = 0, stored_warnings = 0;
  for (const auto& f : other.items_) {
    if (f.severity == Severity::Error) ++stored_errors;
    if (f.severity == Severity::Warning) ++stored_warnings;
    add(f);
  }
  // Findings the other collection only counted still count here.
  errors_ += other.errors_ - stored_errors;
  warnings_ += other.warnings_ - stored_warnings;
  for (const auto& [key, n] : other.suppressed_) {
    suppressed_[key] += n;
    per_key_[key] += n;
  }
}

}  // namespace itawb

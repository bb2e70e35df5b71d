// A department's workbook: its identity's seal and its file name (see
// exchange.hpp; its columns are plan/exchange_records'). The workbook itself
// is written by output/department_workbook.
#include "exchange/exchange.hpp"
#include "exchange/hash.hpp"
#include "text/thai.hpp"
#include "text/width.hpp"

namespace itawb::exchange {

void seal(SplitIdentity& identity) { identity.checksum = sha256_hex(identity.canonical()); }

bool intact(const SplitIdentity& identity) {
  return !identity.checksum.empty() && identity.checksum == sha256_hex(identity.canonical());
}

std::string department_file_name(std::string_view department) {
  std::string safe;
  for (const char c : text::squeeze(department)) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos) safe += '_';
    else if (c == ' ') safe += '-';
    else safe += c;
  }
  // At most 60 characters (Thai takes 3 bytes each; file names are capped at
  // 255 bytes).
  safe = text::cut_utf8(safe, 60);
  while (!safe.empty() && (safe.back() == '.' || safe.back() == '-')) safe.pop_back();
  if (safe.empty()) safe = "หน่วยงาน";
  return "มาตรการ-" + safe + ".xlsx";
}

}  // namespace itawb::exchange

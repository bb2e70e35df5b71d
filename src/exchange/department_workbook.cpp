// A department's workbook: its columns, identity and file name (see
// exchange.hpp). The workbook itself is written by output/department_workbook.
#include <algorithm>

#include "exchange/exchange.hpp"
#include "exchange/hash.hpp"
#include "plan/plan.hpp"
#include "text/thai.hpp"
#include "text/width.hpp"

namespace itawb::exchange {
namespace {

std::string canon_id(std::string_view id) { return plan::measure_key(id); }

}  // namespace

std::vector<ReturnColumn> return_columns(const schema::SheetSchema& progress) {
  std::vector<ReturnColumn> out;
  for (const auto& f : progress.fields) {
    if (f.name == "department") continue;
    const bool locked = f.name == "measure_id" || f.name == "quarter";
    out.push_back({f.name, f.title, f.width > 0 ? f.width : 16, !locked});
    if (f.name == "measure_id") out.push_back({"", "มาตรการ", 45, false});
  }
  return out;
}

std::vector<const schema::FieldSchema*> department_measure_fields(const schema::SheetSchema& measures) {
  std::vector<const schema::FieldSchema*> out;
  for (const auto& f : measures.fields)
    if (f.name != "deficiency" && f.name != "budget") out.push_back(&f);
  return out;
}

std::string SplitIdentity::canonical() const {
  std::string out = "itawb-exchange\nformat=" + std::to_string(format) +
                    "\nsource_name=" + source_name + "\nsource_checksum=" + source_checksum +
                    "\nagency=" + agency + "\nplan_year=" + std::to_string(plan_year) +
                    "\ndepartment=" + department + "\nsplit_time=" + split_time + "\n";
  for (const auto& [mid, hash] : measures) out += "measure=" + canon_id(mid) + "=" + hash + "\n";
  return out;
}

void SplitIdentity::seal() { checksum = sha256_hex(canonical()); }

bool SplitIdentity::intact() const { return !checksum.empty() && checksum == sha256_hex(canonical()); }

const std::string* SplitIdentity::hash_of(std::string_view id) const {
  const std::string key = canon_id(id);
  for (const auto& [mid, hash] : measures)
    if (canon_id(mid) == key) return &hash;
  return nullptr;
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

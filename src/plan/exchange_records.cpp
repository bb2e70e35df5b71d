// The exchange's records (see exchange_records.hpp): the identity's
// canonical text, the department form's columns, and the reasons a returned
// row is not merged, in one table.
#include "plan/exchange_records.hpp"

#include "plan/plan.hpp"
#include "xlsx/cell_ref.hpp"

namespace itawb::plan {

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
  for (const auto& [mid, hash] : measures) out += "measure=" + measure_key(mid) + "=" + hash + "\n";
  return out;
}

const std::string* SplitIdentity::hash_of(std::string_view id) const {
  const std::string key = measure_key(id);
  for (const auto& [mid, hash] : measures)
    if (measure_key(mid) == key) return &hash;
  return nullptr;
}

std::string ReturnedRow::cell() const { return xlsx::ref_name(progress.origin.row, progress.origin.col); }

namespace {

struct Reason {
  NotMergedReason reason;
  const char* code;  // in the JSON and the not-merged sheet
  const char* th;
  const char* en;
};

// Every reason once: its code, and what the officer reads in Thai and English.
constexpr Reason kReasons[] = {
    {NotMergedReason::NoIdentity, "no-identity", "ไม่ใช่ไฟล์ที่แยกด้วย itawb split (ไม่พบข้อมูลระบุที่มา)",
     "not a copy made by itawb split (no identity sheet)"},
    {NotMergedReason::IdentityTampered, "identity-tampered", "ข้อมูลระบุที่มาของไฟล์ถูกแก้ไข (checksum ไม่ตรง)",
     "the identity sheet was edited (checksum mismatch)"},
    {NotMergedReason::OtherWorkbook, "other-agency", "ไฟล์นี้เป็นของหน่วยงานอื่น",
     "this return belongs to another agency's plan"},
    {NotMergedReason::OtherYear, "other-year", "ไฟล์นี้แยกมาจากแบบฟอร์มของปีอื่น",
     "made from another plan year's workbook"},
    {NotMergedReason::DuplicateDepartment, "duplicate-department", "มีไฟล์ส่งคืนของส่วนราชการเดียวกันมากกว่าหนึ่งไฟล์",
     "more than one return for this department"},
    {NotMergedReason::NotOwner, "not-owner", "ส่วนราชการนี้ไม่ได้รับผิดชอบมาตรการนี้",
     "the department does not own this measure"},
    {NotMergedReason::UnknownMeasure, "unknown-measure", "ไม่พบลำดับมาตรการนี้ในแบบฟอร์มหลัก",
     "measure id not in the master workbook"},
    {NotMergedReason::MeasureChanged, "measure-changed",
     "มาตรการถูกแก้ไขในแบบฟอร์มหลักหลังจากแยกไฟล์ (ไฟล์ไม่เป็นปัจจุบัน)",
     "the measure changed in the master since the split (out-of-date copy)"},
    {NotMergedReason::BadQuarter, "bad-quarter", "ไตรมาสไม่ถูกต้อง (ต้องเป็น 1-4)", "quarter missing or not 1-4"},
    {NotMergedReason::BadStatus, "bad-status", "สถานะไม่อยู่ในรายการที่กำหนด", "status is not one of the choices"},
    {NotMergedReason::DuplicateRow, "duplicate-row", "มีหลายแถวสำหรับมาตรการและไตรมาสเดียวกันในไฟล์เดียว",
     "several rows for one measure and quarter in one return"},
    {NotMergedReason::NoProgressSheet, "no-progress-sheet", "ไม่พบแผ่นงานความก้าวหน้า", "no progress sheet"},
};

const Reason* find(NotMergedReason r) {
  for (const auto& entry : kReasons)
    if (entry.reason == r) return &entry;
  return nullptr;
}

}  // namespace

const char* to_string(NotMergedReason r) { return find(r) ? find(r)->code : "unknown"; }
const char* reason_th(NotMergedReason r) { return find(r) ? find(r)->th : ""; }
const char* reason_en(NotMergedReason r) { return find(r) ? find(r)->en : ""; }

}  // namespace itawb::plan

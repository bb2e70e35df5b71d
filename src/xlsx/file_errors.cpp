#include "xlsx/file_errors.hpp"

namespace itawb::xlsx::errors {
namespace {

[[noreturn]] void raise(FileProblem p, const std::string& path, std::string th, std::string en) {
  throw FileError(p, path, std::move(th), std::move(en));
}

}  // namespace

void not_found(const std::string& path) {
  raise(FileProblem::NotFound, path, "ไม่พบไฟล์นี้ หรือไม่มีสิทธิ์เปิดอ่าน",
        "The file does not exist or cannot be opened for reading.");
}

void empty(const std::string& path) {
  raise(FileProblem::Empty, path, "ไฟล์นี้ว่างเปล่า (0 ไบต์) ไม่ใช่แบบฟอร์ม Excel (.xlsx)",
        "The file is empty (0 bytes), so it is not an Excel workbook (.xlsx).");
}

void not_zip(const std::string& path, const std::string& looks_like_th,
             const std::string& looks_like_en) {
  raise(FileProblem::NotZip, path,
        "ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx)" + looks_like_th +
            " กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx",
        "The file is not an Excel workbook (.xlsx)" + looks_like_en +
            "; open it in Excel and save it as .xlsx.");
}

void corrupt_zip(const std::string& path, const std::string& detail) {
  raise(FileProblem::CorruptZip, path,
        "ไฟล์ .xlsx นี้เสียหายหรือไม่สมบูรณ์ (อาจดาวน์โหลดหรือคัดลอกมาไม่ครบ: " + detail +
            ") กรุณาขอไฟล์ใหม่",
        "The .xlsx file is damaged or truncated (perhaps an incomplete download or copy: " +
            detail + "); please get a fresh copy.");
}

void legacy_xls(const std::string& path) {
  raise(FileProblem::LegacyXls, path,
        "ไฟล์นี้เป็น Excel รุ่นเก่า (.xls) ซึ่งไม่รองรับ กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx",
        "This is an old-format Excel file (.xls), which is not supported; open it in Excel "
        "and save it as .xlsx.");
}

void corrupt_xls(const std::string& path, int reader_code) {
  raise(FileProblem::CorruptZip, path,
        "ไฟล์ Excel รุ่นเก่า (.xls) นี้เสียหายหรืออ่านไม่ได้ (รหัส " + std::to_string(reader_code) +
            ") กรุณาเปิดใน Excel หรือ LibreOffice แล้วบันทึกเป็น .xlsx",
        "This old-format Excel file (.xls) is damaged or cannot be read (code " + std::to_string(reader_code) +
            "); open it in Excel or LibreOffice and save it as .xlsx.");
}

void encrypted(const std::string& path) {
  raise(FileProblem::Encrypted, path,
        "ไฟล์นี้ถูกตั้งรหัสผ่าน (เข้ารหัส) ไว้ จึงอ่านไม่ได้ กรุณาเอารหัสผ่านออกใน Excel "
        "แล้วบันทึกเป็น .xlsx ใหม่",
        "The workbook is password-protected (encrypted) and cannot be read; remove the "
        "password in Excel and save it again as .xlsx.");
}

void other_office_file(const std::string& path) {
  raise(FileProblem::Unsupported, path,
        "ไฟล์นี้เป็นไฟล์ Office รุ่นเก่า แต่ไม่พบข้อมูลแบบฟอร์ม Excel ในไฟล์: อาจเป็นไฟล์ Word หรือ "
        "PowerPoint หรือไฟล์ .xls ที่เสียหายหรือได้รับมาไม่ครบ กรุณาขอไฟล์ใหม่ หรือเปิดใน Excel "
        "แล้วบันทึกเป็น .xlsx",
        "This is an old-format Office file, but no Excel workbook was found in it: it may be a "
        "Word or PowerPoint file, or an .xls that is damaged or arrived incomplete; ask for the "
        "file again, or open it in Excel and save it as .xlsx.");
}

void other_odf(const std::string& path) {
  raise(FileProblem::Unsupported, path,
        "ไฟล์นี้เป็นเอกสาร OpenDocument ที่ไม่ใช่ตารางคำนวณ (เช่น .odt หรือ .odp) "
        "กรุณาใช้แบบฟอร์ม .xlsx หรือ .ods",
        "This is an OpenDocument file that is not a spreadsheet (such as .odt or .odp); "
        "please use the .xlsx or .ods workbook.");
}

void xlsb(const std::string& path) {
  raise(FileProblem::Xlsb, path,
        "ไฟล์นี้เป็น Excel แบบไบนารี (.xlsb) ซึ่งไม่รองรับ กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx",
        "This is a binary Excel workbook (.xlsb), which is not supported; open it in Excel "
        "and save it as .xlsx.");
}

void ods_without_sheets(const std::string& path) {
  raise(FileProblem::MissingPart, path, "ไฟล์ .ods นี้ไม่มีแผ่นงานใดเลย กรุณาตรวจสอบว่าเป็นไฟล์ที่ถูกต้อง",
        "The .ods file holds no sheet at all; check that it is the right file.");
}

void missing_part(const std::string& path, const std::string& part) {
  raise(FileProblem::MissingPart, path,
        "ไฟล์ .xlsx นี้ไม่สมบูรณ์: ไม่มีส่วน " + part + " ที่จำเป็น",
        "The .xlsx package is incomplete: the required part " + part + " is missing.");
}

void malformed_xml(const std::string& path, const std::string& part, long line,
                   const std::string& detail) {
  const std::string where = part + " line " + std::to_string(line);
  raise(FileProblem::MalformedXml, path,
        "ไฟล์ .xlsx นี้เสียหาย: XML ในส่วน " + part + " บรรทัด " + std::to_string(line) +
            " ผิดรูปแบบ (" + detail + ")",
        "The .xlsx file is damaged: the XML in " + where + " is malformed (" + detail + ").");
}

void forbidden_xml(const std::string& path, const std::string& part) {
  raise(FileProblem::ForbiddenXml, path,
        "ส่วน " + part + " ของไฟล์มีการประกาศ DOCTYPE หรือ entity ซึ่งถูกปฏิเสธเพื่อความปลอดภัย",
        "The part " + part +
            " contains a DOCTYPE or entity declaration, which is refused for safety.");
}

void too_large(const std::string& path, const std::string& part, const std::string& what_th,
               const std::string& what_en) {
  raise(FileProblem::TooLarge, path,
        "ส่วน " + part + " ของไฟล์ใหญ่เกินขีดจำกัด (" + what_th +
            ") อาจเป็นไฟล์อันตราย (zip bomb) จึงไม่อ่านต่อ หากเป็นไฟล์จริงที่ใหญ่ผิดปกติ ให้ใช้ตัวเลือก --large-files",
        "The part " + part + " exceeds a safety limit (" + what_en +
            "); it may be a zip bomb, so reading stopped (for a genuine file this large, use --large-files).");
}

void out_of_grid(const std::string& path, const std::string& sheet, const std::string& ref) {
  raise(FileProblem::OutOfGrid, path,
        "ชีต '" + sheet + "' อ้างถึงเซลล์ '" + ref + "' ซึ่งอยู่นอกตาราง Excel (เกิน XFD1048576)",
        "Sheet '" + sheet + "' refers to cell '" + ref +
            "', which is outside Excel's grid (beyond XFD1048576).");
}

void bad_value(const std::string& path, const std::string& sheet, const std::string& ref,
               const std::string& detail) {
  raise(FileProblem::MalformedXml, path,
        "ไฟล์ .xlsx นี้เสียหาย: เซลล์ " + ref + " ของชีต '" + sheet + "' มีค่าที่อ่านไม่ได้ (" +
            detail + ")",
        "The .xlsx file is damaged: cell " + ref + " of sheet '" + sheet +
            "' holds an unreadable value (" + detail + ").");
}

}  // namespace itawb::xlsx::errors

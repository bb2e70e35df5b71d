#include "output/validation_report.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "model/load.hpp"
#include "schema/schema.hpp"
#include "xlsx/reader.hpp"

namespace itawb::output {
using nlohmann::json;

FileReport unreadable_report(const std::string& path, const FileError& error) {
  FileReport r;
  r.path = path;
  r.readable = false;
  Finding f;
  f.severity = Severity::Error;
  f.code = to_string(error.problem());
  f.file = path;
  f.message_th = error.message_th();
  f.message_en = error.message_en();
  r.findings.add(std::move(f));
  return r;
}

namespace {

json finding_json(const Finding& f) {
  return {{"severity", to_string(f.severity)},
          {"code", f.code},
          {"sheet", f.sheet},
          {"cell", f.cell},
          {"row", f.row},
          {"column", f.column},
          {"value", f.value},
          {"message_th", f.message_th},
          {"message_en", f.message_en}};
}

// Findings keys are "file|sheet|code"; the file is already the object's path.
std::string without_file(const std::string& key) {
  const auto bar = key.find('|');
  return bar == std::string::npos ? key : key.substr(bar + 1);
}

// Terminal columns: one per code point, none for Thai vowel and tone marks
// written above or below the consonant.
size_t columns(const std::string& s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;
    if (c == 0xE0 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xB8) {
      const auto t = static_cast<unsigned char>(s[i + 2]);
      if (t == 0xB1 || (t >= 0xB4 && t <= 0xBA)) continue;  // U+0E31, U+0E34..U+0E3A
    }
    if (c == 0xE0 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xB9) {
      const auto t = static_cast<unsigned char>(s[i + 2]);
      if (t >= 0x87 && t <= 0x8E) continue;  // U+0E47..U+0E4E
    }
    ++n;
  }
  return n;
}

std::string pad(const std::string& s, size_t width) {
  const size_t w = columns(s);
  return w >= width ? s + " " : s + std::string(width - w, ' ');
}

std::string severity_label(Severity s, bool thai) {
  switch (s) {
    case Severity::Error: return thai ? "ผิดพลาด" : "error";
    case Severity::Warning: return thai ? "คำเตือน" : "warning";
    case Severity::Info: return thai ? "ข้อสังเกต" : "info";
  }
  return "";
}

std::string heading(const FileReport& r, bool thai) {
  const auto& f = r.findings;
  if (!r.readable) return r.path + (thai ? ": อ่านไฟล์ไม่ได้" : ": cannot be read");
  if (f.empty()) return r.path + (thai ? ": ถูกต้อง ไม่พบปัญหา" : ": valid, no problems found");
  const std::string counts =
      thai ? "ข้อผิดพลาด " + std::to_string(f.error_count()) + " รายการ, คำเตือน " + std::to_string(f.warning_count()) + " รายการ"
           : std::to_string(f.error_count()) + " error(s), " + std::to_string(f.warning_count()) + " warning(s)";
  return r.path + ": " + counts;
}

}  // namespace

std::string findings_json(const Findings& findings, int indent) {
  json out = json::array();
  for (const auto& f : findings.items()) out.push_back(finding_json(f));
  return out.dump(indent);
}

std::string report_json(const std::vector<FileReport>& files, int indent) {
  json out{{"valid", true}, {"files", json::array()}};
  size_t errors = 0, warnings = 0;
  for (const auto& r : files) {
    json file{{"path", r.path}, {"valid", r.valid()}, {"readable", r.readable}, {"findings", json::array()},
              {"suppressed", json::object()}};
    for (const auto& f : r.findings.items()) file["findings"].push_back(finding_json(f));
    for (const auto& [key, n] : r.findings.suppressed()) file["suppressed"][without_file(key)] = n;
    errors += r.findings.error_count();
    warnings += r.findings.warning_count();
    if (!r.valid()) out["valid"] = false;
    out["files"].push_back(std::move(file));
  }
  out["stats"] = {{"files", files.size()}, {"errors", errors}, {"warnings", warnings}};
  return out.dump(indent);
}

std::string report_text(const std::vector<FileReport>& files, const std::string& lang) {
  const bool thai = lang != "en";
  std::string out;
  for (const auto& r : files) {
    out += heading(r, thai) + "\n";
    size_t loc_width = 8, code_width = 8;
    for (const auto& f : r.findings.items()) {
      loc_width = std::max(loc_width, columns(f.location()));
      code_width = std::max(code_width, f.code.size());
    }
    for (const auto& f : r.findings.items()) {
      std::string message = thai ? f.message_th : f.message_en;
      if (thai && !f.message_en.empty()) message += " (" + f.message_en + ")";
      out += "  " + pad(severity_label(f.severity, thai), 9) + pad(f.location().empty() ? "-" : f.location(), loc_width + 2) +
             pad(f.code, code_width + 2) + message + "\n";
    }
    for (const auto& [key, n] : r.findings.suppressed()) {
      const std::string where = without_file(key);
      const auto bar = where.find('|');
      const std::string sheet = where.substr(0, bar), code = where.substr(bar + 1);
      out += thai ? "  … และ " + code + " อีก " + std::to_string(n) + " รายการในชีต " + sheet + " ที่ไม่ได้แสดง\n"
                  : "  … and " + std::to_string(n) + " more " + code + " on sheet " + sheet + " not shown\n";
    }
  }
  size_t bad = 0;
  for (const auto& r : files) bad += r.valid() ? 0 : 1;
  if (files.size() > 1)
    out += thai ? "สรุป: ตรวจ " + std::to_string(files.size()) + " ไฟล์ มีปัญหา " + std::to_string(bad) + " ไฟล์\n"
                : "Summary: " + std::to_string(files.size()) + " file(s) checked, " + std::to_string(bad) +
                      " with errors\n";
  return out;
}

int exit_code(const std::vector<FileReport>& files) {
  int code = 0;
  for (const auto& r : files) {
    if (!r.readable) return 2;
    if (r.findings.has_errors()) code = 1;
  }
  return code;
}

}  // namespace itawb::output

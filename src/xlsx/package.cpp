#include "xlsx/package.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <string_view>

#include <unicode/utf8.h>

#include "xlsx/file_errors.hpp"
#include "xlsx/xml_sax.hpp"
#include "xlsx/zip_archive.hpp"

namespace itawb::xlsx {
namespace {


int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, uint32_t cp) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, cp);
  out.append(buf, static_cast<size_t>(n));
}

// "_xHHHH_" at s[i] -> code unit, or -1.
int escape_at(const std::string& s, size_t i) {
  if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
  int v = 0;
  for (size_t k = i + 2; k < i + 6; ++k) {
    const int h = hex_value(s[k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

class RelsHandler : public SaxHandler {
 public:
  explicit RelsHandler(std::string source) : source_(std::move(source)) {}
  std::vector<Relationship> rels;

  void start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    Relationship r;
    if (const char* v = find_attr(attrs, "Id")) r.id = v;
    if (const char* v = find_attr(attrs, "Type")) r.type = v;
    const char* mode = find_attr(attrs, "TargetMode");
    r.external = mode && std::string_view(mode) == "External";
    if (const char* v = find_attr(attrs, "Target"))
      r.target = r.external ? std::string(v) : resolve_target(source_, v);
    rels.push_back(std::move(r));
  }
  void end(std::string_view) override {}

 private:
  std::string source_;
};

class ContentTypesHandler : public SaxHandler {
 public:
  bool binary = false;
  void start(std::string_view name, const char** attrs) override {
    if (name != "Override" && name != "Default") return;
    const char* type = find_attr(attrs, "ContentType");
    if (type && std::string_view(type).find("ms-excel.sheet.binary") != std::string_view::npos)
      binary = true;
  }
  void end(std::string_view) override {}
};

class WorkbookHandler : public SaxHandler {
 public:
  WorkbookPart result;
  void start(std::string_view name, const char** attrs) override {
    if (name == "workbookPr") {
      if (const char* v = find_attr(attrs, "date1904")) result.date1904 = parse_xsd_bool(v) == 1;
    } else if (name == "sheet") {
      WorkbookPart::Entry e;
      if (const char* v = find_attr(attrs, "name")) e.name = v;
      if (const char* v = find_attr(attrs, "id")) e.rel_id = v;
      if (const char* v = find_attr(attrs, "state")) {
        const std::string_view s(v);
        if (s == "hidden") e.visibility = Visibility::Hidden;
        if (s == "veryHidden") e.visibility = Visibility::VeryHidden;
      }
      result.sheets.push_back(std::move(e));
    }
  }
  void end(std::string_view) override {}
};

class SharedStringsHandler : public SaxHandler {
 public:
  SharedStringsHandler(const Limits& limits, const std::string& path, const std::string& part)
      : limits_(limits), path_(path), part_(part) {}
  std::vector<std::string> strings;

  void start(std::string_view name, const char** attrs) override {
    if (name == "t") {
      collecting_ = in_si_ && phonetic_depth_ == 0;
    } else if (name == "si") {
      in_si_ = true;
      current_.clear();
    } else if (name == "rPh") {
      ++phonetic_depth_;
    } else if (name == "sst") {
      // Reserve from the declared count only up to a modest bound: it can lie.
      if (auto n = attr_uint(find_attr(attrs, "uniqueCount")))
        strings.reserve(std::min<uint32_t>(*n, 1u << 20));
    }
  }
  void end(std::string_view name) override {
    if (name == "t") {
      collecting_ = false;
    } else if (name == "rPh") {
      --phonetic_depth_;
    } else if (name == "si") {
      in_si_ = false;
      if (strings.size() >= limits_.max_shared_strings)
        errors::too_large(path_, part_,
                          "ข้อความเกิน " + std::to_string(limits_.max_shared_strings) + " รายการ",
                          "more than " + std::to_string(limits_.max_shared_strings) + " strings");
      decode_xstring(current_);
      strings.push_back(current_);
    }
  }
  void text(const char* data, int len) override {
    if (collecting_) current_.append(data, static_cast<size_t>(len));
  }

 private:
  const Limits& limits_;
  const std::string& path_;
  const std::string& part_;
  std::string current_;
  bool in_si_ = false, collecting_ = false;
  int phonetic_depth_ = 0;
};

}  // namespace

bool type_is(const std::string& type, std::string_view last_segment) {
  const size_t slash = type.rfind('/');
  const std::string_view tail =
      slash == std::string::npos ? std::string_view(type) : std::string_view(type).substr(slash + 1);
  return tail == last_segment;
}

std::string resolve_target(const std::string& source_part, const std::string& target) {
  std::string decoded;
  for (size_t i = 0; i < target.size(); ++i) {
    if (target[i] == '%' && i + 2 < target.size() && hex_value(target[i + 1]) >= 0 &&
        hex_value(target[i + 2]) >= 0) {
      decoded += static_cast<char>(hex_value(target[i + 1]) * 16 + hex_value(target[i + 2]));
      i += 2;
    } else {
      decoded += target[i] == '\\' ? '/' : target[i];
    }
  }
  std::vector<std::string> parts;
  if (decoded.empty() || decoded.front() != '/') {
    // Relative to the folder of the source part.
    const size_t slash = source_part.rfind('/');
    std::string_view folder = slash == std::string::npos ? "" : std::string_view(source_part).substr(0, slash);
    size_t start = 0;
    while (start < folder.size()) {
      size_t next = folder.find('/', start);
      if (next == std::string_view::npos) next = folder.size();
      if (next > start) parts.emplace_back(folder.substr(start, next - start));
      start = next + 1;
    }
  }
  size_t start = 0;
  while (start <= decoded.size()) {
    size_t next = decoded.find('/', start);
    if (next == std::string::npos) next = decoded.size();
    const std::string segment = decoded.substr(start, next - start);
    if (segment == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!segment.empty() && segment != ".") {
      parts.push_back(segment);
    }
    start = next + 1;
  }
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

std::string rels_part_of(const std::string& part) {
  const size_t slash = part.rfind('/');
  if (slash == std::string::npos) return "_rels/" + part + ".rels";
  return part.substr(0, slash) + "/_rels/" + part.substr(slash + 1) + ".rels";
}

std::vector<Relationship> read_relationships(const ZipArchive& zip, const std::string& path,
                                             const std::string& part) {
  const std::string rels_part = part.empty() ? "_rels/.rels" : rels_part_of(part);
  const auto index = zip.find(rels_part);
  if (!index) return {};
  RelsHandler handler(part);
  parse_xml(zip, *index, rels_part, path, handler);
  return std::move(handler.rels);
}

bool looks_like_xlsb(const ZipArchive& zip, const std::string& path) {
  if (zip.contains("xl/workbook.bin")) return true;
  const auto index = zip.find("[Content_Types].xml");
  if (!index) return false;
  ContentTypesHandler handler;
  parse_xml(zip, *index, "[Content_Types].xml", path, handler);
  return handler.binary;
}

WorkbookPart read_workbook_part(const ZipArchive& zip, const std::string& path,
                                const std::string& part) {
  WorkbookHandler handler;
  parse_part(zip, path, part, handler);
  return std::move(handler.result);
}

std::vector<std::string> read_shared_strings(const ZipArchive& zip, const std::string& path,
                                             const std::string& part, const Limits& limits) {
  SharedStringsHandler handler(limits, path, part);
  parse_part(zip, path, part, handler);
  return std::move(handler.strings);
}


void decode_xstring(std::string& s) {
  if (s.find("_x") == std::string::npos) return;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const int unit = escape_at(s, i);
    if (unit < 0) {
      out += s[i++];
      continue;
    }
    i += 7;
    uint32_t cp = static_cast<uint32_t>(unit);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      const int low = escape_at(s, i);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<uint32_t>(low) - 0xDC00);
        i += 7;
      } else {
        cp = 0xFFFD;
      }
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    append_utf8(out, cp);
  }
  s = std::move(out);
}

}  // namespace itawb::xlsx

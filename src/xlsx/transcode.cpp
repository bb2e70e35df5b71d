#include "xlsx/transcode.hpp"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <cstring>

#include "base/charconv.hpp"
#include "xlsx/cell_ref.hpp"
#include "xlsx/file_errors.hpp"

namespace itawb::xlsx {
namespace {

void append_escaped(std::string& out, std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\r': out += "&#13;"; break;
      default:
        // A literal _xHHHH_ in the text is written as OOXML escapes it
        // (ECMA-376 ST_Xstring), so that it reads back as typed.
        if (c == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_' &&
            std::all_of(s.begin() + static_cast<long>(i) + 2, s.begin() + static_cast<long>(i) + 6,
                        [](char h) { return std::isxdigit(static_cast<unsigned char>(h)) != 0; }))
          out += "_x005F";
        out += c;
    }
  }
}

// A zip written into memory by libzip, its parts stored (the reader's ratio
// limit then never mistakes it for a bomb).
class MemoryZip {
 public:
  explicit MemoryZip(const std::string& path) : path_(path) {
    zip_error_init(&error_);
    source_ = zip_source_buffer_create(nullptr, 0, 0, &error_);
    if (!source_) fail("zip_source_buffer_create");
    zip_source_keep(source_);
    zip_ = zip_open_from_source(source_, ZIP_TRUNCATE, &error_);
    if (!zip_) fail("zip_open_from_source");
  }
  MemoryZip(const MemoryZip&) = delete;
  MemoryZip& operator=(const MemoryZip&) = delete;
  ~MemoryZip() {
    if (zip_) zip_discard(zip_);
    if (source_) zip_source_free(source_);
    zip_error_fini(&error_);
  }

  void add(const std::string& name, std::string data) {
    // libzip frees the copy it is given (freep = 1) once it is written.
    void* copy = std::malloc(std::max<size_t>(1, data.size()));
    if (!copy) fail("malloc");
    std::memcpy(copy, data.data(), data.size());
    zip_source_t* s = zip_source_buffer(zip_, copy, data.size(), 1);
    if (!s) {
      std::free(copy);
      fail("zip_source_buffer");
    }
    const zip_int64_t index = zip_file_add(zip_, name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(s);
      fail("zip_file_add");
    }
    zip_set_file_compression(zip_, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }

  std::string finish() {
    if (zip_close(zip_) < 0) fail("zip_close");
    zip_ = nullptr;
    std::string out;
    if (zip_source_open(source_) < 0) fail("zip_source_open");
    char buf[1 << 16];
    for (zip_int64_t n; (n = zip_source_read(source_, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
    zip_source_close(source_);
    return out;
  }

 private:
  [[noreturn]] void fail(const char* what) { errors::corrupt_zip(path_, std::string("ods: ") + what); }
  const std::string& path_;
  zip_error_t error_;
  zip_source_t* source_ = nullptr;
  zip_t* zip_ = nullptr;
};

std::string content_types(size_t sheets) {
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/xl/workbook.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
      "<Override PartName=\"/xl/styles.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>";
  for (size_t i = 1; i <= sheets; ++i)
    x += "<Override PartName=\"/xl/worksheets/sheet" + std::to_string(i) +
         ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
  return x + "</Types>";
}

constexpr const char* kRootRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"xl/workbook.xml\"/></Relationships>";

// General, d/m/yyyy (built-in 14), 0.00% (10), h:mm:ss (21), d/m/yyyy h:mm (22).
constexpr const char* kStyles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
    "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    "<cellXfs count=\"5\">"
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"21\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"22\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "</cellXfs></styleSheet>";

}  // namespace

std::string number_text(double v) { return shortest_double(v); }

void append_cell(std::string& x, uint32_t row, uint32_t col, char type, uint32_t xf, std::string_view value) {
  x += "<c r=\"" + ref_name(row, col) + "\"";
  if (xf) x += " s=\"" + std::to_string(xf) + "\"";
  switch (type) {
    case 's':
      x += " t=\"inlineStr\"><is><t xml:space=\"preserve\">";
      append_escaped(x, value);
      x += "</t></is></c>";
      break;
    case 'b': x += " t=\"b\"><v>" + std::string(value) + "</v></c>"; break;
    case 'e':
      x += " t=\"e\"><v>";
      append_escaped(x, value);
      x += "</v></c>";
      break;
    default: x += "><v>" + std::string(value) + "</v></c>";
  }
}

std::string transcoded_package(std::vector<TranscodedSheet>& sheets, const std::string& path) {
  MemoryZip out(path);
  out.add("[Content_Types].xml", content_types(sheets.size()));
  out.add("_rels/.rels", kRootRels);
  std::string wb =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>";
  std::string rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
      "Target=\"styles.xml\"/>";
  for (size_t i = 0; i < sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    wb += "<sheet name=\"";
    append_escaped(wb, sheets[i].name);
    wb += "\" sheetId=\"" + n + "\"" + (sheets[i].hidden ? " state=\"hidden\"" : "") + " r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
            "Target=\"worksheets/sheet" + n + ".xml\"/>";
    out.add("xl/worksheets/sheet" + n + ".xml", std::move(sheets[i].xml));
  }
  out.add("xl/workbook.xml", wb + "</sheets></workbook>");
  out.add("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
  out.add("xl/styles.xml", kStyles);
  return out.finish();
}

}  // namespace itawb::xlsx

// The OPC package around the sheets: relationships, content types,
// workbook.xml (sheets, date1904), shared strings and styles.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "xlsx/number_format.hpp"
#include "xlsx/reader.hpp"

namespace itawb::xlsx {

class ZipArchive;

struct Relationship {
  std::string id;
  std::string type;    // full URI; match with type_is()
  std::string target;  // resolved zip entry name (no leading "/")
  bool external = false;
};

// Relationship types are matched by their last segment, so transitional
// (schemas.openxmlformats.org) and strict (purl.oclc.org) URIs both match.
bool type_is(const std::string& type, std::string_view last_segment);

// "xl/workbook.xml" + "worksheets/sheet1.xml" -> "xl/worksheets/sheet1.xml";
// "/xl/x.xml" -> "xl/x.xml"; "../a" climbs; "%20" is decoded.
std::string resolve_target(const std::string& source_part, const std::string& target);

// The _rels part of a part: "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels".
std::string rels_part_of(const std::string& part);

// Relationships of `part` ("" for the package root); empty when the rels
// part is absent.
std::vector<Relationship> read_relationships(const ZipArchive& zip, const std::string& path,
                                             const std::string& part);

// True when [Content_Types].xml or the parts say this is an .xlsb.
bool looks_like_xlsb(const ZipArchive& zip, const std::string& path);

struct WorkbookPart {
  bool date1904 = false;
  struct Entry {
    std::string name, rel_id;
    Visibility visibility = Visibility::Visible;
  };
  std::vector<Entry> sheets;
};
WorkbookPart read_workbook_part(const ZipArchive& zip, const std::string& path,
                                const std::string& part);

// Shared strings, rich-text runs joined, phonetic runs skipped, _xHHHH_
// escapes decoded.
std::vector<std::string> read_shared_strings(const ZipArchive& zip, const std::string& path,
                                             const std::string& part, const Limits& limits);

struct Styles {
  std::vector<uint32_t> xf_format_id;  // cellXfs index -> numFmtId
  std::vector<FormatKind> xf_kind;     // cellXfs index -> kind, precomputed
  std::unordered_map<uint32_t, std::string> custom;  // numFmtId -> formatCode

  FormatKind kind(uint32_t style) const {
    return style < xf_kind.size() ? xf_kind[style] : FormatKind::Number;
  }
  std::string code(uint32_t style) const;
};
Styles read_styles(const ZipArchive& zip, const std::string& path, const std::string& part);
Styles default_styles();

// Decodes ST_Xstring escapes in place: "_x000D_" -> CR, "_x005F_" -> "_".
void decode_xstring(std::string& s);

}  // namespace itawb::xlsx

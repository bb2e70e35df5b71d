// The OPC package around the sheets: relationships, content types,
// workbook.xml (sheets, date1904), shared strings and styles.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "xlsx/layout.hpp"
#include "xlsx/number_format.hpp"
#include "xlsx/reader.hpp"
#include "xlsx/writer.hpp"

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

// A colour as styles.xml gives it: rgb, or a theme colour with a tint
// (resolved against the theme when a Style is made), or none.
struct ColorRef {
  uint32_t rgb = 0;    // 0xRRGGBB or kBlack; 0 = none/automatic
  int8_t theme = -1;   // clrScheme index, -1 = not a theme colour
  float tint = 0;
};

// The look of a cell format, stored compactly: cellXfs point into the
// font, fill and border lists.
struct FontRecord {
  std::string name;
  float size = 0;
  bool bold = false, italic = false, strike = false;
  uint8_t underline = 0;
  ColorRef color;
};
struct FillRecord {
  uint8_t pattern = 0;  // OOXML ST_PatternType order, 0 none, 1 solid
  ColorRef fg, bg;
};
struct BorderRecord {
  std::array<uint8_t, 4> style{};  // by Side
  std::array<ColorRef, 4> color{};
};
struct XfRecord {
  uint32_t font = 0, fill = 0, border = 0;
  Align align = Align::General;
  VAlign valign = VAlign::Bottom;  // OOXML's default
  bool wrap = false, shrink = false, locked = true;
  uint8_t indent = 0;
  int16_t rotation = 0;  // as written for libxlsxwriter: -90..90, 270 stacked
};

struct Styles {
  std::vector<uint32_t> xf_format_id;  // cellXfs index -> numFmtId
  std::vector<FormatKind> xf_kind;     // cellXfs index -> kind, precomputed
  std::unordered_map<uint32_t, std::string> custom;  // numFmtId -> formatCode
  std::vector<XfRecord> xfs;           // cellXfs index -> look
  std::vector<FontRecord> fonts;
  std::vector<FillRecord> fills;
  std::vector<BorderRecord> borders;

  FormatKind kind(uint32_t style) const {
    return style < xf_kind.size() ? xf_kind[style] : FormatKind::Number;
  }
  std::string code(uint32_t style) const;
  // The writer's Style for cellXfs index `style` (out of range: the first),
  // theme colours taken from `theme` (dk1, lt1, dk2, lt2, accent1-6, hlink,
  // folHlink as clrScheme lists them).
  Style look(uint32_t style, const std::array<uint32_t, 12>& theme) const;
};
Styles read_styles(const ZipArchive& zip, const std::string& path, const std::string& part);
Styles default_styles();

// The colour scheme of a theme part, the default Office theme where it says nothing.
std::array<uint32_t, 12> default_theme();
std::array<uint32_t, 12> read_theme(const ZipArchive& zip, const std::string& path, const std::string& part);

// The layout of one worksheet part and what its related parts hold that is not carried.
// `strings` are the shared strings (for the length of long texts).
SheetLayout read_sheet_layout(const ZipArchive& zip, const std::string& path, const SheetInfo& info,
                              const Limits& limits, const std::vector<std::string>& strings);

// Decodes ST_Xstring escapes in place: "_x000D_" -> CR, "_x005F_" -> "_".
void decode_xstring(std::string& s);

}  // namespace itawb::xlsx

// SAX parsing of one zip entry with expat, matching elements and attributes
// by local name (prefixes stripped), so that transitional, strict and
// oddly-prefixed OOXML parse alike. DOCTYPE and entity declarations are
// refused (FileError ForbiddenXml); external entities are never resolved.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace itawb::xlsx {

class ZipArchive;

// Strips a namespace prefix: "x:c" -> "c", "r:id" -> "id".
inline std::string_view local_name(const char* qname) {
  std::string_view n(qname);
  const size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

// Value of the attribute whose local name is `local`, or nullptr.
// `attrs` is expat's null-terminated name/value array.
inline const char* find_attr(const char** attrs, std::string_view local) {
  for (; attrs[0]; attrs += 2)
    if (local_name(attrs[0]) == local) return attrs[1];
  return nullptr;
}

class SaxHandler {
 public:
  virtual ~SaxHandler() = default;
  virtual void start(std::string_view name, const char** attrs) = 0;
  virtual void end(std::string_view name) = 0;
  // Character data, possibly split across several calls.
  virtual void text(const char* /*data*/, int /*len*/) {}
};

// Parses zip entry `index` (named `part` in messages) of the workbook at
// `path`. Exceptions thrown by the handler stop the parse and propagate.
void parse_xml(const ZipArchive& zip, uint64_t index, const std::string& part,
               const std::string& path, SaxHandler& handler);

// parse_xml of the entry named `part`; a FileError (missing-part) when the
// package has no such entry.
void parse_part(const ZipArchive& zip, const std::string& path, const std::string& part,
                SaxHandler& handler);

// An attribute's value as a whole number or a finite decimal; nullopt when
// absent or not wholly a number.
std::optional<uint32_t> attr_uint(const char* value);
std::optional<double> attr_double(const char* value);

// The position of an attribute's value in `names` (an OOXML enumeration),
// or `otherwise` when absent or not one of them.
uint8_t attr_index(const char* value, std::initializer_list<std::string_view> names, uint8_t otherwise = 0);

// xsd:boolean: "1"/"true" -> 1, "0"/"false" -> 0 (whitespace collapsed),
// anything else -> -1.
int parse_xsd_bool(std::string_view s);

}  // namespace itawb::xlsx

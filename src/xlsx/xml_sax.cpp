#include "xlsx/xml_sax.hpp"

#include "base/charconv.hpp"

#include <charconv>
#include <cmath>

#include <expat.h>

#include <exception>
#include <memory>

#include "xlsx/file_errors.hpp"
#include "xlsx/zip_archive.hpp"

namespace itawb::xlsx {
namespace {

struct ParseState {
  XML_Parser parser = nullptr;
  SaxHandler* handler = nullptr;
  std::exception_ptr failure;  // thrown by the handler; rethrown after XML_Parse
  bool forbidden = false;      // saw a DOCTYPE or an entity declaration
};

// C callbacks must not let C++ exceptions unwind through expat's frames.
template <typename F>
void guarded(ParseState* st, F&& f) {
  if (st->failure || st->forbidden) return;
  try {
    f();
  } catch (...) {
    st->failure = std::current_exception();
    XML_StopParser(st->parser, XML_FALSE);
  }
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* st = static_cast<ParseState*>(data);
  guarded(st, [&] { st->handler->start(local_name(name), attrs); });
}

void XMLCALL on_end(void* data, const XML_Char* name) {
  auto* st = static_cast<ParseState*>(data);
  guarded(st, [&] { st->handler->end(local_name(name)); });
}

void XMLCALL on_text(void* data, const XML_Char* s, int len) {
  auto* st = static_cast<ParseState*>(data);
  guarded(st, [&] { st->handler->text(s, len); });
}

void refuse(void* data) {
  auto* st = static_cast<ParseState*>(data);
  st->forbidden = true;
  XML_StopParser(st->parser, XML_FALSE);
}

void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  refuse(data);
}

void XMLCALL on_entity_decl(void* data, const XML_Char*, int, const XML_Char*, int,
                            const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) {
  refuse(data);
}

int XMLCALL on_external_entity(XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*,
                               const XML_Char*) {
  return XML_STATUS_ERROR;  // never fetch anything
}

}  // namespace

void parse_xml(const ZipArchive& zip, uint64_t index, const std::string& part,
               const std::string& path, SaxHandler& handler) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser(
      XML_ParserCreate("UTF-8"), &XML_ParserFree);
  if (!parser) throw std::bad_alloc();
  ParseState st;
  st.parser = parser.get();
  st.handler = &handler;
  XML_SetUserData(st.parser, &st);
  XML_SetElementHandler(st.parser, on_start, on_end);
  XML_SetCharacterDataHandler(st.parser, on_text);
  XML_SetStartDoctypeDeclHandler(st.parser, on_doctype);
  XML_SetEntityDeclHandler(st.parser, on_entity_decl);
  XML_SetExternalEntityRefHandler(st.parser, on_external_entity);
  XML_SetParamEntityParsing(st.parser, XML_PARAM_ENTITY_PARSING_NEVER);

  auto check = [&](XML_Status status) {
    if (st.failure) std::rethrow_exception(st.failure);
    if (st.forbidden) errors::forbidden_xml(path, part);
    if (status == XML_STATUS_ERROR)
      errors::malformed_xml(path, part, static_cast<long>(XML_GetCurrentLineNumber(st.parser)),
                            XML_ErrorString(XML_GetErrorCode(st.parser)));
  };
  zip.stream(index, [&](const char* data, size_t n) {
    check(XML_Parse(st.parser, data, static_cast<int>(n), XML_FALSE));
  });
  check(XML_Parse(st.parser, nullptr, 0, XML_TRUE));
}

std::optional<uint32_t> attr_uint(const char* s) {
  if (!s) return std::nullopt;
  std::string_view v(s);
  uint32_t n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
  return n;
}

std::optional<double> attr_double(const char* s) {
  if (!s) return std::nullopt;
  std::string_view v(s);
  double d = 0;
  const auto [end, ec] = parse_double(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

uint8_t attr_index(const char* v, std::initializer_list<std::string_view> names, uint8_t otherwise) {
  if (!v) return otherwise;
  uint8_t i = 0;
  for (const auto n : names) {
    if (n == v) return i;
    ++i;
  }
  return otherwise;
}

int parse_xsd_bool(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  if (s == "1" || s == "true") return 1;
  if (s == "0" || s == "false") return 0;
  return -1;
}

void parse_part(const ZipArchive& zip, const std::string& path, const std::string& part,
                SaxHandler& handler) {
  const auto index = zip.find(part);
  if (!index) errors::missing_part(path, part);
  parse_xml(zip, *index, part, path, handler);
}

}  // namespace itawb::xlsx

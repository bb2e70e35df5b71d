#include "xlsx/sniff.hpp"
#include "base/files.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <string_view>

#include "xlsx/file_errors.hpp"

namespace itawb::xlsx {
namespace {

constexpr std::array<unsigned char, 8> kCfbMagic{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

// A stream name as it appears in a CFB directory entry (UTF-16LE).
std::string utf16le(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

struct CfbStreams {
  bool encrypted = false;  // "EncryptionInfo" / "EncryptedPackage"
  bool workbook = false;   // "Workbook" (BIFF8) / "Book" (BIFF5)
};

// The directory names looked for, UTF-16LE: two of an encrypted package,
// two of a BIFF workbook.
const std::array<std::string, 4>& cfb_names() {
  static const std::array<std::string, 4> names{utf16le("EncryptionInfo"), utf16le("EncryptedPackage"),
                                                utf16le("Workbook"), utf16le("Book")};
  return names;
}

void scan_chunk(std::string_view buffer, CfbStreams& found) {
  const auto& names = cfb_names();
  if (buffer.find(names[0]) != std::string::npos || buffer.find(names[1]) != std::string::npos)
    found.encrypted = true;
  if (buffer.find(names[2]) != std::string::npos || buffer.find(names[3]) != std::string::npos)
    found.workbook = true;
}

// Scans the whole file in chunks (bounded memory) for directory names.
CfbStreams scan_cfb(std::ifstream& in) {
  constexpr size_t kChunk = 1 << 20, kOverlap = 64;
  std::string buffer;
  CfbStreams found;
  in.clear();
  in.seekg(0);
  std::string chunk(kChunk, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(kChunk));
    const auto got = static_cast<size_t>(in.gcount());
    if (got == 0) break;
    buffer.append(chunk.data(), got);
    scan_chunk(buffer, found);
    if (found.encrypted) break;
    if (buffer.size() > kOverlap) buffer.erase(0, buffer.size() - kOverlap);
  }
  return found;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// A short hint about what a non-zip file looks like.
void refuse_other(const std::string& path, std::string_view head) {
  std::string_view h = head;
  if (starts_with(h, "\xEF\xBB\xBF")) h.remove_prefix(3);
  while (!h.empty() && (h.front() == ' ' || h.front() == '\n' || h.front() == '\r' || h.front() == '\t'))
    h.remove_prefix(1);
  if (starts_with(h, "%PDF")) errors::not_zip(path, " แต่เป็นไฟล์ PDF", "; it is a PDF file");
  if (starts_with(h, "<")) {
    errors::not_zip(path, " แต่เป็นไฟล์ HTML/XML (เช่น XML Spreadsheet 2003 หรือหน้าเว็บ)",
                    "; it is an HTML or XML file (such as XML Spreadsheet 2003 or a web page)");
  }
  if (starts_with(h, "{\\rtf")) errors::not_zip(path, " แต่เป็นไฟล์ RTF", "; it is an RTF file");
  const bool text = std::all_of(head.begin(), head.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 || c == '\n' || c == '\r' || c == '\t';
  });
  if (text)
    errors::not_zip(path, " แต่เป็นไฟล์ข้อความ (เช่น CSV)", "; it is a text file (such as CSV)");
  errors::not_zip(path, "", "");
}

// What the first bytes say; `scan` reads the CFB directory when they are OLE2.
template <typename Scan>
void check_head(const std::string& path, std::string_view head, Scan scan) {
  if (head.empty()) errors::empty(path);
  if (starts_with(head, "PK\x03\x04") || starts_with(head, "PK\x05\x06") ||
      starts_with(head, "PK\x07\x08"))
    return;
  if (is_compound_file(head)) {
    const CfbStreams streams = scan();
    if (streams.encrypted) errors::encrypted(path);
    if (streams.workbook) errors::legacy_xls(path);
    errors::other_office_file(path);
  }
  if (starts_with(head, "PK")) errors::corrupt_zip(path, "bad zip header");
  refuse_other(path, head);
}

}  // namespace

bool is_compound_file(std::string_view head) {
  return head.size() >= kCfbMagic.size() && std::memcmp(head.data(), kCfbMagic.data(), kCfbMagic.size()) == 0;
}

void sniff_or_throw(const std::string& path) {
  std::ifstream in(utf8_path(path), std::ios::binary);
  if (!in) errors::not_found(path);
  std::string head(512, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  check_head(path, head, [&] { return scan_cfb(in); });
}

void sniff_bytes_or_throw(const std::string& name, std::string_view bytes) {
  check_head(name, bytes.substr(0, 512), [&] {
    CfbStreams found;
    scan_chunk(bytes, found);
    return found;
  });
}

}  // namespace itawb::xlsx

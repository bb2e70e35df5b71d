// check_parts_whole (writer.hpp): a written package's XML parts each end
// with their root element closed. Apart from the writer: it reads the
// package back, through the reader's zip.
#include <cstdint>
#include <string>
#include <string_view>

#include "base/error.hpp"
#include "base/files.hpp"
#include "xlsx/reader.hpp"
#include "xlsx/writer.hpp"
#include "xlsx/zip_archive.hpp"

namespace itawb::xlsx {

namespace {

// The name of the first element of an XML text ("" when there is none).
std::string_view root_name(std::string_view xml) {
  for (size_t at = xml.find('<'); at != std::string_view::npos; at = xml.find('<', at + 1)) {
    const char next = at + 1 < xml.size() ? xml[at + 1] : '\0';
    if (next == '?' || next == '!') continue;  // the declaration, a comment
    const size_t end = xml.find_first_of(" \t\r\n/>", at + 1);
    return end == std::string_view::npos ? std::string_view() : xml.substr(at + 1, end - at - 1);
  }
  return {};
}

// Whether `xml` ends with its root element closed.
bool whole(std::string_view xml) {
  while (!xml.empty() && std::string_view(" \t\r\n").find(xml.back()) != std::string_view::npos) xml.remove_suffix(1);
  const std::string_view root = root_name(xml);
  if (root.empty()) return false;
  const std::string closing = "</" + std::string(root) + ">";
  if (xml.size() >= closing.size() && xml.substr(xml.size() - closing.size()) == closing) return true;
  // An empty root: <root .../> and nothing after it.
  return xml.size() >= 2 && xml.substr(xml.size() - 2) == "/>" && xml.find('<', xml.find(root) + root.size()) == std::string_view::npos;
}

}  // namespace

void check_parts_whole(const std::filesystem::path& file, const std::string& shown) {
  // Our own file: no limit a hostile input needs.
  Limits ours = Limits::large();
  ours.max_entry_bytes = ours.max_total_bytes = ours.max_ratio = UINT64_MAX;
  const ZipArchive zip(utf8_string(file), ours);
  for (uint64_t i = 0; i < zip.entry_count(); ++i) {
    const std::string name = zip.name(i);
    const bool xml = name.size() > 4 && (name.compare(name.size() - 4, 4, ".xml") == 0 ||
                                         (name.size() > 5 && name.compare(name.size() - 5, 5, ".rels") == 0));
    if (!xml || whole(zip.read_all(i))) continue;
    throw Error("write-failed",
                "เขียนไฟล์ไม่ครบ: ส่วน " + name + " ของไฟล์ถูกตัดขาด (พื้นที่ดิสก์อาจเต็ม) ไฟล์นี้เปิดไม่ได้",
                "the file was not written whole: its part " + name + " is cut short (is the disk full?)", shown);
  }
}

}  // namespace itawb::xlsx

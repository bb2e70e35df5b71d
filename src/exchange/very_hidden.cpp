#include "exchange/very_hidden.hpp"

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <memory>

#include "base/error.hpp"

namespace itawb::exchange {
namespace {

// The file was just written by us, so any failure here is a write failure:
// code "write-failed", the file as the location, libzip's reason in English.
[[noreturn]] void fail(const std::filesystem::path& file, const std::string& why) {
  throw Error("write-failed", "ปรับแผ่นงานที่ซ่อนในไฟล์ไม่ได้ (" + why + ")",
              "cannot update the hidden sheet in the file (" + why + ")", file.string());
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

std::string read_entry(const std::filesystem::path& file, zip_t* z, zip_uint64_t index) {
  zip_stat_t st;
  if (zip_stat_index(z, index, 0, &st) != 0) fail(file, "zip_stat_index");
  zip_file_t* f = zip_fopen_index(z, index, 0);
  if (!f) fail(file, "zip_fopen_index");
  std::string data(st.size, '\0');
  const zip_int64_t n = zip_fread(f, data.data(), st.size);
  zip_fclose(f);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) fail(file, "zip_fread");
  return data;
}

// Changes state="hidden" to state="veryHidden" in the <sheet> element naming
// the sheet; false when there is nothing to change.
bool rewrite_state(std::string& xml, const std::string& sheet_name) {
  const size_t name_at = xml.find("name=\"" + sheet_name + "\"");
  if (name_at == std::string::npos) return false;
  const size_t start = xml.rfind("<sheet ", name_at);
  const size_t end = xml.find("/>", name_at);
  if (start == std::string::npos || end == std::string::npos) return false;
  const std::string hidden = "state=\"hidden\"";
  const size_t state_at = xml.find(hidden, start);
  if (state_at == std::string::npos || state_at > end) return false;
  xml.replace(state_at, hidden.size(), "state=\"veryHidden\"");
  return true;
}

}  // namespace

void make_sheet_very_hidden(const std::filesystem::path& xlsx_file, const std::string& sheet_name) {
  int error = 0;
  std::unique_ptr<zip_t, ZipCloser> z(zip_open(xlsx_file.c_str(), 0, &error));
  if (!z) fail(xlsx_file, "zip_open: " + std::to_string(error));
  const zip_int64_t index = zip_name_locate(z.get(), "xl/workbook.xml", 0);
  if (index < 0) fail(xlsx_file, "no xl/workbook.xml");
  std::string xml = read_entry(xlsx_file, z.get(), static_cast<zip_uint64_t>(index));
  if (!rewrite_state(xml, sheet_name)) return;
  void* copy = std::malloc(xml.size());
  if (!copy) throw std::bad_alloc();
  std::memcpy(copy, xml.data(), xml.size());
  zip_source_t* source = zip_source_buffer(z.get(), copy, xml.size(), 1);  // libzip frees `copy`
  if (!source) {
    std::free(copy);
    fail(xlsx_file, "zip_source_buffer");
  }
  if (zip_file_replace(z.get(), static_cast<zip_uint64_t>(index), source, 0) != 0) {
    zip_source_free(source);
    fail(xlsx_file, "zip_file_replace");
  }
  zip_t* raw = z.release();
  if (zip_close(raw) != 0) {
    const std::string why = zip_strerror(raw);
    zip_discard(raw);
    fail(xlsx_file, "zip_close: " + why);
  }
}

}  // namespace itawb::exchange

#include "xlsx/xls.hpp"

#include <charconv>
#include <memory>
#include <string_view>
#include <vector>

#include "xlsx/file_errors.hpp"
#include "xlsx/transcode.hpp"

#ifdef ITAWB_WITH_FREEXL
#include <freexl.h>
#endif
#if defined(ITAWB_WITH_FREEXL) && defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#elif defined(ITAWB_WITH_FREEXL)
#include <filesystem>
#include <fstream>
#include <random>
#endif

namespace itawb::xlsx {

#ifdef ITAWB_WITH_FREEXL
namespace {

// FreeXL's text of a date ("2024-10-01"), a date and time
// ("2024-10-01 08:30:00") or a time ("08:30:00") as an Excel serial.
std::optional<double> serial_of(std::string_view s, int type) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  auto num = [&](size_t at, size_t n, int& out) {
    return at + n <= s.size() && std::from_chars(s.data() + at, s.data() + at + n, out).ptr == s.data() + at + n;
  };
  double serial = 0;
  size_t t = 0;
  if (type != FREEXL_CELL_TIME) {
    if (!num(0, 4, y) || !num(5, 2, mo) || !num(8, 2, d)) return std::nullopt;
    serial = datetime_to_serial(y, mo, d);
    t = 11;
  }
  if (type != FREEXL_CELL_DATE) {
    if (!num(t, 2, h) || !num(t + 3, 2, mi) || !num(t + 6, 2, sec)) return std::nullopt;
    serial += (h * 3600 + mi * 60 + sec) / 86400.0;
  }
  return serial;
}

struct Handle {
  const void* h = nullptr;
  ~Handle() {
    if (h) freexl_close(h);
  }
};

}  // namespace

bool xls_supported() { return true; }

bool xls_reads_formulas() {
#ifdef FREEXL_CELL_BOOLEAN
  return true;
#else
  return false;
#endif
}

std::string xls_to_xlsx(const std::string& path, const std::string& os_path, const Limits& limits) {
  Handle xls;
  const int opened = freexl_open(os_path.c_str(), &xls.h);
  unsigned int info = 0;
  if (opened == FREEXL_OK && freexl_get_info(xls.h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
      info == FREEXL_BIFF_OBFUSCATED)
    errors::encrypted(path);
  if (opened != FREEXL_OK) errors::corrupt_xls(path, opened);
  unsigned int count = 0;
  if (freexl_get_info(xls.h, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK) errors::corrupt_xls(path, -1);
  std::vector<TranscodedSheet> sheets;
  for (unsigned short i = 0; i < count; ++i) {
    TranscodedSheet sheet;
    const char* name = nullptr;
    if (freexl_get_worksheet_name(xls.h, i, &name) != FREEXL_OK || !name) errors::corrupt_xls(path, -2);
    sheet.name = name;
    if (freexl_select_active_worksheet(xls.h, i) != FREEXL_OK) errors::corrupt_xls(path, -3);
    unsigned int rows = 0;
    unsigned short cols = 0;
    if (freexl_worksheet_dimensions(xls.h, &rows, &cols) != FREEXL_OK) errors::corrupt_xls(path, -4);
    std::string& x = sheet.xml;
    x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    uint64_t cells = 0;
    std::string row_xml;
    for (unsigned int r = 0; r < rows; ++r) {
      row_xml.clear();
      for (unsigned short c = 0; c < cols; ++c) {
        FreeXL_CellValue v;
        if (freexl_get_cell_value(xls.h, r, c, &v) != FREEXL_OK) continue;
        switch (v.type) {
          case FREEXL_CELL_INT: append_cell(row_xml, r, c, 'n', kGeneral, std::to_string(v.value.int_value)); break;
#ifdef FREEXL_CELL_BOOLEAN  // itawb's patch (scripts/patches/freexl-formula-values.patch)
          case FREEXL_CELL_BOOLEAN: append_cell(row_xml, r, c, 'b', kGeneral, v.value.int_value ? "1" : "0"); break;
          case FREEXL_CELL_ERROR:
            if (v.value.text_value) append_cell(row_xml, r, c, 'e', kGeneral, v.value.text_value);
            break;
#endif
          case FREEXL_CELL_DOUBLE: append_cell(row_xml, r, c, 'n', kGeneral, number_text(v.value.double_value)); break;
          case FREEXL_CELL_TEXT:
          case FREEXL_CELL_SST_TEXT:
            if (v.value.text_value && *v.value.text_value) append_cell(row_xml, r, c, 's', kGeneral, v.value.text_value);
            break;
          case FREEXL_CELL_DATE:
          case FREEXL_CELL_DATETIME:
          case FREEXL_CELL_TIME:
            if (!v.value.text_value) break;
            if (const auto serial = serial_of(v.value.text_value, v.type))
              append_cell(row_xml, r, c, 'n',
                          v.type == FREEXL_CELL_DATE ? kDate : v.type == FREEXL_CELL_TIME ? kTime : kDateTime,
                          number_text(*serial));
            else
              append_cell(row_xml, r, c, 's', kGeneral, v.value.text_value);
            break;
          default: continue;  // FREEXL_CELL_NULL
        }
        if (++cells > limits.max_cells_per_sheet)
          errors::too_large(path, sheet.name,
                            "ชีตมีเซลล์ที่มีข้อมูลเกิน " + std::to_string(limits.max_cells_per_sheet) + " เซลล์",
                            "the sheet has more than " + std::to_string(limits.max_cells_per_sheet) + " non-empty cells");
      }
      if (!row_xml.empty()) x += "<row r=\"" + std::to_string(r + 1) + "\">" + row_xml + "</row>";
    }
    x += "</sheetData></worksheet>";
    sheets.push_back(std::move(sheet));
  }
  if (sheets.empty()) errors::corrupt_xls(path, -5);
  return transcoded_package(sheets, path);
}

#ifdef __linux__
std::string xls_bytes_to_xlsx(const std::string& bytes, const std::string& name, const Limits& limits) {
  // An anonymous file in memory, open while FreeXL reads it by its /proc name.
  const int fd = memfd_create("itawb-xls", MFD_CLOEXEC);
  if (fd < 0) errors::legacy_xls(name);
  struct Closer {
    int fd;
    ~Closer() { close(fd); }
  } closer{fd};
  for (size_t done = 0; done < bytes.size();) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) errors::legacy_xls(name);
    done += static_cast<size_t>(n);
  }
  return xls_to_xlsx(name, "/proc/self/fd/" + std::to_string(fd), limits);
}
#else
std::string xls_bytes_to_xlsx(const std::string& bytes, const std::string& name, const Limits& limits) {
  // No memfd: a temporary file of a random name, removed once read; under
  // emscripten it is in MEMFS (memory), on Windows in %TEMP%.
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir = fs::temp_directory_path(ec);
  if (ec) errors::legacy_xls(name);
  std::random_device random;
  const fs::path file = dir / ("itawb-" + std::to_string(random()) + "-" + std::to_string(random()) + ".xls");
  struct Remover {
    fs::path file;
    ~Remover() {
      std::error_code ignored;
      fs::remove(file, ignored);
    }
  } remover{file};
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) errors::legacy_xls(name);
  }
  const auto u8 = file.u8string();
  const std::string utf8(u8.begin(), u8.end());
  return xls_to_xlsx(name, utf8, limits);
}
#endif

#else

bool xls_supported() { return false; }

bool xls_reads_formulas() { return false; }

std::string xls_bytes_to_xlsx(const std::string&, const std::string& name, const Limits&) { errors::legacy_xls(name); }

std::string xls_to_xlsx(const std::string& path, const std::string&, const Limits&) { errors::legacy_xls(path); }

#endif

}  // namespace itawb::xlsx

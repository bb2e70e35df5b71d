#include "xlsx/sheet_states.hpp"
#include "base/files.hpp"

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "base/error.hpp"

namespace itawb::xlsx {
namespace {

// The file was just written by us, so any failure here is a write failure:
// code "write-failed", the file as the location, libzip's reason in English.
[[noreturn]] void fail(const std::filesystem::path& file, const std::string& why) {
  throw Error("write-failed", "ปรับสถานะแผ่นงานในไฟล์ไม่ได้ (" + why + ")",
              "cannot update the sheets' states in the file (" + why + ")", file.string());
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

// The value of attribute `name` in the element text `tag`, entities decoded
// (a sheet name may hold & < > ' "); nullopt when absent.
std::optional<std::string> attribute(const std::string& tag, const std::string& name) {
  const std::string key = " " + name + "=\"";
  const size_t at = tag.find(key);
  if (at == std::string::npos) return std::nullopt;
  const size_t start = at + key.size();
  const size_t end = tag.find('"', start);
  if (end == std::string::npos) return std::nullopt;
  std::string v = tag.substr(start, end - start), out;
  static const std::pair<const char*, char> entities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  for (size_t i = 0; i < v.size();) {
    bool decoded = false;
    for (const auto& [entity, c] : entities)
      if (v.compare(i, std::strlen(entity), entity) == 0) {
        out.push_back(c);
        i += std::strlen(entity);
        decoded = true;
        break;
      }
    if (!decoded) out.push_back(v[i++]);
  }
  return out;
}

// `tag` with attribute `name` set to `value` (added before the end when absent).
std::string with_attribute(std::string tag, const std::string& name, const std::string& value) {
  const std::string key = " " + name + "=\"";
  const size_t at = tag.find(key);
  if (at != std::string::npos) {
    const size_t start = at + key.size();
    const size_t end = tag.find('"', start);
    return tag.replace(start, end - start, value);
  }
  const size_t close = tag.rfind('/') == tag.size() - 2 ? tag.size() - 2 : tag.size() - 1;
  return tag.insert(close, key + value + "\"");
}

std::string without_attribute(std::string tag, const std::string& name) {
  const std::string key = " " + name + "=\"";
  const size_t at = tag.find(key);
  if (at == std::string::npos) return tag;
  const size_t end = tag.find('"', at + key.size());
  return tag.erase(at, end + 1 - at);
}

void replace_entry(const std::filesystem::path& file, zip_t* z, zip_uint64_t index, const std::string& xml) {
  void* copy = std::malloc(xml.size());
  if (!copy) throw std::bad_alloc();
  std::memcpy(copy, xml.data(), xml.size());
  zip_source_t* source = zip_source_buffer(z, copy, xml.size(), 1);  // libzip frees `copy`
  if (!source) {
    std::free(copy);
    fail(file, "zip_source_buffer");
  }
  if (zip_file_replace(z, index, source, 0) != 0) {
    zip_source_free(source);
    fail(file, "zip_file_replace");
  }
}

}  // namespace

size_t set_sheet_states(const std::filesystem::path& xlsx_file,
                        const std::function<std::optional<Visibility>(const std::string& name)>& state) {
  int error = 0;
  std::unique_ptr<zip_t, ZipCloser> z(zip_open(utf8_string(xlsx_file).c_str(), 0, &error));
  if (!z) fail(xlsx_file, "zip_open: " + std::to_string(error));
  const zip_int64_t index = zip_name_locate(z.get(), "xl/workbook.xml", 0);
  if (index < 0) fail(xlsx_file, "no xl/workbook.xml");
  const std::string xml = read_entry(xlsx_file, z.get(), static_cast<zip_uint64_t>(index));

  std::string out;
  size_t changed = 0, sheet_index = 0;
  std::vector<bool> visible;
  size_t pos = 0;
  for (;;) {
    const size_t start = xml.find("<sheet ", pos);
    if (start == std::string::npos) break;
    const size_t end = xml.find('>', start);
    if (end == std::string::npos) break;
    std::string tag = xml.substr(start, end + 1 - start);
    out += xml.substr(pos, start - pos);
    const std::optional<std::string> name = attribute(tag, "name");
    std::optional<Visibility> wanted = name ? state(*name) : std::nullopt;
    if (wanted) {
      const std::string before = tag;
      tag = *wanted == Visibility::Visible ? without_attribute(tag, "state") : with_attribute(tag, "state", to_string(*wanted));
      if (tag != before) ++changed;
    }
    const std::optional<std::string> now = attribute(tag, "state");
    visible.push_back(!now || *now == "visible");
    out += tag;
    pos = end + 1;
    ++sheet_index;
  }
  out += xml.substr(pos);
  if (changed == 0) return 0;

  // The workbook opens on (and Calc prints from) a visible sheet.
  const size_t view = out.find("<workbookView");
  if (view != std::string::npos) {
    const size_t end = out.find('>', view);
    std::string tag = out.substr(view, end + 1 - view);
    const std::optional<std::string> active = attribute(tag, "activeTab");
    size_t tab = 0;
    if (active) tab = static_cast<size_t>(std::strtoul(active->c_str(), nullptr, 10));
    if (tab >= visible.size() || !visible[tab]) {
      size_t first = 0;
      while (first < visible.size() && !visible[first]) ++first;
      if (first < visible.size()) {
        tag = with_attribute(without_attribute(tag, "firstSheet"), "activeTab", std::to_string(first));
        out.replace(view, end + 1 - view, tag);
      }
    }
  }
  replace_entry(xlsx_file, z.get(), static_cast<zip_uint64_t>(index), out);
  zip_t* raw = z.release();
  if (zip_close(raw) != 0) {
    const std::string why = zip_strerror(raw);
    zip_discard(raw);
    fail(xlsx_file, "zip_close: " + why);
  }
  return changed;
}

void make_sheet_very_hidden(const std::filesystem::path& xlsx_file, const std::string& sheet_name) {
  // Only a sheet already hidden becomes veryHidden.
  bool hidden = false;
  {
    const Workbook wb = Workbook::open(xlsx_file.string());  // closed before the file is rewritten
    for (const auto& s : wb.sheets()) hidden = hidden || (s.name == sheet_name && s.visibility == Visibility::Hidden);
  }
  if (!hidden) return;
  set_sheet_states(xlsx_file, [&](const std::string& name) -> std::optional<Visibility> {
    if (name == sheet_name) return Visibility::VeryHidden;
    return std::nullopt;
  });
}

}  // namespace itawb::xlsx

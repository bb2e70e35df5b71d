// WorkbookWriter: the package libxlsxwriter writes (its sheets and their
// unique names, the cache of formats the sheets' styles become, the document
// properties and closing the file), xlsx/writer.hpp. A sheet's cells:
// xlsx/writer.cpp.
#include "xlsx/writer.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <set>
#include <system_error>

#include <unicode/unistr.h>

#include "base/error.hpp"
#include "base/files.hpp"
#include "text/width.hpp"
#include "xlsx/writer_check.hpp"

namespace itawb::xlsx {
namespace {

// Align and VAlign are numbered in libxlsxwriter's order.
uint8_t lxw_align(Align a) { return static_cast<uint8_t>(LXW_ALIGN_NONE + static_cast<uint8_t>(a)); }
uint8_t lxw_valign(VAlign a) { return static_cast<uint8_t>(LXW_ALIGN_VERTICAL_TOP + static_cast<uint8_t>(a)); }

}  // namespace

// ---- WorkbookWriter ----------------------------------------------------------

WorkbookWriter::WorkbookWriter(const std::filesystem::path& file, const WriterOptions& options)
    : file_(file),
      title_(options.title),
      subject_(options.subject),
      author_(options.author),
      company_(options.company),
      comments_(options.comments),
      tmpdir_(options.tmpdir) {
  lxw_workbook_options opts{};
  if (!tmpdir_.empty()) opts.tmpdir = tmpdir_.data();
  opts.constant_memory = options.streaming ? LXW_TRUE : LXW_FALSE;
  opts.use_zip64 = LXW_FALSE;
#ifdef LXW_HAS_DEFLATE_LEVEL
  opts.deflate_level = static_cast<uint8_t>(std::clamp(options.deflate_level, 0, 9));
#endif
  wb_ = workbook_new_opt(utf8_string(file).c_str(), &opts);
  if (!wb_) throw Error("write-failed", "สร้างไฟล์ไม่ได้: " + file.string(), "cannot create workbook " + file.string(), file.string());
}

WorkbookWriter::~WorkbookWriter() {
  if (!closed_ && wb_) {
    // Never leave a half-written file behind: close, then remove.
    workbook_close(wb_);
    std::error_code ec;
    std::filesystem::remove(file_, ec);
  }
}

std::string sheet_name_key(std::string_view name) {
  // Excel compares sheet names without regard to case (libxlsxwriter only
  // in ASCII): Unicode case folding, so "Extra", "EXTRA" and "CAFÉ"/"café" clash.
  std::string key;
  icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())))
      .foldCase()
      .toUTF8String(key);
  return key;
}

std::string unique_sheet_name(std::string_view wanted, const std::vector<std::string>& taken) {
  std::string base;
  for (char c : text::sanitize_for_xlsx(wanted)) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
    if (c == '\r' || c == '\n' || c == '\t') c = ' ';
    base.push_back(c);
  }
  // Excel refuses a name that starts or ends with an apostrophe.
  while (!base.empty() && base.front() == '\'') base.erase(base.begin());
  while (!base.empty() && base.back() == '\'') base.pop_back();
  if (base.empty()) base = "Sheet";
  // 31 characters (code points), cut on a code point boundary; a cut may
  // leave an apostrophe at the end again.
  auto cut = [](const std::string& s, size_t max_chars) {
    std::string out = text::cut_utf8(s, max_chars);
    while (!out.empty() && out.back() == '\'') out.pop_back();
    return out;
  };
  std::string name = cut(base, 31);
  std::set<std::string> keys;
  for (const auto& t : taken) keys.insert(sheet_name_key(t));
  for (int i = 2; keys.count(sheet_name_key(name)); ++i) {
    const std::string suffix = " (" + std::to_string(i) + ")";
    name = cut(base, 31 - suffix.size()) + suffix;
  }
  return name;
}

std::string WorkbookWriter::valid_sheet_name(std::string_view wanted) const {
  std::vector<std::string> taken;
  for (const auto& s : sheets_) taken.push_back(s->name());
  return unique_sheet_name(wanted, taken);
}

SheetWriter& WorkbookWriter::add_sheet(std::string_view wanted) {
  const std::string name = valid_sheet_name(wanted);
  lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
  if (!ws) throw Error("write-failed", "เพิ่มแผ่นงาน '" + name + "' ไม่ได้", "cannot add worksheet '" + name + "'");
  sheets_.push_back(std::unique_ptr<SheetWriter>(new SheetWriter(this, ws, name)));
  return *sheets_.back();
}

SheetWriter* WorkbookWriter::sheet(std::string_view name) {
  for (auto& s : sheets_)
    if (s->name() == name) return s.get();
  return nullptr;
}

lxw_format* WorkbookWriter::format(const Style& style) {
  if (auto it = formats_.find(style); it != formats_.end()) return it->second;
  lxw_format* f = workbook_add_format(wb_);
  format_set_font_name(f, style.font.c_str());
  format_set_font_size(f, style.size);
  if (style.bold) format_set_bold(f);
  if (style.italic) format_set_italic(f);
  if (style.underline) format_set_underline(f, style.underline);
  if (style.strike) format_set_font_strikeout(f);
  if (style.color) format_set_font_color(f, style.color);
  if (style.fill || style.pattern > LXW_PATTERN_SOLID) {
    format_set_pattern(f, style.pattern ? style.pattern : uint8_t{LXW_PATTERN_SOLID});
    if (style.fill) format_set_bg_color(f, style.fill);
    if (style.pattern > LXW_PATTERN_SOLID && style.pattern_color) format_set_fg_color(f, style.pattern_color);
  }
  if (style.border) format_set_border(f, LXW_BORDER_THIN);
  using SideSetter = void (*)(lxw_format*, uint8_t);
  using ColorSetter = void (*)(lxw_format*, lxw_color_t);
  constexpr SideSetter sides[] = {format_set_left, format_set_right, format_set_top, format_set_bottom};
  constexpr ColorSetter colors[] = {format_set_left_color, format_set_right_color, format_set_top_color,
                                    format_set_bottom_color};
  for (size_t i = 0; i < style.edges.size(); ++i) {
    if (!style.edges[i].style) continue;
    sides[i](f, style.edges[i].style);
    if (style.edges[i].color) colors[i](f, style.edges[i].color);
  }
  if (style.wrap) format_set_text_wrap(f);
  if (style.shrink) format_set_shrink(f);
  if (style.align != Align::General) format_set_align(f, lxw_align(style.align));
  format_set_align(f, lxw_valign(style.valign));
  if (style.indent) format_set_indent(f, style.indent);
  if (style.rotation) format_set_rotation(f, style.rotation);
  if (!style.locked) format_set_unlocked(f);
  if (!style.num_format.empty()) format_set_num_format(f, style.num_format.c_str());
  formats_.emplace(style, f);
  return f;
}

void WorkbookWriter::define_name(const std::string& name, const std::string& formula) {
  check(workbook_define_name(wb_, name.c_str(), formula.c_str()), "define_name");
}

void WorkbookWriter::custom_property(const std::string& name, const std::string& value) {
  check(workbook_set_custom_property_string(wb_, name.c_str(), value.c_str()),
        "custom_property");
}

bool writes_parts_in_memory() {
#if defined(LXW_HAS_DEFLATE_LEVEL) && defined(__GLIBC__)
  return true;
#else
  return false;
#endif
}

void WorkbookWriter::close() {
  // Thread safety: workbooks may be written by several threads at once (one
  // each). libxlsxwriter 1.1.4 formats docProps/core.xml's creation time with
  // gmtime(), whose static buffer two threads closing in the same instant
  // share (ThreadSanitizer reports it): the worst is a creation time a second
  // off. Nothing else it does is shared between workbooks.
  lxw_doc_properties props{};
  // libxlsxwriter takes char* but copies the strings.
  auto c_str = [](std::string& s) { return s.empty() ? nullptr : s.data(); };
  props.title = c_str(title_);
  props.subject = c_str(subject_);
  props.author = c_str(author_);
  props.company = c_str(company_);
  props.comments = c_str(comments_);
  workbook_set_properties(wb_, &props);
  closed_ = true;
  errno = 0;
  const lxw_error err = workbook_close(wb_);
  const int system_error = errno;  // what the failed write met, if the system said
  wb_ = nullptr;
  if (err == LXW_NO_ERROR) {
#if !(defined(LXW_HAS_DEFLATE_LEVEL) && defined(__GLIBC__))
    // The parts went through temporary files whose writes nobody checked.
    check_parts_whole(file_, utf8_string(file_));
#endif
    return;
  }
  // A full disk, a quota or a read-only disk (codes only a failed write
  // leaves): said in the user's words, naming the output (libxlsxwriter's
  // own text names zip internals).
  switch (system_error) {
    case ENOSPC:
    case EFBIG:
#ifdef EDQUOT
    case EDQUOT:
#endif
    case EROFS:
    case EIO:
      throw file_system_error(file_, std::error_code(system_error, std::generic_category()));
    default:
      break;
  }
  throw Error("write-failed", std::string("เขียนไฟล์ไม่ได้: ") + lxw_strerror(err), std::string("cannot write the file: ") + lxw_strerror(err), file_.string());
}

}  // namespace itawb::xlsx

#include "xlsx/reader.hpp"

#include <algorithm>
#include <array>
#include <filesystem>

#include "base/files.hpp"
#include "text/thai.hpp"
#include "xlsx/file_error.hpp"
#include "xlsx/file_errors.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/ods.hpp"
#include "xlsx/xls.hpp"
#include "xlsx/package.hpp"
#include "xlsx/sheet_parser.hpp"
#include "xlsx/sniff.hpp"
#include "xlsx/zip_archive.hpp"

namespace itawb::xlsx {

struct Workbook::Impl {
  std::string path;
  std::string format = "xlsx";  // what the file was: "xlsx" or "ods"
  Limits limits;
  ZipArchive zip;
  std::vector<SheetInfo> sheets;
  bool date1904 = false;
  std::vector<std::string> strings;
  Styles styles;
  std::string theme_part;
  mutable std::optional<std::array<uint32_t, 12>> theme;  // read on the first cell_style()
  // Each sheet's layout, parsed on its first read_layout(): analyze asks
  // twice for a carried sheet (what will not be carried, then the copy).
  mutable std::map<size_t, SheetLayout> layouts;

  Impl(std::string p, const Limits& l) : path(std::move(p)), limits(l), zip(path, limits) {}
  Impl(std::string bytes, std::string name, const Limits& l)
      : path(std::move(name)), limits(l), zip(std::move(bytes), path, limits) {}

  void parse_sheet(size_t index, const SheetParser::CellSink& on_cell,
                   const SheetParser::MergeSink& on_merge) const;
};

namespace {

// The main workbook part named by the package's officeDocument relationship.
std::string find_workbook_part(const ZipArchive& zip, const std::string& path) {
  for (const auto& rel : read_relationships(zip, path, ""))
    if (!rel.external && type_is(rel.type, "officeDocument") && zip.contains(rel.target))
      return rel.target;
  // Some writers omit or mangle _rels/.rels; Excel still finds the workbook.
  if (zip.contains("xl/workbook.xml")) return "xl/workbook.xml";
  errors::missing_part(path, "xl/workbook.xml");
}

SheetKind kind_of(const Relationship& rel) {
  if (type_is(rel.type, "chartsheet")) return SheetKind::Chart;
  if (type_is(rel.type, "dialogsheet")) return SheetKind::Dialog;
  if (type_is(rel.type, "xlMacrosheet") || type_is(rel.type, "xlIntlMacrosheet"))
    return SheetKind::Macro;
  return SheetKind::Worksheet;
}

}  // namespace

Workbook Workbook::open(const std::string& path, const Limits& limits) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) errors::not_found(path);
  try {
    sniff_or_throw(path);
  } catch (const FileError& e) {
    // An .xls is read through FreeXL where this build has it (xlsx/xls.hpp).
    if (e.problem() != FileProblem::LegacyXls || !xls_supported()) throw;
#ifdef _WIN32
    const std::string& os_path = path;  // UTF-8: see xls_to_xlsx
#else
    const std::string os_path = utf8_path(path).string();
#endif
    auto impl = std::make_unique<Impl>(xls_to_xlsx(path, os_path, limits), path, limits);
    impl->format = "xls";
    return load(std::move(impl));
  }
  return load(std::make_unique<Impl>(path, limits));
}

Workbook Workbook::open_bytes(std::string bytes, const std::string& name, const Limits& limits) {
  try {
    sniff_bytes_or_throw(name, bytes);
  } catch (const FileError& e) {
    if (e.problem() != FileProblem::LegacyXls || !xls_supported()) throw;
    auto impl = std::make_unique<Impl>(xls_bytes_to_xlsx(bytes, name, limits), name, limits);
    impl->format = "xls";
    return load(std::move(impl));
  }
  return load(std::make_unique<Impl>(std::move(bytes), name, limits));
}

// The package's workbook part, relationships, shared strings and styles.
Workbook Workbook::load(std::unique_ptr<Impl> impl) {
  // An OpenDocument spreadsheet is read as the .xlsx package of its cells.
  switch (odf_kind(impl->zip)) {
    case OdfKind::Spreadsheet: {
      const std::string name = impl->path;
      const Limits limits = impl->limits;
      impl = std::make_unique<Impl>(ods_to_xlsx(impl->zip, name, limits), name, limits);
      impl->format = "ods";
      break;
    }
    case OdfKind::Other: errors::other_odf(impl->path);
    case OdfKind::NotOdf: break;
  }
  const std::string& path = impl->path;
  const Limits& limits = impl->limits;
  const ZipArchive& zip = impl->zip;

  if (looks_like_xlsb(zip, path)) errors::xlsb(path);
  const std::string workbook_part = find_workbook_part(zip, path);
  if (workbook_part.size() > 4 && workbook_part.substr(workbook_part.size() - 4) == ".bin")
    errors::xlsb(path);
  const WorkbookPart wb = read_workbook_part(zip, path, workbook_part);
  impl->date1904 = wb.date1904;

  const auto rels = read_relationships(zip, path, workbook_part);
  for (const auto& rel : rels) {
    if (rel.external) continue;
    if (type_is(rel.type, "sharedStrings") && impl->strings.empty() && zip.contains(rel.target))
      impl->strings = read_shared_strings(zip, path, rel.target, limits);
    else if (type_is(rel.type, "styles") && impl->styles.xf_kind.empty() && zip.contains(rel.target))
      impl->styles = read_styles(zip, path, rel.target);
    else if (type_is(rel.type, "theme") && impl->theme_part.empty() && zip.contains(rel.target))
      impl->theme_part = rel.target;
  }
  if (impl->styles.xf_kind.empty()) impl->styles = default_styles();

  for (const auto& entry : wb.sheets) {
    const auto rel = std::find_if(rels.begin(), rels.end(),
                                  [&](const Relationship& r) { return r.id == entry.rel_id; });
    if (rel == rels.end() || rel->external || !zip.contains(rel->target))
      errors::missing_part(path, rel == rels.end() ? "sheet '" + entry.name + "'" : rel->target);
    impl->sheets.push_back(SheetInfo{entry.name, entry.visibility, rel->target, kind_of(*rel)});
  }
  return Workbook(std::move(impl));
}

Workbook::Workbook(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Workbook::Workbook(Workbook&&) noexcept = default;
Workbook& Workbook::operator=(Workbook&&) noexcept = default;
Workbook::~Workbook() = default;

const std::string& Workbook::path() const { return impl_->path; }
const std::string& Workbook::format() const { return impl_->format; }
const std::vector<SheetInfo>& Workbook::sheets() const { return impl_->sheets; }
bool Workbook::date1904() const { return impl_->date1904; }

std::optional<size_t> Workbook::find_sheet(std::string_view name) const {
  const std::string key = text::label_key(name);
  for (size_t i = 0; i < impl_->sheets.size(); ++i)
    if (text::label_key(impl_->sheets[i].name) == key) return i;
  return std::nullopt;
}

namespace {

}  // namespace

void Workbook::Impl::parse_sheet(size_t index, const SheetParser::CellSink& on_cell,
                                 const SheetParser::MergeSink& on_merge) const {
  const SheetInfo& info = sheets.at(index);
  const SheetContext ctx{path, info.name, strings, styles, date1904, limits};
  SheetParser parser(ctx, on_cell, on_merge);
  const auto entry = zip.find(info.part);
  if (!entry) errors::missing_part(path, info.part);
  parse_xml(zip, *entry, info.part, path, parser);
}

namespace {

bool before(const Cell& a, const Cell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; }

}  // namespace

void Workbook::for_each_cell(size_t index, const std::function<void(const Cell&)>& on_cell) const {
  impl_->parse_sheet(index, on_cell, {});
}

Sheet Workbook::read_sheet(size_t index) const {
  Sheet sheet;
  sheet.info = impl_->sheets.at(index);
  impl_->parse_sheet(
      index, [&](const Cell& c) { sheet.cells.push_back(c); },
      [&](const Range& r) { sheet.merged.push_back(r); });
  // Writers may emit rows or cells out of order, or twice: sort, last wins.
  if (!std::is_sorted(sheet.cells.begin(), sheet.cells.end(), before)) {
    std::stable_sort(sheet.cells.begin(), sheet.cells.end(), before);
    std::vector<Cell> unique;
    unique.reserve(sheet.cells.size());
    for (auto& c : sheet.cells) {
      if (!unique.empty() && unique.back().row == c.row && unique.back().col == c.col)
        unique.back() = std::move(c);
      else
        unique.push_back(std::move(c));
    }
    sheet.cells = std::move(unique);
  }
  return sheet;
}

std::string Workbook::number_format(uint32_t style) const { return impl_->styles.code(style); }

const SheetLayout& Workbook::read_layout(size_t index) const {
  const SheetInfo& info = impl_->sheets.at(index);
  if (const auto it = impl_->layouts.find(index); it != impl_->layouts.end()) return it->second;
  SheetLayout layout;
  if (info.kind == SheetKind::Chart)
    layout.count(Extra::ChartSheet);
  else
    layout = read_sheet_layout(impl_->zip, impl_->path, info, impl_->limits, impl_->strings);
  return impl_->layouts.emplace(index, std::move(layout)).first->second;
}

Style Workbook::cell_style(uint32_t style) const {
  if (!impl_->theme) {
    impl_->theme = default_theme();
    // The theme only colours; a broken one leaves the default colours.
    if (!impl_->theme_part.empty()) try {
        impl_->theme = read_theme(impl_->zip, impl_->path, impl_->theme_part);
      } catch (const FileError&) {
      }
  }
  return impl_->styles.look(style, *impl_->theme);
}

bool Workbook::has_macros() const {
  return impl_->zip.contains("xl/vbaProject.bin") || impl_->zip.contains("xl/vbaProjectSignature.bin");
}

const Cell* Sheet::at(uint32_t row, uint32_t col) const {
  Cell probe;
  probe.row = row;
  probe.col = col;
  const auto it = std::lower_bound(cells.begin(), cells.end(), probe, before);
  if (it == cells.end() || it->row != row || it->col != col) return nullptr;
  return &*it;
}

const char* to_string(CellType t) {
  switch (t) {
    case CellType::Number: return "n";
    case CellType::String: return "s";
    case CellType::Boolean: return "b";
    case CellType::Error: return "e";
    case CellType::Date: return "d";
  }
  return "s";
}

const char* to_string(Visibility v) {
  switch (v) {
    case Visibility::Visible: return "visible";
    case Visibility::Hidden: return "hidden";
    case Visibility::VeryHidden: return "veryHidden";
  }
  return "visible";
}

const char* to_string(SheetKind k) {
  switch (k) {
    case SheetKind::Worksheet: return "worksheet";
    case SheetKind::Chart: return "chartsheet";
    case SheetKind::Dialog: return "dialogsheet";
    case SheetKind::Macro: return "macrosheet";
  }
  return "worksheet";
}

}  // namespace itawb::xlsx

// styles.xml and the theme: number formats, fonts, fills, borders and
// alignment of each cell style (xf), resolved to a Style with the theme's
// colours (package.hpp declares them). Split from package.cpp, which reads
// the package's other parts.
#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>

#include "xlsx/file_errors.hpp"
#include "xlsx/package.hpp"
#include "xlsx/xml_sax.hpp"
#include "xlsx/zip_archive.hpp"

namespace itawb::xlsx {
namespace {

constexpr size_t kMaxStyles = 1'000'000;  // Excel itself stops at 64,000 cellXfs

// Excel's 64-colour palette for indexed colours (64/65: system colours).
constexpr uint32_t kIndexed[64] = {
    0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF, 0x00FFFF,
    0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF, 0x00FFFF,
    0x800000, 0x008000, 0x000080, 0x808000, 0x800080, 0x008080, 0xC0C0C0, 0x808080,
    0x9999FF, 0x993366, 0xFFFFCC, 0xCCFFFF, 0x660066, 0xFF8080, 0x0066CC, 0xCCCCFF,
    0x000080, 0xFF00FF, 0xFFFF00, 0x00FFFF, 0x800080, 0x800000, 0x008080, 0x0000FF,
    0x00CCFF, 0xCCFFFF, 0xCCFFCC, 0xFFFF99, 0x99CCFF, 0xFF99CC, 0xCC99FF, 0xFFCC99,
    0x3366FF, 0x33CCCC, 0x99CC00, 0xFFCC00, 0xFF9900, 0xFF6600, 0x666699, 0x969696,
    0x003366, 0x339966, 0x003300, 0x333300, 0x993300, 0x993366, 0x333399, 0x333333,
};

uint32_t explicit_black(uint32_t rgb) { return rgb == 0 ? kBlack : rgb; }

// "FFRRGGBB" or "RRGGBB" -> 0xRRGGBB; nullopt on garbage.
std::optional<uint32_t> parse_rgb(const char* v) {
  if (!v) return std::nullopt;
  std::string_view s(v);
  if (s.size() == 8) s.remove_prefix(2);
  if (s.size() != 6) return std::nullopt;
  uint32_t rgb = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), rgb, 16);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return rgb;
}

ColorRef parse_color(const char** attrs) {
  ColorRef c;
  if (const auto rgb = parse_rgb(find_attr(attrs, "rgb"))) {
    c.rgb = explicit_black(*rgb);
  } else if (const auto theme = attr_uint(find_attr(attrs, "theme")); theme && *theme < 12) {
    c.theme = static_cast<int8_t>(*theme);
  } else if (const auto indexed = attr_uint(find_attr(attrs, "indexed")); indexed && *indexed < 64) {
    c.rgb = explicit_black(kIndexed[*indexed]);
  }
  if (const auto tint = attr_double(find_attr(attrs, "tint")); tint && *tint >= -1 && *tint <= 1)
    c.tint = static_cast<float>(*tint);
  return c;
}

// An xsd:boolean attribute that means "on" when present without a value
// (<b/>, <i/>) and off for val="0"/"false".
bool flag(const char** attrs) {
  const char* v = find_attr(attrs, "val");
  return !v || parse_xsd_bool(v) != 0;
}

// textRotation: 0-90 up, 91-180 down (90 - x), 255 stacked.
int16_t rotation_of(const char* v) {
  const auto r = attr_uint(v);
  if (!r || *r == 0) return 0;
  if (*r <= 90) return static_cast<int16_t>(*r);
  if (*r <= 180) return static_cast<int16_t>(90 - static_cast<int>(*r));
  return *r == 255 ? 270 : 0;
}

class StylesHandler : public SaxHandler {
 public:
  StylesHandler(const std::string& path, const std::string& part) : path_(path), part_(part) {}
  Styles styles;

  void start(std::string_view name, const char** attrs) override {
    if (name == "numFmt") {
      const auto id = attr_uint(find_attr(attrs, "numFmtId"));
      const char* code = find_attr(attrs, "formatCode");
      if (id && code) styles.custom[*id] = code;
    } else if (const List l = list_of(name); l != List::None) {
      list_ = l;  // dxfs have fonts, fills and borders too: those are not these lists
    } else if (list_ == List::Xfs) {
      start_xf(name, attrs);
    } else if (list_ == List::Fonts) {
      start_font(name, attrs);
    } else if (list_ == List::Fills) {
      start_fill(name, attrs);
    } else if (list_ == List::Borders) {
      start_border(name, attrs);
    }
  }
  void end(std::string_view name) override {
    if (list_of(name) != List::None) list_ = List::None;
    if (name == "left" || name == "right" || name == "top" || name == "bottom" || name == "start" ||
        name == "end" || name == "diagonal")
      side_ = -1;
  }

 private:
  template <typename T>
  void add(std::vector<T>& list, const char* what_th, const char* what_en) {
    if (list.size() >= kMaxStyles)
      errors::too_large(path_, part_, std::string(what_th) + "เกิน 1000000 รายการ",
                        std::string("more than 1000000 ") + what_en);
    list.emplace_back();
  }

  void start_xf(std::string_view name, const char** attrs) {
    if (name == "xf") {
      add(styles.xfs, "รูปแบบเซลล์", "cell formats");
      styles.xf_format_id.push_back(attr_uint(find_attr(attrs, "numFmtId")).value_or(0));
      XfRecord& xf = styles.xfs.back();
      xf.font = attr_uint(find_attr(attrs, "fontId")).value_or(0);
      xf.fill = attr_uint(find_attr(attrs, "fillId")).value_or(0);
      xf.border = attr_uint(find_attr(attrs, "borderId")).value_or(0);
    } else if (styles.xfs.empty()) {
      return;
    } else if (name == "alignment") {
      XfRecord& xf = styles.xfs.back();
      xf.align = static_cast<Align>(attr_index(find_attr(attrs, "horizontal"),
                                             {"general", "left", "center", "right", "fill", "justify",
                                              "centerContinuous", "distributed"}));
      xf.valign = static_cast<VAlign>(
          attr_index(find_attr(attrs, "vertical"), {"top", "bottom", "center", "justify", "distributed"}, 1));
      if (const char* v = find_attr(attrs, "wrapText")) xf.wrap = parse_xsd_bool(v) == 1;
      if (const char* v = find_attr(attrs, "shrinkToFit")) xf.shrink = parse_xsd_bool(v) == 1;
      xf.indent = static_cast<uint8_t>(std::min<uint32_t>(attr_uint(find_attr(attrs, "indent")).value_or(0), 15));
      xf.rotation = rotation_of(find_attr(attrs, "textRotation"));
    } else if (name == "protection") {
      if (const char* v = find_attr(attrs, "locked")) styles.xfs.back().locked = parse_xsd_bool(v) != 0;
    }
  }

  void start_font(std::string_view name, const char** attrs) {
    if (name == "font") return add(styles.fonts, "แบบอักษร", "fonts");
    if (styles.fonts.empty()) return;
    FontRecord& f = styles.fonts.back();
    if (name == "name") {
      if (const char* v = find_attr(attrs, "val")) f.name = std::string(v).substr(0, 64);
    } else if (name == "sz") {
      if (const auto pt = attr_double(find_attr(attrs, "val")); pt && *pt >= 1 && *pt <= 409)
        f.size = static_cast<float>(*pt);
    } else if (name == "b") {
      f.bold = flag(attrs);
    } else if (name == "i") {
      f.italic = flag(attrs);
    } else if (name == "strike") {
      f.strike = flag(attrs);
    } else if (name == "u") {
      const char* v = find_attr(attrs, "val");
      f.underline = v ? attr_index(v, {"none", "single", "double", "singleAccounting", "doubleAccounting"}) : 1;
    } else if (name == "color") {
      f.color = parse_color(attrs);
    }
  }

  void start_fill(std::string_view name, const char** attrs) {
    if (name == "fill") return add(styles.fills, "การเติมสี", "fills");
    if (styles.fills.empty()) return;
    FillRecord& f = styles.fills.back();
    if (name == "patternFill") {
      // A patternFill without patternType but with colours is solid in Excel's eyes only
      // in dxfs; in cell fills it means none.
      f.pattern = attr_index(find_attr(attrs, "patternType"),
                             {"none", "solid", "mediumGray", "darkGray", "lightGray", "darkHorizontal",
                              "darkVertical", "darkDown", "darkUp", "darkGrid", "darkTrellis",
                              "lightHorizontal", "lightVertical", "lightDown", "lightUp", "lightGrid",
                              "lightTrellis", "gray125", "gray0625"});
    } else if (name == "fgColor") {
      f.fg = parse_color(attrs);
    } else if (name == "bgColor") {
      f.bg = parse_color(attrs);
    }
  }

  void start_border(std::string_view name, const char** attrs) {
    if (name == "border") return add(styles.borders, "เส้นขอบ", "borders");
    if (styles.borders.empty()) return;
    BorderRecord& b = styles.borders.back();
    int side = -1;
    if (name == "left" || name == "start") side = kLeft;
    else if (name == "right" || name == "end") side = kRight;
    else if (name == "top") side = kTop;
    else if (name == "bottom") side = kBottom;
    if (side >= 0) {
      side_ = side;
      b.style[static_cast<size_t>(side)] = attr_index(find_attr(attrs, "style"), {
    "none", "thin", "medium", "dashed", "dotted", "thick", "double", "hair",
    "mediumDashed", "dashDot", "mediumDashDot", "dashDotDot", "mediumDashDotDot", "slantDashDot"});
    } else if (name == "color" && side_ >= 0) {
      b.color[static_cast<size_t>(side_)] = parse_color(attrs);
    }
  }

  enum class List { None, Xfs, Fonts, Fills, Borders };
  static List list_of(std::string_view name) {
    if (name == "cellXfs") return List::Xfs;
    if (name == "fonts") return List::Fonts;
    if (name == "fills") return List::Fills;
    if (name == "borders") return List::Borders;
    return List::None;
  }

  const std::string& path_;
  const std::string& part_;
  List list_ = List::None;
  int side_ = -1;
};

class ThemeHandler : public SaxHandler {
 public:
  std::array<uint32_t, 12> colors = default_theme();
  void start(std::string_view name, const char** attrs) override {
    if (name == "clrScheme") {
      in_scheme_ = schemes_++ == 0;
      return;
    }
    if (!in_scheme_) return;
    constexpr std::string_view slots[] = {"dk1", "lt1", "dk2", "lt2", "accent1", "accent2",
                                          "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"};
    for (size_t i = 0; i < 12; ++i)
      if (name == slots[i]) slot_ = static_cast<int>(i);
    if (slot_ < 0) return;
    const char* v = name == "srgbClr" ? find_attr(attrs, "val") : name == "sysClr" ? find_attr(attrs, "lastClr") : nullptr;
    if (const auto rgb = parse_rgb(v)) colors[static_cast<size_t>(slot_)] = *rgb;
  }
  void end(std::string_view name) override {
    if (name == "clrScheme") in_scheme_ = false;
    else if (name.size() >= 3 && slot_ >= 0 && (name.substr(0, 2) == "dk" || name.substr(0, 2) == "lt" ||
                                                 name.substr(0, 6) == "accent" || name == "hlink" || name == "folHlink"))
      slot_ = -1;
  }

 private:
  bool in_scheme_ = false;
  int schemes_ = 0;
  int slot_ = -1;
};

// Excel's tint: lightness moved towards white (tint > 0) or black (< 0).
uint32_t tinted(uint32_t rgb, double tint) {
  if (tint == 0) return rgb;
  double c[3] = {((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0};
  const double mx = std::max({c[0], c[1], c[2]}), mn = std::min({c[0], c[1], c[2]});
  double h = 0, s = 0, l = (mx + mn) / 2;
  if (mx != mn) {
    const double d = mx - mn;
    s = l > 0.5 ? d / (2 - mx - mn) : d / (mx + mn);
    if (mx == c[0]) h = (c[1] - c[2]) / d + (c[1] < c[2] ? 6 : 0);
    else if (mx == c[1]) h = (c[2] - c[0]) / d + 2;
    else h = (c[0] - c[1]) / d + 4;
    h /= 6;
  }
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  auto hue = [](double p, double q, double t) {
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    if (t < 1.0 / 6) return p + (q - p) * 6 * t;
    if (t < 0.5) return q;
    if (t < 2.0 / 3) return p + (q - p) * (2.0 / 3 - t) * 6;
    return p;
  };
  double r = l, g = l, b = l;
  if (s != 0) {
    const double q = l < 0.5 ? l * (1 + s) : l + s - l * s, p = 2 * l - q;
    r = hue(p, q, h + 1.0 / 3);
    g = hue(p, q, h);
    b = hue(p, q, h - 1.0 / 3);
  }
  auto byte = [](double v) { return static_cast<uint32_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  return (byte(r) << 16) | (byte(g) << 8) | byte(b);
}

uint32_t resolve(const ColorRef& c, const std::array<uint32_t, 12>& theme) {
  if (c.theme < 0) return c.rgb == kBlack || c.tint == 0 || c.rgb == 0 ? c.rgb : tinted(c.rgb, c.tint);
  // Styles number the first four the other way round: 0 is lt1, 1 dk1, 2 lt2, 3 dk2.
  constexpr size_t swap[4] = {1, 0, 3, 2};
  const size_t i = c.theme < 4 ? swap[static_cast<size_t>(c.theme)] : static_cast<size_t>(c.theme);
  return explicit_black(tinted(theme[i], c.tint));
}

}  // namespace

std::string Styles::code(uint32_t style) const {
  const uint32_t id = style < xf_format_id.size() ? xf_format_id[style] : 0;
  if (const auto it = custom.find(id); it != custom.end()) return it->second;
  const std::string_view builtin = builtin_format_code(id);
  return builtin.empty() ? "General" : std::string(builtin);
}

Styles read_styles(const ZipArchive& zip, const std::string& path, const std::string& part) {
  StylesHandler handler(path, part);
  parse_part(zip, path, part, handler);
  Styles styles = std::move(handler.styles);
  styles.xf_kind.reserve(styles.xf_format_id.size());
  for (const uint32_t id : styles.xf_format_id) {
    const auto it = styles.custom.find(id);
    styles.xf_kind.push_back(it != styles.custom.end() ? classify_format(it->second)
                                                       : builtin_format_kind(id));
  }
  return styles;
}

Styles default_styles() {
  Styles styles;
  styles.xf_format_id = {0};
  styles.xf_kind = {FormatKind::Number};
  styles.xfs = {XfRecord{}};
  return styles;
}

Style Styles::look(uint32_t style, const std::array<uint32_t, 12>& theme) const {
  Style s;
  if (xfs.empty()) return s;
  const XfRecord& xf = xfs[style < xfs.size() ? style : 0];
  if (xf.font < fonts.size()) {
    const FontRecord& f = fonts[xf.font];
    if (!f.name.empty()) s.font = f.name;
    s.size = f.size > 0 ? f.size : 11;
    s.bold = f.bold;
    s.italic = f.italic;
    s.strike = f.strike;
    s.underline = f.underline;
    s.color = resolve(f.color, theme);
  }
  if (xf.fill < fills.size()) {
    const FillRecord& f = fills[xf.fill];
    if (f.pattern == 1) {
      s.fill = resolve(f.fg, theme);
    } else if (f.pattern > 1) {
      s.pattern = f.pattern;
      s.fill = resolve(f.bg, theme);
      s.pattern_color = resolve(f.fg, theme);
    }
  }
  if (xf.border < borders.size())
    for (size_t i = 0; i < 4; ++i)
      s.edges[i] = {borders[xf.border].style[i], resolve(borders[xf.border].color[i], theme)};
  s.align = xf.align;
  s.valign = xf.valign;
  s.wrap = xf.wrap;
  s.shrink = xf.shrink;
  s.locked = xf.locked;
  s.indent = xf.indent;
  s.rotation = xf.rotation;
  s.num_format = code(style);
  if (s.num_format == "General" || s.num_format == "general") s.num_format.clear();
  return s;
}

std::array<uint32_t, 12> default_theme() {
  // Office 2013-2022: dk1, lt1, dk2, lt2, accent1-6, hlink, folHlink.
  return {0x000000, 0xFFFFFF, 0x44546A, 0xE7E6E6, 0x4472C4, 0xED7D31,
          0xA5A5A5, 0xFFC000, 0x5B9BD5, 0x70AD47, 0x0563C1, 0x954F72};
}

std::array<uint32_t, 12> read_theme(const ZipArchive& zip, const std::string& path, const std::string& part) {
  ThemeHandler handler;
  parse_part(zip, path, part, handler);
  return handler.colors;
}

}  // namespace itawb::xlsx

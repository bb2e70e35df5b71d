// SAX handler for one worksheet part: turns <row>/<c> elements into Cells
// (one reused Cell object, no per-cell allocation once warm) and
// <mergeCell> elements into Ranges. <dimension> is ignored on purpose.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "xlsx/package.hpp"
#include "xlsx/reader.hpp"
#include "xlsx/xml_sax.hpp"

namespace itawb::xlsx {

struct SheetContext {
  const std::string& path;        // for FileError
  const std::string& sheet_name;  // for FileError
  const std::vector<std::string>& strings;
  const Styles& styles;
  bool date1904 = false;
  const Limits& limits;
};

class SheetParser : public SaxHandler {
 public:
  using CellSink = std::function<void(const Cell&)>;
  using MergeSink = std::function<void(const Range&)>;
  SheetParser(const SheetContext& ctx, const CellSink& on_cell, const MergeSink& on_merge);

  void start(std::string_view name, const char** attrs) override;
  void end(std::string_view name) override;
  void text(const char* data, int len) override;

 private:
  void start_row(const char** attrs);
  void start_cell(const char** attrs);
  void finish_cell();
  void add_merge(const char* ref);
  bool set_number(std::string_view text);  // false when not a number
  [[noreturn]] void bad_ref(const char* ref) const;

  const SheetContext& ctx_;
  const CellSink& on_cell_;
  const MergeSink& on_merge_;

  Cell cell_;
  char type_ = 'n';           // n s b e d (str = 'S', inlineStr = 'i')
  bool have_v_ = false, have_is_ = false, in_cell_ = false, in_is_ = false;
  int phonetic_depth_ = 0;
  std::string* collecting_ = nullptr;  // buffer receiving character data
  std::string value_, inline_;

  int64_t row_ = -1;       // current zero-based row (-1 before the first)
  int64_t last_col_ = -1;  // column of the previous cell in this row
  uint64_t cells_ = 0;
};

}  // namespace itawb::xlsx

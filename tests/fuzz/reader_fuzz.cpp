// The reader from bytes in memory: open, every sheet's cells as displayed,
// number formats, styles and layout. No temporary file per input.
#include "common.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/reader.hpp"
#include "xlsx/writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (itawb::fuzz::is_xls(data, size)) return 0;  // FreeXL's: fuzz_xls
  using namespace itawb;
  ITAWB_FUZZ_REFUSALS_OK({
    const xlsx::Workbook wb = xlsx::Workbook::open_bytes(fuzz::bytes(data, size), "fuzz.xlsx", fuzz::limits());
    for (size_t i = 0; i < wb.sheets().size(); ++i) {
      // read_sheet is for_each_cell's parse keeping the cells (and merges):
      // one parse of each sheet's XML, not two.
      ITAWB_FUZZ_REFUSALS_OK({
        const xlsx::Sheet sheet = wb.read_sheet(i);
        size_t shown = 0;
        for (const xlsx::Cell& c : sheet.cells) {
          shown += c.display().size() + c.ref().size();
          if (c.style) shown += wb.number_format(c.style).size();
        }
        (void)shown;
      })
      ITAWB_FUZZ_REFUSALS_OK({ (void)wb.read_layout(i); })
    }
    (void)wb.cell_style(0);
    (void)wb.has_macros();
  })
  return 0;
}

// The .xls reader from bytes: FreeXL (with scripts/patches/freexl-*.patch)
// turning an Excel 97-2003 file into the workbook model, then every sheet's
// cells. Only compound files are tried; the other targets skip them.
#include "common.hpp"
#include "xlsx/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace itawb;
  if (!fuzz::is_xls(data, size)) return 0;
  ITAWB_FUZZ_REFUSALS_OK({
    const xlsx::Workbook wb = xlsx::Workbook::open_bytes(fuzz::bytes(data, size), "fuzz.xls", fuzz::limits());
    for (size_t i = 0; i < wb.sheets().size(); ++i) {
      ITAWB_FUZZ_REFUSALS_OK({
        size_t shown = 0;
        for (const xlsx::Cell& c : wb.read_sheet(i).cells) shown += c.display().size();
        (void)shown;
      })
    }
  })
  return 0;
}

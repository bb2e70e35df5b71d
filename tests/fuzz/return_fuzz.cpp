// merge's untrusted input: a department's returned copy (exchange::read_return:
// the `_itawb` identity sheet, its checksum, the progress rows), from bytes.
#include "common.hpp"
#include "exchange/exchange.hpp"
#include "xlsx/reader.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)itawb::fuzz::resources();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (itawb::fuzz::is_xls(data, size)) return 0;  // FreeXL's: fuzz_xls
  using namespace itawb;
  static const schema::SheetSchema* progress = fuzz::resources().schemas.sheet("progress");
  ITAWB_FUZZ_REFUSALS_OK({
    const xlsx::Workbook wb = xlsx::Workbook::open_bytes(fuzz::bytes(data, size), "return.xlsx", fuzz::limits());
    const exchange::ReturnedWorkbook r = exchange::read_return(wb, *progress, "return.xlsx");
    if (r.identity) {
      (void)exchange::intact(*r.identity);
      for (const auto& row : r.rows) (void)r.identity->hash_of(row.measure_id);
    }
  })
  return 0;
}

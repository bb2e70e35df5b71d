// validate + analyse (app::check_workbook: read, validate, score, plan) of an
// agency workbook from bytes; the resources are loaded once.
#include "app/check.hpp"
#include "common.hpp"
#include "xlsx/reader.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)itawb::fuzz::resources();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (itawb::fuzz::is_xls(data, size)) return 0;  // FreeXL's: fuzz_xls
  using namespace itawb;
  ITAWB_FUZZ_REFUSALS_OK({
    const xlsx::Workbook wb = xlsx::Workbook::open_bytes(fuzz::bytes(data, size), "fuzz.xlsx", fuzz::limits());
    app::CheckOptions options;
    options.file_label = "fuzz.xlsx";
    options.as_of = calendar::Date{2025, 3, 31};
    const app::Checked checked = app::check_workbook(fuzz::resources(), wb, options);
    (void)checked.exit_code();
  })
  return 0;
}

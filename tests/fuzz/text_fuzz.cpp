// The text parsers of what people type: timeframes (plan/timeframe), owners
// (plan/owners), Thai numbers, codes and ordinals (text/), dates (calendar/).
// The first byte picks the parser so that one corpus serves all.
#include "base/files.hpp"
#include "calendar/calendar.hpp"
#include "common.hpp"
#include "plan/owners.hpp"
#include "plan/timeframe.hpp"
#include "text/fold.hpp"
#include "text/thai.hpp"

namespace {

// Only the department table, not all the resources: the less code linked,
// the fewer coverage counters libFuzzer clears and scans on every input.
const itawb::plan::OwnerResolver& owners() {
  static const itawb::plan::OwnerResolver resolver(itawb::plan::DepartmentTable::from_json(
      itawb::read_file(ITAWB_SOURCE_DIR "/schemas/departments.json").value(),
      itawb::read_file(ITAWB_SOURCE_DIR "/schemas/departments.meta.json").value()));
  return resolver;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)owners();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace itawb;
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  ITAWB_FUZZ_REFUSALS_OK({
    switch (data[0] % 6) {
      case 0: {
        const auto t = plan::parse_timeframe(text, 2568);
        (void)plan::format_quarters(t.quarters);
        break;
      }
      case 1: {
        const auto parsed = owners().parse(text);
        (void)owners().agency_departments({parsed});
        (void)owners().canonical(text);
        break;
      }
      case 2: {
        (void)text::parse_number(text);
        (void)text::arabic_digits(text);
        (void)text::thai_digits(text);
        (void)text::squeeze(text);
        break;
      }
      case 3: {
        if (const auto d = calendar::parse_date(text)) {
          (void)calendar::format_thai_date(*d);
          (void)calendar::fiscal_quarter(*d);
        }
        break;
      }
      case 4: {
        (void)text::codes_in(text);
        (void)text::leading_code(text);
        (void)text::leading_ordinal(text, true);
        break;
      }
      default: {
        (void)text::fold(text);
        (void)text::label_key(text);
        (void)text::normalize_code(text);
        (void)text::compact_key(text);
        break;
      }
    }
  })
  return 0;
}

#include "output/palette.hpp"

namespace itawb::output {

uint32_t category_fill(ita::Category c) {
  switch (c) {
    case ita::Category::Urgent: return kUrgentFill;
    case ita::Category::Develop: return kDevelopFill;
    case ita::Category::Maintain: return kMaintainFill;
  }
  return 0;
}

}  // namespace itawb::output

// The one rule for a published level (ita::same_level): spellings of the
// computed level are the same level, another level is not.
#include <catch2/catch.hpp>

#include "ita/scoring.hpp"

using namespace itawb;

TEST_CASE("a published level is the computed one whatever its spelling", "[scoring][level]") {
  ita::Scores s;
  s.level = "ผ่านดี";
  s.level_en = "Good pass";
  for (const char* same : {"ผ่านดี", "ระดับผ่านดี", " ระดับ ผ่านดี ", "“ผ่านดี”", "ผ่าน ดี", "Good pass", "GOOD PASS",
                           "level good pass"}) {
    INFO(same);
    CHECK(ita::same_level(same, s) == true);
  }
  for (const char* other : {"ผ่าน", "ผ่านดีเยี่ยม", "ระดับผ่านดีเยี่ยม", "Pass", "ต้องปรับปรุง"}) {
    INFO(other);
    CHECK(ita::same_level(other, s) == false);
  }
  CHECK_FALSE(ita::same_level("  ", s).has_value());  // nothing published
  s.level.clear();
  CHECK_FALSE(ita::same_level("ผ่านดี", s).has_value());  // nothing computed
}

// The text keys side by side: text::fold is the one canonical folding, and
// every other key is fold plus one step (see text/fold.hpp). Each row is one
// input; each column what a key makes of it.
#include <catch2/catch.hpp>

#include <string>

#include "plan/plan.hpp"
#include "schema/schema.hpp"
#include "text/fold.hpp"
#include "text/thai.hpp"

namespace {

struct Row {
  const char* what;
  std::string input;
  std::string fold, label_key, match_key, normalize_code, compact_key, measure_key;
};

}  // namespace

TEST_CASE("the text keys on the same inputs", "[text]") {
  using namespace itawb;
  const std::string nbsp = "\u00A0", sara_am_decomposed = "\u0E4D\u0E32";
  // clang-format off
  const Row rows[] = {
      // what                 input                      fold                 label_key            match_key          normalize_code   compact_key        measure_key
      {"Thai digits",         "I๑๐",                     "i10",               "i10",               "i10",             "i10",           "i10",             "i10"},
      {"NBSP and spaces",     " O" + nbsp + "5 ",        "o 5",               "o 5",               "o5",              "o5",            "o5",              "o 5"},
      {"case, double space",  "Previous  Score",         "previous score",    "previous score",    "previousscore",   "previousscore", "previousscore",   "previous score"},
      {"\": *\" suffix",      "ลำดับ: *",                 "ลำดับ: *",           "ลำดับ",              "ลำดับ",            "ลำดับ:*",        "ลำดับ:*",          "ลำดับ: *"},
      {"decomposed sara am",  "ท" + sara_am_decomposed + "งาน", "ทำงาน",      "ทำงาน",              "ทำงาน",            "ทำงาน",          "ทำงาน",            "ทำงาน"},
      {"a number as text",    "๑.๐",                     "1.0",               "1.0",               "1.0",             "10",            "1.0",             "1"},
      {"quotes",              "“ผ่าน ดีเยี่ยม”",            "“ผ่าน ดีเยี่ยม”",      "“ผ่าน ดีเยี่ยม”",      "“ผ่านดีเยี่ยม”",     "“ผ่านดีเยี่ยม”",   "ผ่านดีเยี่ยม",       "“ผ่าน ดีเยี่ยม”"},
      {"en dash, dots",       "ต.ค.–ธ.ค.",                "ต.ค.-ธ.ค.",          "ต.ค.-ธ.ค.",          "ต.ค.-ธ.ค.",        "ตค-ธค",          "ต.ค.-ธ.ค.",        "ต.ค.-ธ.ค"},
  };
  // clang-format on
  for (const Row& r : rows) {
    INFO(r.what << ": \"" << r.input << "\"");
    CHECK(text::fold(r.input) == r.fold);
    CHECK(text::label_key(r.input) == r.label_key);
    CHECK(schema::match_key(r.input) == r.match_key);
    CHECK(text::normalize_code(r.input) == r.normalize_code);
    CHECK(text::compact_key(r.input) == r.compact_key);
    CHECK(plan::measure_key(r.input) == r.measure_key);
  }
}

TEST_CASE("every key is fold plus one step", "[text]") {
  using namespace itawb;
  for (const std::string s : {"I๑๐", " Previous\tScore: ", "ต.ค.๖๗ – ก.ย.๖๘", "“ผ่านดีเยี่ยม”", "1.0"}) {
    INFO(s);
    const std::string folded = text::fold(s);
    CHECK(text::fold(folded) == folded);  // folding is idempotent
    CHECK(text::label_key(s) == text::label_key(folded));
    CHECK(schema::match_key(s) == schema::match_key(folded));
    CHECK(text::normalize_code(s) == text::normalize_code(folded));
    CHECK(text::compact_key(s) == text::compact_key(folded));
    CHECK(plan::measure_key(s) == plan::measure_key(folded));
  }
}

TEST_CASE("UTF-8 helpers keep invalid bytes and never split a character", "[text]") {
  using namespace itawb;
  CHECK(text::arabic_digits("a\xFF๑") == "a\xFF" "1");
  CHECK(text::trim("\xEF\xBB\xBF x \u3000") == "x");
  CHECK(text::trim("x\xE2\x80") == "x\xE2\x80");  // a cut-off sequence is not a space
  CHECK(text::squeeze("a\u2009\u200Bb") == "a b");
  CHECK(text::utf8_length('a') == 1);
  CHECK(text::utf8_length(0xE0) == 3);
  CHECK(text::utf8_length(0x80) == 1);
}

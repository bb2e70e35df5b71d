#include <catch2/catch.hpp>

#include "text/thai.hpp"

using namespace itawb::text;

TEST_CASE("Thai digits become Arabic digits and back") {
  CHECK(arabic_digits("๙๓.๙๓") == "93.93");
  CHECK(arabic_digits("i๑๐") == "i10");
  CHECK(thai_digits("97.13") == "๙๗.๑๓");
}

TEST_CASE("numbers written by people are parsed") {
  CHECK(parse_number(" ๙๓.๙๓ ").value() == Approx(93.93));
  CHECK(parse_number("1,234.5").value() == Approx(1234.5));
  CHECK(parse_number("\xC2\xA0" "100").value() == Approx(100));
  CHECK_FALSE(parse_number("abc"));
  CHECK_FALSE(parse_number(""));
  CHECK_FALSE(parse_number("95%"));
  CHECK_FALSE(parse_number("nan"));
}

TEST_CASE("codes are normalised to lower case Arabic") {
  CHECK(normalize_code("I๑๐") == "i10");
  CHECK(normalize_code(" O 5 ") == "o5");
  CHECK(normalize_code("e๙") == "e9");
}

TEST_CASE("labels match whatever the spacing, case and trailing marks") {
  CHECK(label_key("  คะแนน   ปีก่อน *") == "คะแนน ปีก่อน");
  CHECK(label_key("Score:") == "score");
}

TEST_CASE("scores round half away from zero on their decimal value") {
  CHECK(format_fixed(97.125, 2) == "97.13");
  CHECK(format_fixed(81.265, 2) == "81.27");
  CHECK(format_fixed(-0.001, 2) == "0.00");
  CHECK(round_to(15.855, 2) == Approx(15.86));
}

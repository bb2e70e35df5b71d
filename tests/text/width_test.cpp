// Printed widths and wrapped lines (issue 21: rows as tall as their text,
// no Thai word broken inside). The figures are LibreOffice's: Laksaman's
// advances (its TH SarabunPSK), and lines counted on its printed pages.
#include <catch2/catch.hpp>

#include "text/width.hpp"

using namespace itawb::text;

TEST_CASE("printed widths are Laksaman's advances, marks above and below taking none") {
  CHECK(printed_ems("ไตรมาส") == Approx(3.088).margin(0.001));  // ไ ต ร ม า ส
  CHECK(printed_ems("ที่") == Approx(printed_ems("ท")));          // marks take no width
  CHECK(printed_ems("0123456789") == Approx(5.44).margin(0.001));
  CHECK(printed_ems("กก\nกกกก") == Approx(4 * 0.58).margin(0.001));  // the widest line
}

TEST_CASE("a text wraps between words as LibreOffice printed it") {
  // The issues sheet's question column (about 20 ems of 14 pt): LibreOffice
  // printed e9 on two lines and e5 on three; a row of two cut "ชัดเจน".
  CHECK(wrapped_line_count("ท่านเคยใช้งานระบบการให้บริการออนไลน์ (E-Service) ของหน่วยงานหรือไม่", 19.5) == 2);
  CHECK(wrapped_line_count("หน่วยงานมีการประชาสัมพันธ์ข้อมูลข่าวสารที่ประชาชนหรือผู้รับบริการควรได้รับทราบอย่างชัดเจน",
                           19.5) == 3);
  // Every line break typed starts a line; no width: one line each.
  CHECK(wrapped_line_count("ก\nข\nค", 10) == 3);
  CHECK(wrapped_line_count("ทดสอบข้อความยาวมาก ๆ ในบรรทัดเดียว", 0) == 1);
  CHECK(wrapped_line_count("", 10) == 1);
  // A word longer than the line is cut where each line ends: 4.42 ems in 2.
  CHECK(wrapped_line_count("WWWWW", 2) == 3);
  // Spaces at a line's end hang past it.
  CHECK(wrapped_line_count("กกก   ", 1.75) == 1);
}

TEST_CASE("a column's floor is the widest word, Thai words found by the dictionary") {
  // "อยู่ระหว่าง|ดำเนินการ" may wrap between its words...
  CHECK(widest_word_ems("อยู่ระหว่างดำเนินการ") < 0.5 * printed_ems("อยู่ระหว่างดำเนินการ"));
  // ...but not inside one ("ไตรม/าส"), nor inside a short name the dictionary
  // does not know ("บาง/ตะบูน").
  CHECK(widest_word_ems("ไตรมาส ๑") == Approx(printed_ems("ไตรมาส")));
  CHECK(widest_word_ems("บางตะบูน") == Approx(printed_ems("บางตะบูน")));
}

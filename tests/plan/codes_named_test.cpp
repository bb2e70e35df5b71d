// plan::codes_named reads the deficiencies a measure's ข้อบกพร่อง cell names
// when agencies copy the question into it: the code leads the text.
#include <catch2/catch.hpp>

#include "plan/plan.hpp"

using itawb::plan::codes_named;
using Codes = std::vector<std::string>;

TEST_CASE("a deficiency cell that copies the question names its code", "[plan][coverage][layouts]") {
  CHECK(codes_named("I8 หน่วยงานควรมีการกำกับดูแลและตรวจสอบการใช้อำนาจ") == Codes{"i8"});
  CHECK(codes_named("o18 E-Service : หน่วยงานมีระบบการให้บริการออนไลน์") == Codes{"o18"});
  CHECK(codes_named("E๙ ท่านเคยใช้งานระบบการให้บริการออนไลน์ (E-Service)\ne๕ การประชาสัมพันธ์") ==
        Codes{"e9", "e5"});
  CHECK(codes_named("i4 งบประมาณ, I4 ซ้ำ") == Codes{"i4"});
}

TEST_CASE("a deficiency cell's English words are not codes", "[plan][coverage][layouts]") {
  CHECK(codes_named("เผยแพร่ทาง Line2 และ video1 บน Facebook").empty());
  CHECK(codes_named("ช่องทาง Line 2 ช่องทาง, Office 365").empty());
}

// Numbers and codes that lead a label as agencies type them:
// text::leading_ordinal ("๑.", "(๑)", "ประเด็นที่ 1:") and text::codes_in /
// text::leading_code ("I8 หน่วยงานควร…", but not "Line2").
#include <catch2/catch.hpp>

#include "text/thai.hpp"

using itawb::text::codes_in;
using itawb::text::leading_code;
using itawb::text::leading_ordinal;
using Codes = std::vector<std::string>;

TEST_CASE("every form of an ordinal leads a label as its number", "[text][ordinal]") {
  const std::pair<const char*, const char*> forms[] = {
      {"1", "1"},
      {"1.", "1"},
      {"๑.", "1"},
      {"๑. กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ", "1"},
      {"๒.การให้บริการและระบบ E-Service", "2"},
      {"(๑)", "1"},
      {"(๓) ช่องทางและรูปแบบการประชาสัมพันธ์", "3"},
      {"[4]", "4"},
      {"1)", "1"},
      {"5) กระบวนการสร้างความโปร่งใส", "5"},
      {"ข้อ 1", "1"},
      {"ข้อที่ ๖", "6"},
      {"ประเด็นที่ ๑", "1"},
      {"ประเด็นที่ 1:", "1"},
      {"ประเด็นที่ 7: กลไกและมาตรการในการแก้ไขและป้องกันการทุจริต", "7"},
      {"ประเด็น ๒ การให้บริการ", "2"},
      {"ลำดับที่ 3", "3"},
      {"มาตรการที่ ๑๒", "12"},
      {"ตัวชี้วัดที่ 4", "4"},
      {"ไตรมาสที่ ๒", "2"},
      {"No. 4", "4"},
      {"Q2", "2"},
      {"  ๐๓ ", "3"},
  };
  for (const auto& [form, number] : forms) {
    INFO(form);
    CHECK(leading_ordinal(form) == std::optional<std::string>(number));
  }
}

TEST_CASE("texts that do not start with an ordinal are not read as one", "[text][ordinal]") {
  for (const char* text : {"", "กระบวนการปฏิบัติงาน", "ตัวชี้วัดที่ ๙.๔", "2.5 การใช้งบประมาณ", "1-2", "2567",
                           "1st", "(1", "ประเด็นการให้บริการ", "E-Service 2", "1,500", "ข้อ i8"}) {
    INFO(text);
    CHECK_FALSE(leading_ordinal(text));
  }
}

TEST_CASE("measure ids: dotted numbers are one number", "[text][ordinal]") {
  CHECK(leading_ordinal("1.2", true) == std::optional<std::string>("1.2"));
  CHECK(leading_ordinal("๑.๒ มาตรการย่อย", true) == std::optional<std::string>("1.2"));
  CHECK(leading_ordinal("(๑.๒)", true) == std::optional<std::string>("1.2"));
  CHECK(leading_ordinal("๑.", true) == std::optional<std::string>("1"));
  CHECK(leading_ordinal("มาตรการที่ 3", true) == std::optional<std::string>("3"));
  CHECK_FALSE(leading_ordinal("M-01", true));
  CHECK_FALSE(leading_ordinal("10a", true));
}

TEST_CASE("codes written inside a text are found, also at its start", "[text][codes]") {
  CHECK(codes_in("I8 หน่วยงานควรกำกับดูแลการใช้ทรัพย์สินของราชการ") == Codes{"i8"});
  CHECK(codes_in("o18 E-Service : ระบบการให้บริการออนไลน์") == Codes{"o18"});
  CHECK(codes_in("E๙ ท่านเคยใช้งานระบบการให้บริการออนไลน์ (E-Service) ของหน่วยงานหรือไม่") == Codes{"e9"});
  CHECK(codes_in("ข้อ i๑๒ และ O.5, e 6") == Codes{"i12", "o5", "e6"});
  CHECK(codes_in("ผู้บริหาร(i13)ให้ความสำคัญ") == Codes{"i13"});
}

TEST_CASE("English words that merely contain i, e or o and digits are not codes", "[text][codes]") {
  CHECK(codes_in("ประชาสัมพันธ์ทาง Line2 และ video1").empty());
  CHECK(codes_in("Office 365, ITA 2568, covid-19, Line 2").empty());
  CHECK(codes_in("e100 รหัสสามหลัก").empty());
  CHECK(codes_in("ตัวชี้วัดที่ ๙.๔").empty());
}

TEST_CASE("a code cell may start with its code and go on with the question", "[text][codes]") {
  CHECK(leading_code("I8") == std::optional<std::string>("i8"));
  CHECK(leading_code("I8 หน่วยงานควร…") == std::optional<std::string>("i8"));
  CHECK(leading_code("E๙ ท่านเคยใช้งาน") == std::optional<std::string>("e9"));
  CHECK(leading_code("o18 E-Service : …") == std::optional<std::string>("o18"));
  CHECK(leading_code(" i ๑๐") == std::optional<std::string>("i10"));
  CHECK_FALSE(leading_code("Line2"));
  CHECK_FALSE(leading_code("ข้อ i8"));
  CHECK_FALSE(leading_code("e9a"));
  CHECK_FALSE(leading_code("i123"));
}

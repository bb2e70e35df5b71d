// Timeframes -> quarters of the plan's fiscal year, and refusals with reasons.
#include <catch2/catch.hpp>

#include "plan/timeframe.hpp"

using namespace itawb::plan;



namespace {

QuarterSet q(std::initializer_list<int> quarters) {
  QuarterSet s = 0;
  for (int x : quarters) s |= quarter_bit(x);
  return s;
}

void expect_quarters(const std::string& text, int fy, QuarterSet expected) {
  INFO("timeframe: " << text << " (FY " << fy << ")");
  const auto r = parse_timeframe(text, fy);
  INFO("reason: " << r.reason_en);
  CHECK(r.ok());
  CHECK(int(r.quarters) == int(expected));
}

void expect_refused(const std::string& text, int fy, TimeframeProblem problem) {
  INFO("timeframe: " << text << " (FY " << fy << ")");
  const auto r = parse_timeframe(text, fy);
  CHECK(r.problem == problem);
  CHECK(r.quarters == 0);
  // The reason quotes the text as written, in both languages.
  if (problem != TimeframeProblem::Empty) {
    CHECK(r.reason_th.find("\"" + text + "\"") != std::string::npos);
    CHECK(r.reason_en.find("\"" + text + "\"") != std::string::npos);
  }
}

}  // namespace

TEST_CASE("timeframes of the seeds", "[plan][timeframe]") {
  // seed 000 (plan 2568)
  expect_quarters("ไตรมาส ๒", 2568, q({2}));
  expect_quarters("ทุกไตรมาส", 2568, q({1, 2, 3, 4}));
  expect_quarters("ไตรมาส ๒-๔", 2568, q({2, 3, 4}));
  // seed S4 (plan 2566)
  expect_quarters("ไตรมาส 1 และ ไตรมาส 3 ปีงบประมาณ 2566", 2566, q({1, 3}));
  expect_quarters("ไตรมาส 1 - ไตรมาส 4 ปีงบประมาณ 2566", 2566, q({1, 2, 3, 4}));
  expect_quarters("ไตรมาส 1 - ไตรมาส 3", 2566, q({1, 2, 3}));
  // seed S1 (plan 2568): April-September = Q3, Q4
  expect_quarters("เมษายน ๒๕๖๘ ถึง กันยายน ๒๕๖๘", 2568, q({3, 4}));
  // seed 002 (2568 report; 2569 plan)
  expect_quarters("ต.ค. ๖๗ ถึง ก.ย. ๖๘", 2568, q({1, 2, 3, 4}));
  expect_quarters("ตลอดปีงบประมาณ", 2568, q({1, 2, 3, 4}));
  expect_quarters("ตลอด ปีงบประมาณ", 2568, q({1, 2, 3, 4}));
  expect_quarters("ต.ค.๖๘ ถึง ก.ย.๖๙", 2569, q({1, 2, 3, 4}));
  expect_quarters("มี.ค. ๖๙", 2569, q({2}));
  // seed 003 (plan 2567): October-April reaches into Q3
  expect_quarters("ต.ค. ๖๖ - ก.ย. ๖๗", 2567, q({1, 2, 3, 4}));
  expect_quarters("ต.ค.๖๖ - เม.ย. ๖๗", 2567, q({1, 2, 3}));
  expect_quarters("ต.ค. ๖๖ - มี.ค. ๖๗", 2567, q({1, 2}));
}

TEST_CASE("timeframe variants", "[plan][timeframe]") {
  SECTION("month names: full, abbreviated with and without dots and spaces") {
    expect_quarters("มกราคม - มีนาคม", 2568, q({2}));
    expect_quarters("ม.ค. - มี.ค.", 2568, q({2}));
    expect_quarters("มค - มีค", 2568, q({2}));
    expect_quarters("ม.ค.-มี.ค.68", 2568, q({2}));
    expect_quarters("พฤศจิกายน ๒๕๖๗", 2568, q({1}));
    expect_quarters("ก.ค. 68", 2568, q({4}));
    expect_quarters("ม.ค., เม.ย.", 2568, q({2, 3}));
  }
  SECTION("two- and four-digit years, Buddhist or Christian era, Thai or Arabic digits") {
    expect_quarters("ต.ค. 2567 - ก.ย. 2568", 2568, q({1, 2, 3, 4}));
    expect_quarters("ต.ค. 67 - ก.ย. 68", 2568, q({1, 2, 3, 4}));
    expect_quarters("ต.ค. 2024 - ธ.ค. 2024", 2568, q({1}));
    expect_quarters("ตุลาคม ๖๗ – ธันวาคม ๖๗", 2568, q({1}));
  }
  SECTION("day numbers") {
    expect_quarters("1 ต.ค. 67 - 30 ก.ย. 68", 2568, q({1, 2, 3, 4}));
    expect_quarters("๑๕ ม.ค. ๖๘ - ๓๐ เม.ย. ๖๘", 2568, q({2, 3}));
  }
  SECTION("a month range without a year is read in the plan year, in fiscal order") {
    expect_quarters("ต.ค. - ธ.ค.", 2568, q({1}));
    expect_quarters("ต.ค. - ก.ย.", 2568, q({1, 2, 3, 4}));
    expect_quarters("พ.ย. - ก.พ.", 2568, q({1, 2}));
    expect_quarters("ต.ค. - ธ.ค. ปี 2567", 2568, q({1}));
  }
  SECTION("quarters: English, numbered, lists") {
    expect_quarters("Q2", 2568, q({2}));
    expect_quarters("q1-q3", 2568, q({1, 2, 3}));
    expect_quarters("Q1-3", 2568, q({1, 2, 3}));
    expect_quarters("ไตรมาสที่ 3", 2568, q({3}));
    expect_quarters("ไตรมาสที่ ๑ - ๒", 2568, q({1, 2}));
    expect_quarters("ไตรมาส 1,2", 2568, q({1, 2}));
    expect_quarters("ไตรมาส 1, 3 และ 4", 2568, q({1, 3, 4}));
    expect_quarters("ไตรมาส 2 ถึง ไตรมาส 3", 2568, q({2, 3}));
    expect_quarters("ไตรมาส 1 จนถึง ไตรมาส 2", 2568, q({1, 2}));
    expect_quarters("ไตรมาส 2 ปีงบประมาณ พ.ศ. 2568", 2568, q({2}));
  }
  SECTION("halves and whole year") {
    expect_quarters("รอบ 6 เดือน", 2568, q({1, 2}));
    expect_quarters("รอบ ๖ เดือนแรก", 2568, q({1, 2}));
    expect_quarters("6 เดือนแรก", 2568, q({1, 2}));
    expect_quarters("6 เดือนหลัง", 2568, q({3, 4}));
    expect_quarters("ครึ่งปีหลัง", 2568, q({3, 4}));
    expect_quarters("ทั้งปี", 2568, q({1, 2, 3, 4}));
    expect_quarters("ทุก 6 เดือน", 2568, q({1, 2, 3, 4}));
    expect_quarters("ตลอดปีงบประมาณ ๒๕๖๘", 2568, q({1, 2, 3, 4}));
  }
  SECTION("a restatement that agrees is accepted") {
    expect_quarters("ไตรมาส 2 (ม.ค. - มี.ค. 68)", 2568, q({2}));
  }
}

TEST_CASE("timeframes outside the plan year are refused", "[plan][timeframe]") {
  const auto r = parse_timeframe("ไตรมาส 1 และ ไตรมาส 3 ปีงบประมาณ 2566", 2568);
  CHECK(r.problem == TimeframeProblem::OutOfYear);
  CHECK(r.reason_th.find("ระยะเวลา \"ไตรมาส 1 และ ไตรมาส 3 ปีงบประมาณ 2566\" อยู่นอกปีงบประมาณ ๒๕๖๘") == 0);
  CHECK(r.reason_en.find("timeframe \"ไตรมาส 1 และ ไตรมาส 3 ปีงบประมาณ 2566\" is outside fiscal year 2568") == 0);

  expect_refused("ไตรมาส 1 - ไตรมาส 4 ปีงบประมาณ 2566", 2568, TimeframeProblem::OutOfYear);
  expect_refused("ต.ค. ๖๖ - มี.ค. ๖๗", 2568, TimeframeProblem::OutOfYear);   // last year's plan
  expect_refused("ต.ค.๖๘ ถึง ก.ย.๖๙", 2568, TimeframeProblem::OutOfYear);    // next year's
  expect_refused("มี.ค. ๖๙", 2568, TimeframeProblem::OutOfYear);
  expect_refused("ก.ค. 68 - ธ.ค. 68", 2568, TimeframeProblem::OutOfYear);    // crosses 30 Sep
  expect_refused("ตลอดปีงบประมาณ 2569", 2568, TimeframeProblem::OutOfYear);

  const auto crossing = parse_timeframe("ก.ค. 68 - ธ.ค. 68", 2568);
  CHECK(crossing.reason_en.find("Dec 2568 BE is in fiscal year 2569") != std::string::npos);
}

TEST_CASE("ambiguous and unreadable timeframes are refused with a reason", "[plan][timeframe]") {
  expect_refused("ไตรมาส 2 หรือ 3", 2568, TimeframeProblem::Ambiguous);
  expect_refused("ไตรมาส 2 (ต.ค. - ธ.ค.)", 2568, TimeframeProblem::Ambiguous);
  expect_refused("ไตรมาส", 2568, TimeframeProblem::Ambiguous);
  expect_refused("ไตรมาส 1 ไตรมาส 3", 2568, TimeframeProblem::Ambiguous);
  expect_refused("ตามความเหมาะสม", 2568, TimeframeProblem::Unreadable);
  expect_refused("ไตรมาส 5", 2568, TimeframeProblem::Unreadable);
  expect_refused("ไตรมาส 4 - ไตรมาส 2", 2568, TimeframeProblem::Unreadable);
  expect_refused("ก.ย. - ต.ค.", 2568, TimeframeProblem::Unreadable);  // backwards in fiscal order
  expect_refused("31 ก.ย. 68", 2568, TimeframeProblem::Unreadable);
  // fuzz_text found it (tests/fuzz/corpus/text/crash-164eb7a4...): a day 0 before a
  // month was read as month 0, and quarter_bit(0) shifted by -1 (UB).
  expect_refused("0ก.พ.", 2568, TimeframeProblem::Unreadable);
  expect_refused("๐ ก.พ. ๖๘", 2568, TimeframeProblem::Unreadable);
  expect_refused("00 ต.ค. - 0 ธ.ค.", 2568, TimeframeProblem::Unreadable);
  expect_refused("2", 2568, TimeframeProblem::Unreadable);
  expect_refused("ไตรมาส 2 -", 2568, TimeframeProblem::Unreadable);
  expect_refused("", 2568, TimeframeProblem::Empty);
  expect_refused("   ", 2568, TimeframeProblem::Empty);

  const auto r = parse_timeframe("ตามความเหมาะสม", 2568);
  CHECK(r.reason_th == "อ่านระยะเวลา \"ตามความเหมาะสม\" ไม่ได้: ไม่รู้จักคำว่า \"ตามความเหมาะสม\"");
  CHECK(r.reason_en == "cannot read timeframe \"ตามความเหมาะสม\": unknown word \"ตามความเหมาะสม\"");
}

TEST_CASE("quarter sets are formatted in Thai and English", "[plan][timeframe]") {
  CHECK(format_quarters(q({2, 3, 4})) == "ไตรมาส ๒–๔");
  CHECK(format_quarters(q({1, 3}), false) == "Q1, Q3");
  CHECK(format_quarters(kAllQuarters) == "ทุกไตรมาส");
  CHECK(format_quarters(0).empty());
  CHECK(first_quarter(q({2, 4})) == 2);
  CHECK(last_quarter(q({2, 4})) == 4);
  CHECK(quarter_list(q({1, 4})) == std::vector<int>{1, 4});
}

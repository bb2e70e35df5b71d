#include "plan/timeframe.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include <unicode/utf8.h>

#include "calendar/calendar.hpp"
#include "text/fold.hpp"
#include "text/thai.hpp"

namespace itawb::plan {
namespace {

enum class Tok {
  Num, Month, Quarter, Range, List, Or, FiscalKw, YearKw, Whole, FirstHalf, SecondHalf,
  FirstTail, SecondTail, Round, Every, MonthWord, Filler, Unknown
};

struct Token {
  Tok kind;
  int value = 0;     // Num: the number; Month: 1..12
  std::string text;  // as found (folded), for messages
};

// Words of timeframes other than month names, folded and without dots.
const std::vector<text::Keyword<Tok>>& words() {
  static const std::vector<text::Keyword<Tok>> table = {
      {"ไตรมาสที่", Tok::Quarter}, {"ไตรมาส", Tok::Quarter}, {"ไตรมาศ", Tok::Quarter},
      {"quarter", Tok::Quarter},  {"q", Tok::Quarter},
      {"จนถึง", Tok::Range},      {"ถึง", Tok::Range},      {"to", Tok::Range},
      {"until", Tok::Range},
      {"และ", Tok::List},         {"กับ", Tok::List},        {"and", Tok::List},
      {"หรือ", Tok::Or},          {"or", Tok::Or},
      {"ปีงบประมาณ", Tok::FiscalKw}, {"ปีงบ", Tok::FiscalKw}, {"fy", Tok::FiscalKw},
      {"ปี", Tok::YearKw},        {"พศ", Tok::YearKw},       {"คศ", Tok::YearKw},
      {"ตลอด", Tok::Whole},       {"ทั้งปี", Tok::Whole},     {"ทุกไตรมาส", Tok::Whole},
      {"รายไตรมาส", Tok::Whole},  {"ทุกเดือน", Tok::Whole},   {"รายเดือน", Tok::Whole},
      {"ครึ่งปีแรก", Tok::FirstHalf}, {"ครึ่งแรก", Tok::FirstHalf},
      {"ครึ่งปีหลัง", Tok::SecondHalf}, {"ครึ่งหลัง", Tok::SecondHalf},
      {"เดือนแรก", Tok::FirstTail}, {"แรก", Tok::FirstTail},
      {"เดือนหลัง", Tok::SecondTail}, {"หลัง", Tok::SecondTail},
      {"รอบ", Tok::Round},        {"ทุก", Tok::Every},
      {"เดือน", Tok::MonthWord},   {"months", Tok::MonthWord}, {"month", Tok::MonthWord},
      {"ประจำ", Tok::Filler},      {"ภายใน", Tok::Filler},     {"ช่วง", Tok::Filler},
      {"ระหว่าง", Tok::Filler},    {"ตั้งแต่", Tok::Filler},    {"วันที่", Tok::Filler},
      {"ที่", Tok::Filler},        {"ของ", Tok::Filler},       {"งบประมาณ", Tok::Filler},
      {"ใน", Tok::Filler},         {"from", Tok::Filler},      {"in", Tok::Filler},
  };
  return table;
}

// Refusal: how the parser and resolver below give up, carrying the problem
// and the detail of why in both languages. Private control flow, not an
// error type of the library (that is itawb::Error): it never leaves this
// file, since parse_timeframe catches it and returns a TimeframeResult.
struct Refusal {
  TimeframeProblem problem;
  std::string detail_th, detail_en;
};

[[noreturn]] void refuse(TimeframeProblem p, std::string th, std::string en) {
  throw Refusal{p, std::move(th), std::move(en)};
}

bool is_punct(char c) {
  return c == '(' || c == ')' || c == '[' || c == ']' || c == ':' || c == '"' || c == '\'' ||
         c == '*' || c == '!' || c == '?';
}

bool is_list_char(char c) { return c == ',' || c == '/' || c == '&' || c == '+' || c == ';'; }

std::vector<Token> tokenize(const std::string& s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || is_punct(c)) { ++i; continue; }
    if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      const std::string digits = s.substr(i, j - i);
      out.push_back({Tok::Num, digits.size() > 6 ? -1 : std::stoi(digits), digits});
      i = j;
      continue;
    }
    if (c == '-') { out.push_back({Tok::Range, 0, "-"}); ++i; continue; }
    if (is_list_char(c)) { out.push_back({Tok::List, 0, std::string(1, c)}); ++i; continue; }
    const int m = text::longest_match(s, i, calendar::month_keywords());
    const int w = text::longest_match(s, i, words());
    const size_t mlen = m >= 0 ? calendar::month_keywords()[m].text.size() : 0;
    const size_t wlen = w >= 0 ? words()[w].text.size() : 0;
    if (mlen > 0 && mlen >= wlen) {
      out.push_back({Tok::Month, calendar::month_keywords()[m].value, s.substr(i, mlen)});
      i += mlen;
    } else if (wlen > 0) {
      out.push_back({words()[w].value, 0, s.substr(i, wlen)});
      i += wlen;
    } else {  // an unknown word: up to the next space, digit or punctuation
      size_t j = i;
      while (j < s.size() && s[j] != ' ' && s[j] != '-' && !is_punct(s[j]) && !is_list_char(s[j]) &&
             !std::isdigit(static_cast<unsigned char>(s[j])))
        U8_FWD_1(s.data(), j, s.size());
      out.push_back({Tok::Unknown, 0, s.substr(i, j - i)});
      i = j;
    }
  }
  return out;
}

// A written year (๖๘, ๒๕๖๘, 2025) as พ.ศ.
int year_be(int written) {
  if (written >= 0 && written < 100) return 2500 + written;
  if (written > 2400 && written < 2700) return written;
  if (written >= 1900 && written < 2200) return written + calendar::kBuddhistOffset;
  refuse(TimeframeProblem::Unreadable, "ปี " + std::to_string(written) + " ไม่ใช่ปีที่อ่านได้",
         std::to_string(written) + " is not a year");
}

enum class Conn { None, Range, List };

struct Term {
  enum Kind { Quarter, Month, Set } kind = Set;
  int quarter = 0;
  int month = 0;
  int year = 0;  // พ.ศ. as written with the month; 0 = none
  QuarterSet set = 0;
};

struct Item {
  Term term;
  Conn conn = Conn::None;  // how it joins the item before it
};

struct Parsed {
  std::vector<Item> items;
  std::vector<int> fiscal_years;    // พ.ศ. named as fiscal years
  std::vector<int> calendar_years;  // พ.ศ. named by "ปี"/"พ.ศ." after months
  bool fiscal_keyword = false;      // "ปีงบประมาณ" seen (with or without a year)
};

class Parser {
 public:
  explicit Parser(std::vector<Token> t) : t_(std::move(t)) {}

  Parsed run() {
    for (const auto& tok : t_) {
      if (tok.kind == Tok::Unknown)
        refuse(TimeframeProblem::Unreadable, "ไม่รู้จักคำว่า \"" + tok.text + "\"",
               "unknown word \"" + tok.text + "\"");
      if (tok.kind == Tok::Or)
        refuse(TimeframeProblem::Ambiguous, "มีคำว่า \"หรือ\" จึงไม่ทราบว่าช่วงใด",
               "it offers alternatives (\"" + tok.text + "\")");
    }
    while (i_ < t_.size()) step();
    if (pending_ != Conn::None)
      refuse(TimeframeProblem::Unreadable, "มีคำเชื่อมช่วงเวลาที่ไม่มีช่วงเวลาต่อท้าย",
             "a range or list is left open");
    return std::move(out_);
  }

 private:
  bool at(size_t k, Tok kind) const { return k < t_.size() && t_[k].kind == kind; }
  bool number_at(size_t k, int v) const { return at(k, Tok::Num) && t_[k].value == v; }

  void add(Term term) {
    if (out_.items.empty() && pending_ != Conn::None)
      refuse(TimeframeProblem::Unreadable, "ขึ้นต้นด้วยคำเชื่อมช่วงเวลา", "it starts with a connector");
    out_.items.push_back({term, pending_});
    pending_ = Conn::None;
  }
  void add_set(QuarterSet s) { add(Term{Term::Set, 0, 0, 0, s}); }

  void connector(Conn c) {
    if (pending_ != Conn::None)
      refuse(TimeframeProblem::Unreadable, "มีคำเชื่อมช่วงเวลาซ้อนกัน", "two connectors in a row");
    pending_ = c;
    ++i_;
  }

  // "6 เดือนแรก", "รอบ 6 เดือน", "ทุก 6 เดือน", "12 เดือน": at a number.
  bool months_phrase(bool after_round, bool after_every) {
    const int n = t_[i_].value;
    size_t k = i_ + 1;
    const bool month_word = at(k, Tok::MonthWord);
    if (month_word) ++k;
    if (n == 6 && at(k, Tok::FirstTail)) { add_set(0x3); i_ = k + 1; return true; }
    if (n == 6 && at(k, Tok::SecondTail)) { add_set(0xC); i_ = k + 1; return true; }
    if (!month_word) return false;
    if (n == 12 || after_every) { add_set(kAllQuarters); i_ = k; return true; }
    if (n == 6 && after_round) { add_set(0x3); i_ = k; return true; }  // รอบ 6 เดือน = first half
    return false;
  }

  void number() {
    const Token& tok = t_[i_];
    if (at(i_ + 1, Tok::Month)) { month_term(tok.value, true); return; }
    if (months_phrase(false, false)) return;
    const bool continues_quarters = !out_.items.empty() && out_.items.back().term.kind == Term::Quarter &&
                                    pending_ != Conn::None;
    if (continues_quarters) { add(Term{Term::Quarter, tok.value}); ++i_; return; }
    const bool after_whole = !out_.items.empty() && out_.items.back().term.kind == Term::Set &&
                             pending_ == Conn::None && tok.text.size() >= 2;
    if (after_whole) { out_.fiscal_years.push_back(year_be(tok.value)); ++i_; return; }
    refuse(TimeframeProblem::Unreadable, "ไม่ทราบว่าตัวเลข " + tok.text + " หมายถึงอะไร",
           "the number " + tok.text + " has no meaning here");
  }

  // [day] month [year], with i_ at the day (at_day) or at the month. A day
  // of 0 is still a day: "0 ก.พ." is refused, not read as month 0.
  void month_term(int day, bool at_day) {
    if (at_day) ++i_;
    const int month = t_[i_].value;
    ++i_;
    int year = 0;
    // A number after a month is its year, unless a month follows it (then it
    // is the day of the next term).
    if (at(i_, Tok::Num) && !at(i_ + 1, Tok::Month)) {
      year = year_be(t_[i_].value);
      ++i_;
    }
    if (at_day && (day < 1 || day > 31 || day > calendar::days_in_month(2000, month)))
      refuse(TimeframeProblem::Unreadable, "วันที่ " + std::to_string(day) + " ไม่มีในเดือนนั้น",
             "day " + std::to_string(day) + " does not exist in that month");
    add(Term{Term::Month, 0, month, year});
  }

  void step() {
    const Token& tok = t_[i_];
    switch (tok.kind) {
      case Tok::Num: number(); return;
      case Tok::Month: month_term(0, false); return;
      case Tok::Range: connector(Conn::Range); return;
      case Tok::List: connector(Conn::List); return;
      case Tok::Quarter:
        if (!at(i_ + 1, Tok::Num))
          refuse(TimeframeProblem::Ambiguous, "ไม่ระบุว่าไตรมาสใด", "it does not say which quarter");
        add(Term{Term::Quarter, t_[i_ + 1].value});
        i_ += 2;
        return;
      case Tok::FiscalKw:
        out_.fiscal_keyword = true;
        if (at(i_ + 1, Tok::YearKw) && at(i_ + 2, Tok::Num)) ++i_;  // "ปีงบประมาณ พ.ศ. 2568"
        if (at(i_ + 1, Tok::Num)) { out_.fiscal_years.push_back(year_be(t_[i_ + 1].value)); i_ += 2; }
        else ++i_;
        return;
      case Tok::YearKw:
        if (at(i_ + 1, Tok::YearKw) && at(i_ + 2, Tok::Num)) ++i_;  // "ปี พ.ศ. 2568"
        if (at(i_ + 1, Tok::Num)) { calendar_or_fiscal(year_be(t_[i_ + 1].value)); i_ += 2; }
        else ++i_;
        return;
      case Tok::Whole: add_set(kAllQuarters); ++i_; return;
      case Tok::FirstHalf: add_set(0x3); ++i_; return;
      case Tok::SecondHalf: add_set(0xC); ++i_; return;
      case Tok::Round:
      case Tok::Every: {
        const bool every = tok.kind == Tok::Every;
        if (every && (at(i_ + 1, Tok::Quarter) || at(i_ + 1, Tok::MonthWord))) {
          add_set(kAllQuarters);
          i_ += 2;
          return;
        }
        ++i_;
        if (at(i_, Tok::Num) && months_phrase(!every, every)) return;
        refuse(TimeframeProblem::Unreadable, "ไม่ทราบว่า \"" + tok.text + "\" หมายถึงช่วงใด",
               "\"" + tok.text + "\" does not say which period");
      }
      case Tok::MonthWord:
      case Tok::Filler: ++i_; return;
      default:
        refuse(TimeframeProblem::Unreadable, "ไม่ทราบว่า \"" + tok.text + "\" หมายถึงอะไร",
               "\"" + tok.text + "\" has no meaning here");
    }
  }

  // "ปี 2568" names a fiscal year after quarters and a calendar year after months.
  void calendar_or_fiscal(int year) {
    const bool after_months = !out_.items.empty() && out_.items.back().term.kind == Term::Month;
    (after_months ? out_.calendar_years : out_.fiscal_years).push_back(year);
  }

  std::vector<Token> t_;
  size_t i_ = 0;
  Conn pending_ = Conn::None;
  Parsed out_;
};

constexpr const char* kEnglishMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Months are counted as พ.ศ. * 12 + (month - 1).
int month_index(int year_be, int month) { return year_be * 12 + month - 1; }

class Resolver {
 public:
  Resolver(const Parsed& p, int plan_fy) : p_(p), fy_(plan_fy) {}

  QuarterSet run() {
    for (int y : p_.fiscal_years)
      if (y != fy_) out_of_year("ระบุปีงบประมาณ " + text::thai_digits(std::to_string(y)),
                                "it names fiscal year " + std::to_string(y));
    if (p_.calendar_years.size() > 1)
      refuse(TimeframeProblem::Ambiguous, "ระบุปีมากกว่าหนึ่งปีสำหรับเดือนที่ไม่มีปี",
             "it names more than one year for months without a year");
    if (p_.items.empty()) {
      if (p_.fiscal_keyword) return kAllQuarters;  // "ปีงบประมาณ ๒๕๖๘": the whole year
      refuse(TimeframeProblem::Unreadable, "ไม่พบไตรมาสหรือเดือน", "no quarter or month found");
    }
    // Units joined by lists form one group; a unit written straight after
    // another (no connector) restates the period and starts a new group.
    std::vector<QuarterSet> groups;
    QuarterSet current = 0;
    for (size_t k = 0; k < p_.items.size(); ++k) {
      const Item& it = p_.items[k];
      if (it.conn == Conn::Range)
        refuse(TimeframeProblem::Unreadable, "ช่วงเวลามีจุดสิ้นสุดมากกว่าหนึ่งจุด",
               "a range has more than two ends");
      const bool new_group = k > 0 && it.conn == Conn::None;
      QuarterSet unit;
      if (k + 1 < p_.items.size() && p_.items[k + 1].conn == Conn::Range) {
        unit = range(it.term, p_.items[k + 1].term);
        ++k;
      } else {
        unit = single(it.term);
      }
      if (new_group) {
        groups.push_back(current);
        current = 0;
      }
      current |= unit;
    }
    groups.push_back(current);
    for (QuarterSet g : groups)
      if (g != groups.front())
        refuse(TimeframeProblem::Ambiguous,
               "ระบุช่วงเวลาสองแบบที่ไม่ตรงกัน (" + format_quarters(groups.front(), true) + " กับ " +
                   format_quarters(g, true) + ")",
               "it states two periods that differ (" + format_quarters(groups.front(), false) +
                   " vs " + format_quarters(g, false) + ")");
    return groups.front();
  }

 private:
  [[noreturn]] void out_of_year(std::string th, std::string en) {
    refuse(TimeframeProblem::OutOfYear, std::move(th), std::move(en));
  }

  static void check_quarter(int q) {
    if (q < 1 || q > 4)
      refuse(TimeframeProblem::Unreadable,
             "ไตรมาสต้องเป็น ๑–๔ (พบ " + text::thai_digits(std::to_string(q)) + ")",
             "a quarter must be 1-4, found " + std::to_string(q));
  }

  // Absolute month of a month term, checked to lie in the plan year.
  int month_of(const Term& t) {
    int year = t.year;
    if (!year && !p_.calendar_years.empty()) year = p_.calendar_years.front();
    if (!year) year = t.month >= 10 ? fy_ - 1 : fy_;  // fiscal order within the plan year
    const int idx = month_index(year, t.month);
    if (idx < month_index(fy_ - 1, 10) || idx > month_index(fy_, 9)) {
      const int fy_of_month = t.month >= 10 ? year + 1 : year;
      out_of_year(std::string(calendar::thai_month_abbrev(t.month)) + " " + text::thai_digits(std::to_string(year)) +
                      " อยู่ในปีงบประมาณ " + text::thai_digits(std::to_string(fy_of_month)),
                  std::string(kEnglishMonths[t.month - 1]) + " " + std::to_string(year) +
                      " BE is in fiscal year " + std::to_string(fy_of_month));
    }
    return idx;
  }

  QuarterSet single(const Term& t) {
    switch (t.kind) {
      case Term::Quarter: check_quarter(t.quarter); return quarter_bit(t.quarter);
      case Term::Month: month_of(t); return quarter_bit(calendar::quarter_of_month(t.month));
      case Term::Set: return t.set;
    }
    return 0;
  }

  QuarterSet range(const Term& a, const Term& b) {
    if (a.kind != b.kind || a.kind == Term::Set)
      refuse(TimeframeProblem::Unreadable, "ช่วงเวลาผสมไตรมาสกับเดือน", "a range mixes quarters and months");
    int lo, hi;
    if (a.kind == Term::Quarter) {
      check_quarter(a.quarter);
      check_quarter(b.quarter);
      lo = a.quarter;
      hi = b.quarter;
    } else {
      const int from = month_of(a), to = month_of(b);
      if (from > to) backwards();
      lo = calendar::quarter_of_month(a.month);
      hi = calendar::quarter_of_month(b.month);
    }
    if (lo > hi) backwards();
    QuarterSet s = 0;
    for (int q = lo; q <= hi; ++q) s |= quarter_bit(q);
    return s;
  }

  [[noreturn]] static void backwards() {
    refuse(TimeframeProblem::Unreadable, "ช่วงเวลาย้อนกลับ (จุดเริ่มอยู่หลังจุดสิ้นสุด)",
           "the range runs backwards");
  }

  const Parsed& p_;
  int fy_;
};

std::string without_dots(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '.') out.push_back(c);
  return out;
}

}  // namespace

int first_quarter(QuarterSet s) {
  for (int q = 1; q <= 4; ++q)
    if (has_quarter(s, q)) return q;
  return 0;
}

int last_quarter(QuarterSet s) {
  for (int q = 4; q >= 1; --q)
    if (has_quarter(s, q)) return q;
  return 0;
}

std::vector<int> quarter_list(QuarterSet s) {
  std::vector<int> out;
  for (int q = 1; q <= 4; ++q)
    if (has_quarter(s, q)) out.push_back(q);
  return out;
}

std::string format_quarters(QuarterSet s, bool thai) {
  s &= kAllQuarters;
  if (!s) return "";
  if (s == kAllQuarters) return thai ? "ทุกไตรมาส" : "all quarters";
  const auto qs = quarter_list(s);
  const bool contiguous = qs.back() - qs.front() + 1 == static_cast<int>(qs.size());
  auto num = [&](int q) { return thai ? text::thai_digits(std::to_string(q)) : "Q" + std::to_string(q); };
  std::string body;
  if (qs.size() > 1 && contiguous) {
    body = num(qs.front()) + "–" + num(qs.back());
  } else {
    std::vector<std::string> names(qs.size());
    std::transform(qs.begin(), qs.end(), names.begin(), num);
    body = fmt::format("{}", fmt::join(names, ", "));
  }
  return thai ? "ไตรมาส " + body : body;
}

const char* to_string(TimeframeProblem p) {
  switch (p) {
    case TimeframeProblem::None: return "none";
    case TimeframeProblem::Empty: return "empty";
    case TimeframeProblem::Unreadable: return "unreadable";
    case TimeframeProblem::Ambiguous: return "ambiguous";
    case TimeframeProblem::OutOfYear: return "out-of-year";
  }
  return "none";
}

TimeframeResult parse_timeframe(std::string_view raw, int plan_fy) {
  TimeframeResult r;
  const std::string shown = text::squeeze(raw);
  const std::string s = without_dots(text::fold(raw));
  if (s.empty()) {
    r.problem = TimeframeProblem::Empty;
    r.reason_th = "ไม่ได้ระบุระยะเวลา";
    r.reason_en = "no timeframe given";
    return r;
  }
  try {
    Parsed parsed = Parser(tokenize(s)).run();
    r.quarters = Resolver(parsed, plan_fy).run();
  } catch (const Refusal& f) {
    r.problem = f.problem;
    const std::string fy = std::to_string(plan_fy);
    switch (f.problem) {
      case TimeframeProblem::OutOfYear:
        r.reason_th = "ระยะเวลา \"" + shown + "\" อยู่นอกปีงบประมาณ " + text::thai_digits(fy) + " (" + f.detail_th + ")";
        r.reason_en = "timeframe \"" + shown + "\" is outside fiscal year " + fy + " (" + f.detail_en + ")";
        break;
      case TimeframeProblem::Ambiguous:
        r.reason_th = "ระยะเวลา \"" + shown + "\" กำกวม: " + f.detail_th;
        r.reason_en = "timeframe \"" + shown + "\" is ambiguous: " + f.detail_en;
        break;
      default:
        r.reason_th = "อ่านระยะเวลา \"" + shown + "\" ไม่ได้: " + f.detail_th;
        r.reason_en = "cannot read timeframe \"" + shown + "\": " + f.detail_en;
        break;
    }
  }
  return r;
}

}  // namespace itawb::plan

// บันทึกข้อความ: the covering memo to the chief executive, laid out as the
// government's memo form (ส่วนราชการ, ที่, วันที่, เรื่อง, เรียน, then เรื่องเดิม /
// ข้อเท็จจริง / ข้อเสนอเพื่อพิจารณา and the signatures), as seed 002 opens. It
// is filled from the agency, the analysis and the plan; what only the
// officer knows (the memo's number, names, positions) is left in yellow
// input cells. Thai digits throughout; the figures it states are kept as
// numbers in two hidden columns (they do not print) for formulas and checks.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "output/plan_sheets.hpp"
#include "output/sheets.hpp"
#include "output/palette.hpp"
#include "output/page.hpp"
#include "output/labels.hpp"
#include "text/thai.hpp"

namespace itawb::output {
namespace {

using xlsx::Align;
using xlsx::Style;

constexpr uint32_t kCols = 8;                   // A:H, the page
constexpr uint32_t kFactLabel = 9, kFactValue = 10;  // J:K, hidden
constexpr double kColWidth = 10.9;

// Who the memo goes to and who comments on it, by the start of the
// agency's name: the chief executive (เรียน) and the permanent secretary
// (ปลัด). Other agencies: their head, no ปลัด block.
struct Office {
  const char* prefix;     // the start of the agency's name
  const char* full;       // what the prefix stands for
  const char* executive;  // the chief executive's title, before the rest of the name
  const char* secretary;  // the ปลัด's title, before the rest of the name ("" none)
};
constexpr Office kOffices[] = {
    {"องค์การบริหารส่วนตำบล", "องค์การบริหารส่วนตำบล", "นายกองค์การบริหารส่วนตำบล", "ปลัดองค์การบริหารส่วนตำบล"},
    {"อบต.", "องค์การบริหารส่วนตำบล", "นายกองค์การบริหารส่วนตำบล", "ปลัดองค์การบริหารส่วนตำบล"},
    {"องค์การบริหารส่วนจังหวัด", "องค์การบริหารส่วนจังหวัด", "นายกองค์การบริหารส่วนจังหวัด", "ปลัดองค์การบริหารส่วนจังหวัด"},
    {"อบจ.", "องค์การบริหารส่วนจังหวัด", "นายกองค์การบริหารส่วนจังหวัด", "ปลัดองค์การบริหารส่วนจังหวัด"},
    {"เทศบาลนคร", "เทศบาลนคร", "นายกเทศมนตรีนคร", "ปลัดเทศบาลนคร"},
    {"เทศบาลเมือง", "เทศบาลเมือง", "นายกเทศมนตรีเมือง", "ปลัดเทศบาลเมือง"},
    {"เทศบาลตำบล", "เทศบาลตำบล", "นายกเทศมนตรีตำบล", "ปลัดเทศบาลตำบล"},
    {"ทต.", "เทศบาลตำบล", "นายกเทศมนตรีตำบล", "ปลัดเทศบาลตำบล"},
};

struct Titles {
  std::string agency;     // the agency's name written out ("อบต." expanded)
  std::string executive;  // "นายกองค์การบริหารส่วนตำบลทุ่งทอง"
  std::string secretary;  // "ปลัดองค์การบริหารส่วนตำบลทุ่งทอง", "" when none
};

Titles titles_of(const std::string& name) {
  for (const Office& o : kOffices) {
    const std::string prefix = o.prefix;
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string rest = name.substr(prefix.size());
    return {o.full + rest, o.executive + rest, o.secretary + rest};
  }
  return {name, "หัวหน้า" + name, ""};
}

std::string money(double v) { return text::thai_digits(text::format_fixed(v, 2)); }

class Memo {
 public:
  Memo(xlsx::SheetWriter& ws, const SheetInputs& in) : raw_(ws), ws_(ws), in_(in) {}

  void write() {
    ws_.width(0, 16);  // ส่วนราชการ in 18 pt bold, whole in LibreOffice's Laksaman too
    for (uint32_t c = 1; c < kCols; ++c) ws_.width(c, kColWidth);
    ws_.width(kFactLabel, 20);
    ws_.width(kFactValue, 16);
    ws_.hide(kFactLabel);
    ws_.hide(kFactValue);
    const Titles t = titles_of(in_.analysis.agency.name);
    const Style label = Style{}.with_bold().with_size(18);
    const Style body = Style{}.with_wrap();
    const Style input = body.with_fill(kInputFill).with_locked(false);

    ws_.merge(row_, 0, row_, kCols - 1, "บันทึกข้อความ", Style{}.with_bold().with_size(29).with_align(Align::Center));
    ++row_;
    ws_.text(row_, 0, "ส่วนราชการ", label);
    ws_.merge(row_, 1, row_, kCols - 1, "สำนักปลัด " + t.agency, input);
    ++row_;
    ws_.text(row_, 0, "ที่", label);
    ws_.merge(row_, 1, row_, 3, "", input);
    ws_.text(row_, 4, "วันที่", label);
    ws_.merge(row_, 5, row_, kCols - 1, thai_long_date(date()), input);
    ++row_;
    ws_.text(row_, 0, "เรื่อง", label);
    ws_.merge(row_, 1, row_, kCols - 1, subject(), body);
    ++row_;
    ws_.text(row_, 0, "เรียน", label);
    ws_.merge(row_, 1, row_, kCols - 1, t.executive, body);
    row_ += 2;

    heading("๑. เรื่องเดิม");
    paragraph(background(t));
    heading("๒. ข้อเท็จจริง");
    for (const auto& p : facts(t)) paragraph(p);
    heading("๓. ข้อเสนอเพื่อพิจารณา");
    paragraph("เพื่อให้การส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานเป็นไปด้วยความเรียบร้อย "
              "เห็นสมควรนำเรียนผู้บริหารพิจารณา ดังนี้");
    int n = 1;
    for (const auto& p : proposals(t)) paragraph("๓." + count_th(n++) + " " + p);
    const uint32_t last_paragraph = row_ - 1;
    ++row_;
    ws_.merge(row_, 1, row_, kCols - 1, "จึงเรียนมาเพื่อโปรดพิจารณา", body);
    row_ += 2;

    signature(4, "เจ้าหน้าที่ผู้รับผิดชอบ", input);
    if (!t.secretary.empty()) {
      comment_block(0, "ความเห็นของ" + t.secretary, t.secretary, input);
      comment_block(4, "ความเห็นของ" + t.executive, t.executive, input, "อนุมัติ / ให้ดำเนินการ");
    } else {
      comment_block(4, "ความเห็นของ" + t.executive, t.executive, input, "อนุมัติ / ให้ดำเนินการ");
    }
    row_ = std::max(row_, block_end_);
    facts_column(t);

    // The signatures print on the page of the last paragraph, never alone.
    ws_.keep_together(last_paragraph, row_ - 1);
    ws_.fit_page(false);
    ws_.finish();
    print_setup_plain(raw_, in_.analysis.agency, "บันทึกข้อความ", /*landscape=*/false);
  }

 private:
  bool has_scores() const { return output::has_scores(in_); }
  const plan::PlanResult* plan() const { return in_.plan; }
  int year() const { return in_.analysis.agency.assessment_year; }

  calendar::Date date() const {
    if (plan() && plan()->as_of.date.valid()) return plan()->as_of.date;
    return {};
  }

  std::string subject() const {
    const std::string ita = "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
                            "ประจำปีงบประมาณ พ.ศ. " + thai_year(year());
    const std::string progress = "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน " +
                                 (plan() ? "ประจำ" + period_of(*plan()) : std::string());
    if (has_scores() && plan()) return ita + " และ" + progress;
    return has_scores() ? ita : progress;
  }

  std::string background(const Titles& t) const {
    if (has_scores())
      return "ตามที่สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) ได้ประเมินคุณธรรมและความโปร่งใส"
             "ในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment: ITA) ประจำปีงบประมาณ พ.ศ. " +
             thai_year(year()) + " และกำหนดให้หน่วยงานนำผลการประเมินมาวิเคราะห์ "
             "จัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน และกำกับติดตามการดำเนินการตามมาตรการ นั้น";
    return "ตามที่" + t.agency + " ได้จัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำ" +
           period_of(*plan()) + " และให้ส่วนราชการรายงานผลการดำเนินการเป็นรายไตรมาส นั้น";
  }

  std::vector<std::string> facts(const Titles& t) const {
    std::vector<std::string> out;
    const ita::Analysis& a = in_.analysis;
    if (has_scores() && a.scores.overall.score) {
      std::string s = "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. " + thai_year(year()) + " " + t.agency + " ได้คะแนนรวม " +
                      money(*a.scores.overall.score) + " คะแนน อยู่ในระดับ " + a.scores.level;
      if (a.scores.overall.previous && a.scores.overall.change) {
        const double c = *a.scores.overall.change;
        s += (c >= 0 ? " เพิ่มขึ้น " : " ลดลง ") + money(c >= 0 ? c : -c) + " คะแนน จากปี " + thai_year(year() - 1) +
             " ซึ่งได้ " + money(*a.scores.overall.previous) + " คะแนน";
      }
      std::vector<std::string> tools;
      for (const auto& [tool, pair] : a.scores.tools)
        if (pair.score) tools.push_back(std::string(tool_code(tool)) + " " + money(*pair.score));
      if (!tools.empty()) {
        s += " (";
        for (size_t i = 0; i < tools.size(); ++i) s += (i ? " " : "") + tools[i];
        s += ")";
      }
      out.push_back(s);
      const ita::IndicatorResult* lowest = nullptr;
      for (const auto& i : a.scores.indicators)
        if (i.value.score && (!lowest || *i.value.score < *lowest->value.score)) lowest = &i;
      if (lowest)
        out.push_back("ตัวชี้วัดที่ได้คะแนนต่ำสุด คือ ตัวชี้วัดที่ " + count_th(lowest->number) + " " + lowest->name + " (" +
                      money(*lowest->value.score) + " คะแนน)");
      int urgent = 0, develop = 0;
      for (const auto& d : a.deficiencies) {
        urgent += d.category == ita::Category::Urgent;
        develop += d.category == ita::Category::Develop;
      }
      out.push_back("ผลการวิเคราะห์รายประเด็นพบข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน " + count_th(urgent) +
                    " ข้อ และข้อที่ต้องพัฒนาให้ดีขึ้น " + count_th(develop) + " ข้อ (รายละเอียดตามแผ่นงาน " +
                    kDeficienciesSheet + ")");
    }
    if (plan()) {
      out.push_back(t.agency + " ได้จัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำ" + period_of(*plan()) +
                    " จำนวน " + count_th(static_cast<int>(plan()->measures.size())) +
                    " มาตรการ (รายละเอียดตามแผ่นงาน " + kMeasuresSheet + " และ " + kProgressGridSheet + ")");
      if (plan()->overall.total > 0)
        for (const auto& s : memo_sentences(*plan())) out.push_back(s);
    }
    return out;
  }

  std::vector<std::string> proposals(const Titles& t) const {
    std::vector<std::string> out;
    out.push_back("เผยแพร่รายงานนี้ผ่านเว็บไซต์ของ" + t.agency + " เพื่อเปิดเผยต่อสาธารณะตามเกณฑ์การประเมิน ITA");
    if (plan()) {
      out.push_back("แจ้งทุกส่วนราชการให้ดำเนินการตามมาตรการ และรายงานผลการดำเนินการทุกไตรมาส");
      auto names = [](const std::vector<std::string>& list) {
        std::string s;
        for (const auto& b : list) s += (s.empty() ? "" : ", ") + b;
        return s;
      };
      // Pressing only for what is overdue or due and unreported; a
      // department below the target on what is due is followed up.
      const std::vector<std::string> press = departments_to_press(*plan());
      std::vector<std::string> below;
      for (const auto& d : plan()->departments)
        if (d.tally.due > 0 && !d.tally.due_meets_target &&
            std::find(press.begin(), press.end(), d.department) == press.end())
          below.push_back(d.department);
      if (!press.empty())
        out.push_back("เร่งรัดส่วนราชการที่มีมาตรการเกินกำหนดหรือถึงกำหนดแล้วแต่ยังไม่ได้รายงานผล ได้แก่ " +
                      names(press));
      if (!below.empty())
        out.push_back("ติดตามส่วนราชการที่ผลการดำเนินการของมาตรการที่ถึงกำหนดยังต่ำกว่าเป้าหมาย ได้แก่ " + names(below));
    } else {
      out.push_back("มอบหมายส่วนราชการจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสเพื่อแก้ไขข้อบกพร่องตามผลการวิเคราะห์");
    }
    return out;
  }

  void heading(const std::string& s) {
    ws_.merge(row_, 0, row_, kCols - 1, s, Style{}.with_bold());
    ++row_;
  }

  // A paragraph starts one column in, as the form's indented first line.
  void paragraph(const std::string& s) {
    ws_.merge(row_, 1, row_, kCols - 1, s, Style{}.with_wrap());
    ++row_;
  }

  // (ลงชื่อ) ...., ( name ), position: the name and position for the officer to type.
  void signature(uint32_t col, const std::string& position, const Style& input) {
    const uint32_t last = col + 3;
    ws_.merge(row_, col, row_, last, "(ลงชื่อ) ..............................................", Style{}.with_align(Align::Center));
    ws_.merge(row_ + 1, col, row_ + 1, last, "(                                        )", input.with_align(Align::Center));
    ws_.merge(row_ + 2, col, row_ + 2, last, position, input.with_align(Align::Center));
    row_ += 4;
  }

  void comment_block(uint32_t col, const std::string& title, const std::string& position, const Style& input,
                     const std::string& verdict = "") {
    const uint32_t top = block_row_ ? *block_row_ : row_;
    const uint32_t last = col + 3;
    const std::string dots = "......................................................";
    const std::vector<std::pair<std::string, Style>> lines = {
        {title, Style{}.with_bold().with_wrap()},
        {verdict.empty() ? dots : verdict, Style{}.with_wrap()},
        {dots, Style{}},
        {"", Style{}},
        {"(ลงชื่อ) ..............................................", Style{}.with_align(Align::Center)},
        {"(                                        )", input.with_align(Align::Center)},
        {position, input.with_align(Align::Center).with_wrap()},
    };
    uint32_t r = top;
    for (const auto& [text, style] : lines) {
      if (!text.empty()) ws_.merge(r, col, r, last, text, style);
      ++r;
    }
    block_row_ = top;
    block_end_ = std::max(block_end_, r);
  }

  // The figures the memo states, as values (hidden, not printed).
  void facts_column(const Titles& t) {
    uint32_t r = 0;
    auto text = [&](const char* label, const std::string& v) {
      ws_.text(r, kFactLabel, label);
      ws_.text(r++, kFactValue, v);
    };
    auto number = [&](const char* label, std::optional<double> v) {
      ws_.text(r, kFactLabel, label);
      ws_.number_or_blank(r++, kFactValue, v);
    };
    const ita::Analysis& a = in_.analysis;
    text("หน่วยงาน", t.agency);
    number("ปีที่ประเมิน", year() > 0 ? std::optional<double>(year()) : std::nullopt);
    number("คะแนนรวม", a.scores.overall.score);
    text("ระดับ", has_scores() ? a.scores.level : "");
    number("คะแนนปีก่อน", a.scores.overall.previous);
    number("ปีของมาตรการ", plan() ? std::optional<double>(plan()->plan_year_be) : std::nullopt);
    number("จำนวนมาตรการ", plan() ? std::optional<double>(plan()->overall.total) : std::nullopt);
    number("ดำเนินการแล้ว", plan() ? std::optional<double>(plan()->overall.done) : std::nullopt);
    number("ร้อยละความสำเร็จ", plan() && plan()->overall.total ? std::optional<double>(plan()->overall.percent) : std::nullopt);
    number("ถึงกำหนดแล้ว", plan() ? std::optional<double>(plan()->overall.due) : std::nullopt);
    number("ร้อยละของที่ถึงกำหนด",
           plan() && plan()->overall.due ? std::optional<double>(plan()->overall.due_percent) : std::nullopt);
    number("เป้าหมายร้อยละ", plan() ? std::optional<double>(plan()->target_percent) : std::nullopt);
  }

  xlsx::SheetWriter& raw_;
  FittedSheet ws_;
  const SheetInputs& in_;
  uint32_t row_ = 0;
  std::optional<uint32_t> block_row_;
  uint32_t block_end_ = 0;
};

}  // namespace

void write_memo(xlsx::SheetWriter& ws, const SheetInputs& in) { Memo(ws, in).write(); }

}  // namespace itawb::output

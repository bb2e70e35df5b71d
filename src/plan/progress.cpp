#include "plan/progress.hpp"

#include <string>
#include <vector>

#include "text/fold.hpp"

namespace itawb::plan {
namespace {

// Ticked and empty check boxes as they come out of Word, PDF and HTML.
const std::vector<std::string_view>& ticked_marks() {
  static const std::vector<std::string_view> v = {"☑", "☒", "✓", "✔", "■", "[x]", "[/]", "(/)", "(x)"};
  return v;
}
const std::vector<std::string_view>& empty_marks() {
  static const std::vector<std::string_view> v = {"☐", "□", "[ ]", "( )"};
  return v;
}

// The part after the last ticked box, up to the next box of either kind.
std::string ticked_part(const std::string& s) {
  size_t best = std::string::npos, best_len = 0;
  for (auto m : ticked_marks()) {
    const size_t p = s.rfind(m);
    if (p != std::string::npos && (best == std::string::npos || p > best)) {
      best = p;
      best_len = m.size();
    }
  }
  if (best == std::string::npos) return s;
  std::string rest = s.substr(best + best_len);
  size_t end = rest.size();
  for (auto m : empty_marks()) end = std::min(end, rest.find(m));
  for (auto m : ticked_marks()) end = std::min(end, rest.find(m));
  return rest.substr(0, end);
}

std::string strip_marks(std::string s) {
  for (const auto* list : {&ticked_marks(), &empty_marks()})
    for (auto m : *list)
      for (size_t p = s.find(m); p != std::string::npos; p = s.find(m)) s.erase(p, m.size());
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '.' && c != '-' && c != ':') out.push_back(c);
  return out;
}

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }
bool starts(const std::string& s, std::string_view part) { return s.rfind(part, 0) == 0; }

}  // namespace

const char* to_string(Status s) {
  switch (s) {
    case Status::NotStarted: return "not-started";
    case Status::InProgress: return "in-progress";
    case Status::Done: return "done";
  }
  return "not-started";
}

const char* status_th(Status s) {
  switch (s) {
    case Status::NotStarted: return "ยังไม่ได้ดำเนินการ";
    case Status::InProgress: return "อยู่ระหว่างดำเนินการ";
    case Status::Done: return "ดำเนินการแล้ว";
  }
  return "";
}

const char* status_en(Status s) {
  switch (s) {
    case Status::NotStarted: return "not started";
    case Status::InProgress: return "in progress";
    case Status::Done: return "done";
  }
  return "";
}

std::optional<Status> parse_status(std::string_view text) {
  const std::string folded = text::fold(text);
  const std::string s = strip_marks(ticked_part(folded));
  if (s.empty()) return std::nullopt;
  // Negative and partial forms first: they contain "ดำเนินการ" too.
  if (starts(s, "ยังไม่") || starts(s, "ไม่ได้ดำเนินการ") || s == "ไม่ดำเนินการ" || s == "notstarted" ||
      s == "notyetstarted" || s == "todo")
    return Status::NotStarted;
  if (contains(s, "อยู่ระหว่าง") || contains(s, "บางส่วน") || contains(s, "กำลังดำเนินการ") || starts(s, "ระหว่างดำเนินการ") ||
      s == "inprogress" || s == "ongoing")
    return Status::InProgress;
  if (s == "ดำเนินการ" || starts(s, "ดำเนินการแล้ว") || s == "ดำเนินการเรียบร้อย" || s == "เสร็จสิ้น" ||
      s == "แล้วเสร็จ" || s == "เสร็จแล้ว" || s == "ดำเนินการเสร็จสิ้น" || s == "ดำเนินการแล้วเสร็จ" ||
      s == "ดำเนินการเสร็จแล้ว" || s == "เรียบร้อยแล้ว" || s == "done" || s == "completed" || s == "complete")
    return Status::Done;
  return std::nullopt;
}

}  // namespace itawb::plan

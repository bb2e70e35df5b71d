#include "plan/progress.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "schema/json_check.hpp"
#include "text/fold.hpp"
#include "text/thai.hpp"

namespace itawb::plan {
namespace {

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }
bool starts(const std::string& s, std::string_view part) { return s.rfind(part, 0) == 0; }

std::optional<Status> status_of_id(const std::string& id) {
  if (id == "not-started") return Status::NotStarted;
  if (id == "in-progress") return Status::InProgress;
  if (id == "done") return Status::Done;
  return std::nullopt;
}

}  // namespace

// The part after the last ticked box, up to the next box of either kind.
std::string StatusTable::ticked_part(const std::string& s) const {
  size_t best = std::string::npos, best_len = 0;
  for (const auto& m : ticked_) {
    const size_t p = s.rfind(m);
    if (p != std::string::npos && (best == std::string::npos || p > best)) {
      best = p;
      best_len = m.size();
    }
  }
  if (best == std::string::npos) return s;
  std::string rest = s.substr(best + best_len);
  size_t end = rest.size();
  for (const auto& m : empty_) end = std::min(end, rest.find(m));
  for (const auto& m : ticked_) end = std::min(end, rest.find(m));
  return rest.substr(0, end);
}

std::string StatusTable::strip_marks(std::string s) const {
  for (const auto* list : {&ticked_, &empty_})
    for (const auto& m : *list)
      for (size_t p = s.find(m); p != std::string::npos; p = s.find(m)) s.erase(p, m.size());
  for (const auto& m : ignored_multi_)
    for (size_t p = s.find(m); p != std::string::npos; p = s.find(m)) s.erase(p, m.size());
  std::string out;
  for (char c : s)
    if (ignored_.find(c) == std::string::npos) out.push_back(c);
  return out;
}

StatusTable StatusTable::from_json(std::string_view json_text, std::string_view meta_text, const std::string& file,
                                   bool check) {
  const nlohmann::json doc = schema::parse_resource_json(json_text, file);
  if (check) schema::MetaSchema(meta_text, "schemas/statuses.meta.json").check(doc, file);
  StatusTable t;
  t.ticked_ = doc.at("checkbox_marks").at("ticked").get<std::vector<std::string>>();
  t.empty_ = doc.at("checkbox_marks").at("empty").get<std::vector<std::string>>();
  if (doc.at("checkbox_marks").contains("ticked_leading"))
    t.ticked_leading_ = doc.at("checkbox_marks").at("ticked_leading").get<std::vector<std::string>>();
  if (doc.at("checkbox_marks").contains("ticked_means"))
    t.ticked_means_ = status_of_id(doc.at("checkbox_marks").at("ticked_means").get<std::string>());
  for (size_t i = 0; i < t.empty_.size(); ++i)
    if (std::find(t.ticked_.begin(), t.ticked_.end(), t.empty_[i]) != t.ticked_.end())
      schema::resource_invalid(file, schema::json_at("/checkbox_marks/empty", i),
                               "เครื่องหมาย \"" + t.empty_[i] + "\" เป็นทั้งช่องที่ทำเครื่องหมายและช่องว่าง",
                               "the mark \"" + t.empty_[i] + "\" is both ticked and empty");
  std::vector<std::string> order;
  if (doc.contains("matching")) {
    for (const auto& c : doc.at("matching").at("ignored_characters")) {
      const std::string ch = c.get<std::string>();
      if (ch.size() == 1) t.ignored_.push_back(ch[0]);
      else t.ignored_multi_.push_back(ch);
    }
    order = doc.at("matching").at("rule_order").get<std::vector<std::string>>();
  }
  const auto& statuses = doc.at("statuses");
  std::vector<std::string> ids;
  for (const auto& st : statuses) ids.push_back(st.at("id").get<std::string>());
  for (size_t i = 0; i < ids.size(); ++i)
    if (std::count(ids.begin(), ids.end(), ids[i]) > 1)
      schema::resource_invalid(file, schema::json_at("/statuses", i) + "/id", "สถานะ \"" + ids[i] + "\" ซ้ำ",
                               "the status \"" + ids[i] + "\" is listed twice");
  if (order.empty()) order = ids;
  for (const auto& id : order) {
    const size_t i = static_cast<size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
    const auto& st = statuses[i];
    const std::string path = schema::json_at("/statuses", i);
    Rules r;
    r.status = *status_of_id(id);
    const auto& rules = st.at("rules");
    if (rules.contains("equals")) r.equals = rules.at("equals").get<std::vector<std::string>>();
    if (rules.contains("starts_with")) r.starts_with = rules.at("starts_with").get<std::vector<std::string>>();
    if (rules.contains("contains")) r.contains = rules.at("contains").get<std::vector<std::string>>();
    if (st.at("th").get<std::string>() != status_th(r.status))
      schema::resource_invalid(file, path + "/th", std::string("ต้องเป็น \"") + status_th(r.status) + "\"",
                               std::string("must be \"") + status_th(r.status) + "\" (the status enum of the progress sheet)");
    if (st.at("en").get<std::string>() != status_en(r.status))
      schema::resource_invalid(file, path + "/en", std::string("ต้องเป็น \"") + status_en(r.status) + "\"",
                               std::string("must be \"") + status_en(r.status) + "\"");
    t.rules_.push_back(std::move(r));
  }
  // Every alias (and the Thai name) reads as its own status.
  for (size_t i = 0; i < statuses.size(); ++i) {
    const Status own = *status_of_id(ids[i]);
    const auto& aliases = statuses[i].at("aliases");
    for (size_t j = 0; j <= aliases.size(); ++j) {
      const std::string word = j < aliases.size() ? aliases[j].get<std::string>() : statuses[i].at("th").get<std::string>();
      const auto got = t.read(word);
      if (got != own)
        schema::resource_invalid(
            file, j < aliases.size() ? schema::json_at(schema::json_at("/statuses", i) + "/aliases", j) : schema::json_at("/statuses", i) + "/th",
            "\"" + word + "\" อ่านได้เป็น " + (got ? status_th(*got) : "ไม่มีสถานะ") + " ไม่ใช่ " + status_th(own),
            "\"" + word + "\" reads as " + (got ? to_string(*got) : "no status") + ", not " + to_string(own));
    }
  }
  return t;
}

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

std::optional<Status> StatusTable::read(std::string_view text) const {
  std::string folded = text::trim(text::fold(text));
  // A leading "/" is a tick: "/" alone, "/ ส่งแล้ว".
  bool ticked = false;
  for (const auto& m : ticked_leading_)
    if (starts(folded, m)) {
      folded = text::trim(folded.substr(m.size()));
      ticked = true;
      break;
    }
  for (const auto& m : ticked_)
    ticked = ticked || contains(folded, m);
  // Ticked, and the words beside the tick name no status: the tick decides.
  const std::optional<Status> tick = ticked ? ticked_means_ : std::nullopt;
  const std::string s = strip_marks(ticked_part(folded));
  if (s.empty()) return tick;
  // In rule order: negative and partial forms first, they contain "ดำเนินการ" too.
  for (const auto& r : rules_) {
    for (const auto& w : r.starts_with)
      if (starts(s, w)) return r.status;
    for (const auto& w : r.contains)
      if (contains(s, w)) return r.status;
    for (const auto& w : r.equals)
      if (s == w) return r.status;
  }
  return tick;
}

}  // namespace itawb::plan

// Progress statuses (สถานะ) of measures, read tolerantly by the words of
// schemas/statuses.json (a StatusTable):
//   done        ดำเนินการแล้ว, ดำเนินการ (alone), ☑ ดำเนินการ, เสร็จสิ้น,
//               แล้วเสร็จ, ดำเนินการเรียบร้อย(แล้ว), done, completed
//   in progress อยู่ระหว่างดำเนินการ, กำลังดำเนินการ, ระหว่างดำเนินการ, in progress
//   not started ยังไม่ได้ดำเนินการ, ยังไม่ดำเนินการ, ☐ ยังไม่ได้ดำเนินการ,
//               ไม่ได้ดำเนินการ, not started
// A cell holding the whole check-box pair of the seeds ("☐ ยังไม่ได้ดำเนินการ
// ☑ ดำเนินการ") is read by the ticked box. Anything else is unknown.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace itawb::plan {

enum class Status { NotStarted, InProgress, Done };

const char* to_string(Status s);  // "not-started", "in-progress", "done"
// The names itawb writes (the enum of schemas/sheets/progress.schema.json;
// statuses.json must say the same, checked when it is loaded).
const char* status_th(Status s);  // "ยังไม่ได้ดำเนินการ", "อยู่ระหว่างดำเนินการ", "ดำเนินการแล้ว"
const char* status_en(Status s);  // "not started", "in progress", "done"

// schemas/statuses.json: check-box marks, ignored characters and the rules
// that read a status cell. Checked against statuses.meta.json and for what
// JSON Schema cannot say (every alias reads as its own status, the names
// equal status_th/status_en, no mark both ticked and empty). Immutable.
class StatusTable {
 public:
  struct Rules {
    Status status = Status::NotStarted;
    std::vector<std::string> equals, starts_with, contains;
  };

  // Throws itawb::Error "resource-invalid" naming `file` and the JSON path.
  // `check` false: the text is one already checked against the meta-schema.
  static StatusTable from_json(std::string_view json_text, std::string_view meta_text,
                               const std::string& file = "schemas/statuses.json", bool check = true);

  // The status a cell's text means, or nullopt.
  std::optional<Status> read(std::string_view text) const;

  const std::vector<Rules>& rules() const { return rules_; }  // in the order they are tried

 private:
  std::string ticked_part(const std::string& s) const;
  std::string strip_marks(std::string s) const;

  std::vector<std::string> ticked_, empty_, ticked_leading_;
  std::optional<Status> ticked_means_;  // a tick beside no status word
  std::string ignored_;  // single-byte characters dropped before matching
  std::vector<std::string> ignored_multi_;
  std::vector<Rules> rules_;
};

inline std::optional<Status> parse_status(const StatusTable& table, std::string_view text) { return table.read(text); }

}  // namespace itawb::plan

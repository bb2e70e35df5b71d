// Progress statuses (สถานะ) of measures, read tolerantly:
//   done        ดำเนินการแล้ว, ดำเนินการ (alone), ☑ ดำเนินการ, เสร็จสิ้น,
//               แล้วเสร็จ, ดำเนินการเรียบร้อย(แล้ว), done, completed
//   in progress อยู่ระหว่างดำเนินการ, กำลังดำเนินการ, ระหว่างดำเนินการ, in progress
//   not started ยังไม่ได้ดำเนินการ, ยังไม่ดำเนินการ, ☐ ยังไม่ได้ดำเนินการ,
//               ไม่ได้ดำเนินการ, not started
// A cell holding the whole check-box pair of the seeds ("☐ ยังไม่ได้ดำเนินการ
// ☑ ดำเนินการ") is read by the ticked box. Anything else is unknown.
#pragma once

#include <optional>
#include <string_view>

namespace itawb::plan {

enum class Status { NotStarted, InProgress, Done };

const char* to_string(Status s);  // "not-started", "in-progress", "done"
const char* status_th(Status s);  // "ยังไม่ได้ดำเนินการ", "อยู่ระหว่างดำเนินการ", "ดำเนินการแล้ว"
const char* status_en(Status s);  // "not started", "in progress", "done"

std::optional<Status> parse_status(std::string_view text);

}  // namespace itawb::plan

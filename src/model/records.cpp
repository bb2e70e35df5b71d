#include "model/records.hpp"

#include "xlsx/cell_ref.hpp"

namespace itawb::model {

Finding finding_at(Severity severity, std::string code, const std::string& file,
                   const Origin& origin, std::string value, std::string message_th,
                   std::string message_en) {
  Finding f;
  f.severity = severity;
  f.code = std::move(code);
  f.file = file;
  if (origin.known()) {
    f.sheet = origin.sheet;
    f.cell = xlsx::ref_name(origin.row, origin.col);
    f.row = origin.row + 1;
    f.column = origin.col + 1;
  }
  f.value = std::move(value);
  f.message_th = std::move(message_th);
  f.message_en = std::move(message_en);
  return f;
}

}  // namespace itawb::model

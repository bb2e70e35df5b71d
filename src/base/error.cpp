#include "base/error.hpp"

namespace itawb {

Error::Error(std::string code, std::string message_th, std::string message_en, std::string file,
             std::string sheet, std::string cell)
    : std::runtime_error(message_en),
      code_(std::move(code)),
      message_th_(std::move(message_th)),
      message_en_(std::move(message_en)),
      file_(std::move(file)),
      sheet_(std::move(sheet)),
      cell_(std::move(cell)) {}

std::string Error::location() const {
  std::string where = sheet_;
  if (!cell_.empty()) where += (where.empty() ? "" : "!") + cell_;
  if (file_.empty()) return where;
  return where.empty() ? file_ : file_ + ": " + where;
}

std::string Error::message(const std::string& lang) const {
  const std::string& text = lang == "en" ? message_en_ : message_th_;
  const std::string where = location();
  return where.empty() ? text : where + ": " + text;
}

Error usage_error(std::string message_th, std::string message_en) {
  return Error("usage", std::move(message_th), std::move(message_en));
}

}  // namespace itawb

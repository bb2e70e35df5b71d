// Error: the library's one exception type. Whatever stops a command — a file
// that is not a workbook, a resource that cannot be used, a request that
// makes no sense — carries a stable code, one sentence in Thai and one in
// English, and where it happened (file, sheet, cell; each may be empty).
// Problems in a workbook's content are Findings (base/finding.hpp), never
// exceptions: they are collected, not thrown. The CLI catches Error in one
// place (cli/main.cpp) and prints the location and both sentences (exit 2).
#pragma once

#include <stdexcept>
#include <string>

namespace itawb {

class Error : public std::runtime_error {
 public:
  Error(std::string code, std::string message_th, std::string message_en, std::string file = {},
        std::string sheet = {}, std::string cell = {});

  const std::string& code() const { return code_; }  // "not-zip", "resource-invalid", "usage", ...
  const std::string& message_th() const { return message_th_; }
  const std::string& message_en() const { return message_en_; }
  const std::string& file() const { return file_; }
  const std::string& sheet() const { return sheet_; }
  const std::string& cell() const { return cell_; }

  // "file: sheet!cell" (the parts that are known), or "".
  std::string location() const;
  // The message in `lang` ("th" or "en"), with the location in front when known.
  std::string message(const std::string& lang) const;

 private:
  std::string code_, message_th_, message_en_, file_, sheet_, cell_;
};

// A request that cannot be carried out (an output naming the input, nothing
// to split, an unreadable option): an Error with code "usage" and no location.
Error usage_error(std::string message_th, std::string message_en);

}  // namespace itawb

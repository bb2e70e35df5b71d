// FileError: a file that cannot be read as a workbook at all (exit code 2).
// One clear sentence in each language; no partial results.
#pragma once

#include <stdexcept>
#include <string>

namespace itawb {

enum class FileProblem {
  NotFound,       // missing or unreadable path
  Empty,          // zero bytes
  NotZip,         // not a zip archive and not a known other format
  CorruptZip,     // truncated or damaged archive
  LegacyXls,      // BIFF .xls (OLE2 without an encrypted package)
  Encrypted,      // OLE2 container holding an encrypted OOXML package
  Xlsb,           // binary workbook
  MissingPart,    // required package part absent
  MalformedXml,   // XML that does not parse
  ForbiddenXml,   // DOCTYPE / entity declarations
  TooLarge,       // a limit was exceeded (entry size, ratio, cells)
  OutOfGrid,      // cell reference beyond XFD1048576
  Unsupported,    // anything else we refuse
};

const char* to_string(FileProblem p);  // "not-zip", "encrypted", ...

class FileError : public std::runtime_error {
 public:
  FileError(FileProblem problem, std::string path, std::string message_th,
            std::string message_en)
      : std::runtime_error(message_en),
        problem_(problem),
        path_(std::move(path)),
        message_th_(std::move(message_th)),
        message_en_(std::move(message_en)) {}

  FileProblem problem() const { return problem_; }
  const std::string& path() const { return path_; }
  const std::string& message_th() const { return message_th_; }
  const std::string& message_en() const { return message_en_; }

 private:
  FileProblem problem_;
  std::string path_;
  std::string message_th_;
  std::string message_en_;
};

}  // namespace itawb

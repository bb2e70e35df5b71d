// FileError: a file that cannot be read as a workbook at all (exit code 2).
// One clear sentence in each language; no partial results.
#pragma once

#include <string>

#include "base/error.hpp"

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

// A FileError is an Error whose code is to_string(problem) and whose file
// is the path.
class FileError : public Error {
 public:
  FileError(FileProblem problem, std::string path, std::string message_th, std::string message_en)
      : Error(to_string(problem), std::move(message_th), std::move(message_en), path), problem_(problem) {}
  FileProblem problem() const { return problem_; }
  const std::string& path() const { return file(); }

 private:
  FileProblem problem_;
};

}  // namespace itawb

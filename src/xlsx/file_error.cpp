#include "xlsx/file_error.hpp"

namespace itawb {

const char* to_string(FileProblem p) {
  switch (p) {
    case FileProblem::NotFound: return "not-found";
    case FileProblem::Empty: return "empty-file";
    case FileProblem::NotZip: return "not-zip";
    case FileProblem::CorruptZip: return "corrupt-zip";
    case FileProblem::LegacyXls: return "legacy-xls";
    case FileProblem::Encrypted: return "encrypted";
    case FileProblem::Xlsb: return "xlsb";
    case FileProblem::MissingPart: return "missing-part";
    case FileProblem::MalformedXml: return "malformed-xml";
    case FileProblem::ForbiddenXml: return "forbidden-xml";
    case FileProblem::TooLarge: return "too-large";
    case FileProblem::OutOfGrid: return "out-of-grid";
    case FileProblem::Unsupported: return "unsupported";
  }
  return "unsupported";
}

}  // namespace itawb

// PDF for the website (OIT o27/o28) and the signature: a written workbook
// printed to PDF by LibreOffice (headless Calc), which the host finds and
// passes in. Only the chosen sheets are printed: the others are hidden in a
// private copy, the input is never touched. Each run has its own LibreOffice
// profile (no clash with an open LibreOffice or another run), a time limit,
// and its whole process group is ended on timeout.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace itawb::app {

struct PdfOptions {
  std::filesystem::path soffice;    // LibreOffice's program (soffice); empty: not installed
  std::vector<std::string> sheets;  // the sheets to print, by name; empty: every visible sheet
  std::filesystem::path work_dir;   // where the profile and the copy go (the host's temporary folder)
  int timeout_seconds = 180;
};

// The sheets a supervisor signs and the website shows, in workbook order:
// the memo, the results and the plan, not the findings nor the agency's own
// sheets. `written` is the output's sheet names (AnalyzeResult::sheets).
std::vector<std::string> default_pdf_sheets(const std::vector<std::string>& written);

// "--pdf-sheets" as typed: names separated by commas, each matched to a
// sheet of `written` as text::label_key matches; throws a usage Error naming
// the sheets there are when one is not found.
std::vector<std::string> choose_pdf_sheets(const std::string& typed, const std::vector<std::string>& written);

// Prints `xlsx` to `pdf` (written atomically). Throws itawb::Error:
// "pdf-unavailable" (no LibreOffice: the message says how to install it),
// "pdf-timeout", "pdf-failed" (LibreOffice's exit status).
void write_pdf(const std::filesystem::path& xlsx, const std::filesystem::path& pdf, const PdfOptions& options);

}  // namespace itawb::app

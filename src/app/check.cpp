#include "app/check.hpp"

#include <chrono>
#include <ctime>
#include <set>

#include "base/error.hpp"

namespace itawb::app {
namespace {

calendar::Date today() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm local{};
  localtime_r(&now, &local);
  return calendar::Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

Finding file_finding(const std::string& file, Severity severity, std::string code, std::string th, std::string en) {
  Finding f;
  f.severity = severity;
  f.code = std::move(code);
  f.file = file;
  f.message_th = std::move(th);
  f.message_en = std::move(en);
  return f;
}

// The framework a workbook without scores is planned against: the newest one
// (its issues name the measures' ประเด็น). A workbook with scores and no
// framework cannot be analysed: that is an error.
const model::Framework* framework_for(const Resources& resources, const model::LoadResult& loaded,
                                      const std::string& file, Findings& findings) {
  if (loaded.framework) return loaded.framework;
  if (loaded.model.has_scores()) {
    findings.add(file_finding(file, Severity::Error, "framework-missing",
                              "ไม่พบเกณฑ์การประเมินของปีที่ประเมิน จึงวิเคราะห์คะแนนไม่ได้ (กรอกปีที่ประเมิน หรือระบุด้วย --year)",
                              "no assessment framework for the assessment year, so the scores cannot be analysed "
                              "(fill in the assessment year or use --year)"));
    return nullptr;
  }
  const auto years = resources.frameworks.years();
  return years.empty() ? nullptr : resources.frameworks.for_year(years.back());
}

// Appends `later` without what repeats a cell already found to be an error
// (a score of 120 is one constraint-error, not also a missing score).
void append_new(Findings& findings, const Findings& later) {
  std::set<std::pair<std::string, std::string>> wrong;
  for (const auto& f : findings.items())
    if (f.severity == Severity::Error && !f.cell.empty()) wrong.emplace(f.sheet, f.cell);
  for (const auto& f : later.items())
    if (f.cell.empty() || !wrong.count({f.sheet, f.cell})) findings.add(f);
}

}  // namespace

calendar::Date as_of_date(const std::optional<std::string>& as_of) {
  if (!as_of) return today();
  const auto parsed = calendar::parse_date(*as_of);
  if (!parsed)
    throw usage_error("อ่านวันที่ --as-of ไม่ได้: " + *as_of, "cannot read the --as-of date: " + *as_of);
  return *parsed;
}

Checked check_workbook(const Resources& resources, const xlsx::Workbook& workbook, const CheckOptions& options) {
  const calendar::Date as_of = options.as_of ? *options.as_of : today();
  Checked out;
  model::LoadOptions lo;
  lo.file_label = options.file_label.empty() ? workbook.path() : options.file_label;
  lo.year = options.year;
  lo.readers["statuses"] = [&resources](std::string_view text) -> std::optional<std::string> {
    const auto status = resources.statuses.read(text);
    return status ? std::optional<std::string>(plan::status_th(*status)) : std::nullopt;
  };
  model::LoadResult loaded = model::load_workbook(workbook, resources.schemas, resources.frameworks, lo);
  out.findings.append(loaded.findings);
  out.framework = framework_for(resources, loaded, lo.file_label, out.findings);
  out.model = std::move(loaded.model);
  if (!out.framework) return out;

  out.analysis = ita::analyse(out.model, *out.framework);
  append_new(out.findings, out.analysis->findings);
  out.plan = plan::build_plan(out.model, out.analysis->deficiencies, resources.catalog, resources.departments,
                              resources.statuses, as_of);
  append_new(out.findings, out.plan->findings);
  return out;
}

output::FileReport validate_file(const Resources& resources, const std::string& path, std::optional<int> year,
                                 const xlsx::Limits& limits) {
  try {
    const xlsx::Workbook workbook = xlsx::Workbook::open(path, limits);
    CheckOptions options;
    options.file_label = path;
    options.year = year;
    output::FileReport r;
    r.path = path;
    r.findings = check_workbook(resources, workbook, options).findings;
    return r;
  } catch (const FileError& e) {
    return output::unreadable_report(path, e);
  }
}

}  // namespace itawb::app

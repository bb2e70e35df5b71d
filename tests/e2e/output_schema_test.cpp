// The written contract with the hosts: the --json documents of analyze,
// validate, batch and inspect checked against schemas/output/*.schema.json
// (JSON Schema draft-07, with valijson) on the bundled examples and on bad
// inputs; wrong documents are rejected (so the check can fail); and every
// field a host reads (docs/hosts.md, "What the hosts read") is one the
// schemas define.
#include <catch2/catch.hpp>

#include <fstream>
#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "support/helpers.hpp"

using namespace itawb;
using itawb::test::example;
using itawb::test::fixture;
using itawb::test::run_itawb;
using itawb::test::write_bytes;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kAsOf = "2025-03-31";

fs::path schema_dir() { return test::repo_dir() / "schemas" / "output"; }

json read_json(const fs::path& file) { return json::parse(test::read_bytes(file)); }

// One output schema, parsed once: its $refs to other files of
// schemas/output/ ("finding.schema.json") are read from that folder.
class OutputSchema {
 public:
  explicit OutputSchema(const std::string& name) {
    const json doc = read_json(schema_dir() / name);
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter adapter(doc);
    parser.populateSchema<valijson::adapters::NlohmannJsonAdapter>(
        adapter, schema_,
        [](const std::string& uri) -> const json* {
          const std::string file = uri.substr(uri.find_last_of('/') + 1);
          return new json(read_json(schema_dir() / file));
        },
        [](const json* doc) { delete doc; });
  }

  // Every violation as "JSON path: what"; empty when `doc` conforms.
  std::vector<std::string> errors(const json& doc) const {
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter adapter(doc);
    std::vector<std::string> out;
    if (validator.validate(schema_, adapter, &results)) return out;
    for (const auto& e : results) {
      std::string path;
      for (const auto& part : e.context) path += part;
      out.push_back(path + ": " + e.description);
    }
    return out;
  }

 private:
  valijson::Schema schema_;
};

const OutputSchema& output_schema(const std::string& command) {
  static std::map<std::string, std::unique_ptr<OutputSchema>> cache;
  auto& s = cache[command];
  if (!s) s = std::make_unique<OutputSchema>(command + ".schema.json");
  return *s;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

#define CHECK_CONFORMS(command, doc)                              \
  do {                                                            \
    const auto violations_ = output_schema(command).errors(doc);         \
    INFO(joined(violations_));                                    \
    CHECK(violations_.empty());                                   \
  } while (false)

std::vector<fs::path> examples() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(test::repo_dir() / "workbooks" / "examples"))
    if (e.path().extension() == ".xlsx") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Files that are not workbooks: each is refused with its own reason.
std::vector<fs::path> broken_files(const fs::path& dir) {
  const std::string good = test::read_bytes(example("thungthong-2567.xlsx"));
  write_bytes(dir / "truncated.xlsx", good.substr(0, good.size() / 2));
  write_bytes(dir / "notzip.xlsx", "จังหวัด,หน่วยงาน\nชุมพร,อบต.\n");
  write_bytes(dir / "empty.xlsx", "");
  return {dir / "truncated.xlsx", dir / "notzip.xlsx", dir / "empty.xlsx"};
}

}  // namespace

TEST_CASE("the output schemas are draft-07 documents that valijson reads", "[contract]") {
  for (const char* command : {"analyze", "validate", "batch", "inspect"}) {
    INFO(command);
    const json doc = read_json(schema_dir() / (std::string(command) + ".schema.json"));
    CHECK(doc["$schema"] == "http://json-schema.org/draft-07/schema#");
    CHECK(doc["additionalProperties"] == false);
    CHECK_FALSE(doc["description"].get<std::string>().empty());
    CHECK_NOTHROW(output_schema(command));
  }
}

TEST_CASE("analyze --json of every bundled example and of bad inputs matches its schema", "[contract]") {
  test::TempDir tmp;
  int checked = 0;
  for (const auto& file : examples()) {
    INFO(file.filename().string());
    const auto r = run_itawb({"analyze", file.string(), "-o", (tmp / (file.stem().string() + "-out.xlsx")).string(),
                              "--json", "-q", "--as-of", kAsOf});
    REQUIRE(r.exit_code == 0);
    const json doc = json::parse(r.out);
    CHECK_CONFORMS("analyze", doc);
    CHECK(doc.contains("progress"));
    ++checked;
  }
  CHECK(checked == 5);

  SECTION("a workbook with errors: valid false, exit 1") {
    const auto r = run_itawb({"analyze", fixture("officer/patueng-2568-duplicate-id.xlsx").string(), "-o",
                              (tmp / "dup.xlsx").string(), "--json", "-q", "--as-of", kAsOf});
    CHECK(r.exit_code == 1);
    const json doc = json::parse(r.out);
    CHECK(doc["valid"] == false);
    CHECK(doc["summary"]["errors"].get<int>() > 0);
    CHECK_CONFORMS("analyze", doc);
  }
  SECTION("no framework fits (--year 2550): no analysis, nothing written") {
    const auto r = run_itawb({"analyze", example("thungthong-2567.xlsx").string(), "-o", (tmp / "none.xlsx").string(),
                              "--year", "2550", "--json", "-q"});
    CHECK(r.exit_code == 1);
    const json doc = json::parse(r.out);
    CHECK(doc["overall"].is_null());
    CHECK(doc["tools"].is_null());
    CHECK(doc["output"].is_null());
    CHECK_FALSE(doc.contains("progress"));
    CHECK_CONFORMS("analyze", doc);
  }
  SECTION("a file that is not a workbook: exit 2 and no document") {
    for (const auto& bad : broken_files(tmp.path())) {
      const auto r = run_itawb({"analyze", bad.string(), "-o", (tmp / "bad-out.xlsx").string(), "--json"});
      CHECK(r.exit_code == 2);
      CHECK(r.out.empty());
      CHECK_FALSE(r.err.empty());
    }
  }
}

TEST_CASE("validate --json of the bundled examples and of unreadable files matches its schema", "[contract]") {
  test::TempDir tmp;
  std::vector<std::string> args{"validate", "--json"};
  for (const auto& file : examples()) args.push_back(file.string());
  args.push_back(fixture("officer/patueng-2568-duplicate-id.xlsx").string());
  {
    const auto r = run_itawb(args);
    CHECK(r.exit_code == 1);  // the duplicate id
    const json doc = json::parse(r.out);
    CHECK(doc["files"].size() == 6);
    CHECK(doc["stats"]["files"] == 6);
    CHECK_CONFORMS("validate", doc);
  }
  for (const auto& bad : broken_files(tmp.path())) args.push_back(bad.string());
  const auto r = run_itawb(args);
  CHECK(r.exit_code == 2);  // some file cannot be read: the document all the same
  const json doc = json::parse(r.out);
  REQUIRE(doc["files"].size() == 9);
  for (size_t i = 6; i < 9; ++i) {
    CHECK(doc["files"][i]["readable"] == false);
    CHECK(doc["files"][i]["findings"].size() == 1);
  }
  CHECK(doc["files"][8]["findings"][0]["code"] == "empty-file");
  CHECK_CONFORMS("validate", doc);
}

TEST_CASE("inspect --json of workbooks with every kind of cell matches its schema", "[contract]") {
  std::vector<fs::path> files = examples();
  for (const char* f : {"xlsx/dates.xlsx", "xlsx/date1904-true.xlsx", "xlsx/basic.xlsx", "xlsx/basic-libreoffice.xlsx",
                        "ods/values.ods", "ods/dates-libreoffice.ods"})
    files.push_back(fixture(f));
  std::set<std::string> types;
  for (const auto& file : files) {
    INFO(file.filename().string());
    const auto r = run_itawb({"inspect", file.string(), "--json"});
    REQUIRE(r.exit_code == 0);
    const json doc = json::parse(r.out);
    CHECK_CONFORMS("inspect", doc);
    for (const auto& s : doc["sheets"])
      for (const auto& c : s["cells"]) types.insert(c["type"].get<std::string>());
  }
  CHECK(types == std::set<std::string>{"n", "s", "b", "d", "e"});

  const auto one = run_itawb({"inspect", example("thungthong-2567.xlsx").string(), "--sheet", "หน่วยงาน", "--json"});
  REQUIRE(one.exit_code == 0);
  const json doc = json::parse(one.out);
  CHECK(doc["sheets"].size() == 1);
  CHECK_CONFORMS("inspect", doc);

  test::TempDir tmp;
  for (const auto& bad : broken_files(tmp.path())) {
    const auto r = run_itawb({"inspect", bad.string(), "--json"});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
  }
  const auto no_sheet = run_itawb({"inspect", example("thungthong-2567.xlsx").string(), "--sheet", "ไม่มี", "--json"});
  CHECK(no_sheet.exit_code == 2);
  CHECK(no_sheet.out.empty());
}

TEST_CASE("batch --json over good, bad and zipped inputs matches its schema", "[contract]") {
  test::TempDir tmp;
  const fs::path in = tmp / "in";
  fs::create_directories(in / "sub");
  for (const auto& file : examples()) fs::copy_file(file, in / file.filename());
  broken_files(in);
  fs::copy_file(fixture("officer/patueng-2568-duplicate-id.xlsx"), in / "sub" / "dup.xlsx");
  const fs::path zip = tmp / "district-cp874.zip";
  fs::copy_file(fixture("batch/district-cp874.zip"), zip);
  const auto r = run_itawb({"batch", in.string(), zip.string(), "-o", (tmp / "out").string(), "--as-of", kAsOf,
                            "--json", "-q", "-j", "2"});
  CHECK(r.exit_code == 1);
  const json doc = json::parse(r.out);
  CHECK(doc["refused"].size() >= 3);
  CHECK(doc["with_errors"].size() >= 1);
  CHECK(doc["summary"].is_string());
  CHECK_CONFORMS("batch", doc);

  SECTION("again with --resume: the kept outputs are skipped") {
    const auto again = run_itawb({"batch", in.string(), zip.string(), "-o", (tmp / "out").string(), "--as-of", kAsOf,
                                  "--json", "-q", "--resume"});
    const json resumed = json::parse(again.out);
    std::set<std::string> statuses;
    for (const auto& f : resumed["files"]) statuses.insert(f["status"].get<std::string>());
    CHECK(statuses == std::set<std::string>{"skipped", "refused"});
    CHECK_CONFORMS("batch", resumed);
  }

  SECTION("the summary cannot be written: summary null, summary_error, exit 2") {
    const fs::path out = tmp / "blocked";
    fs::create_directories(out / "สรุปผลการประเมิน-รวม.xlsx");  // a folder where the file would go
    const auto b = run_itawb({"batch", example("thungthong-2567.xlsx").string(), "-o", out.string(), "--as-of",
                              kAsOf, "--json", "-q", "--summary-only"});
    CHECK(b.exit_code == 2);
    const json blocked = json::parse(b.out);
    CHECK(blocked["summary"].is_null());
    CHECK(blocked.contains("summary_error"));
    CHECK_CONFORMS("batch", blocked);
  }
}

TEST_CASE("a document the schemas do not allow is rejected, naming where", "[contract]") {
  test::TempDir tmp;
  const auto r = run_itawb({"analyze", example("thungthong-2567.xlsx").string(), "-o", (tmp / "a.xlsx").string(),
                            "--json", "-q", "--as-of", kAsOf});
  REQUIRE(r.exit_code == 0);
  const json good = json::parse(r.out);
  REQUIRE(output_schema("analyze").errors(good).empty());
  REQUIRE(!good["findings"].empty());

  // Each edit alone makes the document wrong; the message names the place.
  const std::vector<std::pair<std::string, std::function<void(json&)>>> edits{
      {"valid", [](json& d) { d.erase("valid"); }},
      {"score", [](json& d) { d["overall"]["score"] = "97.13"; }},
      {"score", [](json& d) { d["overall"]["score"] = 101; }},
      {"IIT", [](json& d) { d["tools"]["IIT"]["score"] = true; }},
      {"tools", [](json& d) { d["tools"]["XIT"] = d["tools"]["IIT"]; }},
      {"severity", [](json& d) { d["findings"][0]["severity"] = "fatal"; }},
      {"findings", [](json& d) { d["findings"][0].erase("message_en"); }},
      {"findings", [](json& d) { d["findings"][0]["cell"] = "c7"; }},
      {"agency", [](json& d) { d["agency"]["assessment_year"] = "2567"; }},
      {"status", [](json& d) { d["measures"][0]["status"] = "finished"; }},
      {"total_score", [](json& d) { d["total_score"] = 97.13; }},  // a field no host can rely on
  };
  for (const auto& [where, edit] : edits) {
    json bad = good;
    edit(bad);
    const auto violations = output_schema("analyze").errors(bad);
    INFO(bad.dump().substr(0, 200));
    REQUIRE_FALSE(violations.empty());
    CHECK(joined(violations).find(where) != std::string::npos);
  }

  const json refused_file{{"path", "a.xlsx"}, {"status", "refused"}, {"output", nullptr}, {"written", false},
                          {"errors", nullptr}, {"warnings", nullptr}, {"reason", "ว่างเปล่า"}};
  const json analysed_file{{"path", "b.xlsx"}, {"status", "analysed"}, {"output", "out/b-itawb.xlsx"}, {"written", true},
                           {"errors", 0}, {"warnings", 2}, {"reason", nullptr}};
  json batch{{"inputs", 2}, {"analysed", 1}, {"refused", {{{"path", "a.xlsx"}, {"reason", "ว่างเปล่า"}}}},
             {"with_errors", json::array()}, {"files", {refused_file, analysed_file}}, {"summary", "out/สรุป.xlsx"},
             {"seconds", 0.5}};
  CHECK(output_schema("batch").errors(batch).empty());
  for (const auto& edit : std::vector<std::function<void(json&)>>{
           [](json& f) { f[0]["reason"] = nullptr; },        // refused without a reason
           [](json& f) { f[0]["written"] = true; },          // refused, yet written
           [](json& f) { f[1]["reason"] = "?"; },            // analysed with a reason
           [](json& f) { f[1]["errors"] = nullptr; },        // analysed without its counts
           [](json& f) { f[1]["status"] = "done"; },         // no such status
           [](json& f) { f[1].erase("written"); }}) {
    json wrong = batch;
    edit(wrong["files"]);
    INFO(wrong["files"].dump());
    CHECK_FALSE(output_schema("batch").errors(wrong).empty());
  }
  batch["summary"] = nullptr;  // null only with summary_error
  CHECK_FALSE(output_schema("batch").errors(batch).empty());
  batch["summary_error"] = {{"code", "write-failed"}, {"th", "เขียนไม่ได้"}, {"en", "cannot write"}};
  CHECK(output_schema("batch").errors(batch).empty());
  batch["refused"][0].erase("reason");
  CHECK_FALSE(output_schema("batch").errors(batch).empty());

  json validate{{"valid", true}, {"files", json::array()}, {"stats", {{"files", 0}, {"errors", 0}, {"warnings", 0}}}};
  CHECK(output_schema("validate").errors(validate).empty());
  validate["files"].push_back({{"path", "a.xlsx"}, {"valid", true}, {"findings", json::array()}, {"suppressed", json::object()}});
  CHECK_FALSE(output_schema("validate").errors(validate).empty());  // no "readable"

  json inspect{{"file", "a.xlsx"}, {"date1904", false},
               {"sheets", {{{"name", "S"}, {"visibility", "visible"}, {"kind", "worksheet"}, {"merged", json::array()},
                            {"cells", {{{"ref", "A1"}, {"type", "n"}, {"value", 1.5}, {"format", "General"}}}}}}}};
  CHECK(output_schema("inspect").errors(inspect).empty());
  inspect["sheets"][0]["cells"][0]["value"] = "1.5";  // a number cell with a text value
  CHECK_FALSE(output_schema("inspect").errors(inspect).empty());
}

namespace {

// Whether the schema `node` (of the document `doc`) defines the field at
// `path` (keys; "*" = every item of an array), following $refs (local and
// to other files of schemas/output/) and every branch of oneOf/anyOf/allOf.
bool defines(const json& doc, const json& node, const std::vector<std::string>& path, size_t at = 0) {
  if (node.contains("$ref")) {
    const std::string ref = node["$ref"];
    if (ref.rfind("#/", 0) == 0) return defines(doc, doc.at(json::json_pointer(ref.substr(1))), path, at);
    const json other = read_json(schema_dir() / ref.substr(0, ref.find('#')));
    return defines(other, other, path, at);
  }
  for (const char* branches : {"oneOf", "anyOf", "allOf"})
    if (node.contains(branches))
      for (const auto& b : node[branches])
        if (defines(doc, b, path, at)) return true;
  if (at == path.size()) return !node.is_null();
  const std::string& key = path[at];
  if (key == "*") return node.contains("items") && defines(doc, node["items"], path, at + 1);
  if (node.contains("properties") && node["properties"].contains(key))
    return defines(doc, node["properties"][key], path, at + 1);
  if (node.contains("additionalProperties") && node["additionalProperties"].is_object())
    return defines(doc, node["additionalProperties"], path, at + 1);
  return false;
}

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == sep) {
      out.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '`')) s.pop_back();
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '`')) ++i;
  return s.substr(i);
}

}  // namespace

TEST_CASE("every field a host reads (docs/hosts.md) is defined by its command's schema", "[contract]") {
  std::ifstream md(test::repo_dir() / "docs" / "hosts.md");
  std::string line;
  bool in_table = false;
  int fields = 0;
  std::set<std::string> hosts;
  while (std::getline(md, line)) {
    if (line.rfind("### What the hosts read", 0) == 0) in_table = true;
    else if (in_table && line.rfind("#", 0) == 0) break;
    if (!in_table || line.rfind("| ", 0) != 0) continue;
    const auto cells = split(line, '|');  // "", host, commands, field, what, ""
    if (cells.size() < 5 || trimmed(cells[3]).rfind('/', 0) != 0) continue;
    const std::string host = trimmed(cells[1]), field = trimmed(cells[3]);
    hosts.insert(host);
    for (auto command : split(trimmed(cells[2]), ',')) {
      command = trimmed(command);
      // validate's findings are per file.
      const std::string pointer = command == "validate" && field.rfind("/findings", 0) == 0 ? "/files/*" + field : field;
      auto path = split(pointer.substr(1), '/');
      const json schema = read_json(schema_dir() / (command + ".schema.json"));
      INFO(host << " reads " << pointer << " of " << command << " --json");
      CHECK(defines(schema, schema, path));
      ++fields;
    }
  }
  CHECK(hosts == std::set<std::string>{"page", "Excel add-in", "Calc"});
  CHECK(fields >= 50);

  // The walk itself finds what is not there.
  const json analyze = read_json(schema_dir() / "analyze.schema.json");
  CHECK(defines(analyze, analyze, {"progress", "by_owner", "กองคลัง", "completion"}));
  CHECK(defines(analyze, analyze, {"findings", "*", "message_th"}));
  CHECK_FALSE(defines(analyze, analyze, {"overall", "grade"}));
  CHECK_FALSE(defines(analyze, analyze, {"tools", "XIT", "score"}));
  CHECK_FALSE(defines(analyze, analyze, {"findings", "*", "message"}));
}

// Records and columns described once: a column added to the copied sheet
// schemas (measures and progress: field "note", หมายเหตุ) is read, written by
// analyze on the มาตรการ sheet, sent to the departments by split and kept by
// merge, with no C++ change between the schema edit and the outcome. The
// workbooks are edited with openpyxl and read back with openpyxl.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>

#include "app/analyze.hpp"
#include "app/exchange_files.hpp"
#include "app/resources.hpp"
#include "support/helpers.hpp"
#include "text/thai.hpp"

namespace fs = std::filesystem;
using itawb::test::openpyxl_read;
using itawb::test::run_command;
using itawb::test::sheet_of;
using itawb::test::TempDir;
using nlohmann::json;
using namespace itawb;

namespace {

const std::string kNote = "หมายเหตุ";

std::string text_at(const json& sheet, const std::string& ref) {
  const auto& cells = sheet.at("cells");
  if (!cells.contains(ref)) return "";
  const auto& v = cells.at(ref).at("v");
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long>());
  return v.dump();
}

std::string letters(const std::string& ref) { return ref.substr(0, ref.find_first_of("0123456789")); }
int row_of(const std::string& ref) { return std::stoi(ref.substr(ref.find_first_of("0123456789"))); }

// Column letter of the cell on `row` (1-based) reading `header`, "" when none.
std::string column_of(const json& sheet, const std::string& header, int row) {
  for (const auto& [ref, cell] : sheet.at("cells").items())
    if (row_of(ref) == row && cell.at("v") == header) return letters(ref);
  return "";
}

// {key column value -> note column value} for the rows below `header_row`.
std::map<std::string, std::string> notes_by(const json& sheet, int header_row, const std::string& key_header) {
  const std::string key = column_of(sheet, key_header, header_row), note = column_of(sheet, kNote, header_row);
  REQUIRE(!key.empty());
  REQUIRE(!note.empty());
  std::map<std::string, std::string> out;
  int last = 0;
  for (const auto& [ref, cell] : sheet.at("cells").items()) last = std::max(last, row_of(ref));
  for (int r = header_row + 1; r <= last; ++r) {
    const std::string k = text_at(sheet, key + std::to_string(r)), v = text_at(sheet, note + std::to_string(r));
    if (!k.empty() && !v.empty()) out[k] = v;
  }
  return out;
}

json note_field(const std::string& description) {
  return {{"name", "note"},
          {"title", kNote},
          {"title_en", "Note"},
          {"type", "string"},
          {"constraints", {{"required", false}}},
          {"description", description},
          {"description_en", "Note (optional)"},
          {"x-width", 20}};
}

void add_note_field(const fs::path& schema_file, const std::string& description) {
  json schema = json::parse(std::ifstream(schema_file));
  schema.at("fields").push_back(note_field(description));
  std::ofstream(schema_file) << schema.dump(2);
}

// schemas/ and workbooks/catalog copied, "note" added to measures and progress.
struct Home {
  TempDir dir;
  app::Resources resources;
  Home() : resources(make()) {}
  app::Resources make() {
    const fs::path repo = test::repo_dir();
    fs::copy(repo / "schemas", dir / "schemas", fs::copy_options::recursive);
    fs::create_directories(dir / "workbooks");
    fs::copy(repo / "workbooks" / "catalog", dir / "workbooks" / "catalog", fs::copy_options::recursive);
    add_note_field(dir / "schemas" / "sheets" / "measures.schema.json", "หมายเหตุของมาตรการ (ไม่บังคับ)");
    add_note_field(dir / "schemas" / "sheets" / "progress.schema.json", "หมายเหตุของการรายงาน (ไม่บังคับ)");
    return app::load_resources(dir.path());
  }
};

const std::map<std::string, std::string> kNotes = {{"1", "ใช้ข้อมูลจากเว็บไซต์"}, {"3", "ต่อเนื่องจากปีก่อน"}};

// thungthong-2567.xlsx with a หมายเหตุ column on its มาตรการ sheet.
fs::path workbook_with_notes(const TempDir& dir) {
  const fs::path values = dir / "notes.json", out = dir / "thungthong-notes.xlsx";
  std::ofstream(values) << json(kNotes).dump();
  const auto r = run_command({"/usr/bin/python3", (test::repo_dir() / "tests/tools/add_column.py").string(),
                              test::example("thungthong-2567.xlsx").string(), out.string(), "มาตรการ", "ลำดับ",
                              kNote, values.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return out;
}

}  // namespace

TEST_CASE("a column added to the measures schema is read into the records without C++ changes", "[columns]") {
  Home home;
  const auto* measures = home.resources.schemas.sheet("measures");
  REQUIRE(measures != nullptr);
  REQUIRE(measures->field("note") != nullptr);
  const fs::path input = workbook_with_notes(home.dir);

  app::AnalyzeOptions options;
  options.input = input;
  options.output = home.dir / "analyzed.xlsx";
  options.digits = text::DigitStyle::Arabic;  // the test looks columns up by their Arabic headers
  options.as_of = "2025-01-15";
  const auto result = app::analyze(home.resources, options);
  REQUIRE(result.exit_code == 0);
  REQUIRE(result.model.measures.size() >= 3);
  CHECK(result.model.measures[0].value("note") == kNotes.at("1"));
  CHECK(result.model.measures[1].value("note").empty());
  CHECK(result.model.measures[2].value("note") == kNotes.at("3"));

  // (a) the มาตรการ sheet analyze writes has the column, after the schema's
  // other columns and before the plan's quarters, with the values.
  const json dump = openpyxl_read(result.output);
  const json& sheet = sheet_of(dump, "มาตรการ");
  REQUIRE(!sheet.is_null());
  CHECK(column_of(sheet, "ตัวชี้วัดความสำเร็จ", 3) == "I");
  CHECK(column_of(sheet, kNote, 3) == "J");
  CHECK(column_of(sheet, "ไตรมาสตามแผน", 3) == "K");
  CHECK(notes_by(sheet, 3, "ลำดับ") == kNotes);

  // The sheet reads back as the measures input, the column included.
  app::AnalyzeOptions again;
  again.input = result.output;
  again.output = home.dir / "again.xlsx";
  again.as_of = "2025-01-15";
  const auto reread = app::analyze(home.resources, again);
  REQUIRE(reread.exit_code == 0);
  REQUIRE(reread.model.measures.size() == result.model.measures.size());
  CHECK(reread.model.measures[2].value("note") == kNotes.at("3"));
}

TEST_CASE("split sends an added schema column to the departments and merge keeps it", "[columns][split]") {
  Home home;
  const fs::path master = workbook_with_notes(home.dir);

  // (b) split: both parts of every department's workbook have the column; the
  // measures part with the values of that department's measures.
  app::SplitRequest split;
  split.input = master;
  split.out_dir = home.dir / "out";
  split.split_time = "2025-01-15T00:00:00Z";
  split.as_of = calendar::Date{2025, 1, 15};
  const auto report = app::split_workbook(home.resources, split);
  REQUIRE(!report.files.empty());
  std::map<std::string, std::string> sent;
  for (const auto& f : report.files) {
    INFO(f.file);
    const json dump = openpyxl_read(f.file);
    const json& ms = sheet_of(dump, "มาตรการ");
    const json& ps = sheet_of(dump, "ความก้าวหน้า");
    REQUIRE(!ms.is_null());
    REQUIRE(!ps.is_null());
    // The department workbook writes the measure's number in its own (Thai) digits.
    for (const auto& [id, note] : notes_by(ms, 2, "ลำดับ")) sent[text::digits(id, text::DigitStyle::Arabic)] = note;
    CHECK(!column_of(ps, kNote, 4).empty());
    // The department's progress columns keep their places; the new one follows.
    CHECK(column_of(ps, "ลำดับมาตรการ", 4) == "A");
    CHECK(column_of(ps, "สถานะ", 4) == "D");
    CHECK(column_of(ps, kNote, 4) == "K");
  }
  CHECK(sent == kNotes);

  // (c) a department reports with a note; merge keeps the measures column and
  // values of the master and the progress column with the returned value.
  const fs::path ret = report.files.front().file;
  const json ps = sheet_of(openpyxl_read(ret), "ความก้าวหน้า");
  const std::string id = text_at(ps, "A5"), quarter = text_at(ps, "C5");
  REQUIRE(!id.empty());
  REQUIRE(!quarter.empty());
  const fs::path edits = home.dir / "edits.json";
  std::ofstream(edits) << json{{"set", {{{"id", id},
                                          {"quarter", std::stoi(quarter)},
                                          {"status", "ดำเนินการแล้ว"},
                                          {"result", "เผยแพร่แล้ว"},
                                          {kNote, "รายงานพร้อมภาพถ่าย"}}}}}
                                  .dump();
  const auto edited = run_command(
      {"/usr/bin/python3", (test::repo_dir() / "tests/tools/edit_return.py").string(), ret.string(), edits.string()});
  INFO(edited.err);
  REQUIRE(edited.exit_code == 0);

  app::MergeRequest merge;
  merge.master = master;
  merge.returns = {ret};
  merge.output = home.dir / "merged.xlsx";
  const auto merged = app::merge_workbooks(home.resources, merge);
  CHECK(merged.result.rows_merged == 1);
  CHECK(merged.result.clean());

  const json dump = openpyxl_read(merge.output);
  const json& ms = sheet_of(dump, "มาตรการ");
  REQUIRE(!ms.is_null());
  CHECK(notes_by(ms, 2, "ลำดับ") == kNotes);
  const json& progress = sheet_of(dump, "ความก้าวหน้า");
  REQUIRE(!progress.is_null());
  const auto reported = notes_by(progress, 1, "ลำดับมาตรการ");
  // The master keeps the number as its measures sheet has it (Arabic here).
  const std::string master_id = text::digits(id, text::DigitStyle::Arabic);
  REQUIRE(reported.count(master_id) == 1);
  CHECK(reported.at(master_id) == "รายงานพร้อมภาพถ่าย");
}

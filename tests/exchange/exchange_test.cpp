// The exchange rules on their own: hashes, the sealed identity, and every
// reason merge_returns gives for not merging a row.
#include <catch2/catch.hpp>

#include "exchange/exchange.hpp"
#include "exchange/hash.hpp"

using namespace itawb;
using exchange::NotMergedReason;

namespace {

model::MeasureInput measure(std::string id, std::string text) {
  model::MeasureInput m;
  m.id = std::move(id);
  m.measure = std::move(text);
  m.timeframe = "ทุกไตรมาส";
  return m;
}

model::AgencyWorkbook master() {
  model::AgencyWorkbook wb;
  wb.agency.name = "อบต.ทดสอบ";
  wb.agency.plan_year = 2569;
  wb.measures = {measure("1", "คู่มือ"), measure("2", "ทะเบียนยืม"), measure("3", "เว็บไซต์")};
  model::ProgressInput p;
  p.measure_id = "1";
  p.quarter = 1;
  p.status = "ยังไม่ได้ดำเนินการ";
  wb.progress.push_back(p);
  return wb;
}

exchange::SplitIdentity identity(const model::AgencyWorkbook& wb, std::string dept, std::vector<std::string> ids) {
  exchange::SplitIdentity id;
  id.source_name = "master.xlsx";
  id.source_checksum = exchange::measures_table_hash(wb.measures);
  id.agency = wb.agency.name;
  id.plan_year = wb.agency.plan_year;
  id.department = std::move(dept);
  id.split_time = "2026-01-05T00:00:00Z";
  for (const auto& m : wb.measures)
    for (const auto& want : ids)
      if (m.id == want) id.measures.emplace_back(m.id, exchange::measure_hash(m));
  itawb::exchange::seal(id);
  return id;
}

exchange::ReturnedRow row(std::string id, int quarter, std::string status, uint32_t r = 4) {
  exchange::ReturnedRow out;
  out.file = "r.xlsx";
  out.sheet = "ความก้าวหน้า";
  out.row = r;
  out.measure_id = id;
  out.quarter = quarter;
  out.quarter_text = std::to_string(quarter);
  out.status_text = status;
  out.progress.measure_id = id;
  out.progress.quarter = quarter;
  out.progress.status = status;
  out.progress.result = "ผล";
  out.progress.origin = {"ความก้าวหน้า", r, 0};
  return out;
}

exchange::ReturnedWorkbook returned(const std::string& file, std::optional<exchange::SplitIdentity> id,
                                std::vector<exchange::ReturnedRow> rows) {
  exchange::ReturnedWorkbook r;
  r.file = file;
  r.identity = std::move(id);
  r.has_progress_sheet = true;
  r.rows = std::move(rows);
  for (auto& x : r.rows) x.file = file;
  return r;
}

exchange::MergeInput input_for(const model::AgencyWorkbook& wb) {
  exchange::MergeInput in;
  in.master = &wb;
  in.master_departments = {"สำนักปลัด"};
  in.status_choices = {"ยังไม่ได้ดำเนินการ", "อยู่ระหว่างดำเนินการ", "ดำเนินการแล้ว"};
  return in;
}

NotMergedReason only_reason(const exchange::MergeResult& r) {
  REQUIRE(r.not_merged.size() == 1);
  return r.not_merged.front().reason;
}

}  // namespace

TEST_CASE("sha256 matches the FIPS 180-4 test vectors", "[exchange]") {
  CHECK(exchange::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(exchange::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(exchange::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("sha256 (Nettle) matches the FIPS 180-4 long vectors", "[exchange]") {
  CHECK(exchange::sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK(exchange::sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu") ==
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST_CASE("a measure's hash covers the schema's other columns and is stable without them", "[exchange]") {
  const auto plain = measure("1", "คู่มือ");
  // The hash of a measure without extra columns, as copies split before
  // records kept them recorded it.
  CHECK(exchange::canonical_measure(plain) == "1\x1f\x1fคู่มือ\x1f\x1fทุกไตรมาส\x1f\x1f\x1f\x1f" "0");
  auto empty_note = plain;
  empty_note.extra = {{"note", " "}};
  CHECK(exchange::measure_hash(empty_note) == exchange::measure_hash(plain));
  auto noted = plain;
  noted.extra = {{"note", "ตรวจแล้ว"}};
  CHECK(exchange::measure_hash(noted) != exchange::measure_hash(plain));
  auto spaced = plain, respaced = plain;
  spaced.extra = {{"note", "ตรวจ แล้ว"}};
  respaced.extra = {{"note", "ตรวจ   แล้ว"}};
  CHECK(exchange::measure_hash(spaced) == exchange::measure_hash(respaced));
  auto other = plain;
  other.extra = {{"note", "ตรวจแล้ว ๒"}};
  CHECK(exchange::measure_hash(other) != exchange::measure_hash(noted));
  CHECK(noted.value("note") == "ตรวจแล้ว");
  CHECK(noted.value("measure") == "คู่มือ");
}

TEST_CASE("a measure's hash ignores spacing and digit style but not its words", "[exchange]") {
  const auto a = measure("1", "ปรับปรุง  เว็บไซต์ ๒ ครั้ง");
  const auto b = measure("๑", "ปรับปรุง เว็บไซต์ 2 ครั้ง");
  const auto c = measure("1", "ปรับปรุงเว็บไซต์ 3 ครั้ง");
  CHECK(exchange::measure_hash(a) == exchange::measure_hash(b));
  CHECK(exchange::measure_hash(a) != exchange::measure_hash(c));
}

TEST_CASE("the identity seal notices any edit", "[exchange]") {
  const auto wb = master();
  auto id = identity(wb, "กองคลัง", {"2"});
  CHECK(itawb::exchange::intact(id));
  CHECK(id.hash_of("๒") != nullptr);
  CHECK(id.hash_of("1") == nullptr);
  auto edited = id;
  edited.department = "กองช่าง";
  CHECK_FALSE(itawb::exchange::intact(edited));
  edited = id;
  edited.measures.emplace_back("3", "0000000000000000");
  CHECK_FALSE(itawb::exchange::intact(edited));
}

TEST_CASE("merge replaces a department's row for a measure and quarter, never duplicates it", "[exchange]") {
  const auto wb = master();
  const auto in = input_for(wb);
  const auto ret = returned("head.xlsx", identity(wb, "สำนักปลัด", {"1"}), {row("1", 1, "ดำเนินการแล้ว")});
  const auto once = exchange::merge_returns(in, {ret});
  CHECK(once.clean());
  REQUIRE(once.progress.size() == 1);
  CHECK(once.progress[0].progress.status == "ดำเนินการแล้ว");
  CHECK(once.progress[0].department == "สำนักปลัด");
  const auto twice = exchange::merge_returns(in, {ret, returned("x", std::nullopt, {})});
  CHECK(twice.progress.size() == 1);
}

TEST_CASE("merge lists every row it cannot merge with its reason", "[exchange]") {
  auto wb = master();
  const auto in = input_for(wb);
  const auto id = identity(wb, "กองคลัง", {"2"});

  SECTION("a measure the department does not own") {
    CHECK(only_reason(exchange::merge_returns(in, {returned("f", id, {row("3", 1, "ดำเนินการแล้ว")})})) ==
          NotMergedReason::NotOwner);
  }
  SECTION("a measure id the master does not have") {
    CHECK(only_reason(exchange::merge_returns(in, {returned("f", id, {row("9", 1, "ดำเนินการแล้ว")})})) ==
          NotMergedReason::UnknownMeasure);
  }
  SECTION("a measure changed in the master since the split") {
    auto changed = wb;
    changed.measures[1].measure = "ทะเบียนยืมคืนแบบใหม่";
    auto in2 = input_for(changed);
    CHECK(only_reason(exchange::merge_returns(in2, {returned("f", id, {row("2", 1, "ดำเนินการแล้ว")})})) ==
          NotMergedReason::MeasureChanged);
  }
  SECTION("a bad quarter") {
    CHECK(only_reason(exchange::merge_returns(in, {returned("f", id, {row("2", 0, "ดำเนินการแล้ว")})})) ==
          NotMergedReason::BadQuarter);
  }
  SECTION("two rows for one measure and quarter: neither is chosen") {
    const auto r = exchange::merge_returns(in, {returned("f", id, {row("2", 1, "ดำเนินการแล้ว", 4),
                                                               row("2", 1, "อยู่ระหว่างดำเนินการ", 5)})});
    CHECK(r.rows_merged == 0);
    REQUIRE(r.not_merged.size() == 2);
    CHECK(r.not_merged[0].reason == NotMergedReason::DuplicateRow);
  }
  SECTION("files from another agency or year, without identity, or tampered") {
    auto other = id;
    other.plan_year = 2570;
    itawb::exchange::seal(other);
    CHECK(only_reason(exchange::merge_returns(in, {returned("f", other, {row("2", 1, "ดำเนินการแล้ว")})})) ==
          NotMergedReason::OtherYear);
    other = id;
    other.agency = "เทศบาลอื่น";
    itawb::exchange::seal(other);
    CHECK(only_reason(exchange::merge_returns(in, {returned("f", other, {row("2", 1, "ดำเนินการแล้ว")})})) ==
          NotMergedReason::OtherWorkbook);
    CHECK(only_reason(exchange::merge_returns(in, {returned("f", std::nullopt, {row("2", 1, "ดำเนินการแล้ว")})})) ==
          NotMergedReason::NoIdentity);
    other = id;
    other.department = "สำนักปลัด";  // edited without a new seal
    CHECK(only_reason(exchange::merge_returns(in, {returned("f", other, {row("2", 1, "ดำเนินการแล้ว")})})) ==
          NotMergedReason::IdentityTampered);
  }
  SECTION("rows in = merged + not merged") {
    const auto r = exchange::merge_returns(
        in, {returned("f", id, {row("2", 1, "ดำเนินการแล้ว", 4), row("3", 1, "ดำเนินการแล้ว", 5),
                                row("2", 2, "อยู่ระหว่างดำเนินการ", 6)})});
    CHECK(r.rows_in == 3);
    CHECK(r.rows_merged == 2);
    CHECK(r.not_merged.size() == 1);
  }
}

TEST_CASE("a status that cannot be read is merged as written, with a warning on its cell", "[exchange][status]") {
  const auto wb = master();
  const auto in = input_for(wb);
  const auto id = identity(wb, "กองคลัง", {"2"});
  auto unreadable = row("2", 1, "ทำไปบ้าง", 4);
  unreadable.status_cell = "D5";
  auto blank = row("2", 2, "", 5);
  blank.status_cell = "D6";
  const auto r = exchange::merge_returns(in, {returned("f.xlsx", id, {unreadable, blank, row("2", 3, "ดำเนินการแล้ว", 6)})});
  CHECK(r.clean());
  CHECK(r.rows_merged == 3);
  REQUIRE(r.warnings.size() == 2);
  CHECK(r.warnings[0].code == "status-unreadable");
  CHECK(r.warnings[0].message_th ==
        "สถานะ \"ทำไปบ้าง\" ที่ ความก้าวหน้า!D5 อ่านไม่ได้ จึงรวมไว้ตามที่เขียนและนับเป็นยังไม่รายงาน (เลือกสถานะจากรายการ)");
  CHECK(r.warnings[1].code == "status-blank");
  CHECK(r.warnings[1].message_en ==
        "row ความก้าวหน้า!D6 has a result but no status: merged, counted as not reported (choose a status)");
  std::vector<std::string> statuses;
  for (const auto& m : r.progress)
    if (m.department == "กองคลัง") statuses.push_back(m.progress.status);
  CHECK(statuses == std::vector<std::string>{"ทำไปบ้าง", "", "ดำเนินการแล้ว"});
}

TEST_CASE("an owner respelled in the master does not make a copy out of date, another owner does", "[exchange][owners]") {
  auto wb = master();
  wb.measures[1].owner = "-สำนักปลัดเทสบาล";
  const auto id = identity(wb, "สำนักปลัด", {"2"});
  auto fixed = wb;
  fixed.measures[1].owner = "สำนักปลัดเทศบาล";
  auto in = input_for(fixed);
  in.owners = {{"2", {"สำนักปลัด"}}};
  const auto r = exchange::merge_returns(in, {returned("f", id, {row("2", 1, "ดำเนินการแล้ว")})});
  CHECK(r.clean());
  CHECK(r.rows_merged == 1);
  // The measure given to another department: this department's rows are refused.
  auto moved = wb;
  moved.measures[1].owner = "กองช่าง";
  auto in2 = input_for(moved);
  in2.owners = {{"2", {"กองช่าง"}}};
  CHECK(only_reason(exchange::merge_returns(in2, {returned("f", id, {row("2", 1, "ดำเนินการแล้ว")})})) ==
        NotMergedReason::NotOwner);
  // A copy split when the hash still covered the owner's text merges too.
  auto old_id = id;
  for (auto& [mid, hash] : old_id.measures) hash = exchange::measure_hash_with_owner(fixed.measures[1]);
  itawb::exchange::seal(old_id);
  CHECK(exchange::merge_returns(in, {returned("f", old_id, {row("2", 1, "ดำเนินการแล้ว")})}).clean());
  CHECK(exchange::measure_hash(wb.measures[1]) == exchange::measure_hash(fixed.measures[1]));
  CHECK(exchange::measure_hash_with_owner(wb.measures[1]) != exchange::measure_hash_with_owner(fixed.measures[1]));
}

TEST_CASE("another agency's return is refused as such and does not make the genuine one a duplicate", "[exchange]") {
  const auto wb = master();
  const auto in = input_for(wb);
  const auto genuine = identity(wb, "กองคลัง", {"2"});
  auto foreign = genuine;  // same measures, same department name, another agency
  foreign.agency = "เทศบาลตำบลอื่น";
  itawb::exchange::seal(foreign);
  const auto r = exchange::merge_returns(in, {returned("ours.xlsx", genuine, {row("2", 1, "ดำเนินการแล้ว")}),
                                              returned("theirs.xlsx", foreign, {row("2", 1, "อยู่ระหว่างดำเนินการ")})});
  CHECK(r.rows_merged == 1);
  REQUIRE(r.not_merged.size() == 1);
  CHECK(r.not_merged[0].row.file == "theirs.xlsx");
  CHECK(r.not_merged[0].reason == NotMergedReason::OtherWorkbook);
  CHECK(std::string(exchange::to_string(NotMergedReason::OtherWorkbook)) == "other-agency");
  CHECK(std::string(exchange::reason_th(NotMergedReason::OtherWorkbook)) == "ไฟล์นี้เป็นของหน่วยงานอื่น");
  CHECK(std::string(exchange::reason_en(NotMergedReason::OtherWorkbook)) == "this return belongs to another agency's plan");
}

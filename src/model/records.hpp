// The agency workbook as a model: what the standard sheets say, after
// validation, with each value's origin kept so later findings can name cells.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <string_view>
#include <utility>

#include "base/finding.hpp"

namespace itawb::schema {
struct SheetSchema;
}

namespace itawb::model {

// The values of a row's schema fields by field name, as display text, in the
// schema's order: what a record does not model with a member of its own (a
// column added to the sheet schema) is kept here, so that it is read, written
// and exchanged without C++ changes.
using FieldValues = std::vector<std::pair<std::string, std::string>>;

// The value of `name` in `values`, or nullptr.
const std::string* find_value(const FieldValues& values, std::string_view name);
// Sets (or adds, at the end) the value of `name`.
void set_value(FieldValues& values, std::string_view name, std::string value);

// Where a value came from, for findings and for highlighting input cells.
struct Origin {
  std::string sheet;  // sheet name as in the workbook
  uint32_t row = 0;   // zero-based; row==0 && col==0 && sheet.empty() = unknown
  uint32_t col = 0;
  bool known() const { return !sheet.empty(); }
};

// A finding tied to the cell `origin` names (or to the file when unknown).
Finding finding_at(Severity severity, std::string code, const std::string& file,
                   const Origin& origin, std::string value, std::string message_th,
                   std::string message_en);

struct Agency {
  std::string name;                // ชื่อหน่วยงาน
  std::string district;            // อำเภอ
  std::string province;            // จังหวัด
  std::string type;                // ประเภทหน่วยงาน as written ("" = not given; see DepartmentTable::agency_type)
  int assessment_year = 0;         // ปีที่ประเมิน (พ.ศ.), e.g. 2567
  int plan_year = 0;               // ปีของมาตรการ, default assessment_year + 1
  std::optional<double> reported_total;  // คะแนนรวมที่ประกาศ
  std::string reported_level;            // ระดับที่ประกาศ
  Origin reported_total_origin, reported_level_origin;
};

struct IndicatorInput {
  int number = 0;                  // 1..10
  std::string name;                // as written in the workbook (may be empty)
  std::optional<double> score;     // คะแนน (this year)
  std::optional<double> previous;  // คะแนนปีก่อน
  Origin origin;                   // the score cell
};

struct QuestionInput {
  std::string code;                // normalised: "i1", "e9", "o19"
  std::string text;                // ข้อคำถาม as written (may be empty)
  std::optional<double> score;
  std::optional<double> previous;
  Origin origin;
};

// One row of มาตรการ (Measures), as written.
struct MeasureInput {
  std::string id;           // ลำดับ, as text ("1", "1.2")
  int issue = 0;            // ประเด็น 1..7 (0 = not given)
  std::string deficiency;   // ข้อบกพร่อง: a code ("e9") or text
  std::string measure;      // มาตรการ
  std::string steps;        // ขั้นตอน
  std::string timeframe;    // ระยะเวลา (free text, parsed by plan/)
  std::string owner;        // ผู้รับผิดชอบ (free text, parsed by plan/)
  std::string budget;       // งบประมาณ
  std::string success_indicator;  // ตัวชี้วัดความสำเร็จ
  bool proposed = false;    // written by itawb from the catalog, not the officer
  FieldValues extra;        // the schema's other fields (see FieldValues)
  Origin origin;            // the row's first cell
  Origin timeframe_origin, owner_origin;

  // The fields above, by schema field name.
  static const std::vector<std::string_view>& modelled_fields();
  // Any schema field's value as text: a modelled member ("" for issue 0) or
  // one of `extra` ("" when absent).
  std::string value(std::string_view field) const;
  // Sets a field by name: a modelled member (issue parsed as a number) or `extra`.
  void set(std::string_view field, std::string text);
};

// One row of ความก้าวหน้า (Progress), as written.
struct ProgressInput {
  std::string measure_id;   // ลำดับมาตรการ
  int quarter = 0;          // ไตรมาส 1..4; 0 = not given, -1 = written but not a quarter (an error)
  std::string status;       // normalised status text (see plan/progress.hpp)
  std::string result;       // ผลการดำเนินการ
  std::string obstacles;    // ปัญหาอุปสรรค
  std::string suggestions;  // ข้อเสนอแนะ
  std::string evidence;     // หลักฐาน (link)
  std::string reporter;     // ผู้รายงาน
  std::string report_date;  // วันที่รายงาน, ISO yyyy-mm-dd when parsed
  std::string department;   // หน่วยงานที่รายงาน (optional; one row per department when a measure has several)
  FieldValues extra;        // the schema's other fields (see FieldValues)
  Origin origin;
  Origin report_date_origin;  // the วันที่รายงาน cell (unknown when the model was built by hand)

  static const std::vector<std::string_view>& modelled_fields();
  // As MeasureInput::value / set (quarter 0 reads "").
  std::string value(std::string_view field) const;
  void set(std::string_view field, std::string text);
};

struct AgencyWorkbook {
  std::string path;
  Agency agency;
  std::vector<IndicatorInput> indicators;
  std::vector<QuestionInput> questions;
  bool has_question_sheet = false;
  std::vector<MeasureInput> measures;
  bool has_measure_sheet = false;
  std::vector<ProgressInput> progress;
  bool has_progress_sheet = false;
  std::vector<std::string> extra_departments;  // agency's own department list, if given
  // The schemas the sheets were read with (set by model::load_*; null for a
  // model built by hand): writers take their columns from them.
  const schema::SheetSchema* measures_schema = nullptr;
  const schema::SheetSchema* progress_schema = nullptr;

  // True when an indicator or question score (this year's or last) was read.
  bool has_scores() const;
};

}  // namespace itawb::model

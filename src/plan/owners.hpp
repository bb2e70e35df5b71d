// Owners (ผู้รับผิดชอบ / หน่วยงานรับผิดชอบ) of measures: free text read into
// departments of the agency. What the departments are and how they are
// written is data: schemas/departments.json, read into a DepartmentTable.
//
//   - several owners per cell: split on , / ; + & newlines, "และ", "กับ",
//     "ร่วมกับ", and numbering ("๑. สำนักปลัด ๒. กองคลัง");
//   - variants fold to one name: สำนักปลัดเทศบาล, สำนักงานปลัด อบต.,
//     สำนักปลัด อบต. -> สำนักปลัด; งานพัสดุ กองคลัง -> กองคลัง;
//     กองการศึกษา ศาสนาและวัฒนธรรม -> กองการศึกษาฯ; กองสาธารณสุขและ
//     สิ่งแวดล้อม -> กองสาธารณสุขฯ; นิติกร / งานนิติการ -> สำนักปลัด;
//   - personnel work (งานการเจ้าหน้าที่, งานบริหารงานบุคคล) goes to
//     กองการเจ้าหน้าที่ when the agency has one (it lists it among its
//     departments, or a measure names it), else to สำนักปลัด, where it sits
//     in a small อบต.;
//   - ทุกส่วนงาน, ทุกสำนัก/กอง, ทุกส่วนราชการ, ทุกกอง ... mean every
//     department of the agency (see agency_departments);
//   - text that matches no spelling exactly is read as the closest
//     department when one is clearly closest (a typo: สำนักปลัดเทสบาล ->
//     สำนักปลัด, listed in `corrected`); else it is listed in `unknown` and is
//     no department: a measure that names no known department goes to the one
//     group ไม่ทราบส่วนราชการ (departments.json, unknown_owner). The caller
//     reports both on the cell.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/fold.hpp"

namespace itawb::plan {

// schemas/departments.json: the departments and their spellings, and the
// special words of an owner cell. Checked against departments.meta.json and
// for what JSON Schema cannot say (a spelling in one row only, names that
// refer to departments of the file). Immutable after parsing.
class DepartmentTable {
 public:
  enum class Kind { Department, Everyone, Personnel, Separator, Filler };
  struct Row {
    Kind kind = Kind::Department;
    std::string name;  // canonical name (Department rows), else ""
    std::vector<std::string> spellings;
    std::vector<std::string> keys;  // each spelling as the resolver compares it (folded, no spaces or dots)
  };

  // Throws itawb::Error "resource-invalid" naming `file` and the JSON path.
  // `check` false: the text is one already checked against the meta-schema
  // (schema::CheckedResources); what the meta-schema cannot say is checked.
  static DepartmentTable from_json(std::string_view json_text, std::string_view meta_text,
                                   const std::string& file = "schemas/departments.json", bool check = true);

  // Department rows in display order, then the special rows, in file order.
  const std::vector<Row>& rows() const { return rows_; }
  // Departments known without the agency saying so, in display order.
  const std::vector<std::string>& names() const { return names_; }
  // Personnel work: the division it goes to when the agency has one, and
  // the department otherwise ("" when the file has no personnel row).
  const std::string& personnel_division() const { return personnel_division_; }
  const std::string& personnel_otherwise() const { return personnel_otherwise_; }
  // What "every department" stands for when nothing else says.
  const std::vector<std::string>& fallback() const { return fallback_; }
  // The group of owners that match no department ("ไม่ทราบส่วนราชการ"): never
  // a department of its own (no split file, tally, chart or memo line).
  const std::string& unknown_group() const { return unknown_group_; }
  // How close a mistyped owner must be to be read as a department
  // (unknown_owner.closest): at most one edit per `edits_per_letters` letters
  // of the spelling (at least one), `margin` edits closer than any other
  // department, and at least `min_letters` letters typed.
  struct Closest {
    int edits_per_letters = 6;
    int margin = 2;
    int min_letters = 4;
  };
  const Closest& closest() const { return closest_; }
  // Blanks of a form that name no owner ("กองงาน........", "xxx", "ระบุ"):
  // the file's `placeholders.texts`, as texts.
  const std::vector<std::string>& placeholders() const { return placeholders_; }
  const std::vector<std::string>& placeholder_keys() const { return placeholder_keys_; }  // compared as spellings
  // sections_by_agency_type: in these kinds of agency (by the start of the
  // agency's name: "องค์การบริหารส่วนตำบล", "อบต."), these sections (งาน…)
  // belong to `department`.
  struct SectionRule {
    std::vector<std::string> agency_types;  // names and short forms
    std::string department;
    std::vector<std::string> sections;
  };
  const std::vector<SectionRule>& section_rules() const { return section_rules_; }
  // agency_types: the kinds of agency by the start of their names.
  struct AgencyType {
    std::string name;   // "องค์การบริหารส่วนตำบล"
    std::string short_name;  // "อบต."
  };
  const std::vector<AgencyType>& agency_types() const { return agency_types_; }
  // The kind of agency `agency_name` is (its full name or short form starts
  // it, compared as owner cells are: spaces and dots ignored; the longest
  // start wins), or nullptr.
  const AgencyType* agency_type(std::string_view agency_name) const;

 private:
  std::vector<AgencyType> agency_types_;
  std::vector<SectionRule> section_rules_;
  std::vector<Row> rows_;
  std::vector<std::string> names_;
  std::vector<std::string> placeholders_, placeholder_keys_;
  std::string personnel_division_, personnel_otherwise_;
  std::vector<std::string> fallback_;
  std::string unknown_group_ = "ไม่ทราบส่วนราชการ";
  Closest closest_;
};

// An owner read as the closest department (a typo), for the warning.
struct OwnerCorrection {
  std::string typed;       // as written (folded)
  std::string spelling;    // the closest spelling ("สำนักปลัดเทศบาล")
  std::string department;  // its department ("สำนักปลัด")
};

struct OwnerParse {
  std::vector<std::string> departments;  // canonical names, first-written order, no duplicates
  bool everyone = false;                 // "ทุกส่วนงาน" and the like
  std::vector<std::string> unknown;      // texts not recognised: no department
  std::vector<OwnerCorrection> corrected;  // texts read as the closest department (in departments)
  bool unknown_group = false;            // departments is {the unknown group}: nothing else was recognised
  std::vector<std::string> placeholders; // blanks of a form ("กองงาน........"): not departments
  bool empty() const { return departments.empty() && !everyone; }
};

class OwnerResolver {
 public:
  // `table`: the departments (Resources::departments); copied, so it need
  // not outlive the resolver.
  // `extra`: the agency's own department list (AgencyWorkbook::
  // extra_departments); names it adds are recognised as written.
  // `personnel_division`: whether personnel work goes to กองการเจ้าหน้าที่;
  // by default, when `extra` names it.
  // `agency_name`: the agency's full name; when it is of a kind named in the
  // table's section rules (อบต., เทศบาลตำบล) and the agency gave no department
  // list, those sections go to the rule's department (สำนักปลัด), whatever the
  // measures name. An agency's own list always decides first.
  explicit OwnerResolver(const DepartmentTable& table, const std::vector<std::string>& extra = {},
                         std::optional<bool> personnel_division = std::nullopt, std::string_view agency_name = {});

  OwnerParse parse(std::string_view text) const;

  // The canonical name of one department name, or nullopt when unknown
  // ("สำนักงานปลัด อบต." -> "สำนักปลัด").
  std::optional<std::string> canonical(std::string_view name) const;

  // What "every department" stands for: the agency's own list when it gave
  // one; else the recognised departments named in `parsed` (default-list
  // order first); else the table's fallback (สำนักปลัด, กองคลัง and กองช่าง,
  // which every อบต. has).
  std::vector<std::string> agency_departments(const std::vector<OwnerParse>& parsed) const;

  bool personnel_division() const { return personnel_division_; }

 private:
  using Kind = DepartmentTable::Kind;
  struct Alias {
    std::string key;  // folded, without spaces or dots
    Kind kind;
    std::string name;  // canonical name for Department
    std::string spelling;  // as the table or the agency writes it
  };
  // The department `compact_key` (a folded text without spaces or dots) is
  // clearly closest to, by edit distance, or nullptr.
  const Alias* closest(std::string_view compact_key) const;
  static const DepartmentTable::SectionRule* section_rule(const DepartmentTable& table, std::string_view agency_name);
  void apply(const DepartmentTable::SectionRule& rule);
  const Alias* match(std::string_view compact, size_t pos) const;
  const Alias* match_separator(std::string_view compact, size_t pos) const;

  // A text that names no one: a listed placeholder, only dots/dashes/ellipses,
  // or words ending in a run of dots or an ellipsis (a form's blank).
  // `folded`: a part of a parsed cell, already as text::fold() gives it.
  bool is_placeholder(const std::string& folded) const;

  std::vector<Alias> aliases_;
  // aliases_ by their first kPrefix bytes (match()'s index), and those shorter.
  static constexpr size_t kPrefix = 3;
  std::unordered_map<std::string, std::vector<uint32_t>> by_prefix_;
  std::vector<uint32_t> short_aliases_;
  std::vector<std::string> placeholder_keys_;
  std::vector<std::string> agency_list_;  // canonical names of `extra`
  std::vector<std::string> default_list_, fallback_;
  std::string division_, otherwise_;  // where personnel work goes
  bool personnel_division_ = false;
  std::string unknown_group_;
  DepartmentTable::Closest closest_;
};

}  // namespace itawb::plan

// Which column of a sheet holds which field: header rows found by the words in them, not by
// position (columns vary by department and year, repeat, or come in another order).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "powerlist/diag.hpp"
#include "powerlist/workbook.hpp"

namespace powerlist {

enum class Field {
  Seq,             // 序号
  Name,            // 事项名称 / 项目
  SubName,         // 子项名称
  Category,        // 权力类型 / 职权类型
  Basis,           // 实施依据
  Dept,            // 行使主体 / 实施主体
  HandledBy,       // 承办机构
  Level,           // 实施层级
  Authority,       // 权限 (the second half of 实施层级及权限)
  DeptDuty,        // 部门职责
  Duties,          // 责任事项内容
  DutyBasis,       // 责任事项依据
  Accountable,     // 追责对象范围
  Accountability,  // 追责情形
  Note,            // 备注
  Code,            // 职权编码 / 基本编码 / 实施编码
  Objects,         // 实施对象
  Conditions,      // 申请条件
  Materials,       // 申请材料
  Statutory,       // 法定期限
  Promised,        // 承诺期限
  Fees,            // 收费依据和标准
  Disclosure,      // 公开类型
  Responsible,     // 责任主体 (the 行使主体 when there is no such column)
  Extra,           // any other column, kept by its header
};

struct FieldInfo {
  Field field;
  const char* key;    // for --map and docs: name, basis …
  const char* label;  // the standard 权责清单 heading
};
const std::vector<FieldInfo>& field_infos();
const FieldInfo& field_info(Field f);
// A --map target: a key (basis) or a label (实施依据).
std::optional<Field> parse_field(const std::string& s);

// Header text as compared: no whitespace of any kind.
std::string header_key(std::string_view cell);

struct SheetColumn {
  uint32_t col;
  std::string header;  // as shown (whitespace removed)
  Field field;
  bool by_user = false;  // from --map
};

struct SheetLayout {
  bool found = false;       // a header row was recognised
  uint32_t header_row = 0;  // 0-based; the last header row when headers span two rows
  uint32_t first_header_row = 0;
  std::vector<SheetColumn> columns;  // one per non-empty column
  std::string title;                 // text of a title row above the header, if any
  std::optional<Field> column_field(uint32_t col) const;
  std::optional<uint32_t> column_of(Field f) const;  // first column with that field
};

// --map 列名=字段: the header (whitespace ignored) → field.
using ColumnOverrides = std::map<std::string, Field>;

SheetLayout detect_layout(const Sheet& sheet, const ColumnOverrides& overrides);

}  // namespace powerlist

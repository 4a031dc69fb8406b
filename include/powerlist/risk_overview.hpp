// 风险防控 overview: every 廉政风险点 of a set of items, counted per department by level, by
// step and by post, for the site page, the PDF and the review workbook.
#pragma once
#include <array>
#include <map>
#include <string>
#include <vector>

#include "powerlist/flow.hpp"
#include "powerlist/model.hpp"

namespace powerlist {

// One item the overview reads: its resolved flow gives each point's post (承办岗位).
struct RiskSource {
  const Department* dept = nullptr;
  const PowerItem* item = nullptr;
  const Flow* flow = nullptr;  // nullptr without a procedure
  std::string code;            // 实施编码, "" before `codes`
  std::string stem;            // the item's output file stem (site page), "" for none
};

struct RiskEntry {
  std::string dept, item, code, stem, category, step, post, level, point, measures;
};

// Counts indexed by level: [0] A, [1] B, [2] C.
using LevelCounts = std::array<size_t, 3>;

struct DeptRisks {
  std::string dept;
  size_t items = 0, items_with_risks = 0;
  LevelCounts levels{};
  std::map<std::string, LevelCounts> by_step, by_post;
};

struct RiskOverview {
  std::vector<RiskEntry> entries;  // catalog order, then the item's order of points
  std::vector<DeptRisks> depts;    // catalog order
  std::vector<std::string> steps;  // every step with a point, in procedure order
  LevelCounts total{};
  // A-level points by department (rows, as `depts`) and step (columns, as `steps`).
  std::vector<std::vector<size_t>> a_grid;
};

RiskOverview build_risk_overview(const std::vector<RiskSource>& items);

// Index of a level in LevelCounts, or -1 for anything but A/B/C.
int risk_level_index(const std::string& level);

// Where a step or duty stage usually sits in a procedure (受理 before 审查 before 决定 …), for
// ordering tables; unknown names rank after every known one.
int procedure_stage_rank(const std::string& stage);

}  // namespace powerlist

// basis/competence — 设定权 judged on what is known: an instrument's level from the registry,
// else from the catalog's tag or its name; the penalty kinds and measures from the item or, when
// it lists none (a 权责清单), from the words of the articles it cites.
#include <fmt/format.h>

#include <algorithm>

#include "basis_parts.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

CitedLevel cited_level(const Citation& c, const Instrument* ins) {
  CitedLevel out;
  out.citation = &c;
  if (ins) {
    out.level = ins->level;
    out.from_registry = true;
  } else {
    out.level = infer_law_level(c.law.value, c.tag.value, c.note);
  }
  return out;
}

void check_competence(ItemCtx& ic, const PowerItem& item, const std::vector<CitedLevel>& levels) {
  if (levels.empty()) return;
  RuleContext& ctx = ic.ctx;
  // The words of the cited articles: registry text where there is one, else the quotation.
  std::string words;
  for (const auto& l : levels) {
    const Citation& c = *l.citation;
    std::string text;
    if (l.from_registry)
      if (const Instrument* ins = ctx.laws->find(c.law.value))
        text = cited_articles_text(*ctx.laws, *ins, ins->version_on(ctx.as_of()), c);
    words += (text.empty() ? c.text : text) + "\n";
  }
  std::vector<std::string> penalties, measures;
  for (const auto& p : item.penalties) penalties.push_back(p.kind.value);
  for (const auto& m : item.measures) measures.push_back(m.value);
  if (penalties.empty() && item.category.value == Category::Penalty)
    penalties = penalty_kinds_in(words);
  if (measures.empty() && item.category.value == Category::Coercion) measures = measures_in(words);
  // A 国务院 decision setting licences (行政许可法第十四条第二款) is basis enough for one.
  if (item.category.value == Category::Licensing)
    for (const auto& l : levels)
      if (l.from_registry)
        if (const Instrument* ins = ctx.laws->find(l.citation->law.value);
            ins && ins->sets_licences)
          return;
  std::optional<LawLevel> highest;
  std::vector<std::string> unknown;
  bool all_normative = true;
  for (const auto& l : levels) {
    if (!l.level) {
      unknown.push_back(l.citation->law.value);
      all_normative = false;
      continue;
    }
    if (!highest || *l.level < *highest) highest = *l.level;
    if (*l.level != LawLevel::Normative) all_normative = false;
  }
  const Span at = item.basis.front().span;
  if (!highest) return;  // nothing is known of any cited instrument's level
  if (all_normative) {
    ctx.sink.add(rule::basis_normative_only, at, ic.id,
                 {"依据全部为规范性文件：其他规范性文件不得设定行政许可、行政处罚、行政强制等权力",
                  "every citation is a normative document, which may not create powers"});
    return;
  }
  // At least one citation with a level allowed for the item (and its kinds) passes.
  Message problem;
  for (const auto& l : levels) {
    if (!l.level) continue;
    Message p = competence_problem(item, *l.level, penalties, measures);
    if (p.zh.empty()) return;
    if (*l.level == *highest) problem = p;
  }
  if (problem.zh.empty()) return;
  std::string how;
  for (const auto& l : levels)
    if (l.level && !l.from_registry && *l.level == *highest) {
      how = fmt::format("（《{}》不在法规库，按其标注或名称视为{}）", l.citation->law.value,
                        law_level_name(*l.level));
      break;
    }
  auto& f = ctx.sink.add(
      rule::basis_competence, at, ic.id,
      {fmt::format("设定权不足：所引依据的最高层级为{}，{}{}；如该权力另有法律、法规设定，"
                   "请补引其条款（缺少上位依据）",
                   law_level_name(*highest), problem.zh, how),
       fmt::format("insufficient competence: the highest cited level is {}; {} (if a law or "
                   "regulation creates this power, cite it)",
                   law_level_name(*highest), problem.en)});
  if (!unknown.empty()) {
    // A level that cannot be told is said, and the finding is only a prompt then.
    f.severity = Severity::Note;
    f.notes.push_back({fmt::format("无法判断效力层级的依据：《{}》；若其为法律、法规则本项无问题",
                                   join(unknown, "》《")),
                       fmt::format("levels unknown: 《{}》", join(unknown, "》《"))});
  }
}

}  // namespace powerlist

// basis/* — legal basis (设定依据): registry lookup, repeal, versions (named or read from
// the citation's note), article and clause ranges, 设定权 and fee bases. The checks that read
// article texts (text-mismatch, clause-range, category-mismatch) are in basis_text.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "basis_parts.hpp"
#include "powerlist/calendar.hpp"
#include "powerlist/citation_text.hpp"
#include "powerlist/law.hpp"
#include "powerlist/rules.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

// A version within a month of the one cited is the same revision under another date of
// the sources (meeting, promulgation, a data-entry variant), never a newer one.
constexpr long kSameRevisionDays = 31;

// The version a citation names: by `version`, or by the dated events of its note (the
// latest that names a version of the instrument: the note lists the history up to the version
// the department copied). A month without a day names the version promulgated in that month.
std::optional<Loc<Date>> cited_date(const Citation& c, const Instrument& ins) {
  std::optional<Loc<Date>> best;
  auto consider = [&](const Date& d, Span at) {
    if (!best || best->value < d) best = Loc<Date>{d, at};
  };
  if (c.version)
    if (const LawVersion* v = ins.version_cited(c.version->value))
      consider(v->date, c.version->span);
  for (const NoteDate& nd : note_dates(c.note)) {
    if (nd.year_only) {
      for (const auto& v : ins.versions)
        if (v.date.y == nd.date.y || (v.meeting && v.meeting->y == nd.date.y))
          consider(v.date, c.law.span);
    } else if (nd.month_only) {
      // The month of its 公布 or of the meeting that adopted it (2010年12月修正 → 2011-01-08).
      for (const auto& v : ins.versions)
        if ((v.date.y == nd.date.y && v.date.m == nd.date.m) ||
            (v.meeting && v.meeting->y == nd.date.y && v.meeting->m == nd.date.m))
          consider(v.date, c.law.span);
    } else if (const LawVersion* v = ins.version_cited(nd.date)) {
      consider(v->date, c.law.span);
    }
  }
  if (!best && c.version) return c.version;  // a date no version answers to
  return best;
}

std::string revision_note(RuleContext& ctx, const LawVersion& now, Message& en_note) {
  if (!ctx.calendar) return "";
  const RevisionDue due = revision_due(*ctx.calendar, now.in_force());
  en_note.en = fmt::format(
      "the catalog should have been revised by {} (20 working days after "
      "the new version took effect){}",
      due.date.str(), due.estimated ? ", estimated without a holiday calendar" : "");
  return fmt::format("目录应在新版本施行后 20 个工作日内修订，即 {} 前{}", due.date.str(),
                     due.estimated ? "（未收录该年的节假日安排，按 28 日估算）" : "");
}

}  // namespace

// The first version after `cited`, up to `now`, that made a new rule of the same name (kind
// 制定), or null. Rules only: the registry's laws and regulations carry a few later 制定
// entries that are revisions' publication dates (刑法 1998, 食品安全法实施条例 2019).
const LawVersion* new_rule_between(const Instrument& ins, const LawVersion* cited,
                                   const LawVersion* now) {
  if (!cited || !now || cited == now) return nullptr;
  if (ins.level != LawLevel::DeptRule && ins.level != LawLevel::ProvGovRule &&
      ins.level != LawLevel::CityGovRule)
    return nullptr;
  bool after = false;
  for (const auto& w : ins.versions) {
    if (&w == cited) {
      after = true;
      continue;
    }
    if (after && w.kind == "制定" && w.date.days() - cited->date.days() > kSameRevisionDays)
      return &w;
    if (&w == now) break;
  }
  return nullptr;
}

const Instrument* check_citation(ItemCtx& ic, const Citation& c) {
  if (c.law.value.empty()) return nullptr;
  const Instrument* ins = ic.ctx.laws->find(c.law.value);
  DiagSink& sink = ic.ctx.sink;
  if (!ins) {
    bool several = false;
    if (const Instrument* amended = ic.ctx.laws->amended_by_decision(c.law.value, &several);
        amended && !amended->repealed && !amended->other_region) {
      // A decision's changes are part of the instrument it amended: cite that one. Still
      // "not in the registry" (summary.citations counts it so): the decision itself is not.
      if (ic.first(rule::basis_unknown_law, LawRegistry::normalize(c.law.value))) {
        const LawVersion* now = amended->version_on(ic.ctx.as_of());
        const std::string current = now ? now->date.str() : std::string();
        const std::string x = "《" + amended->name + "》";
        const Message m =
            several
                ? Message{fmt::format("“{}”是修改{}等的决定，修改内容已并入被修改的各部；请直接引用"
                                      "被修改的{}等的现行版本",
                                      c.law.value, x, x),
                          fmt::format(
                              "'{}' amends {} and others, and its changes are part of them: "
                              "cite the amended instruments as in force",
                              c.law.value, x)}
                : Message{
                      fmt::format("“{}”是修改{}的决定，修改内容已并入{}；请直接引用{}{}",
                                  c.law.value, x, x, x,
                                  current.empty() ? "" : "（现行版本 " + current + "）"),
                      fmt::format(
                          "'{}' amends {} and its changes are part of it: cite {}{}", c.law.value,
                          x, x, current.empty() ? "" : " (in force: the " + current + " version)")};
        sink.add(rule::basis_unknown_law, c.law.span, ic.id, m);
      }
      return nullptr;
    }
    if (ic.first(rule::basis_unknown_law, LawRegistry::normalize(c.law.value))) {
      const auto level = infer_law_level(c.law.value, c.tag.value, c.note);
      const std::string as =
          level ? fmt::format("（按{}判断其效力层级）", law_level_name(*level)) : "";
      sink.add(
          rule::basis_unknown_law, c.law.span, ic.id,
          {fmt::format("法规库中没有“{}”{}；地方性法规、规章请通过 powerlist.yaml 的 laws 补充",
                       c.law.value, as),
           fmt::format("'{}' is in no law registry; add local instruments through `laws:`",
                       c.law.value)});
    }
    return nullptr;
  }
  // The registry's level is used; a tag that says otherwise is worth telling the department.
  if (auto admits = tag_admits_level(c.tag.value, ins->level);
      admits && !*admits && ic.first(rule::basis_level_tag, ins->name))
    sink.add(rule::basis_level_tag, c.tag.span.line ? c.tag.span : c.law.span, ic.id,
             {fmt::format("《{}》标注为【{}】，但它是{}；已按{}审核，请改正标注", ins->name,
                          c.tag.value, law_level_name(ins->level), law_level_name(ins->level)),
              fmt::format("《{}》 is tagged 【{}】 but is a {}; judged as a {} — correct the tag",
                          ins->name, c.tag.value, law_level_name(ins->level),
                          law_level_name(ins->level))});
  if (ins->other_region && ic.first(rule::basis_other_region, ins->name))
    sink.add(rule::basis_other_region, c.law.span, ic.id,
             {fmt::format("《{}》是{}的{}，只在该地区有效", ins->name, ins->region,
                          law_level_name(ins->level)),
              fmt::format("《{}》 is {} of {}; it applies only there", ins->name,
                          law_level_name(ins->level), ins->region)});
  const Date d = ic.ctx.as_of();
  if (ins->repealed) {
    // `by` names the successor, or the decision that repealed it (…关于废止…的决定).
    const bool decision = ins->repealed_by.find("决定") != std::string::npos;
    const std::string by = ins->repealed_by.empty() ? ""
                           : decision ? fmt::format("（依《{}》）", ins->repealed_by)
                                      : fmt::format("，由《{}》取代", ins->repealed_by);
    const std::string by_en = ins->repealed_by.empty() ? ""
                              : decision ? fmt::format(" (by 《{}》)", ins->repealed_by)
                                         : fmt::format(", replaced by 《{}》", ins->repealed_by);
    if (ins->repealed_date && *ins->repealed_date <= d) {
      if (ic.first(rule::basis_repealed, ins->name)) {
        Diagnostic& f =
            sink.add(rule::basis_repealed, c.law.span, ic.id,
                     {fmt::format("《{}》已于 {} 废止{}", ins->name, ins->repealed_date->str(), by),
                      fmt::format("《{}》 was repealed on {}{}", ins->name,
                                  ins->repealed_date->str(), by_en)});
        if (auto fix = successor_fix(*ic.ctx.laws, *ins, c, d)) f.fixes.push_back(*fix);
      }
      return ins;
    }
    // Repealed on a day the data does not give: repealed, unless the catalog is judged as of
    // a date before its last known version took effect.
    if (!ins->repealed_date && (ins->versions.empty() || ins->versions.back().in_force() <= d)) {
      if (ic.first(rule::basis_repealed, ins->name)) {
        Diagnostic& f = sink.add(
            rule::basis_repealed, c.law.span, ic.id,
            {fmt::format("《{}》已废止（法规库的来源未载明废止日期）{}", ins->name, by),
             fmt::format("《{}》 has been repealed (the registry's sources give no date){}",
                         ins->name, by_en)});
        if (auto fix = successor_fix(*ic.ctx.laws, *ins, c, d)) f.fixes.push_back(*fix);
      }
      return ins;
    }
  }
  const LawVersion* v = nullptr;
  const LawVersion* now = ins->version_on(d);
  if (auto named = cited_date(c, *ins)) {
    v = ins->version_cited(named->value);
    const bool complete_history =
        ins->level == LawLevel::Law || ins->level == LawLevel::AdminRegulation;
    if (!v) {
      if (complete_history && c.version)
        sink.add(rule::basis_unknown_law, named->span, ic.id,
                 {fmt::format("法规库中没有《{}》{} 版本", ins->name, named->value.str()),
                  fmt::format("no {} version of 《{}》 in the registry", named->value.str(),
                              ins->name)});
    } else if (d < v->in_force()) {
      sink.add(rule::basis_not_yet_effective, named->span, ic.id,
               {fmt::format("《{}》{} 版本自 {} 起施行，晚于目录施行日期 {}", ins->name,
                            v->date.str(), v->in_force().str(), d.str()),
                fmt::format("the {} version of 《{}》 takes effect on {}, after {}", v->date.str(),
                            ins->name, v->in_force().str(), d.str())});
    } else if (const LawVersion* successor = new_rule_between(*ins, v, now)) {
      // A rule replaced by a new rule of the same name (食品生产许可管理办法 2015 → 2020): the
      // cited rule was repealed, it was not revised.
      if (ic.first(rule::basis_repealed, ins->name)) {
        Diagnostic& f = sink.add(
            rule::basis_repealed, named->span, ic.id,
            {fmt::format("引用的是 {} 公布的《{}》，该规章已被 {} 公布的同名新规章取代，"
                         "自 {} 起废止{}",
                         v->date.str(), ins->name, successor->date.str(),
                         successor->in_force().str(),
                         successor->order.empty() ? "" : "（新规章为" + successor->order + "）"),
             fmt::format("the cited 《{}》 of {} was replaced by a new rule of the same name "
                         "of {} and repealed on {}",
                         ins->name, v->date.str(), successor->date.str(),
                         successor->in_force().str())});
        // The new rule of that name, the provision placed by its words where its text is held.
        if (auto fix = superseded_fix(*ic.ctx.laws, *ins, *v, *now, c)) f.fixes.push_back(*fix);
      }
    } else if (now && now != v && v->in_force() < now->in_force() &&
               now->date.days() - v->date.days() > kSameRevisionDays &&
               !ic.first(rule::basis_superseded_version, ins->name)) {
      // The instrument is already reported for this item: this citation's own correction
      // joins that finding (a cell citing 第四十六条 and 第四十七条 gets both corrected).
      if (auto at = ic.superseded_at.find(ins->name); at != ic.superseded_at.end())
        if (auto fix = superseded_fix(*ic.ctx.laws, *ins, *v, *now, c)) {
          auto& fixes = sink.mutable_list()[at->second].fixes;
          if (std::none_of(fixes.begin(), fixes.end(), [&](const Fix& x) {
                // Two corrections without an article differ by what they say of
                // the cited provisions (no counterpart, deleted): both kept.
                return x.replacement == fix->replacement && x.title.zh == fix->title.zh;
              }))
            fixes.push_back(*fix);
        }
    } else if (now && now != v && v->in_force() < now->in_force() &&
               now->date.days() - v->date.days() > kSameRevisionDays) {
      Message note;
      const std::string due = revision_note(ic.ctx, *now, note);
      auto& f = sink.add(
          rule::basis_superseded_version, named->span, ic.id,
          {fmt::format("引用的是《{}》{} 版本，已被 {} {}版本取代（{} 起施行）", ins->name,
                       v->date.str(), now->date.str(), now->kind, now->in_force().str()),
           fmt::format(
               "the cited {} version of 《{}》 was replaced by the {} version (in force {})",
               v->date.str(), ins->name, now->date.str(), now->in_force().str())});
      if (!c.version && !c.note.empty())
        f.notes.push_back(
            {"版本依据引用中的版本说明：" + c.note, "version read from the note: " + c.note});
      if (!due.empty()) f.notes.push_back({due, note.en});
      if (auto fix = superseded_fix(*ic.ctx.laws, *ins, *v, *now, c)) f.fixes.push_back(*fix);
      ic.superseded_at[ins->name] = sink.list().size() - 1;
    }
  } else if (!ins->versions.empty() && !now && ins->versions.front().kind == "制定") {
    // Only when the history is known from the instrument's making: a ministry rule listed
    // from a later amendment on was in force before it.
    sink.add(rule::basis_not_yet_effective, c.law.span, ic.id,
             {fmt::format("《{}》自 {} 起施行，晚于目录施行日期 {}", ins->name,
                          ins->versions.front().in_force().str(), d.str()),
              fmt::format("《{}》 takes effect on {}, after {}", ins->name,
                          ins->versions.front().in_force().str(), d.str())});
  }
  const LawVersion* judged = v ? v : now;
  if (auto count = ins->article_count(judged)) {
    for (const auto& a : c.articles)
      if (a.value.article > *count) {
        auto& f =
            sink.add(rule::basis_article_range, a.span, ic.id,
                     {fmt::format("《{}》（{} 版本）只有 {} 条，没有{}", ins->name,
                                  judged->date.str(), *count, a.value.str()),
                      fmt::format("《{}》 ({} version) has {} articles; there is no article {}",
                                  ins->name, judged->date.str(), *count, a.value.article)});
        if (!c.text.empty())
          if (Message where = quoted_elsewhere(*ic.ctx.laws, c.text, ins->name, d);
              !where.zh.empty()) {
            f.notes.push_back(where);
            if (auto fix = elsewhere_fix(*ic.ctx.laws, c.text, ins->name, d))
              f.fixes.push_back(*fix);
          }
      }
  }
  check_citation_text(ic, c, *ins, judged, now);
  return ins;
}

namespace {

void check_fees(ItemCtx& ic, const PowerItem& item) {
  for (const auto& fee : item.fees) {
    if (!fee.basis) {
      // A 权责清单's fee column is free text with no citation to judge.
      if (ic.ctx.catalog.project.profile == Profile::DutyList) continue;
      ic.ctx.sink.add(rule::basis_fee_level, fee.span, ic.id,
                      {fmt::format("收费“{}”没有依据", fee.name.value),
                       fmt::format("fee '{}' has no basis", fee.name.value)});
      continue;
    }
    const Instrument* ins = check_citation(ic, *fee.basis);
    if (!ins) continue;
    const LawLevel l = ins->level;
    const bool licence = item.category.value == Category::Licensing;
    const bool ok = licence ? (l == LawLevel::Law || l == LawLevel::AdminRegulation)
                            : (l == LawLevel::Law || l == LawLevel::AdminRegulation ||
                               l == LawLevel::LocalRegulation || l == LawLevel::Autonomous);
    if (ok) continue;
    if (licence)
      ic.ctx.sink.add(
          rule::basis_fee_level, fee.basis->law.span, ic.id,
          {fmt::format("行政许可收费须有法律、行政法规依据（行政许可法第五十八条），《{}》是{}",
                       ins->name, law_level_name(l)),
           fmt::format(
               "a licence fee needs a 法律 or 行政法规 basis (行政许可法 art. 58); 《{}》 is a {}",
               ins->name, law_level_name(l))});
    else
      ic.ctx.sink.add(
          rule::basis_fee_level, fee.basis->law.span, ic.id,
          {fmt::format("收费依据须为法律、行政法规或地方性法规，《{}》是{}", ins->name,
                       law_level_name(l)),
           fmt::format("a fee needs a 法律, 行政法规 or 地方性法规 basis; 《{}》 is a {}",
                       ins->name, law_level_name(l))});
  }
}

void report_missing(RuleContext& ctx, const PowerItem& item, const std::string& id) {
  if (item.basis_text.empty()) {
    auto& f =
        ctx.sink.add(rule::basis_missing, item.key.span.valid() ? item.key.span : item.span, id,
                     {"事项没有设定依据（basis）：没有法定依据的权力不得列入目录、不得行使",
                      "the item has no legal basis (basis)"});
    suggest_articles(ctx, item, f);
    return;
  }
  std::string text = trim(item.basis_text);
  if (utf8_length(text) > 60) text = utf8_prefix(text, 60) + "…";
  auto& f = ctx.sink.add(rule::basis_missing, item.key.span.valid() ? item.key.span : item.span, id,
                         {fmt::format("实施依据“{}”不是法律法规引用（应写明《名称》和条款）："
                                      "没有法定依据的权力不得列入目录、不得行使",
                                      text),
                          fmt::format("the basis '{}' cites no instrument (write 《name》 and the "
                                      "article)",
                                      text)});
  suggest_articles(ctx, item, f);
}

}  // namespace

// One note when the law base is more than a year older than the audit date: revisions and
// repeals after it are unknown. Placed on the catalog's first citation.
void check_law_base_age(RuleContext& ctx) {
  const auto& base = ctx.laws->base_date;
  if (!base || ctx.as_of().days() - base->days() <= 365) return;
  for (const auto& d : ctx.catalog.departments)
    for (const auto& item : d.powers)
      for (const auto& c : item.basis)
        if (item.active() && c.law.span.valid()) {
          ctx.sink.add(
              rule::basis_law_base_age, c.law.span, "",
              {fmt::format("法规库截至 {}，比审核日期 {} 早一年以上：此后的修改和废止无法核对",
                           base->str(), ctx.as_of().str()),
               fmt::format("the law base is of {}, more than a year before {}: later revisions "
                           "and repeals are unknown",
                           base->str(), ctx.as_of().str())});
          return;
        }
}

void check_basis(RuleContext& ctx) {
  if (!ctx.laws) return;
  check_law_base_age(ctx);
  for (const auto& d : ctx.catalog.departments) {
    // A 主项 listed through its 子项 rests on their bases.
    std::set<std::string> parents;
    for (const auto& item : d.powers)
      if (item.active() && !item.parent.value.empty()) parents.insert(item.parent.value);
    for (const auto& item : d.powers) {
      if (!item.active() || !item.category.span.valid()) continue;
      const std::string id = item_id(d, item);
      ItemCtx ic{ctx, id, {}};
      if (item.basis.empty() && item.category.value != Category::Internal &&
          !parents.count(item.key.value))
        report_missing(ctx, item, id);
      std::vector<CitedLevel> levels;
      for (const auto& c : item.basis) {
        const Instrument* ins = check_citation(ic, c);
        levels.push_back(cited_level(c, ins));
      }
      if (item.limits.statutory_basis) check_citation(ic, *item.limits.statutory_basis);
      check_fees(ic, item);
      check_competence(ic, item, levels);
      check_category_words(ic, item);
    }
  }
}

}  // namespace powerlist

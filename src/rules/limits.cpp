// limits/* on declared limits: statutory-missing, promised-missing, promised-exceeds-statutory,
// promised-ratio, unit-mismatch, statutory-mismatch. Path checks live with the procedure graph.
#include <fmt/format.h>

#include <tuple>

#include "powerlist/law.hpp"
#include "powerlist/rules.hpp"

namespace powerlist {

namespace {

struct KnownLimit {
  Duration duration;
  std::string where_zh, where_en;
  bool general = false;  // the category's general limit, not one of a cited article
};

// The category's general statutory limit (RULES.md limits/statutory-mismatch).
std::optional<KnownLimit> general_limit(Category c) {
  if (c == Category::Licensing)
    return KnownLimit{
        {TimeUnit::WorkDays, 20000}, "行政许可法第四十二条", "行政许可法 art. 42", true};
  if (c == Category::Penalty)
    return KnownLimit{{TimeUnit::Days, 90000}, "行政处罚法第六十条", "行政处罚法 art. 60", true};
  return std::nullopt;
}

std::optional<KnownLimit> registry_limit(const LawRegistry* laws, const Citation& c) {
  if (!laws) return std::nullopt;
  const Instrument* ins = laws->find(c.law.value);
  if (!ins) return std::nullopt;
  for (const auto& a : c.articles)
    if (const StatutoryLimit* l = ins->limit_for(a.value))
      return KnownLimit{l->duration, fmt::format("《{}》{}", ins->name, l->article.str()),
                        fmt::format("《{}》 art. {}", ins->name, l->article.article)};
  return std::nullopt;
}

std::optional<KnownLimit> known_limit(const RuleContext& ctx, const PowerItem& item) {
  if (item.limits.statutory_basis)
    if (auto k = registry_limit(ctx.laws, *item.limits.statutory_basis)) return k;
  for (const auto& c : item.basis)
    if (auto k = registry_limit(ctx.laws, c)) return k;
  return general_limit(item.category.value);
}

// 行政许可法第八十二条: a licence period given in 日 is counted in 工作日.
bool equal_limits(const Duration& a, const Duration& b, Category c) {
  if (a.unit == b.unit) return a.milli == b.milli;
  auto day_like = [](TimeUnit u) { return u == TimeUnit::Days || u == TimeUnit::WorkDays; };
  return c == Category::Licensing && day_like(a.unit) && day_like(b.unit) && a.milli == b.milli;
}

// The cases of a limit written for several (“告知承诺制：20个工作日\n非告知承诺制:10个工作日”):
// label and limit of each, or nothing when a part is not "label：limit".
std::vector<std::pair<std::string, Duration>> limit_cases(const std::string& text) {
  std::vector<std::pair<std::string, Duration>> out;
  std::string part;
  auto flush = [&]() -> bool {
    const size_t b = part.find_first_not_of(" \t\r");
    if (b == std::string::npos) return true;
    std::string p = part.substr(b);
    size_t colon = p.find("："), len = 3;
    if (colon == std::string::npos) colon = p.find(':'), len = 1;
    if (colon == std::string::npos || colon == 0) return false;
    const auto d = parse_duration(p.substr(colon + len));
    if (!d) return false;
    std::string label = p.substr(0, colon);
    while (!label.empty() && (label.back() == ' ' || label.back() == '\t')) label.pop_back();
    out.emplace_back(label, *d);
    return true;
  };
  for (size_t i = 0; i <= text.size(); ++i) {
    const bool end = i == text.size();
    const bool sep = !end && (text[i] == '\n' || text.compare(i, 3, "；") == 0 || text[i] == ';');
    if (end || sep) {
      if (!flush()) return {};
      part.clear();
      if (!end && text[i] != '\n' && text[i] != ';') i += 2;  // the rest of "；"
      continue;
    }
    part += text[i];
  }
  return out.size() >= 2 ? out : decltype(out){};
}

std::string ratio_zh(const Ratio& r) {
  if (r.num == 2 && r.den == 3) return "三分之二";
  return fmt::format("{}/{}", r.num, r.den);
}

}  // namespace

void check_limits(RuleContext& ctx) {
  const Ratio ratio = ctx.catalog.project.promised_ratio;
  for (const auto& d : ctx.catalog.departments) {
    for (const auto& item : d.powers) {
      if (!item.active() || !item.category.span.valid()) continue;
      const std::string id = item_id(d, item);
      const bool on_application = item.initiation.value == Initiation::OnApplication;
      const auto& st = item.limits.statutory;
      const auto& pr = item.limits.promised;
      const Span anchor = item.has_limits ? item.limits.span : item.key.span;
      // A key that is present but unparsable already has its schema/type finding.
      if (on_application && !st && !item.limits.statutory_given &&
          general_limit(item.category.value) && item.category.value != Category::Penalty)
        ctx.sink.add(rule::limits_statutory_missing, anchor, id,
                     {fmt::format("依申请的{}事项缺少法定时限（limits.statutory）",
                                  category_info(item.category.value).name),
                      "an 依申请 item of this category needs limits.statutory"});
      if (on_application && st && !st->value.is_none() && !pr && !item.limits.promised_given)
        ctx.sink.add(rule::limits_promised_missing, st->span, id,
                     {fmt::format("有法定时限 {} 的依申请事项缺少承诺时限（limits.promised）",
                                  st->value.str()),
                      fmt::format("statutory limit {} but no promised limit", st->value.str_en())});
      // A limit written with several cases ("告知承诺制：20个工作日；非告知承诺制：10个工作日")
      // keeps its text in the note and only its first figure as the limit: comparing those
      // would compare different cases.
      // would compare different cases — unless both name their cases, which are then
      // compared case by case (or one limit against every case of the other).
      // A note that only spells the limit another way ("20个工作日" for 20工作日, as import keeps
      // the cell's text) is no second case.
      auto plain = [](const std::string& note, const std::optional<Loc<Duration>>& lim) {
        if (note.empty()) return true;
        const auto parsed = parse_duration(note);
        return lim && parsed && parsed->unit == lim->value.unit &&
               parsed->milli == lim->value.milli;
      };
      const bool compound =
          !plain(item.limits.statutory_note, st) || !plain(item.limits.promised_note, pr);
      std::vector<std::tuple<std::string, Duration, Duration>> pairs;
      if (st && pr && !compound) {
        pairs.emplace_back("", st->value, pr->value);
      } else if (st && pr) {
        const auto sc = limit_cases(item.limits.statutory_note);
        const auto pc = limit_cases(item.limits.promised_note);
        if (!sc.empty() && !pc.empty() && sc.size() == pc.size()) {
          for (size_t i = 0; i < sc.size(); ++i)
            if (sc[i].first == pc[i].first)
              pairs.emplace_back(sc[i].first, sc[i].second, pc[i].second);
        } else if (!sc.empty() && item.limits.promised_note.empty()) {
          for (const auto& [label, lim] : sc) pairs.emplace_back(label, lim, pr->value);
        } else if (!pc.empty() && item.limits.statutory_note.empty()) {
          for (const auto& [label, lim] : pc) pairs.emplace_back(label, st->value, lim);
        }
      }
      for (const auto& [label, s, p] : pairs) {
        if (s.is_none() || p.is_none() || p.unit == TimeUnit::Immediate) continue;
        const std::string which = label.empty() ? "" : "（" + label + "）";
        const std::string which_en = label.empty() ? "" : " (" + label + ")";
        if (!same_unit(s, p)) {
          ctx.sink.add(
              rule::limits_unit_mismatch, pr->span, id,
              {fmt::format(
                   "{}承诺时限 {} 与法定时限 {} 单位不同（{}与{}），无法比较；请统一为同一单位",
                   which, p.str(), s.str(), unit_name_zh(p.unit), unit_name_zh(s.unit)),
               fmt::format(
                   "promised {} and statutory {} use different units and cannot be compared{}",
                   p.str_en(), s.str_en(), which_en)});
        } else if (p.milli > s.milli) {
          ctx.sink.add(rule::limits_promised_exceeds_statutory, pr->span, id,
                       {fmt::format("{}承诺时限 {} 超过法定时限 {}", which, p.str(), s.str()),
                        fmt::format("promised {} exceeds the statutory {}{}", p.str_en(),
                                    s.str_en(), which_en)});
        } else if (p.milli * ratio.den > s.milli * ratio.num) {
          ctx.sink.add(rule::limits_promised_ratio, pr->span, id,
                       {fmt::format("{}承诺时限 {} 超过法定时限 {} 的{}", which, p.str(), s.str(),
                                    ratio_zh(ratio)),
                        fmt::format("promised {} exceeds {}/{} of the statutory {}{}", p.str_en(),
                                    ratio.num, ratio.den, s.str_en(), which_en)});
        }
      }
      if (st) {
        auto known = known_limit(ctx, item);
        // The general limits yield to other laws, regulations (and for 行政处罚 rules): "另有
        // 规定的，从其规定". A shorter declared limit may come from one the registry does not
        // hold, so against a general limit only a longer one is reported.
        const bool shorter_than_general = known && known->general &&
                                          same_unit(st->value, known->duration) &&
                                          st->value.milli < known->duration.milli;
        if (known && !shorter_than_general &&
            !equal_limits(st->value, known->duration, item.category.value))
          ctx.sink.add(
              rule::limits_statutory_mismatch, st->span, id,
              {fmt::format("法定时限写为 {}，但{}规定为 {}", st->value.str(), known->where_zh,
                           known->duration.str()),
               fmt::format("statutory limit given as {}, but {} sets {}", st->value.str_en(),
                           known->where_en, known->duration.str_en())});
      }
    }
  }
}

}  // namespace powerlist

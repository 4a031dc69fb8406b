// discretion/out-of-range — a 行政处罚 裁量基准 row whose fine lies outside the range the cited
// article sets (read from the registry's text: "处一万元以上五万元以下罚款").
#include <fmt/format.h>

#include <limits>

#include "powerlist/law.hpp"
#include "powerlist/rules.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

constexpr long long kOpen = std::numeric_limits<long long>::max();

struct Range {
  long long lo = 0, hi = kOpen;
};

// Amounts in yuan written in `s`, in order (五千元, 1万元, 10万元, 200元).
std::vector<std::pair<size_t, long long>> amounts(const std::string& s) {
  std::vector<std::pair<size_t, long long>> out;
  const std::u32string k = quote_key(s);  // numerals as digits, punctuation gone
  for (size_t i = 0; i < k.size(); ++i) {
    if (!(k[i] >= U'0' && k[i] <= U'9')) continue;
    size_t j = i;
    long long v = 0;
    while (j < k.size() && k[j] >= U'0' && k[j] <= U'9' && v < 1'000'000'000'000LL)
      v = v * 10 + (k[j++] - U'0');
    if (j < k.size() && k[j] == U'万') {
      v *= 10000;
      ++j;
    }
    if (j < k.size() && k[j] == U'元') out.emplace_back(i, v);
    i = j;
  }
  return out;
}

// The fine range of a text: "X元以上Y元以下", "Y元以下", "X元以上"; nullopt without one.
std::optional<Range> fine_range(const std::string& text) {
  const auto a = amounts(text);
  if (a.empty()) return std::nullopt;
  const bool above = text.find("以上") != std::string::npos;
  const bool below = text.find("以下") != std::string::npos || text.find("至") != std::string::npos;
  if (a.size() >= 2) return Range{a[0].second, a[1].second};
  if (below && !above) return Range{0, a[0].second};
  if (above) return Range{a[0].second, kOpen};
  return Range{a[0].second, a[0].second};
}

}  // namespace

void check_discretion(RuleContext& ctx) {
  if (!ctx.laws) return;
  for (const auto& d : ctx.catalog.departments)
    for (const auto& item : d.powers) {
      if (!item.active() || item.discretion.empty()) continue;
      // The fines the cited articles allow: the widest range any of them sets.
      std::optional<Range> law;
      for (const auto& c : item.basis) {
        const Instrument* ins = ctx.laws->find(c.law.value);
        const LawVersion* v = ins ? ins->version_on(ctx.as_of()) : nullptr;
        const LawText* text = v ? ctx.laws->text(*ins, *v) : nullptr;
        if (!text) continue;
        for (const auto& a : c.articles) {
          const ArticleText* art = text->find(a.value.article);
          if (!art) continue;
          const std::string full = art->full();
          size_t at = 0;
          while ((at = full.find("罚款", at)) != std::string::npos) {
            const size_t from = full.rfind("处", at);
            if (from != std::string::npos && at - from < 120)
              if (auto r = fine_range(full.substr(from, at - from))) {
                if (!law) law = r;
                law->lo = std::min(law->lo, r->lo);
                law->hi = std::max(law->hi, r->hi);
              }
            at += 6;
          }
        }
      }
      if (!law) continue;
      for (const auto& row : item.discretion) {
        if (row.penalty.value != "罚款" || row.range.value.empty()) continue;
        auto r = fine_range(row.range.value);
        if (!r || (r->lo >= law->lo && (law->hi == kOpen || r->hi <= law->hi))) continue;
        const std::string allowed = law->hi == kOpen
                                        ? fmt::format("{} 元以上", law->lo)
                                        : fmt::format("{} 元至 {} 元", law->lo, law->hi);
        ctx.sink.add(
            rule::discretion_out_of_range, row.range.span, item_id(d, item),
            {fmt::format("裁量基准“{}”的罚款幅度“{}”超出所引条款规定的 {}", row.circumstance,
                         row.range.value, allowed),
             fmt::format("the discretion row '{}' fines '{}', outside the cited article's {}",
                         row.circumstance, row.range.value, allowed)});
      }
    }
}

}  // namespace powerlist

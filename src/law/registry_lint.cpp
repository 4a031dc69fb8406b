// `powerlist law check FILE`: a registry file's own problems beyond its format — a version
// listed twice (or twice within a month: the meeting and the promulgation of one revision),
// versions out of order, an article count that is not the count of the version's text.
#include <fmt/format.h>

#include <filesystem>

#include "powerlist/law.hpp"

namespace powerlist {

void lint_registry(const LawRegistry& reg, DiagSink& sink) {
  for (const auto& ins : reg.all()) {
    const Span at = ins.span;
    for (size_t i = 0; i < ins.versions.size(); ++i) {
      const LawVersion& v = ins.versions[i];
      if (i > 0) {
        const LawVersion& prev = ins.versions[i - 1];
        const long gap = v.date.days() - prev.date.days();
        if (gap == 0)
          sink.add(rule::schema_duplicate_item, at, "",
                   {fmt::format("《{}》的 {} 版本列了两次", ins.name, v.date.str()),
                    fmt::format("《{}》 lists the {} version twice", ins.name, v.date.str())});
        else if (gap <= 31 && (v.order.empty() || prev.order.empty() || v.order == prev.order))
          // Two orders a few weeks apart are two amendments (人社部令第42号 and 第43号 of
          // December 2019); without them, the dates are likely one revision's meeting and
          // promulgation.
          sink.add(
              rule::schema_duplicate_item, at, "",
              {fmt::format("《{}》的 {} 与 {} "
                           "两个版本相隔不到一个月，多半是同一次修改的会议日期与公布日期；"
                           "请合并为一个版本（会议日期写作 meeting）",
                           ins.name, prev.date.str(), v.date.str()),
               fmt::format("《{}》 lists {} and {} less than a month apart, likely one revision's "
                           "meeting and promulgation dates; merge them (meeting: …)",
                           ins.name, prev.date.str(), v.date.str())});
      }
      if (ins.repealed_date && *ins.repealed_date < v.date)
        sink.add(rule::schema_type, at, "",
                 {fmt::format("《{}》废止日期 {} 早于其 {} 版本", ins.name,
                              ins.repealed_date->str(), v.date.str()),
                  fmt::format("《{}》 is repealed on {}, before its {} version", ins.name,
                              ins.repealed_date->str(), v.date.str())});
      if (!v.has_text) continue;
      const LawText* text = reg.text(ins, v);
      if (!text) {
        sink.add(rule::schema_required, at, "",
                 {fmt::format("《{}》{} 版本标为有全文（text: true），但 texts/ 中没有该文件",
                              ins.name, v.date.str()),
                  fmt::format("《{}》 {} is marked text: true but texts/ has no file for it",
                              ins.name, v.date.str())});
        continue;
      }
      int highest = 0;
      for (const auto& a : text->articles) highest = std::max(highest, a.number);
      if (v.articles && !v.truncated && *v.articles != highest)
        sink.add(rule::schema_type, at, "",
                 {fmt::format("《{}》{} 版本记为 {} 条，但其条文到第 {} 条", ins.name, v.date.str(),
                              *v.articles, highest),
                  fmt::format("《{}》 {} says {} articles, but its text runs to article {}",
                              ins.name, v.date.str(), *v.articles, highest)});
    }
  }
}

}  // namespace powerlist

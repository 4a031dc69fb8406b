// disclosure/secret-reason, disclosure/missing
#include "powerlist/rules.hpp"

namespace powerlist {

void check_disclosure(RuleContext& ctx) {
  for (const auto& d : ctx.catalog.departments) {
    for (const auto& item : d.powers) {
      if (!item.active()) continue;
      const std::string id = item_id(d, item);
      if (!item.is_public.value) {
        if (!item.secrecy || item.secrecy->reason.value.empty())
          ctx.sink.add("disclosure/secret-reason", item.is_public.span, id,
                       {"不公开事项（public: false）须在 secrecy.reason 中说明不公开理由",
                        "a non-public item (public: false) needs secrecy.reason"});
        continue;
      }
      if (!item.disclosure)
        ctx.sink.add("disclosure/missing", item.key.span.valid() ? item.key.span : item.span, id,
                     {"公开事项缺少 disclosure（公开形式、范围、时间）",
                      "public item without disclosure (forms, scope, timing)"});
    }
  }
}

}  // namespace powerlist

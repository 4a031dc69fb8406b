// disclosure/secret-reason, disclosure/secret-basis, disclosure/missing, disclosure/incomplete
#include "powerlist/rules.hpp"

namespace powerlist {

void check_disclosure(RuleContext& ctx) {
  for (const auto& d : ctx.catalog.departments) {
    for (const auto& item : d.powers) {
      if (!item.active()) continue;
      const std::string id = item_id(d, item);
      if (!item.is_public.value) {
        if (!item.secrecy || item.secrecy->reason.value.empty())
          ctx.sink.add(rule::disclosure_secret_reason, item.is_public.span, id,
                       {"不公开事项（public: false）须在 secrecy.reason 中说明不公开理由",
                        "a non-public item (public: false) needs secrecy.reason"});
        // 凡无保密依据的，均要予以公开: the reason must rest on a basis.
        if (!item.secrecy || !item.secrecy->basis)
          ctx.sink.add(rule::disclosure_secret_basis,
                       item.secrecy ? item.secrecy->span : item.is_public.span, id,
                       {"不公开事项没有保密依据（secrecy.basis）：凡无保密依据的，均要予以公开",
                        "a non-public item without secrecy.basis: what has no basis for secrecy is "
                        "published"});
        continue;
      }
      if (!item.disclosure) {
        ctx.sink.add(rule::disclosure_missing, item.key.span.valid() ? item.key.span : item.span,
                     id,
                     {"公开事项缺少 disclosure（公开形式、范围、时间）",
                      "public item without disclosure (forms, scope, timing)"});
        continue;
      }
      const Disclosure& dis = *item.disclosure;
      std::vector<std::string> missing_zh, missing_en;
      if (dis.forms.empty())
        missing_zh.push_back("公开形式（forms）"), missing_en.push_back("forms");
      if (dis.scope.value.empty() && !dis.scope_invalid)
        missing_zh.push_back("公开范围（scope）"), missing_en.push_back("scope");
      if (dis.timing.value.empty() && !dis.timing_invalid)
        missing_zh.push_back("公开时间（timing）"), missing_en.push_back("timing");
      if (!missing_zh.empty()) {
        std::string zh, en;
        for (const auto& m : missing_zh) zh += (zh.empty() ? "" : "、") + m;
        for (const auto& m : missing_en) en += (en.empty() ? "" : ", ") + m;
        ctx.sink.add(rule::disclosure_incomplete, dis.span, id,
                     {"公开信息不完整，缺少" + zh, "the disclosure lacks " + en});
      }
    }
  }
}

}  // namespace powerlist

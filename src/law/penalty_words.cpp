// What an article provides for, read from its words (law.hpp): the penalty kinds and
// coercive measures 设定权 is judged on, and the words of each category.
#include <algorithm>
#include <map>

#include "powerlist/law.hpp"

namespace powerlist {

namespace {

bool has(std::string_view text, std::string_view w) {
  return text.find(w) != std::string_view::npos;
}

void add(std::vector<std::string>& out, const char* kind) {
  if (std::find(out.begin(), out.end(), kind) == out.end()) out.emplace_back(kind);
}

// The consequence part of each sentence: what follows the last "的，" of its condition
// ("对因违规被吊销船员证书而谎报遗失，申请补发的，处…罚款" provides a fine, not a revocation).
std::string consequences(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.size(), stop_len = 0;
    for (std::string_view stop : {"。", "；", "\n"}) {
      const size_t at = text.find(stop, start);
      if (at != std::string_view::npos && at < end) {
        end = at;
        stop_len = stop.size();
      }
    }
    std::string_view sentence = text.substr(start, end - start);
    for (std::string_view cond : {"的，", "的,"}) {
      const size_t at = sentence.rfind(cond);
      if (at != std::string_view::npos) {
        sentence.remove_prefix(at + cond.size());
        break;
      }
    }
    out.append(sentence).append("\n");
    start = end + (stop_len ? stop_len : 1);
  }
  return out;
}

// Every 拘留 in `t` is in a sentence that gives it to the police ("由公安机关…拘留").
bool by_police_only(std::string_view t) {
  bool any = false;
  for (size_t at = t.find("拘留"); at != std::string_view::npos; at = t.find("拘留", at + 1)) {
    size_t sentence = 0;
    for (std::string_view stop : {"。", "；", "\n"}) {
      const size_t p = t.rfind(stop, at);
      if (p != std::string_view::npos && p + stop.size() > sentence) sentence = p + stop.size();
    }
    const std::string_view before = t.substr(sentence, at - sentence);
    if (!has(before, "公安机关")) return false;
    any = true;
  }
  return any;
}

std::vector<std::string> kinds_in(std::string_view t) {
  std::vector<std::string> out;
  if (has(t, "警告")) add(out, "警告");
  if (has(t, "通报批评")) add(out, "通报批评");
  if (has(t, "罚款")) add(out, "罚款");
  if (has(t, "没收违法所得")) add(out, "没收违法所得");
  if (has(t, "没收非法财物") || has(t, "没收违法生产") || has(t, "没收违法经营") ||
      (has(t, "没收") && (has(t, "工具") || has(t, "物品") || has(t, "产品") || has(t, "设备"))))
    add(out, "没收非法财物");
  if (has(t, "暂扣")) add(out, "暂扣许可证件");
  if (has(t, "降低资质等级")) add(out, "降低资质等级");
  if (has(t, "吊销营业执照")) add(out, "吊销营业执照");
  const size_t revoke = t.find("吊销");
  if (revoke != std::string_view::npos &&
      (has(t, "许可证") || has(t, "证书") || has(t, "执照") || has(t, "资格") || has(t, "证件")) &&
      !(has(t, "吊销营业执照") && t.find("吊销", revoke + 1) == std::string_view::npos))
    add(out, "吊销许可证件");
  if (has(t, "限制开展生产经营活动")) add(out, "限制开展生产经营活动");
  if (has(t, "责令停产停业") || has(t, "责令停止生产") || has(t, "责令停业"))
    add(out, "责令停产停业");
  if (has(t, "责令关闭")) add(out, "责令关闭");
  if (has(t, "限制从业")) add(out, "限制从业");
  // 拘留 is the police's: "由公安机关处十日以下拘留" in another department's article names a
  // penalty that department does not impose (and its level was set by the law it refers to).
  if ((has(t, "行政拘留") || has(t, "处拘留") || (has(t, "拘留") && has(t, "日以下"))) &&
      !by_police_only(t))
    add(out, "行政拘留");
  return out;
}

}  // namespace

std::vector<std::string> penalty_kinds_in(std::string_view text) {
  return kinds_in(consequences(text));
}

namespace {

// True when the word at `at` is done by someone the department applies to or hands the
// matter over to: "可以申请司法机关予以冻结", "提请公安机关依法扣押" — the department freezes
// nothing itself. The clause is the text since the last comma or semicolon.
bool done_by_another(std::string_view t, size_t at) {
  size_t clause = 0;
  for (std::string_view stop : {"，", "；", ",", ";", "\n", "。"}) {
    const size_t p = t.rfind(stop, at);
    if (p != std::string_view::npos && p + stop.size() > clause) clause = p + stop.size();
  }
  const std::string_view before = t.substr(clause, at - clause);
  for (std::string_view verb : {"申请", "提请", "移送", "商请", "建议"})
    if (has(before, verb)) return true;
  return false;
}

// Whether `word` occurs at least once as the department's own act.
bool acts(std::string_view t, std::string_view word) {
  for (size_t at = t.find(word); at != std::string_view::npos; at = t.find(word, at + 1))
    if (!done_by_another(t, at)) return true;
  return false;
}

}  // namespace

std::vector<std::string> measures_in(std::string_view text) {
  const std::string c = consequences(text);
  const std::string_view t = c;
  std::vector<std::string> out;
  if (acts(t, "查封")) add(out, "查封");
  if (acts(t, "扣押") || acts(t, "扣留") || acts(t, "封存")) add(out, "扣押");
  if (acts(t, "冻结")) add(out, "冻结");
  if (acts(t, "限制人身自由") || acts(t, "约束") || acts(t, "强制隔离")) add(out, "限制人身自由");
  return out;
}

const std::vector<std::string>& category_words(Category c) {
  static const std::map<Category, std::vector<std::string>> words = {
      {Category::Licensing,
       {"许可", "批准", "审批", "核准", "核发", "审核", "登记", "证书", "许可证", "同意", "准予",
        "审查", "资格", "资质", "备案", "证", "不得擅自"}},
      {Category::Penalty,
       {"罚款", "吊销", "没收", "警告", "通报批评", "责令停产", "责令停业", "责令关闭", "拘留",
        "暂扣", "降低资质", "限制从业", "处罚", "处以", "并处", "追究", "责令退还", "拆除",
        // 收回许可证 withdraws a licence for a wrong done: a penalty in substance.
        "收回"}},
      {Category::Coercion,
       {"查封", "扣押", "冻结", "强制", "封存", "扣留", "暂扣", "代履行", "拆除", "隔离", "约束",
        "停止", "销毁", "收缴", "责令",
        // 其他行政强制措施 (行政强制法第九条第五项): 警戒、疏散、封锁、管制 at an emergency.
        "警戒", "疏散", "封锁", "管制", "撤离"}},
      {Category::Levy, {"征收", "收取", "缴纳", "缴费", "收费", "费", "税", "基金"}},
      {Category::Inspection,
       {"检查", "监督", "抽查", "巡查", "核查", "查验", "检验", "检测", "调查", "查阅", "询问",
        "进入", "现场", "管理"}},
      {Category::Confirmation,
       {"认定", "确认", "登记", "鉴定", "评定", "审定", "核定", "证明", "认证", "备案", "确定"}},
      {Category::Reward, {"奖励", "表彰", "表扬", "奖", "荣誉"}},
      {Category::Adjudication, {"裁决", "调解", "仲裁", "处理", "解决", "争议", "纠纷"}},
      {Category::Benefit, {"给付", "补助", "补贴", "救助", "抚恤", "发放", "补偿", "优待", "资助"}},
  };
  static const std::vector<std::string> none;
  auto it = words.find(c);
  return it == words.end() ? none : it->second;
}

}  // namespace powerlist

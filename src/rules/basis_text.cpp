// basis/text-mismatch, basis/clause-range, basis/category-mismatch and the suggestions of
// basis/missing: the checks that read the articles of the registry's texts.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "basis_parts.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

// A quotation is "the same text" when its fragments occur in the article, or nearly all of
// its character pairs do (a typo, a dropped particle, an abridgement without ……).
constexpr double kSameText = 0.85;

std::string excerpt(const std::string& s, size_t n = 40) {
  std::string one = s;
  for (char& ch : one)
    if (ch == '\n') ch = ' ';
  return utf8_length(one) > n ? utf8_prefix(one, n) + "…" : one;
}

struct Found {
  int article = 0, suffix = 0;
  const LawVersion* version = nullptr;
};

// An article of `text` whose wording the quotation is (nullopt: none).
std::optional<std::pair<int, int>> article_quoted(const LawText& text, const std::string& quote) {
  const auto keys = quote_fragment_keys(quote);  // once, not once per article
  for (const auto& a : text.articles)
    if (quote_in_text(keys, a.key())) return std::pair{a.number, a.suffix};
  return std::nullopt;
}

// The article whose text shares most of the quotation's character pairs, and that share:
// a quotation of an article in its old wording (amounts changed, renumbered) matches no
// article exactly, but its closest article is usually where the provision now is.
struct Closest {
  int number = 0, suffix = 0;
  double share = 0;
};
Closest closest_article(const LawText& text, const std::string& quote) {
  Closest best;
  for (const auto& a : text.articles) {
    const double share = quote_containment(quote, a.key());
    if (share > best.share) best = {a.number, a.suffix, share};
  }
  return best;
}

std::string article_name(int number, int suffix) {
  std::string s = ArticleRef{number, 0, 0}.str();
  if (suffix) s += "之" + chinese_number(suffix);
  return s;
}

}  // namespace

std::string cited_articles_text(const LawRegistry& laws, const Instrument& ins, const LawVersion* v,
                                const Citation& c) {
  if (!v) return "";
  const LawText* text = laws.text(ins, *v);
  if (!text) return "";
  std::string out;
  for (const auto& a : c.articles)
    if (const ArticleText* art = text->find(a.value.article)) out += art->full();
  return out;
}

// The cited version's text is not in the registry, the version in force's is: when the
// quotation is, word for word, another article of the version in force, the provision was
// renumbered by the revision (种子法第六十一条 of 2015 is 第六十条 since 2021). A quotation in
// old wording is reported only when nearly all of it (kRenumberedShare of its character pairs)
// is one other article and little of it the cited one (种子法第四十八条 of 2015, “农业、林业主管
// 部门可以委托…”, is 第四十七条 since 2021, “农业农村、林业草原主管部门可以委托…”).
constexpr double kRenumberedShare = 0.8, kNotCitedShare = 0.4;

// The deletion by the version after `cited` of one of the citation's articles, or null.
static const Deletion* deleted_citation(const Instrument& ins, const LawVersion& cited,
                                        const Citation& c) {
  for (const auto& a : c.articles)
    if (const Deletion* d = ins.deleted_after(cited, a.value)) return d;
  return nullptr;
}

// The 款 and 项 of `art` that hold a quotation, as deep as the citation went (种子法 2015
// 第七十三条第五款 → 第七十二条第六款; 第五十条第一款第（四）项 → 第四十九条第一款第（四）项):
// a part is named when it holds at least `share` of the quotation's character pairs.
static ArticleRef part_holding(const ArticleText& art, const Citation& c, double share) {
  ArticleRef out{art.number, 0, 0};
  const bool want_paragraph = std::any_of(c.articles.begin(), c.articles.end(), [](const auto& a) {
    return a.value.paragraph > 0 || a.value.item > 0;
  });
  const bool want_item = std::any_of(c.articles.begin(), c.articles.end(),
                                     [](const auto& a) { return a.value.item > 0; });
  if (!want_paragraph || art.paragraphs.empty()) return out;
  size_t at = 0;
  if (art.paragraphs.size() > 1) {
    double best = 0;
    for (size_t i = 0; i < art.paragraphs.size(); ++i) {
      std::string t = art.paragraphs[i].text;
      for (const auto& item : art.paragraphs[i].items) t += item;
      const double s = quote_containment(c.text, quote_key(t));
      if (s > best) best = s, at = i;
    }
    if (best < share) return out;
    out.paragraph = static_cast<int>(at) + 1;
  }
  if (!want_item) return out;
  // The item: the quotation's part after its lead-in is (nearly) that item's words.
  const auto& items = art.paragraphs[at].items;
  double best = 0;
  size_t k = 0;
  const std::u32string lead = quote_key(art.paragraphs[at].text);
  for (size_t i = 0; i < items.size(); ++i) {
    const double s = quote_containment(c.text, quote_key(items[i]) + lead);
    if (s > best) best = s, k = i + 1;
  }
  // The item must add to what the lead-in alone explains (a quotation of the lead-in alone
  // names no item).
  const double lead_only = quote_containment(c.text, lead);
  if (best >= share && k && best - lead_only >= 0.2) out.item = static_cast<int>(k);
  return out;
}
static void check_renumbered(ItemCtx& ic, const Citation& c, const Instrument& ins,
                             const LawVersion& cited, const LawVersion& now,
                             const LawText& current) {
  if (c.text.empty() || c.articles.empty() || utf8_length(c.text) < 8) return;
  // A deleted provision has no new place: the superseded-version finding says it was deleted.
  if (deleted_citation(ins, cited, c)) return;
  std::u32string cited_key;
  for (const auto& a : c.articles)
    if (const ArticleText* art = current.find(a.value.article)) cited_key += art->key();
  if (!cited_key.empty() &&
      (quote_in_text(c.text, cited_key) || quote_containment(c.text, cited_key) >= kSameText))
    return;
  std::string refs;
  for (const auto& a : c.articles) refs += (refs.empty() ? "" : "、") + a.value.str();
  const auto cited_number = [&](int n) {
    return std::any_of(c.articles.begin(), c.articles.end(),
                       [&](const auto& a) { return a.value.article == n; });
  };
  const auto other = article_quoted(current, c.text);
  if (!other) {
    const Closest near = closest_article(current, c.text);
    if (near.share < kRenumberedShare || cited_number(near.number) ||
        (!cited_key.empty() && quote_containment(c.text, cited_key) >= kNotCitedShare))
      return;
    const ArticleText* art = current.find(near.number, near.suffix);
    // A cited 款 is named in its new place too (种子法 2015 第七十三条第五款 → 第七十二条第六款).
    std::string where = article_name(near.number, near.suffix);
    ArticleRef near_ref{near.number, 0, 0};
    if (art && !near.suffix) {
      near_ref = part_holding(*art, c, kRenumberedShare);
      if (near_ref.paragraph || near_ref.item) where = near_ref.str();
    }
    auto& f = ic.ctx.sink.add(
        rule::basis_text_mismatch, c.law.span, ic.id,
        {fmt::format("《{}》{}的引文“{}”在现行版本（{}）中是{}，措辞已修改：所引 {} 版本已被修改，"
                     "条号已调整，请按现行版本更正条号和引文；现行条文：{}",
                     ins.name, refs, excerpt(c.text), now.date.str(), where, cited.date.str(),
                     art ? excerpt(art->full(), 60) : ""),
         fmt::format("the quotation of 《{}》 {} is, in other words, article {} of the version in "
                     "force ({}); the cited {} version was revised and the article renumbered",
                     ins.name, refs, near.number, now.date.str(), cited.date.str())});
    if (auto fix = quotation_fix(*ic.ctx.laws, ins, now, c, near.suffix ? nullptr : &near_ref))
      f.fixes.push_back(*fix);
    return;
  }
  if (cited_number(other->first)) return;
  auto& f = ic.ctx.sink.add(
      rule::basis_text_mismatch, c.law.span, ic.id,
      {fmt::format("《{}》{}的引文“{}”在现行版本（{}）中是{}：所引 {} 版本已被修改，条号已调整，"
                   "请按现行版本更正条号",
                   ins.name, refs, excerpt(c.text), now.date.str(),
                   article_name(other->first, other->second), cited.date.str()),
       fmt::format("the quotation of 《{}》 {} is article {} of the version in force ({}); the "
                   "cited {} version was revised and the article renumbered",
                   ins.name, refs, other->first, now.date.str(), cited.date.str())});
  if (auto fix = quotation_fix(*ic.ctx.laws, ins, now, c)) f.fixes.push_back(*fix);
}

Message quoted_elsewhere(const LawRegistry& laws, const std::string& quote,
                         const std::string& not_in, const Date& as_of) {
  if (utf8_length(quote) < 12) return {};  // too short to say where it is from
  for (const auto& hit : laws.search(quote, 3, as_of)) {
    // Only a word-for-word match counts: the search ranks by shared character pairs.
    if (hit.law == not_in || !quote_in_text(quote, quote_key(hit.text))) continue;
    return {
        fmt::format("这段文字是《{}》（{} 版本）{}的内容：引错了法规？", hit.law, hit.version.str(),
                    article_name(hit.article, hit.suffix)),
        fmt::format("the text is article {} of 《{}》 ({} version): the wrong instrument cited?",
                    hit.article, hit.law, hit.version.str())};
  }
  return {};
}

void check_citation_text(ItemCtx& ic, const Citation& c, const Instrument& ins,
                         const LawVersion* judged, const LawVersion* now) {
  const LawRegistry& laws = *ic.ctx.laws;
  DiagSink& sink = ic.ctx.sink;
  const LawText* text = judged ? laws.text(ins, *judged) : nullptr;
  if (!text && judged && now && now != judged && !now->truncated)
    if (const LawText* current = laws.text(ins, *now)) {
      check_renumbered(ic, c, ins, *judged, *now, *current);
      return;
    }
  if (!text || judged->truncated) return;
  // basis/clause-range: a 款 or 项 the article does not have in that version (not counted in a
  // text whose 款 were merged when it was collected).
  for (const auto& a : c.articles) {
    if (!text->paragraphs_reliable) break;
    const ArticleText* art = text->find(a.value.article);
    if (!art) continue;  // basis/article-range
    const int paragraphs = static_cast<int>(art->paragraphs.size());
    if (a.value.paragraph > paragraphs) {
      Diagnostic& f = sink.add(
          rule::basis_clause_range, a.span, ic.id,
          {fmt::format("《{}》（{} 版本）{}只有 {} 款，没有第{}款", ins.name, judged->date.str(),
                       article_name(art->number, 0), paragraphs, chinese_number(a.value.paragraph)),
           fmt::format(
               "《{}》 ({} version) article {} has {} paragraph(s); there is no paragraph {}",
               ins.name, judged->date.str(), art->number, paragraphs, a.value.paragraph)});
      if (auto fix = clause_fix(ins, *judged, *text, c, a.value)) f.fixes.push_back(*fix);
      continue;
    }
    if (a.value.item == 0) continue;
    // 项 of the named 款, or of the whole article when no 款 is named.
    size_t items = 0;
    if (a.value.paragraph > 0) {
      items = art->paragraphs[static_cast<size_t>(a.value.paragraph - 1)].items.size();
    } else {
      for (const auto& p : art->paragraphs) items = std::max(items, p.items.size());
    }
    if (static_cast<size_t>(a.value.item) > items) {
      Diagnostic& f = sink.add(
          rule::basis_clause_range, a.span, ic.id,
          {fmt::format("《{}》（{} 版本）{}{}只有 {} 项，没有第{}项", ins.name, judged->date.str(),
                       article_name(art->number, 0),
                       a.value.paragraph ? "第" + chinese_number(a.value.paragraph) + "款" : "",
                       items, chinese_number(a.value.item)),
           fmt::format("《{}》 ({} version) article {}{} has {} item(s); there is no item {}",
                       ins.name, judged->date.str(), art->number,
                       a.value.paragraph ? fmt::format(" paragraph {}", a.value.paragraph) : "",
                       items, a.value.item)});
      if (auto fix = clause_fix(ins, *judged, *text, c, a.value)) f.fixes.push_back(*fix);
    }
  }
  // basis/text-mismatch: the quotation is not the text of the cited articles.
  if (c.text.empty() || c.articles.empty() || utf8_length(c.text) < 8) return;
  std::u32string cited_key;
  for (const auto& a : c.articles)
    if (const ArticleText* art = text->find(a.value.article)) cited_key += art->key();
  if (cited_key.empty()) return;  // the cited article is not there: article-range says so
  if (quote_in_text(c.text, cited_key) || quote_containment(c.text, cited_key) >= kSameText) return;
  // The version in force may word it as quoted (the catalog cites an older version).
  const LawText* current = now && now != judged ? laws.text(ins, *now) : nullptr;
  if (current) {
    std::u32string now_key;
    for (const auto& a : c.articles)
      if (const ArticleText* art = current->find(a.value.article)) now_key += art->key();
    if (!now_key.empty() && quote_in_text(c.text, now_key)) return;
  }
  const std::string cited = excerpt(c.text);
  const std::string refs = [&] {
    std::string s;
    for (const auto& a : c.articles) s += (s.empty() ? "" : "、") + a.value.str();
    return s;
  }();
  Message what;
  // The article in force the quotation is closest to, for the correction: the message and the
  // fix name the same article.
  std::optional<ArticleRef> near_ref;
  bool deleted = false;  // no correction proposes a place for a deleted provision
  // Another article of the same version: renumbered, or the wrong article cited.
  if (auto other = article_quoted(current ? *current : *text, c.text)) {
    if (!other->second) near_ref = ArticleRef{other->first, 0, 0};
    const LawVersion* v = current ? now : judged;
    what = {
        fmt::format("这是《{}》（{} 版本）{}的内容：条号有误或已调整", ins.name, v->date.str(),
                    article_name(other->first, other->second)),
        fmt::format("it is the text of article {} of the {} version", other->first, v->date.str())};
  } else {
    // An older version's wording of the same (or another) article.
    for (auto it = ins.versions.rbegin(); it != ins.versions.rend() && what.zh.empty(); ++it) {
      if (&*it == judged || &*it == now || !it->has_text) continue;
      const LawText* old = laws.text(ins, *it);
      if (!old) continue;
      if (auto hit = article_quoted(*old, c.text))
        what = {fmt::format("这是《{}》{} 版本{}的表述，已被修改；现行条文：{}", ins.name,
                            it->date.str(), article_name(hit->first, hit->second),
                            excerpt(cited_articles_text(laws, ins, now ? now : judged, c), 60)),
                fmt::format("it is the wording of article {} of the {} version, since amended",
                            hit->first, it->date.str())};
    }
  }
  // Word for word another instrument's article: the wrong law cited.
  bool elsewhere = false;
  if (what.zh.empty()) {
    what = quoted_elsewhere(laws, c.text, ins.name, ic.ctx.as_of());
    elsewhere = !what.zh.empty();
  }
  if (what.zh.empty()) {
    std::u32string all;
    for (const auto& a : text->articles) all += a.key();
    if (quote_containment(c.text, all) < 0.6)
      what = {
          fmt::format(
              "《{}"
              "》法规库收录的版本中找不到这段文字（可能引自其他法规，或引自法规库未收录的版本）",
              ins.name),
          fmt::format("the text is not found in the versions of 《{}》 the registry holds "
                      "(another instrument, or a version it lacks?)",
                      ins.name)};
    else if (const Deletion* gone = current ? deleted_citation(ins, *judged, c) : nullptr) {
      what = {fmt::format("{}已被《{}》删去（{} 起的版本中没有该规定）", refs, gone->by,
                          gone->version.str()),
              fmt::format("{} was deleted by 《{}》 (not in the versions since {})", refs, gone->by,
                          gone->version.str())};
      near_ref.reset();
      deleted = true;
    } else if (const Closest near = closest_article(current ? *current : *text, c.text);
               near.share >= 0.5 &&
               std::none_of(c.articles.begin(), c.articles.end(),
                            [&](const auto& a) { return a.value.article == near.number; })) {
      const LawVersion* v = current ? now : judged;
      const ArticleText* art = (current ? *current : *text).find(near.number, near.suffix);
      if (!near.suffix) near_ref = art ? part_holding(*art, c, 0.8) : ArticleRef{near.number, 0, 0};
      what = {fmt::format("措辞与{}不同，最接近的是《{}》（{} 版本）{}（可能是该条旧版本的表述，"
                          "或条号已调整），其条文为：{}",
                          refs, ins.name, v->date.str(), article_name(near.number, near.suffix),
                          excerpt(art ? art->full() : "", 60)),
              fmt::format("it differs from {}; the closest is article {} of the {} version "
                          "(older wording of it, or renumbered)",
                          refs, near.number, v->date.str())};
    } else {
      // The cited article itself, reworded (渔业法实施细则第十六条: 中外合资、中外合作经营的 →
      // 外商投资的): corrected by quoting its text in force.
      if (c.articles.size() == 1 && now) {
        const Closest same = closest_article(current ? *current : *text, c.text);
        if (same.share >= 0.5 && !same.suffix && same.number == c.articles[0].value.article)
          near_ref = c.articles[0].value;
      }
      what = {fmt::format("与{}的条文不一致；条文为：{}", refs,
                          excerpt(cited_articles_text(laws, ins, judged, c), 60)),
              fmt::format("it differs from the text of {}", refs)};
    }
  }
  auto& f =
      sink.add(rule::basis_text_mismatch, c.law.span, ic.id,
               {fmt::format("《{}》{}的引文“{}”不是该条的条文：{}", ins.name, refs, cited, what.zh),
                fmt::format("the quotation of 《{}》 {} ('{}') is not the article's text: {}",
                            ins.name, refs, cited, what.en)});
  if (const LawVersion* in_force = now ? now : judged; in_force && !deleted)
    if (auto fix =
            quotation_fix(laws, ins, *in_force, c, near_ref ? &*near_ref : nullptr, !elsewhere))
      f.fixes.push_back(*fix);
}

void check_category_words(ItemCtx& ic, const PowerItem& item) {
  const auto& words = category_words(item.category.value);
  if (words.empty() || item.basis.empty()) return;
  bool any_text = false;
  for (const auto& c : item.basis) {
    std::string text;
    if (const Instrument* ins = ic.ctx.laws->find(c.law.value)) {
      const Date d = ic.ctx.as_of();
      const LawVersion* v = c.version ? ins->version_cited(c.version->value) : ins->version_on(d);
      text = cited_articles_text(*ic.ctx.laws, *ins, v ? v : ins->version_on(d), c);
    }
    // The source's own quotation counts too: it may quote the part of the article (or a
    // 款 of another version) that holds the words.
    text += c.text;
    if (text.empty()) continue;
    any_text = true;
    for (const auto& w : words)
      if (text.find(w) != std::string::npos) return;
  }
  if (!any_text) return;
  const char* cat = category_info(item.category.value).name;
  ic.ctx.sink.add(rule::basis_category_mismatch, item.basis.front().span, ic.id,
                  {fmt::format("所引条款中没有{}的用语（如“{}”）：请核对依据是否设定了这项{}", cat,
                               words.front(), cat),
                   fmt::format("no cited article uses the words of a {} (such as '{}'): check that "
                               "the basis provides for it",
                               category_info(item.category.value).en, words.front())});
}

void suggest_articles(RuleContext& ctx, const PowerItem& item, Diagnostic& finding) {
  if (!ctx.laws) return;
  const auto hits = ctx.laws->search(item.name.value, 3, ctx.as_of());
  for (const auto& h : hits)
    finding.notes.push_back({fmt::format("可能的依据：《{}》{}：{}", h.law,
                                         article_name(h.article, h.suffix), excerpt(h.text, 50)),
                             fmt::format("possible basis: 《{}》 article {}", h.law, h.article)});
}

}  // namespace powerlist

// Corrections of basis findings (issue 24, CLI.md "Corrections"): where the provision a
// citation names sits in the version in force. The provision is found by its words — the
// cited version's article when the registry has that text, else the quotation in the cell —
// across the articles of the version in force; a number is never invented: without words
// to follow, the cited numbers are kept and the correction is marked uncertain.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "basis_parts.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

// A paragraph's or item's words, or the whole article's.
std::string words_of(const ArticleText& a, int paragraph, int item) {
  const int p = a.paragraph_meant(paragraph, item);
  if (item > 0 && p > 0 && p <= static_cast<int>(a.paragraphs.size()) &&
      item <= static_cast<int>(a.paragraphs[p - 1].items.size()))
    return a.paragraphs[p - 1].items[item - 1];
  return a.provision(p, 0);
}

// The label a catalog writes: 第N条, 第N条第M款, 第N条第（K）项.
std::string label(int article, int suffix, int paragraph, int item) {
  std::string s = "第" + chinese_number(article) + "条";
  if (suffix) s += "之" + chinese_number(suffix);
  if (paragraph) s += "第" + chinese_number(paragraph) + "款";
  if (item) s += "第（" + chinese_number(item) + "）项";
  return s;
}

struct Placed {
  std::string label, text;
  bool certain = false, changed = false;
  double score = 1;  // of an uncertain placement: the share of the words found there
  double lead = 1;   // …and by how much its article beats the next best one
};

// Where `words` (the old provision or the quotation) sit among the articles of `now`.
std::optional<Placed> place(const std::string& words, const LawText& now) {
  const auto fragments = quote_fragment_keys(words);
  if (fragments.empty()) return std::nullopt;
  const std::u32string key = quote_key(words);
  // Every fragment in one article: the provision is there, its words unchanged.
  const ArticleText* hit = nullptr;
  int hits = 0;
  for (const auto& a : now.articles)
    if (quote_in_text(fragments, a.key())) {
      hit = &a;
      ++hits;
    }
  if (hits == 1) {
    // The 款 (or 项) that holds it, when one does.
    for (size_t p = 0; p < hit->paragraphs.size(); ++p) {
      const std::string para = words_of(*hit, static_cast<int>(p) + 1, 0);
      if (quote_in_text(fragments, quote_key(para))) {
        const bool whole = hit->paragraphs.size() == 1 || quote_key(hit->full()) == key;
        // Within one 项 of it: that 项 (第N条第（K）项, or 第N条第M款第（K）项).
        const auto& items = hit->paragraphs[p].items;
        // A fragment in the paragraph's lead-in ("有下列行为之一的") does not rule an item out:
        // the item holds the rest.
        const std::u32string lead = quote_key(hit->paragraphs[p].text);
        auto in_item = [&](const std::u32string& item) {
          std::vector<std::u32string> rest;
          for (const auto& f : fragments)
            if (item.find(f) == std::u32string::npos && lead.find(f) == std::u32string::npos)
              return false;
            else if (item.find(f) != std::u32string::npos)
              rest.push_back(f);
          return !rest.empty();
        };
        for (size_t k = 0; k < items.size(); ++k)
          if (quote_key(items[k]) != quote_key(para) && in_item(quote_key(items[k])))
            return Placed{label(hit->number, hit->suffix,
                                hit->paragraphs.size() == 1 ? 0 : static_cast<int>(p) + 1,
                                static_cast<int>(k) + 1),
                          items[k], true, false};
        return Placed{label(hit->number, hit->suffix, whole ? 0 : static_cast<int>(p) + 1, 0),
                      whole ? hit->full() : para, true, false};
      }
    }
    return Placed{label(hit->number, hit->suffix, 0, 0), hit->full(), true, false};
  }
  if (hits > 1) return std::nullopt;  // in several articles: not told apart by words
  // Changed words: the article that holds most of them, as a guess.
  const ArticleText* best = nullptr;
  double best_score = 0, second_score = 0;
  for (const auto& a : now.articles) {
    const double s = quote_containment(words, a.key());
    if (s > best_score) {
      second_score = best_score;
      best_score = s;
      best = &a;
    } else if (s > second_score) {
      second_score = s;
    }
  }
  if (!best || best_score < 0.6) return std::nullopt;
  // As precise as the words allow: the 款 or 项 of that article that holds nearly all of them
  // (a guess still, but not less precise than the citation it corrects).
  int best_p = 0, best_k = 0;
  double part_score = 0;
  for (size_t p = 0; p < best->paragraphs.size(); ++p) {
    const auto& para = best->paragraphs[p];
    for (size_t k = 0; k < para.items.size(); ++k)
      if (const double sc = quote_containment(words, quote_key(para.items[k])); sc > part_score)
        part_score = sc, best_p = static_cast<int>(p) + 1, best_k = static_cast<int>(k) + 1;
    if (best->paragraphs.size() > 1)
      if (const double sc = quote_containment(words, quote_key(words_of(*best, int(p) + 1, 0)));
          sc > part_score + 0.05)
        part_score = sc, best_p = static_cast<int>(p) + 1, best_k = 0;
  }
  if (part_score >= 0.8) {
    const int para = best->paragraphs.size() == 1 ? 0 : best_p;
    return Placed{label(best->number, best->suffix, para, best_k),
                  words_of(*best, best_p, best_k),
                  false,
                  true,
                  part_score,
                  best_score - second_score};
  }
  return Placed{label(best->number, best->suffix, 0, 0),
                best->full(),
                false,
                true,
                best_score,
                best_score - second_score};
}

// 《…》 around a title that holds one: the inner marks become 〈〉.
std::string titled(const std::string& name) {
  std::string inner = name;
  for (auto [from, to] : {std::pair<const char*, const char*>{"《", "〈"}, {"》", "〉"}})
    for (size_t p = inner.find(from); p != std::string::npos; p = inner.find(from, p))
      inner.replace(p, 3, to);
  return "《" + inner + "》";
}

std::string version_note(const LawVersion& v) {
  const Date& d = v.date;
  return fmt::format("（{}年{}月{}日{}）", d.y, d.m, d.d, v.kind == "制定" ? "公布" : v.kind);
}

// The Fix of a correction: 《name》（note）第N条、第M条 as its replacement and title. No
// machine-applicable range yet (target file 0): `fix --write` is to come.
Fix make_fix(const Instrument& ins, Fix::Citation out, bool certain, bool requote) {
  Fix f;
  f.certain = certain;
  std::string articles;
  for (const auto& a : out.articles) articles += (articles.empty() ? "" : "、") + a;
  f.replacement = titled(ins.name) + out.version_note + articles;
  f.title = requote ? Message{fmt::format("按现行条文更正引文：{}", f.replacement),
                              fmt::format("quote the text in force: {}", f.replacement)}
                    : Message{fmt::format("改为{}", f.replacement),
                              fmt::format("cite {}", f.replacement)};
  f.citation = std::move(out);
  return f;
}

// The scalar edits of a certain correction on a citation written as YAML: its version and its
// articles, one for one. Not when the cited words changed and the citation quotes them (the
// quotation is then for a person to rewrite), nor when the articles do not pair up.
// What the citation wrote (its title, note and articles): the corrected cell text is made by
// replacing exactly those words.
void remember_cited(Fix& f, const Citation& c) {
  if (!f.citation) return;
  f.citation->cited_law = c.law.value;
  f.citation->cited_note = c.note;
  f.citation->cited_articles.clear();
  if (c.articles.size() == f.citation->articles.size())
    for (const auto& a : c.articles) f.citation->cited_articles.push_back(a.value.str());
}

void add_edits(Fix& f, const Citation& c) {
  remember_cited(f, c);
  if (!f.certain || !f.citation) return;
  const Fix::Citation& out = *f.citation;
  auto one_line = [](const Span& s) { return s.valid() && s.end_line == s.line; };
  // A citation without `version` means the version in force; one named only by its note
  // cannot get a version written (no key to edit).
  if (!c.version && !c.note.empty()) return;
  const bool new_version = c.version && c.version->value.str() != out.version;
  if (new_version && !one_line(c.version->span)) return;
  if (out.articles.size() != c.articles.size() || c.articles.empty()) return;
  if (out.changed && !c.text.empty()) return;
  for (const auto& a : c.articles)
    if (!one_line(a.span)) return;
  // A version note names the old version too: rewritten with the version, or, where it cannot
  // be, the correction is left to a person.
  const bool note = !c.note.empty();
  if (note && !one_line(c.note_span)) return;
  std::vector<ArticleRef> refs;
  for (size_t i = 0; i < out.articles.size(); ++i) {
    auto ref = parse_article_ref(out.articles[i]);  // 第十条之一 does not parse: by hand
    if (!ref) return;
    // Never less precise than the citation: 第四十一条第五项 does not become 第四十一条.
    const ArticleRef& was = c.articles[i].value;
    const auto depth = [](const ArticleRef& r) { return (r.paragraph ? 1 : 0) + (r.item ? 1 : 0); };
    if (depth(*ref) < depth(was)) return;
    refs.push_back(*ref);
  }
  if (new_version) {
    f.edits.push_back({c.version->span, out.version, false, c.version->value.str()});
    if (note) f.edits.push_back({c.note_span, out.version_note, false, c.note});
  }
  for (size_t i = 0; i < c.articles.size(); ++i) {
    const ArticleRef& was = c.articles[i].value;
    if (was.article != refs[i].article || was.paragraph != refs[i].paragraph ||
        was.item != refs[i].item)
      f.edits.push_back({c.articles[i].span, out.articles[i], true, was.str()});
  }
}

}  // namespace

std::optional<Fix> superseded_fix(const LawRegistry& laws, const Instrument& ins,
                                  const LawVersion& cited, const LawVersion& now,
                                  const Citation& c) {
  Fix::Citation out;
  out.law = ins.name;
  out.version = now.date.str();
  out.version_note = version_note(now);
  bool certain = true;
  const LawText* old_text = laws.text(ins, cited);
  const LawText* new_text = laws.text(ins, now);
  std::string texts;
  std::vector<std::string> lost;     // cited provisions whose words the version in force lacks
  std::vector<std::string> removed;  // cited provisions an amending decision deleted
  for (const auto& a : c.articles) {
    // Deleted by the next revision: nothing in force carries it, and no closest article is
    // proposed in its place (广告法 2021: "删去第六十条").
    if (const Deletion* d = ins.deleted_after(cited, a.value)) {
      certain = false;
      removed.push_back(fmt::format("原{}已被《{}》删去（{} 起的版本中没有该规定）", a.value.str(),
                                    d->by, d->version.str()));
      continue;
    }
    std::string words;
    if (old_text)
      if (const ArticleText* art = old_text->find(a.value.article))
        words = words_of(*art, a.value.paragraph, a.value.item);
    if (words.empty() && c.articles.size() == 1) words = c.text;  // the cell's quotation
    std::optional<Placed> at;
    if (!words.empty() && new_text) at = place(words, *new_text);
    if (!at) {
      // Nothing to follow: the cited numbers, unconfirmed — and none at all without the text
      // in force (a revision may have renumbered everything: a number is never invented), nor
      // when there were words and the version in force has them nowhere (the provision was
      // rewritten or dropped: the same number would point at another provision).
      certain = false;
      if (new_text && !words.empty()) lost.push_back(a.value.str());
      if (!new_text || !words.empty()) continue;
      out.articles.push_back(label(a.value.article, 0, a.value.paragraph, a.value.item));
      if (new_text)
        if (const ArticleText* same = new_text->find(a.value.article)) texts += same->full();
      continue;
    }
    certain = certain && at->certain;
    out.changed = out.changed || at->changed;
    // Several cited 项 placed in one article as a whole are named once.
    if (std::find(out.articles.begin(), out.articles.end(), at->label) != out.articles.end())
      continue;
    out.articles.push_back(at->label);
    texts += at->text;
  }
  if (c.articles.empty()) certain = false;
  out.text = trim(texts);
  Fix f = make_fix(ins, std::move(out), certain, false);
  for (const auto& r : removed)
    f.title = {f.title.zh + "；" + r, f.title.en + "; a cited provision was deleted: " + r};
  if (!lost.empty())
    f.title = {fmt::format("{}；原{}在现行版本中找不到对应的条文（可能已删去或改写），请核对",
                           f.title.zh, join(lost, "、")),
               fmt::format("{}; no provision of the version in force corresponds to {} (deleted "
                           "or rewritten?) — check",
                           f.title.en, join(lost, ", "))};
  add_edits(f, c);
  return f;
}

std::optional<Fix> successor_fix(const LawRegistry& laws, const Instrument& repealed,
                                 const Citation& c, const Date& as_of) {
  // The instrument that replaced it (not a 废止决定, which replaces nothing), in force now.
  if (repealed.repealed_by.empty() || repealed.repealed_by.find("决定") != std::string::npos)
    return std::nullopt;
  const Instrument* next = laws.find(repealed.repealed_by);
  if (!next || next == &repealed) return std::nullopt;
  const LawVersion* now = next->version_on(as_of);
  if (!now) return std::nullopt;
  Fix::Citation out;
  out.law = next->name;
  out.version = now->date.str();
  out.version_note = version_note(*now);
  bool certain = false;
  // Where its text shows the cited provision: by the quotation's words.
  if (const LawText* text = laws.text(*next, *now); text && !c.text.empty())
    if (auto at = place(c.text, *text)) {
      out.articles.push_back(at->label);
      out.text = trim(at->text);
      out.changed = at->changed;
      certain = at->certain;
    }
  // No edit: the instrument's name changes, which is for a person to write.
  return make_fix(*next, std::move(out), certain, false);
}

std::optional<Fix> elsewhere_fix(const LawRegistry& laws, const std::string& quote,
                                 const std::string& not_in, const Date& as_of) {
  // The quotation is word for word an article of another instrument in force: that is the
  // real source (article-range: the cited instrument has no such article).
  if (utf8_length(quote) < 12) return std::nullopt;
  for (const auto& hit : laws.search(quote, 3, as_of)) {
    if (hit.law == not_in || !quote_in_text(quote, quote_key(hit.text))) continue;
    const Instrument* ins = laws.find(hit.law);
    const LawVersion* v = ins ? ins->version_on(as_of) : nullptr;
    if (!ins || !v) return std::nullopt;
    Fix::Citation out;
    out.law = ins->name;
    out.version = v->date.str();
    out.version_note = version_note(*v);
    out.articles.push_back(label(hit.article, hit.suffix, 0, 0));
    out.text = trim(hit.text);
    // Certain (the words are that article's), but another instrument's name is for a person
    // to write: no edits.
    return make_fix(*ins, std::move(out), true, false);
  }
  return std::nullopt;
}

std::optional<Fix> clause_fix(const Instrument& ins, const LawVersion& v, const LawText& text,
                              const Citation& c, const ArticleRef& cited) {
  // The label the quotation shows: 第五十条第二款 quoting （二） is 第五十条第（二）项.
  if (c.text.empty() || c.articles.size() != 1) return std::nullopt;
  auto at = place(c.text, text);
  if (!at || !at->certain) return std::nullopt;
  auto ref = parse_article_ref(at->label);
  if (!ref || ref->article != cited.article) return std::nullopt;
  Fix::Citation out;
  out.law = ins.name;
  out.version = v.date.str();
  out.version_note = version_note(v);
  out.articles.push_back(at->label);
  out.text = trim(at->text);
  Fix f = make_fix(ins, std::move(out), true, false);
  add_edits(f, c);
  return f;
}

// A quotation of which this share of the words (quote_containment) is in one provision of the
// version in force is that provision with a word or two changed.
constexpr double kNearlyWordForWord = 0.85;
// Most of the words, in an article at most this far from the cited number: renumbered and
// reworded (a revision inserts or drops a few articles before it).
constexpr double kMostWords = 0.6;
constexpr int kRenumberedBy = 5;

// A guess only where the words can tell: a quotation long enough, of one cited provision, whose
// best article clearly beats the next (penalty boilerplate is shared by neighbouring articles).
constexpr size_t kGuessMinKey = 20;
constexpr double kClearLead = 0.05;

bool near_cited_number(const Placed& at, const Citation& c) {
  const auto placed = parse_article_ref(at.label);
  if (!placed || c.articles.size() != 1) return false;
  const int cited = c.articles.front().value.article;
  return cited > 0 && std::abs(placed->article - cited) <= kRenumberedBy;
}

bool may_guess(const Placed& at, const Citation& c) {
  if (c.articles.size() != 1 || at.lead < kClearLead || quote_key(c.text).size() < kGuessMinKey)
    return false;
  return at.score >= kNearlyWordForWord || (at.score >= kMostWords && near_cited_number(at, c));
}

std::optional<Fix> quotation_fix(const LawRegistry& laws, const Instrument& ins,
                                 const LawVersion& now, const Citation& c, const ArticleRef* near,
                                 bool guess) {
  const LawText* text = laws.text(ins, now);
  if (!text) return std::nullopt;
  Fix::Citation out;
  out.law = ins.name;
  out.version = now.date.str();
  out.version_note = version_note(now);
  bool certain = false;
  const auto at = place(c.text, *text);
  if (at && at->certain) {
    // The quotation is, word for word, this article of the version in force.
    out.articles.push_back(at->label);
    out.text = trim(at->text);
    certain = true;
  } else if (const ArticleText* art = near ? text->find(near->article) : nullptr) {
    // The article in force closest to the quotation, its words changed: the 款 or 项 it
    // names, not the whole article.
    out.articles.push_back(label(near->article, 0, near->paragraph, near->item));
    out.text = trim(art->provision(near->paragraph, near->item));
    out.changed = true;
  } else if (at && guess && may_guess(*at, c)) {
    // Nearly word for word elsewhere (畜牧法 2015 第二十二条第一款 → 2022 第二十四条第一款, one
    // word added), or most of the words a few articles from the cited number (2015 第二十四条 →
    // 2022 第二十六条, the authorities renamed): that provision, as a guess to check.
    out.articles.push_back(at->label);
    out.text = trim(at->text);
    out.changed = true;
  } else {
    // The in-force text of the cited articles, for the department to compare.
    std::vector<std::string> cited_labels;
    for (const auto& a : c.articles)
      if (const ArticleText* cited = text->find(a.value.article)) {
        cited_labels.push_back(label(a.value.article, 0, a.value.paragraph, a.value.item));
        out.text += cited->full();
      }
    if (cited_labels.empty()) return std::nullopt;
    out.text = trim(out.text);
    out.changed = true;
    // Not a correction to adopt: the quoted words are nowhere in the version in force, and the
    // cited number now holds other words. Said as such, and the replacement names no article:
    // nobody copies the wrong one.
    Fix f = make_fix(ins, std::move(out), false, true);
    const std::string what = titled(ins.name) + f.citation->version_note + join(cited_labels, "、");
    f.title = {
        fmt::format(
            "核对：引文在现行版本中找不到，{}现为另一内容（见现行条文），请查明该规定的现行出处",
            what),
        fmt::format("check: the quotation is nowhere in the version in force; {} now says "
                    "something else (see its text); find where the provision is now",
                    what)};
    return f;
  }
  Fix f = make_fix(ins, std::move(out), certain, !certain);
  add_edits(f, c);
  return f;
}

}  // namespace powerlist

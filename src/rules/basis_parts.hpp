// The parts of the basis/* family, shared by basis.cpp, basis_text.cpp and
// basis_competence.cpp (one family, three files by what they read).
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "powerlist/law.hpp"
#include "powerlist/rules.hpp"

namespace powerlist {

struct ItemCtx {
  RuleContext& ctx;
  const std::string& id;
  // (rule, instrument) already reported for the item: one finding per instrument, however
  // many article groups of it a cell quotes.
  std::set<std::pair<std::string, std::string>> reported;
  bool first(RuleId rule, const std::string& instrument) {
    return reported.emplace(rule.id(), instrument).second;
  }
  // Where each instrument's superseded-version finding is in the sink (its later citations'
  // corrections are added to it).
  std::map<std::string, size_t> superseded_at;
};

// Every check of one citation (unknown, repealed, version, article range, texts); returns
// the registry's instrument or nullptr.
const Instrument* check_citation(ItemCtx& ic, const Citation& c);

// basis/text-mismatch and basis/clause-range for a citation of a known instrument: `judged` is
// the version cited (or in force), `now` the version in force.
void check_citation_text(ItemCtx& ic, const Citation& c, const Instrument& ins,
                         const LawVersion* judged, const LawVersion* now);

// The level a citation gives the item, and the words of the articles it cites.
struct CitedLevel {
  const Citation* citation = nullptr;
  std::optional<LawLevel> level;  // registry, else tag/name; nullopt: cannot be told
  bool from_registry = false;
  std::string article_text;  // the cited articles (registry text or the quotation)
};
CitedLevel cited_level(const Citation& c, const Instrument* ins);
void check_competence(ItemCtx& ic, const PowerItem& item, const std::vector<CitedLevel>& levels);
// basis/category-mismatch (a note): no cited article uses the words of the category.
void check_category_words(ItemCtx& ic, const PowerItem& item);
// basis/missing: the articles of the registry that a full-text search finds for the item.
void suggest_articles(RuleContext& ctx, const PowerItem& item, Diagnostic& finding);

// Where else a quotation is word for word: "这段文字是《X》（版本）第N条的内容" when a full-text
// search finds it in an article of another instrument in force on `as_of`; "" otherwise.
Message quoted_elsewhere(const LawRegistry& laws, const std::string& quote,
                         const std::string& not_in, const Date& as_of);

// The text of the cited articles in `v` (all paragraphs), "" without a text.
std::string cited_articles_text(const LawRegistry& laws, const Instrument& ins, const LawVersion* v,
                                const Citation& c);

// The correction of a superseded citation (basis_fix.cpp): the version in force and the
// articles that carry the cited provision there, found by their words.
std::optional<Fix> superseded_fix(const LawRegistry& laws, const Instrument& ins,
                                  const LawVersion& cited, const LawVersion& now,
                                  const Citation& c);

// The correction of a quotation that is not the cited article's text: the article in force
// it is, or the in-force text of the cited articles (uncertain).
// The correction of a repealed citation: its successor in force, and the article that now
// carries the provision where the successor's text shows the quotation (basis_fix.cpp).
std::optional<Fix> successor_fix(const LawRegistry& laws, const Instrument& repealed,
                                 const Citation& c, const Date& as_of);
// The real source of a quotation that is word for word another instrument's article in force
// (article-range; basis_fix.cpp).
std::optional<Fix> elsewhere_fix(const LawRegistry& laws, const std::string& quote,
                                 const std::string& not_in, const Date& as_of);
// The correction of a clause-range finding whose quotation shows the 项 it means (basis_fix.cpp).
std::optional<Fix> clause_fix(const Instrument& ins, const LawVersion& v, const LawText& text,
                              const Citation& c, const ArticleRef& cited);
// `guess`: may name a provision that holds most of the quotation's words (not when the finding
// says the words are another instrument's).
std::optional<Fix> quotation_fix(const LawRegistry& laws, const Instrument& ins,
                                 const LawVersion& now, const Citation& c,
                                 const ArticleRef* near = nullptr, bool guess = true);

}  // namespace powerlist

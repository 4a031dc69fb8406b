// Citations written as free text (model level: used by the workbook front end, the YAML
// loader for basis_text, the rules and the exports). The 实施依据 cell of a published catalog:
//   【法律】《中华人民共和国消防法》（…2021年4月29日…第三次修正）
//   第十五条、第五十八条第一款第（四）项：<article text>
// Several instruments per cell, several article groups per instrument, tags with typos,
// abbreviated names, notes with the dates of the cited version.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "powerlist/date.hpp"
#include "powerlist/model.hpp"

namespace powerlist {

struct ParsedCitation {
  std::string tag;                    // 法律, 法规, 部门规章 … as written, without 【】
  std::string law;                    // the name inside 《》
  std::string note;                   // （…） right after the name, brackets included
  std::vector<std::string> articles;  // 第十五条, 第五十八条第一款第（四）项 (each parseable)
  std::vector<ArticleRef> refs;  // the same, parsed
  std::string text;              // the quoted article text
  std::optional<Date> version;   // from the note (修正/修订/公布 … date)
};

struct UnparsedTitle {
  std::string excerpt;  // the title as written, up to its line's end
  std::string
      defect;  // "unbalanced" (no closing 》), "stray" (a 》 too many), "glued" (《A》《B》)
};

struct ParsedBasis {
  std::vector<ParsedCitation> citations;
  std::vector<std::string> leftovers;          // text that fits no citation (kept, reported)
  std::vector<UnparsedTitle> unparsed_titles;  // citations not taken: their title does not parse
};

ParsedBasis parse_basis_text(const std::string& cell);

// The version a note names: the latest full date tied to 修正/修订/修改/通过/公布/发布/施行
// in “（2000年7月8日…公布，2015年11月4日予以修改）”; nullopt without a full date.
std::optional<Date> version_from_note(const std::string& note);

// Every date written in a note, in order: YYYY年M月D日, and YYYY年M月 with month_only set
// (“2017年10月，根据《国务院关于修改部分行政法规的决定》修订”); day 1 then.
struct NoteDate {
  Date date;
  bool month_only = false;
  bool year_only = false;  // 2018年修正: the version of that year
};
std::vector<NoteDate> note_dates(const std::string& note);

// Renders citations back into the cell form (one instrument per block; consecutive
// citations of the same instrument share its header line).
std::string render_basis_text(const std::vector<Citation>& basis);

// Text normalized for comparing a cell with what an export wrote back: no whitespace,
// full-width ASCII and common punctuation variants unified, "（四）项" → "四项".
std::string normalize_for_compare(const std::string& s);

// Splits an article-reference run ("第十五条、第五十八条第一款第（四）项", "第十条至第十二条",
// "第四条第一款、第二款") into standalone references, as written where possible.
std::vector<std::string> split_article_refs(const std::string& run);

}  // namespace powerlist

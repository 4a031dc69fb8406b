// Article texts of the registry (law.hpp): the files of catalogs/laws/texts, parsed into
// articles, 款 and 项, read on first use.
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <mutex>

#include "powerlist/fsio.hpp"
#include "powerlist/law.hpp"
#include "powerlist/text.hpp"
#include "powerlist/xz.hpp"
#include "text_cache.hpp"

namespace powerlist {

namespace {

// "第十条之一 …" → (10, 1, rest); nullopt for any other line.
std::optional<std::tuple<int, int, std::string>> article_line(std::string_view line) {
  if (!starts_with(line, "第")) return std::nullopt;
  const size_t tiao = line.find("条");
  if (tiao == std::string_view::npos || tiao > 3 + 3 * 8) return std::nullopt;
  auto n = parse_number_milli(line.substr(3, tiao - 3));
  if (!n || *n % 1000 || *n <= 0) return std::nullopt;
  size_t rest = tiao + 3;
  int suffix = 0;
  if (line.substr(rest, 3) == "之") {
    size_t end = rest + 3;
    while (end < line.size() && line[end] != ' ') end += 3;
    auto s = parse_number_milli(line.substr(rest + 3, end - rest - 3));
    if (s && *s % 1000 == 0) suffix = static_cast<int>(*s / 1000);
    rest = end;
  }
  if (rest < line.size() && line[rest] != ' ') return std::nullopt;
  return std::tuple{static_cast<int>(*n / 1000), suffix,
                    trim(line.substr(std::min(rest, line.size())))};
}

bool item_line(std::string_view line) {
  return starts_with(line, "（") || starts_with(line, "(");
}

}  // namespace

bool LawVersion::named_by(const Date& d) const {
  if (date == d || (effective && *effective == d) || (meeting && *meeting == d)) return true;
  for (const auto& a : also)
    if (a == d) return true;
  return false;
}

std::string ArticleText::full() const {
  std::string out;
  for (const auto& p : paragraphs) {
    out += p.text + "\n";
    for (const auto& i : p.items) out += i + "\n";
  }
  return out;
}

int ArticleText::paragraph_meant(int paragraph, int item) const {
  if (paragraph > 0 || item <= 0) return paragraph;
  int with_items = 0;
  for (size_t p = 0; p < paragraphs.size(); ++p)
    if (!paragraphs[p].items.empty()) {
      if (with_items) return 0;
      with_items = static_cast<int>(p) + 1;
    }
  return with_items;
}

std::string ArticleText::provision(int paragraph, int item) const {
  const int p = paragraph_meant(paragraph, item);
  if (p <= 0 || p > static_cast<int>(paragraphs.size())) return full();
  const Paragraph& para = paragraphs[static_cast<size_t>(p - 1)];
  if (item > 0 && item <= static_cast<int>(para.items.size()))
    return para.text + "\n" + para.items[static_cast<size_t>(item - 1)] + "\n";
  std::string out = para.text + "\n";
  for (const auto& i : para.items) out += i + "\n";
  return out;
}

const std::u32string& ArticleText::key() const {
  if (key_.empty()) key_ = quote_key(full());
  return key_;
}

const ArticleText* LawText::find(int number, int suffix) const {
  for (const auto& a : articles)
    if (a.number == number && a.suffix == suffix) return &a;
  return nullptr;
}

namespace {

// The numeral that ends just before byte `end` of `s` (…第二十二|条): its value, or 0.
int numeral_before(const std::string& s, size_t end, size_t& start) {
  start = end;
  while (start >= 3) {
    const std::string ch = s.substr(start - 3, 3);
    if (ch == "第") break;
    if (std::string("零〇一二三四五六七八九十百千两").find(ch) == std::string::npos) return 0;
    start -= 3;
  }
  if (start < 3 || start == end) return 0;
  auto n = parse_number_milli(std::string_view(s).substr(start, end - start));
  start -= 3;
  return n && *n % 1000 == 0 ? static_cast<int>(*n / 1000) : 0;
}

// Do the text's references to its own 款 (第X条第Y款, 本条第Y款) fit its paragraphs?
bool references_fit(const LawText& t) {
  for (const auto& a : t.articles) {
    const std::string s = a.full();
    for (size_t k = s.find("款"); k != std::string::npos; k = s.find("款", k + 3)) {
      size_t p_start = 0;
      const int paragraph = numeral_before(s, k, p_start);
      if (paragraph <= 1) continue;
      int article = 0;
      if (p_start >= 6 && s.substr(p_start - 6, 6) == "本条") {
        article = a.number;
      } else if (p_start >= 3 && s.substr(p_start - 3, 3) == "条") {
        size_t a_start = 0;
        article = numeral_before(s, p_start - 3, a_start);
        // Another instrument's article (《…》第十条第二款) says nothing of this text.
        if (a_start >= 3 && s.substr(a_start - 3, 3) == "》") continue;
      }
      if (article <= 0) continue;
      const ArticleText* target = t.find(article);
      if (target && paragraph > static_cast<int>(target->paragraphs.size())) return false;
    }
  }
  return true;
}

}  // namespace

LawText parse_law_text(std::string_view text) {
  LawText out;
  std::string heading;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string line = trim(text.substr(start, nl - start));
    start = nl + 1;
    if (line.empty()) continue;
    if (starts_with(line, "## ")) {
      heading = line.substr(3);
      continue;
    }
    if (auto a = article_line(line)) {
      ArticleText art;
      art.number = std::get<0>(*a);
      art.suffix = std::get<1>(*a);
      art.heading = heading;
      art.paragraphs.push_back({std::get<2>(*a), {}});
      out.articles.push_back(std::move(art));
      continue;
    }
    if (out.articles.empty()) continue;  // preamble
    auto& paras = out.articles.back().paragraphs;
    if (item_line(line) && !paras.empty())
      paras.back().items.push_back(line);
    else
      paras.push_back({line, {}});
  }
  out.paragraphs_reliable = references_fit(out);
  return out;
}

std::shared_ptr<LawRegistry::TextCache> LawRegistry::make_text_cache() {
  return std::make_shared<TextCache>();
}

std::string LawRegistry::open_pack(const std::string& path) {
  std::string packed, bytes;
  if (read_regular_file(path, 256u << 20, packed) != ReadStatus::Ok) return "无法读取 / unreadable";
  if (std::string err = xz_decompress(packed, 1u << 30, bytes); !err.empty()) return err;
  std::map<std::string, std::string, std::less<>> texts;
  std::string* cur = nullptr;
  size_t start = 0;
  while (start < bytes.size()) {
    size_t nl = bytes.find('\n', start);
    if (nl == std::string::npos) nl = bytes.size();
    std::string_view line(bytes.data() + start, nl - start);
    start = nl + 1;
    if (starts_with(line, "@@ ")) {
      cur = &texts[std::string(line.substr(3))];
      continue;
    }
    if (!cur) return "不是条文包 / not a text pack";
    cur->append(line).push_back('\n');
  }
  std::lock_guard<std::mutex> lock(texts_->mutex);
  texts_->packs[path] = std::move(texts);
  return "";
}

const LawText* LawRegistry::text(const Instrument& ins, const LawVersion& v) const {
  if (!v.has_text || ins.text_root.empty()) return nullptr;
  const bool packed = ends_with(ins.text_root, ".texts");
  const std::string path =
      packed ? ins.text_root + "#" + ins.name + "/" + v.date.str()
             : (std::filesystem::path(ins.text_root) / ins.name / (v.date.str() + ".txt")).string();
  std::lock_guard<std::mutex> lock(texts_->mutex);
  auto it = texts_->by_path.find(path);
  if (it != texts_->by_path.end()) return it->second.get();
  std::string bytes;
  std::unique_ptr<LawText> parsed;
  if (packed) {
    auto pack = texts_->packs.find(ins.text_root);
    if (pack != texts_->packs.end()) {
      auto t = pack->second.find(ins.name + "/" + v.date.str());
      if (t != pack->second.end()) parsed = std::make_unique<LawText>(parse_law_text(t->second));
    }
  } else if (read_regular_file(path, 16u << 20, bytes) == ReadStatus::Ok) {
    parsed = std::make_unique<LawText>(parse_law_text(bytes));
  }
  const LawText* result = parsed.get();
  texts_->by_path.emplace(path, std::move(parsed));
  return result;
}

}  // namespace powerlist

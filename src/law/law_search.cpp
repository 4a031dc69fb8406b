// Full-text search over the registry's article texts (law.hpp): a character-bigram index of
// the versions in force, built on first use, ranked by the share of the query it covers
// (rare pairs weigh more).
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <mutex>
#include <vector>

#include "powerlist/law.hpp"
#include "powerlist/text.hpp"
#include "text_cache.hpp"

namespace powerlist {

namespace {

using Entry = SearchIndex::Entry;

uint64_t pair_of(char32_t a, char32_t b) {
  return (static_cast<uint64_t>(a) << 32) | b;
}

}  // namespace

const SearchIndex& LawRegistry::index_on(const Date& as_of) const {
  // Built once; text() takes the lock for each file, so the lock is not held while it is
  // built (another thread may build it too: the first one is kept).
  {
    std::lock_guard<std::mutex> guard(texts_->mutex);
    const auto it = texts_->indexes.find(as_of.days());
    if (it != texts_->indexes.end()) return *it->second;
  }
  auto built = std::make_unique<SearchIndex>();
  // The national texts hold ≈ 204,000 distinct pairs, with a large province ≈ 285,000.
  built->postings.reserve(1u << 19);
  for (const auto& ins : list_) {
    if (ins.repealed && (!ins.repealed_date || *ins.repealed_date <= as_of)) continue;
    const LawVersion* v = ins.version_on(as_of);
    const LawText* text = v ? this->text(ins, *v) : nullptr;
    if (!text) continue;
    for (const auto& a : text->articles) {
      const uint32_t id = static_cast<uint32_t>(built->entries.size());
      built->entries.push_back({&ins, v, &a});
      const std::u32string& k = a.key();
      for (size_t i = 0; i + 1 < k.size(); ++i) {
        auto& list = built->postings[pair_of(k[i], k[i + 1])];
        if (list.empty() || list.back() != id) list.push_back(id);
      }
    }
  }
  std::lock_guard<std::mutex> guard(texts_->mutex);
  auto& slot = texts_->indexes[as_of.days()];
  if (!slot) slot = std::move(built);
  return *slot;
}

void LawRegistry::prepare_search(const Date& as_of) const {
  (void)index_on(as_of);
}

std::vector<LawRegistry::Hit> LawRegistry::search(const std::string& query, size_t limit,
                                                  const Date& as_of) const {
  const SearchIndex& idx = index_on(as_of);
  const std::u32string q = quote_key(query);
  std::map<uint64_t, double> weights;
  for (size_t i = 0; i + 1 < q.size(); ++i) {
    const uint64_t p = pair_of(q[i], q[i + 1]);
    auto it = idx.postings.find(p);
    if (it == idx.postings.end()) continue;
    weights[p] = std::log(1.0 + static_cast<double>(idx.entries.size()) /
                                    static_cast<double>(it->second.size()));
  }
  double total = 0;
  for (const auto& [p, w] : weights) total += w;
  if (total == 0) return {};
  // Only an entry holding one of the rarest pairs can reach the 0.5 a hit needs: the rarest
  // pairs are taken until what the others weigh together is under half. Those entries are
  // scored, each pair's weight added in the pairs' order (the sums of scoring every entry).
  std::vector<std::pair<double, uint64_t>> rarest;
  for (const auto& [p, w] : weights) rarest.emplace_back(w, p);
  std::sort(rarest.begin(), rarest.end(), std::greater<>());
  std::vector<uint32_t> candidates;
  double rest = total;
  for (const auto& [w, p] : rarest) {
    if (rest < 0.5 * total * (1 - 1e-9)) break;  // the margin: rounding never excludes a hit
    rest -= w;
    const auto& list = idx.postings.at(p);
    candidates.insert(candidates.end(), list.begin(), list.end());
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<double> score(candidates.size(), 0.0);
  for (const auto& [p, w] : weights) {
    const auto& list = idx.postings.at(p);  // ascending ids, as are the candidates
    if (list.size() <= 8 * candidates.size()) {
      size_t c = 0;
      for (uint32_t id : list) {
        while (c < candidates.size() && candidates[c] < id) ++c;
        if (c == candidates.size()) break;
        if (candidates[c] == id) score[c] += w;
      }
    } else {
      for (size_t c = 0; c < candidates.size(); ++c)
        if (std::binary_search(list.begin(), list.end(), candidates[c])) score[c] += w;
    }
  }
  std::vector<std::pair<double, uint32_t>> ranked;
  for (size_t c = 0; c < candidates.size(); ++c)
    if (const double s = score[c] / total; s >= 0.5) ranked.emplace_back(s, candidates[c]);
  const auto before = [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    const Entry& x = idx.entries[a.second];
    const Entry& y = idx.entries[b.second];
    if (x.ins->level != y.ins->level) return x.ins->level < y.ins->level;  // higher level first
    if (x.ins->name != y.ins->name) return x.ins->name < y.ins->name;
    if (x.article->number != y.article->number) return x.article->number < y.article->number;
    return a.second < b.second;  // the index's order: deterministic
  };
  const size_t kept = std::min(limit, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(kept),
                    ranked.end(), before);
  ranked.resize(kept);
  std::vector<Hit> out;
  for (const auto& [s, id] : ranked) {
    const Entry& e = idx.entries[id];
    out.push_back(
        {e.ins->name, e.article->number, e.article->suffix, e.article->full(), s, e.version->date});
  }
  return out;
}

}  // namespace powerlist

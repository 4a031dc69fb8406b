// Full-text search over the registry's article texts (law.hpp): a character-bigram index of
// the versions in force, built on first use, ranked by the share of the query it covers
// (rare pairs weigh more).
#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <unordered_map>

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

std::vector<LawRegistry::Hit> LawRegistry::search(const std::string& query, size_t limit,
                                                  const Date& as_of) const {
  std::unique_lock<std::mutex> lock(texts_->mutex);
  auto& slot = texts_->indexes[as_of.days()];
  lock.unlock();  // text() takes the lock for each file
  if (!slot) {
    auto built = std::make_unique<SearchIndex>();
    SearchIndex* idx_ptr = built.get();
    for (const auto& ins : list_) {
      if (ins.repealed && (!ins.repealed_date || *ins.repealed_date <= as_of)) continue;
      const LawVersion* v = ins.version_on(as_of);
      const LawText* text = v ? this->text(ins, *v) : nullptr;
      if (!text) continue;
      for (const auto& a : text->articles) {
        const uint32_t id = static_cast<uint32_t>(idx_ptr->entries.size());
        idx_ptr->entries.push_back({&ins, v, &a});
        const std::u32string& k = a.key();
        uint64_t last = 0;
        for (size_t i = 0; i + 1 < k.size(); ++i) {
          const uint64_t p = pair_of(k[i], k[i + 1]);
          auto& list = idx_ptr->postings[p];
          if (list.empty() || list.back() != id) list.push_back(id);
          last = p;
        }
        (void)last;
      }
    }
    lock.lock();
    if (!slot) slot = std::move(built);
    lock.unlock();
  }
  const SearchIndex& idx = *slot;
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
  std::unordered_map<uint32_t, double> score;
  for (const auto& [p, w] : weights)
    for (uint32_t id : idx.postings.at(p)) score[id] += w;
  std::vector<std::pair<double, uint32_t>> ranked;
  for (const auto& [id, s] : score) ranked.emplace_back(s / total, id);
  std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    const Entry& x = idx.entries[a.second];
    const Entry& y = idx.entries[b.second];
    if (x.ins->level != y.ins->level) return x.ins->level < y.ins->level;  // higher level first
    if (x.ins->name != y.ins->name) return x.ins->name < y.ins->name;
    return x.article->number < y.article->number;
  });
  std::vector<Hit> out;
  for (const auto& [s, id] : ranked) {
    if (out.size() == limit || s < 0.5) break;
    const Entry& e = idx.entries[id];
    out.push_back(
        {e.ins->name, e.article->number, e.article->suffix, e.article->full(), s, e.version->date});
  }
  return out;
}

}  // namespace powerlist

// The registry's lazily read article texts and search indexes (law_text.cpp, law_search.cpp).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "powerlist/law.hpp"

namespace powerlist {

struct SearchIndex {
  struct Entry {
    const Instrument* ins;
    const LawVersion* version;
    const ArticleText* article;
  };
  std::vector<Entry> entries;
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings;  // character pair → entries
};

struct LawRegistry::TextCache {
  std::mutex mutex;
  std::map<std::string, std::unique_ptr<LawText>> by_path;
  // Packed texts: pack path → (name/date → the version's text).
  std::map<std::string, std::map<std::string, std::string, std::less<>>> packs;
  std::map<long, std::unique_ptr<SearchIndex>> indexes;  // by as-of day
};

}  // namespace powerlist

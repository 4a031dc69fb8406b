#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "powerlist/law.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

std::optional<LawLevel> parse_law_level(const std::string& s) {
  static const std::pair<const char*, LawLevel> names[] = {
      {"法律", LawLevel::Law},
      {"行政法规", LawLevel::AdminRegulation},
      {"地方性法规", LawLevel::LocalRegulation},
      {"自治条例和单行条例", LawLevel::Autonomous},
      {"部门规章", LawLevel::DeptRule},
      {"地方政府规章(省级)", LawLevel::ProvGovRule},
      {"地方政府规章（省级）", LawLevel::ProvGovRule},
      {"地方政府规章(设区的市)", LawLevel::CityGovRule},
      {"地方政府规章（设区的市）", LawLevel::CityGovRule},
      {"规范性文件", LawLevel::Normative},
  };
  for (const auto& [n, l] : names)
    if (s == n) return l;
  return std::nullopt;
}

const char* law_level_name(LawLevel l) {
  switch (l) {
    case LawLevel::Law:
      return "法律";
    case LawLevel::AdminRegulation:
      return "行政法规";
    case LawLevel::LocalRegulation:
      return "地方性法规";
    case LawLevel::Autonomous:
      return "自治条例和单行条例";
    case LawLevel::DeptRule:
      return "部门规章";
    case LawLevel::ProvGovRule:
      return "地方政府规章(省级)";
    case LawLevel::CityGovRule:
      return "地方政府规章(设区的市)";
    case LawLevel::Normative:
      return "规范性文件";
  }
  return "";
}

const LawVersion* Instrument::version_on(const Date& d) const {
  const LawVersion* best = nullptr;
  for (const auto& v : versions)
    if (v.in_force() <= d && (!best || best->in_force() <= v.in_force())) best = &v;
  return best;
}

const LawVersion* Instrument::version_dated(const Date& d) const {
  for (const auto& v : versions)
    if (v.named_by(d)) return &v;
  return nullptr;
}

const LawVersion* Instrument::version_cited(const Date& d) const {
  if (const LawVersion* v = version_dated(d)) return v;
  // A date a month off (the gazette's, or a slip of the catalog's): the nearest version.
  const LawVersion* near = nullptr;
  for (const auto& v : versions) {
    const long gap = std::labs(v.date.days() - d.days());
    if (gap <= 31 && (!near || gap < std::labs(near->date.days() - d.days()))) near = &v;
  }
  if (near) return near;
  // A meeting date the sources do not list: the version promulgated soon after it.
  for (const auto& v : versions)
    if (d < v.date && v.date.days() - d.days() <= 183) return &v;
  return nullptr;
}

std::optional<int> Instrument::article_count(const LawVersion* v) const {
  if (!v || v->truncated) return std::nullopt;  // a text that stops early proves nothing
  if (v->articles) return v->articles;
  // Older versions are often known only from the amendment history: no count to check.
  return std::nullopt;
}

const StatutoryLimit* Instrument::limit_for(const ArticleRef& a) const {
  for (const auto& l : limits)
    if (l.article.article == a.article &&
        (l.article.paragraph == 0 || a.paragraph == 0 || l.article.paragraph == a.paragraph))
      return &l;
  return nullptr;
}

std::string LawRegistry::normalize(const std::string& raw) {
  std::string s;
  for (char32_t cp : decode_utf8(raw)) {
    if (cp == U'《' || cp == U'》' || cp == U'〈' || cp == U'〉' || cp == U'<' || cp == U'>' ||
        cp == U'＜' || cp == U'＞' || cp == U'‹' || cp == U'›' || cp == U' ' || cp == U'\u3000' ||
        cp == U'\t')
      continue;
    append_utf8(s, cp);
  }
  // A trailing version note such as （2019年修正） is not part of the name; （七） or （试行） is.
  for (const char* open : {"（", "("}) {
    auto p = s.rfind(open);
    if (p == std::string::npos || p == 0) continue;
    const std::string note = s.substr(p);
    const bool has_digit = note.find_first_of("0123456789") != std::string::npos;
    if (has_digit && note.find("年") != std::string::npos) s.erase(p);
  }
  static const std::string prefix = "中华人民共和国";
  if (starts_with(s, prefix) && s.size() > prefix.size()) s.erase(0, prefix.size());
  return s;
}

const Deletion* Instrument::deleted_after(const LawVersion& cited, const ArticleRef& ref) const {
  // Numbers are those of the version the decision amended: only the version right after
  // `cited` can have deleted the cited article.
  const LawVersion* next = nullptr;
  for (const auto& v : versions)
    if (cited.date < v.date && (!next || v.date < next->date)) next = &v;
  if (!next) return nullptr;
  for (const auto& d : deleted)
    if (d.version == next->date && d.article == ref.article &&
        (d.paragraph == 0 || d.paragraph == ref.paragraph))
      return &d;
  return nullptr;
}

void LawRegistry::shift_files(uint32_t offset) {
  for (auto& ins : list_)
    if (ins.span.file != 0) ins.span.file += offset;
}

void LawRegistry::scope_to_region(const std::string& catalog_region) {
  if (catalog_region.empty()) return;
  for (size_t pos = 0; pos < list_.size(); ++pos) {
    Instrument& ins = list_[pos];
    if (ins.region.empty() || ins.other_region || region_covers(catalog_region, ins.region))
      continue;
    ins.other_region = true;
    const std::string own = normalize(ins.name);
    for (const auto& a : ins.aliases) {
      const std::string key = normalize(a);
      if (key == own) continue;  // its full name stays
      auto it = index_.find(key);
      if (it != index_.end() && it->second == pos) index_.erase(it);
    }
    ins.aliases.clear();
  }
}

std::string LawRegistry::add(Instrument ins) {
  std::sort(ins.versions.begin(), ins.versions.end(),
            [](const LawVersion& a, const LawVersion& b) { return a.date < b.date; });
  const std::string key = normalize(ins.name);
  auto it = index_.find(key);
  if (it != index_.end() && list_[it->second].name != ins.name)
    return "名称“" + ins.name + "”与已有的“" + list_[it->second].name + "”冲突";
  if (it == index_.end()) {
    const size_t pos = list_.size();
    for (const auto& a : ins.aliases) {
      auto ai = index_.find(normalize(a));
      if (ai != index_.end() && ai->second != pos)
        return "别名“" + a + "”已属于“" + list_[ai->second].name + "”";
    }
    index_[key] = pos;
    for (const auto& a : ins.aliases) index_[normalize(a)] = pos;
    list_.push_back(std::move(ins));
    return "";
  }
  // Merge into the existing entry: new versions, aliases, limits and facts it lacked.
  Instrument& cur = list_[it->second];
  if (cur.level != ins.level)
    return "“" + ins.name + "”的层级（" + law_level_name(ins.level) + "）与已有条目（" +
           law_level_name(cur.level) + "）不一致";
  for (auto& v : ins.versions) {
    auto same = std::find_if(cur.versions.begin(), cur.versions.end(),
                             [&](const LawVersion& x) { return x.date == v.date; });
    if (same == cur.versions.end()) {
      cur.versions.push_back(v);
      continue;
    }
    if (same->articles && v.articles && *same->articles != *v.articles)
      return "“" + ins.name + "” " + v.date.str() + " 版的条文数不一致";
    if (!same->articles) same->articles = v.articles;
    if (!same->effective) same->effective = v.effective;
    if (!same->meeting) same->meeting = v.meeting;
    if (!same->has_text && v.has_text) {
      same->has_text = true;
      same->truncated = v.truncated;
    }
  }
  std::sort(cur.versions.begin(), cur.versions.end(),
            [](const LawVersion& a, const LawVersion& b) { return a.date < b.date; });
  for (auto& a : ins.aliases) {
    const std::string na = normalize(a);
    auto ai = index_.find(na);
    if (ai != index_.end() && ai->second != it->second)
      return "别名“" + a + "”已属于“" + list_[ai->second].name + "”";
    if (ai == index_.end()) {
      index_[na] = it->second;
      cur.aliases.push_back(a);
    }
  }
  for (auto& l : ins.limits) cur.limits.push_back(l);
  if (ins.repealed) {
    cur.repealed = true;
    if (ins.repealed_date) cur.repealed_date = ins.repealed_date;
    if (!ins.repealed_by.empty()) cur.repealed_by = ins.repealed_by;
  }
  if (!ins.issuer.empty()) cur.issuer = ins.issuer;
  cur.sets_licences = cur.sets_licences || ins.sets_licences;
  for (auto& d : ins.deleted) cur.deleted.push_back(d);
  if (cur.annex_items.empty()) cur.annex_items = std::move(ins.annex_items);
  if (cur.text_root.empty()) cur.text_root = ins.text_root;
  if (!ins.source.empty())
    cur.source = cur.source.empty() ? ins.source : cur.source + "；" + ins.source;
  return "";
}

const Instrument* LawRegistry::amended_by_decision(const std::string& cited, bool* several) const {
  const std::string n = normalize(cited);  // brackets gone: …关于修改营业性演出管理条例的决定
  static const std::string head = "关于修改", tail = "的决定", etc = "等";
  const size_t h = n.find(head);
  if (h == std::string::npos || !ends_with(n, tail) || n.size() <= h + head.size() + tail.size())
    return nullptr;
  std::string inner = n.substr(h + head.size(), n.size() - tail.size() - h - head.size());
  // …关于修改职业健康检查管理办法等4部门规章的决定: the first instrument it names — cut at the
  // 等 a count follows (高等教育法 has one inside its name).
  static const std::u32string counts = U"0123456789０１２３４５６７８９一二三四五六七八九十两";
  bool cut = false;
  for (size_t at = inner.rfind(etc); at != std::string::npos && at > 0;
       at = inner.rfind(etc, at - 1)) {
    const auto next = decode_utf8(inner.substr(at + etc.size(), 4));
    if (!next.empty() && counts.find(next[0]) != std::u32string::npos) {
      inner.erase(at);
      cut = true;
      break;
    }
  }
  if (several) *several = cut;
  // A decision on part of one (…部分条款…) or on several named by 和/、 names no one instrument:
  // find() does not know such a name.
  if (inner.find("部分") != std::string::npos || inner.find("决定") != std::string::npos)
    return nullptr;
  return find(inner);
}

const Instrument* LawRegistry::find(const std::string& cited) const {
  auto it = index_.find(normalize(cited));
  return it == index_.end() ? nullptr : &list_[it->second];
}

std::string data_dir() {
  static const std::string dir = [] {
    // An explicit choice first (POWERLIST_DATA_DIR is the first wave's name), so that a user
    // can put newer data in front of an installed package; then the data installed next to
    // the binary (bin/../share/powerlist), wherever the package was unpacked; then the source
    // tree the binary was built from (developers).
    for (const char* var : {"POWERLIST_DATA", "POWERLIST_DATA_DIR"})
      if (const char* env = std::getenv(var); env && *env) return std::string(env);
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
      const auto share = (exe.parent_path() / ".." / "share" / "powerlist").lexically_normal();
      if (std::filesystem::is_directory(share / "catalogs" / "laws", ec)) return share.string();
    }
    return std::string(POWERLIST_DATA_DIR);
  }();
  return dir;
}

}  // namespace powerlist

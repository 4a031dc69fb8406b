// The level of an instrument the registry does not know (law.hpp), from the catalog's tag
// and the name: what basis/competence judges when nothing better is known.
#include <algorithm>
#include <array>
#include <initializer_list>
#include <string>
#include <vector>

#include "powerlist/law.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

constexpr std::array<const char*, 34> kProvinces = {
    "北京市",         "天津市",           "上海市",         "重庆市",         "河北省",
    "山西省",         "辽宁省",           "吉林省",         "黑龙江省",       "江苏省",
    "浙江省",         "安徽省",           "福建省",         "江西省",         "山东省",
    "河南省",         "湖北省",           "湖南省",         "广东省",         "海南省",
    "四川省",         "贵州省",           "云南省",         "陕西省",         "甘肃省",
    "青海省",         "台湾省",           "内蒙古自治区",   "广西壮族自治区", "西藏自治区",
    "宁夏回族自治区", "新疆维吾尔自治区", "香港特别行政区", "澳门特别行政区"};

enum class Place { National, Province, City };

Place place_of(const std::string& name) {
  for (const char* p : kProvinces)
    if (starts_with(name, p)) {
      // 新疆维吾尔自治区乌鲁木齐市… is a city's instrument.
      const std::string rest = name.substr(std::string(p).size());
      // A city's name has two characters at least before 市: …自治区城市防空… is the region's.
      const size_t shi = rest.find("市");
      return shi != std::string::npos && shi >= 2 * 3 && shi <= 4 * 3 ? Place::City
                                                                      : Place::Province;
    }
  // A city's own name first: 克拉玛依市…条例.
  const size_t shi = name.find("市");
  if (shi != std::string::npos && shi >= 2 * 3 && shi <= 6 * 3 &&
      name.find("条例") != std::string::npos && name.find("中华人民共和国") == std::string::npos)
    return Place::City;
  return Place::National;
}

bool ends(const std::string& s, const char* suffix) {
  return ends_with(s, suffix);
}

// A 发文字号's year in brackets, as catalogs write it: 〔2011〕, 【2020】, [2021], ［2021］.
bool has_document_number(const std::string& note) {
  if (note.find("号") == std::string::npos) return false;
  const std::vector<char32_t> text = decode_utf8(note);
  const std::u32string open = U"〔【[［", close = U"〕】]］";
  for (size_t i = 0; i + 5 < text.size(); ++i) {
    if (open.find(text[i]) == std::u32string::npos) continue;
    size_t digits = 0;
    while (digits < 4 && text[i + 1 + digits] >= U'0' && text[i + 1 + digits] <= U'9') ++digits;
    if (digits == 4 && close.find(text[i + 5]) != std::u32string::npos) return true;
  }
  return false;
}

}  // namespace

std::optional<LawLevel> infer_law_level(const std::string& raw_name, const std::string& raw_tag,
                                        const std::string& note) {
  const std::string name = LawRegistry::normalize(raw_name);
  std::string tag;
  for (char32_t c : decode_utf8(raw_tag))
    if (c != U'【' && c != U'】' && c != U' ' && c != U'\u3000') append_utf8(tag, c);
  const Place place = place_of(raw_name);
  const bool local = place != Place::National;
  // A 发文字号 without 令 (新政办发〔2011〕56号) is a 规范性文件's, whatever the tag says.
  if (has_document_number(note) && note.find("令") == std::string::npos) return LawLevel::Normative;
  // Passed by a government's 常务会议 (…自治区人民政府第32次常务会议讨论通过): a government
  // rule, though catalogs tag such rules 法规 or 地方性法规.
  if (local && note.find("人民政府") != std::string::npos &&
      note.find("常务会议") != std::string::npos)
    return place == Place::City ? LawLevel::CityGovRule : LawLevel::ProvGovRule;
  // A province's or city's instrument is never a 法律 or 行政法规: catalogs tag the
  // 实施办法 of a law with the law's own tag. Its name decides below.
  if (local && (tag == "法律" || tag == "行政法规" || tag == "行法规")) tag.clear();
  if (tag == "法律") return LawLevel::Law;
  if (tag == "行政法规" || tag == "行法规") return LawLevel::AdminRegulation;
  if (tag == "地方性法规") return LawLevel::LocalRegulation;
  if (tag == "自治条例" || tag == "单行条例") return LawLevel::Autonomous;
  if (tag == "部门规章") return LawLevel::DeptRule;
  if (tag == "地方政府规章" || tag == "政府规章")
    return place == Place::City ? LawLevel::CityGovRule : LawLevel::ProvGovRule;
  if (tag == "规范性文件" || tag == "其他规范性文件") return LawLevel::Normative;
  if (tag == "法规") return local ? LawLevel::LocalRegulation : LawLevel::AdminRegulation;
  if (tag == "规章")
    return !local                 ? LawLevel::DeptRule
           : place == Place::City ? LawLevel::CityGovRule
                                  : LawLevel::ProvGovRule;
  // No (known) tag: what the name says.
  if (starts_with(name, "国务院关于") && ends(name, "决定")) return LawLevel::AdminRegulation;
  if (ends(name, "通知") || ends(name, "意见") || ends(name, "批复") || ends(name, "公告") ||
      ends(name, "函"))
    return LawLevel::Normative;
  if (!local) {
    // 国务院关于工人退休、退职的暂行办法: the State Council's own (its 办公厅's are documents).
    if (starts_with(name, "国务院") && !starts_with(name, "国务院办公厅"))
      return LawLevel::AdminRegulation;
    // 法 ends a law's name, and also 办法 and 方法, which no law is called.
    if (ends(name, "法") && !ends(name, "办法") && !ends(name, "方法")) return LawLevel::Law;
    if (ends(name, "条例")) return LawLevel::AdminRegulation;
    if (ends(name, "办法") || ends(name, "规定") || ends(name, "细则") || ends(name, "规则"))
      return LawLevel::DeptRule;
    return std::nullopt;
  }
  if (ends(name, "条例")) return LawLevel::LocalRegulation;
  // 实施《××法》办法 are made by the 人大常委会 (地方性法规); other local 办法 and 规定 by
  // the government (政府规章).
  if (name.find("实施") != std::string::npos && ends(name, "办法"))
    return LawLevel::LocalRegulation;
  if (ends(name, "办法") || ends(name, "规定") || ends(name, "细则"))
    return place == Place::City ? LawLevel::CityGovRule : LawLevel::ProvGovRule;
  return std::nullopt;
}

std::optional<bool> tag_admits_level(const std::string& raw_tag, LawLevel level) {
  std::string tag;
  for (char32_t c : decode_utf8(raw_tag))
    if (c != U'【' && c != U'】' && c != U' ' && c != U'\u3000') append_utf8(tag, c);
  using L = LawLevel;
  auto any = [&](std::initializer_list<L> ls) {
    return std::find(ls.begin(), ls.end(), level) != ls.end();
  };
  if (tag == "法律") return level == L::Law;
  if (tag == "行政法规" || tag == "行法规") return level == L::AdminRegulation;
  if (tag == "法规") return any({L::AdminRegulation, L::LocalRegulation, L::Autonomous});
  if (tag == "地方性法规" || tag == "地方法规") return any({L::LocalRegulation, L::Autonomous});
  if (tag == "自治条例" || tag == "单行条例" || tag == "自治条例和单行条例")
    return level == L::Autonomous;
  if (tag == "部门规章") return level == L::DeptRule;
  if (tag == "地方政府规章" || tag == "政府规章") return any({L::ProvGovRule, L::CityGovRule});
  if (tag == "规章") return any({L::DeptRule, L::ProvGovRule, L::CityGovRule});
  if (tag == "规范性文件" || tag == "其他规范性文件") return level == L::Normative;
  return std::nullopt;
}

}  // namespace powerlist

// infer_law_level: the level of an instrument outside the registry, from the catalog's tag,
// its name and its version note (basis/competence and basis/unknown-law use it).
#include <catch2/catch.hpp>

#include "powerlist/law.hpp"

using namespace powerlist;

TEST_CASE("instrument levels from tag, name and note", "[law][level]") {
  CHECK(infer_law_level("中华人民共和国渔业法", "") == LawLevel::Law);
  CHECK(infer_law_level("农药管理条例", "") == LawLevel::AdminRegulation);
  // A national 办法 is a rule, though its name ends in 法 (real lists cite them untagged).
  CHECK(infer_law_level("人民防空工程维护管理办法", "") == LawLevel::DeptRule);
  CHECK(infer_law_level("城市绿化方法", "") == std::nullopt);
  CHECK(infer_law_level("国务院关于工人退休、退职的暂行办法", "") == LawLevel::AdminRegulation);
  CHECK(infer_law_level("农药经营许可管理办法", "部门规章") == LawLevel::DeptRule);
  // A province's 实施办法 tagged with its law's tag is a 地方性法规, not a 法律.
  CHECK(infer_law_level("新疆维吾尔自治区实施《中华人民共和国渔业法》办法", "法律") ==
        LawLevel::LocalRegulation);
  // Other local 办法 are government rules, of the province or of the city.
  CHECK(infer_law_level("新疆维吾尔自治区农作物种子管理办法", "") == LawLevel::ProvGovRule);
  CHECK(infer_law_level("新疆维吾尔自治区乌鲁木齐市城市绿化管理办法", "") == LawLevel::CityGovRule);
  CHECK(infer_law_level("新疆维吾尔自治区农业机械安全监督管理条例", "行政法规") ==
        LawLevel::LocalRegulation);
  // A 发文字号 without 令 is a 规范性文件's, whatever the tag says.
  CHECK(infer_law_level("自治区农业行政处罚自由裁量权基准", "规章", "（新政办发〔2011〕56号）") ==
        LawLevel::Normative);
  CHECK(infer_law_level("某规定", "规章", "（2014年新疆维吾尔自治区人民政府令第204号）") ==
        LawLevel::DeptRule);
  // Document numbers in the brackets catalogs use (real workbooks of 2024-2025).
  CHECK(infer_law_level("新疆维吾尔自治区城市防空地下室易地建设收费办法", "",
                        "（新发改规[2021]10号）") == LawLevel::Normative);
  CHECK(infer_law_level("某管理办法", "法规", "（新政发【2020】53号）") == LawLevel::Normative);
  CHECK(infer_law_level("某管理办法", "法规", "（2020年修订）") == LawLevel::AdminRegulation);
  // 城市… after the region's name is not a city: the region's own rule.
  CHECK(infer_law_level("新疆维吾尔自治区城市防空地下室易地建设收费办法", "") ==
        LawLevel::ProvGovRule);
  CHECK(infer_law_level("山西省晋城市城市绿化管理办法", "") == LawLevel::CityGovRule);
  // Passed by the government's 常务会议: a government rule, whatever the tag says.
  CHECK(infer_law_level("新疆维吾尔自治区高层建筑消防安全管理规定", "地方性法规",
                        "（2016年2月29日自治区第十二届人民政府第32次常务会议讨论通过，"
                        "自2016年5月1日起施行）") == LawLevel::ProvGovRule);
  CHECK(infer_law_level("新疆维吾尔自治区实施《中华人民共和国渔业法》办法", "地方性法规",
                        "（2006年自治区第十届人民代表大会常务委员会第二十六次会议通过）") ==
        LawLevel::LocalRegulation);
}

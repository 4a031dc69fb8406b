// FORMAT.md v1 as tables. Keep in step with docs/format.md.
#include <algorithm>

#include "powerlist/format_spec.hpp"

namespace powerlist {

using K = FieldKind;

const FieldSpec* TableSpec::find(std::string_view k) const {
  for (const auto& f : fields) {
    if (f.key == k) return &f;
    if (std::find(f.aliases.begin(), f.aliases.end(), k) != f.aliases.end()) return &f;
  }
  return nullptr;
}

std::vector<std::string> TableSpec::all_spellings() const {
  std::vector<std::string> out;
  for (const auto& f : fields) {
    out.emplace_back(f.key);
    for (auto a : f.aliases) out.emplace_back(a);
  }
  return out;
}

const std::vector<std::string_view>& rights_values() {
  static const std::vector<std::string_view> v = {
      "知情", "陈述", "申辩", "听证", "要求说明理由", "申请回避", "复议", "诉讼", "赔偿"};
  return v;
}
const std::vector<std::string_view>& penalty_values() {
  static const std::vector<std::string_view> v = {
      "警告",         "通报批评",     "罚款",         "没收违法所得", "没收非法财物",
      "暂扣许可证件", "降低资质等级", "吊销许可证件", "吊销营业执照", "限制开展生产经营活动",
      "责令停产停业", "责令关闭",     "限制从业",     "行政拘留"};
  return v;
}
const std::vector<std::string_view>& measure_values() {
  static const std::vector<std::string_view> v = {"限制人身自由", "查封", "扣押", "冻结", "其他"};
  return v;
}

static const TableSpec* region_table() {
  static const TableSpec t{
      "region",
      "行政区划",
      {
          {"code",
           {"区划代码"},
           K::String,
           "GB/T 2260 六位行政区划代码，如 \"360827\"",
           nullptr,
           {},
           true},
          {"name", {"区划名称"}, K::String, "行政区划全称，如 江西省吉安市遂川县"},
      }};
  return &t;
}

static const TableSpec* settings_table() {
  static const TableSpec t{
      "settings",
      "设置",
      {
          {"promised_ratio",
           {"承诺时限比例"},
           K::Ratio,
           "承诺时限不得超过法定时限的比例，默认 \"2/3\"（缩短三分之一以上）"},
          {"rules", {"规则"}, K::StringMap, "按规则编号调整严重级别：off / warning / error"},
          {"large_fine",
           {"较大数额罚款"},
           K::Int,
           "较大数额罚款的起点（元），由各地规定；默认 10000"},
      }};
  return &t;
}

static const TableSpec* audit_table() {
  static const TableSpec t{
      "audit",
      "审核意见书",
      {
          {"to", {"主送"}, K::String, "主送机关；默认为报送部门（多个部门时为“各有关部门”）"},
          {"number", {"文号"}, K::String, "审核意见书文号，如 示司审〔2026〕12号"},
          {"issuer", {"审核机关"}, K::String, "署名的审核机关，如 示范县司法局"},
          {"date", {"成文日期"}, K::Date, "成文日期；默认为审核基准日"},
      }};
  return &t;
}

static const TableSpec* publication_table() {
  static const TableSpec t{"publication",
                           "发布",
                           {
                               {"number", {"文号"}, K::String, "发布文号，印在 catalog.pdf 封面"},
                               {"footer", {"页脚"}, K::String, "网站各页的页脚，由发布机关自定"},
                           }};
  return &t;
}

const TableSpec* project_table() {
  static const TableSpec t{
      "powerlist.yaml",
      "目录项目",
      {
          {"title", {"标题"}, K::String, "目录标题，如 示范县行政职权目录", nullptr, {}, true},
          {"region", {"行政区划"}, K::Map, "行政区划", region_table, {}, true},
          {"level",
           {"行使层级"},
           K::Enum,
           "行使层级（GB/T 39046 A.2）",
           nullptr,
           {"国家级", "省级", "市级", "县级", "乡级"},
           true},
          {"effective",
           {"施行日期"},
           K::Date,
           "目录施行日期；合法性检查以此日为准",
           nullptr,
           {},
           true},
          {"publisher", {"发布机关"}, K::String, "发布机关，如 示范县人民政府"},
          {"publication", {"发布"}, K::Map, "发布文号和页脚", publication_table},
          {"audit", {"审核意见书"}, K::Map, "审核意见书的主送、文号、审核机关和日期", audit_table},
          {"departments",
           {"部门"},
           K::StringList,
           "部门文件（相对本文件的路径或通配符）",
           nullptr,
           {},
           true},
          {"laws", {"法规库"}, K::StringList, "补充法规库文件，追加到内置 catalogs/laws"},
          {"holidays",
           {"节假日安排"},
           K::StringList,
           "补充的节假日安排文件（每年一个，格式同 catalogs/holidays/2026.yaml）"},
          {"baseline", {"基本目录"}, K::String, "用于比对的基本目录文件"},
          {"settings", {"设置"}, K::Map, "检查设置", settings_table},
          {"profile",
           {"目录类型"},
           K::Enum,
           "职权目录（默认，全部字段）或 权责清单（公布的清单：办理时限、流程、办事指南等可不填）",
           nullptr,
           {"职权目录", "权责清单"}},
      }};
  return &t;
}

static const TableSpec* complaint_table() {
  static const TableSpec t{"complaint",
                           "投诉举报",
                           {
                               {"phone", {"电话"}, K::String, "投诉举报电话"},
                               {"web", {"网址"}, K::String, "网上投诉地址"},
                               {"address", {"地址"}, K::String, "来信来访地址"},
                           }};
  return &t;
}

static const TableSpec* supervision_table() {
  static const TableSpec t{"supervision",
                           "监督制约",
                           {
                               {"internal", {"内部监督"}, K::String, "内部监督机构"},
                               {"external", {"外部监督"}, K::StringList, "外部监督渠道"},
                           }};
  return &t;
}

static const TableSpec* contacts_table() {
  static const TableSpec t{"contacts",
                           "联系方式",
                           {
                               {"consult", {"咨询电话"}, K::String, "咨询电话"},
                               {"supervise", {"监督电话"}, K::String, "监督电话"},
                               {"complaint", {"投诉举报"}, K::Map, "投诉举报途径", complaint_table},
                               {"supervision",
                                {"监督制约"},
                                K::Map,
                                "监督制约（内部监督机构与外部监督渠道）",
                                supervision_table},
                           }};
  return &t;
}

const TableSpec* department_table() {
  static const TableSpec t{
      "department",
      "实施主体",
      {
          {"id",
           {"标识"},
           K::String,
           "部门标识 [a-z0-9-]{1,32}，稳定不变，用于文件名和编码锁",
           nullptr,
           {},
           true},
          {"name", {"名称"}, K::String, "实施主体名称，如 示范县自然资源局", nullptr, {}, true},
          {"credit_code",
           {"统一社会信用代码"},
           K::String,
           "统一社会信用代码（GB 32100，校验码会被核验）"},
          {"nature",
           {"主体性质"},
           K::Enum,
           "实施主体性质（GB/T 39046 A.3）",
           nullptr,
           {"法定机关", "授权组织", "受委托组织"}},
          {"units",
           {"内设机构"},
           K::StringList,
           "内设机构（三定方案）；承办机构和承办岗位必须在其中",
           nullptr,
           {},
           true},
          {"contacts", {"联系方式"}, K::Map, "咨询、监督、投诉渠道", contacts_table},
      }};
  return &t;
}

const TableSpec* department_file_table() {
  static const TableSpec t{
      "department file",
      "部门文件",
      {
          {"department", {"部门", "实施主体"}, K::Map, "实施主体信息", department_table, {}, true},
          {"powers",
           {"职权", "事项", "权力事项"},
           K::MapList,
           "本部门的权力事项",
           item_table,
           {},
           true},
      }};
  return &t;
}

const TableSpec* citation_table() {
  static const TableSpec t{
      "citation",
      "依据",
      {
          {"law",
           {"法律", "法规", "名称"},
           K::String,
           "法律法规全称或简称（如 城乡规划法）",
           nullptr,
           {},
           true},
          {"articles",
           {"条款", "条"},
           K::StringList,
           "条款：\"40\" 第四十条，\"40.2\" 第二款，\"40.2.3\" 第三项；也可写 第四十条"},
          {"version", {"版本"}, K::Date, "引用的版本：修正/修订的公布日期或会议通过日期"},
          {"text", {"原文"}, K::String, "条文原文（可选）"},
          {"tag",
           {"层级标注"},
           K::String,
           "原清单中的层级标注，如 部门规章（用于判断法规库外文件的效力层级）"},
          {"note", {"版本说明"}, K::String, "原清单中的版本说明，如 （2021年4月29日第三次修正）"},
      }};
  return &t;
}

static const TableSpec* limits_table() {
  static const TableSpec t{
      "limits",
      "时限",
      {
          {"statutory", {"法定时限"}, K::Duration, "法定时限，如 20工作日；法律未规定时写 无"},
          {"statutory_basis", {"法定时限依据"}, K::Citation, "法定时限的依据", citation_table},
          {"promised", {"承诺时限"}, K::Duration, "承诺时限；依申请事项有法定时限时必填"},
          {"statutory_note",
           {"法定时限说明"},
           K::String,
           "法定时限的原文（含多个时限时，如 告知承诺制：20个工作日；非告知承诺制：10个工作日）"},
          {"promised_note", {"承诺时限说明"}, K::String, "承诺时限的原文（含多个时限时）"},
      }};
  return &t;
}

static const TableSpec* fee_table() {
  static const TableSpec t{"fee",
                           "收费",
                           {
                               {"name", {"名称"}, K::String, "收费项目名称", nullptr, {}, true},
                               {"standard", {"标准", "收费标准"}, K::String, "收费标准"},
                               {"basis", {"依据"}, K::Citation, "收费依据", citation_table},
                           }};
  return &t;
}

static const TableSpec* disclosure_table() {
  static const TableSpec t{"disclosure",
                           "公开",
                           {
                               {"forms",
                                {"公开形式"},
                                K::StringList,
                                "公开形式：政府网站、政务公开栏、办事指南、服务卡……"},
                               {"scope",
                                {"公开范围"},
                                K::Enum,
                                "公开范围：社会公开、相对人（仅向当事人公开）、依申请公开、一定范围"
                                "内公开、内部（不对外公开）",
                                nullptr,
                                {"社会公开", "相对人", "依申请公开", "一定范围内公开", "内部"}},
                               {"timing",
                                {"公开时间"},
                                K::Enum,
                                "公开时间（随时公开 即 即时公开）",
                                nullptr,
                                {"长期公开", "即时公开", "随时公开", "定期公开"}},
                           }};
  return &t;
}

static const TableSpec* secrecy_table() {
  static const TableSpec t{"secrecy",
                           "不公开",
                           {
                               {"reason", {"理由"}, K::String, "不公开理由", nullptr, {}, true},
                               {"basis", {"依据"}, K::Citation, "不公开依据", citation_table},
                           }};
  return &t;
}

static const TableSpec* penalty_table() {
  static const TableSpec t{
      "penalty",
      "处罚种类",
      {
          {"kind", {"种类"}, K::Enum, "处罚种类", nullptr, penalty_values(), true},
          {"max", {"最高额"}, K::Int, "罚款最高额（元）"},
      }};
  return &t;
}

const TableSpec* branch_table() {
  static const TableSpec t{"branch",
                           "去向",
                           {
                               {"to", {"去向"}, K::String, "下一环节", nullptr, {}, true},
                               {"when", {"条件"}, K::String, "条件标签，如 材料齐全"},
                               {"loop", {"回退"}, K::Bool, "回退边（允许成环）"},
                           }};
  return &t;
}

static const TableSpec* disclose_table() {
  static const TableSpec t{"disclose",
                           "环节公开",
                           {
                               {"scope", {"公开范围"}, K::String, "公开范围"},
                               {"form", {"公开形式"}, K::String, "公开形式，如 受理通知书"},
                               {"timing", {"公开时间"}, K::String, "公开时间，如 受理时"},
                           }};
  return &t;
}

const TableSpec* step_table() {
  static const TableSpec t{
      "step",
      "环节",
      {
          {"id", {"环节", "名称"}, K::String, "环节名称（事项内唯一）", nullptr, {}, true},
          {"kind",
           {"类型"},
           K::Enum,
           "start 开始 | step 环节 | end 结束",
           nullptr,
           {"start", "step", "end", "开始", "环节", "结束"}},
          {"actor", {"岗位", "承办岗位"}, K::String, "承办岗位"},
          {"limit", {"时限", "办理时限"}, K::Duration, "本环节办理时限"},
          {"duty", {"职责", "工作内容"}, K::String, "本环节职责"},
          {"basis", {"依据"}, K::String, "本环节时限的法律依据，如 行政许可法第三十二条"},
          {"excluded",
           {"不计时限"},
           K::Bool,
           "不计入办理时限（听证、检验、检测、鉴定、专家评审等）"},
          {"next", {"下一步"}, K::Next, "下一环节：一个、列表，或带条件的分支"},
          {"rights_at",
           {"权利"},
           K::EnumList,
           "在本环节行使的相对人权利",
           nullptr,
           rights_values()},
          {"disclose", {"公开"}, K::Map, "本环节公开内容", disclose_table},
      }};
  return &t;
}

static const TableSpec* procedure_table() {
  static const TableSpec t{
      "procedure",
      "流程",
      {
          {"template", {"模板"}, K::String, "templates/procedures 中的流程模板名"},
          {"actors", {"岗位"}, K::StringMap, "按环节覆盖承办岗位"},
          {"limits", {"时限"}, K::DurationMap, "按环节覆盖办理时限"},
          {"steps", {"环节"}, K::MapList, "显式流程环节", step_table},
      }};
  return &t;
}

static const TableSpec* risk_table() {
  static const TableSpec t{
      "risk",
      "廉政风险点",
      {
          {"step", {"环节"}, K::String, "风险所在环节", nullptr, {}, true},
          {"level", {"等级"}, K::Enum, "风险等级 A/B/C", nullptr, {"A", "B", "C"}, true},
          {"point", {"风险点"}, K::String, "风险点描述"},
          {"measures", {"防控措施"}, K::String, "防控措施"},
      }};
  return &t;
}

static const TableSpec* handle_item_table() {
  static const TableSpec t{
      "handle item",
      "业务办理项",
      {
          {"code", {"编码"}, K::String, "两位办理项编码，如 \"01\"", nullptr, {}, true},
          {"name", {"名称"}, K::String, "办理项名称，如 新办", nullptr, {}, true},
      }};
  return &t;
}

static const TableSpec* material_table() {
  static const TableSpec t{
      "material",
      "申请材料",
      {
          {"name", {"名称"}, K::String, "材料名称", nullptr, {}, true},
          {"source", {"来源"}, K::String, "材料来源：申请人自备 / 政府部门核发 ……"},
          {"copies", {"份数"}, K::Int, "份数"},
          {"required", {"必需"}, K::Bool, "是否必需"},
          {"note", {"备注"}, K::String, "备注"},
      }};
  return &t;
}

static const TableSpec* service_table() {
  static const TableSpec t{
      "service",
      "办事指南",
      {
          {"channels", {"办理渠道"}, K::StringList, "办理形式：窗口办理、网上办理、快递……"},
          {"visits", {"到现场次数"}, K::Int, "到办事现场次数"},
          {"location", {"办理地点"}, K::String, "办理地点"},
          {"hours", {"办理时间"}, K::String, "办理时间"},
          {"objects", {"服务对象"}, K::String, "服务对象"},
          {"special", {"特别程序"}, K::StringList, "特别程序：现场核查、听证、检验……"},
      }};
  return &t;
}

static const TableSpec* retired_table() {
  static const TableSpec t{"retired",
                           "取消",
                           {
                               {"date", {"日期"}, K::Date, "取消日期", nullptr, {}, true},
                               {"reason", {"理由"}, K::String, "取消理由", nullptr, {}, true},
                               {"basis", {"依据"}, K::Citation, "取消依据", citation_table},
                           }};
  return &t;
}

static const TableSpec* source_table() {
  static const TableSpec t{"source",
                           "来源",
                           {
                               {"file", {"文件"}, K::String, "来源工作簿", nullptr, {}, true},
                               {"sheet", {"工作表"}, K::String, "工作表名称"},
                               {"row", {"行"}, K::Int, "行号（从 1 开始）", nullptr, {}, true},
                           }};
  return &t;
}

static const TableSpec* cooperation_table() {
  static const TableSpec t{"cooperation",
                           "协助配合",
                           {
                               {"department",
                                {"部门"},
                                K::String,
                                "被协助的部门（本目录部门标识或名称）",
                                nullptr,
                                {},
                                true},
                               {"duty", {"职责"}, K::String, "协助、配合的内容"},
                           }};
  return &t;
}

static const TableSpec* discretion_table() {
  static const TableSpec t{
      "discretion",
      "裁量基准",
      {
          {"circumstance", {"情节"}, K::String, "违法情节", nullptr, {}, true},
          {"penalty", {"处罚种类"}, K::Enum, "处罚种类", nullptr, penalty_values(), true},
          {"range", {"幅度"}, K::String, "处罚幅度，如 1000元以上5000元以下"},
      }};
  return &t;
}

const TableSpec* item_table() {
  static const TableSpec t{
      "item",
      "权力事项",
      {
          {"key",
           {"标识"},
           K::String,
           "事项标识 [a-z0-9-]{1,48}，部门内唯一，永不重用",
           nullptr,
           {},
           true},
          {"name", {"名称", "事项名称"}, K::String, "事项名称", nullptr, {}, true},
          {"category",
           {"类别", "权力类别"},
           K::String,
           "权力类别：名称、两位代码或字母代码（行政许可 / 01 / XK）",
           nullptr,
           {},
           true},
          {"parent", {"主项"}, K::String, "所属主项的标识（本项为子项）"},
          {"basis", {"依据", "设定依据"}, K::CitationList, "设定依据", citation_table},
          {"initiation", {"行使方式"}, K::Enum, "行使方式", nullptr, {"依申请", "依职权"}, true},
          {"conditions", {"行使条件", "受理条件"}, K::String, "行使条件；依申请事项必填"},
          {"handled_by",
           {"承办机构"},
           K::String,
           "承办机构，须为本部门内设机构",
           nullptr,
           {},
           true},
          {"responsible", {"负责人"}, K::String, "负责岗位，如 分管副局长"},
          {"limits", {"时限"}, K::Map, "法定时限与承诺时限", limits_table},
          {"fees", {"收费"}, K::Fees, "收费：无，或收费项目列表", fee_table},
          {"disclosure", {"公开"}, K::Map, "公开形式、范围、时间", disclosure_table},
          {"public", {"是否公开"}, K::Bool, "是否公开，默认 true；false 时须填写 secrecy"},
          {"secrecy", {"不公开"}, K::Map, "不公开理由与依据", secrecy_table},
          {"rights", {"相对人权利"}, K::EnumList, "相对人权利", nullptr, rights_values()},
          {"penalties", {"处罚种类"}, K::Penalties, "行政处罚种类；罚款可写最高额", penalty_table},
          {"measures", {"强制措施"}, K::EnumList, "行政强制措施", nullptr, measure_values()},
          {"duties",
           {"责任事项"},
           K::StringMap,
           "各环节责任事项：受理、审查、决定、送达、事后监管……"},
          {"accountability", {"追责情形"}, K::StringList, "追责情形"},
          {"procedure", {"流程"}, K::Map, "运行流程：模板或显式环节", procedure_table},
          {"risks", {"廉政风险点"}, K::MapList, "廉政风险点", risk_table},
          {"baseline", {"基本编码"}, K::String, "对应的国家或省级基本目录 12 位基本编码"},
          {"handle_items", {"业务办理项"}, K::MapList, "业务办理项", handle_item_table},
          {"materials", {"申请材料"}, K::MapList, "申请材料", material_table},
          {"service", {"办事指南"}, K::Map, "办事指南", service_table},
          {"retired", {"取消"}, K::Map, "取消记录：保留在文件和编码锁中，不再输出", retired_table},
          {"basis_text",
           {"实施依据原文"},
           K::String,
           "实施依据原文：导入时未能完全解析的单元格原样保留，导出时写回"},
          {"seq", {"序号"}, K::String, "原清单中的序号（原样保留）"},
          {"level", {"实施层级"}, K::String, "实施层级，如 地州市级、县市区级"},
          {"authority", {"权限", "实施权限"}, K::String, "本层级的实施权限"},
          {"dept_duty", {"部门职责"}, K::String, "部门职责"},
          {"duty_basis", {"责任事项依据"}, K::String, "责任事项依据"},
          {"accountable", {"追责对象范围", "追责对象"}, K::String, "追责对象范围"},
          {"note", {"备注"}, K::String, "备注"},
          {"extra", {"其他"}, K::StringMap, "原清单中的其他列（列名 → 内容），导出时原样写回"},
          {"source", {"来源"}, K::Map, "导入来源：工作簿、工作表、行号", source_table},
          {"revised", {"修订日期"}, K::Date, "本事项最近一次修订的日期"},
          {"commitment", {"服务承诺"}, K::String, "服务承诺"},
          {"discipline", {"工作纪律"}, K::String, "工作纪律"},
          {"cooperation",
           {"协助配合"},
           K::MapList,
           "协助、配合其他部门执法的职责",
           cooperation_table},
          {"entrusted_by", {"委托机关"}, K::String, "委托机关（受委托组织实施的事项）"},
          {"discretion", {"裁量基准"}, K::MapList, "行政处罚裁量基准", discretion_table},
      }};
  return &t;
}

}  // namespace powerlist

// The starter catalog written by `powerlist init`: one department, two powers, valid.
#include "powerlist/gen.hpp"

namespace powerlist {

FileSet init_catalog_files() {
  FileSet f;
  f["powerlist.yaml"] = R"(# 行政职权目录项目文件（powerlist 格式 v1）
title: 新建县行政职权目录
region:
  code: "360827"
  name: 江西省吉安市遂川县
level: 县级
effective: 2026-01-01
publisher: 新建县人民政府
departments:
  - departments/*.yaml
settings:
  promised_ratio: "2/3"     # 承诺时限要比法定时限缩短三分之一以上
)";
  f["departments/yjglj.yaml"] = R"(# 部门职权文件：一个实施主体及其权力事项
department:
  id: yjglj
  name: 新建县应急管理局
  credit_code: 11360827MB12345673
  nature: 法定机关
  units: [行政审批股, 执法大队, 办公室]
  contacts:
    consult: 0796-6300101
    supervise: 0796-6300102
    complaint:
      phone: "12345"
      address: 新建县政务服务中心一楼
    supervision:
      internal: 局机关纪委
      external: [县纪委监委派驻纪检监察组, 县司法局]

powers:
  - key: yhbzjyxk
    name: 烟花爆竹经营（零售）许可
    category: 行政许可
    basis:
      - law: 烟花爆竹安全管理条例
        articles: ["19"]
    initiation: 依申请
    conditions: 符合烟花爆竹安全管理条例第十八条规定的条件
    handled_by: 行政审批股
    limits:
      statutory: 20工作日
      promised: 10工作日
    fees: 无
    disclosure: {forms: [政府网站, 办事指南], scope: 社会公开, timing: 长期公开}
    rights: [知情, 陈述, 申辩, 要求说明理由, 复议, 诉讼]
    procedure:                       # 流程模板见 templates/procedures；各环节时限之和不超过承诺时限
      template: 行政许可一般程序
      limits: {受理: 1工作日, 审查: 6工作日, 决定: 1工作日, 送达: 2工作日}

  - key: yhbzwfjycf
    name: 对未经许可经营烟花爆竹制品的处罚
    category: 行政处罚
    basis:
      - law: 烟花爆竹安全管理条例
        articles: ["36"]
    initiation: 依职权
    handled_by: 执法大队
    limits:
      statutory: 90日
    penalties:
      - 没收非法财物
      - 没收违法所得
      - {kind: 罚款, max: 5000}
    disclosure: {forms: [政府网站], scope: 社会公开, timing: 长期公开}
    rights: [知情, 陈述, 申辩, 听证, 申请回避, 复议, 诉讼, 赔偿]
    procedure: {template: 行政处罚含听证}
)";
  return f;
}

}  // namespace powerlist

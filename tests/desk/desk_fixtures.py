"""A small department workbook for the desk tests: three items whose citations name
superseded versions, as xlsx bytes (python3-xlsxwriter)."""
import io

import xlsxwriter

HEAD = ["序号", "事项名称", "权力类型", "实施依据", "行使主体", "承办机构"]
DEPT = "示范市农业农村局"
ROWS = [
    ["农药经营许可", "行政许可", "《农药管理条例》（1997年5月8日国务院令第216号发布）第二十条"],
    ["种子生产经营许可", "行政许可", "《中华人民共和国种子法》（2015年11月4日修订）第三十一条"],
    ["对违反动物防疫规定的处罚", "行政处罚", "《中华人民共和国动物防疫法》（2007年8月30日修订）第七十八条"],
]


def workbook(rows, extra_cell=None, dept=DEPT):
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True})
    ws = wb.add_worksheet("行政职权")
    ws.write_row(0, 0, HEAD)
    for i, (name, kind, basis) in enumerate(rows, start=1):
        ws.write_row(i, 0, [i, name, kind, basis, dept, "行政审批科"])
    if extra_cell:
        ws.write(len(rows) + 1, 0, extra_cell)
    wb.close()
    return out.getvalue()

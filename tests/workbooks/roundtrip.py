#!/usr/bin/env python3
"""Round trip: every non-empty cell imported from a workbook appears, whitespace aside, in the
exported review workbook, in the row of its item and the column of its field.

usage: roundtrip.py SOURCE_WORKBOOK EXPORTED.xlsx   (exit 1 with the differing cells)
"""
import os
import re
import sys
import unicodedata

import openpyxl
import xlrd

FIELDS = {  # source heading prefix → exported column (other headings: an exported column of that name)
    "序号": "序号", "事项名称": "事项名称", "项目": "事项名称", "子项名称": "子项名称",
    "权力类型": "权力类型", "职权类型": "权力类型", "实施依据": "实施依据", "行使主体": "行使主体",
    "责任主体": "行使主体", "承办机构": "承办机构", "实施层级": "实施层级", "部门职责": "部门职责",
    "责任事项内容": "责任事项内容", "责任事项的依据": "责任事项依据", "责任事项依据": "责任事项依据",
    "责任事项": "责任事项内容", "追责对象范围": "追责对象范围", "追责情形": "追责情形", "备注": "备注",
    "实施对象": "实施对象", "申请条件": "申请条件", "申请材料": "申请材料", "法定期限": "法定期限",
    "承诺期限": "承诺期限", "收费": "收费依据和标准", "公开类型": "公开类型",
}
EMPTY = {"", "/", "／", "-", "—", "无"}


def norm(s):
    s = unicodedata.normalize("NFKC", str(s))
    s = re.sub(r"\s+", "", s)
    s = s.replace("、", ",").replace("；", ";").replace("“", '"').replace("”", '"')
    s = re.sub(r"第\(([一二三四五六七八九十0-9]+)\)项", r"第\1项", s)
    if s.endswith(".0") and s[:-2].isdigit():
        s = s[:-2]
    return "" if s in EMPTY else s


def read_source(path):
    """sheet name → rows of cell text (xlrd reads .xls and .xlsx, and .xls saved as .xlsx)."""
    if path.endswith(".csv"):
        import csv
        data = open(path, "rb").read()
        for enc in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        return {"Sheet1": list(csv.reader(text.splitlines(keepends=True) and __import__("io").StringIO(text)))}
    book = xlrd.open_workbook(path)
    out = {}
    for sh in book.sheets():
        out[sh.name] = [[sh.cell_value(r, c) for c in range(sh.ncols)] for r in range(sh.nrows)]
    return out


def main(src, exported):
    sheets = read_source(src)
    ws = openpyxl.load_workbook(exported)["审核意见"]
    header = [c.value for c in ws[2]]
    col = {h: i for i, h in enumerate(header)}
    loc = col["原表位置"]
    by_place = {}
    for row in ws.iter_rows(min_row=3, values_only=True):
        place = row[loc] or ""
        m = re.match(r"(.*):(.*)!(\d+)$", place)
        if m and os.path.basename(m.group(1)) == os.path.basename(src):
            by_place[(m.group(2), int(m.group(3)))] = row
    checked = bad = 0
    for name, rows in sheets.items():
        # The header row: the one naming 事项名称.
        hdr = next((i for i, r in enumerate(rows[:30])
                    if any(norm(v).startswith(("事项名称", "项目")) for v in r)), None)
        if hdr is None:
            continue
        heads = [norm(v) for v in rows[hdr]]
        for r in range(hdr + 1, len(rows)):
            out = by_place.get((name, r + 1))
            if out is None:
                continue  # merged into another row or reported (import says which)
            for c, h in enumerate(heads):
                field = next((FIELDS[k] for k in sorted(FIELDS, key=len, reverse=True) if h.startswith(k)), None)
                if field is None or field not in col:
                    field = next((x for x in col if x and norm(x) == h), None)
                if field is None:
                    continue
                if h.startswith("责任主体") and "行使主体" in heads:
                    continue
                want = norm(rows[r][c])
                if not want:
                    continue
                got = norm(out[col[field]] or "")
                checked += 1
                if want != got:
                    bad += 1
                    print(f"{name}!{openpyxl.utils.get_column_letter(c + 1)}{r + 1} ({field}):\n  source:   {want[:160]}\n  exported: {got[:160]}")
    print(f"round trip: {checked} cells compared, {bad} differ")
    return 1 if bad or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))

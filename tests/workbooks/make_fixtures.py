#!/usr/bin/env python3
"""Writes the workbook fixtures of the import tests into a folder.

The fixtures are made here, by the project's own tooling, from Debian's python3-xlwt (BIFF8
.xls, as WPS and old Excel save them) and python3-xlsxwriter (.xlsx); nothing of a real
department's workbook is copied. Each fixture shows one thing real catalogs do.

usage: make_fixtures.py OUT_DIR
"""
import os
import sys
import zipfile

import xlsxwriter
import xlwt

HEAD = ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体", "承办机构",
        "实施层级及权限", "", "部门职责", "责任事项内容", "责任事项依据", "追责对象范围", "追责情形", "备注"]

FIRE = ("【法律】《中华人民共和国消防法》（1998年4月29日第九届全国人民代表大会常务委员会第二次会议通过"
        "　2021年4月29日第十三届全国人民代表大会常务委员会第二十八次会议《关于修改〈中华人民共和国道路交通安全法〉"
        "等八部法律的决定》第三次修正）\n"
        "第十五条：公众聚集场所投入使用、营业前消防安全检查实行告知承诺管理。\n"
        "第五十八条第一款第（四）项：公众聚集场所未经消防救援机构许可，擅自投入使用、营业的，或者经核查发现场所"
        "使用、营业情况与承诺内容不符的；")
TWO = ("【法律】《中华人民共和国行政许可法》（2003年8月27日第十届全国人民代表大会常务委员会第四次会议通过　根据"
       "2019年4月23日第十三届全国人民代表大会常务委员会第十次会议《关于修改〈中华人民共和国建筑法〉等八部法律的决定》修正）\n"
       "    第十二条、第十四条：下列事项可以设定行政许可……\n"
       "【规章】《农药经营许可管理办法》（2017年6月21日农业部令2017年第5号公布，2018年12月6日农业农村部令2018年第2号修订）\n"
       "    第三条：在中华人民共和国境内销售农药的，应当取得农药经营许可证。")
SEED = ("【法律】《中华人民共和国种子法》（2000年7月8日主席令第三十四号，2015年11月4日予以修改）\n"
        "    第三十一条：从事种子进出口业务的种子生产经营许可证，由国务院农业、林业主管部门核发。")
DUTY = "直接实施责任：\n1.规范完善审批标准、程序等具体规定。\n2.依法依规实施行政许可。"
ACCT = "因不履行或不正确履行行政职责，有下列情形的，行政机关及相关工作人员应承担相应的责任：\n1.对符合法定条件的申请不予受理的；"


def row(seq, name, sub, cat, basis, unit="行政审批科", dept="示范市农业农村局", level="市级",
        scope="负责本级审批", note=""):
    return [seq, name, sub, cat, basis, dept, unit, level, scope, "负责本行政区域内的监督管理",
            DUTY, "【法律】《中华人民共和国行政许可法》第七十二条", "1.具体承办人；2.内设机构负责人", ACCT, note]


def xls(path, sheets):
    """sheets: [(name, [rows...][, merges (r1, c1, r2, c2)[, {col: width in characters}]])]
    — BIFF8 through xlwt; merges and widths as MERGEDCELLS and COLINFO records."""
    book = xlwt.Workbook(encoding="utf-8")
    for sheet in sheets:
        name, rows = sheet[0], sheet[1]
        merges = sheet[2] if len(sheet) > 2 else []
        widths = sheet[3] if len(sheet) > 3 else {}
        ws = book.add_sheet(name)
        covered = {(r, c) for (r1, c1, r2, c2) in merges
                   for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
        for r, values in enumerate(rows):
            for c, v in enumerate(values):
                if v != "" and (r, c) not in covered:
                    ws.write(r, c, v)
        for (r1, c1, r2, c2) in merges:
            ws.write_merge(r1, r2, c1, c2, rows[r1][c1])
        for c, w in widths.items():
            ws.col(c).width = int(w * 256)
    book.save(path)


def xlsx(path, sheets):
    """sheets: [(name, [rows...], [merges (r1, c1, r2, c2)])]"""
    book = xlsxwriter.Workbook(path, {"strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"created": __import__("datetime").datetime(2026, 1, 1)})
    for name, rows, merges in sheets:
        ws = book.add_worksheet(name)
        for r, values in enumerate(rows):
            for c, v in enumerate(values):
                if v != "":
                    ws.write_string(r, c, str(v)) if isinstance(v, str) else ws.write_number(r, c, v)
        for (r1, c1, r2, c2) in merges:
            ws.merge_range(r1, c1, r2, c2, rows[r1][c1] if rows[r1][c1] != "" else "")
    book.close()


def main(out):
    os.makedirs(out, exist_ok=True)
    j = lambda n: os.path.join(out, n)
    # 1. Per-category sheets in BIFF8, header in the first row, 实施层级及权限 over two columns.
    xls(j("categories.xls"), [
        # As the real agriculture workbook: the 实施层级及权限 heading merged over its two
        # columns (H1:I1), and column widths of its own.
        ("行政许可（2项）", [HEAD,
                        row(1, "种子生产经营许可证核发", "", "行政许可", SEED),
                        row(2, "农药经营许可", "", "行政 许可", TWO)],
         [(0, 7, 0, 8)], {0: 7, 1: 24, 4: 48}),
        ("行政处罚（1项）", [HEAD,
                        row(1, "对公众聚集场所未经许可擅自投入使用的处罚", "", "", FIRE, unit="执法大队")]),
    ])
    # 2. The same BIFF8 bytes under an .xlsx name (detected by content).
    with open(j("categories.xls"), "rb") as f:
        data = f.read()
    with open(j("misnamed-ole.xlsx"), "wb") as f:
        f.write(data)
    # 3. Title rows, a two-row header with merged cells, a 主项 merged over its 子项 rows,
    #    names broken by newlines every few characters.
    title = ["2025年示范市人民防空办公室权责清单"] + [""] * 14
    head2 = list(HEAD)
    head2[7] = "实施层级及\n权限"
    sub_head = [""] * 7 + ["层级", "权限"] + [""] * 6
    rows = [title, [""] * 15, head2, sub_head,
            row(1, "应建防空地下室的民用建筑项目报建审批", "1.新建民用建筑防空地下室同步建设审批", "行政许可",
                "【法律】《中华人民共和国人民防空法》（1996年10月29日通过，2009年8月27日修正）\n第二十二条：城市新建民用建筑，按照国家有关规定修建战时可用于防空的地下室。",
                dept="示范市人民防空办公室", unit="工程建设管理科"),
            [""] * 15,
            ["", "", "2.新建民用建筑防空地下室易地建设审批", "行政许可",
             "【法律】《中华人民共和国人民防空法》\n第二十二条：城市新建民用建筑，按照国家有关规定修建战时可用于防空的地下室。",
             "示范市人民防空办公室", "工程建设管理科", "市级", "负责易地建设审批", "", DUTY, "", "", ACCT, ""],
            [""] * 15,
            row(2, "对拆除人民\n防空工程后\n拒不补建的\n处罚", "无", "行政\n处罚",
                "【法律】《中华人民共和国人民防空法》\n第四十九条：有下列行为之一的，由县级以上人民政府人民防空主管部门对当事人给予警告，并责令限期改正违法行为，可以对个人并处五千元以下的罚款、对单位并处一万元至五万元的罚款。",
                dept="示范市人民防空办公室", unit="工程建设\n管理科")]
    merges = [(0, 0, 0, 14), (2, 0, 3, 0), (2, 1, 3, 1), (2, 2, 3, 2), (2, 3, 3, 3), (2, 4, 3, 4),
              (2, 7, 2, 8), (4, 0, 7, 0), (4, 1, 7, 1), (4, 2, 5, 2), (4, 3, 5, 3), (4, 4, 5, 4),
              (6, 2, 7, 2), (6, 3, 7, 3), (6, 4, 7, 4)]
    xlsx(j("merged-headers.xlsx"), [("行政许可", rows, merges)])
    # 4. Hostile cells: markup, a formula as text, a 32,767-character cell; an unparsable basis.
    long_text = ("第一条：" + "长" * 32763)[:32767]
    hostile = [HEAD,
               row(1, "<script>alert(1)</script>事项", "", "行政检查",
                   "【法律】《中华人民共和国统计法》\n第三十三条：" + "<b>x</b>&\"'"),
               row(2, "=HYPERLINK(\"http://example.invalid\",\"点我\")", "", "行政检查",
                   "依据国家有关规定和上级文件精神办理"),
               row(3, "超长单元格事项", "", "行政检查", "【法律】《中华人民共和国统计法》\n" + long_text)]
    xlsx(j("hostile.xlsx"), [("Sheet1", hostile, [])])
    # 5. CSV in GB18030 with a note row typed into 序号 and a continuation row.
    lines = [",".join(HEAD),
             ",".join(['1', '价格监督检查', '', '行政检查', '"【法律】《中华人民共和国价格法》\n第三十四条：政府价格主管部门进行价格监督检查时，可以行使下列职权"',
                       '示范市发展和改革委员会', '价格监督检查科', '市级', '负责本级检查', '', '', '', '', '', '']),
             ",".join(['注：以上事项随机构改革动态调整', '', '', '', '', '', '', '', '', '', '', '', '', '', ''])]
    with open(j("gb18030.csv"), "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("gb18030"))
    # 6. CSV in UTF-8 with BOM, two instruments and several articles in one cell.
    with open(j("utf8-bom.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + (",".join(HEAD) + "\n" + ",".join(
            ['1', '公众聚集场所投入使用、营业前消防安全检查', '', '行政许可', '"' + FIRE + '\n' + TWO + '"',
             '示范市消防救援支队', '防火监督科', '市级', '', '', '', '', '', '', '']) + "\n").encode("utf-8"))


def bad(out):
    """Malformed workbooks: each must give a clear message and exit 2, never a crash."""
    os.makedirs(out, exist_ok=True)
    j = lambda n: os.path.join(out, n)
    open(j("zero.xlsx"), "wb").close()
    main(os.path.join(out, "src"))
    for name in ("categories.xls", "merged-headers.xlsx"):
        data = open(os.path.join(out, "src", name), "rb").read()
        with open(j("truncated-" + name), "wb") as f:
            f.write(data[: len(data) // 2])
    # An OLE file holding an EncryptedPackage stream name, as a password-protected .xlsx is.
    with open(j("encrypted.xlsx"), "wb") as f:
        f.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 2048)
    # A zip bomb posing as .xlsx: a sheet part that unpacks to 300 MB.
    with zipfile.ZipFile(j("zipbomb.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w") as part:
            part.write(b"<worksheet><sheetData>")
            chunk = b" " * (1 << 20)
            for _ in range(300):
                part.write(chunk)
            part.write(b"</sheetData></worksheet>")
    # A sheet whose rows reach 1,048,576 (the xlsx maximum).
    with zipfile.ZipFile(j("million-rows.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w") as part:
            part.write(b"<worksheet><sheetData>")
            for r in range(1, 1048577, 1):
                part.write(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (r, r))
            part.write(b"</sheetData></worksheet>")
    # Binary noise that is neither a workbook nor text.
    with open(j("noise.csv"), "wb") as f:
        f.write(bytes(range(256)) * 8)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--bad":
        bad(sys.argv[2])
    else:
        main(sys.argv[1])

#!/usr/bin/python3
"""Compare a department's workbook with powerlist's annotated copy (`export --annotate`),
through readers other than powerlist's own (xlrd for .xls, openpyxl for .xlsx):
every non-empty cell of the source has the same text at the same place in the copy, merged
ranges are kept (.xlsx sources), and the copy's extra columns are the two headed 审核意见 and
建议实施依据. Prints the counts and the cells with findings (filled and commented).

Usage: annotate_check.py SOURCE ANNOTATED   exit 1 on any difference."""
import sys

import openpyxl


def norm(v):
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).replace("\r\n", "\n").strip()


def source_sheets(path):
    with open(path, "rb") as f:
        ole = f.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # told by content, as powerlist does
    if ole:
        import xlrd
        book = xlrd.open_workbook(path, formatting_info=True)
        out = []
        for sh in book.sheets():
            cells = {}
            for r in range(sh.nrows):
                for c in range(sh.ncols):
                    t = norm(sh.cell_value(r, c))
                    if t:
                        cells[(r, c)] = t
            # xlrd's merges are (rlo, rhi, clo, chi), half-open; as openpyxl writes them.
            merges = set()
            for rlo, rhi, clo, chi in sh.merged_cells:
                a = openpyxl.utils.get_column_letter(clo + 1) + str(rlo + 1)
                b = openpyxl.utils.get_column_letter(chi) + str(rhi)
                merges.add(a if a == b else a + ":" + b)
            widths = {c: info.width / 256 for c, info in sh.colinfo_map.items()}
            out.append((sh.name, cells, merges, widths))
        return out
    book = openpyxl.load_workbook(path)
    out = []
    for ws in book.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for cell in row:
                t = norm(cell.value)
                if t:
                    cells[(cell.row - 1, cell.column - 1)] = t
        out.append((ws.title, cells, {str(m) for m in ws.merged_cells.ranges}, {}))
    return out


def main():
    src, ann = sys.argv[1], sys.argv[2]
    book = openpyxl.load_workbook(ann)
    bad = 0
    total = filled = commented = 0
    for name, cells, merges, widths in source_sheets(src):
        ws = book.worksheets[[n for n, *_ in source_sheets(src)].index(name)]
        # Column widths as the source sets them (an .xls: COLINFO), give or take the padding
        # a width is stored with.
        data_width = max([c for _, c in cells] + [-1]) + 1
        for c, w in widths.items():
            if c >= data_width:
                continue  # beyond the data: the copy's own 审核意见 and 建议 columns go there
            got = ws.column_dimensions[openpyxl.utils.get_column_letter(c + 1)].width
            if got is None or abs(got - w) > 1.0:
                bad += 1
                print(f"WIDTH {name} column {c + 1}: {w:.2f} -> {got}")
        width = max([c for _, c in cells] + [-1]) + 1
        for (r, c), t in cells.items():
            got = norm(ws.cell(row=r + 1, column=c + 1).value)
            total += 1
            # Excel holds at most 32,767 characters a cell: a longer one is cut there, marked.
            if len(t) > 32767 and got.endswith("…") and t.startswith(got[:-1]):
                continue
            if got != t:
                bad += 1
                if bad <= 10:
                    print(f"DIFF {name}!{openpyxl.utils.get_column_letter(c + 1)}{r + 1}: {t[:40]!r} -> {got[:40]!r}")
        if merges is not None:
            kept = {str(m) for m in ws.merged_cells.ranges}
            lost = merges - kept
            if lost:
                bad += 1
                print(f"MERGES lost on {name}: {sorted(lost)[:5]}")
        for row in ws.iter_rows():
            for cell in row:
                if cell.comment is not None:
                    commented += 1
                if cell.fill is not None and cell.fill.fgColor is not None and cell.fill.fgColor.rgb not in (None, "00000000") and cell.column <= width:
                    filled += 1
        heads = {norm(ws.cell(row=r, column=width + 1).value) for r in range(1, min(ws.max_row, 30) + 1)}
        if cells and "审核意见" not in heads and "review" not in heads:
            print(f"NOTE {name}: no 审核意见 heading in column {width + 1} (no header row found)")
    print(f"cells {total}, different {bad}, commented {commented}, filled {filled}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

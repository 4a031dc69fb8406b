#!/usr/bin/env python3
"""Derives the items a 国务院 decision lists in its annex (目录), where the text gives them:
《国务院对确需保留的行政审批项目设定行政许可的决定》 (国务院令第412号) keeps and sets 500 licences,
each with its 序号, 项目名称 and 实施机关.

Input: the flk 2025-11-22 dump (unpacked: --flk DIR). The annex is a run of markdown tables;
only the first has the header row, later ones start with a data row, so every row whose
first cell is a number is taken (cells never hold "|"). Several organs in one cell are
separated by spaces in the dump (one organ may itself hold "、"): joined with "；".
Output: catalogs/laws/annex/<name>.tsv (序号, 项目名称, 实施机关), read by `powerlist law show
NAME 第N项`. The numbers must run 1…N without a gap, or nothing is written.

The dump holds the 2004 list with the rows the 2009 and 2016 revisions edited; items later
cancelled by 国发 decisions are still listed (the annex is the decision's text, not the
current list of licences).

Run: python3 scripts/derive_annex.py --flk /tmp/flk/flk-2025-11-22
"""
import argparse
import os
import re
import sys

DECISIONS = ["国务院对确需保留的行政审批项目设定行政许可的决定"]
ROW = re.compile(r"^\|\s*(\d+)\s*\|(.*)\|\s*$")


def extract(text):
    items = []
    for line in text.splitlines():
        m = ROW.match(line.strip())
        if not m:
            continue
        cells = [c.strip() for c in m.group(2).split("|")]
        if len(cells) != 2 or not all(cells):
            return None
        items.append((int(m.group(1)), cells[0], "；".join(cells[1].split())))
    if [n for n, _, _ in items] != list(range(1, len(items) + 1)):
        return None
    return items


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--flk", required=True)
    ap.add_argument("--out", default="catalogs/laws/annex")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name in DECISIONS:
        path = os.path.join(args.flk, "行政法规", "行政法规", name + ".md")
        items = extract(open(path, encoding="utf-8").read())
        if not items:
            sys.exit("%s: the annex's numbers do not run without a gap; nothing written" % name)
        with open(os.path.join(args.out, name + ".tsv"), "w", encoding="utf-8") as f:
            f.write("序号\t项目名称\t实施机关\n")
            for n, item, organ in items:
                f.write("%d\t%s\t%s\n" % (n, item, organ))
        print("%s: %d items" % (name, len(items)), file=sys.stderr)


if __name__ == "__main__":
    main()

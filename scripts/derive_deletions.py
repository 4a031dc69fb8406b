#!/usr/bin/env python3
"""Derives the articles that national amending decisions deleted ("删去第六十条。"), so that a
citation of the deleted article is told it was deleted and by which decision, and no "closest
article" is proposed in its place.

Input: the national law database dump (flk-2025-11-22, unpacked: --flk DIR), its 全国人大(常委会)
and 国务院 "关于修改…的决定" files; the project's registry (catalogs/laws/*.yaml) for the levels
and version dates.
Output: catalogs/laws/deletions.yaml — per instrument, `deleted: [{version, article[, paragraph],
by}]`: `version` is the version the decision made (the registry's version of that date), the
article number is the numbering before it.

Taken: a whole article ("删去第六十条。", "删去第二十条、第二十一条。") or a whole 款 ("删去第五十五条第三款。")
— not words inside one ("删去第二十九条中的…"). A decision whose date is no version of the
instrument in the registry is listed as skipped (--report), never guessed.

Run: python3 scripts/derive_deletions.py --flk /tmp/flk/flk-2025-11-22 [--report FILE]
The output depends only on the inputs (sorted, no timestamps).
"""
import argparse
import os
import re
import sys

from registry_index import load_registry, norm

LAWS = "catalogs/laws"
OUT = os.path.join(LAWS, "deletions.yaml")
DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
NUM = "[零一二三四五六七八九十百千两]+"


def cn(s):
    """Chinese numeral (up to 千) → int."""
    total, cur = 0, 0
    for c in s.replace("两", "二"):
        if c in DIGITS:
            cur = DIGITS[c]
        else:
            unit = {"十": 10, "百": 100, "千": 1000}[c]
            total += (cur or 1) * unit
            cur = 0
    return total + cur


def decision_date(text):
    m = re.search(r"^- (\d{4})年(\d{1,2})月(\d{1,2})日", text, re.M)
    return "%s-%02d-%02d" % (m.group(1), int(m.group(2)), int(m.group(3))) if m else None


def deletions(text, title):
    """(law title, article, paragraph) for every whole article or 款 the decision deletes."""
    single = re.match(r"^(?:全国人民代表大会(?:常务委员会)?|国务院)关于修改《(.+?)》的决定$", title)
    target = single.group(1) if single else None
    for line in text.split("\n"):
        line = line.strip()
        m = re.search(r"对《(.+?)》(?:作出修改|的修改|作如下修改)", line) or \
            re.match(r"^[一二三四五六七八九十百]+、《(.+?)》$", line)
        if m and not single:
            target = m.group(1)
        m = re.match(r"^(?:[（(]?[一二三四五六七八九十百]+[）)、]\s*)?删去((?:第%s条(?:第%s款)?[、和])*第%s条(?:第%s款)?)。$"
                     % (NUM, NUM, NUM, NUM), line)
        if not m or not target:
            continue
        for art, para in re.findall(r"第(%s)条(?:第(%s)款)?" % (NUM, NUM), m.group(1)):
            yield target, cn(art), cn(para) if para else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--flk", required=True, help="the unpacked flk-2025-11-22 dump")
    ap.add_argument("--report", help="write what was skipped and why")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    entries, index = load_registry(LAWS, skip=(os.path.basename(OUT),))
    taken, skipped = {}, set()
    for folder in ("法律", "行政法规"):
        for root, _, files in os.walk(os.path.join(args.flk, folder)):
            for f in sorted(files):
                title = f[:-3]
                if not re.match(r"^(?:全国人民代表大会(?:常务委员会)?|国务院)关于修改", title):
                    continue
                text = open(os.path.join(root, f), encoding="utf-8").read()
                date = decision_date(text)
                for law, art, para in deletions(text, title):
                    name = index.get(norm(law))
                    if not name:
                        skipped.add((law, title, "not in the registry"))
                        continue
                    if not date or date not in entries[name]["versions"]:
                        skipped.add((law, title, "decision date %s is no version of it" % date))
                        continue
                    # Quoted inside 《…》 the inner title marks become 〈〉.
                    by = title.replace("《", "〈").replace("》", "〉")
                    taken.setdefault(name, set()).add((date, art, para, by))
    out = ["# Articles deleted by national amending decisions (“删去第六十条。”), numbered as before the",
           "# decision; `version` is the version the decision made. Derived by",
           "# scripts/derive_deletions.py from the flk 2025-11-22 dump; do not edit by hand."]
    for name in sorted(taken):
        out.append('- name: "%s"' % name)
        out.append("  level: %s" % entries[name]["level"])
        out.append("  deleted:")
        for date, art, para, title in sorted(taken[name]):
            extra = ", paragraph: %d" % para if para else ""
            out.append('    - {version: %s, article: %d%s, by: "%s"}' % (date, art, extra, title))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            for s in sorted(skipped):
                f.write("\t".join(s) + "\n")
    print("%d instruments, %d deletions taken; %d skipped" %
          (len(taken), sum(len(v) for v in taken.values()), len(skipped)), file=sys.stderr)


if __name__ == "__main__":
    main()

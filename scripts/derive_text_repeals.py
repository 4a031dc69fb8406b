#!/usr/bin/env python3
"""Derives repeals that the registry's own texts state: a later instrument's 附则 that says
"本条例自2022年3月1日起施行。《中华人民共和国公司登记管理条例》…同时废止。"

Input: the project's registry (catalogs/laws/*.yaml) and article texts (catalogs/laws/texts/).
Output: catalogs/laws/text-repeals.yaml — one entry per repealed instrument, merged by the
loader into the entry of that name: `repealed: {date, by}` with the clause as the source.

An instrument is taken when
  - the registry knows it (its level is the registry's), or
  - the clause itself fixes the level: "国务院发布/公布的《…》" (行政法规), "…部令/总局令…公布的《…》"
    (部门规章), or the name does: "中华人民共和国…法", "全国人民代表大会常务委员会关于…的决定" (法律);
and it is skipped when the registry already gives a repeal date, when it is the repealing
instrument itself (a rule replaced by a new rule of the same name), or when the registry holds
a version of it later than the repeal. Everything skipped is listed with the reason
(--report), so nothing is dropped silently.

Run: python3 scripts/derive_text_repeals.py [--report FILE] [--out FILE]
(tests/cli/text_repeals.sh checks that the committed file is what this script derives).
The output depends only on the inputs (sorted, no timestamps).
"""
import argparse
import os
import re
import sys

from registry_index import load_registry, norm

LAWS = "catalogs/laws"
OUT = os.path.join(LAWS, "text-repeals.yaml")
CN_NUM = {c: i for i, c in enumerate("零一二三四五六七八九")}


def date_of(text):
    """YYYY年M月D日 (Arabic or Chinese numerals) → YYYY-MM-DD, or None."""
    m = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text)
    if m:
        return "%s-%02d-%02d" % (m.group(1), int(m.group(2)), int(m.group(3)))
    m = re.search(r"([零〇一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日", text)
    if not m:
        return None

    def small(s):
        if s == "十":
            return 10
        if s.startswith("十"):
            return 10 + CN_NUM[s[1]]
        if s.endswith("十"):
            return CN_NUM[s[0]] * 10
        if "十" in s:
            return CN_NUM[s[0]] * 10 + CN_NUM[s[2]]
        return CN_NUM[s]

    year = "".join(str(CN_NUM.get(c, 0)) for c in m.group(1).replace("〇", "零"))
    return "%s-%02d-%02d" % (year, small(m.group(2)), small(m.group(3)))


def titles(sentence):
    """Top-level 《…》 titles of a sentence (a nested 《…》 stays inside its title)."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(sentence):
        if c == "《":
            if depth == 0:
                start = i
            depth += 1
        elif c == "》" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, sentence[start + 1:i]))
    return out


def level_from_clause(before, name):
    if re.search(r"国务院(?:\d{4}年\d{1,2}月\d{1,2}日)?(?:发布|公布|颁布)的$", before) or \
            re.search(r"国务院令第\d+号(?:发布|公布)的$", before):
        return "行政法规"
    if re.search(r"(?:部|总局|委员会|署|局)令(?:\d{4}年)?第\d+号(?:发布|公布)?的$", before):
        return "部门规章"
    # A national law's name, or a 全国人大常委会 decision, is a 法律 whoever repeals it.
    if re.match(r"中华人民共和国.+法(（试行）|\(试行\))?$", name):
        return "法律"
    if re.match(r"全国人民代表大会(常务委员会)?关于.+的决定$", name):
        return "法律"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--report", help="write what was skipped and why")
    ap.add_argument("--out", default=OUT, help="the file to write (default %(default)s)")
    args = ap.parse_args()
    entries, index = load_registry(LAWS, skip=(os.path.basename(OUT),))
    taken, skipped = {}, []
    texts_dir = os.path.join(LAWS, "texts")
    for repealer in sorted(os.listdir(texts_dir)):
        if repealer not in entries:
            continue
        files = sorted(os.listdir(os.path.join(texts_dir, repealer)))
        if not files:
            continue
        version = files[-1][:-4]
        lines = open(os.path.join(texts_dir, repealer, files[-1]), encoding="utf-8").read().split("\n")
        for line in lines:
            if "同时废止" not in line and "同时予以废止" not in line:
                continue
            art = re.match(r"(第[零一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?)", line)
            for sentence in re.split(r"(?<=[。；])", line):
                if "废止" not in sentence:
                    continue
                effective = None
                m = re.search(r"自(.{6,16}?)起施行", line)
                if m:
                    effective = date_of(m.group(1))
                if not effective:
                    effective = version if "公布之日" in line or "发布之日" in line else None
                prev_end = 0
                for pos, raw in titles(sentence):
                    name = re.sub(r"\s+", "", raw)
                    before = sentence[prev_end:pos]  # what the clause says of this title
                    prev_end = pos + len(raw) + 2
                    clause = sentence.strip()
                    where = "《%s》（%s）%s" % (repealer, version, art.group(1) if art else "")
                    why = None
                    known = index.get(norm(name))
                    level = entries[known]["level"] if known else level_from_clause(before, name)
                    if not effective:
                        why = "clause gives no effective date"
                    elif known == repealer or norm(name) == norm(repealer):
                        why = "the repealing instrument itself (a new rule of the same name)"
                    elif known and (entries[known]["repealed"] or {}).get("date"):
                        why = "registry already gives the repeal date"
                    elif known and any(v > effective for v in entries[known]["versions"]):
                        why = "registry holds a version after the repeal"
                    elif not level:
                        why = "not in the registry and the clause does not fix its level"
                    if why:
                        skipped.append((name, where, why))
                        continue
                    canonical = known or name
                    prev = taken.get(canonical)
                    if prev and prev["date"] <= effective:
                        continue
                    taken[canonical] = {"level": level, "date": effective, "by": repealer,
                                        "source": "%s：'%s'" % (where, clause), "new": not known}
    out = ["# Repeals the registry's own texts state (a later instrument's 附则: “…《X》同时废止”).",
           "# Derived by scripts/derive_text_repeals.py from catalogs/laws; do not edit by hand.",
           "# Merged by name into the registry's entries; an instrument the registry did not know",
           "# is listed with the level its clause gives (国务院发布的 → 行政法规, 部令 → 部门规章)."]
    for name in sorted(taken):
        t = taken[name]
        out.append('- name: "%s"' % name)
        out.append("  level: %s" % t["level"])
        out.append('  repealed: {date: %s, by: "%s"}' % (t["date"], t["by"]))
        out.append('  source: "%s"' % t["source"].replace('"', "'"))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            for s in sorted(set(skipped)):
                f.write("\t".join(s) + "\n")
    print("%d repeals taken (%d instruments new to the registry), %d mentions skipped" %
          (len(taken), sum(1 for t in taken.values() if t["new"]), len(skipped)), file=sys.stderr)


if __name__ == "__main__":
    main()

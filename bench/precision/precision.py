#!/usr/bin/env python3
"""The precision harness (issue 27): re-runs `powerlist check` on the four real workbooks and
holds the findings against the judged sample in judged.tsv.

judged.tsv: one finding per row — workbook, sheet, cell, rule, law (the instrument the finding is
about: fix.law, else the first 《…》 or “…” name in the message), verdict (TRUE / PARTLY / FALSE,
a legal reviewer's, with the law texts) and the reason. A finding is matched by (workbook,
sheet, cell, rule, law).

Prints, per rule: how many judged findings there are, how many judged TRUE/PARTLY are still
reported (kept) and how many judged FALSE are gone; and the findings of the current run that
nobody has judged yet (new rules, or findings a change brought), to be judged next.
Exit status 1 when a judged-TRUE finding is lost or a judged-FALSE one is back.

Run from the project root:
    python3 bench/precision/precision.py [--bin build/powerlist] [--data ../shared/data/realworld]
        [--unjudged FILE]   (writes the unjudged findings as TSV, for the reviewer)
The workbooks are not in the repository (../shared/data/realworld/README.md).
"""
import argparse
import collections
import csv
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def law_of(f):
    fix = f.get("fix") or {}
    if fix.get("law"):
        return fix["law"]
    msg = f.get("message", "")
    for m in re.finditer(r"《([^》]+)》", msg):
        if m.group(1) != "法规":
            return m.group(1)
    m = re.search(r"“([^”]+)”", msg)
    return m.group(1) if m and f["rule"] == "basis/unknown-law" else ""


def run(binary, path):
    out = subprocess.run([binary, "check", path, "--format", "json"], capture_output=True,
                         text=True)
    if out.returncode not in (0, 1):
        sys.exit("powerlist check %s failed (%d): %s" % (path, out.returncode, out.stderr[-500:]))
    return json.loads(out.stdout)["findings"]


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="build/powerlist")
    ap.add_argument("--data", default="../shared/data/realworld")
    ap.add_argument("--judged", default=os.path.join(HERE, "judged.tsv"))
    ap.add_argument("--unjudged", help="write the findings nobody judged yet (TSV)")
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        sys.exit("no workbooks at %s (they are kept out of the repository)" % args.data)

    judged = {}
    with open(args.judged, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            judged[(row["workbook"], row["sheet"], row["cell"], row["rule"], row["law"])] = row

    current = {}
    for name in sorted(os.listdir(args.data)):
        if not re.search(r"\.(xls|xlsx)$", name):
            continue
        for f in run(args.bin, os.path.join(args.data, name)):
            key = (name, f.get("sheet") or "", f.get("cell") or "", f["rule"], law_of(f))
            current.setdefault(key, f)

    table = collections.OrderedDict()
    for key, row in sorted(judged.items(), key=lambda kv: kv[0][3]):
        t = table.setdefault(key[3], collections.Counter())
        t["judged"] += 1
        t[row["verdict"]] += 1
        present = key in current
        if row["verdict"] in ("TRUE", "PARTLY") and present:
            t["kept_" + row["verdict"]] += 1
        if row["verdict"] == "FALSE" and not present:
            t["false_gone"] += 1
    unjudged = collections.Counter(k[3] for k in current if k not in judged)

    print("| rule | judged | TRUE | PARTLY | FALSE | TRUE kept | PARTLY kept | FALSE gone | "
          "unjudged now |")
    print("|---|---|---|---|---|---|---|---|---|")
    bad = False
    rules = sorted(set(table) | set(unjudged))
    total = collections.Counter()
    for r in rules:
        t = table.get(r, collections.Counter())
        for k in ("judged", "TRUE", "PARTLY", "FALSE", "kept_TRUE", "kept_PARTLY", "false_gone"):
            total[k] += t[k]
        total["unjudged"] += unjudged[r]
        print("| %s | %d | %d | %d | %d | %d | %d | %d | %d |" % (
            r, t["judged"], t["TRUE"], t["PARTLY"], t["FALSE"], t["kept_TRUE"], t["kept_PARTLY"],
            t["false_gone"], unjudged[r]))
        bad = bad or t["kept_TRUE"] < t["TRUE"] or t["false_gone"] < t["FALSE"]
    print("| **total** | %d | %d | %d | %d | %d | %d | %d | %d |" % (
        total["judged"], total["TRUE"], total["PARTLY"], total["FALSE"], total["kept_TRUE"],
        total["kept_PARTLY"], total["false_gone"], total["unjudged"]))
    for key, row in sorted(judged.items()):
        if row["verdict"] == "TRUE" and key not in current:
            print("lost (judged TRUE): %s" % " ".join(key))
        if row["verdict"] == "FALSE" and key in current:
            print("still reported (judged FALSE): %s" % " ".join(key))
    if args.unjudged:
        with open(args.unjudged, "w", encoding="utf-8") as f:
            f.write("workbook\tsheet\tcell\trule\tlaw\tmessage\n")
            for key in sorted(k for k in current if k not in judged):
                msg = current[key]["message"].replace("\t", " ").replace("\n", " ")
                f.write("\t".join(key) + "\t" + msg + "\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

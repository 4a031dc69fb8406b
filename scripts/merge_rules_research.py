#!/usr/bin/env python3
"""Appends researched registry entries to a shipped registry file: ministry rules (部门规章) to
catalogs/laws/rules.yaml, local government rules (地方政府规章, with their region) to
catalogs/laws/researched.yaml.

Research files are lists of registry entries, each with a `source` quoting what was read
(docs/laws.md: every entry has a source). This script normalises them to the registry's style,
applies the corrections a second reader made on a sample (CORRECTIONS, each with its source),
drops placeholders, and appends the entries under a dated heading. An entry whose name is
already in a shipped registry file is still appended: the registry merges versions of the same
name and reports a conflicting one (`powerlist law check` and the registry tests run after).

usage: merge_rules_research.py HEADING RESEARCH.yaml... >> catalogs/laws/rules.yaml (or researched.yaml)
"""
import datetime
import sys

import yaml

# name → function(entry) applying the second reader's correction (verify-report.md of 2026-12-06).
def _add_version(v):
    def f(e):
        e.setdefault("versions", []).insert(0, v)
        e["source"] += " | Second reader: " + v.pop("_why")
    return f


def _set_order(order):
    def f(e):
        e["versions"][-1].setdefault("order", order)
        e["source"] += f" | Second reader: order {order} from the file's head."
    return f


def _drop_versions(e):
    e.pop("versions", None)
    e["source"] += (" | Second reader: only the 2025 catalogue's date was sourced, so versions are "
                    "left out (level only), lest an earlier citation be judged not yet in force.")


CORRECTIONS = {
    "广播电视节目制作经营管理规定": _add_version({
        "date": "2004-07-19", "effective": "2004-08-20", "kind": "制定", "order": "国家广播电影电视总局令第34号",
        "_why": "2004 rule, pages corpus ('【發布日期】2004-07-19 【生效日期】2004-08-20 … 自2004年8月20日起施行')."}),
    "国家危险废物名录": _add_version({
        "date": "2020-11-25", "effective": "2021-01-01", "kind": "修订",
        "_why": "2021 edition, pages corpus scxsls.com/knowledge/detail?id=153999 ('自2021年1月1日起施行 … 2020年11月25日')."}),
    "划拨用地目录": _drop_versions,
    "定量包装商品计量监督管理办法": _set_order("国家市场监督管理总局令第70号"),
    "电子档案管理办法": _set_order("国家档案局令第22号"),
}

KEYS = ["name", "aliases", "level", "issuer", "region", "versions", "repealed", "source"]
VKEYS = ["date", "meeting", "effective", "kind", "order", "articles"]


def scalar(v):
    if isinstance(v, (datetime.date,)):
        return v.isoformat()
    if v is None:
        return "null"
    if isinstance(v, int):
        return str(v)
    s = str(v)
    if all(c.isdigit() or c == "-" for c in s) and len(s) == 10:
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(d, keys):
    return "{" + ", ".join(f"{k}: {scalar(d[k])}" for k in keys if k in d and d[k] is not None
                           or (k == "date" and k in d)) + "}"


def emit(e):
    out = [f"- name: {e['name']}"]
    if e.get("aliases"):
        out.append("  aliases: [" + ", ".join(scalar(a) for a in e["aliases"]) + "]")
    out.append(f"  level: {e['level']}")
    out.append(f"  issuer: {scalar(e['issuer'])}")
    if e.get("region"):  # local government rules (地方政府规章): the region that made them
        out.append(f"  region: {scalar(e['region'])}")
    if e.get("versions"):
        out.append("  versions:")
        for v in e["versions"]:
            out.append("    - " + flow(v, VKEYS))
    if e.get("repealed"):
        r = dict(e["repealed"])
        by = r.get("by")
        if by is None or str(by).startswith("（"):  # a placeholder, not a successor's name
            r.pop("by", None)
        out.append("  repealed: " + flow(r, ["date", "by"]))
    out.append(f"  source: {scalar(e['source'])}")
    return "\n".join(out)


def main(heading, paths):
    seen = set()
    print(f"# {heading}")
    for p in paths:
        for e in yaml.safe_load(open(p, encoding="utf-8")):
            if e["name"] in seen:
                continue  # the first file's entry wins; the others were read from the same source
            seen.add(e["name"])
            if e["name"] in CORRECTIONS:
                CORRECTIONS[e["name"]](e)
            unknown = set(e) - set(KEYS)
            if unknown:
                sys.exit(f"{p}: {e['name']}: unknown keys {sorted(unknown)}")
            print(emit(e))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])

#!/usr/bin/env python3
"""Derives powerlist's national law registry and article texts from the LawRefBook/Laws texts.

Inputs (never committed to the project):
  --texts  the LawRefBook/Laws archive of ../shared/data/law-texts (state 2025-04-19)
  --mirror optionally, a git mirror of github.com/LawRefBook/Laws: its history holds the texts
           of versions that the archive no longer has (a law revised after 2022 kept its old
           text under the old file name), and db.sqlite3 lists validity and effective dates
Outputs (committed; checked in ctest by `powerlist law check`):
  catalogs/laws/national.yaml   every national instrument: level, every version once (公布
                                date, effective date, kind, the meeting date as an alias),
                                repeal, article counts confirmed by the text
  catalogs/laws/texts/<name>/<YYYY-MM-DD>.txt   the articles of each version we have a text of
  --province NAME --registry FILE   instead: one province's 地方性法规 (and 地方政府规章) from the
                                archive's DLC/<NAME>地方法规 folder, as a registry file for a
                                catalog's `laws:`, with texts/ next to it
  --local DIR --registry FILE   the same from any folder of texts in the LawRefBook format
                                (`# 名称`, the dated history lines, `<!-- INFO END -->`, the
                                articles; file names `名称(YYYY-MM-DD).md`), e.g. a province's
                                own collection

Run: python3 scripts/derive_laws.py --texts ../shared/data/law-texts/LawRefBook-Laws-2025-04-19.tar.xz \
         --mirror /work/.mirror/LawRefBook+Laws/repo --out catalogs/laws
The output depends only on the inputs (sorted, no timestamps).
"""
import argparse
import io
import os
import re
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict

SNAPSHOT = "2025-04-19"
# Instruments of the flk dump that LawRefBook lacks and that are in force (checked by hand
# against the 国务院 list of 现行有效行政法规): taken although older than SNAPSHOT.
FLK_IN_FORCE = {"国务院对确需保留的行政审批项目设定行政许可的决定"}
CN = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
NATIONAL_DIRS = ("宪法", "宪法相关法", "民法典", "民法商法", "行政法", "经济法", "社会法", "刑法",
                 "诉讼与非诉讼程序法", "其他", "行政法规", "部门规章")


def cn_int(s):
    """Chinese or Arabic numeral → int (up to 9999); None when not a numeral."""
    if s.isdigit():
        return int(s)
    total, digit = 0, None
    for ch in s:
        if ch in CN:
            digit = CN[ch]
        elif ch in "十百千":
            total += (1 if digit is None else digit) * {"十": 10, "百": 100, "千": 1000}[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
ARTICLE = re.compile(r"^第([零〇一二三四五六七八九十百千两0-9]+)条(?:之([一二三四五六七八九十]+))?[\s\u3000]+(.*)$")
HEADING = re.compile(r"^#{2,}\s*(.*)$")
ITEM = re.compile(r"^[（(]([零〇一二三四五六七八九十0-9]+)[）)]")


def iso(m):
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def days(d):
    y, m, dd = map(int, d.split("-"))
    import datetime
    return datetime.date(y, m, dd).toordinal()


def parse_markdown(text):
    """→ (name, history [(date, description)], body lines)."""
    lines = text.replace("\r", "").split("\n")
    name = ""
    history, body = [], []
    in_info = True
    for line in lines:
        s = line.strip().replace("\u3000", " ").strip()
        if not name and s.startswith("# "):
            name = s[2:].strip()
            continue
        if in_info:
            if s.startswith("<!-- INFO END"):
                in_info = False
                continue
            m = DATE.search(s)
            if m and m.start() < 3:
                history.append((iso(m), s[m.end():].strip()))
            continue
        body.append(line.rstrip())
    if in_info:  # no INFO END marker: the whole file was header
        body = []
    return name, history, body


def versions_from_history(history, file_date, file_effective, approval_publishes=False):
    """One version per revision: a meeting date (…会议通过/修订通过) followed by its
    promulgation (…令第N号公布) is one version dated by the promulgation, with the meeting
    date kept as an alias; 施行 lines give the effective date of the version before them."""
    versions = []
    for date, desc in history:
        if any(k in desc for k in ("施行", "起行", "生效")) and not any(
                k in desc for k in ("修正", "修订", "通过", "公布", "发布")):
            if versions and "effective" not in versions[-1]:
                versions[-1]["effective"] = date
            continue
        kind = "修订" if "修订" in desc else "修正" if "修正" in desc or "修改" in desc else "制定"
        # A city's 条例 is adopted by its own 人大常委会 and then approved (批准) by the
        # province's: for local texts the approval dates the version (approval_publishes).
        approved = approval_publishes and "批准" in desc
        adopted = ("会议" in desc and ("通过" in desc or "审议" in desc)) or "批准" in desc or (
            approval_publishes and "会议" in desc and ("修订" in desc or "修正" in desc or "修改" in desc))
        meeting = adopted and not approved and "公布" not in desc and "发布" not in desc and "令第" not in desc
        promulgation = ("公布" in desc or "发布" in desc or "令" in desc or approved) and not meeting
        prev = versions[-1] if versions else None
        if (prev is not None and promulgation and prev.get("meeting_only") and
                0 <= days(date) - days(prev["date"]) <= 180 and
                (kind in ("制定", prev["kind"]) or approved and prev["kind"] == "制定")):
            if approved and len(versions) > 1:
                prev["kind"] = kind  # "…会议通过" says nothing; the approval names the 修正
            prev["meeting"] = prev["date"]
            prev["date"] = date
            prev.pop("meeting_only", None)
            if approved:
                prev["approved_only"] = True  # a 公布 may still follow
            continue
        if (prev is not None and promulgation and not approved and prev.get("approved_only") and
                0 <= days(date) - days(prev["date"]) <= 90):
            prev.setdefault("also", []).append(prev["date"])  # the approval date
            prev["date"] = date
            prev.pop("approved_only", None)
            continue
        v = {"date": date, "kind": kind}
        if not versions:
            v["kind"] = "制定" if kind == "制定" else kind
        if meeting:
            v["meeting_only"] = True
        versions.append(v)
    for v in versions:
        v.pop("meeting_only", None)
        v.pop("approved_only", None)
    dates = {v["date"] for v in versions} | {v.get("meeting") for v in versions} | {
        v.get("effective") for v in versions}
    if file_date and file_date not in dates:
        latest = versions[-1] if versions else None
        # Local files are sometimes named by a date a little before the approval.
        earliest = -60 if approval_publishes else 0
        if latest and earliest <= days(file_date) - days(latest["date"]) <= 120:
            # The file is named by another date of the latest version (sources disagree).
            latest.setdefault("also", []).append(file_date)
        else:
            versions.append({"date": file_date, "kind": "修订" if versions else "制定"})
    if versions and versions[0]["kind"] != "制定":
        versions[0]["kind"] = "制定"
    for v in versions:
        if (v["date"] == file_date or file_date in v.get("also", [])) and file_effective and "effective" not in v:
            v["effective"] = file_effective
    versions.sort(key=lambda v: v["date"])
    return versions


def parse_articles(body):
    """Body lines → (articles [(number, suffix, heading, paragraphs)], headings, clean text)."""
    articles, out = [], []
    heading = ""
    cur = None
    for raw in body:
        s = raw.strip().replace("\u3000", " ").strip()
        if not s:
            continue
        h = HEADING.match(s)
        if h:
            heading = re.sub(r"\s+", " ", h.group(1)).strip()
            out.append("## " + heading)
            cur = None
            continue
        m = ARTICLE.match(s)
        if m:
            n = cn_int(m.group(1))
            suffix = cn_int(m.group(2)) if m.group(2) else 0
            cur = [n, suffix, heading, [m.group(3).strip()]]
            articles.append(cur)
            out.append(f"第{m.group(1)}条" + (f"之{m.group(2)}" if m.group(2) else "") + " " + m.group(3).strip())
            continue
        if cur is None:
            out.append(s)  # preamble (宪法) or notes before the first article
            continue
        cur[3].append(s)
        out.append(s)
    return articles, out


def looks_truncated(articles, body):
    """A text that stops early: the last article is neither the effective clause nor a
    repeal clause, and the text is short (麻醉药品和精神药品管理条例 stops at 第三条)."""
    if not articles:
        return True
    last = " ".join(articles[-1][3])
    if "施行" in last or "废止" in last or "生效" in last:
        return False
    return len(articles) < 12


def read_archive(path):
    files = {}
    with tarfile.open(path) as tar:
        for m in tar.getmembers():
            if not m.isfile() or not m.name.endswith(".md"):
                continue
            rel = m.name.split("/", 1)[1] if "/" in m.name else m.name
            files[rel] = tar.extractfile(m).read().decode("utf-8", "replace")
    return files


def db_facts(mirror):
    """name → list of (publish, valid_from, expired, level) from LawRefBook's db.sqlite3."""
    facts = defaultdict(list)
    if not mirror:
        return facts
    blob = subprocess.run(["git", "-C", mirror, "show", "HEAD:db.sqlite3"], capture_output=True, check=True).stdout
    with tempfile.NamedTemporaryFile(suffix=".sqlite3") as f:
        f.write(blob)
        f.flush()
        con = sqlite3.connect(f.name)
        for name, publish, valid_from, expired, level in con.execute(
                "select name, publish, valid_from, expired, level from law"):
            facts[name].append((publish or "", valid_from or "", int(expired or 0), level))
    return facts


def history_texts(mirror):
    """Older texts from the git history: path → [text] for every blob a national file had."""
    out = defaultdict(list)
    if not mirror:
        return out
    log = subprocess.run(["git", "-C", mirror, "-c", "core.quotepath=off", "log", "--all", "--format=%H",
                          "--name-only", "--diff-filter=AMR"], capture_output=True, check=True, text=True).stdout
    seen = set()
    commit = None
    pairs = []
    for line in log.splitlines():
        if re.fullmatch(r"[0-9a-f]{40}", line):
            commit = line
            continue
        if not line.endswith(".md") or not line.startswith(NATIONAL_DIRS):
            continue
        pairs.append((commit, line))
    for commit, path in pairs:
        blob = subprocess.run(["git", "-C", mirror, "rev-parse", f"{commit}:{path}"], capture_output=True, text=True)
        if blob.returncode != 0 or blob.stdout.strip() in seen:
            continue
        seen.add(blob.stdout.strip())
        text = subprocess.run(["git", "-C", mirror, "cat-file", "-p", blob.stdout.strip()], capture_output=True).stdout
        out[path].append(text.decode("utf-8", "replace"))
    return out


def level_of(path):
    if path.startswith("行政法规"):
        return "行政法规"
    if path.startswith("部门规章"):
        return "部门规章"
    return "法律"


def file_date(path):
    m = re.search(r"\((\d{4}-\d{2}-\d{2})\)\.md$", path)
    return m.group(1) if m else None


def yq(s):
    """A double-quoted YAML scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def derive_national(args):
    files = read_archive(args.texts)
    facts = db_facts(args.mirror)
    older = history_texts(args.mirror)
    instruments = {}  # name → entry
    flk_skipped = []
    texts = {}  # (name, date) → clean lines

    def add_text(path, text, current, origin="LawRefBook/Laws"):
        name, history, body = parse_markdown(text)
        # Amendments to the constitution are not instruments a catalog cites on their own
        # (and their names differ only by a year note, which citation matching drops).
        if not name or not body or "宪法修正案" in name:
            return None
        level = level_of(path)
        fdate = file_date(path)
        effective = None
        for publish, valid_from, expired, lv in facts.get(re.sub(r"^中华人民共和国", "", name), []) + facts.get(name, []):
            if publish == fdate and valid_from:
                effective = valid_from
        versions = versions_from_history(history, fdate, effective)
        if not versions:
            return None
        if origin.startswith("flk") and name not in instruments and versions[-1]["date"] <= SNAPSHOT \
                and name not in FLK_IN_FORCE:
            # flk keeps repealed laws (合同法, 物权法 …) without saying so: an instrument LawRefBook
            # lacks is taken only when it is newer than LawRefBook's state, or known in force.
            flk_skipped.append(name)
            return None
        articles, clean = parse_articles(body)
        date = fdate or versions[-1]["date"]
        e = instruments.setdefault(name, {"name": name, "level": level, "versions": {}, "sources": set(),
                                          "expired": False})
        for v in versions:
            have = e["versions"].get(v["date"])
            if have is None:
                # The same revision under its meeting date elsewhere: merge.
                # …or under a date a few days off in another file of the collection (the
                # archive and its history disagree on a date): one revision, the other date
                # kept as an alias.
                twin = next((x for x in e["versions"].values() if x.get("meeting") == v["date"] or v.get("meeting") == x["date"]
                             or abs(days(x["date"]) - days(v["date"])) <= 31), None)
                if twin and twin.get("meeting") != v["date"] and v.get("meeting") != twin["date"]:
                    twin.setdefault("also", []).append(v["date"])
                if twin:
                    for k, val in v.items():
                        twin.setdefault(k, val)
                    continue
                e["versions"][v["date"]] = dict(v)
            else:
                for k, val in v.items():
                    have.setdefault(k, val)
        effective_clause = None
        for a in articles[-3:]:
            m = re.search(r"自\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日起?(?:施行|生效)", " ".join(a[3]))
            if m:
                effective_clause = iso(m)
        ver = e["versions"].get(date) or next(
            (x for x in e["versions"].values() if date in x.get("also", []) or x.get("meeting") == date), None)
        # The text's own 施行 clause dates this version when it is not older than it (a 修正
        # keeps the original law's clause, which then says nothing about the amendment).
        if ver is not None and effective_clause and "effective" not in ver and effective_clause >= ver["date"]:
            ver["effective"] = effective_clause
        if ver is not None and articles:
            count = max(a[0] for a in articles)
            if looks_truncated(articles, body):
                ver["truncated"] = True
            elif "articles" not in ver or current:
                ver["articles"] = count
            key = (name, ver["date"])
            # An old file whose body equals another version's text is that version under an
            # outdated header: it proves nothing about the date its header names.
            same_body = any(k[0] == name and k != key and t == clean for k, t in texts.items())
            if (key not in texts or current) and not (same_body and not current):
                texts[key] = clean
                ver["text"] = True
        e["sources"].add(f"{origin} {path}")
        return name

    for path in sorted(files):
        if not path.startswith(NATIONAL_DIRS) or path.endswith("_index.md") or "法律法规模版" in path:
            continue
        add_text(path, files[path], True)
    for path in sorted(older):
        for text in older[path]:
            add_text(path, text, False)
    # The flk dump of 2025-11-22: versions after LawRefBook's state (治安管理处罚法 2025-06-27) and
    # instruments it lacks; a version LawRefBook has keeps LawRefBook's text.
    if args.flk:
        import flk_local
        problems = []
        flk = flk_local.read_flk(args.flk, problems)
        for path in sorted(flk):
            if not path.startswith(("法律/法律/", "行政法规/行政法规/", "监察法规/")):
                continue
            # 监察法规 rank with 行政法规 (立法法 第一百一十八条): judged as such.
            as_path = "行政法规/" + path if path.startswith("监察法规/") else path
            add_text(as_path, flk_local.clean_text(flk[path]), False, "flk 2025-11-22")
        for rel, why in problems:
            print(f"  flk {rel}: {why}", file=sys.stderr)
        print(f"flk: {len(flk_skipped)} instruments LawRefBook lacks, older than its state, not taken "
              f"(status unknown): {'、'.join(sorted(flk_skipped))}", file=sys.stderr)
    # Validity from the collection's database: expired with no date → repealed, date unknown.
    for name, e in instruments.items():
        for publish, valid_from, expired, lv in facts.get(name, []) + facts.get(re.sub(r"^中华人民共和国", "", name), []):
            latest = max(e["versions"])
            if expired and publish == latest:
                e["expired"] = True
    return instruments, texts


def version_line(name, date, v, texts):
    """One version as a registry line; the article count of a truncated text is left out."""
    parts = [f"date: {date}"]
    if v.get("meeting") and v["meeting"] != date:
        parts.append(f"meeting: {v['meeting']}")
    if v.get("also"):
        parts.append("also: [" + ", ".join(sorted(set(v["also"]))) + "]")
    if v.get("effective"):
        parts.append(f"effective: {v['effective']}")
    parts.append(f"kind: {v['kind']}")
    if v.get("articles") and not v.get("truncated"):
        parts.append(f"articles: {v['articles']}")
    if v.get("truncated"):
        parts.append("truncated: true")
    if v.get("text") and (name, date) in texts:
        parts.append("text: true")
    return "    - {" + ", ".join(parts) + "}"


def write_texts(out, texts):
    """texts/<name>/<date>.txt next to the registry file."""
    for (name, date), clean in sorted(texts.items()):
        d = os.path.join(out, "texts", name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, date + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(clean) + "\n")


def write_registry(instruments, texts, out, args):
    import shutil
    shutil.rmtree(os.path.join(out, "texts"), ignore_errors=True)  # no stale versions
    os.makedirs(os.path.join(out, "texts"), exist_ok=True)
    lines = ["# National laws (法律), administrative regulations (行政法规) and ministry rules (部门规章)",
             "# derived by scripts/derive_laws.py from the LawRefBook/Laws texts (state " + SNAPSHOT + "), the",
             "# history of that repository" + (" and the flk dump of 2025-11-22 (newer versions and" if args.flk else "."),
             ] + (["# instruments; older versions keep LawRefBook's texts)."] if args.flk else []) + [
             "# Do not edit by hand: change the script and run it again.",
             "# versions: each revision once, dated by its 公布 (for laws: 通过) date; `meeting` is the date",
             "# of the meeting that adopted it when that differs. articles = highest article number of the",
             "# text we have of that version; `text` marks versions whose articles are in texts/.",
             "# `truncated`: the collected text stops early, its article count is not trusted."]
    for name in sorted(instruments):
        e = instruments[name]
        lines.append(f"- name: {yq(name)}")
        short = re.sub(r"^中华人民共和国", "", name)
        if short != name:
            lines.append(f"  aliases: [{yq(short)}]")
        lines.append(f"  level: {e['level']}")
        lines.append("  versions:")
        for date in sorted(e["versions"]):
            lines.append(version_line(name, date, e["versions"][date], texts))
        if e["expired"]:
            lines.append("  repealed: {date: null}")
        lines.append(f"  source: {yq('；'.join(sorted(e['sources'])))}")
    with open(os.path.join(out, "national.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    write_texts(out, texts)


def local_level(name, history):
    """地方性法规 unless the history says a government made it (…人民政府令, 政府常务会议)."""
    said = " ".join(d for _, d in history)
    if "人民政府令" in said or "政府常务会议" in said or "政府第" in said and "常务会议" in said:
        provincial = "省人民政府" in said or name.startswith(("北京市", "上海市", "天津市", "重庆市"))
        return "地方政府规章(省级)" if provincial else "地方政府规章(设区的市)"
    return "地方性法规"


def derive_local(files, prefix):
    """Registry entries and texts for every LawRefBook-format file under `prefix`."""
    instruments, texts = {}, {}
    for rel in sorted(files):
        if not rel.startswith(prefix) or rel.endswith("_index.md"):
            continue
        name, history, body = parse_markdown(files[rel])
        if not name:
            continue
        fdate = file_date(rel)
        versions = versions_from_history(history, fdate, None, approval_publishes=True)
        if not versions:
            continue
        articles, clean = parse_articles(body)
        latest = versions[-1]
        if articles and not looks_truncated(articles, body):
            latest["articles"] = max(a[0] for a in articles)
            latest["text"] = True
            texts[(name, latest["date"])] = clean
        elif articles:
            latest["truncated"] = True
        e = instruments.setdefault(name, {"level": local_level(name, history), "versions": {},
                                          "expired": False, "sources": set()})
        for v in versions:
            e["versions"].setdefault(v["date"], v)
        e["sources"].add("LawRefBook/Laws " + rel)
    return instruments, texts


def write_local(instruments, texts, registry_file, what):
    out = os.path.dirname(os.path.abspath(registry_file))
    lines = ["# " + what + ": derived by scripts/derive_laws.py (--province/--local) from texts in",
             "# the LawRefBook format. Add to a catalog with `laws: [" + os.path.basename(registry_file) + "]`",
             "# (texts/ must stay next to this file); check it with `powerlist law check`."]
    for name in sorted(instruments):
        e = instruments[name]
        lines.append(f"- name: {yq(name)}")
        lines.append(f"  level: {e['level']}")
        lines.append("  versions:")
        for date in sorted(e["versions"]):
            lines.append(version_line(name, date, e["versions"][date], texts))
        lines.append(f"  source: {yq('；'.join(sorted(e['sources'])))}")
    os.makedirs(out, exist_ok=True)
    with open(registry_file, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    write_texts(out, texts)


def read_folder(folder):
    files = {}
    for root, _, names in os.walk(folder):
        for n in names:
            if n.endswith(".md"):
                p = os.path.join(root, n)
                with open(p, encoding="utf-8", errors="replace") as f:
                    files[os.path.relpath(p, folder)] = f.read()
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts")
    ap.add_argument("--mirror")
    ap.add_argument("--out", default="catalogs/laws")
    ap.add_argument("--province", help="e.g. 浙江: the archive's DLC/浙江地方法规")
    ap.add_argument("--local", help="a folder of LawRefBook-format texts")
    ap.add_argument("--registry", help="the registry file to write (with --province or --local)")
    ap.add_argument("--flk", help="the flk dump (flk-2025-11-22.tar.xz): every province's local "
                    "legislation into OUT/local/ (scripts/flk_local.py)")
    ap.add_argument("--local-out", help="with --flk alone: write the local registry here instead of "
                    "OUT/local (OUT still gives the national names short aliases must not take)")
    ap.add_argument("--local-report", help="with --flk alone: a TSV of the versions amending decisions "
                    "added and of the names they give that no instrument takes")
    args = ap.parse_args()
    if args.flk and not args.texts:
        import flk_local
        flk_local.run(args.flk, args.local_out or os.path.join(args.out, "local"), args.out, args.local_report)
        return
    if args.province or args.local:
        if not args.registry:
            ap.error("--province/--local need --registry FILE")
        if args.province:
            if not args.texts:
                ap.error("--province needs --texts (the LawRefBook archive)")
            files, prefix = read_archive(args.texts), f"DLC/{args.province}地方法规/"
        else:
            files, prefix = read_folder(args.local), ""
        instruments, texts = derive_local(files, prefix)
        write_local(instruments, texts, args.registry, args.province or args.local)
        print(f"{len(instruments)} instruments, {len(texts)} texts → {args.registry}", file=sys.stderr)
        return
    if not args.texts:
        ap.error("--texts is required")
    instruments, texts = derive_national(args)
    write_registry(instruments, texts, args.out, args)
    versions = sum(len(e["versions"]) for e in instruments.values())
    print(f"{len(instruments)} instruments, {versions} versions, {len(texts)} texts", file=sys.stderr)


if __name__ == "__main__":
    main()

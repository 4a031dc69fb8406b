"""Every province's local legislation from the flk dump (国家法律法规数据库, 2025-11-22), for
scripts/derive_laws.py --flk.

The dump holds one Markdown file per title, latest version only, in the LawRefBook layout
(`# 名称`, one history line per stage, `<!-- INFO END -->`, the articles), in a folder per
province, city, prefecture or county, and partly again at the top of 地方法规/地方性法规. It has
no status field: a repeal is known only from a 废止 decision in the dump that names the
instrument. A version the instrument's own file does not list is added from the amending
decisions that name it (scripts/flk_decisions.py; such a version has no text: the file's text
stays with the file's own latest version). Its defects handled here: duplicates (merged), stray zero-width characters
(stripped), history lines broken in the middle (joined), history lines starting with 根据.

Output, per province (catalogs/laws/local/):
  <province>.yaml   registry entries: name, aliases, level, region, region_level, versions,
                    repealed (with the decision as source) or status 不详
  <province>.texts  the article texts of the latest versions, packed (see pack_texts)
and one index.tsv over all provinces (name, level, region, repeal date) that lets a catalog
of one region still recognise another region's instrument, and regions.tsv (place → region).
"""
import os
import re
import sys
from collections import Counter, defaultdict

import derive_laws as dl
import flk_decisions as fd

PROVINCES = (
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市",
    "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省",
    "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省",
    "青海省", "宁夏回族自治区", "新疆维吾尔自治区")
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
LOCAL_ROOT = "地方法规/地方性法规/"
# "2024年4月26日克拉玛依市第十五届人民代表大会常务委员会第十九次会议通过" → 克拉玛依市
BODY = re.compile(r"^(?:\d{4}年\d{1,2}月\d{1,2}日)?(.+?)(?:第?[一二三四五六七八九十]+届)?(?:人民代表大会|人大)")


ARTICLE_HEADING = re.compile(r"^#{4,}\s*(第[零〇一二三四五六七八九十百千两0-9]+条(?:之[一二三四五六七八九十]+)?)\s*(.*)$")
TABLE_HISTORY = re.compile(r"(?:根据)?\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.*?(?:通过|批准|修正|修订|公布|施行))")
TABLE_ARTICLE = re.compile(r"(?:^|\s)(第[零〇一二三四五六七八九十百千两]+条(?:之[一二三四五六七八九十]+)?)\s")


def table_body(cell):
    """A file whose whole text is one table cell (history in parentheses, then the articles
    separated by spaces) → (history lines, body lines in the LawRefBook layout)."""
    cell = cell.strip()
    history = []
    if cell.startswith("（"):
        depth, end = 0, -1
        for i, ch in enumerate(cell):
            depth += ch == "（"
            depth -= ch == "）"
            if depth == 0:
                end = i
                break
        if end > 0:
            history = ["- " + m.group(1).replace(" ", "") for m in TABLE_HISTORY.finditer(cell[1:end])]
            cell = cell[end + 1:]
    marks = list(TABLE_ARTICLE.finditer(cell))
    body = []
    for i, m in enumerate(marks):
        chunk = cell[m.end():marks[i + 1].start() if i + 1 < len(marks) else len(cell)].strip()
        chunk = re.sub(r"\s*第[一二三四五六七八九十]+章\s.*$", "", chunk) if i + 1 < len(marks) else chunk
        paras = []
        for piece in chunk.split():
            if paras and not piece.startswith("（") and not paras[-1].endswith(("。", "：", "；")):
                paras[-1] += piece  # a stray space inside a sentence
            else:
                paras.append(piece)
        if paras:
            body.append(m.group(1) + " " + paras[0])
            body.extend(paras[1:])
    return history, body


def clean_text(text):
    """Zero-width characters out; history lines broken in the middle joined to their start;
    articles under `###### 第一条` headings put on one line with their first paragraph; a
    file that is one table cell unpacked."""
    text = text.translate(ZERO_WIDTH).replace("\r", "")
    head, sep, body = text.partition("<!-- INFO END -->")
    if not sep:
        return text
    if "<!-- TABLE -->" in body:
        cells = [l.strip().strip("|").strip() for l in body.split("\n") if l.strip().startswith("|")
                 and not set(l.strip()) <= set("|-: ")]
        hist, lines = table_body(" ".join(cells))
        head = head.rstrip() + "\n" + "\n".join(hist)
        body = "\n" + "\n".join(lines)
    else:
        lines, pending = [], None
        for line in body.split("\n"):
            s = line.strip()
            if not s:
                continue
            m = ARTICLE_HEADING.match(s)
            if m:
                if pending:
                    lines.append(pending)
                pending = m.group(1) + (" " + m.group(2) if m.group(2) else "")
                if m.group(2):
                    lines.append(pending)
                    pending = None
                continue
            if pending:
                lines.append(pending + " " + s)
                pending = None
            else:
                lines.append(s)
        if pending:
            lines.append(pending)
        body = "\n" + "\n".join(lines)
    out = []
    for line in head.split("\n"):
        s = line.strip()
        if not s:
            continue
        if s.startswith("# ") and not out:
            out.append(s)
        elif s.startswith("-") or not out or len(out) == 1 and not out[0].startswith("-"):
            s = s.lstrip("-").strip()
            s = re.sub(r"^根据\s*", "", s)
            out.append("- " + s)
        else:
            out[-1] += s  # a line broken in the middle (even inside a date)
    fixed = []
    for line in out:
        if line.startswith("- "):
            # "2016年1月 21日" → "2016年1月21日"
            line = re.sub(r"(\d)\s+(?=[\d年月日])|(?<=[年月])\s+(?=\d)", r"\1", line)
        fixed.append(line)
    return "\n\n".join(fixed) + "\n\n" + sep + body


def body_of(desc):
    """The body that held the meeting named in a history line (克拉玛依市, 新疆维吾尔自治区)."""
    m = BODY.match(desc.replace(" ", ""))
    return m.group(1) if m else ""


def province_in(s):
    return next((p for p in PROVINCES if s.startswith(p) or p in s), None)


def region_level(place, province, name):
    if "经济特区" in name:
        return "经济特区"
    if place == province:
        return "省级"
    if place.endswith("自治州"):
        return "自治州"
    if place.endswith(("自治县", "自治旗")):
        return "自治县"
    return "设区的市"


def read_flk(tar_path, problems):
    """rel path (below the dump's top folder) → text, for every .md file; unreadable files go
    to `problems` (never dropped silently)."""
    import tarfile
    files = {}
    with tarfile.open(tar_path) as tar:
        for m in tar.getmembers():
            if not m.isfile():
                continue
            rel = m.name.split("/", 1)[1] if "/" in m.name else m.name
            if not rel.endswith(".md"):
                problems.append((rel, "not a Markdown file"))
                continue
            raw = tar.extractfile(m).read()
            try:
                files[rel] = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                problems.append((rel, f"not UTF-8 ({e.reason} at byte {e.start})"))
    return files


def place_of(rel, history, name):
    """(province, place): the body that adopted it and the province that approved or made it."""
    folder = rel[len(LOCAL_ROOT):].split("/")
    folder = folder[-2] if len(folder) > 1 else ""
    adopter = body_of(history[0][1]) if history else ""
    province = None
    for _, desc in history[1:]:
        province = province or province_in(body_of(desc))
    province = province or province_in(adopter) or province_in(folder) or province_in(name)
    real_place = re.fullmatch(r"[\u4e00-\u9fa5]{2,20}(市|自治州|自治县|自治旗|州|县|盟|地区|旗|区)", adopter or "")
    if not real_place or "第" in adopter or "全国" in adopter or adopter.endswith("自治区") or province_in(adopter):
        adopter = ""
    place = adopter or province or ""
    if folder and folder not in ("地方法规_地方性法规", "修改、废止的决定") and not province_in(folder):
        place = folder  # the dump's own folder is the surest
    if province and place.startswith(province) and place != province:
        place = place[len(province):]
    return province, place or province


REPEAL = re.compile(r"《([^《》]{2,80}(?:《[^《》]*》[^《》]*)?)》[^《》]{0,3}?((?:（[^（）]*）)?)")


def repeals_in(name, history, body_lines):
    """(repealed name, adoption dates named, the decision's date) for a 废止 decision."""
    if "废止" not in name or not history:
        return []
    date = history[0][0]
    text = "".join(l.strip() for l in body_lines)
    out = []
    # The operative sentence: "决定废止《…》（…通过）、《…》（…）。" or "决定：废止下列…：一、《…》"
    for m in re.finditer(r"废止([^。]*)", text):
        for t in REPEAL.finditer(m.group(1)):
            title = t.group(1).replace("〈", "《").replace("〉", "》")
            dates = [dl.iso(d) for d in dl.DATE.finditer(t.group(2))]
            out.append((title, dates, date))
    # A list of items after "废止下列…" (一、《…》…)
    for t in re.finditer(r"[一二三四五六七八九十]+、\s*《([^《》]+(?:《[^《》]*》[^《》]*)?)》\s*((?:（[^（）]*）)?)", text):
        out.append((t.group(1), [dl.iso(d) for d in dl.DATE.finditer(t.group(2))], date))
    seen, uniq = set(), []
    for r in out:
        if r[0] not in seen and r[0] != name:
            seen.add(r[0])
            uniq.append(r)
    return uniq


def local_kind(name, history, place):
    adopted = history[0][1] if history else ""
    if "自治条例" in name:
        return "自治条例和单行条例"
    if place.endswith(("自治州", "自治县", "自治旗")) and "人民代表大会" in adopted and "常务委员会" not in adopted:
        return "自治条例和单行条例"
    return "地方性法规"


def short_aliases(name, province, place):
    """Short forms a catalog of the region uses: without the region prefix, 自治区/省/市
    instead of it, 实施《…》办法 without 中华人民共和国 inside."""
    out = set()
    for prefix, says in ((province, ("自治区" if "自治区" in province else "省" if province.endswith("省") else "市")),
                         (province + place if place != province else None, "市"), (place, "")):
        if prefix and name.startswith(prefix) and len(name) > len(prefix) + 3:
            rest = name[len(prefix):]
            out.add(rest)
            if says:
                out.add(says + rest)
    for a in list(out) + [name]:
        if "《中华人民共和国" in a:
            out.add(a.replace("《中华人民共和国", "《"))
    out.discard(name)
    return sorted(out)


def national_names(laws_dir):
    """Normalised names and aliases of the national registry (a local short form must not take
    one: 宁夏's 中医药条例 is not the State Council's)."""
    import yaml
    out = set()
    if not os.path.isdir(laws_dir):
        return out
    for f in sorted(os.listdir(laws_dir)):
        if f.endswith(".yaml"):
            for e in yaml.safe_load(open(os.path.join(laws_dir, f), encoding="utf-8")) or []:
                for n in [e.get("name", "")] + list(e.get("aliases") or []):
                    out.add(normalize(n))
    return out


def normalize(name):
    """As LawRegistry::normalize: no 《》〈〉 or spaces, no leading 中华人民共和国."""
    s = re.sub(r"[《》〈〉<>＜＞\s\u3000]", "", name)
    return s[len("中华人民共和国"):] if s.startswith("中华人民共和国") and len(s) > 7 else s


def same_title(a, b):
    """Titles of one instrument, renamed or spelled another way (兰州市煤炭经营监督管理条例 and
    …经营使用监督管理条例): most character pairs after the shared region prefix in common."""
    a, b = normalize(a), normalize(b)
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    a, b = a[n:], b[n:]
    pa, pb = {a[i:i + 2] for i in range(len(a) - 1)}, {b[i:i + 2] for i in range(len(b) - 1)}
    if not pa or not pb:
        return True
    return len(pa & pb) / min(len(pa), len(pb)) >= 0.5


def new_entry(name, province, place, level):
    return {"name": name, "province": province, "place": place, "level": level, "versions": {},
            "sources": set(), "repealed": None}


def derive(files, problems, report=None):
    """→ instruments {name: entry}, texts {(name, date): lines}. `report` gets a row for each
    version an amending decision adds and each name it gives that is not taken (flk_decisions.amend)."""
    inst, texts = {}, {}
    decisions, undated, amending = [], [], {}
    rels = sorted(r for r in files if r.startswith(LOCAL_ROOT))
    # Files in a region folder first: they name the place surely; top-level duplicates merge in.
    rels.sort(key=lambda r: (r.count("/") < 3, r))
    parsed = {}
    folder_votes = defaultdict(Counter)
    for rel in rels:
        text = clean_text(files[rel])
        name, history, body = dl.parse_markdown(text)
        if not name:
            problems.append((rel, "no title line"))
            continue
        name = name.translate(ZERO_WIDTH).strip()
        province, place = place_of(rel, history, name)
        if province:
            folder_votes[os.path.dirname(rel)][province] += 1
        parsed[rel] = (name, history, body, province, place)
    # Places whose folder's files say the province (for top-level files named after them).
    known = [(f.rsplit("/", 1)[1], v) for f, v in folder_votes.items() if f.count("/") > 1 and v]
    for rel in rels:
        if rel not in parsed:
            continue
        name, history, body, province, place = parsed[rel]
        folder = os.path.dirname(rel)
        if not province and folder_votes[folder] and folder.count("/") > 1:
            province = folder_votes[folder].most_common(1)[0][0]  # the folder's other files say
            place = folder.rsplit("/", 1)[1]
        if not province:
            # A top-level file named after a place whose folder's files say the province.
            hit = max((k for k in known if name.startswith(k[0])), key=lambda k: len(k[0]), default=None)
            if hit:
                province, place = hit[1].most_common(1)[0][0], hit[0]
        if not province:
            problems.append((rel, "province not found in the history lines, folder or name"))
            continue
        if fd.is_amending(name):
            amending.setdefault(normalize(name), (name, history, body, province, place, rel))
        if not history:
            # Listed without versions: the name, level and region are still known.
            undated.append(rel)
            e = inst.setdefault(normalize(name),
                                new_entry(name, province, place, local_kind(name, history, place)))
            e["sources"].add("flk " + rel)
            continue
        if province and place != province:
            # A city's or prefecture's instrument "通过" by the province's 常委会 was approved.
            history = [(d, desc.replace("通过", "批准") if i and province_in(body_of(desc)) else desc)
                       for i, (d, desc) in enumerate(history)]
        versions = dl.versions_from_history(history, None, None, approval_publishes=True)
        if not versions:
            problems.append((rel, "no version in the history lines"))
            continue
        articles, clean = dl.parse_articles(body)
        # A file whose body is another instrument (the dump's 新疆…农业机械安全监督管理条例 holds
        # the 农村集体经济组织资产管理条例): neither its history nor its text are this title's.
        heading = next((l for l in clean if not l.startswith(("第", "##"))), "")
        if heading and re.search(r"(条例|办法|规定|规则|决定|细则)$", heading) and \
                not same_title(heading, name):
            problems.append((rel, f"body is another instrument's text ({heading}); not taken"))
            continue
        e = inst.get(normalize(name))
        if e is None:
            e = inst[normalize(name)] = new_entry(name, province, place, local_kind(name, history, place))
        for v in versions:
            e["versions"].setdefault(v["date"], v)
        latest = max(e["versions"])
        name = e["name"]  # the first spelling of a title the dump has twice
        if articles and versions[-1]["date"] == latest and (name, latest) not in texts:
            v = e["versions"][latest]
            if dl.looks_truncated(articles, body) and len(articles) < 3:
                v["truncated"] = True
            else:
                v["articles"] = max(a[0] for a in articles)
                v["text"] = True
                texts[(name, latest)] = clean
                # Its own 施行 clause dates it when not older than the version.
                for a in articles[-3:]:
                    m = re.search(r"自\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日起?(?:施行|生效)",
                                  " ".join(a[3]))
                    if m and dl.iso(m) >= latest and "effective" not in v:
                        v["effective"] = dl.iso(m)
        e["sources"].add("flk " + rel)
        if fd.is_amending(name):
            # A decision that amends some and repeals others (关于修改和废止…): only its 废止 part.
            says_repeal = "废止" in fd.outside_titles(name)
            for title, dates in (fd.operations(name, body)[1] if says_repeal else []):
                title = title.replace("〈", "《").replace("〉", "》")
                decisions.append(((title, dates, history[0][0]), name, province, place))
            continue
        for r in repeals_in(name, history, body):
            decisions.append((r, name, province, place))
    # Versions the amending decisions make (before the repeals: a version after a repeal is
    # a new instrument of the same name).
    fd.amend(inst, list(amending.values()), report if report is not None else [])
    # Repeals from the decisions (the latest decision wins); a repealed title the dump does not
    # hold becomes an entry of its own, dated by the adoption the decision names.
    for (title, dates, date), decision, province, place in sorted(decisions, key=lambda d: d[0][2]):
        e = inst.get(normalize(title))
        # Only the decision's own region's instruments: a decision also names the laws it
        # rests on (《中华人民共和国民法典》), which it does not repeal.
        own = (e is not None and e["province"] == province) or title.startswith((province, place)) or (
            place != province and title.startswith(province[:2]))
        if not own or title.startswith("中华人民共和国"):
            continue
        if e is not None and e["versions"] and max(e["versions"]) > date:
            continue  # made again after the repeal (a new instrument of the same name)
        if e is None:
            e = inst[normalize(title)] = new_entry(title, province, place, "地方性法规")
            for i, d in enumerate(sorted(set(dates))):
                e["versions"][d] = {"date": d, "kind": "制定" if i == 0 else "修正"}
        e["repealed"] = (date, decision)
        e["sources"].add("flk 废止决定《" + decision + "》")
    for e in inst.values():
        merge_close_versions(e, texts)
    if undated:
        problems.append((f"{len(undated)} files", "no dated history line: listed by name, level and region, without versions"))
    return inst, texts


def merge_close_versions(e, texts):
    """Two versions less than a month apart are one revision whose adoption and approval (or
    公布) the history gives on lines of its own: one version, dated by the later, the earlier
    kept as its meeting date (what `powerlist law check` asks of a registry)."""
    dates = sorted(e["versions"])
    i = 1
    while i < len(dates):
        a, b = e["versions"][dates[i - 1]], e["versions"][dates[i]]
        if dl.days(dates[i]) - dl.days(dates[i - 1]) < 31:
            b.setdefault("meeting", dates[i - 1])
            if a["kind"] != "制定" or i == 1:
                b["kind"] = a["kind"] if i > 1 else "制定"
            if "text" in a and "text" not in b and (e["name"], dates[i - 1]) in texts:
                texts[(e["name"], dates[i])] = texts.pop((e["name"], dates[i - 1]))
            for k in ("effective", "articles", "text", "truncated"):
                if k in a and k not in b:
                    b[k] = a[k]
            del e["versions"][dates[i - 1]]
            dates.pop(i - 1)
        else:
            i += 1


def pack_texts(texts):
    """One packed file of texts: "@@ name/date" then its lines; xz-compressed by the caller."""
    out = []
    for (name, date), lines in sorted(texts.items()):
        out.append(f"@@ {name}/{date}")
        out.extend(lines)
    return ("\n".join(out) + "\n").encode("utf-8")


def write(inst, texts, out_dir, taken=frozenset()):
    import lzma
    import shutil
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    by_province = defaultdict(list)
    for e in inst.values():
        by_province[e["province"]].append(e)
    index, regions = [], {}
    for province in sorted(by_province):
        entries = sorted(by_province[province], key=lambda e: e["name"])
        # A short alias is kept only where it names one instrument among the province's own
        # and any one place's (the scope a catalog of that place sees).
        scopes = defaultdict(Counter)
        aliases = {e["name"]: short_aliases(e["name"], province, e["place"]) for e in entries}
        for e in entries:
            for a in aliases[e["name"]]:
                scopes[e["place"]][a] += 1
        for e in entries:
            keep = []
            for a in aliases[e["name"]]:
                n = scopes[e["place"]][a] + (scopes[province][a] if e["place"] != province else 0)
                if e["place"] == province:
                    n = max([n] + [scopes[p][a] + scopes[province][a] for p in scopes if p != province])
                if n == 1 and normalize(a) not in inst and normalize(a) not in taken:
                    keep.append(a)
            aliases[e["name"]] = keep
        lines = ["# Local legislation (地方性法规, 自治条例和单行条例, 经济特区法规) of " + province + ",",
                 "# derived by scripts/derive_laws.py --flk from the flk dump of 2025-11-22. Do not edit by",
                 "# hand: change the script and run it again. region: the place whose body made it;",
                 "# status 不详: the dump does not say whether it is in force (no 废止 decision names it)."]
        pack = {}
        for e in entries:
            region = province + (e["place"] if e["place"] != province else "")
            regions.setdefault(e["place"], (region, region_level(e["place"], province, "")))
            lines.append(f"- name: {dl.yq(e['name'])}")
            if aliases[e["name"]]:
                lines.append("  aliases: [" + ", ".join(dl.yq(a) for a in aliases[e["name"]]) + "]")
            lines.append(f"  level: {e['level']}")
            lines.append(f"  region: {dl.yq(region)}")
            lines.append(f"  region_level: {region_level(e['place'], province, e['name'])}")
            if e["versions"]:
                lines.append("  versions:")
                for date in sorted(e["versions"]):
                    lines.append(dl.version_line(e["name"], date, e["versions"][date], texts))
            lines += fd.deleted_lines(e)
            if e["repealed"]:
                lines.append(f"  repealed: {{date: {e['repealed'][0]}, by: {dl.yq(e['repealed'][1])}}}")
            else:
                lines.append("  status: 不详")
            lines.append(f"  source: {dl.yq('；'.join(sorted(e['sources'])))}")
            for date, v in e["versions"].items():
                if v.get("text") and (e["name"], date) in texts:
                    pack[(e["name"], date)] = texts[(e["name"], date)]
            index.append((e["name"], e["level"], region, e["repealed"][0] if e["repealed"] else ""))
        with open(os.path.join(out_dir, province + ".yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        with open(os.path.join(out_dir, province + ".texts"), "wb") as f:
            f.write(lzma.compress(pack_texts(pack), preset=9 | lzma.PRESET_EXTREME))
    with open(os.path.join(out_dir, "index.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\tlevel\tregion\trepealed (derived by scripts/derive_laws.py --flk)\n")
        for row in sorted(index):
            f.write("\t".join(row) + "\n")
    with open(os.path.join(out_dir, "regions.tsv"), "w", encoding="utf-8") as f:
        f.write("# place\tregion\tregion_level (derived by scripts/derive_laws.py --flk)\n")
        for place in sorted(regions):
            f.write(f"{place}\t{regions[place][0]}\t{regions[place][1]}\n")
    return by_province


def run(tar_path, out_dir, laws_dir=None, report_path=None):
    """laws_dir: the national registry whose names a short alias must not take (default: the
    folder above out_dir); report_path: where to write what the amending decisions gave."""
    problems, report = [], []
    files = read_flk(tar_path, problems)
    inst, texts = derive(files, problems, report)
    laws_dir = laws_dir or os.path.dirname(os.path.abspath(out_dir))
    by_province = write(inst, texts, out_dir, national_names(laws_dir))
    repealed = sum(1 for e in inst.values() if e["repealed"])
    print(f"local: {len(inst)} instruments in {len(by_province)} provinces, {len(texts)} texts, "
          f"{repealed} repealed by decisions; {len(problems)} files not taken:", file=sys.stderr)
    for rel, why in problems:
        print(f"  {rel}: {why}", file=sys.stderr)
    kinds = Counter(r[0] for r in report)
    print("amending decisions: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) +
          (f" (rows in {report_path})" if report_path else " (--local-report FILE lists them)"), file=sys.stderr)
    if report_path:
        with open(report_path, "w", encoding="utf-8") as f:
            f.write("# what\tdecision\tdetail (scripts/flk_decisions.py)\n")
            for row in sorted(report):
                f.write("\t".join(row) + "\n")
    return files

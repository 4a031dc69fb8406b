"""Local amending decisions of the flk dump (…关于修改《…》的决定, …关于修改和废止…的决定), for
scripts/flk_local.py.

A local instrument's own file in the dump holds one version's history and text. An amending
decision that names it is often the only trace of a later version (the dump's file of
新疆维吾尔自治区平原天然林保护条例 stops at 2008; the decision of 2020-09-19 amended it), so each
instrument a decision amends gains a version:
  date     the decision's adoption (province level) or the province's 批准 of it (a city's,
           a prefecture's or an autonomous county's decision is in force once approved); a
           city decision that gives no 批准 date gives no version (reported)
  meeting  the city's own adoption date, when dated by the 批准
  kind     修正
and the decision is named in the instrument's source. Names are matched exactly after
normalising (zero-width characters, 《》〈〉 and spaces out); a name that matches no instrument of
the decision's own region is reported, never guessed.

Where a decision names an instrument (its operative positions only, not the laws a preamble or
a new provision quotes):
  the title         关于修改《X》的决定, 关于修改《X》《Y》的决定, 关于修改《X》等N件…的决定 (X)
  the body          对《X》作如下修改 / 作出修改 / 的修改 / 进行修改
                    一、《X》 or （一）X条例 (a list item, under a heading that says 修改 or 废止)
                    一、将《X》第三条… / 删去《X》第…  (an operation that starts with the title)
                    《X》、《Y》根据本决定作相应修改
  废止 (combined)   废止《X》（dates）、《Y》, （一）废止…通过的《X》, and list items under a 废止
                    heading — taken by flk_local.py only when the decision's title says 废止
Deleted articles ("删除第五条。", "删去第二条第二款、第九条。", "删除《X》第十条。") of the instrument the
decision is amending at that line become `deleted` entries of the version it makes, so that a
citation of the old number is told the article is gone (as deletions.yaml does for national law);
words deleted inside an article ("删除第三条中的…") are not a deleted article.
The title said again over the body's first lines is skipped (关于修改和 / 废止《X》 / 等7部…
is no operation). A version before the instrument's 制定 is a namesake's (not added); one
within a month of a version it has is that version (not added again).
"""
import re

import derive_laws as dl

ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
# A title in 《》, possibly quoting another in 〈〉 or 《》 (实施〈中华人民共和国…法〉办法).
TITLE = r"《((?:[^《》〈〉]|[〈《][^《》〈〉]*[〉》]){2,90}?)》"
NUM = r"[一二三四五六七八九十百]+"
MARK = r"(?:%s[、．.]|[（(]%s[）)]|\d+[、．.])" % (NUM, NUM)
AMEND_AT = re.compile(r"对\s*" + TITLE + r"\s*(?:的)?(?:部分条款|个别条款|部分内容)?\s*(?:作出|做出|作|做|进行|的)\s*(?:如下|以下|下列|相应的?)?\s*(?:修改|修正)")
LIST_ITEM = re.compile(r"^" + MARK + r"\s*(?:对\s*)?" + TITLE)
FOLLOWS = re.compile(r"((?:" + TITLE + r"[、，,和及与\s]*)+)根据本决定作?(?:相应|相关)?的?(?:修改|修正)")
# "一、将《X》第三条…修改为…", "将《X》第五条、《Y》第五条中的…": the titles before the first quotation.
LEAD = re.compile(r"^(?:" + MARK + r"\s*)?(?:(?:将|删除|删去)\s*" + TITLE + r"\s*(?:第|中|名称|的)|在\s*" + TITLE +
                  r"\s*(?:第|中)|增加[^“《]{0,12}作为\s*" + TITLE + r"\s*第)")
# "（一）江西省立法条例" under "二、修改11件地方性法规": a title without 《》.
BARE_ITEM = re.compile(r"^" + MARK + r"\s*([^\s，。；：:“”《》（）]{2,40}(?:《[^《》]{2,40}》)?[^\s，。；：:“”《》（）]{0,40}(?:条例|办法|规定|规则|细则|守则|决定))$")
REPEAL_ITEM = re.compile(r"^(?:" + MARK + r"\s*)?废止([^《“”。]{0,80}?的)" + TITLE)
REPEAL_AT = re.compile(r"废止\s*((?:" + TITLE + r"\s*(?:（[^（）]*）)?[、，,和及与\s]*)+)")
TITLE_ONLY = re.compile(TITLE + r"\s*((?:（[^（）]*）)?)")


DELETE = re.compile(r"^(?:" + MARK + r"\s*)?(?:删除|删去)\s*(?:" + TITLE + r"\s*)?((?:第" + NUM + r"条(?:第" + NUM +
                    r"款)?[、和，,])*第" + NUM + r"条(?:第" + NUM + r"款)?)[。；;]?$")


def outside_titles(s):
    return re.sub(r"《(?:[^《》]|《[^《》]*》)*》", "《》", s)


def is_amending(name):
    """A decision that amends local instruments (it may repeal others too)."""
    rest = outside_titles(name)
    return "决定" in rest and re.search(r"修改|修正", rest) is not None


def clean_title(t):
    t = re.sub(r"\s+", "", t.translate(ZERO_WIDTH))
    return t.translate(str.maketrans("<>‹›＜＞", "〈〉〈〉〈〉"))


def body_lines(body):
    """The body's lines, stripped, with lines broken inside a title joined."""
    out, pending = [], ""
    for raw in body:
        s = raw.translate(ZERO_WIDTH).replace("\u3000", " ").strip()
        if not s:
            continue
        s = pending + s
        if s.count("《") > s.count("》") and len(s) < 300:
            pending = s
            continue
        pending = ""
        out.append(s)
    if pending:
        out.append(pending)
    return out


def mode_of(line):
    """修改 or 废止 when a line heads a part of the decision (一、修改下列地方性法规：), else None."""
    s = re.sub("^" + MARK + r"\s*", "", line)
    if re.match(r"(?:将|删去|删除|增加|在|第|本条例|“|《)", s) or "修改为" in s:
        return None  # an operation, or an item of the list (its history in parentheses)
    head = re.split(r"[“：:]", re.sub(r"（[^（）]*）", "", outside_titles(s)), 1)[0]
    amend, repeal = re.search(r"修改|修正", head), "废止" in head
    if amend and not repeal:
        return "修改"
    if repeal and not amend:
        return "废止"
    return None


def operations(name, body):
    """→ (amended titles, repealed [(title, adoption dates named)], titles of unsure part)
    of a decision, in the order found, each once."""
    lines = body_lines(body)
    # The title said again over the first lines ("关于修改和" / "废止《X》等7部" / …): no operation.
    flat = re.sub(r"\s+", "", name)
    while lines and re.sub(r"\s+", "", lines[0]) in flat:
        lines.pop(0)
    amended, repealed, unsure = [], [], []
    rest = outside_titles(name)
    title_says_repeal = "废止" in rest
    # The title: 关于修改《X》…的决定 (and 《Y》 listed with it); not 关于修改和废止《X》, which may be either.
    m = re.search(r"关于(?:集中)?(?:修改|修正)\s*(" + r"(?:" + TITLE + r"[、和及与\s]*)+)", name)
    if m:
        amended += [clean_title(t.group(1)) for t in re.finditer(TITLE, m.group(1))]
    mode = None
    text = "".join(lines)
    for line in lines:
        new = mode_of(line)
        if new:
            mode = new
        for t in AMEND_AT.finditer(line):
            amended.append(clean_title(t.group(1)))
        for r in REPEAL_AT.finditer(line):
            for t in TITLE_ONLY.finditer(r.group(1)):
                repealed.append((clean_title(t.group(1)), [dl.iso(d) for d in dl.DATE.finditer(t.group(2))]))
        if LEAD.match(line):  # not "在《…公报》上刊登" inside a quoted new provision
            amended += [clean_title(t.group(1)) for t in re.finditer(TITLE, re.split("[“\"]", line, 1)[0])]
        bare = BARE_ITEM.match(line)
        if bare and (mode == "修改" or mode is None and not title_says_repeal):
            amended.append(clean_title(bare.group(1)))
        # "（一）废止1988年4月7日…会议通过的《X》": the adoption date before the title.
        item = REPEAL_ITEM.match(line)
        if item and not REPEAL_AT.search(line):
            repealed.append((clean_title(item.group(2)), [dl.iso(d) for d in dl.DATE.finditer(item.group(1))]))
            continue
        item = LIST_ITEM.match(line)
        if item and not AMEND_AT.search(line) and not REPEAL_AT.search(line):
            title = clean_title(item.group(1))
            if mode == "废止":
                dates = TITLE_ONLY.match(line[item.start(1) - 1:])
                repealed.append((title, [dl.iso(d) for d in dl.DATE.finditer(dates.group(2) if dates else "")]))
            elif mode == "修改" or not title_says_repeal:
                amended.append(title)
            else:
                unsure.append(title)
    for m in FOLLOWS.finditer(text):
        amended += [clean_title(t.group(1)) for t in re.finditer(TITLE, m.group(1))]
    # A shorthand (对《条例》结构调整) names nothing.
    amended = [t for t in amended if len(t) >= 6]
    gone = {r[0] for r in repealed}
    key = lambda t: re.sub(r"[《》〈〉]", "", t)  # one title spelt with 《》 and with 〈〉 inside
    gone = {key(t) for t in gone}
    seen, out_a = set(gone), []
    for t in amended:
        if key(t) not in seen:
            seen.add(key(t))
            out_a.append(t)
    seen, out_r = set(), []
    for r in repealed:
        if key(r[0]) not in seen:
            seen.add(key(r[0]))
            out_r.append(r)
    done = {key(t) for t in out_a} | seen
    return out_a, out_r, [t for t in dict.fromkeys(unsure) if key(t) not in done]


def deletions(name, body, amended):
    """→ [(title, article, paragraph)]: the whole articles and 款 the decision deletes, each under
    the instrument being amended where it stands: the only one, or the last one of the
    decision's amended instruments a line names (outside quoted new wording). A heading that
    names an instrument the decision does not amend (a 草案, a national law) files nothing
    under it until the next one it does."""
    key = lambda t: re.sub(r"[《》〈〉\s]", "", t)
    mine = {key(t) for t in amended}
    target = amended[0] if len(amended) == 1 else None
    out = []
    for line in body_lines(body):
        m = DELETE.match(line)
        if m:
            title = clean_title(m.group(1)) if m.group(1) else target
            if title and key(title) in mine:
                for art, para in re.findall(r"第(" + NUM + r")条(?:第(" + NUM + r")款)?", m.group(2)):
                    out.append((title, dl.cn_int(art), dl.cn_int(para) if para else 0))
            continue
        head = re.split("[“\"]", line, 1)[0]  # not a title inside a quoted new provision
        titles = [clean_title(t.group(1)) for t in re.finditer(TITLE, head)]
        named = [t for t in titles if key(t) in mine]
        bare = BARE_ITEM.match(line)
        if named:
            target = named[0]
        elif titles and re.match(r"^(?:" + MARK + r")?\s*(?:对|关于|修改)?\s*《", head):
            target = None if len(amended) > 1 else target
        elif bare:
            target = clean_title(bare.group(1)) if key(bare.group(1)) in mine else None
    return out


def dates_in(history, body):
    """The decision's stages [(date, description)], adoption first — from its history lines
    or, when the dump gives none, from the parenthesis under its title in the body
    （2022年1月17日…会议通过）."""
    stages = []
    for date, desc in history:
        # One line may hold two stages: "…会议通过 2023年3月24日…会议批准".
        parts = re.split(r"(?=\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)", desc)
        stages.append((date, parts[0]))
        for p in parts[1:]:
            d = dl.DATE.match(p)
            if d:
                stages.append((dl.iso(d), p[d.end():]))
    if not stages:
        head = "".join(body_lines(body[:20]))
        m = re.search(r"[（(]((?:[^（）()]*?\d{4}\s*年[^（）()]*?(?:通过|批准)[^（）()]*)+)[）)]", head)
        if m:
            for d in re.finditer(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日([^\d]*)", m.group(1)):
                stages.append((dl.iso(d), d.group(4)))
    return stages


def deleted_lines(e):
    """The `deleted:` lines of an entry: each deletion under the version its decision made
    (the version within a month of the decision's date, by its date or meeting), in order."""
    rows = set()
    dates = sorted(e["versions"])
    for when, art, para, decision in e.get("deleted", ()):
        for date, v in e["versions"].items():
            if any(abs(dl.days(when) - dl.days(d)) <= 31 for d in [date, v.get("meeting")] + v.get("also", []) if d):
                before = [d for d in dates if d < date]
                # Not filed when the version before it is a stage of the same revision (history
                # lines paired wrongly: a citation of it would be told of a deletion it never had)
                # or has fewer articles than the one deleted (the dump's text is another's).
                if before and dl.days(date) - dl.days(before[-1]) < 62:
                    break
                count = e["versions"][before[-1]].get("articles") if before else None
                if count and art > count:
                    break
                rows.add((date, art, para, decision.replace("《", "〈").replace("》", "〉")))
                break
    if not rows:
        return []
    lines = ["  deleted:"]
    for date, art, para, by in sorted(rows):
        extra = f", paragraph: {para}" if para else ""
        lines.append(f"    - {{version: {date}, article: {art}{extra}, by: {dl.yq(by)}}}")
    return lines


def version_date(stages, city, province_in, body_of):
    """(date, meeting) of the version a decision makes: its adoption, or for a city's (a
    prefecture's, an autonomous county's) decision the province's 批准 with the city's
    adoption as meeting; (None, why) when it cannot be told."""
    if not stages:
        return None, "no dated history line"
    if not city:
        return stages[0][0], None
    for date, desc in stages[1:]:
        if "批准" in desc or province_in(body_of(desc)):
            return date, stages[0][0]
    return None, "a city decision without the province's 批准 date"


def amend(inst, decisions, report):
    """Adds to `inst` the versions the amending decisions make. `decisions`: (name, history,
    body, province, place, rel) of each amending decision, once; `report` gets a row
    (what, decision, detail) for every version added ("added") and every name or decision
    not taken (why)."""
    import flk_local as fl  # imported by it: its helpers are loaded by now
    for name, history, body, province, place, rel in decisions:
        amended, _, unsure = operations(name, body)
        for t in unsure:
            report.append(("unsure", name, f"《{t}》 listed where the decision does not say 修改 or 废止"))
        if not amended:
            report.append(("nothing named", name, rel))
            continue
        city = place != province
        stages = dates_in(history, body)
        date, why = version_date(stages, city, fl.province_in, fl.body_of)
        deleted = {}
        for title, art, para in deletions(name, body, amended):
            deleted.setdefault(fl.normalize(title), []).append((art, para))
        for title in amended:
            e = inst.get(fl.normalize(title))
            if e is None:
                report.append(("not matched", name, f"《{title}》"))
                continue
            if e["province"] != province or (city and e["place"] != place):
                report.append(("other region", name, f"《{title}》 is {e['province']}{e['place']}'s"))
                continue
            when, meeting = (date, why) if date else (None, None)
            if when is None and city and "经济特区" in e["name"] and stages:
                when = stages[0][0]  # 经济特区法规 need no 批准
            if when is None:
                report.append(("no date", name, f"《{title}》: {why}"))
                continue
            first = min(e["versions"].values(), key=lambda v: v["date"], default=None)
            if first and first["kind"] == "制定" and when < first["date"]:
                # A namesake made again later (贵阳市统计监督管理规定: amended 2013, made anew 2014).
                report.append(("before its 制定", name, f"《{e['name']}》 {when} < {first['date']}"))
                continue
            # Deleted articles, dated by the decision: write() files them under the version
            # that date ends up in (its own history's, or the one added here).
            for art, para in deleted.get(fl.normalize(title), []):
                e.setdefault("deleted", set()).add((when, art, para, name))
            if any(abs(dl.days(when) - dl.days(d)) <= 31 for v in e["versions"].values()
                   for d in [v["date"], v.get("meeting")] + v.get("also", []) if d):
                report.append(("present", name, f"《{e['name']}》 {when}"))
                continue  # its own history has that version
            v = {"date": when, "kind": "修正", "decision": name}
            if meeting and meeting != when:
                v["meeting"] = meeting
            e["versions"][when] = v
            # Inside 《…》 the inner title marks become 〈〉 (as in deletions.yaml).
            e["sources"].add("flk 修改决定《" + name.replace("《", "〈").replace("》", "〉") + f"》（{when}）")
            report.append(("added", name, f"《{e['name']}》 {when}"))

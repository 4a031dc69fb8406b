#!/usr/bin/env python3
"""The review desk's API (CLI.md "serve", issue 26), end to end against the real binary:
the round (upload, findings, decisions, annotated workbook read back, letter, return, revision
with decisions carried over, diff, approve, publish, site), the checks every request passes
(Host 421, CSRF 403, login 401, another department 403), hostile input (../ names, <script> in
cells and reasons, a zip bomb, 50 MB, damaged JSON), folders sent as .zip (workbooks, a catalog,
GB18030 names; bombs, ../ and links refused), kill -9 during an upload and a check, two
officers deciding at once.

usage: api_test.py POWERLIST SOURCE_DIR WORK_DIR"""
import io
import json
import os
import socket
import subprocess
import sys
import threading
import time
import zipfile

import openpyxl

sys.path.insert(0, os.path.dirname(__file__))
from desk_client import Desk  # noqa: E402
from desk_fixtures import DEPT, ROWS, workbook  # noqa: E402

BIN, SRC, WORK = sys.argv[1:4]
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def fixtures():
    fx = os.path.join(WORK, "fx")
    subprocess.run([sys.executable, os.path.join(SRC, "tests/workbooks/make_fixtures.py"), fx],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, os.path.join(SRC, "tests/workbooks/make_fixtures.py"), "--bad",
                    os.path.join(WORK, "bad")], check=True, stdout=subprocess.DEVNULL)
    return fx


def round_trip(desk):
    s = desk.session()
    check(s["user"] is None and not s["accounts"], "loopback desk: no login needed")
    status, h = desk.request("GET", "/api/health")
    check(status == 200 and h["ok"] and h["law_base"] >= "2025-11-22", f"health {h}")

    status, r = desk.upload([("../../x.xlsx", workbook(ROWS))])
    check(status == 202 and r["submissions"][0]["file"] == "x.xlsx",
          f"upload answers 202 with the file's own name, no path: {r}")
    first = desk.wait_checked(r["submissions"][0]["id"])
    check(first["state"] == "审核中" and first["department"] == DEPT and first["items"] == 3,
          f"checked: department inferred, 3 items: {first}")
    check(not os.path.exists(os.path.join(WORK, "x.xlsx")) and
          not os.path.exists(os.path.join(os.path.dirname(WORK), "x.xlsx")),
          "a ../../ name writes nothing outside the desk")
    status, f = desk.request("GET", f"/api/submissions/{first['id']}/findings")
    findings = f["findings"]
    by_item = {}
    for x in findings:
        by_item.setdefault(x["item_name"], []).append(x)
    check(all(name in by_item for name, _, _ in ROWS), f"a finding on each item: {list(by_item)}")
    sup = [x for x in findings if x["rule"] == "basis/superseded-version"]
    check(len(sup) >= 3 and all(x["sheet"] == "行政职权" and x["cell"] for x in sup),
          f"superseded versions with sheet and cell ({len(sup)})")

    # Decisions: a dismissal needs a reason; one confirmed, one dismissed with markup in it.
    a, b, c = (by_item[n][0] for n, _, _ in ROWS)
    status, _ = desk.request("POST", f"/api/findings/{a['id']}/decision", {"verdict": "dismissed"})
    check(status == 400, "dismissed without a reason → 400")
    status, _ = desk.request("POST", f"/api/findings/{a['id']}/decision", b"{not json")
    check(status == 400, "damaged JSON → 400")
    reason = "<script>alert(1)</script>部门引用正确"
    check(desk.request("POST", f"/api/findings/{a['id']}/decision",
                       {"verdict": "dismissed", "reason": reason})[0] == 200, "dismiss a")
    check(desk.request("POST", f"/api/findings/{b['id']}/decision",
                       {"verdict": "confirmed"})[0] == 200, "confirm b")
    check(desk.request("POST", f"/api/findings/{c['id']}/decision",
                       {"verdict": "confirmed"})[0] == 200, "confirm c")
    status, f = desk.request("GET", f"/api/submissions/{first['id']}/findings")
    got = {x["id"]: x["decision"] for x in f["findings"]}
    check(got[a["id"]]["reason"] == reason and got[b["id"]]["verdict"] == "confirmed",
          "decisions kept, the reason as written (text, not markup)")

    # The annotated workbook holds the confirmed and undecided findings, not the dismissed one.
    status, data = desk.request("GET", f"/api/submissions/{first['id']}/annotated.xlsx")
    check(status == 200 and data[:2] == b"PK", "annotated.xlsx downloaded")
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["行政职权"]
    opinions = {}
    head = [c.value for c in ws[1]]
    col = head.index("审核意见") if "审核意见" in head else None
    for row in ws.iter_rows(min_row=2, values_only=True):
        if row[1] and col is not None:
            opinions[row[1]] = row[col] or ""
    check(col is not None, f"审核意见 column in the department's own sheet: {head}")
    check("农药管理条例" not in opinions.get("农药经营许可", "x"),
          f"the dismissed finding is not in the workbook: {opinions.get('农药经营许可')!r}")
    check("种子法" in opinions.get("种子生产经营许可", ""), "the confirmed finding is in the workbook")
    status, pdf = desk.request("GET", f"/api/submissions/{first['id']}/letter.pdf")
    check(status == 200 and pdf[:5] == b"%PDF-", "letter.pdf")

    check(desk.request("POST", f"/api/submissions/{first['id']}/state",
                       {"state": "审核中"})[0] == 400, "state other than 已退回/已通过 → 400")
    check(desk.request("POST", f"/api/submissions/{first['id']}/state",
                       {"state": "已退回"})[0] == 200, "return")

    # The revision: item 3's citation corrected; items 1 and 2 unchanged.
    rows2 = [ROWS[0], ROWS[1],
             [ROWS[2][0], ROWS[2][1], "《中华人民共和国动物防疫法》（2021年1月22日修订）第九十二条"]]
    status, r = desk.upload([("revision.xlsx", workbook(rows2))])
    second = desk.wait_checked(r["submissions"][0]["id"])
    check(second["revision_of"] == first["id"] and second["state"] == "已修改",
          f"the revision answers the returned submission: {second}")
    status, f = desk.request("GET", f"/api/submissions/{second['id']}/findings")
    carried = {(x["item_name"], x["decision"]["verdict"]) for x in f["findings"]
               if x["decision"] and x["decision"]["carried"]}
    check(("农药经营许可", "dismissed") in carried and ("种子生产经营许可", "confirmed") in carried,
          f"decisions carried over to the unchanged citations: {carried}")
    check(not any(x["item_name"] == ROWS[2][0] and x["decision"] for x in f["findings"]),
          "a changed citation is decided again")
    status, d = desk.request("GET", f"/api/submissions/{second['id']}/diff")
    check(status == 200 and any(i["name"] == ROWS[2][0] for i in d["changed"]),
          "diff names the changed item")

    status, o = desk.request("GET", "/api/overview")
    check(status == 200 and o["departments"][0]["latest"]["id"] == second["id"], "overview")
    check(desk.request("POST", f"/api/submissions/{second['id']}/state",
                       {"state": "已通过"})[0] == 200, "approve")
    status, p = desk.request("POST", "/api/publish")
    check(status == 200 and p["items"] == 3 and p["site"] == "/site/index.html", f"publish {p}")
    status, page = desk.request("GET", "/site/index.html")
    check(status == 200 and "种子生产经营许可".encode() in page, "the public site is served")
    for bad in ("/site/../desk.sqlite3", "/site/%2e%2e/desk.sqlite3", "/site/..%2fdesk.sqlite3"):
        check(desk.request("GET", bad)[0] in (400, 404), f"{bad} is not served")
    return second


def hostile(desk, fx):
    with open(os.path.join(fx, "hostile.xlsx"), "rb") as fh:
        status, r = desk.upload([("hostile.xlsx", fh.read())])
    s = desk.wait_checked(r["submissions"][0]["id"])
    status, f = desk.request("GET", f"/api/submissions/{s['id']}/findings")
    check(s["state"] in ("审核中", "failed") and status == 200 and
          all("<script" not in x["message"] or x["message"].count("<") for x in f["findings"]),
          f"markup in every cell: checked, answered as JSON ({s['state']})")
    with open(os.path.join(WORK, "bad", "zipbomb.xlsx"), "rb") as fh:
        status, r = desk.upload([("zipbomb.xlsx", fh.read())])
    s = desk.wait_checked(r["submissions"][0]["id"])
    check(s["state"] == "failed" and s["error"], f"zip bomb refused with a reason: {s['error'][:80]}")
    big = os.urandom(1 << 20) * 50
    status, r = desk.upload([("big.xlsx", big)])
    check(status == 202, "a 50 MB upload is taken")
    s = desk.wait_checked(r["submissions"][0]["id"])
    check(s["state"] == "failed", "…and refused by the check as not a workbook")
    status, _ = desk.request("GET", "/api/health", headers={"Host": "evil.example:80"})
    check(status == 421, "a foreign Host → 421")
    saved, desk.csrf = desk.csrf, ""
    check(desk.upload([("a.xlsx", b"x")])[0] == 403, "no CSRF token → 403")
    desk.csrf = "0" * 32
    check(desk.request("POST", "/api/publish")[0] == 403, "wrong CSRF token → 403")
    desk.csrf = saved
    # Two officers deciding at once: every decision is kept.
    status, f = desk.request("GET", "/api/submissions/1/findings")
    ids = [x["id"] for x in f["findings"]][:2]
    results = []

    def decide(fid, verdict):
        results.append(desk.request("POST", f"/api/findings/{fid}/decision",
                                    {"verdict": verdict, "reason": "并发"})[0])
    threads = [threading.Thread(target=decide, args=(fid, v)) for fid in ids
               for v in ("confirmed", "dismissed")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check(results == [200] * 4, f"concurrent decisions all answered 200: {results}")
    db = os.path.join(desk.data, "desk.sqlite3")
    n = subprocess.run(["python3", "-c", f"import sqlite3;print(sqlite3.connect('{db}').execute("
                        f"'select count(*) from decisions where reason=\"并发\"').fetchone()[0])"],
                       capture_output=True, text=True).stdout.strip()
    check(n == "4", f"all four concurrent decisions recorded ({n})")


def zipped(members):
    """A .zip of (name, bytes) members; a name given as bytes is stored raw (GB18030, as the zip
    tools of Chinese Windows write it); a member named with a leading '@' is a symbolic link."""
    buf = io.BytesIO()
    raw = []
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for i, (name, data) in enumerate(members):
            if isinstance(name, bytes):  # placeholder of the same length, patched below
                stand_in = f"{i:0{len(name)}d}"
                raw.append((stand_in.encode(), name))
                name = stand_in
            info = zipfile.ZipInfo(name.lstrip("@"))
            info.compress_type = zipfile.ZIP_DEFLATED
            if name.startswith("@"):
                info.create_system = 3
                info.external_attr = 0o120777 << 16
            z.writestr(info, data)
    out = buf.getvalue()
    for stand_in, name in raw:
        out = out.replace(stand_in, name)
    return out


def catalog_zip():
    root = os.path.join(SRC, "examples", "示范县")
    members = []
    for folder, _, files in sorted(os.walk(root)):
        for f in sorted(files):
            path = os.path.join(folder, f)
            with open(path, "rb") as fh:
                text = fh.read()
            if f == "jtysj.yaml":  # one article that does not exist: a finding to look at
                text = text.replace(b'articles: ["10.2"]', b'articles: ["999"]', 1)
                # …which the department marks as not applying: the office still sees it.
                text = text.replace(b"  - key: dlkyjyxk\n",
                                    "  - key: dlkyjyxk   # powerlist: ignore basis/article-range 部门认为无误\n"
                                    .encode(), 1)
            members.append(("示范县/" + os.path.relpath(path, root), text))
    members.append(("__MACOSX/示范县/._powerlist.yaml", b"Finder's resource fork"))
    return zipped(members)


def folders(data):
    desk = Desk(BIN, data)
    try:
        desk.session()
        count = lambda: len(desk.request("GET", "/api/submissions")[1]["submissions"])  # noqa
        z = zipped([("报送/农业农村局.xlsx", workbook(ROWS)),
                    ("报送/~$农业农村局.xlsx", b"lock file"), ("报送/说明.docx", b"not a workbook"),
                    ("__MACOSX/报送/._农业农村局.xlsx", b""),
                    ("报送/统计局.xlsx".encode("gb18030"), workbook(ROWS[:1]))])
        status, r = desk.upload([("各部门.zip", z)])
        names = sorted(x["file"] for x in r.get("submissions", []))
        check(status == 202 and names == ["农业农村局.xlsx", "统计局.xlsx"],
              f"a zipped folder of workbooks: one submission per workbook, GB18030 names read: {names}")
        subs = [desk.wait_checked(x["id"]) for x in r["submissions"]]
        check(sorted(x["items"] for x in subs) == [1, 3] and all(x["state"] == "审核中" for x in subs),
              f"each workbook of the folder checked: {[(x['file'], x['items']) for x in subs]}")

        status, r = desk.upload([("示范县目录.Zip", catalog_zip())])
        check(status == 202 and len(r["submissions"]) == 1,
              "a zipped catalog folder (powerlist.yaml; made on a Mac, named .Zip) is one submission")
        cat = desk.wait_checked(r["submissions"][0]["id"])
        check(cat["state"] == "审核中" and cat["items"] >= 46 and cat["department"],
              f"the catalog checked: {cat['items']} items, department {cat['department']}")
        status, f = desk.request("GET", f"/api/submissions/{cat['id']}/findings")
        files = {x.get("file", "") for x in f["findings"]}
        check(status == 200 and f["findings"] and
              all(x.startswith("departments/") or x == "powerlist.yaml" or x == ""
                  for x in files),
              f"findings name the catalog's own files, not where it was unpacked: {sorted(files)[:4]}")
        claimed = [x for x in f["findings"] if x.get("suppressed")]
        check(len(claimed) == 1 and claimed[0]["suppressed"]["reason"] == "部门认为无误",
              "a finding the catalog suppresses is still listed, with the department's reason")
        status, book, _ = desk.request("GET", f"/api/submissions/{cat['id']}/annotated.xlsx",
                                       raw=True)
        wb = openpyxl.load_workbook(io.BytesIO(book)) if status == 200 else None
        check(wb is not None and wb.active.max_row > 1,
              "a catalog's annotated.xlsx is its review workbook")
        status, pdf, _ = desk.request("GET", f"/api/submissions/{cat['id']}/letter.pdf", raw=True)
        text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True).stdout.decode()
        check(status == 200 and "审核意见" in text and "示司审〔2025〕36号" not in text,
              "the letter is the office's: the catalog's own audit: 文号 does not reach it")
        check(not os.listdir(os.path.join(data, "work")) if os.path.isdir(os.path.join(data, "work"))
              else True, "nothing left unpacked after the check")

        # A finding without a corrected text shows what its cell cites, as in force (law show).
        status, r = desk.upload([("条款.xlsx", workbook(
            [["种子生产经营许可", "行政许可", "《中华人民共和国种子法》第三十一条第九款"]], dept="示范市种子站"))])
        s = desk.wait_checked(r["submissions"][0]["id"])
        f = desk.request("GET", f"/api/submissions/{s['id']}/findings")[1]["findings"]
        shown = [t for x in f if x["rule"] == "basis/clause-range" for t in x.get("in_force", [])]
        check(shown and shown[0]["law"] == "中华人民共和国种子法" and
              shown[0]["article"] == "第三十一条第九款" and "种子" in shown[0]["text"],
              f"clause-range: the article in force beside it: {str(shown)[:120]}")

        before = count()
        refusals = [
            ("bomb.zip", zipped([("a.xlsx", b"\0" * (130 << 20))]), "超过上限"),
            ("escape.zip", zipped([("../../escape.xlsx", workbook(ROWS))]), "不安全"),
            ("link.zip", zipped([("@link.xlsx", b"/etc/passwd")]), "不安全"),
            ("cut.zip", zipped([("a.xlsx", workbook(ROWS))])[:200], "损坏"),
            ("empty.zip", zipped([("readme.txt", b"x")]), "既没有工作簿"),
            ("many.zip", zipped([(f"{i}.csv", b"x,y\n") for i in range(501)]), "最多"),
        ]
        for name, content, words in refusals:
            status, answer = desk.upload([(name, content)])
            check(status == 400 and words in answer.get("error", ""),
                  f"{name} refused with a reason: {status} {answer.get('error', '')[:60]}")
        check(count() == before, "refused archives leave no submission")
        # One budget for all the archives of one request (not 120 MB each).
        part = zipped([("a.csv", b"\0" * (45 << 20))])
        status, answer = desk.upload([(f"p{i}.zip", part) for i in range(3)])
        check(status == 400 and "超过上限" in answer.get("error", ""),
              f"three archives of 45 MB each in one request: over the one budget ({status})")
        check(count() == before, "…and nothing stored")
        check(not os.path.exists(os.path.join(os.path.dirname(data), "escape.xlsx")) and
              not os.path.exists(os.path.join(data, "escape.xlsx")),
              "a ../ member writes nothing")

        check(desk.request("POST", f"/api/submissions/{cat['id']}/state",
                           {"state": "已通过"})[0] == 200, "approve the catalog")
        status, p = desk.request("POST", "/api/publish")
        check(status == 200 and p["items"] > 0, f"a catalog folder is published: {p}")
        check(desk.request("POST", f"/api/submissions/{subs[0]['id']}/state",
                           {"state": "已通过"})[0] == 200, "approve a workbook too")
        status, p = desk.request("POST", "/api/publish")
        check(status == 409 and "单独发布" in p.get("error", ""),
              f"a catalog and a workbook together: 409 saying why ({status})")
    finally:
        desk.stop()


def killed(data):
    """kill -9 mid-upload and mid-check: no half submission, no decision lost."""
    desk = Desk(BIN, data)
    desk.session()
    before = len(desk.request("GET", "/api/submissions")[1]["submissions"])
    decided = desk.request("GET", "/api/submissions/1")[1]["decided"]
    # Half a multipart body, then the desk is killed.
    sock = socket.create_connection(("127.0.0.1", desk.port))
    sock.sendall((f"POST /api/submissions HTTP/1.1\r\nHost: 127.0.0.1:{desk.port}\r\n"
                  f"X-CSRF-Token: {desk.csrf}\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                  "Content-Length: 10000000\r\n\r\n--b\r\nContent-Disposition: form-data; "
                  'name="file"; filename="half.xlsx"\r\n\r\nPK').encode() + b"x" * 100000)
    time.sleep(0.5)
    desk.kill()
    sock.close()
    desk = Desk(BIN, data)
    desk.session()
    subs = desk.request("GET", "/api/submissions")[1]["submissions"]
    check(len(subs) == before, "killed mid-upload: no submission")
    # A check killed halfway is run again on the next start.
    status, r = desk.upload([("again.xlsx", workbook(ROWS, "再次"))])
    sid = r["submissions"][0]["id"]
    desk.kill()
    desk = Desk(BIN, data)
    s = desk.wait_checked(sid)
    check(s["state"] in ("审核中", "已修改") and s["findings"] > 0,
          f"killed mid-check: checked again after the restart ({s['state']}, {s['findings']})")
    check(desk.request("GET", "/api/submissions/1")[1]["decided"] == decided,
          "no decision lost")
    desk.stop()


def accounts(data):
    r = subprocess.run([BIN, "serve", "--data", data, "--listen", "0.0.0.0:1"],
                       capture_output=True, text=True)
    check(r.returncode == 2 and "--add-user" in r.stderr, "beyond loopback without accounts: exit 2")
    for name, role, dept in (("fzb", "office", ""), ("nyj", "department", DEPT),
                             ("other", "department", "示范市交通运输局")):
        args = [BIN, "serve", "--data", data, "--add-user", name, "--role", role]
        if dept:
            args += ["--department", dept]
        r = subprocess.run(args, input="secret-password\n", capture_output=True, text=True)
        check(r.returncode == 0, f"add user {name}: {r.stdout.strip()} {r.stderr.strip()}")
    desk = Desk(BIN, data, listen_host="0.0.0.0")
    desk.session()
    check(desk.request("GET", "/api/submissions")[0] == 401, "no login → 401")
    check(desk.login("fzb", "wrong-password") is None, "wrong password → 401")
    other = Desk.__new__(Desk)
    other.__dict__.update(desk.__dict__)
    cookie = other.login("other", "secret-password")
    check(cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie,
          f"session cookie HttpOnly, SameSite=Strict: {cookie}")
    check(other.request("GET", "/api/submissions/1")[0] == 403, "another department's → 403")
    check(other.request("GET", "/api/submissions/1/annotated.xlsx")[0] == 403,
          "another department's workbook → 403")
    check(other.request("GET", "/api/submissions")[1]["submissions"] == [],
          "a department lists only its own")
    own = Desk.__new__(Desk)
    own.__dict__.update(desk.__dict__)
    own.cookie = ""
    own.login("nyj", "secret-password")
    check(own.request("GET", "/api/submissions/1")[0] == 200, "own department's → 200")
    check(own.request("POST", "/api/findings/1/decision", {"verdict": "confirmed"})[0] == 403,
          "a department cannot decide")
    desk.stop()


def main():
    os.makedirs(WORK, exist_ok=True)
    fx = fixtures()
    data = os.path.join(WORK, "desk")
    desk = Desk(BIN, data)
    try:
        round_trip(desk)
        hostile(desk, fx)
    finally:
        desk.stop()
    folders(os.path.join(WORK, "desk-folders"))
    killed(data)
    accounts(data)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The desk's whole round in a real browser (issue 26): Debian's Chromium, headless, driven
through the DevTools protocol (python3-websocket). Two workbooks are dropped into 收件 (the real
agriculture and statistics workbooks of ../shared/data/realworld when present, else generated
ones), three findings decided on the 审核 page, the marked-up workbook downloaded and read back,
the submission returned, a revision uploaded and the decisions found carried over, both
approved, the overview drawn, the catalog published and the public site opened. A screenshot
of each page goes to ART.

usage: browser_round.py POWERLIST SOURCE_DIR WORK_DIR ART_DIR"""
import base64
import glob
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request

import openpyxl
import websocket

sys.path.insert(0, os.path.dirname(__file__))
from desk_client import Desk  # noqa: E402
from desk_fixtures import ROWS, workbook  # noqa: E402

BIN, SRC, WORK, ART = sys.argv[1:5]
# Checking real workbooks is the desk's slow step, slower still in the sanitizer build (a
# 372-citation .xls reads the law base and builds its full-text index): this test is about the
# round, not the speed (bench/desk_load.py measures that).
CHECK_TIMEOUT = 900
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


class Browser:
    def __init__(self, profile):
        chrome = shutil.which("chromium") or shutil.which("chromium-browser")
        self.proc = subprocess.Popen(
            [chrome, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-dev-shm-usage", "--remote-debugging-port=0", "--remote-allow-origins=*",
             f"--user-data-dir={profile}", "--window-size=1400,1000", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(profile, "DevToolsActivePort")
        for _ in range(200):
            if os.path.exists(port_file) and open(port_file).read().strip():
                break
            time.sleep(0.1)
        port = open(port_file).read().split()[0]
        pages = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        page = next(p for p in pages if p["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=180,
                                              suppress_origin=True)
        self.next_id = 0

    def send(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def js(self, expr):
        r = self.send("Runtime.evaluate", expression=expr, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expr[:80]}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def wait(self, expr, timeout=120):
        end = time.time() + timeout
        while time.time() < end:
            v = self.js(f"Promise.resolve({expr}).then(v => !!v)")
            if v:
                return v
            time.sleep(0.25)
        shown = self.js("document.body ? document.body.innerText.slice(0, 400) : ''")
        raise RuntimeError(f"timed out waiting for {expr}; the page shows: {shown}")

    def go(self, url):
        self.send("Page.navigate", url=url)
        time.sleep(0.3)
        self.wait("document.readyState === 'complete'")

    def shot(self, name):
        """The whole page, and its first 1,400 px as NAME-top.png (a long page shrinks to
        nothing when looked at whole)."""
        data = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
        with open(os.path.join(ART, name), "wb") as fh:
            fh.write(base64.b64decode(data))
        width = self.send("Runtime.evaluate", expression="document.documentElement.scrollWidth",
                          returnByValue=True)["result"]["value"]
        clip = {"x": 0, "y": 0, "width": width, "height": 1400, "scale": 1}
        data = self.send("Page.captureScreenshot", format="png", clip=clip,
                         captureBeyondViewport=True)["data"]
        with open(os.path.join(ART, name.replace(".png", "-top.png")), "wb") as fh:
            fh.write(base64.b64decode(data))

    def choose_files(self, selector, paths):
        root = self.send("DOM.getDocument")["root"]["nodeId"]
        node = self.send("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        self.send("DOM.setFileInputFiles", nodeId=node, files=paths)

    def close(self):
        self.proc.kill()
        self.proc.wait()


def workbooks():
    real = os.path.join(SRC, "..", "shared", "data", "realworld")
    agri = os.path.join(real, "2024年市农业农村局权责清单.xls")
    stats = os.path.join(real, "2025年克拉玛依市统计局权责清单.xlsx")
    if os.path.exists(agri) and os.path.exists(stats) and not os.environ.get("DESK_GENERATED"):
        return os.path.abspath(agri), os.path.abspath(stats)
    print("(the real workbooks are not here: generated ones are used)")
    paths = []
    for name, rows, dept in (("农业农村局.xlsx", ROWS, "示范市农业农村局"), ("统计局.xlsx", [
            ["统计调查对象违法行为的处罚", "行政处罚",
             "《中华人民共和国统计法》（1983年12月8日通过）第三十七条"]], "示范市统计局")):
        path = os.path.join(WORK, name)
        with open(path, "wb") as fh:
            fh.write(workbook(rows, dept=dept))
        paths.append(path)
    return paths


def submissions(b):
    return b.js("fetch('/api/submissions').then(r => r.json()).then(d => d.submissions)")


def main():
    os.makedirs(WORK, exist_ok=True)
    os.makedirs(ART, exist_ok=True)
    downloads = os.path.join(WORK, "downloads")
    os.makedirs(downloads, exist_ok=True)
    first, second = workbooks()
    desk = Desk(BIN, os.path.join(WORK, "desk"))
    b = Browser(os.path.join(WORK, "profile"))
    try:
        b.send("Page.enable")
        b.send("Browser.setDownloadBehavior", behavior="allow", downloadPath=downloads)
        # 收件: both workbooks at once.
        b.go(desk.url + "#inbox")
        b.wait("document.querySelector('#file-input')")
        b.choose_files("#file-input", [first, second])
        b.wait("document.querySelectorAll('#submissions tbody tr').length === 2 && "
               "![...document.querySelectorAll('#submissions td.state')]"
               ".some(td => td.textContent.includes('检查中'))", timeout=CHECK_TIMEOUT)
        subs = submissions(b)
        check(len(subs) == 2 and all(s["state"] == "审核中" for s in subs),
              f"收件: two workbooks checked ({[(s['file'], s['findings']) for s in subs]})")
        b.shot("desk-inbox.png")
        agri = next(s for s in subs if os.path.basename(first) == s["file"])
        other = next(s for s in subs if s is not agri)

        # 审核: three decisions by clicking.
        b.go(desk.url + f"#review/{agri['id']}")
        b.wait("document.querySelectorAll('tr.finding').length > 3")
        decided = b.js("""(async () => {
            // Findings on the department's citations (not on the law base: those stay off the
            // department's workbook whatever is decided).
            const rows = [...document.querySelectorAll('tr.finding')].filter(r =>
                !/law-base-age|unknown-law/.test(r.querySelector('.hint').textContent)).slice(0, 3);
            rows[0].querySelector('button.confirm').click();
            rows[1].querySelector('button.confirm').click();
            rows[2].querySelector('input').value = '部门引用的是现行版本，<b>不采纳</b>';
            rows[2].querySelector('button.dismiss').click();
            return rows.map(r => +r.dataset.id);
        })()""")
        b.wait(f"{decided}.every(id => !document.querySelector(`tr.finding[data-id='${{id}}'] .verdict`)"
               ".textContent.includes('未决定'))")
        check(b.js("document.querySelectorAll('tr.finding.dismissed b').length") == 0,
              "a reason with markup is shown as text")
        b.shot("desk-review.png")
        findings = b.js(f"fetch('/api/submissions/{agri['id']}/findings').then(r => r.json())"
                        ".then(d => d.findings)")
        byid = {f["id"]: f for f in findings}
        verdicts = [byid[i]["decision"]["verdict"] if byid[i]["decision"] else None
                    for i in decided]
        check(verdicts == ["confirmed", "confirmed", "dismissed"], f"decisions stored {verdicts}")

        # 退回: the annotated workbook downloaded by the page's link, read back.
        b.js("document.querySelector('#annotated').click()")
        end = time.time() + 120
        got = []
        while time.time() < end and not got:
            got = [p for p in glob.glob(os.path.join(downloads, "*.xlsx"))]
            time.sleep(0.3)
        check(len(got) == 1, f"annotated workbook downloaded: {[os.path.basename(p) for p in got]}")
        wb = openpyxl.load_workbook(got[0])
        for fid, want in zip(decided, (True, True, False)):
            f = byid[fid]
            ws = wb[f["sheet"]]
            row = int("".join(ch for ch in f["cell"] if ch.isdigit()))
            head_row = next(r for r in range(1, row) if any(
                (c.value or "") == "审核意见" for c in ws[r]))
            col = next(c.column for c in ws[head_row] if c.value == "审核意见")
            text = ws.cell(row=row, column=col).value or ""
            check((f["message"][:20] in text) == want,
                  f"{f['cell']} {f['rule']}: {'in' if want else 'not in'} the workbook")
        b.js("document.querySelector('#return').click()")
        b.wait(f"fetch('/api/submissions/{agri['id']}').then(r => r.json())"
               ".then(s => s.state === '已退回')")
        b.shot("desk-returned.png")

        # The revision: the same workbook again; the decisions carried over.
        b.go(desk.url + "#inbox")
        b.wait("document.querySelector('#file-input')")
        b.choose_files("#file-input", [first])
        b.wait("fetch('/api/submissions').then(r => r.json()).then(d => d.submissions.length"
               " === 3 && d.submissions[2].state !== 'checking')", timeout=CHECK_TIMEOUT)
        rev = submissions(b)[2]
        check(rev["revision_of"] == agri["id"] and rev["decided"] == 3,
              f"revision answers #{agri['id']}, 3 decisions carried ({rev['decided']})")
        b.go(desk.url + f"#review/{rev['id']}")
        b.wait("document.querySelectorAll('tr.finding').length > 3")
        carried = b.js("[...document.querySelectorAll('tr.finding .verdict')]"
                       ".filter(v => v.textContent.includes('沿用上一稿')).length")
        check(carried == 3, f"the review page shows 3 carried decisions ({carried})")
        b.js("document.querySelector('#show-diff').click()")
        b.wait("document.querySelector('#diff h2')")
        b.shot("desk-revision.png")

        # 通过 both, 总览, 发布.
        b.js("document.querySelector('#approve').click()")
        b.wait(f"fetch('/api/submissions/{rev['id']}').then(r => r.json())"
               ".then(s => s.state === '已通过')")
        b.go(desk.url + f"#review/{other['id']}")
        b.wait("document.querySelector('#approve')")
        b.js("document.querySelector('#approve').click()")
        b.wait(f"fetch('/api/submissions/{other['id']}').then(r => r.json())"
               ".then(s => s.state === '已通过')")
        b.go(desk.url + "#overview")
        b.wait("document.querySelectorAll('#overview tbody tr').length === 2")
        check(b.js("document.querySelectorAll('svg rect.bar').length") == 2, "overview chart")
        b.shot("desk-overview.png")
        b.go(desk.url + "#publish")
        b.wait("document.querySelector('#publish') && !document.querySelector('#publish').disabled")
        b.js("document.querySelector('#publish').click()")
        b.wait("document.querySelector('#site-link')", timeout=600)
        b.shot("desk-publish.png")
        b.go(desk.url + "site/index.html")
        title = b.js("document.title")
        rows = b.js("document.querySelectorAll('tbody tr, li.item, [data-item]').length")
        check(bool(title) and rows > 0, f"the public site opens: {title!r}, {rows} rows")
        b.shot("desk-site.png")
    finally:
        b.close()
        desk.stop()
    print(f"{len(failures)} failure(s); screenshots in {ART}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Load on the review desk (issue 26): N concurrent uploads of one workbook, then M concurrent
API reads (a submission's findings, the list, the overview); prints p50/p99 latency of each
kind, the time until every upload is checked, and the desk's peak memory (VmHWM).

usage: bench/desk_load.py POWERLIST WORKBOOK [UPLOADS=20] [READS=200]"""
import os
import statistics
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "desk"))
from desk_client import Desk  # noqa: E402


def timed(n, fn):
    times, errors = [], []

    def one(i):
        t = time.perf_counter()
        status = fn(i)
        times.append(time.perf_counter() - t)
        if status >= 300:
            errors.append(status)
    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    times.sort()
    return times, errors


def pct(times, p):
    return times[min(len(times) - 1, int(p * len(times)))] * 1000


def main():
    binary, book = sys.argv[1], sys.argv[2]
    uploads = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    reads = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    data = open(book, "rb").read()
    with tempfile.TemporaryDirectory() as tmp:
        desk = Desk(binary, os.path.join(tmp, "desk"))
        desk.session()
        start = time.perf_counter()
        times, errors = timed(uploads, lambda i: desk.upload([(f"{i}-{os.path.basename(book)}",
                                                               data)])[0])
        print(f"{uploads} concurrent uploads of {len(data)} bytes: p50 {pct(times, .5):.0f} ms, "
              f"p99 {pct(times, .99):.0f} ms, errors {errors}")
        for s in desk.request("GET", "/api/submissions")[1]["submissions"]:
            desk.wait_checked(s["id"], timeout=1800)
        print(f"all {uploads} checked after {time.perf_counter() - start:.1f} s")
        paths = ["/api/submissions/1/findings", "/api/submissions", "/api/overview"]
        times, errors = timed(reads, lambda i: desk.request("GET", paths[i % 3])[0])
        print(f"{reads} concurrent API reads: p50 {pct(times, .5):.0f} ms, "
              f"p99 {pct(times, .99):.0f} ms, errors {errors}")
        hwm = [l for l in open(f"/proc/{desk.proc.pid}/status") if l.startswith("VmHWM")]
        print("desk peak memory:", hwm[0].split(":")[1].strip())
        desk.stop()


if __name__ == "__main__":
    main()

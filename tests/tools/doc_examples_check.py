#!/usr/bin/python3
"""Check that docs/rules.md's examples correspond to the rules' test cases.

For each implemented (✅) rule section `### family/name ✅` of docs/rules.md:
 1. every ```yaml (or, for monitor/* whose cases are ledgers, ```csv) fragment: each non-empty line, with any trailing `# …` comment removed and
    trimmed, must occur as a line (comment-stripped, trimmed) of the rule's .fail.yaml, in the
    same order (not necessarily consecutive). Lines that are only a comment, or only `…`/`……`,
    are skipped.
 2. the `修正：` line(s): each backticked snippet after `修正：` that contains ':' must occur,
    trimmed, as a substring of some comment-stripped line of the rule's .pass.yaml. Other
    snippets (prose, CLI options, durations such as `20工作日`) are skipped.
 3. every ✅ section must have at least one of the two.

Case files: tests/cases/rules/<family>_<name>.fail.yaml / .pass.yaml ('/' → '_'). Rules whose
cases are catalog folders (<stem>.fail/, <stem>.fail2/, <stem>.pass/: powerlist.yaml,
departments/*.yaml, powerlist.lock, baseline.yaml) are checked the same way against the
concatenation of the folder's files (sorted by relative path; every .fail* folder, then every
.pass* folder) and reported in a separate count.

A '#' starts a comment when it is the first character of the line or follows a space or tab
(the case files have no '#' inside quoted strings).

Usage: doc_examples_check.py [repo root, no default]   exit status 1 on any mismatch.
"""
import os
import re
import sys

ROOT = sys.argv[1]
DOC = os.path.join(ROOT, "docs/rules.md")
CASES = os.path.join(ROOT, "tests/cases/rules")

COMMENT = re.compile(r"(^|[ \t])#")


def strip_comment(line):
    m = COMMENT.search(line)
    if m:
        line = line[: m.start()]
    return line.strip()


def sections(doc):
    """Yield (rule id, status, line number, body lines) for every `### id status` heading."""
    lines = doc.split("\n")
    heads = [i for i, l in enumerate(lines) if l.startswith("### ") or l.startswith("## ")]
    for k, i in enumerate(heads):
        m = re.match(r"### (\S+) (✅|⏳)", lines[i])
        if not m:
            continue
        end = heads[k + 1] if k + 1 < len(heads) else len(lines)
        yield m.group(1), m.group(2), i + 1, lines[i + 1 : end]


def parse_section(body):
    """Return (fragments, fix snippets). A fragment is a list of its lines."""
    fragments, fixes, cur, fence = [], [], None, False
    for l in body:
        s = l.strip()
        if s.startswith("```"):
            if not fence:
                fence = True
                cur = [] if s in ("```yaml", "```csv") else None
            else:
                fence = False
                if cur is not None:
                    fragments.append(cur)
                cur = None
            continue
        if fence:
            if cur is not None:
                cur.append(l)
            continue
        at = l.find("修正：")
        if at >= 0:
            for snip in re.findall(r"`([^`]+)`", l[at:]):
                if ":" in snip:
                    fixes.append(snip.strip())
    return fragments, fixes


def fragment_lines(frag):
    out = []
    for l in frag:
        s = strip_comment(l)
        if s in ("", "…", "……"):
            continue
        out.append(s)
    return out


def read_case(stem, kind):
    """Text of the rule's .fail/.pass case(s) and a description; (None, None) when absent."""
    names = sorted(n for n in os.listdir(CASES) if n.startswith(stem + "." + kind))
    files = [n for n in names if n.endswith((".yaml", ".csv")) and os.path.isfile(os.path.join(CASES, n))]
    dirs = [n for n in names if os.path.isdir(os.path.join(CASES, n))]
    if files:
        return "\n".join(open(os.path.join(CASES, n), encoding="utf-8").read() for n in files), \
            "file", files
    if dirs:
        texts, shown = [], []
        for d in dirs:
            base = os.path.join(CASES, d)
            for dp, _, fs in os.walk(base):
                for f in fs:
                    shown.append(os.path.relpath(os.path.join(dp, f), CASES))
        shown.sort()
        for p in shown:
            texts.append(open(os.path.join(CASES, p), encoding="utf-8").read())
        return "\n".join(texts), "folder", shown
    return None, None, []


def main():
    doc = open(DOC, encoding="utf-8").read()
    problems = {"file": [], "folder": []}
    checked = {"file": 0, "folder": 0}
    folder_rules = []
    for rid, status, lineno, body in sections(doc):
        if status != "✅":
            continue
        stem = rid.replace("/", "_")
        fail_text, kind, fail_files = read_case(stem, "fail")
        pass_text, pkind, pass_files = read_case(stem, "pass")
        kind = kind or pkind or "file"
        if kind == "folder":
            folder_rules.append((rid, fail_files, pass_files))
        checked[kind] += 1
        out = problems[kind]
        fragments, fixes = parse_section(body)
        if not fragments and not fixes:
            out.append(f"{rid} (docs/rules.md:{lineno}): neither a yaml fragment nor a 修正 snippet")
        if fragments and fail_text is None:
            out.append(f"{rid}: no failing case")
        if fixes and pass_text is None:
            out.append(f"{rid}: no passing case")
        if fail_text is not None:
            case = [strip_comment(l) for l in fail_text.split("\n")]
            for frag in fragments:
                pos = 0
                for want in fragment_lines(frag):
                    try:
                        pos = case.index(want, pos) + 1
                    except ValueError:
                        where = "out of order in the failing case" if want in case else \
                            "not in the failing case"
                        out.append(f"{rid}: fragment line {want!r} {where}")
        if pass_text is not None:
            case = [strip_comment(l) for l in pass_text.split("\n")]
            for snip in fixes:
                if not any(snip in l for l in case):
                    out.append(f"{rid}: 修正 snippet {snip!r} not in the passing case")
    for kind, title in (("file", "rules with .yaml cases"), ("folder", "rules with folder cases")):
        print(f"== {title}: {checked[kind]} sections, {len(problems[kind])} mismatches")
        for p in problems[kind]:
            print("  " + p)
    print("== folder-case rules (cases are catalog folders, not single .yaml files):")
    for rid, ff, pf in folder_rules:
        dirs = sorted({p.split("/")[0] for p in ff + pf})
        print(f"  {rid}: " + ", ".join(d + "/" for d in dirs))
    total = len(problems["file"]) + len(problems["folder"])
    print(f"total mismatches: {total}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())

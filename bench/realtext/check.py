#!/usr/bin/env python3
"""Run vnlint over the real-text folder and count its findings.

Usage:
  check.py [--bin PATH] [--docs DIR] [--min-severity info|warning|error] [--list]
  check.py --diff OLD_BIN NEW_BIN [--docs DIR]

Prints findings per rule (by severity), per document, and per 10,000 words of the folder.
--list prints every finding with its context (one line each), for reading.
--diff runs two binaries and prints the findings only one of them makes.
--tsv FILE writes every warning and error as a verdicts.tsv skeleton (verdict left empty).

The folder is third-party text and is not in the repository: fetch.md says how to rebuild it.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_DOCS = "/work/realtext/docs"
DEFAULT_BIN = os.path.join(REPO, "target", "release", "vnlint")
SEVERITIES = ["info", "warning", "error"]
WORD = re.compile(r"\w+", re.UNICODE)


def documents(folder):
    return sorted(
        os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".txt")
    )


def word_count(paths):
    total = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            total += len(WORD.findall(f.read()))
    return total


def run(binary, paths):
    """All findings of `binary` on `paths`, as dicts of the JSON output."""
    # The folder holds no vnlint.toml: every rule runs with its shipped defaults.
    proc = subprocess.run(
        [binary, "check", "--format", "json", "--fail-on", "error", *paths],
        capture_output=True,
        text=True,
    )
    if proc.returncode not in (0, 1):
        sys.exit(f"{binary} exited {proc.returncode}: {proc.stderr.strip()}")
    return json.loads(proc.stdout or "[]")


def context(finding, width=30):
    with open(finding["path"], "rb") as f:
        data = f.read()
    start, end = finding["byte_start"], finding["byte_end"]
    before = data[max(0, start - width * 3) : start].decode("utf-8", "replace")[-width:]
    after = data[end : end + width * 3].decode("utf-8", "replace")[:width]
    flagged = data[start:end].decode("utf-8", "replace")
    return (before + "[" + flagged + "]" + after).replace("\n", "⏎")


def doc_id(path):
    return os.path.splitext(os.path.basename(path))[0]


def key(finding):
    return (doc_id(finding["path"]), finding["rule"], finding["byte_start"], finding["byte_end"])


def summary(findings, paths, min_severity):
    floor = SEVERITIES.index(min_severity)
    kept = [f for f in findings if SEVERITIES.index(f["severity"]) >= floor]
    words = word_count(paths)
    print(f"{len(paths)} documents, {words} words, {len(kept)} findings (>= {min_severity})")
    print()
    print("per rule:")
    by_rule = collections.Counter((f["rule"], f["severity"]) for f in kept)
    for (rule, severity), n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {rule:26} {severity:8} {n:5}   {n * 10000 / max(words, 1):6.2f} per 10,000 words")
    print()
    print("per document:")
    by_doc = collections.defaultdict(collections.Counter)
    for f in kept:
        by_doc[doc_id(f["path"])][f["rule"]] += 1
    for path in paths:
        counts = by_doc.get(doc_id(path), {})
        listed = ", ".join(f"{r} {n}" for r, n in sorted(counts.items()))
        print(f"  {doc_id(path)}: {sum(counts.values())}  {listed}")
    print()
    ws = [f for f in findings if f["severity"] in ("warning", "error")]
    print(
        f"warnings+errors: {len(ws)} = {len(ws) * 10000 / max(words, 1):.2f} per 10,000 words"
    )


def listing(findings, min_severity):
    floor = SEVERITIES.index(min_severity)
    for f in findings:
        if SEVERITIES.index(f["severity"]) < floor:
            continue
        print(f"{doc_id(f['path'])}\t{f['rule']}\t{f['severity']}\t{context(f)}\t{f['message']}")


def skeleton(findings, out):
    with open(out, "w", encoding="utf-8") as t:
        t.write("doc\trule\tseverity\tbyte_start\tflagged\tverdict\treason\n")
        for f in findings:
            if f["severity"] in ("warning", "error"):
                t.write(
                    f"{doc_id(f['path'])}\t{f['rule']}\t{f['severity']}\t{f['byte_start']}"
                    f"\t{f['text']}\t\t\n"
                )


def diff(old_bin, new_bin, paths):
    old = {key(f): f for f in run(old_bin, paths)}
    new = {key(f): f for f in run(new_bin, paths)}
    gone = [old[k] for k in sorted(old.keys() - new.keys())]
    added = [new[k] for k in sorted(new.keys() - old.keys())]
    # Same place and rule, but another severity or message (other operands, another fix).
    changed = [
        (old[k], new[k])
        for k in sorted(old.keys() & new.keys())
        if (old[k]["severity"], old[k]["message"]) != (new[k]["severity"], new[k]["message"])
    ]
    print(
        f"old {len(old)} findings, new {len(new)}; only old {len(gone)}, only new {len(added)}, "
        f"changed {len(changed)}"
    )
    for label, group in (("only old", gone), ("only new", added)):
        print(f"\n{label}:")
        for f in group:
            print(f"  {doc_id(f['path'])}\t{f['rule']}\t{f['severity']}\t{context(f)}")
    print("\nchanged (old, then new):")
    for o, n in changed:
        print(f"  {doc_id(o['path'])}\t{o['rule']}\t{context(o)}")
        print(f"    - {o['severity']}\t{o['message']}")
        print(f"    + {n['severity']}\t{n['message']}")
    by_rule = collections.Counter()
    for f in gone:
        by_rule[(f["rule"], "-")] += 1
    for f in added:
        by_rule[(f["rule"], "+")] += 1
    print("\nper rule (+ new only, - old only):")
    for (rule, sign), n in sorted(by_rule.items()):
        print(f"  {sign}{n:4} {rule}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--bin", default=DEFAULT_BIN)
    ap.add_argument("--docs", default=DEFAULT_DOCS)
    ap.add_argument("--min-severity", default="info", choices=SEVERITIES)
    ap.add_argument("--list", action="store_true", help="print every finding with context")
    ap.add_argument("--tsv", help="write a verdicts skeleton for warnings and errors")
    ap.add_argument("--diff", nargs=2, metavar=("OLD_BIN", "NEW_BIN"))
    args = ap.parse_args()
    paths = documents(args.docs)
    if not paths:
        sys.exit(f"no .txt documents in {args.docs}: see bench/realtext/fetch.md")
    if args.diff:
        diff(args.diff[0], args.diff[1], paths)
        return
    findings = run(args.bin, paths)
    if args.list:
        listing(findings, args.min_severity)
    else:
        summary(findings, paths, args.min_severity)
    if args.tsv:
        skeleton(findings, args.tsv)


if __name__ == "__main__":
    main()

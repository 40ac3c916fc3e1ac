#!/usr/bin/env python3
"""Measures vnlint on real text: ../shared/data/viwiki-spelling/dev.jsonl (54 Wikipedia
articles, 752 hand-labelled spelling mistakes).

For every rule that fires, counts the findings that overlap a labelled mistake (true) and
those that do not (false alarms, though labels are not exhaustive: read them), and the
recall over the labelled mistakes for the spelling rules. Prints a table; `--show N` lists
up to N false alarms per rule.

Usage: python3 scripts/measure_viwiki.py [--bin target/release/vnlint] [--show 10]
"""
import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "shared", "data", "viwiki-spelling", "dev.jsonl")
SPELLING_RULES = {"confusion"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "vnlint"))
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--show", type=int, default=10)
    args = ap.parse_args()
    if not os.path.exists(args.data):
        sys.exit(f"missing {args.data}: this measurement needs ../shared beside the project")
    if not os.path.exists(args.bin):
        sys.exit(f"missing {args.bin}: build it first (cargo build --release)")

    true_hits = defaultdict(int)
    false_hits = defaultdict(list)
    labelled = 0
    found_labels = set()
    docs = [json.loads(line) for line in open(args.data, encoding="utf-8")]
    for doc in docs:
        text = doc["text"]
        data = text.encode("utf-8")
        # Character offsets of labels -> byte ranges.
        byte_at = [0]
        for ch in text:
            byte_at.append(byte_at[-1] + len(ch.encode("utf-8")))
        labels = []
        for m in doc["mistakes"]:
            start = int(m["start_offset"])
            end = start + len(m["text"])
            labels.append((byte_at[start], byte_at[end]))
        labelled += len(labels)
        proc = subprocess.run([args.bin, "check", "--format", "json", "-"], input=data, capture_output=True)
        if proc.returncode not in (0, 1):
            sys.exit(f"vnlint failed on document {doc['_id']}: {proc.stderr.decode()[:300]}")
        for d in json.loads(proc.stdout):
            s, e = d["byte_start"], d["byte_end"]
            hit = [i for i, (ls, le) in enumerate(labels) if s < le and ls < e]
            if hit:
                true_hits[d["rule"]] += 1
                if d["rule"] in SPELLING_RULES:
                    found_labels.update((doc["_id"], i) for i in hit)
            else:
                context = data[max(0, s - 40):e + 40].decode("utf-8", "ignore").replace("\n", " ")
                false_hits[d["rule"]].append(f"{doc['_id']}: {d['text']!r} in …{context}…")

    print(f"{len(docs)} documents, {labelled} labelled mistakes")
    print(f"{'rule':20} {'on a label':>10} {'elsewhere':>10} {'precision':>10}")
    for rule in sorted(set(true_hits) | set(false_hits)):
        t, f = true_hits[rule], len(false_hits[rule])
        # Only spelling mistakes are labelled: other rules' findings are counted, not scored.
        precision = f"{t / (t + f):10.1%}" if rule in SPELLING_RULES else f"{'n/a':>10}"
        print(f"{rule:20} {t:10} {f:10} {precision}")
    print(f"recall of the spelling rules ({', '.join(sorted(SPELLING_RULES))}): "
          f"{len(found_labels)}/{labelled} = {len(found_labels) / max(labelled, 1):.1%}")
    for rule, hits in sorted(false_hits.items()):
        if hits and args.show:
            print(f"\n{rule}: findings not on a label (first {min(args.show, len(hits))})")
            for h in hits[:args.show]:
                print("  " + h)


if __name__ == "__main__":
    main()

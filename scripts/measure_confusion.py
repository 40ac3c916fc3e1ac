#!/usr/bin/env python3
"""Measures the `confusion` rule, entry by entry, on real text:
../shared/data/viwiki-spelling/dev.jsonl (Wikipedia articles with hand-labelled spelling
mistakes).

Runs the release binary with `--select confusion --format json` on every document and
reports: how many table entries there are (rules/*.toml) and how many fired; for each entry
that fired, its findings on a labelled mistake (right) and elsewhere (listed with their
context, so a reader can judge: the labels are not exhaustive); overall precision, and recall
over the labels.

With `--text FILE` (repeatable) it also lists every finding on other real text that has no
labels (a reader judges each one), counted per entry.

With `--bench FILE` it also runs the rule on a benchmark corpus made by
../shared/bench/make_corpus.py (text with injected mistakes, listed in
../shared/bench/rules.tsv and counted in manifest.json beside the corpus) and reports, per
entry, its findings there against the injected count: a finding on a phrase that was not
injected is listed with its context.

Usage: cargo build --release --bins
       python3 scripts/measure_confusion.py [--bin target/release/vnlint] [--show 20]
              [--bench /tmp/corpus/1m.txt] [--text more-real-text.txt]
"""
import argparse
import json
import os
import subprocess
import sys
import tomllib
import unicodedata
from collections import defaultdict

import viwiki  # scripts/viwiki.py

ROOT = viwiki.ROOT
DATA = viwiki.DATA
BENCH_RULES = os.path.join(ROOT, "..", "shared", "bench", "rules.tsv")


def norm(text):
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def load_entries():
    """Every table entry as (file, index, entry), and a key -> entry label map."""
    entries = []
    folder = os.path.join(ROOT, "rules")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".toml"):
            with open(os.path.join(folder, name), "rb") as f:
                for i, e in enumerate(tomllib.load(f)["entry"]):
                    entries.append((name, i, e))
    return entries


def label(entry):
    name, _, e = entry
    guards = [f"{k}={','.join(e[k])}" for k in ("before", "not_before", "after", "not_after") if e.get(k)]
    return f"{name}: “{e['wrong']}” → “{e['right']}”" + (" (guarded)" if guards else "")


def identify(entries, finding):
    """The entry a finding comes from: same wrong phrase, replacement and message."""
    text = norm(finding["text"])
    repl = norm(finding["suggestions"][0]["replacement"]) if finding["suggestions"] else ""
    same = [i for i, (_, _, e) in enumerate(entries) if e["wrong"] == text and e["right"] == repl]
    exact = [i for i in same if entries[i][2]["why"]["vi"] == finding["message"]]
    return (exact or same or [None])[0]


def run(binary, data):
    proc = subprocess.run([binary, "check", "--select", "confusion", "--format", "json", "-"],
                          input=data, capture_output=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"vnlint failed: {proc.stderr.decode()[:300]}")
    return json.loads(proc.stdout)


def context(data, s, e, width=50):
    before = data[max(0, s - width):s].decode("utf-8", "ignore")
    after = data[e:e + width].decode("utf-8", "ignore")
    return f"…{before}[{data[s:e].decode()}]{after}…".replace("\n", " ")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "vnlint"))
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--show", type=int, default=20, help="findings listed per entry")
    ap.add_argument("--bench", help="a corpus file written by ../shared/bench/make_corpus.py")
    ap.add_argument("--text", action="append", default=[],
                    help="more real text without labels: every finding is listed")
    args = ap.parse_args()
    viwiki.require(args.data, args.bin, build="cargo build --release --bins")

    entries = load_entries()
    verdicts = viwiki.read_verdicts()
    read_real = 0
    right = defaultdict(list)
    wrong = defaultdict(list)
    labelled = 0
    found_labels = set()
    docs = viwiki.load(args.data)
    for doc in docs:
        text = doc["text"]
        data = text.encode("utf-8")
        labels = viwiki.label_spans(doc)
        labelled += len(labels)
        for d in run(args.bin, data):
            s, e = d["byte_start"], d["byte_end"]
            hit = [i for i, (ls, le, _) in enumerate(labels) if s < le and ls < e]
            idx = identify(entries, d)
            if hit:
                found_labels.update((doc["_id"], i) for i in hit)
                m = labels[hit[0]][2]
                right[idx].append(f"{doc['_id']}: {context(data, s, e)} (label “{m['text']}” → “{m.get('suggest', '')}”)")
            else:
                verdict = verdicts.get((doc["_id"], s, d["text"]), "unread")
                read_real += verdict == "real"
                wrong[idx].append(f"{doc['_id']}: {context(data, s, e)} [read: {verdict}]")

    fired = sorted(set(right) | set(wrong), key=lambda i: (i is None, i))
    t = sum(len(v) for v in right.values())
    f = sum(len(v) for v in wrong.values())
    print(f"{len(docs)} documents, {labelled} labelled mistakes")
    print(f"table entries: {len(entries)} in {len({n for n, _, _ in entries})} files; "
          f"{len(fired)} fired on dev.jsonl")
    for idx in fired:
        name = label(entries[idx]) if idx is not None else "(no table entry matched the finding)"
        print(f"\n{name}: {len(right[idx])} on a label, {len(wrong[idx])} elsewhere")
        for line in right[idx][:args.show]:
            print(f"  right  {line}")
        for line in wrong[idx][:args.show]:
            print(f"  other  {line}")
    print(f"\nfindings: {t + f}; on a labelled mistake {t}, elsewhere {f}; "
          f"precision {t / max(t + f, 1):.1%}")
    print(f"of those elsewhere, read and found real mistakes ({os.path.relpath(viwiki.READ)}): "
          f"{read_real}; precision counting them {(t + read_real) / max(t + f, 1):.1%}")
    print(f"recall over the labels: {len(found_labels)}/{labelled} = "
          f"{len(found_labels) / max(labelled, 1):.1%}")
    for path in args.text:
        unlabelled(args, entries, path)
    if args.bench:
        bench(args, entries)


def unlabelled(args, entries, path):
    """Every finding on a text without labels, by entry, for a reader to judge."""
    data = open(path, "rb").read()
    by_entry = defaultdict(list)
    for d in run(args.bin, data):
        by_entry[identify(entries, d)].append(context(data, d["byte_start"], d["byte_end"]))
    total = sum(len(v) for v in by_entry.values())
    print(f"\n{path}: {total} findings (no labels: read them)")
    for idx, found in sorted(by_entry.items(), key=lambda kv: (kv[0] is None, kv[0])):
        name = label(entries[idx]) if idx is not None else "(no table entry matched the finding)"
        print(f"  {name}: {len(found)}")
        for line in found[:args.show]:
            print(f"    {line}")


def bench(args, entries):
    """Findings on a make_corpus.py corpus against its injected mistakes."""
    manifest_path = os.path.join(os.path.dirname(os.path.abspath(args.bench)), "manifest.json")
    if not os.path.exists(manifest_path) or not os.path.exists(BENCH_RULES):
        sys.exit(f"missing {manifest_path} or {BENCH_RULES}: make the corpus with "
                 "../shared/bench/make_corpus.py")
    injected = {}
    manifest = json.load(open(manifest_path, encoding="utf-8"))
    for corpus in manifest["corpora"].values():
        if os.path.abspath(corpus["file"]) == os.path.abspath(args.bench):
            injected = corpus["per_rule"]
    if not injected:
        sys.exit(f"{args.bench} is not listed in {manifest_path}")
    kinds = {}
    for line in open(BENCH_RULES, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            kinds[norm(fields[0])] = fields[2].strip()
    phrases = {p for p, kind in kinds.items() if kind == "phrase"}
    # Single non-syllables injected on their own (kind "word"): a finding holding one of them
    # (“bộ trưỡng”) is on an injected mistake too.
    words = {p for p, kind in kinds.items() if kind == "word" and injected.get(p)}
    data = open(args.bench, "rb").read()
    counts = defaultdict(int)
    on_words = 0
    strays = []
    for d in run(args.bin, data):
        phrase = norm(d["text"])
        counts[phrase] += 1
        if phrase in injected:
            continue
        if words & set(phrase.split()):
            on_words += 1
            continue
        strays.append(f"{label(entries[identify(entries, d)])}: "
                      f"{context(data, d['byte_start'], d['byte_end'])}")
    print(f"\nbenchmark corpus {args.bench}: {sum(counts.values())} findings")
    for phrase in sorted(phrases):
        n = injected.get(phrase, 0)
        mark = "" if counts[phrase] == n else ("  (no entry)" if counts[phrase] == 0 else "  (differs)")
        print(f"  {phrase:16} injected {n:4}  found {counts[phrase]:4}{mark}")
    print(f"findings on an injected non-syllable inside a phrase: {on_words}")
    print(f"findings on a phrase that was not injected: {len(strays)}")
    for line in strays[:args.show * 5]:
        print("  " + line)


if __name__ == "__main__":
    main()

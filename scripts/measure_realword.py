#!/usr/bin/env python3
"""Measures the three real-word mechanisms of issue #5 on ../shared/data/viwiki-spelling/dev.jsonl
(54 Wikipedia articles, 752 hand-labelled spelling mistakes).

The labelled REAL-WORD mistakes are the labels whose every word the syllable grammar accepts
(decided by the grammar itself, through `target/release/examples/syllables`): slips that
leave valid syllables behind, which `nonword` cannot see.

  (1) `confusion`: the curated tables;
  (2) `variant-outlier`: reported as absent when the binary has no such rule;
  (3) `rare-variant`: a model of an archive. The documents are sorted by _id and dealt
      alternately into a training half and a test half; the training half, its labelled
      mistakes replaced by their first suggestion, is learned with `vnlint learn`, and the
      test half is checked with `--model`.

For each rule alone (`--select RULE`): precision = its findings that overlap a labelled
mistake / all its findings (labels are not exhaustive: `--show N` lists the others to read),
recall = labelled real-word mistakes it finds / all labelled real-word mistakes. (1) and (2)
are measured on all documents and on the test half; (3) on the test half, and the recall of
(1)+(2) and of (1)+(2)+(3) on the test half is reported.

`--bench-corpus` also learns from the team's benchmark corpus (10 MB of press releases from
../shared/bench/make_corpus.py; note that it holds injected mistakes) alone and with the
training half, and reports those models separately. `--sweep` prints (3) over a grid of
thresholds instead of the defaults.

Usage: cargo build --release --bins --examples
       python3 scripts/measure_realword.py [--bin target/release/vnlint] [--show 10]
           [--bench-corpus] [--sweep] [--min-count N] [--min-ratio N] [--max-count N]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

import viwiki  # scripts/viwiki.py

ROOT = viwiki.ROOT
DATA = viwiki.DATA
MAKE_CORPUS = os.path.join(ROOT, "..", "shared", "bench", "make_corpus.py")
WORD = re.compile(r"[^\W\d_]+")
RULES = ["confusion", "variant-outlier", "rare-variant"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "vnlint"))
    ap.add_argument("--grammar", default=os.path.join(ROOT, "target", "release", "examples", "syllables"))
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--bench-corpus", action="store_true")
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--min-count", type=int)
    ap.add_argument("--min-ratio", type=int)
    ap.add_argument("--max-count", type=int)
    ap.add_argument("--edits", choices=["marks", "all"])
    args = ap.parse_args()
    for path, what in [(args.data, "this measurement needs ../shared beside the project"),
                       (args.bin, "build it first: cargo build --release --bins --examples"),
                       (args.grammar, "build it first: cargo build --release --bins --examples")]:
        if not os.path.exists(path):
            sys.exit(f"missing {path}: {what}")
    known_rules = set(run([args.bin, "rules"]).stdout.decode().split())

    docs = viwiki.load(args.data)
    docs.sort(key=lambda d: (len(d["_id"]), d["_id"]))
    labels, real = read_labels(docs, args.grammar)
    train = docs[0::2]
    test = docs[1::2]
    test_ids = {d["_id"] for d in test}
    n_real = len(real)
    n_real_test = len([k for k in real if k[0] in test_ids])
    print(f"{len(docs)} documents, {sum(len(v) for v in labels.values())} labelled mistakes, "
          f"{n_real} of them real-word (every word accepted by the syllable grammar)")
    print(f"halves by sorted _id, alternately: training {len(train)} documents "
          f"({sum(len(d['text']) for d in train):,} characters), test {len(test)} documents "
          f"({sum(len(d['text']) for d in test):,} characters, {n_real_test} real-word labels)")

    with tempfile.TemporaryDirectory() as tmp:
        all_dir = write_docs(os.path.join(tmp, "all"), docs, corrected=False)
        train_dir = write_docs(os.path.join(tmp, "train"), train, corrected=True)
        config = None
        if any(x is not None for x in (args.min_count, args.min_ratio, args.max_count, args.edits)):
            config = write_config(tmp, args.max_count, args.min_count, args.min_ratio, args.edits)

        print()
        header()
        found = {}
        for rule in RULES[:2]:
            if rule not in known_rules:
                print(f"{rule:16} {'all':>6}  absent: the binary has no such rule (recall 0)")
                found[rule] = set()
                continue
            findings = check(args.bin, all_dir, rule)
            report(rule, "all", findings, labels, real, None, args.show)
            found[rule] = report(rule, "test", findings, labels, real, test_ids, 0)
        base = found["confusion"] | found["variant-outlier"]
        print(f"(1)+(2) recall on the test half: {len(base)}/{n_real_test} = {pct(len(base), n_real_test)}")

        models = [("dev training half", [train_dir])]
        if args.bench_corpus:
            if not os.path.exists(MAKE_CORPUS):
                print(f"(no {MAKE_CORPUS}: the bench-corpus models are skipped)")
            else:
                corpus = os.path.join(tmp, "bench")
                run(["python3", MAKE_CORPUS, "--out", corpus, "--sizes", "10m"])
                bench = os.path.join(tmp, "bench-10m")
                os.makedirs(bench)
                os.link(os.path.join(corpus, "10m.txt"), os.path.join(bench, "10m.txt"))
                models.append(("bench corpus 10 MB (injected mistakes inside)", [bench]))
                models.append(("bench corpus 10 MB + dev training half", [bench, train_dir]))
        if "rare-variant" not in known_rules:
            print("rare-variant: absent from the binary")
            return
        for name, dirs in models:
            model = os.path.join(tmp, "model.vnlm")
            started = time.time()
            learned = run([args.bin, "--lang", "en", "learn", *dirs, "-o", model])
            took = time.time() - started
            size = os.path.getsize(model)
            print(f"\nmodel: {name}: {learned.stderr.decode().strip().removeprefix('vnlint: ')}; "
                  f"{size:,} bytes, learned in {took:.1f} s")
            if args.sweep:
                print(f"{'edits':>5} {'min':>4} {'ratio':>6} {'found':>6} {'on label':>8} {'precision':>9} {'recall':>7} {'(1)+(2)+(3)':>11}")
                for edits in ("marks", "all"):
                    for min_count in (3, 5, 10):
                        for min_ratio in (100, 1000, 3000, 10000, 30000):
                            cfg = write_config(tmp, None, min_count, min_ratio, edits)
                            findings = check(args.bin, all_dir, "rare-variant", model, cfg, test_ids)
                            hit, on_label, total = score(findings, labels, real, test_ids)
                            print(f"{edits:>5} {min_count:4} {min_ratio:6} {total:6} {on_label:8} "
                                  f"{pct(on_label, total):>9} {pct(len(hit), n_real_test):>7} "
                                  f"{pct(len(hit | base), n_real_test):>11}")
                continue
            header()
            findings = check(args.bin, all_dir, "rare-variant", model, config, test_ids)
            hit = report("rare-variant", "test", findings, labels, real, test_ids, args.show)
            both = base | hit
            print(f"(1)+(2)+(3) recall on the test half: {len(both)}/{n_real_test} = {pct(len(both), n_real_test)}"
                  f" (rare-variant adds {len(hit - base)})")


def header():
    print(f"{'rule':16} {'docs':>6} {'findings':>8} {'on label':>8} {'precision':>9} {'real-word recall':>18}")


def pct(a, b):
    return f"{a / b:.1%}" if b else "n/a"


def run(cmd, **kw):
    proc = subprocess.run(cmd, capture_output=True, **kw)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
    return proc


def read_labels(docs, grammar):
    """Byte ranges of every label per document, and the set of (doc, i) real-word labels."""
    labels = {}
    words = []
    for doc in docs:
        spans = viwiki.label_spans(doc)
        for i, (_, _, m) in enumerate(spans):
            words.append(((doc["_id"], i), WORD.findall(m["text"])))
        labels[doc["_id"]] = [(s, e) for s, e, _ in spans]
    flat = [w for _, ws in words for w in ws]
    verdicts = run([grammar], input="\n".join(flat).encode()).stdout.decode().split("\n")
    real = set()
    at = 0
    for key, ws in words:
        ok = all(v == "ok" for v in verdicts[at:at + len(ws)])
        at += len(ws)
        if ws and ok:
            real.add(key)
    return labels, real


def corrected_text(doc):
    text = doc["text"]
    for m in sorted(doc["mistakes"], key=lambda m: -int(m["start_offset"])):
        start = int(m["start_offset"])
        if m.get("suggest") and text[start:start + len(m["text"])] == m["text"]:
            text = text[:start] + m["suggest"][0] + text[start + len(m["text"]):]
    return text


def write_docs(folder, docs, corrected):
    os.makedirs(folder)
    for doc in docs:
        with open(os.path.join(folder, f"{doc['_id']}.txt"), "w", encoding="utf-8") as f:
            f.write(corrected_text(doc) if corrected else doc["text"])
    return folder


def write_config(tmp, max_count, min_count, min_ratio, edits=None):
    options = [f"{k} = {v}" for k, v in (("max-count", max_count), ("min-count", min_count),
                                          ("min-ratio", min_ratio)) if v is not None]
    if edits:
        options.append(f'edits = "{edits}"')
    path = os.path.join(tmp, "vnlint.toml")
    with open(path, "w", encoding="utf-8") as f:
        f.write("[rules]\nrare-variant = { " + ", ".join(options) + " }\n")
    return path


def check(binary, folder, rule, model=None, config=None, only=None):
    """The rule's findings: (doc id, byte start, byte end, text)."""
    cmd = [binary, "check", "--format", "json", "--select", rule]
    if model:
        cmd += ["--model", model]
    if config:
        cmd += ["--config", config]
    names = sorted(os.listdir(folder))
    if only is not None:
        names = [n for n in names if n[:-4] in only]
    out = []
    for d in json.loads(run(cmd + [os.path.join(folder, n) for n in names]).stdout):
        doc = os.path.basename(d["path"])[:-4]
        out.append((doc, d["byte_start"], d["byte_end"], d["text"]))
    return out


def score(findings, labels, real, only):
    """The real-word labels found, the findings on a label, and all findings (within `only`)."""
    hit = set()
    on_label = total = 0
    for doc, s, e, _ in findings:
        if only is not None and doc not in only:
            continue
        total += 1
        over = [i for i, (ls, le) in enumerate(labels[doc]) if s < le and ls < e]
        if over:
            on_label += 1
            hit.update((doc, i) for i in over if (doc, i) in real)
    return hit, on_label, total


def report(rule, name, findings, labels, real, only, show):
    hit, on_label, total = score(findings, labels, real, only)
    n = len([k for k in real if only is None or k[0] in only])
    print(f"{rule:16} {name:>6} {total:8} {on_label:8} {pct(on_label, total):>9} "
          f"{len(hit):>6}/{n:<4} = {pct(len(hit), n):>6}")
    if show:
        shown = 0
        for doc, s, e, text in findings:
            if (only is None or doc in only) and not any(s < le and ls < e for ls, le in labels[doc]):
                print(f"    not on a label: {doc}: {text!r}")
                shown += 1
                if shown == show:
                    break
    return hit


if __name__ == "__main__":
    main()

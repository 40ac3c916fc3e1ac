#!/usr/bin/env python3
"""Measures the three real-word mechanisms of issue #5 on ../shared/data/viwiki-spelling/dev.jsonl
(54 Wikipedia articles, 752 hand-labelled spelling mistakes).

The labelled REAL-WORD mistakes are the labels whose every word the syllable grammar accepts
(decided by the grammar itself, through `target/release/examples/syllables`): slips that
leave valid syllables behind, which `nonword` cannot see.

  (1) `confusion`: the curated tables;
  (2) `variant-outlier`: reported as absent when the binary has no such rule;
  (2b) `realword`: the built-in model of Vietnamese (built from ../shared/data/corpus, which
      excludes these articles); listed with (1) and (2), and counted in their sum;
  (3) `rare-variant`: a model of an archive. The documents are sorted by _id and dealt
      alternately into two halves; one half, its labelled mistakes replaced by their first
      suggestion, is learned with `vnlint learn`, and the other half is checked with
      `--model`; then the halves swap (two folds).

For each rule alone (`--select RULE`, so no other rule takes a slip from it): precision = its
findings that overlap a labelled mistake / all its findings; recall = labelled real-word
mistakes it finds / all labelled real-word mistakes. The labels are not exhaustive, so a second
precision also counts the findings off the labels that a person has read and judged real
mistakes (scripts/realword_read.tsv, with the reason for each verdict); `--show N` lists the
findings nobody has read yet, with their context, in the file's format. (1) and (2) are
measured on all documents and on each test half; the recall of (1)+(2) and of (1)+(2)+(3) is
given for each test half.

`--curve` also learns from a quarter and a half of each training half, to show how (3) grows
with the archive. `--bench-corpus` also learns from the team's benchmark corpus (10 MB of press
releases from ../shared/bench/make_corpus.py; note that it holds injected mistakes) alone and
with the training half. `--sweep` prints (3) over a grid of thresholds instead of the defaults.

Usage: cargo build --release --bins --examples
       python3 scripts/measure_realword.py [--bin target/release/vnlint] [--show 10]
           [--folds 1|2] [--curve] [--bench-corpus] [--sweep] [--read FILE]
           [--min-count N] [--min-ratio N] [--max-count N] [--edits marks|all]
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
RULES = ["confusion", "variant-outlier", "realword", "rare-variant"]
READ = viwiki.READ


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "vnlint"))
    ap.add_argument("--grammar", default=os.path.join(ROOT, "target", "release", "examples", "syllables"))
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--read", default=READ, help="findings off the labels that a person has read")
    ap.add_argument("--show", type=int, default=0, help="list N unread findings off the labels, per row")
    ap.add_argument("--folds", type=int, choices=[1, 2], default=2)
    ap.add_argument("--curve", action="store_true")
    ap.add_argument("--bench-corpus", action="store_true")
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--min-count", type=int)
    ap.add_argument("--min-ratio", type=int)
    ap.add_argument("--max-count", type=int)
    ap.add_argument("--edits", choices=["marks", "all"])
    args = ap.parse_args()
    viwiki.require(args.data, args.bin, args.grammar)
    known_rules = set(run([args.bin, "rules"]).stdout.decode().split())

    docs = viwiki.load(args.data)
    docs.sort(key=lambda d: (len(d["_id"]), d["_id"]))
    ev = Evaluation(docs, *read_labels(docs, args.grammar), viwiki.read_verdicts(args.read), args.show)
    print(f"{len(docs)} documents, {sum(len(v) for v in ev.labels.values())} labelled mistakes, "
          f"{len(ev.real)} of them real-word (every word accepted by the syllable grammar)")
    print(f"findings off the labels read by a person: {len(ev.verdicts)} in {os.path.relpath(args.read)}")

    with tempfile.TemporaryDirectory() as tmp:
        all_dir = write_docs(os.path.join(tmp, "all"), docs, corrected=False)
        config = None
        if any(x is not None for x in (args.min_count, args.min_ratio, args.max_count, args.edits)):
            config = write_config(tmp, args.max_count, args.min_count, args.min_ratio, args.edits)

        print()
        header()
        found = {}
        for rule in RULES[:3]:
            if rule not in known_rules:
                print(f"{rule:16} {'all':>6}  absent: the binary has no such rule (recall 0)")
                found[rule] = []
                continue
            found[rule] = check(args.bin, all_dir, rule)
            ev.report(rule, "all", found[rule], None)

        for fold in range(args.folds):
            # Fold 0 learns from the even documents and checks the odd ones; fold 1 the reverse.
            train, test = (docs[0::2], docs[1::2]) if fold == 0 else (docs[1::2], docs[0::2])
            test_ids = {d["_id"] for d in test}
            n_real = ev.real_in(test_ids)
            print(f"\nfold {fold}: training {len(train)} documents "
                  f"({sum(len(d['text']) for d in train):,} characters), test {len(test)} documents "
                  f"({sum(len(d['text']) for d in test):,} characters, {n_real} real-word labels)")
            header()
            base = set()
            for rule in RULES[:3]:
                base |= ev.report(rule, "test", found[rule], test_ids)
            print(f"(1)+(2) recall: {len(base)}/{n_real} = {pct(len(base), n_real)}")
            if "rare-variant" not in known_rules:
                print("rare-variant: absent from the binary")
                continue
            train_dir = write_docs(os.path.join(tmp, f"train{fold}"), train, corrected=True)
            models = [("training half", [train_dir])]
            if args.curve:
                for part in (4, 2):
                    name = f"1/{part} of the training half"
                    models.append((name, [write_docs(os.path.join(tmp, f"train{fold}-{part}"),
                                                     train[::part], corrected=True)]))
            if args.bench_corpus:
                bench = bench_corpus(tmp)
                if bench:
                    models.append(("bench corpus 10 MB (injected mistakes inside)", [bench]))
                    models.append(("bench corpus 10 MB + training half", [bench, train_dir]))
            for name, dirs in models:
                model = os.path.join(tmp, "model.vnlm")
                started = time.time()
                learned = run([args.bin, "--lang", "en", "learn", *dirs, "-o", model])
                took = time.time() - started
                size = os.path.getsize(model)
                print(f"model of the {name}: {learned.stderr.decode().strip().removeprefix('vnlint: ')}; "
                      f"{size:,} bytes, learned in {took:.1f} s")
                if args.sweep:
                    sweep(args.bin, all_dir, model, tmp, ev, test_ids, base)
                    continue
                findings = check(args.bin, all_dir, "rare-variant", model, config, test_ids)
                hit = ev.report("rare-variant", "test", findings, test_ids)
                both = base | hit
                print(f"(1)+(2)+(3) recall: {len(both)}/{n_real} = {pct(len(both), n_real)}"
                      f" (rare-variant adds {len(hit - base)})")


def sweep(binary, all_dir, model, tmp, ev, test_ids, base):
    """(3) over a grid of thresholds."""
    n_real = ev.real_in(test_ids)
    print(f"{'edits':>5} {'min':>4} {'ratio':>6} {'found':>6} {'on label':>8} {'precision':>9} {'recall':>7} {'(1)+(2)+(3)':>11}")
    for edits in ("marks", "all"):
        for min_count in (3, 5, 10):
            for min_ratio in (100, 1000, 3000, 10000, 30000):
                cfg = write_config(tmp, None, min_count, min_ratio, edits)
                findings = check(binary, all_dir, "rare-variant", model, cfg, test_ids)
                hit, on_label, _, total = ev.score(findings, test_ids)
                print(f"{edits:>5} {min_count:4} {min_ratio:6} {total:6} {on_label:8} "
                      f"{pct(on_label, total):>9} {pct(len(hit), n_real):>7} "
                      f"{pct(len(hit | base), n_real):>11}")


def bench_corpus(tmp):
    """The team's 10 MB benchmark corpus in a folder of its own, or None without the generator."""
    if not os.path.exists(MAKE_CORPUS):
        print(f"(no {MAKE_CORPUS}: the bench-corpus models are skipped)")
        return None
    corpus = os.path.join(tmp, "bench")
    folder = os.path.join(tmp, "bench-10m")
    if not os.path.exists(folder):
        run(["python3", MAKE_CORPUS, "--out", corpus, "--sizes", "10m"])
        os.makedirs(folder)
        os.link(os.path.join(corpus, "10m.txt"), os.path.join(folder, "10m.txt"))
    return folder


def header():
    print(f"{'rule':16} {'docs':>6} {'findings':>8} {'on label':>8} {'precision':>9} "
          f"{'read real':>8} {'+ read':>9} {'unread':>6} {'real-word recall':>18}")


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


class Evaluation:
    """Scores findings against the labels and the read verdicts."""

    def __init__(self, docs, labels, real, verdicts, show):
        self.text = {d["_id"]: d["text"].encode("utf-8") for d in docs}
        self.labels, self.real, self.verdicts, self.show = labels, real, verdicts, show

    def real_in(self, ids):
        return len([k for k in self.real if k[0] in ids])

    def score(self, findings, only):
        """The real-word labels found, the findings on a label, those off the labels that
        were read as real mistakes, and all findings (within `only`)."""
        hit = set()
        on_label = read_real = total = 0
        self.unread = []
        for doc, s, e, text in findings:
            if only is not None and doc not in only:
                continue
            total += 1
            over = [i for i, (ls, le) in enumerate(self.labels[doc]) if s < le and ls < e]
            if over:
                on_label += 1
                hit.update((doc, i) for i in over if (doc, i) in self.real)
            else:
                verdict = self.verdicts.get((doc, s, text))
                read_real += verdict == "real"
                if verdict is None:
                    self.unread.append((doc, s, e, text))
        return hit, on_label, read_real, total

    def report(self, rule, name, findings, only):
        hit, on_label, read_real, total = self.score(findings, only)
        n = len(self.real) if only is None else self.real_in(only)
        print(f"{rule:16} {name:>6} {total:8} {on_label:8} {pct(on_label, total):>9} "
              f"{read_real:>8} {pct(on_label + read_real, total):>9} {len(self.unread):>6} "
              f"{len(hit):>6}/{n:<4} = {pct(len(hit), n):>6}")
        for doc, s, e, text in self.unread[:self.show]:
            body = self.text[doc]
            context = (body[max(0, s - 60):s].decode("utf-8", "replace") + "[[" + text + "]]"
                       + body[e:e + 60].decode("utf-8", "replace")).replace("\n", " ")
            print(f"    unread\t{doc}\t{s}\t{text}\t\t{context}")
        return hit


if __name__ == "__main__":
    main()

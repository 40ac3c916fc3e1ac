#!/usr/bin/env python3
"""Builds the built-in model of Vietnamese, model/vi.vnlm, from the shared corpus
(../shared/data/corpus: Vietnamese Wikipedia articles, Vietnamese laws, Wiktionary
headwords; see its README for the licences).

The documents of wiki.jsonl.gz and legal.jsonl.gz are written one a file (paragraphs parted
by a blank line) into OUT/train, except every 20th document of each file (the 20th, 40th,
...), which goes to OUT/holdout: text the model never saw, on which the thresholds of the
rule `realword` are chosen (scripts/tune_realword.py). Then

    vnlint learn --builtin --word-list wiktionary-words.txt OUT/train -o model/vi.vnlm

counts syllables, pairs and triples with the recipe of src/model/builtin.rs.

Usage: cargo build --release
       python3 scripts/build_model.py [--out /tmp/vnlint-model-corpus] [--model model/vi.vnlm]
"""
import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
CORPUS = os.path.join(ROOT, "..", "shared", "data", "corpus")
HOLD_OUT_EVERY = 20


def split(corpus, out):
    """Writes the documents into OUT/train and OUT/holdout; returns the counts."""
    for part in ("train", "holdout"):
        shutil.rmtree(os.path.join(out, part), ignore_errors=True)
        os.makedirs(os.path.join(out, part))
    counts = {"train": 0, "holdout": 0}
    for source in ("wiki", "legal"):
        with gzip.open(os.path.join(corpus, f"{source}.jsonl.gz"), "rt", encoding="utf-8") as f:
            for n, line in enumerate(f, start=1):
                doc = json.loads(line)
                part = "holdout" if n % HOLD_OUT_EVERY == 0 else "train"
                counts[part] += 1
                name = os.path.join(out, part, f"{source}-{n:05}.txt")
                with open(name, "w", encoding="utf-8") as g:
                    g.write("\n\n".join(doc["text"].split("\n")) + "\n")
    return counts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "vnlint"))
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--out", default="/tmp/vnlint-model-corpus")
    ap.add_argument("--model", default=os.path.join(ROOT, "model", "vi.vnlm"))
    args = ap.parse_args()
    for path in (args.corpus, args.bin):
        if not os.path.exists(path):
            sys.exit(f"missing {path}")
    counts = split(args.corpus, args.out)
    print(f"{counts['train']} documents to learn from, {counts['holdout']} held out in "
          f"{os.path.join(args.out, 'holdout')}")
    started = time.time()
    subprocess.run([args.bin, "--lang", "en", "learn", "--builtin", "--word-list",
                    os.path.join(args.corpus, "wiktionary-words.txt"),
                    os.path.join(args.out, "train"), "-o", args.model], check=True)
    print(f"built {args.model} ({os.path.getsize(args.model):,} bytes) in "
          f"{time.time() - started:.0f} s")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Slips in common compounds on press-release text (issue #14: "cơ sở", "người dân", "hoàn
thành", "xây dựng" ... found at least 85 % of the time, at most 1 false alarm per 10,000 words).

The text is the team's own press-release writing, bench/dev/clean (never bench/holdout), its fact markers
stripped.
The compounds are the two-syllable headwords of Wiktionary (../shared/data/corpus/
wiktionary-words.txt) the text writes in lower case, the TOP most frequent of them. Each round
(seeded) makes a copy of every document in which occurrences of those compounds, at least
eight words apart, get one slip each: one of the two syllables is replaced by a syllable one
slip away that is itself a real syllable (in the built-in model's vocabulary: a real-word
slip, which a spell checker cannot see; kinds weighted as in scripts/tune_realword.py: tone,
vowel mark or d/đ, onset s/x ch/tr d/gi/r l/n, final consonant, i/y). A slip is found when a
finding of a spelling rule (realword, confusion, variant-outlier, rare-variant, nonword)
covers it; `realword` alone is given too. False alarms: the findings of the same rules on the
clean text, per 10,000 words (each listed, to be read).

Nothing is tuned on this text: the thresholds are chosen on slips injected into held-out
corpus text (scripts/tune_realword.py).

Usage: cargo build --release
       python3 scripts/measure_compounds.py [--bin target/release/vnlint] [--top 100]
           [--rounds 4] [--show N]
"""
import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
sys.path.insert(0, HERE)
from tune_realword import KINDS, slips, vocabulary  # noqa: E402

WORD = re.compile(r"[^\W\d_]+")
# bench/dev/inject.py's fact markers.
MARKER = re.compile(r"\{\{([a-z0-9]+):([^|{}\n]*)\|([^{}\n]*)\}\}")
SPELLING = {"realword", "confusion", "variant-outlier", "rare-variant", "nonword"}


def compounds(path):
    """Two-syllable lower-case Wiktionary headwords, as (first, second)."""
    out = set()
    for line in open(path, encoding="utf-8"):
        parts = line.strip().split(" ")
        if len(parts) == 2 and all(p and p == p.lower() and WORD.fullmatch(p) for p in parts):
            out.add(tuple(parts))
    return out


def occurrences(text, wanted):
    """(index of the first word, first, second) of each compound written with one space."""
    words = list(WORD.finditer(text))
    out = []
    for n in range(len(words) - 1):
        a, b = words[n], words[n + 1]
        if text[a.end():b.start()] == " " and (a.group(), b.group()) in wanted:
            out.append((n, a.group(), b.group()))
    return words, out


def inject(text, wanted, vocab, rng):
    """The text with slips in compounds, and [(byte start, byte end, slip, original, compound)]."""
    words, occ = occurrences(text, wanted)
    chosen, last = [], -100
    for n, a, b in occ:
        if n - last < 8:
            continue
        which = rng.choice([0, 1])
        for _ in range(6):
            kind = rng.choices([k for k, _ in KINDS], [p for _, p in KINDS])[0]
            w = (a, b)[which]
            options = [s for s in slips(w, kind) if s in vocab]
            if options:
                chosen.append((n + which, rng.choice(options), f"{a} {b}", kind))
                last = n
                break
            which = 1 - which
    pieces, gold, pos, at = [], [], 0, 0
    for n, slip, compound, kind in chosen:
        m = words[n]
        pieces.append(text[pos:m.start()])
        at += len(text[pos:m.start()].encode())
        gold.append((at, at + len(slip.encode()), slip, m.group(), compound, kind))
        pieces.append(slip)
        at += len(slip.encode())
        pos = m.end()
    pieces.append(text[pos:])
    return "".join(pieces), gold


def check(binary, folder, extra):
    proc = subprocess.run([binary, "check", "--format", "json", *extra, folder], capture_output=True)
    if proc.returncode not in (0, 1):
        sys.exit(proc.stderr.decode()[:500])
    return [d for d in json.loads(proc.stdout) if d["rule"] in SPELLING]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "vnlint"))
    ap.add_argument("--model", default=os.path.join(ROOT, "model", "vi.vnlm"))
    ap.add_argument("--clean", default=os.path.join(ROOT, "bench", "dev", "clean"))
    ap.add_argument("--words", default=os.path.join(ROOT, "..", "shared", "data", "corpus",
                                                    "wiktionary-words.txt"))
    ap.add_argument("--top", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--config", help="a vnlint.toml for the runs")
    args = ap.parse_args()
    if "holdout" in os.path.abspath(args.clean).split(os.sep):
        sys.exit("bench/holdout is held out: never measure on it")
    extra = ["--config", args.config] if args.config else []
    vocab = vocabulary(args.model)
    names = sorted(n for n in os.listdir(args.clean)
                   if n.endswith((".txt", ".md")) and n != "README.md")
    # The documents carry fact markers ({{KIND:GROUP|TEXT}}); the plain text is what is read.
    texts = {n: MARKER.sub(lambda m: m.group(3), open(os.path.join(args.clean, n),
                                                      encoding="utf-8").read()) for n in names}
    words = sum(len(WORD.findall(t)) for t in texts.values())
    listed = compounds(args.words)
    freq = collections.Counter()
    for t in texts.values():
        freq.update(f"{a} {b}" for _, a, b in occurrences(t, listed)[1])
    top = {tuple(c.split(" ")) for c, _ in freq.most_common(args.top)}
    print(f"{len(names)} documents, {words:,} words; {len(freq)} Wiktionary compounds written, "
          f"the {len(top)} commonest used ({', '.join(c for c, _ in freq.most_common(8))}, ...)")
    rng = random.Random(args.seed)
    hit = collections.Counter()
    total = collections.Counter()
    missed = []
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.rounds):
            folder = os.path.join(tmp, f"round{r}")
            os.makedirs(folder)
            gold = {}
            for n in names:
                new, g = inject(texts[n], top, vocab, rng)
                gold[n] = (new, g)
                with open(os.path.join(folder, n), "w", encoding="utf-8") as f:
                    f.write(new)
            by = collections.defaultdict(list)
            for d in check(args.bin, folder, extra):
                by[os.path.basename(d["path"])].append(d)
            for n, (new, g) in gold.items():
                for s, e, slip, orig, compound, kind in g:
                    rules = {d["rule"] for d in by[n] if d["byte_start"] < e and s < d["byte_end"]}
                    total[kind] += 1
                    if rules:
                        hit[kind] += 1
                        hit["realword alone"] += "realword" in rules
                    else:
                        b = new.encode()
                        ctx = (b[max(0, s - 40):s].decode("utf-8", "replace") + "[[" + slip + "]]"
                               + b[e:e + 40].decode("utf-8", "replace")).replace("\n", " ")
                        missed.append(f"   missed ({kind}, {compound}): {ctx}")
        plain = os.path.join(tmp, "clean")
        os.makedirs(plain)
        for n in names:
            with open(os.path.join(plain, n), "w", encoding="utf-8") as f:
                f.write(texts[n])
        clean = check(args.bin, plain, extra)
    n = sum(total.values())
    found = sum(v for k, v in hit.items() if k != "realword alone")
    print(f"{n} slips injected in {args.rounds} rounds: found {found} = {found / n:.1%} "
          f"(realword alone {hit['realword alone']} = {hit['realword alone'] / n:.1%})")
    print("  by kind: " + ", ".join(f"{k} {hit[k]}/{total[k]}" for k in sorted(total)))
    print(f"clean text: {len(clean)} findings of the spelling rules = "
          f"{len(clean) / words * 1e4:.2f} per 10,000 words")
    for d in clean:
        b = texts[os.path.basename(d["path"])].encode()
        s, e = d["byte_start"], d["byte_end"]
        ctx = (b[max(0, s - 40):s].decode("utf-8", "replace") + "[[" + d["text"] + "]]"
               + b[e:e + 40].decode("utf-8", "replace")).replace("\n", " ")
        print(f"   clean {d['rule']} {os.path.basename(d['path'])}: {ctx}")
    for line in missed[:args.show]:
        print(line)


if __name__ == "__main__":
    main()

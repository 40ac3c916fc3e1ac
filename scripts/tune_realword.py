#!/usr/bin/env python3
"""Chooses the thresholds of the rule `realword` on slips injected into corpus text the
built-in model was not built from: the documents scripts/build_model.py holds out (every
20th of ../shared/data/corpus, in OUT/holdout). No viwiki label is read.

Each held-out document gets one slip about every 150 syllables (never two within five
words): a lower-case syllable the model knows is replaced by a syllable the model also
knows, one slip away: another tone (40 %), a vowel mark or d/đ (25 %), an onset swap s/x
ch/tr d/gi/r l/n (15 %), a final n/ng t/c or a final consonant dropped (15 %), i/y inside
a rhyme (5 %). Seeded, so the same text every run. Then, for each setting of the grid,
`vnlint check --select realword` runs on the injected copy and on the clean held-out text:
recall = injected slips flagged (on the slip's word, and with the original word as the
suggestion) / injected; false flags = findings on the clean text per 10,000 words (an
overestimate: the held-out Wikipedia text has slips of its own).

Usage: python3 scripts/build_model.py            (writes OUT/holdout)
       cargo build --release
       python3 scripts/tune_realword.py [--holdout /tmp/vnlint-model-corpus/holdout]
           [--grid] [--show N]
"""
import argparse
import os
import random
import re
import struct
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lintrun  # noqa: E402  (scripts/lintrun.py)
ROOT = os.path.join(HERE, "..")
WORD = re.compile(r"[^\W\d_]+")
TONES = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
MARKS = {"a": ["ă", "â"], "ă": ["a", "â"], "â": ["a", "ă"], "e": ["ê"], "ê": ["e"],
         "o": ["ô", "ơ"], "ô": ["o", "ơ"], "ơ": ["o", "ô"], "u": ["ư"], "ư": ["u"],
         "d": ["đ"], "đ": ["d"]}
ONSETS = [("s", "x"), ("x", "s"), ("ch", "tr"), ("tr", "ch"), ("d", "gi"), ("gi", "d"),
          ("d", "r"), ("r", "d"), ("gi", "r"), ("r", "gi"), ("l", "n"), ("n", "l")]
FINALS = [("ng", "n"), ("n", "ng"), ("t", "c"), ("c", "t"), ("nh", "n"), ("ng", ""),
          ("n", ""), ("t", ""), ("c", ""), ("m", ""), ("p", "")]
KINDS = [("tone", 40), ("mark", 25), ("onset", 15), ("final", 15), ("iy", 5)]
# The keys beside each key of a QWERTY keyboard, for `letter` slips (a letter with a vowel
# mark, or đ, is typed on its plain letter's key).
ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
BESIDE = {c: "".join(ROWS[r][j] for j in (i - 1, i + 1) if 0 <= j < len(ROWS[r]))
          for r in range(3) for i, c in enumerate(ROWS[r])}
PLAIN = {"ă": "a", "â": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u", "đ": "d"}


def vocabulary(path):
    """The syllables of a version 2 model file (docs/model-format.md)."""
    b = open(path, "rb").read()
    v, s = struct.unpack_from("<II", b, 16)
    notice = struct.unpack_from("<I", b, 92)[0]
    at = 104 + (notice + 3) // 4 * 4
    offsets = struct.unpack_from(f"<{v + 1}I", b, at)
    text = b[at + 4 * (v + 1): at + 4 * (v + 1) + s]
    return {text[offsets[i]:offsets[i + 1]].decode() for i in range(v)}


def split_tone(word):
    """(letters without the tone mark, tone mark or '', index of the marked letter)."""
    d = unicodedata.normalize("NFD", word)
    tone, base = "", []
    for ch in d:
        if ch in TONES:
            tone = ch
        else:
            base.append(ch)
    return unicodedata.normalize("NFC", "".join(base)), tone


def with_tone(base, tone):
    """Puts the tone on the vowel the old style puts it on (enough for the vocabulary)."""
    if not tone:
        return base
    vowels = [i for i, c in enumerate(base) if unicodedata.normalize("NFD", c)[0] in "aeiouy"]
    if not vowels:
        return None
    # The old style: the marked vowel (ă â ê ô ơ ư) if any, else the last vowel before a
    # final consonant, else the second-to-last of the vowel cluster (after gi/qu).
    marked = [i for i in vowels if base[i] in "ăâêôơư"]
    if marked:
        at = marked[-1]
    elif vowels[-1] < len(base) - 1:
        at = vowels[-1]
    else:
        cluster = vowels
        if base.startswith("qu") or (base.startswith("gi") and len(vowels) > 1):
            cluster = vowels[1:] or vowels
        at = cluster[-2] if len(cluster) >= 2 else cluster[-1]
    return unicodedata.normalize("NFC", base[:at] + base[at] + tone + base[at + 1:])


def slips(word, kind):
    base, tone = split_tone(word)
    out = []
    if kind == "tone":
        out = [with_tone(base, t) for t in [""] + TONES if t != tone]
    elif kind == "mark":
        for i, c in enumerate(base):
            for r in MARKS.get(c, []):
                out.append(with_tone(base[:i] + r + base[i + 1:], tone))
    elif kind == "onset":
        for a, b in ONSETS:
            if base.startswith(a) and not (a == "g" and base.startswith("gi")):
                out.append(with_tone(b + base[len(a):], tone))
    elif kind == "final":
        for a, b in FINALS:
            if base.endswith(a) and len(base) > len(a) and base[-len(a) - 1] in "aăâeêioôơuưy":
                out.append(with_tone(base[:-len(a)] + b, tone))
    elif kind == "letter":
        # One typing slip in the letters, the tone kept: a letter left out, a key beside it
        # typed instead or as well, two letters swapped. Whatever another kind makes is not
        # this kind's.
        for i, c in enumerate(base):
            out.append(with_tone(base[:i] + base[i + 1:], tone))
            for r in BESIDE.get(PLAIN.get(c, c), ""):
                out.append(with_tone(base[:i] + r + base[i + 1:], tone))
                out.append(with_tone(base[:i] + r + base[i:], tone))
            if i + 1 < len(base):
                out.append(with_tone(base[:i] + base[i + 1] + base[i] + base[i + 2:], tone))
        other = {x for k, _ in KINDS for x in slips(word, k)}
        out = [x for x in out if x not in other]
    elif kind == "iy":
        for i, c in enumerate(base[:-1]):
            if c in "iy" and i > 0 and base[i - 1] in "aăâeêoôơuư":
                out.append(with_tone(base[:i] + ("y" if c == "i" else "i") + base[i + 1:], tone))
    return [w for w in out if w and w != word]


def inject(text, vocab, rng, kinds=KINDS):
    """The text with slips of `kinds` ([(kind, weight)]), and [(byte start, slip, original,
    kind)]."""
    pieces, gold, last, at_byte, pos = [], [], -10, 0, 0
    words = list(WORD.finditer(text))
    for n, m in enumerate(words):
        w = m.group()
        if n - last < 5 or rng.random() > 1 / 150 or w != w.lower() or w not in vocab:
            continue
        names = [k for k, _ in kinds]
        weights = [p for _, p in kinds]
        for _ in range(4):
            kind = rng.choices(names, weights)[0]
            options = [s for s in slips(w, kind) if s in vocab]
            if options:
                slip = rng.choice(options)
                pieces.append(text[pos:m.start()])
                at_byte += len(text[pos:m.start()].encode())
                gold.append((at_byte, slip, w, kind))
                pieces.append(slip)
                at_byte += len(slip.encode())
                pos = m.end()
                last = n
                break
    pieces.append(text[pos:])
    return "".join(pieces), gold


def check(binary, folder, config):
    return lintrun.check(binary, folder, "realword", config)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "vnlint"))
    ap.add_argument("--model", default=os.path.join(ROOT, "model", "vi.vnlm"))
    ap.add_argument("--holdout", default="/tmp/vnlint-model-corpus/holdout")
    ap.add_argument("--grid", action="store_true")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--ratio", type=int, help="min-ratio for the single run (default: the rule's)")
    ap.add_argument("--min-count", type=int, help="min-count for the single run")
    ap.add_argument("--context", type=int, help="min-context for the single run")
    ap.add_argument("--association", type=int, help="min-association for the single run")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="any other option of the rule, for every run (repeatable)")
    ap.add_argument("--association-grid", action="store_true",
                    help="min-association over 0, 1, 2, 3, 5 (other thresholds the rule's)")
    ap.add_argument("--strong-grid", action="store_true",
                    help="strong-ratio over 10^4, 3000, 1000, 300, 100 (other thresholds the rule's)")
    ap.add_argument("--context-grid", action="store_true",
                    help="min-context over 1, 3, 10, 30, 100, 300 (other thresholds the rule's)")
    ap.add_argument("--kinds", help="the kinds of slip injected and their weights, as "
                    "'letter=1' or 'tone=40,mark=25' (default: every kind but letter, as in KINDS)")
    ap.add_argument("--letter-grid", action="store_true",
                    help="letter-ratio over 0, 10^4, 3*10^4, 10^5, 3*10^5, 10^6")
    args = ap.parse_args()
    kinds = KINDS
    if args.kinds:
        kinds = [(k, float(w)) for k, w in (x.split("=") for x in args.kinds.split(","))]
    if not os.path.isdir(args.holdout):
        sys.exit(f"missing {args.holdout}: run scripts/build_model.py first")
    vocab = vocabulary(args.model)
    rng = random.Random(args.seed)
    names = sorted(os.listdir(args.holdout))
    with tempfile.TemporaryDirectory() as tmp:
        injected = os.path.join(tmp, "injected")
        os.makedirs(injected)
        gold, words, texts = {}, 0, {}
        for name in names:
            text = open(os.path.join(args.holdout, name), encoding="utf-8").read()
            words += len(WORD.findall(text))
            new, g = inject(text, vocab, rng, kinds)
            gold[name] = g
            texts[name] = new
            with open(os.path.join(injected, name), "w", encoding="utf-8") as f:
                f.write(new)
        total = sum(len(g) for g in gold.values())
        by_kind = {}
        for g in gold.values():
            for *_, kind in g:
                by_kind[kind] = by_kind.get(kind, 0) + 1
        print(f"{len(names)} held-out documents, {words:,} words, {total} slips injected "
              f"({', '.join(f'{k} {n}' for k, n in sorted(by_kind.items()))})")
        a = args.association
        grid = [(None, args.min_count, args.ratio, args.context, a)]
        if args.grid:
            grid = [(1, c, r, args.context, a) for c in (10, 20)
                    for r in (10**3, 3 * 10**3, 10**4, 3 * 10**4, 10**5)]
        if args.context_grid:
            grid = [(None, args.min_count, args.ratio, c, a) for c in (1, 3, 10, 30, 100, 300)]
        if args.association_grid:
            grid = [(None, args.min_count, args.ratio, args.context, x) for x in (0, 1, 2, 3, 5)]
        strong = [None] * len(grid)
        if args.strong_grid:
            strong = [10**4, 3000, 1000, 300, 100]
            grid = [(None, args.min_count, args.ratio, args.context, a)] * len(strong)
        letter = [None] * len(grid)
        if args.letter_grid:
            letter = [0, 10**4, 3 * 10**4, 10**5, 3 * 10**5, 10**6]
            grid = [(None, args.min_count, args.ratio, args.context, a)] * len(letter)
        strong += [None] * (len(grid) - len(strong))
        print(f"{'max':>4} {'min':>4} {'ratio':>9} {'context':>7} {'assoc':>5} {'strong':>6} {'recall':>14} {'right fix':>9} "
              f"{'off-slip':>8} {'clean flags':>11} {'per 10k':>7} {'letter':>7}")
        for (max_count, min_count, ratio, context, association), strong_ratio, letter_ratio in \
                zip(grid, strong, letter):
            config = os.path.join(tmp, "vnlint.toml")
            opts = [f"{k} = {v}" for k, v in (("max-count", max_count), ("min-count", min_count),
                                              ("min-ratio", ratio), ("min-context", context),
                                              ("min-association", association),
                                              ("strong-ratio", strong_ratio),
                                              ("letter-ratio", letter_ratio))
                    if v is not None] + [o.replace("=", " = ", 1) for o in args.set]
            with open(config, "w") as f:
                f.write("[rules]\nrealword = { " + ", ".join(opts) + " }\n" if opts else "")
            found = check(args.bin, injected, config)
            hit = right = off = 0
            at = {}
            for d in found:
                at.setdefault(os.path.basename(d["path"]), {})[d["byte_start"]] = d
            missed = []
            for name, g in gold.items():
                for start, slip, original, kind in g:
                    d = at.get(name, {}).pop(start, None)
                    if d:
                        hit += 1
                        sugg = [s["replacement"] for s in d.get("suggestions", [])]
                        right += original in sugg
                    else:
                        missed.append((name, start, slip, original, kind))
            off = sum(len(v) for v in at.values())
            clean = check(args.bin, args.holdout, config)
            print(f"{max_count or '-':>4} {min_count or '-':>4} {ratio or '-':>9} {context or '-':>7} "
                  f"{'-' if association is None else association:>5} {strong_ratio or '-':>6} "
                  f"{hit:5}/{total} {hit / total:6.1%} {right:9} {off:8} {len(clean):11} "
                  f"{len(clean) / words * 1e4:7.2f} {'-' if letter_ratio is None else letter_ratio:>7}")
            if args.show:
                for d in clean[:args.show]:
                    name = os.path.basename(d["path"])
                    b = open(os.path.join(args.holdout, name), "rb").read()
                    ctx = lintrun.context(b, d["byte_start"], d["byte_end"], 50, d["text"])
                    sugg = [x["replacement"] for x in d.get("suggestions", [])][:1]
                    print(f"   clean {name} -> {sugg}: {ctx}")
                for name, start, slip, original, kind in missed[:args.show]:
                    b = texts[name].encode()
                    ctx = lintrun.context(b, start, start + len(slip.encode()), 50, slip)
                    print(f"   missed ({kind}, meant {original}): {ctx}")


if __name__ == "__main__":
    main()

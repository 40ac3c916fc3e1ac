#!/usr/bin/env python3
"""Chooses the thresholds of `nonword` (min-support) and `repeated-word`
(normal-per-million) on slips injected into corpus text the built-in model was not built
from: the documents scripts/build_model.py holds out (every 20th of ../shared/data/corpus,
in OUT/holdout). No viwiki label is read.

Each held-out document gets one slip about every 200 words (never two within five words),
of these kinds, chosen evenly:
  unmarked  a lower-case syllable typed without any mark (học -> hoc), kept only when the
            grammar rejects the result (else it is a real-word slip);
  start     the first word of a sentence with one letter doubled or replaced by a
            neighbour on the keyboard (Trong -> Tromg, Tây -> Ttây);
  glued     a common syllable glued to the word before (được xây -> đượcxây);
  telex     a Telex tone key typed after a syllable that has its tone (hoạch -> hoạchj);
  stray     a combining tone mark left after a letter that has its tone;
  swap      the onset and the vowel after it swapped (hoàn -> ohàn);
  doubled   a word or a two-syllable compound typed twice (cùng -> cùng cùng);
  letter    a lower-case word with one letter typed too many (a neighbour on the keyboard,
            or the letter again), one dropped, or two adjacent letters swapped
            (theo -> theoi, trong -> tromng, người -> ngưi, không -> khôgn), kept only
            when the grammar rejects the result, the word was a syllable and a vowel is
            left;
  name      a capitalised word inside a sentence (a name, a place: Hy Lạp, châu Á) typed
            without its marks or with two adjacent letters swapped (Lạp -> Lap,
            Châu -> Chuâ), kept only when the grammar rejects the result and the word was
            a syllable.
Recall = injected slips flagged (a finding overlapping the slip) / injected; right = the
first suggestion restores the original; false flags = findings of the two rules on the clean
held-out text per 10,000 words (an overestimate: the corpus has slips of its own).

Usage: python3 scripts/build_model.py            (writes OUT/holdout)
       cargo build --release --bins --examples
       python3 scripts/tune_nonword.py [--holdout DIR] [--grid] [--show N]
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lintrun  # noqa: E402  (scripts/lintrun.py)
ROOT = os.path.join(HERE, "..")
WORD = re.compile(r"[^\W\d_]+")
TONES = "\u0300\u0301\u0303\u0309\u0323"
KEYS = {"a": "sqw", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "g": "fh", "h": "gj",
        "i": "uo", "k": "jl", "l": "k", "m": "n", "n": "bm", "o": "ip", "p": "o",
        "r": "et", "s": "ad", "t": "ry", "u": "yi", "v": "cb", "x": "zc", "y": "tu"}
KINDS = ["unmarked", "start", "glued", "telex", "stray", "swap", "doubled", "letter", "name"]


def strip_marks(word):
    d = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in d if not unicodedata.combining(c))


def toned(word):
    return any(c in TONES for c in unicodedata.normalize("NFD", word))


def slip(kind, w, words, n, rng):
    """The slipped text for word n (w), or None."""
    if kind == "unmarked":
        s = strip_marks(w)
        return s if s != w and w.islower() else None
    if kind == "start":
        if not (w[:1].isupper() and w[1:].islower() and len(w) >= 3):
            return None
        i = rng.randrange(len(w))
        c = w[i].lower()
        if rng.random() < 0.5:
            return w[:i + 1] + w[i].lower() + w[i + 1:]
        if c not in KEYS:
            return None
        return w[:i] + rng.choice(KEYS[c]) + w[i + 1:]
    if kind == "telex":
        return w + rng.choice("fjsrx") if w.islower() and toned(w) else None
    if kind == "stray":
        if not (w.islower() and toned(w)):
            return None
        d = unicodedata.normalize("NFC", w)
        i = next(i for i, c in enumerate(d) if toned(c))
        return d[:i + 1] + rng.choice([t for t in TONES]) + d[i + 1:]
    if kind == "swap":
        m = re.match(r"^([bcdđghklmnpqrstvx]+)([aăâeêioôơuưyàáảãạ])", strip_marks(w))
        if not w.islower() or not m or len(m.group(1)) != 1:
            return None
        return w[1] + w[0] + w[2:]
    if kind == "letter":
        if not (w.islower() and len(w) >= 2):
            return None
        how = rng.choice(["insert", "delete", "transpose"])
        if how == "delete":
            i = rng.randrange(len(w))
            return w[:i] + w[i + 1:]
        if how == "transpose":
            i = rng.randrange(len(w) - 1)
            return w[:i] + w[i + 1] + w[i] + w[i + 2:]
        i = rng.randrange(len(w))
        base = strip_marks(w[i]).lower()
        extra = rng.choice(KEYS.get(base, "") + base)
        return w[:i + 1] + extra + w[i + 1:]
    if kind == "name":
        if not (w[:1].isupper() and w[1:].islower() and len(w) >= 3):
            return None
        if rng.random() < 0.5:
            s = strip_marks(w)
            return s if s != w else None
        i = rng.randrange(1, len(w) - 1)
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    return None


def inject(text, rng, kinds=KINDS):
    """The text with slips, and [(byte start, byte end, kind, original)]."""
    pieces, gold, last, pos = [], [], -10, 0
    words = list(WORD.finditer(text))
    out_len = 0

    def emit(upto, replacement, kind, original, start_char):
        nonlocal pos, out_len
        pieces.append(text[pos:start_char])
        out_len += len(text[pos:start_char].encode())
        start = out_len
        pieces.append(replacement)
        out_len += len(replacement.encode())
        gold.append((start, out_len, kind, original))
        pos = upto

    for n, m in enumerate(words):
        if n - last < 5 or rng.random() > 1 / 200 or m.start() < pos:
            continue
        kind = rng.choice(kinds)
        w = m.group()
        if kind == "glued":
            if n + 1 >= len(words) or text[m.end():words[n + 1].start()] != " ":
                continue
            nxt = words[n + 1]
            if not nxt.group().islower():
                continue
            emit(nxt.end(), w + nxt.group(), kind, w + " " + nxt.group(), m.start())
        elif kind == "doubled":
            if not w.islower():
                continue
            two = (n + 1 < len(words) and text[m.end():words[n + 1].start()] == " "
                   and words[n + 1].group().islower() and rng.random() < 0.3)
            end = words[n + 1].end() if two else m.end()
            unit = text[m.start():end]
            emit(end, unit + " " + unit, kind, unit, m.start())
        else:
            if kind == "start":
                before = text[:m.start()].rstrip(" ")
                if before and before[-1] not in ".!?\n":
                    continue
            if kind == "name":
                # Inside a sentence: right after a word and one space.
                if n == 0 or text[words[n - 1].end():m.start()] != " ":
                    continue
            s = slip(kind, w, words, n, rng)
            if not s or s == w:
                continue
            emit(m.end(), s, kind, w, m.start())
        last = n
    pieces.append(text[pos:])
    return "".join(pieces), gold


def check(binary, folder, config):
    return lintrun.check(binary, folder, "nonword,repeated-word", config)


def rejected(grammar, words):
    """The words of `words` the syllable grammar rejects."""
    words = sorted(set(words))
    proc = subprocess.run([grammar], input="\n".join(words).encode(), capture_output=True,
                          check=True)
    return {w for w, v in zip(words, proc.stdout.decode().split("\n")) if v != "ok"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "vnlint"))
    ap.add_argument("--grammar", default=os.path.join(ROOT, "target", "release", "examples",
                                                      "syllables"))
    ap.add_argument("--holdout", default="/tmp/vnlint-model-corpus/holdout")
    ap.add_argument("--grid", action="store_true")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--kinds", help="only these kinds of slip, comma-separated")
    ap.add_argument("--both-grid", action="store_true",
                    help="a grid of nonword's min-both (support on both sides) instead")
    ap.add_argument("--name-grid", action="store_true",
                    help="a grid of nonword's min-name-share instead (capitalised words "
                         "inside a sentence)")
    args = ap.parse_args()
    if not os.path.isdir(args.holdout):
        sys.exit(f"missing {args.holdout}: run scripts/build_model.py first")
    rng = random.Random(args.seed)
    names = sorted(os.listdir(args.holdout))
    with tempfile.TemporaryDirectory() as tmp:
        injected = os.path.join(tmp, "injected")
        os.makedirs(injected)
        gold, words, texts = {}, 0, {}
        for name in names:
            text = open(os.path.join(args.holdout, name), encoding="utf-8").read()
            words += len(WORD.findall(text))
            new, g = inject(text, rng, args.kinds.split(",") if args.kinds else KINDS)
            gold[name], texts[name] = g, new.encode()
            with open(os.path.join(injected, name), "w", encoding="utf-8") as f:
                f.write(new)
        # A slip the grammar accepts is a real word: realword's, not counted here. A letter
        # or name slip counts only when the word was a syllable (not a foreign word) and
        # keeps a vowel (a lone consonant or two is an abbreviation's shape: tp, km).
        slipped = [texts[n][s:e].decode() for n, g in gold.items() for s, e, k, _ in g
                   if k not in ("glued", "doubled")]
        bad = rejected(args.grammar, slipped)
        originals = [o for g in gold.values() for *_, k, o in g if k in ("letter", "name")]
        foreign = rejected(args.grammar, originals)
        vowel = re.compile(r"[aăâeêioôơuưy]", re.I)
        for n in gold:
            gold[n] = [x for x in gold[n] if x[2] in ("glued", "doubled")
                       or (texts[n][x[0]:x[1]].decode() in bad
                           and not (x[2] in ("letter", "name") and (
                               x[3] in foreign
                               or not vowel.search(strip_marks(texts[n][x[0]:x[1]].decode())))))]
        total = {}
        for g in gold.values():
            for *_, kind, _ in g:
                total[kind] = total.get(kind, 0) + 1
        print(f"{len(names)} held-out documents, {words:,} words, "
              f"{sum(total.values())} slips the grammar rejects or doubled/glued")
        grid = [(None, None, None)]
        if args.grid:
            grid = [(s, p, None) for s in (5, 10, 20, 50, 100) for p in (300, 1000, 3000)]
        if args.name_grid:
            grid = [(None, None, n) for n in (20, 50, 100, 200, 300, 500, 1001)]
        if args.both_grid:
            grid = [(None, None, f"both{n}") for n in (10, 20, 50, 100, 200, 1000000)]
        for support, per_million, name_share in grid:
            config = os.path.join(tmp, "vnlint.toml")
            with open(config, "w") as f:
                f.write("[rules]\n")
                if support:
                    f.write(f'nonword = {{ min-support = {support} }}\n')
                if name_share and str(name_share).startswith("both"):
                    f.write(f'nonword = {{ min-both = {name_share[4:]} }}\n')
                elif name_share:
                    f.write(f'nonword = {{ min-name-share = {name_share} }}\n')
                if per_million:
                    f.write(f'repeated-word = {{ normal-per-million = {per_million} }}\n')
            found = {}
            for d in check(args.bin, injected, config):
                found.setdefault(os.path.basename(d["path"]), []).append(d)
            hit, right, missed = {}, {}, []
            for name, g in gold.items():
                for s, e, kind, original in g:
                    ds = [d for d in found.get(name, []) if d["byte_start"] < e
                          and s < d["byte_end"]]
                    if ds:
                        hit[kind] = hit.get(kind, 0) + 1
                        sugg = [x["replacement"] for x in ds[0].get("suggestions", [])]
                        fix = ds[0].get("fix") or {}
                        ok = (sugg[:1] == [original] or kind == "doubled"
                              or (sugg and sugg[0].lower() == original.lower()))
                        right[kind] = right.get(kind, 0) + ok
                    else:
                        missed.append((name, s, e, kind, original))
            clean = check(args.bin, args.holdout, config)
            by_rule = {}
            for d in clean:
                by_rule[d["rule"]] = by_rule.get(d["rule"], 0) + 1
            all_hit = sum(hit.values())
            all_total = sum(total.values())
            print(f"min-support {support or '-'} normal-per-million {per_million or '-'}"
                  f"{f' min-name-share {name_share}' if name_share else ''}: "
                  f"recall {all_hit}/{all_total} = {all_hit / max(all_total, 1):.1%}; "
                  + ", ".join(f"{k} {hit.get(k, 0)}/{total[k]} (right {right.get(k, 0)})"
                              for k in KINDS if k in total)
                  + "; clean flags " + ", ".join(f"{r} {c} ({c / words * 1e4:.2f}/10k)"
                                                 for r, c in sorted(by_rule.items())))
            if args.show:
                for d in clean[:args.show]:
                    name = os.path.basename(d["path"])
                    b = open(os.path.join(args.holdout, name), "rb").read()
                    ctx = lintrun.context(b, d["byte_start"], d["byte_end"], 40, d["text"])
                    sugg = [x["replacement"] for x in d.get("suggestions", [])][:1]
                    print(f"   clean {d['rule']} {d['severity']} -> {sugg}: {ctx}")
                for name, s, e, kind, original in missed[:args.show]:
                    b = texts[name]
                    ctx = lintrun.context(b, s, e, 40)
                    print(f"   missed ({kind}, meant {original}): {ctx}")


if __name__ == "__main__":
    main()

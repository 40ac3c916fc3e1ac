#!/usr/bin/env python3
"""A fresh set of non-word slips, of the kinds real writers make, injected into corpus text
the built-in model was not built from, to measure `nonword`'s recall per kind of slip.

Written after scripts/tune_nonword.py (whose slips chose the rule's thresholds): other
kinds and another generator, and the held-out documents of scripts/build_model.py (every
20th of ../shared/data/corpus, in OUT/holdout) split in two halves by the CRC-32 of the file
name: half R, whose misses may be read to find what the mechanism lacks, and half M, only
measured (never listed). A slip is kept only when the syllable grammar rejects it (else it
is a real-word slip, realword's) and the word slipped was a syllable with a vowel left.

Kinds (one slip about every 150 words, never two within six words, chosen evenly: a kind
drawn is tried on the words that follow until one takes it):
  glued2    two Vietnamese syllables run together (xây dựng -> xâydựng)
  gluedname a capitalised word glued to the common word after it (Dinh và -> Dinhvà)
  start     the first word of a sentence slipped: a letter doubled, dropped, swapped with
            the next, or a neighbour key typed for it (Trong -> Tromg, Tây -> Ttây)
  ascii     a word typed without any mark in Vietnamese context (học -> hoc)
  asciirun  two or three words in a row typed without marks (luật pháp -> luat phap)
  stray     a combining tone mark left after a letter with its tone (trường -> trườ̃ng)
  telexkey  a Telex tone key typed after or inside a word (hoạch -> hoạchj, nhà -> nhjà)
  telexraw  a word left in raw Telex, marks as keys (việt -> vieetj, được -> dduowcj)
  vni       a word left in raw VNI, marks as digits (việt -> vie65t)
  split     a swap that splits the vowel: the onset and the first vowel swapped
            (hoàn -> ohàn)
  transpose two adjacent letters swapped anywhere in a lower-case word (không -> khôgn)
  double    a letter typed twice (trong -> tronng, người -> nggười)
  drop      a letter dropped (nhưng -> nhưn, thường -> thưng)
  key       a letter replaced by its neighbour on the keyboard (dựng -> dựnh)
  tonepos   the tone mark on another vowel of the word, kept where the grammar rejects it
            (người -> ngừơi, được -> đựơc)
  name      a capitalised word inside a sentence slipped (Lạp -> Lap, Châu -> Chuâ)
Kinds added after reading the labelled non-words of viwiki fold A (not fold B), which the
16 above lacked (added to both halves; the draws of the first 16 change with them):
  tone      another tone key typed, where the ending cannot carry it (rất -> rầt, kết -> kềt)
  vowelmark a vowel's circumflex, breve or horn dropped, or another one typed, where the
            grammar rejects it (được -> đựoc, hưởng -> hưỏng, các -> câc)
  twoslip   two slips in one word: a letter slip (transpose, double, drop, key) on top of a
            vowel-mark or tone slip (giọng -> goịng, xuất -> xúât)
  gluedafter a word glued to the capitalised name after it (gọi Queensland -> gọiQueensland)
A kind added after reading how typing slips are described for Vietnamese text on the web
("thừa chữ": a letter too many) and a real release's "Nimnh Sơn" (added to both halves):
  insert    a key beside a letter on the keyboard typed with it, before or after it, in any
            word with a plain letter, lower-case or capitalised (Ninh -> Nimnh, trong ->
            tronhg, của -> cửa is not one: the key is a plain letter)
Kinds added in the sixth session, after reading how Telex input behaves (a tone key typed
twice takes the tone off and leaves the key: "nhaff" gives "nhaf") and finding the shift key
held one letter too long in the corpus itself (VIệt, THời, QUốc, PHần, NGuyễn): (both halves)
  undo      a Telex tone key typed twice: the word without its tone, the key after it
            (được -> đươcj, nhà -> nhaf, tiếng -> tiêngs)
  shift     a capitalised word with its second letter in capitals too (Người -> NGười,
            Việt -> VIệt); kept whatever the grammar says of its letters: a word in mixed
            case is no word
With the 23 kinds, on main at 061bc36 (before any change of the sixth session): see
bench/dev/MISSES.md ("nonword6").
With the 21 kinds, on main at 4bc92d2: half R 90.1 %, half M 88.3 % (clean findings 1.69 and
1.49 per 10k words); after the nonword branch's changes of the fifth session (chosen on half R
and fold A; M measured once, after): R 91.8 %, M 89.6 % (1.49 and 1.43: foreign words él,
más, cuál, née, úst no longer flagged).
With the 20 kinds, on main at 7e407e3: half R 88.8 %, half M 88.0 % (1.43 clean findings
per 10k words); after the nonword branch's changes (chosen on half R): R 90.7 %, M 89.4 %
(1.49: the two new clean findings read, both real slips of the corpus: damh, ứngng).

Usage: python3 scripts/build_model.py            (writes OUT/holdout)
       cargo build --release --bins --examples
       python3 scripts/inject_nonwords.py [--half R|M|both] [--show N] [--bin B]
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lintrun  # noqa: E402  (scripts/lintrun.py)
ROOT = os.path.join(HERE, "..")
WORD = re.compile(r"[^\W\d_]+")
TONES = {"\u0300": "f", "\u0301": "s", "\u0303": "x", "\u0309": "r", "\u0323": "j"}
VNI_TONES = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}
TELEX_VOWELS = {"â": "aa", "ê": "ee", "ô": "oo", "ă": "aw", "ơ": "ow", "ư": "uw", "đ": "dd"}
VNI_VOWELS = {"â": "a6", "ê": "e6", "ô": "o6", "ă": "a8", "ơ": "o7", "ư": "u7", "đ": "d9"}
ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
KINDS = ["glued2", "gluedname", "start", "ascii", "asciirun", "stray", "telexkey",
         "telexraw", "vni", "split", "transpose", "double", "drop", "key", "tonepos", "name",
         "tone", "vowelmark", "twoslip", "gluedafter", "insert", "undo", "shift"]
VOWELS = "aăâeêioôơuưy"


def neighbours(c):
    for r, row in enumerate(ROWS):
        if c in row:
            i = row.index(c)
            out = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
            for rr in (r - 1, r + 1):
                if 0 <= rr < len(ROWS):
                    out += [ROWS[rr][j] for j in (i, i + (1 if rr < r else -1))
                            if 0 <= j < len(ROWS[rr])]
            return out
    return []


def strip_marks(word):
    d = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in d if not unicodedata.combining(c)))


def tone_of(word):
    """The combining tone mark of a word, or None."""
    for c in unicodedata.normalize("NFD", word):
        if c in TONES:
            return c
    return None


def without_tone(word):
    d = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))


def raw(word, vowels, tones):
    """The keys typed for a word with the input method off (Telex or VNI)."""
    tone = tone_of(word)
    out = "".join(vowels.get(c, c) for c in without_tone(word).lower())
    return out + (tones[tone] if tone else "")


MARKED = {"a": "aăâ", "e": "eê", "o": "oôơ", "u": "uư"}


def with_tone(word, tone):
    """The word with its tone mark replaced by `tone` (a combining mark), on the same letter."""
    ls = list(unicodedata.normalize("NFC", word))
    at = next((i for i, c in enumerate(ls) if tone_of(c)), None)
    if at is None:
        return None
    ls[at] = unicodedata.normalize("NFC", without_tone(ls[at]) + tone)
    return "".join(ls)


def letters(word):
    return list(unicodedata.normalize("NFC", word))


def slip(kind, w, rng):
    """The slipped text of word `w`, or None."""
    lw = w.lower()
    if kind == "ascii":
        s = strip_marks(w)
        return s if s != w and w.islower() else None
    if kind == "stray":
        tone = tone_of(w)
        if not (w.islower() and tone):
            return None
        ls = letters(w)
        i = next(i for i, c in enumerate(ls) if tone_of(c))
        other = rng.choice([t for t in TONES if t != tone] + [tone])
        return "".join(ls[:i + 1]) + other + "".join(ls[i + 1:])
    if kind == "telexkey":
        tone = tone_of(w)
        if not (w.islower() and tone):
            return None
        if rng.random() < 0.5:
            return w + TONES[tone]
        ls = letters(w)
        i = rng.randrange(1, len(ls) + 1)
        return "".join(ls[:i]) + TONES[tone] + "".join(ls[i:])
    if kind == "telexraw":
        s = raw(w, TELEX_VOWELS, TONES)
        return s if w.islower() and s != w else None
    if kind == "vni":
        s = raw(w, VNI_VOWELS, VNI_TONES)
        return s if w.islower() and s != w else None
    if kind == "split":
        ls = letters(lw)
        if not w.islower() or len(ls) < 3 or ls[0] in VOWELS or ls[1] in VOWELS:
            return None
        if strip_marks(ls[1]) not in "aeiouy":
            return None
        return ls[1] + ls[0] + "".join(ls[2:])
    if kind in ("transpose", "double", "drop", "key", "start", "name"):
        ls = letters(w)
        if kind in ("start", "name"):
            if not (w[:1].isupper() and w[1:].islower() and len(ls) >= 3):
                return None
        elif not (w.islower() and len(ls) >= 2):
            return None
        how = kind
        if kind in ("start", "name"):
            how = rng.choice(["transpose", "double", "drop", "key"]
                             + (["ascii"] if kind == "name" else []))
        if how == "ascii":
            s = strip_marks(w)
            return s if s != w else None
        if how == "transpose":
            if len(ls) < 3:
                return None
            i = rng.randrange(len(ls) - 1)
            if ls[i].lower() == ls[i + 1].lower():
                return None
            a, b = ls[i], ls[i + 1]
            if i == 0:  # keep the capital where it was
                a, b = a.lower(), b.upper() if w[0].isupper() else b
            return "".join(ls[:i]) + b + a + "".join(ls[i + 2:])
        if how == "double":
            i = rng.randrange(len(ls))
            return "".join(ls[:i + 1]) + ls[i].lower() + "".join(ls[i + 1:])
        if how == "drop":
            if len(ls) < 3:
                return None
            i = rng.randrange(len(ls))
            s = ls[:i] + ls[i + 1:]
            if i == 0 and w[0].isupper():
                s[0] = s[0].upper()
            return "".join(s)
        if how == "key":
            i = rng.randrange(len(ls))
            base = strip_marks(ls[i].lower())
            keys = neighbours(base)
            if not keys or base != ls[i].lower():  # only plain letters are retyped
                return None
            c = rng.choice(keys)
            return "".join(ls[:i]) + (c.upper() if ls[i].isupper() else c) + "".join(ls[i + 1:])
    if kind == "insert":
        ls = letters(w)
        if not (w.islower() or (w[:1].isupper() and w[1:].islower())) or len(ls) < 2:
            return None
        i = rng.randrange(len(ls))
        base = ls[i].lower()
        keys = neighbours(base)
        if not keys:  # only beside a plain letter
            return None
        j = i + rng.choice([0, 1])
        if j == 0 and w[0].isupper():  # the capital stays first
            j = 1
        return "".join(ls[:j]) + rng.choice(keys) + "".join(ls[j:])
    if kind == "undo":
        tone = tone_of(w)
        if not (w.islower() and tone):
            return None
        return without_tone(w) + TONES[tone]
    if kind == "shift":
        ls = letters(w)
        if not (w[:1].isupper() and w[1:].islower() and len(ls) >= 3):
            return None
        return ls[0] + ls[1].upper() + "".join(ls[2:])
    if kind == "tone":
        tone = tone_of(w)
        if not (w.islower() and tone):
            return None
        return with_tone(w, rng.choice([t for t in TONES if t != tone]))
    if kind == "vowelmark":
        if not w.islower():
            return None
        ls = letters(w)
        spots = [i for i, c in enumerate(ls) if strip_marks(c) in MARKED]
        if not spots:
            return None
        i = rng.choice(spots)
        tone = tone_of(ls[i])
        base = without_tone(ls[i])
        options = [b for b in MARKED[strip_marks(base)] if b != base]
        b = rng.choice(options)
        ls[i] = unicodedata.normalize("NFC", b + tone) if tone else b
        return "".join(ls)
    if kind == "twoslip":
        first = slip(rng.choice(["vowelmark", "tone", "tonepos"]), w, rng)
        if not first:
            return None
        return slip(rng.choice(["transpose", "double", "drop", "key"]), first, rng)
    if kind == "tonepos":
        tone = tone_of(w)
        if not (w.islower() and tone):
            return None
        bare = letters(without_tone(w))
        vs = [i for i, c in enumerate(bare) if strip_marks(c) in "aeiouy"]
        if len(vs) < 2:
            return None
        at = next(i for i, c in enumerate(letters(w)) if tone_of(c))
        others = [i for i in vs if i != at]
        i = rng.choice(others)
        bare[i] = unicodedata.normalize("NFC", bare[i] + tone)
        return "".join(bare)
    return None


def inject(text, rng, kinds):
    """The text with slips, and [(byte start, byte end, kind, original, slipped)]."""
    words = list(WORD.finditer(text))
    pieces, gold, pos, out_len, last = [], [], 0, 0, -10

    def emit(start_char, end_char, replacement, kind, original):
        nonlocal pos, out_len
        head = text[pos:start_char]
        pieces.append(head)
        out_len += len(head.encode())
        start = out_len
        pieces.append(replacement)
        out_len += len(replacement.encode())
        gold.append((start, out_len, kind, original, replacement))
        pos = end_char

    want = None  # the kind drawn, tried on each word from there until it applies
    for n, m in enumerate(words):
        if n - last < 6 or m.start() < pos:
            continue
        if want is None:
            if rng.random() > 1 / 150:
                continue
            want = rng.choice(kinds)
        kind = want
        w = m.group()
        nxt = words[n + 1] if n + 1 < len(words) else None
        spaced = nxt is not None and text[m.end():nxt.start()] == " "
        prev_spaced = n > 0 and text[words[n - 1].end():m.start()] == " "
        before = text[:m.start()].rstrip(" ")
        opens = not before or before[-1] in ".!?\n"
        if kind == "glued2":
            if not (spaced and w.islower() and nxt.group().islower()):
                continue
            emit(m.start(), nxt.end(), w + nxt.group(), kind, w + " " + nxt.group())
        elif kind == "gluedname":
            if not (spaced and prev_spaced and not opens and w[:1].isupper()
                    and w[1:].islower() and nxt.group().islower()):
                continue
            emit(m.start(), nxt.end(), w + nxt.group(), kind, w + " " + nxt.group())
        elif kind == "gluedafter":
            if not (spaced and w.islower() and nxt.group()[:1].isupper()
                    and nxt.group()[1:].islower()):
                continue
            emit(m.start(), nxt.end(), w + nxt.group(), kind, w + " " + nxt.group())
        elif kind == "asciirun":
            run = [m]
            for k in range(n + 1, min(n + 3, len(words))):
                if text[run[-1].end():words[k].start()] != " ":
                    break
                run.append(words[k])
            run = run[:rng.choice([2, 3])]
            if len(run) < 2 or not all(r.group().islower() for r in run):
                continue
            if not any(strip_marks(r.group()) != r.group() for r in run):
                continue
            original = text[m.start():run[-1].end()]
            emit(m.start(), run[-1].end(), strip_marks(original), kind, original)
        else:
            if kind == "start" and not opens:
                continue
            if kind == "name" and (opens or not prev_spaced):
                continue
            s = slip(kind, w, rng)
            if not s or s == w:
                continue
            emit(m.start(), m.end(), s, kind, w)
        last, want = n, None
    pieces.append(text[pos:])
    return "".join(pieces), gold


def verdicts(grammar, words):
    words = sorted(set(words))
    proc = subprocess.run([grammar], input="\n".join(words).encode(), capture_output=True,
                          check=True)
    return dict(zip(words, proc.stdout.decode().split("\n")))


def add_args(ap):
    """The options of a run: the binaries, the held-out documents, the seed and the kinds."""
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "vnlint"))
    ap.add_argument("--grammar", default=os.path.join(ROOT, "target", "release", "examples",
                                                      "syllables"))
    ap.add_argument("--holdout", default="/tmp/vnlint-model-corpus/holdout")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--kinds", help="only these kinds, comma-separated")


def run_half(args, half, kinds):
    """Injects the slips into one half, checks it and its clean copy: a dict with the
    documents, word count, every kept slip (name, start, end, kind, original, slipped,
    whether found, the first suggestion, its context, whether it opens a sentence) and the
    findings on the clean text (each with its context)."""
    names = sorted(n for n in os.listdir(args.holdout)
                   if "RM"[zlib.crc32(n.encode()) % 2] == half)
    rng = random.Random(f"{args.seed}-{half}")
    with tempfile.TemporaryDirectory(prefix="nonword-inject-") as tmp:
        clean_dir, injected = os.path.join(tmp, "clean"), os.path.join(tmp, "injected")
        os.makedirs(clean_dir)
        os.makedirs(injected)
        gold, texts, words = {}, {}, 0
        for name in names:
            text = open(os.path.join(args.holdout, name), encoding="utf-8").read()
            words += len(WORD.findall(text))
            new, g = inject(text, rng, kinds)
            gold[name], texts[name] = g, new.encode()
            with open(os.path.join(injected, name), "w", encoding="utf-8") as f:
                f.write(new)
            with open(os.path.join(clean_dir, name), "w", encoding="utf-8") as f:
                f.write(text)
        # Kept: slipped words the grammar rejects, from words it accepts (Vietnamese).
        slipped = [w for g in gold.values() for *_, o, s in g for w in s.split()]
        originals = [w.lower() for g in gold.values() for *_, o, s in g for w in o.split()]
        v = verdicts(args.grammar, slipped + originals)
        vowel = re.compile(r"[aeiouy]", re.I)

        def keep(kind, original, slipped_text):
            if not all(v[w.lower()] == "ok" for w in original.split()):
                return False
            if kind in ("glued2", "gluedname", "gluedafter", "shift"):
                return True
            ws = slipped_text.split()
            return (any(v[w] != "ok" for w in ws)
                    and all(vowel.search(strip_marks(w)) for w in ws))
        for name in gold:
            gold[name] = [x for x in gold[name] if keep(x[2], x[3], x[4])]
        found = {}
        for d in lintrun.check(args.bin, injected, "nonword"):
            found.setdefault(os.path.basename(d["path"]), []).append(d)
        slips = []
        for name, g in gold.items():
            b = texts[name]
            for s, e, kind, original, slipped_text in g:
                ds = [d for d in found.get(name, []) if d["byte_start"] < e
                      and s < d["byte_end"]]
                sugg = [x["replacement"] for x in ds[0].get("suggestions", [])] if ds else []
                before = b[:s].decode(errors="replace").rstrip(" ")
                slips.append({
                    "name": name, "start": s, "end": e, "kind": kind,
                    "original": original, "slipped": slipped_text, "found": bool(ds),
                    "suggestion": sugg[0] if sugg else None,
                    "context": lintrun.context(b, s, e, 30),
                    "opens": not before or before[-1] in ".!?\n",
                })
        clean = lintrun.check(args.bin, clean_dir, "nonword")
        for d in clean:
            b = open(os.path.join(clean_dir, os.path.basename(d["path"])), "rb").read()
            d["context"] = lintrun.context(b, d["byte_start"], d["byte_end"], 40, d["text"])
    return {"documents": len(names), "words": words, "slips": slips, "clean": clean}


def suggestion_right(slip):
    """Whether the first suggestion of a found slip is the word meant."""
    sugg, original = slip["suggestion"], slip["original"]
    return bool(sugg) and (sugg == original or sugg in original.split()
                           or sugg.lower() == original.lower())


def main():
    ap = argparse.ArgumentParser()
    add_args(ap)
    ap.add_argument("--half", choices=["R", "M", "both"], default="both")
    ap.add_argument("--show", type=int, default=0, help="list misses of half R (never M)")
    ap.add_argument("--clean", type=int, default=0, help="list findings on clean text")
    args = ap.parse_args()
    if not os.path.isdir(args.holdout):
        sys.exit(f"missing {args.holdout}: run scripts/build_model.py first")
    kinds = args.kinds.split(",") if args.kinds else KINDS
    halves = ["R", "M"] if args.half == "both" else [args.half]
    for half in halves:
        run = run_half(args, half, kinds)
        hit, right, total = {}, {}, {}
        for x in run["slips"]:
            k = x["kind"]
            total[k] = total.get(k, 0) + 1
            hit[k] = hit.get(k, 0) + x["found"]
            right[k] = right.get(k, 0) + (x["found"] and suggestion_right(x))
        clean, words = run["clean"], run["words"]
        n_hit, n_total = sum(hit.values()), sum(total.values())
        print(f"half {half}: {run['documents']} documents, {words:,} words, {n_total} slips; "
              f"recall {n_hit}/{n_total} = {n_hit / max(n_total, 1):.1%}; clean findings "
              f"{len(clean)} = {len(clean) / max(words, 1) * 1e4:.2f} per 10k words")
        for k in kinds:
            if k in total:
                print(f"  {k:10} {hit.get(k, 0):4}/{total[k]:<4} = "
                      f"{hit.get(k, 0) / total[k]:6.1%}  first suggestion right "
                      f"{right.get(k, 0)}")
        for d in clean[:args.clean]:
            sugg = [x["replacement"] for x in d.get("suggestions", [])][:1]
            print(f"   clean {d['severity']} -> {sugg}: {d['context']}")
        if args.show and half == "R":
            for x in [x for x in run["slips"] if not x["found"]][:args.show]:
                print(f"   missed {x['kind']} (meant {x['original']}): {x['context']}")


if __name__ == "__main__":
    main()

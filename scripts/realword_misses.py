#!/usr/bin/env python3
"""Why `realword` misses what it misses: fold A of viwiki dev (scripts/realword_folds.py) and
the slips scripts/tune_realword.py injects into held-out corpus text, each miss put down to
ONE cause, the first that applies:

  several words      the label is not one syllable for one syllable
  <relaxation>       found once the rule is relaxed step by step (as realword_folds.py --why):
                     neighbours' evidence, score, written pair common, variant pair rare
  capital            the written word is capitalised (a name guard, unless it opens a sentence)
  unknown            the written word is no syllable the model knows
  not generated      the meant word is not among the model's neighbours of the written one
                     with an edit the rule considers, or the model saw it under min-count times:
                     split into "a letter edit the rule skips" (in the neighbour list as one
                     letter replaced, inserted, deleted or swapped) and "two edits away or rare"
  quoted             inside quotation marks on its line
  repeated           the document writes one of its pairs 3 times or more
  dictionary word    one of its pairs stands inside a word of the model's word list
  model prefers it   none of the above: the written word fits its place at least as well

Fold B is never read here. No threshold is chosen from this listing; it says which mechanism
to look at.

Usage: cargo build --release --bins --examples
       python3 scripts/realword_misses.py [--injected] [--combined] [--examples N]
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
import lintrun  # noqa: E402
import realword_folds as folds  # noqa: E402
import tune_realword as tune  # noqa: E402
import viwiki  # noqa: E402
from measure_realword import read_labels, write_docs  # noqa: E402

WORD = re.compile(r"[^\W\d_]+")
UNIT = re.compile(r"[^\W_]+")
# The edits of the model's neighbour lists the rule takes (src/rules/realword.rs, Slip::of):
# tone, vowel mark or d/đ, an onset's spelling rule or dialect swap, and one letter (a final
# consonant or i/y inside a rhyme, checked below).
KINDS = {1: "tone", 2: "mark", 3: "onset", 4: "onset", 5: "letter"}
MIN_COUNT = 20
RELAXED = [("neighbours' evidence", {"min-context": 1, "min-association": 0}),
           ("score", {"min-context": 1, "min-association": 0, "min-ratio": 1}),
           ("written pair common", {"min-context": 1, "min-association": 0, "min-ratio": 1,
                                    "max-count": 10**6}),
           ("variant pair rare", {"min-context": 1, "min-association": 0, "min-ratio": 1,
                                  "max-count": 10**6, "min-count": 1})]


class Model:
    """The tables of a version 2 model file this script needs (docs/model-format.md)."""

    def __init__(self, path):
        b = open(path, "rb").read()
        v, s, n, m = struct.unpack_from("<IIII", b, 16)
        compounds, notice = struct.unpack_from("<II", b, 84)[0], struct.unpack_from("<I", b, 92)[0]
        pad = lambda x: (x + 3) // 4 * 4  # noqa: E731
        at = 104 + pad(notice)

        def take(length):
            nonlocal at
            start = at
            at += pad(length)
            return start
        offsets = struct.unpack_from(f"<{v + 1}I", b, take(4 * (v + 1)))
        text = b[take(s):][:s]
        self.words = [text[offsets[i]:offsets[i + 1]].decode() for i in range(v)]
        self.id = {w: i for i, w in enumerate(self.words)}
        self.unigram = struct.unpack_from(f"<{v}I", b, take(4 * v))
        take(4 * v)  # followers
        rows = struct.unpack_from(f"<{v + 1}I", b, take(4 * (v + 1)))
        seconds = struct.unpack_from(f"<{n}H", b, take(2 * n))
        counts = struct.unpack_from(f"<{n}I", b, take(4 * n))
        self.pairs = {}
        for a in range(v):
            for j in range(rows[a], rows[a + 1]):
                self.pairs[(a, seconds[j])] = counts[j]
        nrows = struct.unpack_from(f"<{v + 1}I", b, take(4 * (v + 1)))
        nids = struct.unpack_from(f"<{m}H", b, take(2 * m))
        nkinds = b[take(m):][:m]
        self.neighbours = [[(nids[j], nkinds[j]) for j in range(nrows[i], nrows[i + 1])]
                           for i in range(v)]
        # The triple tables come next; the word-list pairs end the file.
        t = struct.unpack_from("<I", b, 80)[0]
        take(4 * (n + 1))
        take(2 * n)
        take(2 * t)
        take(t)
        self.compounds = set(struct.unpack_from(f"<{compounds}I", b, take(4 * compounds)))

    def key(self, word):
        """The model's id of a word: lower case, the tone placed in the old style."""
        w = unicodedata.normalize("NFC", word.lower())
        if w in self.id:
            return self.id[w]
        base, tone = tune.split_tone(w)
        old = tune.with_tone(base, tone)
        return self.id.get(old) if old else None

    def pair(self, a, b):
        return self.pairs.get((a, b), 0) if a is not None and b is not None else 0

    def listed(self, a, b):
        return a is not None and b is not None and (a << 16 | b) in self.compounds

    def generated(self, w, meant):
        """Whether `meant` is among `w`'s neighbours with an edit the rule takes."""
        for v, kind in self.neighbours[w]:
            if v != meant or kind not in KINDS:
                continue
            if KINDS[kind] == "letter":
                a, b = self.words[w], self.words[v]
                if tune.split_tone(a)[1] != tune.split_tone(b)[1]:
                    continue
                sa, sb = sorted((tune.split_tone(a)[0], tune.split_tone(b)[0]), key=len)
                final = len(sb) == len(sa) + 1 and sb.startswith(sa) and sb[-1] in "cghmnpt"
                iy = len(sa) == len(sb) and sum(x != y for x, y in zip(sa, sb)) == 1 and \
                    {x for x, y in zip(sa, sb) if x != y} | {y for x, y in zip(sa, sb) if x != y} == {"i", "y"} \
                    and sa[-1] not in "iy"
                # Any other letter of a known syllable, the tone the same, since letter-ratio.
                if not (final or iy or not iy_only(sa, sb)):
                    continue
            return self.unigram[v] >= MIN_COUNT
        return False


def iy_only(a, b):
    """Whether a and b differ only by i and y: a spelling convention, never a slip."""
    return len(a) == len(b) and a.replace("y", "i") == b.replace("y", "i")


def neighbours_of(text, start, end):
    """The units (words or numbers) right before and after bytes start..end of `text`
    (bytes), with only spaces between, on the same line; None at a break."""
    before = text[:start].decode(errors="replace")
    after = text[end:].decode(errors="replace")
    left = re.search(r"([^\W_]+) +$", before.split("\n")[-1])
    right = re.match(r"^ +([^\W_]+)", after.split("\n")[0])
    return (left.group(1) if left else None), (right.group(1) if right else None)


def quoted(text, start):
    """Whether byte `start` of `text` stands inside quotation marks on its line."""
    line = text[:start].decode(errors="replace").split("\n")[-1]
    return line.count('"') % 2 == 1 or line.count("“") > line.count("”")


def pair_counts(text):
    """How often the document writes each pair of units (lower case)."""
    counts = {}
    for line in text.decode(errors="replace").split("\n"):
        for chunk in re.split(r"[^\w ]+", line):
            units = [u.lower() for u in chunk.split()]
            for a, b in zip(units, units[1:]):
                counts[(a, b)] = counts.get((a, b), 0) + 1
    return counts


def cause(model, text, counts, start, end, written, meant, relaxed_found):
    """The first cause (see the module's notes) of a missed slip of `meant` into `written`."""
    for name, found in relaxed_found:
        if found:
            return name
    if written != written.lower():
        return "capital"
    w, m = model.key(written), model.key(meant)
    if w is None:
        return "unknown"
    if m is None or not model.generated(w, m):
        if m is not None and model.unigram[m] >= MIN_COUNT and \
                any(v == m for v, _ in model.neighbours[w]):
            return "not generated: a letter edit the rule skips"
        return "not generated: two edits away or rare"
    if quoted(text, start):
        return "quoted"
    left, right = neighbours_of(text, start, end)
    lo = written.lower()
    if (left and counts.get((left.lower(), lo), 0) >= 3) or \
            (right and counts.get((lo, right.lower()), 0) >= 3):
        return "repeated"
    lk = model.key(left) if left else None
    rk = model.key(right) if right else None
    if model.listed(lk, w) or model.listed(w, rk):
        return "dictionary word"
    return "model prefers it"


def tabulate(title, rows, show):
    table, examples = {}, {}
    for why, kind, example in rows:
        table[(why, kind)] = table.get((why, kind), 0) + 1
        examples.setdefault((why, kind), []).append(example)
    by_cause = {}
    for (why, _), n in table.items():
        by_cause[why] = by_cause.get(why, 0) + n
    print(f"\n{title}: {len(rows)} misses")
    for why, n in sorted(by_cause.items(), key=lambda x: -x[1]):
        print(f"  {n:5}  {why}")
        for (w2, kind), k in sorted(table.items(), key=lambda x: -x[1]):
            if w2 == why:
                print(f"         {k:4} {kind:16} e.g. {' | '.join(examples[(w2, kind)][:show])}")


def fold_a(args, model):
    docs = viwiki.load(viwiki.DATA)
    docs = [d for d in docs if folds.fold_of(d["_id"]) == "A"]
    labels, real = read_labels(docs, args.grammar)
    spans = {d["_id"]: viwiki.label_spans(d) for d in docs}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_docs(os.path.join(tmp, "all"), docs, corrected=False)

        def hits(options, rule="realword"):
            """The labels a finding overlaps that suggests the label's correction."""
            config = None
            if options:
                config = os.path.join(tmp, "vnlint.toml")
                with open(config, "w") as f:
                    f.write(f"[rules]\n{rule} = {{ "
                            + ", ".join(f"{k} = {v}" for k, v in options.items()) + " }\n")
            out = set()
            for d in lintrun.check(args.bin, folder, rule, config):
                doc, s, e = os.path.basename(d["path"])[:-4], d["byte_start"], d["byte_end"]
                sugg = {w for x in d.get("suggestions", []) for w in WORD.findall(x["replacement"].lower())}
                for i, (ls, le) in enumerate(labels[doc]):
                    meant = WORD.findall((spans[doc][i][2].get("suggest") or [""])[0].lower())
                    if s < le and ls < e and (sugg & set(meant) or not sugg):
                        out.add((doc, i))
            return out
        found = hits(None)
        if args.combined:
            for rule in ("confusion", "variant-outlier"):
                found |= hits(None, rule)
        relaxed = [(name, hits(opts)) for name, opts in RELAXED]
    for d in docs:
        text = d["text"].encode()
        counts = pair_counts(text)
        for i, (s, e, m) in enumerate(spans[d["_id"]]):
            if (d["_id"], i) not in real or (d["_id"], i) in found:
                continue
            meant_text = (m.get("suggest") or [""])[0]
            written, meant = WORD.findall(m["text"]), WORD.findall(meant_text)
            diff = [(a, b) for a, b in zip(written, meant) if a != b]
            example = lintrun.context(text, s, e, 25) + f" -> {meant_text}"
            if len(written) != len(meant) or len(diff) != 1:
                rows.append(("several words", "other", example))
                continue
            a, b = diff[0]
            why = cause(model, text, counts, s, e, a, b,
                        [(name, (d["_id"], i) in h) for name, h in relaxed])
            rows.append((why, folds.slip_kind(a, b), example))
    who = "confusion + variant-outlier + realword" if args.combined else "`realword` alone"
    tabulate(f"viwiki dev fold A, real-word labels {who} misses", rows, args.examples)


def injected(args, model):
    vocab = tune.vocabulary(args.model)
    rng = random.Random(args.seed)
    names = sorted(os.listdir(args.holdout))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "injected")
        os.makedirs(folder)
        gold, texts = {}, {}
        for name in names:
            text = open(os.path.join(args.holdout, name), encoding="utf-8").read()
            new, gold[name] = tune.inject(text, vocab, rng)
            texts[name] = new.encode()
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(new)

        def hits(options):
            config = None
            if options:
                config = os.path.join(tmp, "vnlint.toml")
                with open(config, "w") as f:
                    f.write("[rules]\nrealword = { "
                            + ", ".join(f"{k} = {v}" for k, v in options.items()) + " }\n")
            return {(os.path.basename(d["path"]), d["byte_start"], x["replacement"])
                    for d in lintrun.check(args.bin, folder, "realword", config)
                    for x in d.get("suggestions", [])}
        found = hits(None)
        relaxed = [(name, hits(opts)) for name, opts in RELAXED]
    for name, g in gold.items():
        text = texts[name]
        counts = pair_counts(text)
        for start, slip, original, kind in g:
            if (name, start, original) in found:
                continue
            end = start + len(slip.encode())
            example = lintrun.context(text, start, end, 25) + f" -> {original}"
            why = cause(model, text, counts, start, end, slip, original,
                        [(n, (name, start, original) in h) for n, h in relaxed])
            rows.append((why, kind, example))
    total = sum(len(g) for g in gold.values())
    tabulate(f"injected slips in {len(names)} held-out corpus documents ({total} slips)", rows,
             args.examples)


def main():
    ap = argparse.ArgumentParser()
    viwiki.add_build_args(ap)
    ap.add_argument("--holdout", default="/tmp/vnlint-model-corpus/holdout")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--injected", action="store_true", help="also the injected slips")
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--combined", action="store_true",
                    help="fold A: count as found what confusion or variant-outlier find too")
    args = ap.parse_args()
    viwiki.require(viwiki.DATA, args.bin, args.grammar)
    model = Model(args.model)
    fold_a(args, model)
    if args.injected:
        injected(args, model)


if __name__ == "__main__":
    main()

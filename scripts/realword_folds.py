#!/usr/bin/env python3
"""`realword` on the viwiki-spelling dev articles in two fixed folds, for issue #14.

The 54 articles are split by a fixed hash of their id (the first byte of md5(_id) even: fold
A, odd: fold B). Fold A's misses may be read, by category, to find what the mechanism lacks;
fold B is the figure that counts, and nothing is chosen on it. No threshold is chosen on
either: the thresholds are chosen on slips injected into held-out corpus text
(scripts/tune_realword.py).

For each fold: `realword` alone (findings, on a label, off the labels read real / read false /
unread, false flags per 10,000 words counting every off-label finding not read real, recall of
the real-word labels), and the recall of `confusion` + `variant-outlier` + `realword` (each
run alone, findings joined). `--why` lists fold A's missed real-word labels by the kind of
slip (tone, vowel mark, d/đ, final consonant, onset pair, i/y, other) and why they were
missed, found by relaxing the rule step by step: "neighbours' evidence" (found once
min-context is 1 and min-association 0), "score" (found once min-ratio is 1 too), "written
pair common" (found once max-count is huge too), "variant pair rare" (found once min-count is
1 too), else "capital" (a name guard or a capital), "unknown" (a syllable the model lacks),
"not generated / guard" (the variant is not among the candidates, or a repeat, quotation or
dictionary-word guard). `--show N` lists N unread off-label findings in the format of
scripts/realword_read.tsv.

Usage: cargo build --release --bins --examples
       python3 scripts/realword_folds.py [--bin target/release/vnlint] [--why] [--show N]
"""
import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

import viwiki
from measure_realword import read_labels, write_docs

WORD = re.compile(r"[^\W\d_]+")
TONES = "\u0300\u0301\u0303\u0309\u0323"
ONSETS = {frozenset(p) for p in (("s", "x"), ("ch", "tr"), ("d", "gi"), ("d", "r"), ("gi", "r"),
                                  ("l", "n"))}


def fold_of(doc_id):
    return "A" if hashlib.md5(doc_id.encode()).digest()[0] % 2 == 0 else "B"


def run(cmd):
    proc = subprocess.run(cmd, capture_output=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed: {proc.stderr.decode()[:500]}")
    return proc


def check(binary, folder, rule, options=None, tmp=None):
    cmd = [binary, "check", "--format", "json", "--select", rule]
    if options:
        config = os.path.join(tmp, "vnlint.toml")
        with open(config, "w") as f:
            f.write("[rules]\n" + rule + " = { " + ", ".join(f"{k} = {v}" for k, v in options.items())
                    + " }\n")
        cmd += ["--config", config]
    names = sorted(os.listdir(folder))
    out = []
    for d in json.loads(run(cmd + [os.path.join(folder, n) for n in names]).stdout):
        out.append((os.path.basename(d["path"])[:-4], d["byte_start"], d["byte_end"], d["text"]))
    return out


def strip_tone(w):
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", w)
                                                if c not in TONES))


def strip_marks(w):
    w = w.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", w) if unicodedata.category(c) != "Mn")


def onset(w):
    for o in ("ngh", "ng", "gh", "gi", "ch", "tr", "th", "ph", "kh", "nh", "qu"):
        if w.startswith(o):
            return o
    return w[0] if w and strip_marks(w[0]) not in "aeiouy" else ""


def slip_kind(written, meant):
    """The kind of one-syllable slip from `meant` to `written` (lower case)."""
    a, b = written.lower(), meant.lower()
    if a == b:
        return "case"
    if strip_tone(a) == strip_tone(b):
        return "tone"
    if strip_marks(a) == strip_marks(b):
        if ("đ" in a) != ("đ" in b):
            return "d/đ"
        return "vowel mark"
    oa, ob = onset(strip_tone(a)), onset(strip_tone(b))
    if oa != ob and strip_tone(a)[len(oa):] == strip_tone(b)[len(ob):]:
        return f"onset {'/'.join(sorted((oa, ob)))}" if frozenset((oa, ob)) in ONSETS else "onset other"
    ta, tb = strip_tone(a), strip_tone(b)
    if ta.replace("y", "i") == tb.replace("y", "i"):
        return "i/y"
    if ta.startswith(tb) or tb.startswith(ta) or ta[:-1] == tb[:-1] or ta[:-2] == tb[:-2]:
        return "final consonant"
    return "other"


def main():
    ap = argparse.ArgumentParser()
    viwiki.add_build_args(ap)
    ap.add_argument("--why", action="store_true", help="fold A's misses by kind and reason")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--contexts", action="store_true", help="with --why: each miss in context")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="an option of realword for its runs (repeatable)")
    ap.add_argument("--fold", choices="AB", help="report this fold only")
    args = ap.parse_args()
    viwiki.require(viwiki.DATA, args.bin, args.grammar)
    docs = viwiki.load(viwiki.DATA)
    docs.sort(key=lambda d: (len(d["_id"]), d["_id"]))
    labels, real = read_labels(docs, args.grammar)
    spans = {d["_id"]: viwiki.label_spans(d) for d in docs}
    verdicts = viwiki.read_verdicts()
    text = {d["_id"]: d["text"].encode() for d in docs}
    folds = {f: {d["_id"] for d in docs if fold_of(d["_id"]) == f} for f in "AB"}
    words = {f: sum(len(WORD.findall(d["text"])) for d in docs if d["_id"] in folds[f]) for f in "AB"}
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_docs(os.path.join(tmp, "all"), docs, corrected=False)
        options = dict(o.split("=", 1) for o in args.set)
        found = {r: check(args.bin, folder, r, options if r == "realword" else None, tmp)
                 for r in ("confusion", "variant-outlier", "realword")}

        def hits(findings, ids):
            out = set()
            for doc, s, e, _ in findings:
                if doc in ids:
                    out |= {(doc, i) for i, (ls, le) in enumerate(labels[doc])
                            if s < le and ls < e and (doc, i) in real}
            return out

        for f in args.fold or "AB":
            ids = folds[f]
            n_real = len([k for k in real if k[0] in ids])
            mine = [x for x in found["realword"] if x[0] in ids]
            on = off_real = off_false = 0
            unread = []
            for doc, s, e, t in mine:
                if any(s < le and ls < e for ls, le in labels[doc]):
                    on += 1
                    continue
                v = verdicts.get((doc, s, t))
                off_real += v == "real"
                off_false += v == "false"
                if v is None:
                    unread.append((doc, s, e, t))
            alone = hits(mine, ids)
            joined = set().union(*(hits(found[r], ids) for r in found))
            flags = len(mine) - on - off_real
            print(f"fold {f}: {len(ids)} articles, {words[f]:,} words, {n_real} real-word labels")
            print(f"  realword: {len(mine)} findings, {on} on a label, off the labels {off_real} read "
                  f"real, {off_false} read false, {len(unread)} unread; false flags {flags} = "
                  f"{flags / words[f] * 1e4:.2f} per 10k words; recall {len(alone)}/{n_real} = "
                  f"{len(alone) / n_real:.1%}")
            print(f"  confusion + variant-outlier + realword recall {len(joined)}/{n_real} = "
                  f"{len(joined) / n_real:.1%}")
            for doc, s, e, t in unread[:args.show]:
                b = text[doc]
                ctx = (b[max(0, s - 60):s].decode("utf-8", "replace") + "[[" + t + "]]"
                       + b[e:e + 60].decode("utf-8", "replace")).replace("\n", " ")
                print(f"    unread\t{doc}\t{s}\t{t}\t\t{ctx}")
        if not args.why:
            return
        vocab = None
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from tune_realword import vocabulary
        vocab = vocabulary(args.model)
        loose = {"min-context": 1, "min-association": 0}
        relaxed = [("neighbours' evidence", loose),
                   ("score", {**loose, "min-ratio": 1}),
                   ("written pair common", {**loose, "min-ratio": 1, "max-count": 10**6}),
                   ("variant pair rare", {**loose, "min-ratio": 1, "max-count": 10**6,
                                          "min-count": 1})]
        relaxed_hits = [(name, hits(check(args.bin, folder, "realword", {**options, **opts}, tmp),
                                    folds["A"]))
                        for name, opts in relaxed]
        alone = hits(found["realword"], folds["A"])
        table = {}
        examples = {}
        for doc, i in sorted(real):
            if doc not in folds["A"] or (doc, i) in alone:
                continue
            _, _, m = spans[doc][i]
            written, meant = WORD.findall(m["text"]), WORD.findall((m.get("suggest") or [""])[0])
            diff = [(a, b) for a, b in zip(written, meant) if a != b]
            if len(written) != len(meant) or len(diff) != 1:
                kind, why = "other", "several words"
            else:
                a, b = diff[0]
                kind = slip_kind(a, b)
                why = next((name for name, h in relaxed_hits if (doc, i) in h), None)
                if why is None:
                    if a != a.lower():
                        why = "capital"
                    elif strip_tone(a.lower()) and a.lower() not in vocab and \
                            unicodedata.normalize("NFC", a.lower()) not in vocab:
                        why = "unknown"
                    else:
                        why = "not generated / guard"
            table[(kind, why)] = table.get((kind, why), 0) + 1
            examples.setdefault((kind, why), []).append(f"{m['text']}->{(m.get('suggest') or [''])[0]}")
            if args.contexts:
                s, e, _ = spans[doc][i]
                b = text[doc]
                print(f"  miss {kind:16} {why:22} -> {(m.get('suggest') or [''])[0]}: "
                      + (b[max(0, s - 50):s].decode("utf-8", "replace") + "[[" + m["text"] + "]]"
                         + b[e:e + 40].decode("utf-8", "replace")).replace("\n", " "))
        print("\nfold A misses, by kind of slip and reason:")
        for (kind, why), n in sorted(table.items(), key=lambda x: -x[1]):
            print(f"  {n:4}  {kind:16} {why:22} e.g. {', '.join(examples[(kind, why)][:6])}")


if __name__ == "__main__":
    main()

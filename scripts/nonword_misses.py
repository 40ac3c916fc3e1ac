#!/usr/bin/env python3
"""Why `nonword` misses what it misses: every slip of the injected half R
(scripts/inject_nonwords.py) or every fair non-word label of viwiki fold A
(scripts/measure_viwiki.py) gets one cause, counted per kind of slip:

  found, right       flagged, the first suggestion is the word meant
  found, wrong       flagged, the first suggestion is another word
  not a non-word     the grammar accepts the text (realword's, not nonword's)
  candidate missing  the word meant is not one edit away (two slips, or a split the
                     rule does not try) and the slip is not glued or typed in raw keys
  guard: name        a capital inside a sentence: taken for a name
  guard: capital     a capital opening a sentence
  guard: ascii       a lower-case word in plain ASCII (English, a code)
  guard: foreign     a lower-case word with marks whose shape no syllable has (a loan)
  not backed         none of those: the model did not back the word meant in its place

The guard is told by the shape of the text, as the rule tells it; the word meant is one
edit away when `examples/syllables --edits` lists it. Half M and fold B are never broken
down: they are the measured halves.

Usage: cargo build --release --bins --examples
       python3 scripts/nonword_misses.py [--source inject|viwiki] [--show CAUSE] [--bin B]
"""
import argparse
import os
import re
import subprocess
import sys
import zlib
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import inject_nonwords  # noqa: E402
import lintrun  # noqa: E402
import measure_viwiki  # noqa: E402
import viwiki  # noqa: E402

GLUED = {"glued2", "gluedname", "gluedafter", "glued"}
RAW = {"telexraw", "vni", "telexkey", "stray"}


def grammar_edits(grammar, words):
    """word -> (the grammar's verdict, the set of spellings one edit away)."""
    words = sorted(set(words))
    proc = subprocess.run([grammar, "--edits"], input="\n".join(words).encode(),
                          capture_output=True, check=True)
    out = {}
    for w, line in zip(words, proc.stdout.decode().split("\n")):
        verdict, _, edits = line.partition("\t")
        out[w] = (verdict, set(edits.split()))
    return out


def cause(slip, grammar):
    """One cause for a slip (a dict with slipped, original, kind, found, suggestion, opens)."""
    if slip["found"]:
        return "found, right" if inject_nonwords.suggestion_right(slip) else "found, wrong"
    text, meant = slip["slipped"], slip["original"]
    verdict, edits = grammar[text]
    if verdict == "ok" and slip["kind"] not in GLUED:
        return "not a non-word"
    if (slip["kind"] not in GLUED | RAW and " " not in text
            and meant.lower() not in edits):
        return "candidate missing"
    if text[:1].isupper() and not text.isupper():
        return "guard: capital" if slip["opens"] else "guard: name"
    if text.isascii():
        return "guard: ascii"
    if verdict in ("TooLong", "NoVowel", "BadOnset", "BadCoda", "SecondVowelGroup",
                   "BadVowels") or verdict.startswith("ForeignLetter"):
        return "guard: foreign"
    return "not backed"


def viwiki_slips(args):
    """The fair non-word labels of viwiki fold A, as slips."""
    docs = [d for d in viwiki.load(args.data) if zlib.crc32(d["_id"].encode()) % 2 == 0]
    label_words, texts, suggest, spans = {}, {}, {}, {}
    for doc in docs:
        for i, (s, e, m) in enumerate(viwiki.label_spans(doc)):
            k = (doc["_id"], i)
            label_words[k] = measure_viwiki.WORD.findall(m["text"])
            texts[k], suggest[k] = m["text"], (m.get("suggest") or [""])[0]
            spans[k] = (s, e)
    rejected = measure_viwiki.rejected_labels(args.grammar, label_words)
    fair = measure_viwiki.fair_labels(args.grammar, rejected, texts, suggest)
    slips = []
    for doc in docs:
        data = doc["text"].encode()
        proc = subprocess.run([args.bin, "check", "--format", "json", "--select", "nonword",
                               "-"], input=data, capture_output=True)
        found = lintrun_json(proc)
        for k in sorted(k for k in fair if k[0] == doc["_id"]):
            s, e = spans[k]
            ds = [d for d in found if d["byte_start"] < e and s < d["byte_end"]]
            sugg = [x["replacement"] for x in ds[0].get("suggestions", [])] if ds else []
            before = data[:s].decode(errors="replace").rstrip(" ")
            glued = len(suggest[k].split()) > 1
            slips.append({
                "kind": "glued" if glued else "label", "slipped": texts[k],
                "original": suggest[k], "found": bool(ds),
                "suggestion": sugg[0] if sugg else None,
                "context": lintrun.context(data, s, e, 30),
                "opens": not before or before[-1] in ".!?\n",
            })
    return slips


def lintrun_json(proc):
    import json
    if proc.returncode not in (0, 1):
        sys.exit(proc.stderr.decode()[:500])
    return json.loads(proc.stdout)


def main():
    ap = argparse.ArgumentParser()
    inject_nonwords.add_args(ap)
    ap.add_argument("--source", choices=["inject", "viwiki"], default="inject")
    ap.add_argument("--data", default=viwiki.DATA)
    ap.add_argument("--show", action="append", default=[],
                    help="list the slips of this cause (repeatable; 'all' for every miss)")
    args = ap.parse_args()
    if args.source == "inject":
        kinds = args.kinds.split(",") if args.kinds else inject_nonwords.KINDS
        slips = inject_nonwords.run_half(args, "R", kinds)["slips"]
    else:
        slips = viwiki_slips(args)
    grammar = grammar_edits(args.grammar, [x["slipped"] for x in slips])
    by_kind = defaultdict(Counter)
    for x in slips:
        x["cause"] = cause(x, grammar)
        by_kind[x["kind"]][x["cause"]] += 1
    causes = ["found, right", "found, wrong", "not a non-word", "candidate missing",
              "guard: name", "guard: capital", "guard: ascii", "guard: foreign", "not backed"]
    total = Counter(x["cause"] for x in slips)
    print(f"{args.source}: {len(slips)} slips; " + ", ".join(
        f"{c} {total[c]}" for c in causes if total[c]))
    for kind, counts in sorted(by_kind.items()):
        misses = ", ".join(f"{c} {counts[c]}" for c in causes[2:] if counts[c])
        print(f"  {kind:10} {sum(counts.values()):4}: right {counts['found, right']}, "
              f"wrong {counts['found, wrong']}" + (f"; missed: {misses}" if misses else ""))
    for x in slips:
        if x["cause"] in args.show or ("all" in args.show and not x["found"]):
            print(f"   {x['cause']:18} {x['kind']:10} {x['slipped']} (meant {x['original']}, "
                  f"offered {x['suggestion']}): {x['context']}")


if __name__ == "__main__":
    main()

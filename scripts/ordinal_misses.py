#!/usr/bin/env python3
"""Why the dev benchmark's ordinal cases are missed: each miss put under one cause.

    cargo build --release --example ordinal_facts
    python3 scripts/ordinal_misses.py [--clean DIR] [--binary PATH] [--examples N]

Runs bench/dev/score.py (every case, seed 13), keeps the cases, reads the numbered event
mentions of each missed case with `examples/ordinal_facts.rs` (what `ordinal-mismatch`
reads) and sorts the misses:

- khóa, body differs: a "khóa N" whose body (the words before "khóa") is not the others'
  (term-mismatch compares a khóa only with the same body's);
- khóa, same body: the bodies agree; a guard of term-mismatch kept it silent;
- mention not read: the mutated "lần thứ / kỳ họp thứ" is not among the mentions;
- others not read: it is read, but none of its group's other mentions is;
- event noun differs / organisation differs: read, but not the same event as any other
  mention of its group (OrdinalMention::same_event);
- no organisation, another's event around: the same event as another mention, but one of
  them names no organisation and the document names another organisation's event of the
  noun, so the rule leaves it out (it could be either);
- guard: the same event as another mention of its group; a rule's guard kept it silent,
  told apart by the mutated mention: in the headline, one of two mentions alone, among
  others that disagree with each other, with words pointing at another session, or other.
"""
import argparse
import collections
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"\w+", re.UNICODE)


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def same_event(a, b):
    return a["event"] == b["event"] and (set(a["org"]) <= set(b["org"]) or set(b["org"]) <= set(a["org"]))


def acronyms():
    """rules/lists/organisation-acronyms.txt: acronym -> the words it stands for."""
    out = {}
    for line in (ROOT / "rules" / "lists" / "organisation-acronyms.txt").read_text().splitlines():
        if line and not line.startswith("#") and "\t" in line:
            short, long = line.split("\t", 1)
            out[short] = long.split()
    return out


ACRONYMS = acronyms()
TITLES = [["bí", "thư"], ["chủ", "tịch"], ["ủy", "viên"], ["đại", "biểu"], ["thường", "trực"]]


def body_before_khoa(data, start):
    """The body before "khóa" (a rough reading of term-mismatch's): the words back to a
    punctuation mark or a lower-case verb, at most six, after the last title, acronyms
    expanded."""
    before = data[max(0, start - 200):start].decode("utf-8", "ignore")
    before = re.sub(r"(?i)kho[áa]\s*$", "", before.rstrip())
    clause = re.split(r"[.,;:!?\n]", before)[-1]
    words = [w.lower() for w in WORD.findall(clause.replace("(", " "))][-6:]
    for i in range(len(words)):
        for t in TITLES:
            if words[i:i + len(t)] == t:
                words = words[i + len(t):]
                break
    return [x for w in words for x in ACRONYMS.get(w, [w])]


def classify(case, data, mentions):
    gold = case["gold"]
    head = data[max(0, gold[0] - 8):gold[0]].decode("utf-8", "ignore").lower().rstrip()
    if head.endswith("khóa") or head.endswith("khoá"):
        mine = set(body_before_khoa(data, gold[0] - 1))
        others = [set(body_before_khoa(data, r[0] - 1)) for r in case["related"]]
        if any(o <= mine or mine <= o for o in others):
            return "khóa, same body"
        return "khóa, body differs"
    at = [m for m in mentions if overlaps(m["span"], gold)]
    if not at:
        return "mention not read"
    related = [m for m in mentions if any(overlaps(m["span"], r) for r in case["related"])]
    if not related:
        return "others not read"
    mine = at[0]

    def elsewhere(target):
        # As the rule's bare_elsewhere: another organisation's event of the same noun.
        return any(m["org"] and not m["bare"] and m["event"] == target["event"]
                   and not same_event(m, target) for m in mentions)

    if any(same_event(mine, r) for r in related):
        if (not mine["org"] and elsewhere(mine)) or all(
                not r["org"] and elsewhere(mine) for r in related if same_event(mine, r)):
            return "no organisation, another's event around"
        same = [m for m in mentions if m is not mine and same_event(mine, m) and not m["bare"]]
        values = collections.Counter(m["value"] for m in same)
        if mine["in_title"]:
            return "guard: headline"
        if len(same) == 1:
            return "guard: two mentions alone"
        if len(values) > 1:
            return "guard: the others disagree"
        if any(mine[c] for c in ("earlier", "later")):
            return "guard: words point at another session"
        return "guard: other"
    if all(r["event"] != mine["event"] for r in related):
        return "event noun differs"
    return "organisation differs"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clean", type=Path, default=ROOT / "bench" / "dev" / "clean")
    ap.add_argument("--binary", type=Path, default=ROOT / "target" / "release" / "vnlint")
    ap.add_argument("--facts", type=Path, default=ROOT / "target" / "release" / "examples" / "ordinal_facts")
    ap.add_argument("--examples", type=int, default=3, help="examples printed per cause")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="ordinal-misses-") as tmp:
        tmp = Path(tmp)
        subprocess.run([sys.executable, str(ROOT / "bench" / "dev" / "score.py"), "--clean", str(args.clean),
                        "--binary", str(args.binary), "--keep", str(tmp / "keep"),
                        "--misses", str(tmp / "misses.jsonl")], check=True, stdout=subprocess.DEVNULL)
        misses = [json.loads(l) for l in (tmp / "misses.jsonl").read_text().splitlines() if l.strip()]
        misses = [m for m in misses if m["class"] == "ordinal"]
        files = [str(tmp / "keep" / m["file"]) for m in misses]
        mentions = collections.defaultdict(list)
        for i in range(0, len(files), 200):
            out = subprocess.run([str(args.facts), *files[i:i + 200]], check=True, capture_output=True, text=True)
            for line in out.stdout.splitlines():
                m = json.loads(line)
                mentions[m["file"]].append(m)
        causes = collections.defaultdict(list)
        for case, path in zip(misses, files):
            data = Path(path).read_bytes()
            causes[classify(case, data, mentions[path])].append((case, data))
    print(f"{len(misses)} ordinal misses in {args.clean}")
    for cause, cases in sorted(causes.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(cases):5}  {cause}")
        for case, data in cases[:args.examples]:
            g = case["gold"]
            around = data[max(0, g[0] - 70):g[0]].decode("utf-8", "ignore") + "[" + \
                data[g[0]:g[1]].decode() + "]" + data[g[1]:g[1] + 30].decode("utf-8", "ignore")
            print(f"         {case['source']}: {' '.join(around.split())}")


if __name__ == "__main__":
    main()

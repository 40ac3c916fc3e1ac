#!/usr/bin/env python3
"""Break the count and part-whole misses of a scoring run down by cause.

    python3 bench/dev/score.py --keep /tmp/devbench --misses /tmp/misses.jsonl
    python3 bench/dev/count_miss_causes.py /tmp/devbench /tmp/misses.jsonl [--examples N]

Each missed case is placed in the first cause that fits, read from the clean text around the
case's group (the whole or count, and its parts or items):

- words: the count or whole is written in words ("hai", "mười hai");
- bound: the whole or count follows a bound ("trên", "gần", "hơn", "khoảng" ...);
- lines: the parts or items are on lines after the count's line;
- other-sentence: the parts start in a later sentence than the whole;
- no-marker: one sentence, but no marker ("gồm", "trong đó", "trong số", ":", "là", "cụ thể",
  "tổng", "còn lại") between the whole and its first part;
- another-noun: the parts are counted in another noun than the whole;
- refused: a marker and the same noun, yet no finding (the pairing refused, or a guard);
- elsewhere: a finding of the family at another place (a wrong position).

The causes are read from the text, not from vnlint's internals: they say what the phrasing
is, which is where a mechanism must change.
"""

import argparse
import collections
import json
import re
from pathlib import Path

BOUNDS = {"trên", "gần", "hơn", "khoảng", "ước", "chừng", "xấp", "tới", "đến", "từ"}
MARKERS = [
    "gồm",
    "trong đó",
    "trong số",
    "cụ thể",
    "tổng",
    "còn lại",
    " là ",
    ":",
]
WORD_NUMBERS = {
    "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mươi", "trăm",
}


def load_facts(keep: Path, source: str):
    return json.loads((keep / "clean" / f"{source}.facts.json").read_text(encoding="utf-8"))


def word_after(text: str, end: int) -> str:
    m = re.match(r"\s*([^\s\d,.;:()]+)", text[end:])
    return m.group(1).lower() if m else ""


def word_before(text: str, start: int) -> str:
    m = re.search(r"([^\s\d,.;:()]+)\s*$", text[:start])
    return m.group(1).lower() if m else ""


def cause(text: str, whole: dict, parts: list[dict], miss: dict) -> str:
    if miss.get("new_findings"):
        return "elsewhere"
    if not parts:
        return "refused"
    raw = whole["text"].lower()
    if not re.search(r"\d", raw) and set(raw.split()) <= WORD_NUMBERS:
        return "words"
    if word_before(text, whole["start"]) in BOUNDS:
        return "bound"
    first = min(parts, key=lambda f: f["start"])
    lo, hi = sorted([whole["end"], first["start"]])
    between = text[lo:hi]
    if "\n" in between:
        return "lines"
    if re.search(r"[.!?]\s+\S", between):
        return "other-sentence"
    low = between.lower()
    if not any(m in low for m in MARKERS):
        return "no-marker"
    if whole["kind"] in ("c", "w") and parts[0]["kind"] in ("s", "q"):
        noun = word_after(text, whole["end"])
        if any(word_after(text, p["end"]) != noun for p in parts):
            return "another-noun"
    return "refused"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("keep", type=Path, help="the --keep directory of score.py")
    ap.add_argument("misses", type=Path, help="the --misses file of score.py")
    ap.add_argument("--examples", type=int, default=2, help="examples shown per cause")
    ap.add_argument("--prefix", default="", help="only documents whose name starts so")
    args = ap.parse_args()

    table = collections.Counter()
    examples = collections.defaultdict(list)
    for line in args.misses.read_text(encoding="utf-8").splitlines():
        miss = json.loads(line)
        if miss["class"] not in ("count", "part-whole"):
            continue
        if not miss["source"].startswith(args.prefix):
            continue
        raw = (args.keep / "clean" / miss["source"]).read_bytes()
        facts = load_facts(args.keep, miss["source"])
        # Spans are byte ranges: re-index them as characters.
        chars = {b: len(raw[:b].decode("utf-8", "ignore")) for f in facts for b in (f["start"], f["end"])}
        text = raw.decode("utf-8")
        # The mutated fact's clean span: the gold shifted back past the edit.
        edit = miss["edit"]
        g = miss["gold"][0] if miss["gold"][0] < edit["at"] else miss["gold"][0] - edit["delta"]
        rel = {r[0] if r[0] < edit["at"] else r[0] - edit["delta"] for r in miss["related"]}
        group = [f for f in facts if f["class"] == miss["class"] and (f["start"] in rel or f["start"] == g)]
        group = [dict(f, start=chars[f["start"]], end=chars[f["end"]]) for f in group]
        whole = next((f for f in group if f["kind"] in ("c", "w")), None)
        if whole is None:
            continue
        parts = [f for f in group if f["kind"] in ("s", "q", "i")]
        why = cause(text, whole, parts, miss)
        table[(miss["class"], why)] += 1
        if len(examples[(miss["class"], why)]) < args.examples:
            lo = max(0, whole["start"] - 60)
            hi = max([p["end"] for p in parts] + [whole["end"]]) + 20
            snippet = " ".join(text[lo:min(hi, lo + 260)].split())
            examples[(miss["class"], why)].append(f"{miss['source']}: {miss['what']}: {snippet}")
    for cls in ("count", "part-whole"):
        total = sum(n for (c, _), n in table.items() if c == cls)
        print(f"{cls}: {total} misses")
        for (c, why), n in table.most_common():
            if c != cls:
                continue
            print(f"  {why:15} {n:4}  {100 * n / max(total, 1):5.1f} %")
            for e in examples[(c, why)]:
                print(f"      {e}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Break down the dev benchmark's misses in the date, anniversary, name and capitalisation
classes by cause (issue 13), from the text around each mutation.

  python3 bench/dev/score.py --misses misses.jsonl --keep DIR
  python3 bench/dev/miss_causes.py misses.jsonl DIR [--examples 2]

The causes are read off the mutated file with simple tests on the words around the gold
span and the other facts of its group (`related`); the first test that holds names the
cause. They say where to look, not why the code missed: read the examples.
"""
import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
CLASSES = ("date", "anniversary", "name", "capitalisation")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
WEEKDAY = re.compile(r"\b(thứ\s+(hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s+nhật|T[2-7]|CN)\b", re.I)
ADDRESS = {"ông", "bà", "anh", "chị", "cô", "em", "cụ", "mẹ", "thầy", "bạn", "bác", "chú",
           "đồng chí", "bác sĩ", "thẩm phán", "bị cáo", "điều dưỡng", "thượng tá", "thiếu tá",
           "đại tá", "thượng úy", "trung tá", "cháu"}


def word_list(name):
    path = ROOT / "rules" / "lists" / name
    return {line.split("\t")[0].strip().lower() for line in path.read_text().splitlines()
            if line.strip() and not line.startswith("#")}


FAMILY = word_list("family-names.txt")
INSTITUTIONS = word_list("institution-capitals.txt")


def line_of(text, pos):
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def date_cause(case, text, gold):
    spans = [gold] + [tuple(r) for r in case["related"]]
    lines = {line_of(text, s[0]) for s in spans}
    before = text[max(0, min(s[0] for s in spans) - 40):min(s[0] for s in spans)]
    between = text[min(s[1] for s in spans):max(s[0] for s in spans)] if len(spans) > 1 else ""
    whole = text[min(s[0] for s in spans):max(s[1] for s in spans)]
    if re.search(r"\bnay\b", before + between, re.I):
        return "'sáng nay' / 'hôm nay': the date is the dateline's"
    if len(lines) > 1:
        return "weekday and date on different lines (a byline or meta line)"
    if re.search(r"\btuần\b", between, re.I):
        return "a week word between the weekday and its date ('tuần sau', 'tuần kế tiếp')"
    if YEAR.search(whole):
        return "year written: the weekday not attached to its date"
    years = {y for y in YEAR.findall(text)}
    full = re.findall(r"\b\d{1,2}[/.-]\d{1,2}[/.-](\d{4})\b|ngày \d{1,2} tháng \d{1,2} năm (\d{4})", text)
    if len(years) > 1:
        kind = "a full date" if full else "no full date"
        return f"yearless date, several years stated ({kind} in the document)"
    return "yearless date, one year or none stated"


def anniversary_cause(case, text, gold):
    start, _ = line_of(text, gold[0])
    if start == 0 or text[:start].strip().count("\n") == 0 and start < 200:
        return "the headline"
    if case["sub"] == "first-year":
        return "the first year moved (founding year or range)"
    before = text[max(0, gold[0] - 40):gold[0]].lower()
    after = text[gold[1]:gold[1] + 40].lower()
    if "kỷ niệm" in before or "kỷ niệm" in after[:20]:
        return "'kỷ niệm N năm' in the body"
    if re.search(r"(năm qua|năm xây dựng|năm trước|năm,)", after) or re.search(
            r"(sau|qua|trải qua|chặng đường|tròn|trong|nhắc lại|nhân dịp)\s*$", before):
        return "a retold number of years without 'kỷ niệm'"
    return "other"


def name_cause(case, text, gold):
    start, end = line_of(text, gold[0])
    name = text[gold[0]:gold[1]]
    if text[start:end].strip() == name.strip():
        return "the name alone on a line (a signature)"
    if "'" in name or "’" in name:
        return "a minority name with an apostrophe"
    words = name.split()
    originals = [text[s:e] for s, e in case["related"]]
    family = (originals[0].split() if originals else words)[0].lower()
    if family not in FAMILY:
        return "family name not in the list"
    if case["sub"] == "name-d" or words[0].lower() != family:
        return "the family name changed"
    before = text[max(0, gold[0] - 20):gold[0]].strip().split()
    if before and before[-1].lower() in ADDRESS:
        return "after a form of address or title"
    return "other"


def capitalisation_cause(case, text, gold):
    term = text[gold[0]:gold[1]]
    start, end = line_of(text, gold[0])
    listed = term.lower() in INSTITUTIONS or any(
        term.lower().startswith(i + " ") or term.lower() == i for i in INSTITUTIONS)
    words = term.split()
    flipped = next((i for i, w in enumerate(words) if i and w[:1].isupper() != (
        text[case["related"][0][0]:case["related"][0][1]].split()[i][:1].isupper())), None) \
        if case["related"] else None
    where = "listed" if listed else "not listed"
    if text[start:end].strip() == term or text[start:end].strip().startswith(term + " ") and end - start < 40:
        return f"a name on a line of its own ({where})"
    if flipped is not None and flipped >= 3:
        return f"the fourth word or later flipped ({where})"
    return f"the second or third word flipped ({where})"


CAUSE = {"date": date_cause, "anniversary": anniversary_cause, "name": name_cause,
         "capitalisation": capitalisation_cause}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("misses", type=Path)
    ap.add_argument("keep", type=Path, help="the --keep folder of the same score.py run")
    ap.add_argument("--examples", type=int, default=1)
    args = ap.parse_args()
    counts = defaultdict(Counter)
    examples = defaultdict(list)
    for line in args.misses.read_text().splitlines():
        case = json.loads(line)
        if case["class"] not in CLASSES:
            continue
        text = (args.keep / case["file"]).read_bytes()
        gold = case["gold"]
        # Byte spans: work on the bytes' text with character offsets.
        def to_char(b):
            return len(text[:b].decode("utf-8", "replace"))
        decoded = text.decode("utf-8", "replace")
        case["related"] = [[to_char(a), to_char(b)] for a, b in case["related"]]
        span = (to_char(gold[0]), to_char(gold[1]))
        cause = CAUSE[case["class"]](case, decoded, span)
        counts[case["class"]][cause] += 1
        key = (case["class"], cause)
        if len(examples[key]) < args.examples:
            s, e = span
            examples[key].append(f'{case["source"]}: …{decoded[max(0, s - 50):s]}[[{decoded[s:e]}]]'
                                 f'{decoded[e:e + 30]}…'.replace("\n", "⏎"))
    for cls in CLASSES:
        total = sum(counts[cls].values())
        print(f"{cls}: {total} missed")
        for cause, n in counts[cls].most_common():
            print(f"  {n:4d}  {cause}")
            for ex in examples[(cls, cause)]:
                print(f"          {ex}")


if __name__ == "__main__":
    main()

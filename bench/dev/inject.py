#!/usr/bin/env python3
"""Dev benchmark for the consistency rules: strip the fact markers of the clean documents,
check that their facts agree, and write mutated copies that each break one fact.

Marker syntax (in bench/dev/clean/*.txt|md): {{KIND:GROUP|TEXT}} stands for TEXT; the marker
records that TEXT is a fact of class KIND belonging to GROUP (see the README for the kinds).

  python3 bench/dev/inject.py --check              # facts of every clean document agree
  python3 bench/dev/inject.py --out DIR [--seed N] # DIR/clean, DIR/cases, DIR/cases.jsonl
  --clean DIR reads another set of clean documents (bench/holdout/clean, the held-out set).
"""
import argparse
import calendar
import datetime
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLEAN = HERE / "clean"

MARKER = re.compile(r"\{\{([a-z0-9]+):([^|{}\n]*)\|([^{}\n]*)\}\}")

# kind -> benchmark class
KIND_CLASS = {
    "o": "ordinal",
    "p": "percentage", "pa": "percentage", "pb": "percentage", "pf": "percentage", "pt": "percentage",
    "c": "count", "i": "count", "s": "count",
    "w": "part-whole", "q": "part-whole",
    "d": "date", "k": "date",
    "a": "anniversary", "y1": "anniversary", "y2": "anniversary",
    "n": "name",
    "t": "capitalisation",
}
CLASSES = ["ordinal", "percentage", "count", "part-whole", "date", "anniversary", "name",
           "capitalisation"]


# ---------------------------------------------------------------- parsing

def parse_marked(marked, name="?"):
    """Return (plain text, facts); each fact has byte offsets into the plain text's UTF-8."""
    out, facts, pos, byte_len = [], [], 0, 0
    for m in MARKER.finditer(marked):
        before = marked[pos:m.start()]
        out.append(before)
        byte_len += len(before.encode())
        kind, group, text = m.group(1), m.group(2).strip(), m.group(3)
        if kind not in KIND_CLASS:
            raise ValueError(f"{name}: unknown marker kind {kind!r} in {m.group(0)!r}")
        start = byte_len
        out.append(text)
        byte_len += len(text.encode())
        facts.append({"kind": kind, "group": group, "text": text,
                      "class": KIND_CLASS[kind], "start": start, "end": byte_len})
        pos = m.end()
    out.append(marked[pos:])
    plain = "".join(out)
    if "{{" in plain or "}}" in plain:
        raise ValueError(f"{name}: a malformed marker is left after stripping")
    return plain, facts


def load_documents(clean_dir=CLEAN):
    docs = []
    for path in sorted(clean_dir.iterdir()):
        if path.suffix not in (".txt", ".md") or path.name == "README.md":
            continue
        plain, facts = parse_marked(path.read_text(encoding="utf-8"), path.name)
        docs.append({"name": path.name, "plain": plain, "facts": facts})
    return docs


# ---------------------------------------------------------------- numbers

# Counts written in words ("ba thôn", "mười hai tập thể"), one to twenty.
CARDINAL_WORDS = ["một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
                  "mười một", "mười hai", "mười ba", "mười bốn", "mười lăm", "mười sáu",
                  "mười bảy", "mười tám", "mười chín", "hai mươi"]


def parse_number(text):
    """Vietnamese number: '.' groups thousands, ',' is the decimal mark; or a count in words."""
    t = text.strip()
    if t.lower() in CARDINAL_WORDS:
        return float(CARDINAL_WORDS.index(t.lower()) + 1)
    if not re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?|\d+(,\d+)?", t):
        raise ValueError(f"not a number: {text!r}")
    return float(t.replace(".", "").replace(",", "."))


def format_number(value, like):
    """Write value in the style of the number `like` (decimals, thousands dots, zero padding,
    words)."""
    if like.strip().lower() in CARDINAL_WORDS and 1 <= value <= len(CARDINAL_WORDS):
        word = CARDINAL_WORDS[int(round(value)) - 1]
        return word[0].upper() + word[1:] if like.strip()[0].isupper() else word
    decimals = len(like.split(",")[1]) if "," in like else 0
    if decimals:
        whole, frac = f"{value:.{decimals}f}".split(".")
    else:
        whole, frac = str(int(round(value))), ""
    if "." in like or int(whole) >= 1000:
        whole = f"{int(whole):,}".replace(",", ".")
    elif like.startswith("0") and len(like) > 1 and not decimals:
        whole = whole.zfill(len(like))
    return whole + ("," + frac if frac else "")


ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
         (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
ORDINAL_WORDS = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười",
                 "mười một", "mười hai", "mười ba", "mười bốn", "mười lăm", "mười sáu",
                 "mười bảy", "mười tám", "mười chín", "hai mươi"]


def to_roman(n):
    out = ""
    for v, s in ROMAN:
        while n >= v:
            out += s
            n -= v
    return out


def ordinal_value(text):
    """(value, style) of an ordinal numeral: Arabic, Roman or a Vietnamese word."""
    t = text.strip()
    if t.isdigit():
        return int(t), "arabic"
    if re.fullmatch(r"[IVXLCDM]+", t):
        value, prev = 0, 0
        for ch in reversed(t):
            v = dict((s, v) for v, s in ROMAN if len(s) == 1)[ch]
            value = value - v if v < prev else value + v
            prev = max(prev, v)
        if to_roman(value) != t:
            raise ValueError(f"not a canonical Roman numeral: {t!r}")
        return value, "roman"
    if t.lower() in ORDINAL_WORDS:
        return ORDINAL_WORDS.index(t.lower()) + 1, "word-cap" if t[0].isupper() else "word"
    raise ValueError(f"not an ordinal: {text!r}")


def format_ordinal(value, style):
    if style == "arabic":
        return str(value)
    if style == "roman":
        return to_roman(value)
    word = ORDINAL_WORDS[value - 1]
    return word[0].upper() + word[1:] if style == "word-cap" else word


# ---------------------------------------------------------------- dates

DATE_NUMBERS = re.compile(r"(\d{1,2})(?:\s*[/.\-]\s*|\s+tháng\s+)(\d{1,2})"
                          r"(?:(?:\s*[/.\-]\s*|\s+năm\s+)(\d{4}))?")
WEEKDAYS = ["hai", "ba", "tư", "năm", "sáu", "bảy"]  # Monday .. Saturday after "thứ"


def date_parts(text):
    """Day, month, year (or None) and their character spans inside a date fact's text."""
    m = DATE_NUMBERS.search(text)
    if not m:
        raise ValueError(f"no day and month in date {text!r}")
    year = int(m.group(3)) if m.group(3) else None
    return {"day": int(m.group(1)), "month": int(m.group(2)), "year": year,
            "day_span": m.span(1), "month_span": m.span(2)}


def weekday_index(text):
    """0 = Monday .. 6 = Sunday, from 'thứ Hai', 'Thứ 2', 'T2', 'Chủ nhật', 'CN'."""
    t = text.strip().lower()
    if t in ("chủ nhật", "cn"):
        return 6
    m = re.fullmatch(r"(?:thứ\s+|t)(\d)", t)
    if m:
        return int(m.group(1)) - 2
    m = re.fullmatch(r"thứ\s+(\S+)", t)
    if m and m.group(1) in WEEKDAYS:
        return WEEKDAYS.index(m.group(1))
    raise ValueError(f"not a weekday: {text!r}")


def format_weekday(index, like):
    """Weekday `index` written the way `like` is written."""
    t = like.strip()
    if re.fullmatch(r"T\d|CN", t):
        return "CN" if index == 6 else f"T{index + 2}"
    if re.fullmatch(r"[Tt]hứ\s+\d", t):
        return "Chủ nhật" if index == 6 else f"{t[0]}hứ {index + 2}"
    first_cap = t[0].isupper()
    if index == 6:
        second_cap = t.split()[-1][0].isupper() if not t.lower().startswith("chủ") \
            else t.split()[1][0].isupper()
        word = "Chủ " if first_cap else "chủ "
        return word + ("Nhật" if second_cap and not t.lower().startswith("thứ") else "nhật")
    second_cap = t.split()[-1][0].isupper()
    name = WEEKDAYS[index]
    return ("Thứ " if first_cap else "thứ ") + (name[0].upper() + name[1:] if second_cap else name)


# ---------------------------------------------------------------- names

TONES = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]  # huyền sắc ngã hỏi nặng
STOP_FINALS = ("c", "ch", "p", "t")


def retone_syllable(syl, rng):
    """The syllable with its tone mark replaced by another possible tone, or None."""
    nfd = unicodedata.normalize("NFD", syl)
    idx = [i for i, ch in enumerate(nfd) if ch in TONES]
    if not idx:
        return None
    i = idx[0]
    old = nfd[i]
    base = nfd[:i] + nfd[i + 1:]
    plain_lower = unicodedata.normalize("NFC", base).lower()
    if plain_lower.endswith(STOP_FINALS):
        choices = [t for t in ("\u0301", "\u0323") if t != old]
        if not choices:
            return None
        new = choices[0]
    else:
        choices = [t for t in TONES + [""] if t != old]
        new = rng.choice(choices)
    # the new mark goes after every other mark of its letter, or NFC cannot compose it
    end = i
    while end < len(base) and unicodedata.combining(base[end]):
        end += 1
    return unicodedata.normalize("NFC", base[:end] + new + base[end:])


# ---------------------------------------------------------------- verification

def groups_of(facts):
    groups = {}
    for f in facts:
        groups.setdefault((f["class"], f["group"]), []).append(f)
    return groups


def by_kind(members, kind):
    return [f for f in members if f["kind"] == kind]


def verify(doc):
    """Problems in the facts of one document (an empty list when they agree)."""
    problems = []
    for (cls, group), members in groups_of(doc["facts"]).items():
        where = f"{doc['name']} [{cls}:{group}]"
        try:
            problems += verify_group(cls, members, where)
        except ValueError as e:
            problems.append(f"{where}: {e}")
    return problems


def verify_group(cls, members, where):
    problems = []
    if cls == "ordinal":
        values = {ordinal_value(f["text"])[0] for f in members}
        if len(values) != 1:
            problems.append(f"{where}: ordinals differ: {[f['text'] for f in members]}")
    elif cls == "percentage":
        # one percentage, stated once or more (a headline and the body)
        pct = by_kind(members, "p")
        if not pct:
            return [f"{where}: a percentage expected"]
        pa, pb, pf, pt = (by_kind(members, k) for k in ("pa", "pb", "pf", "pt"))
        if pa and pb:
            computed = 100 * parse_number(pa[0]["text"]) / parse_number(pb[0]["text"])
        elif pf and pt:
            a, b = parse_number(pf[0]["text"]), parse_number(pt[0]["text"])
            computed = 100 * abs(b - a) / a
        else:
            return [f"{where}: a percentage needs pa+pb or pf+pt"]
        for p in pct:
            stated = parse_number(p["text"])
            if abs(computed - stated) > 1.0:
                problems.append(f"{where}: stated {stated}% but the figures give {computed:.2f}%")
    elif cls == "count":
        count = by_kind(members, "c")
        if len(count) != 1:
            return [f"{where}: one count expected"]
        n = parse_number(count[0]["text"])
        items, summands = by_kind(members, "i"), by_kind(members, "s")
        if items and len(items) != n:
            problems.append(f"{where}: count {n} but {len(items)} items")
        if summands and abs(sum(parse_number(s["text"]) for s in summands) - n) > 1e-9:
            problems.append(f"{where}: count {n} but the parts sum to "
                            f"{sum(parse_number(s['text']) for s in summands)}")
        if not items and not summands:
            problems.append(f"{where}: a count needs items or summands")
    elif cls == "part-whole":
        whole = by_kind(members, "w")
        if len(whole) != 1 or not by_kind(members, "q"):
            return [f"{where}: one whole and at least one part expected"]
        w = parse_number(whole[0]["text"])
        for q in by_kind(members, "q"):
            if parse_number(q["text"]) > w:
                problems.append(f"{where}: part {q['text']} above whole {w}")
    elif cls == "date":
        iso = datetime.date.fromisoformat(members[0]["group"])
        for f in members:
            if f["kind"] == "d":
                p = date_parts(f["text"])
                if (p["day"], p["month"]) != (iso.day, iso.month) or \
                        (p["year"] and p["year"] != iso.year):
                    problems.append(f"{where}: date text {f['text']!r} is not {iso}")
            else:
                if weekday_index(f["text"]) != iso.weekday():
                    right = format_weekday(iso.weekday(), f["text"])
                    problems.append(f"{where}: {f['text']!r} but {iso} is {right}")
    elif cls == "anniversary":
        a, y1, y2 = (by_kind(members, k) for k in ("a", "y1", "y2"))
        if len(a) < 1 or len(y1) != 1:
            return [f"{where}: an anniversary needs a and y1"]
        end = int(y2[0]["text"]) if y2 else None
        for f in a:
            if end is not None and int(f["text"]) != end - int(y1[0]["text"]):
                problems.append(f"{where}: {f['text']} years but {y1[0]['text']}-{end}")
    elif cls in ("name", "capitalisation"):
        texts = {f["text"] for f in members}
        if len(texts) != 1:
            problems.append(f"{where}: mentions differ: {sorted(texts)}")
        if len(members) < 2:
            problems.append(f"{where}: needs two mentions at least")
    return problems


# ---------------------------------------------------------------- mutations

def candidates(doc, rng):
    """Every mutation this document allows: (fact index, new text, what, sub-class)."""
    facts = doc["facts"]
    out = []
    groups = groups_of(facts)

    def add(f, new, what, sub):
        if new is not None and new != f["text"]:
            out.append({"fact": facts.index(f), "new": new, "what": what, "sub": sub})

    for (cls, group), members in groups.items():
        if cls == "ordinal" and len(members) >= 2:
            for f in members:
                value, style = ordinal_value(f["text"])
                for delta in (1, -1):
                    if 1 <= value + delta <= 20 or (style != "word" and style != "word-cap"
                                                    and value + delta >= 1):
                        new = format_ordinal(value + delta, style)
                        add(f, new, f"ordinal {f['text']} -> {new}", "ordinal")
        elif cls == "percentage":
            for p in by_kind(members, "p"):
                stated = parse_number(p["text"])
                for delta in (rng.choice([4, 5, 6, 7]), -rng.choice([8, 10, 12, 15])):
                    if stated + delta > 0:
                        new = format_number(stated + delta, p["text"])
                        add(p, new, f"percentage {p['text']} -> {new}", "percent-value")
            for op in by_kind(members, "pa") + by_kind(members, "pt"):
                value = parse_number(op["text"])
                factor = rng.choice([0.8, 0.85, 1.15, 1.2])
                new_value = value * factor
                if op["kind"] == "pt":
                    (pf,) = by_kind(members, "pf")
                    a = parse_number(pf["text"])
                    new_value = a + (value - a) * factor * (1.6 if factor > 1 else 0.5)
                if "," not in op["text"]:
                    new_value = round(new_value)
                new = format_number(new_value, op["text"])
                add(op, new, f"operand {op['text']} -> {new}", "percent-operand")
        elif cls == "count":
            (c,) = by_kind(members, "c")
            items = by_kind(members, "i")
            if len(items) >= 3:
                # drop one listed item with its separator: the last line of a list laid out
                # one item per line, else an inner item of a run ("A, B và C" -> "A và C")
                plain = doc["plain"].encode()
                last_gap = plain[items[-2]["end"]:items[-1]["start"]]
                k = len(items) - 1 if b"\n" in last_gap else rng.randrange(1, len(items) - 1)
                out.append({"fact": facts.index(c), "delete": [items[k - 1]["end"], items[k]["end"]],
                            "what": f"item {items[k]['text']!r} removed, count {c['text']} stays",
                            "sub": "item-removed"})
            n = parse_number(c["text"])
            for delta in (1, -1):
                if n + delta >= 2:
                    new = format_number(n + delta, c["text"])
                    add(c, new, f"count {c['text']} -> {new}", "count-items" if by_kind(
                        members, "i") else "count-sum")
            for s in by_kind(members, "s"):
                v = parse_number(s["text"])
                new = format_number(v + rng.choice([1, 2, 3]), s["text"])
                add(s, new, f"summand {s['text']} -> {new}", "sum-part")
        elif cls == "part-whole":
            (w,) = by_kind(members, "w")
            wv = parse_number(w["text"])
            parts = by_kind(members, "q")
            for q in parts:
                k = rng.randint(1, max(2, int(wv // 10)))
                new = format_number(wv + k, q["text"])
                add(q, new, f"part {q['text']} -> {new} (whole {w['text']})", "part-above")
            top = max(parse_number(q["text"]) for q in parts)
            k = rng.randint(1, max(2, int(top // 10)))
            if top - k > 0:
                new = format_number(top - k, w["text"])
                add(w, new, f"whole {w['text']} -> {new} (largest part {format_number(top, w['text'])})",
                    "whole-below")
        elif cls == "date":
            iso = datetime.date.fromisoformat(group)
            has_weekday = bool(by_kind(members, "k"))
            for f in by_kind(members, "d"):
                p = date_parts(f["text"])
                ds, de = p["day_span"]
                ms, me = p["month_span"]
                dim = calendar.monthrange(iso.year, iso.month)[1]
                pad = len(f["text"][ds:de])
                if dim < 31:
                    new = f["text"][:ds] + str(dim + 1).zfill(pad) + f["text"][de:]
                    add(f, new, f"date {f['text']} -> {new} (past month end)", "impossible-day")
                new = f["text"][:ms] + str(rng.choice([13, 14, 15])) + f["text"][me:]
                add(f, new, f"date {f['text']} -> {new} (month above 12)", "impossible-month")
                if iso.day > 12 and "tháng" not in f["text"]:
                    new = (f["text"][:ds] + f["text"][ms:me] + f["text"][de:ms]
                           + f["text"][ds:de] + f["text"][me:])
                    add(f, new, f"date {f['text']} -> {new} (day and month swapped)",
                        "day-month-swap")
                if has_weekday:
                    for delta in (rng.choice([1, 2, 3]), -rng.choice([1, 2, 3])):
                        day = iso.day + delta
                        if 1 <= day <= dim:
                            new = f["text"][:ds] + str(day).zfill(pad) + f["text"][de:]
                            add(f, new, f"date {f['text']} -> {new} (weekday now wrong)",
                                "date-shift")
            for k in by_kind(members, "k"):
                other = (iso.weekday() + rng.choice([1, 2, 3, 4, 5, 6])) % 7
                new = format_weekday(other, k["text"])
                add(k, new, f"weekday {k['text']} -> {new} for {iso}", "weekday")
        elif cls == "anniversary":
            for f in by_kind(members, "a"):
                for delta in (rng.choice([1, 2]), -rng.choice([1, 2, 5])):
                    v = int(f["text"]) + delta
                    if v > 0:
                        add(f, str(v), f"anniversary {f['text']} -> {v}", "years-count")
            for f in by_kind(members, "y1"):
                v = int(f["text"]) + rng.choice([-2, -1, 1, 2])
                add(f, str(v), f"first year {f['text']} -> {v}", "first-year")
        elif cls == "name" and len(members) >= 2:
            for f in members:
                syllables = f["text"].split(" ")
                order = list(range(len(syllables)))
                rng.shuffle(order)
                for i in order:
                    new_syl = retone_syllable(syllables[i], rng)
                    if new_syl and new_syl[0].isupper():
                        new = " ".join(syllables[:i] + [new_syl] + syllables[i + 1:])
                        add(f, new, f"name {f['text']} -> {new}", "name-tone")
                        break
                if f["text"].startswith("Đ"):
                    add(f, "D" + f["text"][1:], f"name {f['text']} -> D{f['text'][1:]}",
                        "name-d")
        elif cls == "capitalisation" and len(members) >= 2:
            for f in members:
                words = f["text"].split(" ")
                i = rng.randrange(1, len(words)) if len(words) > 1 else 0
                w = words[i]
                flipped = (w[0].lower() if w[0].isupper() else w[0].upper()) + w[1:]
                new = " ".join(words[:i] + [flipped] + words[i + 1:])
                add(f, new, f"term {f['text']} -> {new}", "case-flip")
    return out


def apply(doc, mutation):
    """Mutated text, the gold span, the other facts of its group (byte spans in the mutated
    file) and the edit (`at`: end of the replaced bytes in the clean file, `delta`: growth).

    The gold span is the text the mutation wrote; when it deleted a listed item, it is the
    count that the remaining items now contradict."""
    fact = doc["facts"][mutation["fact"]]
    data = doc["plain"].encode()
    if "delete" in mutation:
        start, end = mutation["delete"]
        new = b""
    else:
        start, end = fact["start"], fact["end"]
        new = mutation["new"].encode()
    delta = len(new) - (end - start)
    mutated = data[:start] + new + data[end:]

    def shift(f):
        if f["start"] >= end:
            return [f["start"] + delta, f["end"] + delta]
        return [f["start"], f["end"]]
    related = [shift(f) for f in doc["facts"]
               if f is not fact and f["class"] == fact["class"] and f["group"] == fact["group"]
               and not (start <= f["start"] and f["end"] <= end)]
    gold = shift(fact) if "delete" in mutation else [start, start + len(new)]
    return mutated.decode(), gold, related, {"at": end, "delta": delta}


def still_consistent(doc, mutation):
    """True when the facts of the mutated group still agree: a mutation that breaks nothing."""
    fact = doc["facts"][mutation["fact"]]
    members = []
    for f in doc["facts"]:
        if f["class"] != fact["class"] or f["group"] != fact["group"]:
            continue
        if "delete" in mutation and mutation["delete"][0] <= f["start"] < mutation["delete"][1]:
            continue
        members.append({**f, "text": mutation["new"]} if f is fact and "new" in mutation else f)
    try:
        return not verify_group(fact["class"], members, doc["name"])
    except ValueError:
        return False  # the mutated text is no longer a valid fact (a month 13): broken


def build_cases(docs, seed, per_class):
    rng = random.Random(seed)
    pool = {c: [] for c in CLASSES}
    for doc in docs:
        for m in candidates(doc, rng):
            pool[doc["facts"][m["fact"]]["class"]].append((doc, m))
    cases = []
    for cls in CLASSES:
        items = pool[cls]
        rng.shuffle(items)
        for doc, m in (items[:per_class] if per_class else items):
            cases.append((doc, m))
    return cases, {c: len(pool[c]) for c in CLASSES}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--check", action="store_true", help="verify the facts and exit")
    ap.add_argument("--clean", type=Path, default=CLEAN,
                    help="folder of marked clean documents (default: bench/dev/clean)")
    ap.add_argument("--out", type=Path, help="write clean/, cases/ and cases.jsonl here")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--per-class", type=int, default=0,
                    help="at most this many cases per class (default 0: every possible case)")
    args = ap.parse_args()
    docs = load_documents(args.clean)
    if not any(d["facts"] for d in docs):
        ap.error(f"no marked documents in {args.clean}")
    problems = [p for d in docs for p in verify(d)]
    rng = random.Random(args.seed)
    for d in docs:
        for m in candidates(d, rng):
            if still_consistent(d, m):
                problems.append(f"{d['name']}: mutation breaks nothing: {m['what']}")
    for p in problems:
        print("FACT:", p, file=sys.stderr)
    if args.check or problems:
        kinds = {}
        for d in docs:
            for f in d["facts"]:
                kinds[f["class"]] = kinds.get(f["class"], 0) + 1
        print(f"{len(docs)} documents, facts per class: {kinds}, problems: {len(problems)}")
        sys.exit(1 if problems else 0)
    if not args.out:
        ap.error("--out or --check is needed")
    (args.out / "clean").mkdir(parents=True, exist_ok=True)
    (args.out / "cases").mkdir(parents=True, exist_ok=True)
    for d in docs:
        (args.out / "clean" / d["name"]).write_text(d["plain"], encoding="utf-8")
        sidecar = args.out / "clean" / (d["name"] + ".facts.json")
        sidecar.write_text(json.dumps(d["facts"], ensure_ascii=False, indent=0), encoding="utf-8")
    cases, available = build_cases(docs, args.seed, args.per_class)
    with open(args.out / "cases.jsonl", "w", encoding="utf-8") as out:
        for n, (doc, m) in enumerate(cases):
            text, gold, related, edit = apply(doc, m)
            ext = Path(doc["name"]).suffix
            case_id = f"case-{n:04d}"
            (args.out / "cases" / (case_id + ext)).write_text(text, encoding="utf-8")
            fact = doc["facts"][m["fact"]]
            out.write(json.dumps({
                "id": case_id, "file": f"cases/{case_id}{ext}", "source": doc["name"],
                "class": fact["class"], "sub": m["sub"], "what": m["what"],
                "gold": gold, "related": related, "edit": edit,
            }, ensure_ascii=False) + "\n")
    print(f"{len(docs)} documents, {len(cases)} cases (available per class: {available})")


if __name__ == "__main__":
    main()

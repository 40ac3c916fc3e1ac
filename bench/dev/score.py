#!/usr/bin/env python3
"""Score vnlint's consistency rules on the dev benchmark (or, with --clean, another set).

  cargo build --release && python3 bench/dev/score.py [--json summary.json] [--misses misses.jsonl]
  python3 bench/dev/score.py --clean bench/holdout/clean   # the held-out set (bench/holdout)

Strips and mutates the clean documents with inject.py (into a temporary folder), runs the
release binary with `--format json` on the clean documents and on every case (in parallel),
then prints the recall per class and the false alarms per 10,000 words on the clean documents.

A case is found when the mutated file has a finding that (1) is of a rule of the case's
family (FAMILY below), (2) is new, i.e. the clean document has no finding of the same rule
at the same place (byte spans mapped across the edit), and (3) has its primary span or one
of its related spans overlapping the gold span (the bytes the mutation wrote).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
import inject  # noqa: E402

FAMILY = {
    "ordinal": {"ordinal-mismatch", "term-mismatch"},
    "percentage": {"percent-mismatch"},
    "count": {"count-mismatch"},
    "part-whole": {"part-exceeds-whole"},
    "date": {"invalid-date", "weekday-mismatch", "date-order"},
    "anniversary": {"anniversary-mismatch"},
    "name": {"name-mismatch"},
    "capitalisation": {"capitalization-mismatch"},
}
ALARM = ("warning", "error")


def run_vnlint(binary, files, jobs):
    """Findings per file path (as given), from `vnlint check --format json` in chunks."""
    chunks = [files[i::jobs] for i in range(jobs)]

    def one(chunk):
        if not chunk:
            return []
        proc = subprocess.run([str(binary), "check", "--format", "json", "--fail-on", "error",
                               *map(str, chunk)], capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"vnlint failed ({proc.returncode}): {proc.stderr[:2000]}")
        return json.loads(proc.stdout or "[]")

    findings = {str(f): [] for f in files}
    with ThreadPoolExecutor(jobs) as pool:
        for result in pool.map(one, chunks):
            for d in result:
                findings.setdefault(d["path"], []).append(d)
    return findings


def overlaps(a_start, a_end, span):
    # an empty span still counts when it touches the gold bytes
    return a_start < span[1] and span[0] < max(a_end, a_start + 1)


def spans_of(d):
    yield d["byte_start"], d["byte_end"]
    for r in d.get("related", []):
        yield r["byte_start"], r["byte_end"]


def is_old(d, clean_findings, edit):
    """The finding was already on the clean document at the same (mapped) place."""
    def back(x):
        return x - edit["delta"] if x >= edit["at"] + edit["delta"] else x
    return any(c["rule"] == d["rule"] and c["byte_start"] == back(d["byte_start"])
               and c["byte_end"] == back(d["byte_end"]) for c in clean_findings)


def words(text):
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--binary", type=Path, default=ROOT / "target" / "release" / "vnlint")
    ap.add_argument("--clean", type=Path, default=inject.CLEAN,
                    help="folder of marked clean documents (default: bench/dev/clean)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--per-class", type=int, default=0,
                    help="at most this many cases per class (default 0: all)")
    ap.add_argument("--jobs", type=int, default=max(2, os.cpu_count() or 2))
    ap.add_argument("--json", type=Path, help="write a JSON summary here")
    ap.add_argument("--misses", type=Path, help="write every missed case (JSON lines) here")
    ap.add_argument("--keep", type=Path, help="write the generated documents here (kept)")
    args = ap.parse_args()
    if not args.binary.exists():
        raise SystemExit(f"{args.binary} is missing: run `cargo build --release` first")
    t0 = time.time()
    work = args.keep or Path(tempfile.mkdtemp(prefix="vnlint-devbench-"))
    subprocess.run([sys.executable, str(HERE / "inject.py"), "--out", str(work),
                    "--clean", str(args.clean.resolve()), "--seed", str(args.seed), "--per-class", str(args.per_class)], check=True,
                   stdout=subprocess.DEVNULL)
    cases = [json.loads(line) for line in open(work / "cases.jsonl", encoding="utf-8")]
    clean_files = sorted(p for p in (work / "clean").iterdir() if p.suffix in (".txt", ".md"))
    case_files = [work / c["file"] for c in cases]
    found = run_vnlint(args.binary, clean_files + case_files, args.jobs)

    # false alarms on the clean documents
    total_words = sum(words(p.read_text(encoding="utf-8")) for p in clean_files)
    alarms = [d for p in clean_files for d in found[str(p)] if d["severity"] in ALARM]
    infos = [d for p in clean_files for d in found[str(p)] if d["severity"] not in ALARM]
    consistency = set().union(*FAMILY.values())

    per_class = {c: {"cases": 0, "found": 0, "elsewhere": 0} for c in inject.CLASSES}
    per_sub = {}
    misses = []
    for c in cases:
        clean_path = str(work / "clean" / c["source"])
        new = [d for d in found[str(work / c["file"])]
               if d["rule"] in FAMILY[c["class"]] and not is_old(d, found[clean_path], c["edit"])]
        hit = any(overlaps(s, e, c["gold"]) for d in new for s, e in spans_of(d))
        row = per_class[c["class"]]
        row["cases"] += 1
        sub = per_sub.setdefault((c["class"], c["sub"]), [0, 0])
        sub[0] += 1
        if hit:
            row["found"] += 1
            sub[1] += 1
        else:
            if new:
                row["elsewhere"] += 1
            misses.append({**c, "new_findings": [(d["rule"], d["text"], d["message"]) for d in new]})

    print(f"Benchmark {args.clean}: {len(clean_files)} clean documents ({total_words} words), "
          f"{len(cases)} cases, binary {args.binary}")
    print(f"{'class':16} {'cases':>5} {'found':>5} {'recall':>7}  elsewhere")
    all_cases = all_found = 0
    for cls, row in per_class.items():
        all_cases += row["cases"]
        all_found += row["found"]
        rec = 100 * row["found"] / row["cases"] if row["cases"] else 0
        print(f"{cls:16} {row['cases']:5} {row['found']:5} {rec:6.1f}%  {row['elsewhere']}")
    print(f"{'all':16} {all_cases:5} {all_found:5} {100 * all_found / max(1, all_cases):6.1f}%")
    print("by mutation:")
    for (cls, sub), (n, f) in sorted(per_sub.items()):
        print(f"  {cls:16} {sub:18} {f:4}/{n:<4} {100 * f / n:5.1f}%")
    per10k = 10000 * len(alarms) / max(1, total_words)
    cons = [d for d in alarms if d["rule"] in consistency]
    print(f"false alarms on the clean documents: {len(alarms)} warnings/errors "
          f"= {per10k:.2f} per 10,000 words ({len(cons)} by the consistency rules, "
          f"{10000 * len(cons) / max(1, total_words):.2f} per 10,000); {len(infos)} infos")
    for d in alarms:
        print(f"  {Path(d['path']).name}:{d['start']['line']}:{d['start']['column']} "
              f"{d['severity']}[{d['rule']}] {d['text']!r}: {d['message']}")
    print(f"({time.time() - t0:.1f} s)")
    if args.json:
        args.json.write_text(json.dumps({
            "documents": len(clean_files), "words": total_words, "cases": len(cases),
            "seed": args.seed, "recall": {c: r for c, r in per_class.items()},
            "by_mutation": {f"{c}/{s}": {"cases": n, "found": f}
                            for (c, s), (n, f) in sorted(per_sub.items())},
            "false_alarms": len(alarms), "false_alarms_per_10k_words": round(per10k, 2),
            "consistency_false_alarms": len(cons), "infos": len(infos),
            "alarms": [{"file": Path(d["path"]).name, "rule": d["rule"], "text": d["text"],
                        "line": d["start"]["line"], "message": d["message"]} for d in alarms],
        }, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.misses:
        with open(args.misses, "w", encoding="utf-8") as out:
            for m in misses:
                out.write(json.dumps(m, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

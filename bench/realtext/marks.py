#!/usr/bin/env python3
"""Facts marked in real (third-party) text, kept apart from the text.

Real releases can't be committed, but the team's marks on them can: for each document,
`bench/realtext/marks/SET/NAME.json` holds the SHA-256 of the plain text and every fact as a
byte range (kind, group) into it, the same facts `bench/dev/inject.py` reads from
`{{KIND:GROUP|TEXT}}` markers.

    # after marking local copies (markers written into a copy of the fetched text):
    python3 bench/realtext/marks.py extract MARKED_DIR --marks bench/realtext/marks/SET
    # rebuild marked copies from the fetched text (e.g. /work/realtext/docs) and the marks:
    python3 bench/realtext/marks.py apply PLAIN_DIR OUT_DIR --marks bench/realtext/marks/SET \
        [--half R|M] [--prefix P]
    python3 bench/dev/score.py --clean OUT_DIR                    # recall on real phrasing

`--half` splits the documents by a stable hash of their name: R is read and tuned on,
M is only measured (before and after a change, misses not read).
"""
import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench" / "dev"))
import inject  # noqa: E402



def half_of(name):
    """R or M, fixed by the document's name (about half each)."""
    digest = hashlib.sha256(Path(name).stem.encode()).digest()
    return "R" if digest[0] % 2 == 0 else "M"


def sha(text):
    return hashlib.sha256(text.encode()).hexdigest()


def extract(marked_dir, marks_dir):
    marks_dir.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted(marked_dir.iterdir()):
        if path.suffix not in (".txt", ".md"):
            continue
        plain, facts = inject.parse_marked(path.read_text(encoding="utf-8"), path.name)
        record = {
            "name": path.name,
            "sha256": sha(plain),
            "half": half_of(path.name),
            "facts": [{k: f[k] for k in ("kind", "group", "start", "end")} for f in facts],
        }
        out = marks_dir / (path.stem + ".json")
        out.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        count += 1
    print(f"{count} documents' marks written to {marks_dir}")


def apply(plain_dir, marks_dir, out_dir, half=None, prefix=""):
    out_dir.mkdir(parents=True, exist_ok=True)
    written, missing, changed = 0, [], []
    for mark_path in sorted(marks_dir.glob("*.json")):
        record = json.loads(mark_path.read_text(encoding="utf-8"))
        name = record["name"]
        if not name.startswith(prefix) or (half and record["half"] != half):
            continue
        source = plain_dir / name
        if not source.exists():
            missing.append(name)
            continue
        plain = source.read_text(encoding="utf-8")
        if sha(plain) != record["sha256"]:
            changed.append(name)
            continue
        data = plain.encode()
        pieces, pos = [], 0
        for fact in sorted(record["facts"], key=lambda f: f["start"]):
            text = data[fact["start"]:fact["end"]].decode()
            pieces.append(data[pos:fact["start"]].decode())
            pieces.append("{{%s:%s|%s}}" % (fact["kind"], fact["group"], text))
            pos = fact["end"]
        pieces.append(data[pos:].decode())
        (out_dir / name).write_text("".join(pieces), encoding="utf-8")
        written += 1
    print(f"{written} marked documents written to {out_dir}")
    for name in missing:
        print(f"missing (fetch it again, see fetch.md): {name}", file=sys.stderr)
    for name in changed:
        print(f"text differs from the one marked (sha256): {name}", file=sys.stderr)
    return 1 if missing or changed else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="marked copies -> marks files")
    ex.add_argument("marked_dir", type=Path)
    ex.add_argument("--marks", type=Path, required=True, help="bench/realtext/marks/SET")
    ap_apply = sub.add_parser("apply", help="plain text + marks files -> marked copies")
    ap_apply.add_argument("plain_dir", type=Path)
    ap_apply.add_argument("out_dir", type=Path)
    ap_apply.add_argument("--marks", type=Path, required=True, help="bench/realtext/marks/SET")
    ap_apply.add_argument("--half", choices=["R", "M"])
    ap_apply.add_argument("--prefix", default="")
    args = ap.parse_args()
    if args.command == "extract":
        extract(args.marked_dir, args.marks)
        return 0
    return apply(args.plain_dir, args.marks, args.out_dir, args.half, args.prefix)


if __name__ == "__main__":
    sys.exit(main())

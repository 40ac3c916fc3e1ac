"""What the measurement scripts share about ../shared/data/viwiki-spelling/dev.jsonl: where
it is, reading it, and turning a label's character offset into the byte range vnlint's JSON
speaks in, what a person has read of the findings, and the checks every script starts with."""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
DATA = os.path.join(ROOT, "..", "shared", "data", "viwiki-spelling", "dev.jsonl")
# Findings off the labels that a person has read, with a verdict and a reason.
READ = os.path.join(HERE, "realword_read.tsv")


def load(path):
    """The documents, one per JSON line."""
    return [json.loads(line) for line in open(path, encoding="utf-8")]


def label_spans(doc):
    """(byte start, byte end, mistake) of every label of a document, in label order."""
    byte_at = [0]
    for ch in doc["text"]:
        byte_at.append(byte_at[-1] + len(ch.encode("utf-8")))
    out = []
    for m in doc["mistakes"]:
        start = int(m["start_offset"])
        out.append((byte_at[start], byte_at[start + len(m["text"])], m))
    return out


def read_verdicts(path=READ):
    """(doc id, byte start, flagged text) -> "real" or "false", from the file of read findings."""
    verdicts = {}
    if not os.path.exists(path):
        return verdicts
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        doc, start, text, verdict, *_ = line.rstrip("\n").split("\t")
        if verdict not in ("real", "false"):
            raise SystemExit(f"{path}: verdict must be real or false: {line!r}")
        verdicts[(doc, int(start), text)] = verdict
    return verdicts


def add_build_args(ap):
    """The options every measurement of a release build takes: --bin, --grammar, --model."""
    release = os.path.join(ROOT, "target", "release")
    ap.add_argument("--bin", default=os.path.join(release, "vnlint"))
    ap.add_argument("--grammar", default=os.path.join(release, "examples", "syllables"))
    ap.add_argument("--model", default=os.path.join(ROOT, "model", "vi.vnlm"))


def require(data, *built, build="cargo build --release --bins --examples"):
    """Exits with a clear message when the data (../shared) or a built binary is missing."""
    if not os.path.exists(data):
        sys.exit(f"missing {data}: this measurement needs ../shared beside the project")
    for path in built:
        if not os.path.exists(path):
            sys.exit(f"missing {path}: build it first ({build})")

"""What the measuring scripts share: running vnlint on a folder for its JSON findings, and
showing a span of a file in its context. Imported by scripts/inject_nonwords.py,
scripts/tune_nonword.py and scripts/tune_realword.py."""

import json
import subprocess
import sys


def check(binary, folder, select, config=None):
    """The JSON findings of the rules `select` (comma-separated) on `folder`; exits on a
    run that fails (exit code other than 0 or 1)."""
    cmd = [binary, "check", "--format", "json", "--select", select]
    if config:
        cmd += ["--config", config]
    proc = subprocess.run(cmd + [folder], capture_output=True)
    if proc.returncode not in (0, 1):
        sys.exit(proc.stderr.decode()[:500])
    return json.loads(proc.stdout)


def context(data, start, end, width=40, shown=None):
    """Bytes start..end of `data` between [[ ]] with `width` bytes either side, on one line;
    `shown` replaces the span's own text."""
    middle = data[start:end].decode(errors="replace") if shown is None else shown
    before = data[max(0, start - width):start].decode(errors="replace")
    after = data[end:end + width].decode(errors="replace")
    return (before + "[[" + middle + "]]" + after).replace("\n", " ")

#!/usr/bin/env bash
# A .docx made by a real word processor: LibreOffice (Debian's libreoffice-writer-nogui, run
# headless) turns fixture documents into Word files; vnlint must find the same mistakes, with
# the same flagged text, in the .docx as in the text it came from.
# Usage: scripts/check_libreoffice_docx.sh [path/to/vnlint]    (not part of `cargo test`)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/target/release/vnlint}
command -v soffice >/dev/null || { echo "soffice not found: apt-get install libreoffice-writer-nogui"; exit 2; }
[ -x "$bin" ] || { echo "no vnlint binary at $bin (cargo build --release)"; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
for fixture in "$here"/fixtures/*/fail-*.txt; do
  name=$(basename "$fixture" .txt)
  rule=$(basename "$(dirname "$fixture")")
  cp "$fixture" "$work/$name.txt"
  soffice --headless -env:UserInstallation=file://$work/profile --infilter="Text (encoded):UTF8,LF,,," \
    --convert-to docx --outdir "$work" "$work/$name.txt" >/dev/null 2>&1
  from_text=$( { "$bin" check --format json "$work/$name.txt" || true; } | python3 -c 'import json,sys; print(sorted((d["rule"], d["text"]) for d in json.load(sys.stdin)))')
  from_docx=$( { "$bin" check --format json "$work/$name.docx" || true; } | python3 -c 'import json,sys; print(sorted((d["rule"], d["text"]) for d in json.load(sys.stdin)))')
  if [ "$from_text" = "$from_docx" ]; then
    echo "ok   $rule/$name.txt -> .docx: same findings"
  else
    echo "DIFF $rule/$name.txt -> .docx"
    echo "  text: $from_text"
    echo "  docx: $from_docx"
    status=1
  fi
done
exit $status

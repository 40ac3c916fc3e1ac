#!/usr/bin/env bash
# Runs each cargo-fuzz target of fuzz/ for a short while (default 20 s each), its corpus
# seeded from fixtures/ (and, for the Word reader, a few .docx built from fixture text).
#
#   scripts/fuzz_smoke.sh [seconds per target] [target ...]
#
# Runs on the stable toolchain (what CI has): cargo-fuzz's build asks rustc for a few
# unstable flags, which RUSTC_BOOTSTRAP=1 allows, and with `--sanitizer none` it needs no
# sanitizer runtime; libFuzzer's coverage instrumentation (sancov) is a stable codegen pass.
# FUZZ_TOOLCHAIN=nightly FUZZ_SANITIZER=address runs the same under AddressSanitizer.
# Installs cargo-fuzz from crates.io when it is missing. A crash leaves its input in
# fuzz/artifacts/<target>/ and makes the script fail; reproduce it with
# `RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none -O <target> <file>`.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-20}
shift || true
targets=("$@")
toolchain=${FUZZ_TOOLCHAIN:-stable}
sanitizer=${FUZZ_SANITIZER:-none}
[ "$toolchain" = nightly ] || export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
cd "$here/fuzz"
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cargo "+$toolchain" fuzz list)

seed() {
  local target=$1 dir="corpus/$1"
  mkdir -p "$dir"
  case "$target" in
    read_docx)
      python3 - "$here/fixtures" "$dir" <<'PY'
import pathlib, sys, zipfile
from xml.sax.saxutils import escape
fixtures, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for i, path in enumerate(sorted(fixtures.rglob("*.txt"))[:20]):
    paragraphs = "".join(
        f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(line)}</w:t></w:r></w:p>"
        for line in path.read_text(encoding="utf-8").splitlines())
    xml = ("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
           f"<w:body>{paragraphs}</w:body></w:document>")
    with zipfile.ZipFile(out / f"seed-{i}.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", xml)
PY
      ;;
    parse_syllable | parse_number)
      # One word or figure per seed file, the first 400. awk reads to the end rather than
      # `head` closing the pipe early: under pipefail, sort's SIGPIPE would stop the script.
      find "$here/fixtures" -name '*.txt' -print0 | xargs -0 cat | tr -s ' \n\t' '\n' |
        sort -u | awk -v d="$dir" 'NR <= 400 { f = d "/w" NR; printf "%s", $0 > f; close(f) }'
      ;;
    *)
      # Named after their folder too: every rule's folder has an EXPECTED.md.
      find "$here/fixtures" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) |
        while read -r f; do cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"; done
      ;;
  esac
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT
failed=0
for target in "${targets[@]}"; do
  seed "$target"
  echo "== $target (${seconds}s)"
  status=0
  cargo "+$toolchain" fuzz run --sanitizer "$sanitizer" -O "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    >"$log" 2>&1 || status=$?
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb|ERROR|panicked|Test unit written' "$log" || true
  if [ -n "$(ls -A "artifacts/$target" 2>/dev/null)" ]; then
    echo "FAIL: $target left a crash in fuzz/artifacts/$target"
    failed=1
  elif [ "$status" -ne 0 ]; then
    # Not a crash the fuzzer found: the build or the run itself failed.
    tail -20 "$log"
    echo "FAIL: $target: cargo fuzz exited with $status"
    failed=1
  fi
done
exit $failed

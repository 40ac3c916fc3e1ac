#!/usr/bin/env bash
# Peak memory (RSS) and time of `vnlint check --format json` on large single files built
# from the team's benchmark corpus (../shared/bench/make_corpus.py, its 10 MB file
# repeated), and the refusal of a file past MAX_FILE_SIZE.
#
#   scripts/measure_memory.sh [sizes in MB ...]     (default: 10 40 200)
#   VNLINT_BIN=/path/to/vnlint scripts/measure_memory.sh   (another build, to compare)
#
# Needs a release build (cargo build --release) and GNU time (/usr/bin/time). Writes the
# files under $TMPDIR (default /tmp) and removes them afterwards. Prints the constant (the
# peak on a 100 kB file), then one line per size: size, peak RSS, the ratio peak/input, the
# ratio (peak - constant)/input, wall time, exit code, findings, JSON output size; a run
# killed by a signal is marked, one killed before GNU time reported says so.
#
# Measured 2026-12-07 on a shared, loaded 2-core machine (wall times are not comparable),
# the seed being make_corpus.py's 10m.txt (the throughput corpus, never tuned on here):
#   earlier (561cb6d, 24-byte tokens, the file held twice):
#     10 MB 208.6 MiB (21.9x), 40 MB 813.9 MiB (21.3x), 200 MB 3781.6 MiB (19.8x)
#   before (d213c91, 12-byte tokens, a sentence index of every token, 28-byte slots in
#   variant-outlier), constant 19.5 MiB; ratio, and (peak - constant)/input:
#     10 MB 156.5 MiB (16.4x, 14.4x), 40 MB 573.9 MiB (15.1x, 14.5x), 200 MB 2629.7 MiB (13.8x, 13.7x)
#   after (8-byte tokens, sentences per block, 8-byte slots, 20-byte source-map pieces),
#   constant 20.0 MiB:
#     10 MB 84.2 MiB (8.8x, 6.7x), 40 MB 302.6 MiB (7.9x, 7.4x), 200 MB 1365.3 MiB (7.2x, 7.1x)
#   same findings (6599, 26396, 131980) and JSON sizes (10 MB: byte for byte); past
#   MAX_FILE_SIZE: exit 2, 7 MiB, "tệp quá lớn".
#   main after the round's other branches merged (4-word name runs, new facts), constant
#   18.8 MiB: 10 MB 97.2 MiB (10.2x, 8.2x), 40 MB 318.5 MiB (8.4x, 7.9x); 200 MB not rerun.
#   now (the source held as the gaps between the text's verbatim pieces while the rules
#   run, the rules one at a time past 2 MiB of text, 16-byte name runs, the lexicon's
#   index sized for a short document), constant 19.2 MiB:
#     10 MB 70.0 MiB (7.34x, 5.32x), 40 MB 224.9 MiB (5.90x, 5.39x); same findings (6692,
#     26768) and JSON (10 MB and 1 MB byte for byte against main before); past
#     MAX_FILE_SIZE: exit 2, 7 MiB.
#     200 MB: with every rule, stopped after 19.5 min (wall, loaded machine) inside
#     ordinal-mismatch, whose pairing of mentions is cubic in their number; peak until then
#     799.5 MiB (4.09x above the constant). With --ignore ordinal-mismatch it finished:
#     1066.3 MiB (5.49x), 133840 findings, 3:10 wall, 50 s user.
#   After merging main (capitalization-mismatch gathering its three-word runs and its name
#   runs in one pass), constant 18.9 MiB: 10 MB 76.8 MiB (6.07x) with 40-byte name runs,
#   71.0 MiB (5.47x) with them 16 bytes again (main alone: 89.6 MiB, 7.4x); output
#   identical to main's on 1 and 10 MB; 40 and 200 MB not rerun after the merge.
#   main after every branch of the second round merged, 4-byte slots in variant-outlier,
#   constant 19.0 MiB: 10 MB 71.5 MiB (7.50x, 5.50x), 40 MB 229.3 MiB (6.01x, 5.51x),
#   200 MB 1065.4 MiB (5.59x, 5.49x, 43 s wall, 133920 findings); past MAX_FILE_SIZE
#   exit 2, 6 MiB.
#   branch mem (glibc told to map buffers of 128 KiB and more on their own; past 2 MiB the
#   index rules first, then each kept fact's readers together and the fact let go; tokens
#   and facts freed before spans are mapped; message strings without spare room), constant
#   20.2 MiB: 10 MB 63.8 MiB (6.70x, 4.58x), 40 MB 198.2 MiB (5.20x, 4.67x), 200 MB
#   917.6 MiB (4.81x, 4.71x, 5:27 wall on a loaded machine, 133920 findings); findings and
#   JSON sizes unchanged (10 MB and 1 MB byte for byte against main before); past
#   MAX_FILE_SIZE exit 2, 8 MiB. The 5x target is met on all three. The document alone is
#   about 4.2x (tokens 2.8x); see docs/architecture.md, Memory, for what remains.
#   main with every branch of the round's third session merged (ed1cd2d; realword's and
#   nonword's per-thread memories included), constant 19.6 MiB: 10 MB 63.6 MiB (6.67x,
#   4.62x), 40 MB 198.3 MiB (5.20x, 4.69x), 200 MB 916.3 MiB (4.81x, 4.70x, 1:15 wall while
#   a CI run shared the machine, 133920 findings); past MAX_FILE_SIZE exit 2, 6 MiB.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin="${VNLINT_BIN:-$here/target/release/vnlint}"
corpus_script="$here/../shared/bench/make_corpus.py"
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed" >&2; exit 2; }
[ -f "$corpus_script" ] || { echo "missing $corpus_script" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$corpus_script" --out "$work/corpus" >/dev/null
seed="$work/corpus/10m.txt"
seed_size=$(stat -c %s "$seed")

# GNU time's peak RSS (kB) in its report $1; empty when time itself was killed (its report
# is then empty: the file is truncated when the run starts).
peak_kb() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }

# How a run ended when a signal killed it (the kernel's OOM killer, a user), else nothing.
killed_by() { awk '/Command terminated by signal/ {print "  (killed by signal " $NF ")"}' "$1"; }

# A file of about N MB: whole copies of the 10 MB corpus file, one after another.
build() {
  local mb=$1 out=$2
  local copies=$(((mb * 1000 * 1000 + seed_size / 2) / seed_size))
  [ "$copies" -ge 1 ] || copies=1
  : >"$out"
  for _ in $(seq "$copies"); do cat "$seed" >>"$out"; done
}

# The constant: the peak of a run on the first 100 kB of the seed (the binary, the pages of
# the embedded model a run touches, the threads' stacks).
head -c 100000 "$seed" | iconv -c -f UTF-8 -t UTF-8 >"$work/small.txt"
/usr/bin/time -v -o "$work/time.txt" "$bin" check --format json "$work/small.txt" >/dev/null 2>&1 || true
base_kb=$(peak_kb "$work/time.txt")
[ -n "$base_kb" ] || { echo "no peak for the constant's run" >&2; exit 2; }
echo "constant (100 kB file): peak RSS $(echo "$base_kb / 1024" | bc -l | xargs printf '%.1f') MiB"

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 40 200)
printf '%-8s %12s %8s %11s %9s %5s %9s %12s\n' size_MB peak_RSS_MiB ratio above_base wall_s exit findings json_bytes
for mb in "${sizes[@]}"; do
  file="$work/big-$mb.txt"
  build "$mb" "$file"
  size=$(stat -c %s "$file")
  set +e
  /usr/bin/time -v -o "$work/time.txt" "$bin" check --format json "$file" >"$work/out.json" 2>"$work/err.txt"
  code=$?
  set -e
  rss_kb=$(peak_kb "$work/time.txt")
  if [ -z "$rss_kb" ]; then
    echo "$mb MB: no figures, the run was killed before GNU time reported (exit $code)"
    rm -f "$file"
    continue
  fi
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
  findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$work/out.json" 2>/dev/null || echo "-")
  printf '%-8s %12.1f %8.2f %11.2f %9s %5s %9s %12s\n' "$(((size + 500000) / 1000000))" "$(echo "$rss_kb / 1024" | bc -l)" \
    "$(echo "$rss_kb * 1024 / $size" | bc -l)" "$(echo "($rss_kb - $base_kb) * 1024 / $size" | bc -l)" \
    "$wall" "$code" "$findings" "$(stat -c %s "$work/out.json")"
  killed_by "$work/time.txt"
  rm -f "$file"
done

# Past MAX_FILE_SIZE (256 MiB): refused with a message naming the file, exit 2, little memory.
big="$work/too-big.txt"
truncate -s $((257 * 1024 * 1024)) "$big"
set +e
/usr/bin/time -v -o "$work/time.txt" "$bin" check "$big" >/dev/null 2>"$work/err.txt"
code=$?
set -e
rss_kb=$(peak_kb "$work/time.txt")
peak="unknown (killed)"
[ -z "$rss_kb" ] || peak="$((rss_kb / 1024)) MiB"
echo "past MAX_FILE_SIZE: exit $code, peak RSS $peak$(killed_by "$work/time.txt"): $(head -1 "$work/err.txt")"
echo "(seed: $seed_size bytes of ../shared/bench/make_corpus.py output)"

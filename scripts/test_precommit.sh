#!/usr/bin/env bash
# Runs the real pre-commit tool (from PyPI) against this repository's .pre-commit-hooks.yaml:
# a throw-away content repository with one file that must fail and one that must pass.
# Slow (pre-commit builds vnlint with cargo once); not part of `cargo test`.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pre-commit
cd "$work"
git init --quiet content && cd content
git config user.email ci@example.invalid && git config user.name ci
printf 'An ninh chính trị được giữ vững.\n' > dung.txt
printf 'A ninh chính trị được giữ vững.\n' > sai.txt
git add dung.txt sai.txt

# try-repo needs the hooks file committed in the repository it points at.
if "$work/venv/bin/pre-commit" try-repo "$here" vnlint --files dung.txt; then
  echo "ok: the clean file passes"
else
  echo "FAIL: the clean file was rejected"; exit 1
fi
if "$work/venv/bin/pre-commit" try-repo "$here" vnlint --files sai.txt; then
  echo "FAIL: the file with a slip passed"; exit 1
else
  echo "ok: the file with a slip is rejected"
fi

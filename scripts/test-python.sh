#!/usr/bin/env bash
# Python tests: rustfmt/clippy of the extension crate (bindings/python, its own workspace), then
# in a fresh virtual environment `pip install ./bindings/python pytest` (maturin builds the abi3
# wheel) and pytest on bindings/python/tests, including the comparison of
# tongyong.to_braille(line) and tongyong.to_signs(line) with the CLI (`braille`, `sign --json`) on
# 300 lines of Debian's Chinese man pages.
# Installs python3-venv with apt-get when venv is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
START=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
PYTHON="${PYTHON:-python3}"
# The extension's own build directory, kept between runs (pip builds in the source tree).
export CARGO_TARGET_DIR="$ROOT/target/python"

if ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    echo "test-python.sh: installing python3-venv" >&2
    apt-get install -y -qq python3-venv >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null; apt-get install -y -qq python3-venv >/dev/null; }
fi

echo "-- cargo fmt / clippy (bindings/python)"
(cd bindings/python && cargo fmt --check && cargo clippy --all-targets --locked -- -D warnings)

echo "-- corpus (300 lines with Han characters) and the CLI"
CORPUS="$ROOT/target/corpus/python-300.txt"
if [ -s target/corpus/manpages-zh.txt ]; then
    mkdir -p target/corpus
    { grep -P '\p{Han}' target/corpus/manpages-zh.txt || true; } | head -n 300 > "$CORPUS"
else
    scripts/corpus.sh "$CORPUS" --lines 300
fi
(unset CARGO_TARGET_DIR; cargo build -q --release --locked -p tongyong-cli)

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
echo "-- fresh venv: pip install ./bindings/python pytest"
"$PYTHON" -m venv "$TMP/venv"
"$TMP/venv/bin/pip" install -q --disable-pip-version-check ./bindings/python pytest

echo "-- pytest"
cd "$TMP"   # import the installed package, not the source tree
TONGYONG_CORPUS="$CORPUS" TONGYONG_CLI="$ROOT/target/release/tongyong" TONGYONG_REQUIRE_CORPUS=1 \
    "$TMP/venv/bin/python" -m pytest -q -p no:cacheprovider "$ROOT/bindings/python/tests"

echo "test-python.sh: done in $(( $(date +%s) - START ))s"

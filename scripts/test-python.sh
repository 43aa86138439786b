#!/usr/bin/env bash
# Python tests: rustfmt/clippy of the extension crate (bindings/python, its own workspace), then
# the package as users install it: `maturin build --release` makes the abi3 wheel (maturin from
# PyPI in a build venv), the script checks its name and that it carries the licence texts and
# NOTICE, installs that wheel (not the source tree) with pytest into a second, fresh venv, and
# runs pytest on bindings/python/tests from outside the source tree, including the comparison of
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
echo "-- maturin build --release (the abi3 wheel)"
"$PYTHON" -m venv "$TMP/build"
"$TMP/build/bin/pip" install -q --disable-pip-version-check 'maturin>=1.5,<2'
(cd bindings/python && "$TMP/build/bin/maturin" build --release --locked -q -o "$TMP/wheels")
WHEELS=("$TMP"/wheels/*.whl)
[ ${#WHEELS[@]} -eq 1 ] || { echo "test-python.sh: expected one wheel, got ${WHEELS[*]}" >&2; exit 1; }
WHEEL="${WHEELS[0]}"
echo "-- $(basename "$WHEEL") ($(( $(stat -c %s "$WHEEL") / 1024 )) KiB)"
case "$(basename "$WHEEL")" in
    *-abi3-*) ;;
    *) echo "test-python.sh: the wheel is not abi3: $WHEEL" >&2; exit 1 ;;
esac
"$PYTHON" - "$WHEEL" <<'PY'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
for f in ("LICENSE-MIT", "LICENSE-APACHE", "NOTICE"):
    if not any(n.endswith(".dist-info/licenses/" + f) for n in names):
        sys.exit(f"test-python.sh: the wheel has no {f}")
PY

echo "-- fresh venv: pip install the wheel and pytest"
"$PYTHON" -m venv "$TMP/venv"
"$TMP/venv/bin/pip" install -q --disable-pip-version-check "$WHEEL" pytest

echo "-- pytest"
cd "$TMP"   # import the installed package, not the source tree
TONGYONG_CORPUS="$CORPUS" TONGYONG_CLI="$ROOT/target/release/tongyong" TONGYONG_REQUIRE_CORPUS=1 \
    "$TMP/venv/bin/python" -m pytest -q -p no:cacheprovider "$ROOT/bindings/python/tests"

echo "test-python.sh: done in $(( $(date +%s) - START ))s"

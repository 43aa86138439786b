#!/usr/bin/env bash
# Runs every test of the repository on a fresh Debian machine: formatting, lints, docs, the Rust
# tests (unit, integration, doc tests, and the round trip on Debian's manpages-zh corpus), then
# the packed crate (cargo package), the C and Python tests where their bindings exist. Installs
# what it needs (Debian packages through apt-get; Python packages through pip, into venvs).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "corpus: Debian manpages-zh (scripts/corpus.sh)"
scripts/corpus.sh target/corpus/manpages-zh.txt

step "cargo fmt / clippy / doc"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked --quiet

step "Rust tests"
TONGYONG_REQUIRE_CORPUS=1 cargo test --workspace --locked

step "the crate as published (cargo package -p tongyong)"
# Packs the crate and builds the packed copy; --allow-dirty so that a developer's run checks the
# working tree. The crate must carry the licence texts and stay under crates.io's 10 MB.
cargo package -p tongyong --locked --allow-dirty --quiet 2>&1 | { grep -v '^warning: ignoring' || true; }
CRATE=target/package/tongyong-$(cargo metadata --no-deps --format-version 1 --locked \
    | python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "tongyong"))').crate
# The listing first: grep -q would close the pipe early, and pipefail would count tar's SIGPIPE.
listing="$(tar -tzf "$CRATE")"
for f in LICENSE-MIT LICENSE-APACHE NOTICE; do
    grep -qx "tongyong-[^/]*/$f" <<< "$listing" || { echo "test-all.sh: $CRATE has no $f" >&2; exit 1; }
done
size=$(stat -c %s "$CRATE")
echo "$CRATE: $((size / 1024)) KiB"
[ "$size" -lt 10000000 ] || { echo "test-all.sh: $CRATE is over 10 MB" >&2; exit 1; }

for extra in scripts/test-c.sh scripts/test-python.sh; do
    if [ -x "$extra" ]; then
        step "$extra"
        "$extra"
    fi
done

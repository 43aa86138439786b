#!/usr/bin/env bash
# Runs every test of the repository on a fresh Debian machine: formatting, lints, docs, the Rust
# tests (unit, integration, doc tests, and the round trip on Debian's manpages-zh corpus), then
# the C and Python tests where their bindings exist. Installs what it needs (Debian packages
# through apt-get; Python packages through pip).
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

for extra in scripts/test-c.sh scripts/test-python.sh; do
    if [ -x "$extra" ]; then
        step "$extra"
        "$extra"
    fi
done

#!/usr/bin/env bash
# Runs one fuzz target: fuzz/run.sh TARGET [SECONDS] (default 900). The corpus grows in
# fuzz/corpus/TARGET (not committed), seeded from fuzz/seeds/TARGET; crashes go to
# fuzz/artifacts/TARGET. cargo-fuzz needs nightly features: RUSTC_BOOTSTRAP=1 enables them on
# the stable toolchain. Installs cargo-fuzz (pinned) when it is missing.
set -euo pipefail
cd "$(dirname "$0")"
target=$1
seconds=${2:-900}
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "run.sh: installing cargo-fuzz 0.13.2" >&2
    cargo install cargo-fuzz --version 0.13.2 --locked
fi
mkdir -p "corpus/$target" "artifacts/$target"
RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$target" "$PWD/corpus/$target" "$PWD/seeds/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1

#!/usr/bin/env bash
# Compares the CLI's output of the working tree with that of an earlier commit, line by line.
#
#   scripts/compare-output.sh REV [--mode "braille"] [--show N] FILE...
#
# Builds REV (a commit, e.g. HEAD~1 or main) in a worktree under target/compare/ (kept, so a
# second run reuses the build) and the working tree, runs `tongyong MODE FILE` with both, and
# prints per file how many lines changed and the first N changed lines (default 10) as
# input / before / after. MODE defaults to "braille"; e.g. --mode "pinyin --fast".
# A change that should leave some text alone (sentences without a given mark, say) is checked by
# giving that text: 0 changed lines is the proof.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

usage() { awk 'NR==1{next} /^#/{sub(/^# ?/,"");print;next} {exit}' "$0"; }
[ $# -ge 1 ] || { usage >&2; exit 2; }
REV="$1"; shift
MODE="braille"
SHOW=10
files=()
while [ $# -gt 0 ]; do
    case "$1" in
        --mode) MODE="${2:?--mode needs a value}"; shift 2 ;;
        --show) SHOW="${2:?--show needs a number}"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) files+=("$1"); shift ;;
    esac
done
[ ${#files[@]} -gt 0 ] || { echo "compare-output.sh: no FILE given" >&2; exit 2; }

COMMIT="$(git rev-parse --short "$REV^{commit}")"
OLD="$ROOT/target/compare/$COMMIT"
if [ ! -d "$OLD" ]; then
    git worktree add -q --detach "$OLD" "$COMMIT"
fi
# The shared data folder sits beside the repository; the old tree needs it at the same place.
(cd "$OLD" && cargo build -q --release --locked -p tongyong-cli)
cargo build -q --release --locked -p tongyong-cli

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
read -r -a mode <<< "$MODE"
for f in "${files[@]}"; do
    "$OLD/target/release/tongyong" "${mode[@]}" "$f" > "$TMP/before"
    "$ROOT/target/release/tongyong" "${mode[@]}" "$f" > "$TMP/after"
    python3 - "$f" "$TMP/before" "$TMP/after" "$SHOW" "$COMMIT" <<'PY'
import sys
src, before, after, show, commit = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
read = lambda p: open(p, encoding="utf-8", errors="replace").read().split("\n")
text, old, new = read(src), read(before), read(after)
if len(old) != len(new):
    sys.exit(f"{src}: {len(old)} lines before, {len(new)} after")
changed = [k for k, (a, b) in enumerate(zip(old, new)) if a != b]
print(f"{src}: {len(changed)} of {len(old) - 1} lines changed against {commit}")
for k in changed[:show]:
    line = text[k] if k < len(text) else ""
    print(f"  {k + 1}: {line}\n    before {old[k]}\n    after  {new[k]}")
PY
done

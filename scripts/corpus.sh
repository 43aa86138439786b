#!/usr/bin/env bash
# Build a deterministic plain-text UTF-8 corpus from Debian's Simplified-Chinese
# man pages (package manpages-zh, /usr/share/man/zh_CN).
#
#   scripts/corpus.sh [OUT] [--lines N] [--jobs J]
#
# OUT defaults to target/corpus/manpages-zh.txt (relative to the repository root).
# Every page (symlinked duplicates skipped) is rendered with groff (-mandoc, tbl,
# -Tutf8, line length 80n, left-adjusted, no hyphenation), formatting removed with
# `col -bx`, in byte-sorted path order. (Not `man -l`: for zh_CN pages man-db adds
# zh.tmac, and groff 1.22.4's troff then loops forever on some pages, e.g. df.1.)
# Trailing spaces/tabs are stripped and empty lines dropped; nothing else is filtered.
# --lines N writes only the first N lines that contain at least one Han character.
# Works non-interactively (installs manpages-zh, groff-base, bsdextrautils
# with apt-get when missing; needs root or sudo for that).
set -euo pipefail

usage() { awk 'NR==1{next} /^#/{sub(/^# ?/,"");print;next} {exit}' "$0"; }

OUT=""
LINES_N=""
JOBS="$(nproc 2>/dev/null || echo 2)"
while [ $# -gt 0 ]; do
    case "$1" in
        --lines) LINES_N="${2:?--lines needs a number}"; shift 2 ;;
        --lines=*) LINES_N="${1#--lines=}"; shift ;;
        --jobs) JOBS="${2:?--jobs needs a number}"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "corpus.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
        *) if [ -n "$OUT" ]; then echo "corpus.sh: more than one OUT given" >&2; exit 2; fi
           OUT="$1"; shift ;;
    esac
done
if [ -n "$LINES_N" ] && ! [[ "$LINES_N" =~ ^[0-9]+$ ]]; then
    echo "corpus.sh: --lines expects a non-negative integer, got '$LINES_N'" >&2; exit 2
fi
if [ -z "$OUT" ]; then
    ROOT="$(cd "$(dirname "$0")/.." && pwd)"
    OUT="$ROOT/target/corpus/manpages-zh.txt"
fi

MANDIR=/usr/share/man/zh_CN
export LC_ALL=C.UTF-8 LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive
# groff environment: no SGR escapes, no user-set font/macro paths.
export GROFF_NO_SGR=1
unset GROFF_TMAC_PATH GROFF_FONT_PATH GROFF_BIN_PATH GROFF_TYPESETTER 2>/dev/null || true

# ---- install what is missing -------------------------------------------------
need=()
have_pages() { [ -d "$MANDIR" ] && [ -n "$(find "$MANDIR" -type f -name '*.[0-9]*' -print -quit 2>/dev/null)" ]; }
have_pages || need+=(manpages-zh)
command -v groff >/dev/null 2>&1 || need+=(groff-base)
command -v col >/dev/null 2>&1 || need+=(bsdextrautils)
if [ ${#need[@]} -gt 0 ]; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
            echo "corpus.sh: need root (or sudo) to install: ${need[*]}" >&2; exit 1
        fi
    fi
    echo "corpus.sh: installing ${need[*]} ..." >&2
    # Only refresh the package lists when there are none yet or the install fails.
    if ! $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1; then
        $SUDO apt-get update -qq >/dev/null
        $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    fi
fi
if ! have_pages; then
    echo "corpus.sh: no pages under $MANDIR after installing manpages-zh" >&2
    echo "  (a dpkg path-exclude for /usr/share/man, as in minimised images, would cause this)" >&2
    exit 1
fi

# ---- render ------------------------------------------------------------------
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# Regular files only (symlinks are aliases of other pages), byte-sorted relative paths.
(cd "$MANDIR" && find . -type f -print | sed 's|^\./||' | LC_ALL=C sort) > "$TMP/list"
npages=$(wc -l < "$TMP/list")

# Number each page so the parallel renders can be re-assembled in list order.
awk '{ printf "%05d\t%s\n", NR, $0 }' "$TMP/list" > "$TMP/numbered"
mkdir -p "$TMP/r"
# Left-adjust (no justification padding between words) and never hyphenate.
printf '.ad l\n.nh\n' > "$TMP/plain.tmac"
render_one() {   # $1 = "NNNNN<TAB>relative/path"
    local n="${1%%$'\t'*}" p="${1#*$'\t'}"
    # Pages are UTF-8 (-K utf-8 for preconv); tbl always on (a no-op without .TS).
    # timeout: guard against a formatter that never ends.
    zcat -f -- "$MANDIR/$p" \
        | timeout 60 groff -K utf-8 -t -mandoc -Tutf8 -rLL=80n -rLT=80n -rHY=0 -M"$TMP" -mplain -P-c 2>/dev/null \
        | col -bx > "$TMP/r/$n.txt" || true
}
export -f render_one
export TMP MANDIR
tr '\n' '\0' < "$TMP/numbered" | xargs -0 -r -n 1 -P "$JOBS" bash -c 'render_one "$1"' _

empty=0
: > "$TMP/all"
while IFS=$'\t' read -r n p; do
    if [ -s "$TMP/r/$n.txt" ]; then cat "$TMP/r/$n.txt" >> "$TMP/all"; else
        empty=$((empty + 1)); echo "corpus.sh: warning: $p rendered empty" >&2; fi
done < "$TMP/numbered"

# Strip trailing ASCII spaces/tabs (and a stray CR), drop empty lines.
LC_ALL=C sed -e 's/[ \t\r]*$//' "$TMP/all" | LC_ALL=C grep -v '^$' > "$TMP/corpus" || true

if [ -n "$LINES_N" ]; then
    { grep -P '\p{Han}' "$TMP/corpus" || true; } | head -n "$LINES_N" > "$TMP/out"
else
    mv "$TMP/corpus" "$TMP/out"
fi

mkdir -p "$(dirname "$OUT")"
mv "$TMP/out" "$OUT.tmp.$$"
mv "$OUT.tmp.$$" "$OUT"

lines=$(wc -l < "$OUT")
bytes=$(wc -c < "$OUT")
chars=$(wc -m < "$OUT")
han=$({ grep -o -P '\p{Han}' "$OUT" || true; } | wc -l)
han_lines=$({ grep -c -P '\p{Han}' "$OUT" || true; })
echo "corpus.sh: $npages pages ($empty empty) -> $OUT"
printf 'lines %d (%d with Han)  bytes %d (%.2f MB)  chars %d  Han chars %d\n' \
    "$lines" "$han_lines" "$bytes" "$(awk "BEGIN{print $bytes/1e6}")" "$chars" "$han"

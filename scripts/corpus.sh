#!/usr/bin/env bash
# Build a deterministic plain-text UTF-8 corpus from Debian's Simplified-Chinese
# man pages (package manpages-zh, /usr/share/man/zh_CN).
#
#   scripts/corpus.sh [OUT] [--lines N] [--jobs J] [--record]
#   scripts/corpus.sh --check FILE
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
#
# The gold sets were made on one corpus, recorded in tests/data/manpages-zh.corpus (package
# version, pages, lines, bytes, sha256). The script installs that version when the package is
# not installed, refuses another installed version, and checks the whole rendered corpus
# against the record before writing OUT (also with --lines): a different corpus is an error
# that says what differs, never a silent wrong corpus. --check FILE only checks FILE.
# --record writes the record from the corpus just built (moving to a new package version;
# the gold sets must then be remade).
set -euo pipefail

usage() { awk 'NR==1{next} /^#/{sub(/^# ?/,"");print;next} {exit}' "$0"; }

OUT=""
LINES_N=""
CHECK=""
RECORD_NEW=""
JOBS="$(nproc 2>/dev/null || echo 2)"
while [ $# -gt 0 ]; do
    case "$1" in
        --lines) LINES_N="${2:?--lines needs a number}"; shift 2 ;;
        --lines=*) LINES_N="${1#--lines=}"; shift ;;
        --jobs) JOBS="${2:?--jobs needs a number}"; shift 2 ;;
        --check) CHECK="${2:?--check needs a file}"; shift 2 ;;
        --record) RECORD_NEW=1; shift ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "corpus.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
        *) if [ -n "$OUT" ]; then echo "corpus.sh: more than one OUT given" >&2; exit 2; fi
           OUT="$1"; shift ;;
    esac
done
if [ -n "$LINES_N" ] && ! [[ "$LINES_N" =~ ^[0-9]+$ ]]; then
    echo "corpus.sh: --lines expects a non-negative integer, got '$LINES_N'" >&2; exit 2
fi
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
[ -n "$OUT" ] || OUT="$ROOT/target/corpus/manpages-zh.txt"

MANDIR=/usr/share/man/zh_CN
export LC_ALL=C.UTF-8 LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive
# groff environment: no SGR escapes, no user-set font/macro paths.
export GROFF_NO_SGR=1
# One page (man1/dnskeygen.1, mdoc with an empty .Dd) prints the day it is rendered, so the corpus
# changed at midnight. groff 1.22.4 takes SOURCE_DATE_EPOCH for that day instead: pinned to
# 2026-12-07 12:00 UTC, the day the record was made.
export SOURCE_DATE_EPOCH=1796644800 TZ=UTC
unset GROFF_TMAC_PATH GROFF_FONT_PATH GROFF_BIN_PATH GROFF_TYPESETTER 2>/dev/null || true
package_pages() {
    dpkg-query -L "$PACKAGE" 2>/dev/null | awk -v d="$MANDIR/" 'index($0, d) == 1' \
        | while IFS= read -r f; do
            if [ -f "$f" ] && [ ! -L "$f" ]; then printf '%s\n' "${f#"$MANDIR/"}"; fi
        done | LC_ALL=C sort
}
have_pages() { [ -n "$(package_pages | head -n 1)" ]; }

# ---- the corpus the gold sets were made on -----------------------------------
# TONGYONG_CORPUS_RECORD: another record, for the tests of these checks.
RECORD="${TONGYONG_CORPUS_RECORD:-$ROOT/tests/data/manpages-zh.corpus}"
record() { awk -F'\t' -v k="$1" '$1 == k { print $2; found = 1 } END { exit !found }' "$RECORD" \
    || { echo "corpus.sh: $RECORD has no '$1'" >&2; exit 1; }; }
PACKAGE="$(record package)"
EXPECTED_VERSION="$(record version)"

# Checks the corpus file $1 against the record; prints what differs and fails.
check_corpus() {
    local file="$1" lines bytes sum bad=0
    lines=$(wc -l < "$file"); bytes=$(wc -c < "$file"); sum=$(sha256sum "$file" | cut -d' ' -f1)
    for k in lines bytes sha256; do
        local want got
        want="$(record "$k")"
        case $k in lines) got=$lines ;; bytes) got=$bytes ;; sha256) got=$sum ;; esac
        if [ "$want" != "$got" ]; then
            [ $bad -eq 0 ] && echo "corpus.sh: $file is not the corpus the gold sets were made on" \
                "($PACKAGE $EXPECTED_VERSION, $RECORD):" >&2
            echo "  $k: expected $want, found $got" >&2
            bad=1
        fi
    done
    if [ $bad -ne 0 ]; then
        echo "  rebuild it with scripts/corpus.sh (it installs $PACKAGE $EXPECTED_VERSION)" >&2
        return 1
    fi
}

if [ -n "$CHECK" ]; then
    [ -f "$CHECK" ] || { echo "corpus.sh: --check: no file $CHECK" >&2; exit 1; }
    check_corpus "$CHECK"
    echo "corpus.sh: $CHECK is the recorded corpus ($PACKAGE $EXPECTED_VERSION)"
    exit 0
fi

# ---- install what is missing -------------------------------------------------
# The package, not the folder, decides: other packages (man-db among them) install a few pages
# under zh_CN too, and a corpus of those is not the one the gold sets were made on.
installed_version() {
    dpkg-query -W -f='${db:Status-Status} ${Version}\n' "$PACKAGE" 2>/dev/null \
        | awk '$1 == "installed" { print $2 }'
}
need=()
[ -n "$(installed_version)" ] || need+=("$PACKAGE=$EXPECTED_VERSION")
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
    apt_install() { $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1; }
    # Only refresh the package lists when the install fails (none yet, or out of date).
    if ! apt_install "${need[@]}"; then
        $SUDO apt-get update -qq >/dev/null
        if ! apt_install "${need[@]}"; then
            # The recorded version is no longer served: install what is, and let the version
            # check below say what differs.
            apt_install "${need[@]/#$PACKAGE=*/$PACKAGE}" \
                || { echo "corpus.sh: apt-get install ${need[*]} failed" >&2; exit 1; }
        fi
    fi
fi
FOUND_VERSION="$(installed_version)"
if [ "$FOUND_VERSION" != "$EXPECTED_VERSION" ]; then
    echo "corpus.sh: $PACKAGE $FOUND_VERSION is installed, but the gold sets were made on" \
        "$PACKAGE $EXPECTED_VERSION ($RECORD)." >&2
    if dpkg --compare-versions "$FOUND_VERSION" gt "$EXPECTED_VERSION"; then
        echo "  $FOUND_VERSION is newer. Either pin the recorded version:" >&2
    else
        echo "  Install the recorded version:" >&2
    fi
    echo "    apt-get install -y --allow-downgrades $PACKAGE=$EXPECTED_VERSION" >&2
    echo "  or move the project to $FOUND_VERSION: build with --record, then remake and review" \
        "the gold sets (scripts/running-text.py) against the new pages." >&2
    exit 1
fi
if ! have_pages; then
    echo "corpus.sh: no pages under $MANDIR after installing $PACKAGE" >&2
    echo "  (a dpkg path-exclude for /usr/share/man, as in minimised images, would cause this)" >&2
    exit 1
fi

# ---- render ------------------------------------------------------------------
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# The package's own pages (other packages, login, passwd and man-db among them, put pages under
# zh_CN too, and whether they are installed varies between machines): regular files only
# (symlinks are aliases of other pages), byte-sorted relative paths.
package_pages > "$TMP/list"
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

if [ -n "$RECORD_NEW" ]; then
    {
        awk '/^#/' "$RECORD"
        printf 'package\t%s\nversion\t%s\npages\t%d\nlines\t%d\nbytes\t%d\nsha256\t%s\n' \
            "$PACKAGE" "$FOUND_VERSION" "$npages" "$(wc -l < "$TMP/corpus")" \
            "$(wc -c < "$TMP/corpus")" "$(sha256sum "$TMP/corpus" | cut -d' ' -f1)"
    } > "$TMP/record"
    mv "$TMP/record" "$RECORD"
    echo "corpus.sh: recorded $PACKAGE $FOUND_VERSION in $RECORD; remake the gold sets now" >&2
fi
if [ "$npages" != "$(record pages)" ]; then
    echo "corpus.sh: $npages pages rendered, the record ($RECORD) has $(record pages)" >&2
    exit 1
fi
check_corpus "$TMP/corpus"

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

#!/usr/bin/env bash
# Installs the C library into PREFIX: PREFIX/include/tongyong.h, PREFIX/lib/libtongyong.a,
# PREFIX/lib/libtongyong.so{,.ABI,.VERSION} and PREFIX/lib/pkgconfig/tongyong.pc, so that
# `pkg-config --cflags --libs tongyong` works with PKG_CONFIG_PATH=PREFIX/lib/pkgconfig
# (or without it for PREFIX=/usr/local on Debian).
#
#   scripts/install-c.sh PREFIX [--no-build]
#
# Builds `cargo build -p tongyong-c --release` first unless --no-build is given.
set -euo pipefail
usage() { awk 'NR==1{next} /^#/{sub(/^# ?/,"");print;next} {exit}' "$0"; }
[ $# -ge 1 ] || { usage >&2; exit 2; }
case "$1" in -h|--help) usage; exit 0 ;; esac
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PREFIX="$(realpath -m "$1")"
BUILD=1
[ "${2:-}" = "--no-build" ] && BUILD=0
cd "$ROOT"
if [ "$BUILD" = 1 ]; then
    cargo build -p tongyong-c --release --locked
fi
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}/release"
HEADER=bindings/c/include/tongyong.h
macro() { awk -v m="$1" '$1=="#define" && $2==m {print $3}' "$HEADER"; }
VERSION="$(macro TONGYONG_VERSION_MAJOR).$(macro TONGYONG_VERSION_MINOR).$(macro TONGYONG_VERSION_PATCH)"
ABI="$(macro TONGYONG_ABI_VERSION)"
# What a static link of a Rust library needs from the system (rustc --print native-static-libs).
LIBS_PRIVATE="-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc"

install -d "$PREFIX/include" "$PREFIX/lib/pkgconfig"
install -m 644 "$HEADER" "$PREFIX/include/tongyong.h"
install -m 644 "$TARGET/libtongyong.a" "$PREFIX/lib/libtongyong.a"
install -m 755 "$TARGET/libtongyong.so" "$PREFIX/lib/libtongyong.so.$VERSION"
ln -sf "libtongyong.so.$VERSION" "$PREFIX/lib/libtongyong.so.$ABI"
ln -sf "libtongyong.so.$ABI" "$PREFIX/lib/libtongyong.so"
sed -e "s|@PREFIX@|$PREFIX|" -e "s|@VERSION@|$VERSION|" -e "s|@LIBS_PRIVATE@|$LIBS_PRIVATE|" \
    bindings/c/tongyong.pc.in > "$PREFIX/lib/pkgconfig/tongyong.pc"
echo "install-c.sh: tongyong $VERSION (ABI $ABI) installed in $PREFIX"

#!/usr/bin/env bash
# C tests: builds libtongyong (release), checks that the committed header is what cbindgen
# generates, installs the library into a temporary prefix, compiles bindings/c/tests/*.c and
# bindings/c/examples/*.c with `-std=c11 -Wall -Wextra -Werror` against the installed header using
# `pkg-config --cflags --libs tongyong`, and runs them under valgrind (any memory error or
# definite/indirect leak fails). The example's BRF output is compared with the CLI's.
# Installs gcc, valgrind and pkg-config with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
START=$(date +%s)
export DEBIAN_FRONTEND=noninteractive

need=()
command -v gcc >/dev/null || need+=(gcc libc6-dev)
command -v g++ >/dev/null || need+=(g++)
command -v valgrind >/dev/null || need+=(valgrind)
command -v pkg-config >/dev/null || need+=(pkgconf)
if [ ${#need[@]} -gt 0 ]; then
    echo "test-c.sh: installing ${need[*]}" >&2
    if ! apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1; then
        apt-get update -qq >/dev/null
        apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    fi
fi

echo "-- build (release) and Rust-side checks (header up to date, unit tests)"
cargo build -p tongyong-c -p tongyong-cli --release --locked
cargo test -p tongyong-c --locked -q

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
PREFIX="$TMP/prefix"
scripts/install-c.sh "$PREFIX" --no-build
export PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig"
CFLAGS=(-std=c11 -Wall -Wextra -Werror -pthread -g)
read -r -a PC_CFLAGS <<< "$(pkg-config --cflags tongyong)"
read -r -a PC_LIBS <<< "$(pkg-config --libs tongyong)"
echo "-- pkg-config --cflags --libs tongyong: ${PC_CFLAGS[*]} ${PC_LIBS[*]}"

echo "-- the header compiles as C++ too"
echo '#include <tongyong.h>' | g++ -x c++ -fsyntax-only -Wall -Wextra -Werror "${PC_CFLAGS[@]}" -

mkdir -p "$TMP/bin"
for src in bindings/c/tests/*.c bindings/c/examples/*.c; do
    name="$(basename "$src" .c)"
    gcc "${CFLAGS[@]}" "${PC_CFLAGS[@]}" "$src" -o "$TMP/bin/$name" "${PC_LIBS[@]}" \
        -Wl,-rpath,"$PREFIX/lib"
done
# The example once more, linked statically against libtongyong.a.
read -r -a PC_STATIC <<< "$(pkg-config --static --libs-only-l tongyong | sed 's/-ltongyong//')"
gcc "${CFLAGS[@]}" "${PC_CFLAGS[@]}" bindings/c/examples/brf_file.c -o "$TMP/bin/brf_file_static" \
    "$PREFIX/lib/libtongyong.a" "${PC_STATIC[@]}"
if ldd "$TMP/bin/brf_file_static" | grep -q libtongyong; then
    echo "test-c.sh: brf_file_static is not linked statically" >&2; exit 1
fi

VALGRIND=(valgrind -q --error-exitcode=1 --leak-check=full --show-leak-kinds=definite,indirect
          --errors-for-leak-kinds=definite,indirect)
for t in "$TMP"/bin/test_*; do
    echo "-- valgrind $(basename "$t")"
    "${VALGRIND[@]}" "$t"
done

echo "-- valgrind brf_file (shared and static) against the CLI's BRF"
cat > "$TMP/in.txt" <<'TEXT'
我们的学校很大。
他们是老师，她是医生。
2024年3月15日，温度是23.5度。

请访问 https://example.org/path 获取 GNU 工具。
盲文是盲人用手指触摸阅读的文字 😀。
TEXT
if [ -s target/corpus/manpages-zh.txt ]; then
    grep -P '\p{Han}' target/corpus/manpages-zh.txt | head -n 40 >> "$TMP/in.txt" || true
fi
"${VALGRIND[@]}" "$TMP/bin/brf_file" "$TMP/in.txt" "$TMP/out.brf" "$TMP/pos.tsv"
"${VALGRIND[@]}" "$TMP/bin/brf_file_static" "$TMP/in.txt" "$TMP/out-static.brf"
target/release/tongyong braille --format brf "$TMP/in.txt" > "$TMP/cli.brf"
cmp "$TMP/out.brf" "$TMP/cli.brf"
cmp "$TMP/out-static.brf" "$TMP/cli.brf"
[ "$(wc -l < "$TMP/pos.tsv")" = "$(wc -l < "$TMP/in.txt")" ]
echo "test-c.sh: $(wc -l < "$TMP/in.txt") lines: example output equals the CLI's"

echo "test-c.sh: all C tests passed in $(( $(date +%s) - START ))s"

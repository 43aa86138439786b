#!/usr/bin/env python3
"""Regenerate data/readings/model-settled.tsv: polyphones whose default reading the model leaves.

Usage:  python3 scripts/model-settled.py [--min-items N] [--frequent F] [--frequent-min-items M]
                                         [--word-min-items W] [--dump FILE]

Counts, per polyphone, its CPP **dev** items (never test) outside dictionary words and outside
the measure-word rule, and whether the default reading (data/readings/char-order.tsv, first
column) is the gold reading of every one of them. Such a character is listed

  * with scope `all` when it has at least N of these items (default 15), or at least M (default
    6) if it is frequent (a single-character jieba frequency of at least F, default 5,000, in
    data/lexicon/words.tsv): the model never reads it (ReadingMode::Model stays fast on running
    text, where such characters, 的 了 和 中 上 …, are frequent);
  * with scope `words` when it has at least W (default 6): the model reads it outside dictionary
    words but never overrides its phrase readings.

The thresholds were chosen by 5-fold cross-validation on dev (scripts/policy-cv.py --list
rebuild: the lists built from 4/5 of dev, scored on the other 1/5): scope `all` for every
character with 6 items (the earlier rule) 97.47%, no list 97.55%, N = 15 / F = 5,000 / M = 6
97.55%, and with the `words` scope (W = 6) 97.52%. The `words` scope costs those 3 items of
dev because on running text (Debian's Chinese man pages) the model's overrides of these
characters' phrase readings were wrong (奇偶 qi2, 屏弃 ping2).
The dev items come from
`cargo run --release --example cpp_eval -- --split dev --dump FILE` (run here unless --dump
names an existing file).
"""

import argparse
import collections
import os
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# ") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-items", type=int, default=15)
    ap.add_argument("--frequent", type=int, default=5000)
    ap.add_argument("--frequent-min-items", type=int, default=6)
    ap.add_argument("--word-min-items", type=int, default=6)
    ap.add_argument("--dump")
    args = ap.parse_args()
    dump = args.dump
    if not dump or not os.path.exists(dump):
        dump = dump or os.path.join(tempfile.mkdtemp(prefix="model-settled."), "dev.tsv")
        subprocess.check_call(["cargo", "run", "-q", "--release", "--example", "cpp_eval", "--",
                               "--split", "dev", "--dump", dump], cwd=ROOT)
    order = {c: rs.split(" ") for c, rs in rows(os.path.join(ROOT, "data/readings/char-order.tsv"))}
    items = collections.defaultdict(list)
    for c, gold, _pipeline, _word, phrase, measure, *_model in rows(dump):
        if not phrase and measure == "0" and c in order:
            items[c].append(gold == order[c][0])
    jieba = {}
    for w, freq, *_ in rows(os.path.join(ROOT, "data/lexicon/words.tsv")):
        if len(w) == 1:
            jieba[w] = int(freq)

    def needed(c):
        return args.frequent_min_items if jieba.get(c, 0) >= args.frequent else args.min_items

    scope = {}
    for c, ok in items.items():
        if all(ok) and len(ok) >= needed(c):
            scope[c] = "all"
        elif all(ok) and len(ok) >= args.word_min_items:
            scope[c] = "words"
    settled = sorted(scope)
    out = os.path.join(ROOT, "data/readings/model-settled.tsv")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# char<TAB>default reading<TAB>CPP dev items outside dictionary words (all read by "
                f"the default)<TAB>scope: all (>= {args.min_items} items, or {args.frequent_min_items} "
                f"for a jieba frequency >= {args.frequent}) or words (>= {args.word_min_items}); "
                f"scripts/model-settled.py\n")
        for c in settled:
            f.write(f"{c}\t{order[c][0]}\t{len(items[c])}\t{scope[c]}\n")
    n_all = sum(v == "all" for v in scope.values())
    print(f"{len(settled)} characters ({n_all} all, {len(settled) - n_all} words) written to "
          f"{os.path.relpath(out, ROOT)}")


if __name__ == "__main__":
    main()

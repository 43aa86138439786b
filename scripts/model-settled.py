#!/usr/bin/env python3
"""Regenerate data/readings/model-settled.tsv: polyphones whose default reading the model leaves.

Usage:  python3 scripts/model-settled.py [--min-items N] [--frequent F] [--frequent-min-items M]
                                         [--dump FILE]

A character is listed when, on CPP **dev** (never test), it has at least N items (default 15)
outside dictionary words and outside the measure-word rule, and the default reading
(data/readings/char-order.tsv, first column) is the gold reading of every one of them; a
frequent character (a single-character jieba frequency of at least F, default 5,000, in
data/lexicon/words.tsv) needs only M such items (default 6). For these characters the model
could only confirm the default on dev, so tongyong does not run it (ReadingMode::Model stays
fast on running text, where such characters, 的 了 和 中 上 …, are frequent). The thresholds
were chosen by 5-fold cross-validation on dev (scripts/policy-cv.py --list rebuild): a list
built from fewer items per character costs accuracy on the held-out folds (N = 6 for every
character: 97.47%; no list: 97.55%; N = 15 with F = 5,000, M = 6: 97.55%). The dev items come from
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

    settled = sorted(c for c, ok in items.items() if len(ok) >= needed(c) and all(ok))
    out = os.path.join(ROOT, "data/readings/model-settled.tsv")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# char<TAB>default reading<TAB>CPP dev items outside dictionary words "
                f"(all read by the default; min {args.min_items}, or {args.frequent_min_items} "
                f"for a jieba frequency >= {args.frequent}); scripts/model-settled.py\n")
        for c in settled:
            f.write(f"{c}\t{order[c][0]}\t{len(items[c])}\n")
    print(f"{len(settled)} characters written to {os.path.relpath(out, ROOT)}")


if __name__ == "__main__":
    main()

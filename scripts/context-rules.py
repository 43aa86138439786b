#!/usr/bin/env python3
"""Regenerate data/readings/context-rules.tsv: neighbour rules distilled from the polyphone model.

Usage:  python3 scripts/context-rules.py [--corpus FILE] [--min-prob P] [--min-share S] [--grid]

The fast reading mode reads a polyphone outside every word with a phrase reading by its default
reading (first reading of data/readings/char-order.tsv). This script asks the polyphone model
(src/model.rs, g2pM) how it reads such polyphones in two unlabelled sources, and keeps the
(character, neighbouring character) pairs where it is consistently confident about a reading other
than the default:

  1. every word of data/lexicon/words.tsv (two characters or more) that has no phrase reading,
     read alone (jieba's words: names, places, terms that the phrase data lacks — 蒙古, 尼泊尔, 高句丽);
  2. a running-text corpus, by default Debian's Chinese man pages (target/corpus/manpages-zh.txt,
     made by scripts/corpus.sh when missing), where the model mostly confirms the defaults and so
     vetoes rules that would misfire on ordinary text.

The rows come from `cargo run --release --example reading_contexts` (the same segmentation and
phrase coverage as the fast mode; the model reads +-MODEL_CONTEXT characters). For a key
(char, neighbour, side) with Han neighbour: `seen` = its occurrences, `agree` = those the model reads
as the rule's reading with probability >= --min-prob. A rule is written when the most agreed
reading differs from the default and agree/seen >= --min-share.

--grid scores a grid of thresholds on CPP **dev** (never test): it needs the per-item dump of
`cargo run --release --example cpp_eval -- --split dev --fast --dump FILE` made *without* the rules
(pass it with --dump; the baseline) and prints items fixed and broken. The rules themselves use no
CPP data, so the dev score is held out (except for the dev counts inside char-order.tsv).
"""

import argparse
import collections
import os
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data/readings/context-rules.tsv")
CPP = os.environ.get("TONGYONG_SHARED", os.path.join(ROOT, "../shared")) + "/data/polyphone-cpp"


def is_han(c):
    cp = ord(c)
    return (cp == 0x3007 or 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF
            or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x323AF)


def contexts(path):
    """Rows of the reading_contexts example for the text file `path`."""
    out = subprocess.run(["cargo", "run", "-q", "--release", "--example", "reading_contexts", "--",
                          path], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        n, i, c, left, right, default, model, prob = line.split("\t")
        rows.append((int(n), int(i), c, left, right, default, model, float(prob)))
    return rows


def lexicon_words(path):
    """Words of words.tsv with two characters or more and no phrase reading, one per line."""
    with open(os.path.join(ROOT, "data/lexicon/words.tsv"), encoding="utf-8") as f, \
            open(path, "w", encoding="utf-8", newline="\n") as out:
        for line in f:
            if line.startswith("# "):
                continue
            word, _freq, _pos, pinyin = line.rstrip("\n").split("\t")
            if len(word) >= 2 and not pinyin:
                out.write(word + "\n")


def tally(rows, min_prob):
    """(char, side, neighbour) -> Counter of model readings (None below min_prob); default per char."""
    stats = collections.defaultdict(collections.Counter)
    defaults = {}
    for _n, _i, c, left, right, default, model, prob in rows:
        defaults[c] = default
        for side, x in (("before", left), ("after", right)):
            if is_han(x):
                stats[(c, side, x)][model if prob >= min_prob else None] += 1
    return stats, defaults


def rules(stats, defaults, min_share):
    out = {}
    for key, counts in stats.items():
        seen = sum(counts.values())
        best = sorted(((n, r) for r, n in counts.items() if r is not None), reverse=True)
        if not best:
            continue
        agree, reading = best[0]
        if reading != defaults[key[0]] and agree / seen >= min_share:
            out[key] = (reading, agree, seen)
    return out


def apply(table, c, left, right):
    """The rule reading for c between left and right, if any (disagreeing rules: none)."""
    a = table.get((c, "before", left))
    b = table.get((c, "after", right))
    if a and b and a[0] != b[0]:
        return None
    return (a or b or (None,))[0]


def grid(rows, dump):
    with open(CPP + "/dev.sent", encoding="utf-8") as f:
        marks = [s.index("\u2581") for s in f.read().split("\n") if s]
    with open(CPP + "/dev.lb", encoding="utf-8") as f:
        gold = [g.strip().lower().replace("u:", "v") for g in f if g.strip()]
    with open(dump, encoding="utf-8") as f:
        base = [line.rstrip("\n").split("\t")[2] for line in f]
    dev = contexts(os.path.join(CPP, "dev.sent"))
    targets = {r[0]: r for r in dev if r[1] == marks[r[0]]}
    for min_prob in (0.5, 0.9, 0.99):
        stats, defaults = tally(rows, min_prob)
        for min_share in (0.6, 0.9, 1.0):
            table = rules(stats, defaults, min_share)
            fixed = broken = 0
            for k, t in targets.items():
                r = apply(table, t[2], t[3], t[4])
                if r is None or r == t[5]:
                    continue
                fixed += r == gold[k] and base[k] != gold[k]
                broken += r != gold[k] and base[k] == gold[k]
            print(f"min-prob {min_prob} min-share {min_share}: {len(table)} rules, dev +{fixed} "
                  f"-{broken} = {100 * (fixed - broken) / len(gold):+.2f} points")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=os.path.join(ROOT, "target/corpus/manpages-zh.txt"))
    ap.add_argument("--min-prob", type=float, default=0.99)
    ap.add_argument("--min-share", type=float, default=0.9)
    ap.add_argument("--grid", action="store_true")
    ap.add_argument("--dump", help="cpp_eval --fast --dump of dev without the rules (for --grid)")
    args = ap.parse_args()
    if not os.path.exists(args.corpus):
        subprocess.check_call(["bash", os.path.join(ROOT, "scripts/corpus.sh"), args.corpus])
    with tempfile.TemporaryDirectory(prefix="context-rules.") as tmp:
        words = os.path.join(tmp, "words.txt")
        lexicon_words(words)
        rows = contexts(words) + contexts(args.corpus)
    if args.grid:
        grid(rows, args.dump)
        return
    stats, defaults = tally(rows, args.min_prob)
    table = rules(stats, defaults, args.min_share)
    side_order = {"before": 0, "after": 1}
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# char<TAB>neighbour<TAB>side<TAB>reading<TAB>agree<TAB>seen  (scripts/context-rules.py,"
                f" min-prob {args.min_prob}, min-share {args.min_share}; see README.md)\n")
        for (c, side, x), (reading, agree, seen) in sorted(
                table.items(), key=lambda kv: (kv[0][0].encode(), side_order[kv[0][1]], kv[0][2].encode())):
            f.write(f"{c}\t{x}\t{side}\t{reading}\t{agree}\t{seen}\n")
    print(f"{len(table)} rules written to {os.path.relpath(OUT, ROOT)} "
          f"({len(rows)} model readings harvested)")


if __name__ == "__main__":
    main()

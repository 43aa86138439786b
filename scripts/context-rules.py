#!/usr/bin/env python3
"""Regenerate data/readings/context-rules.tsv: neighbour rules distilled from the polyphone model.

Usage:  python3 scripts/context-rules.py [--corpus FILE] [--min-prob P] [--min-share S]
                                        [--common-freq F] [--holdout N] [--grid --dump FILE]

The fast reading mode reads a polyphone outside every word with a phrase reading by its default
reading (first reading of data/readings/char-order.tsv). This script asks the polyphone model
(src/model.rs, g2pM) how it reads such polyphones in two unlabelled sources, and keeps the
(character, neighbouring character) pairs where it is consistently confident about a reading other
than the default:

  1. every word of data/lexicon/words.tsv (two characters or more) that has no phrase reading,
     each framed as a clause "，word。" (jieba's words: names, places, terms that the phrase data
     lacks — 蒙古, 尼泊尔, 高句丽);
  2. a running-text corpus, by default Debian's Chinese man pages (target/corpus/manpages-zh.txt,
     made by scripts/corpus.sh when missing), where the model mostly confirms the defaults and so
     vetoes rules that would misfire on ordinary text. Its first --holdout lines with a Han character
     (default 2,000) are left out, so that the change on them can be checked by hand as held-out
     running text.

The rows come from `cargo run --release --example reading_contexts` (the same segmentation and
phrase coverage as the fast mode; the model reads +-MODEL_CONTEXT characters). For a key
(char, neighbour, side) with Han neighbour: `seen` = its occurrences, `agree` = those the model reads
as the rule's reading with probability >= --min-prob. A rule is written when the most agreed
reading differs from the default and agree/seen >= --min-share, and, for a character frequent in
running text (jieba frequency of the one-character word >= --common-freq, default 3,000: 得 没 长 重
干 少 汗 乐 …), when the agreeing readings include a proper noun of the lexicon (jieba tags nr ns nt
nz nrt nrfg: 蒙古, 可汗) or two readings in the running-text corpus. g2pM learnt from CPP, where every
reading of a polyphone is about equally frequent, so it favours rare readings; in the common words
of ordinary text that is wrong (擦汗 han2, 没学 mo4, 重挫 chong2, 干妈 gan4), while in names and
places, which the phrase data lacks, it is mostly right.

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
    """Writes the words of words.tsv with two characters or more and no phrase reading, one per
    line, each framed as a clause (，word。): read alone, a word is unusual input for the model,
    which then errs more (燃尽 jin3, 擦干 gan4 alone; jin4, gan1 framed). Returns the line numbers
    of the proper nouns (PROPER_TAGS)."""
    proper = set()
    with open(os.path.join(ROOT, "data/lexicon/words.tsv"), encoding="utf-8") as f, \
            open(path, "w", encoding="utf-8", newline="\n") as out:
        n = 0
        for line in f:
            if line.startswith("# "):
                continue
            word, _freq, pos, pinyin = line.rstrip("\n").split("\t")
            if len(word) >= 2 and not pinyin:
                out.write(f"，{word}。\n")
                if pos in PROPER_TAGS:
                    proper.add(n)
                n += 1
    return proper


def held_out(path, out_path, n):
    """Copies the text file `path` without its first `n` lines that contain a Han character."""
    with open(path, encoding="utf-8") as f, open(out_path, "w", encoding="utf-8", newline="\n") as out:
        for line in f:
            if n > 0 and any(is_han(c) for c in line):
                n -= 1
                continue
            out.write(line)


def tally(sources, min_prob, proper):
    """(char, side, neighbour) -> Counter of (source, model reading), the reading None below
    min_prob; and the default reading per char. `sources`: {name: rows}; the rows of "lexicon"
    whose word (line) is in `proper` count as source "proper"."""
    stats = collections.defaultdict(collections.Counter)
    defaults = {}
    for name, rows in sources.items():
        for n, _i, c, left, right, default, model, prob in rows:
            source = "proper" if name == "lexicon" and n in proper else name
            defaults[c] = default
            for side, x in (("before", left), ("after", right)):
                if is_han(x):
                    stats[(c, side, x)][(source, model if prob >= min_prob else None)] += 1
    return stats, defaults


def common_chars(min_freq):
    """Characters whose one-character word has a jieba frequency >= min_freq in words.tsv."""
    common = set()
    with open(os.path.join(ROOT, "data/lexicon/words.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("# "):
                continue
            word, freq, _pos, _pinyin = line.split("\t", 3)
            if len(word) == 1 and int(freq) >= min_freq:
                common.add(word)
    return common


PROPER_TAGS = {"nr", "ns", "nt", "nz", "nrt", "nrfg"}


def rules(stats, defaults, min_share, common):
    out = {}
    for key, counts in stats.items():
        seen = sum(counts.values())
        agreeing = collections.Counter()
        for (_source, reading), n in counts.items():
            if reading is not None:
                agreeing[reading] += n
        if not agreeing:
            continue
        agree, reading = max((n, r) for r, n in agreeing.items())
        if reading == defaults[key[0]] or agree / seen < min_share:
            continue
        if key[0] in common and counts[("proper", reading)] < 1 and counts[("corpus", reading)] < 2:
            continue
        out[key] = (reading, agree, seen)
    return out


def apply(table, c, left, right):
    """The rule reading for c between left and right, if any (disagreeing rules: none)."""
    a = table.get((c, "before", left))
    b = table.get((c, "after", right))
    if a and b and a[0] != b[0]:
        return None
    return (a or b or (None,))[0]


def grid(sources, dump, common, proper):
    with open(CPP + "/dev.sent", encoding="utf-8") as f:
        marks = [s.index("\u2581") for s in f.read().split("\n") if s]
    with open(CPP + "/dev.lb", encoding="utf-8") as f:
        gold = [g.strip().lower().replace("u:", "v") for g in f if g.strip()]
    with open(dump, encoding="utf-8") as f:
        base = [line.rstrip("\n").split("\t")[2] for line in f]
    dev = contexts(os.path.join(CPP, "dev.sent"))
    targets = {r[0]: r for r in dev if r[1] == marks[r[0]]}
    for min_prob in (0.9, 0.99, 0.995, 0.999):
        stats, defaults = tally(sources, min_prob, proper)
        for min_share in (0.9,):
            table = rules(stats, defaults, min_share, common)
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
    ap.add_argument("--holdout", type=int, default=2000)
    ap.add_argument("--common-freq", type=int, default=3000)
    ap.add_argument("--grid", action="store_true")
    ap.add_argument("--dump", help="cpp_eval --fast --dump of dev without the rules (for --grid)")
    args = ap.parse_args()
    if not os.path.exists(args.corpus):
        subprocess.check_call(["bash", os.path.join(ROOT, "scripts/corpus.sh"), args.corpus])
    with tempfile.TemporaryDirectory(prefix="context-rules.") as tmp:
        words = os.path.join(tmp, "words.txt")
        proper = lexicon_words(words)
        corpus = os.path.join(tmp, "corpus.txt")
        held_out(args.corpus, corpus, args.holdout)
        sources = {"lexicon": contexts(words), "corpus": contexts(corpus)}
    common = common_chars(args.common_freq)
    if args.grid:
        grid(sources, args.dump, common, proper)
        return
    stats, defaults = tally(sources, args.min_prob, proper)
    table = rules(stats, defaults, args.min_share, common)
    side_order = {"before": 0, "after": 1}
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# char<TAB>neighbour<TAB>side<TAB>reading<TAB>agree<TAB>seen  (scripts/context-rules.py,"
                f" min-prob {args.min_prob}, min-share {args.min_share}, common-freq {args.common_freq};"
                f" see README.md)\n")
        for (c, side, x), (reading, agree, seen) in sorted(
                table.items(), key=lambda kv: (kv[0][0].encode(), side_order[kv[0][1]], kv[0][2].encode())):
            f.write(f"{c}\t{x}\t{side}\t{reading}\t{agree}\t{seen}\n")
    print(f"{len(table)} rules written to {os.path.relpath(OUT, ROOT)} "
          f"({sum(len(r) for r in sources.values())} model readings harvested)")


if __name__ == "__main__":
    main()

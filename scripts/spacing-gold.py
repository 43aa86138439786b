#!/usr/bin/env python3
"""Word spacing (分词连写) measured on an open, hand-spaced gold set.

    scripts/spacing-gold.py sample [--n-train 300] [--n-dev 100] > candidates.tsv
    scripts/spacing-gold.py score  [--gold FILE] [--tongyong PATH] [--no-jieba] [--misses N]

`sample` draws the sentences of the gold set from the g2pL polyphone data
(/work/shared/data/polyphone-g2pl, or $G2PL_DIR; Apache-2.0, whzikaros/g2pL, see
tests/data/README.md). The draw is fixed: seed SEED below, Python's `random.Random`. Each split
is grouped by its target character (the data are 114 blocks of one polyphone each, drawn from
many web sources: cooking, cosmetics, sport, forums, news), the blocks are visited round-robin in
a shuffled order, and from each block the next sentence of a shuffled order is taken, so the
sample spreads over all blocks. Sentences are kept only if, after the U+2581 marks are removed,
they have 8 to 45 characters (84% of the data; the limit keeps hand-spacing 400 sentences
feasible), contain no Latin letters or digits in runs longer than 6 (URLs, codes), and were not
drawn before. It prints `id<TAB>source<TAB>sentence<TAB>` lines, `source` = g2pl-train:LINE or
g2pl-dev:LINE (1-based line number in the .sent file).

`score` compares braille words, not characters' cells. The unit is the gap between two adjacent
characters of the sentence that are both word characters (Han, Latin letters, digits): a gap with
a punctuation mark or a space in the original sentence is left out, because every writer puts a
word boundary there and R23/R24 (where the blank goes around a mark) is not word spacing. So
punctuation-only differences (a blank before or after a mark, 。 or ， attached or not) never count.
A gap is "blank" (a braille word boundary) or "join". Precision = right blanks / blanks written,
recall = right blanks / gold blanks, F1 their harmonic mean; "all right" = sentences whose every
gap is right. Digits and Latin letters are scored as tongyong's words have them: a digit run
glued to a date unit (2018年) is one word (R16), any other digit run or Latin run is a word of
its own (R16, R22), so its gaps to Han characters are blanks.

Systems: tongyong (the CLI's `pinyin --json` words: the same words `braille` writes) and a
baseline of plain jieba 0.42.1 words (`jieba.lcut`, default dictionary, HMM on), installed by
this script into a venv under target/spacing-gold-venv. jieba is a peer to compare with only,
never a dependency of the crate. The misses (gold blanks tongyong joins, and blanks it writes
that gold joins) are listed grouped by the rule id the gold notes give for that gap, `-` where
the gap needs no note (plain R1 word boundaries).
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261207
G2PL = Path(os.environ.get("G2PL_DIR", "/work/shared/data/polyphone-g2pl"))
GOLD = ROOT / "tests" / "data" / "spacing-gold.tsv"
VENV = ROOT / "target" / "spacing-gold-venv"
MARK = "\u2581"
ERRORS = []


def clean(line):
    return line.replace(MARK, "").strip()


def cmd_sample(args):
    rng = random.Random(SEED)
    seen = set()
    out = []
    for split, n in (("train", args.n_train), ("dev", args.n_dev)):
        lines = (G2PL / f"{split}.sent").read_text(encoding="utf-8").split("\n")
        blocks = defaultdict(list)
        for no, line in enumerate(lines, 1):
            m = re.search(MARK + "(.)" + MARK, line)
            if m:
                blocks[m.group(1)].append(no)
        keys = sorted(blocks)
        rng.shuffle(keys)
        for k in keys:
            rng.shuffle(blocks[k])
        taken = 0
        while taken < n and any(blocks[k] for k in keys):
            for k in keys:
                if taken >= n:
                    break
                while blocks[k]:
                    no = blocks[k].pop()
                    s = clean(lines[no - 1])
                    if not 8 <= len(s) <= 45 or s in seen:
                        continue
                    if re.search(r"[A-Za-z0-9]{7,}", s):
                        continue
                    seen.add(s)
                    out.append((f"g2pl-{split}:{no}", s))
                    taken += 1
                    break
    for i, (src, s) in enumerate(out, 1):
        print(f"s{i:03d}\t{src}\t{s}\t")


# ---------------------------------------------------------------------------------------------
# Scoring


def is_word_char(c):
    if c.isspace():
        return False
    cat = unicodedata.category(c)
    return cat[0] in "LN"


def parse_gold(path):
    """Rows of the gold file: (id, source, text, gaps, notes). `text` is the sentence without the
    spacing blanks; `gaps` maps a gap index i (between text[i] and text[i+1]) to True (blank) or
    False (join), for the scored gaps only; `notes` maps a gap index to its rule ids."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 4:
            sys.exit(f"{path}:{n}: expected 4 columns, got {len(cols)}")
        ident, source, spaced, notes = cols
        text = []
        blank_before = []
        pending = False
        for c in spaced:
            if c == " ":
                pending = True
                continue
            text.append(c)
            blank_before.append(pending)
            pending = False
        text = "".join(text)
        gaps = {}
        for i in range(len(text) - 1):
            if is_word_char(text[i]) and is_word_char(text[i + 1]):
                gaps[i] = blank_before[i + 1]
        rows.append((ident, source, text, gaps, parse_notes(notes, text, gaps, path, n)))
    if ERRORS:
        sys.exit("\n".join(ERRORS))
    return rows


def parse_notes(notes, text, gaps, path, n):
    """Notes are `;`-separated items `A|B RULE ...` or `AB RULE ...`: the two sides of a gap
    written with `|` (a blank) or `+` (a join) between them, then rule ids and labels. The gap is
    found by the characters around the marker (the first occurrence in the sentence); a note
    that contradicts the spaced sentence stops the script."""
    out = defaultdict(list)
    for item in notes.split(";"):
        item = item.strip()
        if not item:
            continue
        head, _, rest = item.partition(" ")
        rules = re.findall(r"R\d+[a-d]?", rest) or ["-"]
        m = re.fullmatch(r"(\S*?)([|+])(\S+)", head)
        if not m:
            continue  # a free note on the sentence
        left, mark, right = m.groups()
        pos = text.find(left + right)
        if pos < 0:
            sys.exit(f"{path}:{n}: note {head!r}: {left + right!r} not in the sentence")
        gap = pos + len(left) - 1
        if gap in gaps and gaps[gap] != (mark == "|"):
            ERRORS.append(f"{path}:{n}: note {head!r} disagrees with the spaced sentence")
        out[gap].extend(rules)
    return out


def tongyong_words(binary, texts):
    """Per sentence, the set of gap indices tongyong puts a word boundary at."""
    proc = subprocess.run(
        [str(binary), "pinyin", "--json"],
        input="\n".join(texts) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    lines = proc.stdout.strip("\n").split("\n")
    assert len(lines) == len(texts), (len(lines), len(texts))
    out = []
    for line in lines:
        obj = json.loads(line)
        out.append({w["start"] - 1 for w in obj["words"] if w["start"] > 0})
    return out


def ensure_jieba():
    py = VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    probe = subprocess.run([str(py), "-c", "import jieba"], capture_output=True)
    if probe.returncode != 0:
        subprocess.run(
            [str(py), "-m", "pip", "install", "-q", "jieba==0.42.1"], check=True
        )
    return py


def jieba_words(texts):
    py = ensure_jieba()
    code = (
        "import sys, json, jieba, logging\n"
        "jieba.setLogLevel(logging.WARNING)\n"
        "for line in sys.stdin.read().split('\\n')[:-1]:\n"
        "    b, i = [], 0\n"
        "    for w in jieba.lcut(line):\n"
        "        if i: b.append(i - 1)\n"
        "        i += len(w)\n"
        "    print(json.dumps(b))\n"
    )
    proc = subprocess.run(
        [str(py), "-c", code],
        input="\n".join(texts) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    return [set(json.loads(l)) for l in proc.stdout.strip("\n").split("\n")]


def score(rows, boundaries):
    tp = fp = fn = 0
    right = 0
    misses = []
    for (ident, _, text, gaps, notes), b in zip(rows, boundaries):
        ok = True
        for i, gold in gaps.items():
            sys_blank = i in b
            if gold and sys_blank:
                tp += 1
            elif sys_blank:
                fp += 1
            elif gold:
                fn += 1
            if gold != sys_blank:
                ok = False
                kind = "joined" if gold else "split"
                for r in notes.get(i) or ["-"]:
                    misses.append((r, kind, ident, text, i))
        right += ok
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return dict(p=p, r=r, f=f, right=right, n=len(rows), tp=tp, fp=fp, fn=fn, misses=misses)


def show(text, i):
    return f"{text[max(0, i - 5):i + 1]}|{text[i + 1:i + 7]}"


def rule_key(r):
    m = re.match(r"R(\d+)", r)
    return (int(m.group(1)) if m else 999, r)


def cmd_score(args):
    rows = parse_gold(Path(args.gold))
    texts = [r[2] for r in rows]
    systems = [("tongyong", tongyong_words(args.tongyong, texts))]
    if not args.no_jieba:
        systems.append(("jieba 0.42.1", jieba_words(texts)))
    gaps = sum(len(r[3]) for r in rows)
    blanks = sum(sum(r[3].values()) for r in rows)
    sampled = sum(1 for r in rows if r[1].startswith("g2pl"))
    print(
        f"{args.gold}: {len(rows)} sentences ({sampled} g2pL, {len(rows) - sampled} constructed),"
        f" {gaps} scored gaps, {blanks} gold blanks\n"
    )
    print("| system | precision | recall | F1 | sentences all right |")
    print("|---|---:|---:|---:|---:|")
    results = {}
    for name, b in systems:
        s = score(rows, b)
        results[name] = s
        print(
            f"| {name} | {100 * s['p']:.2f}% | {100 * s['r']:.2f}% | {100 * s['f']:.2f}% |"
            f" {s['right']}/{s['n']} ({100 * s['right'] / s['n']:.1f}%) |"
        )
    misses = results["tongyong"]["misses"]
    by_rule = defaultdict(list)
    for m in misses:
        by_rule[m[0]].append(m)
    print(f"\ntongyong's misses by rule ({len(misses)} gap-rule pairs; joined = gold blank"
          " tongyong joins, split = gold join tongyong splits):")
    for r in sorted(by_rule, key=lambda r: (-len(by_rule[r]), rule_key(r))):
        ms = by_rule[r]
        kinds = Counter(m[1] for m in ms)
        print(f"\n{r}: {len(ms)} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")
        for _, kind, ident, text, i in ms[: args.misses]:
            print(f"  {ident} {kind:6} {show(text, i)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--n-train", type=int, default=300)
    s.add_argument("--n-dev", type=int, default=100)
    s.set_defaults(func=cmd_sample)
    c = sub.add_parser("score")
    c.add_argument("--gold", default=str(GOLD))
    c.add_argument("--tongyong", default=str(ROOT / "target" / "release" / "tongyong"))
    c.add_argument("--no-jieba", action="store_true")
    c.add_argument("--misses", type=int, default=8)
    c.set_defaults(func=cmd_score)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()

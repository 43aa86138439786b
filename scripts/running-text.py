#!/usr/bin/env python3
"""Readings on running text: a hand-checked gold set drawn from Debian's Chinese man pages.

    scripts/running-text.py sample  [--corpus FILE] > candidates.tsv
    scripts/running-text.py score   [--corpus FILE] [--gold FILE] [--readers ...]
                                    [--tongyong PATH] [--errors N]

CPP (the polyphone benchmark) is balanced per character and drawn from Wikipedia; the text our
users translate is manuals, textbooks and news. This set scores every polyphonic character of a
fixed sample of real running text instead.

Sample: the corpus built by `scripts/corpus.sh` (manpages-zh, rendered deterministically); every
100th line (counting from the first) among the lines with at least 8 Han characters. Scored: every
Han character of those lines that pypinyin 0.55.0's character dictionary lists with more than one
reading, except 一 and 不 (the braille writes their citation tones by rule, so their readings are
not a matter of context). The sample was drawn when the corpus was every page under
/usr/share/man/zh_CN (746 pages, login's, passwd's and man-db's among them); the corpus is now the
703 pages of manpages-zh itself, the gold lines were renumbered by their hash, and the 29 items of
the 4 lines from the other packages' pages dropped. `sample` on today's corpus draws other lines.

The gold file (tests/data/running-text-gold.tsv) holds no text of the pages, only positions and
readings: `line<TAB>sha1<TAB>index<TAB>char<TAB>gold<TAB>how`, where `line` is the 1-based line in
the corpus, `sha1` the first 12 hex digits of that line's SHA-1 (so a changed corpus is detected),
`index` the character index in the line, `how` = `agree` (tongyong, pypinyin and g2pM gave this
reading and a reader checked it) or `hand` (decided by hand from the sentence, with 现代汉语词典
conventions: 这个 zhè·ge, 舒服 shū·fu, 密钥 mìyào, 空格 kònggé, 空行 kòngháng, 一行 yì háng).

How it was checked: 137 items where the three readers disagreed were decided one by one. Of the
items where they agreed, all 779 of the ~80 characters whose second reading is common in prose
(行 长 还 为 得 地 空 中 重 …) were read in context, and 60 of the rest drawn at random. Agreement
was no proof: 25 agreed items were wrong for all three readers and were corrected (行 háng for
lines: 新行, 空行, 命令行, 当前行, which all read xíng; 物理地/动态地 de; 空行/空开 kòng; 还得 děi;
为主机 wèi), and a 26th later, when a grammar rule disagreed with it (程式教你怎么做: 教 jiāo,
"teach", as 现代汉语词典's 我教你写字). Left out: two lines of mojibake, one line with a typo, and items whose reading the
sentence does not settle (包括为…, 看看 kàn·kan or kànkàn, a particle 哦).
Because the `agree` items are right for all three readers by construction, the figures to compare
readers by are the disputed (`hand`) items; the overall figure is what a user sees.

`sample` prints the candidates with every reader's output for annotation; `score` prints each
reader's accuracy on the gold set, all readers in one run.
"""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

import sibling  # scripts/sibling.py

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(ROOT, "target/corpus/manpages-zh.txt")
DEFAULT_GOLD = os.path.join(ROOT, "tests/data/running-text-gold.tsv")
EVERY = 100
MIN_HAN = 8
SKIP = {"一", "不"}


def peers():
    return sibling.load("cpp-peers.py")


def sample_lines(corpus):
    """(line number, text) of the sampled lines."""
    with open(corpus, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out = []
    seen = 0
    for n, line in enumerate(lines, 1):
        if sum(1 for c in line if P.is_han(c)) < MIN_HAN:
            continue
        if seen % EVERY == 0:
            out.append((n, line))
        seen += 1
    return out


def sha(line):
    return hashlib.sha1(line.encode("utf-8")).hexdigest()[:12]


def polyphonic():
    from pypinyin.pinyin_dict import pinyin_dict
    return {chr(cp) for cp, r in pinyin_dict.items() if "," in r}


def read_all(lines, readers, exe, want_fast=True):
    """reader name -> list (per line) of per-character readings (or None)."""
    items = [(text, 0, "", "") for _, text in lines]
    out = {}
    if "tongyong" in readers:
        out["tongyong"] = per_char_tongyong(items, exe, [])
        if want_fast:
            out["tongyong --fast"] = per_char_tongyong(items, exe, ["--fast"])
    if "pypinyin" in readers:
        from pypinyin import Style, pinyin
        out["pypinyin"] = [P.align_runs(t, [i[0] for i in pinyin(t, style=Style.TONE3,
                                                                   neutral_tone_with_five=True)])
                           for t, *_ in items]
    if "g2pm" in readers:
        import warnings
        warnings.filterwarnings("ignore")
        from g2pM import G2pM
        model = G2pM()
        res = []
        for t, *_ in items:
            o = model(t, tone=True, char_split=True)
            res.append(o if len(o) == len(t) else P.align_runs(t, o))
        out["g2pM"] = res
    for name, rows in out.items():
        out[name] = [[P.norm(r) if r else None for r in row] if row else [None] * len(t)
                     for row, (t, *_) in zip(rows, items)]
    return out


def per_char_tongyong(items, exe, extra):
    """Every character's reading from one run of `tongyong pinyin --json` over all lines
    (None outside Han words)."""
    tmp = tempfile.mkdtemp(prefix="running-text.")
    try:
        inp = os.path.join(tmp, "in.txt")
        with open(inp, "w", encoding="utf-8", newline="\n") as f:
            for text, *_ in items:
                f.write(text + "\n")
        r = subprocess.run([exe, "pinyin", "--json"] + extra + [inp], capture_output=True, check=True)
        objs = [json.loads(line) for line in r.stdout.decode("utf-8").split("\n") if line]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if len(objs) != len(items):
        sys.exit(f"tongyong printed {len(objs)} lines for {len(items)}")
    res = []
    for (text, *_), obj in zip(items, objs):
        row = [None] * len(text)
        for w in obj["words"]:
            han = [i for i in range(w["start"], w["end"]) if P.is_han(text[i])]
            py = w.get("pinyin") or []
            if len(py) == len(han):
                for i, p in zip(han, py):
                    row[i] = p
        res.append(row)
    return res


def cmd_sample(args):
    lines = sample_lines(args.corpus)
    poly = polyphonic()
    got = read_all(lines, {"tongyong", "pypinyin", "g2pm"}, args.tongyong)
    names = list(got)
    print("line\tsha1\tindex\tchar\tagree\t" + "\t".join(names) + "\tcontext")
    for k, (n, text) in enumerate(lines):
        for i, c in enumerate(text):
            if c not in poly or c in SKIP:
                continue
            rs = [got[name][k][i] for name in names]
            core = {got["tongyong"][k][i], got["pypinyin"][k][i], got["g2pM"][k][i]}
            agree = "1" if len(core) == 1 and None not in core else "0"
            ctx = text[max(0, i - 8):i] + "[" + c + "]" + text[i + 1:i + 9]
            print(f"{n}\t{sha(text)}\t{i}\t{c}\t{agree}\t" + "\t".join(r or "-" for r in rs) + f"\t{ctx}")


def cmd_score(args):
    with open(args.corpus, encoding="utf-8") as f:
        lines = f.read().split("\n")
    gold = []
    with open(args.gold, encoding="utf-8") as f:
        for row in f:
            if row.startswith("#") or not row.strip():
                continue
            n, h, i, c, g, how = row.rstrip("\n").split("\t")
            n, i = int(n), int(i)
            text = lines[n - 1]
            if sha(text) != h or text[i] != c:
                sys.exit(f"gold line {n}: the corpus differs from the one the gold set was made on")
            gold.append((n, i, c, g, how))
    wanted = sorted({n for n, *_ in gold})
    sel = [(n, lines[n - 1]) for n in wanted]
    row_of = {n: k for k, n in enumerate(wanted)}
    got = read_all(sel, set(args.readers.split(",")), args.tongyong)
    print(f"running text: {len(gold)} polyphonic characters in {len(wanted)} lines of {args.corpus}")
    for name, rows in got.items():
        right = sum(1 for n, i, c, g, _ in gold if rows[row_of[n]][i] == g)
        hard = [(n, i, c, g) for n, i, c, g, how in gold if how == "hand"]
        right_hard = sum(1 for n, i, c, g in hard if rows[row_of[n]][i] == g)
        print(f"  {name:16} {right / len(gold):7.2%}  ({right}/{len(gold)}; "
              f"disputed items {right_hard}/{len(hard)})")
        if args.errors:
            shown = 0
            for n, i, c, g, how in gold:
                p = rows[row_of[n]][i]
                if p != g and shown < args.errors:
                    text = lines[n - 1]
                    print(f"      line {n}: {text[max(0, i - 8):i]}[{c}]{text[i + 1:i + 9]}  "
                          f"gold {g}, got {p}")
                    shown += 1


P = None


def main():
    global P
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=["sample", "score"])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--gold", default=DEFAULT_GOLD)
    ap.add_argument("--readers", default="tongyong,pypinyin,g2pm")
    ap.add_argument("--tongyong", default=os.path.join(ROOT, "target/release/tongyong"))
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()
    P = peers()
    {"sample": cmd_sample, "score": cmd_score}[args.command](args)


if __name__ == "__main__":
    main()

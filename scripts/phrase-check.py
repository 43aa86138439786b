#!/usr/bin/env python3
"""List the lexicon words whose phrase reading disagrees with a second dictionary.

    scripts/phrase-check.py [--min-freq N] [--limit N] [--cache DIR] > disagreements.tsv

The phrase readings of data/lexicon/words.tsv (as corrected by data/readings/phrase-corrections.tsv
and neutral.tsv, which replace a word's reading at build time) are compared with CC-CEDICT's, as
pypinyin-dict 0.9.0 ships them (`pypinyin_dict/phrase_pinyin_data/cc_cedict*.py`). CC-CEDICT is
CC BY-SA: it is a cross-check only, downloaded to a temporary or cache folder, read here and never
written into the repository; a disagreement is settled by a standard dictionary reading
(现代汉语词典), and a correction goes into phrase-corrections.tsv with its reason.

Only real disagreements are listed: a syllable differs where the character is polyphonic
(data/readings/char-order.tsv). Not counted: a neutral against a full tone of the same syllable
(the two dictionaries mark 轻声 differently), 一 and 不 (citation tones by design), erhua 儿, and
words CC-CEDICT lacks. Output, most frequent first: `word<TAB>freq<TAB>ours<TAB>cedict<TAB>chars`
(chars: the characters that differ, with both readings).
"""

import argparse
import ast
import os
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PIN = "pypinyin-dict==0.9.0"
TONES = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}


def numbered(syllable):
    """'zhōng' -> 'zhong1', 'lǘ' -> 'lv2', 'ma' -> 'ma5' (the lexicon's form)."""
    tone = "5"
    out = []
    for c in unicodedata.normalize("NFD", syllable.lower()):
        if c in TONES:
            tone = TONES[c]
        elif c == "\u0308":   # ü
            out.append("v")
        else:
            out.append(c)
    s = "".join(out).replace("uv", "v")
    # The lexicon writes ü as v only after n and l (nv3, lve4; ju qu xu yu keep u).
    if s.startswith(("jv", "qv", "xv", "yv")):
        s = s[0] + "u" + s[2:]
    if s.startswith(("nuv", "luv")):
        s = s[0] + "v" + s[3:]
    return s + tone


def cedict_phrases(cache):
    """word -> [syllables] from the pypinyin-dict wheel (read as data, nothing imported)."""
    folder = cache or tempfile.mkdtemp(prefix="phrase-check.")
    wheels = [f for f in os.listdir(folder) if f.startswith("pypinyin_dict-0.9.0")] \
        if os.path.isdir(folder) else []
    if not wheels:
        os.makedirs(folder, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", folder, PIN],
                       check=True)
        wheels = [f for f in os.listdir(folder) if f.startswith("pypinyin_dict-0.9.0")]
    out = {}
    with zipfile.ZipFile(os.path.join(folder, wheels[0])) as z:
        for name in sorted(z.namelist()):
            base = os.path.basename(name)
            if not (base.startswith("cc_cedict_") and base.endswith(".py")):
                continue
            text = z.read(name).decode("utf-8")
            start = text.index("phrases_dict = ") + len("phrases_dict = ")
            end = text.index("\n}", start) + 2   # the dict literal ends at a closing brace line
            table = ast.literal_eval(text[start:end])
            for word, readings in table.items():
                out[word] = [numbered(r[0]) for r in readings]
    return out


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if not line.startswith("#") and line.strip()]


def lexicon():
    """word -> (freq, [syllables]) for the words with a phrase reading, overrides applied."""
    words = {}
    for row in read_tsv(os.path.join(ROOT, "data/lexicon/words.tsv")):
        word, freq = row[0], int(row[1])
        reading = row[3].split() if len(row) > 3 else []
        words[word] = (freq, reading)
    for name in ("neutral.tsv", "phrase-corrections.tsv"):
        for word, reading in read_tsv(os.path.join(ROOT, "data/readings", name)):
            words[word] = (words.get(word, (3, []))[0], reading.split())
    return {w: v for w, v in words.items() if len(w) > 1 and len(v[1]) == len(w)}


def polyphones():
    return {row[0] for row in read_tsv(os.path.join(ROOT, "data/readings/char-order.tsv"))}


def same(ours, theirs):
    """Whether two syllables agree up to the neutral tone."""
    if ours == theirs:
        return True
    return ours[:-1] == theirs[:-1] and "5" in (ours[-1], theirs[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-freq", type=int, default=0)
    ap.add_argument("--limit", type=int, default=0, help="print at most N rows (0: all)")
    ap.add_argument("--cache", default=None, help="keep the pypinyin-dict wheel in DIR")
    args = ap.parse_args()
    poly = polyphones()
    cedict = cedict_phrases(args.cache)
    rows = []
    compared = 0
    for word, (freq, ours) in lexicon().items():
        theirs = cedict.get(word)
        if freq < args.min_freq or not theirs or len(theirs) != len(word):
            continue
        compared += 1
        diff = [f"{c}:{a}/{b}" for c, a, b in zip(word, ours, theirs)
                if c in poly and c not in "一不儿" and not same(a, b)]
        if diff:
            rows.append((freq, word, " ".join(ours), " ".join(theirs), " ".join(diff)))
    rows.sort(key=lambda r: (-r[0], r[1]))
    print("# word\tfreq\tours\tcedict\tchars")
    for freq, word, ours, theirs, diff in rows[:args.limit or None]:
        print(f"{word}\t{freq}\t{ours}\t{theirs}\t{diff}")
    print(f"phrase-check: {compared} words with a phrase reading in both, {len(rows)} disagree",
          file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Regenerate data/lexicon/words.tsv and data/readings/char-order.tsv.

Usage:  python3 scripts/regen-data.py [--cache DIR] [--cpp DIR] [--root DIR]

Sources (all MIT; exact versions, checked by SHA-256):
  * jieba 0.42.1 (PyPI sdist)            jieba-0.42.1/jieba/dict.txt
  * pypinyin 0.55.0 (PyPI wheel)         pypinyin/phrases_dict.json, pypinyin/pinyin_dict.json
  * pypinyin-dict 0.9.0 (PyPI wheel)     pypinyin_dict/phrase_pinyin_data/di.py (only this file)
  * CPP dev labels (Apache-2.0)          <cpp>/dev.sent, <cpp>/dev.lb  (never test)

The packages are fetched with `pip download --no-deps` into a temporary directory (or --cache)
and read with zipfile/tarfile; nothing is imported or installed. Standard library only.
"""

import argparse
import ast
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
import unicodedata
import zipfile
from collections import defaultdict

PACKAGES = {
    # name: (version, file name, sha256, pip format flag)
    "jieba": ("0.42.1", "jieba-0.42.1.tar.gz",
              "055ca12f62674fafed09427f176506079bc135638a14e23e25be909131928db2", "--no-binary=:all:"),
    "pypinyin": ("0.55.0", "pypinyin-0.55.0-py2.py3-none-any.whl",
                 "d53b1e8ad2cdb815fb2cb604ed3123372f5a28c6f447571244aca36fc62a286f", "--only-binary=:all:"),
    "pypinyin-dict": ("0.9.0", "pypinyin_dict-0.9.0-py2.py3-none-any.whl",
                      "10cfbe40af87d704b867533177be8cd72837da9e224755dd275798e88097067a", "--only-binary=:all:"),
}

JIEBA_DICT = "jieba-0.42.1/jieba/dict.txt"
PYPINYIN_PHRASES = "pypinyin/phrases_dict.json"
PYPINYIN_CHARS = "pypinyin/pinyin_dict.json"
DI_PY = "pypinyin_dict/phrase_pinyin_data/di.py"

# Frequency given to a phrase that has a reading but is not in jieba's dict.txt.
# 3 is the median and the mode of jieba's own frequencies (159,318 of 349,045 words have 3;
# the minimum is 2): such a phrase behaves like an ordinary rare jieba word in a segmenter,
# neither beating common words nor being unreachable.
DEFAULT_FREQ = 3

# char-order.tsv scoring, per character c and candidate reading r:
#   score = DEV_WEIGHT * dev_count(c, r) + PHRASE_WEIGHT * phrase_share(c, r) + FIRST_BONUS * [r is
#           pinyin-data's first reading], ties broken by pinyin-data order.
# phrase_share = sum of jieba freq of phrases reading c as r / sum over all readings of c (0..1).
# Chosen by 5-fold cross-validation on CPP dev (scripts/eval-order.py --tune); see data/readings/README.md.
DEV_WEIGHT = 1.0
PHRASE_WEIGHT = 0.5
FIRST_BONUS = 0.25

# di.txt (地 -> de) entries that are wrong as a whole: 地 there is the noun dì (落地灯 "floor lamp",
# 德州地区 "Dezhou region", 老地方, 在内地 "in the mainland", 随地 "anywhere", ...). They are ignored
# (pypinyin's reading is kept where it has the word); every other di.txt reading wins, after the
# mechanical repairs in build_lexicon (地地, and dì -> de corruption of other characters).
DI_EXCEPTIONS = {
    "落地灯", "德配天地", "德州地区", "危险地方", "没动地方", "等地方", "等地租", "等地部分地区",
    "老地方等", "向地球地", "登上陆地", "不得随地吐痰", "不得随地大小便", "在内地", "祖国内地",
}

TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}

HAN_RANGES = (
    (0x3007, 0x3007),    # 〇
    (0x3400, 0x4DBF),    # Ext A
    (0x4E00, 0x9FFF),    # URO
    (0xF900, 0xFAFF),    # compatibility ideographs
    (0x20000, 0x2A6DF), (0x2A700, 0x2EBEF), (0x2EBF0, 0x2EE5F),
    (0x2F800, 0x2FA1F), (0x30000, 0x323AF),
)


def is_han(ch):
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in HAN_RANGES)


def all_han(word):
    return all(is_han(c) for c in word)


class Stats(defaultdict):
    def __init__(self):
        super().__init__(int)


STATS = Stats()
EXAMPLES = defaultdict(list)


def note(key, example=None, n=1):
    STATS[key] += n
    if example is not None and len(EXAMPLES[key]) < 8:
        EXAMPLES[key].append(example)


def tone3(mark_syllable):
    """'lǜ' -> 'lv4', 'de' -> 'de5', 'ḿ' -> 'm2', 'ê̄' -> 'ê1'. Returns None if unparsable."""
    tone = 5
    out = []
    for ch in unicodedata.normalize("NFD", mark_syllable.strip().lower()):
        if ch in TONE_MARKS:
            tone = TONE_MARKS[ch]
        elif ch == "\u0308":  # diaeresis: ü
            if not out or out[-1] != "u":
                return None
            out[-1] = "v"
        elif ch == "\u0302":  # circumflex: ê
            if not out or out[-1] != "e":
                return None
            out[-1] = "ê"
        elif "a" <= ch <= "z":
            out.append(ch)
        else:
            return None
    body = "".join(out)
    if not body:
        return None
    # ü is written v only where the spelling shows it (after n, l); j/q/x/y + ü is spelt u.
    if "v" in body and body[0] in "jqxy":
        note("v after j/q/x/y respelt u", mark_syllable)
        body = body.replace("v", "u")
    return body + str(tone)


# ---------------------------------------------------------------- fetching

def fetch(cache):
    paths = {}
    for name, (version, fname, sha, fmt) in PACKAGES.items():
        path = os.path.join(cache, fname)
        if not os.path.exists(path):
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-cache-dir", fmt,
                   "-d", cache, f"{name}=={version}"]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
        if digest != sha:
            sys.exit(f"{fname}: sha256 {digest} != pinned {sha}")
        paths[name] = path
    return paths


def read_member(archive, member):
    if archive.endswith(".whl"):
        with zipfile.ZipFile(archive) as z:
            return z.read(member).decode("utf-8")
    with tarfile.open(archive, "r:gz") as t:
        return t.extractfile(member).read().decode("utf-8")


def load_sources(cache=None):
    """Returns (jieba, phrases_pypinyin, phrases_di, chars) with raw tone-mark readings."""
    if cache:
        os.makedirs(cache, exist_ok=True)
        paths = fetch(cache)
        return _parse(paths)
    with tempfile.TemporaryDirectory(prefix="tongyong-regen-") as tmp:
        return _parse(fetch(tmp))


def _parse(paths):
    jieba = {}
    for line in read_member(paths["jieba"], JIEBA_DICT).splitlines():
        parts = line.split()
        if not parts:
            continue
        word, freq = parts[0], int(parts[1])
        pos = parts[2] if len(parts) > 2 else ""
        if word in jieba:
            note("jieba duplicate lines (first kept)", word)
            continue
        jieba[word] = (freq, pos)
    phrases = json.loads(read_member(paths["pypinyin"], PYPINYIN_PHRASES))
    chars = {chr(int(k)): v.split(",") for k, v in
             json.loads(read_member(paths["pypinyin"], PYPINYIN_CHARS)).items()}
    # di.py is a generated module `phrases_dict = {...}` followed by a loader; take the literal only.
    src = read_member(paths["pypinyin-dict"], DI_PY)
    start = src.index("phrases_dict = {") + len("phrases_dict = ")
    end = src.index("\n}\n", start) + 2
    di = ast.literal_eval(src[start:end])
    return jieba, phrases, di, chars


# ---------------------------------------------------------------- transforms

def char_table(chars_raw):
    """char -> list of distinct tone-number readings, pinyin-data order."""
    table = {}
    for c, readings in chars_raw.items():
        out = []
        for r in readings:
            t = tone3(r)
            if t is None:
                note("pinyin-data: unparsable reading", f"{c} {r}")
            elif t not in out:
                out.append(t)
        if out:
            table[c] = out
    return table


def normalise_phrase(word, reading):
    """reading: list of per-char lists of tone-mark syllables. Returns list of tone3 or None."""
    if len(reading) != len(word):
        note("phrase dropped: syllable count != char count", word)
        return None
    out = []
    for c, alts in zip(word, reading):
        if len(alts) != 1:
            note("phrase char with several readings (first kept)", f"{word}:{c}={'/'.join(alts)}")
        t = tone3(alts[0])
        if t is None:
            note("phrase dropped: unparsable syllable", f"{word} {alts[0]}")
            return None
        if c == "一" and t[:-1] == "yi" and t != "yi1":
            note("一 sandhi tone -> yi1", f"{word} {t}")
            t = "yi1"
        if c == "不" and t[:-1] == "bu" and t != "bu4":
            note("不 sandhi tone -> bu4", f"{word} {t}")
            t = "bu4"
        out.append(t)
    return out


def build_lexicon(jieba, phrases, di, table):
    inventory = {r[:-1] for rs in table.values() for r in rs}
    merged = {}
    for source, d in (("pypinyin", phrases), ("di", di)):
        for word, reading in d.items():
            if not all_han(word):
                note(f"{source}: phrase with non-Han chars skipped", word)
                continue
            r = normalise_phrase(word, reading)
            if r is None:
                continue
            if source == "di":
                # di.txt was made by replacing "dì" with "de" in whole readings, so other characters
                # read dì/dìng came out as de/deng without tone (定 deng5, 第 de5, 帝 de5, 递 de5).
                # Restore the pinyin-data reading "di…4" when the corrupted one is not a reading of the char.
                for n, c in enumerate(word):
                    t = r[n]
                    if c != "地" and t.startswith("de") and t.endswith("5") and t not in table.get(c, ()):
                        fixed = "di" + t[2:-1] + "4"
                        if fixed in table.get(c, ()):
                            note("di.txt corrupted dì restored", f"{word} {c}={t}->{fixed}")
                            r[n] = fixed
                # "X地地" (欢天喜地地, 外地地): di.txt reads both 地 as de; the first is the noun dì.
                for n in range(len(word) - 1):
                    if word[n] == "地" == word[n + 1] and r[n] == "de5":
                        note("di.txt 地地: first 地 de5 -> di4", word)
                        r[n] = "di4"
            if source == "di" and word in DI_EXCEPTIONS:
                note("di.txt entry ignored (DI_EXCEPTIONS)", f"{word} {' '.join(r)}")
                continue
            if source == "di" and word in merged and merged[word] != r:
                note("di.txt overrides pypinyin reading", f"{word} {' '.join(merged[word])} -> {' '.join(r)}")
            merged[word] = r
    for word, r in merged.items():
        for c, t in zip(word, r):
            if t[:-1] not in inventory:
                note("phrase syllable not in pinyin-data's syllable inventory", f"{word} {c}={t}")
            elif t not in table.get(c, ()):
                note("phrase reading not among the char's pinyin-data readings", f"{word} {c}={t}")
    words = {}
    for word, (freq, pos) in jieba.items():
        if not all_han(word):
            note("jieba word with non-Han chars skipped", word)
            continue
        words[word] = [freq, pos, ""]
    for word, r in merged.items():
        if word not in words:
            note("phrase not in jieba (freq = DEFAULT_FREQ)", word)
            words[word] = [DEFAULT_FREQ, "", ""]
        words[word][2] = " ".join(r)
    return words


def phrase_counts(words):
    """(char, reading) -> summed jieba freq over multi-char words with a reading."""
    counts = defaultdict(lambda: defaultdict(float))
    for word, (freq, _pos, pinyin) in words.items():
        if not pinyin or len(word) < 2:
            continue
        for c, r in zip(word, pinyin.split(" ")):
            counts[c][r] += freq
    return counts


def gold_to_tone3(label):
    label = label.strip().lower().replace("u:", "v")
    if not label or label[-1] not in "12345":
        label += "5"
    return label


def read_cpp(cpp_dir, split):
    """List of (sentence without markers, index of marked char, gold tone3)."""
    sents = open(os.path.join(cpp_dir, f"{split}.sent"), encoding="utf-8").read().splitlines()
    labels = open(os.path.join(cpp_dir, f"{split}.lb"), encoding="utf-8").read().splitlines()
    assert len(sents) == len(labels), split
    items = []
    for s, lb in zip(sents, labels):
        i = s.index("\u2581")
        text = s.replace("\u2581", "")
        items.append((text, i, gold_to_tone3(lb)))
    return items


def dev_counts_from(items):
    counts = defaultdict(lambda: defaultdict(int))
    for text, i, gold in items:
        counts[text[i]][gold] += 1
    return counts


def order_chars(table, pcounts, dcounts, dev_w=DEV_WEIGHT, phrase_w=PHRASE_WEIGHT, first_bonus=FIRST_BONUS):
    """char -> readings, most frequent first. Polyphones of pinyin-data, plus chars for which the
    dev labels show a reading outside pinyin-data. Readings not in pinyin-data go last."""
    order = {}
    chars = {c for c, rs in table.items() if len(rs) > 1}
    chars |= {c for c, d in dcounts.items() if any(r not in table.get(c, ()) for r in d)}
    for c in chars:
        base = list(table.get(c, ()))
        pc = pcounts.get(c, {})
        total = sum(pc.get(r, 0) for r in base)
        dc = dcounts.get(c, {})

        def score(r, k):
            s = dev_w * dc.get(r, 0)
            if total:
                s += phrase_w * pc.get(r, 0) / total
            if k == 0:
                s += first_bonus
            return s

        ranked = sorted(range(len(base)), key=lambda k: (-score(base[k], k), k))
        readings = [base[k] for k in ranked]
        extra = [r for r in dc if r not in base]
        extra.sort(key=lambda r: (-dc[r], r))
        readings += extra
        order[c] = readings
    return order


# ---------------------------------------------------------------- output

def sort_key(row):
    return row[0].encode("utf-8")


def write_tsv(path, header, rows):
    rows = sorted(rows, key=sort_key)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write(f"# {h}\n")
        for row in rows:
            f.write("\t".join(str(x) for x in row) + "\n")
    return len(rows)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", default=os.path.dirname(here), help="repository root (default: ..)")
    ap.add_argument("--cache", help="keep downloads here instead of a temporary directory")
    ap.add_argument("--cpp", default="/work/shared/data/polyphone-cpp", help="CPP benchmark dir (dev only)")
    args = ap.parse_args()
    t0 = time.time()

    jieba, phrases, di, chars_raw = load_sources(args.cache)
    t1 = time.time()
    table = char_table(chars_raw)
    words = build_lexicon(jieba, phrases, di, table)
    pcounts = phrase_counts(words)
    dev = read_cpp(args.cpp, "dev")
    dcounts = dev_counts_from(dev)
    order = order_chars(table, pcounts, dcounts)

    lex_dir = os.path.join(args.root, "data", "lexicon")
    rd_dir = os.path.join(args.root, "data", "readings")
    os.makedirs(lex_dir, exist_ok=True)
    os.makedirs(rd_dir, exist_ok=True)
    n_words = write_tsv(
        os.path.join(lex_dir, "words.tsv"),
        ["word\tfreq\tpos\tpinyin  (generated by scripts/regen-data.py; see README.md)"],
        ([w, f, p, py] for w, (f, p, py) in words.items()))
    n_order = write_tsv(
        os.path.join(rd_dir, "char-order.tsv"),
        ["char\treadings, most frequent first  (generated by scripts/regen-data.py; see README.md)"],
        ([c, " ".join(rs)] for c, rs in order.items()))

    changed = sum(1 for c, rs in order.items() if rs != table.get(c, []))
    first_changed = sum(1 for c, rs in order.items() if table.get(c) and rs[0] != table[c][0])
    print(f"downloads+parsing {t1 - t0:.1f}s, total {time.time() - t0:.1f}s", file=sys.stderr)
    print(f"words.tsv: {n_words} rows, {sum(1 for v in words.values() if v[2])} with a reading", file=sys.stderr)
    print(f"char-order.tsv: {n_order} rows, order changed for {changed}, first reading changed for "
          f"{first_changed}", file=sys.stderr)
    for k in sorted(STATS):
        ex = "; ".join(EXAMPLES[k][:5])
        print(f"  {k}: {STATS[k]}" + (f"   e.g. {ex}" if ex else ""), file=sys.stderr)


if __name__ == "__main__":
    main()

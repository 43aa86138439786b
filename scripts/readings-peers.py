#!/usr/bin/env python3
"""Score polyphone readers on every reading set in one run: CPP test, g2pL dev, running text.

    scripts/readings-peers.py [--sets cpp-test,g2pl-dev,running-text]
                              [--readers tongyong,tongyong-fast,pypinyin,g2pm]
                              [--tongyong PATH] [--shared DIR] [--corpus FILE] [--errors N]
                              [--no-install]

A reading-policy or model change is judged on all three sets at once, never on one: a gain on
one set that costs another is not a gain. The sets:

* cpp-test: the CPP benchmark's test split (Park & Lee, Interspeech 2020; Wikipedia sentences,
  balanced per character). Reported, never tuned on.
* g2pl-dev: the g2pL dev split (web and news prose; tune and report on it, train on its train
  split; its test split is kept elsewhere).
* running-text: the hand-checked gold readings of every polyphone in 351 lines of Debian's Chinese
  man pages (tests/data/running-text-gold.tsv; needs the corpus of scripts/corpus.sh).

On CPP and g2pL only the character wrapped in U+2581 is scored (gold `u:` -> `v`, neutral = 5).
Readers: tongyong in the default mode and with --fast (`tongyong pinyin --json`, one process
per set, start-up included in the time), pypinyin 0.55.0 and g2pM 0.1.2.5 (pip-installed when
missing, unless --no-install). The per-set details are those of scripts/cpp-peers.py and
scripts/running-text.py, whose readers this script calls.
"""

import argparse
import os
import sys

import sibling  # scripts/sibling.py

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = {
    "cpp-test": ("CPP test", "polyphone-cpp", "test"),
    "g2pl-dev": ("g2pL dev", "polyphone-g2pl", "dev"),
    "running-text": ("running text", None, None),
}
READERS = ["tongyong", "tongyong-fast", "pypinyin", "g2pm"]
NAMES = {"tongyong": "tongyong", "tongyong-fast": "tongyong --fast", "pypinyin": "pypinyin 0.55.0",
         "g2pm": "g2pM 0.1.2.5"}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def score_marked(P, items, readers, exe):
    """reader -> (right, total, misses) on a set of marked-character items."""
    out = {}
    for reader in readers:
        log(f"  {reader} ...")
        if reader == "pypinyin":
            preds = P.run_pypinyin(items)[0]
        elif reader == "g2pm":
            preds = P.run_g2pm(items)[0]
        else:
            preds = P.run_tongyong(items, exe, ["--fast"] if reader == "tongyong-fast" else [])[0]
        misses = [(sent, idx, ch, gold, P.norm(p)) for p, (sent, idx, ch, gold) in zip(preds, items)
                  if P.norm(p) != gold]
        out[reader] = (len(items) - len(misses), len(items), misses)
    return out


def score_running_text(R, corpus, readers, exe):
    """reader -> (right, total, misses) on the running-text gold set."""
    with open(corpus, encoding="utf-8") as f:
        lines = f.read().split("\n")
    gold = []
    with open(R.DEFAULT_GOLD, encoding="utf-8") as f:
        for row in f:
            if row.startswith("#") or not row.strip():
                continue
            n, h, i, c, g, _how = row.rstrip("\n").split("\t")
            n, i = int(n), int(i)
            text = lines[n - 1] if n <= len(lines) else ""
            if R.sha(text) != h or i >= len(text) or text[i] != c:
                sys.exit(f"running text, gold line {n}: the corpus differs from the one the gold "
                         f"set was made on (rebuild it with scripts/corpus.sh)")
            gold.append((n, i, c, g))
    wanted = sorted({n for n, *_ in gold})
    row_of = {n: k for k, n in enumerate(wanted)}
    kinds = {"tongyong" if r.startswith("tongyong") else r for r in readers}
    got = R.read_all([(n, lines[n - 1]) for n in wanted], kinds, exe,
                     want_fast="tongyong-fast" in readers)
    out = {}
    for reader in readers:
        rows = got[{"g2pm": "g2pM", "tongyong-fast": "tongyong --fast"}.get(reader, reader)]
        misses = [(lines[n - 1], i, c, g, rows[row_of[n]][i]) for n, i, c, g in gold
                  if rows[row_of[n]][i] != g]
        out[reader] = (len(gold) - len(misses), len(gold), misses)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 2)[2])
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--readers", default=",".join(READERS))
    ap.add_argument("--tongyong", default=os.path.join(ROOT, "target/release/tongyong"))
    ap.add_argument("--shared", default=os.environ.get("TONGYONG_SHARED",
                                                       os.path.join(ROOT, "../shared")))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "target/corpus/manpages-zh.txt"))
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print up to N misses per reader and set")
    ap.add_argument("--no-install", action="store_true")
    args = ap.parse_args()
    sets = [s for s in args.sets.split(",") if s]
    readers = [r for r in args.readers.split(",") if r]
    for name, known in (("set", SETS), ("reader", READERS)):
        for x in sets if name == "set" else readers:
            if x not in known:
                sys.exit(f"unknown {name} {x!r}; known: {', '.join(known)}")
    exe = os.path.abspath(args.tongyong)
    if any(r.startswith("tongyong") for r in readers) and not os.access(exe, os.X_OK):
        sys.exit(f"{exe} not found: cargo build --release -p tongyong-cli")

    P = sibling.load("cpp-peers.py")
    R = sibling.load("running-text.py")
    R.P = P
    want = set()
    if "pypinyin" in readers or "running-text" in sets:
        want.add("pypinyin")   # running-text.py reads pypinyin's tables
    if "g2pm" in readers:
        want |= {"numpy", "g2pM"}
    # numpy before g2pM: g2pM imports it, and a module counts as installed once it imports.
    have = P.ensure_modules([m for m in ("numpy", "g2pM", "pypinyin") if m in want],
                            not args.no_install)
    missing = {r for r, m in (("pypinyin", {"pypinyin"}), ("g2pm", {"numpy", "g2pM"}))
               if r in readers and not m <= have}
    readers = [r for r in readers if r not in missing]

    results = {}   # set -> reader -> (right, total, misses)
    for s in sets:
        title, folder, split = SETS[s]
        log(f"{title} ...")
        if folder:
            items = P.load_split(os.path.join(args.shared, "data", folder), split)
            results[s] = score_marked(P, items, readers, exe)
        else:
            results[s] = score_running_text(R, args.corpus, readers, exe)

    print("| reader | " + " | ".join(SETS[s][0] for s in sets) + " |")
    print("|---|" + "---:|" * len(sets))
    for r in readers:
        cells = []
        for s in sets:
            right, total, _ = results[s][r]
            cells.append(f"{100 * right / total:.2f}% ({right:,}/{total:,})")
        print(f"| {NAMES[r]} | " + " | ".join(cells) + " |")
    for r in sorted(missing):
        print(f"| {NAMES[r]} | " + " | ".join("not installed" for _ in sets) + " |")
    if args.errors:
        for s in sets:
            for r in readers:
                misses = results[s][r][2]
                print(f"\n### {SETS[s][0]}, {NAMES[r]}: {len(misses)} misses\n")
                for sent, i, c, g, p in misses[:args.errors]:
                    print(f"* {sent[max(0, i - 8):i]}[{c}]{sent[i + 1:i + 9]}: gold {g}, got {p or '—'}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Cross-validate the reading policy (dictionary vs polyphone model) on CPP dev.

Usage:  python3 scripts/policy-cv.py DUMP PROBS [--column 1|2] [--grid]

DUMP is `cargo run --release --example cpp_eval -- --split dev --dump DUMP` (the columns after
the ninth say what the reading stage knows before the model). PROBS is the `--oof` file of
scripts/g2pm-finetune.py: per dev item the model's probability of every candidate reading, out
of fold (column 1: fine-tuned without the item's fold; column 2: the published model).

It replays the policy of main fec8256 and before, when g2pM could override the phrase reading of
any rare word. Since issue 15 only the `model` rows of data/readings/phrase-exceptions.tsv are
open to it, so the TRUSTED threshold studied here no longer exists in the reader.

The script replays src/read/mod.rs `apply_model` on every item: a character settled by a rule or a
sub-word keeps its lexicon reading; one the model may not read keeps it; one outside a dictionary
word takes the model's reading; one inside a word read whole by a phrase reading takes the model's
only when the word's jieba frequency is below TRUSTED, the phrase reading is not neutral, the
model's window has at least CONTEXT Han characters outside the word, and the model's probability
is at least OVERRIDE. (The pipeline widens windows where polyphones are near; the replay uses the
±4 window of each item alone, so its figures can differ from cpp_eval's by an item or two.)

With --grid it scores every combination of OVERRIDE, TRUSTED, CONTEXT and a prior exponent ALPHA
(model probabilities multiplied by (dev count of the reading + 1)^ALPHA, the counts taken from the
training folds only) by 5-fold cross-validation: the parameters are chosen on four folds and
scored on the fifth; it prints the pooled held-out accuracy and each fold's choice.
"""

import argparse
import collections
import itertools
import os
import sys

import numpy as np

import sibling  # scripts/sibling.py



def is_han(c):
    o = ord(c)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3134F
            or 0xF900 <= o <= 0xFAFF or o == 0x3007)


def _finetune_module():
    """scripts/g2pm-finetune.py (numpy at import; JAX only when training)."""
    return sibling.load("g2pm-finetune.py")


# The model's window around a character, as src/read/mod.rs `apply_model`: one definition, in
# g2pm-finetune.py.
window = _finetune_module().window


def norm_reading(r):
    return r.replace("u:", "v")


def load(dump, probs, column):
    items = []
    with open(dump, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f]
    with open(probs, encoding="utf-8") as f:
        prow = [line.rstrip("\n").split("\t") for line in f]
    assert len(rows) == len(prow), (len(rows), len(prow))
    for r, p in zip(rows, prow):
        c, gold, pipeline = r[0], r[1], r[2]
        at, lex, may, fixed, ws, we, freq, whole, listed, norm = r[9:19]
        at = int(at)
        dist = {}
        for kv in p[column].split(" "):
            k, v = kv.rsplit(":", 1)
            dist[norm_reading(k)] = float(v)
        ctx = 0
        if ws:
            ws, we = int(ws), int(we)
            a, b = window(norm, at)
            ctx = sum(is_han(ch) for ch in norm[a:max(ws, a)]) + sum(is_han(ch) for ch in norm[min(we, b):b])
        items.append({
            "char": c, "gold": gold, "pipeline": pipeline, "lex": lex,
            "may": may in ("1", "2") and lex != "-", "fixed": fixed == "1",
            "may_word": may == "1" and lex != "-",
            "listed": listed == "1" and lex != "-", "measure": r[5] == "1",
            "phrase": r[4], "whole": whole == "1",
            "word": bool(ws), "freq": int(freq) if freq else 0, "ctx": ctx, "dist": dist,
        })
    return items


def features(items, alpha, counts, listed, word_listed=None):
    """Per item: may the model read it, its kind (0 open, 1 whole word, 2 sub-word, 3 never),
    the lexicon and the model right or not, the model's probability."""
    n = len(items)
    f = {k: np.zeros(n, dtype) for k, dtype in
         [("kind", np.int8), ("lex_ok", bool), ("m_ok", bool), ("p", float), ("freq", np.int64),
          ("neutral", bool), ("ctx", np.int64)]}
    for k, it in enumerate(items):
        lst = word_listed if (word_listed is not None and it["word"]) else listed
        may = it["may_word"] if (lst is None and it["word"]) else it["may"]
        may = may or (lst is not None and it["listed"])
        if lst is not None and it["char"] in lst:
            may = False
        if not may or it["measure"]:
            kind = 3
        elif not it["word"]:
            kind = 0
        elif it["whole"]:
            kind = 1
        else:
            kind = 2
        dist = it["dist"]
        if alpha:
            cnt = counts.get(it["char"], {})
            dist = {r: p * (cnt.get(r, 0) + 1) ** alpha for r, p in dist.items()}
            z = sum(dist.values())
            dist = {r: p / z for r, p in dist.items()}
        best = max(dist, key=dist.get)
        f["kind"][k] = kind
        f["lex_ok"][k] = it["lex"] == it["gold"]
        f["m_ok"][k] = best == it["gold"]
        f["p"][k] = dist[best]
        f["freq"][k] = it["freq"]
        f["neutral"][k] = it["lex"].endswith("5")
        f["ctx"][k] = it["ctx"] if kind == 1 else 99
    return f


def right(f, idx, override, trusted, context, sub):
    """Which items of idx the policy reads right."""
    kind = f["kind"][idx]
    phrase = (kind == 1) | ((kind == 2) & sub)
    take = (kind == 0) | (phrase & (f["freq"][idx] < trusted) & ~f["neutral"][idx]
                          & (f["ctx"][idx] >= context) & (f["p"][idx] >= override))
    return np.where(take, f["m_ok"][idx], f["lex_ok"][idx])


def settled_list(items, idx, min_items=6, frequent=(set(), 6)):
    """scripts/model-settled.py on the items idx: characters whose default reading was the gold
    of all their (at least min_items, or for the characters of frequent[0] at least frequent[1])
    items outside dictionary words and the measure rule."""
    ok = collections.defaultdict(list)
    for k in idx:
        it = items[k]
        if not it["phrase"] and not it["measure"] and (it["may"] or it["listed"]):
            ok[it["char"]].append(it["gold"] == it["default"])
    return {c for c, v in ok.items()
            if all(v) and len(v) >= (frequent[1] if c in frequent[0] else min_items)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump")
    ap.add_argument("probs")
    ap.add_argument("--column", type=int, default=1)
    ap.add_argument("--grid", action="store_true")
    ap.add_argument("--seed", type=int, default=2020)
    ap.add_argument("--char-order", default=os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data/readings/char-order.tsv"))
    ap.add_argument("--min-items", type=int, default=6,
                    help="with --list rebuild: scripts/model-settled.py --min-items")
    ap.add_argument("--frequent", type=int, default=0,
                    help="with --list rebuild: characters of at least this jieba frequency need "
                         "only --frequent-min-items items")
    ap.add_argument("--frequent-min-items", type=int, default=6)
    ap.add_argument("--word-min-items", type=int, default=0,
                    help="with --list rebuild: inside dictionary words use a list rebuilt with "
                         "this many items instead")
    ap.add_argument("--list", choices=["shipped", "rebuild", "none"], default="shipped",
                    help="model-settled.tsv as shipped, rebuilt from the training folds, or empty")
    args = ap.parse_args()
    items = load(args.dump, args.probs, args.column)
    n = len(items)
    order = {}
    with open(args.char_order, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# "):
                continue
            c, rs = line.rstrip("\n").split("\t")
            order[c] = rs.split(" ")[0]
    for it in items:
        it["default"] = order.get(it["char"], it["lex"])
    frequent = (set(), args.min_items)
    if args.frequent:
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        with open(os.path.join(root, "data/lexicon/words.tsv"), encoding="utf-8") as f:
            chars = {w for w, fr, *_ in (line.split("\t") for line in f if not line.startswith("#"))
                     if len(w) == 1 and int(fr) >= args.frequent}
        frequent = (chars, args.frequent_min_items)
    current = (0.9999, 100, 2, False)
    f0 = features(items, 0.0, {}, None)
    allidx = np.arange(n)
    print(f"{n} items; replay of the current policy {100 * right(f0, allidx, *current).mean():.2f}% "
          f"(model alone {100 * f0['m_ok'].mean():.2f}%)")
    if not args.grid:
        return
    fold = np.random.RandomState(args.seed).permutation(n) % 5
    alphas = [0.0, 0.1, 0.2, 0.3, 0.5]
    grid = list(itertools.product(
        [0.9, 0.99, 0.999, 0.9999, 0.99999, 1.01],
        [100, 1000, 10000, 10 ** 9],
        [0, 1, 2, 3],
        [False, True],
    ))
    total = 0
    total_cur = 0
    for fo in range(5):
        train = np.flatnonzero(fold != fo)
        held = np.flatnonzero(fold == fo)
        counts = collections.defaultdict(collections.Counter)
        for k in train:
            counts[items[k]["char"]][items[k]["gold"]] += 1
        listed = {"shipped": None, "none": set(), "rebuild": settled_list(items, train, args.min_items, frequent)}[args.list]
        word_listed = settled_list(items, train, args.word_min_items) if args.word_min_items else None
        best = None
        for a in alphas:
            f = features(items, a, counts, listed, word_listed)
            for p in grid:
                s_ = int(right(f, train, *p).sum())
                key = (s_, p == current and a == 0.0)
                if best is None or key > best[0]:
                    best = (key, a, p, int(right(f, held, *p).sum()))
        fc = features(items, 0.0, counts, listed, word_listed)
        cur = int(right(fc, held, *current).sum())
        (s_, _), a, p, h = best
        total += h
        total_cur += cur
        print(f"fold {fo}: chose override={p[0]} trusted={p[1]} context={p[2]} sub={p[3]} "
              f"alpha={a} (train {s_}/{len(train)}); held-out {h} vs current {cur} / {len(held)}")
    print(f"5-fold CV, policy chosen per fold: {100 * total / n:.2f}%  (current policy {100 * total_cur / n:.2f}%)")
    counts = collections.defaultdict(collections.Counter)
    for it in items:
        counts[it["char"]][it["gold"]] += 1
    listed = {"shipped": None, "none": set(), "rebuild": settled_list(items, allidx, args.min_items, frequent)}[args.list]
    res = []
    for a in alphas:
        f = features(items, a, counts, listed)
        res += [(int(right(f, allidx, *p).sum()), a, p) for p in grid]
    for s_, a, p in sorted(res, reverse=True)[:10]:
        print(f"  all dev (in-sample): {100 * s_ / n:.2f}%  alpha={a} {p}")


if __name__ == "__main__":
    main()

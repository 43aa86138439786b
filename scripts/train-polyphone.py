#!/usr/bin/env python3
"""Train the linear polyphone model (`src/read/linear.rs`) and write `data/polyphone/`.

    python3 scripts/train-polyphone.py [--shared DIR] [--c C] [--out data/polyphone]

Steps, all deterministic (no randomness: lbfgs from zero weights):

1. Makes a venv in `target/polyvenv` with pinned versions (scikit-learn==1.5.2 numpy==2.1.3
   scipy==1.14.1) and re-runs itself inside it.
2. Builds and runs `examples/polyphone_features.rs` over g2pL train and dev and CPP dev and test,
   so that the features are exactly those the Rust reader computes (it prints them as strings;
   both sides hash them with 32-bit FNV-1a, `src/read/feature_hash.rs`).
3. Training items: g2pL train, and the CPP dev lines whose number (from 0) is not a multiple of 5.
   Left out: any training sentence that also occurs in CPP test or g2pL dev (markers removed).
   Tuning items: g2pL dev and the CPP dev lines whose number is a multiple of 5. CPP test is never
   read here except to drop the overlap.
4. One L2 logistic regression per character (every character with two readings or more among
   its training items), over binary/count features that occur in its training items; C chosen
   on the tuning items from a fixed grid (or given with --c).
5. Prunes weights below PRUNE of the character's largest, quantises to int8 with one scale per
   character, merges features whose hashes collide, and writes `classes.tsv`, `weights.bin` (see
   `build/polyphone.rs`) and prints the tuning accuracy of the quantised model.
"""

import argparse
import collections
import os
import struct
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, "target", "polyvenv")
PINS = ["scikit-learn==1.5.2", "numpy==2.1.3", "scipy==1.14.1"]
PROBE = "tongyong 通用"
PRUNE = 0.02
# A character with at least this many training items (those of g2pL, 300 each) is read by the
# linear model alone in both modes; the others (CPP dev only, about 16 items each) are left to
# g2pM in the default mode (tuning: g2pM's log-probabilities added to the linear model's gain
# nothing on g2pL dev for the former and little on CPP dev for the latter).
LEAD_ITEMS = 100
# The polyphones that g2pM leaves to their default (data/readings/model-settled.tsv) which the
# model re-reads when it is sure (read::LINEAR_SURE): those for which that gained two items or
# more on the tuning set (塞 +18, 鲜 +10, 脏 +2; no other character more than 1, 的 none). The
# others are not scored at all, which keeps the frequent 的 了 中 cheap.
SURE = "塞鲜脏"
GRID = [1.0, 2.0, 4.0, 8.0, 16.0, 32.0]


def ensure_venv():
    py = os.path.join(VENV, "bin", "python")
    if os.path.abspath(sys.prefix) == os.path.abspath(VENV):
        return
    if not os.path.exists(py):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
        subprocess.check_call([py, "-m", "pip", "install", "-q"] + PINS)
    os.execv(py, [py] + sys.argv)


def fnv(s):
    h = 0x811C9DC5
    for b in s.encode():
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def features_of(shared, split):
    """Runs the Rust example over one split: list of (char, lexicon reading, settled, feats)."""
    path = os.path.join(ROOT, "target", "poly", split.replace("/", "-") + ".feat")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    exe = os.path.join(ROOT, "target", "release", "examples", "polyphone_features")
    with open(path, "w") as out:
        subprocess.check_call([exe, os.path.join(shared, split + ".sent")], stdout=out)
    rows = []
    for line in open(path, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        rows.append(cols)
    return rows


def load(shared, split):
    sents = [l.rstrip("\n").replace("\u2581", "") for l in open(os.path.join(shared, split + ".sent"), encoding="utf-8")]
    gold = [l.strip().lower().replace("u:", "v") for l in open(os.path.join(shared, split + ".lb"), encoding="utf-8")]
    return sents, gold


def main():
    ensure_venv()
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared", "data"))
    ap.add_argument("--c", type=float, default=None)
    ap.add_argument("--dump", help="write the tuning items' predictions here (JSON lines)")
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "polyphone"))
    args = ap.parse_args()

    subprocess.check_call(["cargo", "build", "--release", "--example", "polyphone_features"], cwd=ROOT)
    splits = {
        "g2pl-train": "polyphone-g2pl/train",
        "g2pl-dev": "polyphone-g2pl/dev",
        "cpp-dev": "polyphone-cpp/dev",
    }
    data = {}
    for name, split in splits.items():
        sents, gold = load(args.shared, split)
        rows = features_of(args.shared, split)
        assert len(rows) == len(gold), split
        data[name] = list(zip(sents, gold, rows))
    held = set(load(args.shared, "polyphone-cpp/test")[0]) | set(s for s, _, _ in data["g2pl-dev"])

    train, tune = [], []
    dropped = 0
    for k, item in enumerate(data["g2pl-train"]):
        if item[0] in held:
            dropped += 1
            continue
        train.append(item)
    for k, item in enumerate(data["cpp-dev"]):
        if k % 5 == 0:
            tune.append(("cpp", item))
        elif item[0] in held:
            dropped += 1
        else:
            train.append(item)
    tune += [("g2pl", item) for item in data["g2pl-dev"]]
    log(f"train {len(train)} items ({dropped} left out: in CPP test or g2pL dev), tune {len(tune)}")

    by_char = collections.defaultdict(list)
    for sent, gold, row in train:
        # r5 (erhua 儿) is not a syllable of its own: the reading stage reads erhua by rule.
        if row[0] != "?" and gold != "r5":
            by_char[row[0]].append((gold, row[7:]))
    tune_by_char = collections.defaultdict(list)
    for src, (sent, gold, row) in tune:
        if row[0] != "?":
            tune_by_char[row[0]].append((src, gold, row[1], row[7:]))
    tune_rows = [(src, gold, row) for src, (sent, gold, row) in tune if row[0] != "?"]

    def matrix(items, vocab):
        indptr, indices, values = [0], [], []
        for feats in items:
            counts = collections.Counter(vocab[f] for f in feats if f in vocab)
            for j, v in sorted(counts.items()):
                indices.append(j)
                values.append(float(v))
            indptr.append(len(indices))
        return csr_matrix((values, indices, indptr), shape=(len(items), len(vocab)))

    def fit(char, C):
        items = by_char[char]
        classes = sorted(set(g for g, _ in items))
        vocab = {}
        for _, feats in items:
            for f in feats:
                vocab.setdefault(f, len(vocab))
        X = matrix([f for _, f in items], vocab)
        y = np.array([classes.index(g) for g, _ in items])
        m = LogisticRegression(C=C, max_iter=2000, solver="lbfgs")
        m.fit(X, y)
        coef, icpt = m.coef_, m.intercept_
        if len(classes) == 2:
            coef = np.vstack([-coef[0] / 2, coef[0] / 2])
            icpt = np.array([-icpt[0] / 2, icpt[0] / 2])
        W = coef.T.copy()  # features x classes
        W[vocab["bias"]] += icpt
        # Centre each row (softmax is unchanged), prune, quantise.
        W -= W.mean(axis=1, keepdims=True)
        top = np.abs(W).max()
        scale = top / 127 if top > 0 else 1.0
        Q = np.round(W / scale)
        Q[np.abs(W) < PRUNE * top] = 0
        Q = np.clip(Q, -127, 127).astype(np.int8)
        table = {}
        names = list(vocab)
        for j, f in enumerate(names):
            if Q[j].any():
                h = fnv(f)
                table[h] = table.get(h, np.zeros(len(classes), np.int32)) + Q[j]
        table = {h: np.clip(v, -127, 127).astype(np.int8) for h, v in table.items()}
        return classes, scale, table

    def predict(model, feats):
        classes, scale, table = model
        s = np.zeros(len(classes))
        for f in feats:
            w = table.get(fnv(f))
            if w is not None:
                s += w
        s = s * scale
        s -= s.max()
        lp = s - np.log(np.exp(s).sum())
        return classes, lp

    chars = sorted(c for c, items in by_char.items() if len(set(g for g, _ in items)) >= 2)
    log(f"{len(chars)} characters with two readings or more in training")

    def score(models):
        right = collections.Counter()
        total = collections.Counter()
        for c, items in tune_by_char.items():
            for src, gold, lex, feats in items:
                total[src] += 1
                if c in models:
                    classes, lp = predict(models[c], feats)
                    right[src] += classes[int(lp.argmax())] == gold
                else:
                    # Not modelled: the lexicon stage's reading stands.
                    right[src] += lex == gold
        return {k: right[k] / total[k] for k in total}

    grid = [args.c] if args.c else GRID
    best = None
    for C in grid:
        models = {c: fit(c, C) for c in chars}
        s = score(models)
        log(f"C={C}: tuning accuracy (the lexicon's reading elsewhere) cpp {100*s['cpp']:.2f} g2pl {100*s['g2pl']:.2f}")
        key = s["cpp"] + s["g2pl"]
        if best is None or key > best[0]:
            best = (key, C, models)
    _, C, models = best
    log(f"chosen C={C}")
    if args.dump:
        import json
        with open(args.dump, "w", encoding="utf-8") as f:
            for src, gold, row in tune_rows:
                lin = {}
                if row[0] in models:
                    classes, lp = predict(models[row[0]], row[7:])
                    lin = dict(zip(classes, map(float, lp)))
                g2pm = dict((p.split(":")[0], float(p.split(":")[1])) for p in row[5].split(",") if p)
                f.write(json.dumps({"src": src, "gold": gold, "char": row[0], "lex": row[1], "cat": row[2],
                                    "rule": row[3], "outside": int(row[4]), "g2pm": g2pm, "lin": lin},
                                   ensure_ascii=False) + "\n")

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "classes.tsv"), "w", encoding="utf-8") as f:
        f.write("char\treadings\tleads\tsure\n")
        for c in sorted(models, key=ord):
            lead = int(len(by_char[c]) >= LEAD_ITEMS)
            f.write(f"{c}\t{' '.join(models[c][0])}\t{lead}\t{int(c in SURE)}\n")
    blob = bytearray(b"TYLIN001")
    blob += struct.pack("<II", fnv(PROBE), len(models))
    nkeys = 0
    for c in sorted(models, key=ord):
        classes, scale, table = models[c]
        keys = sorted(table)
        nkeys += len(keys)
        blob += struct.pack("<IBfI", ord(c), len(classes), scale, len(keys))
        blob += struct.pack(f"<{len(keys)}I", *keys)
        for k in keys:
            blob += table[k].tobytes()
    with open(os.path.join(args.out, "weights.bin"), "wb") as f:
        f.write(blob)
    log(f"wrote {len(models)} characters, {nkeys} features, {len(blob)} bytes, C={C}")


if __name__ == "__main__":
    main()

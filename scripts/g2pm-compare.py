#!/usr/bin/env python3
"""Check tongyong's polyphone-model inference (src/model.rs) against g2pM itself.

Usage:  python3 scripts/g2pm-compare.py [--split dev] [--cpp DIR]

Runs `cargo run --release --example cpp_eval -- --split SPLIT --raw FILE` (tongyong's model:
the best of all 876 classes for the marked character, whole sentence as context), then g2pM
0.1.2.5 (pip package, installed if missing) on the same sentences: its `predict` on the
sentence framed by its begin/end tokens, at the marked character (what `G2pM.__call__` does for a
polyphone). Prints how many items get the same class; the goal is >= 99.9%.
Differences come from the int8 embedding (data/g2pm/README.md) and f32 vs float64 arithmetic.
"""

import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARK = "\u2581"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--cpp", default="/work/shared/data/polyphone-cpp")
    args = ap.parse_args()
    try:
        import numpy as np
        from g2pM import G2pM
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "numpy", "g2pM==0.1.2.5"])
        import numpy as np
        from g2pM import G2pM

    raw = os.path.join(tempfile.mkdtemp(prefix="g2pm-compare."), "raw.txt")
    env = dict(os.environ, TONGYONG_SHARED=os.path.dirname(os.path.dirname(args.cpp)))
    subprocess.check_call(["cargo", "run", "-q", "--release", "--example", "cpp_eval", "--",
                           "--split", args.split, "--raw", raw], cwd=ROOT, env=env)
    ours = open(raw, encoding="utf-8").read().split("\n")

    import warnings
    warnings.filterwarnings("ignore")
    g = G2pM()
    unk, bos, eos = g.char2idx["<UNK>"], g.char2idx["\uc2dc"], g.char2idx["\ub05d"]
    sents = open(os.path.join(args.cpp, f"{args.split}.sent"), encoding="utf-8").read().split("\n")
    same = n = 0
    diffs = []
    for k, s in enumerate(x for x in sents if x):
        i = s.index(MARK)
        text = s.replace(MARK, "")
        ids = [bos] + [g.char2idx.get(c, unk) for c in text] + [eos]
        pred = g.idx2class[int(g.predict(np.array([ids], dtype=np.int32), [i + 1])[0])]
        theirs = pred.replace("u:", "v")
        if theirs == "r5":
            theirs = "er5"
        n += 1
        if ours[k] == theirs:
            same += 1
        else:
            diffs.append((text, i, theirs, ours[k]))
    print(f"CPP {args.split}: same class for {same} / {n} items = {100 * same / n:.2f}%")
    for text, i, theirs, mine in diffs[:20]:
        print(f"  {text[i]} g2pM {theirs} tongyong {mine}: {text}")


if __name__ == "__main__":
    main()

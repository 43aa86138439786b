#!/usr/bin/env python3
"""Export g2pM's published polyphone model (PyPI g2pM 0.1.2.5, Apache-2.0) to data/g2pm/.

Usage:  python3 scripts/g2pm-export.py [--cache DIR] [--root DIR] [--quant int8|f16|f32]
                                       [--check] [--cpp DIR]

Reads the wheel with zipfile (nothing installed or imported from it); needs numpy to unpickle
the weights (`np_ckpt.pkl` is a pickle of numpy arrays). Writes:

  data/g2pm/model.bin    the weights (format below)
  data/g2pm/chars.tsv    the input vocabulary (char2idx.pkl), one row per id
  data/g2pm/classes.tsv  the output classes (class2idx.pkl), one row per id

`digest_cedict.pkl` (derived from CC-CEDICT, share-alike) is never read or written.

model.bin, all little-endian:
  b"TYG2PM01", u32 tensor count, then per tensor:
    u8 name length, name (ASCII, the PyTorch state-dict key), u8 dtype (0 = f32, 1 = int8 with one
    f32 scale per row, 2 = f16), u32 rows, u32 cols (1-D tensors: rows = 1),
    [int8 only: rows f32 scales], rows*cols values (row-major).
  int8 values are round(x / scale) with scale = max|row| / 127 (symmetric, per row).

--check scores the model in numpy on CPP dev with f32 and with the chosen quantisation (prediction
over the classes of the marked char's readings in g2pw-POLYPHONIC_CHARS.txt), and prints the
agreement between the two. It is a plain forward pass written from the model's description
(embedding 64 -> BiLSTM 2x32, gates i f g o -> Linear 64->32, ReLU -> Linear 32->876).
"""

import argparse
import hashlib
import io
import os
import pickle
import struct
import subprocess
import sys
import tempfile
import zipfile

VERSION = "0.1.2.5"
WHEEL = "g2pM-0.1.2.5-py3-none-any.whl"
SHA256 = "9e920b82df4002f96d8679720c7a858d10816d438dbd61b8b6b621a80a976361"
ORDER = [
    "embedding.weight",
    "lstm.weight_ih_l0", "lstm.weight_hh_l0", "lstm.bias_ih_l0", "lstm.bias_hh_l0",
    "lstm.weight_ih_l0_reverse", "lstm.weight_hh_l0_reverse",
    "lstm.bias_ih_l0_reverse", "lstm.bias_hh_l0_reverse",
    "logit_layer.0.weight", "logit_layer.0.bias", "logit_layer.2.weight", "logit_layer.2.bias",
]
SPECIAL = {"<PAD>": "PAD", "<UNK>": "UNK", "\uc2dc": "BOS", "\ub05d": "EOS"}


def fetch(cache):
    d = cache or tempfile.mkdtemp(prefix="g2pm.")
    path = os.path.join(d, WHEEL)
    if not os.path.exists(path):
        subprocess.check_call([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                               "--only-binary=:all:", f"g2pM=={VERSION}", "-d", d])
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    if digest != SHA256:
        sys.exit(f"{path}: sha256 {digest}, expected {SHA256}")
    return path


def load(wheel):
    import numpy  # noqa: F401  (unpickling needs it)
    z = zipfile.ZipFile(wheel)
    weights = pickle.load(io.BytesIO(z.read("g2pM/np_ckpt.pkl")))
    char2idx = pickle.load(io.BytesIO(z.read("g2pM/char2idx.pkl")))
    class2idx = pickle.load(io.BytesIO(z.read("g2pM/class2idx.pkl")))
    licence = z.read("g2pM-0.1.2.5.dist-info/LICENSE").decode("utf-8")
    return weights, char2idx, class2idx, licence


def quantise(a, quant):
    """Returns (dtype code, scales or None, values) and the dequantised float32 array."""
    import numpy as np
    a = np.asarray(a, dtype=np.float32)
    m = a.reshape(1, -1) if a.ndim == 1 else a
    if quant == "f32" or a.ndim == 1:
        return (0, None, m.astype("<f4")), a
    if quant == "f16":
        h = m.astype("<f2")
        return (2, None, h), h.astype(np.float32).reshape(a.shape)
    scale = np.abs(m).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(m / scale[:, None]), -127, 127).astype(np.int8)
    return (1, scale.astype("<f4"), q), (q.astype(np.float32) * scale[:, None]).reshape(a.shape)


def write_model(path, weights, quant):
    out = bytearray(b"TYG2PM01")
    out += struct.pack("<I", len(ORDER))
    deq = {}
    for name in ORDER:
        (code, scales, vals), deq[name] = quantise(weights[name], quant)
        rows, cols = vals.shape
        out += struct.pack("<B", len(name)) + name.encode("ascii")
        out += struct.pack("<BII", code, rows, cols)
        if scales is not None:
            out += scales.tobytes()
        out += vals.tobytes()
    with open(path, "wb") as f:
        f.write(out)
    return deq, len(out)


def write_vocab(root, char2idx, class2idx):
    with open(os.path.join(root, "chars.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# g2pM {VERSION} char2idx.pkl: id<TAB>code point (hex) or special token<TAB>char\n")
        for c, i in sorted(char2idx.items(), key=lambda kv: kv[1]):
            if c in SPECIAL:
                f.write(f"{i}\t{SPECIAL[c]}\t{c if len(c) == 1 else ''}\n")
            else:
                assert len(c) == 1, c
                shown = c if c.isprintable() and not c.isspace() else ""
                f.write(f"{i}\t{ord(c):04X}\t{shown}\n")
    with open(os.path.join(root, "classes.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# g2pM {VERSION} class2idx.pkl: id<TAB>reading (as published: tone 1-5, u: for ü)\n")
        for c, i in sorted(class2idx.items(), key=lambda kv: kv[1]):
            f.write(f"{i}\t{c}\n")


# ------------------------------------------------------------------ numpy check

def forward(w, ids, target):
    """Logits of position `target` of `ids` (BOS/EOS included)."""
    import numpy as np

    def sig(x):
        return 1.0 / (1.0 + np.exp(-x))

    def run(seq, suffix):
        wih, whh = w["lstm.weight_ih_l0" + suffix], w["lstm.weight_hh_l0" + suffix]
        b = w["lstm.bias_ih_l0" + suffix] + w["lstm.bias_hh_l0" + suffix]
        x = w["embedding.weight"][seq] @ wih.T + b
        h = np.zeros(32, np.float32)
        c = np.zeros(32, np.float32)
        hs = []
        for t in range(len(seq)):
            z = x[t] + whh @ h
            i, f, g, o = sig(z[:32]), sig(z[32:64]), np.tanh(z[64:96]), sig(z[96:])
            c = f * c + i * g
            h = o * np.tanh(c)
            hs.append(h)
        return hs

    fw = run(ids[: target + 1], "")[target]
    bw = run(ids[target:][::-1], "_reverse")[-1]
    hid = np.concatenate([fw, bw])
    z = np.maximum(w["logit_layer.0.weight"] @ hid + w["logit_layer.0.bias"], 0)
    return w["logit_layer.2.weight"] @ z + w["logit_layer.2.bias"]


def check(cpp, weights, deq, char2idx, class2idx):
    import numpy as np
    f32 = {k: np.asarray(v, np.float32) for k, v in weights.items()}
    cands = {}
    with open(os.path.join(cpp, "g2pw-POLYPHONIC_CHARS.txt"), encoding="utf-8") as f:
        for line in f:
            c, p = line.rstrip("\n").split("\t")
            cands.setdefault(c, []).append(class2idx[p])
    sents = open(os.path.join(cpp, "dev.sent"), encoding="utf-8").read().split("\n")
    labels = open(os.path.join(cpp, "dev.lb"), encoding="utf-8").read().split("\n")
    idx2class = {i: c for c, i in class2idx.items()}
    n = ok32 = okq = same = 0
    for s, lb in zip(sents, labels):
        if not s:
            continue
        t = s.index("\u2581")
        text = s.replace("\u2581", "")
        ids = [char2idx["\uc2dc"]] + [char2idx.get(c, 1) for c in text] + [char2idx["\ub05d"]]
        ids = np.array(ids)
        mask = cands.get(text[t], list(range(len(class2idx))))
        p32 = mask[int(np.argmax(forward(f32, ids, t + 1)[mask]))]
        pq = mask[int(np.argmax(forward(deq, ids, t + 1)[mask]))]
        n += 1
        ok32 += idx2class[p32] == lb
        okq += idx2class[pq] == lb
        same += p32 == pq
    print(f"CPP dev {n} items: f32 {100 * ok32 / n:.2f}%  quantised {100 * okq / n:.2f}%  "
          f"same prediction {100 * same / n:.2f}%")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache")
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument("--quant", choices=["int8", "f16", "f32"], default="int8")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--cpp", default="/work/shared/data/polyphone-cpp")
    args = ap.parse_args()
    weights, char2idx, class2idx, licence = load(fetch(args.cache))
    total = sum(v.size for v in weights.values())
    assert set(weights) == set(ORDER) and total == 401548, (sorted(weights), total)
    out = os.path.join(args.root, "data", "g2pm")
    os.makedirs(out, exist_ok=True)
    deq, size = write_model(os.path.join(out, "model.bin"), weights, args.quant)
    write_vocab(out, char2idx, class2idx)
    with open(os.path.join(out, "LICENSE"), "w", encoding="utf-8", newline="\n") as f:
        f.write(licence)
    print(f"{total} parameters; model.bin {size} bytes ({args.quant}); "
          f"{len(char2idx)} chars, {len(class2idx)} classes")
    if args.check:
        check(args.cpp, weights, deq, char2idx, class2idx)


if __name__ == "__main__":
    main()

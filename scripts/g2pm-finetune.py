#!/usr/bin/env python3
"""Fine-tune g2pM's published polyphone model on CPP dev and write data/g2pm/model.bin.

Usage:  python3 scripts/g2pm-finetune.py [--cache DIR] [--root DIR] [--cpp DIR]
                                         [--cv] [--oof FILE] [--no-write]
                                         [--epochs N] [--lr X] [--l2sp X] [--batch N]
                                         [--wide X] [--seed N]

Starts from the weights of PyPI g2pM 0.1.2.5 (read by scripts/g2pm-export.py's `fetch`/`load`),
rebuilds the same network (embedding 64 -> BiLSTM 2x32, gates i f g o -> Linear 64->32, ReLU ->
Linear 32->876) in JAX, and trains it further on the 9,893 labelled items of CPP **dev** (never
test): cross-entropy over the marked character's candidate readings (g2pw-POLYPHONIC_CHARS.txt,
as tongyong predicts), Adam, and an L2 penalty pulling every weight toward its published value
(`--l2sp`, "L2-SP"). Each item is the window tongyong's reading stage gives the model (src/read/mod.rs
`apply_model`: at most MODEL_CONTEXT = 4 characters each side, cut after a sentence end), framed
by the begin and end tokens; with probability `--wide` an item is instead the whole sentence (the
pipeline widens windows where polyphones are near each other).

--cv runs 5-fold cross-validation on dev (items dealt to folds by a seeded shuffle) and prints
the held-out accuracy of the published and the fine-tuned model after every epoch; --oof FILE
also writes the out-of-fold probabilities (per item: index, then `reading:prob` for every
candidate of the fine-tuned model trained without that item's fold, then the same for the
published model). Without --cv the model is trained on all of dev and written with the same
int8 per-row quantisation as scripts/g2pm-export.py (unless --no-write).

Deterministic: numpy and JAX seeds are fixed (`--seed`); JAX runs on the CPU.
"""

import argparse
import os
import sys

import numpy as np

import sibling  # scripts/sibling.py

HALF = 4  # src/read/mod.rs MODEL_CONTEXT
SENTENCE_ENDS = set("。！？；!?;\n\r\u2028\u2029")
H = 32


def export_module():
    return sibling.load("g2pm-export.py")


def window(chars, t):
    """(start, end) of the model's window around chars[t], as src/read/mod.rs `apply_model`."""
    start = t
    while start > 0 and t - start < HALF and chars[start - 1] not in SENTENCE_ENDS:
        start -= 1
    end = t + 1
    while end < len(chars) and end - t <= HALF and chars[end - 1] not in SENTENCE_ENDS:
        end += 1
    return start, end


def load_items(cpp, split, char2idx, class2idx):
    cands = {}
    with open(os.path.join(cpp, "g2pw-POLYPHONIC_CHARS.txt"), encoding="utf-8") as f:
        for line in f:
            c, p = line.rstrip("\n").split("\t")
            cands.setdefault(c, []).append(class2idx[p])
    sents = open(os.path.join(cpp, f"{split}.sent"), encoding="utf-8").read().split("\n")
    labels = open(os.path.join(cpp, f"{split}.lb"), encoding="utf-8").read().split("\n")
    bos, eos = char2idx["\uc2dc"], char2idx["\ub05d"]
    items = []
    for s, lb in zip(sents, labels):
        if not s:
            continue
        t = s.index("\u2581")
        chars = s.replace("\u2581", "")
        ids = [char2idx.get(c, 1) for c in chars]
        a, b = window(chars, t)
        items.append({
            "char": chars[t],
            "gold": class2idx[lb.strip()],
            "cands": cands[chars[t]],
            # (ids with BOS/EOS, target position in them)
            "win": ([bos] + ids[a:b] + [eos], t - a + 1),
            "full": ([bos] + ids + [eos], t + 1),
        })
    return items


def batch_arrays(seqs, ncls, cands_list, golds):
    """Left-padded forward (BOS..target) and backward (EOS..target, reversed) id arrays."""
    fw = [ids[: t + 1] for ids, t in seqs]
    bw = [ids[t:][::-1] for ids, t in seqs]
    # Lengths rounded up to a multiple of 8 so that JAX compiles few shapes.
    lf, lb = (-(-max(map(len, x)) // 8) * 8 for x in (fw, bw))
    F = np.zeros((len(seqs), lf), np.int32)
    Fm = np.zeros((len(seqs), lf), np.float32)
    B = np.zeros((len(seqs), lb), np.int32)
    Bm = np.zeros((len(seqs), lb), np.float32)
    for k, (f, b) in enumerate(zip(fw, bw)):
        F[k, lf - len(f):] = f
        Fm[k, lf - len(f):] = 1
        B[k, lb - len(b):] = b
        Bm[k, lb - len(b):] = 1
    mask = np.full((len(seqs), ncls), -1e9, np.float32)
    for k, cs in enumerate(cands_list):
        mask[k, cs] = 0
    return F, Fm, B, Bm, mask, np.asarray(golds, np.int32)


def make_fns(jax, jnp):
    def lstm(emb, wih, whh, b, ids, m):
        x = emb[ids] @ wih.T + b  # [B, T, 4H]

        def step(carry, inp):
            h, c = carry
            xt, mt = inp
            z = xt + h @ whh.T
            i = jax.nn.sigmoid(z[:, :H])
            f = jax.nn.sigmoid(z[:, H:2 * H])
            g = jnp.tanh(z[:, 2 * H:3 * H])
            o = jax.nn.sigmoid(z[:, 3 * H:])
            c2 = f * c + i * g
            h2 = o * jnp.tanh(c2)
            mt = mt[:, None]
            return (mt * h2 + (1 - mt) * h, mt * c2 + (1 - mt) * c), None

        n = ids.shape[0]
        z0 = jnp.zeros((n, H), x.dtype)
        (h, _), _ = jax.lax.scan(step, (z0, z0), (jnp.swapaxes(x, 0, 1), m.T))
        return h

    def logits(p, F, Fm, B, Bm, mask):
        e = p["embedding.weight"]
        hf = lstm(e, p["lstm.weight_ih_l0"], p["lstm.weight_hh_l0"],
                  p["lstm.bias_ih_l0"] + p["lstm.bias_hh_l0"], F, Fm)
        hb = lstm(e, p["lstm.weight_ih_l0_reverse"], p["lstm.weight_hh_l0_reverse"],
                  p["lstm.bias_ih_l0_reverse"] + p["lstm.bias_hh_l0_reverse"], B, Bm)
        hid = jnp.concatenate([hf, hb], axis=1)
        z = jax.nn.relu(hid @ p["logit_layer.0.weight"].T + p["logit_layer.0.bias"])
        return z @ p["logit_layer.2.weight"].T + p["logit_layer.2.bias"] + mask

    def loss(p, p0, l2sp, F, Fm, B, Bm, mask, gold):
        lg = logits(p, F, Fm, B, Bm, mask)
        ce = -jnp.mean(jax.nn.log_softmax(lg)[jnp.arange(gold.shape[0]), gold])
        reg = sum(jnp.sum((p[k] - p0[k]) ** 2) for k in p)
        return ce + 0.5 * l2sp * reg

    return jax.jit(logits), jax.jit(jax.value_and_grad(loss))


class Trainer:
    def __init__(self, weights, ncls, args):
        os.environ.setdefault("JAX_PLATFORMS", "cpu")
        import jax
        import jax.numpy as jnp
        self.jax, self.jnp = jax, jnp
        self.p0 = {k: jnp.asarray(np.asarray(v, np.float32)) for k, v in weights.items()}
        self.ncls = ncls
        self.args = args
        self.logits, self.vg = make_fns(jax, jnp)
        prefixes = [x for x in args.only.split(",") if x]
        self.trained = [k for k in self.p0 if not prefixes or any(k.startswith(x) for x in prefixes)]

    def probs(self, p, items, key="win", bs=512):
        out = []
        for s in range(0, len(items), bs):
            chunk = items[s:s + bs]
            F, Fm, B, Bm, mask, _ = batch_arrays([it[key] for it in chunk], self.ncls,
                                                 [it["cands"] for it in chunk],
                                                 [it["gold"] for it in chunk])
            lg = np.asarray(self.logits(p, F, Fm, B, Bm, mask))
            lg = lg - lg.max(axis=1, keepdims=True)
            e = np.exp(lg)
            out.append(e / e.sum(axis=1, keepdims=True))
        return np.concatenate(out)

    def accuracy(self, p, items):
        pr = self.probs(p, items)
        return float(np.mean([pr[k].argmax() == it["gold"] for k, it in enumerate(items)]))

    def train(self, items, seed, epochs, on_epoch=None):
        jnp = self.jnp
        a = self.args
        rng = np.random.RandomState(seed)
        p = dict(self.p0)
        m = {k: jnp.zeros_like(v) for k, v in p.items()}
        v = {k: jnp.zeros_like(x) for k, x in p.items()}
        b1, b2, eps = 0.9, 0.999, 1e-8
        step = 0
        for ep in range(epochs):
            order = rng.permutation(len(items))
            wide = rng.random_sample(len(items)) < a.wide
            for s in range(0, len(order), a.batch):
                idx = order[s:s + a.batch]
                seqs = [items[i]["full" if wide[i] else "win"] for i in idx]
                F, Fm, B, Bm, mask, gold = batch_arrays(seqs, self.ncls,
                                                        [items[i]["cands"] for i in idx],
                                                        [items[i]["gold"] for i in idx])
                _, g = self.vg(p, self.p0, a.l2sp, F, Fm, B, Bm, mask, gold)
                step += 1
                for k in self.trained:
                    m[k] = b1 * m[k] + (1 - b1) * g[k]
                    v[k] = b2 * v[k] + (1 - b2) * g[k] ** 2
                    mh = m[k] / (1 - b1 ** step)
                    vh = v[k] / (1 - b2 ** step)
                    p[k] = p[k] - a.lr * mh / (jnp.sqrt(vh) + eps)
            if on_epoch:
                on_epoch(ep + 1, p)
        return p


def cross_validate(tr, items, args, class2idx):
    idx2class = {i: c for c, i in class2idx.items()}
    rng = np.random.RandomState(args.seed)
    fold = rng.permutation(len(items)) % 5
    base = np.zeros(args.epochs + 1)
    curves = np.zeros(args.epochs + 1)
    oof = [None] * len(items)
    for f in range(5):
        train = [it for k, it in enumerate(items) if fold[k] != f]
        held_ix = [k for k in range(len(items)) if fold[k] == f]
        held = [items[k] for k in held_ix]
        acc0 = tr.accuracy(tr.p0, held)
        base += acc0 * len(held)
        curves[0] += acc0 * len(held)

        def on_epoch(ep, p):
            acc = tr.accuracy(p, held)
            curves[ep] += acc * len(held)
            print(f"  fold {f} epoch {ep}: {100 * acc:.2f}% (published {100 * acc0:.2f}%)",
                  file=sys.stderr)
            if ep == args.epochs and args.oof:
                pr, pr0 = tr.probs(p, held), tr.probs(tr.p0, held)
                for j, k in enumerate(held_ix):
                    cs = items[k]["cands"]
                    oof[k] = (" ".join(f"{idx2class[c]}:{pr[j, c]:.6f}" for c in cs),
                              " ".join(f"{idx2class[c]}:{pr0[j, c]:.6f}" for c in cs))

        tr.train(train, args.seed + 1 + f, args.epochs, on_epoch)
    n = len(items)
    print(f"cv lr={args.lr} l2sp={args.l2sp} batch={args.batch} wide={args.wide} only={args.only}: "
          + " ".join(f"e{e}={100 * curves[e] / n:.2f}" for e in range(args.epochs + 1)))
    if args.oof:
        with open(args.oof, "w", encoding="utf-8") as f:
            for k, (a, b) in enumerate(oof):
                f.write(f"{k}\t{a}\t{b}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache")
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument("--cpp", default="/work/shared/data/polyphone-cpp")
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--oof")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--l2sp", type=float, default=1e-3)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--wide", type=float, default=0.0)
    ap.add_argument("--seed", type=int, default=2020)
    ap.add_argument("--only", default="",
                    help="train only the tensors whose names start with one of these "
                         "comma-separated prefixes (default: all)")
    args = ap.parse_args()
    ex = export_module()
    weights, char2idx, class2idx, _ = ex.load(ex.fetch(args.cache))
    items = load_items(args.cpp, "dev", char2idx, class2idx)
    tr = Trainer(weights, len(class2idx), args)
    if args.cv:
        cross_validate(tr, items, args, class2idx)
        return
    print(f"published model on dev windows: {100 * tr.accuracy(tr.p0, items):.2f}%")
    p = tr.train(items, args.seed, args.epochs)
    print(f"fine-tuned model on dev windows (trained on them): {100 * tr.accuracy(p, items):.2f}%")
    if not args.no_write:
        tuned = {k: np.asarray(v, np.float32) for k, v in p.items()}
        out = os.path.join(args.root, "data", "g2pm", "model.bin")
        _, size = ex.write_model(out, tuned, "int8")
        print(f"model.bin {size} bytes written")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Score polyphone readers on the CPP benchmark (only the marked character counts).

    scripts/cpp-peers.py [--split test|dev] [--data DIR] [--readers pypinyin,g2pm,tongyong]
                         [--tongyong PATH] [--tongyong-args ARGS...]

Readers, all in one run:
* pypinyin 0.55.0 defaults: pinyin(sentence, style=Style.TONE3, neutral_tone_with_five=True);
* g2pM 0.1.2.5: G2pM()(sentence, tone=True, char_split=False), one sentence at a time;
* tongyong (when --tongyong PATH is given, or target/release/tongyong exists):
  `PATH pinyin --json [ARGS]` run once on all sentences (markers removed, one per line).
  Everything after --tongyong-args is passed on (e.g. --tongyong-args --fast).
Missing pip packages (pypinyin==0.55.0, g2pM==0.1.2.5, numpy) are installed unless
--no-install is given.

The column "misses: neutral vs a full-tone label" counts the misses where the reader gives the
neutral tone and the label is the same syllable with a full tone (a diagnostic, not part of the
accuracy).

Metric: the character wrapped in U+2581 in <split>.sent against <split>.lb; gold `u:` -> `v`,
neutral tone = 5, both sides lower-cased. chars/s = all characters of the split (markers
removed) / seconds of work; for the Python readers the import and model loading are not
timed, for tongyong the whole process (start-up included) is.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = "/work/shared/data/polyphone-cpp"
MARK = "\u2581"
PINS = {"pypinyin": "pypinyin==0.55.0", "g2pM": "g2pM==0.1.2.5", "numpy": "numpy"}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def ensure_modules(names, allow_install):
    """names: import names; returns the set that imports."""
    ok = set()
    for name in names:
        probe = subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True)
        if probe.returncode == 0:
            ok.add(name)
            continue
        if not allow_install:
            log(f"{name} not importable (and --no-install): skipped")
            continue
        log(f"installing {PINS[name]} with pip ...")
        subprocess.call([sys.executable, "-m", "pip", "install", "-q", PINS[name]])
        if subprocess.run([sys.executable, "-c", f"import {name}"],
                          capture_output=True).returncode == 0:
            ok.add(name)
    return ok


# ---------------------------------------------------------------- data

def load_split(data_dir, split):
    with open(os.path.join(data_dir, f"{split}.sent"), encoding="utf-8") as f:
        sents = f.read().split("\n")
    with open(os.path.join(data_dir, f"{split}.lb"), encoding="utf-8") as f:
        labels = f.read().split("\n")
    while sents and sents[-1] == "":
        sents.pop()
    while labels and labels[-1] == "":
        labels.pop()
    if len(sents) != len(labels):
        sys.exit(f"{split}: {len(sents)} sentences but {len(labels)} labels")
    items = []
    for n, (s, lb) in enumerate(zip(sents, labels), 1):
        s = s.rstrip("\r")
        i = s.find(MARK)
        j = s.find(MARK, i + 1)
        if i < 0 or j != i + 2 or s.count(MARK) != 2:
            sys.exit(f"{split}.sent line {n}: expected exactly one {MARK}X{MARK} marker")
        clean = s.replace(MARK, "")
        if "\n" in clean or "\r" in clean:
            sys.exit(f"{split}.sent line {n}: stray line break")
        items.append((clean, i, s[i + 1], norm(lb)))
    return items


def norm(p):
    """Lower-case, ü/u: -> v, neutral tone as 5."""
    if p is None:
        return ""
    p = p.strip().lower().replace("u:", "v").replace("ü", "v")
    if p and p[-1] not in "012345" and p.isascii() and p.isalpha():
        p += "5"
    return p


def neutral_against_full(pred, gold):
    """A miss only by the tone: the reader gives the neutral tone (5) where CPP's label is the
    same syllable with a full tone (tongyong reads dictionary neutral words such as 关系 guānxi
    neutral on purpose; the column shows how many misses that convention accounts for). Reported
    beside the accuracy, never added to it."""
    return (bool(pred) and pred.endswith("5") and gold[-1:] in "1234"
            and pred[:-1] == gold[:-1])


def is_han(c):
    o = ord(c)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x323AF
            or 0xF900 <= o <= 0xFAFF or 0x2F800 <= o <= 0x2FA1F or o == 0x3007)


# ---------------------------------------------------------------- readers

def align_runs(sent, readings):
    """Lay readers' output over the sentence. pypinyin returns one item per Han char and
    one item per run of other text; g2pM with char_split=False returns one reading per
    Han char and glues consecutive other characters (and Han chars it has no reading
    for) into one item. An item that equals the text at the current position is such a
    literal run (a reading is Latin, the text there is Han, so they cannot be confused);
    anything else is the reading of one character. Returns one reading (or None) per
    character of sent, or None if the items do not cover the sentence exactly."""
    out = []
    pos = 0
    for r in readings:
        if pos >= len(sent) or not r:
            return None
        if sent.startswith(r, pos):
            out.extend([None] * len(r))
            pos += len(r)
        else:
            out.append(r)
            pos += 1
    return out if pos == len(sent) else None


def run_pypinyin(items):
    import pypinyin
    from pypinyin import Style, pinyin
    preds = []
    fallback = 0
    t0 = time.perf_counter()
    for sent, idx, _, _ in items:
        res = pinyin(sent, style=Style.TONE3, neutral_tone_with_five=True)
        per_char = align_runs(sent, [item[0] for item in res])
        if per_char is None:
            # Should not happen; score the char on its own rather than guess an offset.
            fallback += 1
            r = pinyin(sent[idx], style=Style.TONE3, neutral_tone_with_five=True)
            preds.append(r[0][0] if r else None)
        else:
            preds.append(per_char[idx])
    dt = time.perf_counter() - t0
    note = f"pypinyin {pypinyin.__version__}"
    if fallback:
        note += f"; {fallback} sentences not aligned (char scored alone)"
    return preds, dt, note


def run_g2pm(items):
    import warnings
    warnings.filterwarnings("ignore")
    from g2pM import G2pM
    t0 = time.perf_counter()
    model = G2pM()
    t_load = time.perf_counter() - t0
    preds = []
    bad = 0
    t0 = time.perf_counter()
    for sent, idx, _, _ in items:
        out = model(sent, tone=True, char_split=False)
        per_char = out if len(out) == len(sent) else align_runs(sent, out)
        if per_char is None:
            bad += 1
            preds.append(None)
        else:
            preds.append(per_char[idx])
    dt = time.perf_counter() - t0
    try:
        from importlib.metadata import version
        v = version("g2pM")
    except Exception:
        v = "?"
    note = f"g2pM {v}; model load {t_load:.2f} s excluded"
    if bad:
        note += f"; {bad} outputs that could not be aligned"
    return preds, dt, note


def run_tongyong(items, exe, extra):
    tmp = tempfile.mkdtemp(prefix="cpp-peers.")
    try:
        inp = os.path.join(tmp, "sents.txt")
        with open(inp, "w", encoding="utf-8", newline="\n") as f:
            for sent, _, _, _ in items:
                f.write(sent + "\n")
        cmd = [exe, "pinyin", "--json"] + list(extra) + [inp]
        out = os.path.join(tmp, "out.jsonl")
        with open(out, "wb") as fo:
            t0 = time.perf_counter()
            r = subprocess.run(cmd, stdout=fo, stderr=subprocess.PIPE)
            dt = time.perf_counter() - t0
        if r.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited {r.returncode}: "
                               f"{r.stderr.decode('utf-8', 'replace')[-500:]}")
        with open(out, encoding="utf-8") as f:
            lines = f.read().split("\n")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != len(items):
        raise RuntimeError(f"tongyong printed {len(lines)} lines for {len(items)} sentences")
    preds = []
    problems = 0
    for (sent, idx, _, _), line in zip(items, lines):
        obj = json.loads(line)
        if obj.get("text") != sent:
            problems += 1
        pred = None
        for w in obj.get("words", []):
            s, e = w["start"], w["end"]
            if not s <= idx < e:
                continue
            py = w.get("pinyin") or []
            if len(py) == e - s:
                k = idx - s          # one entry per character
            else:                    # one entry per Han character of the word
                k = sum(1 for c in sent[s:idx] if is_han(c))
            if 0 <= k < len(py):
                pred = py[k]
            break
        preds.append(pred)
    version = None
    try:
        v = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30)
        version = v.stdout.strip() or None
    except (OSError, subprocess.TimeoutExpired):
        pass
    note = (version or "tongyong") + (f" {' '.join(extra)}" if extra else "")
    note += "; whole process timed"
    if problems:
        note += f"; {problems} lines whose JSON text differs from the input"
    return preds, dt, note


# ---------------------------------------------------------------- main

def main():
    argv = sys.argv[1:]
    extra = []
    if "--tongyong-args" in argv:
        k = argv.index("--tongyong-args")
        argv, extra = argv[:k], argv[k + 1:]
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 2)[2])
    ap.add_argument("--split", choices=["test", "dev"], default="test")
    ap.add_argument("--data", default=DEFAULT_DATA, help="CPP directory (default %(default)s)")
    ap.add_argument("--readers", default="pypinyin,g2pm,tongyong",
                    help="comma-separated subset of pypinyin,g2pm,tongyong")
    ap.add_argument("--tongyong", default=None,
                    help="tongyong binary (default target/release/tongyong if it exists)")
    ap.add_argument("--no-install", action="store_true", help="do not pip install missing peers")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print up to N wrong items per reader")
    args = ap.parse_args(argv)
    args.tongyong_args = extra

    readers = [r.strip().lower() for r in args.readers.split(",") if r.strip()]
    items = load_split(args.data, args.split)
    nchars = sum(len(s) for s, _, _, _ in items)
    log(f"CPP {args.split}: {len(items)} items, {nchars} chars")

    want = set()
    if "pypinyin" in readers:
        want.add("pypinyin")
    if "g2pm" in readers:
        want |= {"numpy", "g2pM"}
    have = ensure_modules(sorted(want), not args.no_install) if want else set()

    results = []   # (name, preds or None, seconds, note)
    if "pypinyin" in readers:
        if "pypinyin" in have:
            log("pypinyin ...")
            results.append(("pypinyin (TONE3, defaults)",) + run_pypinyin(items))
        else:
            results.append(("pypinyin (TONE3, defaults)", None, None, "not installed"))
    if "g2pm" in readers:
        if {"numpy", "g2pM"} <= have:
            log("g2pM ...")
            results.append(("g2pM",) + run_g2pm(items))
        else:
            results.append(("g2pM", None, None, "not installed"))
    if "tongyong" in readers:
        exe = args.tongyong or os.path.join(ROOT, "target/release/tongyong")
        exe = os.path.abspath(exe)
        name = "tongyong" + (f" {' '.join(extra)}" if extra else "")
        if os.path.isfile(exe) and os.access(exe, os.X_OK):
            log(f"tongyong ({exe}) ...")
            try:
                results.append((name,) + run_tongyong(items, exe, extra))
            except (RuntimeError, ValueError, KeyError) as e:
                log(f"tongyong failed: {e}")
                results.append((name, None, None, f"failed: {str(e)[:120]}"))
        else:
            log(f"tongyong binary {exe} not found: skipped")
            results.append((name, None, None, f"binary {os.path.relpath(exe)} not found"))

    print()
    print(f"## CPP {args.split} ({len(items):,} items, {nchars:,} chars; only the marked char scored)")
    print()
    print("| reader | correct / total | accuracy | chars/s | misses: neutral vs a full-tone label | notes |")
    print("|---|---:|---:|---:|---:|---|")
    for name, preds, dt, note in results:
        if preds is None:
            print(f"| {name} | — | — | — | — | {note} |")
            continue
        correct = sum(1 for p, it in zip(preds, items) if norm(p) == it[3])
        neutral = sum(1 for p, it in zip(preds, items) if neutral_against_full(norm(p), it[3]))
        missing = sum(1 for p in preds if p is None)
        if missing:
            note += f"; {missing} without a reading"
        cps = nchars / dt if dt else float("nan")
        print(f"| {name} | {correct:,} / {len(items):,} | {100 * correct / len(items):.2f}% | "
              f"{cps:,.0f} | {neutral} | {note} |")
    if args.errors:
        for name, preds, _, _ in results:
            if preds is None:
                continue
            print(f"\n### {name}: first errors\n")
            shown = 0
            for p, (sent, idx, ch, gold) in zip(preds, items):
                if norm(p) != gold:
                    ctx = sent[max(0, idx - 8):idx] + "[" + ch + "]" + sent[idx + 1:idx + 9]
                    print(f"* {ctx}: gold {gold}, got {norm(p) or '—'}")
                    shown += 1
                    if shown >= args.errors:
                        break


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Python callers on N threads: identical results and how the throughput scales.

    scripts/python-scaling.py [FILE] [--threads 1,2] [--repeat K] [--batch N]

Needs the `tongyong` module (for instance in the venv of `scripts/test-python.sh`, or
`pip install ./bindings/python`). One `tongyong.Translator` is shared by all threads; each thread
translates its share of the lines (lines dealt round robin) with `Translator.to_braille`, which
releases the GIL while it works, or with `--batch N` its share in chunks of N lines with
`Translator.to_braille_many` (one GIL release per chunk). Per line, the Python side of each call
(the loop, converting the line and the result) holds the GIL and caps the scaling. Prints, per thread count, MB/s of input, the CPU time the process
got (so a busy machine does not pass for poor scaling), and whether every thread's output equals
the single-threaded output line for line.
"""

import argparse
import os
import resource
import sys
import threading
import time

import tongyong


def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def run(translator, lines, threads, repeat, batch):
    out = [None] * len(lines)

    def work(k):
        for _ in range(repeat):
            if batch:
                mine = list(range(k, len(lines), threads))
                for c in range(0, len(mine), batch):
                    idx = mine[c:c + batch]
                    for i, b in zip(idx, translator.to_braille_many([lines[i] for i in idx])):
                        out[i] = b
            else:
                for i in range(k, len(lines), threads):
                    out[i] = translator.to_braille(lines[i])

    pool = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    c0, t0 = cpu(), time.perf_counter()
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return out, time.perf_counter() - t0, cpu() - c0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("file", nargs="?", default=os.path.join(root, "target/corpus/manpages-zh.txt"))
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--batch", type=int, default=0, help="lines per to_braille_many call (0: per line)")
    args = ap.parse_args()
    with open(args.file, encoding="utf-8") as f:
        lines = f.read().split("\n")
    size = sum(len(line.encode("utf-8")) for line in lines) * args.repeat / 1e6
    translator = tongyong.Translator()
    reference = [translator.to_braille(line) for line in lines]
    base = None
    ok = True
    print(f"tongyong {tongyong.version()}, Python {sys.version.split()[0]}, {len(lines)} lines, "
          f"{size:.2f} MB per run, {os.cpu_count()} CPUs, "
          f"{'to_braille_many, %d lines per call' % args.batch if args.batch else 'to_braille per line'}")
    for threads in [int(t) for t in args.threads.split(",")]:
        out, wall, cpu_s = run(translator, lines, threads, args.repeat, args.batch)
        same = out == reference
        ok &= same
        mbs = size / wall
        base = base or mbs
        print(f"  {threads} thread(s): {wall:.3f} s, {mbs:.2f} MB/s ({mbs / base:.2f}x), "
              f"{cpu_s:.2f} CPU s = {cpu_s / wall:.2f} cores busy, "
              f"identical to 1 thread: {'yes' if same else 'NO'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

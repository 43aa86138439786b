#!/usr/bin/env python3
"""Side-by-side throughput, cold start and peak memory: tongyong vs liblouis vs pypinyin.

    scripts/side-by-side.py [INPUT] [--tongyong PATH] [--runs N] [--cold-runs M] [--growth]

INPUT defaults to target/corpus/manpages-zh.txt (make it with scripts/corpus.sh).
All tools run on the same file in one run:

* tongyong (release binary; skipped with a message when absent):
  `braille FILE`, `braille --fast FILE`, `braille --json FILE`, `pinyin --json FILE`, `pinyin FILE`,
  `pinyin --fast FILE` (the CLI's default threads), and each of braille, braille --fast,
  pinyin, pinyin --fast again with `--threads 1` when the CLI has that option;
* liblouis: `lou_translate --forward unicode.dis,zhcn-cbs.ctb` with the whole file on
  stdin (apt packages liblouis-bin liblouis-data are installed when it is missing);
* pypinyin 0.55.0 (pip-installed when missing), in a child Python process so that its
  peak RSS is its own: `pinyin(line, style=Style.TONE3)` and `lazy_pinyin(line)` over
  the lines; import time is excluded from the timing (and reported apart).

Wall time is the best of N runs (--runs, default 3), taken in rounds: each round runs every
task once, so that the runs of each tool are spread over the whole measurement and a spell of
load on this (shared) machine cannot spoil all the runs of one tool and none of another's.
Cold start = time from spawning
the process to reading its first output line for a one-line input (median of
--cold-runs, default 20). Peak RSS comes from the child's rusage (os.wait4).
MB = 10^6 bytes of UTF-8 input; chars/s counts Unicode scalars without newlines.
--growth also times `tongyong braille` on 1 KB ... 100 MB inputs made by repeating
the input (in a temporary directory that is removed afterwards).
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOU_TABLES = "unicode.dis,zhcn-cbs.ctb"
PYPINYIN_VERSION = "0.55.0"


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- installing peers

def _sudo():
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo"):
        return ["sudo", "-n"]
    return None


def ensure_liblouis(allow_install):
    if shutil.which("lou_translate"):
        return True
    if not allow_install:
        log("lou_translate not found (and --no-install given): liblouis skipped")
        return False
    sudo = _sudo()
    if sudo is None or not shutil.which("apt-get"):
        log("lou_translate not found and cannot apt-get install it: liblouis skipped")
        return False
    log("installing liblouis-bin liblouis-data with apt-get ...")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    cmd = sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends",
                  "liblouis-bin", "liblouis-data"]
    quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    if subprocess.call(cmd, **quiet) != 0:
        subprocess.call(sudo + ["apt-get", "update", "-qq"], **quiet)
        subprocess.call(cmd, **quiet)
    if not shutil.which("lou_translate"):
        log("liblouis install failed: liblouis skipped")
        return False
    return True


def ensure_pypinyin(allow_install):
    probe = [sys.executable, "-c", "import pypinyin; print(pypinyin.__version__)"]
    r = subprocess.run(probe, capture_output=True, text=True)
    if r.returncode == 0:
        v = r.stdout.strip()
        if v != PYPINYIN_VERSION:
            log(f"note: pypinyin {v} is installed, the reference figures use {PYPINYIN_VERSION}")
        return True
    if not allow_install:
        log("pypinyin not importable (and --no-install given): pypinyin skipped")
        return False
    log(f"installing pypinyin=={PYPINYIN_VERSION} with pip ...")
    subprocess.call([sys.executable, "-m", "pip", "install", "-q",
                     f"pypinyin=={PYPINYIN_VERSION}"])
    return subprocess.run(probe, capture_output=True).returncode == 0


# ---------------------------------------------------------------- process running
#
# Peak RSS: on Linux a child's ru_maxrss also covers the memory of the process it was
# forked from before its exec (exec keeps the old mm's high-water mark), so a child
# spawned straight from this Python process never reports less than Python's own RSS.
# A tiny C helper (compiled with cc into the temp dir) forks the command from a small
# process, and reports the command's wall time and ru_maxrss from wait4(). Without cc
# the script falls back to GNU time (if /usr/bin/time exists), else to os.wait4 here,
# whose figure is then only an upper bound (noted in the output).

RSS_HELPER_C = r"""
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
/* usage: rss-run REPORT CMD [ARGS...]  -> REPORT gets "maxrss_kib wall_ns" */
int main(int argc, char **argv) {
    if (argc < 3) return 125;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    pid_t pid = fork();
    if (pid < 0) return 125;
    if (pid == 0) { execvp(argv[2], argv + 2); _exit(127); }
    int status; struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) return 125;
    clock_gettime(CLOCK_MONOTONIC, &b);
    long long ns = (long long)(b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
    FILE *f = fopen(argv[1], "w");
    if (!f) return 125;
    fprintf(f, "%ld %lld\n", ru.ru_maxrss, ns);
    fclose(f);
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + WTERMSIG(status);
}
"""

RSS_MODE = {"mode": "wait4", "helper": None}


def setup_rss_helper(tmp):
    cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if cc:
        src = os.path.join(tmp, "rss-run.c")
        exe = os.path.join(tmp, "rss-run")
        with open(src, "w") as f:
            f.write(RSS_HELPER_C)
        r = subprocess.run([cc, "-O2", "-o", exe, src], capture_output=True)
        if r.returncode == 0:
            RSS_MODE.update(mode="helper", helper=exe)
            return
        log("could not compile the RSS helper; falling back")
    if os.access("/usr/bin/time", os.X_OK):
        r = subprocess.run(["/usr/bin/time", "-f", "%M", "true"], capture_output=True, text=True)
        if r.returncode == 0 and r.stderr.strip().isdigit():
            RSS_MODE.update(mode="gnu-time")
            return
    log("note: no cc and no GNU time; peak RSS via os.wait4 includes this Python process's "
        "own RSS at spawn time (upper bound)")


def rss_wrapped(cmd):
    """cmd wrapped so that its own peak RSS is reported (see RSS_MODE), and the report file."""
    mode = RSS_MODE["mode"]
    if mode == "helper":
        report = tempfile.mktemp(prefix="rss.", dir=os.path.dirname(RSS_MODE["helper"]))
        return [RSS_MODE["helper"], report] + cmd, report
    if mode == "gnu-time":
        report = tempfile.mktemp(prefix="rss.")
        return ["/usr/bin/time", "-q", "-f", "%M", "-o", report] + cmd, report
    return cmd, None


def rss_report(report, ru):
    """(peak RSS bytes, the helper's wall seconds or None) of a command run by `rss_wrapped`,
    from its report, else from the rusage `ru` of the child."""
    if not report:
        return ru.ru_maxrss * 1024, None  # KiB on Linux
    mode = RSS_MODE["mode"]
    try:
        with open(report) as f:
            parts = f.read().split()
        os.remove(report)
        rss = int(parts[-1 if mode == "gnu-time" else 0]) * 1024
        return rss, int(parts[1]) / 1e9 if mode == "helper" else None
    except (OSError, ValueError, IndexError):
        return None, None


def run_measured(cmd, stdin_path=None, stdout_path=None, stderr_path=None):
    """Run cmd to completion. Returns (wall seconds, exit code, peak RSS bytes)."""
    fin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    fout = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    ferr = open(stderr_path, "wb") if stderr_path else subprocess.DEVNULL
    full, report = rss_wrapped(cmd)
    try:
        t0 = time.perf_counter()
        p = subprocess.Popen(full, stdin=fin, stdout=fout, stderr=ferr)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
    finally:
        for f in (fin, fout, ferr):
            if hasattr(f, "close"):
                f.close()
    rss, helper_wall = rss_report(report, ru)
    return helper_wall or wall, p.returncode, rss


def time_to_first_line(cmd, stdin_path=None):
    """Seconds from spawning cmd until its first output line can be read."""
    fin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=fin, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        first = p.stdout.readline()
        t = time.perf_counter() - t0
        p.stdout.read()
        p.stdout.close()
        p.wait()
    finally:
        if hasattr(fin, "close"):
            fin.close()
    return t if first else None


def count_lines(path):
    n = 0
    with open(path, "rb") as f:
        while True:
            b = f.read(1 << 20)
            if not b:
                break
            n += b.count(b"\n")
    return n


class Row:
    def __init__(self, tool, task, nbytes, nchars):
        self.tool, self.task = tool, task
        self.nbytes, self.nchars = nbytes, nchars
        self.wall = None
        self.rss = None
        self.cold = None
        self.note = ""

    def mbps(self):
        return self.nbytes / 1e6 / self.wall if self.wall else None

    def cps(self):
        return self.nchars / self.wall if self.wall else None


class CommandJob:
    """A command timed once per round ([`run_rounds`]); its row gets the best wall time and the
    highest peak RSS of its runs, and notes on its output."""

    def __init__(self, tool, task, cmd, input_path, nbytes, nchars, nlines, tmp,
                 via_stdin=False):
        self.row = Row(tool, task, nbytes, nchars)
        self.cmd, self.input_path, self.via_stdin = cmd, input_path, via_stdin
        self.nlines = nlines
        self.out = os.path.join(tmp, "out.txt")
        self.err = os.path.join(tmp, "err.txt")
        self.walls, self.rsss = [], []
        self.failed = False

    def run_once(self, i, runs):
        if self.failed:
            return
        tool, task = self.row.tool, self.row.task
        wall, rc, rss = run_measured(self.cmd,
                                     stdin_path=self.input_path if self.via_stdin else None,
                                     stdout_path=self.out, stderr_path=self.err)
        if rc != 0:
            with open(self.err, "rb") as f:
                tail = f.read()[-400:].decode("utf-8", "replace")
            log(f"{tool} {task}: exit code {rc}; stderr tail:\n{tail}")
            self.row.note = f"failed (exit {rc})"
            self.failed = True
            return
        self.walls.append(wall)
        self.rsss.append(rss)
        log(f"  {tool} {task}: run {i + 1}/{runs}: {wall:.3f} s, "
            f"peak RSS {fmt(rss and rss / 1e6, '.1f')} MB")
        # The output of this run is checked now: the next job writes over it.
        notes = []
        got = count_lines(self.out)
        if got != self.nlines:
            notes.append(f"output lines {got} != input lines {self.nlines}")
            log(f"  warning: {tool} {task}: {notes[-1]}")
        errn = count_lines(self.err)
        if errn:
            notes.append(f"{errn} stderr lines")
        self.row.note = "; ".join(notes)

    def finish(self):
        if not self.failed and self.walls:
            self.row.wall = min(self.walls)
            self.row.rss = max(self.rsss) if None not in self.rsss else None
        return self.row


def run_rounds(jobs, runs):
    """Runs every job once per round, `runs` rounds, and returns their rows."""
    for i in range(runs):
        log(f"round {i + 1}/{runs}")
        for job in jobs:
            job.run_once(i, runs)
    return [job.finish() for job in jobs]


# ---------------------------------------------------------------- pypinyin worker

WORKER = r"""
import json, sys, time
t0 = time.perf_counter()
import pypinyin
from pypinyin import Style, pinyin, lazy_pinyin
t_import = time.perf_counter() - t0
path, mode = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    lines = f.read().splitlines()
if mode == "tone3":
    fn = lambda s: pinyin(s, style=Style.TONE3)
else:
    fn = lambda s: lazy_pinyin(s)
print(json.dumps({"import": t_import, "version": pypinyin.__version__}), flush=True)
# One timed pass over the lines for every line read from stdin (the parent's rounds).
for _ in sys.stdin:
    t = time.perf_counter()
    for line in lines:
        fn(line)
    print(json.dumps({"wall": time.perf_counter() - t}), flush=True)
"""


class PypinyinJob:
    """pypinyin in one child Python process that stays up between rounds (imported once, its
    import time reported apart): each round asks it for one timed pass over the lines. Its peak
    RSS is the child's own, read when it exits."""

    def __init__(self, mode, task, input_path, nbytes, nchars, tmp):
        self.row = Row("pypinyin", task, nbytes, nchars)
        self.mode, self.input_path = mode, input_path
        self.err = os.path.join(tmp, f"pyerr-{mode}.txt")
        self.proc = None
        self.report = None
        self.info = None
        self.walls = []
        self.failed = False

    def _fail(self, what):
        tail = ""
        try:
            with open(self.err, "rb") as f:
                tail = f.read()[-400:].decode("utf-8", "replace")
        except OSError:
            pass
        log(f"pypinyin {self.row.task} failed ({what}):\n{tail}")
        self.row.note = f"failed ({what})"
        self.failed = True

    def run_once(self, i, runs):
        if self.failed:
            return
        if self.proc is None:
            ferr = open(self.err, "wb")
            cmd, self.report = rss_wrapped([sys.executable, "-c", WORKER, self.input_path,
                                            self.mode])
            self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=ferr, text=True)
            ferr.close()
            line = self.proc.stdout.readline()
            if not line:
                return self._fail("no answer")
            self.info = json.loads(line)
        self.proc.stdin.write("run\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            return self._fail("no answer")
        wall = json.loads(line)["wall"]
        self.walls.append(wall)
        log(f"  pypinyin {self.row.task}: run {i + 1}/{runs}: {wall:.3f} s")

    def finish(self):
        if self.proc is not None:
            self.proc.stdin.close()
            _, status, ru = os.wait4(self.proc.pid, 0)
            self.proc.returncode = os.waitstatus_to_exitcode(status)
            self.proc.stdout.close()
            rss, _ = rss_report(self.report, ru)
            if not self.failed and self.walls:
                self.row.rss = rss
        if not self.failed and self.walls:
            self.row.wall = min(self.walls)
            self.row.note = f"in-process, import {self.info['import'] * 1000:.0f} ms excluded"
        return self.row

    def version(self):
        return self.info and self.info.get("version")


# ---------------------------------------------------------------- reporting

def fmt(x, spec, dash="—"):
    return dash if x is None else format(x, spec)


def markdown_table(rows, runs):
    head = (f"| tool | task | input MB | wall s (best of {runs}) | MB/s | chars/s | "
            f"peak RSS MB | cold start ms (median) | notes |")
    lines = [head, "|---|---|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        lines.append(
            f"| {r.tool} | {r.task} | {r.nbytes / 1e6:.2f} | {fmt(r.wall, '.3f')} | "
            f"{fmt(r.mbps(), '.2f')} | {fmt(r.cps(), ',.0f')} | "
            f"{fmt(r.rss and r.rss / 1e6, '.1f')} | {fmt(r.cold and r.cold * 1000, '.1f')} | "
            f"{r.note} |")
    return "\n".join(lines)


def machine_info():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return model, os.cpu_count(), platform.release(), platform.python_version()


def first_line_of(cmd):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if r.returncode != 0:
        return None
    out = (r.stdout or r.stderr).strip().splitlines()
    return out[0] if out else None


def make_repeated(src_lines, size, path):
    """Write whole lines of the input, repeated, until at least `size` bytes (>= 1 line)."""
    written = 0
    with open(path, "wb") as f:
        while written < size:
            for line in src_lines:
                f.write(line)
                written += len(line)
                if written >= size:
                    break
    return written


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 2)[2])
    ap.add_argument("input", nargs="?", default=os.path.join(ROOT, "target/corpus/manpages-zh.txt"))
    ap.add_argument("--tongyong", default=os.path.join(ROOT, "target/release/tongyong"),
                    help="path to the tongyong release binary (default: %(default)s)")
    ap.add_argument("--runs", type=int, default=3, help="best of N runs (default 3)")
    ap.add_argument("--cold-runs", type=int, default=20,
                    help="runs for the cold-start median (default 20)")
    ap.add_argument("--growth", action="store_true",
                    help="also time tongyong braille on 1 KB .. 100 MB inputs")
    ap.add_argument("--growth-max", default="100M",
                    help="largest --growth size (1K,10K,...,100M; default 100M)")
    ap.add_argument("--skip", action="append", default=[], choices=["tongyong", "liblouis", "pypinyin"],
                    help="leave a tool out (repeatable)")
    ap.add_argument("--no-install", action="store_true",
                    help="do not apt-get/pip install missing peers")
    args = ap.parse_args()

    if not os.path.isfile(args.input):
        sys.exit(f"input {args.input} not found (make it with scripts/corpus.sh)")
    with open(args.input, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        sys.exit(f"input is not UTF-8: {e}")
    nbytes = len(data)
    nlines = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
    nchars = len(text) - text.count("\n")
    first_line = text.split("\n", 1)[0]
    log(f"input {args.input}: {nbytes / 1e6:.2f} MB, {nlines} lines, {nchars} chars")

    tongyong = os.path.abspath(args.tongyong)
    have_tongyong = "tongyong" not in args.skip
    if have_tongyong and not (os.path.isfile(tongyong) and os.access(tongyong, os.X_OK)):
        log(f"tongyong binary {tongyong} not found: tongyong skipped "
            "(build it with `cargo build --release`)")
        have_tongyong = False
    have_lou = "liblouis" not in args.skip and ensure_liblouis(not args.no_install)
    have_py = "pypinyin" not in args.skip and ensure_pypinyin(not args.no_install)

    rows = []
    versions = {}
    # Outputs (and the growth inputs) go to a RAM file system when there is one: written to disk,
    # the dirty pages of one run are written back during the next ones and take their CPU.
    shm = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    tmp = tempfile.mkdtemp(prefix="side-by-side.", dir=shm)
    try:
        setup_rss_helper(tmp)
        one = os.path.join(tmp, "one-line.txt")
        with open(one, "w", encoding="utf-8") as f:
            f.write(first_line + "\n")

        def cold(cmd, stdin_path=None):
            ts = [time_to_first_line(cmd, stdin_path) for _ in range(args.cold_runs)]
            ts = [t for t in ts if t is not None]
            return statistics.median(ts) if ts else None

        t_braille = t_braille_fast = t_pinyin = t_pinyin_fast = lou = py = None
        single = {}
        jobs = []

        def command(tool, task, cmd, via_stdin=False):
            job = CommandJob(tool, task, cmd, args.input, nbytes, nchars, nlines, tmp, via_stdin)
            jobs.append(job)
            return job.row

        if have_tongyong:
            versions["tongyong"] = first_line_of([tongyong, "--version"]) or "(no --version)"
            t_braille = command("tongyong", "braille", [tongyong, "braille", args.input])
            command("tongyong", "braille --json", [tongyong, "braille", "--json", args.input])
            t_braille_fast = command("tongyong", "braille --fast",
                                     [tongyong, "braille", "--fast", args.input])
            command("tongyong", "pinyin --json", [tongyong, "pinyin", "--json", args.input])
            t_pinyin = command("tongyong", "pinyin", [tongyong, "pinyin", args.input])
            t_pinyin_fast = command("tongyong", "pinyin --fast",
                                    [tongyong, "pinyin", "--fast", args.input])
            # The rows above use the CLI's default, one worker thread per core; the same tasks on
            # one thread show what a single core does (pypinyin and liblouis use one).
            help_text = subprocess.run([tongyong, "pinyin", "--help"], capture_output=True,
                                       text=True).stdout
            if "--threads" in help_text:
                for task, extra in (("braille", []), ("braille", ["--fast"]),
                                    ("pinyin", []), ("pinyin", ["--fast"])):
                    label = " ".join([task, *extra, "--threads 1"])
                    single[label] = command("tongyong", label,
                                            [tongyong, task, *extra, "--threads", "1", args.input])
        if have_lou:
            versions["liblouis"] = first_line_of(["lou_translate", "--version"]) or "?"
            lou = command("liblouis", f"lou_translate --forward {LOU_TABLES}",
                          ["lou_translate", "--forward", LOU_TABLES], via_stdin=True)
        py_jobs = []
        if have_py:
            py_jobs = [PypinyinJob("tone3", "pinyin(line, Style.TONE3)", args.input, nbytes,
                                   nchars, tmp),
                       PypinyinJob("lazy", "lazy_pinyin(line)", args.input, nbytes, nchars, tmp)]
            jobs.extend(py_jobs)
            py = py_jobs[0].row
        rows = run_rounds(jobs, args.runs)
        for job in py_jobs:
            if job.version():
                versions["pypinyin"] = job.version()
        log("cold starts ...")
        if have_tongyong:
            t_braille.cold = cold([tongyong, "braille", one])
            t_pinyin.cold = cold([tongyong, "pinyin", one])
        if have_lou:
            lou.cold = cold(["lou_translate", "--forward", LOU_TABLES], one)

        growth = []
        if args.growth and have_tongyong:
            sizes = [("1 KB", 10**3), ("10 KB", 10**4), ("100 KB", 10**5),
                     ("1 MB", 10**6), ("10 MB", 10**7), ("100 MB", 10**8)]
            limit = {"1K": 10**3, "10K": 10**4, "100K": 10**5, "1M": 10**6,
                     "10M": 10**7, "100M": 10**8}.get(args.growth_max.upper(), 10**8)
            src_lines = data.splitlines(keepends=True)
            if src_lines and not src_lines[-1].endswith(b"\n"):
                src_lines[-1] += b"\n"
            for label, size in sizes:
                if size > limit:
                    break
                path = os.path.join(tmp, f"growth-{size}.txt")
                n = make_repeated(src_lines, size, path)
                gl = gc = 0
                with open(path, "rb") as f:
                    for line in f:
                        gl += 1
                        gc += len(line.decode("utf-8")) - 1
                log(f"growth {label} ({n} bytes) ...")
                job = CommandJob("tongyong", f"braille {label}", [tongyong, "braille", path],
                                 path, n, gc, gl, tmp)
                growth.append((label, run_rounds([job], args.runs)[0]))
                os.remove(path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    # ------------------------------------------------------------ report
    model, cores, kernel, pyver = machine_info()
    print()
    print(f"## Side by side: `{os.path.relpath(args.input)}` "
          f"({nbytes / 1e6:.2f} MB, {nlines:,} lines, {nchars:,} chars)")
    print()
    print(markdown_table(rows, args.runs))
    print()
    ratios = []
    if t_braille and lou and t_braille.wall and lou.wall:
        ratios.append(f"* braille throughput tongyong / liblouis: **{lou.wall / t_braille.wall:.1f}×**")
    if t_braille and lou and t_braille.rss and lou.rss:
        ratios.append(f"* braille peak RSS tongyong / liblouis: {t_braille.rss / lou.rss:.2f}")
    if t_braille and lou and t_braille.cold and lou.cold:
        ratios.append(f"* cold start tongyong / liblouis: {t_braille.cold / lou.cold:.2f}")
    if t_braille_fast and lou and t_braille_fast.wall and lou.wall:
        ratios.append(f"* braille throughput tongyong `--fast` / liblouis: "
                      f"**{lou.wall / t_braille_fast.wall:.1f}×**")
    if t_pinyin and py and t_pinyin.wall and py.wall:
        ratios.append(f"* pinyin throughput tongyong (`pinyin`) / pypinyin TONE3: "
                      f"**{py.wall / t_pinyin.wall:.1f}×**")
    if t_pinyin_fast and py and t_pinyin_fast.wall and py.wall:
        ratios.append(f"* pinyin throughput tongyong (`pinyin --fast`) / pypinyin TONE3: "
                      f"**{py.wall / t_pinyin_fast.wall:.1f}×**")
    for label, r in single.items():
        peer = lou if label.startswith("braille") else py
        name = "liblouis" if label.startswith("braille") else "pypinyin TONE3"
        if r.wall and peer and peer.wall:
            ratios.append(f"* tongyong `{label}` / {name}: **{peer.wall / r.wall:.1f}×** (one core)")
    if ratios:
        print("\n".join(ratios))
        print()
    if args.growth:
        if growth:
            print("### tongyong braille throughput by input size")
            print()
            print(f"| input | bytes | wall s (best of {args.runs}) | MB/s | chars/s | peak RSS MB | notes |")
            print("|---|---:|---:|---:|---:|---:|---|")
            for label, r in growth:
                print(f"| {label} | {r.nbytes:,} | {fmt(r.wall, '.4f')} | {fmt(r.mbps(), '.2f')} | "
                      f"{fmt(r.cps(), ',.0f')} | {fmt(r.rss and r.rss / 1e6, '.1f')} | {r.note} |")
            print()
        else:
            print("(--growth: tongyong not available, nothing measured)\n")
    print(f"Machine: {model}; {cores} cores; Linux {kernel}; Python {pyver}")
    print("Versions: " + "; ".join(f"{k} {v}" for k, v in versions.items()) if versions
          else "Versions: (no tool ran)")
    rss_how = {"helper": "wait4() rusage of the command forked from a small C helper",
               "gnu-time": "GNU time %M (the command's rusage)",
               "wait4": "os.wait4 rusage of the child (upper bound: includes this "
                        "Python process's RSS at spawn)"}[RSS_MODE["mode"]]
    print(f"Wall = best of {args.runs}; cold start = spawn to first output line, one-line "
          f"input, median of {args.cold_runs}; peak RSS: {rss_how}.")
    if not have_tongyong:
        print(f"tongyong: not measured (binary {tongyong} absent or skipped).")


if __name__ == "__main__":
    main()

"""Long work runs with the GIL released: another Python thread keeps running meanwhile."""

import threading
import time

import tongyong

TEXT = "盲文是盲人用手指触摸阅读的文字，我们的学校很大。他们是老师。" * 40


def longest_pause_while(work):
    """Runs ``work`` in a thread; returns (how long it took, the longest gap between two
    iterations of a pure-Python loop in this thread meanwhile)."""
    started = threading.Event()
    done = threading.Event()

    def run():
        started.set()
        work()
        done.set()

    worker = threading.Thread(target=run)
    worker.start()
    started.wait()
    t0 = last = time.perf_counter()
    longest = 0.0
    while not done.is_set():
        now = time.perf_counter()
        longest = max(longest, now - last)
        last = now
    worker.join()
    return time.perf_counter() - t0, longest


def test_to_braille_many_releases_the_gil():
    texts = [TEXT] * 1000
    t = tongyong.Translator()
    t.to_braille_many(texts[:1])  # warm up
    took, pause = longest_pause_while(lambda: t.to_braille_many(texts))
    assert took > 0.1, "the work is too short to tell"
    # With the GIL held for the whole call, this thread would stand still for all of it.
    assert pause < took / 2, (took, pause)


def test_translate_releases_the_gil():
    text = TEXT * 300
    took, pause = longest_pause_while(lambda: tongyong.translate(text))
    assert took > 0.1, "the work is too short to tell"
    assert pause < took / 2, (took, pause)


def test_threads_agree():
    lines = [TEXT[k : k + 30] for k in range(0, 600, 30)]
    expected = [tongyong.to_braille(x) for x in lines]
    results = {}

    def run(k):
        results[k] = [tongyong.to_braille(x) for x in lines]

    threads = [threading.Thread(target=run, args=(k,)) for k in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert all(r == expected for r in results.values())

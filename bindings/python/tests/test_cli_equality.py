"""tongyong.to_braille(line) and tongyong.to_signs(line) equal the command line's output on real
text.

The corpus is a few hundred lines of Debian's Chinese man pages (scripts/corpus.sh); the CLI is
target/release/tongyong. scripts/test-python.sh provides both through TONGYONG_CORPUS and
TONGYONG_CLI; without them this test is skipped unless TONGYONG_REQUIRE_CORPUS is set.
"""

import json
import os
import pathlib
import subprocess

import pytest

import tongyong


def inputs():
    corpus = os.environ.get("TONGYONG_CORPUS")
    cli = os.environ.get("TONGYONG_CLI")
    if not (corpus and cli and pathlib.Path(corpus).is_file() and pathlib.Path(cli).is_file()):
        if os.environ.get("TONGYONG_REQUIRE_CORPUS"):
            pytest.fail("TONGYONG_CORPUS and TONGYONG_CLI must name the corpus and the CLI")
        pytest.skip("no corpus/CLI (run scripts/test-python.sh)")
    lines = pathlib.Path(corpus).read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return corpus, cli, lines


@pytest.mark.parametrize("fmt", ["unicode", "dots", "brf"])
def test_to_braille_equals_the_cli(fmt):
    corpus, cli, lines = inputs()
    assert len(lines) >= 200
    out = subprocess.run(
        [cli, "braille", "--format", fmt, corpus], check=True, capture_output=True, text=True
    ).stdout.split("\n")
    assert out[-1] == ""
    out.pop()
    assert len(out) == len(lines)
    mismatches = [
        (k + 1, line) for k, (line, want) in enumerate(zip(lines, out))
        if tongyong.to_braille(line, fmt) != want
    ]
    assert not mismatches, mismatches[:5]
    assert tongyong.to_braille_many(lines, fmt) == out


def test_words_and_pinyin_equal_the_cli_json():
    corpus, cli, lines = inputs()
    out = subprocess.run(
        [cli, "braille", "--json", corpus], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    assert len(out) == len(lines)
    for line, row in zip(lines, out):
        want = json.loads(row)
        t = tongyong.translate(line)
        assert t.braille == want["braille"]
        got = [
            {"text": w.text, "start": w.start, "end": w.end, "kind": w.kind,
             "pinyin": w.pinyin, "braille": w.braille}
            for w in t.words
        ]
        assert got == want["words"], line


def test_to_signs_equals_the_cli_json():
    corpus, cli, lines = inputs()
    out = subprocess.run(
        [cli, "sign", "--json", corpus], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    assert len(out) == len(lines)
    tokens = 0
    for line, row in zip(lines, out):
        want = json.loads(row)
        assert want["text"] == line
        got = [
            {"text": t.text, "start": t.start, "end": t.end, "kind": t.kind,
             "entries": [{"id": e.id, "headword": e.headword, "variant": e.variant}
                         for e in t.entries],
             "letters": t.letters}
            for t in tongyong.to_signs(line)
        ]
        assert got == want["signs"], line
        tokens += len(got)
    assert tokens > len(lines)


def test_to_signs_plain_form_equals_the_cli():
    corpus, cli, lines = inputs()
    out = subprocess.run(
        [cli, "sign", corpus], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    assert out == [" ".join(str(t) for t in tongyong.to_signs(line)) for line in lines]

"""Unusual and hostile input from Python (issue #7): lone surrogates raise ``tongyong.Error``
(never a crash or a silent replacement) in every entry point; control characters, NUL, combining
marks, astral-plane characters, empty text, CRLF and a long single line are passed through or
translated faithfully, with positions in every unit."""

import pytest

import tongyong
from tongyong import louis

SURROGATES = ["\ud800", "a\udfffb", "我们\udc00", "\ud83d"]  # lone high, lone low, half an emoji


@pytest.mark.parametrize("text", SURROGATES)
def test_lone_surrogates_raise_tongyong_error_everywhere(text):
    t = tongyong.Translator()
    calls = [
        lambda: tongyong.to_braille(text),
        lambda: tongyong.to_braille(text, format="brf"),
        lambda: t.to_braille(text),
        lambda: tongyong.to_braille_many(["你好", text]),
        lambda: tongyong.translate(text),
        lambda: tongyong.translate(text, unit="utf16", cursor=0),
        lambda: tongyong.to_pinyin(text),
        lambda: tongyong.from_braille(text),
        lambda: tongyong.from_braille(text, input="brf"),
    ]
    for call in calls:
        with pytest.raises(tongyong.Error, match="not valid Unicode"):
            call()


def test_lone_surrogates_in_the_louis_helper_raise_tongyong_error():
    with pytest.raises(tongyong.Error):
        louis.translateString(["zh-chn.ctb"], "a\ud800")


def test_empty_text():
    assert tongyong.to_braille("") == ""
    t = tongyong.translate("", cursor=0)
    assert t.braille == "" and t.input_positions == [] and t.output_positions == []
    assert t.cursor == 0
    assert tongyong.to_pinyin("") == []
    assert tongyong.from_braille("").items == []
    assert tongyong.to_braille_many([]) == []


def test_control_characters_and_nul_pass_through():
    for c in ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x0c", "\x0b"]:
        text = f"你{c}好"
        t = tongyong.translate(text)
        assert c in t.braille, repr(c)
        assert len(t.output_positions) == 3
        assert max(t.input_positions) == 2
    assert "\\x{0}" in tongyong.to_braille("你\x00好", format="brf")


def test_crlf_and_lone_cr():
    t = tongyong.translate("你好\r\n我们\r")
    assert t.braille.count("\r") == 2 and t.braille.count("\n") == 1
    assert len(t.output_positions) == 7


def test_astral_characters_in_every_unit():
    text = "我😀𠀀\U0010ffff们"
    s = tongyong.translate(text)
    u = tongyong.translate(text, unit="utf16")
    b = tongyong.translate(text, unit="byte")
    assert len(s.output_positions) == len(text)
    assert len(u.output_positions) == len(text.encode("utf-16-le")) // 2
    assert len(b.output_positions) == len(text.encode("utf-8"))
    assert "😀" in s.braille
    assert "\\x{1F600}" in tongyong.to_braille(text, format="brf")


def test_combining_marks_keep_positions_in_the_input():
    text = "cafe\u0301 我\u0301"
    t = tongyong.translate(text)
    assert len(t.output_positions) == len(text)
    assert all(0 <= p < len(text) for p in t.input_positions)


def test_a_long_single_line_keeps_every_character():
    piece = "我们的学校很大，今天的天气不错。Hello 2026年7月1日 3.14 😀 “事业”——"
    line = piece * ((2 << 20) // len(piece.encode()) + 1)  # about 2 MB of UTF-8
    t = tongyong.translate(line)
    assert len(t.output_positions) == len(line)
    assert t.output_positions[-1] < len(t.braille)
    assert t.braille.count("😀") == line.count("😀")
    assert tongyong.to_braille(line) == t.braille


def test_louis_helper_with_control_and_astral_characters():
    text = "你\x00\t好\r\n😀\x0c"
    for tables in (["zhcn-cbs.ctb"], ["en-us-brf.dis", "zhcn-cbs.ctb"]):
        braille, input_pos, output_pos, cursor = louis.translate(tables, text)
        assert len(output_pos) == len(text)
        assert len(input_pos) == len(braille)
        assert all(0 <= p < len(text) for p in input_pos)

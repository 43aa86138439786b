"""The public API: results, options, units, errors and reprs."""

import dataclasses

import pytest

import tongyong
from tongyong import louis


def test_to_braille_formats():
    assert tongyong.to_braille("我们的学校很大。") == "⠕⠍⠴⠙⠀⠓⠾⠂⠓⠜⠀⠓⠴⠄⠙⠔⠐⠆"
    assert tongyong.to_braille("你好", format="dots") == "1345-125-235-3"
    assert tongyong.to_braille("你好", "brf") == "NH6'"
    assert tongyong.to_braille("") == ""
    assert tongyong.to_braille("😀\n") == "😀\n"


def test_options_change_the_braille():
    full = tongyong.Options(tones="full")
    assert tongyong.to_braille("你好", "dots", options=full) == "1345-24-3-125-235-3"
    assert tongyong.Translator(tones="none").to_braille("你好", "dots") == "1345-24-125-235"
    t = tongyong.Translator(full)
    assert t.options is full
    assert repr(t).startswith("Translator(Options(tones='full'")
    with pytest.raises(TypeError):
        tongyong.Translator(full, tones="none")


def test_translate_positions_and_cursor():
    t = tongyong.translate("我们的学校", cursor=3)
    assert t.braille == "⠕⠍⠴⠙⠀⠓⠾⠂⠓⠜"
    assert t.output_positions == [0, 1, 3, 5, 8]
    assert len(t.input_positions) == len(t.braille)
    assert t.input_positions[4] == 2  # the blank belongs to 的
    assert t.cursor == 5
    assert tongyong.translate("我们的学校").cursor is None
    assert tongyong.translate("我们的学校", cursor=99).cursor == len(t.braille)
    assert [w.text for w in t.words] == ["我们的", "学校"]
    assert t.words[1] == tongyong.Word("学校", "han", 3, 5, ["xue2", "xiao4"], "⠓⠾⠂⠓⠜")
    assert t.as_format("brf") == tongyong.to_braille("我们的学校", "brf")


def test_units():
    text = "😀你好"
    s = tongyong.translate(text, unit="scalar")
    u = tongyong.translate(text, unit="utf16", cursor=2)
    b = tongyong.translate(text, unit="byte")
    assert s.output_positions == [0, 2, 3]  # 😀 is passed through, then a blank
    assert u.output_positions == [0, 0, 2, 3]
    assert len(b.output_positions) == len(text.encode())
    assert u.cursor == 2
    assert b.input_positions[2] == 4
    assert [w.text for w in b.words] == [w.text for w in s.words]
    assert [(w.start, w.end) for w in tongyong.to_pinyin(text, unit="utf16")][-1] == (2, 4)


def test_to_pinyin():
    words = tongyong.to_pinyin("我们去银行。")
    assert [w.pinyin for w in words] == [["wo3", "men5"], ["qu4"], ["yin2", "hang2"], []]
    assert [w.kind for w in words] == ["han", "han", "han", "punct"]
    assert all(w.braille == "" for w in words)


def test_from_braille():
    b = tongyong.from_braille("⠕⠍⠴⠀⠱⠂")
    assert b.pinyin == "wo3/5'men2/5 shi2"
    assert b.items[1].syllables == ["men2", "men5"]
    assert b.items[1].tones == [2, 5]
    assert b.items[2].kind == "blank"
    assert tongyong.from_braille("N H6'", input="brf").pinyin == "你 hao3"


def test_errors_are_value_errors_with_clear_messages():
    assert issubclass(tongyong.Error, ValueError)
    assert issubclass(tongyong.OptionError, tongyong.Error)
    assert issubclass(tongyong.BrailleError, tongyong.Error)
    with pytest.raises(tongyong.OptionError, match=r'unknown format "ascii" \(expected unicode, dots or brf\)'):
        tongyong.to_braille("你好", format="ascii")
    with pytest.raises(tongyong.OptionError, match="unknown tone mode"):
        tongyong.Translator(tones="loud")
    with pytest.raises(tongyong.OptionError, match="unknown position unit"):
        tongyong.translate("你好", unit="words")
    with pytest.raises(tongyong.OptionError, match="unknown braille input"):
        tongyong.from_braille("⠁", input="dots")
    with pytest.raises(tongyong.BrailleError) as e:
        tongyong.from_braille("⠁")
    assert e.value.position == 0
    assert "cell 0" in str(e.value)
    with pytest.raises(tongyong.Error, match="not valid Unicode"):
        tongyong.to_braille("a\ud800b")
    with pytest.raises(TypeError):
        tongyong.to_braille(42)  # type: ignore[arg-type]
    assert repr(tongyong.Error("x")) == "Error('x')"
    assert tongyong.BrailleError.__module__ == "tongyong"


def test_results_are_frozen_dataclasses_with_reprs():
    t = tongyong.translate("你好")
    assert dataclasses.is_dataclass(t)
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.braille = "x"  # type: ignore[misc]
    assert repr(t) == "Translation(text='你好', braille='⠝⠓⠖⠄', cursor=None, unit='scalar', 1 word)"
    w = tongyong.to_pinyin("银行")[0]
    assert repr(w) == "Word(text='银行', kind='han', start=0, end=2, pinyin=['yin2', 'hang2'], braille='')"
    assert eval(repr(w), {"Word": tongyong.Word}) == w
    b = tongyong.from_braille("⠕")
    assert repr(b).startswith("BackTranslation(braille='⠕', pinyin='wo3/5', items=[BackItem(")


def test_many_and_version():
    lines = ["你好", "世界", ""]
    assert tongyong.to_braille_many(lines, "brf") == [tongyong.to_braille(x, "brf") for x in lines]
    assert tongyong.to_braille_many(iter(lines)) == [tongyong.to_braille(x) for x in lines]
    assert tongyong.__version__ == tongyong.version()
    assert tongyong.__version__.count(".") == 2


def test_louis_compatible_helper():
    text = "我们的学校"
    braille, input_pos, output_pos, cursor = louis.translate(["zhcn-cbs.ctb"], text, cursorPos=3)
    t = tongyong.translate(text, cursor=3)
    assert (braille, input_pos, output_pos, cursor) == (
        t.braille,
        t.input_positions,
        t.output_positions,
        t.cursor,
    )
    # dotsIO: cells as 0x8000 | dots, as NVDA asks for them.
    dots, _, _, _ = louis.translate("unicode.dis,zhcn-cbs.ctb", "你好", mode=louis.dotsIO)
    assert [ord(c) for c in dots] == [0x8000 | (ord(c) - 0x2800) for c in "⠝⠓⠖⠄"]
    # BRF with a character that has no braille form: positions stay aligned.
    brf, inp, outp, cur = louis.translate(["en-us-brf.dis", "zhcn-cbs.ctb"], "你😀好", cursorPos=2)
    assert brf == tongyong.to_braille("你😀好", "brf")
    assert len(inp) == len(brf) and len(outp) == 3
    assert brf[outp[1] :].startswith("\\x{1F600}")
    assert cur == outp[2]
    assert louis.translateString(["zh-chn.ctb"], "你好") == tongyong.Translator(tones="none").to_braille("你好")
    assert louis.translateString(["zhcn-cbs.ctb"], "你好", mode=louis.noContractions) == (
        tongyong.Translator(tones="full").to_braille("你好")
    )
    assert louis.backTranslateString(["zhcn-cbs.ctb"], "⠕⠍⠴") == "wo3/5'men2/5"
    assert louis.charSize() == 4


def test_native_module_is_private_and_abi3():
    import sys

    from tongyong import _tongyong

    assert _tongyong.__name__ == "tongyong._tongyong"
    if sys.platform.startswith("linux"):
        assert _tongyong.__file__.endswith(".abi3.so"), _tongyong.__file__

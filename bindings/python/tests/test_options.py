"""Every option of the Rust API through tongyong.Options: reading mode, word spacing and the user
dictionary (the same cases as bindings/c/tests/test_api.c)."""

import dataclasses
import os
import pathlib
import subprocess

import pytest

import tongyong


def braille(text, **options):
    return tongyong.to_braille(text, options=tongyong.Options(**options))


def test_both_reading_modes_read_total_length():
    # 长 outside any dictionary word: both modes read 全长 'total length' as chang2, the fast mode
    # with the linear polyphone model (before it, the most frequent reading zhang3).
    text = "这条河全长475米。"
    want = "⠌⠢⠞⠜⠀⠓⠢⠀⠅⠯⠟⠦⠀⠼⠙⠛⠑⠀⠍⠊⠄⠐⠆"
    assert braille(text) == want
    assert braille(text, readings="model") == want
    assert braille(text, readings="fast") == want
    fast = tongyong.Translator(readings="fast")
    assert ["quan2", "chang2"] in [w.pinyin for w in fast.to_pinyin(text)]
    assert ["quan2", "chang2"] in [w.pinyin for w in tongyong.to_pinyin(text)]
    with pytest.raises(tongyong.OptionError):
        tongyong.Translator(readings="slow")


def test_spacing_options_change_the_braille():
    assert braille("风平浪静") == "⠋⠼⠏⠡⠇⠦⠛⠡"
    assert braille("风平浪静", idioms="two-plus-two") == "⠋⠼⠏⠡⠀⠇⠦⠛⠡"
    assert braille("我不去") == "⠕⠀⠃⠥⠅⠬⠆"
    assert braille("我不去", join_negation=False) == "⠕⠀⠃⠥⠀⠅⠬⠆"
    assert braille("一个人") == "⠊⠛⠢⠀⠚⠴"
    assert braille("一个人", max_syllables=1) == "⠊⠀⠛⠢⠀⠚⠴"


# (Options keyword arguments, the CLI's flags): the CLI-equality check of every option.
CLI_CASES = [
    ({"readings": "fast"}, ["--fast"]),
    ({"split_long_words": False}, ["--no-split-long-words"]),
    ({"join_monosyllables": False}, ["--no-join-monosyllables"]),
    ({"join_negation": False}, ["--no-join-negation"]),
    ({"join_modal_particles": False}, ["--no-join-modal-particles"]),
    ({"join_preposition_noun": True}, ["--join-preposition-noun"]),
    ({"join_numeral_measure": False}, ["--no-join-numeral-measure"]),
    ({"join_ordinals": False}, ["--no-join-ordinals"]),
    ({"join_dates": False}, ["--no-join-dates"]),
    ({"join_names": False}, ["--no-join-names"]),
    ({"join_place_generics": False}, ["--no-join-place-generics"]),
    ({"idioms": "two-plus-two"}, ["--idioms", "two-plus-two"]),
    ({"max_syllables": 1}, ["--max-syllables", "1"]),
    ({"symbols": "computer"}, ["--symbols", "computer"]),
    ({"symbols": "pass"}, ["--symbols", "pass"]),
    ({"user_dictionary": {"银行": "yin2 xing2", "李华强": None}}, ["--user-dict", "DICT"]),
]
CLI_TEXT = [
    "中华人民共和国成立了。", "他很好，住在山上，每年都来。", "我不去，你去吗？", "我在家看了第一本书。",
    "2018年7月1日，李华强去北京市。", "风平浪静的洞庭湖。", "他长得很高，银行很远，这条河全长475米。", "这只猫没吃饭呢。",
    "我往东走，得了第3名。", "王芳来了。", "一个人", "三月五日到十二月。", "你好/再见，1+1=2。",
]
# An option that the sentences above do not show (the lexicon keeps 北京市, 洞庭湖, 杭州市
# together anyway): still compared with the CLI.
# The fast mode now reads them all as the model does (the linear polyphone model).
NO_CHANGE_HERE = {"join_place_generics", "readings"}


@pytest.mark.parametrize("options,flags", CLI_CASES, ids=[c[1][0] for c in CLI_CASES])
def test_options_equal_the_cli_flags(options, flags, tmp_path):
    cli = os.environ.get("TONGYONG_CLI")
    if not (cli and pathlib.Path(cli).is_file()):
        if os.environ.get("TONGYONG_REQUIRE_CORPUS"):
            pytest.fail("TONGYONG_CLI must name the CLI")
        pytest.skip("no CLI (run scripts/test-python.sh)")
    dict_file = tmp_path / "user.tsv"
    dict_file.write_text("银行\tyin2 xing2\n李华强\n", encoding="utf-8")
    text_file = tmp_path / "in.txt"
    text_file.write_text("\n".join(CLI_TEXT) + "\n", encoding="utf-8")
    flags = [str(dict_file) if f == "DICT" else f for f in flags]
    want = subprocess.run(
        [cli, "braille", *flags, str(text_file)], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    got = tongyong.Translator(**options).to_braille_many(CLI_TEXT)
    assert got == want
    if not NO_CHANGE_HERE & set(options):
        assert got != tongyong.to_braille_many(CLI_TEXT), "the option changes nothing here"


def test_user_dictionary_changes_a_reading():
    assert braille("银行") == "⠣⠂⠓⠦"
    o = tongyong.Options(user_dictionary={"银行": "yin2 xing2", "李华强": None})
    assert o.user_dictionary == (("李华强", None), ("银行", "yin2 xing2"))
    assert tongyong.to_braille("银行", options=o) == "⠣⠂⠓⠡⠂"
    t = tongyong.Translator(o)
    assert t.to_pinyin("银行")[0].pinyin == ["yin2", "xing2"]
    assert tongyong.to_pinyin("银行", options=o)[0].pinyin == ["yin2", "xing2"]
    assert t.translate("银行").as_format("unicode") == "⠣⠂⠓⠡⠂"
    # Tone marks work too; the stored form is accepted back and options stay hashable.
    assert braille("银行", user_dictionary={"银行": "yín xíng"}) == "⠣⠂⠓⠡⠂"
    assert tongyong.Options(user_dictionary=o.user_dictionary) == o
    assert dataclasses.replace(o, tones="full").user_dictionary == o.user_dictionary
    assert hash(o) == hash(tongyong.Options(user_dictionary={"李华强": None, "银行": "yin2 xing2"}))
    assert braille("银行", user_dictionary={}) == "⠣⠂⠓⠦"


def test_invalid_options_raise_option_error():
    with pytest.raises(tongyong.OptionError, match=r'unknown reading mode "slow" \(expected model or fast\)'):
        tongyong.Translator(readings="slow")
    with pytest.raises(tongyong.OptionError, match=r'unknown idiom spacing "2\+2" \(expected joined or two-plus-two\)'):
        braille("风平浪静", idioms="2+2")
    with pytest.raises(tongyong.OptionError, match="max_syllables must be at least 1, not 0"):
        tongyong.Translator(max_syllables=0)
    with pytest.raises(tongyong.OptionError, match="max_syllables must be at least 1, not -3"):
        tongyong.Translator(max_syllables=-3)


def test_invalid_user_dictionary_entries():
    with pytest.raises(tongyong.OptionError, match=r'invalid user dictionary: word "银行" has 2 characters but 1 syllables'):
        braille("银行", user_dictionary={"银行": "yin2"})
    with pytest.raises(tongyong.OptionError, match="must be one or more Han characters"):
        tongyong.Translator(user_dictionary={"abc": None})
    with pytest.raises(tongyong.OptionError, match="invalid user dictionary"):
        tongyong.Translator(user_dictionary={"银行": "yin2 xx9"})
    with pytest.raises(TypeError, match="must be a dict"):
        tongyong.Options(user_dictionary="银行\tyin2 xing2")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="a word"):
        tongyong.Options(user_dictionary={"银行": 2})  # type: ignore[dict-item]

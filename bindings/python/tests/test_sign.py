"""Sign language: look-up, entries, text to signs, fingerspelling, units, errors, reprs."""

import dataclasses
import threading

import pytest

import tongyong
from tongyong import SharedWord, SignEntry, SignToken, Spelled


def test_sign_lookup():
    (e,) = tongyong.sign_lookup("手语")
    assert isinstance(e, SignEntry)
    assert (e.id, e.headword, e.variant) == (3545, "手语", None)
    assert e.gloss == "手语（手势、比划、聊天儿）"
    assert e.shares_sign_with == (SharedWord("手势"), SharedWord("比划"), SharedWord("聊天儿"))
    assert [(x.id, x.variant) for x in tongyong.sign_lookup("学习")] == [(4462, 1), (3701, 2)]
    assert 4861 in [x.id for x in tongyong.sign_lookup("妻子")]  # shares the sign of 爱人
    assert tongyong.sign_lookup("ktv")[0].headword == "KTV"
    assert tongyong.sign_lookup("没有这个词") == []
    assert tongyong.sign_lookup("") == []
    # One object per entry: look-ups return the same immutable objects.
    assert tongyong.sign_lookup("手语")[0] is e is tongyong.sign_by_id(3545)
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.id = 1  # type: ignore[misc]
    assert hash(e) == hash(tongyong.sign_by_id(3545))


def test_sign_by_id():
    assert tongyong.sign_by_id(1).headword == "孔雀"
    assert tongyong.sign_by_id(0).id == 0
    assert tongyong.sign_by_id(6706).id == 6706
    assert tongyong.sign_by_id(6707) is None
    assert tongyong.sign_by_id(-1) is None
    assert tongyong.sign_by_id(2**70) is None
    with pytest.raises(TypeError):
        tongyong.sign_by_id(1.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tongyong.sign_by_id("1")  # type: ignore[arg-type]
    e = tongyong.sign_by_id(1324)
    assert (e.headword, e.variant) == ("违反", 1)
    assert e.shares_sign_with[2] == SharedWord("不孝", 2)


def test_sign_entries():
    entries = tongyong.sign_entries()
    assert len(entries) == tongyong.sign.SIGN_COUNT == 6707
    assert [e.id for e in entries] == list(range(6707))
    assert all(e.headword and e.gloss for e in entries)


def test_derived_pinyin_and_fingerspelling():
    e = tongyong.sign_by_id(3545)
    assert e.pinyin() == ["shou3", "yu3"]
    assert e.fingerspelling() == [
        Spelled("shou3", ["SH", "O", "U"]),
        Spelled("yu3", ["Y", "U"]),
    ]
    ktv = tongyong.sign_lookup("KTV")[0]
    assert ktv.pinyin() == []
    assert ktv.fingerspelling() == [Spelled(None, ["K", "T", "V"])]
    assert tongyong.sign_lookup("十")[0].pinyin() == ["shi2"]


def test_fingerspell():
    (s,) = tongyong.fingerspell("张")
    assert s == Spelled("zhang1", ["ZH", "A", "NG"], False, False)
    assert s.tone == 1 and str(s) == "ZH A NG"
    spelled = tongyong.fingerspell("女生 ok！")
    assert [str(x) for x in spelled] == ["N U(¨)", "SH E NG", "O K"]
    assert spelled[0].umlaut and spelled[2].tone is None
    assert tongyong.fingerspell("。") == []
    assert tongyong.fingerspell("") == []


def test_to_signs():
    tokens = tongyong.to_signs("电脑游戏，2026")
    assert [t.kind for t in tokens] == ["fingerspell", "sign", "other"] + ["number"] * 4
    spelled, game, comma, two = tokens[:4]
    assert isinstance(spelled, SignToken)
    assert (spelled.text, spelled.start, spelled.end) == ("电脑", 0, 2)
    assert (spelled.word_start, spelled.word_end) == (0, 4) and spelled.is_split
    assert spelled.letters == ["D", "I", "A", "N", "N", "A", "O"]
    assert [str(s) for s in spelled.fingerspelling] == ["D I A N", "N A O"]
    assert spelled.entries == []
    assert [e.id for e in game.entries] == [5888] and game.fingerspelling == [] and game.letters == []
    assert (comma.text, comma.entries, str(comma)) == ("，", [], "，")
    assert two.entries[0].headword == "2" and (two.word_start, two.word_end) == (5, 9)
    assert str(spelled) == "[D I A N | N A O]"
    assert tongyong.to_signs("") == []
    assert tongyong.to_signs(" \n ") == []


def test_to_signs_units():
    text = "😀我爱学习手语。"
    s = tongyong.to_signs(text)
    u = tongyong.to_signs(text, unit="utf16")
    b = tongyong.to_signs(text, unit="byte")
    assert [t.text for t in s] == [t.text for t in u] == [t.text for t in b]
    assert [(t.start, t.end) for t in s][3] == (3, 5)
    assert [(t.start, t.end) for t in u][3] == (4, 6)
    assert [(t.start, t.end) for t in b][3] == (10, 16)
    encoded = text.encode()
    assert all(encoded[t.start : t.end].decode() == t.text for t in b)
    with pytest.raises(tongyong.OptionError):
        tongyong.to_signs(text, unit="words")


def test_reprs():
    assert repr(tongyong.sign_by_id(3545)) == (
        "SignEntry(id=3545, headword='手语', variant=None, gloss='手语（手势、比划、聊天儿）')"
    )
    assert str(tongyong.sign_lookup("学习")[1]) == "学习(2)#3701"
    tokens = tongyong.to_signs("学习电脑。")
    assert repr(tokens[0]) == (
        "SignToken(kind='sign', text='学习', start=0, end=2, "
        "entries=['学习(1)#4462', '学习(2)#3701'])"
    )
    assert repr(tokens[-1]) == "SignToken(kind='other', text='。', start=4, end=5)"
    assert "fingerspelling='D I A N | N A O'" in repr(tokens[1])


def test_invalid_text():
    with pytest.raises(tongyong.Error):
        tongyong.to_signs("a\ud800b")
    with pytest.raises(tongyong.Error):
        tongyong.sign_lookup("\udfff")
    with pytest.raises(tongyong.Error):
        tongyong.fingerspell("\ud800")
    with pytest.raises(TypeError):
        tongyong.to_signs(None)  # type: ignore[arg-type]


def test_threads_agree():
    text = "我爱学习手语。手机号码 KTV 2026年 电脑游戏"
    want = tongyong.to_signs(text)
    results = []

    def work():
        results.append([tongyong.to_signs(text) for _ in range(20)])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == want for batch in results for r in batch)


def test_attribution_is_in_the_docs():
    doc = tongyong.sign.__doc__
    assert "NationalCSL-DP" in doc and "CC BY 4.0" in doc and "10.1038/s41597-025-04986-x" in doc
    assert "CC BY 4.0" in tongyong.__doc__

"""National Common Sign Language (国家通用手语): sign look-up, text to signs, fingerspelling.

The lexicon holds the 6,707 signs of the national common sign-language vocabulary
(《国家通用手语词典》, 2019) as published in the NationalCSL-DP dataset: for each sign its id, the
headword as printed, its variant number and the words listed as sharing the sign. It is compiled
into the library: nothing to load.

**Attribution (CC BY 4.0).** The sign ids and headwords come from NationalCSL-DP: Jin, P., Li, H.,
Yang, J., Ren, Y., Li, Y., Zhou, L., Liu, J., Zhang, M., Pu, X. & Jing, S. "A large dataset covering
the Chinese national sign language for dual-view isolated sign language recognition." *Scientific
Data* 12, 660 (2025), doi:10.1038/s41597-025-04986-x; data record doi:10.6084/m9.figshare.27261843.
Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Credit it when you show the ids
or headwords.

An entry never describes how to sign a word: the dictionary's descriptions and drawings are
copyrighted. Use :attr:`SignEntry.id` to show a licensed video or picture (the NationalCSL-DP
videos use the same ids). :meth:`SignEntry.pinyin` and :meth:`SignEntry.fingerspelling` are
derived by tongyong, not taken from the source.

Fingerspelling (汉语手指字母方案, 30 handshapes: the 26 letters and ZH CH SH NG) is a fallback,
not the sign; tone is returned as data, never as a handshape.

Everything here is also available from the package: ``tongyong.sign_lookup`` etc.

>>> import tongyong
>>> tongyong.sign_lookup("手语")
[SignEntry(id=3545, headword='手语', variant=None, gloss='手语（手势、比划、聊天儿）')]
>>> [(e.id, e.variant) for e in tongyong.sign_lookup("学习")]
[(4462, 1), (3701, 2)]
>>> tongyong.sign_by_id(1).headword
'孔雀'
>>> [str(t) for t in tongyong.to_signs("我爱学习手语。")]
['我#1928', '爱#3672', '学习(1)#4462/学习(2)#3701', '手语#3545', '。']
>>> [str(s) for s in tongyong.fingerspell("张")]
['ZH A NG']
"""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass
from typing import List, Optional, Tuple

from . import _tongyong

__all__ = [
    "SharedWord",
    "SignEntry",
    "SignToken",
    "Spelled",
    "fingerspell",
    "sign_by_id",
    "sign_entries",
    "sign_lookup",
    "to_signs",
]

SIGN_COUNT: int = _tongyong.sign_count()
"""The number of signs in the lexicon (6707); ids run from 0 to ``SIGN_COUNT - 1``."""


@dataclass(frozen=True)
class Spelled:
    """A fingerspelled unit: one pinyin syllable, or a run of Latin letters.

    ``syllable`` is the syllable with its tone number (``"zhang1"``; ü as ``v``), ``None`` for
    Latin letters; ``letters`` the handshapes (``"A"`` … ``"Z"``, ``"ZH"``, ``"CH"``, ``"SH"``,
    ``"NG"``); ``umlaut``: the ``U`` stands for ü; ``circumflex``: the ``E`` stands for ê.
    ``str()`` gives the handshapes as ``tongyong sign`` prints them.

    >>> s = fingerspell("女")[0]
    >>> s
    Spelled(syllable='nv3', letters=['N', 'U'], umlaut=True, circumflex=False)
    >>> str(s), s.tone
    ('N U(¨)', 3)
    """

    syllable: Optional[str]
    letters: List[str]
    umlaut: bool = False
    circumflex: bool = False

    @property
    def tone(self) -> Optional[int]:
        """The tone of the syllable (1–4, 5 = neutral) as data: no handshape spells it."""
        if self.syllable is None:
            return None
        return int(self.syllable[-1])

    def __str__(self) -> str:
        out = []
        for letter in self.letters:
            if self.umlaut and letter == "U":
                letter += "(¨)"
            if self.circumflex and letter == "E":
                letter += "(^)"
            out.append(letter)
        return " ".join(out)


@dataclass(frozen=True)
class SharedWord:
    """A word listed as sharing a sign with the headword; ``variant``: which of the word's signs
    this is when it has several (``不孝②`` → 2), else ``None``."""

    word: str
    variant: Optional[int] = None


@dataclass(frozen=True, repr=False)
class SignEntry:
    """One sign of the lexicon (immutable; each entry is one shared object).

    * ``id``: the NationalCSL-DP sign id (0–6706), the stable key for licensed media;
    * ``gloss``: exactly as printed, with variant mark and parenthesised synonyms;
    * ``headword``: without them (digits for the numeral signs: ``"10"``);
    * ``variant``: the variant number when the headword has several signs, else ``None``;
    * ``shares_sign_with``: the words listed as sharing this sign, in the source's order.

    >>> e = sign_by_id(1324)
    >>> e
    SignEntry(id=1324, headword='违反', variant=1, gloss='违反①（触犯、得罪、不孝②）')
    >>> e.shares_sign_with[2]
    SharedWord(word='不孝', variant=2)
    >>> sign_by_id(3545).pinyin()
    ['shou3', 'yu3']
    """

    id: int
    gloss: str
    headword: str
    variant: Optional[int]
    shares_sign_with: Tuple[SharedWord, ...]

    def __repr__(self) -> str:
        return (
            f"SignEntry(id={self.id}, headword={self.headword!r}, variant={self.variant!r}, "
            f"gloss={self.gloss!r})"
        )

    def __str__(self) -> str:
        """``headword#id``, or ``headword(variant)#id``, as ``tongyong sign`` prints a sign."""
        if self.variant is None:
            return f"{self.headword}#{self.id}"
        return f"{self.headword}({self.variant})#{self.id}"

    def pinyin(self) -> List[Optional[str]]:
        """**Derived** by tongyong (not from the source): the reading of the headword, one
        tone-number syllable per Han character (``None`` when unknown); for a numeral sign the
        reading of its first Chinese synonym; empty without Han characters (``KTV``).

        >>> sign_lookup("银行")[0].pinyin()
        ['yin2', 'hang2']
        """
        return _tongyong.sign_entry_pinyin(self.id) or []

    def fingerspelling(self) -> List[Spelled]:
        """**Derived** by tongyong (not from the source, and not the sign): the fingerspelling of
        the headword from :meth:`pinyin`, or of its Latin letters.

        >>> [str(s) for s in sign_lookup("手语")[0].fingerspelling()]
        ['SH O U', 'Y U']
        """
        return [Spelled(*s) for s in _tongyong.sign_entry_fingerspelling(self.id) or []]


@dataclass(frozen=True, repr=False)
class SignToken:
    """One item of a sign sequence (see :func:`to_signs`).

    * ``kind``: ``"sign"``, ``"fingerspell"``, ``"number"`` or ``"other"``;
    * ``text``: the part of the input; ``start``/``end`` its range in the unit asked for;
    * ``word_start``/``word_end``: the text word it was taken from (equal to ``start``/``end``
      unless the word was split into lexicon words and fingerspelled parts);
    * ``entries``: the signs of a sign or number token, all variants in variant order;
    * ``fingerspelling``: for a fingerspelled token, one :class:`Spelled` per syllable.

    >>> to_signs("电脑游戏")
    [SignToken(kind='fingerspell', text='电脑', start=0, end=2, fingerspelling='D I A N | N A O'), SignToken(kind='sign', text='游戏', start=2, end=4, entries=['游戏#5888'])]
    >>> to_signs("电脑游戏")[0].letters
    ['D', 'I', 'A', 'N', 'N', 'A', 'O']
    """

    kind: str
    text: str
    start: int
    end: int
    word_start: int
    word_end: int
    entries: List[SignEntry]
    fingerspelling: List[Spelled]

    @property
    def letters(self) -> List[str]:
        """All handshapes of a fingerspelled token, in order (``letters`` of ``--json``)."""
        return [letter for s in self.fingerspelling for letter in s.letters]

    @property
    def is_split(self) -> bool:
        """Whether the token is a part of a word that was split."""
        return (self.start, self.end) != (self.word_start, self.word_end)

    def __repr__(self) -> str:
        head = (
            f"SignToken(kind={self.kind!r}, text={self.text!r}, start={self.start}, "
            f"end={self.end}"
        )
        if self.entries:
            return f"{head}, entries={[str(e) for e in self.entries]!r})"
        if self.fingerspelling:
            return f"{head}, fingerspelling={str(self)[1:-1]!r})"
        return f"{head})"

    def __str__(self) -> str:
        """The token as ``tongyong sign`` prints it: ``学习(1)#4462/学习(2)#3701``,
        ``[ZH A NG]``, or the text itself."""
        if self.kind in ("sign", "number"):
            return "/".join(str(e) for e in self.entries)
        if self.kind == "fingerspell":
            return "[" + " | ".join(str(s) for s in self.fingerspelling) + "]"
        return self.text


@functools.lru_cache(maxsize=None)
def _entry(id: int) -> Optional[SignEntry]:
    raw = _tongyong.sign_entry(id)
    if raw is None:
        return None
    id_, gloss, headword, variant, shared = raw
    return SignEntry(id_, gloss, headword, variant, tuple(SharedWord(*s) for s in shared))


def sign_by_id(id: int) -> Optional[SignEntry]:
    """The sign with NationalCSL-DP id ``id``, or ``None`` when there is none.

    >>> sign_by_id(3545)
    SignEntry(id=3545, headword='手语', variant=None, gloss='手语（手势、比划、聊天儿）')
    >>> sign_by_id(6707) is None
    True
    """
    id = operator.index(id)
    if not 0 <= id < SIGN_COUNT:
        return None
    return _entry(id)


def sign_lookup(word: str) -> List[SignEntry]:
    """The signs of ``word``: as a headword or as a word listed as sharing a sign, all of them in
    variant order; empty when the word has no sign. Latin letters also match in upper case.

    >>> [e.headword for e in sign_lookup("妻子")]  # listed as sharing the sign of 爱人
    ['爱人']
    >>> sign_lookup("十")[0].headword
    '10'
    >>> sign_lookup("没有这个词")
    []
    """
    return [_entry(i) for i in _tongyong.sign_lookup(word)]  # type: ignore[misc]


def sign_entries() -> List[SignEntry]:
    """Every sign of the lexicon, in id order.

    >>> len(sign_entries())
    6707
    """
    return [_entry(i) for i in range(SIGN_COUNT)]  # type: ignore[misc]


def to_signs(text: str, unit: str = "scalar") -> List[SignToken]:
    """``text`` as a sequence of signs, as ``tongyong sign`` gives it.

    The text is segmented into words; at each word the longest run of whole words that is a
    lexicon word is taken; other Chinese words are split into lexicon words, what is left is
    fingerspelled; numbers without a sign are signed digit by digit; Latin letters without a sign
    are fingerspelled; punctuation is an ``"other"`` token; spaces give no token. Positions are in
    ``unit``: ``"scalar"`` (``str`` indexes, the default), ``"utf16"`` or ``"byte"``. Runs with
    the GIL released.

    >>> [(t.kind, t.text, t.start, t.end) for t in to_signs("手语翻译，2026")][:4]
    [('sign', '手语', 0, 2), ('sign', '翻译', 2, 4), ('other', '，', 4, 5), ('number', '2', 5, 6)]
    >>> [t.text for t in to_signs("手机号码") if t.is_split]
    ['手机', '号码']
    """
    return [
        SignToken(
            kind,
            piece,
            start,
            end,
            word_start,
            word_end,
            [_entry(i) for i in ids],  # type: ignore[misc]
            [Spelled(*s) for s in spelled],
        )
        for kind, piece, start, end, word_start, word_end, ids, spelled in _tongyong.to_signs(
            text, unit
        )
    ]


def fingerspell(text: str) -> List[Spelled]:
    """Fingerspells ``text`` with the Chinese finger alphabet: every Han character by its reading
    in context (one :class:`Spelled` per syllable), every run of Latin letters as its letters;
    anything else is skipped.

    >>> [str(s) for s in fingerspell("女生 ok")]
    ['N U(¨)', 'SH E NG', 'O K']
    >>> [s.letters for s in fingerspell("张")]
    [['ZH', 'A', 'NG']]
    """
    return [Spelled(*s) for s in _tongyong.fingerspell(text)]

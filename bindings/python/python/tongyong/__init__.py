"""tongyong: Chinese text to National Common Braille (国家通用盲文, GF 0019-2018) and National
Common Sign Language (国家通用手语) signs.

Words, context-aware pinyin, the scheme's tone-omission rules and abbreviations, word spacing,
punctuation, digits and Latin letters, as Unicode braille, dot numbers or embosser-ready ASCII
braille (BRF), with exact maps between input and output positions for screen readers; and braille
read back into pinyin.

>>> import tongyong
>>> tongyong.to_braille("我们的学校很大。")
'⠕⠍⠴⠙⠀⠓⠾⠂⠓⠜⠀⠓⠴⠄⠙⠔⠐⠆'
>>> tongyong.to_braille("你好", format="brf")
"NH6'"
>>> t = tongyong.translate("我们的学校", cursor=3)
>>> t.braille, t.output_positions, t.cursor
('⠕⠍⠴⠙⠀⠓⠾⠂⠓⠜', [0, 1, 3, 5, 8], 5)
>>> [w.pinyin for w in tongyong.to_pinyin("我们去银行。")]
[['wo3', 'men5'], ['qu4'], ['yin2', 'hang2'], []]
>>> tongyong.from_braille("⠕⠍⠴⠀⠱⠂").pinyin
"wo3/5'men2/5 shi2"

Code written for liblouis' Python module switches with one line: ``from tongyong import louis``.

Sign language (:mod:`tongyong.sign`; sign ids and headwords from NationalCSL-DP, CC BY 4.0, see
there for the attribution): the signs of a word, text as a sequence of signs, fingerspelling.

>>> [str(t) for t in tongyong.to_signs("我爱手语")]
['我#1928', '爱#3672', '手语#3545']
>>> tongyong.sign_lookup("手语")[0].id
3545
"""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass, field
from typing import Iterable, List, Mapping, Optional, Tuple, Union

from . import _tongyong
from ._errors import BrailleError, Error, OptionError
from .sign import (
    SharedWord,
    SignEntry,
    SignToken,
    Spelled,
    fingerspell,
    sign_by_id,
    sign_entries,
    sign_lookup,
    to_signs,
)

__all__ = [
    "BackItem",
    "BackTranslation",
    "BrailleError",
    "Error",
    "OptionError",
    "Options",
    "SharedWord",
    "SignEntry",
    "SignToken",
    "Spelled",
    "Translation",
    "Translator",
    "UserWords",
    "Word",
    "__version__",
    "fingerspell",
    "from_braille",
    "sign_by_id",
    "sign_entries",
    "sign_lookup",
    "to_braille",
    "to_braille_many",
    "to_pinyin",
    "to_signs",
    "translate",
    "version",
]

__version__: str = _tongyong.version()


def version() -> str:
    """The library version (the same as ``__version__``).

    >>> version() == __version__
    True
    """
    return _tongyong.version()


UserWords = Tuple[Tuple[str, Optional[str]], ...]
"""The stored form of :attr:`Options.user_dictionary`: ``(word, reading or None)`` pairs sorted
by word."""


@dataclass(frozen=True)
class Options:
    """Translation options; the defaults are National Common Braille as the documents recommend.

    Every field is also an option of the command line (``tongyong braille --help``): ``readings``
    is ``--fast``, the spacing rules are ``--no-join-…``/``--join-preposition-noun``,
    ``--idioms``, ``--max-syllables``, and ``user_dictionary`` is ``--user-dict``. Invalid values
    raise :class:`OptionError` when a :class:`Translator` is made from the options (also by
    :func:`to_braille` and the other functions given ``options=``).

    >>> Options(tones="full").tones
    'full'
    >>> to_braille("风平浪静", options=Options(idioms="two-plus-two"))
    '⠋⠼⠏⠡⠀⠇⠦⠛⠡'
    >>> o = Options(user_dictionary={"银行": "yin2 xing2", "李华强": None})
    >>> o.user_dictionary
    (('李华强', None), ('银行', 'yin2 xing2'))
    >>> to_braille("银行", options=o)
    '⠣⠂⠓⠡⠂'
    """

    tones: str = "national"
    """``"national"`` (GF 0019-2018 tone omission and abbreviations), ``"full"`` or ``"none"``."""
    apical_tone_before_zero_initial: bool = True
    """§10.2.7: an apical syllable before a zero-initial one in the same word keeps its tone."""
    tone_retention_list: bool = True
    """§10.2.8: 问, 再, 地道 keep their tone."""
    abbreviate_before_zero_initial: bool = False
    """Abbreviate 的 么 你 他 她 它 even before a zero-initial syllable in the same word."""
    blank_after_sentence_end: bool = True
    """A blank cell after 。？！ when text follows on the same line."""
    lowercase_sign: str = "chinese"
    """When lower-case Latin runs get the letter sign: ``"never"``, ``"chinese"``, ``"always"``."""
    decimal_point: str = "dot3"
    """The decimal point cell: ``"dot3"`` or ``"dot2"``."""
    symbols: str = "chinese"
    """ASCII symbols (``+ = / @ #`` …): ``"chinese"`` (their forms in Chinese text, computer
    braille inside words with Latin letters), ``"computer"`` braille cells always, or ``"pass"``."""
    readings: str = "model"
    """How polyphones are read: ``"model"`` (lexicon, then the polyphone model over the sentence;
    the most accurate) or ``"fast"`` (lexicon and most frequent readings only)."""
    split_long_words: bool = True
    """Word spacing R3: divide words of more than four syllables into their parts."""
    join_monosyllables: bool = True
    """R8: join 很好, 山上, 每年 (degree adverb + adjective, noun + localizer, 每/各 + noun)."""
    join_negation: bool = True
    """R9: join 不/没/别 and a monosyllabic verb or adjective (不去)."""
    join_modal_particles: bool = True
    """R11: modal particles (吗 呢 吧 啊 …) join the word before them."""
    join_preposition_noun: bool = False
    """R12: join a monosyllabic preposition and a monosyllabic noun (在家)."""
    join_numeral_measure: bool = True
    """R14: join a monosyllabic numeral or 这/那/哪 and a measure word (一个, 这只)."""
    join_ordinals: bool = True
    """R15: join 第/初 and a number (第一)."""
    join_dates: bool = True
    """R16: join digits and a date or time unit (2018年)."""
    join_names: bool = True
    """R17: join surname and given name."""
    join_place_generics: bool = True
    """R18: join a place name and a monosyllabic generic (北京市)."""
    idioms: str = "joined"
    """R19: four-character idioms ``"joined"`` (风平浪静) or ``"two-plus-two"`` (风平 浪静)."""
    max_syllables: int = 4
    """The longest word the spacing joins may make, in syllables (at least 1)."""
    user_dictionary: Union[Mapping[str, Optional[str]], UserWords, None] = None
    """Words that win over the built-in lexicon: a ``dict`` mapping each word (Han characters)
    to its reading, one syllable per character with tone numbers or marks separated by spaces
    (``"yin2 xing2"``), or to ``None`` for a word only kept together. Stored as a sorted tuple
    of ``(word, reading)`` pairs (:data:`UserWords`, also accepted), so that options stay
    hashable. An invalid word or reading raises :class:`OptionError`."""

    def __post_init__(self) -> None:
        words = self.user_dictionary
        if words is None:
            return
        if isinstance(words, Mapping):
            pairs = list(words.items())
        elif isinstance(words, tuple):
            pairs = list(words)
        else:
            raise TypeError(
                "user_dictionary must be a dict mapping words to readings (str or None), "
                f"not {type(words).__name__}"
            )
        for pair in pairs:
            if not (
                isinstance(pair, tuple)
                and len(pair) == 2
                and isinstance(pair[0], str)
                and (pair[1] is None or isinstance(pair[1], str))
            ):
                raise TypeError(
                    f"user_dictionary entry {pair!r}: a word (str) and a reading (str or None)"
                )
        object.__setattr__(self, "user_dictionary", tuple(sorted(dict(pairs).items())))


@dataclass(frozen=True)
class Word:
    """One braille word or punctuation mark, with the readings of its Han characters.

    ``start``/``end`` index the input in the unit asked for (code points by default);
    ``pinyin`` has one tone-number syllable per Han character (tone 5 = neutral, ü as ``v``;
    ``None`` for a character without a known reading); ``braille`` is the word's own cells
    (empty from :func:`to_pinyin`, which writes no braille).

    >>> to_pinyin("银行")[0]
    Word(text='银行', kind='han', start=0, end=2, pinyin=['yin2', 'hang2'], braille='')
    """

    text: str
    kind: str
    """``"han"``, ``"code"`` (Latin letters, digits, symbols), ``"punct"`` or ``"other"``."""
    start: int
    end: int
    pinyin: List[Optional[str]]
    braille: str


@dataclass(frozen=True, repr=False)
class Translation:
    """A translation with its position maps (liblouis' ``inputPos``/``outputPos``).

    * ``braille``: Unicode braille; one character per output symbol (a cell, or a character
      passed through because it has no braille form).
    * ``input_positions[j]``: input position of output symbol ``j`` (a blank between words
      belongs to the word before it).
    * ``output_positions[i]``: first output symbol of input position ``i``.
    * ``cursor``: the output position of the cursor given to :func:`translate`, else ``None``.
    * Positions are in ``unit``: ``"scalar"`` (Python ``str`` indexes, the default),
      ``"utf16"`` or ``"byte"`` (UTF-8).

    >>> t = translate("你好")
    >>> t
    Translation(text='你好', braille='⠝⠓⠖⠄', cursor=None, unit='scalar', 1 word)
    >>> t.input_positions
    [0, 1, 1, 1]
    >>> t.as_format("dots")
    '1345-125-235-3'
    """

    text: str
    braille: str
    input_positions: List[int]
    output_positions: List[int]
    cursor: Optional[int]
    words: List[Word]
    unit: str = "scalar"
    options: Options = field(default_factory=Options)

    def __repr__(self) -> str:
        return (
            f"Translation(text={self.text!r}, braille={self.braille!r}, cursor={self.cursor!r}, "
            f"unit={self.unit!r}, {len(self.words)} word{'' if len(self.words) == 1 else 's'})"
        )

    def as_format(self, format: str) -> str:
        """The braille in ``format``: ``"unicode"``, ``"dots"`` or ``"brf"``."""
        return Translator(self.options).to_braille(self.text, format)


@dataclass(frozen=True)
class BackItem:
    """One item read back from braille.

    ``kind`` is ``"syllable"``, ``"abbreviation"``, ``"number"``, ``"letters"``, ``"punct"``,
    ``"blank"`` or ``"text"``; ``start``/``end`` index the braille cells; ``text`` is the
    syllable without tone (``"men"``), the abbreviated character, digits, letters or mark;
    ``tones`` the possible tones of a syllable and ``syllables`` the candidates with them
    (``["men2", "men5"]``: an unmarked syllable has its group's omitted tone or the neutral one).
    """

    kind: str
    start: int
    end: int
    text: str
    tones: List[int]
    syllables: List[str]


@dataclass(frozen=True)
class BackTranslation:
    """Braille read back: ``pinyin`` as ``tongyong back`` prints it, and the ``items``.

    >>> b = from_braille("⠕⠍⠴")
    >>> b.pinyin
    "wo3/5'men2/5"
    >>> b.items[1]
    BackItem(kind='syllable', start=1, end=3, text='men', tones=[2, 5], syllables=['men2', 'men5'])
    """

    braille: str
    pinyin: str
    items: List[BackItem]


class Translator:
    """A translator with fixed :class:`Options` (default: National Common Braille).

    Thread-safe; every method releases the GIL while it works, so threads translate in
    parallel.

    >>> t = Translator(Options(tones="full"))
    >>> t.to_braille("你好", format="dots")
    '1345-24-3-125-235-3'
    >>> Translator(tones="none").options.tones
    'none'
    """

    __slots__ = ("_native", "_options")

    def __init__(self, options: Optional[Options] = None, **kwargs: object) -> None:
        if options is None:
            options = Options(**kwargs)  # type: ignore[arg-type]
        elif kwargs:
            raise TypeError("give either an Options object or keyword arguments, not both")
        self._options = options
        self._native = _tongyong.Translator(**asdict(options))

    @property
    def options(self) -> Options:
        """The options."""
        return self._options

    def __repr__(self) -> str:
        return f"Translator({self._options!r})"

    def to_braille(self, text: str, format: str = "unicode") -> str:
        """The braille of ``text`` in ``format``: ``"unicode"``, ``"dots"`` or ``"brf"``.

        Equal to the command line's ``tongyong braille`` output for one line. Characters with no
        braille form are passed through (in BRF as ``\\x{HEX}``).

        >>> Translator().to_braille("他们是老师。")
        '⠞⠍⠴⠀⠱⠀⠇⠖⠄⠱⠁⠐⠆'
        """
        return self._native.to_braille(text, format)

    def to_braille_many(self, texts: Iterable[str], format: str = "unicode") -> List[str]:
        """:meth:`to_braille` of every text, all with the GIL released once.

        >>> Translator().to_braille_many(["你好", "世界"], format="brf")
        ["NH6'", ':GE']
        """
        return self._native.to_braille_many(list(texts), format)

    def translate(
        self, text: str, cursor: Optional[int] = None, unit: str = "scalar"
    ) -> Translation:
        """``text`` translated with position maps; ``cursor`` (in ``unit``) is mapped too.

        >>> t = Translator().translate("我们的学校", cursor=3)
        >>> t.cursor, t.input_positions[5]
        (5, 3)
        >>> Translator().translate("😀你好", unit="utf16").output_positions  # 😀 is 2 UTF-16 units
        [0, 0, 2, 3]
        """
        braille, inputs, outputs, out_cursor, words = self._native.translate(text, unit, cursor)
        return Translation(
            text=text,
            braille=braille,
            input_positions=inputs,
            output_positions=outputs,
            cursor=out_cursor,
            words=_words(text, words, unit),
            unit=unit,
            options=self._options,
        )

    def to_pinyin(self, text: str, unit: str = "scalar") -> List[Word]:
        """The words of ``text`` with their readings, as the braille is spaced.

        >>> [w.text for w in Translator().to_pinyin("我们去银行。")]
        ['我们', '去', '银行', '。']
        """
        return _words(text, self._native.to_pinyin(text, unit), unit)


def _words(text: str, words: list, unit: str) -> List[Word]:
    if unit == "scalar":
        cut = text
    elif unit == "utf16":
        cut = text.encode("utf-16-le", "surrogatepass")  # type: ignore[assignment]
    else:
        cut = text.encode("utf-8", "surrogatepass")  # type: ignore[assignment]
    out = []
    for kind, start, end, pinyin, braille in words:
        if unit == "scalar":
            piece = text[start:end]
        elif unit == "utf16":
            piece = cut[2 * start : 2 * end].decode("utf-16-le")  # type: ignore[union-attr]
        else:
            piece = cut[start:end].decode("utf-8")  # type: ignore[union-attr]
        out.append(Word(piece, kind, start, end, pinyin, braille))
    return out


@functools.lru_cache(maxsize=16)
def _translator(options: Optional[Options]) -> Translator:
    return Translator(options)


def to_braille(text: str, format: str = "unicode", options: Optional[Options] = None) -> str:
    """The braille of ``text`` in ``format`` (``"unicode"``, ``"dots"``, ``"brf"``).

    >>> to_braille("你好", format="dots")
    '1345-125-235-3'
    >>> to_braille("你好", options=Options(tones="full"))
    '⠝⠊⠄⠓⠖⠄'
    """
    return _translator(options).to_braille(text, format)


def to_braille_many(
    texts: Iterable[str], format: str = "unicode", options: Optional[Options] = None
) -> List[str]:
    """:func:`to_braille` of every text, computed with the GIL released.

    >>> to_braille_many(["你好", "世界"])
    ['⠝⠓⠖⠄', '⠱⠛⠑']
    """
    return _translator(options).to_braille_many(texts, format)


def translate(
    text: str,
    cursor: Optional[int] = None,
    unit: str = "scalar",
    options: Optional[Options] = None,
) -> Translation:
    """``text`` translated with its position maps and words; see :class:`Translation`.

    >>> translate("我们的学校", cursor=3).cursor
    5
    """
    return _translator(options).translate(text, cursor, unit)


def to_pinyin(
    text: str, unit: str = "scalar", options: Optional[Options] = None
) -> List[Word]:
    """The words of ``text`` with their readings, as the braille is spaced.

    >>> [w.pinyin for w in to_pinyin("他们是老师。")]
    [['ta1', 'men5'], ['shi4'], ['lao3', 'shi1'], []]
    >>> [w.pinyin for w in to_pinyin("银行", options=Options(readings="fast"))]
    [['yin2', 'hang2']]
    """
    return _translator(options).to_pinyin(text, unit)


def from_braille(braille: str, input: str = "unicode") -> BackTranslation:
    """Braille (``input`` ``"unicode"`` or ``"brf"``) read back into pinyin with alternatives.

    Raises :class:`BrailleError` (with the cell ``position``) for braille that cannot be read.

    >>> from_braille("N H6'", input="brf").pinyin
    '你 hao3'
    """
    pinyin, items = _tongyong.from_braille(braille, input)
    return BackTranslation(braille, pinyin, [BackItem(*item) for item in items])


def __dir__() -> List[str]:
    """The public API (``__all__``) and its submodules, not the names this module imports."""
    return sorted(set(__all__) | {"louis", "sign"})

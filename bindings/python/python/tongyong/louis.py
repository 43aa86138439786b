"""A drop-in for liblouis' Python module ``louis``, for Chinese text.

Code written for liblouis switches with one line::

    import louis                      # before
    from tongyong import louis        # after

The functions keep liblouis' names, arguments and results. The table list only chooses the
variant: a name containing ``zh-chn`` gives current braille without tones, ``zhcn-g1`` current
braille with every tone, anything else National Common Braille (liblouis' ``zhcn-cbs.ctb``);
a display table whose name contains ``brf`` gives North American ASCII braille, otherwise the
output is Unicode braille. ``mode`` honours ``dotsIO`` (cells as ``0x8000 | dots``, or
``0x2800 | dots`` with ``ucBrl``) and ``noContractions`` (every tone written, no
abbreviations); other modes and ``typeform`` are accepted and ignored. Positions are never -1.

>>> from tongyong import louis
>>> braille, input_pos, output_pos, cursor = louis.translate(["zhcn-cbs.ctb"], "我们的学校", cursorPos=3)
>>> braille, output_pos, cursor
('⠕⠍⠴⠙⠀⠓⠾⠂⠓⠜', [0, 1, 3, 5, 8], 5)
>>> louis.translateString(["en-us-brf.dis", "zhcn-cbs.ctb"], "你好，世界。")
'NH6\\'" :GE"2'
"""

from __future__ import annotations

from typing import List, Optional, Sequence, Tuple, Union

from . import Options, Translator, from_braille, version as _version

__all__ = [
    "translate",
    "translateString",
    "backTranslateString",
    "version",
    "charSize",
    "noContractions",
    "compbrlAtCursor",
    "dotsIO",
    "compbrlLeftCursor",
    "ucBrl",
    "noUndefined",
    "partialTrans",
]

# Translation modes, with liblouis' values.
noContractions = 1
compbrlAtCursor = 2
dotsIO = 4
compbrlLeftCursor = 32
ucBrl = 64
noUndefined = 128
partialTrans = 256

_TableList = Union[str, Sequence[str]]


def version() -> str:
    """The tongyong version (liblouis returns its own)."""
    return "tongyong " + _version()


def charSize() -> int:
    """Characters are Python ``str`` code points: 4 bytes, as a UCS-4 liblouis build."""
    return 4


def _tables(table_list: _TableList) -> List[str]:
    if isinstance(table_list, str):
        return [t.strip().lower() for t in table_list.split(",")]
    return [str(t).lower() for t in table_list]


def _translator(tables: List[str], mode: int) -> Translator:
    tones = "national"
    if any("zh-chn" in t or "zh_chn" in t for t in tables):
        tones = "none"
    elif any("zhcn-g1" in t for t in tables):
        tones = "full"
    if mode & noContractions:
        tones = "full"
    return Translator(Options(tones=tones))


def _pieces(
    tables: List[str], mode: int, translator: Translator, text: str, braille: str
) -> List[str]:
    """The output piece of every symbol of ``braille`` (Unicode, one symbol per character)."""
    if mode & dotsIO:
        base = 0x2800 if mode & ucBrl else 0x8000
        return [
            chr(base | (ord(c) - 0x2800)) if 0x2800 <= ord(c) <= 0x28FF else c for c in braille
        ]
    if not any("brf" in t for t in tables):
        return list(braille)
    brf = translator.to_braille(text, "brf")
    pieces, k = [], 0
    for c in braille:
        if 0x2800 <= ord(c) <= 0x28FF:
            piece = brf[k]
        elif c in "\n\r\f":
            piece = c
        else:
            piece = "\\x{%X}" % ord(c)
        pieces.append(piece)
        k += len(piece)
    return pieces


def translate(
    tableList: _TableList,
    inbuf: str,
    typeform: Optional[List[int]] = None,
    cursorPos: int = 0,
    mode: int = 0,
) -> Tuple[str, List[int], List[int], int]:
    """Translate ``inbuf``: ``(braille, inputPos, outputPos, cursorPos)`` as liblouis returns.

    ``inputPos[j]`` is the input index of output character ``j``; ``outputPos[i]`` the output
    index of input character ``i``; ``cursorPos`` the output position of the input cursor.
    """
    tables = _tables(tableList)
    tr = _translator(tables, mode)
    t = tr.translate(inbuf, cursor=cursorPos)
    pieces = _pieces(tables, mode, tr, inbuf, t.braille)
    start = []  # output index of every symbol
    at = 0
    for piece in pieces:
        start.append(at)
        at += len(piece)
    start.append(at)
    input_pos = [t.input_positions[j] for j, piece in enumerate(pieces) for _ in piece]
    output_pos = [start[s] for s in t.output_positions]
    cursor = start[t.cursor] if t.cursor is not None else 0
    return "".join(pieces), input_pos, output_pos, cursor


def translateString(
    tableList: _TableList, inbuf: str, typeform: Optional[List[int]] = None, mode: int = 0
) -> str:
    """Translate ``inbuf`` to braille.

    >>> translateString(["zhcn-g1.ctb"], "你好")
    '⠝⠊⠄⠓⠖⠄'
    """
    return translate(tableList, inbuf, typeform, 0, mode)[0]


def backTranslateString(
    tableList: _TableList, inbuf: str, typeform: Optional[List[int]] = None, mode: int = 0
) -> str:
    """Braille back to pinyin (not to characters: that is ill-posed for Chinese). Unmarked
    syllables show both possible tones.

    >>> backTranslateString(["zhcn-cbs.ctb"], "⠕⠍⠴⠀⠱⠂")
    "wo3/5'men2/5 shi2"
    """
    tables = _tables(tableList)
    text = "".join(
        chr(0x2800 | (ord(c) & 0xFF)) if ord(c) & 0xFF00 in (0x8000, 0x2800) else c for c in inbuf
    )
    if mode & dotsIO or not any("brf" in t for t in tables):
        return from_braille(text).pinyin
    return from_braille(inbuf, input="brf").pinyin

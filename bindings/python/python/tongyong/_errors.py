"""The exceptions of tongyong. Every one is a ``ValueError``."""

from __future__ import annotations

from typing import Optional

__all__ = ["Error", "OptionError", "BrailleError"]


class Error(ValueError):
    """Base class of tongyong's errors (a ``ValueError``).

    >>> import tongyong
    >>> issubclass(tongyong.Error, ValueError)
    True
    """


class OptionError(Error):
    """An unknown option value, format, unit or braille input name.

    >>> import tongyong
    >>> tongyong.to_braille("你好", format="ascii")
    Traceback (most recent call last):
    ...
    tongyong.OptionError: unknown format "ascii" (expected unicode, dots or brf)
    """


class BrailleError(Error):
    """Braille that cannot be read back; ``position`` is the index of the offending cell.

    >>> import tongyong
    >>> try:
    ...     tongyong.from_braille("⠁")
    ... except tongyong.BrailleError as e:
    ...     print(e.position)
    0
    """

    def __init__(self, message: str, position: Optional[int] = None) -> None:
        super().__init__(message)
        self.position = position


# Shown as tongyong.Error etc. in tracebacks and reprs: the public names.
for _cls in (Error, OptionError, BrailleError):
    _cls.__module__ = "tongyong"
del _cls

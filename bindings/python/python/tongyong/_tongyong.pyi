# Type stubs of the native module tongyong._tongyong (bindings/python/src/lib.rs).
# tests/test_stubs.py checks that they match the module: keep them in step.
from typing import List, Optional, Tuple

_Word = Tuple[str, int, int, List[Optional[str]], str]
_BackItem = Tuple[str, int, int, str, List[int], List[str]]

class Translator:
    def __init__(
        self,
        *,
        tones: str = "national",
        apical_tone_before_zero_initial: bool = True,
        tone_retention_list: bool = True,
        abbreviate_before_zero_initial: bool = False,
        blank_after_sentence_end: bool = True,
        lowercase_sign: str = "chinese",
        decimal_point: str = "dot3",
        symbols: str = "computer",
    ) -> None: ...
    def to_braille(self, text: str, format: str = "unicode") -> str: ...
    def to_braille_many(self, texts: List[str], format: str = "unicode") -> List[str]: ...
    def translate(
        self, text: str, unit: str = "scalar", cursor: Optional[int] = None
    ) -> Tuple[str, List[int], List[int], Optional[int], List[_Word]]: ...
    def to_pinyin(self, text: str, unit: str = "scalar") -> List[_Word]: ...

def from_braille(braille: str, input: str = "unicode") -> Tuple[str, List[_BackItem]]: ...
def version() -> str: ...

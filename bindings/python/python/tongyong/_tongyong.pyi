# Type stubs of the native module tongyong._tongyong (bindings/python/src/lib.rs).
# tests/test_stubs.py checks that they match the module: keep them in step.
from typing import List, Optional, Sequence, Tuple

_Word = Tuple[str, int, int, List[Optional[str]], str]
_BackItem = Tuple[str, int, int, str, List[int], List[str]]
# (id, gloss, headword, variant, [(shared word, variant)])
_SignEntry = Tuple[int, str, str, Optional[int], List[Tuple[str, Optional[int]]]]
# (syllable, letters, umlaut, circumflex)
_Spelled = Tuple[Optional[str], List[str], bool, bool]
# (kind, text, start, end, word start, word end, entry ids, fingerspelling)
_SignToken = Tuple[str, str, int, int, int, int, List[int], List[_Spelled]]

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
        symbols: str = "chinese",
        readings: str = "model",
        split_long_words: bool = True,
        join_monosyllables: bool = True,
        join_negation: bool = True,
        join_modal_particles: bool = True,
        join_preposition_noun: bool = False,
        join_numeral_measure: bool = True,
        join_ordinals: bool = True,
        join_dates: bool = True,
        join_names: bool = True,
        join_place_generics: bool = True,
        idioms: str = "joined",
        max_syllables: int = 4,
        user_dictionary: Optional[Sequence[Tuple[str, Optional[str]]]] = None,
    ) -> None: ...
    def to_braille(self, text: str, format: str = "unicode") -> str: ...
    def to_braille_many(self, texts: List[str], format: str = "unicode") -> List[str]: ...
    def translate(
        self, text: str, unit: str = "scalar", cursor: Optional[int] = None
    ) -> Tuple[str, List[int], List[int], Optional[int], List[_Word]]: ...
    def to_pinyin(self, text: str, unit: str = "scalar") -> List[_Word]: ...

def from_braille(braille: str, input: str = "unicode") -> Tuple[str, List[_BackItem]]: ...
def version() -> str: ...
def sign_count() -> int: ...
def sign_entry(id: int) -> Optional[_SignEntry]: ...
def sign_lookup(word: str) -> List[int]: ...
def sign_entry_pinyin(id: int) -> Optional[List[Optional[str]]]: ...
def sign_entry_fingerspelling(id: int) -> Optional[List[_Spelled]]: ...
def fingerspell(text: str) -> List[_Spelled]: ...
def to_signs(text: str, unit: str = "scalar") -> List[_SignToken]: ...

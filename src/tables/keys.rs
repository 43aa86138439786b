//! The keys of the generated tables that the build script (`build/main.rs`, which includes this
//! file, for `char_set` and `build/braille.rs`) and the reader (`src/tables.rs`) must compute
//! alike.

/// The first character of the main CJK block, whose characters a `CharSet` keeps as bits.
const CJK_START: u32 = 0x4E00;

/// The number of characters of the main CJK block (U+4E00–U+9FFF).
const CJK_LEN: u32 = 0x5200;

/// The number of u64 words of a `CharSet`'s bitmap of the main CJK block.
pub const CJK_WORDS: usize = (CJK_LEN / 64) as usize;

/// The word and the bit of `c` in a `CharSet`'s bitmap, if `c` is in the main CJK block.
#[inline]
pub const fn cjk_bit(c: u32) -> Option<(usize, u64)> {
    match c.checked_sub(CJK_START) {
        Some(i) if i < CJK_LEN => Some(((i / 64) as usize, 1 << (i % 64))),
        _ => None,
    }
}

/// The perfect hash of the one-character punctuation marks has 2^this slots.
pub const PUNCTUATION_SLOT_BITS: u32 = 6;

/// The slot of the mark `c` under the build's `multiplier` (multiply-shift).
#[inline]
pub const fn punctuation_slot(c: u32, multiplier: u32) -> usize {
    (c.wrapping_mul(multiplier) >> (32 - PUNCTUATION_SLOT_BITS)) as usize
}

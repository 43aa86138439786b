//! The hash of a feature of the linear polyphone model (`read::linear`), shared by the build
//! script (`build/polyphone.rs`, which includes this file and checks the weights file's probe with
//! it) and the reader. The training script (`scripts/train-polyphone.py`) computes the same
//! function over the same bytes: 32-bit FNV-1a over the UTF-8 bytes of the feature string.

/// The FNV-1a offset basis (32 bits).
pub const FNV_OFFSET: u32 = 0x811c_9dc5;
const FNV_PRIME: u32 = 0x0100_0193;

/// Feeds `bytes` into the running hash `h`.
#[inline]
pub fn fnv_bytes(mut h: u32, bytes: &[u8]) -> u32 {
    for &b in bytes {
        h ^= b as u32;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// The hash of the whole string `s`.
pub fn fnv_str(s: &str) -> u32 {
    fnv_bytes(FNV_OFFSET, s.as_bytes())
}

/// The string whose hash the weights file records, so that the build can tell a file hashed
/// another way.
pub const PROBE: &str = "tongyong 通用";

/// The first slot of the feature hash `h` of the model's character number `char_index` in the
/// open-addressing table of `2^bits` slots that the build makes (`build/polyphone.rs`; linear
/// probing from there).
#[inline]
pub fn slot(h: u32, char_index: u32, bits: u32) -> usize {
    let mixed = (h ^ char_index.wrapping_mul(0x9e37_79b9)).wrapping_mul(0x85eb_ca6b);
    (mixed >> (32 - bits)) as usize
}

/// Bits of a table entry's second word that hold the row (plus one; 0 marks an empty slot); the
/// bits above hold the character number.
pub const ROW_BITS: u32 = 20;

//! The keys and hashes of the compiled lexicon, shared by the build script that writes it
//! (`build/lexicon.rs`, which includes this file) and the reader (`src/lexicon.rs`): both sides
//! must compute them alike.

/// The slot of its parent's children block, of `len` slots, where the search for the character
/// `c` starts (multiply-shift of a hash of `c`; not the bits of [`follower_bit`], which the
/// signatures use). Linear probing goes on from there.
#[inline]
pub fn child_start(c: char, len: u32) -> usize {
    let hash = (c as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32;
    ((hash * len as u64) >> 32) as usize
}

/// The bit of `c` in an entry's signature of the characters that can follow it.
#[inline]
pub fn follower_bit(c: char) -> u16 {
    1 << ((c as u32).wrapping_mul(0x9E37_79B1) >> 28)
}

/// The key of the two-character key `a` `c` in the filter of two-character keys.
#[inline]
pub fn pair_key(a: char, c: char) -> u64 {
    a as u64 | (c as u64) << 21
}

/// The word and the three bits of the pair key `key` in the filter of two-character keys (a
/// blocked Bloom filter of 2^15 words).
#[inline]
pub fn pair_filter(key: u64) -> (usize, u64) {
    let h = key.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    let word = (h >> 49) as usize;
    let bits = 1 << (h & 63) | 1 << (h >> 6 & 63) | 1 << (h >> 12 & 63);
    (word, bits)
}

//! The key of a neighbour rule of `data/readings/context-rules.tsv`, shared by the build script
//! that compiles the rules (`build/readings.rs`, which includes this file) and the reader
//! (`read::context_reading`): both sides must pack it alike.

/// The key of the rule for `c` with `neighbour` before it, or after it when `after`.
#[inline]
pub fn context_key(c: char, neighbour: char, after: bool) -> u64 {
    (c as u64) << 22 | (neighbour as u64) << 1 | u64::from(after)
}

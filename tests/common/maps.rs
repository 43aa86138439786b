//! The invariants of a translation's position maps and words, asserted by the property tests
//! (`tests/positions.rs`) and the `translate` fuzz target (`fuzz/src/lib.rs` includes this file).

use tongyong::{Translation, Unit, WordKind};

/// Asserts every invariant of the position maps and words of `t`, the translation of `text`.
pub fn check_translation(t: &Translation, text: &str) {
    let n_in = text.chars().count();
    let n_out = t.symbols().len();
    assert_eq!(t.text(), text);
    let input = t.input_positions(Unit::Scalar);
    let output = t.output_positions(Unit::Scalar);
    assert_eq!(input.len(), n_out, "one input position per symbol");
    assert_eq!(output.len(), n_in, "one output position per input scalar");
    assert!(
        input.windows(2).all(|w| w[0] <= w[1]),
        "input positions non-decreasing"
    );
    assert!(
        output.windows(2).all(|w| w[0] <= w[1]),
        "output positions non-decreasing"
    );
    assert!(input.iter().all(|&i| i < n_in), "input positions in range");
    assert!(
        output.iter().all(|&o| o <= n_out),
        "output positions ≤ symbol count"
    );
    if n_in > 0 && n_out == 0 {
        panic!("{n_in} input characters produced no output at all");
    }
    // Every character with cells of its own maps to the first of them.
    let mut has_output = vec![false; n_in];
    for &i in &input {
        has_output[i] = true;
    }
    for (i, &o) in output.iter().enumerate() {
        if has_output[i] {
            assert_eq!(input[o], i, "first symbol of input {i}");
            assert!(o == 0 || input[o - 1] < i);
        }
    }
    // Nothing is lost silently: a character with no symbol of its own is a combining mark
    // composed with the character before it, a later character of a punctuation mark written
    // as one (—— ……), whose cells all map to its first character, or a typed space next to a
    // mark (R23: a mark attaches to its word, so the spaces between them are no blanks).
    let chars: Vec<char> = text.chars().collect();
    let punct_at = |k: usize, start: bool| {
        t.words().iter().any(|w| {
            w.kind == WordKind::Punct
                && if start {
                    w.input.start == k
                } else {
                    w.input.end == k + 1
                }
        })
    };
    for (i, &c) in chars.iter().enumerate() {
        if !has_output[i] {
            let in_mark = t
                .words()
                .iter()
                .any(|w| w.kind == WordKind::Punct && w.input.start < i && i < w.input.end);
            let next = (i..chars.len()).find(|&k| !chars[k].is_whitespace());
            let prev = (0..i).rev().find(|&k| !chars[k].is_whitespace());
            let space_by_mark = c.is_whitespace()
                && (next.is_some_and(|k| punct_at(k, true))
                    || prev.is_some_and(|k| punct_at(k, false)));
            assert!(
                (i > 0 && (silent(c) || in_mark)) || space_by_mark,
                "input {i} {c:?} has no output (text {text:?})"
            );
        }
    }
    // Cursor round trip.
    for i in 0..=n_in {
        let o = t.cursor_to_output(i, Unit::Scalar);
        assert!(o <= n_out);
        let back = t.cursor_to_input(o, Unit::Scalar);
        assert!(back <= n_in);
        if has_output.get(i) == Some(&true) {
            assert_eq!(back, i, "cursor round trip at {i}");
        }
    }
    assert_eq!(t.cursor_to_output(n_in, Unit::Scalar), n_out);
    assert_eq!(t.cursor_to_input(n_out, Unit::Scalar), n_in);
    // UTF-16 and byte units agree with scalars.
    let utf16 = Unit::Utf16.offsets(text);
    let bytes = Unit::Byte.offsets(text);
    let in16 = t.input_positions(Unit::Utf16);
    let in8 = t.input_positions(Unit::Byte);
    assert_eq!(in16.len(), n_out);
    assert_eq!(in8.len(), n_out);
    for (j, &i) in input.iter().enumerate() {
        assert_eq!(in16[j], utf16[i]);
        assert_eq!(in8[j], bytes[i]);
    }
    let out16 = t.output_positions(Unit::Utf16);
    let out8 = t.output_positions(Unit::Byte);
    assert_eq!(out16.len(), text.encode_utf16().count());
    assert_eq!(out8.len(), text.len());
    for (i, c) in text.chars().enumerate() {
        for k in 0..c.len_utf16() {
            assert_eq!(out16[utf16[i] + k], output[i]);
            assert_eq!(t.cursor_to_output(utf16[i] + k, Unit::Utf16), output[i]);
        }
        for k in 0..c.len_utf8() {
            assert_eq!(out8[bytes[i] + k], output[i]);
            assert_eq!(t.cursor_to_output(bytes[i] + k, Unit::Byte), output[i]);
        }
    }
    // Words: in order, inside the input and the output, not overlapping.
    let mut in_end = 0;
    let mut out_end = 0;
    for w in t.words() {
        assert!(w.input.start <= w.input.end && w.input.end <= n_in, "{w:?}");
        assert!(
            w.output.start <= w.output.end && w.output.end <= n_out,
            "{w:?}"
        );
        assert!(
            w.input.start >= in_end && w.output.start >= out_end,
            "{w:?}"
        );
        in_end = w.input.end;
        out_end = w.output.end;
        if w.kind != WordKind::Han {
            assert!(w.pinyin.is_empty());
        }
    }
}

/// Characters that may produce no output symbol of their own: combining marks, which the library
/// composes with the character before them (NFC) and maps to it.
pub fn silent(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

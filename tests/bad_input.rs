//! Unusual and hostile input (issue #7): control characters, NUL, combining marks, astral-plane
//! characters, empty input, CRLF, U+FFFD, very long lines. Every case ends in a faithful
//! pass-through or a clear error, never a panic, and no input character is lost silently.
//! Regression tests for the fuzzers' findings are here too.

use std::time::Instant;

use tongyong::{
    fingerspell, from_braille, sign_lookup, to_signs, BrailleInput, Format, Options, Symbol,
    ToneMode, Translator, Unit, WordKind,
};
use unicode_normalization::char::is_combining_mark;

/// Translates `text` with every tone mode and checks that every input character is accounted
/// for: it has output symbols of its own, or it is a combining mark composed into the character
/// before it, or a later character of a punctuation mark written as a whole (—— ……). Returns
/// the default translation.
fn faithful(text: &str) -> tongyong::Translation {
    let mut first = None;
    for tones in [ToneMode::National, ToneMode::Full, ToneMode::None] {
        let t = Translator::with_options(Options {
            tones,
            ..Options::default()
        })
        .translate(text);
        check_coverage(&t, text);
        first.get_or_insert(t);
    }
    first.unwrap()
}

fn check_coverage(t: &tongyong::Translation, text: &str) {
    let n = text.chars().count();
    let input = t.input_positions(Unit::Scalar);
    assert_eq!(t.output_positions(Unit::Scalar).len(), n);
    assert!(input.windows(2).all(|w| w[0] <= w[1]));
    let mut has_output = vec![false; n];
    for &i in &input {
        has_output[i] = true;
    }
    // Later characters of a punctuation mark.
    let mut in_mark = vec![false; n];
    for w in t.words().iter().filter(|w| w.kind == WordKind::Punct) {
        if w.input.len() > 1 {
            in_mark[w.input.start + 1..w.input.end].fill(true);
        }
    }
    for (i, c) in text.chars().enumerate() {
        let in_mark = in_mark[i];
        assert!(
            has_output[i] || (i > 0 && (is_combining_mark(c) || in_mark)),
            "input {i} {c:?} of {text:?} has no output"
        );
    }
}

/// The characters passed through unchanged (no braille form), in order.
fn passed_through(t: &tongyong::Translation) -> String {
    t.symbols()
        .iter()
        .filter_map(|s| match s {
            Symbol::Text(c) => Some(*c),
            Symbol::Cell(_) => None,
        })
        .collect()
}

#[test]
fn empty_input_everywhere() {
    let tr = Translator::new();
    let t = faithful("");
    assert!(t.symbols().is_empty() && t.words().is_empty());
    for f in [Format::Unicode, Format::Dots, Format::Brf] {
        assert_eq!(t.to_string_as(f), "");
    }
    assert_eq!(t.output_positions(Unit::Utf16), Vec::<usize>::new());
    assert_eq!(t.cursor_to_output(5, Unit::Byte), 0);
    assert_eq!(t.cursor_to_input(5, Unit::Utf16), 0);
    assert!(tr.to_pinyin("").is_empty());
    assert!(from_braille("", BrailleInput::Unicode)
        .unwrap()
        .items
        .is_empty());
    assert!(from_braille("", BrailleInput::Brf)
        .unwrap()
        .items
        .is_empty());
    assert!(to_signs("").is_empty());
    assert!(fingerspell("").is_empty());
    assert!(sign_lookup("").is_empty());
}

#[test]
fn control_characters_and_nul_are_passed_through() {
    // Every C0 control, DEL and the C1 controls, alone and between Chinese words.
    let controls: Vec<char> = (0u32..0x20)
        .chain(0x7f..0xa0)
        .filter_map(char::from_u32)
        .collect();
    for &c in &controls {
        let alone = c.to_string();
        let t = faithful(&alone);
        assert!(!t.symbols().is_empty(), "{c:?}");
        let between = format!("我们{c}学校");
        let t = faithful(&between);
        let kept = passed_through(&t);
        if c == ' ' || c == '\t' {
            continue;
        }
        // A control character is written as itself (a tab or form feed may be a blank cell).
        assert!(
            kept.contains(c) || t.symbols().contains(&Symbol::Cell(tongyong::Cell::BLANK)),
            "{c:?}: {:?}",
            t.to_string_as(Format::Unicode)
        );
    }
    let t = faithful("你\0好");
    assert_eq!(passed_through(&t), "\0");
    assert_eq!(t.to_string_as(Format::Brf).matches("\\x{0}").count(), 1);
    let all: String = controls.iter().collect();
    faithful(&all);
}

#[test]
fn crlf_and_lone_carriage_returns() {
    let t = faithful("你好\r\n我们\r学校\n");
    let unicode = t.to_string_as(Format::Unicode);
    assert_eq!(unicode.matches('\r').count(), 2, "{unicode:?}");
    assert_eq!(unicode.matches('\n').count(), 2, "{unicode:?}");
    // Lines stay lines: the braille between the breaks is that of each line alone.
    let tr = Translator::new();
    let parts: Vec<&str> = unicode.split(['\r', '\n']).collect();
    assert_eq!(
        parts[0].trim_end_matches('⠀'),
        tr.to_braille("你好", Format::Unicode)
    );
}

#[test]
fn combining_marks() {
    // Composed with their base (NFC), the positions still point into the input.
    let t = faithful("cafe\u{301} 我");
    assert_eq!(t.output_positions(Unit::Scalar).len(), 7);
    // A mark at the very start, marks after Chinese, after a line break, stacked marks.
    for text in [
        "\u{301}",
        "\u{301}\u{302}我",
        "我\u{301}们",
        "我\n\u{301}",
        "a\u{308}\u{323}\u{301}\u{300}x",
        "\u{958}\u{301}",
        "e\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}",
    ] {
        faithful(text);
        let _ = to_signs(text);
    }
}

#[test]
fn sign_tokens_after_an_uncomposed_mark_are_not_empty() {
    // Fuzz signs crash 3d584f4f: a Syriac mark after U+FFFD gave a sign token the empty input
    // range 1..1.
    let text = "\u{FFFD}\u{FFFD}\u{73B}\u{FFFD}们\u{FFFD}\u{FFFD}%";
    let n = text.chars().count();
    let mut end = 0;
    for t in to_signs(text) {
        assert!(
            t.input.start >= end && t.input.start < t.input.end && t.input.end <= n,
            "{t:?}"
        );
        end = t.input.end;
    }
    let t = faithful(text);
    for w in t.words() {
        assert!(w.input.start < w.input.end, "{w:?}");
    }
}

#[test]
fn astral_plane_characters() {
    // Emoji, a CJK Extension B character, private use, the last code point.
    let text = "我😀𠀀\u{F0000}\u{10FFFF}们";
    let t = faithful(text);
    // UTF-16 positions count the surrogate pairs.
    let out16 = t.output_positions(Unit::Utf16);
    assert_eq!(out16.len(), text.encode_utf16().count());
    let in16 = t.input_positions(Unit::Utf16);
    assert!(in16.iter().all(|&p| p < text.encode_utf16().count()));
    assert!(in16.contains(&3), "😀 starts at UTF-16 unit 1, 𠀀 at 3");
    let brf = t.to_string_as(Format::Brf);
    assert!(
        brf.contains("\\x{1F600}") && brf.contains("\\x{10FFFF}"),
        "{brf}"
    );
    assert!(passed_through(&t).contains('😀'));
}

#[test]
fn replacement_characters_from_lossy_decoding() {
    let text = String::from_utf8_lossy(b"ab\xffcd\xed\xa0\x80\xe6\x88");
    let t = faithful(&text);
    assert_eq!(passed_through(&t).matches('\u{FFFD}').count(), 5);
}

#[test]
fn garbage_braille_is_a_clear_error() {
    for (text, input) in [
        ("⠁", BrailleInput::Unicode),
        ("⠓⠖⠄⠄", BrailleInput::Unicode),
        ("\u{0}⠁", BrailleInput::Unicode),
        ("1", BrailleInput::Brf),
    ] {
        match from_braille(text, input) {
            Err(tongyong::Error::Braille { position, message }) => {
                assert!(position < text.chars().count());
                assert!(!message.is_empty());
            }
            other => panic!("{text:?}: {other:?}"),
        }
    }
    // Text that is not braille is passed through as text items.
    let b = from_braille("abc\u{0}😀\r\n", BrailleInput::Unicode).unwrap();
    assert_eq!(b.to_pinyin_string(), "abc\u{0}😀\r\n");
}

/// A long single line of mixed text: Chinese, Latin, digits, punctuation, an emoji.
fn long_line(bytes: usize) -> String {
    let piece =
        "我们的学校很大，今天的天气不错。Hello 2026年7月1日 3.14 😀 中华人民共和国发展“事业”——";
    let mut s = String::with_capacity(bytes + piece.len());
    while s.len() < bytes {
        s.push_str(piece);
    }
    s
}

#[test]
fn a_long_single_line_keeps_every_character() {
    // 2 MB in a debug build (the README gives the 20 MB release timing); linear time: the time
    // per byte of 2 MB is not much more than that of 512 kB.
    let tr = Translator::new();
    let small = long_line(512 << 10);
    let started = Instant::now();
    let t = tr.translate(&small);
    let t_small = started.elapsed();
    check_coverage(&t, &small);
    drop(t);
    let big = long_line(2 << 20);
    let started = Instant::now();
    let t = tr.translate(&big);
    let t_big = started.elapsed();
    check_coverage(&t, &big);
    let per_small = t_small.as_secs_f64() / small.len() as f64;
    let per_big = t_big.as_secs_f64() / big.len() as f64;
    eprintln!(
        "long line: {} bytes in {t_small:?}, {} bytes in {t_big:?}",
        small.len(),
        big.len()
    );
    assert!(
        per_big < per_small * 3.0,
        "not linear: {t_small:?} for 512 kB, {t_big:?} for 2 MB"
    );
    let n = big.chars().count();
    assert_eq!(t.cursor_to_output(n, Unit::Scalar), t.symbols().len());
    assert_eq!(t.output_positions(Unit::Byte).len(), big.len());
    assert_eq!(
        t.to_string_as(Format::Unicode).chars().count(),
        t.symbols().len()
    );
    assert!(!tr.to_pinyin(&big).is_empty());
    assert!(!to_signs(&big).is_empty());
}

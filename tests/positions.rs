//! Property tests of the position maps and of robustness: any string translates without panic,
//! the maps are monotone and in range, every cell maps to a real input index, and the cursor
//! round-trips.

use proptest::prelude::*;
use tongyong::{Format, Options, ToneMode, Translator, Unit};

/// Strings mixing Chinese, Latin, digits, punctuation, spaces, combining marks, astral and control
/// characters.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "我们",
        "的",
        "学校",
        "是",
        "一个",
        "事业",
        "你",
        "他们",
        "它",
        "么",
        "银行",
        "。",
        "，",
        "“",
        "”",
        "（",
        "）",
        "——",
        "……",
        "《",
        "》",
        "、",
        "！",
        "？",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "abc",
        "ABC",
        "Hello",
        "123",
        "3.14",
        "1,000",
        "/etc/",
        "-",
        "%",
        "e\u{301}",
        "\u{301}",
        "😀",
        "𠀀",
        "ｱ",
        "가",
        "\u{0}",
        "\u{7}",
        "\u{feff}",
        "ＡＢ１",
        "\u{3000}",
        ".",
        "...",
        "'",
        "\"",
        "溁",
        "〇",
        "儿",
        "花儿",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

fn check_maps(t: &tongyong::Translation, text: &str) {
    let n_in = text.chars().count();
    let n_out = t.symbols().len();
    let input = t.input_positions(Unit::Scalar);
    let output = t.output_positions(Unit::Scalar);
    assert_eq!(input.len(), n_out);
    assert_eq!(output.len(), n_in);
    assert!(
        input.windows(2).all(|w| w[0] <= w[1]),
        "input positions monotone"
    );
    assert!(
        output.windows(2).all(|w| w[0] <= w[1]),
        "output positions monotone"
    );
    assert!(
        input.iter().all(|&i| i < n_in),
        "every cell maps to a real input index"
    );
    assert!(output.iter().all(|&o| o <= n_out));
    for (i, &o) in output.iter().enumerate() {
        if input.contains(&i) {
            // A character with output maps to its own first cell.
            assert_eq!(input[o], i, "first cell of input {i}");
            assert!(o == 0 || input[o - 1] < i);
        }
    }
    // Cursor round trip: input cursor → output → input lands on the same character when that
    // character has cells of its own, never after it.
    for i in 0..=n_in {
        let o = t.cursor_to_output(i, Unit::Scalar);
        let back = t.cursor_to_input(o, Unit::Scalar);
        if i < n_in && input.contains(&i) {
            assert_eq!(back, i);
        }
        assert!(back <= n_in);
    }
    // The other units agree with scalars.
    let utf16: Vec<usize> = text
        .chars()
        .scan(0, |at, c| {
            let s = *at;
            *at += c.len_utf16();
            Some(s)
        })
        .collect();
    let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    let in16 = t.input_positions(Unit::Utf16);
    let in8 = t.input_positions(Unit::Byte);
    for (j, &i) in input.iter().enumerate() {
        assert_eq!(in16[j], utf16[i]);
        assert_eq!(in8[j], bytes[i]);
    }
    let out16 = t.output_positions(Unit::Utf16);
    let out8 = t.output_positions(Unit::Byte);
    assert_eq!(out16.len(), text.encode_utf16().count());
    assert_eq!(out8.len(), text.len());
    for (i, (&u, &b)) in utf16.iter().zip(&bytes).enumerate() {
        assert_eq!(out16[u], output[i]);
        assert_eq!(out8[b], output[i]);
        assert_eq!(t.cursor_to_output(u, Unit::Utf16), output[i]);
        assert_eq!(t.cursor_to_output(b, Unit::Byte), output[i]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn position_maps_hold_on_mixed_text(s in text()) {
        for tones in [ToneMode::National, ToneMode::Full, ToneMode::None] {
            let t = Translator::with_options(Options { tones, ..Options::default() }).translate(&s);
            check_maps(&t, &s);
        }
    }

    #[test]
    fn any_string_translates_and_keeps_its_maps(s in "\\PC{0,40}|.{0,40}") {
        let t = Translator::new().translate(&s);
        check_maps(&t, &s);
        for f in [Format::Unicode, Format::Dots, Format::Brf] {
            let _ = t.to_string_as(f);
        }
    }

    #[test]
    fn back_translation_never_panics(s in "[\u{2800}-\u{28ff} a-zA-Z0-9\n]{0,40}") {
        let _ = tongyong::from_braille(&s, tongyong::BrailleInput::Unicode);
        let _ = tongyong::from_braille(&s, tongyong::BrailleInput::Brf);
    }

    #[test]
    fn our_own_braille_reads_back(s in prop::collection::vec(prop::sample::select(vec![
        "我们", "学校", "事业", "你", "他们", "它们", "她", "什么", "银行", "快乐", "四月", "中国", "发展", "头", "人",
        "女儿", "略", "哦", "鹅", "饿", "月亮", "，", "。", "123", "ABC",
    ]), 1..10)) {
        let text = s.concat();
        let braille = Translator::new().to_braille(&text, Format::Unicode);
        prop_assert!(tongyong::from_braille(&braille, tongyong::BrailleInput::Unicode).is_ok(), "{} → {}", text, braille);
    }
}

#[test]
fn nothing_is_dropped_silently() {
    // Characters with no braille form are passed through visibly.
    let t = Translator::new();
    assert_eq!(t.to_braille("😀가", Format::Unicode), "😀⠀가");
    assert_eq!(t.to_braille("😀", Format::Brf), "\\x{1F600}");
    assert_eq!(t.to_braille("a\nb", Format::Unicode), "⠁\n⠃");
}

#[test]
fn empty_input() {
    let t = Translator::new().translate("");
    assert!(t.symbols().is_empty());
    assert_eq!(t.cursor_to_output(0, Unit::Scalar), 0);
    assert_eq!(t.cursor_to_input(0, Unit::Scalar), 0);
}

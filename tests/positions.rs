//! Property tests of the position maps and of robustness: any string translates without panic,
//! the maps are monotone and in range, every cell maps to a real input index, and the cursor
//! round-trips.

#[path = "common/maps.rs"]
mod maps;

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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn position_maps_hold_on_mixed_text(s in text()) {
        for tones in [ToneMode::National, ToneMode::Full, ToneMode::None] {
            let t = Translator::with_options(Options { tones, ..Options::default() }).translate(&s);
            maps::check_translation(&t, &s);
        }
    }

    #[test]
    fn any_string_translates_and_keeps_its_maps(s in "\\PC{0,40}|.{0,40}") {
        let t = Translator::new().translate(&s);
        maps::check_translation(&t, &s);
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

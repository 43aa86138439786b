//! Property tests (issue #7): no panic on any string with any combination of options, and
//! back-translation consistent with translation on random Chinese text.

use proptest::prelude::*;
mod common;

use tongyong::{
    from_braille, BrailleInput, DecimalPoint, Format, IdiomSpacing, LowercaseSign, Options,
    ReadingMode, SpacingOptions, SymbolMode, ToneMode, Translator, Unit, WordKind,
};

/// Every combination of options, the spacing rules included.
fn options() -> impl Strategy<Value = Options> {
    let tones = prop::sample::select(vec![ToneMode::National, ToneMode::Full, ToneMode::None]);
    let lowercase = prop::sample::select(vec![
        LowercaseSign::Never,
        LowercaseSign::InChineseText,
        LowercaseSign::Always,
    ]);
    (
        tones,
        any::<[bool; 4]>(),
        lowercase,
        any::<[bool; 4]>(),
        any::<[bool; 10]>(),
        prop_oneof![0..8usize, Just(usize::MAX)],
    )
        .prop_map(|(tones, b, lowercase_sign, c, s, max_syllables)| Options {
            tones,
            apical_tone_before_zero_initial: b[0],
            tone_retention_list: b[1],
            abbreviate_before_zero_initial: b[2],
            blank_after_sentence_end: b[3],
            lowercase_sign,
            decimal_point: if c[0] {
                DecimalPoint::Dot2
            } else {
                DecimalPoint::Dot3
            },
            symbols: if c[1] {
                SymbolMode::PassThrough
            } else {
                SymbolMode::ComputerBraille
            },
            readings: if c[3] {
                ReadingMode::Fast
            } else {
                ReadingMode::Model
            },
            spacing: SpacingOptions {
                split_long_words: s[0],
                join_monosyllables: s[1],
                join_negation: s[2],
                join_modal_particles: s[3],
                join_preposition_noun: s[4],
                join_numeral_measure: s[5],
                join_ordinals: s[6],
                join_dates: s[7],
                join_names: s[8],
                join_place_generics: s[9],
                idioms: if c[2] {
                    IdiomSpacing::TwoPlusTwo
                } else {
                    IdiomSpacing::Joined
                },
                max_syllables,
            },
        })
}

/// Common characters: the most frequent ones, the abbreviated ones, characters of the tone
/// omission groups, apical syllables, zero-initial syllables, 儿, numerals and measure words.
const COMMON: &str = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去\
之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三\
已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几\
很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市\
眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利\
它鹅饿哦嗯略女绿旅吕区去需语鱼雨资词私知吃诗日事业亚言银行快乐亲戚阿姨儿童花儿哪儿一点儿";

fn han_text() -> impl Strategy<Value = String> {
    let chars: Vec<char> = COMMON.chars().collect();
    prop::collection::vec(prop::sample::select(chars), 1..24)
        .prop_map(|v| v.into_iter().collect::<String>())
}

/// Every Han word of `text` reads back to its readings, up to the omitted-tone ambiguity and the
/// shared cells. Returns a description of the first mismatch.
fn round_trip(text: &str, tones: ToneMode) -> Result<(), String> {
    let tr = Translator::with_options(Options {
        tones,
        ..Options::default()
    })
    .translate(text);
    for w in tr.words().iter().filter(|w| w.kind == WordKind::Han) {
        common::word_reads_back(&tr, text, w)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_string_with_any_options_translates(s in "\\PC{0,60}|.{0,60}|[\\x00-\\x7f]{0,60}", opts in options()) {
        let tr = Translator::with_options(opts);
        let t = tr.translate(&s);
        let n = s.chars().count();
        prop_assert_eq!(t.output_positions(Unit::Scalar).len(), n);
        prop_assert!(t.input_positions(Unit::Scalar).iter().all(|&i| i < n));
        prop_assert!(t.input_positions(Unit::Scalar).windows(2).all(|w| w[0] <= w[1]));
        prop_assert!(t.output_positions(Unit::Scalar).iter().all(|&o| o <= t.symbols().len()));
        for f in [Format::Unicode, Format::Dots, Format::Brf] {
            let _ = t.to_string_as(f);
        }
        prop_assert_eq!(tr.to_pinyin(&s).len(), t.words().len());
        let _ = tongyong::to_signs(&s);
        let _ = tongyong::fingerspell(&s);
        let _ = from_braille(&s, BrailleInput::Unicode);
        let _ = from_braille(&s, BrailleInput::Brf);
    }

    /// `write_pinyin` writes what the words of `to_pinyin` spell (words joined by spaces, each
    /// Han character of the input by its reading), with combining marks, width folding and
    /// compatibility ideographs in the mix.
    #[test]
    fn pinyin_line_matches_the_words(
        s in "([中文银行的了一个\u{F900}\u{FA0E}ＡＢ１\u{3000}e\u{301}\u{308}\u{323} a1.,，。]|\\PC){0,40}",
        opts in options(),
    ) {
        let tr = Translator::with_options(opts);
        let chars: Vec<char> = s.chars().collect();
        let mut want = String::new();
        for (k, w) in tr.to_pinyin(&s).iter().enumerate() {
            if k > 0 {
                want.push(' ');
            }
            let mut readings = w.pinyin.iter();
            for &c in &chars[w.input.clone()] {
                let han = w.kind == WordKind::Han && tongyong::segment::is_han(c);
                let reading = if han { readings.next().copied().flatten() } else { None };
                match reading {
                    Some(r) => want.push_str(&r.to_string()),
                    None => want.push(c),
                }
            }
        }
        let mut out = Vec::new();
        tr.write_pinyin(&s, &mut out).unwrap();
        prop_assert_eq!(String::from_utf8(out).unwrap(), want);
    }

    #[test]
    fn chinese_text_reads_back_as_national_braille(s in han_text()) {
        if let Err(e) = round_trip(&s, ToneMode::National) {
            prop_assert!(false, "{}", e);
        }
    }
}

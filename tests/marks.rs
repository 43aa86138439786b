//! Marks and their boundaries (issue 20): a closing mark attaches to what precedes it, even a
//! medial mark, an ellipsis or a dash (R23); typed spaces next to an attaching mark are no blanks;
//! a Latin run and Chinese are always apart (scheme §6.4); compatibility ideographs read as the
//! characters they stand for (NFC).

use tongyong::{Cell, Format, Options, ReadingMode, Symbol, SymbolMode, Translator, WordKind};

#[path = "common/g2pl.rs"]
mod g2pl;
#[path = "common/shared.rs"]
mod shared;

fn braille(text: &str) -> String {
    Translator::new().to_braille(text, Format::Unicode)
}

/// The cells of one mark or word alone, to build the expected strings from the library's own
/// cells (the tests are about blanks, not about the cells).
fn cells(text: &str) -> String {
    braille(text)
}

const BLANK: &str = "\u{2800}";

#[test]
fn closing_quote_attaches_after_a_medial_mark() {
    // “我很好，”他说: ⠐ (，) then ⠘ (”) with no blank, then a blank before 他.
    let got = braille("“我很好，”他说");
    let comma_close = format!("{}{}{BLANK}", cells("，"), cells("”"));
    assert!(got.contains(&comma_close), "{got}");
    assert!(
        !got.contains(&format!("{}{BLANK}{}", cells("，"), cells("”"))),
        "{got}"
    );
}

#[test]
fn closing_quote_attaches_after_an_ellipsis_and_a_dash() {
    for (mark, text) in [("……", "他说：“好……”然后"), ("——", "“走吧——”他说")]
    {
        let got = braille(text);
        let attached = format!("{}{}{BLANK}", cells(mark), cells("”"));
        assert!(got.contains(&attached), "{text}: {got}");
    }
}

/// Every pair of mark classes: no blank before a closing mark and after an opening one; a blank
/// after medial marks except before a closing one; none before medial and final marks.
#[test]
fn every_pair_of_mark_classes() {
    let open = ["“", "（", "《", "【"];
    let close = ["”", "）", "》", "】"];
    let medial = ["，", "、", "；", "：", "……", "——"];
    let fin = ["。", "？", "！"];
    let join = |a: &str, blank: bool, b: &str| {
        format!("{}{}{}", cells(a), if blank { BLANK } else { "" }, cells(b))
    };
    for o in open {
        for c in close {
            // 好 + closing + opening + 好: no blank before the closing mark; a blank before the
            // opening mark, none after it.
            let got = braille(&format!("“好{c}{o}好"));
            assert!(got.contains(&join(c, true, o)), "{c}{o}: {got}");
            assert!(
                got.contains(&format!("{}{}", cells(o), cells("好"))),
                "{c}{o}: {got}"
            );
        }
    }
    for m in medial.iter().chain(&fin) {
        for c in close {
            let got = braille(&format!("“好{m}{c}他"));
            assert!(got.contains(&join(m, false, c)), "{m}{c}: {got}");
        }
        // A medial or final mark attaches to the word before it.
        let got = braille(&format!("好{m}他"));
        assert!(
            got.starts_with(&format!("{}{}", cells("好"), cells(m))),
            "{m}: {got}"
        );
    }
    for m in medial {
        for o in open {
            let got = braille(&format!("好{m}{o}他"));
            assert!(got.contains(&join(m, true, o)), "{m}{o}: {got}");
        }
    }
}

#[test]
fn typed_spaces_next_to_attaching_marks_are_dropped() {
    // R23: 你好 。 再见  ！ is written as 你好。再见！ would be.
    assert_eq!(braille("你好 。 再见  ！"), braille("你好。 再见！"));
    assert_eq!(braille("他说 ， 好"), braille("他说，好"));
    assert_eq!(braille("“ 你好 ”他说"), braille("“你好”他说"));
    // A space between words stays a blank.
    assert!(braille("你好 再见").contains(BLANK));
}

#[test]
fn latin_runs_and_chinese_are_apart() {
    // §6.4: NASA的 is not "NASAD": a blank between the letters and the particle.
    for (text, latin, han) in [
        ("NASA的科学家", "NASA", "的"),
        ("OK了", "OK", "了"),
        ("得了A了", "A", "了"),
    ] {
        let got = braille(text);
        let apart = format!("{}{BLANK}{}", cells(latin), cells(han));
        assert!(
            got.contains(&apart),
            "{text}: {got}, expected {apart} inside"
        );
    }
}

#[test]
fn compatibility_ideographs_read_as_their_unified_characters() {
    // 不 U+F967 (a CJK compatibility ideograph) is 不 U+4E0D after NFC.
    assert_eq!(braille("神差\u{F967}多"), braille("神差不多"));
    let t = Translator::new().translate("神差\u{F967}多");
    assert_eq!(t.output_positions(tongyong::Unit::Scalar).len(), 4);
}

fn braille_with(text: &str, opts: Options) -> String {
    Translator::with_options(opts).to_braille(text, Format::Unicode)
}

/// Dots → a Unicode cell (for the symbols' own cells, which these tests state).
fn dots(spec: &str) -> String {
    spec.split('-')
        .map(|d| {
            let bits = d
                .chars()
                .fold(0u32, |m, c| m | 1 << (c as u32 - '1' as u32));
            char::from_u32(0x2800 + bits).unwrap()
        })
        .collect()
}

/// Every row of issue 20's table, with the rule it follows.
#[test]
fn ascii_marks_by_their_role() {
    let bracket = dots("56-23"); // 方括号 【 】 (§6.1)
    let single_quote = dots("45-45"); // ‘ ’ (§6.1)
    let cases: Vec<(&str, String, &str)> = vec![
        // §6.1: ASCII ' around Chinese text is the single quote, not a lone ⠄.
        (
            "他们的'正常人'",
            format!(
                "{}{BLANK}{single_quote}{}{single_quote}",
                cells("他们的"),
                cells("正常人")
            ),
            "single quotes",
        ),
        // §6.1, R23: [ ] { } around or next to Chinese are the 方括号, attached inside.
        (
            "[注]本文",
            format!("{bracket}{}{bracket}{BLANK}{}", cells("注"), cells("本文")),
            "[ ]",
        ),
        (
            "见［1］",
            format!("{}{BLANK}{bracket}{}{bracket}", cells("见"), cells("1")),
            "［ ］",
        ),
        (
            "{备注}",
            format!("{bracket}{}{bracket}", cells("备注")),
            "{ }",
        ),
        // < > around a title: the single book-title marks 〈 〉 (INFERRED cells 5-3 … 6-2).
        (
            "<书名>",
            format!("{}{}{}", dots("5-3"), cells("书名"), dots("6-2")),
            "< >",
        ),
        // R16: a time keeps its colon inside the number (liblouis: 10:30 ⠼⠁⠚⠒⠼⠉⠚).
        (
            "10:30",
            format!("{}{}{}", cells("10"), dots("25"), cells("30")),
            "time",
        ),
        // A URL is code: its colon is computer braille ⠱ with no blank.
        ("https://a", "⠓⠞⠞⠏⠎⠱⠌⠌⠁".to_string(), "URL"),
        // R16: a minus sign after 了 is the number's, with the blank before the number.
        (
            "下降了-3",
            format!("{}{BLANK}{}{}", cells("下降了"), dots("36"), cells("3")),
            "minus",
        ),
        // §6: symbols between Chinese words take their two-cell forms (symbols.tsv), never the
        // one cell of a syllable (⠌ zhi, ⠼ eng, ⠬ yu, ⠿ wa).
        (
            "你好/再见",
            format!(
                "{}{BLANK}{}{BLANK}{}",
                cells("你好"),
                dots("456-34"),
                cells("再见")
            ),
            "/",
        ),
        (
            "1+1=2",
            format!(
                "{}{}{}{}{}",
                cells("1"),
                dots("5-235"),
                cells("1"),
                dots("5-2356"),
                cells("2")
            ),
            "+ =",
        ),
        // §6.4: a period after Latin letters is Latin (computer braille ⠨), not 。 ⠐⠆, and the
        // Latin run stays apart from the Chinese after it.
        (
            "U.S.A.很大",
            format!("⠠⠥⠨⠠⠎⠨⠠⠁⠨{BLANK}{}", cells("很大")),
            "Latin period",
        ),
        // A list number at the start of a line: the number and its period, then a blank.
        (
            "1.第一条",
            format!("{}⠨{BLANK}{}", cells("1"), cells("第一条")),
            "list number",
        ),
        // GB/T 15834: one dash between years is the connector ⠤, no blank.
        (
            "1949—2019年",
            format!("{}{}{}", cells("1949"), dots("36"), cells("2019年")),
            "range",
        ),
        // 3～5: the tilde between numbers is the range connector.
        (
            "3～5天",
            format!("{}{}{}", cells("3"), dots("36"), cells("5天")),
            "tilde range",
        ),
    ];
    for (text, want, what) in cases {
        assert_eq!(braille(text), want, "{what}: {text}");
    }
    // Code keeps computer braille: an option, an index, an address.
    assert_eq!(braille("a[i]"), "⠁⠪⠊⠻");
    assert_eq!(braille("ls -1"), format!("⠇⠎{BLANK}⠤{}", cells("1")));
    // A hyphen after a noun (钴-56) or between a year and the next (1905年-1908年) is no minus.
    assert_eq!(
        braille("钴-56"),
        format!("{}{}{}", cells("钴"), dots("36"), cells("56"))
    );
    // The option gives the old one-cell forms back.
    let computer = Options {
        symbols: SymbolMode::ComputerBraille,
        ..Options::default()
    };
    assert_eq!(
        braille_with("你好/再见", computer),
        format!("{}{BLANK}⠌{BLANK}{}", cells("你好"), cells("再见"))
    );
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Over every g2pL sentence (train and dev, web and news prose): no blank before a closing mark,
/// no Latin run glued to Chinese cells, no ASCII character or compatibility ideograph in the
/// output as print. Counts on main 9f40b1f: 34 blanks before a closing mark (“……，”他说), 1
/// compatibility ideograph as print, 0 glued Latin runs and 0 ASCII print characters (g2pL has no
/// Latin letter before a particle: `latin_runs_and_chinese_are_apart` tests those).
#[test]
fn g2pl_sentences_keep_their_boundaries() {
    let Some(text) = g2pl::sentences("g2pl_sentences_keep_their_boundaries") else {
        return;
    };
    let t = Translator::with_options(Options {
        readings: ReadingMode::Fast,
        ..Options::default()
    });
    let closing = ['”', '’', '）', '》', '】', '〉'];
    let (mut blank_before_close, mut glued, mut ascii_print, mut compat, mut sentences) =
        (0, 0, 0, 0, 0);
    let mut examples = Vec::new();
    for line in text.lines() {
        sentences += 1;
        let tr = t.translate(line);
        let symbols = tr.symbols();
        let chars: Vec<char> = line.chars().collect();
        let words = tr.words();
        for (k, w) in words.iter().enumerate() {
            let first = chars[w.input.start];
            if w.kind == WordKind::Punct
                && closing.contains(&first)
                && w.output.start > 0
                && symbols[w.output.start - 1] == Symbol::Cell(Cell::BLANK)
            {
                blank_before_close += 1;
                examples.push(line.to_string());
            }
            // Inside one braille word (NASA的 joined by the particle rule) there is no blank.
            let inside = &chars[w.input.clone()];
            if inside.windows(2).any(|p| {
                (p[0].is_ascii_alphabetic() && is_han(p[1]))
                    || (is_han(p[0]) && p[1].is_ascii_alphabetic())
            }) {
                glued += 1;
                examples.push(line.to_string());
            }
            if let Some(next) = words.get(k + 1) {
                let last = chars[w.input.end - 1];
                let next_first = chars[next.input.start];
                let latin_then_han = w.kind == WordKind::Code
                    && last.is_ascii_alphabetic()
                    && next.kind == WordKind::Han;
                let han_then_latin = w.kind == WordKind::Han
                    && next.kind == WordKind::Code
                    && next_first.is_ascii_alphabetic();
                if (latin_then_han || han_then_latin) && next.output.start == w.output.end {
                    glued += 1;
                    examples.push(line.to_string());
                }
            }
        }
        for s in symbols {
            if let Symbol::Text(c) = *s {
                if c.is_ascii() {
                    ascii_print += 1;
                    examples.push(line.to_string());
                } else if ('\u{F900}'..='\u{FAFF}').contains(&c) {
                    compat += 1;
                    examples.push(line.to_string());
                }
            }
        }
    }
    eprintln!(
        "{sentences} sentences: {blank_before_close} blanks before a closing mark, {glued} Latin \
         runs glued to Chinese, {ascii_print} ASCII and {compat} compatibility characters as print"
    );
    assert!(sentences > 45_000, "{sentences} sentences");
    assert_eq!(
        (blank_before_close, glued, ascii_print, compat),
        (0, 0, 0, 0),
        "first examples: {:?}",
        &examples[..examples.len().min(5)]
    );
}

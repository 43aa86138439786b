//! Marks and their boundaries (issue 20): a closing mark attaches to what precedes it, even a
//! medial mark, an ellipsis or a dash (R23); typed spaces next to an attaching mark are no blanks;
//! a Latin run and Chinese are always apart (scheme §6.4); compatibility ideographs read as the
//! characters they stand for (NFC).

use tongyong::{Format, Translator};

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

//! User dictionaries: their words and readings win over the built-in lexicon (issue: readings,
//! item 5), in segmentation, readings and braille.

use tongyong::{Format, Options, ReadingMode, Translator, UserDictionary};

fn words(t: &Translator, text: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = text.chars().collect();
    t.to_pinyin(text)
        .iter()
        .map(|w| {
            let pinyin: Vec<String> = w
                .pinyin
                .iter()
                .map(|s| s.map_or("?".into(), |s| s.to_string()))
                .collect();
            (chars[w.input.clone()].iter().collect(), pinyin.join(" "))
        })
        .collect()
}

#[test]
fn a_user_reading_replaces_the_lexicon_reading() {
    let plain = Translator::new();
    assert_eq!(words(&plain, "银行")[0].1, "yin2 hang2");
    let mut dict = UserDictionary::new();
    // A deliberately different reading, to see it win.
    dict.add("银行", Some("yin2 xing2")).unwrap();
    for readings in [ReadingMode::Model, ReadingMode::Fast] {
        let t = Translator::with_options(Options {
            readings,
            ..Options::default()
        })
        .with_user_dictionary(dict.clone());
        assert_eq!(words(&t, "银行")[0].1, "yin2 xing2");
        // x omits tone 4 only (10.2.3), so 行 xíng is written ⠓⠡⠂; háng would be ⠓⠦.
        assert_eq!(t.to_braille("银行", Format::Unicode), "⠣⠂⠓⠡⠂");
    }
}

#[test]
fn a_user_word_is_kept_together() {
    let plain = Translator::new();
    let before = words(&plain, "诸葛亮亮剑");
    let mut dict = UserDictionary::new();
    dict.add("亮亮剑", None).unwrap();
    let t = Translator::new().with_user_dictionary(dict);
    let after = words(&t, "诸葛亮亮剑");
    assert!(
        after.iter().any(|(w, _)| w.ends_with("亮亮剑")),
        "{before:?} → {after:?}"
    );
}

#[test]
fn parse_reports_the_line() {
    let err = UserDictionary::parse("长乐\tchang2 le4\n厦门\txia4\n").unwrap_err();
    assert!(err.to_string().contains("line 2"), "{err}");
}

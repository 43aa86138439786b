//! The examples of `../shared/docs/braille-scheme.md` §1–§4 and §6, each with the rule it
//! illustrates. Text examples go through the whole pipeline (segmentation and readings
//! included); syllable examples test the cell rules alone.

use tongyong::cells::{han_cells, syllable_cells};
use tongyong::{Cell, Format, Options, Syllable, ToneMode, Translator};

fn braille(text: &str) -> String {
    Translator::new().to_braille(text, Format::Unicode)
}

fn braille_in(mode: ToneMode, text: &str) -> String {
    Translator::with_options(Options {
        tones: mode,
        ..Options::default()
    })
    .to_braille(text, Format::Unicode)
}

fn syllable(pinyin: &str, mode: ToneMode) -> String {
    let mut cells = Vec::new();
    syllable_cells(&Syllable::parse(pinyin).unwrap(), mode, false, &mut cells);
    cells.iter().map(|c: &Cell| c.to_unicode()).collect()
}

/// Asserts every (rule, input, expected) row, reporting all failures at once.
fn check(rows: &[(&str, &str, &str)], f: impl Fn(&str) -> String) {
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|(rule, input, expected)| {
            let got = f(input);
            (got != *expected).then(|| format!("{rule}: {input} → {got}, expected {expected}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn s1_initials_g_k_h_share_cells_with_j_q_x() {
    check(
        &[
            ("§1 g/j", "鸡", "⠛⠊⠁"),
            ("§1 g/j", "哥", "⠛⠢⠁"),
            ("§1 k/q", "七", "⠅⠊⠁"),
            ("§1 h/x", "喝", "⠓⠢⠁"),
        ],
        braille,
    );
}

#[test]
fn s1_all_initial_cells() {
    let rows = [
        ("b", "⠃"),
        ("p", "⠏"),
        ("m", "⠍"),
        ("f", "⠋"),
        ("d", "⠙"),
        ("t", "⠞"),
        ("n", "⠝"),
        ("l", "⠇"),
        ("g", "⠛"),
        ("k", "⠅"),
        ("h", "⠓"),
        ("j", "⠛"),
        ("q", "⠅"),
        ("x", "⠓"),
        ("zh", "⠌"),
        ("ch", "⠟"),
        ("sh", "⠱"),
        ("r", "⠚"),
        ("z", "⠵"),
        ("c", "⠉"),
        ("s", "⠎"),
    ];
    for (initial, cell) in rows {
        // With a final of the right type, in the none mode: initial + final only.
        let fin = if matches!(initial, "j" | "q" | "x") {
            "ia"
        } else {
            "a"
        };
        let spelled = syllable(&format!("{initial}{fin}1"), ToneMode::None);
        assert!(spelled.starts_with(cell), "§1 initial {initial}: {spelled}");
    }
}

#[test]
fn s1_zero_initial_syllables_are_bare_finals() {
    check(
        &[
            ("§1 zero initial", "yi1", "⠊"),
            ("§1", "ya1", "⠫"),
            ("§1", "ye1", "⠑"),
            ("§1", "yao1", "⠜"),
            ("§1", "you1", "⠳"),
            ("§1", "yan1", "⠩"),
            ("§1", "yin1", "⠣"),
            ("§1", "yang1", "⠭"),
            ("§1", "ying1", "⠡"),
            ("§1", "yong1", "⠹"),
            ("§1", "yu1", "⠬"),
            ("§1", "yue1", "⠾"),
            ("§1", "yuan1", "⠯"),
            ("§1", "yun1", "⠸"),
            ("§1", "wu1", "⠥"),
            ("§1", "wa1", "⠿"),
            ("§1", "wo1", "⠕"),
            ("§1", "wai1", "⠽"),
            ("§1", "wei1", "⠺"),
            ("§1", "wan1", "⠻"),
            ("§1", "wen1", "⠒"),
            ("§1", "wang1", "⠶"),
            ("§1", "weng1", "⠲"),
        ],
        |p| syllable(p, ToneMode::None),
    );
    check(
        &[
            ("§1 a/o/e initial", "安", "⠧⠁"),
            ("§1", "爱", "⠪"),
            ("§1", "鹅", "⠢⠂"),
            ("§1", "欧", "⠷⠁"),
        ],
        braille,
    );
}

#[test]
fn s2_final_cells() {
    let rows = [
        ("ba", "⠔"),
        ("bo", "⠢"),
        ("de", "⠢"),
        ("bi", "⠊"),
        ("bu", "⠥"),
        ("nv", "⠬"),
        ("er", "⠗"),
        ("bai", "⠪"),
        ("bao", "⠖"),
        ("bei", "⠮"),
        ("dou", "⠷"),
        ("jia", "⠫"),
        ("biao", "⠜"),
        ("bie", "⠑"),
        ("diu", "⠳"),
        ("gua", "⠿"),
        ("guai", "⠽"),
        ("gui", "⠺"),
        ("guo", "⠕"),
        ("lve", "⠾"),
        ("ban", "⠧"),
        ("bang", "⠦"),
        ("ben", "⠴"),
        ("beng", "⠼"),
        ("bian", "⠩"),
        ("liang", "⠭"),
        ("bin", "⠣"),
        ("bing", "⠡"),
        ("guan", "⠻"),
        ("guang", "⠶"),
        ("gun", "⠒"),
        ("dong", "⠲"),
        ("juan", "⠯"),
        ("jun", "⠸"),
        ("jiong", "⠹"),
    ];
    for (pinyin, fin) in rows {
        let spelled = syllable(&format!("{pinyin}1"), ToneMode::None);
        assert!(
            spelled.ends_with(fin),
            "§2 final of {pinyin}: {spelled}, expected …{fin}"
        );
    }
    check(&[("§2 o", "哦", "⠢")], braille);
}

#[test]
fn s2_apical_syllables_are_the_initial_alone() {
    check(
        &[
            ("§2 apical", "知", "⠌⠁"),
            ("§2 apical", "吃", "⠟⠁"),
            ("§2 apical", "十", "⠱⠂"),
            ("§2 apical", "日", "⠚⠆"),
            ("§2 apical", "字", "⠵⠆"),
            ("§2 apical", "词", "⠉"),
            ("§2 apical", "四", "⠎"),
        ],
        braille,
    );
}

#[test]
fn s2_er_and_u_umlaut() {
    check(
        &[
            ("§2 er", "儿", "⠗"),
            ("§2 er", "二", "⠗⠆"),
            ("§2 ü after n", "女", "⠝⠬⠄"),
            ("§2 ü after l", "略", "⠇⠾"),
        ],
        braille,
    );
}

#[test]
fn s2_1_erhua_is_er_without_tone_in_the_word() {
    check(
        &[
            ("§2.1 erhua", "花儿", "⠓⠿⠁⠗"),
            ("§2.1 erhua", "这儿", "⠌⠢⠗"),
        ],
        braille,
    );
}

#[test]
fn s3_1_tone_cells_and_neutral_tone() {
    check(
        &[
            ("§3.1 tone 1", "ma1", "⠍⠔⠁"),
            ("§3.1 tone 2", "ma2", "⠍⠔⠂"),
            ("§3.1 tone 3", "ma3", "⠍⠔⠄"),
            ("§3.1 tone 4", "ma4", "⠍⠔⠆"),
            ("§3.1 neutral: no cell", "ma5", "⠍⠔"),
        ],
        |p| syllable(p, ToneMode::Full),
    );
}

#[test]
fn s3_3_rule_10_2_1_f_omits_tone_1() {
    check(
        &[
            ("10.2.1", "发", "⠋⠔"),
            ("10.2.1", "罚", "⠋⠔⠂"),
            ("10.2.1", "飞", "⠋⠮"),
        ],
        braille,
    );
}

#[test]
fn s3_3_rule_10_2_2_omits_tone_2_except_tou() {
    check(
        &[
            ("10.2.2 p", "爬", "⠏⠔"),
            ("10.2.2 m", "麻", "⠍⠔"),
            ("10.2.2 n", "拿", "⠝⠔"),
            ("10.2.2 h", "河", "⠓⠢"),
            ("10.2.2 q", "齐", "⠅⠊"),
            ("10.2.2 ch", "迟", "⠟"),
            ("10.2.2 r", "人", "⠚⠴"),
            ("10.2.2 c", "词", "⠉"),
            ("10.2.2 exception tóu", "头", "⠞⠷⠂"),
        ],
        braille,
    );
}

#[test]
fn s3_3_rule_10_2_3_omits_tone_4_except_le_and_zi() {
    check(
        &[
            ("10.2.3 b", "爸", "⠃⠔"),
            ("10.2.3 d", "大", "⠙⠔"),
            ("10.2.3 l", "辣", "⠇⠔"),
            ("10.2.3 g", "个", "⠛⠢"),
            ("10.2.3 k", "课", "⠅⠢"),
            ("10.2.3 j", "记", "⠛⠊"),
            ("10.2.3 x", "戏", "⠓⠊"),
            ("10.2.3 zh", "志", "⠌"),
            ("10.2.3 sh", "是", "⠱"),
            ("10.2.3 s", "四", "⠎"),
            ("10.2.3 exception lè", "快乐", "⠅⠽⠇⠢⠆"),
            ("10.2.3 exception zì", "字", "⠵⠆"),
        ],
        braille,
    );
}

#[test]
fn s3_3_rule_10_2_4_zero_initial_omits_tone_4() {
    check(
        &[
            ("10.2.4", "爱", "⠪"),
            ("10.2.4", "要", "⠜"),
            ("10.2.4", "外", "⠽"),
            ("10.2.4", "月", "⠾"),
            ("10.2.4", "按", "⠧"),
        ],
        braille,
    );
}

#[test]
fn s3_3_rule_10_2_5_yi_er_wo_ye_you() {
    check(
        &[
            ("10.2.5 yī", "一", "⠊"),
            ("10.2.5 yī", "衣", "⠊"),
            ("10.2.5 yì", "意", "⠊⠆"),
            ("10.2.5 ér", "儿", "⠗"),
            ("10.2.5 èr", "二", "⠗⠆"),
            ("10.2.5 wǒ", "我", "⠕"),
            ("10.2.5 wò", "握", "⠕⠆"),
            ("10.2.5 yě", "也", "⠑"),
            ("10.2.5 yè", "夜", "⠑⠆"),
            ("10.2.5 yǒu", "有", "⠳"),
            ("10.2.5 yòu", "又", "⠳⠆"),
        ],
        braille,
    );
}

#[test]
fn s3_3_rule_10_2_6_bare_o_and_e() {
    check(
        &[
            ("10.2.6 o", "哦", "⠢"),
            ("10.2.6 e", "鹅", "⠢⠂"),
            ("10.2.6 e", "饿", "⠢⠆"),
        ],
        braille,
    );
    // o omits every tone, e none.
    for t in 1..=4 {
        assert_eq!(
            syllable(&format!("o{t}"), ToneMode::National),
            "⠢",
            "10.2.6 o{t}"
        );
        assert_eq!(
            syllable(&format!("e{t}"), ToneMode::National)
                .chars()
                .count(),
            2,
            "10.2.6 e{t}"
        );
    }
}

#[test]
fn s3_3_rule_10_2_7_apical_before_zero_initial_keeps_its_tone() {
    check(
        &[
            ("10.2.7", "事业", "⠱⠆⠑⠆"),
            ("10.2.7", "四月", "⠎⠆⠾"),
            ("10.2.7", "迟疑", "⠟⠂⠊⠂"),
        ],
        braille,
    );
    // The option turns the rule off (INFERRED).
    let off = Translator::with_options(Options {
        apical_tone_before_zero_initial: false,
        ..Options::default()
    });
    assert_eq!(off.to_braille("事业", Format::Unicode), "⠱⠑⠆");
}

#[test]
fn s3_3_rule_10_2_8_tone_retention_list() {
    // 问 wèn: zero initial omits tone 4, but the list keeps it.
    assert_eq!(braille("问"), "⠒⠆", "10.2.8");
    assert_eq!(braille("再"), "⠵⠪⠆", "10.2.8");
    let off = Translator::with_options(Options {
        tone_retention_list: false,
        ..Options::default()
    });
    assert_eq!(off.to_braille("问", Format::Unicode), "⠒", "10.2.8 off");
    assert_eq!(off.to_braille("再", Format::Unicode), "⠵⠪", "10.2.8 off");
}

#[test]
fn s3_3_neutral_tone_is_never_written() {
    check(
        &[
            ("§3.3 neutral", "们", "⠍⠴"),
            ("§3.3 neutral", "了", "⠇⠢"),
            ("§3.3 neutral", "橘子", "⠛⠬⠂⠵"),
        ],
        braille,
    );
    assert_eq!(
        syllable("tou5", ToneMode::Full),
        "⠞⠷",
        "§3.3 neutral in full mode"
    );
}

#[test]
fn s3_4_yi_and_bu_keep_their_citation_tones() {
    let joined = |t: &str| braille(t).replace('⠀', "");
    assert_eq!(joined("一个"), "⠊⠛⠢", "§3.4 一 yī");
    assert_eq!(joined("不要"), "⠃⠥⠜", "§3.4 不 bù");
}

#[test]
fn s4_abbreviations() {
    check(
        &[
            ("§4 的", "真的", "⠌⠴⠁⠙"),
            ("§4 的", "我的", "⠕⠙"),
            ("§4 么", "怎么", "⠵⠴⠄⠍"),
            ("§4 么", "什么", "⠱⠴⠂⠍"),
            ("§4 你", "你好", "⠝⠓⠖⠄"),
            ("§4 你", "你们", "⠝⠍⠴"),
            ("§4 他", "他们", "⠞⠍⠴"),
            ("§4 她", "她们", "⠞⠁⠍⠴"),
            ("§4 它", "它们", "⠈⠞⠍⠴"),
        ],
        braille,
    );
}

#[test]
fn s4_de_is_abbreviated_only_as_the_particle() {
    check(
        &[
            ("§4 的 dí", "的确", "⠙⠊⠂⠅⠾⠆"),
            ("§4 的 dì", "目的", "⠍⠥⠆⠙⠊"),
        ],
        braille,
    );
}

#[test]
fn s4_short_looking_characters_are_not_abbreviations() {
    check(
        &[
            ("§4", "是", "⠱"),
            ("§4", "我", "⠕"),
            ("§4", "有", "⠳"),
            ("§4", "在", "⠵⠪"),
            ("§4", "这", "⠌⠢"),
            ("§4 (n omits only tone 2)", "那", "⠝⠔⠆"),
            ("§4", "就", "⠛⠳"),
            ("§4", "不", "⠃⠥"),
            ("§4", "们", "⠍⠴"),
            ("§4", "着", "⠌⠢"),
        ],
        braille,
    );
}

#[test]
fn s4_abbreviation_before_zero_initial_is_written_in_full() {
    // R11 / §11.1 as implementations report it (INFERRED): before a zero-initial syllable in the
    // same braille word, 的 么 你 他 它 are spelled in full. Tested on the cell rule itself, since
    // 的 + 呀 in one word comes with the word-spacing rules.
    let cells = |c: char, reading: &str, next: Option<&str>, opts: &Options| {
        let mut out = Vec::new();
        let next = next.map(|n| Syllable::parse(n).unwrap());
        han_cells(
            c,
            &Syllable::parse(reading).unwrap(),
            next.as_ref(),
            false,
            opts,
            &mut out,
        );
        out.iter().map(|c| c.to_unicode()).collect::<String>()
    };
    let default = Options::default();
    assert_eq!(
        cells('的', "de5", Some("hao3"), &default),
        "⠙",
        "R11: abbreviated before an initial"
    );
    assert_eq!(
        cells('的', "de5", Some("ya5"), &default),
        "⠙⠢",
        "R11: full before ya"
    );
    assert_eq!(
        cells('他', "ta1", Some("a5"), &default),
        "⠞⠔",
        "R11: 他 in full"
    );
    assert_eq!(
        cells('你', "ni3", Some("ya5"), &default),
        "⠝⠊⠄",
        "R11: 你 in full"
    );
    let opts = Options {
        abbreviate_before_zero_initial: true,
        ..Options::default()
    };
    assert_eq!(cells('的', "de5", Some("ya5"), &opts), "⠙", "R11 off");
    // 的 in another reading is never abbreviated.
    assert_eq!(cells('的', "di4", None, &default), "⠙⠊");
}

#[test]
fn s4_current_braille_pronouns_in_the_other_tone_modes() {
    // 他 ⠞⠔, 她 ⠞⠔⠁, 它 ⠈⠞⠔ (current braille; the national abbreviations are not used).
    assert_eq!(braille_in(ToneMode::None, "他"), "⠞⠔");
    assert_eq!(braille_in(ToneMode::None, "她"), "⠞⠔⠁");
    assert_eq!(braille_in(ToneMode::None, "它"), "⠈⠞⠔");
    assert_eq!(braille_in(ToneMode::Full, "它"), "⠈⠞⠔⠁");
    assert_eq!(braille_in(ToneMode::Full, "你"), "⠝⠊⠄");
    assert_eq!(braille_in(ToneMode::Full, "的"), "⠙⠢");
}

#[test]
fn s6_1_punctuation() {
    check(
        &[
            ("§6.1 。", "好。", "⠓⠖⠄⠐⠆"),
            ("§6.1 ？", "好？", "⠓⠖⠄⠐⠄"),
            ("§6.1 ！", "好！", "⠓⠖⠄⠰⠂"),
            ("§6.1 ，and blank", "好，好", "⠓⠖⠄⠐⠀⠓⠖⠄"),
            ("§6.1 、", "好、好", "⠓⠖⠄⠈⠀⠓⠖⠄"),
            ("§6.1 ；", "好；好", "⠓⠖⠄⠰⠀⠓⠖⠄"),
            ("§6.1 ：", "好：好", "⠓⠖⠄⠤⠀⠓⠖⠄"),
            ("§6.1 “”", "“好”", "⠘⠓⠖⠄⠘"),
            ("§6.1 （）", "（好）", "⠰⠄⠓⠖⠄⠠⠆"),
            ("§6.1 《》", "《好》", "⠐⠤⠓⠖⠄⠤⠂"),
            ("§6.1 ——", "好——", "⠓⠖⠄⠠⠤"),
            ("§6.1 ……", "好……", "⠓⠖⠄⠐⠐⠐"),
        ],
        braille,
    );
}

#[test]
fn s6_2_blank_after_sentence_end_is_an_option() {
    assert_eq!(braille("好。好"), "⠓⠖⠄⠐⠆⠀⠓⠖⠄");
    let off = Translator::with_options(Options {
        blank_after_sentence_end: false,
        ..Options::default()
    });
    assert_eq!(off.to_braille("好。好", Format::Unicode), "⠓⠖⠄⠐⠆⠓⠖⠄");
}

#[test]
fn s6_3_digits_with_number_sign_and_blank_before_chinese() {
    check(
        &[
            ("§6.3", "123", "⠼⠁⠃⠉"),
            ("§6.3", "2018年", "⠼⠃⠚⠁⠓⠀⠝⠩"),
            ("§6.3 decimal", "3.14", "⠼⠉⠄⠁⠙"),
        ],
        braille,
    );
    // Full-width digits are the same digits.
    assert_eq!(braille("１２３"), "⠼⠁⠃⠉");
}

#[test]
fn s6_4_latin_letters() {
    check(
        &[
            ("§6.4 all caps", "ABC", "⠠⠠⠁⠃⠉"),
            ("§6.4 capital", "Hello World", "⠠⠓⠑⠇⠇⠕⠀⠠⠺⠕⠗⠇⠙"),
            ("§6.4 blank before Chinese", "五A级", "⠥⠄⠀⠠⠁⠀⠛⠊⠂"),
            ("§6.4 letter sign in Chinese text", "带u盘", "⠙⠪⠀⠰⠥⠀⠏⠧"),
        ],
        braille,
    );
}

#[test]
fn interjection_yo_is_its_own_syllable_written_like_you() {
    // 哟 yo has a final of its own (not *you*), written ⠳ as liblouis writes 哟.
    let yo = Syllable::parse("yo1").unwrap();
    assert_eq!(yo.to_string(), "yo1");
    assert_eq!(yo.with_tone_mark(), "yō");
    assert_ne!(yo, Syllable::parse("you1").unwrap());
    assert!(Syllable::parse("byo1").is_err());
    assert_eq!(Syllable::from_code(yo.code()), Some(yo));
    check(
        &[
            ("yo", "yo1", "⠳⠁"),
            ("yo", "yo5", "⠳"),
            ("you", "you5", "⠳"),
        ],
        |p| syllable(p, ToneMode::Full),
    );
    // Back-translation reads the shared cell as *you*.
    let back = tongyong::from_braille("⠳", tongyong::BrailleInput::Unicode).unwrap();
    assert_eq!(back.items[0].text, "you");
    assert_eq!(braille("哟"), "⠳");
}

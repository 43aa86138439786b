//! Word spacing (分词连写): the examples of `../shared/docs/braille-word-spacing.md`, each with the
//! rule it illustrates. `/` marks a blank between braille words, as in the document.

use tongyong::{Format, IdiomSpacing, Options, SpacingOptions, Translator, WordKind};

/// The braille words of `text` (punctuation left out), joined by `/`.
fn spaced_with(text: &str, opts: Options) -> String {
    let t = Translator::with_options(opts);
    let chars: Vec<char> = text.chars().collect();
    t.to_pinyin(text)
        .iter()
        .filter(|w| w.kind != WordKind::Punct)
        .map(|w| chars[w.input.clone()].iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("/")
}

/// The braille words of `text` with the spacing options `spacing`.
fn spaced_by(text: &str, spacing: SpacingOptions) -> String {
    spaced_with(
        text,
        Options {
            spacing,
            ..Options::default()
        },
    )
}

fn spaced(text: &str) -> String {
    spaced_with(text, Options::default())
}

fn check(rows: &[(&str, &str)]) {
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|(rule, expected)| {
            let got = spaced(&expected.replace('/', ""));
            (got != *expected).then(|| format!("{rule}: got {got}, expected {expected}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn r1_lexical_words_and_gf_12_2_1_examples() {
    check(&[("R1", "我们/阅读/巧克力/广告")]);
    for w in [
        "阅读",
        "晚会",
        "地震",
        "年轻",
        "签名",
        "示威",
        "扭转",
        "船只",
        "但是",
        "叮咚",
        "芙蓉",
        "巧克力",
        "电视机",
        "图书馆",
    ] {
        assert_eq!(spaced(w), w, "GF 12.2.1");
    }
}

#[test]
fn r2_gf_12_2_2_examples() {
    for w in ["全国", "走来", "胆小", "环保", "公关"] {
        assert_eq!(spaced(w), w, "GF 12.2.2");
    }
}

#[test]
fn r3_long_names_split_into_words() {
    check(&[
        ("R3", "中华/人民/共和国"),
        ("R3", "中国/社会/科学院"),
        ("R3", "晶体管/功率/放大器"),
        ("R3 joined", "研究生院"),
        ("R3 joined", "红十字会"),
        ("R3 joined (suffix 家)", "古生物学家"),
    ]);
    let off = SpacingOptions {
        split_long_words: false,
        ..SpacingOptions::default()
    };
    assert_eq!(spaced_by("中华人民共和国", off), "中华人民共和国", "R3 off");
}

#[test]
fn r4_reduplication() {
    check(&[
        ("R4a", "人人"),
        ("R4a", "看看"),
        ("R4b", "研究/研究"),
        ("R4c GF 12.2.4", "来来往往"),
        ("R4c GF 12.2.4", "说说笑笑"),
        ("R4c GF 12.2.4", "清清楚楚"),
        ("R4c GF 12.2.4", "弯弯曲曲"),
        ("R4c", "方方面面"),
        ("R4c", "干干净净"),
    ]);
}

#[test]
fn r5_r6_prefixes_and_suffixes() {
    for w in [
        "超声波",
        "无条件",
        "半导体",
        "科学性",
        "手工业者",
        "乘务员",
        "艺术家",
        "拖拉机手",
        "孩子们",
    ] {
        assert_eq!(spaced(w), w, "R5 GF 12.2.5");
    }
    check(&[
        ("R5 prefix", "副部长"),
        ("R5 prefix", "总工程师"),
        ("R5 suffix", "现代化"),
        ("R5", "老虎"),
        ("R5", "桌子"),
        ("R5", "石头"),
        ("R5/R17", "老王"),
        ("R6", "我们"),
        ("R6", "同学们"),
        ("R6", "老师们/好"),
    ]);
}

#[test]
fn r8_gf_12_2_6_monosyllable_joins() {
    check(&[
        ("R8a GF 12.2.6", "很好"),
        ("R8b GF 12.2.6", "山上"),
        ("R8c GF 12.2.6", "每年"),
        ("R8a", "都来"),
        ("R8a", "也去"),
        ("R8c", "各国"),
    ]);
    check(&[("R8b multi-syllable stays apart", "火车/上面")]);
    let off = SpacingOptions {
        join_monosyllables: false,
        ..SpacingOptions::default()
    };
    // Lexicon words (很好, 每人) stay joined; the pattern is what the option turns off.
    assert_eq!(spaced_by("都来", off), "都/来", "R8 off");
}

#[test]
fn r9_negation() {
    check(&[
        ("R9", "不去"),
        ("R9", "别走"),
        ("R9 before a longer word", "不/应该"),
    ]);
    let off = SpacingOptions {
        join_negation: false,
        ..SpacingOptions::default()
    };
    assert_eq!(spaced_by("不去", off), "不/去", "R9 off");
}

#[test]
fn r10_structural_particles_join_the_word_before() {
    check(&[
        ("R10", "今天的/天气"),
        ("R10", "民族的/传统"),
        ("R10", "我的/书"),
        ("R10", "跑得/快"),
        // The reading dictionaries list whole phrases through 地 (慢慢地走, 静静地躺在床上); they
        // are divided after the particle and the rest into its words.
        ("R10 phrase entry", "他/慢慢地/走了"),
        ("R10 phrase entry", "静静地/躺/在/床上"),
        ("R10 phrase entry", "她/高兴地/笑了"),
    ]);
}

#[test]
fn r11_aspect_and_modal_particles_join_the_word_before() {
    check(&[
        ("R11", "看了"),
        ("R11", "看着"),
        ("R11", "看过"),
        ("R11", "进行着"),
        ("R11", "你/知道吗"),
        // Found by the round-trip property test: joined, ⠵⠢ (zi5 + o) would read back as ze;
        // GF 0019 §10.2.7 keeps the apical tone there, and a neutral one has none to keep.
        ("R11, not after a neutral apical syllable", "儿子/哦"),
        ("R11", "快/走吧"),
        ("R11", "走咯"),
        ("R11", "他/来了哩"),
        // 哪 read nǎ is the question word, not a modal particle: R11 does not attach it.
        ("R11, not the question word 哪", "你/去/哪"),
    ]);
    let off = SpacingOptions {
        join_modal_particles: false,
        ..SpacingOptions::default()
    };
    assert_eq!(spaced_by("你知道吗", off), "你/知道/吗", "R11 modal off");
}

#[test]
fn r12_prepositions_stand_alone() {
    check(&[("R12", "在/北京"), ("R12", "为/人民/服务")]);
}

#[test]
fn r13_verb_complement() {
    check(&[
        ("R13", "搞坏"),
        ("R13", "打死"),
        ("R13", "拿来"),
        ("R13", "看完"),
        ("R13 longer", "打扫/干净"),
        // A modal verb or the copula takes a verb or phrase as its object, not a result
        // complement (GB/T 16159 4.3.3 lists verb + result/direction only).
        ("R13 not after a modal verb", "要/去"),
        ("R13 not after a modal verb", "想/去"),
        ("R13 not after the copula", "是/好"),
        // Step 3 joins 完了 first; R13 still joins the complement with its particle.
        ("R13 with an aspect particle", "我/把/作业/做完了"),
        // 着 zháo, the result reached, before 了 (the aspect particle zhe is never there).
        ("R13 着 zháo with its particle", "终于/找着了"),
    ]);
}

#[test]
fn r14_numbers_and_measure_words() {
    check(&[
        ("R14", "十三"),
        ("R14", "二十五"),
        ("R14", "三百"),
        ("R14", "五千"),
        ("R14 divided after 百", "三百/零五"),
        ("R14", "一个/人"),
        ("R14", "三次"),
        ("R14 longer numeral", "二十五/个"),
        ("R14 宿 xiǔ, nights", "住了/一宿"),
        ("R7", "这只/船"),
        // 一起 is a lexicon numeral + measure; kept whole, it is not taken apart by R13 (一 起去).
        ("R14 lexicalised", "我们/一起/去"),
    ]);
}

/// The lexicon has words of a measure word and a noun (本书 "this book", 个人, jieba's 首歌 个字符);
/// after a number or a demonstrative the measure word joins the number (R7, R14) and the noun
/// stands alone. A noun of its own, as frequent as its last character alone, is not taken apart
/// (这 名字, 这 道路), nor is 本书 where 本 is the determiner "this".
#[test]
fn r7_r14_a_measure_word_leaves_the_noun_after_a_count() {
    check(&[
        ("R14 (the document's example)", "两本/书"),
        ("R7", "这本/书/很好"),
        ("R7 inside one lexicon word", "那本/书"),
        ("R14 inside one lexicon word", "几本/书"),
        ("R18 a place name", "五台山"),
        ("R4 reduplication", "一条条"),
        ("R14", "我/买了/一本/书"),
        ("R14", "唱了/三首/歌"),
        ("R7", "这篇/文章"),
        ("R16 digits, then R14's measure word and noun", "5/个/字符"),
        ("R7 a noun of its own", "这/名字/很/好听"),
        ("R7 a noun of its own", "这/道路/很宽"),
        ("R8 determiner + noun", "本书/介绍了/方法"),
    ]);
}

#[test]
fn r15_ordinals_join_the_number() {
    check(&[
        ("R15", "第一"),
        ("R15", "第十三"),
        ("R15", "初一"),
        ("R15", "初十"),
        ("R15", "第3/次"),
        // As 第三周 (a lexicon word): 第 + the numeral-measure word 几周.
        ("R15 with a measure word", "第几周"),
    ]);
}

#[test]
fn r16_digits_dates_fractions() {
    check(&[
        ("R16", "2018年/7月/1日"),
        ("R16", "一九九八年/七月/一日"),
        ("R16", "三分之二"),
        ("R16", "百分之六十"),
    ]);
    // A blank follows a digit run before Chinese even inside one braille word.
    assert_eq!(
        Translator::new().to_braille("2018年", Format::Unicode),
        "⠼⠃⠚⠁⠓⠀⠝⠩"
    );
}

#[test]
fn r17_personal_names_are_one_word() {
    check(&[
        // A surname + a given name the lexicon knows.
        ("R17", "王芳/来了"),
        // Names the lexicon does not know: a surname + one or two characters common in given
        // names (data/spacing/given-names.tsv).
        ("R17", "李华/去/北京"),
        ("R17", "陈志强/是/我的/同学"),
        ("R17, three characters", "高秋朗/说话"),
        // Names join before particles and suffixes take the given name alone (R10 after R17).
        ("R17 then R10", "李华的/书包/很新"),
        ("R17 then R6", "小红们/来了"),
        ("R17", "王丽/和/张伟/一起/玩"),
        ("R17, a pet name", "小明/还/没有/睡着"),
        // A given name the segmenter took for a word of two given-name characters (明亮, 欢欣).
        ("R17", "李明亮/说话"),
        ("R17", "罗欢欣/出生"),
        // ... but not a place: 任 is "to serve in" before 福建.
        ("R17, not a place", "任/福建/巡抚"),
        // A foreign name the segmenter cut into pieces of transcription characters
        // (data/spacing/transliteration.tsv) is one word, as written in the source.
        ("R17, a foreign name", "他/去了/阿尔巴尼亚"),
        ("R17, a foreign name", "女儿/克劳丁/结婚了"),
        ("R17, a foreign name", "希波克拉底/是/医生"),
        // A common word is no piece of a name, though its characters are (基本 + 多).
        ("R17, not a name", "称为/基本/多/语言/平面"),
        // 军 'army' after a dynasty is not a given name.
        ("R17, not an army", "宋/军/追到/利州"),
    ]);
    let off = SpacingOptions {
        join_names: false,
        ..SpacingOptions::default()
    };
    assert_eq!(spaced_by("李华去北京", off), "李/华/去/北京", "R17 off");
}

/// R17 by context (issue 17, item 3): names that no list knows, found by what is around them. The
/// examples are the (g2pL train) and sentences of g2pL of the same kinds.
#[test]
fn r17_names_known_by_context() {
    // In an enumeration (、), with a character common in given names; 史 东山 stays apart, as
    // neither 东 nor 山 is common in given names (`given-names.tsv`).
    for (text, words) in [
        (
            "公司有陆洁、史东山、王次龙等编导",
            "公司/有/陆洁/史/东山/王次龙/等/编导",
        ),
        (
            "省第三名刘思妍、均来自该校",
            "省/第三名/刘思妍/均/来自/该校",
        ),
        (
            "他为侯孝贤、杨德昌、蔡明亮、王家卫等导演翻译",
            "他/为/侯孝贤/杨德昌/蔡明亮/王家卫/等/导演/翻译",
        ),
    ] {
        assert_eq!(spaced(text), words, "R17 by 、");
    }
    check(&[
        // Before a verb of saying or a title, after a profession (data/spacing/name-cues.tsv).
        ("R17 by 说", "苏瑟林/说/他/担心"),
        ("R17 by 表示", "张桃林/表示/超级稻/很/重要"),
        ("R17 by 教授", "受到/方琼/教授的/指导"),
        ("R17 by 记者", "记者/张小明/报道"),
        ("R17 by 提到", "提到/宋冬野/这个/名字"),
        // A cue after a name that this step joined earlier in the run.
        ("R17 by 记者, after a name", "王次龙/等/记者/史东山/报道"),
    ]);
    // Ordinary words stay what they are, in an enumeration too: a name is a surname standing
    // alone, and next to 、 alone one of its characters must be common in given names.
    check(&[
        ("R17, not a name", "王国/周末/高明"),
        ("R17, not a name", "他的/王国/很大"),
        ("R17, not a name", "水泥/石膏/和/牛粪"),
    ]);
    let off = SpacingOptions {
        join_names: false,
        ..SpacingOptions::default()
    };
    assert_eq!(spaced_by("张桃林表示", off), "张/桃林/表示", "R17 off");
}

#[test]
fn r18_places() {
    check(&[
        ("R18", "北京市"),
        ("R18", "泰山"),
        ("R18", "洞庭湖"),
        ("R18", "长安街"),
    ]);
}

#[test]
fn r19_idioms() {
    check(&[
        ("R19", "风平浪静"),
        ("R19", "光明磊落"),
        ("R19", "层出不穷"),
        ("R19", "相敬如宾"),
    ]);
    let two = SpacingOptions {
        idioms: IdiomSpacing::TwoPlusTwo,
        ..SpacingOptions::default()
    };
    assert_eq!(spaced_by("风平浪静", two), "风平/浪静", "R19 option 2+2");
}

#[test]
fn r26_erhua_joins_its_word() {
    check(&[("R26", "花儿"), ("R26", "一会儿"), ("R26", "这儿")]);
}

#[test]
fn json_words_follow_the_spacing() {
    let t = Translator::new().translate("今天的天气很好。");
    let words: Vec<String> = t
        .words()
        .iter()
        .map(|w| t.word_braille(w, Format::Unicode))
        .collect();
    assert_eq!(words, ["⠛⠣⠁⠞⠩⠁⠙", "⠞⠩⠁⠅⠊⠆", "⠓⠴⠄⠓⠖⠄", "⠐⠆"]);
}

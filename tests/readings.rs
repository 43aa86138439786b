//! Readings: neutral tones and special readings (data/readings/neutral.tsv), both reading modes,
//! and the accuracy on the CPP polyphone benchmark (test split; skipped when the benchmark data is
//! not next to the repository, unless TONGYONG_REQUIRE_CPP=1).

use std::path::PathBuf;

use tongyong::{Options, ReadingMode, Translator};

#[path = "common/shared.rs"]
mod shared;
use shared::shared_dir;

fn translator(readings: ReadingMode) -> Translator {
    Translator::with_options(Options {
        readings,
        ..Options::default()
    })
}

/// Asserts, in both reading modes, that the readings of each text contain the expected run.
fn assert_readings_contain(rows: &[(&str, &str)]) {
    for mode in [ReadingMode::Model, ReadingMode::Fast] {
        let t = translator(mode);
        for (text, want) in rows {
            let got = pinyin(&t, text);
            assert!(got.contains(want), "{text} ({mode:?}): {got}");
        }
    }
}

/// 宿 is xiǔ, nights, after the counts of nights only: after 七 it is the lunar mansion xiù (东方七宿),
/// which the model reads and the fast mode leaves at its default sù.
#[test]
fn xiu_nights_only_after_counts_of_nights() {
    for mode in [ReadingMode::Model, ReadingMode::Fast] {
        let got = pinyin(&translator(mode), "属于东方七宿。");
        assert!(!got.contains("xiu3"), "{mode:?}: {got}");
    }
}

/// The readings of `text`, one per Han character, joined by spaces.
fn pinyin(t: &Translator, text: &str) -> String {
    t.to_pinyin(text)
        .iter()
        .flat_map(|w| w.pinyin.iter())
        .map(|s| s.map_or("?".to_string(), |s| s.to_string()))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn neutral_tones_and_particles() {
    for mode in [ReadingMode::Model, ReadingMode::Fast] {
        let t = translator(mode);
        for (text, want) in [
            ("他的眼睛很大。", "ta1 de5 yan3 jing5 hen3 da4"),
            (
                "我的朋友买了东西。",
                "wo3 de5 peng2 you5 mai3 le5 dong1 xi5",
            ),
            (
                "妈妈和爸爸去看哥哥。",
                "ma1 ma5 he2 ba4 ba5 qu4 kan4 ge1 ge5",
            ),
            ("桌子上有石头。", "zhuo1 zi5 shang4 you3 shi2 tou5"),
            ("你看了吗？", "ni3 kan4 le5 ma5"),
            ("他看着我呢。", "ta1 kan4 zhe5 wo3 ne5"),
            ("我看过。", "wo3 kan4 guo5"),
            ("我们走吧！", "wo3 men5 zou3 ba5"),
            ("好啊。", "hao3 a5"),
            ("花儿开了。", "hua1 er5 kai1 le5"),
            (
                "他在左边，我在旁边。",
                "ta1 zai4 zuo3 bian5 wo3 zai4 pang2 bian1",
            ),
            // 必读轻声词 (words the 现代汉语词典 and the Putonghua test read with a neutral tone);
            // CPP's labels give some of them citation tones (关系 xi4, 知识 shi2): we keep the
            // dictionary's reading, as the braille writes it.
            ("故事的名字", "gu4 shi5 de5 ming2 zi5"),
            ("关系和知识", "guan1 xi5 he2 zhi1 shi5"),
            ("太阳很聪明", "tai4 yang5 hen3 cong1 ming5"),
            ("他寻思着", "ta1 xin2 si5 zhe5"),
        ] {
            assert_eq!(pinyin(&t, text), want, "{text} ({mode:?})");
        }
    }
}

#[test]
fn grammar_decides_de_dei_hang_and_final_particles() {
    // read::grammar_reading: 得 地 行 standing alone, by the words around them; the dictionaries
    // and the polyphone model read these wrong in plain text (跑得 de2, 自由地 di4, 新行 xíng).
    assert_readings_contain(&[
        ("他跑得很快。", "ta1 pao3 de5 hen3 kuai4"),
        ("你得早点儿回家。", "ni3 dei3"),
        ("小鸟自由地飞翔。", "zi4 you2 de5 fei1 xiang2"),
        // Issue 15: 安全 is jieba's "an" (an adjective used as a noun), still an adjective here.
        ("可以安全地卸载设备", "an1 quan2 de5 xie4 zai4"),
        ("安全地带", "an1 quan2 di4 dai4"),
        ("删除当前行中的字符", "dang1 qian2 hang2"),
        ("不读入新 行", "xin1 hang2"),
        ("必须是 root 才行。", "cai2 xing2"),
        ("你行吗？", "ni3 xing2 ma5"),
        ("他有一块地。", "kuai4 di4"),
        ("杭州的新地王", "xin1 di4 wang2"),
        ("在文件的一行中", "yi1 hang2 zhong1"),
        ("代表团一行十人", "yi1 xing2 shi2"),
        // Sentence-final particles after a word; 哦 opening a sentence is the interjection.
        ("我们走咯。", "zou3 lo5"),
        ("好的哦。", "de5 o5"),
        ("饭来喽！", "lai2 lou5"),
        ("他奇怪吧：", "guai4 ba5"),
        ("哦，我明白了。", "o4 wo3"),
        ("你去哪？", "qu4 na3"),
        // Polyphones that the words around them decide in plain prose.
        ("这件衣服太长了。", "tai4 chang2"),
        ("他长得很高。", "zhang3 de5"),
        ("我今天很累。", "hen3 lei4"),
        ("质量比较差。", "bi3 jiao4 cha4"),
        ("老师教我们唱歌。", "jiao1 wo3 men5"),
        ("农民在地里种庄稼。", "zhong4 zhuang1"),
        ("这种方法很好。", "zhe4 zhong3"),
        ("睡了一觉。", "yi1 jiao4"),
        ("他数了数苹果。", "shu3 le5 shu3"),
        ("文件名应以引号括起。", "ying1 yi3"),
        ("他把钱藏在床下。", "cang2 zai4"),
        ("把桌布铺在桌上。", "pu1 zai4"),
        ("他长得像他爸爸。", "zhang3 de5 xiang4"),
        ("这条路长得多。", "chang2 de5 duo1"),
        ("这场雨下得很大。", "xia4 de5 hen3"),
        ("他比我好得多。", "hao3 de5 duo1"),
        ("我们要少吃零食。", "shao3 chi1"),
        ("小草从地里钻了出来。", "zuan1 le5"),
        ("他把字写得工工整整。", "xie3 de5 gong1"),
        ("她的脸红得像苹果。", "hong2 de5 xiang4"),
        ("你得像他那样努力。", "ni3 dei3 xiang4"),
        ("妈妈叫我早点儿回家。", "zao3 dian3 er5"),
        ("他去玩儿了。", "wan2 er5 le5"),
        ("这是新生儿。", "sheng1 er2"),
        ("一行人走了。", "yi1 xing2 ren2"),
        // 为 wèi "for" before whom it is for; wéi after the verb it completes or in 以…为….
        ("我们要为人民服务。", "wei4 ren2 min2"),
        ("程序会为您启动。", "wei4 nin2"),
        ("把值设置为它们的初始值。", "zhi4 wei2 ta1"),
        ("以人民为中心", "wei2 zhong1"),
        // 量 liáng the verb, 落 là "left behind", 结 jiē fruit, 脏 zāng alone.
        ("我们量一量桌子。", "liang2 yi1 liang2"),
        ("饭量很大。", "fan4 liang4"),
        ("我把钥匙落在家里了。", "la4 zai4"),
        ("树叶落在地上。", "luo4 zai4"),
        ("这棵树结了很多果子。", "jie1 le5 hen3 duo1 guo3 zi5"),
        ("他们结了婚。", "jie2 le5"),
        ("地上脏了。", "zang1 le5"),
        ("小猫把毛线弄乱了。", "nong4 luan4"),
        // 只 zhī, the measure word, after a count before a noun; zhǐ "only" before a verb.
        ("两只老虎", "liang3 zhi1 lao3 hu3"),
        ("这只小狗很可爱。", "zhe4 zhi1 xiao3"),
        ("这只是因为程序", "zhe4 zhi3 shi4"),
        ("衣服已经晒干了。", "shai4 gan1"),
        ("我们去看电影吧。", "dian4 ying3 ba5"),
        ("我们去网吧。", "wang3 ba1"),
        ("小明的个子长高了。", "zhang3 gao1"),
        ("山上长满了草。", "zhang3 man3"),
        ("这些花都是我种的。", "zhong4 de5"),
        ("我明天要还钱给他。", "huan2 qian2"),
        ("他还清楚地记得。", "hai2 qing1"),
        ("他把袖子卷了起来。", "xiu4 zi5 juan3 le5"),
        ("他的病好了。", "bing4 hao3 le5"),
        ("好了，我们走吧。", "hao3 le5"),
        ("这个问题好了解。", "hao3 liao3 jie3"),
        ("他找了半天，终于找着了。", "zhao3 zhao2 le5"),
        ("你猜着了。", "cai1 zhao2 le5"),
        ("他看着我笑。", "kan4 zhe5 wo3"),
        ("妈妈给我盛了一碗饭。", "cheng2 le5"),
        ("盛饭的碗很大。", "cheng2 fan4"),
        ("花园里的花盛开了。", "sheng4 kai1"),
        ("老爷爷来了。", "lao3 ye2 ye5"),
        ("小弟弟笑了。", "xiao3 di4 di5"),
        ("我们在学校宿舍住了一宿。", "su4 she4 zhu4 le5 yi1 xiu3"),
        ("他拿起扇子扇了扇。", "shan4 zi5 shan1 le5 shan1"),
        ("推开一扇门。", "yi1 shan4 men2"),
        ("他们划着小船在湖上玩。", "hua2 zhe5 xiao3 chuan2"),
        ("我们要划分小组。", "hua4 fen1"),
        ("妈妈做了炸鸡。", "zha2 ji1"),
        ("你这个样子不好。", "yang4 zi5"),
        // 大夫: the doctor where seen to or named by a surname, else the official of old.
        ("快去看大夫。", "kan4 dai4 fu5"),
        ("张大夫来了。", "zhang1 dai4 fu5"),
        ("郑国大夫子产曰", "da4 fu1 zi3"),
    ]);
}

#[test]
fn corrected_phrase_readings() {
    // data/readings/phrase-corrections.tsv: words the phrase data reads against the 现代汉语词典
    // (运转 zhuàn, 质朴 piáo, 薄膜 báo, 夹克 jiá, 眩晕 yūn, 拚命 pàn); the model may not undo them.
    assert_readings_contain(&[
        ("机器正在运转。", "yun4 zhuan3"),
        ("文风质朴。", "zhi4 pu3"),
        ("一层薄膜", "bo2 mo2"),
        ("他穿着夹克。", "jia1 ke4"),
        ("我有点眩晕。", "xuan4 yun4"),
        ("他拚命地跑。", "pin1 ming4"),
        ("我肚子饿了。", "du4 zi5"),
        ("河道的落差很大。", "luo4 cha1"),
        ("他年少气盛。", "nian2 shao4 qi4 sheng4"),
    ]);
}

#[test]
fn yi_and_bu_keep_citation_tones() {
    for mode in [ReadingMode::Model, ReadingMode::Fast] {
        let t = translator(mode);
        assert_eq!(pinyin(&t, "一个人不去。"), "yi1 ge4 ren2 bu4 qu4");
        assert_eq!(pinyin(&t, "不对"), "bu4 dui4");
    }
}

#[test]
fn the_fast_mode_applies_neighbour_rules() {
    let fast = translator(ReadingMode::Fast);
    // Words without a phrase reading, read by rules distilled from the polyphone model
    // (data/readings/context-rules.tsv).
    for (text, want) in [
        ("输出重定向到文件。", "chong2 ding4 xiang4"),
        ("他去了尼泊尔。", "ni2 bo2 er3"),
        ("内蒙古自治区", "nei4 meng3 gu3"),
    ] {
        assert!(pinyin(&fast, text).contains(want), "{text}");
    }
    // Characters frequent in running text keep their default in ordinary words, where the model
    // errs (重挫 chong2, 没学 mo4).
    assert!(pinyin(&fast, "股市遭受重挫。").contains("zhong4 cuo4"));
    assert!(pinyin(&fast, "他们没学过。").contains("mei2 xue2"));
}

#[test]
fn the_model_reads_what_the_lexicon_leaves_open() {
    let model = translator(ReadingMode::Model);
    let fast = translator(ReadingMode::Fast);
    // 长 outside any dictionary word: the default is zhang3, g2pM and the linear model (both
    // modes) read 全长 as chang2.
    let text = "这条河全长475米。";
    assert!(pinyin(&fast, text).contains("quan2 chang2"));
    assert!(pinyin(&model, text).contains("quan2 chang2"));
    // A frequent dictionary word keeps its phrase reading.
    assert_eq!(
        pinyin(&model, "他在银行工作。"),
        "ta1 zai4 yin2 hang2 gong1 zuo4"
    );
}

fn cpp_dir() -> Option<PathBuf> {
    let dir = shared_dir().join("data/polyphone-cpp");
    if dir.join("test.sent").exists() {
        Some(dir)
    } else if std::env::var_os("TONGYONG_REQUIRE_CPP").is_some() {
        panic!("{}: CPP benchmark data missing", dir.display());
    } else {
        eprintln!(
            "{}: CPP benchmark data missing, test skipped",
            dir.display()
        );
        None
    }
}

/// Accuracy on CPP test, scored the standard way (only the marked character; gold u: → v).
fn cpp_accuracy(dir: &std::path::Path, mode: ReadingMode) -> f64 {
    let sents = std::fs::read_to_string(dir.join("test.sent")).unwrap();
    let labels = std::fs::read_to_string(dir.join("test.lb")).unwrap();
    let t = translator(mode);
    let (mut ok, mut n) = (0, 0);
    for (s, lb) in sents.lines().zip(labels.lines()) {
        let index = s.chars().position(|c| c == '\u{2581}').unwrap();
        let text = s.replace('\u{2581}', "");
        let chars: Vec<char> = text.chars().collect();
        let gold = lb.trim().replace("u:", "v");
        let got = t.to_pinyin(&text).into_iter().find_map(|w| {
            if !w.input.contains(&index) {
                return None;
            }
            let k = chars[w.input.start..index]
                .iter()
                .filter(|&&c| tongyong::segment::is_han(c))
                .count();
            w.pinyin.get(k).copied().flatten()
        });
        n += 1;
        ok += (got.map(|s| s.to_string()) == Some(gold)) as usize;
    }
    100.0 * ok as f64 / n as f64
}

/// What the model mode reaches on CPP test (97.36%), minus a hair. The goal of issue #3 is 97.5%;
/// 41 of the items missed are neutral syllables of dictionary words that CPP labels with a full
/// tone (关系, 知识, 收拾), read neutral on purpose.
const MODEL_MIN: f64 = 97.2;
/// What the fast mode reaches on CPP test (96.31%, with the linear polyphone model, the neighbour
/// rules of `data/readings/context-rules.tsv` and the grammar rules), minus a hair. The goal of
/// issue #3 is 95.5%.
const FAST_MIN: f64 = 96.2;

#[test]
fn cpp_test_accuracy() {
    let Some(dir) = cpp_dir() else {
        return;
    };
    let model = cpp_accuracy(&dir, ReadingMode::Model);
    let fast = cpp_accuracy(&dir, ReadingMode::Fast);
    eprintln!("CPP test: model {model:.2}%, fast {fast:.2}%");
    assert!(model >= MODEL_MIN, "model mode {model:.2}% < {MODEL_MIN}%");
    assert!(fast >= FAST_MIN, "fast mode {fast:.2}% < {FAST_MIN}%");
}

/// Polyphones of plain prose that the readers before the linear model (`src/read/linear.rs`)
/// got wrong in both modes (g2pM and the defaults read qie4, bo2, tiao3, jing4, zuan4, lei3, she4,
/// sa1): sentences of g2pL dev (the tuning set; the model is trained on g2pL train only).
#[test]
fn the_linear_model_reads_prose() {
    assert_readings_contain(&[
        (
            "白萝卜切成薄薄薄片儿，半圆形，随面饼而煮。",
            "qie1 cheng2 bao2",
        ),
        (
            "外形像龙眼，但仔细看果实比龙眼大，外皮薄，橙黄色。",
            "pi2 bao2",
        ),
        ("读完这些，自己就会挑书了。", "hui4 tiao1 shu1"),
        (
            "浓郁而有嚼劲的腹芯肉是这里的特色，油脂丰富质感柔滑。",
            "jue2 jin4",
        ),
        (
            "克莱德把车驶到路边，格西跳下车，一头钻进棉田。",
            "zuan1 jin4",
        ),
        ("当然是睡觉宝宝又困又累。", "kun4 you4 lei4"),
        (
            "观众面对即将到来的结局，期待之余，更多的是不舍和留恋。",
            "bu4 she3",
        ),
        ("服务员熟练地撒上各种秘制的调料，不用加水！", "sa3 shang4"),
    ]);
}

//! Grammar rules of the reading stage: one-character words whose reading the words around them
//! decide in plain prose, where the dictionaries and the polyphone model (trained on encyclopedia
//! prose) go wrong (跑得很快 de, 当前行 háng, 走咯 lo, 太长 cháng, 教我们 jiāo).

use crate::lexicon;
use crate::syllable::Syllable;
use crate::tables::CharSet;

/// A Han word for [`grammar_reading`]: its range in the text and the POS tag of its lexicon entry
/// ("" when it has none).
pub(crate) type TaggedWord = (usize, usize, &'static str);

/// Whether the word `k` of `words`, 大夫, is dàifu "doctor" (else the phrase reading dàfū, the
/// official of old, stays: encyclopedia prose has mostly that one). A doctor is seen to, fetched,
/// counted or addressed by a surname (看大夫, 请大夫, 一位大夫, 张大夫), or speaks and examines
/// (大夫说, 大夫给他检查).
pub(crate) fn is_doctor(chars: &[char], words: &[TaggedWord], k: usize) -> bool {
    let (start, end, _) = words[k];
    if chars[start..end] != ['大', '夫'] {
        return false;
    }
    let prev = k
        .checked_sub(1)
        .map(|j| &chars[words[j].0..words[j].1])
        .filter(|_| words[k - 1].1 == start);
    let next = words
        .get(k + 1)
        .filter(|w| w.0 == end)
        .map(|w| &chars[w.0..w.1]);
    let by_surname = prev.is_some_and(|w| w.len() == 1 && crate::word_class::is_surname(w[0]));
    by_surname
        || word_is(
            prev,
            &[
                "看", "请", "找", "叫", "当", "做", "位", "名", "这位", "那位", "一位", "几位",
                "女", "老", "小",
            ],
        )
        || word_is(
            next,
            &["说", "给", "让", "叫", "问", "告诉", "检查", "嘱咐", "们"],
        )
}

/// Whether [`grammar_reading`] may decide the one-character word `c` (besides 一行): the
/// characters of its rules and the [`FINAL_PARTICLES`]. A bit test, as it is asked of the last
/// character of every token.
pub(crate) fn grammar_may_decide(c: char) -> bool {
    GRAMMAR_CHARS.contains(c)
}

/// The characters of [`grammar_may_decide`].
static GRAMMAR_CHARS: CharSet = CharSet::of_cjk(&[
    '得', '地', '行', '长', '少', '累', '差', '教', '种', '觉', '数', '应', '藏', '钻', '铺', '脏',
    '为', '量', '落', '结', '还', '卷', '好', '着', '盛', '宿', '扇', '划', '儿', '吗', '呢', '吧',
    '啊', '哦', '哩', '咯', '喽', '呐', '啦', '呗', '嘛', '呀', '哇',
]);

/// A cheap look before [`grammar_reading`] for the frequent 为, 还, 好 and 着: their rules need
/// a word of [`PEOPLE`] after 为, what is returned after 还 and 了 after 好 and 着 (spaces
/// skipped), so without one the line need not be analysed.
pub(crate) fn next_may_decide(c: char, after: &[char]) -> bool {
    let next = || after.iter().copied().find(|&n| n != ' ' && n != '\t');
    match c {
        '为' => next().is_some_and(|n| PEOPLE.iter().any(|p| p.starts_with(n))),
        '还' => next().is_some_and(|n| RETURNED.contains(n) || n == '清'),
        '好' | '着' => next() == Some('了'),
        _ => true,
    }
}

/// The first characters of what 还 huán returns (还钱, 还书, 还债, 还账; and 还清 "pay off").
const RETURNED: &str = "钱书债账";

/// Degree adverbs and negations that open the complement after a structural 得 (跑得很快,
/// 说得不对, 玩得太久).
const DEGREE_OPENERS: &str = "很非太真更挺十特比较相极越不好多最蛮";

/// Sentence-final particles, read neutral at the end of a clause after another word (走咯, 好哦,
/// 来喽, 奇怪吧), where the dictionaries or the model give their interjection or other readings
/// (咯 luò, 哦 ò, 喽 lóu, 吧 bā).
/// 哪 is left out: at the end of a clause it is usually the question word nǎ (去哪？).
pub(crate) const FINAL_PARTICLES: [(char, &str); 14] = [
    ('吗', "ma5"),
    ('呢', "ne5"),
    ('吧', "ba5"),
    ('啊', "a5"),
    ('哦', "o5"),
    ('哩', "li5"),
    ('咯', "lo5"),
    ('喽', "lou5"),
    ('呐', "na5"),
    ('啦', "la5"),
    ('呗', "bei5"),
    ('嘛', "ma5"),
    ('呀', "ya5"),
    ('哇', "wa5"),
];

/// Whether `c` ends a clause for [`FINAL_PARTICLES`]: clause punctuation, a closing quote or
/// bracket, or a line break.
fn ends_clause(c: char) -> bool {
    "。！？，、；：…—”’）」』》!?,;:)\"'~～\n\r".contains(c)
}

/// The reading of a one-character word that the grammar of its neighbours decides, where
/// dictionaries and the polyphone model (trained on encyclopedia prose) go wrong on plain text:
///
/// * 得 after a verb or adjective and before a degree adverb, an adjective or 不 is the
///   structural particle de (跑得很快, 唱得好); after a pronoun and before a verb it is the modal
///   děi (你得走了).
/// * 地 after an adjective of two syllables or more (also a noun use of one, jieba's "an"), an
///   adverb, an idiom, a reduplication or a word in -性, and before another word, is the
///   particle de (自由地飞翔, 一行一行地读, 预见性地警告, 安全地卸载).
/// * 一行 is yì háng, "one line", unless it follows the people it counts or comes before 人
///   (代表团一行, 他们一行, 一行人: yì xíng, "a party of").
/// * A sentence-final particle ([`FINAL_PARTICLES`]) after a word and at the end of a clause (or
///   of the text) is neutral (走咯 lo, 好哦 o, 做哩 li); so is 吧 ending a lexicon word "… bar"
///   there after a verb that is not one of going (看电影吧, 读书吧; 去网吧 keeps bā).
/// * 得 after 长 (长得像他), after 下 上 来 去 before a degree adverb (雨下得很大), and after
///   anything but a pronoun before 像 or a reduplicated state word (红得像苹果, 写得工工整整), is de.
/// * 儿 alone after a verb, measure word, adjective, numeral, localizer or adverb is the erhua
///   suffix er (玩儿); see also [`super::ends_in_erhua`] for lexicon words.
/// * Verbs and adjectives that the words around them decide in plain prose: 长 zhǎng before 得
///   (长得很高) and before what it grows into (长高, 长出) except in 长得多 'much longer'; 少
///   shǎo before a verb (少吃); 长 cháng and 累 lèi and 差 chà after a degree adverb or a
///   negation (太长, 很累, 不差; 累 also before 了 死 坏 得, 差 after 还 就 只 才); 教 jiāo before
///   whom or what is taught (教我们唱歌); 种 zhòng after its subject and before what is planted
///   or an aspect particle, or between a person and 的, never after a numeral or determiner
///   (种庄稼, 种了, 我种的; 三种 and 这种 stay zhǒng); 觉 jiào after a numeral (睡了一觉); 数
///   shǔ before 了 一 着 过 到 清 完 得 and in 数了数 / 数一数; 应 yīng, the modal, before a verb,
///   an adverb or a preposition (应生成, 应以); 藏 cáng, 钻 zuān and 铺 pū before 在 着 了 and
///   the like (藏在, 钻了出来, 铺上); 脏 alone zāng (地上脏了); 量 liáng, the verb, before 了 一
///   着 or what is measured (量一量, 量体温); 落 là in 把…落在 (把钥匙落在家里); 结 jiē before
///   the fruit it bears (结了很多果子); 还 huán before what is returned (还钱, 还清); 卷 juǎn
///   before 了 起 成 着 (卷了起来); 好 hǎo and 着 zháo, the result reached, before 了 (病好了,
///   找着了); 盛 chéng "to ladle" before a particle or what is ladled (盛了一碗饭); 宿 xiǔ, nights,
///   after 一 两 几 半 三 整 (住了一宿; 七宿 is the lunar mansion xiù); 扇 shān "to fan" before a
///   particle, the fan or the wind (扇了扇); 划 huá "to row" before the boat or 着 (划着小船).
/// * 为 before whom it is for (a pronoun or 人民, 大家, 妈妈 …) is the preposition wèi (为人民服务,
///   会为您启动), unless it completes the verb before it (设置为它们的初始值) or the clause has
///   以 before it or 所 after it (以人民为中心, 为他所用): wéi.
/// * 行 standing alone after a noun, numeral, measure word, determiner, adjective or 的, or
///   before 号 首 尾 末, is the noun háng, "line" (当前行, 匹配的行, 所有其他行); after an
///   adverb or a personal pronoun it stays xíng (才行, 也行, 你行吗).
///
/// `words` are the Han words of the text as (start, end) in `chars`, `k` the index of the word
/// (the reading is that of its last character); a neighbour counts when only spaces stand between. Returns `None` when no
/// rule applies. On CPP dev the rules for 得 地 行 change 2 items, both for the better (in both
/// modes); on Debian's man pages they change about 470 readings in 3 MB, a sample of 60 all for the
/// better. The rules for the particles and the prose polyphones leave CPP dev at least as good
/// (97.84% → 97.86% in the default mode) and change about 100 lines of the man pages in the
/// default mode (140 in the fast one), mostly 应 yīng and 长 cháng; a sample of 40 changed lines,
/// checked by hand, were all better once the 种 rule was narrowed (its first form read 14种 and
/// 上种 zhòng).
pub(crate) fn grammar_reading(chars: &[char], words: &[TaggedWord], k: usize) -> Option<Syllable> {
    let (start, end, _) = words[k];
    // Neighbours count when nothing but spaces stands between (man pages space their words).
    let spaces = |a: usize, b: usize| chars[a..b].iter().all(|&c| c == ' ' || c == '\t');
    let prev_word = k
        .checked_sub(1)
        .map(|j| words[j])
        .filter(|&(_, e, _)| spaces(e, start));
    let next_word = words
        .get(k + 1)
        .copied()
        .filter(|&(s, _, _)| spaces(end, s));
    let prev = prev_word.map(|(s, e, _)| &chars[s..e]);
    let next = next_word.map(|(s, e, _)| &chars[s..e]);
    let (pp, np) = (prev_word.map_or("", |w| w.2), next_word.map_or("", |w| w.2));
    let syllable = |s: &str| Syllable::parse(s).ok();
    let prev_is = |texts: &[&str]| word_is(prev, texts);
    let next_is = |texts: &[&str]| word_is(next, texts);
    // The second verb of V了V / V一V (数了数, 扇一扇): the word two back is this one.
    let repeats_verb = || {
        k >= 2
            && prev_is(&["了", "一"])
            && chars[words[k - 2].0..words[k - 2].1] == chars[start..end]
    };
    if chars[start..end] == ['一', '行'] {
        // "A party of" after the people it counts (代表团一行, 他们一行) or before 人; elsewhere
        // "one line" (一行字, 文件的一行, 每一行).
        let party = pp.starts_with('n')
            || prev.is_some_and(|w| w.last() == Some(&'们'))
            || next.is_some_and(|w| w[0] == '人');
        return syllable(if party { "xing2" } else { "hang2" });
    }
    // A lexicon word in 吧 "bar" (电影吧, 书吧) at the end of a clause, after a verb other than
    // one of going somewhere, is a word and the particle ba (看电影吧, 读书吧; but 去网吧).
    if end - start >= 2 && chars[end - 1] == '吧' {
        let at_clause_end = clause_ends_at(chars, end);
        let goes = prev_is(&["去", "到", "进", "在", "逛", "开", "上", "泡"]);
        return (at_clause_end && pp.starts_with('v') && !goes)
            .then(|| syllable("ba5"))
            .flatten();
    }
    if end - start != 1 {
        return None;
    }
    if let Some(&(_, neutral)) = FINAL_PARTICLES.iter().find(|(c, _)| *c == chars[start]) {
        let at_clause_end = clause_ends_at(chars, end);
        return (prev.is_some() && at_clause_end)
            .then(|| syllable(neutral))
            .flatten();
    }
    match chars[start] {
        '得' => {
            let next_first = next.and_then(|w| w.first().copied());
            // A degree adverb, an adjective, a state word (写得工工整整) or a comparison (红得像
            // 苹果) opens the complement.
            let opens_complement = next_first.is_some_and(|c| DEGREE_OPENERS.contains(c))
                || np.starts_with('a')
                || np.starts_with('z')
                || np == "d"
                || next_first == Some('像');
            // After anything but a pronoun (你得像他那样 děi), a comparison or a reduplicated
            // state (工工整整) can only be the complement: 脸红得像苹果, 写得工工整整.
            let aabb = next.is_some_and(|w| matches!(w, [a, b, c, d] if a == b && c == d));
            // The same before a plain degree adverb, whatever the word before (画画得真好, 字
            // 写得很好): "must" and "obtain" do not take one there.
            let strong_degree = next_first.is_some_and(|c| "很非太真挺十特极蛮".contains(c));
            if !pp.starts_with('r')
                && prev.is_some()
                && (next_first == Some('像') || aabb || strong_degree)
            {
                return syllable("de5");
            }
            // 长得 'looks' is always the particle (长得像他); 下 上 来 去 are verbs here whatever
            // their tag (雨下得很大).
            if prev_is(&["长"])
                || (pp.starts_with('v')
                    || pp.starts_with('a')
                    || prev_is(&["下", "上", "来", "去"]))
                    && opens_complement
            {
                return syllable("de5");
            }
            let pronoun =
                pp == "r" && prev.is_some_and(|w| !w.contains(&'这') && !w.contains(&'那'));
            let verb_next = (np.starts_with('v') || np == "d")
                && !matches!(next_first, Some('了' | '到' | '着' | '过'));
            (pronoun && verb_next).then(|| syllable("dei3")).flatten()
        }
        '地' => {
            let prev_w = prev?;
            let reduplicated = prev_w.len() >= 2
                && prev_w[prev_w.len() - 1] == prev_w[prev_w.len() - 2]
                || k >= 2 && {
                    let ((a0, a1, _), (b0, b1, _)) = (words[k - 2], words[k - 1]);
                    chars[a0..a1] == chars[b0..b1] && a1 == b0
                };
            // A one-character adjective is left out: 新地王, 大地 are the noun.
            let manner = reduplicated
                || matches!(pp, "ad" | "d" | "z" | "i" | "l")
                // An adjective of two syllables, also one jieba tags as a noun use (安全 "an":
                // 安全地卸载 de).
                || matches!(pp, "a" | "an") && prev_w.len() >= 2
                || prev_w.len() >= 2 && prev_w.last() == Some(&'性');
            // Before the verb, whatever jieba tags it (飞翔 is "nz"); 地 as the noun "ground"
            // comes after a measure word or a verb (一块地, 种地), not after a manner word.
            (manner && next.is_some())
                .then(|| syllable("de5"))
                .flatten()
        }
        '行' => {
            if next.is_some_and(|w| w.len() == 1 && "号首尾末".contains(w[0])) {
                return syllable("hang2");
            }
            let prev_w = prev?;
            let nominal = prev_w.last() == Some(&'的')
                || pp.starts_with('n')
                || pp.starts_with('m')
                || pp.starts_with('q')
                || matches!(pp, "a" | "b" | "vn" | "f" | "s" | "t")
                // Determiners, not personal pronouns (你行吗 xíng).
                || pp == "r" && prev_w.iter().any(|c| "这那哪些每该此某各其".contains(*c));
            (nominal && !matches!(pp, "d" | "c" | "p"))
                .then(|| syllable("hang2"))
                .flatten()
        }
        '长' => {
            // 长得 'grows, looks' is zhǎng (长得像他, 长得很高), but 长得多 'much longer' is cháng.
            let then_more = |j: usize| words.get(j).is_some_and(|&(s, e, _)| chars[s..e] == ['多']);
            let more = next_is(&["得多"]) || next_is(&["得"]) && then_more(k + 2);
            if more {
                return syllable("chang2");
            }
            // Growing: 长得, and 长 before what it grows into (个子长高了, 长胖, 长满了草).
            if next_is(&["得", "高", "胖", "壮", "满", "出", "成", "齐"]) {
                return syllable("zhang3");
            }
            is_degree(prev).then(|| syllable("chang2")).flatten()
        }
        // 少 before a verb is 'less' (少吃, 少说), not shào 'young'.
        '少' => (np.starts_with('v') || next.is_some_and(begins_with_verb))
            .then(|| syllable("shao3"))
            .flatten(),
        '累' => (is_degree(prev) || next_is(&["了", "死", "坏", "得", "极了"]))
            .then(|| syllable("lei4"))
            .flatten(),
        '差' => (is_degree(prev) || prev_is(&["还", "就", "只", "才", "只是"]))
            .then(|| syllable("cha4"))
            .flatten(),
        '教' => {
            // Teaching someone something: 教我们唱歌, 教他游泳, 教书.
            let taught = np.starts_with('r') || np.starts_with('n') || np.starts_with('v');
            taught.then(|| syllable("jiao1")).flatten()
        }
        '种' => {
            // The verb "to plant" after its subject or an adverb and before what is planted or an
            // aspect particle (农民种庄稼, 他种了树); the measure word after a numeral or a
            // determiner (三种, 这种, 上种) keeps zhǒng.
            let counted = pp.starts_with('m')
                || pp.starts_with('q')
                || prev.is_some_and(|w| {
                    w.iter()
                        .any(|c| "这那哪每各某该此几多同另上下前后本".contains(*c))
                });
            let subject = matches!(pp.chars().next(), Some('d' | 'r' | 'v' | 's' | 'n'));
            // Who planted it: 我种的, 他种的花.
            let by_person = next_is(&["的"]) && prev_is(&PEOPLE);
            let planted = next_is(&["了", "着", "过", "在", "满"])
                || np.starts_with('n') && subject
                || by_person;
            (!counted && planted).then(|| syllable("zhong4")).flatten()
        }
        // Erhua: 儿 left alone right after a verb, measure word, adjective, numeral, localizer
        // or adverb is its suffix (玩儿, 一会儿), not ér 'son' (我儿, 吾儿).
        '儿' => {
            let host = matches!(pp.chars().next(), Some('v' | 'q' | 'a' | 'm' | 'f' | 'd'));
            (host && prev_word.is_some_and(|(_, e, _)| e == start))
                .then(|| syllable("er5"))
                .flatten()
        }
        // A nap counted: 睡了一觉, 一觉醒来.
        '觉' => (pp.starts_with('m') || prev_is(&["一", "两", "几", "半"]))
            .then(|| syllable("jiao4"))
            .flatten(),
        '数' => {
            // The verb "to count": 数了数, 数一数, 数到十, 数不清 (数清), 数完.
            let counting =
                next_is(&["了", "一", "着", "过", "到", "清", "完", "得"]) || repeats_verb();
            counting.then(|| syllable("shu3")).flatten()
        }
        // The modal "should" before a verb or an adverb: 应生成, 应尽快, 应为.
        '应' => (np.starts_with('v')
            || np == "d"
            || np == "p"
            || next_is(&["是", "有", "在", "为", "由", "当", "予", "以"]))
        .then(|| syllable("ying1"))
        .flatten(),
        '藏' => next_is(&["在", "着", "了", "起来", "起", "到", "进", "于", "好", "入"])
            .then(|| syllable("cang2"))
            .flatten(),
        // The verb 'to bore, to squeeze through' (钻了出来, 钻进), not zuàn 'a drill'.
        '钻' => next_is(&[
            "了", "着", "过", "进", "出", "入", "到", "进去", "出来", "进来", "出去",
        ])
        .then(|| syllable("zuan1"))
        .flatten(),
        // huán "to give back" before what is returned (还钱, 还书); hái "still" elsewhere.
        // (清 alone: 还清 "pay off", not 还清楚 "still clearly").
        '还' => (next.is_some_and(|w| RETURNED.contains(w[0])) || next_is(&["清"]))
            .then(|| syllable("huan2"))
            .flatten(),
        // hǎo before the particle 了: well, done, ready (他的病好了, 准备好了, 好了，…). The verb
        // hào "to like" takes its object straight after it, not 了 (the model read 病好了 hào).
        '好' => next_is(&["了"]).then(|| syllable("hao3")).flatten(),
        // zháo, the result "reached" (找着了, 猜着了, 火着了), before 了: the aspect particle zhe
        // never stands before 了. The lexicon's 睡着 and 点着 say so; 找着 was too rare to be
        // segmented as a word, so 着 stood alone and read zhe.
        '着' => next_is(&["了"]).then(|| syllable("zhao2")).flatten(),
        // chéng "to fill, to ladle" before a particle, a complement or what is ladled (盛了一碗饭,
        // 盛满了水, 碗里盛着汤); shèng "flourishing" is bound (盛开, 茂盛) or after a degree adverb.
        '盛' => next_is(&[
            "了", "着", "过", "满", "在", "到", "上", "出", "进", "好", "一", "一碗", "碗", "饭",
            "汤", "菜", "粥", "水",
        ])
        .then(|| syllable("cheng2"))
        .flatten(),
        // xiǔ, the measure word of nights, after the counts nights take (住了一宿, 两宿没睡, 整宿);
        // sù "to lodge" is bound (宿舍, 住宿), and after 七 八 it is the lunar mansion xiù (东方七宿,
        // 二十八宿: CPP labels them so).
        '宿' => prev_is(&["一", "两", "俩", "几", "半", "三", "整"])
            .then(|| syllable("xiu3"))
            .flatten(),
        // shān "to fan" before a particle, 一, the fan or the wind (扇了扇, 扇扇子, 扇风); shàn, the
        // fan and the measure word of doors, elsewhere (一扇门).
        '扇' => {
            // Also the second verb of 扇了扇 / 扇一扇.
            (repeats_verb()
                || next_is(&["了", "着", "过", "一", "扇", "扇子", "风", "起", "动", "灭"]))
            .then(|| syllable("shan1"))
            .flatten()
        }
        // huá "to row, to strike" before the boat, the oar or 着 (划着小船, 划着火柴); huà "to
        // divide, to plan" is bound (划分, 计划).
        '划' => next_is(&["船", "小船", "着", "桨", "船桨", "龙舟", "水", "火柴"])
            .then(|| syllable("hua2"))
            .flatten(),
        // juǎn "to roll up" before 了 起 成 着 (卷了起来); juàn is the scroll, the volume.
        '卷' => next_is(&["了", "起", "起来", "成", "着", "进"])
            .then(|| syllable("juan3"))
            .flatten(),
        '铺' => next_is(&["在", "上", "着", "了", "满", "成", "开", "好"])
            .then(|| syllable("pu1"))
            .flatten(),
        // Alone it is the adjective zāng "dirty" (很脏, 弄脏了); zàng "organ" is bound (心脏).
        '脏' => syllable("zang1"),
        // The preposition wèi "for" before whom it is for (为人民服务, 会为您启动, 为他高兴),
        // unless it completes the verb before it (设置为它们的初始值, 看为: wéi "as, into") or
        // the clause is the literary 以…为… or 为…所… (以人民为中心, 为他所用).
        '为' => {
            let completes_verb = prev_word.is_some_and(|(_, e, _)| e == start)
                && pp.starts_with('v')
                && !prev_is(&AUXILIARIES);
            let literary = clause_before(chars, start).contains(&'以')
                || clause_after(chars, end).contains(&'所');
            (!completes_verb && !literary && next_is(&PEOPLE))
                .then(|| syllable("wei4"))
                .flatten()
        }
        // The verb liáng "to measure": 量一量, 量了, 量体温 (饭量 and 量很大 stay liàng).
        '量' => {
            let measured = next_is(&[
                "了", "一", "着", "一下", "好", "出", "完", "体温", "身高", "血压", "尺寸", "长度",
            ]) || k >= 2
                && prev_is(&["一"])
                && chars[words[k - 2].0..words[k - 2].1] == ['量'];
            measured.then(|| syllable("liang2")).flatten()
        }
        // là "to leave behind" in 把…落在 / 落下 (把钥匙落在家里); the falling luò elsewhere.
        '落' => (clause_before(chars, start).contains(&'把') && next_is(&["在", "下", "下了"]))
            .then(|| syllable("la4"))
            .flatten(),
        // jiē "to bear (fruit)": 结了很多果子, 结果实 (结婚, 结冰 stay jié).
        '结' => {
            let clause_end = end + clause_after(chars, end).len();
            let fruit = words[k + 1..]
                .iter()
                .take(3)
                .take_while(|&&(s, _, _)| s < clause_end)
                .any(|&(s, _, _)| chars[s] == '果' || chars[s] == '籽');
            fruit.then(|| syllable("jie1")).flatten()
        }
        _ => None,
    }
}

/// The people a preposition 为 is for, for [`grammar_reading`] (为人民服务, 为他高兴).
const PEOPLE: [&str; 24] = [
    "我", "你", "您", "他", "她", "它", "我们", "你们", "他们", "她们", "它们", "大家", "自己",
    "别人", "人民", "人们", "祖国", "国家", "妈妈", "爸爸", "老师", "同学", "朋友", "孩子",
];

/// Modal and motion verbs that 为 "for" may follow without completing them (会为您启动, 来为你
/// 完成, 要为人民服务).
const AUXILIARIES: [&str; 14] = [
    "会", "能", "要", "可以", "可", "应", "应该", "来", "去", "想", "愿意", "肯", "敢", "需要",
];

/// The characters of the clause before `at` (back to the last clause mark).
fn clause_before(chars: &[char], at: usize) -> &[char] {
    let from = chars[..at]
        .iter()
        .rposition(|&c| ends_clause(c))
        .map_or(0, |p| p + 1);
    &chars[from..at]
}

/// Whether a clause ends at `at`: the end of the text or a clause mark there.
fn clause_ends_at(chars: &[char], at: usize) -> bool {
    chars.get(at).is_none_or(|&c| ends_clause(c))
}

/// The characters of the clause from `at` on (up to the next clause mark).
fn clause_after(chars: &[char], at: usize) -> &[char] {
    let to = chars[at..]
        .iter()
        .position(|&c| ends_clause(c))
        .map_or(chars.len(), |p| at + p);
    &chars[at..to]
}

/// Degree adverbs and negations before an adjective, for [`grammar_reading`] (太长, 很累,
/// 比较差).
const DEGREE_WORDS: [&str; 27] = [
    "很",
    "太",
    "更",
    "最",
    "挺",
    "真",
    "好",
    "较",
    "比较",
    "非常",
    "特别",
    "十分",
    "相当",
    "多",
    "多么",
    "这么",
    "那么",
    "极",
    "极其",
    "越",
    "越来越",
    "有点",
    "有点儿",
    "有些",
    "不",
    "不太",
    "过于",
];

/// Whether the first character of `word` is a verb on its own (吃 in 吃零食).
fn begins_with_verb(word: &[char]) -> bool {
    word.first()
        .and_then(|&c| lexicon::lookup_chars(&[c]))
        .is_some_and(|e| e.is_word() && e.pos().starts_with('v'))
}

/// Whether `word` is one of `texts`.
fn word_is(word: Option<&[char]>, texts: &[&str]) -> bool {
    // The first characters are compared first: most texts differ there.
    word.is_some_and(|w| {
        texts.iter().any(|t| {
            let mut cs = t.chars();
            cs.next() == w.first().copied() && cs.eq(w[1..].iter().copied())
        })
    })
}

fn is_degree(word: Option<&[char]>) -> bool {
    word_is(word, &DEGREE_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_final_particle_may_be_decided() {
        for (c, _) in FINAL_PARTICLES {
            assert!(grammar_may_decide(c), "{c}");
        }
    }
}

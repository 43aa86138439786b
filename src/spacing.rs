//! Stage 4: word spacing (分词连写). Groups tokens into braille words and decides where blank
//! cells go between them, by the rules R1–R26 of `braille-word-spacing.md` applied in the
//! priority order of its section H:
//!
//! 1. lexicon words (R1), the GF 0019-2018 §12.2 example words and AABB forms (R4c);
//! 2. prefixes, suffixes and 们 (R5, R6, R26);
//! 3. particles: 的/地/得 (R10), 了/着/过 and modal particles (R11);
//! 4. monosyllabic verb + complement (R13);
//! 5. the monosyllable joins of R8 and R9, only between two single syllables still apart;
//! 6. numbers, measure words, ordinals, dates, fractions, names, places, reduplication (R4a, R7,
//!    R14–R18).
//!
//! Before the joins, words of more than four syllables are divided into their parts (R3) and,
//! by option, idioms into 2 + 2 (R19). Joins of steps 4–6 never make a word longer than
//! [`SpacingOptions::max_syllables`].
//!
//! This stage runs before the cells are written because two cell rules look at the braille word:
//! §10.2.7 (an apical syllable before a zero-initial one in the same word keeps its tone) and the
//! abbreviation exception before a zero-initial syllable.

use std::ops::Range;

use crate::lexicon::{self, Entry};
use crate::segment::{split_words_up_to, Token, TokenKind};
use crate::syllable::{Final, Syllable, NEUTRAL};
use crate::tables::{
    punctuation, with_str_key, PunctClass, GF_FIRST_CHARS, GF_LONGEST, GF_WORDS, NAME_CUES_AFTER,
    NAME_CUES_BEFORE,
};
use crate::word_class::{classes_of, counts, has_class, is_count, Class};

/// How four-character idioms are written (R19, INFERRED).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum IdiomSpacing {
    /// As one braille word (风平浪静), as braille authorities recommend.
    #[default]
    Joined,
    /// As two words of two syllables (风平 浪静).
    TwoPlusTwo,
}

/// The word-spacing rules that the sources leave INFERRED or UNKNOWN, each with the default of
/// `braille-word-spacing.md`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SpacingOptions {
    /// R3: divide words of more than four syllables into their parts (中华 人民 共和国).
    pub split_long_words: bool,
    /// R8: degree adverb + adjective (很好), noun + localizer (山上), 每/各 + noun (每年), when both
    /// are single syllables.
    pub join_monosyllables: bool,
    /// R9: 不/没/别 + a monosyllabic verb or adjective (不去).
    pub join_negation: bool,
    /// R11: sentence-final and modal particles (吗 呢 吧 啊 … 咯 喽), read neutral, join the word
    /// before them.
    pub join_modal_particles: bool,
    /// R12: a monosyllabic preposition + a monosyllabic noun (在家). Off: UNKNOWN, pinyin separates.
    pub join_preposition_noun: bool,
    /// R14: a monosyllabic numeral or 这/那/哪 + a monosyllabic measure word (一个, 两本, 这只).
    pub join_numeral_measure: bool,
    /// R15: 第/初 + a number (第一, 第3).
    pub join_ordinals: bool,
    /// R16: a digit run + a date or time unit (2018年, 7月).
    pub join_dates: bool,
    /// R17: a surname + a given name the lexicon tags as a name, or one or two characters common
    /// in given names (李 + 华, 陈 + 志 + 强; `data/spacing/given-names.tsv`); a surname + one or
    /// two other characters where 、 or a cue word of `data/spacing/name-cues.tsv` (记者, 说,
    /// 表示, 老师) stands next to them (张 桃林 表示); a foreign name the segmenter cut into
    /// pieces (阿尔巴 + 尼亚; `data/spacing/transliteration.tsv`). INFERRED-weak.
    /// Measured on 9,893 CPP dev sentences (Wikipedia): of 80 joins sampled, about 45 whole names,
    /// 25 the first two characters of a three-character name, 10 wrong (唐明宗, 李贤妃, loan
    /// words).
    pub join_names: bool,
    /// R18: a place name + a monosyllabic generic (北京市, 洞庭湖).
    pub join_place_generics: bool,
    /// R19: four-character idioms.
    pub idioms: IdiomSpacing,
    /// The longest word the joins of steps 4–6 may make, in syllables ("about 4", section H).
    pub max_syllables: usize,
}

impl Default for SpacingOptions {
    fn default() -> Self {
        SpacingOptions {
            split_long_words: true,
            join_monosyllables: true,
            join_negation: true,
            join_modal_particles: true,
            join_preposition_noun: false,
            join_numeral_measure: true,
            join_ordinals: true,
            join_dates: true,
            join_names: true,
            join_place_generics: true,
            idioms: IdiomSpacing::Joined,
            max_syllables: 4,
        }
    }
}

/// What a group of tokens is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    /// A braille word with Han characters.
    Han,
    /// Latin letters, numbers and ASCII symbols written together (`U`, `3.14`, `/etc/passwd`).
    Code,
    /// One punctuation mark.
    Punct(PunctClass),
    /// Spaces of the input (each becomes a blank cell).
    Space,
    /// A line break (passed through).
    LineBreak,
    /// A character with no braille form (passed through).
    Other,
}

/// A run of tokens written as one unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// What the group is.
    pub kind: GroupKind,
    /// The tokens of the group.
    pub tokens: Range<usize>,
}

/// A braille word being built: a run of tokens.
#[derive(Clone, Debug)]
struct Unit {
    kind: GroupKind,
    tokens: Range<usize>,
    chars: Range<usize>,
    syllables: usize,
    /// Whether a spacing rule made it (then it is no longer a "single syllable still apart").
    joined: bool,
    /// The lexicon's POS tag of a unit that is one lexicon word ("" otherwise).
    pos: &'static str,
    /// The word classes of the first character (the rules ask them of single characters; kept
    /// here so that the passes do not search the class table again and again).
    classes: u32,
    /// Whether every character is a numeral (kept up to date by `absorb`).
    numerals: bool,
}

struct Context<'a> {
    chars: &'a [char],
    tokens: &'a [Token],
    readings: &'a [Option<Syllable>],
}

impl Context<'_> {
    /// The single character of a one-character Han unit that no rule has joined.
    fn single(&self, u: &Unit) -> Option<char> {
        (u.kind == GroupKind::Han && !u.joined && u.chars.len() == 1)
            .then(|| self.chars[u.chars.start])
    }

    /// A two-character word of given-name characters (欢欣, 鹤庆 in 罗欢欣, 顾鹤庆), not a place
    /// (任 福建: "to serve in Fujian").
    fn given_pair(&self, u: &Unit) -> bool {
        u.syllables == 2
            && !self.pos(u).starts_with("ns")
            && self.chars[u.chars.clone()]
                .iter()
                .all(|&c| has_class(c, Class::GivenName))
    }

    /// R17, a piece of a foreign name the segmenter cut up: written only with the characters of
    /// name transcription, and a single character, a word the lexicon tags as a name, or no
    /// lexicon word (a common word such as 基本 is no piece). The cheap tests come first: most
    /// words fail them.
    #[inline]
    fn foreign_piece(&self, u: &Unit) -> bool {
        let transcribed = |u: &Unit| {
            self.chars[u.chars.clone()]
                .iter()
                .all(|&c| has_class(c, Class::Transliteration))
        };
        u.kind == GroupKind::Han
            && match u.syllables {
                1 if !u.joined => u.classes & (1 << Class::Transliteration as u32) != 0,
                _ => matches!(u.pos, "" | "nr" | "ns" | "nrt" | "nz") && transcribed(u),
            }
    }

    /// Whether `u` is a personal name that step 1b joined: a surname and given-name characters.
    fn joined_name(&self, u: &Unit) -> bool {
        let chars = &self.chars[u.chars.clone()];
        u.joined
            && chars.len() >= 2
            && has_class(chars[0], Class::Surname)
            && chars[1..].iter().all(|&c| has_class(c, Class::GivenName))
    }

    /// R17: whether `b` continues the personal name that `a` begins: after a surname, a given
    /// name the lexicon tags as a name (李 + 华强), a one-character word common in given names
    /// (李 + 华) or a word of two such characters (罗 + 欢欣); after a surname and such a
    /// character, a second one (陈志 + 强); after 小, one such character (小明).
    fn is_name_part(&self, a: &Unit, b: &Unit) -> bool {
        let given = |u: &Unit| self.single_of(u, Class::GivenName).is_some();
        if let Some(surname) = self.single_of(a, Class::Surname) {
            // 于 向 万 are far more often a preposition or a number than a
            // surname: only a lexicon name joins them (于 + 坤敬府 stays apart).
            let often_a_word = "于向万".contains(surname);
            return b.kind == GroupKind::Han
                && (b.syllables <= 2 && self.pos(b).starts_with("nr")
                    || !often_a_word && (given(b) || self.given_pair(b)));
        }
        // A pet name: 小 + a given-name character (小明, 小红).
        if self.single(a) == Some('小') {
            return given(b);
        }
        // A third character after a surname and a given-name character (陈志 + 强).
        self.joined_name(a) && a.syllables == 2 && given(b)
    }

    fn single_of(&self, u: &Unit, class: Class) -> Option<char> {
        self.single(u)
            .filter(|_| u.classes & (1 << class as u32) != 0)
    }

    /// The lexicon's POS tag of a unit that is one lexicon word.
    fn pos(&self, u: &Unit) -> &'static str {
        u.pos
    }

    /// A complement that step 3 has already joined with its aspect particle (完了 in 做完了):
    /// R13 still joins it to the verb before it. Not the preposition 为了.
    fn complement_with_aspect(&self, u: &Unit) -> bool {
        // Asked of every unit of a run: the cheapest tests first.
        let c = &self.chars[u.chars.clone()];
        c.len() == 2
            && u.kind == GroupKind::Han
            && has_class(c[1], Class::Aspect)
            && has_class(c[0], Class::Complement)
            && !matches!(u.pos.as_bytes().first(), Some(b'p' | b'c'))
            && self.readings[u.chars.start + 1].is_some_and(|r| r.tone == NEUTRAL)
    }

    /// Whether `u` comes straight after a count (a digit, a numeral, a demonstrative, 每 各 某):
    /// then 本 in 这本 书 is a measure word, not the determiner "this" of 本书.
    fn follows_count(&self, u: &Unit) -> bool {
        let before = u.chars.start.checked_sub(1).map(|i| self.chars[i]);
        before.is_some_and(|c| c.is_ascii_digit() || is_count(&[c]))
    }

    /// A two-syllable lexicon word of a numeral and a measure word (几周, 一个), kept whole by
    /// the division: 第 joins it as it joins a number (第几周 like 第三周).
    fn numeral_and_measure(&self, u: &Unit) -> bool {
        let c = &self.chars[u.chars.clone()];
        u.kind == GroupKind::Han
            && c.len() == 2
            && has_class(c[0], Class::Numeral)
            && has_class(c[1], Class::Measure)
    }

    /// Whether joining `a` and `b` would put a neutral-tone apical syllable (zi5 in 儿子) straight
    /// before a zero-initial one (哦 o): GF 0019 §10.2.7 keeps an apical syllable's tone there so
    /// that the two read back apart (⠵⠢ is also ze), and a neutral syllable has no tone to keep,
    /// so no rule joins them (儿子 哦).
    fn apical_clash(&self, a: &Unit, b: &Unit) -> bool {
        let last = a.chars.end.checked_sub(1).and_then(|i| self.readings[i]);
        let first = self.readings.get(b.chars.start).copied().flatten();
        last.is_some_and(|r| r.fin == Final::Apical && r.tone == NEUTRAL)
            && first.is_some_and(|r| r.initial.is_none())
    }

    fn neutral(&self, u: &Unit) -> bool {
        self.readings[u.chars.start].is_some_and(|r| r.tone == NEUTRAL)
    }

    fn all_numerals(&self, u: &Unit) -> bool {
        u.kind == GroupKind::Han && u.numerals
    }

    fn is_digits(&self, u: &Unit) -> bool {
        u.kind == GroupKind::Code
            && u.tokens.len() == 1
            && self.tokens[u.tokens.start].kind == TokenKind::Number
    }
}

fn is_word(kind: GroupKind) -> bool {
    matches!(kind, GroupKind::Han | GroupKind::Code)
}

/// Appends `next` to the word `u`.
fn absorb(u: &mut Unit, next: &Unit) {
    u.tokens.end = next.tokens.end;
    u.chars.end = next.chars.end;
    u.syllables += next.syllables;
    u.joined = true;
    u.pos = "";
    u.numerals &= next.numerals;
    if next.kind == GroupKind::Han {
        u.kind = GroupKind::Han;
    }
}

/// One left-to-right pass: joins each pair of adjacent words for which `join` holds (a joined
/// word may join its next neighbour too). Linear in the number of units.
fn pass(units: &mut Vec<Unit>, ctx: &Context, join: impl Fn(&Context, &Unit, &Unit) -> bool) {
    // Compacts in place: units[..kept] are the words so far, units[read] the next candidate.
    let mut kept = 0;
    for read in 0..units.len() {
        if kept > 0 {
            let (done, rest) = units.split_at_mut(read);
            let (a, next) = (&mut done[kept - 1], &rest[0]);
            // The clash check comes last: it is rarely reached, as most pairs join nothing.
            if is_word(a.kind)
                && is_word(next.kind)
                && join(ctx, a, next)
                && !ctx.apical_clash(a, next)
            {
                absorb(a, next);
                continue;
            }
        }
        // Most units join nothing: they stay where they are.
        if kept != read {
            units.swap(kept, read);
        }
        kept += 1;
    }
    units.truncate(kept);
}

/// R3, R10, R14 and R19: divides Han tokens before any join. `entries` are the lexicon entries
/// of the tokens, kept for a token left whole and looked up for the parts of a divided one.
fn divide_tokens(
    tokens: &mut Vec<Token>,
    entries: &mut Vec<Option<Entry>>,
    chars: &[char],
    opts: &SpacingOptions,
) {
    let mut cuts: Vec<(usize, Vec<usize>)> = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        // Every rule divides a Han word of two characters or more.
        if t.kind == TokenKind::Han && t.end - t.start >= 2 {
            // Only a word that begins with a measure word asks what stands before it.
            let counted =
                k > 0 && has_class(chars[t.start], Class::Measure) && counts(&tokens[k - 1], chars);
            let points = division(t, entries[k], counted, chars, opts);
            if !points.is_empty() {
                cuts.push((k, points));
            }
        }
    }
    // Most lines have nothing to divide: the tokens stay as they are.
    if cuts.is_empty() {
        return;
    }
    let mut out = Vec::with_capacity(tokens.len() + cuts.len());
    let mut out_entries = Vec::with_capacity(out.capacity());
    let mut cuts = cuts.into_iter().peekable();
    for (k, (t, e)) in tokens.drain(..).zip(entries.drain(..)).enumerate() {
        let Some((_, points)) = cuts.next_if(|(c, _)| *c == k) else {
            out.push(t);
            out_entries.push(e);
            continue;
        };
        let mut start = t.start;
        for end in points.into_iter().chain([t.end]) {
            out.push(Token { start, end, ..t });
            out_entries.push(lexicon::lookup_chars(&chars[start..end]));
            start = end;
        }
    }
    *tokens = out;
    *entries = out_entries;
}

/// How much more frequent (natural log, in the lexicon's cost units) a noun must be than the
/// lexicon word made of a measure word and that noun, for the word to count as the two words
/// after a number or a demonstrative (see [`measure_then_noun`]).
const MEASURE_NOUN_MARGIN: u32 = 5 * 65536 / 2;

/// Where a lexicon word that begins with a measure word splits into the measure word and a noun
/// when it follows a number or a demonstrative: 这 本书 → 这本 书, 一 个人 → 一个 人, 三 首歌,
/// 一 段时间 (R7, R14 join the numeral and the measure word). The segmenter picks such words for
/// their frequency (本书 "this book", 个人 "individual", and jieba's 首歌 段时间), not because the
/// measure word belongs to the noun. A word far less frequent than the noun alone is taken for the
/// pair (by [`MEASURE_NOUN_MARGIN`]: 本书 1,225 against 书 18,993); a noun of its own, about as
/// frequent as its last part, stays whole (这 名字, 这 道路, 这 次数, 这 场面, 这 个体), as does a
/// word whose rest is no noun (部分, 条件, 本身). Known miss: 2的32次方 gives 32 次 方 (the
/// lexicon's 次方 is rarer than 方).
fn measure_then_noun(word: &[char], entry: Option<Entry>) -> Option<usize> {
    // A reduplicated measure word (一条条, 个个) is R4's.
    if !(2..=3).contains(&word.len()) || !has_class(word[0], Class::Measure) || word[1] == word[0] {
        return None;
    }
    let whole = entry.filter(|e| e.is_word())?;
    let noun = lexicon::lookup_chars(&word[1..]).filter(|e| e.is_word())?;
    let is_noun = matches!(noun.pos(), "n" | "nr" | "ns" | "nt" | "nz");
    (is_noun && whole.cost() >= noun.cost() + MEASURE_NOUN_MARGIN).then_some(1)
}

/// Where a Han token with the lexicon entry `entry` is divided: the cut points strictly inside it
/// (none: kept whole). `counted`: the token follows a number or a demonstrative.
fn division(
    t: &Token,
    entry: Option<Entry>,
    counted: bool,
    chars: &[char],
    opts: &SpacingOptions,
) -> Vec<usize> {
    let len = t.end - t.start;
    // Every rule below divides a word of two characters or more.
    if len < 2 {
        return Vec::new();
    }
    let word = &chars[t.start..t.end];
    let pos = || entry.map_or("", |e| e.pos());
    // R19 by option: an idiom as 2 + 2.
    if len == 4 && opts.idioms == IdiomSpacing::TwoPlusTwo && pos() == "i" {
        return vec![t.start + 2];
    }
    // R14: the lexicon has numeral + measure compounds (二十五个, 五个) that R14 spaces by its own
    // rule: divide them into the numeral, the measure word and the rest, for step 6 to re-join.
    let numerals = word
        .iter()
        .take_while(|&&c| has_class(c, Class::Numeral))
        .count();
    // Two syllables stay whole where R14 would join them anyway (its option on, two syllables
    // allowed): lexicalised 一起 一些 一下 would otherwise lose their first syllable to an earlier
    // join (一 起去).
    // Not a date or time unit (六年 in 二〇二六年 goes back to the number before it).
    let rejoined = || {
        len == 2
            && opts.join_numeral_measure
            && opts.max_syllables >= 2
            && !has_class(word[1], Class::Unit)
    };
    if counted && opts.join_numeral_measure {
        if let Some(cut) = measure_then_noun(word, entry) {
            return vec![t.start + cut];
        }
    }
    // The same inside one word: the lexicon's rare phrases of a count, a measure word and a noun
    // (两本书, 那本书) go into the three, when far rarer than the measure word and noun alone
    // (not 五台山 or 一把手, more frequent than 台山 and 把手).
    // (A count, a measure word and a noun: three characters at least.)
    let counting = match numerals {
        _ if len < 3 => 0,
        0 => usize::from(is_count(&word[..1])),
        n => n,
    };
    if counting > 0 && counting + 2 <= len && opts.join_numeral_measure {
        let rest = &word[counting..];
        let rest_entry = lexicon::lookup_chars(rest).filter(|e| e.is_word());
        if let (Some(cut), Some(whole), Some(part)) =
            (measure_then_noun(rest, rest_entry), entry, rest_entry)
        {
            if whole.cost() >= part.cost() + MEASURE_NOUN_MARGIN {
                return vec![t.start + counting, t.start + counting + cut];
            }
        }
    }
    if numerals > 0 && numerals < len && !rejoined() && matches!(pos(), "m" | "mq") {
        let after = t.start + numerals;
        let measure_end = after + has_class(chars[after], Class::Measure) as usize;
        return if measure_end > after && measure_end < t.end {
            vec![after, measure_end]
        } else {
            vec![after]
        };
    }
    // R10: a phrase of the reading dictionaries (no POS: not one of jieba's words) that runs
    // through a neutral 的/地/得 (慢慢地走, 高兴地笑了, 静静地躺在床上) is a phrase, not a word:
    // divided after the particle, and the rest into its words.
    if len > 2 {
        if let Some(cut) = particle_inside_phrase(word, entry) {
            let mut parts = Vec::new();
            split_words_up_to(
                chars,
                t.start + cut,
                t.end,
                part_limit(opts),
                None,
                &mut parts,
            );
            return parts.iter().map(|p| p.start).collect();
        }
    }
    // R10: a lexicon word "verb 得 adjective" (跑得快) is written 跑得 快; potential forms whose
    // last part is a verb (看得见, 吃得消) stay one word.
    if len == 3
        && word[1] == '得'
        && lexicon::char_entry(word[2]).is_some_and(|e| e.pos().starts_with('a'))
    {
        return vec![t.start + 2];
    }
    // R3: a word of more than four syllables is divided into its words.
    if len > 4 && opts.split_long_words {
        let mut parts = Vec::new();
        split_words_up_to(chars, t.start, t.end, part_limit(opts), None, &mut parts);
        // A stray syllable would be a worse braille word: it stays with its neighbour (the next
        // part at the start, else the part before it).
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(parts.len());
        for p in parts {
            let single_first = merged.len() == 1 && merged[0].len() == 1;
            match merged.last_mut() {
                Some(last) if p.end - p.start == 1 || single_first => last.end = p.end,
                _ => merged.push(p.start..p.end),
            }
        }
        // A word made of a lexicon word and a suffix stays whole when the division would only
        // cut a short tail (古生物学家 = 古生物学 + 家, not 古生物 学家).
        let tail_short = merged.last().is_some_and(|p| p.len() <= 2);
        let suffixed = tail_short
            && has_class(word[len - 1], Class::Suffix)
            && lexicon::lookup_chars(&word[..len - 1]).is_some_and(|e| e.is_word());
        if !suffixed && merged.len() > 1 {
            return merged.iter().skip(1).map(|p| p.start).collect();
        }
    }
    Vec::new()
}

/// The longest part when a long word or phrase is divided into its words: at most three
/// syllables, as the DAG would otherwise keep four-syllable sections such as 中华人民 and leave
/// the long word barely divided.
fn part_limit(opts: &SpacingOptions) -> usize {
    opts.max_syllables.saturating_sub(1).max(2)
}

/// Where a phrase-dictionary entry (no POS tag) is cut after a structural particle read neutral
/// in its phrase reading (an offset into `word`; `entry` is its lexicon entry), if it has one
/// before its last character.
fn particle_inside_phrase(word: &[char], entry: Option<Entry>) -> Option<usize> {
    let entry = entry?;
    if !entry.pos().is_empty() {
        return None;
    }
    let reading = entry.reading()?;
    reading
        .take(word.len() - 1)
        .enumerate()
        .skip(1)
        .find(|&(i, s)| matches!(word[i], '的' | '地' | '得') && s.tone == NEUTRAL)
        .map(|(i, _)| i + 1)
}

/// Splits the normalised text's tokens into braille words by the spacing rules; returns the
/// (possibly divided) tokens and the groups over them.
pub fn group(
    tokens: Vec<Token>,
    chars: &[char],
    readings: &[Option<Syllable>],
    opts: &SpacingOptions,
) -> (Vec<Token>, Vec<Group>) {
    let mut entries = tokens
        .iter()
        .map(|t| match t.kind {
            TokenKind::Han => lexicon::lookup_chars(&chars[t.start..t.end]),
            _ => None,
        })
        .collect();
    let (mut tokens, mut groups) = (tokens, Vec::new());
    group_into(
        &mut tokens,
        &mut entries,
        chars,
        readings,
        opts,
        &mut Buffers::default(),
        &mut groups,
    );
    (tokens, groups)
}

/// The buffers of [`group_into`], kept by the caller from line to line.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    run: Vec<Unit>,
}

/// [`group`] with the lexicon entry of every token (`None` for tokens that are not Han words), as
/// the segmenter found them, into `groups`; the tokens (and their entries) are divided in place.
pub(crate) fn group_into(
    tokens: &mut Vec<Token>,
    entries: &mut Vec<Option<Entry>>,
    chars: &[char],
    readings: &[Option<Syllable>],
    opts: &SpacingOptions,
    buffers: &mut Buffers,
    groups: &mut Vec<Group>,
) {
    divide_tokens(tokens, entries, chars, opts);
    let ctx = Context {
        chars,
        tokens,
        readings,
    };
    // Only words (Han and Code) join, and only with the word next to them: spaces, marks and line
    // breaks are groups of their own, and the runs of words between them are independent. Each
    // run is collected, joined by the rules and written out before the next one starts.
    let run = &mut buffers.run;
    run.clear();
    groups.clear();
    for (i, (t, entry)) in tokens.iter().zip(entries.iter()).enumerate() {
        let kind = match t.kind {
            TokenKind::Han => GroupKind::Han,
            TokenKind::Latin | TokenKind::Number | TokenKind::Symbol => GroupKind::Code,
            TokenKind::Punct => GroupKind::Punct(
                punctuation(t.mark.unwrap_or("")).map_or(PunctClass::Other, |p| p.1 .1),
            ),
            TokenKind::Space => GroupKind::Space,
            TokenKind::LineBreak => GroupKind::LineBreak,
            TokenKind::Other => GroupKind::Other,
        };
        if !is_word(kind) {
            join_run(run, &ctx, opts, groups);
            groups.push(Group {
                kind,
                tokens: i..i + 1,
            });
            continue;
        }
        let han = kind == GroupKind::Han;
        let text = &chars[t.start..t.end];
        // Only single Han characters are asked for their classes.
        let single = han && text.len() == 1;
        let classes = if single { classes_of(text[0]) } else { 0 };
        run.push(Unit {
            kind,
            tokens: i..i + 1,
            chars: t.start..t.end,
            syllables: if han { text.len() } else { 0 },
            joined: false,
            pos: match entry {
                Some(e) if han && e.is_word() => e.pos(),
                _ => "",
            },
            classes,
            numerals: match single {
                true => classes & (1 << Class::Numeral as u32) != 0,
                false => text.iter().all(|&c| has_class(c, Class::Numeral)),
            },
        });
    }
    join_run(run, &ctx, opts, groups);
}

/// Joins the words of a run by the rules and appends them to `groups`; empties the run. Inlined:
/// it is called for every mark and space, and most runs are one word or none.
#[inline]
fn join_run(run: &mut Vec<Unit>, ctx: &Context, opts: &SpacingOptions, groups: &mut Vec<Group>) {
    // A single word has nothing to join.
    if run.len() > 1 {
        join_words(run, ctx, opts);
    }
    // Not `drain`: most runs are one word or none, and a drain costs more than the copy.
    groups.extend(run.iter().map(|u| Group {
        kind: u.kind,
        tokens: u.tokens.clone(),
    }));
    run.clear();
}

/// [`join_run`] of two words or more.
#[inline(never)]
fn join_words(run: &mut Vec<Unit>, ctx: &Context, opts: &SpacingOptions) {
    // Letters, digits and symbols with nothing between them are one unit.
    pass(run, ctx, |_, a, b| {
        a.kind == GroupKind::Code && b.kind == GroupKind::Code
    });
    // Every rule below joins two words, one of them Han.
    if run.len() > 1 && run.iter().any(|u| u.kind == GroupKind::Han) {
        join_han_words(run, ctx, opts);
    }
}

/// The rules of steps 1–6, in their priority order.
fn join_han_words(units: &mut Vec<Unit>, ctx: &Context, opts: &SpacingOptions) {
    let cap = opts.max_syllables;

    // 1. GF 0019-2018 §12.2 example words and AABB forms, across the segmenter's tokens.
    join_spans(units, ctx);

    // Every rule of steps 2–6 needs a single syllable still apart or a word of numerals on one
    // side of the join, and joining makes neither: a unit that is neither never becomes one. So
    // what the run has at this point bounds what the passes can join: the classes of its single
    // syllables, whether it has a word of numerals, and whether two equal single syllables stand
    // side by side (units only go away into their left neighbour, which is then no single, so no
    // new pair of singles ever meets). A pass whose rules need what the run lacks is skipped.
    let (mut singles, mut numerals, mut doubled) = (None, false, false);
    let mut previous: Option<char> = None;
    // Step 7 needs two pieces of a foreign name side by side.
    let (mut foreign, mut previous_piece) = (false, false);
    for u in units.iter() {
        let single = ctx.single(u);
        if single.is_some() {
            *singles.get_or_insert(0) |= u.classes;
            doubled |= single == previous;
        }
        previous = single;
        numerals |= ctx.all_numerals(u);
        let piece = ctx.foreign_piece(u);
        foreign |= piece && previous_piece;
        previous_piece = piece;
    }
    let foreign = foreign && opts.join_names;
    let Some(singles) = singles else {
        if numerals {
            join_numerals(units, ctx, opts);
        }
        if foreign {
            join_foreign_names(units, ctx);
        }
        return;
    };
    let any = |classes: &[Class]| classes.iter().any(|&c| singles & (1 << c as u32) != 0);

    // 1b. Personal names (R17), before the particles and suffixes join the given name alone
    // (李华 的, not 李 华的; 小明 们).
    if opts.join_names && any(&[Class::Surname, Class::Title]) {
        pass(units, ctx, |ctx, a, b| {
            a.syllables + b.syllables <= cap && ctx.is_name_part(a, b)
        });
    }

    // 1c. Personal names known by what is around them (R17 by context): a surname and one or
    // two characters that no list names, next to 、, a verb of saying or a title.
    if opts.join_names && any(&[Class::Surname]) {
        join_names_by_context(units, ctx, cap);
    }

    // 2. Affixes (R5, R6, R26).
    if any(&[Class::Suffix, Class::Prefix, Class::Title]) {
        affixes(units, ctx, cap);
    }

    // 3. Particles (R10, R11).
    if any(&[Class::Structural, Class::Aspect, Class::Modal]) {
        particles(units, ctx, opts);
    }

    // 4. Monosyllabic verb + monosyllabic complement (R13), also a complement joined with its
    // aspect particle by step 3.
    if any(&[Class::Complement]) || units.iter().any(|u| ctx.complement_with_aspect(u)) {
        verb_complement(units, ctx);
    }

    // 5. Two single syllables still apart (R8, R9, R12).
    if any(&[
        Class::Degree,
        Class::Localizer,
        Class::Determiner,
        Class::Negation,
        Class::Preposition,
    ]) {
        two_singles(units, ctx, opts);
    }

    // 6. Numbers, measures, ordinals, dates, names, places, reduplication.
    let step6 = [Class::Measure, Class::Ordinal, Class::Unit, Class::Generic];
    if numerals || doubled || any(&step6) {
        join_numerals(units, ctx, opts);
    }

    // 7. Foreign names the segmenter cut up (R17).
    if foreign {
        join_foreign_names(units, ctx);
    }
}

/// The word classes whose characters are never part of a given name: particles, negations,
/// degree adverbs, prepositions, localizers, determiners, demonstratives and the copula and modal
/// verbs (的 了 吗 不 很 在 上 这 是 …).
const NOT_IN_NAMES: u32 = 1 << Class::Structural as u32
    | 1 << Class::Aspect as u32
    | 1 << Class::Modal as u32
    | 1 << Class::Negation as u32
    | 1 << Class::Degree as u32
    | 1 << Class::Preposition as u32
    | 1 << Class::Localizer as u32
    | 1 << Class::Determiner as u32
    | 1 << Class::Demonstrative as u32
    | 1 << Class::Auxiliary as u32
    | 1 << Class::Prefix as u32
    | 1 << Class::Suffix as u32;

/// Conjunctions, which no class holds: 石膏 和 is no name.
const CONJUNCTIONS: &str = "和与及或并而";

/// Step 1c (R17 by context, part of [`SpacingOptions::join_names`]): a personal name that the
/// lists of step 1b do not know becomes one word when what is around it says it is a name:
/// an enumeration comma 、 just before or after it, or a word of `data/spacing/name-cues.tsv`
/// (记者 before it; 说, 表示, 等, 老师 after it). The name is a surname standing alone and one or
/// two characters that are single words or one word the lexicon does not tag as a common word
/// (王 次 龙 等, 刘 思妍、, 张 桃林 表示). None of its characters may be a particle, a negation,
/// a preposition, an affix, a conjunction or another function word ([`NOT_IN_NAMES`]); next to
/// 、 alone, one of them must be common in given names (`given-names.tsv`), so 史 东山、 stays
/// apart. INFERRED: the scheme writes names as one word (R17) but says nothing of how to find
/// them.
fn join_names_by_context(units: &mut Vec<Unit>, ctx: &Context, cap: usize) {
    join_runs(units, |units, i, before| {
        name_span(units, i, before, ctx)
            .filter(|&n| units[i..i + n].iter().map(|u| u.syllables).sum::<usize>() <= cap)
            .unwrap_or(1)
    });
}

/// How many units from `units[i]` make a personal name by the test of
/// [`join_names_by_context`] (two or three), if they do; `before` is the word before them.
fn name_span(units: &[Unit], i: usize, before: Option<&Unit>, ctx: &Context) -> Option<usize> {
    let text = |u: &Unit| &ctx.chars[u.chars.clone()];
    let plain = |u: &Unit| {
        text(u)
            .iter()
            .all(|&c| classes_of(c) & NOT_IN_NAMES == 0 && !CONJUNCTIONS.contains(c))
    };
    // A one-character unit, or a two-character word the lexicon does not tag as a common word.
    // Joined units at this step are names of step 1b (小明 in 张 小明) or GF example words.
    let given = |u: &Unit, most: usize| {
        u.kind == GroupKind::Han
            && (!u.joined || u.syllables == 2)
            && plain(u)
            && match u.syllables {
                1 => true,
                2 => most == 2 && matches!(u.pos, "" | "nr" | "nrt" | "nrfg" | "nz" | "ns"),
                _ => false,
            }
    };
    // Cheapest test first: most units are no surname standing alone.
    let surname = ctx.single(&units[i])?;
    if !has_class(surname, Class::Surname) || "于向万".contains(surname) {
        return None;
    }
    let next = units.get(i + 1).filter(|u| given(u, 2))?;
    let third = units
        .get(i + 2)
        .filter(|u| next.syllables == 1 && given(u, 1));
    // Longest first: a surname and two single characters, then a surname and one unit.
    let candidates = [third.map(|_| 3), Some(2)];
    candidates.into_iter().flatten().find(|&n| {
        let (start, end) = (units[i].chars.start, units[i + n - 1].chars.end);
        match name_cue(units, before, i + n, start, end, ctx) {
            Some(NameCue::Word) => true,
            // A comma also stands between common words (水泥、石膏): the given name must have a
            // character common in given names.
            Some(NameCue::Comma) => ctx.chars[start + 1..end]
                .iter()
                .any(|&c| has_class(c, Class::GivenName)),
            None => false,
        }
    })
}

/// What says that a candidate is a personal name.
enum NameCue {
    /// An enumeration comma 、 just before or after it.
    Comma,
    /// A word of `data/spacing/name-cues.tsv` just before or after it.
    Word,
}

/// What stands next to the candidate (characters `start..end`, the units before `units[to]`,
/// after the word `before`) that says it is a name, if anything.
fn name_cue(
    units: &[Unit],
    before: Option<&Unit>,
    to: usize,
    start: usize,
    end: usize,
    ctx: &Context,
) -> Option<NameCue> {
    let is_cue = |u: &Unit, cues: &phf::Set<&'static str>| {
        with_str_key(&ctx.chars[u.chars.clone()], |w| cues.contains(w)).unwrap_or(false)
    };
    let cue_before = before.is_some_and(|u| is_cue(u, &NAME_CUES_BEFORE));
    let after = units.get(to).is_some_and(|u| is_cue(u, &NAME_CUES_AFTER));
    let comma_before = before.is_none() && start > 0 && ctx.chars[start - 1] == '、';
    let comma_after = to == units.len() && ctx.chars.get(end) == Some(&'、');
    if cue_before || after {
        Some(NameCue::Word)
    } else if comma_before || comma_after {
        Some(NameCue::Comma)
    } else {
        None
    }
}

/// Step 7: pieces of a foreign name, side by side, make one word (R17: 巴兰 + 尼亚, 克勒 + 兹,
/// 希波 + 克拉底), when they have three syllables or more together (two pieces of one syllable
/// each are more often two words).
fn join_foreign_names(units: &mut Vec<Unit>, ctx: &Context) {
    pass(units, ctx, |ctx, a, b| {
        ctx.foreign_piece(a) && ctx.foreign_piece(b) && a.syllables + b.syllables >= 3
    });
}

/// Step 2: affixes (R5, R6, R26).
fn affixes(units: &mut Vec<Unit>, ctx: &Context, cap: usize) {
    pass(units, ctx, |ctx, a, b| {
        if a.kind != GroupKind::Han {
            return false;
        }
        if let Some(s) = ctx.single_of(b, Class::Suffix) {
            return match s {
                '们' => true,
                '子' | '儿' | '头' => a.syllables < cap,
                // Not after a name that step 1b joined (曹彬 率军: 率 leads the next word).
                _ => a.syllables >= 2 && a.syllables < cap && !ctx.joined_name(a),
            };
        }
        if ctx.single_of(a, Class::Prefix).is_some() {
            return b.kind == GroupKind::Han && b.syllables >= 2 && b.syllables < cap;
        }
        ctx.single_of(a, Class::Title).is_some()
            && ctx.single(b).is_some_and(|c| has_class(c, Class::Surname))
    });
}

/// Step 3: particles (R10, R11).
fn particles(units: &mut Vec<Unit>, ctx: &Context, opts: &SpacingOptions) {
    pass(units, ctx, |ctx, a, b| {
        let Some(p) = ctx.single(b) else { return false };
        // §6.4: a blank always stands between a Latin run and Chinese (NASA的, OK了): joined, the
        // cells of the particle would read as more letters.
        if a.kind == GroupKind::Code && ctx.chars[a.chars.end - 1].is_ascii_alphabetic() {
            return false;
        }
        if has_class(p, Class::Structural) || (has_class(p, Class::Aspect) && p != '过') {
            return ctx.neutral(b);
        }
        if p == '过' {
            return ctx.neutral(b) || ctx.pos(a).starts_with('v');
        }
        // A modal particle is neutral; 哪 read nǎ is the question word (去哪), not a particle.
        opts.join_modal_particles
            && has_class(p, Class::Modal)
            && a.kind == GroupKind::Han
            && ctx.neutral(b)
    });
}

/// Step 4: a monosyllabic verb + a monosyllabic complement (R13); not after the copula or a modal
/// verb, whose next verb is their object (要去, 会来).
fn verb_complement(units: &mut Vec<Unit>, ctx: &Context) {
    pass(units, ctx, |ctx, a, b| {
        ctx.single(a).is_some()
            && ctx.pos(a).starts_with('v')
            && ctx.single_of(a, Class::Auxiliary).is_none()
            && (ctx.single_of(b, Class::Complement).is_some() || ctx.complement_with_aspect(b))
    });
}

/// Step 5: two single syllables still apart (R8, R9, R12).
fn two_singles(units: &mut Vec<Unit>, ctx: &Context, opts: &SpacingOptions) {
    pass(units, ctx, |ctx, a, b| {
        if ctx.single(a).is_none() || ctx.single(b).is_none() {
            return false;
        }
        let (pa, pb) = (ctx.pos(a), ctx.pos(b));
        let predicate = |p: &str| p.starts_with('a') || p.starts_with('v') || p == "z";
        let nominal = |p: &str| p.starts_with('n') || matches!(p, "s" | "q" | "m" | "t");
        (opts.join_monosyllables
            && ((ctx.single_of(a, Class::Degree).is_some() && predicate(pb))
                || (ctx.single_of(b, Class::Localizer).is_some()
                    && nominal(pa)
                    && !ctx.all_numerals(a))
                || (ctx.single_of(a, Class::Determiner).is_some()
                    && !ctx.follows_count(a)
                    && (nominal(pb) || ctx.single_of(b, Class::Measure).is_some()))))
            || (opts.join_negation && ctx.single_of(a, Class::Negation).is_some() && predicate(pb))
            || (opts.join_preposition_noun
                && ctx.single_of(a, Class::Preposition).is_some()
                && pb.starts_with('n'))
    });
}

/// Step 6: numbers, measures, ordinals, dates, names, places, reduplication (R4a, R7, R14–R18).
fn join_numerals(units: &mut Vec<Unit>, ctx: &Context, opts: &SpacingOptions) {
    let cap = opts.max_syllables;
    pass(units, ctx, |ctx, a, b| {
        // Numerals run together, divided after 百 万 亿 (三百 零五).
        if ctx.all_numerals(a) && ctx.all_numerals(b) {
            return !matches!(ctx.chars[a.chars.end - 1], '百' | '万' | '亿');
        }
        false
    });
    pass(units, ctx, |ctx, a, b| {
        let within = a.syllables + b.syllables <= cap;
        let (text_a, text_b) = (&ctx.chars[a.chars.clone()], &ctx.chars[b.chars.clone()]);
        let a_numerals = ctx.all_numerals(a);
        // Fractions: 三 分之二, 百分之 六十.
        if a_numerals
            && text_b.starts_with(&['分', '之'])
            && text_b[2..].iter().all(|&c| has_class(c, Class::Numeral))
        {
            return true;
        }
        if text_a.ends_with(&['分', '之']) && ctx.all_numerals(b) {
            return true;
        }
        // 一会儿, 一点儿: a numeral and an erhua measure (R14, R26).
        if a_numerals && a.syllables == 1 && b.syllables == 2 && text_b.ends_with(&['儿']) {
            return true;
        }
        if opts.join_numeral_measure
            && within
            && ((ctx.all_numerals(a) && a.syllables == 1)
                || ctx.single_of(a, Class::Demonstrative).is_some())
            && ctx.single_of(b, Class::Measure).is_some()
        {
            return true;
        }
        if opts.join_ordinals
            && ctx.single_of(a, Class::Ordinal).is_some()
            && (ctx.all_numerals(b) || ctx.is_digits(b) || ctx.numeral_and_measure(b))
        {
            return true;
        }
        // Dates and times, in digits (2018年) or characters (七月, 二十一日).
        if opts.join_dates
            && (ctx.is_digits(a) || ctx.all_numerals(a))
            && ctx.single_of(b, Class::Unit).is_some()
        {
            return true;
        }
        if opts.join_place_generics
            && within
            && ctx.pos(a) == "ns"
            && a.syllables >= 2
            && ctx.single_of(b, Class::Generic).is_some()
        {
            return true;
        }
        // R4a: a reduplicated monosyllable (人人, 看看).
        ctx.single(a)
            .is_some_and(|c| ctx.single(b) == Some(c) && !has_class(c, Class::Structural))
    });
}

/// Joins runs of 2–4 adjacent Han words that spell a GF example word or an AABB form (来来往往).
fn join_spans(units: &mut Vec<Unit>, ctx: &Context) {
    let mut text = String::new();
    join_runs(units, |units, i, _| {
        let mut span_found = 1;
        // Only words starting with a GF example's first character or a doubled character can
        // match: checked first, so most words cost one binary search.
        let first = ctx.chars[units[i].chars.start];
        let doubled =
            units[i].chars.len() <= 2 && ctx.chars.get(units[i].chars.start + 1) == Some(&first);
        if units[i].kind == GroupKind::Han && (doubled || GF_FIRST_CHARS.contains(first)) {
            for span in (2..=GF_LONGEST.max(4)).rev() {
                if i + span > units.len()
                    || !units[i..i + span].iter().all(|u| u.kind == GroupKind::Han)
                {
                    continue;
                }
                let (start, end) = (units[i].chars.start, units[i + span - 1].chars.end);
                let t = &ctx.chars[start..end];
                if t.len() > GF_LONGEST.max(4) {
                    continue;
                }
                let aabb = t.len() == 4 && t[0] == t[1] && t[2] == t[3] && t[0] != t[2];
                text.clear();
                text.extend(t);
                if aabb || GF_WORDS.contains(text.as_str()) {
                    span_found = span;
                    break;
                }
            }
        }
        span_found
    });
}

/// Joins runs of adjacent units in place, left to right (linear, like [`pass`]): `span(units, i,
/// before)` says how many units from `units[i]` make one word (1 leaves it alone). It may read
/// `units[i..]`, still as they came, and `before`, the word before them as joined so far (`None`
/// at the start of the run); the units between are stale.
fn join_runs(units: &mut Vec<Unit>, mut span: impl FnMut(&[Unit], usize, Option<&Unit>) -> usize) {
    // Compacts in place: units[..kept] are done, units[i..] not yet looked at.
    let mut kept: usize = 0;
    let mut i = 0;
    while i < units.len() {
        let n = span(units, i, kept.checked_sub(1).map(|k| &units[k])).max(1);
        if kept != i {
            units.swap(kept, i);
        }
        let (done, rest) = units.split_at_mut(i + 1);
        for next in &rest[..n - 1] {
            absorb(&mut done[kept], next);
        }
        kept += 1;
        i += n;
    }
    units.truncate(kept);
}

// The boundary rule at marks, in one place: `blank_between` says where a blank cell goes between
// two groups, `drops_typed_space` which typed spaces are no blanks of the braille. The Latin and
// Chinese boundary (§6.4) is kept by the particle step, the only join that could cross it.

/// Whether a typed space goes away (R23): it stands after a Chinese opening mark, or before a
/// Chinese mark that attaches to the word before it (你好 。 → ⠐⠆ attached). Each side is the
/// nearest group that is no space, with its first character; `None` is the text's edge.
///
/// Spaces at the start of a line are its indentation and stay. ASCII marks keep their spaces: in
/// code (`for (( a ; b ))`) the spaces are the text.
pub fn drops_typed_space(
    before: Option<(GroupKind, char)>,
    after: Option<(GroupKind, char)>,
) -> bool {
    let chinese = |(kind, first): (GroupKind, char), attaches: fn(GroupKind) -> bool| {
        attaches(kind) && !first.is_ascii()
    };
    let line_start = before.is_none_or(|(kind, _)| kind == GroupKind::LineBreak);
    !line_start
        && (before.is_some_and(|b| chinese(b, attaches_forward))
            || after.is_some_and(|n| chinese(n, attaches_back)))
}

/// Whether a group is a mark that attaches to what comes before it (R23: closing, medial and
/// final marks).
fn attaches_back(kind: GroupKind) -> bool {
    matches!(
        kind,
        GroupKind::Punct(PunctClass::Close | PunctClass::Medial | PunctClass::Final)
    )
}

/// Whether a group is an opening mark, which attaches to what follows it (R23).
fn attaches_forward(kind: GroupKind) -> bool {
    kind == GroupKind::Punct(PunctClass::Open)
}

/// Whether a blank cell goes between two adjacent groups (neither a space nor a line break).
/// R23: a mark attaches to the word before it, an opening mark to the word after it.
/// R24 / scheme §6.2: a blank after medial and closing marks; after 。？！ by option.
pub fn blank_between(prev: GroupKind, next: GroupKind, blank_after_sentence_end: bool) -> bool {
    use GroupKind::*;
    use PunctClass as P;
    match (prev, next) {
        (Space | LineBreak, _) | (_, Space | LineBreak) => false,
        (Punct(P::Open | P::Joiner), _) => false,
        // R23: a closing mark attaches to what precedes it, a medial mark, an ellipsis or a dash
        // included (“我很好，”他说 → ⠐⠘⠀): a blank before it would make ⠘ read as an opening quote.
        (_, Punct(P::Close)) => false,
        // A blank always follows ，、；： (scheme §6.2): ⠐ must not run into the next cell.
        (Punct(P::Medial), _) => true,
        (_, Punct(P::Open)) => true,
        (_, Punct(_)) => false,
        (Punct(P::Final), _) => blank_after_sentence_end,
        (Punct(_), _) => true,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HAN: Option<(GroupKind, char)> = Some((GroupKind::Han, '好'));
    const FULL_STOP: Option<(GroupKind, char)> = Some((GroupKind::Punct(PunctClass::Final), '。'));
    const OPEN_QUOTE: Option<(GroupKind, char)> = Some((GroupKind::Punct(PunctClass::Open), '“'));
    const ASCII_PAREN: Option<(GroupKind, char)> = Some((GroupKind::Punct(PunctClass::Open), '('));
    const LINE_BREAK: Option<(GroupKind, char)> = Some((GroupKind::LineBreak, '\n'));

    #[test]
    fn typed_spaces_at_chinese_marks_go_and_others_stay() {
        // 你好 。 and “ 你好: the mark attaches, the space is no blank.
        assert!(drops_typed_space(HAN, FULL_STOP));
        assert!(drops_typed_space(OPEN_QUOTE, HAN));
        // Between words, at an ASCII mark (code), and as indentation the space is text.
        assert!(!drops_typed_space(HAN, HAN));
        assert!(!drops_typed_space(ASCII_PAREN, HAN));
        assert!(!drops_typed_space(None, FULL_STOP));
        assert!(!drops_typed_space(LINE_BREAK, FULL_STOP));
        // A closing mark attaches back, so the space after it stays (blank_between's R24 blank).
        assert!(!drops_typed_space(FULL_STOP, HAN));
    }
}

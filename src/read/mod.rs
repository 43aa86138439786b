//! Stage 3: readings. Gives every Han character of a word its syllable: the lexicon's phrase
//! reading when the word has one, else the character's most frequent reading, unless a neighbour
//! rule distilled from the polyphone model ([`context_reading`]) reads it otherwise (CPP dev, fast
//! mode: 95.68% → 96.31%); then, in [`crate::ReadingMode::Model`], the polyphone model
//! ([`crate::model`]) re-reads the polyphones that nothing else settles, each from its sentence
//! (at most [`MODEL_CONTEXT`] characters each side).
//!
//! Settled, so left to the lexicon: a character inside a word with a phrase reading (the phrase
//! wins: on CPP dev the phrase reading of a whole word is right where the model is wrong about as
//! often as the other way round, 69 vs 60 items, and phrase readings carry the dictionary's
//! neutral tones), a measure word after a number, and the polyphones of `data/readings/model-settled.tsv` with scope
//! `all` (those whose default reading was right on every one of at least 15 CPP dev items outside
//! dictionary words, 6 for a frequent character; they include the frequent 的 了 和 中 上, so
//! running text stays fast). The model never overrides the phrase readings of the characters
//! listed there with scope `words` (6 such items). In that mode the neighbour rules apply
//! only to the characters the model does not read.
//!
//! Before the model, grammar rules (`read/grammar.rs`) read the one-character words that their
//! neighbours decide in plain prose (得 地 行, sentence-final particles, 长 教 种 应 …); the model
//! leaves what they decide.
//!
//! # Precedence
//!
//! From first to last; a step never changes what an earlier one decided:
//!
//! 1. the user dictionary;
//! 2. a multi-character lexicon word's phrase reading, which nothing below changes unless the word
//!    is a row of `data/readings/phrase-exceptions.tsv` naming the step that may change it (the
//!    grammar rules for 一行, 大夫 and sentence-final words in 吧; g2pM when it is
//!    [`MODEL_OVERRIDE`] sure, in the default mode, for two words), held by
//!    `tests/phrase_consistency.rs`;
//! 3. measure words after a count, erhua, 大夫 and the grammar rules;
//! 4. a neighbour rule of `data/readings/context-rules.tsv`;
//! 5. the linear model (`read/linear.rs`, trained here on g2pL train and CPP dev) for the open
//!    polyphones of the characters it leads for (`linear::leads`), in both modes; for the other
//!    open polyphones g2pM in the default mode (the neighbour rules in the fast mode), and the
//!    linear model when it is [`LINEAR_SURE`] for a few that g2pM leaves to their default;
//! 6. the character's default reading.

use crate::lexicon;
use crate::model;
use crate::syllable::Syllable;
use crate::tables::{
    with_str_key, PhraseException, CANDIDATE_CHARS, CANDIDATE_CODES, CANDIDATE_OFFSETS,
    CONTEXT_RULE_CHARS, CONTEXT_RULE_CODES, CONTEXT_RULE_KEYS, MEASURE_WORDS, MODEL_SETTLED,
    MODEL_SETTLED_IN_WORDS, PHRASE_EXCEPTIONS, READING_BLOCKS, READING_BLOCK_INDEX,
};

// The build script uses all of it; the reader the hash only.
#[allow(dead_code)]
mod feature_hash;
mod grammar;
pub(crate) mod linear;
mod rule_key;
mod stage;
pub(crate) use grammar::{
    grammar_may_decide, grammar_reading, is_doctor, next_may_decide, TaggedWord,
};
use rule_key::context_key;
pub use stage::{lexicon_trace, polyphone_trace, LexiconTrace, PolyphoneTrace};
pub(crate) use stage::{read_into, ReadingBuffers};

/// The default (most frequent) reading of a character, if it has one.
///
/// ```
/// assert_eq!(tongyong::char_reading('中').unwrap().to_string(), "zhong1");
/// assert!(tongyong::char_reading('a').is_none());
/// ```
#[inline]
pub fn char_reading(c: char) -> Option<Syllable> {
    let cp = c as u32;
    let block = *READING_BLOCK_INDEX.get(cp as usize >> 8)?;
    let code = READING_BLOCKS.get(block as usize)?[(cp & 0xff) as usize];
    if code == 0 {
        return None;
    }
    Syllable::from_table_code(code)
}

/// Every reading of a character, the most frequent first (empty when it has none).
///
/// ```
/// let r: Vec<String> = tongyong::char_readings('行').iter().map(|s| s.to_string()).collect();
/// assert!(r.contains(&"xing2".to_string()) && r.contains(&"hang2".to_string()));
/// ```
pub fn char_readings(c: char) -> Vec<Syllable> {
    let cp = c as u32;
    match CANDIDATE_CHARS.binary_search(&cp) {
        Ok(k) => CANDIDATE_CODES[CANDIDATE_OFFSETS[k] as usize..CANDIDATE_OFFSETS[k + 1] as usize]
            .iter()
            .filter_map(|&code| Syllable::from_code(code))
            .collect(),
        Err(_) => char_reading(c).into_iter().collect(),
    }
}

/// The measure-word reading of a character standing straight after a number (1只 zhī, 3种 zhǒng),
/// from `data/readings/measure-words.tsv`.
pub fn measure_word_reading(c: char) -> Option<Syllable> {
    MEASURE_WORDS
        .get(&c)
        .and_then(|&code| Syllable::from_code(code))
}

/// The reading that a neighbour rule of `data/readings/context-rules.tsv` gives `chars[i]`: rules
/// distilled from the polyphone model (`scripts/context-rules.py`), keyed by the character and the
/// character just before or just after it (蒙 before 古 → meng3, 泊 after 尼 → bo2). `None` when no
/// rule applies or the two neighbours' rules disagree. Meant for polyphones outside every word with
/// a phrase reading, which would otherwise take their default reading.
///
/// ```
/// let text: Vec<char> = "内蒙古".chars().collect();
/// assert_eq!(tongyong::read::context_reading(&text, 1).unwrap().to_string(), "meng3");
/// assert!(tongyong::read::context_reading(&text, 0).is_none());
/// ```
pub fn context_reading(chars: &[char], i: usize) -> Option<Syllable> {
    let c = chars[i];
    if !CONTEXT_RULE_CHARS.contains(c) {
        return None;
    }
    let rule = |neighbour: Option<&char>, after: bool| {
        let key = context_key(c, *neighbour?, after);
        CONTEXT_RULE_KEYS
            .binary_search(&key)
            .ok()
            .map(|k| CONTEXT_RULE_CODES[k])
    };
    let before = i.checked_sub(1).and_then(|j| rule(chars.get(j), false));
    let after = rule(chars.get(i + 1), true);
    let code = match (before, after) {
        (Some(a), Some(b)) if a != b => return None,
        (a, b) => a.or(b)?,
    };
    Syllable::from_code(code)
}

/// Applies [`context_reading`] to the characters of the word `chars[start..end]` that no phrase
/// reading covers (`phrases`: the parts read by one, in order), except those a model reads: with
/// `model` ([`crate::ReadingMode::Model`]) the polyphones g2pM may read, else those the linear
/// model leads for ([`linear::leads`]).
pub(crate) fn apply_context_rules(
    chars: &[char],
    readings: &mut [Option<Syllable>],
    (start, end): (usize, usize),
    phrases: &[(usize, usize)],
    model: bool,
) {
    let mut next = start;
    for &(s, e) in phrases.iter().chain(std::iter::once(&(end, end))) {
        for k in next..s {
            // Most characters have no rule: known without a call.
            let c = chars[k];
            if !CONTEXT_RULE_CHARS.contains(c) || model_may_read(c) && (model || linear::leads(c)) {
                continue;
            }
            if let Some(r) = context_reading(chars, k) {
                readings[k] = Some(r);
            }
        }
        next = e;
    }
}

/// Characters before 儿 in words where 儿 is 'child', not the erhua suffix (婴儿, 孤儿, 新生儿,
/// 女儿, 健儿).
const CHILD_HOSTS: &str = "婴孩胎孤幼生男女患健乳产乞养弃宠血育";

/// Whether the lexicon word `word` with the entry `entry` ends in the erhua suffix: it ends in 儿,
/// has no phrase reading (the phrase data reads erhua words as ér or not at all), is not a name,
/// and its 儿 is not 'child' ([`CHILD_HOSTS`]): 早点儿, 一点儿, 事儿, 玩意儿.
pub(crate) fn ends_in_erhua(word: &[char], entry: Option<lexicon::Entry>) -> bool {
    let [.., host, '儿'] = word else {
        return false;
    };
    entry.is_some_and(|e| e.is_word() && e.reading().is_none() && !e.pos().starts_with("nr"))
        && !CHILD_HOSTS.contains(*host)
}

/// The lexicon's phrase reading of the word `chars` (two characters or more), one syllable per
/// character.
///
/// ```
/// let w: Vec<char> = "银行".chars().collect();
/// let r = tongyong::read::phrase_reading(&w).unwrap();
/// assert_eq!(r[1].to_string(), "hang2");
/// ```
pub fn phrase_reading(chars: &[char]) -> Option<Vec<Syllable>> {
    if chars.len() < 2 {
        return None;
    }
    let mut out = Vec::new();
    push_phrase_reading(lexicon::lookup_chars(chars), chars.len(), &mut out)
        .then(|| out.into_iter().flatten().collect())
}

/// Appends the phrase reading of the lexicon entry `entry` of a word of `len` characters to `out`
/// if it has one of that length (else leaves `out` as it was); returns whether it did.
fn push_phrase_reading(
    entry: Option<lexicon::Entry>,
    len: usize,
    out: &mut Vec<Option<Syllable>>,
) -> bool {
    let Some(reading) = entry.filter(|e| e.is_word()).and_then(|e| e.reading()) else {
        return false;
    };
    let mark = out.len();
    out.extend(reading.map(Some));
    if out.len() - mark == len {
        return true;
    }
    out.truncate(mark);
    false
}

/// Reads the word `chars` (all Han): one entry per character, `None` for a character without any
/// known reading. A word with a phrase reading takes it; a longer word without one is covered from
/// the left by its longest sub-words with phrase readings; other characters take their default
/// reading. Returns whether the whole word had a phrase reading.
///
/// ```
/// let mut out = Vec::new();
/// let w: Vec<char> = "银行".chars().collect();
/// assert!(tongyong::read::read_word(&w, &mut out));
/// assert_eq!(out[1].unwrap().to_string(), "hang2");
/// ```
pub fn read_word(chars: &[char], out: &mut Vec<Option<Syllable>>) -> bool {
    let mut whole = false;
    read_word_with(chars, lexicon::lookup_chars(chars), out, |start, end| {
        whole = start == 0 && end == chars.len()
    });
    whole
}

/// [`read_word`] of a word whose lexicon entry `entry` the segmenter found, calling
/// `phrase(start, end)` for every part `chars[start..end]` read by a phrase reading.
pub(crate) fn read_word_with(
    chars: &[char],
    entry: Option<lexicon::Entry>,
    out: &mut Vec<Option<Syllable>>,
    mut phrase: impl FnMut(usize, usize),
) {
    if chars.len() >= 2 && push_phrase_reading(entry, chars.len(), out) {
        phrase(0, chars.len());
        return;
    }
    let mut walk = lexicon::Walk::new();
    let mut i = 0;
    while i < chars.len() {
        let longest = chars.len() - i - usize::from(i == 0);
        // The longest sub-word from i with a phrase reading: one walk down the lexicon, which
        // stops where no longer word begins with the key.
        // A sub-word has two characters or more: with room for one, there is none to look for.
        let mut found = None;
        walk.reset();
        let room = if longest >= 2 { longest } else { 0 };
        for len in 1..=room {
            let e = walk.push(chars[i + len - 1]);
            let has_reading = || e.is_some_and(|e| e.is_word() && e.reading_len() == Some(len));
            if len >= 2 && has_reading() {
                found = Some((len, e));
            }
            if !e.is_some_and(|e| e.begins_longer()) {
                break;
            }
        }
        match found {
            Some((len, e)) => {
                push_phrase_reading(e, len, out);
                phrase(i, i + len);
                i += len;
            }
            None => {
                out.push(char_reading(chars[i]));
                i += 1;
            }
        }
    }
}

/// The context the polyphone model reads for one character: at most this many characters of its
/// sentence on each side (chosen on CPP dev: ±4, ±6, ±8, ±16 and ±32 all score within 0.05
/// points, and the work grows with the window; neighbouring polyphones share one wider pass).
pub const MODEL_CONTEXT: usize = 4;

fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n' | '\r' | '\u{2028}' | '\u{2029}'
    )
}

/// The characters `start..end` that g2pM reads for the target `chars[t]`: at most
/// [`MODEL_CONTEXT`] each side, within its sentence.
pub(crate) fn model_window(chars: &[char], t: usize) -> (usize, usize) {
    sentence_window(chars, t, MODEL_CONTEXT)
}

/// The characters `start..end` of the sentence around `chars[t]`, at most `half` each side (the
/// windows of g2pM and of the linear model).
pub(crate) fn sentence_window(chars: &[char], t: usize, half: usize) -> (usize, usize) {
    let mut start = t;
    while start > 0 && t - start < half && !ends_sentence(chars[start - 1]) {
        start -= 1;
    }
    let mut end = t + 1;
    while end < chars.len() && end - t <= half && !ends_sentence(chars[end - 1]) {
        end += 1;
    }
    (start, end)
}

/// How far the lexicon settles a character's reading, for [`apply_model`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Settled {
    /// Not at all: the model decides.
    No,
    /// By the phrase reading of the word `chars[start..end]`: the model overrides it only when it
    /// is nearly sure ([`MODEL_OVERRIDE`]) and reads at least two Han characters of context
    /// outside the word (alone, a word is the dictionary's business), and never a neutral tone.
    Phrase {
        /// First character of the word.
        start: usize,
        /// One past its last character.
        end: usize,
    },
    /// By a rule (measure word after a number) or a phrase reading
    /// ([`phrase_settles`]): the model leaves it.
    Yes,
}

/// How a word with a phrase reading settles its characters' readings: wholly, unless the word is a
/// `model` row of `data/readings/phrase-exceptions.tsv` (then a sure model may override it). Before
/// that table the model could override the phrase reading of any rare word. In every g2pL
/// sentence and the man pages it did so 36 times, nearly always against the dictionary (拮据 jù,
/// 葛粉 gě, 盛菜 shèng; `tests/phrase_consistency.rs`).
pub(crate) fn phrase_settles(chars: &[char], start: usize, end: usize) -> Settled {
    let word = &chars[start..end];
    // The character test first: it rules out nearly every word without building a key.
    if word.iter().any(|&c| model_may_override(c))
        && phrase_exception(word) == Some(PhraseException::Model)
    {
        Settled::Phrase { start, end }
    } else {
        Settled::Yes
    }
}

/// The step of `data/readings/phrase-exceptions.tsv` that may change the phrase reading of `word`
/// (its own row, else the row `*X` of its last character X).
pub(crate) fn phrase_exception(word: &[char]) -> Option<PhraseException> {
    let [.., last] = word else { return None };
    if word.len() < 2 {
        return None;
    }
    let row = |key: &[char]| with_str_key(key, |k| PHRASE_EXCEPTIONS.get(k).copied()).flatten();
    row(word).or_else(|| row(&['*', *last]))
}

/// How sure the model must be (softmax probability over the character's candidate readings) to
/// override a phrase reading. Chosen on CPP dev (5-fold cross-validation over 0.9 … 0.9999): at
/// this level the overrides that change a reading on dev fix 18 items and break 1. Cross-validation
/// on dev (`scripts/policy-cv.py`) prefers 0.999 with a frequency threshold of 10,000 and
/// sub-words open to overrides (97.57% vs 97.52% held out), but 0.999 with sub-words open alone
/// changed 30 readings in 20,000 lines of Debian's man pages, all for the worse (校验 xiao4,
/// 奇偶 qi2, 换行符 xing2, 重启 zhong4, 更正 geng4).
pub const MODEL_OVERRIDE: f32 = 0.9999;

/// Whether the model may read `c`: a polyphone it decides, with more than one reading here, and
/// not listed in `data/readings/model-settled.tsv` (scope `all`).
pub(crate) fn model_may_read(c: char) -> bool {
    model::is_polyphone(c)
        && CANDIDATE_CHARS.binary_search(&(c as u32)).is_ok()
        && MODEL_SETTLED.binary_search(&(c as u32)).is_err()
}

/// Whether the model may override the phrase reading of `c`: [`model_may_read`], and not listed
/// in `data/readings/model-settled.tsv` with scope `words` either.
pub(crate) fn model_may_override(c: char) -> bool {
    model_may_read(c) && MODEL_SETTLED_IN_WORDS.binary_search(&(c as u32)).is_err()
}

/// How sure the linear model must be to re-read an open polyphone that g2pM leaves to its
/// default reading (`model-settled.tsv`, scope `all`) or does not read. Chosen on the tuning sets
/// (g2pL dev and a fifth of CPP dev, `scripts/train-polyphone.py`): 0.8 and 0.9 score alike on
/// g2pL dev (+0.5 points over never), each one CPP dev item lower; the higher one is kept for
/// running text. Only for the characters of `linear::sure_only`.
pub const LINEAR_SURE: f32 = 0.9;

/// The new readings that the linear model ([`linear`]) gives the open characters (`Settled::No`) it covers: a
/// polyphone it leads for ([`linear::leads`]) always, in both modes; one of the few polyphones
/// that g2pM does not read ([`model_may_read`] false) but it does ([`linear::sure_only`]) when
/// it is [`LINEAR_SURE`]. Never a character
/// inside a word with a phrase reading, nor one a rule or the user dictionary settled.
pub(crate) fn linear_changes(cx: &linear::Context<'_>) -> Vec<(usize, Syllable)> {
    let mut changes: Vec<(usize, Syllable)> = Vec::new();
    for (i, &c) in cx.chars.iter().enumerate() {
        if !linear::covers(c) || cx.settled[i] != Settled::No || cx.readings[i].is_none() {
            continue;
        }
        let g2pm = model_may_read(c);
        let lead = g2pm && linear::leads(c);
        if !lead && (g2pm || !linear::sure_only(c)) {
            continue;
        }
        // A neighbour rule of `context-rules.tsv` wins over the model (on the tuning sets its
        // reading is right for 30 of 31 open items where a rule applies, the model's for 27;
        // man pages: 重定向, 重置).
        if let Some(r) = lead.then(|| context_reading(cx.chars, i)).flatten() {
            if cx.readings[i] != Some(r) {
                changes.push((i, r));
            }
            continue;
        }
        if let Some((r, p)) = linear::best(cx, i) {
            if (lead || p >= LINEAR_SURE) && cx.readings[i] != Some(r) {
                changes.push((i, r));
            }
        }
    }
    changes
}

/// Re-reads with the polyphone model every character of `chars` that it may read
/// (`model_may_read`) and that `settled` leaves open (or to a confident model).
pub(crate) fn apply_model(chars: &[char], readings: &mut [Option<Syllable>], settled: &[Settled]) {
    let targets: Vec<usize> = (0..chars.len())
        .filter(|&i| {
            let open = match settled[i] {
                // The linear model reads those it leads for (`apply_linear`).
                Settled::No => !linear::leads(chars[i]),
                // Nor does g2pM override the phrase readings of those characters: on the tuning
                // sets its sure overrides of them were right for 708 of 769 items, the phrase
                // readings for 738.
                Settled::Phrase { .. } => {
                    readings[i].is_some_and(|r| r.tone != crate::syllable::NEUTRAL)
                        && model_may_override(chars[i])
                        && !linear::leads(chars[i])
                }
                Settled::Yes => false,
            };
            open && readings[i].is_some() && model_may_read(chars[i])
        })
        .collect();
    let bounds = |t: usize| model_window(chars, t);
    let mut k = 0;
    let mut local = Vec::new();
    while k < targets.len() {
        let (start, mut end) = bounds(targets[k]);
        let mut j = k + 1;
        // Targets whose windows overlap share one pass.
        while j < targets.len() && targets[j] < end {
            end = end.max(bounds(targets[j]).1);
            j += 1;
        }
        local.clear();
        local.extend(targets[k..j].iter().map(|&t| t - start));
        let predictions = model::predict_with_probability(&chars[start..end], &local);
        for (&i, p) in local.iter().zip(predictions) {
            let at = start + i;
            let take = match (p, settled[at]) {
                (None, _) => false,
                (Some(_), Settled::No) => true,
                (Some((_, prob)), Settled::Phrase { start: ws, end: we }) => {
                    let han = |r: std::ops::Range<usize>| {
                        chars[r]
                            .iter()
                            .filter(|&&c| crate::segment::is_han(c))
                            .count()
                    };
                    prob >= MODEL_OVERRIDE && han(start..ws.max(start)) + han(we.min(end)..end) >= 2
                }
                (Some(_), Settled::Yes) => false,
            };
            if let (true, Some((p, _))) = (take, p) {
                readings[at] = Some(p);
            }
        }
        k = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        read_word(&chars, &mut out);
        out.iter()
            .map(|s| s.map_or("?".to_string(), |s| s.to_string()))
            .collect()
    }

    #[test]
    fn phrase_exceptions_are_the_rows_of_their_table() {
        let step = |w: &str| phrase_exception(&w.chars().collect::<Vec<_>>());
        assert_eq!(step("一行"), Some(PhraseException::Grammar));
        assert_eq!(step("噶厦"), Some(PhraseException::Model));
        // `*吧`: every word ending in 吧, but not 吧 alone (no phrase reading).
        assert_eq!(step("走吧"), Some(PhraseException::Grammar));
        assert_eq!(step("吧"), None);
        assert_eq!(step("拮据"), None);
        assert_eq!(step(&"长".repeat(40)), None);
        // A word that is no row is settled wholly, so no model overrides it.
        let chars: Vec<char> = "生活拮据".chars().collect();
        assert_eq!(phrase_settles(&chars, 2, 4), Settled::Yes);
    }

    #[test]
    fn phrase_readings_resolve_polyphones() {
        assert_eq!(read("银行"), ["yin2", "hang2"]);
        assert_eq!(read("行走"), ["xing2", "zou3"]);
    }

    /// `char_reading` decodes without the validity check: every code of the table must be valid.
    #[test]
    fn every_default_reading_is_a_valid_syllable() {
        for block in READING_BLOCKS.iter() {
            for &code in block.iter().filter(|&&c| c != 0) {
                assert!(Syllable::from_code(code).is_some(), "code {code}");
            }
        }
    }

    #[test]
    fn single_characters_take_their_default_reading() {
        assert_eq!(read("中"), ["zhong1"]);
        assert_eq!(read("的"), ["de5"]);
    }
}

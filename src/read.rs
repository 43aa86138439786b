//! Stage 3: readings. Gives every Han character of a word its syllable: the lexicon's phrase
//! reading when the word has one, else the character's most frequent reading; then, in
//! [`crate::ReadingMode::Model`], the polyphone model ([`crate::model`]) re-reads the polyphones
//! that nothing else settles, each from its sentence (at most [`MODEL_CONTEXT`] characters each
//! side).
//!
//! Settled, so left to the lexicon: a character inside a word with a phrase reading (the phrase
//! wins: on CPP dev the phrase reading is right where the model is wrong about as often as the
//! other way round, 82 vs 76 items, and phrase readings carry the dictionary's neutral tones), a
//! measure word after a number, and the polyphones of `data/readings/model-settled.tsv` (those
//! whose default reading was right on every CPP dev item outside dictionary words; they include
//! the frequent 的 了 和 中 上, so running text stays fast).

use crate::lexicon;
use crate::model;
use crate::syllable::Syllable;
use crate::tables::{
    CANDIDATE_CHARS, CANDIDATE_CODES, CANDIDATE_OFFSETS, MEASURE_WORDS, MODEL_SETTLED,
    READING_BLOCKS, READING_BLOCK_INDEX,
};

/// The default (most frequent) reading of a character, if it has one.
///
/// ```
/// assert_eq!(tongyong::char_reading('中').unwrap().to_string(), "zhong1");
/// assert!(tongyong::char_reading('a').is_none());
/// ```
pub fn char_reading(c: char) -> Option<Syllable> {
    let cp = c as u32;
    let block = *READING_BLOCK_INDEX.get(cp as usize >> 8)?;
    let code = READING_BLOCKS.get(block as usize)?[(cp & 0xff) as usize];
    if code == 0 {
        return None;
    }
    Syllable::from_code(code)
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
    /// By a rule (measure word after a number) or a frequent word's phrase reading
    /// ([`TRUSTED_WORD_FREQUENCY`]): the model leaves it.
    Yes,
}

/// Words at least this frequent (jieba frequency) keep their phrase reading whatever the model
/// says. On CPP dev a threshold of 10,000 scores 0.03 points higher, but on running text (300
/// lines of Debian's Chinese man pages, checked by hand) the model's confident overrides of
/// ordinary words were wrong more often than right (为什么 wei2, 空格 kong1, 调试 diao4, 当作 dang1).
pub const TRUSTED_WORD_FREQUENCY: u32 = 100;

/// How a word with a phrase reading, whose lexicon entry is `entry`, settles its characters'
/// readings.
pub(crate) fn phrase_settles(
    chars: &[char],
    start: usize,
    end: usize,
    entry: Option<lexicon::Entry>,
) -> Settled {
    let word = &chars[start..end];
    if !word.iter().any(|&c| model_may_read(c)) {
        return Settled::Yes;
    }
    match entry {
        Some(e) if e.frequency() >= TRUSTED_WORD_FREQUENCY => Settled::Yes,
        _ => Settled::Phrase { start, end },
    }
}

/// How sure the model must be (softmax probability over the character's candidate readings) to
/// override a phrase reading. Chosen on CPP dev (5-fold cross-validation over 0.9 … 0.9999): at
/// this level the model's 54 overrides on dev fix 46 items and break 8.
pub const MODEL_OVERRIDE: f32 = 0.9999;

/// Whether the model may read `c`: a polyphone it decides, with more than one reading here, and
/// not in `data/readings/model-settled.tsv`.
fn model_may_read(c: char) -> bool {
    model::is_polyphone(c)
        && CANDIDATE_CHARS.binary_search(&(c as u32)).is_ok()
        && MODEL_SETTLED.binary_search(&(c as u32)).is_err()
}

/// Re-reads with the polyphone model every character of `chars` that it may read
/// (`model_may_read`) and that `settled` leaves open (or to a confident model).
pub(crate) fn apply_model(chars: &[char], readings: &mut [Option<Syllable>], settled: &[Settled]) {
    let targets: Vec<usize> = (0..chars.len())
        .filter(|&i| {
            let open = match settled[i] {
                Settled::No => true,
                Settled::Phrase { .. } => {
                    readings[i].is_some_and(|r| r.tone != crate::syllable::NEUTRAL)
                }
                Settled::Yes => false,
            };
            open && readings[i].is_some() && model_may_read(chars[i])
        })
        .collect();
    let half = MODEL_CONTEXT;
    let bounds = |t: usize| {
        let mut start = t;
        while start > 0 && t - start < half && !ends_sentence(chars[start - 1]) {
            start -= 1;
        }
        let mut end = t + 1;
        while end < chars.len() && end - t <= half && !ends_sentence(chars[end - 1]) {
            end += 1;
        }
        (start, end)
    };
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
    fn phrase_readings_resolve_polyphones() {
        assert_eq!(read("银行"), ["yin2", "hang2"]);
        assert_eq!(read("行走"), ["xing2", "zou3"]);
    }

    #[test]
    fn single_characters_take_their_default_reading() {
        assert_eq!(read("中"), ["zhong1"]);
        assert_eq!(read("的"), ["de5"]);
    }
}

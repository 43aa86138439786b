//! The reading stage as one step: [`read_into`] gives every character of a segmented text its
//! reading, in the precedence stated in the module doc of [`crate::read`] (the user dictionary,
//! a lexicon word's phrase reading, measure words and the other rules, the models, the default).
//! It reads the segmenter's tokens and lexicon entries, and the word classes of
//! [`crate::word_class`]; it never calls the spacing stage.

use std::ops::Range;

use super::{
    apply_context_rules, apply_model, ends_in_erhua, grammar_may_decide, grammar_reading,
    is_doctor, linear, linear_changes, measure_word_reading, next_may_decide, phrase_exception,
    phrase_settles, read_word_with, Settled, TaggedWord,
};
use crate::lexicon::Entry;
use crate::normalise::{normalise_into, Normalised};
use crate::options::ReadingMode;
use crate::segment::{is_han, segment_into, Token, TokenKind};
use crate::syllable::Syllable;
use crate::tables::PhraseException;
use crate::user_dict::UserDictionary;
use crate::word_class::{counts, is_count};

/// Reads `chars` (segmented into `tokens`, with their lexicon `entries`) into `readings`, one
/// per character (`None` for characters without a reading), reusing the buffers `b`.
pub(crate) fn read_into(
    chars: &[char],
    tokens: &[Token],
    entries: &[Option<Entry>],
    user: Option<&UserDictionary>,
    mode: ReadingMode,
    readings: &mut Vec<Option<Syllable>>,
    b: &mut ReadingBuffers,
) {
    let model = mode == ReadingMode::Model;
    read_lexicon(chars, tokens, entries, user, model, readings, b);
    let settled = &b.settled;
    let changes = linear_changes(&linear::Context {
        chars,
        tokens,
        entries,
        readings,
        settled,
    });
    for (i, r) in changes {
        readings[i] = Some(r);
    }
    if model {
        apply_model(chars, readings, settled);
    }
}

/// Working buffers of the lexicon stage of the readings.
#[derive(Default)]
pub(crate) struct ReadingBuffers {
    /// Per character: whether the lexicon or a rule settles its reading (the model leaves it).
    settled: Vec<Settled>,
    word: Vec<Option<Syllable>>,
    phrases: Vec<(usize, usize)>,
    grammar_words: Vec<TaggedWord>,
    /// Filled only for [`lexicon_trace`]: the words and sub-words read by a phrase reading, and
    /// whether each is a whole segment.
    traced: Option<Vec<(usize, usize, bool)>>,
}

/// The lexicon stage of the readings: per character its reading (measure words after numbers,
/// the user dictionary, phrase readings, neighbour rules, grammar rules, else the default) and,
/// when `model`, how far that settles it (`b.settled`).
fn read_lexicon(
    chars: &[char],
    tokens: &[Token],
    entries: &[Option<Entry>],
    user: Option<&UserDictionary>,
    model: bool,
    readings: &mut Vec<Option<Syllable>>,
    b: &mut ReadingBuffers,
) {
    readings.clear();
    readings.resize(chars.len(), None);
    let settled = &mut b.settled;
    settled.clear();
    settled.resize(chars.len(), Settled::No);
    for (k, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Han {
            continue;
        }
        let after_number = k > 0 && tokens[k - 1].kind == TokenKind::Number;
        // 只 also after a count in characters (两只老虎, 这只小狗).
        let zhi_after_count = || {
            chars[t.start] == '只'
                && counts(&tokens[k - 1], chars)
                && zhi_counts(chars, tokens, entries, k)
        };
        if t.end - t.start == 1 && k > 0 && (after_number || zhi_after_count()) {
            if let Some(r) = measure_word_reading(chars[t.start]) {
                settle(readings, settled, t.start, [Some(r)]);
                continue;
            }
        }
        // A reading from the user dictionary wins, and the model leaves it alone.
        if let Some(Some(reading)) = user.and_then(|u| {
            let word: String = chars[t.start..t.end].iter().collect();
            u.get(&word)
        }) {
            settle(readings, settled, t.start, reading.iter().map(|&r| Some(r)));
            continue;
        }
        b.word.clear();
        b.phrases.clear();
        let phrases = &mut b.phrases;
        read_word_with(&chars[t.start..t.end], entries[k], &mut b.word, |s, e| {
            phrases.push((t.start + s, t.start + e))
        });
        readings[t.start..t.end].copy_from_slice(&b.word);
        // A lexicon compound of a count and 只 with no phrase reading (两只, 三只) reads it as
        // after a count of its own.
        if let [count @ .., '只'] = &chars[t.start..t.end] {
            let phrased = phrases.iter().any(|&(_, e)| e == t.end);
            if let (false, true, true, Some(r)) = (
                phrased,
                is_count(count),
                zhi_counts(chars, tokens, entries, k),
                measure_word_reading('只'),
            ) {
                settle(readings, settled, t.end - 1, [Some(r)]);
            }
        }
        if ends_in_erhua(&chars[t.start..t.end], entries[k]) {
            settle(readings, settled, t.end - 1, [Syllable::parse("er5").ok()]);
        }
        apply_context_rules(chars, readings, (t.start, t.end), phrases, model);
        {
            // Sub-words read by a phrase reading keep it (CPP dev: 2 items fewer than letting the
            // model override them when sure, but man pages lose; see `read::MODEL_OVERRIDE`).
            for &(s, e) in phrases.iter() {
                let whole = (s, e) == (t.start, t.end);
                if let Some(traced) = &mut b.traced {
                    traced.push((s, e, whole));
                }
                settled[s..e].fill(if whole {
                    phrase_settles(chars, s, e)
                } else {
                    Settled::Yes
                });
            }
        }
    }
    apply_grammar(chars, tokens, entries, user, readings, b);
}

/// Gives the characters from `start` on the readings `rs`, settled: the polyphone models leave
/// them.
fn settle(
    readings: &mut [Option<Syllable>],
    settled: &mut [Settled],
    start: usize,
    rs: impl IntoIterator<Item = Option<Syllable>>,
) {
    for (k, r) in rs.into_iter().enumerate() {
        readings[start + k] = r;
        settled[start + k] = Settled::Yes;
    }
}

/// Whether a 只 at the end of `tokens[k]`, after a count in characters (两只, 这只, 每只), is the
/// measure word zhī: only when a noun (or an adjective, or a word the lexicon does not tag) comes
/// next (两只老虎, 这只小狗), as 只 "only" comes before verbs (这只是因为, 这只对于). After digits
/// every measure word of `measure-words.tsv` is read as one, without this look.
fn zhi_counts(chars: &[char], tokens: &[Token], entries: &[Option<Entry>], k: usize) -> bool {
    if chars[tokens[k].end - 1] != '只' {
        return false;
    }
    let Some(next) = tokens.get(k + 1).filter(|n| n.kind == TokenKind::Han) else {
        return false;
    };
    let pos = entries[k + 1]
        .filter(|e| e.is_word())
        .map_or("", |e| e.pos());
    next.start == tokens[k].end && (pos.is_empty() || pos.starts_with('n') || pos.starts_with('a'))
}

/// [`grammar_reading`] for the one-character words of its rules (得 地 行 为 …), 一行, the
/// sentence-final particles and words in 吧, and [`is_doctor`] for 大夫 (none given by the user
/// dictionary); the model leaves what they decide.
fn apply_grammar(
    chars: &[char],
    tokens: &[Token],
    entries: &[Option<Entry>],
    user: Option<&UserDictionary>,
    readings: &mut [Option<Syllable>],
    b: &mut ReadingBuffers,
) {
    let decided = |t: &Token| {
        let word = &chars[t.start..t.end];
        t.kind == TokenKind::Han
            && (phrase_exception(word) == Some(PhraseException::Grammar)
                || matches!(word, [c] if grammar_may_decide(*c)
                    && next_may_decide(*c, &chars[t.end..])))
            && user.is_none_or(|u| u.get(&word.iter().collect::<String>()).is_none())
    };
    // Nearly every line has no word ending in a character the rules decide: ruled out by a look
    // at last characters.
    let ends_right = |t: &Token| {
        chars
            .get(t.end.wrapping_sub(1))
            .is_some_and(|&c| grammar_may_decide(c) || c == '夫')
    };
    if !tokens.iter().any(|t| ends_right(t) && decided(t)) {
        return;
    }
    let words = &mut b.grammar_words;
    words.clear();
    // The POS tags from the entries the segmenter found.
    words.extend(
        tokens
            .iter()
            .zip(entries)
            .filter(|(t, _)| t.kind == TokenKind::Han)
            .map(|(t, e)| {
                let pos = e.filter(|e| e.is_word()).map_or("", |e| e.pos());
                (t.start, t.end, pos)
            }),
    );
    let han = tokens.iter().filter(|t| t.kind == TokenKind::Han);
    for (k, t) in han.enumerate().filter(|(_, t)| decided(t)) {
        if is_doctor(chars, words, k) {
            let doctor = [Syllable::parse("dai4").ok(), Syllable::parse("fu5").ok()];
            settle(readings, &mut b.settled, t.start, doctor);
            continue;
        }
        if let Some(r) = grammar_reading(chars, words, k) {
            settle(readings, &mut b.settled, t.end - 1, [Some(r)]);
        }
    }
}

/// What the reading stage knows of one character before the polyphone model runs, for studying
/// the reading policy (`examples/cpp_eval.rs --dump`).
#[doc(hidden)]
#[derive(Clone, Debug)]
pub struct LexiconTrace {
    /// The normalised character.
    pub char: char,
    /// Its reading from the lexicon (phrase, rule or default).
    pub reading: Option<Syllable>,
    /// Whether the model may read the character at all.
    pub model_may_read: bool,
    /// Whether the model may override the character's phrase reading.
    pub model_may_override: bool,
    /// Whether it is one of the polyphones left to their default (`model-settled.tsv`, scope
    /// `all`).
    pub model_settled: bool,
    /// The word `start..end` (normalised indexes) whose phrase reading gave the reading, with
    /// its jieba frequency, and whether the word is a whole segment (else a sub-word).
    pub word: Option<(usize, usize, u32, bool)>,
    /// Settled by a rule or a sub-word's phrase reading (the model never reads it).
    pub fixed: bool,
}

/// [`LexiconTrace`] for every normalised character of `text` (no user dictionary).
#[doc(hidden)]
pub fn lexicon_trace(text: &str) -> Vec<LexiconTrace> {
    let mut norm = Normalised::default();
    normalise_into(text, &mut norm);
    let (mut tokens, mut entries, mut steps) = (Vec::new(), Vec::new(), Vec::new());
    segment_into(&norm.chars, None, &mut tokens, &mut entries, &mut steps);
    let mut readings = Vec::new();
    let mut b = ReadingBuffers {
        traced: Some(Vec::new()),
        ..ReadingBuffers::default()
    };
    read_lexicon(
        &norm.chars,
        &tokens,
        &entries,
        None,
        true,
        &mut readings,
        &mut b,
    );
    let (settled, words) = (b.settled, b.traced.unwrap_or_default());
    let settled_list = |c: char| {
        crate::tables::MODEL_SETTLED
            .binary_search(&(c as u32))
            .is_ok()
    };
    let mut out: Vec<LexiconTrace> = norm
        .chars
        .iter()
        .zip(&readings)
        .zip(&settled)
        .map(|((&c, &reading), s)| LexiconTrace {
            char: c,
            reading,
            model_may_read: super::model_may_read(c),
            model_may_override: super::model_may_override(c),
            model_settled: settled_list(c),
            word: None,
            fixed: *s == Settled::Yes,
        })
        .collect();
    for (s, e, whole) in words {
        let freq = crate::lexicon::lookup_chars(&norm.chars[s..e]).map_or(0, |e| e.frequency());
        for t in &mut out[s..e] {
            t.word = Some((s, e, freq, whole));
            if whole {
                t.fixed = false;
            }
        }
    }
    out
}

/// What the linear polyphone model sees of one character, for training it
/// (`examples/polyphone_features.rs`, `scripts/train-polyphone.py`).
#[doc(hidden)]
#[derive(Clone, Debug)]
pub struct PolyphoneTrace {
    /// The character.
    pub char: char,
    /// Its reading from the lexicon stage (phrase, rule or default), before any model.
    pub reading: Option<Syllable>,
    /// `N` open to the models, `P` read by a whole word's phrase reading (open to a confident
    /// model), `Y` settled by a rule or a sub-word, `-` a character no model reads.
    pub settled: char,
    /// The reading a neighbour rule of the fast mode gives it, if any.
    pub context_rule: Option<Syllable>,
    /// With `P`: the Han characters of g2pM's window outside the word.
    pub outside_han: usize,
    /// g2pM's probabilities of its candidates (the target alone in its window), best first.
    pub g2pm: Vec<(Syllable, f32)>,
    /// The linear model's log-probabilities, in class order (empty when it does not read it).
    pub linear: Vec<(Syllable, f32)>,
    /// The linear model's features.
    pub features: Vec<String>,
}

/// [`PolyphoneTrace`] of the character at `input_index` (in Unicode scalars) of `text`, when it
/// is a Han character (no user dictionary).
#[doc(hidden)]
pub fn polyphone_trace(text: &str, input_index: usize) -> Option<PolyphoneTrace> {
    let mut norm = Normalised::default();
    normalise_into(text, &mut norm);
    let i = norm
        .source
        .iter()
        .position(|&s| s as usize == input_index)?;
    let chars = &norm.chars;
    let (mut tokens, mut entries, mut steps) = (Vec::new(), Vec::new(), Vec::new());
    segment_into(chars, None, &mut tokens, &mut entries, &mut steps);
    let mut readings = Vec::new();
    let mut b = ReadingBuffers::default();
    read_lexicon(chars, &tokens, &entries, None, true, &mut readings, &mut b);
    let settled = &b.settled;
    let cx = linear::Context {
        chars,
        tokens: &tokens,
        entries: &entries,
        readings: &readings,
        settled,
    };
    let may = super::model_may_read(chars[i]);
    let (start, end) = super::model_window(chars, i);
    let han = |r: Range<usize>| chars[r].iter().filter(|&&c| is_han(c)).count();
    let (code, outside) = match settled[i] {
        _ if !may => (
            match settled[i] {
                Settled::No => 'n',
                Settled::Phrase { .. } => 'p',
                Settled::Yes => 'y',
            },
            0,
        ),
        Settled::No => ('N', 0),
        Settled::Phrase { start: ws, end: we } => {
            ('P', han(start..ws.max(start)) + han(we.min(end)..end))
        }
        Settled::Yes => ('Y', 0),
    };
    let mut lp = [0f32; linear::MAX_CLASSES];
    let linear = linear::log_probabilities(&cx, i, &mut lp)
        .map(|classes| {
            classes
                .iter()
                .zip(lp)
                .filter_map(|(&c, p)| Some((Syllable::from_code(c)?, p)))
                .collect()
        })
        .unwrap_or_default();
    Some(PolyphoneTrace {
        char: chars[i],
        reading: readings[i],
        settled: code,
        context_rule: super::context_reading(chars, i),
        outside_han: outside,
        g2pm: crate::model::probabilities(&chars[start..end], i - start),
        linear,
        features: linear::feature_strings(&cx, i),
    })
}

//! Stage 3: readings. Gives every Han character of a word its syllable: the lexicon's phrase
//! reading when the word has one, else the character's most frequent reading.

use crate::lexicon;
use crate::syllable::Syllable;
use crate::tables::{
    CANDIDATE_CHARS, CANDIDATE_CODES, CANDIDATE_OFFSETS, MEASURE_WORDS, READING_BLOCKS,
    READING_BLOCK_INDEX,
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

/// Reads the word `chars` (all Han): one entry per character, `None` for a character without any
/// known reading.
pub fn read_word(chars: &[char], out: &mut Vec<Option<Syllable>>) {
    if chars.len() > 1 {
        let key: String = chars.iter().collect();
        if let Some(reading) = lexicon::lookup(&key)
            .filter(|e| e.is_word())
            .and_then(|e| e.reading())
        {
            let before = out.len();
            out.extend(reading.map(Some));
            if out.len() - before == chars.len() {
                return;
            }
            out.truncate(before);
        }
    }
    out.extend(chars.iter().map(|&c| char_reading(c)));
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

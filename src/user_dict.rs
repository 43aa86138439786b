//! User dictionaries: words (and their readings) that callers add at run time. They win over the
//! built-in lexicon in segmentation and reading, so a vendor fixes a reading without rebuilding.

use std::collections::HashMap;

use crate::segment::is_han;
use crate::syllable::Syllable;
use crate::Error;

/// Words added by the caller, each with an optional reading.
///
/// ```
/// use tongyong::{Format, Translator, UserDictionary};
/// let mut dict = UserDictionary::new();
/// dict.add("长乐", Some("chang2 le4")).unwrap();     // the place name, not zhǎng lè
/// dict.add("李华强", None).unwrap();                 // a name, kept as one word
/// let t = Translator::new().with_user_dictionary(dict);
/// let words = t.to_pinyin("长乐很美");
/// assert_eq!(words[0].pinyin.iter().map(|s| s.unwrap().to_string()).collect::<Vec<_>>(), ["chang2", "le4"]);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserDictionary {
    words: HashMap<String, Option<Vec<Syllable>>>,
    longest: usize,
}

impl UserDictionary {
    /// An empty dictionary.
    pub fn new() -> UserDictionary {
        UserDictionary::default()
    }

    /// Adds `word` (Han characters only), with a reading of one syllable per character written
    /// with tone numbers or tone marks and separated by spaces (`"chang2 le4"`, `"cháng lè"`), or
    /// without a reading (the word is only kept together). A word added again replaces the
    /// earlier entry.
    pub fn add(&mut self, word: &str, reading: Option<&str>) -> Result<(), Error> {
        let chars = word.chars().count();
        if chars == 0 || !word.chars().all(is_han) {
            return Err(Error::InvalidDictionary(format!(
                "word {word:?} must be one or more Han characters"
            )));
        }
        let syllables = match reading {
            None => None,
            Some(r) => {
                let parsed: Result<Vec<Syllable>, _> =
                    r.split_whitespace().map(Syllable::parse).collect();
                let parsed = parsed.map_err(|e| {
                    Error::InvalidDictionary(format!("user dictionary word {word:?}: {e}"))
                })?;
                if parsed.len() != chars {
                    return Err(Error::InvalidDictionary(format!(
                        "word {word:?} has {chars} characters but {} syllables",
                        parsed.len()
                    )));
                }
                Some(parsed)
            }
        };
        self.longest = self.longest.max(chars);
        self.words.insert(word.to_string(), syllables);
        Ok(())
    }

    /// Reads a dictionary in the text form `word [TAB reading]`, one word per line; blank lines
    /// and lines starting with `#` are skipped. An error names the line.
    ///
    /// ```
    /// let d = tongyong::UserDictionary::parse("# place names\n长乐\tchang2 le4\n厦门\n").unwrap();
    /// assert_eq!(d.len(), 2);
    /// assert!(tongyong::UserDictionary::parse("长乐\tchang2").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<UserDictionary, Error> {
        let mut dict = UserDictionary::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (word, reading) = match line.split_once('\t') {
                Some((w, r)) => (w.trim(), Some(r.trim()).filter(|r| !r.is_empty())),
                None => (line.trim(), None),
            };
            dict.add(word, reading).map_err(|e| match e {
                Error::InvalidDictionary(m) => {
                    Error::InvalidDictionary(format!("line {}: {m}", n + 1))
                }
                other => other,
            })?;
        }
        Ok(dict)
    }

    /// Adds every word of `other`, whose entries replace those of the same words here.
    ///
    /// ```
    /// let mut d = tongyong::UserDictionary::parse("长乐\tchang2 le4\n").unwrap();
    /// d.merge(tongyong::UserDictionary::parse("长乐\n厦门\n").unwrap());
    /// assert_eq!((d.len(), d.get("长乐")), (2, Some(None)));
    /// ```
    pub fn merge(&mut self, other: UserDictionary) {
        self.longest = self.longest.max(other.longest);
        self.words.extend(other.words);
    }

    /// The entry of `word`: `Some(reading)` when the word is in the dictionary.
    pub fn get(&self, word: &str) -> Option<Option<&[Syllable]>> {
        self.words.get(word).map(|r| r.as_deref())
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the dictionary has no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The length in characters of the longest word.
    pub fn longest(&self) -> usize {
        self.longest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_entries_are_errors() {
        let mut d = UserDictionary::new();
        assert!(d.add("", None).is_err());
        assert!(d.add("abc", None).is_err());
        assert!(d.add("长乐", Some("chang2")).is_err());
        assert!(d.add("长乐", Some("chang2 xx9")).is_err());
        assert!(d.add("长乐", Some("cháng lè")).is_ok());
        assert_eq!(d.get("长乐").unwrap().unwrap()[0].to_string(), "chang2");
        assert_eq!(d.longest(), 2);
    }
}

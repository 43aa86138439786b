//! Stage 4: word spacing (分词连写). Groups tokens into braille words and decides where blank
//! cells go between them (braille-word-spacing.md).
//!
//! This stage runs before the cells are written because two cell rules look at the braille word:
//! §10.2.7 (an apical syllable before a zero-initial one in the same word keeps its tone) and the
//! abbreviation exception before a zero-initial syllable.

use std::ops::Range;

use crate::segment::{Token, TokenKind};
use crate::syllable::{Syllable, NEUTRAL};
use crate::tables::{PunctClass, PUNCTUATION};

/// What a group of tokens is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    /// A braille word: Han words joined by the spacing rules.
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

fn is_particle_de(token: &Token, chars: &[char], readings: &[Option<Syllable>]) -> bool {
    token.kind == TokenKind::Han
        && token.end - token.start == 1
        && chars[token.start] == '的'
        && readings[token.start].is_some_and(|s| s.tone == NEUTRAL)
}

/// Groups the tokens into braille words: every Han word is a braille word, and the particle 的
/// joins the word before it (R10).
pub fn group(tokens: &[Token], chars: &[char], readings: &[Option<Syllable>]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::with_capacity(tokens.len());
    for (i, t) in tokens.iter().enumerate() {
        let kind = match t.kind {
            TokenKind::Han => GroupKind::Han,
            TokenKind::Latin | TokenKind::Number | TokenKind::Symbol => GroupKind::Code,
            TokenKind::Punct => GroupKind::Punct(
                PUNCTUATION
                    .get(t.mark.unwrap_or(""))
                    .map_or(PunctClass::Other, |p| p.1),
            ),
            TokenKind::Space => GroupKind::Space,
            TokenKind::LineBreak => GroupKind::LineBreak,
            TokenKind::Other => GroupKind::Other,
        };
        if let Some(last) = groups.last_mut() {
            let joins = match (last.kind, kind) {
                // R10: 的 attaches to the word before it.
                (GroupKind::Han | GroupKind::Code, GroupKind::Han) => {
                    is_particle_de(t, chars, readings)
                }
                // Letters, digits and symbols with nothing between them are one unit.
                (GroupKind::Code, GroupKind::Code) => true,
                _ => false,
            };
            if joins {
                last.tokens.end = i + 1;
                if last.kind == GroupKind::Code && kind == GroupKind::Han {
                    last.kind = GroupKind::Han;
                }
                continue;
            }
        }
        groups.push(Group {
            kind,
            tokens: i..i + 1,
        });
    }
    groups
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
        // A blank always follows ，、；： (scheme §6.2): ⠐ must not run into the next cell.
        (Punct(P::Medial), _) => true,
        (_, Punct(P::Open)) => true,
        (_, Punct(_)) => false,
        (Punct(P::Final), _) => blank_after_sentence_end,
        (Punct(_), _) => true,
        _ => true,
    }
}

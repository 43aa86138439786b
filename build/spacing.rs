//! `data/spacing/*.tsv`: the GF 0019-2018 §12.2 example words, the word classes used by the spacing
//! rules, the surname list and the given-name characters.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::tsv::rows;

/// Class names in `classes.tsv`, in the bit order of `Class` in `src/spacing.rs` (the surnames
/// of `surnames.tsv` and the characters of `given-names.tsv` take the next two bits).
const CLASSES: [&str; 19] = [
    "prefix",
    "title",
    "ordinal",
    "suffix",
    "structural",
    "aspect",
    "modal",
    "complement",
    "degree",
    "negation",
    "determiner",
    "localizer",
    "numeral",
    "demonstrative",
    "measure",
    "unit",
    "generic",
    "preposition",
    "auxiliary",
];

pub fn tables(dir: &Path) -> String {
    let mut code = String::new();
    let mut set = phf_codegen::Set::new();
    let words: Vec<String> = rows(&dir.join("gf-words.tsv"))
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    for w in &words {
        set.entry(w.as_str());
    }
    writeln!(code, "/// GF 0019-2018 §12.2 example words.").unwrap();
    writeln!(
        code,
        "pub static GF_WORDS: phf::Set<&'static str> = {};",
        set.build()
    )
    .unwrap();
    let longest = words.iter().map(|w| w.chars().count()).max().unwrap_or(1);
    let mut first: Vec<u32> = words
        .iter()
        .filter_map(|w| w.chars().next())
        .map(|c| c as u32)
        .collect();
    first.sort_unstable();
    first.dedup();
    writeln!(
        code,
        "/// First characters of the GF example words, sorted."
    )
    .unwrap();
    code.push_str(&crate::char_set("GF_FIRST_CHARS", first));
    writeln!(code, "pub const GF_LONGEST: usize = {longest};").unwrap();

    // R17 by context: the words next to a personal name that mark it as one.
    let cue_rows = rows(&dir.join("name-cues.tsv"));
    for r in &cue_rows {
        assert!(
            matches!(r.get(1).map(String::as_str), Some("before" | "after")),
            "name-cues.tsv: {r:?}: side must be before or after"
        );
    }
    for side in ["before", "after"] {
        let mut cues = phf_codegen::Set::new();
        for r in cue_rows.iter().filter(|r| r[1] == side) {
            cues.entry(r[0].as_str());
        }
        let name = format!("NAME_CUES_{}", side.to_uppercase());
        writeln!(
            code,
            "/// `data/spacing/name-cues.tsv`, side `{side}`.\npub static {name}: phf::Set<&'static str> = {};",
            cues.build()
        )
        .unwrap();
    }

    let mut classes: BTreeMap<char, u32> = BTreeMap::new();
    for r in rows(&dir.join("classes.tsv")) {
        let c = r[0].chars().next().unwrap();
        let bit = CLASSES
            .iter()
            .position(|n| *n == r[1])
            .unwrap_or_else(|| panic!("unknown class {}", r[1]));
        *classes.entry(c).or_default() |= 1 << bit;
    }
    // The surnames and the given-name characters are two more classes, after the others
    // (`Class::Surname`, `Class::GivenName`).
    for (file, bit) in [
        ("surnames.tsv", CLASSES.len()),
        ("given-names.tsv", CLASSES.len() + 1),
        ("transliteration.tsv", CLASSES.len() + 2),
    ] {
        for r in rows(&dir.join(file)) {
            let c = r[0].chars().next().unwrap();
            *classes.entry(c).or_default() |= 1 << bit;
        }
    }
    // A dense table by code point (blocks of 256 characters, each character the index of its bit
    // set in CHAR_CLASS_SETS): the spacing rules ask the classes of every single character, and a
    // look-up is two array reads.
    let mut sets: Vec<u32> = vec![0];
    let mut blocks: Vec<[u8; 256]> = Vec::new();
    let last_block = classes.keys().next_back().map_or(0, |&c| c as usize >> 8);
    let mut block_index = vec![u16::MAX; last_block + 1];
    for (&c, &bits) in &classes {
        let set = match sets.iter().position(|&s| s == bits) {
            Some(k) => k,
            None => {
                sets.push(bits);
                sets.len() - 1
            }
        };
        assert!(sets.len() <= 256, "more than 256 distinct class sets");
        let b = c as usize >> 8;
        if block_index[b] == u16::MAX {
            block_index[b] = blocks.len() as u16;
            blocks.push([0; 256]);
        }
        blocks[block_index[b] as usize][c as usize & 0xff] = set as u8;
    }
    writeln!(
        code,
        "/// Word-class bit sets (bit k = `Class` k; 0 = none) of CHAR_CLASS_BLOCKS."
    )
    .unwrap();
    writeln!(
        code,
        "pub static CHAR_CLASS_SETS: [u32; {}] = {sets:?};",
        sets.len()
    )
    .unwrap();
    writeln!(
        code,
        "/// Block of each 256 code points in CHAR_CLASS_BLOCKS (u16::MAX = none)."
    )
    .unwrap();
    writeln!(
        code,
        "pub static CHAR_CLASS_BLOCK_INDEX: [u16; {}] = {block_index:?};",
        block_index.len()
    )
    .unwrap();
    writeln!(
        code,
        "/// Per character of a block: its index in CHAR_CLASS_SETS."
    )
    .unwrap();
    writeln!(
        code,
        "pub static CHAR_CLASS_BLOCKS: [[u8; 256]; {}] = [",
        blocks.len()
    )
    .unwrap();
    for b in &blocks {
        writeln!(code, "{b:?},").unwrap();
    }
    writeln!(code, "];").unwrap();
    code
}

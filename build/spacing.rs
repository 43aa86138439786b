//! `data/spacing/*.tsv`: the GF 0019-2018 §12.2 example words, the word classes used by the spacing
//! rules, and the surname list.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::tsv::rows;

/// Class names in `classes.tsv`, in the bit order of `WordClass` in `src/spacing.rs`.
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
    writeln!(
        code,
        "pub static GF_FIRST_CHARS: [u32; {}] = {:?};",
        first.len(),
        first
    )
    .unwrap();
    writeln!(code, "pub const GF_LONGEST: usize = {longest};").unwrap();

    let mut classes: BTreeMap<char, u32> = BTreeMap::new();
    for r in rows(&dir.join("classes.tsv")) {
        let c = r[0].chars().next().unwrap();
        let bit = CLASSES
            .iter()
            .position(|n| *n == r[1])
            .unwrap_or_else(|| panic!("unknown class {}", r[1]));
        *classes.entry(c).or_default() |= 1 << bit;
    }
    // A sorted array, searched by binary search: faster than a phf map for a table this small,
    // and the spacing rules ask it several times per word.
    let items: Vec<String> = classes
        .iter()
        .map(|(c, b)| format!("({}, {b})", *c as u32))
        .collect();
    writeln!(
        code,
        "/// Word classes of single characters: (code point, bit set of `Class`), sorted."
    )
    .unwrap();
    writeln!(
        code,
        "pub static CHAR_CLASSES: [(u32, u32); {}] = [{}];",
        items.len(),
        items.join(", ")
    )
    .unwrap();

    let mut set = phf_codegen::Set::new();
    let surnames: Vec<char> = rows(&dir.join("surnames.tsv"))
        .iter()
        .map(|r| r[0].chars().next().unwrap())
        .collect();
    for c in &surnames {
        set.entry(*c);
    }
    writeln!(code, "/// Common single-character surnames.").unwrap();
    writeln!(
        code,
        "pub static SURNAMES: phf::Set<char> = {};",
        set.build()
    )
    .unwrap();
    code
}

//! `data/sign/*.tsv`: the National Common Sign Language lexicon (NationalCSL-DP ids and headwords,
//! CC BY 4.0) and the finger alphabet → `sign_tables.rs`, included by `src/sign.rs`.
//!
//! Generated items:
//!
//! * `SIGN_<id>`: one `static SignEntry` per sign, and `SIGN_ENTRIES`, all of them indexed by id.
//! * `SIGN_INDEX`: a `phf::Map` from every headword and every word listed as sharing a sign to the
//!   entries, in variant order.
//! * `FINGER_ROLES`: the pinyin role of each of the 30 handshapes, in the table's order.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::tsv::rows;

/// Rows whose parenthesised part names which of two countries is meant instead of listing words
/// that share the sign: the qualifier stays in the headword and is never a look-up key of its own.
const QUALIFIED: &[(&str, &[&str])] = &[
    ("刚果（布）", &["刚果(布)", "刚果布"]),
    ("刚果（金）", &["刚果(金)", "刚果金"]),
];

/// The finger-alphabet symbols in the order of `FingerLetter` in `src/sign.rs`.
const FINGER_SYMBOLS: [&str; 30] = [
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S",
    "T", "U", "V", "W", "X", "Y", "Z", "ZH", "CH", "SH", "NG",
];

/// A look-up key's candidate entry: (variant of the word in this row, 0 = none; 0 for the
/// headword, 1 for a word sharing the sign; id).
type Candidate = (u8, u8, usize);

fn add(index: &mut BTreeMap<String, Vec<Candidate>>, key: &str, cand: Candidate) {
    let list = index.entry(key.to_string()).or_default();
    if !list.iter().any(|c| c.2 == cand.2) {
        list.push(cand);
    }
}

/// `不孝#2` → ("不孝", Some(2)).
fn split_variant(word: &str) -> (&str, Option<u8>) {
    match word.split_once('#') {
        Some((w, n)) => (w, Some(n.parse().expect("variant number after #"))),
        None => (word, None),
    }
}

pub fn tables(dir: &Path) -> String {
    let mut code = String::new();
    let code = &mut code;

    let rows = rows(&dir.join("cnsl-headwords.tsv"));
    assert_eq!(
        rows[0],
        ["id", "gloss_raw", "headword", "variant", "shares_sign_with"],
        "cnsl-headwords.tsv header"
    );
    let rows = &rows[1..];
    let mut index: BTreeMap<String, Vec<Candidate>> = BTreeMap::new();
    for (k, row) in rows.iter().enumerate() {
        assert_eq!(row.len(), 5, "row {k}: {row:?}");
        let id: usize = row[0].parse().expect("numeric id");
        assert_eq!(id, k, "ids must be 0..N in order");
        let gloss = row[1].as_str();
        let variant: Option<u8> = match row[3].as_str() {
            "" => None,
            n => Some(n.parse().expect("variant number")),
        };
        let qualified = QUALIFIED.iter().find(|(g, _)| *g == gloss);
        let (headword, shared): (&str, Vec<(&str, Option<u8>)>) = match qualified {
            Some((g, aliases)) => {
                add(&mut index, &row[2], (0, 0, id));
                for a in aliases.iter() {
                    add(&mut index, a, (0, 1, id));
                }
                (g, Vec::new())
            }
            None => (
                row[2].as_str(),
                row[4]
                    .split('|')
                    .filter(|w| !w.is_empty())
                    .map(split_variant)
                    .collect(),
            ),
        };
        add(&mut index, headword, (variant.unwrap_or(0), 0, id));
        for (w, v) in &shared {
            add(&mut index, w, (v.unwrap_or(0), 1, id));
        }
        let shared_code: Vec<String> = shared
            .iter()
            .map(|(w, v)| format!("SharedWord {{ word: {w:?}, variant: {v:?} }}"))
            .collect();
        writeln!(
            code,
            "static SIGN_{id}: SignEntry = SignEntry {{ id: {id}, gloss: {gloss:?}, headword: \
             {headword:?}, variant: {variant:?}, shares_sign_with: &[{}] }};",
            shared_code.join(", ")
        )
        .unwrap();
    }
    let refs: Vec<String> = (0..rows.len()).map(|id| format!("&SIGN_{id}")).collect();
    writeln!(
        code,
        "/// Every sign, indexed by its NationalCSL-DP id.\n\
         static SIGN_ENTRIES: [&SignEntry; {}] = [{}];",
        rows.len(),
        refs.join(", ")
    )
    .unwrap();

    let mut map = phf_codegen::Map::new();
    let mut longest = 0;
    for (key, list) in &mut index {
        list.sort();
        longest = longest.max(key.chars().count());
        let items: Vec<String> = list.iter().map(|c| format!("&SIGN_{}", c.2)).collect();
        map.entry(key.as_str(), &format!("&[{}]", items.join(", ")));
    }
    writeln!(
        code,
        "/// Headwords and shared words → entries, in variant order.\n\
         static SIGN_INDEX: phf::Map<&'static str, &'static [&'static SignEntry]> = {};",
        map.build()
    )
    .unwrap();
    writeln!(
        code,
        "/// The longest look-up key, in characters.\nconst SIGN_LONGEST_KEY: usize = {longest};"
    )
    .unwrap();

    let alphabet = rows_of(&dir.join("finger_alphabet.tsv"));
    assert_eq!(alphabet.len(), 30, "finger_alphabet.tsv: 30 handshapes");
    let mut roles = Vec::new();
    for (k, row) in alphabet.iter().enumerate() {
        assert_eq!(row[0], (k + 1).to_string(), "finger_alphabet.tsv order");
        assert_eq!(row[1], FINGER_SYMBOLS[k], "finger_alphabet.tsv symbol");
        roles.push(format!("{:?}", row[3]));
    }
    writeln!(
        code,
        "/// The pinyin role of each handshape (`data/sign/finger_alphabet.tsv`).\n\
         static FINGER_ROLES: [&str; 30] = [{}];",
        roles.join(", ")
    )
    .unwrap();
    code.clone()
}

fn rows_of(path: &Path) -> Vec<Vec<String>> {
    rows(path).into_iter().skip(1).collect()
}

//! Compiles the plain-text tables in `data/` into static Rust data (see `src/tables.rs`).
//! One file per table family:
//!
//! * `braille.rs`: `data/braille/*.tsv` → small arrays and `phf` maps (`braille_tables.rs`).
//! * `readings.rs`: per-character readings (the `pinyin` crate's pinyin-data, reordered by
//!   `data/readings/char-order.tsv`) → dense blocks of syllable codes (`char_readings.rs`), and
//!   the measure-word readings (`measure_words.rs`), the polyphones the model leaves
//!   (`model_settled.rs`), the neighbour rules of the fast reading mode (`context_rules.rs`) and
//!   the words whose phrase reading a later step may change (`phrase_exceptions.rs`).
//! * `lexicon.rs`: `data/lexicon/words.tsv` → one byte blob holding the words and their prefixes
//!   as a trie (the children of each entry in a hash block of their own), with frequencies, POS
//!   tags and readings
//!   (`lexicon.bin`), read without parsing at start-up.
//! * `spacing.rs`: `data/spacing/*.tsv` → the word classes and word lists of the spacing rules.
//! * `sign.rs`: `data/sign/*.tsv` → the sign lexicon as static entries and a `phf` map of its
//!   headwords and shared words, and the finger-alphabet roles (`sign_tables.rs`).
//! * `g2pm.rs`: `data/g2pm/` → the polyphone model's weights and vocabularies (`g2pm.rs`,
//!   `g2pm_projection.bin`).
//! * `polyphone.rs`: `data/polyphone/` → the linear polyphone model's hashed feature keys and
//!   int8 weights (`linear.rs`, `linear_keys.bin`, `linear_weights.bin`).

use std::env;
use std::fs;
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "../src/syllable.rs"]
mod syllable;

mod braille;
#[path = "../src/read/feature_hash.rs"]
mod feature_hash;
mod g2pm;
mod lexicon;
#[path = "../src/lexicon/keys.rs"]
mod lexicon_keys;
mod polyphone;
mod readings;
#[path = "../src/read/rule_key.rs"]
mod rule_key;
mod sign;
mod spacing;
#[path = "../src/tables/keys.rs"]
mod table_keys;
mod tsv;

/// Rust source for the static `name`, a `CharSet` of `chars` (see `src/tables.rs`): a bitmap of
/// the main CJK block and the other characters sorted.
pub(crate) fn char_set(name: &str, chars: impl IntoIterator<Item = u32>) -> String {
    let mut cjk = [0u64; table_keys::CJK_WORDS];
    let mut others: Vec<u32> = Vec::new();
    for c in chars {
        match table_keys::cjk_bit(c) {
            Some((word, bit)) => cjk[word] |= bit,
            None => others.push(c),
        }
    }
    others.sort_unstable();
    others.dedup();
    format!("pub static {name}: CharSet = CharSet {{ cjk: {cjk:?}, others: &{others:?} }};\n")
}

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    let data = manifest.join("data");
    println!("cargo:rerun-if-changed=src/syllable.rs");
    println!("cargo:rerun-if-changed=src/lexicon/keys.rs");
    println!("cargo:rerun-if-changed=src/read/rule_key.rs");
    println!("cargo:rerun-if-changed=src/read/feature_hash.rs");
    println!("cargo:rerun-if-changed=build");

    fs::write(
        out.join("braille_tables.rs"),
        braille::tables(&data.join("braille")),
    )
    .unwrap();
    fs::write(
        out.join("measure_words.rs"),
        readings::measure_words(&data.join("readings/measure-words.tsv")),
    )
    .unwrap();
    fs::write(
        out.join("model_settled.rs"),
        readings::model_settled(&data.join("readings/model-settled.tsv")),
    )
    .unwrap();
    fs::write(
        out.join("context_rules.rs"),
        readings::context_rules(&data.join("readings/context-rules.tsv")),
    )
    .unwrap();
    let order = readings::char_order(&data.join("readings/char-order.tsv"));
    fs::write(
        out.join("char_readings.rs"),
        readings::char_readings(&order),
    )
    .unwrap();
    fs::write(out.join("g2pm.rs"), g2pm::tables(&data.join("g2pm"), &out)).unwrap();
    fs::write(
        out.join("linear.rs"),
        polyphone::tables(&data.join("polyphone"), &out),
    )
    .unwrap();
    let curated = [
        data.join("readings/neutral.tsv"),
        data.join("readings/phrase-corrections.tsv"),
    ];
    fs::write(
        out.join("phrase_exceptions.rs"),
        readings::phrase_exceptions(&data.join("readings/phrase-exceptions.tsv")),
    )
    .unwrap();
    let (blob, pos_names, chars) =
        lexicon::blob(&data.join("lexicon/words.tsv"), &[&curated[0], &curated[1]]);
    fs::write(out.join("lexicon.bin"), blob).unwrap();
    fs::write(out.join("lexicon_chars.rs"), chars).unwrap();
    fs::write(
        out.join("lexicon_pos.rs"),
        format!(
            "/// POS tag names by id.\npub static LEXICON_POS: [&str; {}] = {:?};\n",
            pos_names.len(),
            pos_names
        ),
    )
    .unwrap();
    fs::write(
        out.join("spacing_tables.rs"),
        spacing::tables(&data.join("spacing")),
    )
    .unwrap();
    fs::write(out.join("sign_tables.rs"), sign::tables(&data.join("sign"))).unwrap();
}

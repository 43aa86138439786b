//! Per-character readings and the measure-word readings.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use crate::rule_key::context_key;
use crate::syllable::Syllable;
use crate::tsv::rows;

/// `measure-words.tsv`: char → syllable code of its measure-word reading.
pub fn measure_words(path: &Path) -> String {
    let mut code = String::new();
    let mut map = phf_codegen::Map::new();
    let entries: Vec<(char, String)> = rows(path)
        .iter()
        .map(|r| {
            (
                r[0].chars().next().unwrap(),
                Syllable::parse(&r[1]).unwrap().code().to_string(),
            )
        })
        .collect();
    for (c, v) in &entries {
        map.entry(*c, v.as_str());
    }
    writeln!(code, "/// Measure-word readings used after a number.").unwrap();
    writeln!(
        code,
        "pub static MEASURE_WORDS: phf::Map<char, u16> = {};",
        map.build()
    )
    .unwrap();
    code
}

/// `char-order.tsv`: char → readings, most frequent first (written by scripts/regen-data.py).
pub fn char_order(path: &Path) -> HashMap<char, Vec<Syllable>> {
    let mut order = HashMap::new();
    if !path.exists() {
        println!("cargo:rerun-if-changed={}", path.display());
        return order;
    }
    for r in rows(path) {
        let Some(c) = r[0].chars().next() else {
            continue;
        };
        let readings: Vec<Syllable> = r[1]
            .split(' ')
            .filter_map(|p| Syllable::parse(p).ok())
            .collect();
        order.insert(c, readings);
    }
    order
}

/// Per-character readings as blocks of 256 code points: the default reading's syllable code for
/// each character (0 = no reading) and, for polyphonic characters, all candidates.
pub fn char_readings(order: &HashMap<char, Vec<Syllable>>) -> String {
    let mut code = String::new();
    use pinyin::ToPinyinMulti;
    const LAST: u32 = 0x323AF;
    let mut blocks: Vec<[u16; 256]> = Vec::new();
    let mut block_index = vec![u16::MAX; (LAST as usize >> 8) + 1];
    let mut candidates: BTreeMap<u32, Vec<u16>> = BTreeMap::new();
    let mut unparsed = 0;
    for cp in 0x2E80..=LAST {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let mut readings: Vec<Syllable> = Vec::new();
        if let Some(multi) = c.to_pinyin_multi() {
            for p in multi {
                match Syllable::parse(p.with_tone_num_end()) {
                    Ok(s) if !readings.contains(&s) => readings.push(s),
                    Ok(_) => {}
                    Err(_) => unparsed += 1,
                }
            }
        }
        if let Some(preferred) = order.get(&c) {
            // Frequent readings first, then the rest in pinyin-data order.
            let mut reordered: Vec<Syllable> = preferred.clone();
            reordered.extend(readings.iter().filter(|s| !preferred.contains(s)));
            readings = reordered;
        }
        if readings.is_empty() {
            continue;
        }
        let b = (cp >> 8) as usize;
        if block_index[b] == u16::MAX {
            block_index[b] = blocks.len() as u16;
            blocks.push([0; 256]);
        }
        blocks[block_index[b] as usize][(cp & 0xff) as usize] = readings[0].code();
        if readings.len() > 1 {
            candidates.insert(cp, readings.iter().map(Syllable::code).collect());
        }
    }
    if unparsed > 2 {
        // pinyin-data 0.15 has two readings outside Hanyu Pinyin (ê̄ ê̌ style); more means a data change.
        println!("cargo:warning=char readings: {unparsed} readings could not be parsed");
    }
    writeln!(
        code,
        "pub static READING_BLOCK_INDEX: [u16; {}] = {:?};",
        block_index.len(),
        block_index
    )
    .unwrap();
    writeln!(
        code,
        "pub static READING_BLOCKS: [[u16; 256]; {}] = [",
        blocks.len()
    )
    .unwrap();
    for b in &blocks {
        writeln!(code, "{b:?},").unwrap();
    }
    writeln!(code, "];").unwrap();
    // Candidates: sorted code points with offsets into one array of syllable codes.
    let mut keys = Vec::new();
    let mut offsets = Vec::new();
    let mut all: Vec<u16> = Vec::new();
    for (cp, list) in &candidates {
        keys.push(*cp);
        offsets.push(all.len() as u32);
        all.extend(list);
    }
    offsets.push(all.len() as u32);
    writeln!(
        code,
        "pub static CANDIDATE_CHARS: [u32; {}] = {:?};",
        keys.len(),
        keys
    )
    .unwrap();
    writeln!(
        code,
        "pub static CANDIDATE_OFFSETS: [u32; {}] = {:?};",
        offsets.len(),
        offsets
    )
    .unwrap();
    writeln!(
        code,
        "pub static CANDIDATE_CODES: [u16; {}] = {:?};",
        all.len(),
        all
    )
    .unwrap();
    code
}

/// `model-settled.tsv`: the polyphones the model leaves to their default reading (scope `all`)
/// and those whose phrase readings it never overrides (scope `words`, and `all`), as sorted code
/// points (written by scripts/model-settled.py).
pub fn model_settled(path: &Path) -> String {
    let table = |scopes: &[&str]| {
        let mut chars: Vec<u32> = rows(path)
            .iter()
            .filter(|r| scopes.contains(&r.get(3).map_or("all", |s| s.as_str())))
            .filter_map(|r| r[0].chars().next())
            .map(|c| c as u32)
            .collect();
        chars.sort_unstable();
        chars
    };
    let (all, words) = (table(&["all"]), table(&["all", "words"]));
    format!(
        "/// Polyphones the model leaves to their default reading.\npub static MODEL_SETTLED: [u32; {}] = {:?};\n\
         /// Polyphones whose phrase readings the model never overrides.\npub static MODEL_SETTLED_IN_WORDS: [u32; {}] = {:?};\n",
        all.len(),
        all,
        words.len(),
        words
    )
}

/// `context-rules.tsv`: (char, neighbour, side) → syllable code, as sorted keys with parallel
/// codes, and the sorted characters that have rules (written by scripts/context-rules.py).
pub fn context_rules(path: &Path) -> String {
    let mut rules: Vec<(u64, u16)> = rows(path)
        .iter()
        .map(|r| {
            let c = r[0].chars().next().unwrap();
            let neighbour = r[1].chars().next().unwrap();
            let after = match r[2].as_str() {
                "before" => false,
                "after" => true,
                side => panic!("context-rules.tsv: bad side {side:?}"),
            };
            let code = Syllable::parse(&r[3]).unwrap().code();
            (context_key(c, neighbour, after), code)
        })
        .collect();
    rules.sort_unstable();
    rules.dedup_by_key(|r| r.0);
    let mut chars: Vec<u32> = rules.iter().map(|r| (r.0 >> 22) as u32).collect();
    chars.dedup();
    let keys: Vec<u64> = rules.iter().map(|r| r.0).collect();
    let codes: Vec<u16> = rules.iter().map(|r| r.1).collect();
    format!(
        "/// Characters with context rules.\n{}\
         /// Context rule keys (char << 22 | neighbour << 1 | after), sorted.\n\
         pub static CONTEXT_RULE_KEYS: [u64; {}] = {:?};\n\
         /// Context rule readings (syllable codes), parallel to the keys.\n\
         pub static CONTEXT_RULE_CODES: [u16; {}] = {:?};\n",
        crate::char_set("CONTEXT_RULE_CHARS", chars),
        keys.len(),
        keys,
        codes.len(),
        codes
    )
}

/// `phrase-exceptions.tsv`: the lexicon words whose phrase reading a later step may change, as a
/// `phf` map from the word (`*X` for every word ending in X) to that step.
pub fn phrase_exceptions(path: &Path) -> String {
    let mut map = phf_codegen::Map::new();
    let mut seen = std::collections::BTreeSet::new();
    for r in rows(path) {
        let [word, step, example, reason] = r.as_slice() else {
            panic!("phrase-exceptions.tsv: want 4 columns, got {r:?}");
        };
        assert!(
            !example.is_empty() && !reason.is_empty(),
            "phrase-exceptions.tsv: {word}: example and reason are required"
        );
        assert!(
            seen.insert(word.clone()),
            "phrase-exceptions.tsv: {word} twice"
        );
        let value = match step.as_str() {
            "grammar" => "PhraseException::Grammar",
            "model" => "PhraseException::Model",
            other => panic!("phrase-exceptions.tsv: {word}: unknown step {other:?}"),
        };
        map.entry(word.clone(), value);
    }
    format!(
        "/// The lexicon words whose phrase reading a later step may change\n\
         /// (`data/readings/phrase-exceptions.tsv`; `*X` is every word ending in X).\n\
         pub static PHRASE_EXCEPTIONS: phf::Map<&'static str, PhraseException> = {};\n",
        map.build()
    )
}

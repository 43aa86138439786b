//! `data/braille/*.tsv`: cells of initials, finals, tones, punctuation, abbreviations, the
//! tone-retention list and the BRF code.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::syllable::{Final, Initial, Syllable};
use crate::table_keys::{punctuation_slot, PUNCTUATION_SLOT_BITS};
use crate::tsv::{bytes_literal, cells, dots, rows};

/// The first odd multiplier that gives each of `codes` a slot of its own.
fn punctuation_multiplier(codes: &[u32]) -> u32 {
    assert!(
        codes.len() < 1 << PUNCTUATION_SLOT_BITS,
        "too many one-character marks"
    );
    (0x9E37_79B1u32..)
        .step_by(2)
        .find(|&m| {
            let mut seen = 0u64;
            codes.iter().all(|&c| {
                let bit = 1u64 << punctuation_slot(c, m);
                let free = seen & bit == 0;
                seen |= bit;
                free
            })
        })
        .expect("a multiplier")
}

pub fn tables(dir: &Path) -> String {
    let mut code = String::new();
    let code = &mut code;
    let initials: HashMap<String, u8> = rows(&dir.join("initials.tsv"))
        .into_iter()
        .map(|r| (r[0].clone(), dots(&r[1])))
        .collect();
    let initial_cells: Vec<String> = Initial::ALL
        .iter()
        .map(|i| format!("0x{:02x}", initials[i.as_str()]))
        .collect();
    writeln!(code, "/// Cell of each initial, in `Initial::ALL` order.").unwrap();
    writeln!(
        code,
        "pub static INITIAL_CELLS: [u8; 21] = [{}];",
        initial_cells.join(", ")
    )
    .unwrap();

    let finals: HashMap<String, u8> = rows(&dir.join("finals.tsv"))
        .into_iter()
        .map(|r| (r[0].clone(), dots(&r[1])))
        .collect();
    let final_cells: Vec<String> = Final::ALL
        .iter()
        .map(|f| {
            format!(
                "0x{:02x}",
                finals
                    .get(f.name())
                    .unwrap_or_else(|| panic!("no cell for final {}", f.name()))
            )
        })
        .collect();
    writeln!(
        code,
        "/// Cell of each final, in `Final::ALL` order (0 = not written)."
    )
    .unwrap();
    writeln!(
        code,
        "pub static FINAL_CELLS: [u8; {}] = [{}];",
        final_cells.len(),
        final_cells.join(", ")
    )
    .unwrap();

    let tones: HashMap<String, u8> = rows(&dir.join("tones.tsv"))
        .into_iter()
        .map(|r| (r[0].clone(), dots(&r[1])))
        .collect();
    let tone_cells: Vec<String> = (1..=4)
        .map(|t| format!("0x{:02x}", tones[&t.to_string()]))
        .collect();
    writeln!(code, "/// Cells of tones 1–4.").unwrap();
    writeln!(
        code,
        "pub static TONE_CELLS: [u8; 4] = [{}];",
        tone_cells.join(", ")
    )
    .unwrap();

    // Punctuation: mark → (cells, class)
    let mut map = phf_codegen::Map::new();
    let mut entries = Vec::new();
    for r in rows(&dir.join("punctuation.tsv")) {
        let class = match r[2].as_str() {
            "open" => "PunctClass::Open",
            "close" => "PunctClass::Close",
            "medial" => "PunctClass::Medial",
            "final" => "PunctClass::Final",
            "joiner" => "PunctClass::Joiner",
            "other" => "PunctClass::Other",
            c => panic!("unknown punctuation class {c}"),
        };
        entries.push((
            r[0].clone(),
            format!("({}, {class})", bytes_literal(&cells(&r[1]))),
        ));
    }
    for (k, v) in &entries {
        map.entry(k.as_str(), v.as_str());
    }
    writeln!(code, "/// Punctuation marks: cells and spacing class.").unwrap();
    writeln!(
        code,
        "pub static PUNCTUATION: phf::Map<&'static str, (&'static [u8], PunctClass)> = {};",
        map.build()
    )
    .unwrap();
    // The same marks for the hot paths (segmentation, spacing, cells): the one-character marks
    // sorted by code point for a binary search, the longer ones in a short list. Hashing a string
    // per mark with phf's SipHash cost more than the rest of the punctuation handling.
    let mut single: Vec<(u32, &str, &str)> = Vec::new();
    let mut long: Vec<(&str, &str)> = Vec::new();
    for (k, v) in &entries {
        let mut chars = k.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => single.push((c as u32, k, v)),
            _ => long.push((k, v)),
        }
    }
    single.sort_unstable();
    writeln!(
        code,
        "/// One-character punctuation marks by code point (sorted): key, cells and spacing class."
    )
    .unwrap();
    writeln!(
        code,
        "pub static PUNCTUATION_CHARS: [(u32, &str, PunctEntry); {}] = [",
        single.len()
    )
    .unwrap();
    for (c, k, v) in &single {
        writeln!(code, "    ({c}, {k:?}, {v}),").unwrap();
    }
    writeln!(code, "];").unwrap();
    // A perfect hash over them: segmentation asks it of every symbol, and man pages are full of
    // ASCII symbols that are no mark of the table.
    let codes: Vec<u32> = single.iter().map(|s| s.0).collect();
    let multiplier = punctuation_multiplier(&codes);
    let mut slots = [u8::MAX; 1 << PUNCTUATION_SLOT_BITS];
    for (k, &c) in codes.iter().enumerate() {
        slots[punctuation_slot(c, multiplier)] = k as u8;
    }
    writeln!(
        code,
        "/// The multiplier of `punctuation_slot`, chosen by the build so that no two one-character \
         marks share a slot.\npub const PUNCTUATION_MULTIPLIER: u32 = {multiplier};\n\
         /// Per slot, the index in [`PUNCTUATION_CHARS`] of the mark there (255: none).\n\
         pub static PUNCTUATION_SLOTS: [u8; {}] = {slots:?};",
        slots.len()
    )
    .unwrap();
    writeln!(
        code,
        "/// Punctuation marks of more than one character: key, cells and spacing class."
    )
    .unwrap();
    writeln!(
        code,
        "pub static PUNCTUATION_LONG: [(&str, PunctEntry); {}] = [",
        long.len()
    )
    .unwrap();
    for (k, v) in &long {
        writeln!(code, "    ({k:?}, {v}),").unwrap();
    }
    writeln!(code, "];").unwrap();
    let mut firsts: Vec<char> = long.iter().filter_map(|(k, _)| k.chars().next()).collect();
    firsts.sort_unstable();
    firsts.dedup();
    writeln!(
        code,
        "/// The first characters of [`PUNCTUATION_LONG`].\n\
         pub static PUNCTUATION_LONG_FIRST: [char; {}] = {firsts:?};",
        firsts.len()
    )
    .unwrap();
    let longest = entries
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(1);
    writeln!(code, "pub const LONGEST_PUNCTUATION: usize = {longest};").unwrap();

    // ASCII symbols in Chinese text: code point → cells, sorted for a binary search.
    let mut symbols: Vec<(u32, Vec<u8>)> = rows(&dir.join("symbols.tsv"))
        .iter()
        .map(|r| {
            let mut chars = r[0].chars();
            let c = chars.next().expect("an empty symbol");
            assert!(
                chars.next().is_none() && c.is_ascii_graphic(),
                "symbols.tsv: {:?}",
                r[0]
            );
            assert!(
                matches!(r[3].as_str(), "CERTAIN" | "INFERRED" | "UNKNOWN"),
                "symbols.tsv: confidence of {c:?}"
            );
            (c as u32, cells(&r[1]))
        })
        .collect();
    symbols.sort_unstable();
    writeln!(
        code,
        "/// ASCII symbols in Chinese text (`data/braille/symbols.tsv`, sorted): code point, cells.\n\
         pub static SYMBOLS: [(u32, &[u8]); {}] = [",
        symbols.len()
    )
    .unwrap();
    for (c, cs) in &symbols {
        writeln!(code, "    ({c}, {}),", bytes_literal(cs)).unwrap();
    }
    writeln!(code, "];").unwrap();

    // Abbreviations: char → (syllable code, [national, before zero initial, current toned, current untoned])
    let mut map = phf_codegen::Map::new();
    let mut entries = Vec::new();
    for r in rows(&dir.join("abbreviations.tsv")) {
        let c = r[0].chars().next().unwrap();
        let s = Syllable::parse(&r[1]).unwrap();
        let forms: Vec<String> = r[2..6]
            .iter()
            .map(|f| {
                if f == "-" {
                    "&[]".to_string()
                } else {
                    bytes_literal(&cells(f))
                }
            })
            .collect();
        entries.push((c, format!("({}, [{}])", s.code(), forms.join(", "))));
    }
    for (k, v) in &entries {
        map.entry(*k, v.as_str());
    }
    writeln!(
        code,
        "/// Abbreviated characters: reading and their forms (empty = the plain syllable)."
    )
    .unwrap();
    writeln!(
        code,
        "pub static ABBREVIATIONS: phf::Map<char, (u16, [&'static [u8]; 4])> = {};",
        map.build()
    )
    .unwrap();

    let mut chars: Vec<u32> = entries.iter().map(|(c, _)| *c as u32).collect();
    chars.sort_unstable();
    writeln!(
        code,
        "/// The abbreviated characters, sorted (a quick test before the map)."
    )
    .unwrap();
    writeln!(
        code,
        "pub static ABBREVIATION_CHARS: [u32; {}] = {:?};",
        chars.len(),
        chars
    )
    .unwrap();

    // Tone retention (10.2.8): word → syllable codes
    let mut map = phf_codegen::Map::new();
    let mut entries = Vec::new();
    for r in rows(&dir.join("tone-retention.tsv")) {
        let codes: Vec<String> = r[1]
            .split(' ')
            .map(|p| Syllable::parse(p).unwrap().code().to_string())
            .collect();
        entries.push((r[0].clone(), format!("&[{}]", codes.join(", "))));
    }
    for (k, v) in &entries {
        map.entry(k.as_str(), v.as_str());
    }
    let mut chars: Vec<u32> = entries
        .iter()
        .flat_map(|(w, _)| w.chars())
        .map(|c| c as u32)
        .collect();
    chars.sort_unstable();
    chars.dedup();
    writeln!(
        code,
        "/// Every character of the retention list, sorted (a quick test before the map)."
    )
    .unwrap();
    writeln!(
        code,
        "pub static TONE_RETENTION_CHARS: [u32; {}] = {:?};",
        chars.len(),
        chars
    )
    .unwrap();
    writeln!(
        code,
        "/// Words whose syllables keep their tone cell (reported §10.2.8)."
    )
    .unwrap();
    writeln!(
        code,
        "pub static TONE_RETENTION: phf::Map<&'static str, &'static [u16]> = {};",
        map.build()
    )
    .unwrap();

    // BRF: cell → ASCII
    let mut brf = [0u8; 64];
    let mut seen = [false; 64];
    for r in rows(&dir.join("brf.tsv")) {
        let ascii = if r[0] == "sp" {
            b' '
        } else {
            r[0].as_bytes()[0]
        };
        let cell = dots(&r[1]);
        assert!(
            cell < 64 && !seen[cell as usize],
            "brf.tsv: cell {} twice",
            r[1]
        );
        seen[cell as usize] = true;
        brf[cell as usize] = ascii;
    }
    assert!(seen.iter().all(|s| *s), "brf.tsv must define all 64 cells");
    writeln!(
        code,
        "/// North American ASCII braille character of each 6-dot cell."
    )
    .unwrap();
    writeln!(code, "pub static BRF: [u8; 64] = {brf:?};").unwrap();
    // The inverse, for the letters and symbols of every Latin run (a search of BRF per letter
    // cost more than the rest of the run's cells); the first cell of a character wins.
    let mut cells = [u8::MAX; 128];
    for (cell, &ascii) in brf.iter().enumerate().rev() {
        assert!(ascii < 128, "brf.tsv: {ascii} is not ASCII");
        cells[ascii as usize] = cell as u8;
    }
    writeln!(
        code,
        "/// The cell of each ASCII character in BRF (u8::MAX = none)."
    )
    .unwrap();
    writeln!(code, "pub static BRF_CELLS: [u8; 128] = {cells:?};").unwrap();
    code.clone()
}

//! `data/polyphone/` → the linear polyphone model's tables (`linear.rs`, `linear_table.bin`,
//! `linear_weights.bin`), read by `src/read/linear.rs`. The feature hashes of all characters go
//! into one open-addressing table (`feature_hash::slot`, linear probing, load ≤ 5/8): per slot
//! the hash and the character number with the row of its weights.
//!
//! `weights.bin` (written by `scripts/train-polyphone.py`, little-endian): the magic `TYLIN001`,
//! the hash of [`feature_hash::PROBE`] (so that a file hashed another way is refused), the number
//! of characters, then per character its code point (u32), its number of readings K (u8), its
//! weight scale (f32), its number of features N (u32), the N feature hashes sorted (u32) and N × K
//! int8 weights. `classes.tsv` gives each character's readings in class order, and whether the
//! model leads for it (`1`: it decides the character's open readings in both modes) and whether it
//! re-reads it when sure although g2pM does not read it (`1`).

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use crate::feature_hash;
use crate::syllable::Syllable;
use crate::tsv::rows;

/// Writes the binary tables into `out` and returns the Rust source of the others.
pub fn tables(dir: &Path, out: &Path) -> String {
    let table = rows(&dir.join("classes.tsv"));
    let leads: Vec<u32> = table
        .iter()
        .filter(|r| r[0] != "char" && r.get(2).is_some_and(|l| l == "1"))
        .map(|r| r[0].chars().next().unwrap() as u32)
        .collect();
    let sure: Vec<u32> = table
        .iter()
        .filter(|r| r[0] != "char" && r.get(3).is_some_and(|l| l == "1"))
        .map(|r| r[0].chars().next().unwrap() as u32)
        .collect();
    let classes: Vec<(char, Vec<u16>)> = table
        .iter()
        .filter(|r| r[0] != "char")
        .map(|r| {
            let c = r[0].chars().next().unwrap();
            let codes = r[1]
                .split(' ')
                .map(|s| {
                    Syllable::parse(s)
                        .unwrap_or_else(|e| panic!("classes.tsv: {c} {s}: {e:?}"))
                        .code()
                })
                .collect();
            (c, codes)
        })
        .collect();
    let path = dir.join("weights.bin");
    println!("cargo:rerun-if-changed={}", path.display());
    let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut at = 0;
    let mut take = |n: usize| {
        let s = &bytes[at..at + n];
        at += n;
        s
    };
    assert_eq!(
        take(8),
        b"TYLIN001",
        "data/polyphone/weights.bin: bad magic"
    );
    let u32_of = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    assert_eq!(
        u32_of(take(4)),
        feature_hash::fnv_str(feature_hash::PROBE),
        "data/polyphone/weights.bin: features hashed another way than src/read/feature_hash.rs"
    );
    let count = u32_of(take(4)) as usize;
    assert_eq!(count, classes.len(), "weights.bin and classes.tsv disagree");
    let (mut keys, mut weights, mut class_codes) = (Vec::new(), Vec::new(), Vec::new());
    let mut info = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut widest = 2;
    for (c, codes) in &classes {
        let cp = u32_of(take(4));
        assert_eq!(cp, *c as u32, "weights.bin and classes.tsv: order");
        let width = take(1)[0] as usize;
        assert_eq!(width, codes.len(), "{c}: number of classes");
        let b = take(4);
        let scale = f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let n = u32_of(take(4)) as usize;
        let key_start = keys.len() / 4;
        spans.push((key_start, key_start + n));
        let ks = take(4 * n);
        let decoded: Vec<u32> = ks.chunks_exact(4).map(u32_of).collect();
        assert!(
            decoded.windows(2).all(|w| w[0] < w[1]),
            "{c}: keys must be sorted and distinct"
        );
        keys.extend_from_slice(ks);
        let weight_start = weights.len();
        weights.extend_from_slice(take(n * width));
        info.push(format!(
            "({key_start}, {}, {weight_start}, {}, {width}, {scale:e}_f32)",
            key_start + n,
            class_codes.len()
        ));
        class_codes.extend_from_slice(codes);
        widest = widest.max(width);
    }
    assert_eq!(at, bytes.len(), "weights.bin: trailing bytes");
    // One open-addressing table of every character's keys: a feature costs one or two probes
    // at run time, not a binary search.
    let total = keys.len() / 4;
    let mut bits = 4;
    while (1usize << bits) * 5 < total * 8 {
        bits += 1;
    }
    let mask = (1usize << bits) - 1;
    let mut table = vec![(0u32, 0u32); 1 << bits];
    for (m, (k0, k1)) in spans.iter().enumerate() {
        assert!(
            m < 1 << (32 - feature_hash::ROW_BITS),
            "too many characters"
        );
        assert!(
            k1 - k0 < (1 << feature_hash::ROW_BITS) - 1,
            "too many features"
        );
        for k in *k0..*k1 {
            let h = u32_of(&keys[4 * k..4 * k + 4]);
            let mut s = feature_hash::slot(h, m as u32, bits);
            while table[s].1 != 0 {
                s = (s + 1) & mask;
            }
            table[s] = (
                h,
                (m as u32) << feature_hash::ROW_BITS | (k - k0 + 1) as u32,
            );
        }
    }
    let mut blob = Vec::with_capacity(table.len() * 8);
    for (h, packed) in &table {
        blob.extend_from_slice(&h.to_le_bytes());
        blob.extend_from_slice(&packed.to_le_bytes());
    }
    fs::write(out.join("linear_table.bin"), &blob).unwrap();
    fs::write(out.join("linear_weights.bin"), &weights).unwrap();
    let cps: Vec<u32> = classes.iter().map(|(c, _)| *c as u32).collect();
    let mut s = String::new();
    s.push_str("/// The characters of the linear polyphone model.\n");
    s.push_str(&crate::char_set("LINEAR_SET", cps.iter().copied()));
    s.push_str(
        "/// The characters it decides alone in both modes (trained on g2pL and CPP dev).\n",
    );
    s.push_str(&crate::char_set("LINEAR_LEADS", leads));
    s.push_str("/// The characters g2pM does not read that it re-reads when sure.\n");
    s.push_str(&crate::char_set("LINEAR_SURE_SET", sure));
    writeln!(
        s,
        "/// The characters of the linear polyphone model, sorted."
    )
    .unwrap();
    writeln!(
        s,
        "pub static LINEAR_CHARS: [u32; {}] = {cps:?};",
        cps.len()
    )
    .unwrap();
    writeln!(
        s,
        "/// Per character: its keys (start, end), its first weight, its first class, its number \
         of classes and its weight scale.\npub static LINEAR_INFO: [(u32, u32, u32, u16, u8, f32); {}] = [{}];",
        info.len(),
        info.join(", ")
    )
    .unwrap();
    writeln!(
        s,
        "/// The syllable codes of the classes.\npub static LINEAR_CLASSES: [u16; {}] = {class_codes:?};",
        class_codes.len()
    )
    .unwrap();
    writeln!(
        s,
        "/// The feature table has 2^LINEAR_TABLE_BITS slots.\npub const LINEAR_TABLE_BITS: u32 = {bits};"
    )
    .unwrap();
    writeln!(
        s,
        "/// The most classes of a character.\npub const LINEAR_WIDEST: usize = {widest};"
    )
    .unwrap();
    s
}

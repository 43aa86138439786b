//! `data/g2pm/` → the polyphone model's tables (`g2pm.rs`, `g2pm_projection.bin`).
//!
//! The (int8) embedding is multiplied here with each LSTM direction's input weights, plus both
//! biases, and stored as f16 (`g2pm_projection.bin`: per vocabulary id, 128 forward then 128
//! backward gate inputs); the other dense layers are dequantised into f32 arrays. The vocabularies become sorted code-point tables, the classes syllable codes, and
//! `polyphones.tsv` the list of characters the model decides with their candidate classes.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use crate::syllable::Syllable;
use crate::tsv::rows;

struct Tensor {
    rows: usize,
    cols: usize,
    /// Dequantised values, row-major.
    values: Vec<f32>,
    /// int8 values and per-row scales, when stored that way.
    int8: Option<(Vec<f32>, Vec<u8>)>,
}

fn parse_model(bytes: &[u8]) -> HashMap<String, Tensor> {
    let mut at = 0;
    let mut take = |n: usize| {
        let s = &bytes[at..at + n];
        at += n;
        s
    };
    assert_eq!(take(8), b"TYG2PM01", "data/g2pm/model.bin: bad magic");
    let u32_of = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    let count = u32_of(take(4));
    let mut tensors = HashMap::new();
    for _ in 0..count {
        let name_len = take(1)[0] as usize;
        let name = String::from_utf8(take(name_len).to_vec()).unwrap();
        let dtype = take(1)[0];
        let rows = u32_of(take(4)) as usize;
        let cols = u32_of(take(4)) as usize;
        let n = rows * cols;
        let f32s = |b: &[u8]| -> Vec<f32> {
            b.chunks_exact(4)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect()
        };
        let (values, int8) = match dtype {
            0 => (f32s(take(n * 4)), None),
            1 => {
                let scales = f32s(take(rows * 4));
                let q = take(n).to_vec();
                let values = q
                    .iter()
                    .enumerate()
                    .map(|(k, &v)| v as i8 as f32 * scales[k / cols])
                    .collect();
                (values, Some((scales, q)))
            }
            2 => (
                take(n * 2)
                    .chunks_exact(2)
                    .map(|c| f16_to_f32(u16::from_le_bytes([c[0], c[1]])))
                    .collect(),
                None,
            ),
            d => panic!("data/g2pm/model.bin: unknown dtype {d} for {name}"),
        };
        tensors.insert(
            name,
            Tensor {
                rows,
                cols,
                values,
                int8,
            },
        );
    }
    tensors
}

fn f16_to_f32(h: u16) -> f32 {
    let sign = if h >> 15 == 1 { -1.0 } else { 1.0 };
    let exp = (h >> 10 & 0x1f) as i32;
    let frac = (h & 0x3ff) as f32;
    match exp {
        0 => sign * frac * 2f32.powi(-24),
        31 => sign * f32::INFINITY,
        _ => sign * (1.0 + frac / 1024.0) * 2f32.powi(exp - 15),
    }
}

fn array(code: &mut String, name: &str, ty: &str, values: &[impl std::fmt::Debug]) {
    writeln!(
        code,
        "pub static {name}: [{ty}; {}] = {values:?};",
        values.len()
    )
    .unwrap();
}

/// f32 → IEEE half precision, rounded to nearest; values below the half range flush to zero.
fn f32_to_f16(x: f32) -> u16 {
    let bits = x.to_bits();
    let sign = ((bits >> 16) & 0x8000) as u16;
    let exp = ((bits >> 23) & 0xff) as i32 - 127 + 15;
    if exp <= 0 {
        return sign;
    }
    assert!(exp < 31, "g2pm: {x} is out of the f16 range");
    let mantissa = bits & 0x7f_ffff;
    // Round the 23-bit mantissa to 10 bits (a carry may bump the exponent, which is right).
    let half = ((exp as u32) << 10 | mantissa >> 13) + ((mantissa >> 12) & 1);
    sign | half as u16
}

fn transpose(t: &Tensor) -> Vec<f32> {
    let mut out = vec![0f32; t.rows * t.cols];
    for r in 0..t.rows {
        for c in 0..t.cols {
            out[c * t.rows + r] = t.values[r * t.cols + c];
        }
    }
    out
}

/// CPP / g2pM pinyin (`u:` for ü, `r5` for erhua 儿) → syllable code.
fn class_code(p: &str) -> u16 {
    let p = if p == "r5" { "er5" } else { p };
    // Two published classes are not syllables ("ging1", "xx5"); they never win for a candidate.
    Syllable::parse(&p.replace("u:", "v")).map_or(0, |s| s.code())
}

/// Writes `g2pm_embedding.bin` into `out` and returns the Rust source of the other tables.
pub fn tables(dir: &Path, out: &Path) -> String {
    let model_path = dir.join("model.bin");
    println!("cargo:rerun-if-changed={}", model_path.display());
    let tensors = parse_model(&fs::read(&model_path).unwrap());
    let get = |name: &str| {
        tensors
            .get(name)
            .unwrap_or_else(|| panic!("data/g2pm/model.bin: no tensor {name}"))
    };
    let mut code = String::new();

    // The input projection of each vocabulary entry and direction, W_ih · embedding + b_ih + b_hh,
    // precomputed as f16: the LSTM step then only multiplies the recurrent weights.
    let emb = get("embedding.weight");
    assert!(emb.int8.is_some(), "the embedding is stored as int8");
    let mut projection: Vec<u8> = Vec::with_capacity(emb.rows * 2 * 128 * 2);
    let mut directions = Vec::new();
    for (suffix, tag) in [("", "FW"), ("_reverse", "BW")] {
        let wih = get(&format!("lstm.weight_ih_l0{suffix}"));
        let whh = get(&format!("lstm.weight_hh_l0{suffix}"));
        assert_eq!((wih.rows, wih.cols), (128, emb.cols));
        assert_eq!((whh.rows, whh.cols), (128, 32));
        let bih = get(&format!("lstm.bias_ih_l0{suffix}"));
        let bhh = get(&format!("lstm.bias_hh_l0{suffix}"));
        directions.push((wih, bih, bhh));
        // Transposed (one column of 128 gate inputs per hidden unit), for the inner loop.
        array(
            &mut code,
            &format!("G2PM_{tag}_WHH_T"),
            "f32",
            &transpose(whh),
        );
    }
    for id in 0..emb.rows {
        let e = &emb.values[id * emb.cols..(id + 1) * emb.cols];
        for (wih, bih, bhh) in &directions {
            for g in 0..128 {
                let w = &wih.values[g * emb.cols..(g + 1) * emb.cols];
                let z: f64 = w
                    .iter()
                    .zip(e)
                    .map(|(a, b)| *a as f64 * *b as f64)
                    .sum::<f64>()
                    + bih.values[g] as f64
                    + bhh.values[g] as f64;
                projection.extend_from_slice(&f32_to_f16(z as f32).to_le_bytes());
            }
        }
    }
    fs::write(out.join("g2pm_projection.bin"), &projection).unwrap();
    writeln!(
        code,
        "/// Vocabulary size.\npub const G2PM_VOCAB: usize = {};",
        emb.rows
    )
    .unwrap();

    let l0 = get("logit_layer.0.weight");
    let l1 = get("logit_layer.2.weight");
    assert_eq!((l0.rows, l0.cols, l1.cols), (32, 64, 32));
    array(&mut code, "G2PM_L0_W", "f32", &l0.values);
    array(
        &mut code,
        "G2PM_L0_B",
        "f32",
        &get("logit_layer.0.bias").values,
    );
    array(&mut code, "G2PM_L1_W", "f32", &l1.values);
    array(
        &mut code,
        "G2PM_L1_B",
        "f32",
        &get("logit_layer.2.bias").values,
    );

    // Input vocabulary: code point → id, sorted by code point.
    let mut chars: BTreeMap<u32, u16> = BTreeMap::new();
    let mut special: HashMap<String, u16> = HashMap::new();
    for r in rows(&dir.join("chars.tsv")) {
        let id: u16 = r[0].parse().unwrap();
        match u32::from_str_radix(&r[1], 16) {
            Ok(cp) if r[1].len() >= 4 => {
                chars.insert(cp, id);
            }
            _ => {
                special.insert(r[1].clone(), id);
            }
        }
    }
    assert_eq!(chars.len() + special.len(), emb.rows);
    for name in ["UNK", "BOS", "EOS"] {
        writeln!(code, "pub const G2PM_{name}: u16 = {};", special[name]).unwrap();
    }
    let keys: Vec<u32> = chars.keys().copied().collect();
    let ids: Vec<u16> = chars.values().copied().collect();
    array(&mut code, "G2PM_CHAR_CODES", "u32", &keys);
    array(&mut code, "G2PM_CHAR_IDS", "u16", &ids);

    // Output classes.
    let mut class_ids: HashMap<String, u16> = HashMap::new();
    let mut classes = Vec::new();
    for (k, r) in rows(&dir.join("classes.tsv")).iter().enumerate() {
        assert_eq!(r[0].parse::<usize>().unwrap(), k);
        class_ids.insert(r[1].clone(), k as u16);
        classes.push(class_code(&r[1]));
    }
    assert_eq!(classes.len(), l1.rows);
    let unparsed = classes.iter().filter(|&&c| c == 0).count();
    if unparsed > 2 {
        println!("cargo:warning=g2pm: {unparsed} classes are not syllables");
    }
    array(&mut code, "G2PM_CLASSES", "u16", &classes);

    // The characters the model decides, with their candidate classes.
    let mut poly: BTreeMap<u32, Vec<u16>> = BTreeMap::new();
    for r in rows(&dir.join("polyphones.tsv")) {
        let c = r[0].chars().next().unwrap() as u32;
        let k = *class_ids
            .get(&r[1])
            .unwrap_or_else(|| panic!("polyphones.tsv: {:?} is not a class", r[1]));
        poly.entry(c).or_default().push(k);
    }
    let mut offsets = vec![0u32];
    let mut all: Vec<u16> = Vec::new();
    for list in poly.values() {
        all.extend(list);
        offsets.push(all.len() as u32);
    }
    let keys: Vec<u32> = poly.keys().copied().collect();
    array(&mut code, "G2PM_POLY_CHARS", "u32", &keys);
    array(&mut code, "G2PM_POLY_OFFSETS", "u32", &offsets);
    array(&mut code, "G2PM_POLY_CLASSES", "u16", &all);
    code
}

//! Reading the TSV tables.

use std::fs;
use std::path::Path;

/// Reads a TSV file: skips comment lines (starting with "# ") and blank lines, splits on tabs.
pub fn rows(path: &Path) -> Vec<Vec<String>> {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("# "))
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

/// "145" → bit mask (dot 1 = bit 0 … dot 8 = bit 7); "0" → blank.
pub fn dots(spec: &str) -> u8 {
    spec.chars().fold(0u8, |mask, d| match d {
        '0' => mask,
        '1'..='8' => mask | 1 << (d as u8 - b'1'),
        _ => panic!("bad dot number {spec:?}"),
    })
}

/// "5/23" → [0b10000, 0b110]
pub fn cells(spec: &str) -> Vec<u8> {
    spec.split('/').map(dots).collect()
}

pub fn bytes_literal(cells: &[u8]) -> String {
    let items: Vec<String> = cells.iter().map(|c| format!("0x{c:02x}")).collect();
    format!("&[{}]", items.join(", "))
}

//! The g2pL sentences (`../shared/data/polyphone-g2pl`, train and dev), as plain text for the
//! tests that run real prose through the pipeline. Needs `mod shared` (common/shared.rs) beside it.

/// Every sentence of g2pL train and dev, one per line, with the U+2581 markers around the scored
/// character removed; `None`, with a message naming `test`, when the shared folder lacks them.
pub fn sentences(test: &str) -> Option<String> {
    let dir = crate::shared::shared_dir().join("data/polyphone-g2pl");
    let mut text = String::new();
    for split in ["train", "dev"] {
        let path = dir.join(format!("{split}.sent"));
        match std::fs::read_to_string(&path) {
            Ok(t) => text.push_str(&t.replace('\u{2581}', "")),
            Err(e) => {
                eprintln!("{test}: {}: {e}; test skipped", path.display());
                return None;
            }
        }
    }
    Some(text)
}

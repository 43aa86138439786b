//! The pipeline's stages only look forward: the reading stage (`src/read/`) reads the segmenter's
//! output and the shared word classes (`src/word_class.rs`), and never calls the spacing stage,
//! which comes after it (issue 15, item 1).

use std::path::Path;

#[test]
fn the_reading_stage_never_calls_the_spacing_stage() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/read");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        files += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            assert!(
                !code.contains("spacing::") && !code.contains("crate::spacing"),
                "{}:{}: the reading stage uses the spacing stage: {line}",
                path.display(),
                n + 1
            );
        }
    }
    assert!(files >= 5, "src/read/ has {files} files");
}

//! The man-page corpus of the tests that need real text (`round_trip`, `running_text`).

use std::path::PathBuf;

/// Debian's manpages-zh as built by `scripts/corpus.sh` into `target/corpus/manpages-zh.txt` (or
/// the file named by `TONGYONG_CORPUS`). Without it the test `test` says so and gets `None`,
/// unless `TONGYONG_REQUIRE_CORPUS=1` (set by the README's test command): then it fails. A file
/// that is not the recorded corpus (`tests/data/manpages-zh.corpus`) always fails, with what
/// differs: the gold sets hold positions in that corpus, so any other text would fail them
/// with less clear messages, or pass by chance.
pub fn corpus(test: &str) -> Option<String> {
    let path = std::env::var_os("TONGYONG_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/corpus/manpages-zh.txt")
        });
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            if let Err(e) = check(&text) {
                panic!("{}: {e}; rebuild it with scripts/corpus.sh", path.display());
            }
            Some(text)
        }
        Err(e) if std::env::var("TONGYONG_REQUIRE_CORPUS").is_ok_and(|v| v == "1") => {
            panic!("{}: {e}; run scripts/corpus.sh", path.display())
        }
        Err(e) => {
            eprintln!(
                "{test}: skipped, {}: {e} (run scripts/corpus.sh)",
                path.display()
            );
            None
        }
    }
}

/// The value of `key` in the corpus record.
pub fn recorded(key: &str) -> String {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/manpages-zh.corpus");
    let text = std::fs::read_to_string(&file).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('\t'))
        .unwrap_or_else(|| panic!("{}: no {key}", file.display()))
        .to_string()
}

/// Whether `text` has the recorded corpus' lines and bytes (the sha256 is checked by
/// `scripts/corpus.sh` when it builds the file; the tests carry no hash implementation).
pub fn check(text: &str) -> Result<(), String> {
    let lines = text.bytes().filter(|&b| b == b'\n').count();
    let (want_lines, want_bytes) = (recorded("lines"), recorded("bytes"));
    if (lines.to_string(), text.len().to_string()) != (want_lines.clone(), want_bytes.clone()) {
        return Err(format!(
            "not the corpus the gold sets were made on ({} {}): {lines} lines and {} bytes, \
             expected {want_lines} lines and {want_bytes} bytes",
            recorded("package"),
            recorded("version"),
            text.len()
        ));
    }
    Ok(())
}

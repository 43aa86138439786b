//! The man-page corpus of the tests that need real text (`round_trip`, `running_text`).

use std::path::PathBuf;

/// Debian's manpages-zh as built by `scripts/corpus.sh` into `target/corpus/manpages-zh.txt` (or
/// the file named by `TONGYONG_CORPUS`). Without it the test `test` says so and gets `None`,
/// unless `TONGYONG_REQUIRE_CORPUS=1` (set by the README's test command): then it fails.
pub fn corpus(test: &str) -> Option<String> {
    let path = std::env::var_os("TONGYONG_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/corpus/manpages-zh.txt")
        });
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
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

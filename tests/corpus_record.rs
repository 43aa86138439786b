//! The corpus checks: a corpus other than the one the gold sets were made on is a clear error,
//! in `scripts/corpus.sh` and in the tests' loader (tests/data/manpages-zh.corpus).

#[path = "common/corpus.rs"]
mod corpus;

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_sh(args: &[&str], record: Option<&Path>) -> (bool, String) {
    let mut cmd = Command::new("bash");
    cmd.arg(root().join("scripts/corpus.sh")).args(args);
    if let Some(r) = record {
        cmd.env("TONGYONG_CORPUS_RECORD", r);
    }
    let out = cmd.output().expect("bash runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tongyong-corpus-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// A truncated corpus: the loader and `corpus.sh --check` both refuse it and say what differs.
#[test]
fn truncated_corpus_is_refused() {
    let Some(text) = corpus::corpus("truncated_corpus_is_refused") else {
        return;
    };
    let cut = &text[..text.char_indices().nth(100_000).unwrap().0];
    let err = corpus::check(cut).unwrap_err();
    assert!(err.contains(&corpus::recorded("version")), "{err}");
    assert!(err.contains(&format!("{} bytes", cut.len())), "{err}");

    let file = temp("truncated.txt");
    std::fs::write(&file, cut).unwrap();
    let (ok, stderr) = corpus_sh(&["--check", file.to_str().unwrap()], None);
    assert!(!ok, "corpus.sh --check passed a truncated corpus");
    assert!(
        stderr.contains("is not the corpus the gold sets were made on"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("sha256: expected {}", corpus::recorded("sha256"))),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "bytes: expected {}, found {}",
            corpus::recorded("bytes"),
            cut.len()
        )),
        "{stderr}"
    );

    // The whole corpus passes the same check.
    let full = temp("full.txt");
    std::fs::write(&full, &text).unwrap();
    let (ok, stderr) = corpus_sh(&["--check", full.to_str().unwrap()], None);
    assert!(ok, "{stderr}");
}

/// An installed package version other than the recorded one stops the build before it renders,
/// naming both versions and how to pin the recorded one.
#[test]
fn other_package_version_is_refused() {
    let installed = Command::new("dpkg-query")
        .args(["-W", "-f=${db:Status-Status} ${Version}", "manpages-zh"])
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .and_then(|s| s.strip_prefix("installed ").map(str::to_string));
    let Some(installed) = installed else {
        eprintln!("other_package_version_is_refused: skipped, manpages-zh is not installed");
        return;
    };
    // A record that asks for an older version than the one installed, as when Debian moves on.
    let record = temp("older.corpus");
    let text = std::fs::read_to_string(root().join("tests/data/manpages-zh.corpus")).unwrap();
    let older = text.replace(&corpus::recorded("version"), "0.1-1");
    std::fs::write(&record, older).unwrap();
    let out = temp("never-written.txt");
    let (ok, stderr) = corpus_sh(&[out.to_str().unwrap()], Some(&record));
    assert!(
        !ok,
        "corpus.sh accepted manpages-zh {installed} for a record of 0.1-1"
    );
    assert!(!out.exists());
    assert!(
        stderr.contains(&format!("manpages-zh {installed} is installed")),
        "{stderr}"
    );
    assert!(stderr.contains("is newer"), "{stderr}");
    assert!(stderr.contains("manpages-zh=0.1-1"), "{stderr}");
}

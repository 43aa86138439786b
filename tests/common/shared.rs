//! Where the project's shared reference data are: `TONGYONG_SHARED`, else `../shared` beside the
//! checkout (read only, also present in CI).

use std::path::PathBuf;

/// The shared folder (`data/braille-vectors`, `data/polyphone-*`, `data/sign`, …).
pub fn shared_dir() -> PathBuf {
    std::env::var_os("TONGYONG_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

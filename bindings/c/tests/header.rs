//! The committed header `include/tongyong.h` must be exactly what the pinned cbindgen generates
//! from `src/lib.rs` with the root `cbindgen.toml`. Run with `TONGYONG_BLESS=1` to rewrite it
//! after changing the exports.

use std::path::PathBuf;

#[test]
fn header_is_up_to_date() {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(crate_dir.join("../../cbindgen.toml"))
        .expect("read cbindgen.toml");
    let bindings = cbindgen::Builder::new()
        .with_config(config)
        .with_src(crate_dir.join("src/lib.rs"))
        .generate()
        .expect("cbindgen generates the header");
    let mut generated = Vec::new();
    bindings.write(&mut generated);
    let generated = String::from_utf8(generated).expect("the header is UTF-8");
    let path = crate_dir.join("include/tongyong.h");
    if std::env::var_os("TONGYONG_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write the header");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        let line = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()));
        panic!(
            "{} is stale (first difference at line {}): the exports of src/lib.rs changed. \
             Regenerate it with `TONGYONG_BLESS=1 cargo test -p tongyong-c --test header` \
             and commit it.",
            path.display(),
            line + 1
        );
    }
}

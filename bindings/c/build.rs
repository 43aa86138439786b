//! Gives the shared library an ELF soname carrying the ABI version, so programs linked against
//! `libtongyong.so` load `libtongyong.so.<ABI>` and an incompatible ABI is never picked up.

/// Keep in step with `TONGYONG_ABI_VERSION` in `src/lib.rs` (checked by a test there).
const ABI_VERSION: u32 = 1;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if matches!(
        os.as_str(),
        "linux" | "android" | "freebsd" | "netbsd" | "openbsd"
    ) {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libtongyong.so.{ABI_VERSION}");
    }
}

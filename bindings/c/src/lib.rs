//! The C ABI of tongyong: `libtongyong.so` / `libtongyong.a` with the header
//! `include/tongyong.h`, generated from this file by cbindgen (see `tests/header.rs`).
//!
//! Conventions, the same for every function:
//!
//! * Fallible functions return a `tongyong_status`: `TONGYONG_OK` (0) or an error code;
//!   `tongyong_status_message` gives a static English message for every code.
//! * Text is UTF-8 with an explicit length in bytes (it need not be NUL-terminated). A NULL text
//!   pointer is allowed only with length 0 (the empty text). Invalid UTF-8 gives
//!   `TONGYONG_INVALID_UTF8`; any other NULL pointer gives `TONGYONG_NULL_POINTER`.
//! * Results go into caller-owned buffers `(out, cap, *out_len)`: on success `*out_len` is the
//!   number of elements written (for strings, bytes without the terminating NUL, which is always
//!   written). When `cap` is too small nothing is written, the status is
//!   `TONGYONG_BUFFER_TOO_SMALL` and `*out_len` is the capacity needed (for strings, including
//!   the NUL). `out` may be NULL when `cap` is 0, to ask for the size. Nothing is ever truncated.
//! * Objects (`tongyong_options`, `tongyong_translator`, `tongyong_translation`,
//!   `tongyong_words`, `tongyong_signs`) are created by the library and released with their
//!   `_free` function; `_free(NULL)` does nothing. Sign entries (`tongyong_sign_entry`) are
//!   static data of the library: nothing to free, valid as long as the library is loaded; their
//!   strings are static UTF-8 given as pointer and length, **not NUL-terminated**.
//! * No global state: a `tongyong_translator` is immutable and may be used from any number of
//!   threads at once. Options, translations and word lists may be read from several threads
//!   but not changed (options setters) while another thread uses them.
//! * No panic ever crosses into C: every export catches it and returns `TONGYONG_PANIC` (or 0 /
//!   NULL for functions that do not return a status).

#![allow(non_camel_case_types)]
#![warn(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]

use std::ffi::{c_char, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};

use tongyong_core as ty;

// ---- versions ---------------------------------------------------------------------------------

/// Major version of the library (the header's version; compare with `tongyong_version()`).
pub const TONGYONG_VERSION_MAJOR: u32 = 0;
/// Minor version of the library.
pub const TONGYONG_VERSION_MINOR: u32 = 1;
/// Patch version of the library.
pub const TONGYONG_VERSION_PATCH: u32 = 0;
/// Version of the binary interface. It changes whenever a function, a type or a constant of this
/// header changes incompatibly; the shared library's soname is `libtongyong.so.<ABI version>`.
/// A program can check `tongyong_abi_version() == TONGYONG_ABI_VERSION` at start-up.
pub const TONGYONG_ABI_VERSION: u32 = 1;

// ---- status codes -----------------------------------------------------------------------------

/// The result of a fallible call: `TONGYONG_OK` or one of the error codes below.
pub type tongyong_status = i32;
/// Success.
pub const TONGYONG_OK: tongyong_status = 0;
/// A required pointer was NULL (or text was NULL with a length other than 0).
pub const TONGYONG_NULL_POINTER: tongyong_status = 1;
/// The text is not valid UTF-8.
pub const TONGYONG_INVALID_UTF8: tongyong_status = 2;
/// An enumeration value, index or length is out of range.
pub const TONGYONG_INVALID_ARGUMENT: tongyong_status = 3;
/// The output buffer is too small; `*out_len` holds the capacity needed.
pub const TONGYONG_BUFFER_TOO_SMALL: tongyong_status = 4;
/// Braille that cannot be read back (`tongyong_from_braille`).
pub const TONGYONG_INVALID_BRAILLE: tongyong_status = 5;
/// An internal error (a bug in tongyong, caught before it reached the caller).
pub const TONGYONG_PANIC: tongyong_status = 6;
/// A user dictionary entry that cannot be used: a word that is not only Han characters, or a
/// reading that is not one valid syllable per character.
pub const TONGYONG_INVALID_DICTIONARY: tongyong_status = 7;

// ---- enumerations (plain integers: any value from C is checked, never undefined behaviour) ----

/// Which tones are written.
pub type tongyong_tones = u32;
/// National Common Braille (GF 0019-2018): tone omission and the six abbreviations (default).
pub const TONGYONG_TONES_NATIONAL: tongyong_tones = 0;
/// Current braille with every tone written.
pub const TONGYONG_TONES_FULL: tongyong_tones = 1;
/// Current braille without tones.
pub const TONGYONG_TONES_NONE: tongyong_tones = 2;

/// The output format of braille text.
pub type tongyong_format = u32;
/// Unicode braille patterns (U+2800 block), UTF-8 encoded: 3 bytes per cell.
pub const TONGYONG_FORMAT_UNICODE: tongyong_format = 0;
/// Dot numbers, cells of a word joined by `-`, words separated by a space (`145-35 156`).
pub const TONGYONG_FORMAT_DOTS: tongyong_format = 1;
/// North American ASCII braille (BRF), upper case, as embossers expect: 1 byte per cell.
pub const TONGYONG_FORMAT_BRF: tongyong_format = 2;

/// The unit of input positions (text indexes).
pub type tongyong_unit = u32;
/// Unicode scalar values (code points).
pub const TONGYONG_UNIT_SCALAR: tongyong_unit = 0;
/// UTF-16 code units (Windows, Java, NVDA).
pub const TONGYONG_UNIT_UTF16: tongyong_unit = 1;
/// UTF-8 bytes (offsets into the `const char *` text).
pub const TONGYONG_UNIT_BYTE: tongyong_unit = 2;

/// The form of braille given to `tongyong_from_braille`.
pub type tongyong_braille_input = u32;
/// Unicode braille (U+2800 block); an ASCII space is also a blank cell.
pub const TONGYONG_BRAILLE_INPUT_UNICODE: tongyong_braille_input = 0;
/// North American ASCII braille (BRF), either letter case.
pub const TONGYONG_BRAILLE_INPUT_BRF: tongyong_braille_input = 1;

/// When lower-case Latin runs get the letter sign.
pub type tongyong_lowercase_sign = u32;
/// Never.
pub const TONGYONG_LOWERCASE_SIGN_NEVER: tongyong_lowercase_sign = 0;
/// When the text also contains Chinese characters (default).
pub const TONGYONG_LOWERCASE_SIGN_CHINESE: tongyong_lowercase_sign = 1;
/// Always.
pub const TONGYONG_LOWERCASE_SIGN_ALWAYS: tongyong_lowercase_sign = 2;

/// The cell of a decimal point.
pub type tongyong_decimal_point = u32;
/// Dot 3 (default).
pub const TONGYONG_DECIMAL_POINT_DOT3: tongyong_decimal_point = 0;
/// Dot 2.
pub const TONGYONG_DECIMAL_POINT_DOT2: tongyong_decimal_point = 1;

/// ASCII symbols that are no punctuation mark (`+ = / @ # _ ...`).
pub type tongyong_symbols = u32;
/// Always their North American computer-braille cell.
pub const TONGYONG_SYMBOLS_COMPUTER: tongyong_symbols = 0;
/// Passed through unchanged.
pub const TONGYONG_SYMBOLS_PASS: tongyong_symbols = 1;
/// Their forms in Chinese text (`data/braille/symbols.tsv`), computer braille inside words with
/// Latin letters (default).
pub const TONGYONG_SYMBOLS_CHINESE: tongyong_symbols = 2;

/// How polyphonic characters (多音字) are read.
pub type tongyong_readings = u32;
/// The lexicon, then the polyphone model over the sentence around each polyphone: the most
/// accurate (default).
pub const TONGYONG_READINGS_MODEL: tongyong_readings = 0;
/// The lexicon, each character's most frequent reading and neighbour rules distilled from the
/// polyphone model, without running it: faster (the CLI's `--fast`).
pub const TONGYONG_READINGS_FAST: tongyong_readings = 1;

/// How four-character idioms are spaced (R19).
pub type tongyong_idioms = u32;
/// As one braille word (风平浪静; default).
pub const TONGYONG_IDIOMS_JOINED: tongyong_idioms = 0;
/// As two words of two syllables (风平 浪静).
pub const TONGYONG_IDIOMS_TWO_PLUS_TWO: tongyong_idioms = 1;

/// What a word of `tongyong_to_pinyin` is.
pub type tongyong_word_kind = u32;
/// A Chinese braille word.
pub const TONGYONG_WORD_HAN: tongyong_word_kind = 0;
/// Latin letters, digits and symbols.
pub const TONGYONG_WORD_CODE: tongyong_word_kind = 1;
/// A punctuation mark.
pub const TONGYONG_WORD_PUNCT: tongyong_word_kind = 2;
/// A character with no braille form.
pub const TONGYONG_WORD_OTHER: tongyong_word_kind = 3;

// ---- objects ----------------------------------------------------------------------------------

/// Translation options (opaque). Create with `tongyong_options_new` (all defaults: National
/// Common Braille), change with the `tongyong_options_set_*` functions, add user dictionary words
/// with `tongyong_options_add_user_word` / `tongyong_options_load_user_dictionary`, release with
/// `tongyong_options_free`. A translator copies the options and the dictionary: they may be
/// freed right after `tongyong_translator_new`.
pub struct tongyong_options {
    inner: ty::Options,
    user: ty::UserDictionary,
}

/// A translator with fixed options (opaque, immutable, thread-safe). Create with
/// `tongyong_translator_new`, release with `tongyong_translator_free`.
pub struct tongyong_translator {
    inner: ty::Translator,
}

/// The result of `tongyong_translate` (opaque): the braille, both position maps and the cursor.
/// Release with `tongyong_translation_free`.
pub struct tongyong_translation {
    inner: ty::Translation,
    input_positions: Vec<usize>,
    output_positions: Vec<usize>,
    cursor: usize,
}

/// The result of `tongyong_to_pinyin` (opaque): a list of words. Read with
/// `tongyong_words_count` and `tongyong_words_get`; release with `tongyong_words_free`.
pub struct tongyong_words {
    words: Vec<(tongyong_word_kind, usize, usize, CString)>,
}

/// One word of a `tongyong_words` list.
#[repr(C)]
pub struct tongyong_word {
    /// `TONGYONG_WORD_HAN`, `_CODE`, `_PUNCT` or `_OTHER`.
    pub kind: tongyong_word_kind,
    /// Start of the word in the input, in the unit given to `tongyong_to_pinyin`.
    pub input_start: usize,
    /// End (exclusive) of the word in the input, in the same unit.
    pub input_end: usize,
    /// The readings of a Han word, one tone-number syllable per Han character separated by
    /// single spaces (`"wo3 men5"`; ü is written `v`, tone 5 is the neutral tone); a character
    /// without a known reading is written as itself. Empty for other words. NUL-terminated and
    /// owned by the list: valid until `tongyong_words_free`.
    pub pinyin: *const c_char,
    /// Length of `pinyin` in bytes, without the NUL.
    pub pinyin_len: usize,
}

// ---- helpers ----------------------------------------------------------------------------------

/// Runs `f`, turning a panic into `TONGYONG_PANIC`.
fn guard(f: impl FnOnce() -> Result<(), tongyong_status>) -> tongyong_status {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(())) => TONGYONG_OK,
        Ok(Err(status)) => status,
        Err(_) => TONGYONG_PANIC,
    }
}

/// Runs `f`, turning a panic into `fallback`.
fn guard_value<T>(fallback: T, f: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(fallback)
}

/// # Safety
/// `ptr` must be NULL or point to `len` readable bytes.
unsafe fn text<'a>(ptr: *const c_char, len: usize) -> Result<&'a str, tongyong_status> {
    if ptr.is_null() {
        return if len == 0 {
            Ok("")
        } else {
            Err(TONGYONG_NULL_POINTER)
        };
    }
    if len > isize::MAX as usize {
        return Err(TONGYONG_INVALID_ARGUMENT);
    }
    // SAFETY: the caller guarantees `len` readable bytes at `ptr`, which is not NULL.
    let bytes = unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) };
    std::str::from_utf8(bytes).map_err(|_| TONGYONG_INVALID_UTF8)
}

/// # Safety
/// `ptr` must be NULL or point to a live object created by this library.
unsafe fn object<'a, T>(ptr: *const T) -> Result<&'a T, tongyong_status> {
    // SAFETY: guaranteed by the caller.
    unsafe { ptr.as_ref() }.ok_or(TONGYONG_NULL_POINTER)
}

/// # Safety
/// `ptr` must be NULL or point to a live object created by this library, not used elsewhere.
unsafe fn object_mut<'a, T>(ptr: *mut T) -> Result<&'a mut T, tongyong_status> {
    // SAFETY: guaranteed by the caller.
    unsafe { ptr.as_mut() }.ok_or(TONGYONG_NULL_POINTER)
}

/// Writes `value` to `out`.
///
/// # Safety
/// `out` must be NULL or valid for a write of `T`.
unsafe fn put<T>(out: *mut T, value: T) -> Result<(), tongyong_status> {
    if out.is_null() {
        return Err(TONGYONG_NULL_POINTER);
    }
    // SAFETY: not NULL, writable by the caller's guarantee.
    unsafe { out.write(value) };
    Ok(())
}

/// Copies `data` to the caller's buffer (see the crate documentation for the protocol).
///
/// # Safety
/// `out` must be NULL or valid for `cap` writes of `T`; `out_len` NULL or writable.
unsafe fn write_slice<T: Copy>(
    data: &[T],
    out: *mut T,
    cap: usize,
    out_len: *mut usize,
) -> Result<(), tongyong_status> {
    if out_len.is_null() || (out.is_null() && cap > 0) {
        return Err(TONGYONG_NULL_POINTER);
    }
    if cap < data.len() || (out.is_null() && !data.is_empty()) {
        // SAFETY: checked not NULL above.
        unsafe { out_len.write(data.len()) };
        return Err(TONGYONG_BUFFER_TOO_SMALL);
    }
    if !data.is_empty() {
        // SAFETY: `out` holds at least `cap >= data.len()` elements and does not overlap `data`,
        // which the library owns.
        unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), out, data.len()) };
    }
    // SAFETY: checked not NULL above.
    unsafe { out_len.write(data.len()) };
    Ok(())
}

/// Copies `s` and a terminating NUL to the caller's buffer; `*out_len` is `s.len()` on success
/// and `s.len() + 1` when the buffer is too small.
///
/// # Safety
/// As for [`write_slice`].
unsafe fn write_str(
    s: &str,
    out: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> Result<(), tongyong_status> {
    if out_len.is_null() || (out.is_null() && cap > 0) {
        return Err(TONGYONG_NULL_POINTER);
    }
    let need = s.len() + 1;
    if cap < need {
        // SAFETY: checked not NULL above.
        unsafe { out_len.write(need) };
        return Err(TONGYONG_BUFFER_TOO_SMALL);
    }
    // SAFETY: `out` is not NULL (cap >= 1) and holds `cap >= s.len() + 1` bytes.
    unsafe {
        std::ptr::copy_nonoverlapping(s.as_ptr(), out.cast::<u8>(), s.len());
        out.add(s.len()).write(0);
        out_len.write(s.len());
    }
    Ok(())
}

fn format_of(f: tongyong_format) -> Result<ty::Format, tongyong_status> {
    match f {
        TONGYONG_FORMAT_UNICODE => Ok(ty::Format::Unicode),
        TONGYONG_FORMAT_DOTS => Ok(ty::Format::Dots),
        TONGYONG_FORMAT_BRF => Ok(ty::Format::Brf),
        _ => Err(TONGYONG_INVALID_ARGUMENT),
    }
}

fn unit_of(u: tongyong_unit) -> Result<ty::Unit, tongyong_status> {
    match u {
        TONGYONG_UNIT_SCALAR => Ok(ty::Unit::Scalar),
        TONGYONG_UNIT_UTF16 => Ok(ty::Unit::Utf16),
        TONGYONG_UNIT_BYTE => Ok(ty::Unit::Byte),
        _ => Err(TONGYONG_INVALID_ARGUMENT),
    }
}

// ---- version and status -----------------------------------------------------------------------

/// The library version as a static NUL-terminated string (`"0.1.0"`).
#[no_mangle]
pub extern "C" fn tongyong_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// The ABI version of the loaded library; compare with `TONGYONG_ABI_VERSION`.
#[no_mangle]
pub extern "C" fn tongyong_abi_version() -> u32 {
    TONGYONG_ABI_VERSION
}

/// A static, NUL-terminated English message for `status` (also for unknown codes).
#[no_mangle]
pub extern "C" fn tongyong_status_message(status: tongyong_status) -> *const c_char {
    let s: &'static str = match status {
        TONGYONG_OK => "ok\0",
        TONGYONG_NULL_POINTER => "a required pointer is NULL\0",
        TONGYONG_INVALID_UTF8 => "the text is not valid UTF-8\0",
        TONGYONG_INVALID_ARGUMENT => "an argument is out of range\0",
        TONGYONG_BUFFER_TOO_SMALL => {
            "the output buffer is too small (*out_len holds the size needed)\0"
        }
        TONGYONG_INVALID_BRAILLE => "the braille cannot be read back\0",
        TONGYONG_PANIC => "internal error in tongyong (please report it)\0",
        TONGYONG_INVALID_DICTIONARY => {
            "invalid user dictionary entry (a word must be Han characters, its reading one \
             syllable per character)\0"
        }
        _ => "unknown status code\0",
    };
    s.as_ptr().cast()
}

// ---- options ----------------------------------------------------------------------------------

/// Creates options with every default (National Common Braille) and stores them in `*out`.
///
/// # Safety
/// `out` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_new(out: *mut *mut tongyong_options) -> tongyong_status {
    guard(|| {
        if out.is_null() {
            return Err(TONGYONG_NULL_POINTER);
        }
        let opts = Box::new(tongyong_options {
            inner: ty::Options::default(),
            user: ty::UserDictionary::new(),
        });
        // SAFETY: checked not NULL; writable by the caller's guarantee.
        unsafe { put(out, Box::into_raw(opts)) }
    })
}

/// Releases options created by `tongyong_options_new`; NULL is ignored.
///
/// # Safety
/// `opts` must be NULL or a live options object, not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_free(opts: *mut tongyong_options) {
    if !opts.is_null() {
        // SAFETY: created by Box::into_raw in tongyong_options_new.
        guard_value((), || drop(unsafe { Box::from_raw(opts) }));
    }
}

/// Applies `f` to the options behind `opts`.
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
unsafe fn with_options(
    opts: *mut tongyong_options,
    f: impl FnOnce(&mut ty::Options) -> Result<(), tongyong_status>,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller.
        let o = unsafe { object_mut(opts) }?;
        f(&mut o.inner)
    })
}

/// Sets which tones are written (`TONGYONG_TONES_*`).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_tones(
    opts: *mut tongyong_options,
    tones: tongyong_tones,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe {
        with_options(opts, |o| {
            o.tones = match tones {
                TONGYONG_TONES_NATIONAL => ty::ToneMode::National,
                TONGYONG_TONES_FULL => ty::ToneMode::Full,
                TONGYONG_TONES_NONE => ty::ToneMode::None,
                _ => return Err(TONGYONG_INVALID_ARGUMENT),
            };
            Ok(())
        })
    }
}

/// GF 0019-2018 §10.2.7: an apical syllable before a zero-initial one in the same word keeps its
/// tone (default true).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_apical_tone_before_zero_initial(
    opts: *mut tongyong_options,
    value: bool,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe {
        with_options(opts, |o| {
            o.apical_tone_before_zero_initial = value;
            Ok(())
        })
    }
}

/// The tone-retention list of §10.2.8 (问, 再, 地道 keep their tone; default true).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_tone_retention_list(
    opts: *mut tongyong_options,
    value: bool,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe {
        with_options(opts, |o| {
            o.tone_retention_list = value;
            Ok(())
        })
    }
}

/// Abbreviate 的 么 你 他 她 它 even before a zero-initial syllable in the same word (default
/// false).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_abbreviate_before_zero_initial(
    opts: *mut tongyong_options,
    value: bool,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe {
        with_options(opts, |o| {
            o.abbreviate_before_zero_initial = value;
            Ok(())
        })
    }
}

/// A blank cell after 。？！ when text follows on the same line (default true).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_blank_after_sentence_end(
    opts: *mut tongyong_options,
    value: bool,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe {
        with_options(opts, |o| {
            o.blank_after_sentence_end = value;
            Ok(())
        })
    }
}

/// When lower-case Latin runs get the letter sign (`TONGYONG_LOWERCASE_SIGN_*`).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_lowercase_sign(
    opts: *mut tongyong_options,
    value: tongyong_lowercase_sign,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe {
        with_options(opts, |o| {
            o.lowercase_sign = match value {
                TONGYONG_LOWERCASE_SIGN_NEVER => ty::LowercaseSign::Never,
                TONGYONG_LOWERCASE_SIGN_CHINESE => ty::LowercaseSign::InChineseText,
                TONGYONG_LOWERCASE_SIGN_ALWAYS => ty::LowercaseSign::Always,
                _ => return Err(TONGYONG_INVALID_ARGUMENT),
            };
            Ok(())
        })
    }
}

/// The decimal point cell (`TONGYONG_DECIMAL_POINT_*`).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_decimal_point(
    opts: *mut tongyong_options,
    value: tongyong_decimal_point,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe {
        with_options(opts, |o| {
            o.decimal_point = match value {
                TONGYONG_DECIMAL_POINT_DOT3 => ty::DecimalPoint::Dot3,
                TONGYONG_DECIMAL_POINT_DOT2 => ty::DecimalPoint::Dot2,
                _ => return Err(TONGYONG_INVALID_ARGUMENT),
            };
            Ok(())
        })
    }
}

/// ASCII symbols that are no punctuation mark (`TONGYONG_SYMBOLS_*`).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_symbols(
    opts: *mut tongyong_options,
    value: tongyong_symbols,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe {
        with_options(opts, |o| {
            o.symbols = match value {
                TONGYONG_SYMBOLS_CHINESE => ty::SymbolMode::ChineseText,
                TONGYONG_SYMBOLS_COMPUTER => ty::SymbolMode::ComputerBraille,
                TONGYONG_SYMBOLS_PASS => ty::SymbolMode::PassThrough,
                _ => return Err(TONGYONG_INVALID_ARGUMENT),
            };
            Ok(())
        })
    }
}

/// How polyphonic characters are read (`TONGYONG_READINGS_*`; the CLI's `--fast`).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_readings(
    opts: *mut tongyong_options,
    value: tongyong_readings,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe {
        with_options(opts, |o| {
            o.readings = match value {
                TONGYONG_READINGS_MODEL => ty::ReadingMode::Model,
                TONGYONG_READINGS_FAST => ty::ReadingMode::Fast,
                _ => return Err(TONGYONG_INVALID_ARGUMENT),
            };
            Ok(())
        })
    }
}

/// Sets one boolean word-spacing rule.
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
unsafe fn set_spacing(
    opts: *mut tongyong_options,
    field: fn(&mut ty::SpacingOptions) -> &mut bool,
    value: bool,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe {
        with_options(opts, |o| {
            *field(&mut o.spacing) = value;
            Ok(())
        })
    }
}

/// Word spacing R3: divide words of more than four syllables into their parts (中华 人民
/// 共和国; default true; the CLI's `--no-split-long-words`).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_split_long_words(
    opts: *mut tongyong_options,
    value: bool,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe { set_spacing(opts, |s| &mut s.split_long_words, value) }
}

/// Word spacing R8: join degree adverb + adjective (很好), noun + localizer (山上), 每/各 + noun
/// (每年) when both are single syllables (default true).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_join_monosyllables(
    opts: *mut tongyong_options,
    value: bool,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe { set_spacing(opts, |s| &mut s.join_monosyllables, value) }
}

/// Word spacing R9: join 不/没/别 + a monosyllabic verb or adjective (不去; default true).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_join_negation(
    opts: *mut tongyong_options,
    value: bool,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe { set_spacing(opts, |s| &mut s.join_negation, value) }
}

/// Word spacing R11: sentence-final and modal particles (吗 呢 吧 啊 …) join the word before
/// them (default true).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_join_modal_particles(
    opts: *mut tongyong_options,
    value: bool,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe { set_spacing(opts, |s| &mut s.join_modal_particles, value) }
}

/// Word spacing R12: join a monosyllabic preposition and a monosyllabic noun (在家; default
/// false).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_join_preposition_noun(
    opts: *mut tongyong_options,
    value: bool,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe { set_spacing(opts, |s| &mut s.join_preposition_noun, value) }
}

/// Word spacing R14: join a monosyllabic numeral or 这/那/哪 and a monosyllabic measure word
/// (一个, 这只; default true).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_join_numeral_measure(
    opts: *mut tongyong_options,
    value: bool,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe { set_spacing(opts, |s| &mut s.join_numeral_measure, value) }
}

/// Word spacing R15: join 第/初 and a number (第一; default true).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_join_ordinals(
    opts: *mut tongyong_options,
    value: bool,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe { set_spacing(opts, |s| &mut s.join_ordinals, value) }
}

/// Word spacing R16: join a digit run and a date or time unit (2018年; default true).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_join_dates(
    opts: *mut tongyong_options,
    value: bool,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe { set_spacing(opts, |s| &mut s.join_dates, value) }
}

/// Word spacing R17: join a surname and a given name (default true).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_join_names(
    opts: *mut tongyong_options,
    value: bool,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe { set_spacing(opts, |s| &mut s.join_names, value) }
}

/// Word spacing R18: join a place name and a monosyllabic generic (北京市; default true).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_join_place_generics(
    opts: *mut tongyong_options,
    value: bool,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe { set_spacing(opts, |s| &mut s.join_place_generics, value) }
}

/// Word spacing R19: how four-character idioms are written (`TONGYONG_IDIOMS_*`).
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_idioms(
    opts: *mut tongyong_options,
    value: tongyong_idioms,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe {
        with_options(opts, |o| {
            o.spacing.idioms = match value {
                TONGYONG_IDIOMS_JOINED => ty::IdiomSpacing::Joined,
                TONGYONG_IDIOMS_TWO_PLUS_TWO => ty::IdiomSpacing::TwoPlusTwo,
                _ => return Err(TONGYONG_INVALID_ARGUMENT),
            };
            Ok(())
        })
    }
}

/// The longest word the spacing joins may make, in syllables (default 4);
/// `TONGYONG_INVALID_ARGUMENT` (options unchanged) when `value` is 0.
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_set_max_syllables(
    opts: *mut tongyong_options,
    value: usize,
) -> tongyong_status {
    // SAFETY: forwarded.
    unsafe {
        with_options(opts, |o| {
            if value == 0 {
                return Err(TONGYONG_INVALID_ARGUMENT);
            }
            o.spacing.max_syllables = value;
            Ok(())
        })
    }
}

/// Adds a word to the options' user dictionary, whose words and readings win over the built-in
/// lexicon in segmentation, reading and braille. `word` (`word_len` bytes of UTF-8) must be one
/// or more Han characters; `reading` (`reading_len` bytes) is one syllable per character with
/// tone numbers or tone marks, separated by spaces (`"yin2 xing2"`), or NULL with length 0 (or
/// empty) for a word that is only kept together. A word added again replaces the earlier entry.
/// `TONGYONG_INVALID_DICTIONARY` (nothing added) for an invalid word or reading.
///
/// # Safety
/// `opts` NULL or a live options object not used by another thread; `word` NULL or `word_len`
/// readable bytes; `reading` NULL or `reading_len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_add_user_word(
    opts: *mut tongyong_options,
    word: *const c_char,
    word_len: usize,
    reading: *const c_char,
    reading_len: usize,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller, for all three.
        let o = unsafe { object_mut(opts) }?;
        let word = unsafe { text(word, word_len) }?;
        let reading = unsafe { text(reading, reading_len) }?;
        let reading = Some(reading).filter(|r| !r.trim().is_empty());
        o.user
            .add(word, reading)
            .map_err(|_| TONGYONG_INVALID_DICTIONARY)
    })
}

/// Adds the words of a user dictionary in its text form (`len` bytes of UTF-8; the format of the
/// CLI's `--user-dict` file): one word per line, optionally followed by a TAB and its reading
/// (`银行<TAB>yin2 xing2`); blank lines and lines starting with `#` are skipped. Entries replace
/// earlier entries of the same words. On `TONGYONG_INVALID_DICTIONARY` nothing is added and
/// `*error_line` (when not NULL) receives the 1-based number of the first invalid line; on
/// success it receives 0.
///
/// # Safety
/// `opts` NULL or a live options object not used by another thread; `text` NULL or `len`
/// readable bytes; `error_line` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_load_user_dictionary(
    opts: *mut tongyong_options,
    text: *const c_char,
    len: usize,
    error_line: *mut usize,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller.
        let o = unsafe { object_mut(opts) }?;
        let input = unsafe { self::text(text, len) }?;
        let mut added = ty::UserDictionary::new();
        let mut bad = 0;
        // Line by line, so that the first invalid line is known.
        for (n, line) in input.lines().enumerate() {
            match ty::UserDictionary::parse(line) {
                Ok(d) => added.merge(d),
                Err(_) => {
                    bad = n + 1;
                    break;
                }
            }
        }
        if !error_line.is_null() {
            // SAFETY: not NULL, writable by the caller's guarantee.
            unsafe { error_line.write(bad) };
        }
        if bad != 0 {
            return Err(TONGYONG_INVALID_DICTIONARY);
        }
        o.user.merge(added);
        Ok(())
    })
}

/// Removes every word from the options' user dictionary.
///
/// # Safety
/// `opts` must be NULL or a live options object not used by another thread.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_clear_user_dictionary(
    opts: *mut tongyong_options,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller.
        let o = unsafe { object_mut(opts) }?;
        o.user = ty::UserDictionary::new();
        Ok(())
    })
}

/// The number of words in the options' user dictionary; 0 for NULL.
///
/// # Safety
/// `opts` must be NULL or a live options object.
#[no_mangle]
pub unsafe extern "C" fn tongyong_options_user_word_count(opts: *const tongyong_options) -> usize {
    // SAFETY: guaranteed by the caller.
    guard_value(0, || unsafe { opts.as_ref() }.map_or(0, |o| o.user.len()))
}

// ---- translator -------------------------------------------------------------------------------

/// Creates a translator with a copy of `opts` (NULL: the defaults) and stores it in `*out`.
///
/// # Safety
/// `opts` must be NULL or a live options object; `out` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_translator_new(
    opts: *const tongyong_options,
    out: *mut *mut tongyong_translator,
) -> tongyong_status {
    guard(|| {
        if out.is_null() {
            return Err(TONGYONG_NULL_POINTER);
        }
        // SAFETY: guaranteed by the caller.
        let inner = match unsafe { opts.as_ref() } {
            None => ty::Translator::new(),
            Some(o) if o.user.is_empty() => ty::Translator::with_options(o.inner.clone()),
            Some(o) => {
                ty::Translator::with_options(o.inner.clone()).with_user_dictionary(o.user.clone())
            }
        };
        let tr = Box::new(tongyong_translator { inner });
        // SAFETY: checked not NULL.
        unsafe { put(out, Box::into_raw(tr)) }
    })
}

/// Releases a translator; NULL is ignored. No other thread may still use it.
///
/// # Safety
/// `tr` must be NULL or a live translator, not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn tongyong_translator_free(tr: *mut tongyong_translator) {
    if !tr.is_null() {
        // SAFETY: created by Box::into_raw in tongyong_translator_new.
        guard_value((), || drop(unsafe { Box::from_raw(tr) }));
    }
}

// ---- to_braille -------------------------------------------------------------------------------

/// Translates `len` bytes of UTF-8 `text` to braille in `format` (`TONGYONG_FORMAT_*`), written
/// NUL-terminated to `out` (capacity `cap` bytes); `*out_len` receives the length without the
/// NUL, or on `TONGYONG_BUFFER_TOO_SMALL` the capacity needed including the NUL.
///
/// Characters with no braille form are passed through (in BRF written as `\x{HEX}`); line breaks
/// stay line breaks. The result is the same as the command line's `tongyong braille`.
///
/// # Safety
/// `tr` a live translator or NULL; `text` NULL or `len` readable bytes; `out` NULL or `cap`
/// writable bytes; `out_len` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_to_braille(
    tr: *const tongyong_translator,
    text: *const c_char,
    len: usize,
    format: tongyong_format,
    out: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller, for all four.
        let tr = unsafe { object(tr) }?;
        let input = unsafe { self::text(text, len) }?;
        let format = format_of(format)?;
        let braille = tr.inner.to_braille(input, format);
        unsafe { write_str(&braille, out, cap, out_len) }
    })
}

// ---- translate --------------------------------------------------------------------------------

/// Translates `len` bytes of UTF-8 `text` with position maps, and stores the result in `*out`
/// (release it with `tongyong_translation_free`).
///
/// Input positions are counted in `unit` (`TONGYONG_UNIT_*`); output positions count output
/// symbols: braille cells, and characters passed through because they have no braille form
/// (one symbol each). `cursor` is an input position in `unit`; its output position is read with
/// `tongyong_translation_cursor` (pass 0 when there is no cursor).
///
/// # Safety
/// `tr` a live translator or NULL; `text` NULL or `len` readable bytes; `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_translate(
    tr: *const tongyong_translator,
    text: *const c_char,
    len: usize,
    unit: tongyong_unit,
    cursor: usize,
    out: *mut *mut tongyong_translation,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller.
        let tr = unsafe { object(tr) }?;
        let input = unsafe { self::text(text, len) }?;
        let unit = unit_of(unit)?;
        if out.is_null() {
            return Err(TONGYONG_NULL_POINTER);
        }
        let inner = tr.inner.translate(input);
        let result = Box::new(tongyong_translation {
            input_positions: inner.input_positions(unit),
            output_positions: inner.output_positions(unit),
            cursor: inner.cursor_to_output(cursor, unit),
            inner,
        });
        // SAFETY: checked not NULL.
        unsafe { put(out, Box::into_raw(result)) }
    })
}

/// Releases a translation; NULL is ignored.
///
/// # Safety
/// `res` must be NULL or a live translation, not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn tongyong_translation_free(res: *mut tongyong_translation) {
    if !res.is_null() {
        // SAFETY: created by Box::into_raw in tongyong_translate.
        guard_value((), || drop(unsafe { Box::from_raw(res) }));
    }
}

/// The braille of a translation in `format`, into a caller buffer (as `tongyong_to_braille`).
///
/// # Safety
/// `res` a live translation or NULL; `out` NULL or `cap` writable bytes; `out_len` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_translation_braille(
    res: *const tongyong_translation,
    format: tongyong_format,
    out: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller.
        let res = unsafe { object(res) }?;
        let braille = res.inner.to_string_as(format_of(format)?);
        unsafe { write_str(&braille, out, cap, out_len) }
    })
}

/// The number of output symbols (the length of `tongyong_translation_input_positions` and of
/// `tongyong_translation_symbols`); 0 for NULL.
///
/// # Safety
/// `res` must be NULL or a live translation.
#[no_mangle]
pub unsafe extern "C" fn tongyong_translation_symbol_count(
    res: *const tongyong_translation,
) -> usize {
    // SAFETY: guaranteed by the caller.
    guard_value(0, || {
        unsafe { res.as_ref() }.map_or(0, |r| r.inner.symbols().len())
    })
}

/// The output symbols as Unicode code points: a cell is U+2800 + its dot mask (dot 1 = bit 0 …
/// dot 8 = bit 7, liblouis' `LOU_DOT_*`), a passed-through character is itself.
///
/// # Safety
/// `res` a live translation or NULL; `out` NULL or `cap` writable elements; `out_len` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_translation_symbols(
    res: *const tongyong_translation,
    out: *mut u32,
    cap: usize,
    out_len: *mut usize,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller.
        let res = unsafe { object(res) }?;
        let symbols: Vec<u32> = res
            .inner
            .symbols()
            .iter()
            .map(|s| s.to_unicode() as u32)
            .collect();
        unsafe { write_slice(&symbols, out, cap, out_len) }
    })
}

/// For every output symbol, the input position (in the translation's unit) of the character it
/// came from (liblouis' `inputPos`). A blank cell between words maps to the last character of the
/// word before it. Never -1.
///
/// # Safety
/// `res` a live translation or NULL; `out` NULL or `cap` writable elements; `out_len` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_translation_input_positions(
    res: *const tongyong_translation,
    out: *mut usize,
    cap: usize,
    out_len: *mut usize,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller.
        let res = unsafe { object(res) }?;
        unsafe { write_slice(&res.input_positions, out, cap, out_len) }
    })
}

/// For every input position in the translation's unit (every byte or UTF-16 unit of a character
/// maps like the character), the first output symbol written for it (liblouis' `outputPos`).
///
/// # Safety
/// `res` a live translation or NULL; `out` NULL or `cap` writable elements; `out_len` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_translation_output_positions(
    res: *const tongyong_translation,
    out: *mut usize,
    cap: usize,
    out_len: *mut usize,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller.
        let res = unsafe { object(res) }?;
        unsafe { write_slice(&res.output_positions, out, cap, out_len) }
    })
}

/// The output position of the cursor given to `tongyong_translate` (a cursor at or past the end
/// of the input maps to the end of the output); 0 for NULL.
///
/// # Safety
/// `res` must be NULL or a live translation.
#[no_mangle]
pub unsafe extern "C" fn tongyong_translation_cursor(res: *const tongyong_translation) -> usize {
    // SAFETY: guaranteed by the caller.
    guard_value(0, || unsafe { res.as_ref() }.map_or(0, |r| r.cursor))
}

// ---- to_pinyin --------------------------------------------------------------------------------

/// The words of `len` bytes of UTF-8 `text` with their readings, as the braille is spaced: one
/// word per braille word or punctuation mark. Input ranges are in `unit`. The list is stored in
/// `*out`; release it with `tongyong_words_free`.
///
/// # Safety
/// `tr` a live translator or NULL; `text` NULL or `len` readable bytes; `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_to_pinyin(
    tr: *const tongyong_translator,
    text: *const c_char,
    len: usize,
    unit: tongyong_unit,
    out: *mut *mut tongyong_words,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller.
        let tr = unsafe { object(tr) }?;
        let input = unsafe { self::text(text, len) }?;
        let unit = unit_of(unit)?;
        if out.is_null() {
            return Err(TONGYONG_NULL_POINTER);
        }
        let chars: Vec<char> = input.chars().collect();
        let offsets = unit.offsets(input);
        let words = tr
            .inner
            .to_pinyin(input)
            .iter()
            .map(|w| {
                let kind = match w.kind {
                    ty::WordKind::Han => TONGYONG_WORD_HAN,
                    ty::WordKind::Code => TONGYONG_WORD_CODE,
                    ty::WordKind::Punct => TONGYONG_WORD_PUNCT,
                    _ => TONGYONG_WORD_OTHER,
                };
                let mut readings = w.pinyin.iter();
                let tokens: Vec<String> = chars[w.input.clone()]
                    .iter()
                    .filter(|&&c| ty::segment::is_han(c))
                    .map(|&c| match readings.next().copied().flatten() {
                        Some(s) => s.to_string(),
                        None => c.to_string(),
                    })
                    .collect();
                let pinyin = CString::new(tokens.join(" ")).unwrap_or_default();
                (kind, offsets[w.input.start], offsets[w.input.end], pinyin)
            })
            .collect();
        let list = Box::new(tongyong_words { words });
        // SAFETY: checked not NULL.
        unsafe { put(out, Box::into_raw(list)) }
    })
}

/// The number of words in a list; 0 for NULL.
///
/// # Safety
/// `words` must be NULL or a live word list.
#[no_mangle]
pub unsafe extern "C" fn tongyong_words_count(words: *const tongyong_words) -> usize {
    // SAFETY: guaranteed by the caller.
    guard_value(0, || unsafe { words.as_ref() }.map_or(0, |w| w.words.len()))
}

/// Stores word `index` of a list in `*out`; `TONGYONG_INVALID_ARGUMENT` when `index` is not below
/// `tongyong_words_count`.
///
/// # Safety
/// `words` a live word list or NULL; `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_words_get(
    words: *const tongyong_words,
    index: usize,
    out: *mut tongyong_word,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller.
        let words = unsafe { object(words) }?;
        let (kind, start, end, pinyin) = words.words.get(index).ok_or(TONGYONG_INVALID_ARGUMENT)?;
        let word = tongyong_word {
            kind: *kind,
            input_start: *start,
            input_end: *end,
            pinyin: pinyin.as_ptr(),
            pinyin_len: pinyin.as_bytes().len(),
        };
        // SAFETY: guaranteed by the caller.
        unsafe { put(out, word) }
    })
}

/// Releases a word list; NULL is ignored.
///
/// # Safety
/// `words` must be NULL or a live word list, not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn tongyong_words_free(words: *mut tongyong_words) {
    if !words.is_null() {
        // SAFETY: created by Box::into_raw in tongyong_to_pinyin.
        guard_value((), || drop(unsafe { Box::from_raw(words) }));
    }
}

// ---- from_braille -----------------------------------------------------------------------------

/// Reads `len` bytes of braille (UTF-8; `input` is `TONGYONG_BRAILLE_INPUT_*`) back into pinyin,
/// written NUL-terminated to `out` as the command line's `tongyong back` prints it: syllables
/// with their possible tones (`men2/5`: an unmarked syllable has its group's omitted tone or the
/// neutral tone), the syllables of a braille word joined by `'`, words separated by a space.
///
/// On `TONGYONG_INVALID_BRAILLE`, `*error_cell` (when not NULL) receives the index of the
/// offending cell, counted in characters of the input.
///
/// # Safety
/// `text` NULL or `len` readable bytes; `out` NULL or `cap` writable bytes; `out_len` NULL or
/// writable; `error_cell` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_from_braille(
    text: *const c_char,
    len: usize,
    input: tongyong_braille_input,
    out: *mut c_char,
    cap: usize,
    out_len: *mut usize,
    error_cell: *mut usize,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller.
        let braille = unsafe { self::text(text, len) }?;
        let input = match input {
            TONGYONG_BRAILLE_INPUT_UNICODE => ty::BrailleInput::Unicode,
            TONGYONG_BRAILLE_INPUT_BRF => ty::BrailleInput::Brf,
            _ => return Err(TONGYONG_INVALID_ARGUMENT),
        };
        match ty::from_braille(braille, input) {
            Ok(back) => unsafe { write_str(&back.to_pinyin_string(), out, cap, out_len) },
            Err(ty::Error::Braille { position, .. }) => {
                if !error_cell.is_null() {
                    // SAFETY: not NULL, writable by the caller's guarantee.
                    unsafe { error_cell.write(position) };
                }
                Err(TONGYONG_INVALID_BRAILLE)
            }
            Err(_) => Err(TONGYONG_INVALID_ARGUMENT),
        }
    })
}

// ---- National Common Sign Language --------------------------------------------------------------

/// A sign of the National Common Sign Language lexicon (opaque, static). Pointers to entries
/// point into the library's static data: they are valid for as long as the library is loaded,
/// may be shared by threads and are never freed. Read them with the `tongyong_sign_entry_*`
/// accessors. The sign ids and headwords are from NationalCSL-DP (Jin et al., Scientific Data 12,
/// 660, 2025, doi:10.1038/s41597-025-04986-x), licensed CC BY 4.0: credit them when you show
/// them. An entry never describes how to sign: use its id to show a licensed video or picture.
pub struct tongyong_sign_entry {
    _opaque: [u8; 0],
}

/// The result of `tongyong_to_signs` (opaque): a list of sign tokens. Read with
/// `tongyong_signs_count` and `tongyong_signs_get`; release with `tongyong_signs_free`.
pub struct tongyong_signs {
    tokens: Vec<SignTokenC>,
}

struct SignTokenC {
    kind: tongyong_sign_kind,
    input: (usize, usize),
    word: (usize, usize),
    entries: &'static [&'static ty::SignEntry],
    letters: CString,
    fingerspelling: CString,
}

/// What a token of `tongyong_to_signs` is.
pub type tongyong_sign_kind = u32;
/// A lexicon sign (its entries are the sign and its variants).
pub const TONGYONG_SIGN_KIND_SIGN: tongyong_sign_kind = 0;
/// No sign: fingerspelled (a Chinese word by its syllables, or Latin letters).
pub const TONGYONG_SIGN_KIND_FINGERSPELL: tongyong_sign_kind = 1;
/// A number sign (digits or a Chinese numeral with a sign, or one digit of a longer number).
pub const TONGYONG_SIGN_KIND_NUMBER: tongyong_sign_kind = 2;
/// Punctuation, symbols and anything else without a sign.
pub const TONGYONG_SIGN_KIND_OTHER: tongyong_sign_kind = 3;

/// The id `tongyong_sign_entry_id` returns for a NULL entry (never a sign id).
pub const TONGYONG_SIGN_NO_ID: u32 = u32::MAX;

/// One token of a `tongyong_signs` list.
#[repr(C)]
pub struct tongyong_sign_token {
    /// `TONGYONG_SIGN_KIND_SIGN`, `_FINGERSPELL`, `_NUMBER` or `_OTHER`.
    pub kind: tongyong_sign_kind,
    /// Start of the token in the input, in the unit given to `tongyong_to_signs`.
    pub input_start: usize,
    /// End (exclusive) of the token in the input, in the same unit.
    pub input_end: usize,
    /// Start of the text word the token was taken from: equal to `input_start` unless the word
    /// was split into several lexicon words and fingerspelled parts (or a number into digits).
    pub word_start: usize,
    /// End (exclusive) of the text word the token was taken from.
    pub word_end: usize,
    /// The signs of a `_SIGN` or `_NUMBER` token, all variants in variant order: static data
    /// (never freed, valid after `tongyong_signs_free`). NULL when `entry_count` is 0.
    pub entries: *const *const tongyong_sign_entry,
    /// The number of `entries`.
    pub entry_count: usize,
    /// The handshapes of a `_FINGERSPELL` token separated by single spaces (`"ZH A NG"`, the
    /// letters of the command line's `tongyong sign --json`); empty for other tokens.
    /// NUL-terminated and owned by the list: valid until `tongyong_signs_free`.
    pub letters: *const c_char,
    /// Length of `letters` in bytes, without the NUL.
    pub letters_len: usize,
    /// The fingerspelling by syllable as `tongyong sign` prints it between brackets: syllables
    /// separated by `" | "`, a U standing for ü as `U(¨)`, an E for ê as `E(^)`
    /// (`"N U(¨) | SH E NG"`); empty for other tokens. NUL-terminated, owned by the list.
    pub fingerspelling: *const c_char,
    /// Length of `fingerspelling` in bytes, without the NUL.
    pub fingerspelling_len: usize,
}

/// The static slice of entries as C pointers (NULL for an empty slice).
fn entry_array(entries: &'static [&'static ty::SignEntry]) -> *const *const tongyong_sign_entry {
    if entries.is_empty() {
        std::ptr::null()
    } else {
        // `&'static SignEntry` and `*const tongyong_sign_entry` are both thin pointers: the
        // slice is read from C as an array of opaque pointers, which are only ever cast back.
        entries.as_ptr().cast()
    }
}

fn entry_ptr(entry: &'static ty::SignEntry) -> *const tongyong_sign_entry {
    (entry as *const ty::SignEntry).cast()
}

/// # Safety
/// `e` must be NULL or an entry pointer given by this library.
unsafe fn sign_entry<'a>(e: *const tongyong_sign_entry) -> Option<&'a ty::SignEntry> {
    // SAFETY: entry pointers are `&'static SignEntry` cast to the opaque type.
    unsafe { e.cast::<ty::SignEntry>().as_ref() }
}

/// Writes `s` (static, not NUL-terminated) as pointer and length.
///
/// # Safety
/// `len` must be NULL or writable.
unsafe fn static_str(s: &'static str, len: *mut usize) -> *const c_char {
    if len.is_null() {
        return std::ptr::null();
    }
    // SAFETY: not NULL, writable by the caller's guarantee.
    unsafe { len.write(s.len()) };
    s.as_ptr().cast()
}

/// The spelled units joined as `tongyong sign` prints them (`"N U(¨) | SH E NG"`).
fn spelled_string(spelled: &[ty::sign::Spelled]) -> String {
    let parts: Vec<String> = spelled.iter().map(|s| s.to_string()).collect();
    parts.join(" | ")
}

/// The number of signs in the lexicon (6707); ids run from 0 to this number minus 1.
#[no_mangle]
pub extern "C" fn tongyong_sign_count() -> usize {
    guard_value(0, || ty::sign_entries().len())
}

/// Looks up the signs of a word (`len` bytes of UTF-8): as a headword or as a word listed as
/// sharing a sign, all variants in variant order. On success `*out` points to a static array of
/// `*count` entry pointers (nothing to free; NULL and 0 when the word has no sign, which is not an
/// error). Latin letters also match in upper case (`wifi` finds `WIFI`).
///
/// # Safety
/// `word` NULL or `len` readable bytes; `out` and `count` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_sign_lookup(
    word: *const c_char,
    len: usize,
    out: *mut *const *const tongyong_sign_entry,
    count: *mut usize,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller.
        let word = unsafe { text(word, len) }?;
        if out.is_null() || count.is_null() {
            return Err(TONGYONG_NULL_POINTER);
        }
        let entries = ty::sign_lookup(word);
        // SAFETY: both checked not NULL, writable by the caller's guarantee.
        unsafe {
            out.write(entry_array(entries));
            count.write(entries.len());
        }
        Ok(())
    })
}

/// Stores the sign with NationalCSL-DP id `id` in `*out`; `TONGYONG_INVALID_ARGUMENT` (and NULL
/// in `*out`) when `id` is not below `tongyong_sign_count()`.
///
/// # Safety
/// `out` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_sign_by_id(
    id: u32,
    out: *mut *const tongyong_sign_entry,
) -> tongyong_status {
    guard(|| {
        if out.is_null() {
            return Err(TONGYONG_NULL_POINTER);
        }
        let entry = u16::try_from(id).ok().and_then(ty::sign_by_id);
        // SAFETY: checked not NULL.
        unsafe { out.write(entry.map_or(std::ptr::null(), entry_ptr)) };
        entry.map(|_| ()).ok_or(TONGYONG_INVALID_ARGUMENT)
    })
}

/// The NationalCSL-DP id of an entry (the key of licensed media); `TONGYONG_SIGN_NO_ID` for NULL.
///
/// # Safety
/// `entry` must be NULL or an entry pointer given by this library.
#[no_mangle]
pub unsafe extern "C" fn tongyong_sign_entry_id(entry: *const tongyong_sign_entry) -> u32 {
    // SAFETY: guaranteed by the caller.
    guard_value(TONGYONG_SIGN_NO_ID, || {
        unsafe { sign_entry(entry) }.map_or(TONGYONG_SIGN_NO_ID, |e| u32::from(e.id))
    })
}

/// The headword of an entry without variant mark and synonyms (`违反`; digits for the numeral
/// signs: `10`), as UTF-8 that is **not NUL-terminated**: the function returns a pointer to
/// static data and stores its length in bytes in `*len` (print it with `"%.*s"`). NULL (and
/// `*len` untouched) when `entry` or `len` is NULL.
///
/// # Safety
/// `entry` NULL or an entry pointer given by this library; `len` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_sign_entry_headword(
    entry: *const tongyong_sign_entry,
    len: *mut usize,
) -> *const c_char {
    guard_value(std::ptr::null(), || {
        // SAFETY: guaranteed by the caller.
        match unsafe { sign_entry(entry) } {
            Some(e) => unsafe { static_str(e.headword, len) },
            None => std::ptr::null(),
        }
    })
}

/// The gloss of an entry exactly as printed in the source, with variant mark and parenthesised
/// synonyms (`违反①（触犯、得罪、不孝②）`): static UTF-8, **not NUL-terminated**, length in
/// `*len`, as `tongyong_sign_entry_headword`.
///
/// # Safety
/// `entry` NULL or an entry pointer given by this library; `len` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_sign_entry_gloss(
    entry: *const tongyong_sign_entry,
    len: *mut usize,
) -> *const c_char {
    guard_value(std::ptr::null(), || {
        // SAFETY: guaranteed by the caller.
        match unsafe { sign_entry(entry) } {
            Some(e) => unsafe { static_str(e.gloss, len) },
            None => std::ptr::null(),
        }
    })
}

/// The variant number of an entry when its headword has several signs (① → 1), else 0 (also for
/// NULL).
///
/// # Safety
/// `entry` must be NULL or an entry pointer given by this library.
#[no_mangle]
pub unsafe extern "C" fn tongyong_sign_entry_variant(entry: *const tongyong_sign_entry) -> u32 {
    // SAFETY: guaranteed by the caller.
    guard_value(0, || {
        unsafe { sign_entry(entry) }.map_or(0, |e| e.variant.map_or(0, u32::from))
    })
}

/// The number of words listed as sharing the sign of an entry; 0 for NULL.
///
/// # Safety
/// `entry` must be NULL or an entry pointer given by this library.
#[no_mangle]
pub unsafe extern "C" fn tongyong_sign_entry_shared_count(
    entry: *const tongyong_sign_entry,
) -> usize {
    // SAFETY: guaranteed by the caller.
    guard_value(0, || {
        unsafe { sign_entry(entry) }.map_or(0, |e| e.shares_sign_with.len())
    })
}

/// Shared word `index` of an entry (in the source's order): `*word` receives static UTF-8 that
/// is **not NUL-terminated**, `*len` its length in bytes and `*variant` (when not NULL) which of
/// the word's signs this is (`不孝②` → 2; 0 when the word has one). `TONGYONG_INVALID_ARGUMENT`
/// when `index` is not below `tongyong_sign_entry_shared_count`.
///
/// # Safety
/// `entry` NULL or an entry pointer given by this library; `word`, `len`, `variant` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_sign_entry_shared(
    entry: *const tongyong_sign_entry,
    index: usize,
    word: *mut *const c_char,
    len: *mut usize,
    variant: *mut u32,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller.
        let e = unsafe { sign_entry(entry) }.ok_or(TONGYONG_NULL_POINTER)?;
        if word.is_null() || len.is_null() {
            return Err(TONGYONG_NULL_POINTER);
        }
        let shared = e
            .shares_sign_with
            .get(index)
            .ok_or(TONGYONG_INVALID_ARGUMENT)?;
        // SAFETY: checked not NULL (variant below), writable by the caller's guarantee.
        unsafe {
            word.write(shared.word.as_ptr().cast());
            len.write(shared.word.len());
            if !variant.is_null() {
                variant.write(shared.variant.map_or(0, u32::from));
            }
        }
        Ok(())
    })
}

/// **Derived** by tongyong, not from the source: the reading of an entry's headword, one
/// tone-number syllable per Han character separated by single spaces (`"shou3 yu3"`; ü as `v`,
/// 5 = neutral tone; `?` for a character without a reading; empty when the headword has no Han
/// character). Written NUL-terminated to a caller buffer (`out`, `cap`, `*out_len`).
///
/// # Safety
/// `entry` NULL or an entry pointer given by this library; `out` NULL or `cap` writable bytes;
/// `out_len` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_sign_entry_pinyin(
    entry: *const tongyong_sign_entry,
    out: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller.
        let e = unsafe { sign_entry(entry) }.ok_or(TONGYONG_NULL_POINTER)?;
        let syllables: Vec<String> = e
            .pinyin()
            .iter()
            .map(|s| s.map_or_else(|| "?".to_owned(), |s| s.to_string()))
            .collect();
        unsafe { write_str(&syllables.join(" "), out, cap, out_len) }
    })
}

/// **Derived** by tongyong, not from the source, and not the sign itself: the fingerspelling of
/// an entry's headword, in the form of `tongyong_sign_token.fingerspelling` (`"SH O U | Y U"`),
/// NUL-terminated in a caller buffer.
///
/// # Safety
/// `entry` NULL or an entry pointer given by this library; `out` NULL or `cap` writable bytes;
/// `out_len` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_sign_entry_fingerspelling(
    entry: *const tongyong_sign_entry,
    out: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller.
        let e = unsafe { sign_entry(entry) }.ok_or(TONGYONG_NULL_POINTER)?;
        unsafe { write_str(&spelled_string(&e.fingerspelling()), out, cap, out_len) }
    })
}

/// Fingerspells `len` bytes of UTF-8 `text` with the Chinese finger alphabet: every Han
/// character by its reading in context, every run of Latin letters as its letters, anything else
/// skipped; written NUL-terminated to a caller buffer in the form of
/// `tongyong_sign_token.fingerspelling` (`张` → `"ZH A NG"`, `女生 ok` → `"N U(¨) | SH E NG | O K"`).
///
/// # Safety
/// `text` NULL or `len` readable bytes; `out` NULL or `cap` writable bytes; `out_len` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_fingerspell(
    text: *const c_char,
    len: usize,
    out: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller.
        let input = unsafe { self::text(text, len) }?;
        let spelled = ty::fingerspell(input);
        unsafe { write_str(&spelled_string(&spelled), out, cap, out_len) }
    })
}

/// Turns `len` bytes of UTF-8 `text` into a sequence of National Common Sign Language signs, as
/// the command line's `tongyong sign` does: lexicon words (several text words may form one),
/// words split into lexicon words, fingerspelled parts, numbers and other characters; spaces and
/// line breaks give no token. Input ranges are in `unit`. The list is stored in `*out`; release
/// it with `tongyong_signs_free`. Needs no translator: signing has no options.
///
/// # Safety
/// `text` NULL or `len` readable bytes; `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_to_signs(
    text: *const c_char,
    len: usize,
    unit: tongyong_unit,
    out: *mut *mut tongyong_signs,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller.
        let input = unsafe { self::text(text, len) }?;
        let unit = unit_of(unit)?;
        if out.is_null() {
            return Err(TONGYONG_NULL_POINTER);
        }
        let offsets = unit.offsets(input);
        let tokens = ty::to_signs(input)
            .iter()
            .map(|t| {
                let letters: Vec<&str> = t.letters().map(|l| l.as_str()).collect();
                SignTokenC {
                    kind: match t.kind {
                        ty::SignKind::Sign => TONGYONG_SIGN_KIND_SIGN,
                        ty::SignKind::Fingerspell => TONGYONG_SIGN_KIND_FINGERSPELL,
                        ty::SignKind::Number => TONGYONG_SIGN_KIND_NUMBER,
                        ty::SignKind::Other => TONGYONG_SIGN_KIND_OTHER,
                    },
                    input: (offsets[t.input.start], offsets[t.input.end]),
                    word: (offsets[t.word.start], offsets[t.word.end]),
                    entries: t.entries,
                    letters: CString::new(letters.join(" ")).unwrap_or_default(),
                    fingerspelling: CString::new(spelled_string(&t.fingerspelling))
                        .unwrap_or_default(),
                }
            })
            .collect();
        let list = Box::new(tongyong_signs { tokens });
        // SAFETY: checked not NULL.
        unsafe { put(out, Box::into_raw(list)) }
    })
}

/// The number of tokens in a sign list; 0 for NULL.
///
/// # Safety
/// `signs` must be NULL or a live sign list.
#[no_mangle]
pub unsafe extern "C" fn tongyong_signs_count(signs: *const tongyong_signs) -> usize {
    // SAFETY: guaranteed by the caller.
    guard_value(0, || {
        unsafe { signs.as_ref() }.map_or(0, |s| s.tokens.len())
    })
}

/// Stores token `index` of a sign list in `*out`; `TONGYONG_INVALID_ARGUMENT` when `index` is not
/// below `tongyong_signs_count`.
///
/// # Safety
/// `signs` a live sign list or NULL; `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn tongyong_signs_get(
    signs: *const tongyong_signs,
    index: usize,
    out: *mut tongyong_sign_token,
) -> tongyong_status {
    guard(|| {
        // SAFETY: guaranteed by the caller.
        let signs = unsafe { object(signs) }?;
        let t = signs.tokens.get(index).ok_or(TONGYONG_INVALID_ARGUMENT)?;
        let token = tongyong_sign_token {
            kind: t.kind,
            input_start: t.input.0,
            input_end: t.input.1,
            word_start: t.word.0,
            word_end: t.word.1,
            entries: entry_array(t.entries),
            entry_count: t.entries.len(),
            letters: t.letters.as_ptr(),
            letters_len: t.letters.as_bytes().len(),
            fingerspelling: t.fingerspelling.as_ptr(),
            fingerspelling_len: t.fingerspelling.as_bytes().len(),
        };
        // SAFETY: guaranteed by the caller.
        unsafe { put(out, token) }
    })
}

/// Releases a sign list; NULL is ignored. The entries it pointed to are static and stay valid.
///
/// # Safety
/// `signs` must be NULL or a live sign list, not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn tongyong_signs_free(signs: *mut tongyong_signs) {
    if !signs.is_null() {
        // SAFETY: created by Box::into_raw in tongyong_to_signs.
        guard_value((), || drop(unsafe { Box::from_raw(signs) }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_constants_match_the_package() {
        let v = |s: &str| s.parse::<u32>().unwrap();
        assert_eq!(TONGYONG_VERSION_MAJOR, v(env!("CARGO_PKG_VERSION_MAJOR")));
        assert_eq!(TONGYONG_VERSION_MINOR, v(env!("CARGO_PKG_VERSION_MINOR")));
        assert_eq!(TONGYONG_VERSION_PATCH, v(env!("CARGO_PKG_VERSION_PATCH")));
        let build = include_str!("../build.rs");
        assert!(build.contains(&format!("const ABI_VERSION: u32 = {TONGYONG_ABI_VERSION};")));
    }

    #[test]
    fn too_small_reports_the_size_and_writes_nothing() {
        let mut tr = std::ptr::null_mut();
        assert_eq!(
            unsafe { tongyong_translator_new(std::ptr::null(), &mut tr) },
            TONGYONG_OK
        );
        let text = "你好";
        let mut buf = [b'x' as c_char; 16];
        let mut n = 0;
        let status = unsafe {
            tongyong_to_braille(
                tr,
                text.as_ptr().cast(),
                text.len(),
                TONGYONG_FORMAT_BRF,
                buf.as_mut_ptr(),
                4,
                &mut n,
            )
        };
        assert_eq!((status, n), (TONGYONG_BUFFER_TOO_SMALL, 5));
        assert_eq!(buf[0], b'x' as c_char);
        let status = unsafe {
            tongyong_to_braille(
                tr,
                text.as_ptr().cast(),
                text.len(),
                TONGYONG_FORMAT_BRF,
                buf.as_mut_ptr(),
                5,
                &mut n,
            )
        };
        assert_eq!((status, n), (TONGYONG_OK, 4));
        let out: Vec<u8> = buf[..5].iter().map(|&b| b as u8).collect();
        assert_eq!(out, b"NH6'\0");
        unsafe { tongyong_translator_free(tr) };
    }
}

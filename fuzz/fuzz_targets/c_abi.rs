//! The C ABI (bindings/c/src/lib.rs, compiled in as a module) with fuzzed options, raw text bytes
//! (invalid UTF-8 included), NULL pointers, enumeration values out of range, cursors and buffer
//! capacities: every call returns the documented status, the required-size protocol holds (a
//! too-small buffer is left untouched and `*out_len` is the size needed) and the results are
//! those of the Rust library.
#![no_main]

// The C ABI's source is compiled in as a module (the tongyong-c crate is a cdylib/staticlib only);
// its `use tongyong_core as ty` finds the core crate under this name.
extern crate tongyong as tongyong_core;

#[allow(dead_code, unused_imports, clippy::all)]
#[path = "../../bindings/c/src/lib.rs"]
mod c;

use std::ffi::{c_char, CStr};
use std::fmt::Debug;
use std::ptr::{null, null_mut};

use c::*;
use libfuzzer_sys::fuzz_target;
use tongyong::{
    from_braille, BrailleInput, DecimalPoint, Format, LowercaseSign, Options, SymbolMode, ToneMode,
    Translator, Unit,
};

/// Reads the fuzz input as a sequence of choices; zeros once it is used up.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }
    fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.byte(), self.byte(), self.byte(), self.byte()])
    }
}

/// A capacity chosen around `need`: one short, exact, larger, or anything up to `need`.
fn capacity(need: usize, choice: u8) -> usize {
    match choice % 4 {
        0 => need.saturating_sub(1),
        1 => need,
        2 => need + 7,
        _ => choice as usize % (need + 1),
    }
}

/// Checks a string-returning function `call(out, cap, out_len)` against `expected`.
fn check_str(
    call: impl Fn(*mut c_char, usize, *mut usize) -> tongyong_status,
    expected: Result<&str, tongyong_status>,
    choice: u8,
) {
    let mut n = usize::MAX;
    let status = call(null_mut(), 0, &mut n);
    let want = match expected {
        Err(e) => {
            assert_eq!(status, e);
            return;
        }
        Ok(s) => s,
    };
    let need = want.len() + 1;
    assert_eq!(status, TONGYONG_BUFFER_TOO_SMALL, "size query");
    assert_eq!(n, need, "size query gives the capacity with the NUL");
    assert_eq!(call(null_mut(), 0, null_mut()), TONGYONG_NULL_POINTER);
    assert_eq!(call(null_mut(), 3, &mut n), TONGYONG_NULL_POINTER);
    let cap = capacity(need, choice);
    let mut buf = vec![0x55u8; cap.max(1)];
    let mut m = usize::MAX;
    let status = call(buf.as_mut_ptr().cast(), cap, &mut m);
    if cap < need {
        assert_eq!(status, TONGYONG_BUFFER_TOO_SMALL);
        assert_eq!(m, need);
        assert!(
            buf.iter().all(|&b| b == 0x55),
            "a too-small buffer is untouched"
        );
    } else {
        assert_eq!(status, TONGYONG_OK);
        assert_eq!(m, want.len());
        assert_eq!(&buf[..m], want.as_bytes());
        assert_eq!(buf[m], 0);
        assert!(
            buf[m + 1..].iter().all(|&b| b == 0x55),
            "nothing past the NUL"
        );
    }
}

/// Checks a slice-returning function `call(out, cap, out_len)` against `want`.
fn check_slice<T: Copy + PartialEq + Debug>(
    call: impl Fn(*mut T, usize, *mut usize) -> tongyong_status,
    want: &[T],
    sentinel: T,
    choice: u8,
) {
    let mut n = usize::MAX;
    let status = call(null_mut(), 0, &mut n);
    if want.is_empty() {
        assert_eq!(status, TONGYONG_OK);
    } else {
        assert_eq!(status, TONGYONG_BUFFER_TOO_SMALL);
    }
    assert_eq!(n, want.len());
    assert_eq!(call(null_mut(), 0, null_mut()), TONGYONG_NULL_POINTER);
    assert_eq!(call(null_mut(), 2, &mut n), TONGYONG_NULL_POINTER);
    let cap = capacity(want.len(), choice);
    let mut buf = vec![sentinel; cap.max(1)];
    let mut m = usize::MAX;
    let status = call(buf.as_mut_ptr(), cap, &mut m);
    if cap < want.len() {
        assert_eq!(status, TONGYONG_BUFFER_TOO_SMALL);
        assert_eq!(m, want.len());
        assert!(buf.iter().all(|&b| b == sentinel));
    } else {
        assert_eq!(status, TONGYONG_OK);
        assert_eq!(m, want.len());
        assert_eq!(&buf[..m], want);
        assert!(buf[m..].iter().all(|&b| b == sentinel));
    }
}

/// Applies a setter with a fuzzed value (out of range 1 time in 4) to both option sets.
fn set(opts: *mut tongyong_options, mirror: &mut Options, which: u8, value: u32) {
    let value = value % 4;
    let valid;
    let status = unsafe {
        match which % 8 {
            0 => {
                valid = value < 3;
                if valid {
                    mirror.tones =
                        [ToneMode::National, ToneMode::Full, ToneMode::None][value as usize];
                }
                tongyong_options_set_tones(opts, value)
            }
            1 => {
                valid = true;
                mirror.apical_tone_before_zero_initial = value & 1 == 1;
                tongyong_options_set_apical_tone_before_zero_initial(opts, value & 1 == 1)
            }
            2 => {
                valid = true;
                mirror.tone_retention_list = value & 1 == 1;
                tongyong_options_set_tone_retention_list(opts, value & 1 == 1)
            }
            3 => {
                valid = true;
                mirror.abbreviate_before_zero_initial = value & 1 == 1;
                tongyong_options_set_abbreviate_before_zero_initial(opts, value & 1 == 1)
            }
            4 => {
                valid = true;
                mirror.blank_after_sentence_end = value & 1 == 1;
                tongyong_options_set_blank_after_sentence_end(opts, value & 1 == 1)
            }
            5 => {
                valid = value < 3;
                if valid {
                    mirror.lowercase_sign = [
                        LowercaseSign::Never,
                        LowercaseSign::InChineseText,
                        LowercaseSign::Always,
                    ][value as usize];
                }
                tongyong_options_set_lowercase_sign(opts, value)
            }
            6 => {
                valid = value < 2;
                if valid {
                    mirror.decimal_point = [DecimalPoint::Dot3, DecimalPoint::Dot2][value as usize];
                }
                tongyong_options_set_decimal_point(opts, value)
            }
            _ => {
                valid = value < 3;
                if valid {
                    mirror.symbols = [
                        SymbolMode::ComputerBraille,
                        SymbolMode::PassThrough,
                        SymbolMode::ChineseText,
                    ][value as usize];
                }
                tongyong_options_set_symbols(opts, value)
            }
        }
    };
    if opts.is_null() {
        assert_eq!(status, TONGYONG_NULL_POINTER);
    } else if valid {
        assert_eq!(status, TONGYONG_OK);
    } else {
        assert_eq!(status, TONGYONG_INVALID_ARGUMENT);
    }
}

/// An enumeration value: mostly `0..n` (the last one invalid), sometimes far out of range.
fn enum_value(b: u8, n: u8) -> u32 {
    if b >= 0xF8 {
        u32::MAX - u32::from(b & 7)
    } else {
        u32::from(b % n)
    }
}

fn unit_len(text: &str, unit: Unit) -> usize {
    match unit {
        Unit::Scalar => text.chars().count(),
        Unit::Utf16 => text.encode_utf16().count(),
        Unit::Byte => text.len(),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes(data);
    // Options: NULL (defaults) or a fuzzed set.
    let flags = b.byte();
    let mut mirror = Options::default();
    let mut opts: *mut tongyong_options = null_mut();
    if flags & 1 == 1 {
        assert_eq!(unsafe { tongyong_options_new(&mut opts) }, TONGYONG_OK);
        for _ in 0..b.byte() % 6 {
            let (which, value) = (b.byte(), b.u32());
            set(opts, &mut mirror, which, value);
        }
    }
    set(null_mut(), &mut Options::default(), b.byte(), 0);
    assert_eq!(
        unsafe { tongyong_options_new(null_mut()) },
        TONGYONG_NULL_POINTER
    );
    let mut tr: *mut tongyong_translator = null_mut();
    assert_eq!(
        unsafe { tongyong_translator_new(opts, null_mut()) },
        TONGYONG_NULL_POINTER
    );
    assert_eq!(
        unsafe { tongyong_translator_new(opts, &mut tr) },
        TONGYONG_OK
    );
    // The translator copies the options.
    unsafe { tongyong_options_free(opts) };
    let rust = Translator::with_options(mirror);

    let (format, unit_v, input_v) = (
        enum_value(b.byte(), 4),
        enum_value(b.byte(), 4),
        enum_value(b.byte(), 3),
    );
    let cursor = b.u32();
    let choices = [b.byte(), b.byte(), b.byte(), b.byte(), b.byte()];
    let bytes = b.0;
    // The text pointer: the bytes, NULL with length 0 (the empty text) or NULL with a length.
    let (ptr, len): (*const c_char, usize) = match flags >> 1 & 7 {
        0 => (null(), 0),
        1 => (null(), bytes.len().max(1)),
        _ => (bytes.as_ptr().cast(), bytes.len()),
    };
    let text: Result<&str, tongyong_status> = if ptr.is_null() {
        if len == 0 {
            Ok("")
        } else {
            Err(TONGYONG_NULL_POINTER)
        }
    } else {
        std::str::from_utf8(bytes).map_err(|_| TONGYONG_INVALID_UTF8)
    };
    let format_r = match format {
        0 => Ok(Format::Unicode),
        1 => Ok(Format::Dots),
        2 => Ok(Format::Brf),
        _ => Err(TONGYONG_INVALID_ARGUMENT),
    };
    let unit_r = match unit_v {
        0 => Ok(Unit::Scalar),
        1 => Ok(Unit::Utf16),
        2 => Ok(Unit::Byte),
        _ => Err(TONGYONG_INVALID_ARGUMENT),
    };

    // to_braille
    let want = text.and_then(|t| Ok(rust.to_braille(t, format_r?)));
    check_str(
        |out, cap, n| unsafe { tongyong_to_braille(tr, ptr, len, format, out, cap, n) },
        want.as_deref().map_err(|e| *e),
        choices[0],
    );
    let mut n = 0;
    assert_eq!(
        unsafe { tongyong_to_braille(null(), ptr, len, format, null_mut(), 0, &mut n) },
        TONGYONG_NULL_POINTER
    );

    // translate
    let mut res: *mut tongyong_translation = null_mut();
    let status = unsafe { tongyong_translate(tr, ptr, len, unit_v, cursor as usize, &mut res) };
    let expected = text.and_then(|t| Ok((t, unit_r?)));
    match expected {
        Err(e) => {
            assert_eq!(status, e);
            assert!(res.is_null());
        }
        Ok((t, unit)) => {
            assert_eq!(status, TONGYONG_OK);
            assert_eq!(
                unsafe { tongyong_translate(tr, ptr, len, unit_v, 0, null_mut()) },
                TONGYONG_NULL_POINTER
            );
            let r = rust.translate(t);
            let want = format_r.map(|f| r.to_string_as(f));
            check_str(
                |out, cap, n| unsafe { tongyong_translation_braille(res, format, out, cap, n) },
                want.as_deref().map_err(|e| *e),
                choices[1],
            );
            assert_eq!(
                unsafe { tongyong_translation_symbol_count(res) },
                r.symbols().len()
            );
            let symbols: Vec<u32> = r.symbols().iter().map(|s| s.to_unicode() as u32).collect();
            check_slice(
                |out, cap, n| unsafe { tongyong_translation_symbols(res, out, cap, n) },
                &symbols,
                u32::MAX,
                choices[2],
            );
            let input = r.input_positions(unit);
            assert!(input.iter().all(|&i| i < unit_len(t, unit)));
            check_slice(
                |out, cap, n| unsafe { tongyong_translation_input_positions(res, out, cap, n) },
                &input,
                usize::MAX,
                choices[3],
            );
            let output = r.output_positions(unit);
            assert_eq!(output.len(), unit_len(t, unit));
            check_slice(
                |out, cap, n| unsafe { tongyong_translation_output_positions(res, out, cap, n) },
                &output,
                usize::MAX,
                choices[4],
            );
            let c = unsafe { tongyong_translation_cursor(res) };
            assert_eq!(c, r.cursor_to_output(cursor as usize, unit));
            assert!(c <= r.symbols().len());
            unsafe { tongyong_translation_free(res) };
        }
    }

    // to_pinyin
    let mut words: *mut tongyong_words = null_mut();
    let status = unsafe { tongyong_to_pinyin(tr, ptr, len, unit_v, &mut words) };
    match expected {
        Err(e) => assert_eq!(status, e),
        Ok((t, unit)) => {
            assert_eq!(status, TONGYONG_OK);
            let count = unsafe { tongyong_words_count(words) };
            assert_eq!(count, rust.to_pinyin(t).len());
            let total = unit_len(t, unit);
            let mut end = 0;
            for k in 0..=count {
                let mut w = tongyong_word {
                    kind: 99,
                    input_start: 0,
                    input_end: 0,
                    pinyin: null(),
                    pinyin_len: 0,
                };
                let status = unsafe { tongyong_words_get(words, k, &mut w) };
                if k == count {
                    assert_eq!(status, TONGYONG_INVALID_ARGUMENT);
                    continue;
                }
                assert_eq!(status, TONGYONG_OK);
                assert!(w.kind <= TONGYONG_WORD_OTHER);
                assert!(end <= w.input_start && w.input_start <= w.input_end);
                assert!(w.input_end <= total);
                end = w.input_end;
                let p = unsafe { CStr::from_ptr(w.pinyin) };
                assert_eq!(p.to_bytes().len(), w.pinyin_len);
                assert!(p.to_str().is_ok());
                assert_eq!(
                    unsafe { tongyong_words_get(words, k, null_mut()) },
                    TONGYONG_NULL_POINTER
                );
            }
            unsafe { tongyong_words_free(words) };
        }
    }

    // from_braille
    let input_r = match input_v {
        0 => Ok(BrailleInput::Unicode),
        1 => Ok(BrailleInput::Brf),
        _ => Err(TONGYONG_INVALID_ARGUMENT),
    };
    let back = text.and_then(|t| {
        let input = input_r?;
        from_braille(t, input).map_err(|e| match e {
            tongyong::Error::Braille { position, .. } => {
                assert!(position < t.chars().count().max(1));
                TONGYONG_INVALID_BRAILLE
            }
            _ => TONGYONG_INVALID_ARGUMENT,
        })
    });
    let want = back.map(|b| b.to_pinyin_string());
    check_str(
        |out, cap, n| unsafe {
            let mut cell = usize::MAX;
            let s = tongyong_from_braille(ptr, len, input_v, out, cap, n, &mut cell);
            if s == TONGYONG_INVALID_BRAILLE {
                assert!(cell != usize::MAX);
            }
            s
        },
        want.as_deref().map_err(|e| *e),
        choices[0] ^ choices[1],
    );

    // NULL objects.
    unsafe {
        assert_eq!(tongyong_translation_symbol_count(null()), 0);
        assert_eq!(tongyong_translation_cursor(null()), 0);
        assert_eq!(tongyong_words_count(null()), 0);
        tongyong_translation_free(null_mut());
        tongyong_words_free(null_mut());
        tongyong_translator_free(null_mut());
        tongyong_options_free(null_mut());
        assert!(!tongyong_status_message(cursor as i32).is_null());
        tongyong_translator_free(tr);
    }
});

//! The command-line tool, run as a user runs it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tongyong"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tongyong runs");
    // Written from another thread: the tool writes output before it has read all of a large
    // input. It may exit before reading (bad arguments): a closed pipe is not a failure here.
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stdout(args: &[&str], stdin: &str) -> String {
    let out = run(args, stdin.as_bytes());
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn one_output_line_per_input_line() {
    let out = stdout(&["braille"], "我们的学校很大。\n\n你好\r\n");
    assert_eq!(out, "⠕⠍⠴⠙⠀⠓⠾⠂⠓⠜⠀⠓⠴⠄⠙⠔⠐⠆\n\n⠝⠓⠖⠄\n");
    assert_eq!(stdout(&["braille"], ""), "");
}

#[test]
fn files_are_read_in_order() {
    let dir = std::env::temp_dir().join(format!("tongyong-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&a, "你好\n").unwrap();
    std::fs::write(&b, "我们").unwrap();
    let out = stdout(&["braille", a.to_str().unwrap(), b.to_str().unwrap()], "");
    assert_eq!(out, "⠝⠓⠖⠄\n⠕⠍⠴\n");
    let missing = run(&["braille", dir.join("none.txt").to_str().unwrap()], b"");
    assert!(!missing.status.success());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn formats_and_tones() {
    assert_eq!(
        stdout(&["braille", "--format", "dots"], "你好"),
        "1345-125-235-3\n"
    );
    assert_eq!(
        stdout(&["braille", "--format", "brf"], "你好，世界。"),
        "NH6'\" :GE\"2\n"
    );
    assert_eq!(stdout(&["braille", "--tones", "full"], "他们"), "⠞⠔⠍⠴\n");
    assert_eq!(stdout(&["braille", "--tones", "none"], "海浪"), "⠓⠪⠇⠦\n");
    let bad = run(&["braille", "--tones", "loud"], b"x");
    assert!(!bad.status.success());
}

#[test]
fn json_objects_have_the_documented_shape() {
    let out = stdout(&["braille", "--json"], "今天的天气很好。\n");
    let v: serde_json::Value = serde_json::from_str(out.trim_end()).unwrap();
    assert_eq!(v["text"], "今天的天气很好。");
    assert_eq!(v["braille"], "⠛⠣⠁⠞⠩⠁⠙⠀⠞⠩⠁⠅⠊⠆⠀⠓⠴⠄⠓⠖⠄⠐⠆");
    let words = v["words"].as_array().unwrap();
    assert_eq!(words.len(), 4);
    assert_eq!(words[0]["text"], "今天的");
    assert_eq!(words[0]["start"], 0);
    assert_eq!(words[0]["end"], 3);
    assert_eq!(
        words[0]["pinyin"],
        serde_json::json!(["jin1", "tian1", "de5"])
    );
    assert_eq!(words[0]["braille"], "⠛⠣⠁⠞⠩⠁⠙");
    assert_eq!(words[3]["kind"], "punct");
    assert_eq!(words[3]["pinyin"], serde_json::json!([]));
    // pinyin --json prints the same objects.
    assert_eq!(stdout(&["pinyin", "--json"], "今天的天气很好。\n"), out);
}

#[test]
fn pinyin_text_output() {
    assert_eq!(
        stdout(&["pinyin"], "我们去银行。"),
        "wo3men5 qu4 yin2hang2 。\n"
    );
}

#[test]
fn invalid_utf8_is_an_error_with_its_byte_offset() {
    let out = run(&["braille"], b"ok\nab\xffcd\n");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("invalid UTF-8 at byte 5"), "{err}");
    let lossy = run(&["braille", "--lossy"], b"ab\xffcd\n");
    assert!(lossy.status.success());
    // U+FFFD has no braille form: passed through, with blanks at the script changes.
    assert_eq!(String::from_utf8(lossy.stdout).unwrap(), "⠁⠃⠀\u{fffd}⠀⠉⠙\n");
}

#[test]
fn back_translation() {
    assert_eq!(stdout(&["back"], "⠕⠍⠴⠀⠱⠂\n"), "wo3/5'men2/5 shi2\n");
    assert_eq!(stdout(&["back", "--from", "brf"], "NH6'\n"), "你'hao3\n");
    let bad = run(&["back"], "⠁\n".as_bytes());
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("line 1"));
}

#[test]
fn embosser_pages() {
    let text = "我们的学校很大，今天的天气不错，他们都来了。\n";
    let out = stdout(
        &[
            "braille",
            "--width",
            "12",
            "--page-lines",
            "2",
            "--format",
            "brf",
        ],
        text,
    );
    let pages: Vec<&str> = out.split('\u{c}').collect();
    assert!(pages.len() >= 2, "{out:?}");
    for page in pages {
        assert!(page.lines().count() <= 2);
        assert!(page.lines().all(|l| l.chars().count() <= 12), "{page:?}");
    }
}

#[test]
fn user_dictionary() {
    let path = std::env::temp_dir().join(format!("tongyong-dict-{}.tsv", std::process::id()));
    std::fs::write(
        &path,
        "# a reading that differs from the lexicon\n银行\tyin2 xing2\n",
    )
    .unwrap();
    let p = path.to_str().unwrap();
    assert_eq!(
        stdout(&["pinyin", "--user-dict", p], "我去银行"),
        "wo3 qu4 yin2xing2\n"
    );
    assert_eq!(stdout(&["braille", "--user-dict", p], "银行"), "⠣⠂⠓⠡⠂\n");
    std::fs::write(&path, "银行\tyin2\n").unwrap();
    let bad = run(&["pinyin", "--user-dict", p], "银行".as_bytes());
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("line 1") && err.contains("2 characters but 1 syllables"),
        "{err}"
    );
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn a_long_single_line() {
    // 20 MB in a release build (`cargo test --release -p tongyong-cli`), 2 MB in a debug build to
    // keep the suite fast. One line in, one line out, the same braille as the library's, CRLF
    // stripped, nothing dropped.
    let mb = if cfg!(debug_assertions) { 2 } else { 20 };
    let piece = "我们的学校很大，今天的天气不错。Hello 2026年7月1日 3.14 😀 中华人民共和国“事业”——";
    let mut line = String::with_capacity((mb << 20) + piece.len());
    while line.len() < mb << 20 {
        line.push_str(piece);
    }
    let started = std::time::Instant::now();
    let out = run(&["braille"], format!("{line}\r\n").as_bytes());
    eprintln!(
        "tongyong braille: {} bytes in {:?}",
        line.len(),
        started.elapsed()
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let want = tongyong::Translator::new().to_braille(&line, tongyong::Format::Unicode);
    assert_eq!(text.len(), want.len() + 1);
    assert!(
        text == want + "\n",
        "the CLI's braille differs from the library's"
    );
    assert_eq!(text.matches('😀').count(), line.matches('😀').count());
}

/// About 330 KB of varied lines (five chunks of the parallel reader or more): Han text, ASCII
/// lines, empty lines, CRLF, full-width forms, and a last line without a line ending.
fn many_lines() -> Vec<u8> {
    let pieces = [
        "我们的学校很大，今天的天气不错。",
        "NAME",
        "       ls - 列出目录内容 (list directory contents)",
        "",
        "他说：“银行在2026年7月1日开门。”\r",
        "ＡＢＣ１２３ 中华人民共和国 3.14 😀 e\u{301}",
        "-a, --all 不隐藏任何以. 开始的项目",
    ];
    let mut text = Vec::new();
    let mut k = 0;
    while text.len() < 330_000 {
        text.extend_from_slice(pieces[k % pieces.len()].as_bytes());
        text.extend_from_slice(format!(" {k}\n").as_bytes());
        k += 1;
    }
    text.extend_from_slice("最后一行".as_bytes());
    text
}

#[test]
fn threads_give_the_same_output() {
    let text = many_lines();
    let braille = run(&["braille", "--fast", "--threads", "1"], &text).stdout;
    for args in [
        &["pinyin", "--fast"][..],
        &["pinyin", "--fast", "--json"],
        &["braille", "--fast", "--format", "dots"],
        &["braille", "--fast", "--width", "30", "--page-lines", "7"],
        &["sign"],
    ] {
        let one = run(&[args, &["--threads", "1"]].concat(), &text);
        assert!(one.status.success(), "{args:?}");
        assert!(one.stdout.len() > text.len(), "{args:?}");
        for threads in ["2", "4"] {
            let many = run(&[args, &["--threads", threads]].concat(), &text);
            assert!(many.status.success(), "{args:?}");
            assert!(one.stdout == many.stdout, "{args:?} --threads {threads}");
        }
    }
    // Back-translation, with a line that fails (reported with its line number at the end).
    let mut cells = braille.clone();
    cells.extend_from_slice("⠁\n".as_bytes());
    cells.extend_from_slice(&braille);
    let one = run(&["back", "--threads", "1"], &cells);
    assert!(!one.status.success());
    for threads in ["2", "4"] {
        let many = run(&["back", "--threads", threads], &cells);
        assert_eq!(many.status.code(), one.status.code());
        assert!(one.stdout == many.stdout, "back --threads {threads}");
        assert_eq!(many.stderr, one.stderr);
    }
}

#[test]
fn threads_stop_at_the_same_invalid_utf8() {
    let mut text = many_lines();
    // Two bad lines well inside the input: the first one stops the output.
    let at = text[200_000..].iter().position(|&b| b == b'\n').unwrap() + 200_001;
    text.splice(at..at, b"bad \xff\xfe line\n".iter().copied());
    text.splice(250_000..250_000, b"\n\xe4\xb8\n".iter().copied());
    let one = run(&["pinyin", "--fast", "--threads", "1"], &text);
    assert!(!one.status.success());
    let err = String::from_utf8_lossy(&one.stderr);
    assert!(
        err.contains(&format!("invalid UTF-8 at byte {}", at + 4)),
        "{err}"
    );
    let lossy = run(&["braille", "--fast", "--lossy", "--threads", "1"], &text);
    assert!(lossy.status.success());
    for threads in ["2", "4"] {
        let many = run(&["pinyin", "--fast", "--threads", threads], &text);
        assert_eq!(many.status.code(), one.status.code());
        assert_eq!(many.stderr, one.stderr);
        assert!(one.stdout == many.stdout, "--threads {threads}");
        let many = run(
            &["braille", "--fast", "--lossy", "--threads", threads],
            &text,
        );
        assert!(many.status.success());
        assert!(lossy.stdout == many.stdout, "--lossy --threads {threads}");
    }
}

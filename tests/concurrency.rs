//! Concurrency (issue #7): eight threads share one `Translator` and translate the same texts at
//! once; every result equals the single-threaded one. The translator is immutable and the library
//! has no global state, so this needs no locking.

use std::sync::Barrier;
use std::thread;

use tongyong::{from_braille, to_signs, BrailleInput, Format, Translator, Unit};

const THREADS: usize = 8;
const ROUNDS: usize = 5;

fn texts() -> Vec<String> {
    let mut v: Vec<String> = [
        "我们的学校很大。",
        "他们是老师，她是医生。它们呢？",
        "盲文是盲人用手指触摸阅读的文字。",
        "2024年3月15日，温度是23.5度。",
        "请访问 https://example.org/path 获取 GNU 工具。",
        "银行在路口的东边，你去过吗？他儿子在中华人民共和国。",
        "e\u{301}😀\u{0}\r\n𠀀가",
        "",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.push("我们的学校很大，今天的天气不错。".repeat(200));
    v
}

/// Everything a translation exposes, for comparison.
fn result(t: &Translator, text: &str) -> String {
    let tr = t.translate(text);
    let back = from_braille(&tr.to_string_as(Format::Unicode), BrailleInput::Unicode)
        .map(|b| b.to_pinyin_string());
    let signs: Vec<_> = to_signs(text)
        .iter()
        .map(|s| {
            (
                s.kind,
                s.input.clone(),
                s.entries.iter().map(|e| e.id).collect::<Vec<_>>(),
            )
        })
        .collect();
    format!(
        "{}|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
        tr.to_string_as(Format::Unicode),
        tr.to_string_as(Format::Brf),
        tr.input_positions(Unit::Utf16),
        tr.output_positions(Unit::Byte),
        tr.words(),
        t.to_pinyin(text),
        back,
        signs,
        tr.cursor_to_output(3, Unit::Scalar),
    )
}

#[test]
fn eight_threads_share_one_translator() {
    let translator = Translator::new();
    let texts = texts();
    let expected: Vec<String> = texts.iter().map(|s| result(&translator, s)).collect();
    let barrier = Barrier::new(THREADS);
    thread::scope(|scope| {
        for k in 0..THREADS {
            let (translator, texts, expected, barrier) = (&translator, &texts, &expected, &barrier);
            scope.spawn(move || {
                barrier.wait();
                for round in 0..ROUNDS {
                    // Each thread walks the texts from a different starting point.
                    for j in 0..texts.len() {
                        let i = (j + k + round) % texts.len();
                        assert_eq!(
                            result(translator, &texts[i]),
                            expected[i],
                            "thread {k}, round {round}, text {i}"
                        );
                    }
                }
            });
        }
    });
}

#[test]
fn translator_is_send_sync_and_results_are_send() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Translator>();
    send_sync::<tongyong::Translation>();
    send_sync::<tongyong::BackTranslation>();
}

/// A translation from inside `for_each_word`'s callback (the thread's buffers are in use then)
/// gives the same result as one outside it, and the outer words are not disturbed.
#[test]
fn nested_calls_on_one_thread() {
    let t = Translator::new();
    let texts = texts();
    for text in &texts {
        let mut words = Vec::new();
        t.for_each_word(text, |w| {
            words.push(w.clone());
            let inner = &texts[1];
            assert_eq!(
                t.to_braille(inner, Format::Unicode),
                Translator::new()
                    .translate(inner)
                    .to_string_as(Format::Unicode)
            );
            assert_eq!(t.to_pinyin(inner), Translator::new().to_pinyin(inner));
        });
        assert_eq!(words, t.to_pinyin(text), "{text:?}");
    }
}

//! Library throughput on a file, without process start-up or output formatting:
//! `cargo run --release --example throughput -- FILE [braille|pinyin|back] [repeat] [fast]`.

use std::time::Instant;

use tongyong::{from_braille, BrailleInput, Format, Options, ReadingMode, Translator};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: throughput FILE [braille|pinyin|back] [repeat]");
    let what = args.next().unwrap_or_else(|| "braille".to_string());
    let repeat: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let readings = if args.next().as_deref() == Some("fast") {
        ReadingMode::Fast
    } else {
        ReadingMode::Model
    };
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let t = Translator::with_options(Options {
        readings,
        ..Options::default()
    });
    let lines: Vec<String> = match what.as_str() {
        "back" => text
            .lines()
            .map(|l| t.to_braille(l, Format::Unicode))
            .collect(),
        _ => text.lines().map(str::to_string).collect(),
    };
    let bytes: usize = lines.iter().map(|l| l.len() + 1).sum();
    let start = Instant::now();
    let mut check = 0usize;
    for _ in 0..repeat {
        for l in &lines {
            check += match what.as_str() {
                "pinyin" => t.to_pinyin(l).len(),
                "back" => from_braille(l, BrailleInput::Unicode).map_or(0, |b| b.items.len()),
                _ => t.to_braille(l, Format::Unicode).len(),
            };
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * repeat) as f64 / 1e6;
    println!(
        "{what}: {mb:.2} MB in {secs:.3} s = {:.2} MB/s (check {check})",
        mb / secs
    );
}

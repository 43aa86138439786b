//! Throughput of translation, pinyin and back-translation: a screen-reader line and a whole
//! document. The document is `target/corpus/manpages-zh.txt` (scripts/corpus.sh) when present,
//! else a built-in paragraph repeated to 1 MB.
//!
//! `cargo bench --bench translate`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use tongyong::{from_braille, BrailleInput, Format, Translator};

const LINE: &str = "如果 shell 是交互的，不使用 GNU readline 库来读命令行。";

const PARAGRAPH: &str = "国家通用盲文方案是为了适应我国盲人教育和盲文出版的需要而制定的。\
    它在现行盲文的基础上，规定了声调的标写规则和六个简写字，方便盲人读写。\
    2018年7月1日起，全国盲人学校开始使用国家通用盲文。\n";

fn document() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/target/corpus/manpages-zh.txt");
    std::fs::read_to_string(path).unwrap_or_else(|_| PARAGRAPH.repeat(1 << 20 >> 8))
}

fn benches(c: &mut Criterion) {
    let t = Translator::new();
    let doc = document();
    let lines: Vec<&str> = doc.lines().collect();
    let braille_lines: Vec<String> = lines
        .iter()
        .map(|l| t.to_braille(l, Format::Unicode))
        .collect();

    let mut g = c.benchmark_group("line");
    g.throughput(Throughput::Bytes(LINE.len() as u64));
    g.bench_function("braille", |b| {
        b.iter(|| t.to_braille(LINE, Format::Unicode))
    });
    g.bench_function("translate_with_positions", |b| {
        b.iter(|| {
            let tr = t.translate(LINE);
            (
                tr.input_positions(tongyong::Unit::Utf16),
                tr.output_positions(tongyong::Unit::Utf16),
            )
        })
    });
    g.bench_function("pinyin", |b| b.iter(|| t.to_pinyin(LINE)));
    let braille = t.to_braille(LINE, Format::Unicode);
    g.bench_function("back", |b| {
        b.iter(|| from_braille(&braille, BrailleInput::Unicode))
    });
    g.finish();

    let mut g = c.benchmark_group("document");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(doc.len() as u64));
    g.bench_with_input(
        BenchmarkId::new("braille", doc.len()),
        &lines,
        |b, lines| {
            b.iter(|| {
                lines
                    .iter()
                    .map(|l| t.to_braille(l, Format::Unicode).len())
                    .sum::<usize>()
            })
        },
    );
    g.bench_with_input(BenchmarkId::new("pinyin", doc.len()), &lines, |b, lines| {
        b.iter(|| lines.iter().map(|l| t.to_pinyin(l).len()).sum::<usize>())
    });
    g.bench_with_input(
        BenchmarkId::new("back", doc.len()),
        &braille_lines,
        |b, lines| {
            b.iter(|| {
                lines
                    .iter()
                    .filter(|l| from_braille(l, BrailleInput::Unicode).is_ok())
                    .count()
            })
        },
    );
    g.finish();
}

criterion_group!(translate, benches);
criterion_main!(translate);

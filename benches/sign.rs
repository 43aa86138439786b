//! Sign look-up speed: a `phf` hit, a miss, and `to_signs` on a line.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use tongyong::sign::{sign_by_id, sign_lookup, to_signs};

fn lookups(c: &mut Criterion) {
    c.bench_function("sign_lookup hit (手语)", |b| {
        b.iter(|| sign_lookup(black_box("手语")))
    });
    c.bench_function("sign_lookup hit, shared word (妻子)", |b| {
        b.iter(|| sign_lookup(black_box("妻子")))
    });
    c.bench_function("sign_lookup miss (没有这个词)", |b| {
        b.iter(|| sign_lookup(black_box("没有这个词")))
    });
    c.bench_function("sign_by_id", |b| b.iter(|| sign_by_id(black_box(3545))));
    let line = "我们的学校有三千名学生，张伟用U盘拷贝了2026年的手语翻译课件。";
    c.bench_function("to_signs (31-character line)", |b| {
        b.iter(|| to_signs(black_box(line)))
    });
}

criterion_group!(benches, lookups);
criterion_main!(benches);

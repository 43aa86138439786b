//! Throughput of one shared `Translator` on 1, 2, … threads:
//! `cargo run --release --example scaling -- [FILE] [max-threads] [seconds-per-run]`.
//! Without a file, a built-in mixed Chinese text is used. On Linux it also prints the CPU time the
//! process got: on a machine shared with other work, throughput per CPU second shows whether the
//! threads scale (no locks) even when the cores are busy.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tongyong::{Format, Translator};

fn main() {
    let mut args = std::env::args().skip(1);
    let lines: Vec<String> = match args.next() {
        Some(path) if path != "-" => std::fs::read_to_string(&path)
            .expect("readable UTF-8 file")
            .lines()
            .map(str::to_string)
            .collect(),
        _ => (0..64)
            .map(|k| {
                format!(
                    "我们的学校很大，今天的天气不错。他们是老师，她是医生。{k}年的盲文是盲人用手指触摸阅读的文字。"
                )
            })
            .collect(),
    };
    let max: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2);
    let secs: f64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(5.0);
    let translator = Translator::new();
    let bytes_per_pass: usize = lines.iter().map(|l| l.len()).sum();
    let mut single = 0.0;
    for threads in 1..=max {
        let passes = AtomicUsize::new(0);
        let deadline = Instant::now() + Duration::from_secs_f64(secs);
        let start = Instant::now();
        let cpu_start = cpu_seconds();
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(|| {
                    while Instant::now() < deadline {
                        for l in &lines {
                            std::hint::black_box(translator.to_braille(l, Format::Unicode));
                        }
                        passes.fetch_add(1, Ordering::Relaxed);
                    }
                });
            }
        });
        let elapsed = start.elapsed().as_secs_f64();
        let cpu = cpu_seconds().zip(cpu_start).map(|(b, a)| b - a);
        let mb = (passes.into_inner() * bytes_per_pass) as f64 / 1e6;
        let mb_s = mb / elapsed;
        if threads == 1 {
            single = mb_s;
        }
        let per_cpu = cpu.map_or(String::new(), |c| {
            format!(
                ", {c:.2} CPU s = {:.2} cores busy, {:.2} MB per CPU s",
                c / elapsed,
                mb / c
            )
        });
        println!(
            "{threads} thread(s): {mb_s:.2} MB/s ({:.2}x one thread){per_cpu}",
            mb_s / single
        );
    }
}

/// User + system CPU time of this process so far (Linux: /proc/self/stat, 100 ticks a second).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

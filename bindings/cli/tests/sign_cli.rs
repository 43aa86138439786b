//! `tongyong sign`: the plain output and the shape of `--json`.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], input: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tongyong"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run tongyong");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn sign_json_shape() {
    let out = run(&["sign", "--json"], "我爱手语，李娜\n2026 KTV\n");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["text"], "我爱手语，李娜");
    let signs = lines[0]["signs"].as_array().unwrap();
    for s in signs {
        let obj = s.as_object().unwrap();
        let keys: Vec<&str> = obj.keys().map(|k| k.as_str()).collect();
        for k in ["text", "start", "end", "kind", "entries", "letters"] {
            assert!(keys.contains(&k), "{k} missing in {s}");
        }
        let kind = s["kind"].as_str().unwrap();
        assert!(["sign", "fingerspell", "number", "other"].contains(&kind));
        for e in s["entries"].as_array().unwrap() {
            assert!(e["id"].is_u64() && e["headword"].is_string());
            assert!(e["variant"].is_null() || e["variant"].is_u64());
        }
    }
    // 手语: a sign at scalar positions 2..4.
    let hand = &signs[2];
    assert_eq!(
        (&hand["text"], &hand["start"], &hand["end"]),
        (&"手语".into(), &2.into(), &4.into())
    );
    assert_eq!(hand["kind"], "sign");
    assert_eq!(hand["entries"][0]["headword"], "手语");
    // ， is "other"; 娜 is fingerspelled with its letters.
    assert_eq!(signs[3]["kind"], "other");
    let na = signs.last().unwrap();
    assert_eq!(na["kind"], "fingerspell");
    assert_eq!(na["letters"], serde_json::json!(["N", "A"]));
    // 2026: digit by digit; KTV: a sign.
    let second = lines[1]["signs"].as_array().unwrap();
    assert_eq!(second.len(), 5);
    assert!(second[..4].iter().all(|s| s["kind"] == "number"));
    assert_eq!(second[4]["entries"][0]["headword"], "KTV");
    assert_eq!(
        (&second[4]["start"], &second[4]["end"]),
        (&5.into(), &8.into())
    );
}

#[test]
fn sign_plain() {
    let out = run(&["sign"], "我爱手语。\n");
    assert_eq!(out, "我#1928 爱#3672 手语#3545 。\n");
}

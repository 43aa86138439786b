//! liblouis' Chinese test vectors (`../shared/data/braille-vectors/liblouis-zh.tsv`), compared
//! cell for cell with blank cells removed (liblouis does not segment words): the zhcn-cbs rows
//! with the default options, the zhcn-g1 rows with `tones: Full`, the zh_CHN rows with
//! `tones: None`. liblouis is a peer, not the standard: where it contradicts the scheme, the
//! deviation is listed below with the rule that decides it.

use tongyong::{Format, Options, ToneMode, Translator};

#[path = "common/shared.rs"]
mod shared;
use shared::shared_dir;

/// (table, input, our output without blanks, why we differ from liblouis)
const DEVIATIONS: &[(&str, &str, &str, &str)] = &[
    (
        "zhcn-g1.ctb",
        "句子",
        "⠛⠬⠆⠵",
        "braille-scheme.md §3.3: the neutral tone is never written; the suffix 子 of 句子 is neutral \
         (liblouis writes the citation tone zǐ ⠄)",
    ),
    (
        "zhcn-cbs.ctb",
        "眼睛",
        "⠩⠄⠛⠡",
        "现代汉语词典 reads 眼睛 yǎn·jing (data/readings/neutral.tsv); the neutral tone is not \
         written (liblouis writes jīng ⠁)",
    ),
    (
        "zhcn-g1.ctb",
        "好朋友",
        "⠓⠖⠄⠏⠼⠂⠳",
        "现代汉语词典 reads 朋友 péng·you (data/readings/neutral.tsv); the neutral tone is not \
         written (liblouis writes yǒu ⠄)",
    ),
];

#[test]
fn liblouis_mainland_vectors() {
    let path = shared_dir().join("data/braille-vectors/liblouis-zh.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut checked = 0;
    let mut failures = Vec::new();
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (table, input, expected) = (cols[0], cols[1], cols[2]);
        let tones = match table {
            "zhcn-cbs.ctb" => ToneMode::National,
            "zhcn-g1.ctb" => ToneMode::Full,
            "zh_CHN.tbl" => ToneMode::None,
            // Two-cell braille (双拼盲文) is a different scheme, not implemented.
            _ => continue,
        };
        let t = Translator::with_options(Options {
            tones,
            ..Options::default()
        });
        let got = t.to_braille(input, Format::Unicode).replace('⠀', "");
        let expected = expected.replace('⠀', "");
        checked += 1;
        match DEVIATIONS.iter().find(|d| d.0 == table && d.1 == input) {
            Some(&(_, _, ours, why)) => {
                assert_ne!(
                    ours, expected,
                    "listed deviation {input} now agrees with liblouis: remove it"
                );
                if got != ours {
                    failures.push(format!(
                        "{table} {input}: {got}, expected our {ours} ({why})"
                    ));
                }
            }
            None if got != expected => {
                failures.push(format!("{table} {input}: {got}, liblouis {expected}"))
            }
            None => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(checked, 65, "every cbs, g1 and zh_CHN row is checked");
}

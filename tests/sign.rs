//! National Common Sign Language: the whole lexicon resolves, fingerspelling per 《汉语手指字母方案》,
//! text → sign sequence with positions.

use std::path::{Path, PathBuf};

use tongyong::sign::{
    fingerspell, fingerspell_syllable, sign_by_id, sign_entries, sign_keys, sign_lookup, to_signs,
    FingerLetter::{self, *},
    SignKind,
};

#[path = "common/shared.rs"]
mod shared;
use shared::shared_dir;
use tongyong::Syllable;

/// The two rows whose parenthesised part is a qualifier, not words sharing the sign.
const QUALIFIED: [(usize, &str); 2] = [(1529, "刚果（布）"), (2727, "刚果（金）")];

/// Checks that every headword and every shared word of `path` resolves to its id.
fn check_whole_list(path: &Path) -> usize {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut rows = 0;
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 5, "{line}");
        let id: u16 = cols[0].parse().unwrap();
        let entry = sign_by_id(id).unwrap_or_else(|| panic!("no entry {id}"));
        assert_eq!(entry.gloss, cols[1]);
        let variant = (!cols[3].is_empty()).then(|| cols[3].parse::<u8>().unwrap());
        assert_eq!(entry.variant, variant, "{line}");
        let found = |w: &str| sign_lookup(w).iter().any(|e| e.id == id);
        assert!(found(cols[2]), "headword {} does not find {id}", cols[2]);
        if let Some((_, h)) = QUALIFIED.iter().find(|(q, _)| *q == id as usize) {
            assert_eq!(entry.headword, *h);
            assert!(found(h) && entry.shares_sign_with.is_empty());
            let other = cols[4];
            assert!(!found(other), "{other} must not find {id}");
        } else {
            assert_eq!(entry.headword, cols[2]);
            let shared: Vec<&str> = cols[4].split('|').filter(|w| !w.is_empty()).collect();
            assert_eq!(entry.shares_sign_with.len(), shared.len(), "{line}");
            for (s, raw) in entry.shares_sign_with.iter().zip(&shared) {
                let (word, v) = match raw.split_once('#') {
                    Some((w, n)) => (w, Some(n.parse::<u8>().unwrap())),
                    None => (*raw, None),
                };
                assert_eq!((s.word, s.variant), (word, v));
                assert!(found(word), "shared word {word} does not find {id}");
            }
        }
        rows += 1;
    }
    rows
}

#[test]
fn every_word_of_the_shared_list_resolves() {
    let path = shared_dir().join("data/sign/cnsl-headwords.tsv");
    if !path.exists() && std::env::var_os("TONGYONG_SHARED").is_none() {
        eprintln!("skipped: {} not found", path.display());
        return;
    }
    assert_eq!(check_whole_list(&path), 6707);
}

#[test]
fn every_word_of_the_compiled_copy_resolves() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sign/cnsl-headwords.tsv");
    assert_eq!(check_whole_list(&path), 6707);
    assert_eq!(sign_entries().len(), 6707);
    assert!(sign_by_id(6707).is_none());
}

#[test]
fn dataset_rows_agree() {
    // The 218 rows with the dataset's own values: id, word and `1-N` / `2-N` suffixes.
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sign/nationalcsl-dp-gloss.tsv");
    let text = std::fs::read_to_string(path).unwrap();
    let mut n = 0;
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let e = sign_by_id(cols[0].parse().unwrap()).unwrap();
        let word = cols[1];
        let (base, variant) = match word.len().checked_sub(3).map(|k| word.split_at(k)) {
            Some((b, s)) if s.as_bytes()[1] == b'-' && s.as_bytes()[0].is_ascii_digit() => {
                (b, Some(s[2..].parse::<u8>().unwrap()))
            }
            _ => (word, None),
        };
        assert_eq!((e.headword, e.variant), (base, variant), "{line}");
        n += 1;
    }
    assert_eq!(n, 218);
}

#[test]
fn keys_list_variants_in_order() {
    let mut keys = 0;
    for (key, entries) in sign_keys() {
        keys += 1;
        assert!(!entries.is_empty());
        // Among the entries whose headword is the key, variants ascend.
        let v: Vec<u8> = entries
            .iter()
            .filter(|e| e.headword == key)
            .map(|e| e.variant.unwrap_or(0))
            .collect();
        assert!(v.windows(2).all(|w| w[0] <= w[1]), "{key}: {v:?}");
    }
    assert!(keys > 8000, "{keys} keys");
    let bu_xiao: Vec<u16> = sign_lookup("不孝").iter().map(|e| e.id).collect();
    assert_eq!(bu_xiao[0], 5523); // 不孝① before the sign listing 不孝②
    assert_eq!(bu_xiao.len(), 2);
}

#[test]
fn tricky_rows() {
    let ids = |w: &str| sign_lookup(w).iter().map(|e| e.id).collect::<Vec<_>>();
    assert_eq!(ids("刚果"), [1529, 2727]);
    assert_eq!(ids("刚果布"), [1529]);
    assert_eq!(ids("刚果（金）"), [2727]);
    assert!(!ids("布").contains(&1529) && !ids("金").contains(&2727));
    assert_eq!(ids("差"), [17, 3798]);
    assert_eq!(ids("差距"), [3798]);
    assert_eq!(ids("cm"), [1346]);
    assert_eq!(ids("icu"), [1776]);
    assert_eq!(ids("U盘"), [5609]);
    assert_eq!(ids("0"), ids("零"));
    assert_eq!(ids("拾"), [4818, 1658]); // 拾① is its own sign, 拾② is 10
    assert_eq!(ids("吃一堑，长一智"), [1714]);
    assert_eq!(sign_lookup("要么……要么……").len(), 2);
    let ten = sign_by_id(1658).unwrap();
    assert_eq!(ten.pinyin()[0].unwrap().to_string(), "shi2");
}

fn letters(s: &str) -> Vec<Vec<FingerLetter>> {
    fingerspell(s).into_iter().map(|s| s.letters).collect()
}

#[test]
fn fingerspelling() {
    assert_eq!(letters("张"), [vec![Zh, A, Ng]]);
    assert_eq!(letters("吃"), [vec![Ch, I]]);
    assert_eq!(letters("安"), [vec![A, N]]);
    assert_eq!(letters("英"), [vec![Y, I, Ng]]);
    assert_eq!(letters("生"), [vec![Sh, E, Ng]]);
    assert_eq!(letters("学"), [vec![X, U, E]]);
    assert_eq!(letters("阿姨"), [vec![A], vec![Y, I]]);
    assert_eq!(letters("穷"), [vec![Q, I, O, Ng]]);
    assert_eq!(letters("双"), [vec![Sh, U, A, Ng]]);
    let nv = &fingerspell("女")[0];
    assert_eq!(
        (nv.letters.clone(), nv.umlaut, nv.tone()),
        (vec![N, U], true, Some(3))
    );
    assert_eq!(nv.to_string(), "N U(¨)");
    let ju = &fingerspell("去")[0];
    assert_eq!((ju.letters.clone(), ju.umlaut), (vec![Q, U], false));
    let lve = &fingerspell("略")[0];
    assert_eq!((lve.letters.clone(), lve.umlaut), (vec![L, U, E], true));
    // Tone is data, never a handshape.
    let zhang = &fingerspell("张")[0];
    assert_eq!(zhang.tone(), Some(1));
    assert_eq!(zhang.letters.len(), 3);
    // The interjection ng and ê.
    let ng = fingerspell_syllable(&Syllable::parse("ng2").unwrap());
    assert_eq!(ng.letters, [Ng]);
    let e = fingerspell_syllable(&Syllable::parse("ê4").unwrap());
    assert_eq!((e.letters.clone(), e.circumflex), (vec![E], true));
    // Latin letters are letters; no digraph is made of them.
    assert_eq!(letters("ZH ok"), [vec![Z, H], vec![O, K]]);
    assert_eq!(FingerLetter::ALL.len(), 30);
    assert!(Ng.pinyin_role().contains("velar nasal"));
}

type View = (SignKind, usize, usize, String, Vec<String>);

fn view(text: &str) -> Vec<View> {
    to_signs(text)
        .into_iter()
        .map(|t| {
            let head = t
                .entries
                .first()
                .map_or(String::new(), |e| e.headword.to_string());
            let letters = t.letters().map(|l| l.to_string()).collect();
            (t.kind, t.input.start, t.input.end, head, letters)
        })
        .collect()
}

fn sign(start: usize, end: usize, head: &str) -> View {
    (SignKind::Sign, start, end, head.to_string(), vec![])
}

#[test]
fn text_to_signs() {
    // A sentence of listed words, with punctuation as a boundary.
    assert_eq!(
        view("我爱学习手语。"),
        [
            sign(0, 1, "我"),
            sign(1, 2, "爱"),
            sign(2, 4, "学习"),
            sign(4, 6, "手语"),
            (SignKind::Other, 6, 7, String::new(), vec![]),
        ]
    );
    // A compound of two listed words is split, both parts pointing at the word.
    let t = to_signs("手机号码");
    assert_eq!(t.len(), 2);
    assert_eq!(
        (t[0].entries[0].headword, t[1].entries[0].headword),
        ("手机", "号码")
    );
    assert_eq!((t[0].input.clone(), t[1].input.clone()), (0..2, 2..4));
    assert!(t.iter().all(|t| t.is_split() && t.word == (0..4)));
    // A part without a sign is fingerspelled, the rest signed.
    let v = view("电脑游戏");
    assert_eq!(v[0].0, SignKind::Fingerspell);
    assert_eq!(v[0].4, ["D", "I", "A", "N", "N", "A", "O"]);
    assert_eq!(v[1], sign(2, 4, "游戏"));
    // A name: the surname has a sign of its own, the given name is fingerspelled syllable by
    // syllable.
    let t = to_signs("周杰伦说");
    assert_eq!(
        (t[0].kind, t[0].entries[0].headword),
        (SignKind::Sign, "周")
    );
    assert_eq!(
        (t[1].kind, t[1].input.clone(), t[1].word.clone()),
        (SignKind::Fingerspell, 1..3, 0..3)
    );
    let s: Vec<String> = t[1].fingerspelling.iter().map(|s| s.to_string()).collect();
    assert_eq!(s, ["J I E", "L U N"]);
    assert_eq!(t[1].fingerspelling[1].tone(), Some(2));
    // Numbers: a listed number is one sign, an unlisted one digit by digit.
    let v = view("20个和2026");
    assert_eq!(v[0], (SignKind::Number, 0, 2, "20".into(), vec![]));
    let digits: Vec<&str> = v[v.len() - 4..].iter().map(|t| t.3.as_str()).collect();
    assert_eq!(digits, ["2", "0", "2", "6"]);
    assert!(v[v.len() - 4..]
        .iter()
        .all(|t| t.0 == SignKind::Number && t.2 - t.1 == 1));
    // Latin letters: a listed abbreviation is a sign, anything else finger letters.
    let v = view("KTV和xyz");
    assert_eq!(v[0], sign(0, 3, "KTV"));
    assert_eq!(
        v[2],
        (
            SignKind::Fingerspell,
            4,
            7,
            String::new(),
            vec!["X".into(), "Y".into(), "Z".into()]
        )
    );
    // Words of the text forming a listed word; a unit letter after a number.
    assert_eq!(view("U盘")[0], sign(0, 2, "优盘"));
    assert_eq!(view("5 m")[1], sign(2, 3, "米"));
    assert_eq!(view("m")[0].0, SignKind::Fingerspell);
}

#[test]
fn positions_are_input_scalars() {
    // Full-width digits are folded for the look-up; positions stay in the input.
    let t = to_signs("𠀀 手语 ２０");
    let last = t.last().unwrap();
    assert_eq!((last.kind, last.input.clone()), (SignKind::Number, 5..7));
    assert_eq!(last.entries[0].headword, "20");
    let hand = t.iter().find(|t| t.kind == SignKind::Sign).unwrap();
    assert_eq!(hand.input, 2..4);
    // Every token's range lies in the input and they do not overlap.
    let text = "我们的学校有3D打印机，ICU在3楼。Hello 世界";
    let n = text.chars().count();
    let mut at = 0;
    for t in to_signs(text) {
        assert!(t.input.start >= at && t.input.end <= n && t.input.start < t.input.end);
        at = t.input.end;
    }
}

#[test]
fn chinese_numerals_are_number_signs() {
    let v = view("二十和拾");
    assert_eq!(v[0], (SignKind::Number, 0, 2, "20".into(), vec![]));
    // 拾 is 拾① (pick up) first, and also the second sign of 10: not only a number.
    assert_eq!(v[2].0, SignKind::Sign);
}

//! Word spacing (分词连写) on an open gold set of real prose and textbook sentences
//! (tests/data/spacing-gold.tsv: g2pL web and news sentences drawn at random plus constructed
//! ones, spaced by hand from the rules of `braille-word-spacing.md`; see tests/data/README.md).
//! `tests/spacing.rs` checks each rule on its own examples; this set says how often a blank is
//! right in running text, so that a change which helps one rule and hurts the text fails here.
//!
//! Scored as `scripts/spacing-gold.py score` scores (which also runs the jieba baseline and lists
//! the misses by rule): every gap between two word characters (letters, digits, Han) that has no
//! mark or space between them in the sentence is a blank or a join; precision and recall are over
//! the blanks, and a sentence is all right when every gap is.

use std::collections::HashSet;
use std::path::PathBuf;

use tongyong::Translator;

/// Measured on the gold set (see the commit that set them); the floors are about half a point
/// below, so that a regression of a few gaps or a few sentences fails.
const F1_MIN: f64 = 93.5;
const ALL_RIGHT_MIN: f64 = 40.9;

struct Sentence {
    id: String,
    text: String,
    /// Gap i (between chars i and i + 1) → a blank in the gold spacing.
    gaps: Vec<(usize, bool)>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Reads the spaced sentences: one ASCII blank between braille words.
fn gold() -> Vec<Sentence> {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/spacing-gold.tsv");
    let text = std::fs::read_to_string(&file).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "four columns: {l}");
            let mut chars = Vec::new();
            let mut blank_before = Vec::new();
            let mut pending = false;
            for c in f[2].chars() {
                if c == ' ' {
                    pending = true;
                    continue;
                }
                chars.push(c);
                blank_before.push(pending);
                pending = false;
            }
            let gaps = (0..chars.len().saturating_sub(1))
                .filter(|&i| is_word_char(chars[i]) && is_word_char(chars[i + 1]))
                .map(|i| (i, blank_before[i + 1]))
                .collect();
            Sentence {
                id: f[0].to_string(),
                text: chars.into_iter().collect(),
                gaps,
            }
        })
        .collect()
}

struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    right: usize,
    sentences: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        100.0 * self.tp as f64 / (self.tp + self.fp) as f64
    }
    fn recall(&self) -> f64 {
        100.0 * self.tp as f64 / (self.tp + self.fn_) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        2.0 * p * r / (p + r)
    }
    fn all_right(&self) -> f64 {
        100.0 * self.right as f64 / self.sentences as f64
    }
}

/// The gap indices at which tongyong starts a new braille word.
fn tongyong_blanks(t: &Translator, text: &str) -> HashSet<usize> {
    t.to_pinyin(text)
        .iter()
        .filter(|w| w.input.start > 0)
        .map(|w| w.input.start - 1)
        .collect()
}

fn score(gold: &[Sentence], blanks: impl Fn(&str) -> HashSet<usize>) -> (Score, Vec<String>) {
    let mut s = Score {
        tp: 0,
        fp: 0,
        fn_: 0,
        right: 0,
        sentences: gold.len(),
    };
    let mut wrong = Vec::new();
    for g in gold {
        let b = blanks(&g.text);
        let mut ok = true;
        for &(i, blank) in &g.gaps {
            match (blank, b.contains(&i)) {
                (true, true) => s.tp += 1,
                (false, true) => s.fp += 1,
                (true, false) => s.fn_ += 1,
                (false, false) => {}
            }
            ok &= blank == b.contains(&i);
        }
        if ok {
            s.right += 1;
        } else {
            wrong.push(g.id.clone());
        }
    }
    (s, wrong)
}

#[test]
fn gold_file_is_well_formed() {
    let gold = gold();
    assert!(gold.len() >= 500, "{} sentences", gold.len());
    let mut ids = HashSet::new();
    for g in &gold {
        assert!(ids.insert(g.id.clone()), "duplicate id {}", g.id);
        assert!(!g.gaps.is_empty(), "{}: nothing to score", g.id);
    }
}

#[test]
fn tongyong_spacing_on_the_gold_set() {
    let gold = gold();
    let t = Translator::new();
    let (s, wrong) = score(&gold, |text| tongyong_blanks(&t, text));
    let summary = format!(
        "{} sentences: precision {:.2}%, recall {:.2}%, F1 {:.2}%, all right {}/{} ({:.1}%); \
         wrong: {}",
        s.sentences,
        s.precision(),
        s.recall(),
        s.f1(),
        s.right,
        s.sentences,
        s.all_right(),
        wrong.join(" ")
    );
    println!("{summary}");
    assert!(s.f1() >= F1_MIN, "F1 below {F1_MIN}: {summary}");
    assert!(
        s.all_right() >= ALL_RIGHT_MIN,
        "all right below {ALL_RIGHT_MIN}%: {summary}"
    );
}

/// The scorer itself: a spacing equal to the gold one scores 100%, and one without any blank
/// scores no recall, so the figures above measure tongyong and not the parser.
#[test]
fn scorer_on_gold_and_on_no_blanks() {
    let gold = gold();
    let by_id = |text: &str| -> HashSet<usize> {
        let g = gold.iter().find(|g| g.text == text).unwrap();
        g.gaps.iter().filter(|g| g.1).map(|g| g.0).collect()
    };
    let (s, wrong) = score(&gold, by_id);
    assert_eq!((s.fp, s.fn_, s.right), (0, 0, gold.len()), "{wrong:?}");
    let (s, _) = score(&gold, |_| HashSet::new());
    assert_eq!(s.tp, 0);
    assert!(s.fn_ > gold.len());
}

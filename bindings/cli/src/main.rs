//! `tongyong`: the command-line tool. It only parses arguments and formats output; all the work
//! is done by the `tongyong` library.

mod lines;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use lines::LineWork;
use serde::Serialize;
use tongyong::layout::Layout;
use tongyong::{
    BrailleInput, DecimalPoint, Format, IdiomSpacing, LowercaseSign, Options, ReadingMode,
    SignKind, SignToken, SpacingOptions, SymbolMode, ToneMode, Translation, Translator, WordKind,
};

#[derive(Parser)]
#[command(
    name = "tongyong",
    version,
    about = "Chinese text to National Common Braille (GF 0019-2018), pinyin, and back; \
             National Common Sign Language sign sequences"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Translate text to braille, one output line per input line.
    Braille {
        #[command(flatten)]
        braille: BrailleArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Unicode)]
        format: FormatArg,
        /// Print one JSON object per line with the words, their readings and braille.
        #[arg(long, conflicts_with = "width")]
        json: bool,
        /// Break lines at this many cells (only at blanks; long words between syllables).
        #[arg(long, value_parser = clap::value_parser!(u16).range(2..))]
        width: Option<u16>,
        /// Lines per page, pages separated by a form feed (needs --width).
        #[arg(long, requires = "width", value_parser = clap::value_parser!(u16).range(1..))]
        page_lines: Option<u16>,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Print the words of the text with their readings (tone numbers, ü as v).
    Pinyin {
        /// Print the same JSON objects as `braille --json`.
        #[arg(long)]
        json: bool,
        /// Read polyphones from the lexicon and tables only, without running the model (faster).
        #[arg(long)]
        fast: bool,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Turn text into National Common Sign Language signs (NationalCSL-DP ids, CC BY 4.0) and
    /// fingerspelling, one output line per input line.
    Sign {
        /// Print one JSON object per line with the tokens, their positions, sign ids and letters.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Read braille back into pinyin. An unmarked syllable shows both possible tones (men2/5).
    Back {
        /// The braille input form.
        #[arg(long, value_enum, default_value_t = FromArg::Unicode)]
        from: FromArg,
        #[command(flatten)]
        input: InputArgs,
    },
}

#[derive(Args)]
struct InputArgs {
    /// A user dictionary: one word per line, optionally a TAB and its reading
    /// (`长乐<TAB>chang2 le4`); its words and readings win over the built-in lexicon.
    #[arg(long, value_name = "FILE")]
    user_dict: Option<String>,
    /// Replace invalid UTF-8 with U+FFFD instead of stopping with an error.
    #[arg(long)]
    lossy: bool,
    /// Worker threads: the input is translated a chunk of lines at a time on this many threads
    /// (the output is the same, in input order). Default: the number of CPUs; 1: line by line.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// Input files; standard input when none is given.
    files: Vec<String>,
}

impl InputArgs {
    fn inputs(&self) -> lines::Inputs<'_> {
        let threads = match self.threads {
            Some(n) => n as usize,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        lines::Inputs {
            files: &self.files,
            lossy: self.lossy,
            threads,
        }
    }
}

#[derive(Args)]
struct BrailleArgs {
    /// Which tones are written: national (GF 0019-2018), full (all tones), none.
    #[arg(long, value_enum, default_value_t = TonesArg::National)]
    tones: TonesArg,
    /// Do not keep the tone of an apical syllable before a zero-initial one (§10.2.7).
    #[arg(long)]
    no_apical_tone: bool,
    /// Do not apply the single-sourced tone-retention list (§10.2.8).
    #[arg(long)]
    no_tone_retention: bool,
    /// Abbreviate 的 么 你 他 她 它 even before a zero-initial syllable in the same word.
    #[arg(long)]
    abbreviate_before_zero_initial: bool,
    /// No blank cell after 。？！ inside a line.
    #[arg(long)]
    no_blank_after_sentence_end: bool,
    /// When lower-case Latin runs get the letter sign ⠰.
    #[arg(long, value_enum, default_value_t = LowercaseArg::Chinese)]
    lowercase_sign: LowercaseArg,
    /// The decimal point cell.
    #[arg(long, value_enum, default_value_t = DecimalArg::Dot3)]
    decimal_point: DecimalArg,
    /// ASCII symbols (+ = / @ # …): their forms in Chinese text (data/braille/symbols.tsv; computer
    /// braille inside words with Latin letters), computer-braille cells always, or passed through.
    #[arg(long, value_enum, default_value_t = SymbolsArg::Chinese)]
    symbols: SymbolsArg,
    /// Read polyphones from the lexicon and tables only, without running the model (faster).
    #[arg(long)]
    fast: bool,
    #[command(flatten)]
    spacing: SpacingArgs,
}

/// Word-spacing rules left INFERRED or UNKNOWN by the sources (braille-word-spacing.md).
#[derive(Args)]
struct SpacingArgs {
    /// R3: keep words of more than four syllables whole.
    #[arg(long)]
    no_split_long_words: bool,
    /// R8: do not join 很好, 山上, 每年 and their patterns.
    #[arg(long)]
    no_join_monosyllables: bool,
    /// R9: do not join 不/没/别 + a monosyllabic verb.
    #[arg(long)]
    no_join_negation: bool,
    /// R11: do not join modal particles (吗 呢 吧 啊) to the word before.
    #[arg(long)]
    no_join_modal_particles: bool,
    /// R12: join a monosyllabic preposition and noun (在家).
    #[arg(long)]
    join_preposition_noun: bool,
    /// R14: do not join a monosyllabic numeral and measure word (一个).
    #[arg(long)]
    no_join_numeral_measure: bool,
    /// R15: do not join 第/初 to the number.
    #[arg(long)]
    no_join_ordinals: bool,
    /// R16: do not join digits and date units (2018年).
    #[arg(long)]
    no_join_dates: bool,
    /// R17: do not join surname and given name.
    #[arg(long)]
    no_join_names: bool,
    /// R18: do not join a place name and a monosyllabic generic (北京市).
    #[arg(long)]
    no_join_place_generics: bool,
    /// R19: four-character idioms joined or as 2 + 2.
    #[arg(long, value_enum, default_value_t = IdiomsArg::Joined)]
    idioms: IdiomsArg,
    /// The longest word the spacing joins may make, in syllables.
    #[arg(long, default_value_t = 4)]
    max_syllables: usize,
}

#[derive(Clone, Copy, ValueEnum)]
enum IdiomsArg {
    Joined,
    TwoPlusTwo,
}

impl SpacingArgs {
    fn options(&self) -> SpacingOptions {
        SpacingOptions {
            split_long_words: !self.no_split_long_words,
            join_monosyllables: !self.no_join_monosyllables,
            join_negation: !self.no_join_negation,
            join_modal_particles: !self.no_join_modal_particles,
            join_preposition_noun: self.join_preposition_noun,
            join_numeral_measure: !self.no_join_numeral_measure,
            join_ordinals: !self.no_join_ordinals,
            join_dates: !self.no_join_dates,
            join_names: !self.no_join_names,
            join_place_generics: !self.no_join_place_generics,
            idioms: match self.idioms {
                IdiomsArg::Joined => IdiomSpacing::Joined,
                IdiomsArg::TwoPlusTwo => IdiomSpacing::TwoPlusTwo,
            },
            max_syllables: self.max_syllables,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum TonesArg {
    National,
    Full,
    None,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Unicode,
    Dots,
    Brf,
}

#[derive(Clone, Copy, ValueEnum)]
enum FromArg {
    Unicode,
    Brf,
}

#[derive(Clone, Copy, ValueEnum)]
enum LowercaseArg {
    Never,
    Chinese,
    Always,
}

#[derive(Clone, Copy, ValueEnum)]
enum DecimalArg {
    Dot3,
    Dot2,
}

#[derive(Clone, Copy, ValueEnum)]
enum SymbolsArg {
    Chinese,
    Computer,
    Pass,
}

impl BrailleArgs {
    fn options(&self) -> Options {
        Options {
            tones: match self.tones {
                TonesArg::National => ToneMode::National,
                TonesArg::Full => ToneMode::Full,
                TonesArg::None => ToneMode::None,
            },
            apical_tone_before_zero_initial: !self.no_apical_tone,
            tone_retention_list: !self.no_tone_retention,
            abbreviate_before_zero_initial: self.abbreviate_before_zero_initial,
            blank_after_sentence_end: !self.no_blank_after_sentence_end,
            lowercase_sign: match self.lowercase_sign {
                LowercaseArg::Never => LowercaseSign::Never,
                LowercaseArg::Chinese => LowercaseSign::InChineseText,
                LowercaseArg::Always => LowercaseSign::Always,
            },
            decimal_point: match self.decimal_point {
                DecimalArg::Dot3 => DecimalPoint::Dot3,
                DecimalArg::Dot2 => DecimalPoint::Dot2,
            },
            symbols: match self.symbols {
                SymbolsArg::Chinese => SymbolMode::ChineseText,
                SymbolsArg::Computer => SymbolMode::ComputerBraille,
                SymbolsArg::Pass => SymbolMode::PassThrough,
            },
            spacing: self.spacing.options(),
            readings: reading_mode(self.fast),
        }
    }
}

fn reading_mode(fast: bool) -> ReadingMode {
    if fast {
        ReadingMode::Fast
    } else {
        ReadingMode::Model
    }
}

/// The JSON object printed per input line (a stable shape: tools read it).
#[derive(Serialize)]
struct LineJson<'a> {
    text: &'a str,
    braille: String,
    words: Vec<WordJson>,
}

#[derive(Serialize)]
struct WordJson {
    text: String,
    start: usize,
    end: usize,
    kind: WordKind,
    /// One tone-number syllable per Han character (null where a character has no reading).
    pinyin: Vec<Option<String>>,
    braille: String,
}

fn line_json(line: &str, t: &Translation, format: Format) -> String {
    let chars: Vec<char> = line.chars().collect();
    let words = t
        .words()
        .iter()
        .map(|w| WordJson {
            text: chars[w.input.clone()].iter().collect(),
            start: w.input.start,
            end: w.input.end,
            kind: w.kind,
            pinyin: w.pinyin.iter().map(|s| s.map(|s| s.to_string())).collect(),
            braille: t.word_braille(w, format),
        })
        .collect();
    let obj = LineJson {
        text: line,
        braille: t.to_string_as(format),
        words,
    };
    serde_json::to_string(&obj).unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
}

/// The JSON object printed per input line by `tongyong sign --json` (a stable shape).
#[derive(Serialize)]
struct SignLineJson<'a> {
    text: &'a str,
    signs: Vec<SignJson>,
}

#[derive(Serialize)]
struct SignJson {
    text: String,
    start: usize,
    end: usize,
    kind: &'static str,
    entries: Vec<EntryJson>,
    /// The handshapes of a fingerspelled token (empty otherwise).
    letters: Vec<&'static str>,
}

#[derive(Serialize)]
struct EntryJson {
    id: u16,
    headword: &'static str,
    variant: Option<u8>,
}

fn sign_json(line: &str, tokens: &[SignToken]) -> String {
    let chars: Vec<char> = line.chars().collect();
    let signs = tokens
        .iter()
        .map(|t| SignJson {
            text: chars[t.input.clone()].iter().collect(),
            start: t.input.start,
            end: t.input.end,
            kind: t.kind.as_str(),
            entries: t
                .entries
                .iter()
                .map(|e| EntryJson {
                    id: e.id,
                    headword: e.headword,
                    variant: e.variant,
                })
                .collect(),
            letters: t.letters().map(|l| l.as_str()).collect(),
        })
        .collect();
    let obj = SignLineJson { text: line, signs };
    serde_json::to_string(&obj).unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
}

/// The plain form: one item per token, separated by spaces: a sign as its headword with the
/// variant and id (`学习(1)#4462`, all variants joined by `/`), fingerspelling as `[ZH A NG]`, other
/// tokens as they are.
fn sign_line(line: &str, tokens: &[SignToken]) -> String {
    let chars: Vec<char> = line.chars().collect();
    let items: Vec<String> = tokens
        .iter()
        .map(|t| match t.kind {
            SignKind::Sign | SignKind::Number => {
                let alts: Vec<String> = t
                    .entries
                    .iter()
                    .map(|e| match e.variant {
                        Some(v) => format!("{}({v})#{}", e.headword, e.id),
                        None => format!("{}#{}", e.headword, e.id),
                    })
                    .collect();
                alts.join("/")
            }
            SignKind::Fingerspell => {
                let parts: Vec<String> = t.fingerspelling.iter().map(|s| s.to_string()).collect();
                format!("[{}]", parts.join(" | "))
            }
            _ => chars[t.input.clone()].iter().collect(),
        })
        .collect();
    items.join(" ")
}

/// `t` with the user dictionary named by `--user-dict`, if any.
fn with_user_dict(t: Translator, input: &InputArgs) -> Result<Translator, String> {
    let Some(path) = &input.user_dict else {
        return Ok(t);
    };
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let dict = tongyong::UserDictionary::parse(&text).map_err(|e| format!("{path}: {e}"))?;
    Ok(t.with_user_dictionary(dict))
}

/// `tongyong braille`: a line's braille (or JSON object); with `--width`, its translation, laid
/// out by the writer (the layout fills pages across lines, so it goes in input order).
#[derive(Clone)]
struct BrailleWork {
    t: Translator,
    format: Format,
    json: bool,
    layout: bool,
}

#[derive(Default)]
struct BrailleOut {
    bytes: Vec<u8>,
    translations: Vec<Translation>,
}

impl LineWork for BrailleWork {
    type Out = BrailleOut;
    fn line(&mut self, line: &str, out: &mut BrailleOut) {
        let tr = self.t.translate(line);
        if self.layout {
            out.translations.push(tr);
        } else if self.json {
            out.bytes
                .extend_from_slice(line_json(line, &tr, self.format).as_bytes());
            out.bytes.push(b'\n');
        } else {
            // Writing into a Vec cannot fail.
            let _ = tr.write_as(self.format, &mut out.bytes);
            out.bytes.push(b'\n');
        }
    }
}

/// `tongyong pinyin`: a line's pinyin (or JSON object).
#[derive(Clone)]
struct PinyinWork {
    t: Translator,
    json: bool,
}

impl LineWork for PinyinWork {
    type Out = Vec<u8>;
    fn line(&mut self, line: &str, out: &mut Vec<u8>) {
        if self.json {
            let json = line_json(line, &self.t.translate(line), Format::Unicode);
            out.extend_from_slice(json.as_bytes());
        } else {
            // Writing into a Vec cannot fail.
            let _ = self.t.write_pinyin(line, out);
        }
        out.push(b'\n');
    }
}

/// `tongyong sign`: a line's signs (or JSON object).
#[derive(Clone)]
struct SignWork {
    json: bool,
}

impl LineWork for SignWork {
    type Out = Vec<u8>;
    fn line(&mut self, line: &str, out: &mut Vec<u8>) {
        let tokens = tongyong::to_signs(line);
        let text = match self.json {
            true => sign_json(line, &tokens),
            false => sign_line(line, &tokens),
        };
        out.extend_from_slice(text.as_bytes());
        out.push(b'\n');
    }
}

/// `tongyong back`: a line's pinyin, or an empty line and the error (the first one is reported
/// with its line number once everything is written).
#[derive(Clone)]
struct BackWork {
    from: BrailleInput,
}

#[derive(Default)]
struct BackOut {
    bytes: Vec<u8>,
    /// The number of lines done.
    lines: usize,
    /// The first error: its line (counted from 0 in this output) and message.
    failure: Option<(usize, String)>,
}

impl LineWork for BackWork {
    type Out = BackOut;
    fn line(&mut self, line: &str, out: &mut BackOut) {
        match tongyong::from_braille(line, self.from) {
            Ok(b) => out.bytes.extend_from_slice(b.to_pinyin_string().as_bytes()),
            Err(e) => {
                let at = out.lines;
                out.failure.get_or_insert_with(|| (at, e.to_string()));
            }
        }
        out.bytes.push(b'\n');
        out.lines += 1;
    }
}

fn run(cli: Cli) -> Result<(), String> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match &cli.command {
        Command::Braille {
            braille,
            format,
            json,
            width,
            page_lines,
            input,
        } => {
            let t = with_user_dict(Translator::with_options(braille.options()), input)?;
            let format = match format {
                FormatArg::Unicode => Format::Unicode,
                FormatArg::Dots => Format::Dots,
                FormatArg::Brf => Format::Brf,
            };
            let mut layout = width.map(|w| {
                let l = Layout::new(w as usize);
                match page_lines {
                    Some(p) => l.with_pages(*p as usize),
                    None => l,
                }
            });
            let work = BrailleWork {
                t,
                format,
                json: *json,
                layout: layout.is_some(),
            };
            lines::run(&input.inputs(), work, &mut |o: &mut BrailleOut| {
                out.write_all(&o.bytes)?;
                o.bytes.clear();
                if let Some(layout) = layout.as_mut() {
                    for tr in o.translations.drain(..) {
                        out.write_all(layout.render(&tr, format).as_bytes())?;
                    }
                }
                Ok(())
            })?;
        }
        Command::Pinyin { json, fast, input } => {
            let t = Translator::with_options(Options {
                readings: reading_mode(*fast),
                ..Options::default()
            });
            let work = PinyinWork {
                t: with_user_dict(t, input)?,
                json: *json,
            };
            lines::run(&input.inputs(), work, &mut write_bytes(&mut out))?;
        }
        Command::Sign { json, input } => {
            let work = SignWork { json: *json };
            lines::run(&input.inputs(), work, &mut write_bytes(&mut out))?;
        }
        Command::Back { from, input } => {
            let from = match from {
                FromArg::Unicode => BrailleInput::Unicode,
                FromArg::Brf => BrailleInput::Brf,
            };
            let mut line_no = 0;
            let mut failure = None;
            lines::run(
                &input.inputs(),
                BackWork { from },
                &mut |o: &mut BackOut| {
                    if let Some((k, e)) = o.failure.take() {
                        failure.get_or_insert_with(|| format!("line {}: {e}", line_no + k + 1));
                    }
                    line_no += o.lines;
                    o.lines = 0;
                    out.write_all(&o.bytes)?;
                    o.bytes.clear();
                    Ok(())
                },
            )?;
            if let Some(f) = failure {
                out.flush().map_err(|e| e.to_string())?;
                return Err(f);
            }
        }
    }
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.to_string()),
        _ => Ok(()),
    }
}

/// Writes an output of bytes to `out`.
fn write_bytes(out: &mut impl Write) -> impl FnMut(&mut Vec<u8>) -> io::Result<()> + '_ {
    |o| {
        let r = out.write_all(o);
        o.clear();
        r
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tongyong: {e}");
            ExitCode::FAILURE
        }
    }
}

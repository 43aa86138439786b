//! The input lines and the work done on them: line by line on this thread (`--threads 1`), or a
//! chunk of whole lines at a time on worker threads, with the results written in input order.
//!
//! Both ways give the same bytes: a chunk always ends after a line ending (or at the end of an
//! input), its lines are split and checked exactly as the line-by-line reader does, and the first
//! error (invalid UTF-8, a file that cannot be read) stops the output where the line-by-line
//! reader would.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::sync::{Arc, Mutex};

/// What is done to every line: a line (without its line ending) appends its output to an `Out`,
/// which the writer then writes. Each worker thread has its own clone (with its own buffers).
pub trait LineWork: Clone + Send + 'static {
    /// The output of a line or of a chunk of lines.
    type Out: Default + Send + 'static;
    /// Appends the output of `line` to `out`.
    fn line(&mut self, line: &str, out: &mut Self::Out);
}

/// Writes an output in input order (and empties it, so that it can be reused).
pub type Emit<'a, O> = dyn FnMut(&mut O) -> io::Result<()> + 'a;

/// The input sources and how they are read.
pub struct Inputs<'a> {
    /// Input files; standard input when none is given (`-` is standard input too).
    pub files: &'a [String],
    /// Replace invalid UTF-8 with U+FFFD instead of stopping with an error.
    pub lossy: bool,
    /// Worker threads (1: the lines are done one by one on this thread).
    pub threads: usize,
}

/// Runs `work` on every line of every input and hands the outputs to `emit` in input order,
/// stopping at invalid UTF-8 unless `lossy`.
pub fn run<W: LineWork>(inputs: &Inputs, work: W, emit: &mut Emit<W::Out>) -> Result<(), String> {
    if inputs.threads <= 1 {
        serial(inputs, work, emit)
    } else {
        parallel(inputs, work, emit)
    }
}

/// The sources with their names in error messages.
fn sources(files: &[String]) -> Vec<(Option<String>, Arc<str>)> {
    if files.is_empty() {
        return vec![(None, Arc::from("<stdin>"))];
    }
    files
        .iter()
        .map(|f| match f.as_str() {
            "-" => (None, Arc::from("-")),
            path => (Some(path.to_string()), Arc::from(path)),
        })
        .collect()
}

fn open(path: &Option<String>) -> Result<Box<dyn Read + Send>, String> {
    match path {
        None => Ok(Box::new(io::stdin())),
        Some(path) => match File::open(path) {
            Ok(f) => Ok(Box::new(f)),
            Err(e) => Err(format!("{path}: {e}")),
        },
    }
}

/// The length of `raw` (a line with its line ending, if any) without the `\n` or `\r\n`.
fn body_len(raw: &[u8]) -> usize {
    match raw.strip_suffix(b"\n") {
        Some(rest) => rest.strip_suffix(b"\r").unwrap_or(rest).len(),
        None => raw.len(),
    }
}

/// `line` (with its line ending, if any) without the `\n` or `\r\n`, as text.
fn text_of<'a>(
    raw: &'a [u8],
    lossy: bool,
    name: &str,
    offset: usize,
) -> Result<Cow<'a, str>, String> {
    let line = &raw[..body_len(raw)];
    // The SIMD check first (this check is a few percent of the work); on an error, std's check
    // tells where.
    if let Ok(t) = simdutf8::basic::from_utf8(line) {
        return Ok(Cow::Borrowed(t));
    }
    match std::str::from_utf8(line) {
        Ok(t) => Ok(Cow::Borrowed(t)),
        Err(_) if lossy => Ok(String::from_utf8_lossy(line)),
        Err(e) => Err(format!(
            "{name}: invalid UTF-8 at byte {} (use --lossy to replace it)",
            offset + e.valid_up_to()
        )),
    }
}

/// The result of writing: a closed pipe (`| head`) ends the output quietly.
enum Written {
    Go,
    Stop,
}

fn written(r: io::Result<()>) -> Result<Written, String> {
    match r {
        Ok(()) => Ok(Written::Go),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Written::Stop),
        Err(e) => Err(e.to_string()),
    }
}

/// Line by line on this thread.
fn serial<W: LineWork>(
    inputs: &Inputs,
    mut work: W,
    emit: &mut Emit<W::Out>,
) -> Result<(), String> {
    let mut out = W::Out::default();
    for (path, name) in sources(inputs.files) {
        let mut reader = BufReader::new(open(&path)?);
        let mut buf = Vec::new();
        let mut offset = 0usize;
        loop {
            buf.clear();
            let n = reader
                .read_until(b'\n', &mut buf)
                .map_err(|e| format!("{name}: {e}"))?;
            if n == 0 {
                break;
            }
            let text = text_of(&buf, inputs.lossy, &name, offset)?;
            work.line(&text, &mut out);
            if let Written::Stop = written(emit(&mut out))? {
                break;
            }
            offset += n;
        }
    }
    Ok(())
}

/// About this many bytes of whole lines go to a worker at a time: large enough that handing
/// them over costs nothing, small enough that a few chunks in flight take little memory.
const CHUNK: usize = 64 << 10;

/// Whole lines of one input, from byte `offset` of it.
struct Chunk {
    bytes: Vec<u8>,
    name: Arc<str>,
    offset: usize,
}

/// The output of a chunk, and the error that stopped it (invalid UTF-8), if any.
type Done<O> = (O, Option<String>);

/// What the writer gets, in input order.
enum Item<O> {
    /// The output of a chunk, when its worker has done it.
    Chunk(Receiver<Done<O>>),
    /// An input that cannot be opened or read: everything before it is written, then this error.
    Failed(String),
}

/// Chunks of lines on `inputs.threads` worker threads. This thread writes; a reader thread reads
/// the inputs, sends every chunk to the workers and, in order, the place of its output to this
/// thread. Both queues are bounded, so a few chunks at most are in flight (standard input is
/// streamed). The threads are not joined: when the output stops early (an error, a closed pipe)
/// the process ends without waiting for a reader blocked on its input.
fn parallel<W: LineWork>(inputs: &Inputs, work: W, emit: &mut Emit<W::Out>) -> Result<(), String> {
    let threads = inputs.threads;
    let (jobs, job_queue) = mpsc::sync_channel::<(Chunk, Sender<Done<W::Out>>)>(threads);
    let (order, in_order) = mpsc::sync_channel::<Item<W::Out>>(2 * threads);
    let job_queue = Arc::new(Mutex::new(job_queue));
    let lossy = inputs.lossy;
    for _ in 0..threads {
        let (queue, mut work) = (Arc::clone(&job_queue), work.clone());
        std::thread::spawn(move || loop {
            // The lock is held only to take a job.
            let job = match queue.lock() {
                Ok(q) => q.recv(),
                Err(_) => return,
            };
            let Ok((chunk, reply)) = job else { return };
            // The writer may be gone (it stopped early): nothing to do then.
            let _ = reply.send(do_chunk(&mut work, &chunk, lossy));
        });
    }
    let sources = sources(inputs.files);
    std::thread::spawn(move || read_chunks(sources, &jobs, &order));
    for item in in_order {
        let (mut out, error) = match item {
            Item::Chunk(done) => done
                .recv()
                .map_err(|_| "a worker thread failed".to_string())?,
            Item::Failed(e) => return Err(e),
        };
        if let Written::Stop = written(emit(&mut out))? {
            return Ok(());
        }
        if let Some(e) = error {
            return Err(e);
        }
    }
    Ok(())
}

/// The lines of a chunk, split and checked as [`serial`] does.
fn do_chunk<W: LineWork>(work: &mut W, chunk: &Chunk, lossy: bool) -> Done<W::Out> {
    let mut out = W::Out::default();
    // Nearly every chunk is valid UTF-8: checked once as a whole, then split as text. A chunk
    // that is not goes line by line, to find the line and byte of the error (or to replace it).
    if let Ok(text) = simdutf8::basic::from_utf8(&chunk.bytes) {
        for line in text.split_inclusive('\n') {
            // The line ending is ASCII: the body ends on a character boundary.
            work.line(&line[..body_len(line.as_bytes())], &mut out);
        }
        return (out, None);
    }
    let mut offset = chunk.offset;
    for raw in chunk.bytes.split_inclusive(|&b| b == b'\n') {
        match text_of(raw, lossy, &chunk.name, offset) {
            Ok(text) => work.line(&text, &mut out),
            Err(e) => return (out, Some(e)),
        }
        offset += raw.len();
    }
    (out, None)
}

/// Reads the sources into chunks of whole lines and queues them, until the end of the inputs,
/// an input error (queued as [`Item::Failed`]) or the writer stopping.
fn read_chunks<O>(
    sources: Vec<(Option<String>, Arc<str>)>,
    jobs: &SyncSender<(Chunk, Sender<Done<O>>)>,
    order: &SyncSender<Item<O>>,
) {
    let send = |bytes: Vec<u8>, name: &Arc<str>, offset: usize| {
        let (reply, done) = mpsc::channel();
        let chunk = Chunk {
            bytes,
            name: Arc::clone(name),
            offset,
        };
        // The place in the order first, so that the writer never waits on a chunk no worker has.
        order.send(Item::Chunk(done)).is_ok() && jobs.send((chunk, reply)).is_ok()
    };
    for (path, name) in sources {
        let mut reader = match open(&path) {
            Ok(r) => r,
            Err(e) => {
                let _ = order.send(Item::Failed(e));
                return;
            }
        };
        // `buf` holds the bytes from `offset` of the input not sent yet: at most a line's start.
        let mut buf: Vec<u8> = Vec::with_capacity(2 * CHUNK);
        let mut offset = 0usize;
        loop {
            let len = buf.len();
            buf.resize(len + CHUNK, 0);
            let read = loop {
                match reader.read(&mut buf[len..]) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    r => break r,
                }
            };
            let n = *read.as_ref().unwrap_or(&0);
            buf.truncate(len + n);
            let end = n == 0 || read.is_err();
            // Whole lines go; at the end of the input (not after an error) the last line too.
            let cut = match read {
                Ok(0) => buf.len(),
                _ => buf.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1),
            };
            // Small reads (a pipe) are gathered up to a chunk, unless the input has ended.
            if cut > 0 && (buf.len() >= CHUNK || end) {
                let rest = buf[cut..].to_vec();
                buf.truncate(cut);
                let bytes = std::mem::replace(&mut buf, rest);
                if !send(bytes, &name, offset) {
                    return;
                }
                offset += cut;
                buf.reserve(2 * CHUNK);
            }
            if let Err(e) = read {
                let _ = order.send(Item::Failed(format!("{name}: {e}")));
                return;
            }
            if end {
                break;
            }
        }
    }
}

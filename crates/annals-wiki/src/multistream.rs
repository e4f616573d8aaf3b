//! Multistream bzip2 dumps decoded in parallel, through their index.
//!
//! Wikipedia's `pages-articles-multistream.xml.bz2` is many bzip2 streams of 100 pages each,
//! and `pages-articles-multistream-index.txt.bz2` beside it gives each stream's byte offset
//! (`offset:page id:title` a line). bzip2 decoding on one core is what limits reading a
//! compressed dump; with the offsets, runs of streams are decoded on every core at once and
//! handed on in order. At most [`WINDOW`] runs a thread are decoded ahead of the reader, so
//! memory stays bounded whatever the dump's size.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;

/// Runs decoded ahead of the reader, per thread.
pub const WINDOW: usize = 2;

/// The index beside a multistream dump: `X-multistream.xml.bz2` → `X-multistream-index.txt.bz2`
/// (or `.txt`), when it exists.
pub fn index_beside(dump: &Path) -> Option<PathBuf> {
    let name = dump.file_name()?.to_str()?;
    let stem = name.strip_suffix(".xml.bz2")?;
    ["-index.txt.bz2", "-index.txt"]
        .iter()
        .map(|ext| dump.with_file_name(format!("{stem}{ext}")))
        .find(|p| p.is_file())
}

/// The streams' offsets in an index (plain or bzip2), sorted, each once.
pub fn offsets(index: &Path) -> io::Result<Vec<u64>> {
    let mut text = String::new();
    crate::read::decoded(Box::new(File::open(index)?))?.read_to_string(&mut text)?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let offset = line
            .split(':')
            .next()
            .and_then(|o| o.trim().parse::<u64>().ok())
            .ok_or_else(|| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "{}:{}: expected offset:page id:title",
                        index.display(),
                        n + 1
                    ),
                )
            })?;
        out.push(offset);
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// A dump's bytes, decompressed by `threads` threads in runs of streams of about `run_bytes`
/// compressed bytes each.
pub struct Parallel {
    shared: Arc<Shared>,
    workers: Vec<JoinHandle<()>>,
    runs: Vec<(u64, u64)>,
    current: io::Cursor<Vec<u8>>,
}

struct Shared {
    state: Mutex<State>,
    ready: Condvar,
}

#[derive(Default)]
struct State {
    next: usize,
    consumed: usize,
    done: BTreeMap<usize, io::Result<Vec<u8>>>,
    stop: bool,
}

impl Parallel {
    /// Decode `dump` from the stream `offsets` (from its index).
    pub fn open(dump: &Path, offsets: &[u64], threads: usize, run_bytes: u64) -> io::Result<Self> {
        let len = std::fs::metadata(dump)?.len();
        // Runs: from the start (the header's stream) to the end, cut at stream offsets.
        let mut runs = Vec::new();
        let mut start = 0;
        for &o in offsets.iter().filter(|&&o| o > 0 && o < len) {
            if o - start >= run_bytes {
                runs.push((start, o));
                start = o;
            }
        }
        if start < len {
            runs.push((start, len));
        }
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            ready: Condvar::new(),
        });
        let threads = threads.max(1);
        let mut workers = Vec::new();
        for _ in 0..threads {
            let (shared, runs, dump) = (shared.clone(), runs.clone(), dump.to_path_buf());
            workers.push(std::thread::spawn(move || {
                work(&shared, &runs, &dump, threads * WINDOW)
            }));
        }
        Ok(Parallel {
            shared,
            workers,
            runs,
            current: io::Cursor::new(Vec::new()),
        })
    }

    /// Compressed bytes handed on so far (for a progress bar).
    pub fn position(&self) -> u64 {
        let consumed = lock(&self.shared).consumed;
        consumed
            .checked_sub(1)
            .and_then(|i| self.runs.get(i))
            .map_or(0, |r| r.1)
    }
}

fn lock(shared: &Shared) -> std::sync::MutexGuard<'_, State> {
    shared
        .state
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A thread's loop: take the next run (never more than `window` ahead of the reader), decode it.
fn work(shared: &Shared, runs: &[(u64, u64)], dump: &Path, window: usize) {
    let mut file = None;
    loop {
        let i = {
            let mut s = lock(shared);
            while !s.stop && s.next < runs.len() && s.next >= s.consumed + window {
                s = shared
                    .ready
                    .wait(s)
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
            }
            if s.stop || s.next >= runs.len() {
                return;
            }
            s.next += 1;
            s.next - 1
        };
        let (a, b) = runs[i];
        let decoded = (|| {
            let f = match &mut file {
                Some(f) => f,
                None => file.insert(File::open(dump)?),
            };
            f.seek(SeekFrom::Start(a))?;
            let mut compressed = vec![0u8; (b - a) as usize];
            f.read_exact(&mut compressed)?;
            let mut out = Vec::with_capacity(compressed.len() * 5);
            bzip2::read::MultiBzDecoder::new(&compressed[..])
                .read_to_end(&mut out)
                .map_err(|e| {
                    io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("bzip2 streams at bytes {a}..{b}: {e}"),
                    )
                })?;
            Ok(out)
        })();
        let mut s = lock(shared);
        s.done.insert(i, decoded);
        shared.ready.notify_all();
    }
}

impl Read for Parallel {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let n = self.current.read(buf)?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            let mut s = lock(&self.shared);
            if s.consumed >= self.runs.len() {
                return Ok(0);
            }
            let next = loop {
                let consumed = s.consumed;
                if let Some(r) = s.done.remove(&consumed) {
                    break r;
                }
                s = self
                    .shared
                    .ready
                    .wait(s)
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
            };
            s.consumed += 1;
            self.shared.ready.notify_all();
            drop(s);
            self.current = io::Cursor::new(next?);
        }
    }
}

impl Drop for Parallel {
    fn drop(&mut self) {
        lock(&self.shared).stop = true;
        self.shared.ready.notify_all();
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A multistream file of `pages` in streams of `per` pages, and its index.
    fn dump(dir: &Path, pages: usize, per: usize) -> (PathBuf, Vec<u8>) {
        let head = b"<mediawiki>\n<siteinfo><sitename>T</sitename></siteinfo>\n".to_vec();
        let mut plain = head.clone();
        let mut file = Vec::new();
        let mut index = String::new();
        let compress = |bytes: &[u8]| {
            let mut e = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
            e.write_all(bytes).unwrap();
            e.finish().unwrap()
        };
        file.extend(compress(&head));
        for first in (0..pages).step_by(per) {
            let mut chunk = Vec::new();
            for p in first..(first + per).min(pages) {
                chunk.extend(
                    format!("<page><title>P{p}</title><id>{p}</id><revision><text>{}</text></revision></page>\n", "word ".repeat(p % 50)).bytes(),
                );
                index.push_str(&format!("{}:{p}:P{p}\n", file.len()));
            }
            file.extend(compress(&chunk));
            plain.extend(chunk);
        }
        file.extend(compress(b"</mediawiki>\n"));
        plain.extend(b"</mediawiki>\n");
        let path = dir.join("t-multistream.xml.bz2");
        std::fs::write(&path, file).unwrap();
        std::fs::write(dir.join("t-multistream-index.txt"), index).unwrap();
        (path, plain)
    }

    #[test]
    fn streams_come_back_in_order_on_several_threads() {
        let dir = tempfile::tempdir().unwrap();
        let (path, plain) = dump(dir.path(), 2_000, 100);
        let index = index_beside(&path).unwrap();
        let offs = offsets(&index).unwrap();
        assert_eq!(offs.len(), 20);
        for (threads, run) in [(1, 1), (3, 1), (4, 5_000), (2, u64::MAX)] {
            let mut p = Parallel::open(&path, &offs, threads, run).unwrap();
            let mut out = Vec::new();
            p.read_to_end(&mut out).unwrap();
            assert!(out == plain, "{threads} threads, runs of {run} bytes");
            assert_eq!(p.position(), std::fs::metadata(&path).unwrap().len());
        }
        // Dropped half-read: the threads stop.
        let mut p = Parallel::open(&path, &offs, 3, 1).unwrap();
        let mut some = [0u8; 100];
        p.read_exact(&mut some).unwrap();
        drop(p);
    }

    #[test]
    fn a_bad_index_or_stream_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let (path, _) = dump(dir.path(), 300, 100);
        std::fs::write(dir.path().join("t-multistream-index.txt"), "12:1:A\nnope\n").unwrap();
        let e = offsets(&index_beside(&path).unwrap()).unwrap_err();
        assert!(e.to_string().contains("index.txt:2: expected"), "{e}");
        // An offset that is not a stream's start.
        let mut p = Parallel::open(&path, &[7], 2, 1).unwrap();
        let mut out = Vec::new();
        assert!(p.read_to_end(&mut out).is_err());
    }
}

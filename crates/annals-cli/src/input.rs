//! Reading input files: finding them, picking their format, and locating every problem as
//! `file:line: what was expected`.

use annals_formats::table::ColumnMap;
use annals_formats::{read, Format, FormatError, Incoming, ReadOptions};
use anyhow::{bail, Context, Result};
use indicatif::ProgressBar;
use std::fmt;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

/// A problem in an input file.
#[derive(Debug)]
pub struct Problem {
    /// The file.
    pub file: PathBuf,
    /// Where in it, and what.
    pub error: FormatError,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file.display(), self.error)
    }
}

/// Every file to read: files as given, directories walked recursively (files with a known
/// extension only), in a stable order.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        // A path that is not there (or cannot be read) is the user's input, not a failure of
        // annals: exit 1, as for any other invalid input.
        let meta = std::fs::metadata(p)
            .map_err(|e| crate::InvalidInput(format!("{}: cannot read: {e}", p.display())))?;
        if meta.is_dir() {
            walk(p, &mut out)?;
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot read directory", dir.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()?;
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out)?;
        } else if Format::from_extension(&p).is_some() {
            out.push(p);
        }
    }
    Ok(())
}

/// Total size of the files, for the progress bar.
pub fn total_bytes(files: &[PathBuf]) -> u64 {
    files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum()
}

/// A Wikipedia article's title from its file name: `Battle_of_Hastings.wiki` is "Battle of
/// Hastings".
fn title_from_file(path: &Path) -> Option<String> {
    let mut name = path.file_name()?.to_str()?;
    for ext in [
        ".bz2",
        ".wiki",
        ".wikitext",
        ".mediawiki",
        ".txt",
        ".html",
        ".htm",
    ] {
        if name.len() > ext.len() && name[name.len() - ext.len()..].eq_ignore_ascii_case(ext) {
            name = &name[..name.len() - ext.len()];
        }
    }
    let t = name.replace('_', " ");
    let t = t.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// A multistream dump's decoded bytes, moving the progress bar by the compressed bytes behind
/// them.
struct Follow<'a> {
    p: annals_formats::multistream::Parallel,
    bar: &'a ProgressBar,
}

impl Read for Follow<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.p.read(buf)?;
        self.bar.set_position(self.p.position());
        Ok(n)
    }
}

/// Read one file, passing each event (or problem) to `each` in order. What a Wikipedia
/// input read and skipped is added to `wiki` (one report per such file).
pub fn read_file(
    path: &Path,
    forced: Option<Format>,
    opts: &ReadOptions,
    columns: &ColumnMap,
    progress: &ProgressBar,
    wiki: &mut Vec<(PathBuf, annals_formats::WikiReport)>,
    each: &mut dyn FnMut(Result<Incoming, FormatError>) -> Result<()>,
) -> Result<()> {
    let file =
        std::fs::File::open(path).with_context(|| format!("{}: cannot open", path.display()))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size == 0 {
        return each(Err(FormatError::at_line(
            1,
            "empty file: expected event records",
        )));
    }
    let mut head = vec![0u8; 4096];
    let n = read_up_to(&mut BufReader::new(file), &mut head)?;
    head.truncate(n);
    let format = forced.unwrap_or_else(|| Format::detect(path, &head));
    // A multistream dump with its index beside it is decoded on every core.
    let streams = match annals_formats::multistream::index_beside(path) {
        Some(index) if format == Format::MediaWiki => Some(
            annals_formats::multistream::offsets(&index)
                .with_context(|| format!("the index of {}", path.display()))?,
        ),
        _ => None,
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    // The progress bar follows the first reading only (Wikidata reads twice).
    let mut opened = 0;
    let mut open = || -> std::io::Result<Box<dyn Read>> {
        opened += 1;
        if let Some(offsets) = &streams {
            let p = annals_formats::multistream::Parallel::open(path, offsets, threads, 1 << 20)?;
            return Ok(if opened == 1 {
                Box::new(Follow { p, bar: progress })
            } else {
                Box::new(p)
            });
        }
        let f = std::fs::File::open(path)?;
        Ok(if opened == 1 {
            Box::new(progress.wrap_read(f))
        } else {
            Box::new(f)
        })
    };
    let mut failed = None;
    let mut pass = |item| match each(item) {
        Ok(()) => true,
        Err(e) => {
            failed = Some(e);
            false
        }
    };
    let result = if matches!(format, Format::Wikitext | Format::MediaWiki) {
        let mut report = annals_formats::WikiReport::default();
        let started = std::time::Instant::now();
        let r = read::read_wiki(
            format,
            &mut open,
            opts,
            title_from_file(path),
            &mut report,
            &mut |r| {
                let secs = started.elapsed().as_secs_f64().max(0.001);
                progress.set_message(format!(
                    "{} pages ({:.0}/s), {} events",
                    r.pages,
                    r.pages as f64 / secs,
                    r.events
                ));
            },
            &mut pass,
        );
        wiki.push((path.to_path_buf(), report));
        r
    } else {
        read::read(format, &mut open, opts, columns, &mut pass)
    };
    if let Some(e) = failed {
        return Err(e);
    }
    if let Err(e) = result {
        each(Err(e))?;
    }
    Ok(())
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => bail!(e),
        }
    }
    Ok(n)
}

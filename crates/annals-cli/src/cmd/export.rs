//! `export`.

use super::store;
use crate::cli::{ExportArgs, OutputFormat};
use crate::exit;
use annals_core::Event;
use annals_formats::card::{write_document, LEAD_KIND, SEPARATOR};
use annals_formats::Dropped;
use annals_store::{Filter, SqliteStore, StoreError};
use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

pub fn export(s: &SqliteStore, args: &ExportArgs) -> Result<u8> {
    let to_dir = matches!(args.format, OutputFormat::Card)
        && args
            .out
            .as_deref()
            .is_some_and(|p| p.is_dir() || p.to_string_lossy().ends_with('/'));
    if to_dir {
        let dir = args.out.as_deref().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        return export_card_files(s, dir);
    }
    // Write to a temporary file beside the target, then rename: never a half-written file.
    let (mut out, tmp): (Box<dyn Write>, Option<tempfile_path::Tmp>) = match &args.out {
        Some(path) => {
            let tmp = tempfile_path::Tmp::beside(path)?;
            (Box::new(std::io::BufWriter::new(tmp.file()?)), Some(tmp))
        }
        None => (
            Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            None,
        ),
    };
    let mut dropped = Vec::new();
    let mut first = true;
    store(s).scan(&Filter::default(), &mut |e| {
        match args.format {
            OutputFormat::Jsonl => annals_formats::json::write_jsonl(&mut out, &e)?,
            OutputFormat::Card => {
                if !first {
                    writeln!(out, "{SEPARATOR}")?;
                }
                let (text, d) = card_of(s, &e)?;
                out.write_all(text.as_bytes())?;
                dropped.extend(d);
            }
        }
        first = false;
        Ok(())
    })?;
    out.flush()?;
    drop(out);
    if let (Some(tmp), Some(path)) = (tmp, &args.out) {
        tmp.persist(path)?;
    }
    report_dropped(&dropped);
    Ok(exit::OK)
}

/// An event as a card document, with its `related` events as lead cards.
fn card_of(s: &SqliteStore, e: &Event) -> Result<(String, Vec<Dropped>), StoreError> {
    let mut leads = Vec::new();
    for r in e.related.iter().filter(|r| r.kind == LEAD_KIND) {
        if let Some(other) = store(s).get(&r.id)? {
            leads.push(other);
        }
    }
    let refs: Vec<&Event> = leads.iter().collect();
    let (text, mut dropped) = write_document(e, &refs);
    // Lead cards are summaries: what they leave out is kept by the event's own document.
    dropped.retain(|d| d.id == e.id);
    Ok((text, dropped))
}

fn export_card_files(s: &SqliteStore, dir: &Path) -> Result<u8> {
    let mut dropped = Vec::new();
    let mut n = 0;
    store(s).scan(&Filter::default(), &mut |e| {
        let (text, d) = card_of(s, &e)?;
        std::fs::write(dir.join(format!("{}.txt", e.id)), text)?;
        dropped.extend(d);
        n += 1;
        Ok(())
    })?;
    eprintln!("wrote {n} card files to {}", dir.display());
    report_dropped(&dropped);
    Ok(exit::OK)
}

fn report_dropped(dropped: &[Dropped]) {
    if dropped.is_empty() {
        return;
    }
    eprintln!(
        "annals: the card format could not hold {} thing{}:",
        dropped.len(),
        if dropped.len() == 1 { "" } else { "s" }
    );
    for d in dropped.iter().take(20) {
        eprintln!("  {}: {}", d.id, d.what);
    }
    if dropped.len() > 20 {
        eprintln!("  ... and {} more", dropped.len() - 20);
    }
}

/// A temporary file renamed into place when complete.
mod tempfile_path {
    use anyhow::{Context, Result};
    use std::path::{Path, PathBuf};

    pub struct Tmp {
        path: PathBuf,
    }

    impl Tmp {
        pub fn beside(target: &Path) -> Result<Tmp> {
            let name = target
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_else(|| "export".into());
            let path = target.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
            Ok(Tmp { path })
        }

        pub fn file(&self) -> Result<std::fs::File> {
            std::fs::File::create(&self.path)
                .with_context(|| format!("cannot write {}", self.path.display()))
        }

        pub fn persist(mut self, target: &Path) -> Result<()> {
            std::fs::rename(&self.path, target)
                .with_context(|| format!("cannot write {}", target.display()))?;
            self.path = PathBuf::new();
            Ok(())
        }
    }

    impl Drop for Tmp {
        fn drop(&mut self) {
            if !self.path.as_os_str().is_empty() {
                let _ = std::fs::remove_file(&self.path);
            }
        }
    }
}

//! `annals media`: the media of the stored events with their credits (and those that lack
//! one), `annals media add`, which keeps pictures in the database, and `annals media unused`,
//! which finds (and removes) the stored pictures nothing names.

use crate::exit;
use annals_store::EventStore;
use anyhow::{Context, Result};
use std::io::Write;

/// `annals media`: every medium of the stored events, in the order of the events, with its
/// licence and credit; `--licences` flags those that lack one, and stored pictures (`media:`)
/// whose file the database does not hold.
pub fn list(s: &dyn EventStore, args: &crate::cli::MediaArgs) -> Result<u8> {
    use annals_core::media::{licence_name, stored_hash};
    // The stored pictures the events name that the store lacks (asked after the scan: a
    // PostgreSQL store answers one query at a time).
    let mut named = std::collections::BTreeSet::new();
    s.scan(&annals_store::Filter::default(), &mut |e| {
        named.extend(
            e.media
                .iter()
                .filter_map(|m| stored_hash(&m.url))
                .map(str::to_string),
        );
        Ok(())
    })?;
    let mut lost = std::collections::HashSet::new();
    for h in named {
        if s.file_info(&h)?.is_none() {
            lost.insert(h);
        }
    }
    let (mut n, mut flagged, mut events) = (0usize, 0usize, 0usize);
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    s.scan(&annals_store::Filter::default(), &mut |e| {
        if !e.media.is_empty() {
            events += 1;
        }
        for m in &e.media {
            n += 1;
            let mut missing = m.missing();
            if stored_hash(&m.url).is_some_and(|h| lost.contains(h)) {
                missing.push("its stored file");
            }
            if !missing.is_empty() {
                flagged += 1;
            }
            if args.json {
                let line = serde_json::json!({"event": e.id, "url": m.url, "kind": m.kind.name(),
                    "licence": m.licence, "credit": m.credit, "missing": missing});
                writeln!(out, "{line}")?;
                continue;
            }
            writeln!(out, "{}  {}", e.id, m.url)?;
            let licence = if m.licence.is_empty() {
                "no licence".to_string()
            } else {
                licence_name(&m.licence)
            };
            let credit = if m.credit.is_empty() {
                "no credit"
            } else {
                &m.credit
            };
            let flag = if args.licences && !missing.is_empty() {
                format!("  ✗ lacks {}", missing.join(" and "))
            } else {
                String::new()
            };
            writeln!(out, "    {licence} · {credit}{flag}")?;
        }
        Ok(())
    })?;
    out.flush()?;
    drop(out);
    if !args.json {
        let summary = format!(
            "{n} medi{} on {events} event{}",
            if n == 1 { "um" } else { "a" },
            super::plural(events)
        );
        if args.licences {
            eprintln!("{summary}; {flagged} without a licence or a credit");
        } else {
            eprintln!("{summary}");
        }
    }
    Ok(if args.licences && flagged > 0 {
        1
    } else {
        exit::OK
    })
}

/// `annals media add`: check every file, then keep them all, and print each one's address.
pub fn add(store: &dyn EventStore, files: &[std::path::PathBuf], max_bytes: usize) -> Result<u8> {
    let limits = annals_media::Limits {
        max_bytes,
        ..annals_media::Limits::default()
    };
    let mut pictures = Vec::new();
    for path in files {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let picture = annals_media::prepare(&bytes, &limits)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        pictures.push((path, picture));
    }
    let author = std::env::var("USER").unwrap_or_else(|_| "annals".into());
    for (path, p) in &pictures {
        let kept = store.put_file(p, &author)?;
        let copies: Vec<String> = p.renditions.iter().map(|r| r.width.to_string()).collect();
        outln!(
            "media:{}  {}  {}×{} {}, copies {}{}",
            p.hash,
            path.display(),
            p.width,
            p.height,
            p.mime,
            copies.join(", "),
            if kept { "" } else { " (kept already)" }
        );
    }
    Ok(exit::OK)
}

/// `annals media unused`: the stored pictures no record names (`annals_store::files::in_use`),
/// listed; with `delete`, those kept more than `older_than` hours ago removed.
pub fn unused(store: &dyn EventStore, delete: bool, older_than: u64) -> Result<u8> {
    let named = annals_store::files::in_use(store)?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
    let grace = i64::try_from(older_than.saturating_mul(3_600_000)).unwrap_or(i64::MAX);
    let (mut found, mut removed, mut freed) = (0u64, 0u64, 0u64);
    for hash in store.file_hashes()? {
        if named.contains(&hash) {
            continue;
        }
        let Some(info) = store.file_info(&hash)? else {
            continue;
        };
        found += 1;
        let young = now.saturating_sub(info.at) < grace;
        let kept = super::curate::when(info.at);
        let removing = delete && !young;
        if removing && store.remove_file(&hash)? {
            removed += 1;
            freed += info.size;
        }
        outln!(
            "media:{hash}  {}×{} {}, {} bytes, kept {kept} by {}{}",
            info.width,
            info.height,
            info.mime,
            info.size,
            info.author,
            if removing {
                "  removed"
            } else if delete {
                "  kept (younger than the grace)"
            } else {
                ""
            }
        );
    }
    let s = |n: u64| if n == 1 { "" } else { "s" };
    if delete {
        eprintln!(
            "{found} stored picture{} named by nothing; {removed} removed ({freed} bytes freed)",
            s(found)
        );
    } else {
        eprintln!(
            "{found} stored picture{} named by nothing (annals media unused --delete removes those older than {older_than} hours)",
            s(found)
        );
    }
    Ok(exit::OK)
}

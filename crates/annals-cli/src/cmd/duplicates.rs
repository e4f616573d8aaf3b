//! `duplicates`, `merge` and `distinct`: events recorded twice, found, reviewed and made one
//! (`docs/curation.md`).

use super::import::{begin, commit, open_index_for_writing};
use super::{not_found, open, open_existing};
use crate::cli::{DistinctArgs, DuplicatesArgs, MergeArgs};
use crate::exit;
use crate::indexer;
use annals_core::merge::{merge, Picks};
use annals_index::SearchIndex;
use annals_store::Db;
use annals_store::{Change, Duplicate, EventStore, Filter, Verdict};
use anyhow::{bail, Result};
use std::collections::HashSet;

/// The pairs `index` finds among `ids` (or every stored event, for `None`), scored, each
/// pair once, best first.
pub(crate) fn find(
    store: &dyn EventStore,
    index: &SearchIndex,
    ids: Option<&[String]>,
    min_score: f64,
) -> Result<Vec<Duplicate>> {
    let mut seen = HashSet::new();
    let mut found = Vec::new();
    let mut each = |event: annals_core::Event| -> Result<()> {
        for d in index.likely_duplicates(store, &event, min_score, 5)? {
            if seen.insert((d.a.clone(), d.b.clone())) {
                found.push(d);
            }
        }
        Ok(())
    };
    match ids {
        Some(ids) => {
            for id in ids {
                if let Some(e) = store.get(id)? {
                    each(e)?;
                }
            }
        }
        None => {
            let mut failed = None;
            store.scan(&Filter::default(), &mut |e| {
                if failed.is_none() {
                    if let Err(err) = each(e) {
                        failed = Some(err);
                    }
                }
                Ok(())
            })?;
            if let Some(err) = failed {
                return Err(err);
            }
        }
    }
    found.sort_by(|x, y| y.score.total_cmp(&x.score));
    Ok(found)
}

/// Record `pairs` in the review queue, as one change.
pub(crate) fn propose(db: &Db, pairs: &[Duplicate], why: &str) -> Result<()> {
    if pairs.is_empty() {
        return Ok(());
    }
    let mut store = open(db)?;
    let index = open_index_for_writing(db)?;
    let mut write = begin(&mut *store, &index, &Change::new("annals", why))?;
    for d in pairs {
        write.propose(d)?;
    }
    commit(write, db)?;
    Ok(())
}

fn title(store: &dyn EventStore, id: &str) -> Result<String> {
    Ok(match store.get(id)? {
        Some(e) => format!("{id}  {} ({})", e.title, e.date.written()),
        None => format!("{id}  (no longer stored)"),
    })
}

pub fn duplicates(db: &Db, args: &DuplicatesArgs) -> Result<u8> {
    if !(0.0..=1.0).contains(&args.min_score) {
        bail!("--min-score is a number from 0 to 1");
    }
    let store = open_existing(db)?;
    if args.scan {
        let index = indexer::for_search(db)?;
        let found = find(&*store, &index, None, args.min_score)?;
        propose(db, &found, "duplicates found by annals duplicates --scan")?;
        if !args.json {
            eprintln!(
                "annals: {} pair{} scoring at least {} proposed for review",
                found.len(),
                if found.len() == 1 { "" } else { "s" },
                args.min_score
            );
        }
    }
    let queue = store.open_duplicates(args.limit)?;
    if args.json {
        for d in &queue {
            outln!(
                "{}",
                serde_json::json!({"a": d.a, "b": d.b, "score": d.score, "reasons": d.reasons})
            );
        }
        return Ok(exit::OK);
    }
    if queue.is_empty() {
        outln!("no pairs wait for review");
        return Ok(exit::OK);
    }
    for d in &queue {
        outln!("{:.2}  {}", d.score, title(&*store, &d.a)?);
        outln!("      {}", title(&*store, &d.b)?);
        if !d.reasons.is_empty() {
            outln!("      {}", d.reasons);
        }
    }
    outln!(
        "\n`annals merge KEPT OTHER` makes a pair one event; `annals distinct A B` says they are two"
    );
    Ok(exit::OK)
}

fn who() -> String {
    std::env::var("USER").unwrap_or_else(|_| "annals".into())
}

pub fn merge_events(db: &Db, args: &MergeArgs) -> Result<u8> {
    open_existing(db)?;
    let mut store = open(db)?;
    let Some(kept) = store.get(&args.kept)? else {
        return Ok(not_found(&args.kept));
    };
    let Some(other) = store.get(&args.other)? else {
        return Ok(not_found(&args.other));
    };
    if kept.id == other.id {
        bail!("{} cannot be merged into itself", kept.id);
    }
    let merged = merge(&kept, &other, &Picks::lists_from_both());
    let summary = args
        .summary
        .clone()
        .unwrap_or_else(|| format!("merge {} into {}", other.id, kept.id));
    let change = Change::new(format!("{} (annals merge)", who()), summary);
    let index = open_index_for_writing(db)?;
    let mut write = begin(&mut *store, &index, &change)?;
    let relinked = write.merge(&merged, &other.id)?;
    let generation = commit(write, db)?;
    outln!(
        "{} is now {} (change #{generation}): its page redirects there{}",
        other.id,
        kept.id,
        if relinked == 0 {
            String::new()
        } else {
            format!(
                "; {relinked} event{} that linked to it link to {} instead",
                if relinked == 1 { "" } else { "s" },
                kept.id
            )
        }
    );
    Ok(exit::OK)
}

pub fn distinct(db: &Db, args: &DistinctArgs) -> Result<u8> {
    open_existing(db)?;
    let mut store = open(db)?;
    for id in [&args.a, &args.b] {
        if store.get(id)?.is_none() {
            return Ok(not_found(id));
        }
    }
    let change = Change::new(
        format!("{} (annals distinct)", who()),
        format!("{} and {} are different events", args.a, args.b),
    );
    let index = open_index_for_writing(db)?;
    let mut write = begin(&mut *store, &index, &change)?;
    write.decide(&args.a, &args.b, Verdict::Distinct)?;
    commit(write, db)?;
    outln!(
        "{} and {} are marked as different events: they are not proposed again",
        args.a,
        args.b
    );
    Ok(exit::OK)
}

//! `history` and `revert`: an event's revisions, and putting one back.

use super::import::{begin, commit, open_index_for_writing};
use super::{not_found, open, open_existing};
use crate::cli::{AliasCommand, HistoryArgs, RevertArgs};
use crate::exit;
use annals_core::diff::{diff, Line};
use annals_core::profile::Kind;
use annals_store::Db;
use annals_store::{revision_at, Change, Revision};
use anyhow::{bail, Result};

/// When a commit was made, as UTC: `2026-12-04 01:23`.
pub fn when(at_ms: i64) -> String {
    if at_ms == 0 {
        return "before history was kept".into();
    }
    let secs = at_ms.div_euclid(1000);
    let day = annals_dates::DayNumber(719_163 + secs.div_euclid(86_400)).ymd();
    let s = secs.rem_euclid(86_400);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC",
        day.year,
        day.month,
        day.day,
        s / 3600,
        s % 3600 / 60
    )
}

pub fn history(db: &Db, args: &HistoryArgs) -> Result<u8> {
    let s = open_existing(db)?;
    let revisions = s.history(&args.id)?;
    if revisions.is_empty() {
        return Ok(not_found(&args.id));
    }
    if args.json {
        let v: Vec<_> = revisions.iter().map(Revision::to_json).collect();
        outln!("{}", serde_json::json!({"id": args.id, "revisions": v}));
        return Ok(exit::OK);
    }
    let mut before = None;
    for r in &revisions {
        let c = &r.commit;
        let what = if r.event.is_none() { " [deleted]" } else { "" };
        outln!(
            "#{:<6} {}  {}{}{}",
            c.generation,
            when(c.at_ms),
            if c.author.is_empty() {
                "unknown"
            } else {
                &c.author
            },
            if c.summary.is_empty() {
                String::new()
            } else {
                format!(": {}", c.summary)
            },
            what
        );
        for change in diff(before, r.event.as_ref()) {
            outln!("    {}:", change.field);
            for line in change.lines() {
                match line {
                    Line::Removed(l) => outln!("      - {l}"),
                    Line::Added(l) => outln!("      + {l}"),
                    Line::Kept(_) => {}
                }
            }
        }
        before = r.event.as_ref();
    }
    Ok(exit::OK)
}

pub fn revert(db: &Db, args: &RevertArgs) -> Result<u8> {
    open_existing(db)?;
    let mut store = open(db)?;
    let revisions = store.history(&args.id)?;
    if revisions.is_empty() {
        return Ok(not_found(&args.id));
    }
    let Some(target) = revision_at(&revisions, args.generation).cloned() else {
        let known: Vec<String> = revisions
            .iter()
            .map(|r| r.commit.generation.to_string())
            .collect();
        bail!(
            "{} has no revision #{}: its revisions are #{}",
            args.id,
            args.generation,
            known.join(", #")
        );
    };
    let who = std::env::var("USER").unwrap_or_else(|_| "annals".into());
    let summary = args
        .summary
        .clone()
        .unwrap_or_else(|| format!("revert to #{}", args.generation));
    let change = Change::new(format!("{who} (annals revert)"), summary);
    let index = open_index_for_writing(db)?;
    let mut write = begin(&mut *store, &index, &change)?;
    match &target.event {
        Some(e) => {
            write.upsert(e, None)?;
        }
        None => {
            write.delete(&args.id)?;
        }
    }
    let generation = commit(write, db)?;
    outln!(
        "{} is as it was after #{} again (change #{generation}){}",
        args.id,
        args.generation,
        if target.event.is_none() {
            ": deleted"
        } else {
            ""
        }
    );
    Ok(exit::OK)
}

/// `annals alias`: other names of participants and places.
pub fn alias(db: &Db, cmd: AliasCommand) -> Result<u8> {
    let mut store = open(db)?;
    let kind = |place: bool| {
        if place {
            Kind::Place
        } else {
            Kind::Participant
        }
    };
    match cmd {
        AliasCommand::List => {
            let all = store.aliases()?;
            if all.is_empty() {
                outln!(
                    "no participant or place has other names (`annals alias add NAME ALIAS...`)"
                );
            }
            let mut last = (None, String::new());
            for a in all {
                if (Some(a.kind), &a.name) != (last.0, &last.1) {
                    outln!("{} ({})", a.name, a.kind.name());
                    last = (Some(a.kind), a.name);
                }
                outln!("    {}", a.alias);
            }
            Ok(exit::OK)
        }
        AliasCommand::Add {
            name,
            aliases,
            place,
        } => {
            let who = std::env::var("USER").unwrap_or_else(|_| "annals".into());
            let change = Change::new(
                format!("{who} (annals alias)"),
                format!("other names of {name}: {}", aliases.join(", ")),
            );
            let index = open_index_for_writing(db)?;
            let mut write = begin(&mut *store, &index, &change)?;
            for a in &aliases {
                annals_store::add_alias(write.tx_mut(), kind(place), a, &name)?;
            }
            commit(write, db)?;
            let key = kind(place).name();
            outln!(
                "{key}:{} now {} the events of {name} too",
                aliases.join(&format!(", {key}:")),
                if aliases.len() == 1 { "finds" } else { "find" }
            );
            Ok(exit::OK)
        }
        AliasCommand::Remove { aliases, place } => {
            let index = open_index_for_writing(db)?;
            let change = Change::new("annals alias", format!("forget {}", aliases.join(", ")));
            let mut write = begin(&mut *store, &index, &change)?;
            let mut gone = 0;
            for a in &aliases {
                if annals_store::remove_alias(write.tx_mut(), kind(place), a)? {
                    gone += 1;
                }
            }
            commit(write, db)?;
            outln!("{gone} of {} forgotten", aliases.len());
            Ok(exit::OK)
        }
    }
}

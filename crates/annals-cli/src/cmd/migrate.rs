//! `annals migrate`: a whole store into a new one (SQLite to PostgreSQL, or back), verified.

use crate::cli::MigrateArgs;
use crate::exit;
use annals_store::copy::{copy, Tally};
use annals_store::Db;
use anyhow::{bail, Context, Result};

pub fn migrate(args: &MigrateArgs) -> Result<u8> {
    let from = Db::from_arg(&args.from, None);
    let to = Db::from_arg(&args.to, None);
    if from == to {
        bail!("--from and --to are the same store");
    }
    if !from.exists() {
        bail!("there is no database at {from}");
    }
    let source = from
        .open(128)
        .with_context(|| format!("cannot open the database {from}"))?;
    let mut dest = to
        .open(128)
        .with_context(|| format!("cannot open the database {to}"))?;
    let (sent, got) = copy(&*source, &mut *dest)
        .with_context(|| format!("cannot copy {from} into {to} (nothing was written)"))?;
    if sent != got {
        bail!(
            "the copy in {to} differs from {from}: {} read, {} found after",
            describe(&sent),
            describe(&got)
        );
    }
    outln!("copied {from} into {to}: {}", describe(&sent));
    outln!(
        "verified: the copy holds the same rows (checksum {})",
        sent.checksum
    );
    outln!("the search index of {to} is built when first used (or now: annals --db {to} reindex)");
    Ok(exit::OK)
}

fn describe(t: &Tally) -> String {
    let n = |count: u64, noun: &str| format!("{count} {noun}{}", super::plural(count as usize));
    format!(
        "{}, {}, {}, {}, {}, {}, {} ({}), {} ({}), {}, {}, {}",
        n(t.events, "event"),
        n(t.history, "past state"),
        n(t.tombstones, "deleted id"),
        n(t.commits, "commit"),
        n(t.redirects, "redirect"),
        n(t.duplicates, "duplicate pair"),
        n(t.profiles, "profile"),
        n(t.profile_history, "past state"),
        match t.stories {
            1 => "1 story".to_string(),
            k => format!("{k} stories"),
        },
        n(t.story_history, "past state"),
        n(t.users, "user"),
        n(t.sessions, "session"),
        n(t.tokens, "token"),
    )
}

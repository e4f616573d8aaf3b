//! One module per command.

mod curate;
mod duplicates;
mod export;
mod extract;
mod import;
mod media;
mod migrate;
mod read;
mod render;
mod search;
mod serve;
mod story;
mod user;

use crate::cli::{CalendarArg, Cli, Command, InputFormat, MediaArgs, MediaCommand, ReadArgs};
use crate::exit;
use crate::print;
use annals_dates::{Calendar, CalendarHint, When};
use annals_formats::{Format, ReadOptions};
use annals_store::{Db, EventStore};
use anyhow::{bail, Context, Result};
use std::path::Path;

/// Run a command; the result is the exit code.
pub fn run(cli: Cli) -> Result<u8> {
    let db = Db::from_arg(
        cli.db.as_deref().unwrap_or(Path::new("annals.db")),
        cli.index_dir.as_deref(),
    );
    match cli.command {
        Command::Import(args) => {
            if args.read.paths.is_empty() {
                bail!("give the files or directories to import");
            }
            import::import(&db, &args)
        }
        Command::Check(args) => {
            let mut code = exit::OK;
            if !args.read.paths.is_empty() {
                code = import::check(&args.read)?;
            } else if !args.index {
                bail!("give PATHs to check, or --index");
            }
            if args.index {
                code = code.max(search::check_index(&db)?);
            }
            Ok(code)
        }
        Command::List(args) => read::list(&*open_existing(&db)?, &db, &args),
        Command::Show(args) => read::show(&*open_existing(&db)?, &args),
        Command::Export(args) => export::export(&*open_existing(&db)?, &db, &args),
        Command::Stats(args) => read::stats(&*open_existing(&db)?, &db, args.json),
        Command::Places(args) => read::places(&*open_existing(&db)?, &args),
        Command::Media(MediaArgs {
            action: Some(MediaCommand::Add { files, max_upload }),
            ..
        }) => media::add(&*open(&db)?, &files, max_upload),
        Command::Media(MediaArgs {
            action: Some(MediaCommand::Unused { delete, older_than }),
            ..
        }) => media::unused(&*open_existing(&db)?, delete, older_than),
        Command::Media(args) => media::list(&*open_existing(&db)?, &args),
        Command::Demo(args) => {
            if args.no_serve {
                return import::demo(&db, false);
            }
            // Listen before importing: a busy port (a second `annals demo`, say) is said at
            // once, with the flag that fixes it, and nothing is imported again.
            let listener = serve::listen(&args.serve.addr)?;
            import::demo(&db, true)?;
            serve::serve(&db, &args.serve, Some(listener))
        }
        Command::Serve(args) => serve::serve(&db, &args, None),
        Command::Search(args) => search::search(&db, &args),
        Command::Timeline(args) => search::timeline(&db, &args),
        Command::OnThisDay(args) => search::on_this_day(&db, &args),
        Command::Related(args) => search::related(&db, &args),
        Command::Reindex => search::reindex(&db),
        Command::User(cmd) => user::user(&db, cmd),
        Command::Alias(cmd) => curate::alias(&db, cmd),
        Command::Story(cmd) => story::story(&db, cmd),
        Command::Render(cmd) => render::render(&db, cmd),
        Command::History(args) => curate::history(&db, &args),
        Command::Revert(args) => curate::revert(&db, &args),
        Command::Duplicates(args) => duplicates::duplicates(&db, &args),
        Command::Merge(args) => duplicates::merge_events(&db, &args),
        Command::Distinct(args) => duplicates::distinct(&db, &args),
        Command::Backup(args) => {
            open_existing(&db)?;
            let file = sqlite_only(&db, "annals backup")?;
            let c = annals_index::backup::backup(file, &args.to)
                .with_context(|| format!("cannot back up {} into {}", db, args.to.display()))?;
            outln!(
                "backed up {} into {} ({} events, write {})",
                db,
                args.to.display(),
                c.events,
                c.generation
            );
            Ok(exit::OK)
        }
        Command::Restore(args) => {
            let file = sqlite_only(&db, "annals restore")?;
            let c = annals_index::backup::restore(&args.from, file, args.force)
                .with_context(|| format!("cannot restore {} as {}", args.from.display(), db))?;
            outln!(
                "restored {} as {} ({} events, write {})",
                args.from.display(),
                db,
                c.events,
                c.generation
            );
            Ok(exit::OK)
        }
        Command::Migrate(args) => migrate::migrate(&args),
        Command::Extract(args) => extract::extract(&db, &args),
        Command::EvalTimex(args) => extract::eval_timex(&args),
    }
}

/// The ending of a count's noun: "" for one, "s" for any other number.
fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Open the database for writing, creating it if needed.
fn open(db: &Db) -> Result<Store> {
    db.open(128)
        .with_context(|| format!("cannot open the database {db}"))
}

/// Open a database that must already exist (reading commands never create one).
fn open_existing(db: &Db) -> Result<Store> {
    if !db.exists() {
        bail!("there is no database at {db}: run `annals import PATH` first, or give --db");
    }
    open(db)
}

/// An open store, of either kind.
pub(crate) type Store = Box<dyn EventStore + Send>;

/// The SQLite file of `db`, for what only an SQLite file can do (`what`).
fn sqlite_only<'a>(db: &'a Db, what: &str) -> Result<&'a Path> {
    db.file().with_context(|| {
        format!("{what} works on an SQLite file; for PostgreSQL use its own tools (pg_dump, pg_basebackup: docs/deploy.md)")
    })
}

fn read_options(args: &ReadArgs) -> (Option<Format>, ReadOptions) {
    let format = args.format.map(|f| match f {
        InputFormat::Card => Format::Card,
        InputFormat::Json => Format::Json,
        InputFormat::Jsonl => Format::Jsonl,
        InputFormat::Csv => Format::Csv,
        InputFormat::Timelinejs => Format::TimelineJs,
        InputFormat::TimelinejsCsv => Format::TimelineJsCsv,
        InputFormat::Markdown => Format::Markdown,
        InputFormat::Wikidata => Format::Wikidata,
        InputFormat::Wikitext => Format::Wikitext,
        InputFormat::Mediawiki => Format::MediaWiki,
        InputFormat::Sparql => Format::Sparql,
    });
    let calendar = match args.calendar {
        CalendarArg::Auto => CalendarHint::Auto,
        CalendarArg::Julian => CalendarHint::Given(Calendar::Julian),
        CalendarArg::Gregorian => CalendarHint::Given(Calendar::Gregorian),
    };
    (
        format,
        ReadOptions {
            calendar,
            delimiter: args.delimiter,
        },
    )
}

/// The `--from`/`--to` window as day numbers: the earliest day of `from`, the latest of `to`.
fn window(from: Option<&str>, to: Option<&str>) -> Result<(Option<i64>, Option<i64>)> {
    let a = from.map(|t| date_arg("from", t, true)).transpose()?;
    let b = to.map(|t| date_arg("to", t, false)).transpose()?;
    if let (Some(a), Some(b)) = (a, b) {
        if a > b {
            bail!("--from is after --to");
        }
    }
    Ok((a, b))
}

/// A `--from`/`--to` date: the earliest (or latest) day it denotes.
fn date_arg(flag: &str, text: &str, earliest: bool) -> Result<i64> {
    let w =
        When::from_text(text, CalendarHint::Auto).with_context(|| format!("--{flag} {text:?}"))?;
    let (lo, hi) = w.axis_range();
    Ok(if earliest { lo } else { hi })
}

#[allow(unused_imports)]
pub(crate) use print::date_label;

/// Exit code for "no such event".
pub(crate) fn not_found(id: &str) -> u8 {
    eprintln!("annals: no event with id {id:?} (see `annals list`)");
    exit::NOT_FOUND
}

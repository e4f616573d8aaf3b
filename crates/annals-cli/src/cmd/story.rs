//! `annals story`: store, list, show, export and remove stories (guided tours through events).

use super::curate::when;
use super::import::{begin, commit, open_index_for_writing};
use super::{open, open_existing, plural};
use crate::cli::StoryCommand;
use crate::{exit, InvalidInput};
use annals_core::story::Story;
use annals_formats::{FormatError, Location};
use annals_store::{Change, Db, EventStore, StoreError};
use anyhow::{Context, Result};
use std::path::Path;

pub fn story(db: &Db, cmd: StoryCommand) -> Result<u8> {
    match cmd {
        StoryCommand::Add { files } => add(db, &files),
        StoryCommand::List { json } => list(&*open_existing(db)?, json),
        StoryCommand::Show { id } => show(&*open_existing(db)?, &id),
        StoryCommand::Import { file, id } => import(db, &file, id),
        StoryCommand::Export { id, format, out } => {
            export(&*open_existing(db)?, &id, &format, out.as_deref())
        }
        StoryCommand::History { id } => history(&*open_existing(db)?, &id),
        StoryCommand::Remove { id } => remove(db, &id),
    }
}

/// A story file read and checked: `file:line: what` (or `file:stops[2].from: what`) when it is
/// not a story.
pub(crate) fn read_file(path: &Path) -> Result<Story> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| InvalidInput(format!("{}: cannot read: {e}", path.display())))?;
    Story::from_json(&text)
        .map_err(|e| InvalidInput(format!("{}:{}", path.display(), located(&e))).into())
}

/// Where a story's problem is: "line 3, column 7: ..." is line 3, "stops[2].from: ..." the
/// field.
fn located(why: &str) -> FormatError {
    let line = why
        .strip_prefix("line ")
        .and_then(|r| r.split_once(", column "))
        .and_then(|(line, rest)| Some((line.parse().ok()?, rest.split_once(": ")?.1)));
    match line {
        Some((line, what)) => FormatError {
            location: Location::Line(line),
            message: what.to_string(),
        },
        None => refused(why),
    }
}

/// A `.json` file that holds a story (an object with `stops`), read and checked; `None` for any
/// other file. Files an import walks through may be stories: they are stored after the events.
pub(crate) fn sniff(file: &Path) -> Option<std::result::Result<Story, FormatError>> {
    let json = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let small = std::fs::metadata(file).is_ok_and(|m| m.len() < 16 << 20);
    if !json || !small {
        return None;
    }
    let text = std::fs::read_to_string(file).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    let story = value.as_object()?.contains_key("stops");
    story.then(|| Story::from_json(&text).map_err(|e| located(&e)))
}

/// A story's refusal ("stops[2].event: there is no event ...") located at its field.
pub(crate) fn refused(why: &str) -> FormatError {
    let (at, what) = why.split_once(": ").unwrap_or(("story", why));
    FormatError {
        location: Location::Path(at.to_string()),
        message: what.to_string(),
    }
}

fn add(db: &Db, files: &[std::path::PathBuf]) -> Result<u8> {
    let stories = files
        .iter()
        .map(|f| Ok((f, read_file(f)?)))
        .collect::<Result<Vec<_>>>()?;
    let mut store = open(db)?;
    let index = open_index_for_writing(db)?;
    let ids: Vec<&str> = stories.iter().map(|(_, s)| s.id.as_str()).collect();
    let who = std::env::var("USER").unwrap_or_else(|_| "annals".into());
    let change = Change::new(
        format!("{who} (annals story)"),
        format!("story {}", ids.join(", ")),
    );
    let mut write = begin(&mut *store, &index, &change)?;
    let mut changed = 0;
    for (file, story) in &stories {
        match write.tx_mut().put_story(story) {
            Ok(c) => changed += usize::from(c),
            Err(StoreError::Invalid(why)) => {
                return Err(InvalidInput(format!("{}:{}", file.display(), refused(&why))).into())
            }
            Err(e) => return Err(e.into()),
        }
    }
    commit(write, db)?;
    outln!(
        "stored {} stor{} ({changed} changed) in {db}: {}",
        stories.len(),
        if stories.len() == 1 { "y" } else { "ies" },
        ids.iter()
            .map(|id| format!("/stories/{id}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(exit::OK)
}

/// Every story, a page at a time.
fn all(store: &dyn EventStore, each: &mut dyn FnMut(&Story) -> Result<()>) -> Result<()> {
    let mut after: Option<String> = None;
    loop {
        let page = store.stories(after.as_deref(), 500)?;
        for s in &page {
            each(&s.story)?;
        }
        match page.last() {
            Some(last) if page.len() == 500 => after = Some(last.story.id.clone()),
            _ => return Ok(()),
        }
    }
}

fn list(store: &dyn EventStore, json: bool) -> Result<u8> {
    let mut n = 0;
    all(store, &mut |s| {
        n += 1;
        if json {
            outln!(
                "{}",
                serde_json::json!({"id": s.id, "title": s.title, "stops": s.stops.len()})
            );
        } else {
            outln!(
                "{:30} {} ({} stop{})",
                s.id,
                s.title,
                s.stops.len(),
                plural(s.stops.len())
            );
        }
        Ok(())
    })?;
    if n == 0 && !json {
        outln!("no stories yet (`annals story add FILE`)");
    }
    Ok(exit::OK)
}

fn missing(id: &str) -> u8 {
    eprintln!("annals: no story with id {id:?} (see `annals story list`)");
    exit::NOT_FOUND
}

fn show(store: &dyn EventStore, id: &str) -> Result<u8> {
    let Some(stored) = store.story(id)? else {
        return Ok(missing(id));
    };
    let s = &stored.story;
    outln!("{}", s.title);
    if !s.author.is_empty() {
        outln!("by {}", s.author);
    }
    if !s.summary.is_empty() {
        outln!("\n{}", s.summary);
    }
    let events = annals_store::stories::stop_events(store, s)?;
    for (i, (stop, event)) in s.stops.iter().zip(events).enumerate() {
        outln!("\n{}. {}", i + 1, stop.shown_title(event.as_ref()));
        if let Some(e) = &event {
            outln!("   {} · /events/{}", e.date.written(), e.id);
        } else if let Some(id) = &stop.event {
            outln!("   (the event {id:?} is no longer stored)");
        }
        if let Some(q) = &stop.query {
            outln!("   search: {q}");
        }
        if stop.from.is_some() || stop.to.is_some() {
            let written = annals_dates::written::text_written;
            outln!(
                "   from {} to {}",
                stop.from.as_deref().map_or("the beginning".into(), written),
                stop.to.as_deref().map_or("today".into(), written)
            );
        }
        for para in stop.text.split("\n\n").filter(|p| !p.trim().is_empty()) {
            outln!("   {}", para.replace('\n', " "));
        }
    }
    Ok(exit::OK)
}

fn export(store: &dyn EventStore, id: &str, format: &str, out: Option<&Path>) -> Result<u8> {
    let Some(stored) = store.story(id)? else {
        return Ok(missing(id));
    };
    let json = match format {
        "timelinejs" => {
            let story = &stored.story;
            let events = annals_store::stories::stop_events(store, story)?;
            let stops: Vec<_> = story
                .stops
                .iter()
                .zip(events.iter().map(Option::as_ref))
                .collect();
            let (doc, notes) =
                annals_formats::timelinejs::story::story_to_timelinejs(story, &stops);
            // What the events' slides leave out (places, participants, ...) is said once.
            let (dropped, other): (Vec<_>, Vec<_>) = notes
                .into_iter()
                .partition(|n| n.ends_with("TimelineJS has no place for them"));
            for note in other {
                eprintln!("note: {note}");
            }
            if !dropped.is_empty() {
                eprintln!(
                    "note: the events' places, participants, sources and relations are not in \
                     TimelineJS; annals keeps them"
                );
            }
            serde_json::to_string_pretty(&doc)?
        }
        _ => stored.story.to_json(),
    };
    match out {
        Some(path) => std::fs::write(path, json + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => outln!("{json}"),
    }
    Ok(exit::OK)
}

fn import(db: &Db, file: &Path, id: Option<String>) -> Result<u8> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| InvalidInput(format!("{}: cannot read: {e}", file.display())))?;
    let hint = file
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let opts = annals_formats::ReadOptions::default();
    let (mut story, events) =
        annals_formats::timelinejs::story::story_from_timelinejs(&text, &opts, &hint)
            .map_err(|e| InvalidInput(format!("{}: {e}", file.display())))?;
    if let Some(id) = id {
        story.id = id;
    }
    let mut store = open(db)?;
    let index = open_index_for_writing(db)?;
    let change = Change::new(
        format!("import of {}", file.display()),
        format!("story {} from TimelineJS", story.id),
    );
    let mut write = begin(&mut *store, &index, &change)?;
    let origin = file.display().to_string();
    // An event may be stored under another id than it came with (its id belongs to a
    // different event): the stops follow it.
    let mut moved = std::collections::HashMap::new();
    let (mut created, mut updated) = (0, 0);
    for mut event in events {
        annals_places::locate(&mut event.places);
        let came = event.id.clone();
        let placed = write
            .place(event, false, false, &origin)
            .map_err(|e| match e {
                annals_store::identity::PlaceError::Refused(m) => {
                    anyhow::Error::from(InvalidInput(format!("{}: {came}: {m}", file.display())))
                }
                annals_store::identity::PlaceError::Store(e) => e.into(),
            })?;
        match placed.written {
            annals_store::Written::Created => created += 1,
            annals_store::Written::Updated => updated += 1,
            _ => {}
        }
        moved.insert(came, placed.id);
    }
    for stop in &mut story.stops {
        if let Some(e) = &mut stop.event {
            if let Some(m) = moved.get(e.as_str()) {
                *e = m.clone();
            }
        }
    }
    match write.tx_mut().put_story(&story) {
        Ok(_) => {}
        Err(StoreError::Invalid(why)) => {
            return Err(InvalidInput(format!("{}:{}", file.display(), refused(&why))).into())
        }
        Err(e) => return Err(e.into()),
    }
    commit(write, db)?;
    outln!(
        "imported the story {} ({} stop{}) from {} into {db}, with {} event{} ({created} new, {updated} updated): /stories/{}",
        story.id,
        story.stops.len(),
        plural(story.stops.len()),
        file.display(),
        moved.len(),
        plural(moved.len()),
        story.id
    );
    Ok(exit::OK)
}

fn history(store: &dyn EventStore, id: &str) -> Result<u8> {
    let revisions = store.story_history(id)?;
    if revisions.is_empty() {
        return Ok(missing(id));
    }
    for r in &revisions {
        let what = match &r.story {
            Some(s) => format!(
                "{} ({} stop{})",
                s.title,
                s.stops.len(),
                plural(s.stops.len())
            ),
            None => "deleted".into(),
        };
        outln!(
            "write {:>5}  {}  {}: {}  → {what}",
            r.commit.generation,
            when(r.commit.at_ms),
            r.commit.author,
            r.commit.summary
        );
    }
    Ok(exit::OK)
}

fn remove(db: &Db, id: &str) -> Result<u8> {
    let mut store = open_existing(db)?;
    let index = open_index_for_writing(db)?;
    let change = Change::new("annals story", format!("remove story {id}"));
    let mut write = begin(&mut *store, &index, &change)?;
    if !write.tx_mut().delete_story(id)? {
        return Ok(missing(id));
    }
    commit(write, db)?;
    outln!("removed the story {id} (its history stays: `annals story history {id}`)");
    Ok(exit::OK)
}

//! `annals story`: store, list, show, export and remove stories (guided tours through events).

use super::curate::when;
use super::import::{begin, commit, open_index_for_writing};
use super::{open, open_existing, plural};
use crate::cli::StoryCommand;
use crate::{exit, InvalidInput};
use annals_core::story::Story;
use annals_store::{Change, Db, EventStore, StoreError};
use anyhow::{Context, Result};
use std::path::Path;

pub fn story(db: &Db, cmd: StoryCommand) -> Result<u8> {
    match cmd {
        StoryCommand::Add { files } => add(db, &files),
        StoryCommand::List { json } => list(&*open_existing(db)?, json),
        StoryCommand::Show { id } => show(&*open_existing(db)?, &id),
        StoryCommand::Export { id, out } => export(&*open_existing(db)?, &id, out.as_deref()),
        StoryCommand::History { id } => history(&*open_existing(db)?, &id),
        StoryCommand::Remove { id } => remove(db, &id),
    }
}

/// A story file read and checked: `file:line: what` when it is not a story.
pub(crate) fn read_file(path: &Path) -> Result<Story> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| InvalidInput(format!("{}: cannot read: {e}", path.display())))?;
    Story::from_json(&text).map_err(|e| {
        // "line 3, column 7: ..." becomes "file:3: ..."; a field's problem names the field
        let msg = match e
            .strip_prefix("line ")
            .and_then(|r| r.split_once(", column "))
        {
            Some((line, rest)) => match rest.split_once(": ") {
                Some((_, what)) => format!("{}:{line}: {what}", path.display()),
                None => format!("{}: {e}", path.display()),
            },
            None => format!("{}: {e}", path.display()),
        };
        InvalidInput(msg).into()
    })
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
                return Err(InvalidInput(format!("{}: {why}", file.display())).into())
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
    for (i, stop) in s.stops.iter().enumerate() {
        let event = match &stop.event {
            Some(e) => store.get(e)?,
            None => None,
        };
        let title = match (&stop.title, &event) {
            (t, _) if !t.is_empty() => t.clone(),
            (_, Some(e)) => e.title.clone(),
            _ => stop.event.clone().unwrap_or_default(),
        };
        outln!("\n{}. {title}", i + 1);
        if let Some(e) = &event {
            outln!("   {} · /events/{}", e.date.written(), e.id);
        } else if let Some(id) = &stop.event {
            outln!("   (the event {id:?} is no longer stored)");
        }
        if let Some(q) = &stop.query {
            outln!("   search: {q}");
        }
        if stop.from.is_some() || stop.to.is_some() {
            outln!(
                "   from {} to {}",
                stop.from.as_deref().unwrap_or("the beginning"),
                stop.to.as_deref().unwrap_or("today")
            );
        }
        for para in stop.text.split("\n\n").filter(|p| !p.trim().is_empty()) {
            outln!("   {}", para.replace('\n', " "));
        }
    }
    Ok(exit::OK)
}

fn export(store: &dyn EventStore, id: &str, out: Option<&Path>) -> Result<u8> {
    let Some(stored) = store.story(id)? else {
        return Ok(missing(id));
    };
    let json = stored.story.to_json();
    match out {
        Some(path) => std::fs::write(path, json + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => outln!("{json}"),
    }
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

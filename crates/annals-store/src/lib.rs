//! The annals event store: one interface, [`EventStore`], with SQLite ([`SqliteStore`]: one file,
//! the default) and PostgreSQL ([`PostgresStore`]: a server many annals nodes share) behind it.
//!
//! The rest of annals never writes SQL: it reads and writes [`Event`]s through this interface, so
//! a server database can join SQLite behind the same trait. Writes happen in a [`Transaction`]:
//! all of one import or none of it. Every committed transaction is a numbered *generation*
//! with a [`Commit`] record (who, when, why); every event remembers the generation that last
//! wrote it, so the store doubles as a change log ([`EventStore::changes_since`]) that derived
//! data (the search index) catches up from.
//!
//! Nothing is ever lost: a write keeps the state it replaces in the event's history, and a
//! delete leaves a tombstone ([`EventStore::history`], `docs/curation.md`). Which incoming
//! record may replace which stored event is decided by [`identity`].

pub mod accounts;
pub mod copy;
mod db;
mod error;
pub mod files;
pub mod follow;
pub mod identity;
mod migrations;
mod postgres;
mod sqlite;
pub mod stories;
mod write;

pub use db::Db;
pub use error::StoreError;
pub use postgres::{is_postgres, redact, PostgresStore};
pub use sqlite::SqliteStore;
pub use stories::{StoredStory, StoryRevision};

use annals_core::profile::{Kind, Profile};
use annals_core::story::Story;
use annals_core::Event;

/// What a write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// A new event.
    Created,
    /// An existing event changed.
    Updated,
    /// The event was already stored exactly so.
    Unchanged,
    /// A lead card whose event already exists: only its relations were merged.
    Merged,
}

/// Who makes a change and why: recorded with the generation the transaction commits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// A user name, or what wrote it ("import of cards/hastings.txt", "annals demo").
    pub author: String,
    /// An edit summary.
    pub summary: String,
}

impl Change {
    /// A change by `author` with `summary`.
    pub fn new(author: impl Into<String>, summary: impl Into<String>) -> Change {
        Change {
            author: author.into(),
            summary: summary.into(),
        }
    }
}

/// One committed transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// Its generation (1, 2, ...).
    pub generation: u64,
    /// When it committed, in milliseconds since 1970-01-01 UTC (0 when unknown: written
    /// before schema version 4).
    pub at_ms: i64,
    /// Who made it.
    pub author: String,
    /// Why.
    pub summary: String,
}

/// One state of an event in its history.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    /// The commit that wrote this state (generation 0 with an empty author: written before
    /// schema version 4, when history was not kept).
    pub commit: Commit,
    /// The event as that commit left it; `None`: deleted.
    pub event: Option<Event>,
}

impl Revision {
    /// As JSON (the CLI's `history --json` and the API's revisions): `generation`, `at_ms`,
    /// `author`, `summary`, `deleted` and `event`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "generation": self.commit.generation,
            "at_ms": self.commit.at_ms,
            "author": self.commit.author,
            "summary": self.commit.summary,
            "deleted": self.event.is_none(),
            "event": self.event,
        })
    }
}

/// Which events to list.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Events whose span overlaps this inclusive day range (day numbers on the Rata Die axis).
    pub days: Option<(i64, i64)>,
    /// Events at this place: matches a place name or "name, country" (case-insensitive), or a
    /// country.
    pub place: Option<String>,
    /// Events with this participant (case-insensitive).
    pub participant: Option<String>,
    /// At most this many events.
    pub limit: Option<usize>,
}

impl Filter {
    /// Whether `event` is at the filter's place and has its participant (the day range is
    /// the backend's to apply). Names compare without regard to case.
    pub fn matches(&self, event: &Event) -> bool {
        let place = self.place.as_deref().is_none_or(|want| {
            event.places.iter().any(|p| {
                same(&p.name, want)
                    || (!p.country.is_empty()
                        && (same(&p.country, want)
                            || want.match_indices(", ").any(|(i, _)| {
                                same(&p.name, &want[..i]) && same(&p.country, &want[i + 2..])
                            })))
            })
        });
        place
            && self
                .participant
                .as_deref()
                .is_none_or(|want| event.participants.iter().any(|p| same(&p.name, want)))
    }
}

/// Equal without regard to case ("Münster" = "MÜNSTER").
fn same(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
        || (!a.is_ascii() || !b.is_ascii())
            && a.chars()
                .flat_map(char::to_lowercase)
                .eq(b.chars().flat_map(char::to_lowercase))
}

/// Counts over the whole store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// Events.
    pub events: u64,
    /// Distinct place names.
    pub places: u64,
    /// Distinct participant names.
    pub participants: u64,
    /// Relations between events.
    pub relations: u64,
    /// The earliest and latest day any event touches, when there are events with known days.
    pub span: Option<(i64, i64)>,
    /// The schema version of the database.
    pub schema_version: u32,
}

/// What changed since a generation: the ids to look at again. An id in `changed` holds an
/// event now; one in `deleted` does not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Events written since.
    pub changed: Vec<String>,
    /// Events deleted since (and not written again).
    pub deleted: Vec<String>,
}

/// A page of events.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The events, in chronological order.
    pub events: Vec<Event>,
    /// Where the next page starts, when there is one (an opaque string).
    pub next: Option<String>,
}

/// A recently changed event.
#[derive(Debug, Clone, PartialEq)]
pub struct Recent {
    /// The event's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The commit that last wrote it.
    pub commit: Commit,
}

/// Where a stored event came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Provenance {
    /// The file it was last imported from (`None`: written otherwise, or before schema
    /// version 4).
    pub origin: Option<String>,
    /// Only a lead card wrote it: a summary of an event that a full record may complete.
    pub stub: bool,
}

/// Two events proposed as one.
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    /// One event's id (the smaller).
    pub a: String,
    /// The other's.
    pub b: String,
    /// How sure the proposal is, 0 to 1.
    pub score: f64,
    /// Why, for people ("same title and date").
    pub reasons: String,
}

/// What reviewers decided about two events proposed as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Not decided yet.
    Open,
    /// Merged into one.
    Merged,
    /// Two different events: never proposed again.
    Distinct,
}

impl Verdict {
    /// As stored.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Open => "open",
            Verdict::Merged => "merged",
            Verdict::Distinct => "distinct",
        }
    }

    /// From its stored name.
    pub fn from_name(name: &str) -> Option<Verdict> {
        match name {
            "open" => Some(Verdict::Open),
            "merged" => Some(Verdict::Merged),
            "distinct" => Some(Verdict::Distinct),
            _ => None,
        }
    }
}

/// A pair's ids in the order the store keeps them (the smaller first).
pub fn pair<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// A storage backend for events.
pub trait EventStore {
    /// Start a transaction on behalf of `change`: nothing it writes is seen by others until
    /// [`Transaction::commit`], and dropping it uncommitted writes nothing.
    fn transaction(&mut self, change: &Change) -> Result<Box<dyn Transaction + '_>, StoreError>;
    /// One event by id.
    fn get(&self, id: &str) -> Result<Option<Event>, StoreError>;
    /// Events matching `filter`, in chronological order, passed to `each` one at a time.
    fn scan(
        &self,
        filter: &Filter,
        each: &mut dyn FnMut(Event) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;
    /// One page of every event in chronological order: at most `limit` events after `cursor`
    /// (`None`: from the start), and the cursor of the next page when there is one. Each page
    /// costs what it holds, however far into the store it is.
    fn page(&self, cursor: Option<&str>, limit: usize) -> Result<Page, StoreError>;
    /// The events that relate to `id` (their `related` names it), with the relation's kind;
    /// at most `limit`.
    fn linking(&self, id: &str, limit: usize) -> Result<Vec<(Event, String)>, StoreError>;
    /// The events just before and just after `id` in chronological order (`None` at either
    /// end, or when there is no such event); each found through the date index.
    fn neighbours(&self, id: &str) -> Result<(Option<Event>, Option<Event>), StoreError>;
    /// Counts (reads every event: for commands, not for each request of a server).
    fn stats(&self) -> Result<Stats, StoreError>;
    /// The number of events, cheaply.
    fn count(&self) -> Result<u64, StoreError>;
    /// The number of write transactions ever committed: derived data (the search index)
    /// records the generation it was built from, so that it is never silently out of step.
    fn generation(&self) -> Result<u64, StoreError>;
    /// The events written or deleted after `generation`; `None` when the store cannot tell
    /// (the change log starts later: derived data must then be rebuilt).
    fn changes_since(&self, generation: u64) -> Result<Option<Changes>, StoreError>;
    /// Every state of an event, oldest first, with the commit that wrote it; empty when the
    /// id was never stored.
    fn history(&self, id: &str) -> Result<Vec<Revision>, StoreError>;
    /// The `limit` most recently written events, newest first.
    fn recent(&self, limit: usize) -> Result<Vec<Recent>, StoreError>;
    /// Where an event was imported from, and whether only a lead card wrote it.
    fn provenance(&self, id: &str) -> Result<Option<Provenance>, StoreError>;
    /// Pairs proposed as duplicates that nobody has decided on yet, best first.
    fn open_duplicates(&self, limit: usize) -> Result<Vec<Duplicate>, StoreError>;
    /// How a pair of events was decided, if it was proposed or decided at all.
    fn duplicate_status(&self, a: &str, b: &str) -> Result<Option<Verdict>, StoreError>;
    /// The event an id was merged into (following later merges), when the id holds no event.
    fn redirect(&self, id: &str) -> Result<Option<String>, StoreError>;
    /// Every other name of a participant or a place, sorted by kind and name.
    fn aliases(&self) -> Result<Vec<Alias>, StoreError>;
    /// The profile of a participant or a place, with its name as stored.
    fn profile(&self, kind: Kind, name: &str) -> Result<Option<(String, Profile)>, StoreError>;
    /// The name that `alias` is another name of, if it is one.
    fn name_for(&self, kind: Kind, alias: &str) -> Result<Option<String>, StoreError>;
    /// Every state of a profile, oldest first, with the commit that wrote it.
    fn profile_history(&self, kind: Kind, name: &str) -> Result<Vec<ProfileRevision>, StoreError>;
    /// A story, with the generation that last wrote it.
    fn story(&self, id: &str) -> Result<Option<StoredStory>, StoreError>;
    /// Stories in id order: at most `limit` after the id `after` (`None`: from the first).
    fn stories(&self, after: Option<&str>, limit: usize) -> Result<Vec<StoredStory>, StoreError>;
    /// Every state of a story, oldest first, with the commit that wrote it.
    fn story_history(&self, id: &str) -> Result<Vec<StoryRevision>, StoreError>;
    /// The accounts (users, sessions, tokens) kept in this store.
    fn accounts(&self) -> accounts::Accounts<'_>;
    /// What is known of the stored picture `hash` (its size, copies, who kept it).
    fn file_info(&self, hash: &str) -> Result<Option<files::FileInfo>, StoreError>;
    /// The bytes of the stored picture `hash` (`width` `None`), or of its widest copy not wider
    /// than `width` (so that the copy for a 320-pixel slot is found whatever the picture's
    /// size: a picture narrower than that has one copy, at its own width).
    fn file(&self, hash: &str, width: Option<u32>) -> Result<Option<files::FileBytes>, StoreError>;
    /// Keep a picture and its copies (made by `annals_media::prepare`), kept by `author`;
    /// false when it was kept already. Not part of a transaction: a file is written once,
    /// whole, and never changed.
    fn put_file(
        &self,
        picture: &annals_core::media::Picture,
        author: &str,
    ) -> Result<bool, StoreError>;
    /// The hashes of every stored picture, in hash order.
    fn file_hashes(&self) -> Result<Vec<String>, StoreError>;
    /// Remove the stored picture `hash` with its copies (the file first, so that no reader
    /// finds it without them); false when there was none. Not part of a transaction, as
    /// [`EventStore::put_file`]. See [`files::in_use`] for which pictures nothing needs.
    fn remove_file(&self, hash: &str) -> Result<bool, StoreError>;
    /// [`EventStore::dump`] without the stored pictures: every record (events, profiles,
    /// stories and their histories, accounts), read without reading a picture's bytes.
    fn dump_records(
        &self,
        each: &mut dyn FnMut(copy::Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;
    /// Every row of the store as [`copy::Row`]s, in a fixed order (the same on every backend
    /// for the same content): for copying the store into another.
    fn dump(
        &self,
        each: &mut dyn FnMut(copy::Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;
    /// Begin filling this store, which must hold nothing yet, with another's dump (one
    /// transaction: all of it or nothing).
    fn load(&mut self) -> Result<Box<dyn copy::Load + '_>, StoreError>;
}

/// A set of writes that lands all together or not at all.
pub trait Transaction {
    /// Insert or replace an event; `origin` is where it was read from (a file), if anywhere.
    fn upsert(&mut self, event: &Event, origin: Option<&str>) -> Result<Written, StoreError>;
    /// Insert an event from a lead card; if it already exists, only add its relations.
    fn upsert_stub(&mut self, event: &Event, origin: Option<&str>) -> Result<Written, StoreError>;
    /// Delete an event, leaving a tombstone and its history; false if there was none.
    fn delete(&mut self, id: &str) -> Result<bool, StoreError>;
    /// The generation the store had when this transaction began.
    fn base_generation(&self) -> u64;
    /// An event as this transaction sees it (its own writes included).
    fn get(&self, id: &str) -> Result<Option<Event>, StoreError>;
    /// Where an event was imported from, as this transaction sees it.
    fn provenance(&self, id: &str) -> Result<Option<Provenance>, StoreError>;
    /// Whether `event`, exactly as given, is one of the past states of the event with its id
    /// (an older version being imported again).
    fn had(&self, event: &Event) -> Result<bool, StoreError>;
    /// Propose events `a` and `b` as duplicates for review (`a` < `b`); a pair already
    /// decided (marked distinct, or merged) stays decided.
    fn propose_duplicate(
        &mut self,
        a: &str,
        b: &str,
        score: f64,
        reasons: &str,
    ) -> Result<(), StoreError>;
    /// Decide a pair of events (in either order), proposed or not: a pair marked
    /// [`Verdict::Distinct`] is never proposed again.
    fn decide_duplicate(&mut self, a: &str, b: &str, verdict: Verdict) -> Result<(), StoreError>;
    /// Make `from`, an id merged away, answer with `to`; ids that answered with `from` answer
    /// with `to` too. Writing an event with the id `from` again ends the redirect.
    fn redirect(&mut self, from: &str, to: &str) -> Result<(), StoreError>;
    /// The profile of a participant or a place as this transaction sees it.
    fn profile(&self, kind: Kind, name: &str) -> Result<Option<(String, Profile)>, StoreError>;
    /// The name that `alias` is another name of, as this transaction sees it.
    fn name_for(&self, kind: Kind, alias: &str) -> Result<Option<String>, StoreError>;
    /// Store the profile of `name` (an empty one removes it), its other names with it; false
    /// when nothing changed. Refused ([`StoreError::Invalid`], saying why): a field that does
    /// not read, an other name that belongs to another name, a name that is another's other
    /// name, an other name that has other names of its own.
    fn put_profile(
        &mut self,
        kind: Kind,
        name: &str,
        profile: &Profile,
    ) -> Result<bool, StoreError>;
    /// A story as this transaction sees it.
    fn story(&self, id: &str) -> Result<Option<StoredStory>, StoreError>;
    /// Store a story (tidied, then checked: [`StoreError::Invalid`] names the field, and a
    /// stop's event must be stored); false when it was stored exactly so already.
    fn put_story(&mut self, story: &Story) -> Result<bool, StoreError>;
    /// Delete a story (its history stays); false when there was none.
    fn delete_story(&mut self, id: &str) -> Result<bool, StoreError>;
    /// The events that relate to `id`, as this transaction sees them (see
    /// [`EventStore::linking`]).
    fn linking(&self, id: &str, limit: usize) -> Result<Vec<(Event, String)>, StoreError>;
    /// Every event as this transaction sees it, in no particular order.
    fn scan_all(
        &self,
        each: &mut dyn FnMut(Event) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;
    /// The events written or deleted after `generation` (see [`EventStore::changes_since`]).
    fn changes_since(&self, generation: u64) -> Result<Option<Changes>, StoreError>;
    /// Make every write of the transaction durable and visible, and advance the generation.
    /// Returns the new generation.
    fn commit(self: Box<Self>) -> Result<u64, StoreError>;
}

/// Another name of a participant or a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// Of a participant or a place.
    pub kind: Kind,
    /// The other name ("USA").
    pub alias: String,
    /// The name it stands for ("United States").
    pub name: String,
}

/// One state of a profile.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileRevision {
    /// The commit that wrote it.
    pub commit: Commit,
    /// The profile as that commit left it; `None`: removed.
    pub profile: Option<Profile>,
}

/// Make `alias` another name of `name` (added to `name`'s profile).
pub fn add_alias(
    tx: &mut dyn Transaction,
    kind: Kind,
    alias: &str,
    name: &str,
) -> Result<(), StoreError> {
    // The name may itself be an other name: the alias goes to the name it stands for.
    let name = tx
        .name_for(kind, name)?
        .unwrap_or_else(|| name.trim().to_string());
    if alias.trim().is_empty() || alias.trim().eq_ignore_ascii_case(&name) {
        return Err(StoreError::Invalid(format!(
            "an alias and its name must be two names: {:?}, {name:?}",
            alias.trim()
        )));
    }
    let (name, mut profile) = tx
        .profile(kind, &name)?
        .unwrap_or((name, Profile::default()));
    profile.aliases.push(alias.trim().to_string());
    tx.put_profile(kind, &name, &profile)?;
    Ok(())
}

/// Forget the other name `alias`; false if it was none.
pub fn remove_alias(tx: &mut dyn Transaction, kind: Kind, alias: &str) -> Result<bool, StoreError> {
    let Some(name) = tx.name_for(kind, alias)? else {
        return Ok(false);
    };
    let Some((name, mut profile)) = tx.profile(kind, &name)? else {
        return Ok(false);
    };
    let before = profile.aliases.len();
    profile
        .aliases
        .retain(|a| !a.trim().eq_ignore_ascii_case(alias.trim()));
    tx.put_profile(kind, &name, &profile)?;
    Ok(profile.aliases.len() < before)
}

/// Merge the participant or place `other` into `kept`: `other` and its other names become
/// other names of `kept`, and what `kept`'s profile lacks is taken from `other`'s, which is
/// removed (its history stays). The events keep the names they write: searches for either
/// find both.
pub fn merge_names(
    tx: &mut dyn Transaction,
    kind: Kind,
    other: &str,
    kept: &str,
) -> Result<(), StoreError> {
    let kept = tx
        .name_for(kind, kept)?
        .unwrap_or_else(|| kept.trim().to_string());
    if other.trim().eq_ignore_ascii_case(&kept) || tx.name_for(kind, other)?.is_some() {
        return Err(StoreError::Invalid(format!(
            "{:?} and {kept:?} are already one {}",
            other.trim(),
            kind.name()
        )));
    }
    let (other_name, theirs) = tx
        .profile(kind, other)?
        .unwrap_or_else(|| (other.trim().to_string(), Profile::default()));
    let (kept, mut mine) = tx
        .profile(kind, &kept)?
        .unwrap_or((kept, Profile::default()));
    mine.absorb(&theirs);
    mine.aliases.push(other_name.clone());
    tx.put_profile(kind, &other_name, &Profile::default())?;
    tx.put_profile(kind, &kept, &mine)?;
    Ok(())
}

/// The state of an event that the commit of `generation` wrote, in its history.
pub fn revision_at(history: &[Revision], generation: u64) -> Option<&Revision> {
    history.iter().find(|r| r.commit.generation == generation)
}

/// A page cursor: the last event's place in chronological order (sort key, last day, and the
/// backend's row key).
pub(crate) fn cursor((sort, hi, row): (i64, i64, i64)) -> String {
    format!("{sort}.{hi}.{row}")
}

/// Where a page starts: after the place [`cursor`] wrote (`None`: from the start).
pub(crate) fn after(cursor: Option<&str>) -> Result<(i64, i64, i64), StoreError> {
    let Some(c) = cursor else {
        return Ok((i64::MIN, i64::MIN, i64::MIN));
    };
    let parts: Vec<i64> = c.split('.').filter_map(|p| p.parse().ok()).collect();
    match parts[..] {
        [a, b, r] if c.split('.').count() == 3 => Ok((a, b, r)),
        _ => Err(StoreError::BadCursor(c.to_string())),
    }
}

/// The distinct places and participants of every event (for [`Stats`]: documents may be
/// compressed, so they are counted here, not in SQL).
pub(crate) fn count_names(store: &dyn EventStore) -> Result<(u64, u64), StoreError> {
    let mut places = std::collections::HashSet::new();
    let mut people = std::collections::HashSet::new();
    store.scan(&Filter::default(), &mut |e| {
        for p in &e.places {
            places.insert((p.name.to_lowercase(), p.country.to_lowercase()));
        }
        for p in &e.participants {
            people.insert(p.name.to_lowercase());
        }
        Ok(())
    })?;
    Ok((places.len() as u64, people.len() as u64))
}

/// Collect matching events into a vector.
pub fn list(store: &dyn EventStore, filter: &Filter) -> Result<Vec<Event>, StoreError> {
    let mut out = Vec::new();
    store.scan(filter, &mut |e| {
        out.push(e);
        Ok(())
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event() -> Event {
        serde_json::from_str(
            r#"{"id": "t", "title": "T", "date": "1960-01-19",
                "places": [{"name": "Washington, D.C.", "country": "United States"},
                           {"name": "Münster", "country": "Germany"}],
                "participants": [{"name": "Japanese government"}]}"#,
        )
        .expect("a valid event")
    }

    #[test]
    fn place_and_participant_filters() {
        let e = event();
        let place = |p: &str| Filter {
            place: Some(p.into()),
            ..Filter::default()
        };
        for yes in [
            "Washington, D.C.",
            "washington, d.c., united states",
            "United States",
            "MÜNSTER",
            "Münster, Germany",
            "germany",
        ] {
            assert!(place(yes).matches(&e), "{yes}");
        }
        for no in [
            "Washington",
            "D.C., United States",
            "Munster",
            "Germany, Münster",
            "",
        ] {
            assert!(!place(no).matches(&e), "{no}");
        }
        let who = |p: &str| Filter {
            participant: Some(p.into()),
            ..Filter::default()
        };
        assert!(who("japanese GOVERNMENT").matches(&e));
        assert!(!who("Japan").matches(&e));
        assert!(Filter::default().matches(&e));
        let both = Filter {
            participant: Some("Japanese government".into()),
            ..place("Germany")
        };
        assert!(both.matches(&e));
    }
}

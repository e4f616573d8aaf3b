//! The annals event store: one interface, [`EventStore`], with SQLite behind it ([`SqliteStore`]).
//!
//! The rest of annals never writes SQL: it reads and writes [`Event`]s through this interface, so
//! a server database can join SQLite behind the same trait. Writes happen in a [`Transaction`]:
//! all of one import or none of it.

mod error;
mod migrations;
mod sqlite;

pub use error::StoreError;
pub use sqlite::SqliteStore;

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

/// A storage backend for events.
pub trait EventStore {
    /// Start a transaction: nothing it writes is seen by others until [`Transaction::commit`],
    /// and dropping it uncommitted writes nothing.
    fn transaction(&mut self) -> Result<Box<dyn Transaction + '_>, StoreError>;
    /// One event by id.
    fn get(&self, id: &str) -> Result<Option<Event>, StoreError>;
    /// Events matching `filter`, in chronological order, passed to `each` one at a time.
    fn scan(
        &self,
        filter: &Filter,
        each: &mut dyn FnMut(Event) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;
    /// Counts.
    fn stats(&self) -> Result<Stats, StoreError>;
    /// The number of write transactions ever committed: derived data (the search index)
    /// records the generation it was built from, so that it is never silently out of step.
    fn generation(&self) -> Result<u64, StoreError>;
    /// Whether another connection holds the write lock right now (an import is running).
    fn write_in_progress(&self) -> Result<bool, StoreError>;
}

/// A set of writes that lands all together or not at all.
pub trait Transaction {
    /// Insert or replace an event.
    fn upsert(&mut self, event: &Event) -> Result<Written, StoreError>;
    /// Insert an event from a lead card; if it already exists, only add its relations.
    fn upsert_stub(&mut self, event: &Event) -> Result<Written, StoreError>;
    /// Delete an event; false if there was none.
    fn delete(&mut self, id: &str) -> Result<bool, StoreError>;
    /// The generation the store will have once this transaction commits.
    fn next_generation(&self) -> Result<u64, StoreError>;
    /// An event as this transaction sees it (its own writes included).
    fn get(&self, id: &str) -> Result<Option<Event>, StoreError>;
    /// Make every write of the transaction durable and visible, and advance the generation.
    /// Returns the new generation.
    fn commit(self: Box<Self>) -> Result<u64, StoreError>;
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

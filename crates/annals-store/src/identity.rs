//! Which incoming record may replace which stored event: the rules every import follows (CLI,
//! HTTP, extraction), written down in `docs/curation.md`.
//!
//! - A record with an **explicit id** (one the record gives: `named`) names its event: it
//!   updates it (the state it replaces stays in the history), even when the id reads like a
//!   generated one. Giving one explicit id twice in one import is a problem.
//! - A record whose id was **generated** (title slug + year) only proves a title and a year. It
//!   updates the stored event with that id only when the event came from the same file (the
//!   file was edited and imported again). Otherwise the id is taken by another record: it
//!   tries the next id (`…-MM-DD` for a dated day, then `…-2`, `…-3`, …) and, when the stored
//!   event may be the same event (their dates overlap), proposes the pair as duplicates for
//!   review instead of merging them blindly.
//! - A record identical to the stored one, or to one of its **past states**, changes nothing:
//!   importing a file again is a no-op, even after the events were edited since.
//! - A stored event that only a **lead card** wrote is completed by the first full record of
//!   the same event (overlapping dates), from any file.
//! - A **lead card** adds its relations to a stored event that is the same event; when its id
//!   is taken by a different event, it gets the next id, and the records after it in the same
//!   file follow the rename. The event's own record, read later in the same import, keeps what
//!   its lead cards gave it: the result does not depend on the order of the files, and an
//!   import read again changes nothing.
//!
//! The rules look only at the store (as the transaction sees it, its own writes included) and
//! at what this import claimed, so one import of files A and B gives the same ids as A, then
//! B in two imports.

use crate::{StoreError, Transaction, Written};
use annals_core::id::event_id;
use annals_core::Event;
use annals_dates::Precision;
use std::collections::{HashMap, HashSet};

/// How far the numbered ids of one title and year go before the import gives up.
const MAX_SUFFIX: usize = 10_000;

/// Where a record went.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// The record as written (its id and relations as stored; for a lead card merged into a
    /// stored event, the card).
    pub event: Event,
    /// What the write did.
    pub written: Written,
    /// The id it is stored under.
    pub id: String,
    /// The id it came with, when it had to take another because that one belonged to a
    /// different event.
    pub renamed_from: Option<String>,
    /// A stored event that looks like the same one (proposed as a duplicate pair).
    pub duplicate_of: Option<String>,
}

/// Why a record cannot be placed.
#[derive(Debug, thiserror::Error)]
pub enum PlaceError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The record breaks a rule: say so at its location.
    #[error("{0}")]
    Refused(String),
}

/// The identity state of one import (see the module documentation).
#[derive(Default)]
pub struct Claims {
    /// Ids written in this import, and the origin that wrote them.
    claimed: HashMap<String, String>,
    /// Per origin: ids of lead cards that had to take another id.
    renamed: HashMap<String, HashMap<String, String>>,
    /// Duplicate pairs proposed in this import.
    proposed: HashSet<(String, String)>,
    /// Per stored id: the relations lead cards of this import gave it.
    leads: HashMap<String, Vec<annals_core::Relation>>,
}

impl Claims {
    /// Write one record read from `origin` (a file) through `tx`, by the rules above: `stub`
    /// for a lead card, `named` when the record gave its id itself (which then names its
    /// event, even when it reads like an id made from the title and year).
    pub fn place(
        &mut self,
        tx: &mut dyn Transaction,
        mut event: Event,
        stub: bool,
        named: bool,
        origin: &str,
    ) -> Result<Placed, PlaceError> {
        if let Some(renames) = self.renamed.get(origin) {
            for r in &mut event.related {
                if let Some(new) = renames.get(&r.id) {
                    r.id = new.clone();
                }
            }
        }
        let given = event.id.clone();
        let generated = stub || (!named && given == event_id(&event.title, &event.date));
        if !generated {
            if let Some(first) = self.claimed.get(&given) {
                return Err(PlaceError::Refused(format!(
                    "id {given:?} is given twice in this import (first in {first})"
                )));
            }
            let mut event = event;
            self.give_leads(&mut *tx, &mut event)?;
            let written = tx.upsert(&event, Some(origin))?;
            self.claimed.insert(given.clone(), origin.to_string());
            return Ok(Placed {
                event,
                written,
                id: given,
                renamed_from: None,
                duplicate_of: None,
            });
        }
        let mut duplicate_of = None;
        for candidate in candidates(&event).take(MAX_SUFFIX) {
            event.id = candidate.clone();
            let Some(stored) = tx.get(&candidate)? else {
                return self.finish(tx, event, stub, origin, given, duplicate_of);
            };
            let same = same_event(&stored, &event);
            let take = if stub {
                same
            } else {
                stored == event
                    || (!self.claimed.contains_key(&candidate) && {
                        let from = tx.provenance(&candidate)?.unwrap_or_default();
                        from.origin.as_deref() == Some(origin)
                            || (from.stub && same)
                            || tx.had(&event)?
                    })
            };
            if take {
                return self.finish(tx, event, stub, origin, given, duplicate_of);
            }
            if same && duplicate_of.is_none() {
                duplicate_of = Some(candidate);
            }
        }
        Err(PlaceError::Refused(format!(
            "id {given:?}: {MAX_SUFFIX} events already share this title and year"
        )))
    }

    /// Add to a full record the relations lead cards gave its event: in this import, or
    /// before it when only lead cards wrote the stored event.
    fn give_leads(&self, tx: &mut dyn Transaction, event: &mut Event) -> Result<(), StoreError> {
        for r in self.leads.get(&event.id).into_iter().flatten() {
            event.relate(&r.id, &r.kind);
        }
        if tx.provenance(&event.id)?.is_some_and(|p| p.stub) {
            if let Some(stub) = tx.get(&event.id)? {
                for r in &stub.related {
                    event.relate(&r.id, &r.kind);
                }
            }
        }
        Ok(())
    }

    /// Write `event` under its (possibly new) id.
    fn finish(
        &mut self,
        tx: &mut dyn Transaction,
        mut event: Event,
        stub: bool,
        origin: &str,
        given: String,
        duplicate_of: Option<String>,
    ) -> Result<Placed, PlaceError> {
        if stub {
            let given = self.leads.entry(event.id.clone()).or_default();
            for r in &event.related {
                if !given.contains(r) {
                    given.push(r.clone());
                }
            }
        } else {
            self.give_leads(&mut *tx, &mut event)?;
        }
        let written = if stub {
            tx.upsert_stub(&event, Some(origin))?
        } else if tx.had(&event)? {
            // An older state imported again: it must not undo what was edited since.
            Written::Unchanged
        } else {
            tx.upsert(&event, Some(origin))?
        };
        let id = event.id.clone();
        let renamed_from = (id != given).then_some(given);
        if let Some(old) = &renamed_from {
            if stub {
                self.renamed
                    .entry(origin.to_string())
                    .or_default()
                    .insert(old.clone(), id.clone());
            }
        }
        if !stub {
            self.claimed.insert(id.clone(), origin.to_string());
        }
        if let Some(other) = &duplicate_of {
            let pair = if *other < id {
                (other.clone(), id.clone())
            } else {
                (id.clone(), other.clone())
            };
            if self.proposed.insert(pair.clone()) {
                tx.propose_duplicate(&pair.0, &pair.1, 1.0, "same title and date")?;
            }
        }
        Ok(Placed {
            event,
            written,
            id,
            renamed_from,
            duplicate_of,
        })
    }
}

/// The ids a record with a generated id may take, in order: its own; `…-MM-DD` when it is
/// dated to the day; then that with `-2`, `-3`, ...
fn candidates(event: &Event) -> impl Iterator<Item = String> {
    let id = event.id.clone();
    let dated = match event.date.earliest.day() {
        Some(d) if matches!(event.date.precision, Precision::Day | Precision::Time) => {
            let ymd = d.ymd();
            Some(format!("{id}-{:02}-{:02}", ymd.month, ymd.day))
        }
        _ => None,
    };
    let base = dated.clone().unwrap_or_else(|| id.clone());
    std::iter::once(id)
        .chain(dated)
        .chain((2..).map(move |n| format!("{base}-{n}")))
}

/// Whether two records with the same title and year may describe the same event: their dates
/// overlap on the day axis ("1703" and "December 7, 1703"; a span and a day within it).
pub fn same_event(a: &Event, b: &Event) -> bool {
    let (a0, a1) = a.date.axis_range();
    let (b0, b1) = b.date.axis_range();
    a0 <= b1 && b0 <= a1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(json: &str) -> Event {
        serde_json::from_str::<annals_core::RawEvent>(json)
            .unwrap()
            .into_event(annals_dates::CalendarHint::Auto)
            .unwrap()
    }

    #[test]
    fn candidate_ids() {
        let day = event(r#"{"title": "Battle", "date": "1066-10-14"}"#);
        let ids: Vec<String> = candidates(&day).take(4).collect();
        assert_eq!(
            ids,
            [
                "battle-1066",
                "battle-1066-10-14",
                "battle-1066-10-14-2",
                "battle-1066-10-14-3"
            ]
        );
        let year = event(r#"{"title": "Battle", "date": "1066"}"#);
        let ids: Vec<String> = candidates(&year).take(3).collect();
        assert_eq!(ids, ["battle-1066", "battle-1066-2", "battle-1066-3"]);
    }
}

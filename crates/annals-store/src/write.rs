//! The write rules every backend shares, written once: [`Writes`] is a [`Transaction`] over a
//! backend's [`Rows`] (the few row operations a backend does in its own SQL).
//!
//! Every write stamps the row with the transaction's generation, keeps the state it replaces
//! in the history, and a delete leaves a tombstone; writing back, within one transaction, the
//! state it started from is no change at all (the history row goes again and the event keeps
//! its old generation). The commit records who, when and why.

use crate::{Change, Changes, Provenance, StoreError, Transaction, Verdict, Written};
use annals_core::profile::{Kind, Profile};
use annals_core::Event;
use std::collections::HashSet;

/// An event row as stored.
pub(crate) struct Stored<D> {
    /// The backend's key of the row.
    pub row: i64,
    /// The document as stored (compressed or text), to copy into the history as it is.
    pub doc: D,
    /// The generation that wrote it.
    pub gen: i64,
}

/// A history row this transaction added: its key, generation and document (`None`: deleted).
pub(crate) type Kept<D> = (i64, i64, Option<D>);

/// Where an event sits on the time axis: its day span and its sort key.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span {
    pub lo: i64,
    pub hi: i64,
    pub sort: i64,
}

impl Span {
    pub(crate) fn of(event: &Event) -> Span {
        let (lo, hi) = event.date.axis_range();
        let (sort, _) = event.date.sort_key();
        Span { lo, hi, sort }
    }
}

/// The row operations of one backend's write transaction. A backend writes only inside
/// them; the rules of what to write are [`Writes`]'.
pub(crate) trait Rows {
    /// A document as the backend stores it.
    type Doc;
    /// A document's JSON text.
    fn json(&self, id: &str, doc: &Self::Doc) -> Result<String, StoreError>;
    /// The stored form of a document's JSON text.
    fn encode(&mut self, json: &str) -> Result<Self::Doc, StoreError>;
    /// Whether the store holds no events, tombstones or redirects (asked once, at the start).
    fn empty(&self) -> Result<bool, StoreError>;
    /// The stored row of an event.
    fn stored(&self, id: &str) -> Result<Option<Stored<Self::Doc>>, StoreError>;
    /// Add (`add`) or remove the relation rows of the event in `row`.
    fn relations(&self, row: i64, event: &Event, add: bool) -> Result<(), StoreError>;
    /// Keep a replaced state (`None`: the id held no event then) in the history.
    fn keep(&self, id: &str, gen: i64, doc: Option<&Self::Doc>) -> Result<(), StoreError>;
    /// Replace the event in `row`; `origin` and `stub` stay as they are when `None`.
    fn update(
        &self,
        row: i64,
        span: Span,
        doc: &Self::Doc,
        gen: i64,
        origin: Option<&str>,
        stub: Option<bool>,
    ) -> Result<(), StoreError>;
    /// Insert an event; returns its row.
    fn insert(
        &self,
        id: &str,
        span: Span,
        doc: &Self::Doc,
        gen: i64,
        origin: Option<&str>,
        stub: bool,
    ) -> Result<i64, StoreError>;
    /// Delete the event in `row`.
    fn remove(&self, row: i64) -> Result<(), StoreError>;
    /// Forget that `id` answers for another event (it holds one again).
    fn end_redirect(&self, id: &str) -> Result<(), StoreError>;
    /// Remove the tombstone of `id`, returning its generation.
    fn take_tombstone(&self, id: &str) -> Result<Option<i64>, StoreError>;
    /// Mark `id` deleted in generation `gen`.
    fn tombstone(&self, id: &str, gen: i64) -> Result<(), StoreError>;
    /// The history row this transaction added for `id`, if any: its key, generation and
    /// document (`None`: deleted then).
    fn kept_here(&self, id: &str) -> Result<Option<Kept<Self::Doc>>, StoreError>;
    /// Drop a history row this transaction added.
    fn forget(&self, history_row: i64) -> Result<(), StoreError>;
    /// Where an event was imported from, as this transaction sees it.
    fn provenance(&self, id: &str) -> Result<Option<Provenance>, StoreError>;
    /// Whether the history of `id` holds a state with exactly this JSON.
    fn had(&self, id: &str, json: &str) -> Result<bool, StoreError>;
    /// See [`Transaction::propose_duplicate`] (`a` < `b`).
    fn propose_duplicate(
        &self,
        a: &str,
        b: &str,
        score: f64,
        reasons: &str,
        gen: i64,
    ) -> Result<(), StoreError>;
    /// See [`Transaction::decide_duplicate`] (`a` < `b`).
    fn decide_duplicate(
        &self,
        a: &str,
        b: &str,
        verdict: Verdict,
        gen: i64,
    ) -> Result<(), StoreError>;
    /// See [`Transaction::redirect`].
    fn redirect(&self, from: &str, to: &str, gen: i64) -> Result<(), StoreError>;
    /// See [`Transaction::profile`].
    fn profile(&self, kind: Kind, name: &str) -> Result<Option<(String, Profile)>, StoreError>;
    /// See [`Transaction::name_for`].
    fn name_for(&self, kind: Kind, alias: &str) -> Result<Option<String>, StoreError>;
    /// Whether `name` has other names of its own.
    fn has_aliases(&self, kind: Kind, name: &str) -> Result<bool, StoreError>;
    /// Write the profile of `name` as stored (`None`: remove it) in generation `gen`, as the
    /// one state of this generation in its history, with its other names.
    fn write_profile(
        &self,
        kind: Kind,
        name: &str,
        doc: Option<&str>,
        aliases: &[String],
        gen: i64,
    ) -> Result<(), StoreError>;
    /// The JSON and generation of a story.
    fn story(&self, id: &str) -> Result<Option<(String, i64)>, StoreError>;
    /// Write a story's JSON (`None`: delete it) in generation `gen`, as the one state of this
    /// generation in its history.
    fn write_story(&self, id: &str, json: Option<&str>, gen: i64) -> Result<(), StoreError>;
    /// See [`Transaction::linking`].
    fn linking(&self, id: &str, limit: usize) -> Result<Vec<(Event, String)>, StoreError>;
    /// See [`Transaction::scan_all`].
    fn scan_all(
        &self,
        each: &mut dyn FnMut(Event) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;
    /// See [`Transaction::changes_since`].
    fn changes_since(&self, generation: u64) -> Result<Option<Changes>, StoreError>;
    /// Advance the generation, record `change` as its commit at `at_ms`, and commit.
    fn commit(self, change: &Change, at_ms: i64) -> Result<u64, StoreError>;

    // Loading a copy of another store (`crate::copy`): rows written as they were.

    /// Set the generation and where the change log starts.
    fn put_meta(&self, generation: u64, log_from: u64) -> Result<(), StoreError>;
    /// Record a commit.
    fn put_commit(&self, commit: &crate::Commit) -> Result<(), StoreError>;
    /// Record a duplicate pair as it was decided.
    #[allow(clippy::too_many_arguments)]
    fn put_duplicate(
        &self,
        a: &str,
        b: &str,
        score: f64,
        reasons: &str,
        status: &str,
        gen: i64,
    ) -> Result<(), StoreError>;
    /// Record a redirect.
    fn put_redirect(&self, id: &str, target: &str, gen: i64) -> Result<(), StoreError>;
    /// Record a profile (`json`) and its other names.
    fn put_profile(
        &self,
        kind: Kind,
        name: &str,
        json: &str,
        aliases: &[String],
        gen: i64,
    ) -> Result<(), StoreError>;
    /// Record a past state of a profile.
    fn put_profile_history(
        &self,
        kind: Kind,
        name: &str,
        gen: i64,
        json: Option<&str>,
    ) -> Result<(), StoreError>;
    /// Record a story as it is now.
    fn put_story(&self, id: &str, json: &str, gen: i64) -> Result<(), StoreError>;
    /// Record a past state of a story.
    fn put_story_history(&self, id: &str, gen: i64, json: Option<&str>) -> Result<(), StoreError>;
    /// Record a stored picture; false when it was there already.
    fn put_file(&self, file: &crate::files::StoredFile) -> Result<bool, StoreError>;
    /// Record a user.
    fn put_user(&self, user: &crate::copy::UserRow) -> Result<(), StoreError>;
    /// Record a session.
    fn put_session(&self, session: &crate::copy::SessionRow) -> Result<(), StoreError>;
    /// Record a token (with its number).
    fn put_token(&self, token: &crate::copy::TokenRow) -> Result<(), StoreError>;
    /// Commit what was loaded, as it is (no new generation).
    fn finish(self) -> Result<(), StoreError>;
}

/// A write transaction: the shared rules over a backend's rows.
pub(crate) struct Writes<R: Rows> {
    rows: R,
    /// When the store held nothing at the start (no events, tombstones or redirects): the ids written
    /// since. An id not in it cannot be stored yet, which saves a lookup per event on a first
    /// import.
    fresh: Option<HashSet<String>>,
    /// The generation when the transaction began; its writes are stamped `base + 1`.
    base: u64,
    change: Change,
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// An event from its JSON text.
pub(crate) fn decode(id: &str, json: &str) -> Result<Event, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError::Corrupt {
        id: id.to_string(),
        message: e.to_string(),
    })
}

/// An event's JSON text (compact native JSON: what is compared to tell "unchanged").
pub(crate) fn encode(event: &Event) -> String {
    annals_core::json::to_compact_json(event)
}

impl<R: Rows> Writes<R> {
    /// A transaction over `rows`, begun when the store had generation `base`.
    pub(crate) fn new(rows: R, base: u64, change: &Change) -> Result<Writes<R>, StoreError> {
        let fresh = rows.empty()?.then(HashSet::new);
        Ok(Writes {
            rows,
            fresh,
            base,
            change: change.clone(),
        })
    }

    /// The generation this transaction's writes carry.
    fn gen(&self) -> i64 {
        self.base as i64 + 1
    }

    /// Whether `id` cannot be stored: the store was empty and this transaction did not write it.
    fn surely_absent(&self, id: &str) -> bool {
        self.fresh
            .as_ref()
            .is_some_and(|written| !written.contains(id))
    }

    fn stored(&self, id: &str) -> Result<Option<Stored<R::Doc>>, StoreError> {
        if self.surely_absent(id) {
            return Ok(None);
        }
        self.rows.stored(id)
    }

    /// Insert an event, or replace the stored one (`old`), keeping the old state.
    fn write(
        &mut self,
        event: &Event,
        json: &str,
        old: Option<Stored<R::Doc>>,
        origin: Option<&str>,
        stub: Option<bool>,
    ) -> Result<(), StoreError> {
        if let Some(written) = &mut self.fresh {
            written.insert(event.id.clone());
        }
        let span = Span::of(event);
        let gen = self.gen();
        // Whether this transaction already wrote the id: then it may be writing back the state
        // it started from, which is no change at all.
        let rewritten = match &old {
            Some(old) => {
                // Only committed states go to the history.
                if old.gen != gen {
                    self.rows.keep(&event.id, old.gen, Some(&old.doc))?;
                }
                let old_event = decode(&event.id, &self.rows.json(&event.id, &old.doc)?)?;
                self.rows.relations(old.row, &old_event, false)?;
                old.gen == gen
            }
            None => self.fresh.is_none() && self.resurrect(&event.id)? == Some(gen),
        };
        let mut stamp = (gen, self.rows.encode(json)?);
        if rewritten {
            if let Some((row, g0, Some(doc0))) = self.rows.kept_here(&event.id)? {
                if self.rows.json(&event.id, &doc0)? == json {
                    self.rows.forget(row)?;
                    stamp = (g0, doc0);
                }
            }
        }
        let row = match old {
            Some(old) => {
                self.rows
                    .update(old.row, span, &stamp.1, stamp.0, origin, stub)?;
                old.row
            }
            None => {
                if self.fresh.is_none() {
                    self.rows.end_redirect(&event.id)?;
                }
                self.rows.insert(
                    &event.id,
                    span,
                    &stamp.1,
                    stamp.0,
                    origin,
                    stub.unwrap_or(false),
                )?
            }
        };
        self.rows.relations(row, event, true)
    }

    /// Writing an id that was deleted: its tombstone becomes a "deleted" state in the history.
    /// Returns the generation of the tombstone, if there was one.
    fn resurrect(&self, id: &str) -> Result<Option<i64>, StoreError> {
        let deleted = self.rows.take_tombstone(id)?;
        if let Some(gen) = deleted.filter(|g| *g != self.gen()) {
            self.rows.keep(id, gen, None)?;
        }
        Ok(deleted)
    }
}

impl<R: Rows> Transaction for Writes<R> {
    fn upsert(&mut self, event: &Event, origin: Option<&str>) -> Result<Written, StoreError> {
        let json = encode(event);
        match self.stored(&event.id)? {
            Some(old) if self.rows.json(&event.id, &old.doc)? == json => Ok(Written::Unchanged),
            Some(old) => {
                self.write(event, &json, Some(old), origin, Some(false))?;
                Ok(Written::Updated)
            }
            None => {
                self.write(event, &json, None, origin, Some(false))?;
                Ok(Written::Created)
            }
        }
    }

    fn upsert_stub(&mut self, event: &Event, origin: Option<&str>) -> Result<Written, StoreError> {
        let Some(old) = self.stored(&event.id)? else {
            self.write(event, &encode(event), None, origin, Some(true))?;
            return Ok(Written::Created);
        };
        let mut stored = decode(&event.id, &self.rows.json(&event.id, &old.doc)?)?;
        let before = stored.related.len();
        for r in &event.related {
            stored.relate(&r.id, &r.kind);
        }
        if stored.related.len() == before {
            return Ok(Written::Unchanged);
        }
        self.write(&stored, &encode(&stored), Some(old), None, None)?;
        Ok(Written::Merged)
    }

    fn delete(&mut self, id: &str) -> Result<bool, StoreError> {
        let Some(old) = self.stored(id)? else {
            return Ok(false);
        };
        let gen = self.gen();
        // What the id was when the transaction began: an event (kept now), a tombstone, or
        // nothing. Deleting what this transaction created leaves the state it started from.
        let tombstone = if old.gen != gen {
            self.rows.keep(id, old.gen, Some(&old.doc))?;
            Some(gen)
        } else {
            match self.rows.kept_here(id)? {
                Some((row, g0, None)) => {
                    self.rows.forget(row)?;
                    Some(g0)
                }
                Some(_) => Some(gen),
                None => None,
            }
        };
        let old_event = decode(id, &self.rows.json(id, &old.doc)?)?;
        self.rows.relations(old.row, &old_event, false)?;
        self.rows.remove(old.row)?;
        if let Some(g) = tombstone {
            self.rows.tombstone(id, g)?;
            // The store is no longer fresh: a tombstone now exists.
            self.fresh = None;
        } else if let Some(written) = &mut self.fresh {
            written.remove(id);
        }
        Ok(true)
    }

    fn base_generation(&self) -> u64 {
        self.base
    }

    fn get(&self, id: &str) -> Result<Option<Event>, StoreError> {
        self.stored(id)?
            .map(|s| decode(id, &self.rows.json(id, &s.doc)?))
            .transpose()
    }

    fn provenance(&self, id: &str) -> Result<Option<Provenance>, StoreError> {
        if self.surely_absent(id) {
            return Ok(None);
        }
        self.rows.provenance(id)
    }

    fn had(&self, event: &Event) -> Result<bool, StoreError> {
        self.rows.had(&event.id, &encode(event))
    }

    fn propose_duplicate(
        &mut self,
        a: &str,
        b: &str,
        score: f64,
        reasons: &str,
    ) -> Result<(), StoreError> {
        let (a, b) = crate::pair(a, b);
        self.rows
            .propose_duplicate(a, b, score, reasons, self.gen())
    }

    fn decide_duplicate(&mut self, a: &str, b: &str, verdict: Verdict) -> Result<(), StoreError> {
        let (a, b) = crate::pair(a, b);
        self.rows.decide_duplicate(a, b, verdict, self.gen())
    }

    fn redirect(&mut self, from: &str, to: &str) -> Result<(), StoreError> {
        self.rows.redirect(from, to, self.gen())?;
        // A redirect exists now: the store is no longer one that holds nothing.
        self.fresh = None;
        Ok(())
    }

    fn profile(&self, kind: Kind, name: &str) -> Result<Option<(String, Profile)>, StoreError> {
        self.rows.profile(kind, name)
    }

    fn name_for(&self, kind: Kind, alias: &str) -> Result<Option<String>, StoreError> {
        self.rows.name_for(kind, alias)
    }

    fn put_profile(
        &mut self,
        kind: Kind,
        name: &str,
        profile: &Profile,
    ) -> Result<bool, StoreError> {
        let changed = put_profile(&self.rows, self.gen(), kind, name, profile)?;
        if changed {
            // A profile exists now: the store is no longer one that holds nothing.
            self.fresh = None;
        }
        Ok(changed)
    }

    fn story(&self, id: &str) -> Result<Option<crate::StoredStory>, StoreError> {
        crate::stories::stored(id, self.rows.story(id)?)
    }

    fn put_story(&mut self, story: &annals_core::story::Story) -> Result<bool, StoreError> {
        crate::stories::put(&self.rows, self.gen(), story)
    }

    fn delete_story(&mut self, id: &str) -> Result<bool, StoreError> {
        crate::stories::delete(&self.rows, self.gen(), id)
    }

    fn linking(&self, id: &str, limit: usize) -> Result<Vec<(Event, String)>, StoreError> {
        self.rows.linking(id, limit)
    }

    fn scan_all(
        &self,
        each: &mut dyn FnMut(Event) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.rows.scan_all(each)
    }

    fn changes_since(&self, generation: u64) -> Result<Option<Changes>, StoreError> {
        self.rows.changes_since(generation)
    }

    fn commit(self: Box<Self>) -> Result<u64, StoreError> {
        self.rows.commit(&self.change, now_ms())
    }
}

/// A profile from its stored JSON.
pub(crate) fn decode_profile(kind: Kind, name: &str, doc: &str) -> Result<Profile, StoreError> {
    serde_json::from_str(doc).map_err(|e| StoreError::Corrupt {
        id: format!("{} {name}", kind.name()),
        message: e.to_string(),
    })
}

/// Store `profile` as the profile of `name` in generation `gen` (an empty one removes it), and
/// its other names; false when nothing changed. The rules: an other name belongs to one name
/// of its kind, a name that is another's other name has no profile of its own, and a name
/// with other names of its own cannot become one.
fn put_profile<R: Rows>(
    rows: &R,
    gen: i64,
    kind: Kind,
    name: &str,
    profile: &Profile,
) -> Result<bool, StoreError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > annals_core::profile::MAX_NAME {
        return Err(StoreError::Invalid(format!(
            "a {} needs a name of 1 to {} characters",
            kind.name(),
            annals_core::profile::MAX_NAME
        )));
    }
    let mut profile = profile.clone();
    profile.tidy(name);
    profile.check().map_err(StoreError::Invalid)?;
    let before = rows.profile(kind, name)?;
    let stored_name = before
        .as_ref()
        .map_or_else(|| name.to_string(), |(n, _)| n.clone());
    if before.as_ref().map(|(_, p)| p) == Some(&profile) || (before.is_none() && profile.is_empty())
    {
        return Ok(false);
    }
    if let Some(main) = rows.name_for(kind, name)? {
        if !profile.is_empty() {
            return Err(StoreError::Invalid(format!(
                "{name:?} is another name of {main:?}: edit {main:?} instead"
            )));
        }
    }
    for alias in &profile.aliases {
        if let Some(other) = rows.name_for(kind, alias)? {
            if !other.eq_ignore_ascii_case(name) {
                return Err(StoreError::Invalid(format!(
                    "{alias:?} is already another name of {other:?}: remove it there first"
                )));
            }
        }
        if rows.has_aliases(kind, alias)? {
            return Err(StoreError::Invalid(format!(
                "{alias:?} has other names of its own: merge it into {name:?} instead"
            )));
        }
    }
    let doc = (!profile.is_empty())
        .then(|| serde_json::to_string(&profile))
        .transpose()
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    rows.write_profile(kind, &stored_name, doc.as_deref(), &profile.aliases, gen)?;
    Ok(true)
}

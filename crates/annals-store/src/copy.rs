//! Copying a whole store into another (`annals migrate`): every row as a backend-neutral
//! [`Row`], dumped in a fixed order and loaded into an empty store in one transaction, with a
//! [`Tally`] of each kind and a checksum of them all, so that a copy is verified by dumping it
//! again.

use crate::write::{decode, decode_profile, Rows, Span};
use crate::{Commit, StoreError};
use annals_core::profile::Kind;
use blake2::{Blake2b512, Digest};

/// One row of a store: what a copy carries (row keys and derived tables are not: the
/// relations and the other names are made again from the documents).
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// The generation, and where the change log starts.
    Meta {
        /// The store's generation.
        generation: u64,
        /// The generation the change log starts at.
        log_from: u64,
    },
    /// A committed transaction.
    Commit(Commit),
    /// An event as stored.
    Event {
        /// Its id.
        id: String,
        /// Its compact native JSON.
        json: String,
        /// The generation that last wrote it.
        gen: i64,
        /// The file it was imported from.
        origin: Option<String>,
        /// Whether only a lead card wrote it.
        stub: bool,
    },
    /// A past state of an event (`json` `None`: deleted then).
    History {
        /// The event's id.
        id: String,
        /// The generation that wrote that state.
        gen: i64,
        /// The state.
        json: Option<String>,
    },
    /// A deleted id.
    Tombstone {
        /// The id.
        id: String,
        /// The generation that deleted it.
        gen: i64,
    },
    /// A pair proposed as duplicates, or decided.
    Duplicate {
        /// One id (the smaller).
        a: String,
        /// The other.
        b: String,
        /// How sure.
        score: f64,
        /// Why.
        reasons: String,
        /// `open`, `merged` or `distinct`.
        status: String,
        /// The generation that wrote it.
        gen: i64,
    },
    /// An id merged away, and the event it answers with.
    Redirect {
        /// The id.
        id: String,
        /// The event.
        target: String,
        /// The generation that wrote it.
        gen: i64,
    },
    /// The profile of a participant or a place (its other names are in it).
    Profile {
        /// `participant` or `place`.
        kind: String,
        /// The name as stored.
        name: String,
        /// The profile's JSON.
        json: String,
        /// The generation that wrote it.
        gen: i64,
    },
    /// A past state of a profile (`json` `None`: removed).
    ProfileHistory {
        /// `participant` or `place`.
        kind: String,
        /// The name.
        name: String,
        /// The generation that wrote it.
        gen: i64,
        /// The state.
        json: Option<String>,
    },
    /// A story.
    Story {
        /// Its id.
        id: String,
        /// Its compact native JSON.
        json: String,
        /// The generation that last wrote it.
        gen: i64,
    },
    /// A past state of a story (`json` `None`: deleted then).
    StoryHistory {
        /// The story's id.
        id: String,
        /// The generation that wrote that state.
        gen: i64,
        /// The state.
        json: Option<String>,
    },
    /// A stored picture with its copies.
    File(crate::files::StoredFile),
    /// A user.
    User(UserRow),
    /// A signed-in browser.
    Session(SessionRow),
    /// A personal API token.
    Token(TokenRow),
}

/// A user as kept.
#[derive(Debug, Clone, PartialEq)]
pub struct UserRow {
    /// The name.
    pub name: String,
    /// The password's Argon2id PHC string.
    pub password: String,
    /// The role's name.
    pub role: String,
    /// When the account was made (ms since 1970).
    pub created: i64,
    /// Non-zero when the user is disabled.
    pub disabled: i64,
}

/// A session as kept.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRow {
    /// The hash of its secret.
    pub hash: Vec<u8>,
    /// Whose.
    pub user: String,
    /// The CSRF token of its forms.
    pub csrf: String,
    /// When it began (ms since 1970).
    pub created: i64,
    /// When it ends.
    pub expires: i64,
}

/// A token as kept.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenRow {
    /// Its number.
    pub id: i64,
    /// The hash of its secret.
    pub hash: Vec<u8>,
    /// Whose.
    pub user: String,
    /// The scope's name.
    pub scope: String,
    /// Its label.
    pub label: String,
    /// When it was made (ms since 1970).
    pub created: i64,
    /// When it was revoked.
    pub revoked: Option<i64>,
    /// When it was last used.
    pub last_used: Option<i64>,
}

/// Fills an empty store with rows, all in one transaction.
pub trait Load {
    /// Add one row (in dump order).
    fn push(&mut self, row: Row) -> Result<(), StoreError>;
    /// Commit everything pushed.
    fn finish(self: Box<Self>) -> Result<(), StoreError>;
}

/// What a dump held: rows of each kind, and a checksum of every row in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Events.
    pub events: u64,
    /// Past states of events.
    pub history: u64,
    /// Deleted ids.
    pub tombstones: u64,
    /// Commits.
    pub commits: u64,
    /// Duplicate pairs.
    pub duplicates: u64,
    /// Redirects.
    pub redirects: u64,
    /// Profiles.
    pub profiles: u64,
    /// Past states of profiles.
    pub profile_history: u64,
    /// Stories.
    pub stories: u64,
    /// Past states of stories.
    pub story_history: u64,
    /// Stored pictures.
    pub files: u64,
    /// Users.
    pub users: u64,
    /// Sessions.
    pub sessions: u64,
    /// Tokens.
    pub tokens: u64,
    /// BLAKE2b of every row, hex (the first 32 characters).
    pub checksum: String,
}

/// Counts rows and folds them into a checksum.
#[derive(Default)]
pub struct Counter {
    tally: Tally,
    hash: Blake2b512,
}

impl Counter {
    /// Count `row`.
    pub fn add(&mut self, row: &Row) {
        let t = &mut self.tally;
        match row {
            Row::Meta { .. } => {}
            Row::Commit(_) => t.commits += 1,
            Row::Event { .. } => t.events += 1,
            Row::History { .. } => t.history += 1,
            Row::Tombstone { .. } => t.tombstones += 1,
            Row::Duplicate { .. } => t.duplicates += 1,
            Row::Redirect { .. } => t.redirects += 1,
            Row::Profile { .. } => t.profiles += 1,
            Row::ProfileHistory { .. } => t.profile_history += 1,
            Row::Story { .. } => t.stories += 1,
            Row::StoryHistory { .. } => t.story_history += 1,
            Row::File(_) => t.files += 1,
            Row::User(_) => t.users += 1,
            Row::Session(_) => t.sessions += 1,
            Row::Token(_) => t.tokens += 1,
        }
        match row {
            // The bytes themselves, not their Debug text (five times their size).
            Row::File(f) => {
                let p = &f.picture;
                let head = (&p.hash, &p.mime, p.width, p.height, f.at, &f.author);
                self.hash.update(format!("File{head:?}\n").as_bytes());
                self.hash.update(&p.bytes);
                for r in &p.renditions {
                    self.hash
                        .update(format!("({}, {})", r.width, r.height).as_bytes());
                    self.hash.update(&r.bytes);
                }
            }
            // Debug output names every field and is stable for the same values.
            _ => self.hash.update(format!("{row:?}\n").as_bytes()),
        }
    }

    /// The tally so far.
    pub fn finish(self) -> Tally {
        let mut tally = self.tally;
        let digest = self.hash.finalize();
        tally.checksum = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        tally
    }
}

/// Copy every row of `from` into `to` (which must be empty), then dump `to` again: the two
/// tallies, which agree when the copy is whole.
pub fn copy(
    from: &dyn crate::EventStore,
    to: &mut dyn crate::EventStore,
) -> Result<(Tally, Tally), StoreError> {
    let mut sent = Counter::default();
    let mut load = to.load()?;
    from.dump(&mut |row| {
        sent.add(&row);
        load.push(row)
    })?;
    load.finish()?;
    let mut got = Counter::default();
    to.dump(&mut |row| {
        got.add(&row);
        Ok(())
    })?;
    Ok((sent.finish(), got.finish()))
}

/// Loads a copy through a backend's rows (one transaction).
pub(crate) struct Loader<R: Rows> {
    rows: R,
}

impl<R: Rows> Loader<R> {
    /// A loader into the store of `rows`, whose transaction began at generation `base`: a
    /// store that ever committed anything is refused.
    pub(crate) fn new(rows: R, base: u64) -> Result<Loader<R>, StoreError> {
        if base != 0 || !rows.empty()? {
            return Err(StoreError::Invalid(
                "the destination already holds events or history: migrate into a new, empty database"
                    .into(),
            ));
        }
        Ok(Loader { rows })
    }
}

fn kind(name: &str) -> Result<Kind, StoreError> {
    Kind::from_name(name).ok_or_else(|| StoreError::Corrupt {
        id: name.to_string(),
        message: "not a kind of profile".into(),
    })
}

impl<R: Rows> Load for Loader<R> {
    fn push(&mut self, row: Row) -> Result<(), StoreError> {
        let rows = &mut self.rows;
        match row {
            Row::Meta {
                generation,
                log_from,
            } => rows.put_meta(generation, log_from),
            Row::Commit(c) => rows.put_commit(&c),
            Row::Event {
                id,
                json,
                gen,
                origin,
                stub,
            } => {
                let event = decode(&id, &json)?;
                let doc = rows.encode(&json)?;
                let row = rows.insert(&id, Span::of(&event), &doc, gen, origin.as_deref(), stub)?;
                rows.relations(row, &event, true)
            }
            Row::History { id, gen, json } => {
                let doc = json.map(|j| rows.encode(&j)).transpose()?;
                rows.keep(&id, gen, doc.as_ref())
            }
            Row::Tombstone { id, gen } => rows.tombstone(&id, gen),
            Row::Duplicate {
                a,
                b,
                score,
                reasons,
                status,
                gen,
            } => rows.put_duplicate(&a, &b, score, &reasons, &status, gen),
            Row::Redirect { id, target, gen } => rows.put_redirect(&id, &target, gen),
            Row::Profile {
                kind: k,
                name,
                json,
                gen,
            } => {
                let k = kind(&k)?;
                let profile = decode_profile(k, &name, &json)?;
                rows.put_profile(k, &name, &json, &profile.aliases, gen)
            }
            Row::ProfileHistory {
                kind: k,
                name,
                gen,
                json,
            } => rows.put_profile_history(kind(&k)?, &name, gen, json.as_deref()),
            Row::Story { id, json, gen } => {
                crate::stories::decode(&id, &json)?;
                rows.put_story(&id, &json, gen)
            }
            Row::StoryHistory { id, gen, json } => {
                rows.put_story_history(&id, gen, json.as_deref())
            }
            Row::File(f) => rows.put_file(&f).map(|_| ()),
            Row::User(u) => rows.put_user(&u),
            Row::Session(s) => rows.put_session(&s),
            Row::Token(t) => rows.put_token(&t),
        }
    }

    fn finish(self: Box<Self>) -> Result<(), StoreError> {
        self.rows.finish()
    }
}

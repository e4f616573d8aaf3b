//! Waiting for other writers' commits, so that a server can bring its search index up to date
//! between requests rather than during one. On PostgreSQL a commit sends
//! `NOTIFY annals_changes` (`postgres/tx.rs`): a [`Follower`] listens for it on a connection of
//! its own and wakes at once. On SQLite, and while PostgreSQL cannot be reached, it waits out
//! its time: the caller polls.

use crate::{Db, StoreError};
use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, NoTls};
use std::time::Duration;

/// Waits until another connection commits, or a while passes.
pub struct Follower {
    /// The database to listen to (PostgreSQL only).
    url: Option<String>,
    /// The connection that listens, once made.
    client: Option<Client>,
}

impl Follower {
    /// A follower of `db`'s commits (connecting on first use).
    pub fn new(db: &Db) -> Follower {
        Follower {
            url: match db {
                Db::Postgres { url, .. } => Some(url.clone()),
                Db::File(_) => None,
            },
            client: None,
        }
    }

    /// Whether commits are announced (PostgreSQL, connected and listening).
    pub fn listening(&self) -> bool {
        self.client.as_ref().is_some_and(|c| !c.is_closed())
    }

    /// Wait until a commit is announced (`Ok(true)`) or `timeout` passes (`Ok(false)`). When
    /// the database cannot be reached the wait still takes `timeout` and says why; the next
    /// call connects again.
    pub fn wait(&mut self, timeout: Duration) -> Result<bool, StoreError> {
        let Some(url) = self.url.clone() else {
            std::thread::sleep(timeout);
            return Ok(false);
        };
        let heard = match self.listen(&url) {
            Ok(client) => heard(client, timeout),
            Err(e) => {
                std::thread::sleep(timeout);
                return Err(e.into());
            }
        };
        if heard.is_err() {
            self.client = None;
        }
        Ok(heard?)
    }

    /// The connection that listens to `url`, made (and `LISTEN` sent) if there is none.
    fn listen(&mut self, url: &str) -> Result<&mut Client, postgres::Error> {
        if let Some(c) = self.client.take().filter(|c| !c.is_closed()) {
            return Ok(self.client.insert(c));
        }
        let mut c = Client::connect(url, NoTls)?;
        c.batch_execute("LISTEN annals_changes")?;
        Ok(self.client.insert(c))
    }
}

/// Whether `client` hears a commit announced within `timeout`; those announced meanwhile are
/// taken with it (one catching up covers them all).
fn heard(client: &mut Client, timeout: Duration) -> Result<bool, postgres::Error> {
    let mut notifications = client.notifications();
    let found = notifications.timeout_iter(timeout).next()?.is_some();
    let mut pending = notifications.iter();
    while pending.next()?.is_some() {}
    Ok(found)
}

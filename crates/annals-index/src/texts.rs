//! The texts of an event that the index does not keep (the narrative, the key points, every
//! participant), read from the store when a hit must show why it matched and neither its title
//! nor its summary shows it.
//!
//! The index stores what every hit needs (title, summary, date, places); a narrative would
//! double the index of a corpus with long narratives, for the few hits whose words are only
//! there. Those few are read by id from the store, through a small pool of connections. The
//! store may be a write ahead of the index: a hit whose event changed shows what the store holds
//! now, and one whose event is gone shows its summary.

use annals_core::Event;
use annals_store::{Db, EventStore};
use std::sync::{Arc, Mutex};

/// Where the full events come from: an event by id, `None` when it is not there (or cannot be
/// read).
pub type EventSource = dyn Fn(&str) -> Option<Event> + Send + Sync;

/// Connections kept open between reads.
const KEPT: usize = 4;
/// Page cache of each connection, MB (reads by id touch a few pages).
const CACHE_MB: u32 = 4;

/// Events read from the store of `db`, a connection at a time from a pool (opened when first
/// needed).
pub fn from_store(db: &Db) -> Arc<EventSource> {
    let pool = Pool {
        db: db.clone(),
        open: Mutex::new(Vec::new()),
    };
    Arc::new(move |id: &str| pool.get(id))
}

struct Pool {
    db: Db,
    open: Mutex<Vec<Box<dyn EventStore + Send>>>,
}

impl Pool {
    fn get(&self, id: &str) -> Option<Event> {
        let taken = self.open.lock().ok().and_then(|mut open| open.pop());
        let store = match taken {
            Some(s) => s,
            None => self.db.open(CACHE_MB).ok()?,
        };
        let event = store.get(id).ok().flatten();
        if let Ok(mut open) = self.open.lock() {
            if open.len() < KEPT {
                open.push(store);
            }
        }
        event
    }
}

//! Following the store between requests: a thread that wakes when another writer commits
//! (PostgreSQL's `NOTIFY`, from any node) or every [`POLL`] (SQLite, where another process
//! may import; and PostgreSQL's fallback while it cannot listen), and brings the search index
//! up to date, so that the next search finds the new events without catching up itself.

use crate::app::App;
use annals_store::follow::Follower;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

/// How long the follower waits without news before it looks anyway.
pub const POLL: Duration = Duration::from_secs(1);

/// Stops its thread when dropped (the thread ends within [`POLL`]).
pub struct Following {
    stop: Arc<AtomicBool>,
}

impl Drop for Following {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
    }
}

/// Start following `app`'s store.
pub fn follow(app: &Arc<App>) -> Following {
    let stop = Arc::new(AtomicBool::new(false));
    let (weak, stopped) = (Arc::downgrade(app), stop.clone());
    let mut follower = Follower::new(app.db());
    let started = std::thread::Builder::new()
        .name("annals-follow".into())
        .spawn(move || run(&weak, &mut follower, &stopped));
    if let Err(e) = started {
        tracing::warn!(target: "annals::follow", "cannot follow the store: {e}");
    }
    Following { stop }
}

fn run(app: &Weak<App>, follower: &mut Follower, stop: &AtomicBool) {
    let mut failing = false;
    while !stop.load(Ordering::Acquire) {
        let woken = follower.wait(POLL);
        // Say once when listening fails, and once when it works again.
        match (&woken, failing) {
            (Err(e), false) => {
                tracing::warn!(target: "annals::follow", "cannot listen for commits (polling instead): {e}");
            }
            (Ok(_), true) => {
                tracing::info!(target: "annals::follow", "listening for commits again")
            }
            _ => {}
        }
        failing = woken.is_err();
        if stop.load(Ordering::Acquire) {
            break;
        }
        let Some(app) = app.upgrade() else { break };
        if let Err(e) = app.index() {
            tracing::warn!(target: "annals::follow", code = e.code, "cannot bring the index up to date: {}", e.message);
        }
    }
}

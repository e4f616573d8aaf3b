//! Every limit the server enforces, in one place (`docs/deploy.md` lists them with their
//! flags). A public server must survive slow, oversized and numerous requests from strangers:
//! each limit below closes one way to exhaust its memory, connections or CPU.

use std::time::Duration;

/// Matches a search counts its facets over, at most: past it, one match in `n` is counted and
/// the counts scaled (`facets_estimated`). An exact count of a frequent word's facets read every
/// match's values: `/api/search?q=battle` took 190 ms at 10M events, most of it facets.
pub const FACET_SAMPLE: u64 = 10_000;

/// The server's limits.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest body of a write other than an import (an event as JSON).
    pub max_body: usize,
    /// Largest body of `POST /api/import`.
    pub max_import: usize,
    /// Largest picture uploaded (`POST /api/media`, and `POST /media` from the editor).
    pub max_upload: usize,
    /// Time for a client to send a request's head (its line and headers). Also how long a
    /// kept-alive connection may sit idle before the next request.
    pub header_timeout: Duration,
    /// Time for a client to send a whole body, once its head arrived.
    pub body_timeout: Duration,
    /// Time the server gives itself to answer one request (503 after it).
    pub request_timeout: Duration,
    /// Open connections at most; more are answered 503 with `Retry-After` and closed. Never
    /// more than the process's file limit allows (see [`Limits::fitted`]).
    pub max_connections: usize,
    /// Expensive requests (searches, timelines, maps, exports) running at once; the others
    /// wait in a queue, so that cheap requests (an event, a page of it) stay fast.
    pub expensive: usize,
    /// Expensive requests waiting at most; more are answered 503 with `Retry-After`.
    pub queue: usize,
    /// On SIGTERM or Ctrl-C: time given to requests in flight before the server exits.
    pub shutdown_grace: Duration,
    /// Writes (and sign-in attempts) per client address per minute.
    pub writes_per_minute: u32,
}

impl Default for Limits {
    fn default() -> Limits {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Limits {
            max_body: 1 << 20,
            max_import: 16 << 20,
            max_upload: 20 << 20,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            request_timeout: Duration::from_secs(30),
            max_connections: 1024,
            // Leave a core to the cheap requests.
            expensive: cores.saturating_sub(1).max(1),
            queue: 64,
            shutdown_grace: Duration::from_secs(10),
            writes_per_minute: 120,
        }
    }
}

/// File descriptors kept back from connections: the database, its index's files, logs.
const RESERVED_FILES: usize = 64;

impl Limits {
    /// These limits with the connection cap lowered to what the process's open-file limit
    /// leaves once the files annals itself needs are set aside, so that the server sheds
    /// connections before it runs out of descriptors.
    pub fn fitted(mut self) -> Limits {
        if let Some(files) = open_file_limit() {
            let room = files.saturating_sub(RESERVED_FILES).max(8);
            self.max_connections = self.max_connections.min(room);
        }
        self
    }
}

/// The soft limit on open files, when the system says.
fn open_file_limit() -> Option<usize> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes into the struct we pass and reads nothing else.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } == 0;
    (ok && limit.rlim_cur != libc::RLIM_INFINITY).then_some(limit.rlim_cur as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_fit_the_file_limit() {
        let fitted = Limits::default().fitted();
        if let Some(files) = open_file_limit() {
            assert!(fitted.max_connections + RESERVED_FILES <= files.max(RESERVED_FILES + 8));
        }
        assert!(fitted.max_connections >= 8);
        assert!(fitted.expensive >= 1);
    }
}

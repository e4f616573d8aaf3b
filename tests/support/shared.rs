//! Finding `../shared` (the team's read-only datasets and seeds) from any crate's integration
//! tests: one policy for all of them. Included with `#[path]` by each test crate that needs it.

use std::path::PathBuf;

/// A path under `../shared`, or `None` (with a SKIPPED line) when it is absent; under
/// `CI=true` its absence is a failure.
pub fn shared(rel: &str) -> Option<PathBuf> {
    // Every crate lives in crates/NAME, so the repository's parent is three levels up.
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel);
    if p.exists() {
        return Some(p);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "../shared/{rel} is missing under CI=true"
    );
    eprintln!("SKIPPED: ../shared/{rel} not found");
    None
}

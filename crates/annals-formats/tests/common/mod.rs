//! What the integration tests of annals-formats share: finding `../shared`.

use std::path::PathBuf;

/// A path under `../shared`, or `None` (with a SKIPPED line) when it is absent; under
/// `CI=true` its absence is a failure.
pub fn shared(rel: &str) -> Option<PathBuf> {
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

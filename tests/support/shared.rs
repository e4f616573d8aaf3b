//! Finding `../shared` (the team's read-only datasets and seeds) from any crate's integration
//! tests: one policy for all of them. Included with `#[path]` by each test crate that needs it.
//! Every test that skips says so through [`skipped`], so that `scripts/test` can count the skips
//! (the test harness swallows what a passing test prints).

use std::path::PathBuf;

/// A path under `../shared`, or `None` (with a SKIPPED line) when it is absent; under
/// `CI=true` its absence is a failure.
#[allow(dead_code)] // not every test crate reads ../shared
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
    skipped(&format!("../shared/{rel} not found"));
    None
}

/// Say that the running test skipped, and why: a `SKIPPED: reason` line on standard error
/// (shown with `--nocapture`) and, when `ANNALS_SKIP_LOG` names a file (`scripts/test` sets it
/// to `target/skipped-tests.log`), a line `test binary: test: reason` appended to it, which
/// `scripts/test` counts and prints at its end.
#[allow(dead_code)] // not every test crate skips
pub fn skipped(reason: &str) {
    use std::io::Write as _;
    eprintln!("SKIPPED: {reason}");
    let Some(log) = std::env::var_os("ANNALS_SKIP_LOG") else {
        return;
    };
    let binary = std::env::current_exe()
        .ok()
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .map(|s| match s.rsplit_once('-') {
            // Cargo names test binaries NAME-HASH.
            Some((name, hash)) if hash.chars().all(|c| c.is_ascii_hexdigit()) => name.to_string(),
            _ => s,
        })
        .unwrap_or_default();
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("?");
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
    {
        let _ = writeln!(f, "{binary}: {test}: {reason}");
    }
}

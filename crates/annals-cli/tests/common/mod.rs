//! Helpers shared by the integration tests: running the binary, and finding `../shared`.
#![allow(dead_code)] // each test file uses a different subset

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Run `annals --db DB ARGS...`.
pub fn annals(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annals"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

/// Run it, insist on success, return standard output.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let out = annals(db, args);
    assert!(
        out.status.success(),
        "annals {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Run it, insist on success, parse standard output as JSON.
pub fn json(db: &Path, args: &[&str]) -> Value {
    let out = ok(db, args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
}

/// The repository's root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub mod server;

#[path = "../../../../tests/support/shared.rs"]
mod support;
#[allow(unused_imports)] // not every test file reads ../shared
pub use support::{shared, skipped};

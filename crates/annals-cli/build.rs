//! Compiles the demo corpus (`examples/*.txt` at the repository root) and its stories
//! (`examples/stories/*.json`) into the binary, so that `annals demo` works from anywhere.

use std::fmt::Write;
use std::path::{Path, PathBuf};

/// The files of `dir` ending in `.ext`, sorted.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == ext))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// `pub const NAME: &[(&str, &str)]` of (file name, contents) of `files`, documented by `doc`.
fn table(out: &mut String, name: &str, doc: &str, files: &[PathBuf]) {
    let _ = writeln!(out, "/// {doc}\npub const {name}: &[(&str, &str)] = &[");
    for f in files {
        let file = f
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let abs = f.canonicalize().unwrap_or_else(|_| f.clone());
        let _ = writeln!(
            out,
            "    ({file:?}, include_str!({:?})),",
            abs.display().to_string()
        );
    }
    out.push_str("];\n");
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default())
        .join("../../examples");
    let mut out = String::new();
    table(
        &mut out,
        "DEMO",
        "The demo corpus: (file name, card document).",
        &files(&root, "txt"),
    );
    // The demo stories, stored after the events they visit.
    table(
        &mut out,
        "STORIES",
        "The demo stories: (file name, native JSON).",
        &files(&root.join("stories"), "json"),
    );
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("demo_corpus.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}

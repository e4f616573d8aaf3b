//! Wikipedia to annals: MediaWiki wikitext, XML exports and `pages-articles` dumps (plain,
//! bzip2, multistream bzip2) in, events out. See `docs/formats/wikipedia.md`.
//!
//! - [`scan`]: the wikitext tree (templates, links, tables, tags, comments), linear and bounded.
//! - [`text`], [`templates`]: wikitext to plain text; what inline templates show.
//! - [`wikidate`]: infobox dates through annals-dates.
//! - [`infobox`]: which infoboxes are events, and which fields say what.
//! - [`page`]: one page to one event (or why not).
//! - [`xml`]: MediaWiki XML, one page at a time.
//! - [`read`]: the whole path: decoding, two passes for relations, the report.

pub mod infobox;
pub mod multistream;
pub mod page;
pub mod parsoid;
pub mod read;
pub mod scan;
pub mod templates;
pub mod text;
pub mod wikidate;
pub mod xml;

pub use page::{Meta, Skip, Verdict};
pub use read::{read, Input, Report};

/// A problem in an input: the page it is in (when known), the byte offset in the
/// (decompressed) input, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", where_(.page, .offset))]
pub struct WikiError {
    /// The page title.
    pub page: Option<String>,
    /// Byte offset in the decompressed input.
    pub offset: Option<u64>,
    /// What is wrong.
    pub message: String,
}

fn where_(page: &Option<String>, offset: &Option<u64>) -> String {
    match (page, offset) {
        (Some(p), Some(o)) => format!("page {p:?} (byte {o}): "),
        (Some(p), None) => format!("page {p:?}: "),
        (None, Some(o)) => format!("byte {o}: "),
        (None, None) => String::new(),
    }
}

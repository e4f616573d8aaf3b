//! The event-card format: the plain-text format of the seed documents (`docs/formats/card.md`).
//!
//! A document is zero or more lead cards (three lines each: `<title> on <date>`,
//! `<year> · <place>, <country>`, `<summary>`), then one main record: a date line, a summary, the
//! line `<places> | <participants>`, narrative paragraphs, key points (`<Label>: <text>`) and
//! finally `Source: <name>` lines. One paragraph per line; blank lines are ignored. Several
//! documents in one file are separated by a line `---`.
//!
//! annals adds optional header lines before a card, written only when they are needed for a
//! lossless round trip: `Id:`, `Title:` (main record), `Calendar:` and `Tags:`.

mod read;
mod title;
mod write;

pub use read::{read_documents, Document};
pub use title::{is_key_point_label, title_from_summary};
pub use write::write_document;

/// The separator between lead card line 2's year and its place.
pub const MIDDLE_DOT: char = '\u{00b7}';
/// The line between two documents in one file.
pub const SEPARATOR: &str = "---";
/// The relation kind between a main record and its lead cards.
pub const LEAD_KIND: &str = "related";

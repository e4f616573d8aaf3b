//! Readers and writers of annals' formats.
//!
//! - [`card`]: the event-card format of the seed documents (`docs/formats/card.md`).
//! - [`json`]: native JSON and JSON Lines (`docs/formats/json.md`).
//! - [`table`]: CSV (also tab- and semicolon-separated) with annals' own columns, and a column
//!   map for other spreadsheets (dates built from year/month/day columns).
//! - [`timelinejs`]: TimelineJS JSON and its spreadsheet CSV.
//! - [`markdown`]: Markdown with YAML front matter, one event per file.
//! - [`wikidata`]: Wikidata entity JSON and dumps; [`sparql`]: SPARQL JSON results (WDQS).
//! - [`geojson`], [`jsonld`]: GeoJSON and schema.org JSON-LD (export).
//! - [`detect`]: picking a format from a file's extension and content.
//! - [`write`]: the interface of the streaming writers; [`parts`], [`html`], [`jsonstream`]:
//!   what the formats share (dates as year/month/day, rich text, streaming JSON).
//!
//! Readers never panic on any input: every problem is a [`FormatError`] that says where
//! (a line, or a JSON path) and what was expected. Writers report what a format could not hold
//! as [`Dropped`] warnings, never silently.

pub mod card;
mod csvutil;
pub mod detect;
mod error;
pub mod geojson;
pub mod html;
pub mod json;
pub mod jsonld;
pub mod jsonstream;
pub mod markdown;
pub mod parts;
pub mod read;
pub mod sparql;
pub mod table;
pub mod timelinejs;
pub mod wikidata;
pub mod write;

/// Multistream Wikipedia dumps decoded on every core through their index.
pub use annals_wiki::multistream;
/// What reading a Wikipedia input found (pages read, events, pages skipped and why).
pub use annals_wiki::Report as WikiReport;
pub use detect::Format;
pub use error::{Dropped, FormatError, Location};
pub use write::EventWriter;

/// Longest line any reader accepts, in bytes.
pub const MAX_LINE: usize = 1 << 20;

/// Options shared by the readers.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// How to read dates written as text that carry no calendar of their own.
    pub calendar: annals_dates::CalendarHint,
    /// The cell delimiter of spreadsheets (`b','`, `b'\t'`, `b';'`); `None` takes it from the
    /// file: its extension (`.tsv`) or its header row.
    pub delimiter: Option<u8>,
}

/// An event read from a document, and whether it is only a card for an event recorded
/// elsewhere (a lead card): such an event never overwrites a fuller record already stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    /// The event.
    pub event: annals_core::Event,
    /// True for lead cards.
    pub stub: bool,
    /// Whether the record gave its id (a native JSON `id`, an `id` column, a Markdown front
    /// matter `id`): such an id names its event, even when it reads like one made from the
    /// title and year (`docs/curation.md`, rule 1). An id annals made itself does not.
    pub named: bool,
    /// Where it starts in its file.
    pub location: Location,
}

/// Check that `bytes` are UTF-8, naming the line of the first bad byte.
pub fn utf8(bytes: &[u8]) -> Result<&str, FormatError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        FormatError::at_line(line, "invalid UTF-8: expected text")
    })
}

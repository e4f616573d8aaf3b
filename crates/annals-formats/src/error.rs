//! Where a problem is, and what was expected there.

use std::fmt;

/// A place in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A 1-based line number.
    Line(usize),
    /// A JSON path such as `[12].date`.
    Path(String),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Line(n) => write!(f, "{n}"),
            Location::Path(p) => f.write_str(p),
        }
    }
}

/// A problem in an input, at a location. Displayed as `line: message`; the caller puts the
/// file name in front, giving `file:line: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {message}")]
pub struct FormatError {
    /// Where.
    pub location: Location,
    /// What was expected.
    pub message: String,
}

impl FormatError {
    /// A problem on a line.
    pub fn at_line(line: usize, message: impl Into<String>) -> FormatError {
        FormatError {
            location: Location::Line(line),
            message: message.into(),
        }
    }
}

/// Something a writer could not represent in its format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    /// The event it belongs to.
    pub id: String,
    /// What was lost or changed.
    pub what: String,
}

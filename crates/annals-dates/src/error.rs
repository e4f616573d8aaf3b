//! The one error type of the dates crate.

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The string is not valid EDTF; `offset` is the byte where it stops being valid.
    #[error("invalid EDTF {input:?} at character {offset}: {message}")]
    Edtf {
        /// The string as given.
        input: String,
        /// Byte offset of the first invalid character.
        offset: usize,
        /// What the parser expected.
        message: &'static str,
    },
    /// The text is not a date form annals knows.
    #[error("unrecognised date {0:?}: expected a date such as \"January 19, 1960\", \"44 BC\", \"the 1960s\", \"66 million years ago\" or an EDTF value")]
    Unrecognised(String),
    /// The text names a day that does not exist in its calendar.
    #[error("no such day: {0}")]
    NoSuchDay(String),
    /// The date lies beyond the 64-bit day axis.
    #[error("date {0:?} is out of range: years must lie within about ±25,000,000,000,000,000")]
    OutOfRange(String),
    /// The text is self-contradictory or otherwise unusable.
    #[error("{0}")]
    Invalid(String),
}

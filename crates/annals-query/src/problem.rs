//! What is wrong with a query that cannot be read: one [`Problem`] per kind of mistake, with
//! what the reader wrote in it, so that each can be worded in the reader's language (the web
//! app does; [`Display`](std::fmt::Display) words it in English).

use std::fmt;

use crate::parser::{MAX_CLAUSES, MAX_DEPTH, MAX_QUERY_LEN};
use crate::values::MAX_RADIUS_KM;

/// A token of the query, as an error names what it found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// `(`.
    Open,
    /// `)`.
    Close,
    /// `OR`.
    Or,
    /// `-`.
    Minus,
    /// A word.
    Word,
    /// A quoted phrase.
    Phrase,
    /// A filter such as `date:1914`.
    Filter,
    /// `sort:`.
    Sort,
    /// The end of the query.
    End,
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Found::Open => "'('",
            Found::Close => "')'",
            Found::Or => "OR",
            Found::Minus => "'-'",
            Found::Word => "a word",
            Found::Phrase => "a phrase",
            Found::Filter => "a filter",
            Found::Sort => "sort:",
            Found::End => "the end of the query",
        })
    }
}

/// The latitude or longitude a `near:` or `bbox:` value gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coordinate {
    /// `near:`'s latitude.
    Latitude,
    /// `near:`'s longitude.
    Longitude,
    /// `bbox:`'s first number.
    South,
    /// `bbox:`'s second.
    West,
    /// `bbox:`'s third.
    North,
    /// `bbox:`'s fourth.
    East,
}

impl Coordinate {
    /// How far from 0 it may lie, in degrees.
    pub fn limit(self) -> u8 {
        match self {
            Coordinate::Latitude | Coordinate::South | Coordinate::North => 90,
            Coordinate::Longitude | Coordinate::West | Coordinate::East => 180,
        }
    }
}

impl fmt::Display for Coordinate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Coordinate::Latitude => "latitude",
            Coordinate::Longitude => "longitude",
            Coordinate::South => "southern latitude",
            Coordinate::West => "western longitude",
            Coordinate::North => "northern latitude",
            Coordinate::East => "eastern longitude",
        })
    }
}

/// What a word, phrase, filter or `(` was expected after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    /// The start of the query (said as nothing).
    Start,
    /// A `(`.
    Open,
    /// An `OR`.
    Or,
    /// A `-`.
    Minus,
}

/// What is wrong with a query.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// Longer than [`MAX_QUERY_LEN`] bytes.
    TooLong {
        /// Its length in bytes.
        bytes: usize,
    },
    /// More than [`MAX_CLAUSES`] words, phrases and filters.
    TooManyClauses,
    /// Parentheses deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A `)` with no `(` to close.
    NoOpen,
    /// Something where the query should have ended.
    Unexpected(Found),
    /// A `(` never closed.
    Unclosed {
        /// Where the `(` is.
        open: usize,
    },
    /// `()`.
    EmptyParentheses {
        /// Where the `(` is.
        open: usize,
    },
    /// Nothing before an `OR`.
    NothingBeforeOr,
    /// A word, phrase, filter or `(` was expected.
    ExpectedClause {
        /// After what.
        after: After,
        /// What came instead.
        found: Found,
    },
    /// `- word`: a space after the minus.
    SpaceAfterMinus,
    /// `sort:` on one side of an `OR`.
    SortInOr,
    /// `-sort:`.
    SortExcluded,
    /// A second `sort:`.
    SecondSort {
        /// Where the first is.
        first: usize,
    },
    /// A `"` never closed.
    Unterminated {
        /// A phrase (else a quoted filter value).
        phrase: bool,
        /// Where the `"` is.
        open: usize,
    },
    /// `""`.
    EmptyPhrase,
    /// `key:""`.
    EmptyValue {
        /// The key as written.
        key: String,
    },
    /// `key:` and nothing after it.
    MissingValue {
        /// The key as written.
        key: String,
        /// `key:(`: the key's name, for the hint to write (key:a OR key:b).
        any_of: Option<&'static str>,
    },
    /// `sort:` with a value it does not know.
    UnknownSort {
        /// The value.
        value: String,
    },
    /// `date:B..A` with B after A.
    ReversedRange {
        /// The first date as written.
        from: String,
        /// The second.
        to: String,
    },
    /// A date open at one end and unknown at the other.
    NoDay {
        /// The value.
        value: String,
    },
    /// A date the date reader could not read.
    Date {
        /// The date reader's words (English).
        message: String,
        /// For a bare date that reads as text: the filter to write instead (`date:"…"`).
        quote: Option<String>,
    },
    /// Not a number of degrees.
    NotDegrees {
        /// Which.
        coordinate: Coordinate,
        /// What was written.
        found: String,
    },
    /// Degrees beyond ±90 or ±180.
    DegreesOutOfRange {
        /// Which.
        coordinate: Coordinate,
        /// What was written.
        value: String,
    },
    /// `near:` without three parts.
    NearForm {
        /// What was written.
        found: String,
    },
    /// A radius without its unit, or not a number.
    RadiusForm {
        /// What was written.
        found: String,
    },
    /// A radius of 0, or beyond half the Earth.
    RadiusOutOfRange {
        /// What was written.
        value: String,
    },
    /// `bbox:` without four parts.
    BboxForm {
        /// What was written.
        found: String,
    },
    /// `bbox:`'s south north of its north.
    SouthOfNorth {
        /// The southern latitude as written.
        south: String,
        /// The northern.
        north: String,
    },
}

const CLAUSE: &str = "expected a word, phrase, filter or '('";

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::TooLong { bytes } => write!(
                f,
                "query is {bytes} bytes long; at most {MAX_QUERY_LEN} are allowed"
            ),
            Problem::TooManyClauses => write!(
                f,
                "too many clauses: a query may have at most {MAX_CLAUSES} words, phrases and filters"
            ),
            Problem::TooDeep => write!(
                f,
                "parentheses nested too deeply: at most {MAX_DEPTH} levels"
            ),
            Problem::NoOpen => f.write_str("unexpected ')': there is no '(' to close"),
            Problem::Unexpected(found) => write!(f, "unexpected {found}"),
            Problem::Unclosed { open } => {
                write!(f, "expected ')' to close the '(' at character {open}")
            }
            Problem::EmptyParentheses { open } => write!(
                f,
                "empty parentheses: {CLAUSE} between the '(' at character {open} and this ')'"
            ),
            Problem::NothingBeforeOr => write!(f, "{CLAUSE} before OR"),
            Problem::ExpectedClause { after, found } => {
                let after_text = match after {
                    After::Start => "",
                    After::Open => " after '('",
                    After::Or => " after OR",
                    After::Minus => " after '-'",
                };
                let again = matches!(
                    (after, found),
                    (After::Or, Found::Or) | (After::Minus, Found::Minus)
                );
                if again {
                    write!(f, "{CLAUSE}{after_text}, found another {found}")
                } else if (*after, *found) == (After::Minus, Found::Or) {
                    write!(
                        f,
                        "{CLAUSE} after '-', found OR (to exclude the word, write -\"OR\")"
                    )
                } else {
                    write!(f, "{CLAUSE}{after_text}, found {found}")
                }
            }
            Problem::SpaceAfterMinus => write!(
                f,
                "{CLAUSE} directly after '-' (write -word to exclude a word)"
            ),
            Problem::SortInOr => f.write_str(
                "sort: applies to the whole query, so it cannot be one side of an OR; \
                 put it outside, e.g. (a OR b) sort:date",
            ),
            Problem::SortExcluded => f.write_str(
                "sort: applies to the whole query, so it cannot be excluded with '-'",
            ),
            Problem::SecondSort { first } => write!(
                f,
                "a query may have only one sort: (the first is at character {first})"
            ),
            Problem::Unterminated { phrase, open } => write!(
                f,
                "unterminated {}: expected a '\"' to close the '\"' at character {open}",
                if *phrase { "phrase" } else { "quoted value" }
            ),
            Problem::EmptyPhrase => f.write_str("empty phrase: expected words between the quotes"),
            Problem::EmptyValue { key } => write!(
                f,
                "empty value: expected something between the quotes after '{key}:'"
            ),
            Problem::MissingValue { key, any_of } => {
                write!(f, "expected a value after '{key}:'")?;
                match any_of {
                    Some(name) => write!(
                        f,
                        "; to match any of several values, write (…) OR (…), e.g. ({name}:a OR {name}:b)"
                    ),
                    None => Ok(()),
                }
            }
            Problem::UnknownSort { value } => write!(
                f,
                "unknown sort {value:?}: expected relevance, date (oldest first) or -date (newest first)"
            ),
            Problem::ReversedRange { from, to } => write!(
                f,
                "reversed date range: {from:?} begins after {to:?} ends; write the earlier date first"
            ),
            Problem::NoDay { value } => write!(
                f,
                "the date {value:?} names no day: one end is open and the other unknown"
            ),
            Problem::Date { message, quote } => {
                f.write_str(message)?;
                match quote {
                    Some(q) => write!(
                        f,
                        " (a bare date is EDTF; to read it as written English, quote it: {q})"
                    ),
                    None => Ok(()),
                }
            }
            Problem::NotDegrees { coordinate, found } => write!(
                f,
                "expected a {coordinate} in decimal degrees, such as 35.68, found {found:?}"
            ),
            Problem::DegreesOutOfRange { coordinate, value } => write!(
                f,
                "{coordinate} {value} is out of range: it must lie between -{0} and {0}",
                coordinate.limit()
            ),
            Problem::NearForm { found } => write!(
                f,
                "expected near:LATITUDE,LONGITUDE,RADIUS such as near:35.68,139.69,300km, found {found:?}"
            ),
            Problem::RadiusForm { found } => write!(
                f,
                "expected a radius with a unit (km, m or mi), such as 300km, 500m or 20mi, found {found:?}"
            ),
            Problem::RadiusOutOfRange { value } => write!(
                f,
                "radius {value} is out of range: it must be more than 0 and at most {MAX_RADIUS_KM} km"
            ),
            Problem::BboxForm { found } => write!(
                f,
                "expected bbox:SOUTH,WEST,NORTH,EAST in degrees, such as bbox:24,122,46,146, found {found:?}"
            ),
            Problem::SouthOfNorth { south, north } => write!(
                f,
                "the southern latitude {south} is north of the northern latitude {north}"
            ),
        }
    }
}

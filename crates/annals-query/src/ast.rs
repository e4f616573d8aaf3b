//! The syntax tree of a query.

/// A parsed query: what to match and how to order it.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// What to match. [`Expr::All`] for an empty query (or one of only `sort:`). Filters are
    /// part of the tree: a query of filters only is `And([Filter, ...])`, or the one `Filter`.
    pub expr: Expr,
    /// The order asked for with `sort:`; `None` means the default (relevance when the query has
    /// words or phrases, else date, oldest first).
    pub sort: Option<Sort>,
}

/// A boolean expression over words, phrases and filters.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// Every event (the empty query).
    All,
    /// A word as typed (not yet analysed: the index stems and folds it).
    Word(String),
    /// A quoted phrase as typed, without the quotes.
    Phrase(String),
    /// A field filter (`date:`, `place:`, ...).
    Filter(Filter),
    /// `-x`: events not matching x. Usually inside an `And` with something positive; a lone
    /// negation, or an `And` of negations only, means "every event but" those.
    Not(Box<Expr>),
    /// All of these (juxtaposition). The parser never nests an `And` directly in an `And` and
    /// never builds one of fewer than two members.
    And(Vec<Expr>),
    /// Any of these (`a OR b`). The parser never nests an `Or` directly in an `Or` and never
    /// builds one of fewer than two members.
    Or(Vec<Expr>),
}

/// A field filter.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    /// `date:` (overlap) or `within:` (containment) with a day range.
    Date {
        /// The inclusive range on the day axis.
        range: DayRange,
        /// Overlap or containment.
        mode: DateMode,
    },
    /// `place:"Washington, D.C."`: a place name, or "name, country" (case-insensitive).
    Place(String),
    /// `country:Japan` (case-insensitive).
    Country(String),
    /// `participant:"Japanese government"` (case-insensitive).
    Participant(String),
    /// `tag:treaty` (case-insensitive).
    Tag(String),
    /// `near:35.68,139.69,300km`: within a great-circle distance of a point (latitude in
    /// −90…90, longitude in −180…180, radius more than 0 and at most 20040 km).
    Near {
        /// Latitude, degrees.
        lat: f64,
        /// Longitude, degrees.
        lon: f64,
        /// Radius in kilometres.
        radius_km: f64,
    },
    /// `bbox:south,west,north,east` in degrees (west > east crosses the antimeridian).
    Bbox {
        /// Southern latitude.
        south: f64,
        /// Western longitude.
        west: f64,
        /// Northern latitude.
        north: f64,
        /// Eastern longitude.
        east: f64,
    },
    /// `id:some-event-1960`.
    Id(String),
}

/// An inclusive range of day numbers (Rata Die, as `annals_dates::DayNumber`); `i64::MIN` /
/// `i64::MAX` for open ends. The parser guarantees `lo <= hi`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRange {
    /// First day.
    pub lo: i64,
    /// Last day.
    pub hi: i64,
}

/// How a date filter matches an event's span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateMode {
    /// The event's span overlaps the range (`date:`).
    Overlap,
    /// The event's span lies within the range (`within:`).
    Within,
}

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Best match first (BM25).
    Relevance,
    /// Oldest first.
    DateAsc,
    /// Newest first.
    DateDesc,
}

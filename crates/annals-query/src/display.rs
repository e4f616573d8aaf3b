//! The canonical printer: `parse(&request.to_string())` gives `request` back for every request
//! that [`crate::parse`] produced (as long as the printed form fits [`crate::MAX_QUERY_LEN`]:
//! a date such as `date:196X` is printed as its day range, `date:1960..1969`, which is longer).
//!
//! - clauses are separated by one space, `OR` by spaces on both sides;
//! - parentheses only where needed: around an `Or` inside an `And`, and around anything but a
//!   word, phrase or filter after `-`;
//! - an `Or` at the top is put in parentheses when a `sort:` follows it;
//! - filter keys in lowercase; values quoted when they hold a space or `(`, `)`;
//! - dates as the shortest `A..B` that denotes the same days (`1960`, `1950..1970`,
//!   `-0043-03-15`, `..1453`); a single day in a year of five or more digits, which EDTF cannot
//!   write as a day, as the interval with an unknown end that gives it (`/Y-12000`, `Y-12000/`);
//! - `near:` radii in kilometres; `sort:` last.

use std::fmt::{self, Write};

use annals_dates::{DayNumber, Ymd};

use crate::ast::{DateMode, DayRange, Expr, Filter, Request, Sort};

impl fmt::Display for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.expr, self.sort) {
            (Expr::All, _) => {}
            // `a OR b sort:date` would put the sort inside the OR.
            (e @ Expr::Or(_), Some(_)) => {
                write_group(f, e)?;
                f.write_char(' ')?;
            }
            (e, Some(_)) => {
                write_expr(f, e)?;
                f.write_char(' ')?;
            }
            (e, None) => write_expr(f, e)?,
        }
        if let Some(sort) = self.sort {
            fmt::Display::fmt(&sort, f)?;
        }
        Ok(())
    }
}

impl fmt::Display for Sort {
    /// `sort:relevance`, `sort:date` or `sort:-date`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Sort::Relevance => "sort:relevance",
            Sort::DateAsc => "sort:date",
            Sort::DateDesc => "sort:-date",
        })
    }
}

impl fmt::Display for Expr {
    /// The expression in query syntax. [`Expr::All`] prints as nothing at the top and as `()`
    /// (which does not parse) inside a tree; the parser never puts it there.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::All => Ok(()),
            e => write_expr(f, e),
        }
    }
}

/// Whether `e` prints as a single clause (no operator at its top).
fn is_leaf(e: &Expr) -> bool {
    matches!(e, Expr::Word(_) | Expr::Phrase(_) | Expr::Filter(_))
}

fn write_expr(f: &mut fmt::Formatter<'_>, e: &Expr) -> fmt::Result {
    match e {
        Expr::All => f.write_str("()"),
        Expr::Word(w) => f.write_str(w),
        Expr::Phrase(p) => write!(f, "\"{p}\""),
        Expr::Filter(filter) => fmt::Display::fmt(filter, f),
        Expr::Not(inner) => {
            f.write_char('-')?;
            if is_leaf(inner) {
                write_expr(f, inner)
            } else {
                write_group(f, inner)
            }
        }
        Expr::And(items) => {
            if items.is_empty() {
                return f.write_str("()");
            }
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    f.write_char(' ')?;
                }
                match item {
                    Expr::Or(_) | Expr::And(_) => write_group(f, item)?,
                    _ => write_expr(f, item)?,
                }
            }
            Ok(())
        }
        Expr::Or(items) => {
            if items.is_empty() {
                return f.write_str("()");
            }
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    f.write_str(" OR ")?;
                }
                match item {
                    Expr::Or(_) => write_group(f, item)?,
                    _ => write_expr(f, item)?,
                }
            }
            Ok(())
        }
    }
}

fn write_group(f: &mut fmt::Formatter<'_>, e: &Expr) -> fmt::Result {
    f.write_char('(')?;
    write_expr(f, e)?;
    f.write_char(')')
}

/// Whether a filter value must be quoted to read back as itself.
fn needs_quotes(value: &str) -> bool {
    value.is_empty()
        || value
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '(' | ')' | '"'))
}

fn write_value(f: &mut fmt::Formatter<'_>, key: &str, value: &str) -> fmt::Result {
    if needs_quotes(value) {
        write!(f, "{key}:\"{value}\"")
    } else {
        write!(f, "{key}:{value}")
    }
}

impl fmt::Display for Filter {
    /// The filter in query syntax: `date:1950..1970`, `place:"Washington, D.C."`,
    /// `near:35.68,139.69,300km`, ...
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Filter::Date { range, mode } => {
                let key = match mode {
                    DateMode::Overlap => "date",
                    DateMode::Within => "within",
                };
                write!(f, "{key}:")?;
                write_range(f, *range)
            }
            Filter::Place(v) => write_value(f, "place", v),
            Filter::Country(v) => write_value(f, "country", v),
            Filter::Participant(v) => write_value(f, "participant", v),
            Filter::Tag(v) => write_value(f, "tag", v),
            Filter::Id(v) => write_value(f, "id", v),
            Filter::Near {
                lat,
                lon,
                radius_km,
            } => write!(f, "near:{lat},{lon},{radius_km}km"),
            Filter::Bbox {
                south,
                west,
                north,
                east,
            } => write!(f, "bbox:{south},{west},{north},{east}"),
        }
    }
}

/// A year as EDTF: `1960`, `-0043`, `Y10000`, `Y-66000000`.
fn year(y: i64) -> String {
    if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else if (-9999..0).contains(&y) {
        format!("-{:04}", y.unsigned_abs())
    } else {
        format!("Y{y}")
    }
}

/// Whether EDTF can write this year with a month and day (four digits).
fn has_months(y: i64) -> bool {
    (-9999..=9999).contains(&y)
}

fn ymd(day: i64) -> Ymd {
    DayNumber(day).ymd()
}

/// Whether `day` is the first day of its month (`d0`) and of its year.
fn starts(day: i64) -> (bool, bool) {
    let d = ymd(day);
    (d.day == 1, d.day == 1 && d.month == 1)
}

/// Whether `day` is the last day of its month and of its year.
fn ends(day: i64) -> (bool, bool) {
    let next = day.checked_add(1).map(ymd);
    let month_end = next.is_none_or(|n| n.day == 1);
    let d = ymd(day);
    (month_end, month_end && d.month == 12)
}

/// The EDTF for the coarsest unit (year, month, day) that begins on `day`.
fn from_day(day: i64) -> String {
    let d = ymd(day);
    let (month_start, year_start) = starts(day);
    if year_start || !has_months(d.year) {
        year(d.year)
    } else if month_start {
        format!("{}-{:02}", year(d.year), d.month)
    } else {
        format!("{}-{:02}-{:02}", year(d.year), d.month, d.day)
    }
}

/// The EDTF for the coarsest unit (year, month, day) that ends on `day`.
fn to_day(day: i64) -> String {
    let d = ymd(day);
    let (month_end, year_end) = ends(day);
    if year_end || !has_months(d.year) {
        year(d.year)
    } else if month_end {
        format!("{}-{:02}", year(d.year), d.month)
    } else {
        format!("{}-{:02}-{:02}", year(d.year), d.month, d.day)
    }
}

/// A day range as the shortest date value that denotes it.
fn write_range(f: &mut fmt::Formatter<'_>, r: DayRange) -> fmt::Result {
    match (r.lo, r.hi) {
        (i64::MIN, i64::MAX) => f.write_str(".."),
        (i64::MIN, hi) => write!(f, "..{}", to_day(hi)),
        (lo, i64::MAX) => write!(f, "{}..", from_day(lo)),
        (lo, hi) => match single(lo, hi) {
            Some(one) => f.write_str(&one),
            None => write!(f, "{}..{}", from_day(lo), to_day(hi)),
        },
    }
}

/// The one year, month or day that is exactly `lo..=hi`, if there is one.
fn single(lo: i64, hi: i64) -> Option<String> {
    let (l, h) = (ymd(lo), ymd(hi));
    if l.year != h.year {
        return None;
    }
    let ((month_start, year_start), (month_end, year_end)) = (starts(lo), ends(hi));
    if year_start && year_end {
        Some(year(l.year))
    } else if !has_months(l.year) {
        // EDTF has no days in years of five or more digits; a single first or last day of such
        // a year comes from an interval with an unknown end (its known end is the day).
        match (lo == hi, year_start, year_end) {
            (true, true, _) => Some(format!("{}/", year(l.year))),
            (true, _, true) => Some(format!("/{}", year(l.year))),
            _ => None,
        }
    } else if l.month == h.month && month_start && month_end {
        Some(format!("{}-{:02}", year(l.year), l.month))
    } else if lo == hi {
        Some(format!("{}-{:02}-{:02}", year(l.year), l.month, l.day))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;

    fn canon(q: &str) -> String {
        parse(q).unwrap().to_string()
    }

    #[test]
    fn years() {
        assert_eq!(year(1960), "1960");
        assert_eq!(year(0), "0000");
        assert_eq!(year(-43), "-0043");
        assert_eq!(year(-9999), "-9999");
        assert_eq!(year(10000), "Y10000");
        assert_eq!(year(-66_000_000), "Y-66000000");
    }

    #[test]
    fn dates_print_shortest() {
        for (q, want) in [
            ("date:1960", "date:1960"),
            ("date:1960-01", "date:1960-01"),
            ("date:1960-01-19", "date:1960-01-19"),
            ("date:196X", "date:1960..1969"),
            ("date:19XX", "date:1900..1999"),
            ("date:1950..1970", "date:1950..1970"),
            ("date:1960-02..1960-02", "date:1960-02"),
            ("date:1960-02-01..1960-02-29", "date:1960-02"),
            ("date:1960-01-01..1960-12-31", "date:1960"),
            ("date:1960-03-05..1961-02", "date:1960-03-05..1961-02"),
            ("date:..-0100", "date:..-0100"),
            ("date:-0500..-0001", "date:-0500..-0001"),
            ("date:-0043", "date:-0043"),
            ("date:1950..", "date:1950.."),
            ("date:..", "date:.."),
            ("within:1914..1918", "within:1914..1918"),
            ("date:Y-66000000", "date:Y-66000000"),
            ("date:Y-12000/1950", "date:Y-12000..1950"),
            ("date:\"the 1960s\"", "date:1960..1969"),
            ("date:\"44 BC\"", "date:-0043"),
            ("date:0000", "date:0000"),
            ("date:1960..1960-01", "date:1960-01"),
            ("date:1960-01-19..1960-01-19", "date:1960-01-19"),
            ("date:1960-01-19..1960-01-20", "date:1960-01-19..1960-01-20"),
            ("date:1960-12..1961", "date:1960-12..1961"),
            ("date:/1950", "date:1950-12-31"),
            ("date:1950/", "date:1950-01-01"),
            ("date:/Y-660000000045", "date:/Y-660000000045"),
            ("date:Y-12000/", "date:Y-12000/"),
            ("date:Y-12000/Y-11000", "date:Y-12000..Y-11000"),
            (
                "date:\"66 million years ago\"",
                "date:Y-66999999..Y-66000000",
            ),
        ] {
            assert_eq!(canon(q), want, "{q}");
            assert_eq!(parse(want).unwrap(), parse(q).unwrap(), "{q}");
        }
    }

    #[test]
    fn clauses() {
        for (q, want) in [
            ("", ""),
            ("   ", ""),
            ("a  b", "a b"),
            ("a b OR c", "a b OR c"),
            ("(a OR b) c", "(a OR b) c"),
            ("((a))", "a"),
            ("-(a b)", "-(a b)"),
            ("-(a OR b)", "-(a OR b)"),
            ("-(-a)", "-(-a)"),
            ("-\"a b\"", "-\"a b\""),
            ("PLACE:\"Washington, D.C.\"", "place:\"Washington, D.C.\""),
            ("place:\"  Paris \"", "place:Paris"),
            (
                "country:Japan tag:treaty id:x-1960",
                "country:Japan tag:treaty id:x-1960",
            ),
            (
                "participant:\"Japanese government\"",
                "participant:\"Japanese government\"",
            ),
            ("near:35.68,139.69,300km", "near:35.68,139.69,300km"),
            ("near:35.68,139.69,500m", "near:35.68,139.69,0.5km"),
            ("near:+1.50,-0,1km", "near:1.5,-0,1km"),
            ("bbox:24,122,46,146", "bbox:24,122,46,146"),
            ("sort:date-desc", "sort:-date"),
            ("sort:DATE a", "a sort:date"),
            ("a (b sort:relevance)", "a b sort:relevance"),
            ("(a OR b) sort:-date", "(a OR b) sort:-date"),
            ("(a OR b) c sort:-date", "(a OR b) c sort:-date"),
        ] {
            assert_eq!(canon(q), want, "{q}");
        }
    }

    #[test]
    fn trees_not_from_the_parser_do_not_panic() {
        let weird = Request {
            expr: Expr::And(vec![
                Expr::All,
                Expr::Or(vec![]),
                Expr::And(vec![]),
                Expr::Not(Box::new(Expr::All)),
                Expr::Or(vec![Expr::Or(vec![Expr::Word("a".into())])]),
                Expr::Filter(Filter::Place(String::new())),
                Expr::Filter(Filter::Date {
                    range: DayRange {
                        lo: i64::MIN + 1,
                        hi: i64::MAX - 1,
                    },
                    mode: DateMode::Within,
                }),
                Expr::Filter(Filter::Near {
                    lat: f64::NAN,
                    lon: f64::INFINITY,
                    radius_km: -1.0,
                }),
            ]),
            sort: Some(Sort::Relevance),
        };
        assert!(!weird.to_string().is_empty());
    }
}

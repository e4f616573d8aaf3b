//! The EDTF adapter: parsing, canonical form, bounds and precision of ISO 8601-2 (EDTF) values.
//!
//! Parsing and validation are delegated to the `edtf-core` crate (pinned, levels 0–2); this module
//! owns the policies on top of it (see `docs/dates.md`): negative masked years (`-01XX`) are accepted
//! and rewritten as the equivalent interval, bounds are mapped onto our `i64` day axis, a value
//! beyond that axis is an error instead of an unknown bound, and precision includes decades,
//! centuries and the significant-digit granularity of deep time.

use crate::day::{Calendar, Ymd};
use crate::error::DateError;
use crate::when::{Bound, Precision};
use edtf_core as core;

/// A parsed EDTF value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edtf {
    inner: core::Edtf,
}

impl Edtf {
    /// Parse a strict EDTF string (levels 0–2), plus negative masked years such as `-01XX`.
    #[inline]
    pub fn parse(input: &str) -> Result<Edtf, DateError> {
        let parsed = match negative_masks(input) {
            Some(rewritten) => core::Edtf::parse(&rewritten),
            None => core::Edtf::parse(input),
        };
        match parsed {
            Ok(inner) => Ok(Edtf { inner }),
            Err(e) => Err(parse_error(input, e)),
        }
    }

    /// The canonical EDTF string.
    pub fn canonical(&self) -> String {
        self.inner.to_string()
    }

    /// The EDTF conformance level (0, 1 or 2).
    pub fn level(&self) -> u8 {
        self.inner.level()
    }

    /// Earliest and latest day on the proleptic Gregorian axis.
    ///
    /// An unknown interval end (`1950/`) is [`Bound::Unknown`], an open one (`1950/..`) is
    /// [`Bound::Open`]; a year beyond the axis is an error.
    pub fn bounds(&self) -> Result<(Bound, Bound), DateError> {
        let b = self.inner.bounds();
        let (start_unknown, end_unknown) = match &self.inner {
            core::Edtf::Interval(iv) => (
                matches!(iv.start, core::IntervalEndpoint::Unknown),
                matches!(iv.end, core::IntervalEndpoint::Unknown),
            ),
            _ => (false, false),
        };
        let earliest = self.map_bound(b.earliest, start_unknown)?;
        let latest = self.map_bound(self.before_year_zero(b.latest), end_unknown)?;
        Ok((earliest, latest))
    }

    /// A negative year with significant digits (`-0043S2`) sweeps years -0099 … -0000, and
    /// `-0000` is no year: astronomical year 0000 (1 BC) is written positive. Such a value ends
    /// in -0001, as `-00XX` does.
    fn before_year_zero(&self, latest: core::Bound) -> core::Bound {
        let negative_significant = |d: &core::Date| {
            d.year.significant_digits.is_some() && d.year.value().is_some_and(|v| v < 0)
        };
        let last = match &self.inner {
            core::Edtf::Date(d) => Some(d),
            core::Edtf::Interval(iv) => match &iv.end {
                core::IntervalEndpoint::Date(d) | core::IntervalEndpoint::OnOrAfter(d) => Some(d),
                _ => None,
            },
            _ => None,
        };
        match latest {
            core::Bound::Date(d) if d.year == 0 && last.is_some_and(negative_significant) => {
                core::Bound::Date(core::BoundDate {
                    year: -1,
                    month: 12,
                    day: 31,
                })
            }
            other => other,
        }
    }

    fn map_bound(&self, b: core::Bound, may_be_unknown: bool) -> Result<Bound, DateError> {
        match b {
            core::Bound::NegativeInfinity | core::Bound::PositiveInfinity => Ok(Bound::Open),
            core::Bound::Unknown if may_be_unknown => Ok(Bound::Unknown),
            core::Bound::Unknown => Err(DateError::OutOfRange(self.canonical())),
            core::Bound::Date(d) => {
                let ymd = Ymd {
                    year: d.year,
                    month: d.month,
                    day: d.day,
                };
                Calendar::Gregorian
                    .to_day(ymd)
                    .map(Bound::Day)
                    .ok_or_else(|| DateError::OutOfRange(self.canonical()))
            }
        }
    }

    /// The granularity of the value: of the date itself, of an interval's start (or end when
    /// the start is open or unknown), of a set's first member.
    pub fn precision(&self) -> Precision {
        match &self.inner {
            core::Edtf::Date(d) => date_precision(d),
            core::Edtf::DateTime(_) => Precision::Time,
            core::Edtf::Interval(iv) => {
                if let Some(p) = aligned_span(iv) {
                    return p;
                }
                let pick = |e: &core::IntervalEndpoint| match e {
                    core::IntervalEndpoint::Date(d)
                    | core::IntervalEndpoint::OnOrBefore(d)
                    | core::IntervalEndpoint::OnOrAfter(d) => Some(date_precision(d)),
                    _ => None,
                };
                pick(&iv.start)
                    .or_else(|| pick(&iv.end))
                    .unwrap_or(Precision::Year)
            }
            core::Edtf::Set(s) => s
                .elements
                .first()
                .map(|e| match e {
                    core::SetElement::Date(d)
                    | core::SetElement::OnOrBefore(d)
                    | core::SetElement::OnOrAfter(d)
                    | core::SetElement::Range(d, _) => date_precision(d),
                })
                .unwrap_or(Precision::Year),
        }
    }

    /// The year EDTF names as the estimate of a significant-digits value (`1950S2` is some year
    /// in 1900–1999, estimated 1950; `Y-4500000000S2` is estimated 4.5 billion years ago).
    pub fn estimate(&self) -> Option<i64> {
        match &self.inner {
            core::Edtf::Date(d) if d.year.significant_digits.is_some() => d.year.value(),
            _ => None,
        }
    }

    /// True if any part is marked uncertain (`?`, `%`).
    pub fn is_uncertain(&self) -> bool {
        self.inner.is_uncertain()
    }

    /// True if any part is marked approximate (`~`, `%`).
    pub fn is_approximate(&self) -> bool {
        self.inner.is_approximate()
    }
}

/// An interval of whole years that is exactly one decade, century or millennium, aligned as
/// historians count them (`-0499/-0400` is the 5th century BC): that precision.
fn aligned_span(iv: &core::Interval) -> Option<Precision> {
    let year = |e: &core::IntervalEndpoint| match e {
        core::IntervalEndpoint::Date(d)
            if d.month.is_none() && d.year.significant_digits.is_none() =>
        {
            d.year.value()
        }
        _ => None,
    };
    let (a, b) = (year(&iv.start)?, year(&iv.end)?);
    let mut n = b.checked_sub(a)?.checked_add(1)?;
    let mut aligned = matches!(a.rem_euclid(n.max(1)), 0 | 1);
    // The first decade, century or millennium on either side of year zero is one year short:
    // AD 1–99 (`0001/0099`, "1st century" of the masked convention) and `-00XX` = `-0099/-0001`.
    if (a == 1 || b == -1) && matches!(n, 9 | 99 | 999) {
        n += 1;
        aligned = true;
    }
    match n {
        10 if aligned => Some(Precision::Decade),
        100 if aligned => Some(Precision::Century),
        1000 if aligned => Some(Precision::Millennium),
        _ => None,
    }
}

fn date_precision(d: &core::Date) -> Precision {
    match d.precision() {
        core::Precision::Day => Precision::Day,
        core::Precision::Month => Precision::Month,
        core::Precision::Season => Precision::Season,
        core::Precision::Year => {
            let swept = match (d.year.kind, d.year.significant_digits) {
                (kind, Some(sig)) => width(kind).saturating_sub(sig),
                (core::YearKind::Standard { digits, .. }, None) => {
                    digits.iter().rev().take_while(|x| x.is_none()).count() as u32
                }
                _ => 0,
            };
            Precision::from_swept_digits(swept)
        }
    }
}

fn width(kind: core::YearKind) -> u32 {
    match kind {
        core::YearKind::Standard { .. } => 4,
        core::YearKind::Big { value } => digits(value.unsigned_abs()),
        core::YearKind::Exponential {
            significand,
            exponent,
        } => digits(significand.unsigned_abs()) + exponent,
    }
}

fn digits(v: u64) -> u32 {
    v.checked_ilog10().unwrap_or(0) + 1
}

#[cold]
fn parse_error(input: &str, e: core::ParseError) -> DateError {
    // edtf-core says a negative date-time lacks "a complete YYYY-MM-DD date": it is complete,
    // but EDTF has times of day only at level 0, on years 0000–9999.
    let negative_time = input.starts_with('-') && input.contains('T');
    DateError::Edtf {
        input: input.to_string(),
        offset: if negative_time { 0 } else { e.offset },
        message: if negative_time {
            "EDTF has times of day only on years 0000 to 9999, not on negative (BC) years: give the day alone"
        } else {
            e.message
        },
    }
}

/// Negative masked years, our extension (edtf-core rejects them), rewritten as the interval they
/// denote: `-01XX` → `-0199/-0100`; `-019X` → `-0199/-0190`; `-01XX~` → `-0199~/-0100~`;
/// `-01XX-05` → `-0199-05/-0100-05` (May of one of those years). A masked year that sweeps up to
/// year zero ends in -0001 (`-00XX` → `-0099/-0001`): `-0000` is no year, and astronomical 0000
/// (1 BC) belongs to `00XX`. An interval end takes the end of its side: `-01XX/0100` →
/// `-0199/0100`, `-0300/-01XX` → `-0300/-0100`. `None` when `input` has no negative masked year.
fn negative_masks(input: &str) -> Option<String> {
    if !input.starts_with('-') && !input.contains("/-") {
        return None;
    }
    match input.split_once('/') {
        Some((a, b)) => {
            let start = masked_endpoint(a).map(|(lo, _)| lo);
            let end = masked_endpoint(b).map(|(_, hi)| hi);
            if start.is_none() && end.is_none() {
                return None;
            }
            let mut out = String::with_capacity(input.len() + 4);
            out.push_str(start.as_deref().unwrap_or(a));
            out.push('/');
            out.push_str(end.as_deref().unwrap_or(b));
            Some(out)
        }
        None => {
            let (lo, hi) = masked_endpoint(input)?;
            let mut out = lo;
            out.push('/');
            out.push_str(&hi);
            Some(out)
        }
    }
}

/// A negative masked year with an optional rest (`-MM`, `-MM-DD`, a final qualifier): its
/// earliest and latest completion, both with the rest.
fn masked_endpoint(s: &str) -> Option<(String, String)> {
    let body = s.strip_prefix('-')?;
    let b = body.as_bytes();
    if b.len() < 4 || !b[0].is_ascii_digit() {
        return None;
    }
    let (year, rest) = body.split_at_checked(4)?;
    let masked = year.bytes().rev().take_while(|&c| c == b'X').count();
    if masked == 0 || masked == 4 || !year.as_bytes()[..4 - masked].iter().all(u8::is_ascii_digit) {
        return None;
    }
    // What may follow the year: up to two `-NN` fields (digits or X), then one qualifier.
    let r = rest.as_bytes();
    let mut i = 0;
    let mut fields = 0;
    while i < r.len() && r[i] == b'-' && fields < 2 {
        if r.len() < i + 3
            || !r[i + 1..i + 3]
                .iter()
                .all(|c| c.is_ascii_digit() || *c == b'X')
        {
            return None;
        }
        i += 3;
        fields += 1;
    }
    if !(i == r.len() || (i + 1 == r.len() && matches!(r[i], b'?' | b'~' | b'%'))) {
        return None;
    }
    let known = &year[..4 - masked];
    let scale = 10i64.pow(masked as u32);
    let base: i64 = known.parse::<i64>().ok()? * scale;
    // Astronomical: the earliest year is the most negative one (`-0199`), the latest the least
    // negative (`-0100`; `-0001` for a mask that sweeps down to zero).
    let earliest = base + scale - 1;
    let latest = base.max(1);
    let write = |magnitude: i64| format!("-{magnitude:04}{rest}");
    Some((write(earliest), write(latest)))
}

/// An EDTF year: `1960`, `-0043`, and with more than four digits `Y-13800000000`.
pub fn edtf_year(year: i64) -> String {
    if year.unsigned_abs() > 9999 {
        format!("Y{year}")
    } else if year < 0 {
        format!("-{:04}", year.unsigned_abs())
    } else {
        format!("{year:04}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds(s: &str) -> (String, String) {
        let (a, b) = Edtf::parse(s).unwrap().bounds().unwrap();
        (a.to_string(), b.to_string())
    }

    #[test]
    fn day_bounds() {
        assert_eq!(
            bounds("1960-01-19"),
            ("1960-01-19".into(), "1960-01-19".into())
        );
        assert_eq!(
            bounds("-0043-03-13"),
            ("-0043-03-13".into(), "-0043-03-13".into())
        );
        assert_eq!(bounds("196X"), ("1960-01-01".into(), "1969-12-31".into()));
        assert_eq!(bounds("1950/"), ("1950-01-01".into(), "unknown".into()));
        assert_eq!(bounds("1950/.."), ("1950-01-01".into(), "..".into()));
    }

    #[test]
    fn deep_time() {
        assert_eq!(
            bounds("Y-13800000000"),
            ("-13800000000-01-01".into(), "-13800000000-12-31".into())
        );
        assert_eq!(
            Edtf::parse("Y-66000000S2").unwrap().precision(),
            Precision::Years(6)
        );
        assert_eq!(
            Edtf::parse("1950S2").unwrap().precision(),
            Precision::Century
        );
    }

    #[test]
    fn negative_masks() {
        assert_eq!(Edtf::parse("-01XX").unwrap().canonical(), "-0199/-0100");
        assert_eq!(Edtf::parse("-019X").unwrap().canonical(), "-0199/-0190");
        assert!(Edtf::parse("-XXXX").is_err());
    }

    #[test]
    fn negative_masks_end_before_year_zero() {
        // `-0000` is no year, so a negative mask never reaches 0000 (1 BC, written `0000`).
        assert_eq!(Edtf::parse("-00XX").unwrap().canonical(), "-0099/-0001");
        assert_eq!(Edtf::parse("-0XXX").unwrap().canonical(), "-0999/-0001");
        assert_eq!(Edtf::parse("-000X").unwrap().canonical(), "-0009/-0001");
        assert_eq!(
            bounds("-00XX"),
            ("-0099-01-01".into(), "-0001-12-31".into())
        );
        assert_eq!(
            bounds("-0XXX"),
            ("-0999-01-01".into(), "-0001-12-31".into())
        );
        assert!(Edtf::parse("-0000").is_err());
        // The same for significant digits: -0043S2 is some year in -0099 … -0001.
        assert_eq!(
            bounds("-0043S2"),
            ("-0099-01-01".into(), "-0001-12-31".into())
        );
        assert_eq!(
            bounds("-1234S2"),
            ("-1299-01-01".into(), "-1200-12-31".into())
        );
        assert_eq!(bounds("0043S2"), ("0000-01-01".into(), "0099-12-31".into()));
        assert_eq!(
            Edtf::parse("-00XX").unwrap().precision(),
            Precision::Century
        );
        assert_eq!(
            Edtf::parse("-0XXX").unwrap().precision(),
            Precision::Millennium
        );
    }

    #[test]
    fn negative_masks_in_intervals_and_with_months() {
        assert_eq!(Edtf::parse("-01XX/0100").unwrap().canonical(), "-0199/0100");
        assert_eq!(
            Edtf::parse("-0300/-01XX").unwrap().canonical(),
            "-0300/-0100"
        );
        assert_eq!(
            Edtf::parse("-02XX/-01XX").unwrap().canonical(),
            "-0299/-0100"
        );
        assert_eq!(
            Edtf::parse("-01XX-05").unwrap().canonical(),
            "-0199-05/-0100-05"
        );
        assert_eq!(
            bounds("-01XX-05"),
            ("-0199-05-01".into(), "-0100-05-31".into())
        );
        assert_eq!(
            Edtf::parse("-01XX-05-12~").unwrap().canonical(),
            "-0199-05-12~/-0100-05-12~"
        );
        assert_eq!(
            bounds("-01XX-XX"),
            ("-0199-01-01".into(), "-0100-12-31".into())
        );
        for bad in [
            "-01XX-5",
            "-01XX-05-",
            "-01XX-05-12-01",
            "-01XX/0100/0200",
            "-01XX-13",
        ] {
            assert!(Edtf::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn negative_date_times_say_why() {
        let e = Edtf::parse("-0043-03-15T12:00:00").unwrap_err();
        let text = e.to_string();
        assert!(text.contains("negative (BC) years"), "{text}");
        assert!(!text.contains("complete"), "{text}");
        assert!(Edtf::parse("0043-03-15T12:00:00").is_ok());
        // Other date-time errors keep edtf-core's message.
        let e = Edtf::parse("2004-01-01T25:00:00").unwrap_err();
        assert!(!e.to_string().contains("negative"), "{e}");
    }

    #[test]
    fn qualified_negative_masks() {
        // A qualified negative masked year is still a negative masked year (python-edtf's
        // `-01XX~`): the qualifier goes on both ends of the interval.
        assert_eq!(Edtf::parse("-01XX~").unwrap().canonical(), "-0199~/-0100~");
        assert_eq!(Edtf::parse("-01XX?").unwrap().canonical(), "-0199?/-0100?");
        assert_eq!(Edtf::parse("-1XXX%").unwrap().canonical(), "-1999%/-1000%");
        assert_eq!(
            bounds("-01XX~"),
            ("-0199-01-01".into(), "-0100-12-31".into())
        );
        assert!(Edtf::parse("-01XX~~").is_err());
        assert!(Edtf::parse("-01XX?~").is_err());
        assert!(Edtf::parse("-XXXX~").is_err());
        assert!(Edtf::parse("-0100~").is_ok());
    }

    #[test]
    fn precision_of_aligned_spans() {
        let p = |s: &str| Edtf::parse(s).unwrap().precision();
        assert_eq!(p("-0499/-0400"), Precision::Century);
        assert_eq!(p("-01XX"), Precision::Century);
        assert_eq!(p("-0099/0000"), Precision::Century);
        assert_eq!(p("0001/0099"), Precision::Century);
        assert_eq!(p("0001/0999"), Precision::Millennium);
        assert_eq!(p("0001/0009"), Precision::Decade);
        assert_eq!(p("0002/0100"), Precision::Year);
        assert_eq!(p("1960/1969"), Precision::Decade);
        assert_eq!(p("1939/1948"), Precision::Year);
        assert_eq!(p("1914/1918"), Precision::Year);
    }

    #[test]
    fn precision_of_masks() {
        assert_eq!(Edtf::parse("196X").unwrap().precision(), Precision::Decade);
        assert_eq!(Edtf::parse("19XX").unwrap().precision(), Precision::Century);
        assert_eq!(
            Edtf::parse("1XXX").unwrap().precision(),
            Precision::Millennium
        );
        assert_eq!(
            Edtf::parse("1985-04").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            Edtf::parse("2001-21").unwrap().precision(),
            Precision::Season
        );
    }

    #[test]
    fn errors_say_where() {
        let e = Edtf::parse("1960-02-30").unwrap_err();
        assert!(matches!(e, DateError::Edtf { .. }), "{e}");
    }
}

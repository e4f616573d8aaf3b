//! `When`: the date of an event, as written and as a span on the day axis.

use crate::day::{Calendar, DayNumber};
use crate::edtf::Edtf;
use crate::error::DateError;
use std::fmt;

/// One end of a date's span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    /// A known day.
    Day(DayNumber),
    /// Unbounded (`..` in EDTF): the span runs on without limit.
    Open,
    /// Not known (an empty interval end in EDTF). Unknown is not infinite.
    Unknown,
}

impl Bound {
    /// The day, if known.
    pub fn day(self) -> Option<DayNumber> {
        match self {
            Bound::Day(d) => Some(d),
            _ => None,
        }
    }
}

impl fmt::Display for Bound {
    /// ISO date, `..` for open, `unknown` for unknown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Bound::Day(d) => d.fmt(f),
            Bound::Open => f.write_str(".."),
            Bound::Unknown => f.write_str("unknown"),
        }
    }
}

/// How finely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// A date with a time of day.
    Time,
    /// A day.
    Day,
    /// A month.
    Month,
    /// A season or other sub-year grouping (EDTF codes 21–41).
    Season,
    /// A year.
    Year,
    /// A decade (`196X`).
    Decade,
    /// A century (`19XX`, `1950S2`).
    Century,
    /// A millennium (`1XXX`).
    Millennium,
    /// 10^k years, k ≥ 4 (deep time with significant digits).
    Years(u32),
}

impl Precision {
    /// The precision of a year whose last `swept` digits are unknown.
    pub fn from_swept_digits(swept: u32) -> Precision {
        match swept {
            0 => Precision::Year,
            1 => Precision::Decade,
            2 => Precision::Century,
            3 => Precision::Millennium,
            k => Precision::Years(k),
        }
    }

    /// The name used in JSON: `day`, `month`, ..., `millennium`, `1e6 years`.
    pub fn name(self) -> String {
        match self {
            Precision::Time => "time".into(),
            Precision::Day => "day".into(),
            Precision::Month => "month".into(),
            Precision::Season => "season".into(),
            Precision::Year => "year".into(),
            Precision::Decade => "decade".into(),
            Precision::Century => "century".into(),
            Precision::Millennium => "millennium".into(),
            Precision::Years(k) => format!("1e{k} years"),
        }
    }
}

/// How to read a written date's calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CalendarHint {
    /// Julian for day and month dates before 15 October 1582, Gregorian after.
    #[default]
    Auto,
    /// The text is in this calendar (from a `calendar` field or an import option).
    Given(Calendar),
}

/// The date of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When {
    /// Canonical EDTF, proleptic Gregorian.
    pub edtf: String,
    /// The text as written, when the date came from text.
    pub text: Option<String>,
    /// The calendar the text was reckoned in.
    pub calendar: Calendar,
    /// The earliest day the date may denote.
    pub earliest: Bound,
    /// The latest day the date may denote.
    pub latest: Bound,
    /// How finely the date is known.
    pub precision: Precision,
    /// The day of the estimated year of a significant-digits value (see [`Edtf::estimate`]);
    /// chronological order uses it in place of the earliest day.
    pub estimate: Option<DayNumber>,
}

impl When {
    /// A date from an EDTF string (already proleptic Gregorian).
    pub fn from_edtf(edtf: &str) -> Result<When, DateError> {
        Self::from_parsed(&Edtf::parse(edtf)?, None, Calendar::Gregorian)
    }

    /// A date from text as a historian writes it, in English, French, German or Spanish (or
    /// from EDTF given as text).
    pub fn from_text(text: &str, hint: CalendarHint) -> Result<When, DateError> {
        // English first; then French, German, Spanish ("15 mars 44 av. J.-C.").
        let (read, _) = crate::lang::read_any(text, hint)?;
        let edtf = Edtf::parse(&read.edtf)?;
        // EDTF marked as such ("EDTF: 1939-41") is no text as written.
        let written = (!crate::text::is_marked_edtf(text)).then(|| text.to_string());
        Self::from_parsed(&edtf, written, read.calendar)
    }

    pub(crate) fn from_parsed(
        edtf: &Edtf,
        text: Option<String>,
        calendar: Calendar,
    ) -> Result<When, DateError> {
        let (earliest, latest) = edtf.bounds()?;
        let estimate = edtf.estimate().and_then(|year| {
            Calendar::Gregorian.to_day(crate::Ymd {
                year,
                month: 1,
                day: 1,
            })
        });
        Ok(When {
            edtf: edtf.canonical(),
            text,
            calendar,
            earliest,
            latest,
            precision: edtf.precision(),
            estimate,
        })
    }

    /// A key that orders dates along the axis: by earliest day (or the estimate of a
    /// significant-digits value), then latest day. Open starts sort first, open ends last; an
    /// unknown end takes the other end's day.
    pub fn sort_key(&self) -> (i64, i64) {
        let (lo, hi) = self.axis_range();
        (self.estimate.map_or(lo, |d| d.0), hi)
    }

    /// The span used for date filters, as inclusive day numbers: an open end is `i64::MIN`/`MAX`;
    /// an unknown end is taken to be the known end (the event at least touches it).
    pub fn axis_range(&self) -> (i64, i64) {
        let lo = match self.earliest {
            Bound::Day(d) => Some(d.0),
            Bound::Open => Some(i64::MIN),
            Bound::Unknown => None,
        };
        let hi = match self.latest {
            Bound::Day(d) => Some(d.0),
            Bound::Open => Some(i64::MAX),
            Bound::Unknown => None,
        };
        match (lo, hi) {
            (Some(a), Some(b)) => (a, b),
            (Some(a), None) => (a, a),
            (None, Some(b)) => (b, b),
            (None, None) => (i64::MIN, i64::MAX),
        }
    }

    /// The astronomical year the date starts in, as written: in the Julian calendar for a Julian
    /// date ("January 1, 153 BC" starts in -152 even though its Gregorian day is in -153).
    /// `None` when neither end is known.
    pub fn start_year(&self) -> Option<i64> {
        let day = self.earliest.day().or(self.latest.day())?;
        let written = match self.calendar {
            Calendar::Julian => Calendar::Julian.from_day(day),
            Calendar::Gregorian => None,
        };
        Some(written.unwrap_or_else(|| day.ymd()).year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caesar() {
        let w = When::from_text("March 15, 44 BC", CalendarHint::Auto).unwrap();
        assert_eq!(w.edtf, "-0043-03-13");
        assert_eq!(w.calendar, Calendar::Julian);
        assert_eq!(w.precision, Precision::Day);
        assert_eq!(w.text.as_deref(), Some("March 15, 44 BC"));
        assert_eq!(w.start_year(), Some(-43));
        let new_year = When::from_text("January 1, 153 BC", CalendarHint::Auto).unwrap();
        assert_eq!(new_year.edtf, "-0153-12-29");
        assert_eq!(new_year.start_year(), Some(-152));
    }

    #[test]
    fn deep_time_sorts_by_its_estimate() {
        let earth = When::from_text("4.54 billion years ago", CalendarHint::Auto).unwrap();
        let moon = When::from_text("4.5 billion years ago", CalendarHint::Auto).unwrap();
        assert!(
            moon.earliest.day() < earth.earliest.day(),
            "EDTF spans differ in width"
        );
        assert!(earth.sort_key() < moon.sort_key());
    }

    #[test]
    fn unknown_is_not_infinite() {
        let w = When::from_edtf("1950/").unwrap();
        assert_eq!(w.latest, Bound::Unknown);
        let (a, b) = w.axis_range();
        assert_eq!(a, b);
        let open = When::from_edtf("1950/..").unwrap();
        assert_eq!(open.axis_range().1, i64::MAX);
    }
}

//! The day-number axis: every date in annals is a day on one `i64` line.
//!
//! Day numbers are Rata Die: proleptic Gregorian `0001-01-01` is day 1, so `0000-12-31` is day 0.
//! Years are astronomical (`0` is 1 BC, `-43` is 44 BC). Conversions from calendar dates
//! (Gregorian or Julian) run in `i128`, so they are exact for every `i64` year; a result that does
//! not fit the `i64` axis is an error, never a silent clamp.

use std::fmt;

/// A day on the proleptic Gregorian Rata Die axis (`0001-01-01` = 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DayNumber(pub i64);

/// A calendar date: astronomical year, month 1–12, day 1–31.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    /// Astronomical year (`0` = 1 BC).
    pub year: i64,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

/// The calendar a written date was reckoned in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Calendar {
    /// The Gregorian calendar, extended backwards (proleptic) where needed.
    #[default]
    Gregorian,
    /// The Julian calendar (proleptic before 45 BC).
    Julian,
}

impl Calendar {
    /// The lowercase name used in JSON (`gregorian`, `julian`).
    pub fn name(self) -> &'static str {
        match self {
            Calendar::Gregorian => "gregorian",
            Calendar::Julian => "julian",
        }
    }

    /// Parse `gregorian` or `julian` (case-insensitive).
    pub fn from_name(name: &str) -> Option<Calendar> {
        if name.eq_ignore_ascii_case("gregorian") {
            Some(Calendar::Gregorian)
        } else if name.eq_ignore_ascii_case("julian") {
            Some(Calendar::Julian)
        } else {
            None
        }
    }

    /// Whether `year` is a leap year in this calendar (astronomical numbering).
    pub fn is_leap(self, year: i64) -> bool {
        match self {
            Calendar::Julian => year.rem_euclid(4) == 0,
            Calendar::Gregorian => {
                year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
            }
        }
    }

    /// Number of days in `month` of `year`, or `None` for a month outside 1–12.
    pub fn days_in_month(self, year: i64, month: u8) -> Option<u8> {
        Some(match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if self.is_leap(year) => 29,
            2 => 28,
            _ => return None,
        })
    }

    /// The day number of a date in this calendar, or `None` if the date does not exist
    /// (February 30, month 13) or falls outside the `i64` axis.
    pub fn to_day(self, date: Ymd) -> Option<DayNumber> {
        let dim = self.days_in_month(date.year, date.month)?;
        if date.day == 0 || date.day > dim {
            return None;
        }
        let rd = match self {
            Calendar::Gregorian => gregorian_rd(date),
            Calendar::Julian => julian_rd(date),
        };
        i64::try_from(rd).ok().map(DayNumber)
    }

    /// The date of a day number in this calendar, or `None` if its year does not fit `i64`.
    pub fn from_day(self, day: DayNumber) -> Option<Ymd> {
        match self {
            Calendar::Gregorian => gregorian_from_rd(i128::from(day.0)),
            Calendar::Julian => julian_from_rd(i128::from(day.0)),
        }
    }
}

/// Convert a date written in `from` into the proleptic Gregorian date of the same day.
pub fn to_gregorian(from: Calendar, date: Ymd) -> Option<Ymd> {
    match from {
        Calendar::Gregorian => Calendar::Gregorian.to_day(date).map(|_| date),
        Calendar::Julian => {
            let dim = Calendar::Julian.days_in_month(date.year, date.month)?;
            if date.day == 0 || date.day > dim {
                return None;
            }
            // In i128 throughout: exact even where the day number would not fit i64.
            gregorian_from_rd(julian_rd(date))
        }
    }
}

/// Days before `month`/`day` in a March-based year (March 1 = 0), as in the civil algorithms.
fn day_of_march_year(month: u8, day: u8) -> i128 {
    let m = i128::from(month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    (153 * mp + 2) / 5 + i128::from(day) - 1
}

/// Rata Die of 1970-01-01 Gregorian; the civil algorithms count from there.
const UNIX_EPOCH_RD: i128 = 719_163;
/// Offset between the Julian civil count (from 0000-03-01 Julian) and the Gregorian one.
const JULIAN_SHIFT: i128 = 2;

fn gregorian_rd(date: Ymd) -> i128 {
    let y = i128::from(date.year) - i128::from(date.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + day_of_march_year(date.month, date.day);
    era * 146_097 + doe - 719_468 + UNIX_EPOCH_RD
}

fn julian_rd(date: Ymd) -> i128 {
    let y = i128::from(date.year) - i128::from(date.month <= 2);
    let era = y.div_euclid(4);
    let yoe = y - era * 4;
    let doe = yoe * 365 + day_of_march_year(date.month, date.day);
    // Julian 0000-03-01 is Gregorian 0000-02-28 (two days apart at the start of the era).
    era * 1461 + doe - 719_468 - JULIAN_SHIFT + UNIX_EPOCH_RD
}

fn ymd_from_march_year(y: i128, doy: i128) -> Option<Ymd> {
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = y + i128::from(month <= 2);
    Some(Ymd {
        year: i64::try_from(year).ok()?,
        month: u8::try_from(month).ok()?,
        day: u8::try_from(day).ok()?,
    })
}

fn gregorian_from_rd(rd: i128) -> Option<Ymd> {
    let z = rd - UNIX_EPOCH_RD + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    ymd_from_march_year(yoe + era * 400, doy)
}

fn julian_from_rd(rd: i128) -> Option<Ymd> {
    let z = rd - UNIX_EPOCH_RD + 719_468 + JULIAN_SHIFT;
    let era = z.div_euclid(1461);
    let doe = z - era * 1461;
    let yoe = (doe - doe / 1460) / 365;
    let doy = doe - 365 * yoe;
    ymd_from_march_year(yoe + era * 4, doy)
}

impl DayNumber {
    /// Today (UTC), by the system clock; 1970-01-01 if the clock is before it.
    pub fn today() -> DayNumber {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        DayNumber(UNIX_EPOCH_RD as i64 + (secs / 86_400) as i64)
    }

    /// The proleptic Gregorian date of this day.
    ///
    /// Every `i64` day number has a Gregorian date whose year fits `i64`.
    pub fn ymd(self) -> Ymd {
        // |year| <= |day| / 365 + 1, so it always fits.
        gregorian_from_rd(i128::from(self.0)).unwrap_or(Ymd {
            year: 0,
            month: 1,
            day: 1,
        })
    }

    /// The day of the week, 0 for Monday to 6 for Sunday (the same in every calendar).
    pub fn weekday(self) -> u8 {
        // Rata Die 1, 1 January AD 1 (proleptic Gregorian), was a Monday.
        (self.0 - 1).rem_euclid(7) as u8
    }
}

/// English weekday names, Monday first (as [`DayNumber::weekday`] counts).
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// An astronomical year as written in English: `1960`, `44 BC` (year 0 is 1 BC).
pub fn year_written(year: i64) -> String {
    crate::style::ENGLISH.year(year)
}

impl Ymd {
    /// The month as written: "March 44 BC".
    pub fn month_written(&self) -> String {
        self.month_written_in(crate::lang::Language::English)
    }

    /// The month as `lang` writes it: "mars 44 av. J.-C.".
    pub fn month_written_in(&self, lang: crate::lang::Language) -> String {
        crate::style::style(lang).month(self.month, self.year)
    }

    /// The day as a historian writes it: "March 15, 44 BC" (which the text reader reads back).
    pub fn written(&self) -> String {
        self.written_in(crate::lang::Language::English)
    }

    /// The day as `lang`'s historians write it: "15 mars 44 av. J.-C.", "15. März 44 v. Chr.",
    /// "15 de marzo de 44 a. C." (which [`crate::lang::read_in`] reads back).
    pub fn written_in(&self, lang: crate::lang::Language) -> String {
        crate::style::style(lang).day(self.day, self.month, self.year)
    }
}

impl fmt::Display for Ymd {
    /// ISO 8601 with astronomical years: `1960-01-19`, `-0043-03-13`, `-13800000000-01-01`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year < 0 {
            write!(
                f,
                "-{:04}-{:02}-{:02}",
                self.year.unsigned_abs(),
                self.month,
                self.day
            )
        } else {
            write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }
}

impl fmt::Display for DayNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.ymd().fmt(f)
    }
}

/// Parse an ISO date with astronomical (possibly expanded) year: `1960-01-19`, `-0043-03-13`.
pub fn parse_iso_ymd(s: &str) -> Option<Ymd> {
    let (neg, rest) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let mut parts = rest.rsplitn(3, '-');
    let day = parts.next()?;
    let month = parts.next()?;
    let year = parts.next()?;
    if year.len() < 4 || day.len() != 2 || month.len() != 2 {
        return None;
    }
    if !(year.bytes().all(|b| b.is_ascii_digit())
        && month.bytes().all(|b| b.is_ascii_digit())
        && day.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let y: i64 = year.parse().ok()?;
    let date = Ymd {
        year: if neg { -y } else { y },
        month: month.parse().ok()?,
        day: day.parse().ok()?,
    };
    Calendar::Gregorian.to_day(date).map(|_| date)
}

/// A month and day written `MM-DD` (on-this-day questions): a real day of that month in some
/// year, so `02-29` is one and `02-30`, `04-31`, `13-01` are not.
pub fn month_day(text: &str) -> Result<(u8, u8), String> {
    let bad = || format!("{text:?}: expected MM-DD, a month and a day such as 07-14");
    let (m, d) = text.trim().split_once('-').ok_or_else(bad)?;
    let (m, d) = (
        m.parse::<u8>().map_err(|_| bad())?,
        d.parse::<u8>().map_err(|_| bad())?,
    );
    if !(1..=12).contains(&m) {
        return Err(format!("{text:?}: there is no month {m}"));
    }
    // A leap year has every day any year has.
    let days = Calendar::Gregorian.days_in_month(2000, m).unwrap_or(31);
    if !(1..=days).contains(&d) {
        return Err(format!("{text:?}: month {m} has no day {d}"));
    }
    Ok((m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_days() {
        assert_eq!(month_day("07-14"), Ok((7, 14)));
        assert_eq!(month_day("02-29"), Ok((2, 29)));
        for bad in [
            "02-30", "04-31", "13-01", "00-10", "7/14", "", "07-", "-07-14", "07-14-1",
        ] {
            assert!(month_day(bad).is_err(), "{bad}");
        }
    }

    fn ymd(year: i64, month: u8, day: u8) -> Ymd {
        Ymd { year, month, day }
    }

    #[test]
    fn rata_die_anchors() {
        assert_eq!(Calendar::Gregorian.to_day(ymd(1, 1, 1)), Some(DayNumber(1)));
        assert_eq!(
            Calendar::Gregorian.to_day(ymd(0, 12, 31)),
            Some(DayNumber(0))
        );
        assert_eq!(
            Calendar::Gregorian.to_day(ymd(2000, 1, 1)),
            Some(DayNumber(730_120))
        );
        assert_eq!(
            Calendar::Gregorian.to_day(ymd(1970, 1, 1)),
            Some(DayNumber(719_163))
        );
    }

    #[test]
    fn julian_anchors() {
        let g = |y, m, d| to_gregorian(Calendar::Julian, ymd(y, m, d)).unwrap();
        assert_eq!(g(1582, 10, 4), ymd(1582, 10, 14));
        assert_eq!(g(1752, 9, 2), ymd(1752, 9, 13));
        assert_eq!(g(-43, 3, 15), ymd(-43, 3, 13));
        assert_eq!(g(1642, 12, 25), ymd(1643, 1, 4));
        assert_eq!(g(1882, 3, 27), ymd(1882, 4, 8));
        // Julian and Gregorian agree in the 3rd century.
        assert_eq!(g(200, 3, 1), ymd(200, 3, 1));
    }

    #[test]
    fn impossible_dates() {
        assert_eq!(Calendar::Gregorian.to_day(ymd(1960, 2, 30)), None);
        assert_eq!(Calendar::Gregorian.to_day(ymd(1900, 2, 29)), None);
        assert!(Calendar::Julian.to_day(ymd(1900, 2, 29)).is_some());
        assert!(Calendar::Gregorian.to_day(ymd(-4, 2, 29)).is_some());
        assert!(Calendar::Gregorian.to_day(ymd(-1, 2, 29)).is_none());
        assert_eq!(Calendar::Gregorian.to_day(ymd(2000, 13, 1)), None);
        assert_eq!(Calendar::Gregorian.to_day(ymd(2000, 1, 0)), None);
    }

    #[test]
    fn extreme_years_are_exact_or_refused() {
        // Beyond the i64 day axis: refused, not clamped.
        assert_eq!(Calendar::Gregorian.to_day(ymd(i64::MAX, 12, 31)), None);
        // The calendar conversion itself is exact in i128 for huge years.
        let far = to_gregorian(Calendar::Julian, ymd(4_000_000_000_000_000_000, 3, 1)).unwrap();
        assert!(far.year > 4_000_000_000_000_000_000);
        assert_eq!(to_gregorian(Calendar::Julian, ymd(i64::MAX, 12, 31)), None);
        let deep = ymd(-13_800_000_000, 1, 1);
        let d = Calendar::Gregorian.to_day(deep).unwrap();
        assert_eq!(d.ymd(), deep);
        assert_eq!(d.to_string(), "-13800000000-01-01");
    }

    #[test]
    fn iso_parse_and_print() {
        assert_eq!(parse_iso_ymd("-0043-03-13"), Some(ymd(-43, 3, 13)));
        assert_eq!(ymd(-43, 3, 13).to_string(), "-0043-03-13");
        assert_eq!(
            parse_iso_ymd("-13800000000-01-01"),
            Some(ymd(-13_800_000_000, 1, 1))
        );
        assert_eq!(parse_iso_ymd("1960-02-30"), None);
        assert_eq!(parse_iso_ymd("60-01-01"), None);
    }

    proptest::proptest! {
        #[test]
        fn round_trips(day in -5_000_000_000_000i64..5_000_000_000_000i64) {
            for cal in [Calendar::Gregorian, Calendar::Julian] {
                let date = cal.from_day(DayNumber(day)).unwrap();
                proptest::prop_assert_eq!(cal.to_day(date), Some(DayNumber(day)));
            }
        }

        #[test]
        fn consecutive_days(day in -1_000_000_000i64..1_000_000_000i64) {
            let a = DayNumber(day).ymd();
            let b = DayNumber(day + 1).ymd();
            proptest::prop_assert!(b > a);
        }
    }
}

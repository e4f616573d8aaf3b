//! Feast days and Roman days of the month, as dated documents name them.
//!
//! - Fixed feasts ("Michaelmas" = 29 September, "Lady Day" = 25 March, "Christmas" =
//!   25 December, "St Crispin's Day" = 25 October, ...): a day of the month in the calendar of
//!   the text.
//! - Movable feasts from Easter ("Easter", "Good Friday", "Whitsun" = Easter + 49 days,
//!   "Ascension" = Easter + 39, ...). Easter is computed: by the Julian computus (Meeus's
//!   algorithm) when the year is reckoned in the Julian calendar, by the Gregorian computus
//!   (the anonymous Gregorian algorithm of *Nature*, 1876) otherwise. The result is a day in
//!   that calendar.
//! - Roman days: the Kalends (1st), Nones (5th, or 7th in March, May, July and October) and Ides
//!   (13th, or 15th in those months) of a month.
//!
//! The names are matched on the lowercase words of the date reader, with apostrophes and dots
//! dropped ("St. Crispin's" is `st crispins`) and "saint" read as "st".

use crate::day::{Calendar, Ymd};

/// What a feast name gives, before its year is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Feast {
    /// A fixed day of the month.
    Fixed { month: u8, day: u8 },
    /// This many days after Easter Sunday (negative: before).
    FromEaster(i16),
}

/// Fixed feasts, longest names first within a shared first word.
const FIXED: &[(&[&str], u8, u8)] = &[
    (&["new", "years", "day"], 1, 1),
    (&["new", "years", "eve"], 12, 31),
    (&["twelfth", "night"], 1, 5),
    (&["epiphany"], 1, 6),
    (&["candlemas"], 2, 2),
    (&["st", "valentines", "day"], 2, 14),
    (&["st", "davids", "day"], 3, 1),
    (&["st", "patricks", "day"], 3, 17),
    (&["lady", "day"], 3, 25),
    (&["annunciation"], 3, 25),
    (&["st", "georges", "day"], 4, 23),
    (&["may", "day"], 5, 1),
    (&["midsummer", "day"], 6, 24),
    (&["midsummer"], 6, 24),
    (&["st", "john", "the", "baptist"], 6, 24),
    (&["st", "peter", "and", "st", "paul"], 6, 29),
    (&["st", "swithins", "day"], 7, 15),
    (&["lammas", "day"], 8, 1),
    (&["lammas"], 8, 1),
    (&["assumption"], 8, 15),
    (&["st", "bartholomews", "day"], 8, 24),
    (&["michaelmas", "day"], 9, 29),
    (&["michaelmas"], 9, 29),
    (&["st", "crispins", "day"], 10, 25),
    (&["all", "hallows", "eve"], 10, 31),
    (&["halloween"], 10, 31),
    (&["all", "saints", "day"], 11, 1),
    (&["all", "saints"], 11, 1),
    (&["all", "hallows"], 11, 1),
    (&["hallowmas"], 11, 1),
    (&["all", "souls", "day"], 11, 2),
    (&["martinmas"], 11, 11),
    (&["st", "martins", "day"], 11, 11),
    (&["st", "andrews", "day"], 11, 30),
    (&["christmas", "eve"], 12, 24),
    (&["christmas", "day"], 12, 25),
    (&["christmas"], 12, 25),
    (&["st", "stephens", "day"], 12, 26),
    (&["boxing", "day"], 12, 26),
    (&["holy", "innocents"], 12, 28),
    (&["childermas"], 12, 28),
];

/// Movable feasts: days from Easter Sunday.
const MOVABLE: &[(&[&str], i16)] = &[
    (&["septuagesima", "sunday"], -63),
    (&["septuagesima"], -63),
    (&["shrove", "tuesday"], -47),
    (&["ash", "wednesday"], -46),
    (&["palm", "sunday"], -7),
    (&["maundy", "thursday"], -3),
    (&["good", "friday"], -2),
    (&["holy", "saturday"], -1),
    (&["easter", "sunday"], 0),
    (&["easter", "day"], 0),
    (&["easter", "monday"], 1),
    (&["easter"], 0),
    (&["low", "sunday"], 7),
    (&["rogation", "sunday"], 35),
    (&["ascension", "day"], 39),
    (&["ascension", "thursday"], 39),
    (&["ascension"], 39),
    (&["whit", "sunday"], 49),
    (&["whitsunday"], 49),
    (&["whitsun"], 49),
    (&["pentecost"], 49),
    (&["whit", "monday"], 50),
    (&["trinity", "sunday"], 56),
    (&["corpus", "christi"], 60),
];

/// The feast whose name starts `words` (already lowercased, "saint" as "st"), and how many
/// words it takes. The longest name wins ("Christmas Eve" over "Christmas").
pub(crate) fn feast(words: &[&str]) -> Option<(Feast, usize)> {
    let fixed = FIXED
        .iter()
        .filter(|(name, _, _)| words.starts_with(name))
        .map(|(name, month, day)| {
            (
                Feast::Fixed {
                    month: *month,
                    day: *day,
                },
                name.len(),
            )
        });
    let movable = MOVABLE
        .iter()
        .filter(|(name, _)| words.starts_with(name))
        .map(|(name, offset)| (Feast::FromEaster(*offset), name.len()));
    fixed.chain(movable).max_by_key(|(_, n)| *n)
}

/// The Roman day named by `word` ("kalends", "calends", "nones", "ides") in `month`.
pub(crate) fn roman_day(word: &str, month: u8) -> Option<u8> {
    // March, May, July and October have their Nones on the 7th and their Ides on the 15th.
    let long = matches!(month, 3 | 5 | 7 | 10);
    match word {
        "kalends" | "calends" | "kal" => Some(1),
        "nones" => Some(if long { 7 } else { 5 }),
        "ides" => Some(if long { 15 } else { 13 }),
        _ => None,
    }
}

/// Easter Sunday of `year` (astronomical, AD 1 or later) in `calendar`, as a date in that
/// calendar.
pub fn easter(year: i64, calendar: Calendar) -> Option<Ymd> {
    if year < 1 {
        return None;
    }
    let (month, day) = match calendar {
        Calendar::Julian => {
            // Meeus, Astronomical Algorithms, ch. 8: the Julian computus.
            let a = year % 4;
            let b = year % 7;
            let c = year % 19;
            let d = (19 * c + 15) % 30;
            let e = (2 * a + 4 * b - d + 34) % 7;
            let f = d + e + 114;
            (f / 31, f % 31 + 1)
        }
        Calendar::Gregorian => {
            // The anonymous Gregorian algorithm (Nature, 1876; Meeus ch. 8).
            let a = year % 19;
            let b = year / 100;
            let c = year % 100;
            let d = b / 4;
            let e = b % 4;
            let f = (b + 8) / 25;
            let g = (b - f + 1) / 3;
            let h = (19 * a + b - d - g + 15) % 30;
            let i = c / 4;
            let k = c % 4;
            let l = (32 + 2 * e + 2 * i - h - k) % 7;
            let m = (a + 11 * h + 22 * l) / 451;
            let n = h + l - 7 * m + 114;
            (n / 31, n % 31 + 1)
        }
    };
    Some(Ymd {
        year,
        month: u8::try_from(month).ok()?,
        day: u8::try_from(day).ok()?,
    })
}

/// The day of `feast` in `year`, as a date in `calendar`.
pub(crate) fn feast_day(feast: Feast, year: i64, calendar: Calendar) -> Option<Ymd> {
    match feast {
        Feast::Fixed { month, day } => Some(Ymd { year, month, day }),
        Feast::FromEaster(offset) => {
            let sunday = calendar.to_day(easter(year, calendar)?)?;
            calendar.from_day(crate::DayNumber(sunday.0.checked_add(i64::from(offset))?))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i64, m: u8, d: u8) -> Ymd {
        Ymd {
            year: y,
            month: m,
            day: d,
        }
    }

    #[test]
    fn gregorian_easter() {
        // Published Easter dates.
        for (year, month, day) in [
            (1916, 4, 23),
            (1961, 4, 2),
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2024, 3, 31),
            (2025, 4, 20),
            (1818, 3, 22),
            (2038, 4, 25),
            (1583, 4, 10),
        ] {
            assert_eq!(
                easter(year, Calendar::Gregorian),
                Some(ymd(year, month, day)),
                "{year}"
            );
        }
    }

    #[test]
    fn julian_easter() {
        // Meeus's examples and Orthodox Easter (Julian date) in recent years.
        for (year, month, day) in [
            (179, 4, 12),
            (711, 4, 12),
            (1243, 4, 12),
            (1066, 4, 16),
            (2008, 4, 14),
            (2010, 3, 22),
        ] {
            assert_eq!(
                easter(year, Calendar::Julian),
                Some(ymd(year, month, day)),
                "{year}"
            );
        }
        assert_eq!(easter(0, Calendar::Julian), None);
    }

    #[test]
    fn easter_is_a_sunday_in_its_range() {
        for year in 1..3000 {
            for cal in [Calendar::Julian, Calendar::Gregorian] {
                let e = easter(year, cal).unwrap();
                assert!(
                    (e.month, e.day) >= (3, 22) && (e.month, e.day) <= (4, 25),
                    "{year} {cal:?}: {e:?}"
                );
                let rd = cal.to_day(e).unwrap().0;
                // Rata Die 1 (1 January AD 1, proleptic Gregorian) was a Monday.
                assert_eq!(rd.rem_euclid(7), 0, "{year} {cal:?} is not a Sunday");
            }
        }
    }

    #[test]
    fn names() {
        assert_eq!(
            feast(&["michaelmas", "1066"]),
            Some((Feast::Fixed { month: 9, day: 29 }, 1))
        );
        assert_eq!(
            feast(&["christmas", "eve", "1914"]),
            Some((Feast::Fixed { month: 12, day: 24 }, 2))
        );
        assert_eq!(
            feast(&["easter", "monday"]),
            Some((Feast::FromEaster(1), 2))
        );
        assert_eq!(feast(&["whitsun"]), Some((Feast::FromEaster(49), 1)));
        assert_eq!(feast(&["may", "1968"]), None);
        assert_eq!(feast(&["st", "crispins", "day"]).map(|f| f.1), Some(3));
    }

    #[test]
    fn movable_feasts() {
        let whitsun = feast_day(Feast::FromEaster(49), 1916, Calendar::Gregorian).unwrap();
        assert_eq!(whitsun, ymd(1916, 6, 11));
        let good_friday = feast_day(Feast::FromEaster(-2), 1916, Calendar::Gregorian).unwrap();
        assert_eq!(good_friday, ymd(1916, 4, 21));
    }

    #[test]
    fn roman_days() {
        assert_eq!(roman_day("ides", 3), Some(15));
        assert_eq!(roman_day("ides", 1), Some(13));
        assert_eq!(roman_day("nones", 10), Some(7));
        assert_eq!(roman_day("nones", 2), Some(5));
        assert_eq!(roman_day("kalends", 8), Some(1));
        assert_eq!(roman_day("fortnight", 8), None);
    }
}

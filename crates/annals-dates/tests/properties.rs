//! Property tests: day dates and their bounds, the day axis order, Julian→Gregorian against
//! `icu_calendar` as an oracle (±9999 years, its constructor range) and against the closed-form
//! rule and fixed anchors everywhere, and no panics on arbitrary text.

use annals_dates::day::to_gregorian;
use annals_dates::{text, Bound, Calendar, CalendarHint, DayNumber, Edtf, When, Ymd};
use icu_calendar::cal::Julian;
use icu_calendar::{Date, Iso};
use proptest::prelude::*;

/// A valid proleptic Gregorian date with a four-digit (EDTF day-precision) year.
fn gregorian_date(years: std::ops::RangeInclusive<i64>) -> impl Strategy<Value = Ymd> {
    (years, 1u8..=12, 1u8..=31).prop_map(|(year, month, day)| {
        let dim = Calendar::Gregorian.days_in_month(year, month).unwrap();
        Ymd {
            year,
            month,
            day: day.min(dim),
        }
    })
}

/// A valid Julian date.
fn julian_date(years: std::ops::RangeInclusive<i64>) -> impl Strategy<Value = Ymd> {
    (years, 1u8..=12, 1u8..=31).prop_map(|(year, month, day)| {
        let dim = Calendar::Julian.days_in_month(year, month).unwrap();
        Ymd {
            year,
            month,
            day: day.min(dim),
        }
    })
}

fn edtf_of(d: Ymd) -> String {
    // Ymd's Display is ISO with astronomical years, which is EDTF for |year| <= 9999.
    d.to_string()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    /// (a) A day date is its own earliest and latest day, and prints back unchanged.
    #[test]
    fn day_dates_bound_themselves(d in gregorian_date(-9999..=9999)) {
        let s = edtf_of(d);
        let e = Edtf::parse(&s).unwrap();
        prop_assert_eq!(e.canonical(), s.clone());
        let day = Calendar::Gregorian.to_day(d).unwrap();
        prop_assert_eq!(e.bounds().unwrap(), (Bound::Day(day), Bound::Day(day)));
        let w = When::from_edtf(&s).unwrap();
        prop_assert_eq!(w.axis_range(), (day.0, day.0));
        prop_assert_eq!(day.ymd(), d);
    }

    /// (a) Day numbers increase with dates, and by one per day.
    #[test]
    fn day_numbers_follow_dates(a in gregorian_date(-9999..=9999), b in gregorian_date(-9999..=9999)) {
        let da = Calendar::Gregorian.to_day(a).unwrap();
        let db = Calendar::Gregorian.to_day(b).unwrap();
        prop_assert_eq!(a.cmp(&b), da.cmp(&db));
        prop_assert!(DayNumber(da.0 + 1).ymd() > a);
    }

    /// (a) The same far beyond four-digit years (deep time), where EDTF has only years.
    #[test]
    fn day_numbers_follow_dates_in_deep_time(
        a in gregorian_date(-20_000_000_000_000..=20_000_000_000_000),
        b in gregorian_date(-20_000_000_000_000..=20_000_000_000_000),
    ) {
        let da = Calendar::Gregorian.to_day(a).unwrap();
        let db = Calendar::Gregorian.to_day(b).unwrap();
        prop_assert_eq!(a.cmp(&b), da.cmp(&db));
        prop_assert_eq!(da.ymd(), a);
    }

    /// (a) A year's bounds are its first and last day, also for `Y` years.
    #[test]
    fn year_bounds(y in -9_000_000_000_000i64..=9_000_000_000_000) {
        let s = if y.unsigned_abs() > 9999 {
            format!("Y{y}")
        } else if y < 0 {
            format!("-{:04}", y.unsigned_abs())
        } else {
            format!("{y:04}")
        };
        let (a, b) = Edtf::parse(&s).unwrap().bounds().unwrap();
        let first = Calendar::Gregorian.to_day(Ymd { year: y, month: 1, day: 1 }).unwrap();
        let last = Calendar::Gregorian.to_day(Ymd { year: y, month: 12, day: 31 }).unwrap();
        prop_assert_eq!((a, b), (Bound::Day(first), Bound::Day(last)));
    }

    /// (b) Julian → Gregorian agrees with icu_calendar, within its ±9999 years.
    #[test]
    fn julian_to_gregorian_matches_icu(j in julian_date(-9999..=9999)) {
        let ours = to_gregorian(Calendar::Julian, j).unwrap();
        let icu = Date::try_new_julian(j.year as i32, j.month, j.day).unwrap();
        let iso = icu.to_calendar(Iso);
        let theirs = Ymd {
            year: i64::from(iso.year().extended_year()),
            month: iso.month().ordinal,
            day: iso.day_of_month().0,
        };
        prop_assert_eq!(ours, theirs);
        // Same day number as icu's Rata Die (both count 0001-01-01 as day 1).
        let day = Calendar::Julian.to_day(j).unwrap();
        prop_assert_eq!(day.0, icu.to_rata_die().to_i64_date());
    }

    /// (b) Gregorian → Julian agrees with icu_calendar too.
    #[test]
    fn gregorian_to_julian_matches_icu(g in gregorian_date(-9999..=9999)) {
        let day = Calendar::Gregorian.to_day(g).unwrap();
        let ours = Calendar::Julian.from_day(day).unwrap();
        let iso = Date::try_new_iso(g.year as i32, g.month, g.day).unwrap();
        prop_assert_eq!(day.0, iso.to_rata_die().to_i64_date());
        let jul = iso.to_calendar(Julian);
        let theirs = Ymd {
            year: i64::from(jul.year().extended_year()),
            month: jul.month().ordinal,
            day: jul.day_of_month().0,
        };
        prop_assert_eq!(ours, theirs);
    }

    /// (b) The closed-form rule over the whole range: the Julian date runs behind the Gregorian
    /// one of the same label by floor(Y/100) - floor(Y/400) - 2 days, Y the year counted from
    /// March (January and February belong to the year before).
    #[test]
    fn julian_gregorian_difference_rule(j in julian_date(-1_000_000_000_000..=1_000_000_000_000)) {
        // The same label must exist in both calendars (not Julian-only February 29s).
        let greg_day = Calendar::Gregorian.to_day(j);
        prop_assume!(greg_day.is_some());
        let jul_day = Calendar::Julian.to_day(j).unwrap();
        let y = if j.month <= 2 { j.year - 1 } else { j.year };
        let diff = y.div_euclid(100) - y.div_euclid(400) - 2;
        prop_assert_eq!(jul_day.0 - greg_day.unwrap().0, diff);
    }

    /// (c) Arbitrary text never panics, and whatever is read is valid EDTF with bounds.
    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,40}") {
        check_no_panic(&s)?;
    }

    /// (c) The same for text made of date-like pieces, which reaches deeper into both parsers.
    #[test]
    fn date_like_text_never_panics(parts in prop::collection::vec((piece(), any::<bool>()), 0..8)) {
        let s: String = parts
            .iter()
            .map(|(p, space)| if *space { format!("{p} ") } else { p.clone() })
            .collect();
        check_no_panic(s.trim_end())?;
    }
}

/// Inputs that once overflowed or are easy to get wrong: they must not panic.
#[test]
fn nasty_inputs_never_panic() {
    for s in [
        "after 9223372036854775807",
        "after the 9223372036854775800s",
        "the 9223372036854775800s BC",
        "early 9223372036854775800s",
        "9223372036854775807/0",
        "9223372036854775807 or 1",
        "before -9223372036854775807",
        "after December 31, 25252734927766554",
        "before January 1, 25252734927764585 BC",
        "9223372036854775807 million years ago",
        "9223372036854775807 BP",
        "Y9223372036854775807",
        "Y-9223372036854775808",
        "Y9E18",
        "Y-9E18S1",
        "Y17E200",
        "-9999-12-31/Y9223372036854775807",
        "[..Y-9223372036854775808]",
        "-0XXX~",
        "-XXXX",
        "-01XX%",
    ] {
        check_no_panic(s).unwrap();
    }
}

/// Pieces of dates, EDTF and English, including extreme numbers.
fn piece() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        " ",
        "-",
        "–",
        "/",
        "?",
        "~",
        "%",
        "X",
        "XX",
        "Y",
        "Y-",
        "E",
        "S",
        "[",
        "]",
        "{",
        "}",
        "..",
        ",",
        "(",
        ")",
        ".",
        "'",
        "T",
        ":",
        "Z",
        "+",
        "u",
        "0",
        "00",
        "1",
        "12",
        "29",
        "31",
        "99",
        "100",
        "999",
        "1582",
        "1752",
        "1960",
        "9999",
        "10000",
        "1960s",
        "1800s",
        "40s",
        "21st",
        "5th",
        "19th",
        "January",
        "Feb",
        "March",
        "Sept.",
        "October",
        "spring",
        "winter",
        "BC",
        "B.C.",
        "BCE",
        "AD",
        "CE",
        "c.",
        "circa",
        "about",
        "probably",
        "early",
        "mid",
        "late",
        "the",
        "year",
        "century",
        "millennium",
        "between",
        "and",
        "or",
        "before",
        "after",
        "since",
        "until",
        "by",
        "from",
        "to",
        "million",
        "billion",
        "thousand",
        "years",
        "ago",
        "BP",
        "Ma",
        "ka",
        "Ga",
        "O.S.",
        "N.S.",
        "(OS)",
        "Tuesday",
        "of",
        "9223372036854775807",
        "9223372036854775800",
        "18446744073709551616",
        "25000000000000000",
        "4.54",
        "0.5",
    ])
    .prop_map(str::to_string);
    prop_oneof![
        8 => fixed,
        1 => (0i64..=i64::MAX).prop_map(|n| n.to_string()),
        1 => "[0-9X]{1,6}",
    ]
}

fn check_no_panic(s: &str) -> Result<(), TestCaseError> {
    if let Ok(e) = Edtf::parse(s) {
        let _ = e.bounds();
        let _ = e.precision();
        let again = Edtf::parse(&e.canonical());
        prop_assert!(
            again.is_ok(),
            "{s:?}: canonical {:?} does not parse",
            e.canonical()
        );
    }
    for hint in [
        CalendarHint::Auto,
        CalendarHint::Given(Calendar::Julian),
        CalendarHint::Given(Calendar::Gregorian),
    ] {
        if let Ok(r) = text::read(s, hint) {
            let e = Edtf::parse(&r.edtf);
            prop_assert!(e.is_ok(), "{s:?} read as {:?}, not EDTF", r.edtf);
            prop_assert!(
                e.unwrap().bounds().is_ok(),
                "{s:?} read as {:?} without bounds",
                r.edtf
            );
        }
    }
    let _ = When::from_text(s, CalendarHint::Auto);
    Ok(())
}

#[test]
fn julian_anchors() {
    let g = |y, m, d| {
        to_gregorian(
            Calendar::Julian,
            Ymd {
                year: y,
                month: m,
                day: d,
            },
        )
        .unwrap()
    };
    let ymd = |year, month, day| Ymd { year, month, day };
    assert_eq!(g(1582, 10, 4), ymd(1582, 10, 14));
    assert_eq!(g(1752, 9, 2), ymd(1752, 9, 13));
    assert_eq!(g(-43, 3, 15), ymd(-43, 3, 13));
    // And so says icu_calendar.
    for (j, want) in [
        ((1582, 10, 4), ymd(1582, 10, 14)),
        ((1752, 9, 2), ymd(1752, 9, 13)),
        ((-43, 3, 15), ymd(-43, 3, 13)),
    ] {
        let iso = Date::try_new_julian(j.0, j.1, j.2)
            .unwrap()
            .to_calendar(Iso);
        assert_eq!(
            ymd(
                i64::from(iso.year().extended_year()),
                iso.month().ordinal,
                iso.day_of_month().0
            ),
            want
        );
    }
}

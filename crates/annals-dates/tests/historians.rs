//! Dates as historians write them (issue 13 §2): every string the issue names, read through the
//! public API as the formats read them.

use annals_dates::{text, Bound, Calendar, CalendarHint, DayNumber, Edtf, Precision, When, Ymd};

fn when(text: &str) -> When {
    When::from_text(text, CalendarHint::Auto).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

fn edtf(text: &str) -> String {
    when(text).edtf
}

fn day(year: i64, month: u8, day: u8) -> Bound {
    Bound::Day(
        Calendar::Gregorian
            .to_day(Ymd { year, month, day })
            .unwrap(),
    )
}

fn first_day(b: Bound) -> DayNumber {
    match b {
        Bound::Day(d) => d,
        other => panic!("not a day: {other:?}"),
    }
}

#[test]
fn two_digit_second_years_are_year_ranges() {
    for (text, want) in [
        ("1939-41", "1939/1941"),
        ("1921-24", "1921/1924"),
        ("1914-21", "1914/1921"),
    ] {
        assert_eq!(edtf(text), want, "{text}");
    }
    let w = when("1939-41");
    assert_eq!(w.earliest, day(1939, 1, 1));
    assert_eq!(w.latest, day(1941, 12, 31));
    // Strict EDTF keeps its sub-year codes: in an EDTF field, or marked as EDTF in text.
    assert_eq!(
        When::from_edtf("1939-41").unwrap().latest,
        day(1939, 12, 31)
    );
    assert_eq!(edtf("EDTF: 1939-41"), "1939-41");
    assert_eq!(when("EDTF: 1939-41").text, None);
}

#[test]
fn first_century_and_millennium_start_in_ad_1() {
    for text in [
        "1st century (AD)",
        "1st century AD",
        "1st century",
        "AD 1st century",
    ] {
        let w = When::from_text(text, CalendarHint::Auto);
        let Ok(w) = w else { continue };
        assert_eq!(w.earliest, day(1, 1, 1), "{text}");
        assert_eq!(w.precision, Precision::Century, "{text}");
    }
    assert_eq!(when("1st century (AD)").earliest, day(1, 1, 1));
    assert_eq!(when("1st millennium").earliest, day(1, 1, 1));
    assert_eq!(when("1st millennium").precision, Precision::Millennium);
    let bc = when("1st century BC");
    assert_eq!(bc.latest, day(0, 12, 31));
    assert!(first_day(bc.latest) < first_day(when("1st century (AD)").earliest));
    assert!(
        first_day(when("1st millennium BC").latest) < first_day(when("1st millennium").earliest)
    );
}

#[test]
fn old_style_dual_years_are_one_day() {
    let w = when("11 February 1731/2");
    assert_eq!(w.edtf, "1732-02-22");
    assert_eq!(w.earliest, w.latest);
    assert_eq!(w.calendar, Calendar::Julian);
    assert_eq!(edtf("February 11, 1731/32"), "1732-02-22");
    // After Lady Day the Old Style year is the year as counted now: no dual dating.
    assert_eq!(edtf("1683/4"), edtf("1683/1684"));
}

#[test]
fn day_ranges_with_the_month_first() {
    assert_eq!(edtf("January 19–21, 1960"), "1960-01-19/1960-01-21");
    assert_eq!(edtf("January 19-21, 1960"), "1960-01-19/1960-01-21");
    assert_eq!(edtf("19–21 January 1960"), "1960-01-19/1960-01-21");
}

#[test]
fn weekdays_are_checked() {
    let r = text::read("Monday, January 19, 1960", CalendarHint::Auto).unwrap();
    assert_eq!(r.edtf, "1960-01-19");
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(r.warnings[0].contains("was a Tuesday"), "{:?}", r.warnings);
    let ok = text::read("Tuesday, January 19, 1960", CalendarHint::Auto).unwrap();
    assert!(ok.warnings.is_empty(), "{:?}", ok.warnings);
    // The weekday of a Julian day is its own: Saturday 14 October 1066.
    let hastings = text::read("Saturday, October 14, 1066", CalendarHint::Auto).unwrap();
    assert!(hastings.warnings.is_empty(), "{:?}", hastings.warnings);
}

#[test]
fn kilo_years_are_known_to_the_thousand() {
    let w = when("300 ka");
    let (Bound::Day(lo), Bound::Day(hi)) = (w.earliest, w.latest) else {
        panic!("{w:?}");
    };
    assert!(hi.0 - lo.0 >= 365 * 999, "{}: one year only", w.edtf);
    // 12,900 BP stays a year: BP is counted in years.
    assert_eq!(edtf("12,900 BP"), "Y-10950");
}

#[test]
fn feast_days() {
    // Julian 15 March 44 BC.
    assert_eq!(edtf("Ides of March 44 BC"), "-0043-03-13");
    assert_eq!(edtf("the Ides of March, 44 BC"), "-0043-03-13");
    assert_eq!(when("Ides of March 44 BC").calendar, Calendar::Julian);
    assert_eq!(edtf("Easter 1916"), "1916-04-23");
    // Julian Easter 1066 was 16 April (Julian), 22 April proleptic Gregorian.
    assert_eq!(edtf("Easter 1066"), "1066-04-22");
    // Michaelmas, 29 September 1066 (Julian).
    assert_eq!(edtf("Michaelmas 1066"), "1066-10-05");
    assert_eq!(edtf("St Crispin's Day 1415"), "1415-11-03");
    assert_eq!(edtf("Christmas Day 1066"), "1066-12-31");
    assert_eq!(edtf("Whitsun 1916"), "1916-06-11");
    assert!(When::from_text("Easter 44 BC", CalendarHint::Auto).is_err());
    assert!(When::from_text("Easter", CalendarHint::Auto).is_err());
}

#[test]
fn edtf_corner_cases() {
    for (input, canonical) in [
        ("-00XX", "-0099/-0001"),
        ("-0XXX", "-0999/-0001"),
        ("-01XX/0100", "-0199/0100"),
        ("-01XX-05", "-0199-05/-0100-05"),
    ] {
        assert_eq!(
            Edtf::parse(input).unwrap().canonical(),
            canonical,
            "{input}"
        );
    }
    for input in ["-00XX", "-0XXX", "-0043S2"] {
        let w = When::from_edtf(input).unwrap();
        assert_eq!(w.latest, day(-1, 12, 31), "{input}");
    }
    assert!(Edtf::parse("-0000").is_err());
    let e = Edtf::parse("-0043-03-15T12:00:00").unwrap_err().to_string();
    assert!(!e.contains("complete"), "{e}");
    assert!(e.contains("BC"), "{e}");
}

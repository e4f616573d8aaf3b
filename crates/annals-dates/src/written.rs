//! Dates for people. Every date shown to a person reads as historians write it: the text as it
//! was written when there is one; otherwise the EDTF written out ("August 31, 31 BC" for
//! `-0030-08-31`, "c. 1000" for `1000~`, "the 1960s" for `196X`, "1914–1918", "spring 1943",
//! "4.54 billion years ago"). EDTF stays in the data; forms this module does not know are
//! shown as EDTF rather than guessed at.

use crate::day::{parse_iso_ymd, year_written, Ymd, MONTH_NAMES};
use crate::period::{grouped, years_written};
use crate::{Calendar, Precision, When};

impl When {
    /// The date as people read it (see the module documentation).
    pub fn written(&self) -> String {
        match &self.text {
            Some(t) if !t.trim().is_empty() => t.clone(),
            _ => edtf_written(&self.edtf),
        }
    }

    /// What a reader needs to know of the calendar, if anything: "Julian calendar; Gregorian
    /// October 20, 1066" for a Julian day, "Julian calendar" for a coarser Julian date.
    pub fn calendar_note(&self) -> Option<String> {
        if self.calendar != Calendar::Julian {
            return None;
        }
        Some(match self.gregorian_day() {
            Some(g) => format!("Julian calendar; Gregorian {g}"),
            None => "Julian calendar".to_string(),
        })
    }

    /// The date as people read it with its calendar note: "October 14, 1066 (Julian calendar;
    /// Gregorian October 20, 1066)".
    pub fn written_with_calendar(&self) -> String {
        match self.calendar_note() {
            Some(note) => format!("{} ({note})", self.written()),
            None => self.written(),
        }
    }

    /// For a day reckoned in the Julian calendar: the same day in the Gregorian calendar, as
    /// written ("October 20, 1066" for the Battle of Hastings, Julian October 14).
    pub fn gregorian_day(&self) -> Option<String> {
        if self.calendar != Calendar::Julian || !matches!(self.precision, Precision::Day) {
            return None;
        }
        let day = self.earliest.day()?;
        (self.latest.day() == Some(day)).then(|| day.ymd().written())
    }
}

/// A date someone typed, for a reader: EDTF (`-0026`) written out as historians write it
/// ("27 BC"); words ("AD 180", "27 BC") and anything that does not read, as typed.
pub fn text_written(text: &str) -> String {
    match crate::When::from_edtf(text.trim()) {
        Ok(w) => edtf_written(&w.edtf),
        Err(_) => text.to_string(),
    }
}

/// An EDTF value written out as historians write it, or the EDTF itself when its form is not
/// one this module knows.
pub fn edtf_written(edtf: &str) -> String {
    written(edtf.trim()).unwrap_or_else(|| edtf.to_string())
}

fn written(edtf: &str) -> Option<String> {
    if let Some(inner) = edtf.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
        return one_of(inner);
    }
    if let Some(inner) = edtf.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
        let all: Option<Vec<String>> = inner.split(',').map(point).collect();
        return all.map(|v| listed(&v, "and"));
    }
    match edtf.split_once('/') {
        Some(("..", b)) => Some(format!("until {}", point(b)?)),
        Some((a, "..")) => Some(format!("{} onwards", point(a)?)),
        Some(("", b)) => Some(format!("? – {}", point(b)?)),
        Some((a, "")) => Some(format!("{} – ?", point(a)?)),
        Some((a, b)) => span(a, b),
        None => point(edtf),
    }
}

/// `a, b or c`.
fn listed(items: &[String], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
    }
}

/// The inside of `[...]`: one of several dates.
fn one_of(inner: &str) -> Option<String> {
    if let Some((a, b)) = inner.split_once("..") {
        if !inner.contains(',') {
            return match (a, b) {
                ("", b) => Some(format!("{} or earlier", point(b)?)),
                (a, "") => Some(format!("{} or later", point(a)?)),
                (a, b) => Some(format!("between {} and {}", point(a)?, point(b)?)),
            };
        }
    }
    let all: Option<Vec<String>> = inner.split(',').map(point).collect();
    all.map(|v| listed(&v, "or"))
}

/// `a/b`: years as a span ("1914–1918", "100–44 BC"), other dates with a dash between.
fn span(a: &str, b: &str) -> Option<String> {
    let year = |s: &str| -> Option<i64> {
        let digits = s.strip_prefix('-').unwrap_or(s);
        (digits.len() == 4 && digits.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    if let (Some(x), Some(y)) = (year(a), year(b)) {
        return Some(years_written(x, y));
    }
    Some(format!("{} – {}", point(a)?, point(b)?))
}

/// One date, with its qualifier: `1000~` is "c. 1000", `1066?` is "1066?", `1066%` "c. 1066?".
fn point(s: &str) -> Option<String> {
    let (body, q) = match s.as_bytes().last()? {
        b'~' => (&s[..s.len() - 1], "~"),
        b'?' => (&s[..s.len() - 1], "?"),
        b'%' => (&s[..s.len() - 1], "%"),
        _ => (s, ""),
    };
    let plain = bare(body)?;
    Some(match q {
        "~" => format!("c. {plain}"),
        "?" => format!("{plain}?"),
        "%" => format!("c. {plain}?"),
        _ => plain,
    })
}

/// A date without a qualifier.
fn bare(s: &str) -> Option<String> {
    if let Some(y) = s.strip_prefix('Y') {
        return deep(y);
    }
    let (neg, rest) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let mut parts = rest.split('-');
    let year = parts.next()?;
    let month = parts.next();
    let day = parts.next();
    if parts.next().is_some() || year.len() != 4 {
        return None;
    }
    if year.contains('X') {
        return (month.is_none() && !neg).then(|| masked(year)).flatten();
    }
    let y: i64 = year.parse().ok()?;
    let y = if neg { -y } else { y };
    match (month, day) {
        (None, None) => Some(year_written(y)),
        (Some(m), None) => {
            let m: u8 = m.parse().ok()?;
            match m {
                1..=12 => Some(format!(
                    "{} {}",
                    MONTH_NAMES[usize::from(m - 1)],
                    year_written(y)
                )),
                21..=24 => Some(format!(
                    "{} {}",
                    ["spring", "summer", "autumn", "winter"][usize::from(m - 21)],
                    year_written(y)
                )),
                33..=36 => Some(format!("Q{} {}", m - 32, year_written(y))),
                37..=39 => Some(
                    format!(
                        "{} {}",
                        ["early", "mid-", "late"][usize::from(m - 37)],
                        year_written(y)
                    )
                    .replace("- ", "-"),
                ),
                40 | 41 => Some(format!(
                    "{} half of {}",
                    if m == 40 { "first" } else { "second" },
                    year_written(y)
                )),
                _ => None,
            }
        }
        (Some(_), Some(_)) => {
            let ymd: Ymd = parse_iso_ymd(s)?;
            Some(ymd.written())
        }
        (None, Some(_)) => None,
    }
}

/// `196X` → "the 1960s", `18XX` → "the 1800s", `1XXX` → "1000–1999".
fn masked(year: &str) -> Option<String> {
    let swept = year.bytes().rev().take_while(|&b| b == b'X').count();
    let head = &year[..4 - swept];
    if head.contains('X') || head.is_empty() {
        return None;
    }
    let start: i64 = head.parse::<i64>().ok()? * 10i64.pow(swept as u32);
    match swept {
        1 | 2 if start > 0 => Some(format!("the {start}s")),
        _ => Some(years_written(
            start.max(1),
            start + 10i64.pow(swept as u32) - 1,
        )),
    }
}

/// `Y-4540000000S3` → "4.54 billion years ago"; `Y-10950` → "12,900 years ago" (before 1950,
/// as "BP" counts); `Y170000002` → "AD 170,000,002".
fn deep(s: &str) -> Option<String> {
    let (num, sig) = match s.split_once('S') {
        Some((n, d)) => (n, Some(d.parse::<u32>().ok()?)),
        None => (s, None),
    };
    let year: i64 = num.parse().ok()?;
    if year > 0 {
        return Some(format!("AD {}", grouped(year)));
    }
    let ago = year.checked_neg()?;
    let scaled = |unit: f64, word: &str| {
        let v = ago as f64 / unit;
        let digits = sig.unwrap_or(3).max(1);
        let whole = (v.abs().log10().floor() as i32 + 1).max(1);
        let decimals = (digits as i32 - whole).clamp(0, 6) as usize;
        let text = format!("{v:.decimals$}");
        let text = if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            text
        };
        format!("{text} {word} years ago")
    };
    Some(if ago >= 1_000_000_000 {
        scaled(1e9, "billion")
    } else if ago >= 1_000_000 {
        scaled(1e6, "million")
    } else {
        format!("{} years ago", grouped(1950 - year))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CalendarHint;

    #[test]
    fn typed_dates_are_written_out() {
        assert_eq!(text_written("-0026"), "27 BC");
        assert_eq!(text_written("AD 180"), "AD 180");
        assert_eq!(text_written("1066-10-14"), "October 14, 1066");
        assert_eq!(text_written("not a date"), "not a date");
    }

    #[test]
    fn edtf_as_historians_write_it() {
        for (edtf, text) in [
            ("-0030-08-31", "August 31, 31 BC"),
            ("-0044-03-15", "March 15, 45 BC"),
            ("1066-10-20", "October 20, 1066"),
            ("-0043-03", "March 44 BC"),
            ("-0043", "44 BC"),
            ("0000", "1 BC"),
            ("0001", "1"),
            ("1000~", "c. 1000"),
            ("1066?", "1066?"),
            ("1066%", "c. 1066?"),
            ("196X", "the 1960s"),
            ("18XX", "the 1800s"),
            ("1XXX", "1000–1999"),
            ("1914/1918", "1914–1918"),
            ("-0099/-0043", "100–44 BC"),
            ("-0043/0014", "44 BC – AD 14"),
            (
                "1939-09-01/1945-09-02",
                "September 1, 1939 – September 2, 1945",
            ),
            ("1950/..", "1950 onwards"),
            ("../1950", "until 1950"),
            ("1950/", "1950 – ?"),
            ("1943-21", "spring 1943"),
            ("1943-38", "mid-1943"),
            ("[1683,1684]", "1683 or 1684"),
            ("[1450..1460]", "between 1450 and 1460"),
            ("[..1199]", "1199 or earlier"),
            ("[1929..]", "1929 or later"),
            ("{1667,1668}", "1667 and 1668"),
            ("Y-4540000000S3", "4.54 billion years ago"),
            ("Y-13800000000S3", "13.8 billion years ago"),
            ("Y-66000000S2", "66 million years ago"),
            ("Y-10950", "12,900 years ago"),
        ] {
            assert_eq!(edtf_written(edtf), text, "{edtf}");
        }
        // Forms it does not know stay EDTF.
        assert_eq!(edtf_written("2004-06-~11"), "2004-06-~11");
    }

    #[test]
    fn written_reads_back() {
        // What is shown can be typed back in and means the same.
        for edtf in [
            "-0030-08-31",
            "-0043",
            "1914/1918",
            "-0099/-0043",
            "196X",
            "1943-21",
            "Y-4540000000S3",
            "Y-66000000S2",
            "Y-10950",
            "1000~",
            "1066?",
        ] {
            let w = When::from_edtf(edtf).unwrap();
            let back = When::from_text(&w.written(), CalendarHint::Given(Calendar::Gregorian))
                .unwrap_or_else(|e| panic!("{edtf}: {}: {e}", w.written()));
            assert_eq!(back.edtf, w.edtf, "{edtf} → {}", w.written());
        }
    }

    #[test]
    fn the_text_wins_and_julian_days_have_a_gregorian_twin() {
        let h = When::from_text("October 14, 1066", CalendarHint::Auto).unwrap();
        assert_eq!(h.written(), "October 14, 1066");
        assert_eq!(h.gregorian_day().as_deref(), Some("October 20, 1066"));
        assert_eq!(
            h.written_with_calendar(),
            "October 14, 1066 (Julian calendar; Gregorian October 20, 1066)"
        );
        let g = When::from_text("July 14, 1789", CalendarHint::Auto).unwrap();
        assert_eq!(g.gregorian_day(), None);
        assert_eq!(
            When::from_edtf("-0030-08-31").unwrap().written(),
            "August 31, 31 BC"
        );
    }
}

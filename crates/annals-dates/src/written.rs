//! Dates for people. Every date shown to a person reads as historians write it: the text as it
//! was written when there is one; otherwise the EDTF written out ("August 31, 31 BC" for
//! `-0030-08-31`, "c. 1000" for `1000~`, "the 1960s" for `196X`, "1914–1918", "spring 1943",
//! "4.54 billion years ago"). EDTF stays in the data; forms this module does not know are
//! shown as EDTF rather than guessed at.
//!
//! The same in French, German and Spanish (`*_in`): "31 août 31 av. J.-C.", "vers 1000", "die
//! 1960er Jahre", "hace 4540 millones de años"; a date's text is kept when it is written in the
//! reader's language, and written out from its EDTF otherwise.

use crate::day::{parse_iso_ymd, Ymd};
use crate::lang::{read_any, Language};
use crate::style::{fill, style, Style};
use crate::{Calendar, CalendarHint, Precision, When};

impl When {
    /// The date as people read it (see the module documentation).
    pub fn written(&self) -> String {
        match &self.text {
            Some(t) if !t.trim().is_empty() => t.clone(),
            _ => self.written_out_in(Language::English),
        }
    }

    /// The date as people reading `lang` read it: its text when that is written in `lang` (or
    /// in no language annals reads, such as "the reign of Edward III"), else its EDTF written
    /// out in `lang`. English is [`When::written`].
    pub fn written_in(&self, lang: Language) -> String {
        match &self.text {
            Some(t) if !t.trim().is_empty() && lang == Language::English => t.clone(),
            Some(t) if !t.trim().is_empty() => match read_any(t, CalendarHint::Auto) {
                Ok((_, l)) if l != lang => self.written_out_in(lang),
                _ => t.clone(),
            },
            _ => self.written_out_in(lang),
        }
    }

    /// Written out from the date itself, whatever its text: a day in its own calendar (the EDTF
    /// is Gregorian: Caesar's Julian 15 March 44 BC is `-0043-03-13`), anything else from its
    /// EDTF.
    pub fn written_out_in(&self, lang: Language) -> String {
        let day = match (self.calendar, self.precision) {
            (Calendar::Julian, Precision::Day) => self
                .earliest
                .day()
                .filter(|d| self.latest.day() == Some(*d))
                .and_then(|d| Calendar::Julian.from_day(d)),
            _ => None,
        };
        match day {
            Some(ymd) => ymd.written_in(lang),
            None => edtf_written_in(&self.edtf, lang),
        }
    }

    /// What a reader needs to know of the calendar, if anything: "Julian calendar; Gregorian
    /// October 20, 1066" for a Julian day, "Julian calendar" for a coarser Julian date.
    pub fn calendar_note(&self) -> Option<String> {
        self.calendar_note_in(Language::English)
    }

    /// [`When::calendar_note`] in `lang`: "calendrier julien ; grégorien 20 octobre 1066".
    pub fn calendar_note_in(&self, lang: Language) -> Option<String> {
        if self.calendar != Calendar::Julian {
            return None;
        }
        let st = style(lang);
        Some(match self.gregorian_day_in(lang) {
            Some(g) => fill(st.julian_gregorian, &[("d", &g)]),
            None => st.julian.to_string(),
        })
    }

    /// The date as people read it with its calendar note: "October 14, 1066 (Julian calendar;
    /// Gregorian October 20, 1066)".
    pub fn written_with_calendar(&self) -> String {
        self.written_with_calendar_in(Language::English)
    }

    /// [`When::written_with_calendar`] in `lang`.
    pub fn written_with_calendar_in(&self, lang: Language) -> String {
        match self.calendar_note_in(lang) {
            Some(note) => format!("{} ({note})", self.written_in(lang)),
            None => self.written_in(lang),
        }
    }

    /// For a day reckoned in the Julian calendar: the same day in the Gregorian calendar, as
    /// written ("October 20, 1066" for the Battle of Hastings, Julian October 14).
    pub fn gregorian_day(&self) -> Option<String> {
        self.gregorian_day_in(Language::English)
    }

    /// [`When::gregorian_day`] in `lang`.
    pub fn gregorian_day_in(&self, lang: Language) -> Option<String> {
        if self.calendar != Calendar::Julian || !matches!(self.precision, Precision::Day) {
            return None;
        }
        let day = self.earliest.day()?;
        (self.latest.day() == Some(day)).then(|| day.ymd().written_in(lang))
    }
}

/// A date someone typed, for a reader: EDTF (`-0026`) written out as historians write it
/// ("27 BC"); words ("AD 180", "27 BC") and anything that does not read, as typed.
pub fn text_written(text: &str) -> String {
    text_written_in(text, Language::English)
}

/// [`text_written`] in `lang`: `-0026` is "27 av. J.-C." in French.
pub fn text_written_in(text: &str, lang: Language) -> String {
    match crate::When::from_edtf(text.trim()) {
        Ok(w) => edtf_written_in(&w.edtf, lang),
        Err(_) => text.to_string(),
    }
}

/// An EDTF value written out as historians write it, or the EDTF itself when its form is not
/// one this module knows.
pub fn edtf_written(edtf: &str) -> String {
    edtf_written_in(edtf, Language::English)
}

/// [`edtf_written`] in `lang`: `-0043-03-15` is "15 mars 44 av. J.-C." in French.
pub fn edtf_written_in(edtf: &str, lang: Language) -> String {
    Writer(style(lang))
        .written(edtf.trim())
        .unwrap_or_else(|| edtf.to_string())
}

/// A day of a month without its year as `lang` writes it: "December 5", "5 décembre", "5.
/// Dezember", "5 de diciembre" (for "on this day").
pub fn day_month_written_in(month: u8, day: u8, lang: Language) -> String {
    style(lang).day_month(day, month)
}

/// A count of things as `lang` writes it: "12,345", "12 345", "12.345".
pub fn count_written_in(n: u64, lang: Language) -> String {
    style(lang).count(n)
}

/// Writes EDTF in one language's style.
struct Writer(&'static Style);

impl Writer {
    fn written(&self, edtf: &str) -> Option<String> {
        let st = self.0;
        if let Some(inner) = edtf.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            return self.one_of(inner);
        }
        if let Some(inner) = edtf.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            let all: Option<Vec<String>> = inner.split(',').map(|p| self.point(p)).collect();
            return all.map(|v| listed(&v, st.and));
        }
        match edtf.split_once('/') {
            Some(("..", b)) => Some(fill(st.until, &[("x", &self.point(b)?)])),
            Some((a, "..")) => Some(fill(st.onwards, &[("x", &self.point(a)?)])),
            Some(("", b)) => Some(format!("? – {}", self.point(b)?)),
            Some((a, "")) => Some(format!("{} – ?", self.point(a)?)),
            Some((a, b)) => self.span(a, b),
            None => self.point(edtf),
        }
    }

    /// The inside of `[...]`: one of several dates.
    fn one_of(&self, inner: &str) -> Option<String> {
        let st = self.0;
        if let Some((a, b)) = inner.split_once("..") {
            if !inner.contains(',') {
                return match (a, b) {
                    ("", b) => Some(fill(st.or_earlier, &[("x", &self.point(b)?)])),
                    (a, "") => Some(fill(st.or_later, &[("x", &self.point(a)?)])),
                    (a, b) => Some(fill(
                        st.between,
                        &[("a", &self.point(a)?), ("b", &self.point(b)?)],
                    )),
                };
            }
        }
        let all: Option<Vec<String>> = inner.split(',').map(|p| self.point(p)).collect();
        all.map(|v| listed(&v, st.or))
    }

    /// `a/b`: years as a span ("1914–1918", "100–44 BC"), other dates with a dash between.
    fn span(&self, a: &str, b: &str) -> Option<String> {
        let year = |s: &str| -> Option<i64> {
            let digits = s.strip_prefix('-').unwrap_or(s);
            (digits.len() == 4 && digits.bytes().all(|c| c.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        if let (Some(x), Some(y)) = (year(a), year(b)) {
            return Some(self.0.years(x, y));
        }
        Some(format!("{} – {}", self.point(a)?, self.point(b)?))
    }

    /// One date, with its qualifier: `1000~` is "c. 1000", `1066?` is "1066?", `1066%` "c.
    /// 1066?".
    fn point(&self, s: &str) -> Option<String> {
        let (body, q) = match s.as_bytes().last()? {
            b'~' => (&s[..s.len() - 1], "~"),
            b'?' => (&s[..s.len() - 1], "?"),
            b'%' => (&s[..s.len() - 1], "%"),
            _ => (s, ""),
        };
        let plain = self.bare(body)?;
        Some(match q {
            "~" => fill(self.0.about, &[("x", &plain)]),
            "?" => format!("{plain}?"),
            "%" => format!("{}?", fill(self.0.about, &[("x", &plain)])),
            _ => plain,
        })
    }

    /// A date without a qualifier.
    fn bare(&self, s: &str) -> Option<String> {
        let st = self.0;
        if let Some(y) = s.strip_prefix('Y') {
            return self.deep(y);
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
            return (month.is_none() && !neg)
                .then(|| self.masked(year))
                .flatten();
        }
        let y: i64 = year.parse().ok()?;
        let y = if neg { -y } else { y };
        let in_year = |pattern: &str| fill(pattern, &[("y", &st.year(y))]);
        match (month, day) {
            (None, None) => Some(st.year(y)),
            (Some(m), None) => {
                let m: u8 = m.parse().ok()?;
                match m {
                    1..=12 => Some(st.month(m, y)),
                    21..=24 => Some(fill(
                        st.season,
                        &[("s", st.seasons[usize::from(m - 21)]), ("y", &st.year(y))],
                    )),
                    33..=36 => Some(fill(
                        st.quarter,
                        &[("n", &(m - 32).to_string()), ("y", &st.year(y))],
                    )),
                    37..=39 => Some(in_year(st.parts[usize::from(m - 37)])),
                    40 | 41 => Some(in_year(st.halves[usize::from(m - 40)])),
                    _ => None,
                }
            }
            (Some(_), Some(_)) => {
                let ymd: Ymd = parse_iso_ymd(s)?;
                Some(st.day(ymd.day, ymd.month, ymd.year))
            }
            (None, Some(_)) => None,
        }
    }

    /// `196X` → "the 1960s", `18XX` → "the 1800s", `1XXX` → "1000–1999".
    fn masked(&self, year: &str) -> Option<String> {
        let st = self.0;
        let swept = year.bytes().rev().take_while(|&b| b == b'X').count();
        let head = &year[..4 - swept];
        if head.contains('X') || head.is_empty() {
            return None;
        }
        let start: i64 = head.parse::<i64>().ok()? * 10i64.pow(swept as u32);
        let n = start.to_string();
        match (swept, st.hundreds) {
            (1, _) if start > 0 => Some(fill(st.decade, &[("n", &n)])),
            (2, Some(hundreds)) if start > 0 => Some(fill(hundreds, &[("n", &n)])),
            _ => Some(st.years(start.max(1), start + 10i64.pow(swept as u32) - 1)),
        }
    }

    /// `Y-4540000000S3` → "4.54 billion years ago"; `Y-10950` → "12,900 years ago" (before
    /// 1950, as "BP" counts); `Y170000002` → "AD 170,000,002".
    fn deep(&self, s: &str) -> Option<String> {
        let st = self.0;
        let (num, sig) = match s.split_once('S') {
            Some((n, d)) => (n, Some(d.parse::<u32>().ok()?)),
            None => (s, None),
        };
        let year: i64 = num.parse().ok()?;
        if year > 0 {
            return Some(st.ad_year(&st.grouped(year)));
        }
        let ago = year.checked_neg()?;
        let scaled = |unit: f64, pattern: &str| {
            let v = ago as f64 / unit;
            let digits = sig.unwrap_or(3).max(1);
            let whole = (v.abs().log10().floor() as i32 + 1).max(1);
            let decimals = (digits as i32 - whole).clamp(0, 6) as usize;
            let text = format!("{v:.decimals$}");
            let text = match text.split_once('.') {
                Some((int, frac)) => {
                    let frac = frac.trim_end_matches('0');
                    let int = st.grouped(int.parse().unwrap_or(0));
                    if frac.is_empty() {
                        int
                    } else {
                        format!("{int}{}{frac}", st.decimal)
                    }
                }
                None => st.grouped(text.parse().unwrap_or(0)),
            };
            fill(pattern, &[("n", &text)])
        };
        Some(match st.billions {
            Some(billions) if ago >= 1_000_000_000 => scaled(1e9, billions),
            _ if ago >= 1_000_000 => scaled(1e6, st.millions),
            _ => fill(st.years_ago, &[("n", &st.grouped(1950 - year))]),
        })
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

#[cfg(test)]
mod tests {
    use super::*;

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

    /// The EDTF table above as French, German and Spanish historians write it.
    const IN_LANGUAGES: &[(&str, [&str; 3])] = &[
        (
            "-0043-03-15",
            [
                "15 mars 44 av. J.-C.",
                "15. März 44 v. Chr.",
                "15 de marzo de 44 a. C.",
            ],
        ),
        (
            "1789-07-01",
            ["1er juillet 1789", "1. Juli 1789", "1 de julio de 1789"],
        ),
        (
            "-0043-03",
            ["mars 44 av. J.-C.", "März 44 v. Chr.", "marzo de 44 a. C."],
        ),
        ("-0043", ["44 av. J.-C.", "44 v. Chr.", "44 a. C."]),
        ("1000~", ["vers 1000", "um 1000", "hacia 1000"]),
        ("1066?", ["1066?", "1066?", "1066?"]),
        (
            "196X",
            ["les années 1960", "die 1960er Jahre", "los años 1960"],
        ),
        ("18XX", ["1800–1899", "1800–1899", "1800–1899"]),
        ("1914/1918", ["1914–1918", "1914–1918", "1914–1918"]),
        (
            "-0099/-0043",
            ["100–44 av. J.-C.", "100–44 v. Chr.", "100–44 a. C."],
        ),
        (
            "-0043/0014",
            [
                "44 av. J.-C. – 14 apr. J.-C.",
                "44 v. Chr. – 14 n. Chr.",
                "44 a. C. – 14 d. C.",
            ],
        ),
        (
            "0014/0037",
            ["14–37 apr. J.-C.", "14–37 n. Chr.", "14–37 d. C."],
        ),
        ("1950/..", ["à partir de 1950", "ab 1950", "desde 1950"]),
        ("../1950", ["jusqu'en 1950", "bis 1950", "hasta 1950"]),
        (
            "1943-21",
            ["printemps 1943", "Frühjahr 1943", "primavera de 1943"],
        ),
        (
            "1943-37",
            ["début 1943", "Anfang 1943", "principios de 1943"],
        ),
        ("1943-39", ["fin 1943", "Ende 1943", "finales de 1943"]),
        (
            "1943-40",
            [
                "première moitié de 1943",
                "erste Hälfte 1943",
                "primera mitad de 1943",
            ],
        ),
        (
            "1943-34",
            [
                "2e trimestre 1943",
                "2. Quartal 1943",
                "2.º trimestre de 1943",
            ],
        ),
        (
            "[1683,1684]",
            ["1683 ou 1684", "1683 oder 1684", "1683 o 1684"],
        ),
        (
            "[1450..1460]",
            [
                "entre 1450 et 1460",
                "zwischen 1450 und 1460",
                "entre 1450 y 1460",
            ],
        ),
        (
            "[..1199]",
            ["1199 ou avant", "1199 oder früher", "1199 o antes"],
        ),
        (
            "[1929..]",
            ["1929 ou après", "1929 oder später", "1929 o después"],
        ),
        (
            "{1667,1668}",
            ["1667 et 1668", "1667 und 1668", "1667 y 1668"],
        ),
        (
            "Y-4540000000S3",
            [
                "il y a 4,54 milliards d'années",
                "vor 4,54 Milliarden Jahren",
                "hace 4540 millones de años",
            ],
        ),
        (
            "Y-13800000000S3",
            [
                "il y a 13,8 milliards d'années",
                "vor 13,8 Milliarden Jahren",
                "hace 13\u{a0}800 millones de años",
            ],
        ),
        (
            "Y-66000000S2",
            [
                "il y a 66 millions d'années",
                "vor 66 Millionen Jahren",
                "hace 66 millones de años",
            ],
        ),
        (
            "Y-10950",
            [
                "il y a 12\u{a0}900 ans",
                "vor 12.900 Jahren",
                "hace 12\u{a0}900 años",
            ],
        ),
        (
            "Y170000002",
            [
                "170\u{a0}000\u{a0}002 apr. J.-C.",
                "170.000.002 n. Chr.",
                "170\u{a0}000\u{a0}002 d. C.",
            ],
        ),
    ];

    #[test]
    fn edtf_as_each_languages_historians_write_it() {
        let langs = [Language::French, Language::German, Language::Spanish];
        for (edtf, texts) in IN_LANGUAGES {
            for (lang, text) in langs.iter().zip(texts) {
                assert_eq!(edtf_written_in(edtf, *lang), *text, "{edtf} in {lang:?}");
            }
            // English is the English writer's
            assert_eq!(edtf_written_in(edtf, Language::English), edtf_written(edtf));
        }
    }

    #[test]
    fn each_language_reads_back_what_it_writes() {
        let hint = CalendarHint::Given(Calendar::Gregorian);
        let mut read = 0;
        for (edtf, _) in IN_LANGUAGES {
            let w = When::from_edtf(edtf).unwrap();
            // what the English reader reads back of its own writing, each language does too
            let english = crate::text::read(&edtf_written(edtf), hint);
            if !english.is_ok_and(|r| r.edtf == w.edtf) {
                continue;
            }
            read += 1;
            for lang in [Language::French, Language::German, Language::Spanish] {
                let text = edtf_written_in(edtf, lang);
                let back =
                    crate::lang::read_in(&text, lang, CalendarHint::Given(Calendar::Gregorian))
                        .unwrap_or_else(|e| panic!("{edtf} in {lang:?}: {text}: {e}"));
                // the same value, or the same days in other words (`18XX` is `1800/1899`), or
                // the same deep year ("4540 millones" does not say its digits are three)
                let deep = |e: &str| {
                    e.starts_with('Y')
                        .then(|| e.split('S').next().map(str::to_string))
                };
                let same = back.edtf == w.edtf
                    || deep(&back.edtf).is_some_and(|d| Some(d) == deep(&w.edtf))
                    || When::from_edtf(&back.edtf).map(|b| b.axis_range()).ok()
                        == Some(w.axis_range());
                assert!(same, "{edtf} in {lang:?} → {text} → {}", back.edtf);
            }
        }
        assert!(read >= 20, "{read}");
    }

    #[test]
    fn a_text_is_kept_in_its_own_language_and_written_out_in_others() {
        let fr = When::from_text("15 mars 44 av. J.-C.", CalendarHint::Auto).unwrap();
        assert_eq!(fr.written_in(Language::French), "15 mars 44 av. J.-C.");
        assert_eq!(fr.written_in(Language::German), "15. März 44 v. Chr.");
        assert_eq!(fr.written_in(Language::English), "15 mars 44 av. J.-C.");
        let en = When::from_text("October 14, 1066", CalendarHint::Auto).unwrap();
        assert_eq!(en.written_in(Language::French), "14 octobre 1066");
        assert_eq!(
            en.written_with_calendar_in(Language::French),
            "14 octobre 1066 (calendrier julien ; grégorien 20 octobre 1066)"
        );
        assert_eq!(
            en.written_with_calendar_in(Language::Spanish),
            "14 de octubre de 1066 (calendario juliano; gregoriano 20 de octubre de 1066)"
        );
        assert_eq!(
            day_month_written_in(12, 1, Language::French),
            "1er décembre"
        );
        assert_eq!(day_month_written_in(12, 5, Language::German), "5. Dezember");
        assert_eq!(day_month_written_in(12, 5, Language::English), "December 5");
        // a text no language reads stays as written
        let mut odd = When::from_edtf("1327/1377").unwrap();
        odd.text = Some("the reign of Edward III".into());
        assert_eq!(odd.written_in(Language::German), "the reign of Edward III");
        // a Julian day without its text is written in its calendar, in every language
        let mut caesar = When::from_text("March 15, 44 BC", CalendarHint::Auto).unwrap();
        caesar.text = None;
        assert_eq!(caesar.edtf, "-0043-03-13");
        assert_eq!(caesar.written(), "March 15, 44 BC");
        assert_eq!(
            caesar.written_in(Language::Spanish),
            "15 de marzo de 44 a. C."
        );
    }
}

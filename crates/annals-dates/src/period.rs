//! Periods of the time axis as historians count them, for timelines and facets.
//!
//! - Days, months and single years.
//! - Decades as people say them: the 1960s are 1960–1969, the 40s BC are 49–40 BC; the first
//!   decades on either side of the epoch are AD 1–9 and 9–1 BC. Spans of 20 and 50 years are
//!   counted the same way.
//! - Centuries and millennia counted from AD 1 and back from 1 BC: the 20th century is
//!   1901–2000, the 5th century BC is 500–401 BC, the 1st millennium BC is 1000–1 BC. Spans of
//!   200, 500, 2,000 and 5,000 years are counted the same way.
//! - Deep time in spans of 10,000 years up to billions; the span that holds 1 BC runs on to the
//!   present (AD years are nothing at that scale).
//!
//! There is no year zero (astronomical year 0 is 1 BC), and no period holds both 1 BC and AD 1
//! below 10,000 years. Years here are astronomical; days are Rata Die (proleptic Gregorian).

use crate::day::{Calendar, DayNumber, Ymd};
use crate::lang::Language;
use crate::style::{fill, style};

/// The length of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    /// A day.
    Day,
    /// A calendar month.
    Month,
    /// A span of this many years (1, 10, 20, 50, 100, 200, 500, 1,000, ...).
    Years(i64),
}

/// The units a timeline chooses from, finest first.
pub const LADDER: [Unit; 28] = {
    let mut out = [Unit::Day; 28];
    out[1] = Unit::Month;
    out[2] = Unit::Years(1);
    let mut i = 3;
    let mut p = 10i64;
    while i < 28 {
        out[i] = Unit::Years(p);
        if i + 1 < 28 {
            out[i + 1] = Unit::Years(2 * p);
        }
        if i + 2 < 28 {
            out[i + 2] = Unit::Years(5 * p);
        }
        i += 3;
        p *= 10;
    }
    out
};

/// Spans of this many years or more are deep time (see the module documentation).
const DEEP: i64 = 10_000;

/// The first day of an astronomical year.
fn year_day(year: i64) -> Option<i64> {
    Calendar::Gregorian
        .to_day(Ymd {
            year,
            month: 1,
            day: 1,
        })
        .map(|d| d.0)
}

/// A count with its thousands grouped, as English writes it: `190436` → `190,436`.
pub fn thousands(n: u64) -> String {
    thousands_with(n, ",")
}

/// `n` with `sep` between groups of three digits (`.` in German, a no-break space in French).
pub fn thousands_with(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// `1234567` → `1,234,567`; years of four digits stay as they are (`1901`).
pub(crate) fn grouped(n: i64) -> String {
    crate::style::ENGLISH.grouped(n)
}

/// 1 → "1st", 22 → "22nd".
pub fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, r) if r != 11 => "st",
        (2, r) if r != 12 => "nd",
        (3, r) if r != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The century a year falls in, counted from 0 for the 1st century AD (1–100) and from -1 for
/// the 1st century BC (100–1 BC): `century_of(1900)` is 18 (the 19th century), `century_of(-400)`
/// (401 BC) is -5 (the 5th century BC).
pub fn century_of(year: i64) -> i64 {
    (year - 1).div_euclid(100)
}

/// A century as people name it: "20th century", "5th century BC"; deep time in ka or Ma.
pub fn century_label(c: i64) -> String {
    century_label_in(c, Language::English)
}

/// [`century_label`] in `lang`: "XXe siècle", "5. Jahrhundert v. Chr.", "siglo XX".
pub fn century_label_in(c: i64, lang: Language) -> String {
    let st = style(lang);
    let start = c.saturating_mul(100).saturating_add(1);
    if start <= -1_000_000 {
        return format!("{} Ma", (1 - start).unsigned_abs() / 1_000_000);
    }
    if start <= -100_000 {
        return format!("{} ka", (1 - start).unsigned_abs() / 1_000);
    }
    if c >= 0 {
        st.century(c + 1)
    } else {
        st.century(c)
    }
}

/// Years as people write a span of them: "1901–1950", "AD 1–500", "500–401 BC", "44 BC – AD 14".
pub fn years_written(a: i64, b: i64) -> String {
    crate::style::ENGLISH.years(a, b)
}

/// A deep-time amount of years ago, in Ma or Ga: "4.5 Ga", "66 Ma".
fn ago(years: i64) -> (f64, &'static str) {
    if years >= 1_000_000_000 {
        (years as f64 / 1e9, "Ga")
    } else {
        (years as f64 / 1e6, "Ma")
    }
}

fn trim(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

impl Unit {
    /// The unit as people say it: "day", "year", "decade", "century", "500 years",
    /// "million years".
    pub fn name(self) -> String {
        match self {
            Unit::Day => "day".into(),
            Unit::Month => "month".into(),
            Unit::Years(1) => "year".into(),
            Unit::Years(10) => "decade".into(),
            Unit::Years(100) => "century".into(),
            Unit::Years(1000) => "millennium".into(),
            Unit::Years(1_000_000) => "million years".into(),
            Unit::Years(1_000_000_000) => "billion years".into(),
            Unit::Years(n) if n >= 1_000_000_000 => format!("{} billion years", n / 1_000_000_000),
            Unit::Years(n) if n >= 1_000_000 => format!("{} million years", n / 1_000_000),
            Unit::Years(n) => format!("{} years", grouped(n)),
        }
    }

    /// The length in years (0 for days and months).
    pub fn years(self) -> i64 {
        match self {
            Unit::Years(n) => n,
            _ => 0,
        }
    }

    /// The number of the period that holds the astronomical year `y` (periods of years).
    fn index(n: i64, y: i64) -> i64 {
        if n == 1 {
            y
        } else if n < 100 {
            if y >= 1 {
                y.div_euclid(n)
            } else {
                -((1 - y).div_euclid(n)) - 1
            }
        } else if n >= DEEP && y >= 1 {
            -1
        } else {
            (y - 1).div_euclid(n)
        }
    }

    /// The first and last astronomical years of period `k` (periods of years); `None` past
    /// the ends of the axis.
    fn bounds(n: i64, k: i64) -> Option<(i64, i64)> {
        if n == 1 {
            return Some((k, k));
        }
        if n < 100 {
            return if k >= 0 {
                let start = n.checked_mul(k)?;
                Some((start.max(1), start.checked_add(n - 1)?))
            } else {
                let m = -(k + 1);
                let lo_bc = n.checked_mul(m)?.max(1);
                let hi_bc = n.checked_mul(m)?.checked_add(n - 1)?;
                Some((1 - hi_bc, 1 - lo_bc))
            };
        }
        let start = n.checked_mul(k)?.checked_add(1)?;
        let end = n.checked_mul(k.checked_add(1)?)?;
        if n >= DEEP && k == -1 {
            // The deep-time span that holds 1 BC runs on to the present.
            return Some((start, i64::MAX / 1024));
        }
        Some((start, end))
    }

    /// The periods that overlap the days `from..=to`, as (first day, last day), each clipped
    /// to the window; at most `max + 1` of them (then the caller knows there are too many).
    pub fn periods(self, from: i64, to: i64, max: usize) -> Vec<(i64, i64)> {
        let mut out = Vec::new();
        if from > to {
            return out;
        }
        match self {
            Unit::Day => {
                let mut d = from;
                while d <= to && out.len() <= max {
                    out.push((d, d));
                    d += 1;
                }
            }
            Unit::Month => {
                let s = DayNumber(from).ymd();
                let (mut y, mut m) = (s.year, s.month);
                while out.len() <= max {
                    let Some(first) = Calendar::Gregorian.to_day(Ymd {
                        year: y,
                        month: m,
                        day: 1,
                    }) else {
                        break;
                    };
                    if first.0 > to {
                        break;
                    }
                    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                    let Some(next) = Calendar::Gregorian.to_day(Ymd {
                        year: ny,
                        month: nm,
                        day: 1,
                    }) else {
                        break;
                    };
                    out.push((first.0.max(from), (next.0 - 1).min(to)));
                    (y, m) = (ny, nm);
                }
            }
            Unit::Years(n) => {
                let (a, b) = (DayNumber(from).ymd().year, DayNumber(to).ymd().year);
                let (mut k, last) = (Self::index(n, a), Self::index(n, b));
                while k <= last && out.len() <= max {
                    let Some((ya, yb)) = Self::bounds(n, k) else {
                        break;
                    };
                    let first = year_day(ya).unwrap_or(i64::MIN);
                    let end = yb
                        .checked_add(1)
                        .and_then(year_day)
                        .map_or(i64::MAX, |d| d - 1);
                    out.push((first.max(from), end.min(to)));
                    k += 1;
                }
            }
        }
        out
    }

    /// How many periods overlap the days `from..=to`.
    pub fn count(self, from: i64, to: i64) -> i128 {
        match self {
            Unit::Day => i128::from(to) - i128::from(from) + 1,
            Unit::Month => {
                let (a, b) = (DayNumber(from).ymd(), DayNumber(to).ymd());
                (i128::from(b.year) - i128::from(a.year)) * 12
                    + (i128::from(b.month) - i128::from(a.month))
                    + 1
            }
            Unit::Years(n) => {
                let (a, b) = (DayNumber(from).ymd().year, DayNumber(to).ymd().year);
                i128::from(Self::index(n, b)) - i128::from(Self::index(n, a)) + 1
            }
        }
    }

    /// The finest unit of the [`LADDER`] with at most `max` periods over `from..=to`.
    pub fn fitting(from: i64, to: i64, max: usize) -> Unit {
        LADDER
            .into_iter()
            .find(|u| u.count(from, to) <= max.max(1) as i128)
            .unwrap_or(Unit::Years(10_000_000_000))
    }

    /// A label for people of the period of this unit that starts on or holds `first` and, when
    /// clipped to a window, ends on `last`: "14 October 1066", "March 44 BC", "1960s", "40s BC",
    /// "5th century BC", "1st millennium", "1901–1950", "4.5–4 Ga", "500 Ma – 1 BC".
    pub fn label(self, first: i64, last: i64) -> String {
        self.label_in(first, last, Language::English)
    }

    /// [`Unit::label`] in `lang`: "14 octobre 1066", "années 1960", "Ve siècle av. J.-C.",
    /// "4,5–4 Ga".
    pub fn label_in(self, first: i64, last: i64, lang: Language) -> String {
        let st = style(lang);
        let s = DayNumber(first).ymd();
        let y = s.year;
        let e = DayNumber(last).ymd().year;
        let month = st.months[usize::from(s.month.clamp(1, 12) - 1)];
        let decade = |n: i64| fill(st.decade_label, &[("n", &n.to_string())]);
        match self {
            Unit::Day => fill(
                st.day_label,
                &[
                    ("d", &st.day_number(s.day)),
                    ("m", month),
                    ("y", &st.year(y)),
                ],
            ),
            Unit::Month => st.month(s.month, y),
            Unit::Years(1) => st.year(y),
            Unit::Years(10) => match Self::bounds(10, Self::index(10, y)) {
                Some((1, _)) => st.ad_year("1–9"),
                Some((_, 0)) => fill(st.bc, &[("y", "9–1")]),
                Some((a, _)) if a >= 1 => decade(a),
                Some((_, b)) => fill(st.bc, &[("y", &decade(1 - b))]),
                None => st.years(y, e),
            },
            Unit::Years(100) => century_label_in(century_of(y), lang),
            Unit::Years(1000) => {
                let k = (y - 1).div_euclid(1000);
                if k >= 0 {
                    st.millennium(k + 1)
                } else {
                    st.millennium(k)
                }
            }
            Unit::Years(_) if y <= -1_000_000 => {
                let (a, unit) = ago(1 - y);
                if e > -1_000_000 {
                    format!("{} {unit} – {}", st.decimal(&trim(a)), st.year(e))
                } else {
                    let b = (-e) as f64 / if unit == "Ga" { 1e9 } else { 1e6 };
                    format!("{}–{} {unit}", st.decimal(&trim(a)), st.decimal(&trim(b)))
                }
            }
            Unit::Years(_) => st.years(y, e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i64, m: u8, d: u8) -> i64 {
        Calendar::Gregorian
            .to_day(Ymd {
                year: y,
                month: m,
                day: d,
            })
            .unwrap()
            .0
    }

    /// The periods of a unit over whole years `a..=b`, as year spans and labels.
    fn spans(unit: Unit, a: i64, b: i64) -> Vec<(i64, i64, String)> {
        unit.periods(day(a, 1, 1), day(b, 12, 31), 1000)
            .into_iter()
            .map(|(f, l)| {
                (
                    DayNumber(f).ymd().year,
                    DayNumber(l).ymd().year,
                    unit.label(f, l),
                )
            })
            .collect()
    }

    #[test]
    fn counts_and_years_are_grouped_by_thousands() {
        let t: Vec<String> = [0, 7, 999, 1_000, 190_436, 1_234_567]
            .into_iter()
            .map(thousands)
            .collect();
        assert_eq!(t, ["0", "7", "999", "1,000", "190,436", "1,234,567"]);
        assert_eq!(
            grouped(1901),
            "1901",
            "a year of four digits stays as it is"
        );
        assert_eq!(grouped(-9999), "-9999");
        assert_eq!(grouped(12_000), "12,000");
        assert_eq!(grouped(-4_540_000), "-4,540,000");
    }

    #[test]
    fn centuries_count_from_ad_1_and_back_from_1_bc() {
        assert_eq!(century_of(1), 0);
        assert_eq!(century_of(100), 0);
        assert_eq!(century_of(101), 1);
        assert_eq!(century_of(1900), 18);
        assert_eq!(century_of(1901), 19);
        assert_eq!(century_of(0), -1, "1 BC");
        assert_eq!(century_of(-99), -1, "100 BC");
        assert_eq!(century_of(-100), -2, "101 BC");
        assert_eq!(century_of(-400), -5, "401 BC is in the 5th century BC");
        assert_eq!(century_label(century_of(-400)), "5th century BC");
        assert_eq!(century_label(century_of(0)), "1st century BC");
        assert_eq!(century_label(century_of(1)), "1st century");
        assert_eq!(century_label(century_of(2000)), "20th century");
        assert_eq!(century_label(century_of(-65_999_999)), "66 Ma");
    }

    #[test]
    fn the_epoch_is_a_boundary_at_every_scale_below_deep_time() {
        for n in [1, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] {
            let p = spans(Unit::Years(n), -1, 1);
            assert!(
                p.iter().all(|(a, b, _)| !(*a <= 0 && *b >= 1)),
                "{n}: {p:?}"
            );
        }
        assert_eq!(
            spans(Unit::Years(100), -199, 200)
                .iter()
                .map(|s| (s.0, s.1, s.2.as_str()))
                .collect::<Vec<_>>(),
            [
                (-199, -100, "2nd century BC"),
                (-99, 0, "1st century BC"),
                (1, 100, "1st century"),
                (101, 200, "2nd century")
            ]
        );
        let m = spans(Unit::Years(1000), -1999, 2000);
        let labels: Vec<&str> = m.iter().map(|s| s.2.as_str()).collect();
        assert_eq!(
            labels,
            [
                "2nd millennium BC",
                "1st millennium BC",
                "1st millennium",
                "2nd millennium"
            ]
        );
        assert_eq!((m[1].0, m[1].1), (-999, 0), "1000–1 BC");
        assert_eq!((m[0].0, m[0].1), (-1999, -1000), "2000–1001 BC");
    }

    #[test]
    fn decades_as_people_say_them() {
        let d = spans(Unit::Years(10), -48, 20);
        let labels: Vec<&str> = d.iter().map(|s| s.2.as_str()).collect();
        assert_eq!(
            labels,
            ["40s BC", "30s BC", "20s BC", "10s BC", "9–1 BC", "AD 1–9", "10s", "20s"]
        );
        assert_eq!((d[0].0, d[0].1), (-48, -39), "49–40 BC");
        assert_eq!((d[4].0, d[4].1), (-8, 0));
        assert_eq!((d[5].0, d[5].1), (1, 9));
        assert_eq!(spans(Unit::Years(10), 1960, 1969)[0].2, "1960s");
    }

    #[test]
    fn periods_in_other_languages() {
        let label = |unit: Unit, y: i64, lang| {
            let (a, b) = unit.periods(day(y, 1, 1), day(y, 12, 31), 10)[0];
            unit.label_in(a, b, lang)
        };
        use Language::{French, German, Spanish};
        let decades: Vec<String> = [-48, -8, 1, 1960]
            .iter()
            .flat_map(|y| [French, German, Spanish].map(|l| label(Unit::Years(10), *y, l)))
            .collect();
        assert_eq!(
            decades,
            [
                "années 40 av. J.-C.",
                "40er v. Chr.",
                "años 40 a. C.",
                "9–1 av. J.-C.",
                "9–1 v. Chr.",
                "9–1 a. C.",
                "1–9 apr. J.-C.",
                "1–9 n. Chr.",
                "1–9 d. C.",
                "années 1960",
                "1960er",
                "años 1960",
            ]
        );
        assert_eq!(label(Unit::Years(100), 1950, French), "XXe siècle");
        assert_eq!(label(Unit::Years(100), 50, French), "Ier siècle");
        assert_eq!(label(Unit::Years(100), -450, French), "Ve siècle av. J.-C.");
        assert_eq!(
            label(Unit::Years(100), -450, German),
            "5. Jahrhundert v. Chr."
        );
        assert_eq!(label(Unit::Years(100), 1450, Spanish), "siglo XV");
        assert_eq!(label(Unit::Years(1000), -500, Spanish), "milenio I a. C.");
        assert_eq!(label(Unit::Years(1000), 1500, German), "2. Jahrtausend");
        assert_eq!(label(Unit::Years(1), -43, French), "44 av. J.-C.");
        let oct = day(1066, 10, 14);
        assert_eq!(Unit::Day.label_in(oct, oct, German), "14. Oktober 1066");
        let first = day(1789, 7, 1);
        assert_eq!(Unit::Day.label_in(first, first, French), "1er juillet 1789");
        assert_eq!(Unit::Month.label_in(oct, oct, Spanish), "octubre de 1066");
        let (from, to) = (day(-4_600_000_000, 1, 1), day(2025, 12, 31));
        let unit = Unit::fitting(from, to, 10);
        let p = unit.periods(from, to, 100);
        assert_eq!(unit.label_in(p[1].0, p[1].1, French), "4,5–4 Ga");
        assert_eq!(unit.label_in(p[9].0, p[9].1, German), "500 Ma – 2025");
        // English is as it was
        assert_eq!(
            label(Unit::Years(100), -450, Language::English),
            "5th century BC"
        );
    }

    #[test]
    fn deep_time_spans_run_to_the_present() {
        let from = day(-4_600_000_000, 1, 1);
        let to = day(2025, 12, 31);
        let unit = Unit::fitting(from, to, 10);
        assert_eq!(unit, Unit::Years(500_000_000));
        let p = unit.periods(from, to, 100);
        assert_eq!(p.len(), 10);
        let labels: Vec<String> = p.iter().map(|(f, l)| unit.label(*f, *l)).collect();
        assert_eq!(
            labels[0], "4.6–4.5 Ga",
            "the first span is clipped to the window"
        );
        assert_eq!(labels[1], "4.5–4 Ga");
        assert_eq!(labels[9], "500 Ma – 2025");
        assert_eq!(unit.name(), "500 million years");
    }

    #[test]
    fn units_fit_the_window() {
        let fit = |a: (i64, u8, u8), b: (i64, u8, u8), max| {
            Unit::fitting(day(a.0, a.1, a.2), day(b.0, b.1, b.2), max)
        };
        assert_eq!(fit((1960, 1, 1), (1960, 1, 20), 30), Unit::Day);
        assert_eq!(fit((1960, 1, 1), (1961, 12, 31), 30), Unit::Month);
        assert_eq!(fit((1900, 1, 1), (1999, 12, 31), 10), Unit::Years(10));
        assert_eq!(fit((1900, 1, 1), (1999, 12, 31), 9), Unit::Years(20));
        assert_eq!(fit((1900, 1, 1), (1999, 12, 31), 2), Unit::Years(50));
        // 1900 is the last year of the 19th century, 1999 in the 20th.
        assert_eq!(fit((1900, 1, 1), (1999, 12, 31), 1), Unit::Years(200));
        assert_eq!(fit((1901, 1, 1), (2000, 12, 31), 1), Unit::Years(100));
        // 1000 BC – 1 BC by centuries: ten of them, none reaching AD 1.
        let p = Unit::Years(100).periods(day(-999, 1, 1), day(0, 12, 31), 100);
        assert_eq!(p.len(), 10);
        assert_eq!(Unit::Years(100).label(p[0].0, p[0].1), "10th century BC");
    }

    #[test]
    fn spans_are_written_as_years() {
        assert_eq!(years_written(1901, 1950), "1901–1950");
        assert_eq!(years_written(1, 500), "AD 1–500");
        assert_eq!(years_written(-499, -400), "500–401 BC");
        assert_eq!(years_written(-43, 14), "44 BC – AD 14");
        assert_eq!(years_written(-19_999, -10_000), "20,000–10,001 BC");
        assert_eq!(spans(Unit::Years(500), -999, 1000)[1].2, "500–1 BC");
    }
}

//! TIMEX3 values: a calendar [`Point`] with a granularity, written the way the TimeML guidelines
//! and the TempEval / WikiWars gold data write them, and turned into EDTF for annals events.
//!
//! Conventions (see `docs/extract.md`): years are astronomical inside (`0` is 1 BC) and written
//! `1960` or `BC0480` (480 BC); a decade is its first three digits (`196`, `BC047`), a century
//! its first two (`19` is the 20th century, `BC03` the 4th century BC); seasons `SP SU FA WI`;
//! halves `H1 H2`; quarters `Q1`–`Q4`; weeks `W07`; parts of the day `TMO TAF TEV TNI TDT`;
//! clock times `T10:57`; unknown parts `X`.

use annals_dates::{Calendar, CalendarHint, DayNumber, Precision, When, Ymd};

/// How finely a point is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Gran {
    /// A millennium.
    Millennium,
    /// A century.
    Century,
    /// A decade.
    Decade,
    /// A year.
    #[default]
    Year,
    /// A half year.
    Half,
    /// A quarter.
    Quarter,
    /// A season.
    Season,
    /// A month.
    Month,
    /// A week (or a day of the week).
    Week,
    /// A day.
    Day,
    /// A time of day.
    Time,
}

/// A time of day: a part of the day or a clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// `MO`, `AF`, `EV`, `NI`, `DT` (daytime), or `XX` (some hour).
    Part(&'static str),
    /// Hours and minutes, with an optional UTC offset in hours.
    Hm(u8, u8, Option<i8>),
}

/// A calendar point, partly known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Point {
    /// Astronomical year (`0` is 1 BC, `-479` is 480 BC).
    pub year: Option<i64>,
    /// Month 1–12.
    pub month: Option<u8>,
    /// Day 1–31.
    pub day: Option<u8>,
    /// Season code (`SP`, `SU`, `FA`, `WI`).
    pub season: Option<&'static str>,
    /// Half 1–2, quarter 1–4.
    pub part: Option<u8>,
    /// ISO week 1–53.
    pub week: Option<u8>,
    /// Day of the week, Monday = 1.
    pub weekday: Option<u8>,
    /// Time of day.
    pub clock: Option<Clock>,
    /// What the point denotes.
    pub gran: Gran,
}

impl Point {
    /// A year.
    pub fn year(y: i64) -> Point {
        Point {
            year: Some(y),
            gran: Gran::Year,
            ..Point::default()
        }
    }

    /// A day.
    pub fn ymd(y: i64, m: u8, d: u8) -> Point {
        Point {
            year: Some(y),
            month: Some(m),
            day: Some(d),
            gran: Gran::Day,
            ..Point::default()
        }
    }

    /// The day number, when year, month and day are known and valid.
    pub fn day_number(&self) -> Option<DayNumber> {
        Calendar::Gregorian.to_day(Ymd {
            year: self.year?,
            month: self.month?,
            day: self.day?,
        })
    }

    /// The point of a day number.
    pub fn from_day(d: DayNumber) -> Point {
        let ymd = d.ymd();
        Point::ymd(ymd.year, ymd.month, ymd.day)
    }

    /// The TimeML value.
    pub fn value(&self) -> String {
        let mut s = String::new();
        match self.gran {
            Gran::Millennium => {
                push_lead(&mut s, self.year, 1000, 1);
                return s;
            }
            Gran::Century => {
                push_lead(&mut s, self.year, 100, 2);
                return s;
            }
            Gran::Decade => {
                push_lead(&mut s, self.year, 10, 3);
                return s;
            }
            _ => push_year(&mut s, self.year),
        }
        match self.gran {
            Gran::Half => push_part(&mut s, 'H', self.part),
            Gran::Quarter => push_part(&mut s, 'Q', self.part),
            Gran::Season => {
                s.push('-');
                s.push_str(self.season.unwrap_or("XX"));
            }
            Gran::Month => push2(&mut s, '-', self.month),
            Gran::Week => {
                s.push_str("-W");
                match self.week {
                    Some(w) => s.push_str(&format!("{w:02}")),
                    None => s.push_str("XX"),
                }
                if let Some(wd) = self.weekday {
                    s.push('-');
                    s.push((b'0' + wd) as char);
                }
            }
            Gran::Day | Gran::Time => {
                push2(&mut s, '-', self.month);
                push2(&mut s, '-', self.day);
                if self.gran == Gran::Time {
                    s.push('T');
                    match self.clock {
                        Some(Clock::Part(p)) => s.push_str(p),
                        Some(Clock::Hm(h, m, tz)) => {
                            s.push_str(&format!("{h:02}:{m:02}"));
                            if let Some(z) = tz {
                                if z < 0 {
                                    s.push_str(&format!("-{:02}", -i32::from(z)));
                                } else {
                                    s.push_str(&format!("+{z:02}"));
                                }
                            }
                        }
                        None => s.push_str("XX"),
                    }
                }
            }
            _ => {}
        }
        s
    }

    /// The EDTF of this point and the calendar its text is reckoned in, when its year is known.
    /// Day and month dates before 15 October 1582 are taken as Julian and converted.
    pub fn edtf(&self) -> Option<(String, Calendar)> {
        let y = self.year?;
        let year = |y: i64| {
            if y < 0 {
                format!("-{:04}", -y)
            } else {
                format!("{y:04}")
            }
        };
        let julian = |y: i64, m: u8| (y, m) < (1582, 10);
        Some(match self.gran {
            Gran::Millennium => {
                if y <= 0 {
                    // 3rd millennium BC = 3000..2001 BC = astronomical -2999..-2000.
                    let c = (-y) / 1000;
                    let lo = -(c * 1000 + 999);
                    (
                        format!("{}/{}", year(lo), year(lo + 999)),
                        Calendar::Gregorian,
                    )
                } else {
                    (format!("{}XXX", (y - 1) / 1000), Calendar::Gregorian)
                }
            }
            Gran::Century => {
                if y <= 0 {
                    // Astronomical years of a BC century: 4th century BC = -399..-300.
                    let hist = 1 - y;
                    let c = (hist - 1) / 100;
                    let lo = -(c * 100 + 99);
                    (
                        format!("{}/{}", year(lo), year(lo + 99)),
                        Calendar::Gregorian,
                    )
                } else {
                    let c = (y - 1) / 100;
                    if c == 0 {
                        ("0001/0100".into(), Calendar::Gregorian)
                    } else {
                        (format!("{c:02}XX"), Calendar::Gregorian)
                    }
                }
            }
            Gran::Decade => {
                if y <= 0 {
                    let hist = 1 - y;
                    let lo = -(hist - hist % 10 + 9) + 1;
                    (
                        format!("{}/{}", year(lo), year(lo + 9)),
                        Calendar::Gregorian,
                    )
                } else {
                    (format!("{}X", y / 10), Calendar::Gregorian)
                }
            }
            Gran::Year | Gran::Week => (year(y), Calendar::Gregorian),
            Gran::Half => match self.part {
                Some(p @ 1..=2) => (format!("{}-{}", year(y), 30 + p), Calendar::Gregorian),
                _ => (year(y), Calendar::Gregorian),
            },
            Gran::Quarter => match self.part {
                Some(p @ 1..=4) => (format!("{}-{}", year(y), 32 + p), Calendar::Gregorian),
                _ => (year(y), Calendar::Gregorian),
            },
            Gran::Season => {
                let code = match self.season {
                    Some("SP") => 21,
                    Some("SU") => 22,
                    Some("FA") => 23,
                    Some("WI") => 24,
                    _ => return Some((year(y), Calendar::Gregorian)),
                };
                (format!("{}-{code}", year(y)), Calendar::Gregorian)
            }
            Gran::Month => match self.month {
                Some(m) if julian(y, m) => {
                    // A Julian month: its first and last day, converted.
                    let dim = Calendar::Julian.days_in_month(y, m)?;
                    let a = annals_dates::day::to_gregorian(
                        Calendar::Julian,
                        Ymd {
                            year: y,
                            month: m,
                            day: 1,
                        },
                    )?;
                    let b = annals_dates::day::to_gregorian(
                        Calendar::Julian,
                        Ymd {
                            year: y,
                            month: m,
                            day: dim,
                        },
                    )?;
                    (format!("{a}/{b}"), Calendar::Julian)
                }
                Some(m) => (format!("{}-{m:02}", year(y)), Calendar::Gregorian),
                None => (year(y), Calendar::Gregorian),
            },
            Gran::Day | Gran::Time => match (self.month, self.day) {
                (Some(m), Some(d)) => {
                    let ymd = Ymd {
                        year: y,
                        month: m,
                        day: d,
                    };
                    if julian(y, m) || (y, m, d) < (1582, 10, 15) {
                        let g = annals_dates::day::to_gregorian(Calendar::Julian, ymd)?;
                        (g.to_string(), Calendar::Julian)
                    } else {
                        Calendar::Gregorian.to_day(ymd)?;
                        (ymd.to_string(), Calendar::Gregorian)
                    }
                }
                (Some(m), None) => {
                    let p = Point {
                        gran: Gran::Month,
                        ..*self
                    };
                    return p
                        .edtf()
                        .or(Some((format!("{}-{m:02}", year(y)), Calendar::Gregorian)));
                }
                _ => (year(y), Calendar::Gregorian),
            },
        })
    }

    /// An annals date for this point, keeping `text` as written.
    pub fn when(&self, text: &str) -> Option<When> {
        // Text the date reader understands on its own gives the same reading as the rest of
        // annals (Julian rules, ranges); only if it agrees on the year.
        if let Ok(w) = When::from_text(text, CalendarHint::Auto) {
            if w.start_year() == self.year && precision_agrees(w.precision, self.gran) {
                return Some(w);
            }
        }
        let (edtf, calendar) = self.edtf()?;
        let mut w = When::from_edtf(&edtf).ok()?;
        w.calendar = calendar;
        w.text = Some(text.to_string());
        Some(w)
    }
}

/// A document date from text: a TimeML value (`2009-12-19`, `1960-01`, `1960`) or a date as
/// annals reads them ("January 19, 1960").
pub fn parse_date(text: &str) -> Option<Point> {
    let t = text.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let date_part = t.split('T').next().unwrap_or(t);
    let parts: Vec<&str> = date_part.split('-').collect();
    if parts.iter().all(|p| digits(p)) && parts[0].len() == 4 && parts.len() <= 3 {
        let y: i64 = parts[0].parse().ok()?;
        let m: Option<u8> = parts
            .get(1)
            .and_then(|m| m.parse().ok())
            .filter(|m| (1..=12).contains(m));
        let d: Option<u8> = parts
            .get(2)
            .and_then(|d| d.parse().ok())
            .filter(|d| (1..=31).contains(d));
        let p = Point {
            year: Some(y),
            month: m,
            day: d.filter(|_| m.is_some()),
            gran: match (m, d) {
                (Some(_), Some(_)) => Gran::Day,
                (Some(_), None) => Gran::Month,
                _ => Gran::Year,
            },
            ..Point::default()
        };
        if p.gran == Gran::Day && p.day_number().is_none() {
            return None;
        }
        return Some(p);
    }
    let w = When::from_text(t, CalendarHint::Auto).ok()?;
    let day = w.earliest.day()?;
    let ymd = day.ymd();
    Some(match w.precision {
        Precision::Day | Precision::Time => Point::ymd(ymd.year, ymd.month, ymd.day),
        Precision::Month => Point {
            year: Some(ymd.year),
            month: Some(ymd.month),
            gran: Gran::Month,
            ..Point::default()
        },
        _ => Point::year(w.start_year()?),
    })
}

fn precision_agrees(p: Precision, g: Gran) -> bool {
    matches!(
        (p, g),
        (Precision::Day, Gran::Day)
            | (Precision::Time, Gran::Time)
            | (Precision::Day, Gran::Time)
            | (Precision::Month, Gran::Month)
            | (Precision::Season, Gran::Season)
            | (Precision::Year, Gran::Year)
    )
}

fn push_year(s: &mut String, y: Option<i64>) {
    match y {
        Some(y) if y <= 0 => s.push_str(&format!("BC{:04}", 1 - y)),
        Some(y) => s.push_str(&format!("{y:04}")),
        None => s.push_str("XXXX"),
    }
}

/// The leading digits of a year for decades (3), centuries (2), millennia (1).
fn push_lead(s: &mut String, y: Option<i64>, div: i64, width: usize) {
    match y {
        Some(y) if y <= 0 => {
            let hist = 1 - y;
            // 470s BC -> 47; 4th century BC (400..301 BC) -> 03.
            let lead = if div == 10 {
                hist / 10
            } else {
                (hist - 1) / div
            };
            s.push_str(&format!("BC{lead:0width$}"));
        }
        Some(y) => {
            let lead = if div == 10 { y / 10 } else { (y - 1) / div };
            s.push_str(&format!("{lead:0width$}"));
        }
        None => s.push_str(&"X".repeat(width)),
    }
}

fn push2(s: &mut String, sep: char, v: Option<u8>) {
    s.push(sep);
    match v {
        Some(v) => s.push_str(&format!("{v:02}")),
        None => s.push_str("XX"),
    }
}

fn push_part(s: &mut String, letter: char, v: Option<u8>) {
    s.push('-');
    s.push(letter);
    match v {
        Some(v) => s.push((b'0' + v) as char),
        None => s.push('X'),
    }
}

/// The ISO week (year, week) of a day.
pub fn iso_week(d: DayNumber) -> (i64, u8) {
    // Rata Die day 1 (0001-01-01) is a Monday.
    let wd = (d.0 - 1).rem_euclid(7); // 0 = Monday
    let thursday = DayNumber(d.0 - wd + 3);
    let ty = thursday.ymd().year;
    let jan1 = Calendar::Gregorian
        .to_day(Ymd {
            year: ty,
            month: 1,
            day: 1,
        })
        .map_or(thursday.0, |x| x.0);
    (ty, ((thursday.0 - jan1) / 7 + 1) as u8)
}

/// Day of the week of a day number, Monday = 1.
pub fn weekday_of(d: DayNumber) -> u8 {
    ((d.0 - 1).rem_euclid(7) + 1) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(year: Option<i64>, gran: Gran) -> Point {
        Point {
            year,
            gran,
            ..Point::default()
        }
    }

    #[test]
    fn values_as_timeml_writes_them() {
        assert_eq!(Point::ymd(1960, 1, 19).value(), "1960-01-19");
        assert_eq!(Point::year(-479).value(), "BC0480");
        assert_eq!(p(Some(1960), Gran::Decade).value(), "196");
        assert_eq!(p(Some(-469), Gran::Decade).value(), "BC047");
        assert_eq!(p(Some(1901), Gran::Century).value(), "19");
        assert_eq!(p(Some(-399), Gran::Century).value(), "BC03");
        let mut s = p(Some(1939), Gran::Season);
        s.season = Some("SU");
        assert_eq!(s.value(), "1939-SU");
        let mut m = p(None, Gran::Month);
        m.month = Some(6);
        assert_eq!(m.value(), "XXXX-06");
        let t = Point {
            clock: Some(Clock::Part("NI")),
            gran: Gran::Time,
            ..Point::default()
        };
        assert_eq!(t.value(), "XXXX-XX-XXTNI");
        let mut w = p(None, Gran::Week);
        w.weekday = Some(5);
        assert_eq!(w.value(), "XXXX-WXX-5");
        let mut h = Point::ymd(2003, 3, 19);
        h.gran = Gran::Time;
        h.clock = Some(Clock::Hm(21, 34, Some(-5)));
        assert_eq!(h.value(), "2003-03-19T21:34-05");
    }

    #[test]
    fn edtf_of_points() {
        assert_eq!(Point::year(-479).edtf().unwrap().0, "-0479");
        assert_eq!(p(Some(1960), Gran::Decade).edtf().unwrap().0, "196X");
        assert_eq!(p(Some(1901), Gran::Century).edtf().unwrap().0, "19XX");
        assert_eq!(p(Some(-469), Gran::Decade).edtf().unwrap().0, "-0478/-0469");
        assert_eq!(
            p(Some(-2999), Gran::Millennium).edtf().unwrap().0,
            "-2999/-2000"
        );
        assert_eq!(p(Some(1001), Gran::Millennium).edtf().unwrap().0, "1XXX");
        assert_eq!(p(Some(-2999), Gran::Millennium).value(), "BC2");
        let (e, c) = Point::ymd(1066, 10, 14).edtf().unwrap();
        assert_eq!((e.as_str(), c), ("1066-10-20", Calendar::Julian));
        let w = Point::ymd(1960, 1, 19).when("January 19, 1960").unwrap();
        assert_eq!(w.edtf, "1960-01-19");
        let w = Point::ymd(1940, 6, 22).when("twelve days later").unwrap();
        assert_eq!(w.edtf, "1940-06-22");
        assert_eq!(w.text.as_deref(), Some("twelve days later"));
    }

    #[test]
    fn weeks() {
        let d = Point::ymd(2004, 12, 31).day_number().unwrap();
        assert_eq!(iso_week(d), (2004, 53));
        let d = Point::ymd(1960, 1, 19).day_number().unwrap();
        assert_eq!(weekday_of(d), 2);
    }
}

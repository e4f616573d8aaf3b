//! Dates as separate year, month and day numbers, the way spreadsheets, TimelineJS and Wikidata
//! hold them, to and from EDTF. Years here are astronomical (`0` = 1 BC); each format converts
//! its own year numbering at its edge.

use annals_dates::{Precision, When};

/// A date known to the year, month, day or second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Parts {
    /// Astronomical year.
    pub year: i64,
    /// Month 1–12, when known.
    pub month: Option<u8>,
    /// Day of the month, when known.
    pub day: Option<u8>,
    /// Hour, minute and second, when known.
    pub time: Option<(u8, u8, u8)>,
}

/// A date as parts: a start, an end for spans, and what the parts could not say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The start (or the only date).
    pub start: Parts,
    /// The end of a span.
    pub end: Option<Parts>,
    /// What was lost (for `Dropped` warnings).
    pub lost: Vec<String>,
}

pub use annals_dates::edtf_year;

impl Parts {
    /// The EDTF of these parts. Months and days need a year of at most four digits.
    pub fn edtf(&self) -> String {
        let mut s = edtf_year(self.year);
        if self.year.unsigned_abs() > 9999 {
            return s;
        }
        if let Some(m) = self.month {
            s.push_str(&format!("-{m:02}"));
            if let Some(d) = self.day {
                s.push_str(&format!("-{d:02}"));
                if let Some((h, mi, se)) = self.time {
                    s.push_str(&format!("T{h:02}:{mi:02}:{se:02}"));
                }
            }
        }
        s
    }
}

/// The EDTF of a start and an optional end. An interval's ends are days at the finest: EDTF
/// intervals hold no time of day, so a span from 20:17 on one day to 02:56 on the next is the
/// two days.
pub fn edtf_of(start: &Parts, end: Option<&Parts>) -> String {
    match end {
        Some(e) if e != start => {
            let day = |p: &Parts| Parts { time: None, ..*p };
            let (a, b) = (day(start), day(e));
            if a == b {
                a.edtf()
            } else {
                format!("{}/{}", a.edtf(), b.edtf())
            }
        }
        _ => start.edtf(),
    }
}

/// Split a date into parts.
pub fn split(w: &When) -> Split {
    let mut lost = Vec::new();
    if w.edtf.contains(['?', '~', '%']) {
        lost.push(format!("date {}: the uncertain/approximate marker", w.edtf));
    }
    if let Some((lo, hi)) = w.edtf.split_once('/') {
        let side = |s: &str| -> Option<Parts> {
            let s = s.trim_matches(['?', '~', '%']);
            if s.is_empty() || s == ".." {
                return None;
            }
            When::from_edtf(s)
                .ok()
                .map(|x| single(&x, &mut Vec::new()).0)
        };
        let (a, b) = (side(lo), side(hi));
        return match (a, b) {
            (Some(a), b) => {
                if b.is_none() {
                    lost.push(format!("date {}: the open or unknown end", w.edtf));
                }
                Split {
                    start: a,
                    end: b,
                    lost,
                }
            }
            (None, Some(b)) => {
                lost.push(format!("date {}: the open or unknown start", w.edtf));
                Split {
                    start: b,
                    end: None,
                    lost,
                }
            }
            (None, None) => {
                lost.push(format!("date {}: both ends are open or unknown", w.edtf));
                Split {
                    start: Parts::default(),
                    end: None,
                    lost,
                }
            }
        };
    }
    let (start, end) = single(w, &mut lost);
    Split { start, end, lost }
}

fn single(w: &When, lost: &mut Vec<String>) -> (Parts, Option<Parts>) {
    let lo = w.earliest.day().or(w.latest.day()).map(|d| d.ymd());
    let hi = w.latest.day().map(|d| d.ymd());
    let Some(lo) = lo else {
        return (Parts::default(), None);
    };
    let year_of = |y: i64| Parts {
        year: y,
        ..Parts::default()
    };
    match w.precision {
        Precision::Time | Precision::Day => {
            let time = w.edtf.split_once('T').and_then(|(_, t)| {
                let mut it = t.split([':', 'Z', '+', '-']).map(|p| p.parse::<u8>().ok());
                Some((it.next()??, it.next()??, it.next().flatten().unwrap_or(0)))
            });
            (
                Parts {
                    year: lo.year,
                    month: Some(lo.month),
                    day: Some(lo.day),
                    time,
                },
                None,
            )
        }
        Precision::Month => (
            Parts {
                year: lo.year,
                month: Some(lo.month),
                ..Parts::default()
            },
            None,
        ),
        Precision::Year => (year_of(lo.year), None),
        _ => {
            if let Some(est) = w.estimate {
                lost.push(format!("date {}: its significant digits", w.edtf));
                return (year_of(est.ymd().year), None);
            }
            lost.push(format!(
                "date {}: written as the span of years it covers",
                w.edtf
            ));
            let end = hi.map(|h| year_of(h.year)).filter(|h| h.year != lo.year);
            (year_of(lo.year), end)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(edtf: &str) -> (String, usize) {
        let s = split(&When::from_edtf(edtf).unwrap());
        (edtf_of(&s.start, s.end.as_ref()), s.lost.len())
    }

    #[test]
    fn round_trips() {
        for e in [
            "1960-01-19",
            "1960-01",
            "1960",
            "-0043-03-13",
            "1950/1970",
            "1950-05/1951-06-02",
            "Y-13800000000",
            "2001-02-03T04:05:06",
        ] {
            assert_eq!(round(e), (e.to_string(), 0), "{e}");
        }
        assert_eq!(round("196X"), ("1960/1969".to_string(), 1));
        assert_eq!(round("1960?"), ("1960".to_string(), 1));
        assert_eq!(round("1950/.."), ("1950".to_string(), 1));
        assert_eq!(edtf_year(-13_800_000_000), "Y-13800000000");
        assert_eq!(edtf_year(0), "0000");
    }

    #[test]
    fn intervals_hold_days_not_times() {
        let at = |day: u8, h: u8| Parts {
            year: 1969,
            month: Some(7),
            day: Some(day),
            time: Some((h, 17, 0)),
        };
        let (a, b) = (at(20, 20), at(21, 2));
        assert_eq!(edtf_of(&a, Some(&b)), "1969-07-20/1969-07-21");
        assert!(When::from_edtf(&edtf_of(&a, Some(&b))).is_ok());
        // two times of one day are that day
        assert_eq!(edtf_of(&at(20, 9), Some(&at(20, 20))), "1969-07-20");
        // one time alone keeps it
        assert_eq!(edtf_of(&a, None), "1969-07-20T20:17:00");
    }
}

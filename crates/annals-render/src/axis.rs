//! The time axis of a figure: "nice" ticks for a window of days, from single days to billions of
//! years, labelled as historians write them ("500 BC", "AD 100", "Oct 1066", "66 Ma").

use crate::scale::{Bend, Scale};
use annals_dates::{year_written, Calendar, DayNumber, Ymd};

/// One tick: where (a day on the axis) and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Its day (Rata Die).
    pub day: i64,
    /// Its label.
    pub label: String,
}

/// The ticks of a window, and a note on their unit when it needs one ("Ma: million years ago").
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// The ticks, in time order, all inside the window.
    pub ticks: Vec<Tick>,
    /// What the labels' unit means, when it is an abbreviation.
    pub note: Option<String>,
}

const DAYS_PER_YEAR: f64 = 365.2425;
const SHORT_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The first day of astronomical year `y` (Gregorian), even far beyond the calendar's range.
pub fn year_day(y: i64) -> i64 {
    Calendar::Gregorian
        .to_day(Ymd {
            year: y,
            month: 1,
            day: 1,
        })
        .map_or_else(|| ((y - 1) as f64 * DAYS_PER_YEAR).round() as i64, |d| d.0)
}

/// The step from {1, 2, 5} × 10^k nearest above `raw`.
fn nice(raw: f64) -> f64 {
    let raw = raw.max(1e-9);
    let p = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * p)
}

/// About `target` ticks for the days `lo..=hi`.
pub fn axis(lo: i64, hi: i64, target: usize) -> Axis {
    axis_in(lo, hi, target, DayNumber(lo.min(hi)).ymd().year <= 0)
}

/// The ticks of a scale drawn from `left` to `right`: on a linear scale [`axis`] with a tick
/// about every `every` pixels; on a bent one, chosen piece by piece (every `every` pixels, the
/// fewest ticks that put one in the piece), as the web timeline chooses them. `bc`: the figure
/// starts BC, so AD years say so.
pub fn axis_on(scale: &Scale, left: f64, right: f64, every: f64, bc: bool) -> Axis {
    let every = every.max(1.0);
    let day = |x: f64| scale.day(x).clamp(-9e15, 9e15);
    let (lo, hi) = (day(left).floor() as i64, day(right).ceil() as i64);
    if scale.bend() == Bend::Linear {
        let target = ((right - left) / every).floor().max(2.0) as usize;
        return axis_in(lo, hi, target, bc);
    }
    let mut ticks: Vec<Tick> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut px = left;
    while px < right {
        let end = (px + every).min(right);
        let (a, b) = (day(px).floor() as i64, day(end).ceil() as i64);
        for n in [2, 4, 8, 16] {
            let piece = axis_in(a, b, n, bc);
            let inside: Vec<Tick> = piece
                .ticks
                .into_iter()
                .filter(|t| {
                    let x = scale.x(t.day as f64);
                    x >= px && x < end && ticks.last().is_none_or(|l| l.day < t.day)
                })
                .collect();
            if !inside.is_empty() {
                if let Some(note) = piece.note.filter(|n| !notes.contains(n)) {
                    notes.push(note);
                }
                ticks.extend(inside);
                break;
            }
        }
        px = end;
    }
    Axis {
        ticks,
        note: (!notes.is_empty()).then(|| notes.join(" · ")),
    }
}

/// [`axis`], saying AD beside BC when `bc`.
fn axis_in(lo: i64, hi: i64, target: usize, bc: bool) -> Axis {
    let (lo, hi) = (lo.min(hi), lo.max(hi));
    let target = target.max(2) as f64;
    let span_days = (hi - lo).max(1) as f64;
    let years = span_days / DAYS_PER_YEAR;
    if years >= 20_000.0 {
        deep(lo, hi, years / target)
    } else if years >= 3.0 {
        historical(lo, hi, years / target, bc)
    } else if span_days >= 60.0 {
        months(lo, hi, span_days / 30.44 / target)
    } else {
        days(lo, hi, span_days / target)
    }
}

/// Years before 2000, in ka, Ma or Ga.
fn deep(lo: i64, hi: i64, raw: f64) -> Axis {
    let step = nice(raw);
    let ago = |day: i64| 2000.0 - (day as f64 / DAYS_PER_YEAR + 1.0);
    let (oldest, newest) = (ago(lo), ago(hi));
    let (unit, div, note) = if oldest >= 1e9 && step >= 1e8 {
        ("Ga", 1e9, "Ga: billion years ago")
    } else if oldest >= 1e6 && step >= 1e5 {
        ("Ma", 1e6, "Ma: million years ago")
    } else {
        ("ka", 1e3, "ka: thousand years ago")
    };
    let mut ticks = Vec::new();
    let mut k = (newest / step).ceil();
    while k * step <= oldest && ticks.len() < 200 {
        let a = k * step;
        let day = ((2000.0 - a - 1.0) * DAYS_PER_YEAR).round() as i64;
        let v = a / div;
        let label = if (v - v.round()).abs() < 1e-9 {
            format!("{} {unit}", v.round() as i64)
        } else {
            format!("{} {unit}", trim(v))
        };
        ticks.push(Tick { day, label });
        k += 1.0;
    }
    ticks.reverse();
    Axis {
        ticks,
        note: Some(note.to_string()),
    }
}

fn trim(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Years as historians number them: 100 BC, then AD 100 (there is no year 0).
fn historical(lo: i64, hi: i64, raw: f64, bc: bool) -> Axis {
    let step = nice(raw).max(1.0) as i64;
    let (y0, y1) = (DayNumber(lo).ymd().year, DayNumber(hi).ymd().year);
    let mut ticks = Vec::new();
    // historian years: -n for n BC, n for AD n
    let first = if y0 <= 0 { -(1 - y0) } else { y0 };
    let mut v = first.div_euclid(step) * step;
    while ticks.len() < 200 {
        if v != 0 {
            let astro = if v < 0 { 1 + v } else { v };
            if astro > y1 {
                break;
            }
            let day = year_day(astro);
            if day >= lo && day <= hi {
                let label = if astro > 0 && bc {
                    format!("AD {astro}")
                } else {
                    year_written(astro)
                };
                ticks.push(Tick { day, label });
            }
        }
        v += step;
    }
    Axis { ticks, note: None }
}

fn months(lo: i64, hi: i64, raw: f64) -> Axis {
    let step = [1u32, 2, 3, 6]
        .into_iter()
        .find(|s| f64::from(*s) >= raw)
        .unwrap_or(12);
    let start = DayNumber(lo).ymd();
    let mut m = (start.year * 12 + i64::from(start.month) - 1).div_euclid(i64::from(step))
        * i64::from(step);
    let mut ticks = Vec::new();
    while ticks.len() < 200 {
        let (year, month) = (m.div_euclid(12), (m.rem_euclid(12) + 1) as u8);
        let Some(d) = Calendar::Gregorian.to_day(Ymd {
            year,
            month,
            day: 1,
        }) else {
            break;
        };
        if d.0 > hi {
            break;
        }
        if d.0 >= lo {
            let name = SHORT_MONTHS[usize::from(month - 1)];
            let label = if month == 1 || ticks.is_empty() {
                format!("{name} {}", year_written(year))
            } else {
                name.to_string()
            };
            ticks.push(Tick { day: d.0, label });
        }
        m += i64::from(step);
    }
    Axis { ticks, note: None }
}

fn days(lo: i64, hi: i64, raw: f64) -> Axis {
    let step = [1i64, 2, 5, 7, 14]
        .into_iter()
        .find(|s| *s as f64 >= raw)
        .unwrap_or(28);
    let mut ticks = Vec::new();
    let mut d = lo;
    while d <= hi && ticks.len() < 200 {
        let ymd = DayNumber(d).ymd();
        let name = SHORT_MONTHS[usize::from(ymd.month.clamp(1, 12) - 1)];
        let label = if ticks.is_empty() {
            format!("{} {name} {}", ymd.day, year_written(ymd.year))
        } else {
            format!("{} {name}", ymd.day)
        };
        ticks.push(Tick { day: d, label });
        d += step;
    }
    Axis { ticks, note: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(a: &Axis) -> Vec<&str> {
        a.ticks.iter().map(|t| t.label.as_str()).collect()
    }

    #[test]
    fn bc_and_ad_as_historians_number_them() {
        let a = axis(year_day(-499), year_day(301), 8);
        let l = labels(&a);
        // 500 BC is astronomical -499; there is no year 0; AD years say so beside BC ones
        assert_eq!(l.first(), Some(&"500 BC"), "{l:?}");
        assert!(
            l.contains(&"100 BC") && l.contains(&"AD 100") && !l.contains(&"0"),
            "{l:?}"
        );
        assert!(a.ticks.windows(2).all(|w| w[0].day < w[1].day));
        let a = axis(year_day(1900), year_day(2000), 10);
        assert_eq!(labels(&a)[..3], ["1900", "1910", "1920"]);
    }

    #[test]
    fn deep_time_in_ma_and_ga() {
        let a = axis(year_day(-4_600_000_000), year_day(2000), 8);
        assert_eq!(a.note.as_deref(), Some("Ga: billion years ago"));
        assert!(labels(&a).contains(&"4 Ga"), "{:?}", labels(&a));
        let a = axis(year_day(-66_000_000), year_day(-1_000_000), 6);
        assert!(
            labels(&a).iter().all(|l| l.ends_with(" Ma")),
            "{:?}",
            labels(&a)
        );
    }

    #[test]
    fn a_bent_scale_gets_ticks_piece_by_piece() {
        let (lo, hi) = (year_day(-20_000), year_day(1900));
        let s = Scale::new(lo as f64, hi as f64, year_day(2027), 0.0, 1100.0);
        assert_eq!(s.bend(), Bend::Bent);
        let a = axis_on(&s, 0.0, 1100.0, 110.0, true);
        let l = labels(&a);
        // about one a piece, in order, and AD years say so beside BC ones
        assert!((8..=14).contains(&l.len()), "{l:?}");
        assert!(a.ticks.windows(2).all(|w| w[0].day < w[1].day), "{l:?}");
        assert!(l.iter().any(|l| l.starts_with("AD ")), "{l:?}");
        assert!(l.iter().any(|l| l.ends_with(" BC")), "{l:?}");
        // ticks further back are further apart in time: the scale gives them less room
        let gap = |i: usize| a.ticks[i + 1].day - a.ticks[i].day;
        assert!(gap(0) >= 2 * gap(a.ticks.len() - 2), "{l:?}");
        // a linear scale is the plain axis of the window
        let s = Scale::new(
            year_day(1900) as f64,
            year_day(2000) as f64,
            year_day(2027),
            0.0,
            1100.0,
        );
        assert_eq!(
            labels(&axis_on(&s, 0.0, 1100.0, 110.0, false))[..2],
            ["1900", "1910"]
        );
    }

    #[test]
    fn months_and_days() {
        let lo = Calendar::Gregorian
            .to_day(Ymd {
                year: 1066,
                month: 9,
                day: 1,
            })
            .unwrap()
            .0;
        let a = axis(lo, lo + 200, 8);
        assert_eq!(labels(&a)[0], "Sep 1066");
        let a = axis(lo, lo + 20, 6);
        assert_eq!(labels(&a)[0], "1 Sep 1066");
        assert!(a.ticks.iter().all(|t| t.day >= lo && t.day <= lo + 20));
    }
}

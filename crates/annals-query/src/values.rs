//! Filter values: dates, points, boxes, sort orders and names.

use annals_dates::{CalendarHint, DateError, When};

use crate::ast::{DateMode, DayRange, Filter, Sort};
use crate::lexer::{Key, Kind};
use crate::parser::QueryError;
use crate::problem::{Coordinate, Problem};

/// Largest `near:` radius: half the Earth's circumference, in kilometres.
pub const MAX_RADIUS_KM: f64 = 20040.0;

/// Kilometres in a statute mile.
const KM_PER_MILE: f64 = 1.609344;

/// The filter `key:value`; `pos` is the character offset of the value (after trimming, when
/// quoted); `quoted` says whether it was written in quotes.
pub(crate) fn filter(key: Key, value: &str, pos: usize, quoted: bool) -> Result<Kind, QueryError> {
    let filter = match key {
        Key::Date => Filter::Date {
            range: date_range(key, value, pos, quoted)?,
            mode: DateMode::Overlap,
        },
        Key::Within => Filter::Date {
            range: date_range(key, value, pos, quoted)?,
            mode: DateMode::Within,
        },
        Key::Place => Filter::Place(value.to_string()),
        Key::Country => Filter::Country(value.to_string()),
        Key::Participant => Filter::Participant(value.to_string()),
        Key::Tag => Filter::Tag(value.to_string()),
        Key::Id => Filter::Id(value.to_string()),
        Key::Near => near(value, pos)?,
        Key::Bbox => bbox(value, pos)?,
        Key::Sort => return sort(value, pos).map(Kind::Sort),
    };
    Ok(Kind::Filter(filter))
}

/// The number of characters in `s`.
fn chars(s: &str) -> usize {
    s.chars().count()
}

/// `sort:` values.
fn sort(value: &str, pos: usize) -> Result<Sort, QueryError> {
    let v = value.to_ascii_lowercase();
    match v.as_str() {
        "relevance" => Ok(Sort::Relevance),
        "date" | "date-asc" => Ok(Sort::DateAsc),
        "-date" | "date-desc" => Ok(Sort::DateDesc),
        _ => Err(QueryError::new(
            pos,
            Problem::UnknownSort {
                value: value.to_string(),
            },
        )),
    }
}

/// A date range: one date, `A..B`, `..B`, `A..` or `..`.
///
/// A bare value is EDTF; a quoted one is read as English (or EDTF) text. A value that contains
/// `/` or starts with `[` or `{` is one EDTF interval or set, never split at `..`.
fn date_range(key: Key, value: &str, pos: usize, quoted: bool) -> Result<DayRange, QueryError> {
    let single = value.contains('/') || value.starts_with('[') || value.starts_with('{');
    let split = if single { None } else { value.find("..") };
    let Some(k) = split else {
        let (lo, hi) = read_date(key, value, pos, quoted)?.axis_range();
        return finite(DayRange { lo, hi }, value, pos);
    };
    let (a, b) = (&value[..k], &value[k + 2..]);
    let a_pos = pos + chars(a) - chars(a.trim_start());
    let b_pos = pos + chars(a) + 2 + chars(b) - chars(b.trim_start());
    let (a, b) = (a.trim(), b.trim());
    let lo = if a.is_empty() {
        i64::MIN
    } else {
        read_date(key, a, a_pos, quoted)?.axis_range().0
    };
    let hi = if b.is_empty() {
        i64::MAX
    } else {
        read_date(key, b, b_pos, quoted)?.axis_range().1
    };
    if lo > hi {
        return Err(QueryError::new(
            pos,
            Problem::ReversedRange {
                from: a.to_string(),
                to: b.to_string(),
            },
        ));
    }
    finite(DayRange { lo, hi }, value, pos)
}

/// `range`, unless it lies wholly at one infinite end of the axis. The date library gives
/// `(i64::MIN, i64::MIN)` for an interval that is open at the start and unknown at the end
/// (`..1950/`): such a value names no day.
fn finite(range: DayRange, value: &str, pos: usize) -> Result<DayRange, QueryError> {
    if range.hi == i64::MIN || range.lo == i64::MAX {
        return Err(QueryError::new(
            pos,
            Problem::NoDay {
                value: value.to_string(),
            },
        ));
    }
    Ok(range)
}

/// One date: EDTF when bare, text when quoted. `pos` is its character offset in the query.
fn read_date(key: Key, date: &str, pos: usize, quoted: bool) -> Result<When, QueryError> {
    if quoted {
        return When::from_text(date, CalendarHint::Auto).map_err(|e| {
            QueryError::new(
                pos,
                Problem::Date {
                    message: e.to_string(),
                    quote: None,
                },
            )
        });
    }
    When::from_edtf(date).map_err(|e| {
        // Point at the character where the EDTF stops being valid.
        let at = match &e {
            DateError::Edtf { input, offset, .. } if input == date => {
                date.get(..*offset).map_or(0, chars)
            }
            _ => 0,
        };
        let quote = When::from_text(date, CalendarHint::Auto)
            .is_ok()
            .then(|| format!("{}:\"{date}\"", key.name()));
        QueryError::new(
            pos + at,
            Problem::Date {
                message: e.to_string(),
                quote,
            },
        )
    })
}

/// The comma-separated parts of `value`, trimmed, each with its character offset.
fn parts(value: &str, pos: usize) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    let mut at = pos;
    for part in value.split(',') {
        let lead = chars(part) - chars(part.trim_start());
        out.push((part.trim(), at + lead));
        at += chars(part) + 1;
    }
    out
}

/// A plain decimal number: `[+-]digits[.digits]` or `[+-].digits`; no exponent, no `inf`/`NaN`.
fn number(s: &str) -> Option<f64> {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !digits(frac) || (int.is_empty() && frac.is_empty()) {
        return None;
    }
    s.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// A latitude or longitude part: a number within ±`limit`.
fn degrees(part: &str, pos: usize, coordinate: Coordinate) -> Result<f64, QueryError> {
    let Some(x) = number(part) else {
        return Err(QueryError::new(
            pos,
            Problem::NotDegrees {
                coordinate,
                found: part.to_string(),
            },
        ));
    };
    let limit = f64::from(coordinate.limit());
    if !(-limit..=limit).contains(&x) {
        return Err(QueryError::new(
            pos,
            Problem::DegreesOutOfRange {
                coordinate,
                value: part.to_string(),
            },
        ));
    }
    Ok(x)
}

/// `near:lat,lon,radius`.
fn near(value: &str, pos: usize) -> Result<Filter, QueryError> {
    let p = parts(value, pos);
    let [(lat, lat_at), (lon, lon_at), (radius, r_at)] = p[..] else {
        return Err(QueryError::new(
            pos,
            Problem::NearForm {
                found: value.to_string(),
            },
        ));
    };
    let lat = degrees(lat, lat_at, Coordinate::Latitude)?;
    let lon = degrees(lon, lon_at, Coordinate::Longitude)?;
    let radius_km = radius_km(radius, r_at)?;
    Ok(Filter::Near {
        lat,
        lon,
        radius_km,
    })
}

/// A radius with its unit (`300km`, `500m`, `20mi`), in kilometres.
fn radius_km(part: &str, pos: usize) -> Result<f64, QueryError> {
    let unit_len = part
        .chars()
        .rev()
        .take_while(char::is_ascii_alphabetic)
        .count();
    let (num, unit) = part.split_at(part.len() - unit_len);
    let expected = || {
        QueryError::new(
            pos,
            Problem::RadiusForm {
                found: part.to_string(),
            },
        )
    };
    let x = number(num.trim_end()).ok_or_else(expected)?;
    let km = match unit.to_ascii_lowercase().as_str() {
        "km" => x,
        "m" => x / 1000.0,
        "mi" => x * KM_PER_MILE,
        _ => return Err(expected()),
    };
    if !(km > 0.0 && km <= MAX_RADIUS_KM) {
        return Err(QueryError::new(
            pos,
            Problem::RadiusOutOfRange {
                value: part.to_string(),
            },
        ));
    }
    Ok(km)
}

/// `bbox:south,west,north,east`.
fn bbox(value: &str, pos: usize) -> Result<Filter, QueryError> {
    let p = parts(value, pos);
    let [(s, s_at), (w, w_at), (n, n_at), (e, e_at)] = p[..] else {
        return Err(QueryError::new(
            pos,
            Problem::BboxForm {
                found: value.to_string(),
            },
        ));
    };
    let south = degrees(s, s_at, Coordinate::South)?;
    let west = degrees(w, w_at, Coordinate::West)?;
    let north = degrees(n, n_at, Coordinate::North)?;
    let east = degrees(e, e_at, Coordinate::East)?;
    if south > north {
        return Err(QueryError::new(
            s_at,
            Problem::SouthOfNorth {
                south: s.to_string(),
                north: n.to_string(),
            },
        ));
    }
    Ok(Filter::Bbox {
        south,
        west,
        north,
        east,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        for (s, x) in [
            ("0", 0.0),
            ("35.68", 35.68),
            ("-0.5", -0.5),
            ("+12", 12.0),
            (".5", 0.5),
            ("5.", 5.0),
            ("-.25", -0.25),
        ] {
            assert_eq!(number(s), Some(x), "{s}");
        }
        for s in [
            "", "-", ".", "-.", "1e3", "inf", "NaN", "infinity", "1.2.3", "١٢", "0x10", " 1", "1 ",
            "--1",
        ] {
            assert_eq!(number(s), None, "{s}");
        }
    }

    #[test]
    fn parts_have_offsets() {
        assert_eq!(parts("1, 2 ,3", 10), vec![("1", 10), ("2", 13), ("3", 16)]);
        assert_eq!(parts("é,x", 0), vec![("é", 0), ("x", 2)]);
    }

    #[test]
    fn radii() {
        assert_eq!(radius_km("300km", 0), Ok(300.0));
        assert_eq!(radius_km("300KM", 0), Ok(300.0));
        assert_eq!(radius_km("500m", 0), Ok(0.5));
        assert_eq!(radius_km("10mi", 0), Ok(16.09344));
        assert_eq!(radius_km("10 mi", 0), Ok(16.09344));
        assert_eq!(radius_km("20040km", 0), Ok(20040.0));
        for bad in ["300", "km", "0km", "-5km", "20041km", "300ft", "1e3km", ""] {
            assert!(radius_km(bad, 7).is_err_and(|e| e.offset == 7), "{bad}");
        }
    }

    #[test]
    fn sorts() {
        assert_eq!(sort("relevance", 0), Ok(Sort::Relevance));
        assert_eq!(sort("Date", 0), Ok(Sort::DateAsc));
        assert_eq!(sort("date-asc", 0), Ok(Sort::DateAsc));
        assert_eq!(sort("-date", 0), Ok(Sort::DateDesc));
        assert_eq!(sort("date-desc", 0), Ok(Sort::DateDesc));
        assert!(sort("newest", 3)
            .is_err_and(|e| e.offset == 3 && e.problem.to_string().contains("-date")));
    }
}

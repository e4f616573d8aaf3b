//! Dates as historians write them, in English, turned into EDTF.
//!
//! Accepted forms (see `docs/dates.md` for the full list and the policies):
//! "January 19, 1960", "19 January 1960", "1949", "March 15, 44 BC", "44 BCE", "AD 69",
//! "c. 1200 BC", "circa 1500", "the 1960s", "21st century", "5th century BC", "spring 1943",
//! "early 1943", "November 15, 1884 – February 26, 1885", "between 1450 and 1460",
//! "before 1200", "309/310", "285 (or 286)", "1642 (OS)", "April 8, 1882 (O.S. 27 March)",
//! "4.54 billion years ago", "66 million years ago", "12,900 BP", and strict EDTF itself.
//!
//! Calendar: a day or month date before 15 October 1582 is read as Julian unless the text
//! says otherwise (O.S./N.S.) or the caller gives a calendar; it is converted to proleptic
//! Gregorian, since EDTF has no calendar designator.

use crate::day::{to_gregorian, Calendar, Ymd, WEEKDAY_NAMES};
use crate::edtf::{edtf_year, Edtf};
use crate::error::DateError;
use crate::feast::{feast, feast_day, roman_day, Feast};
use crate::when::CalendarHint;

/// The EDTF reading of a text and the calendar it was reckoned in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// EDTF, proleptic Gregorian.
    pub edtf: String,
    /// The calendar the text was written in.
    pub calendar: Calendar,
    /// What the text says that does not fit its date, though the date reads: a weekday that is
    /// not the day's ("Monday, January 19, 1960" was a Tuesday). Each names the text.
    pub warnings: Vec<String>,
}

/// Longest text accepted as a date.
const MAX_LEN: usize = 200;
/// Present for "BP" and "years ago" (the radiocarbon convention).
const BP_PRESENT: i64 = 1950;
/// Largest year number read from text: beyond the day axis (about ±2.5×10¹⁶ years) already, and
/// small enough that the reader's year arithmetic cannot overflow.
const MAX_TEXT_YEAR: i64 = 100_000_000_000_000_000;

/// Read `text` as a date.
pub fn read(text: &str, hint: CalendarHint) -> Result<Reading, DateError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(DateError::Unrecognised(text.to_string()));
    }
    if trimmed.len() > MAX_LEN {
        return Err(DateError::Invalid(format!(
            "a date of {} bytes is too long: at most {MAX_LEN}",
            trimmed.len()
        )));
    }
    if hint == CalendarHint::Given(Calendar::Julian) {
        if let Some(reading) = julian_iso_day(trimmed)? {
            return Ok(reading);
        }
    }
    // "EDTF: 1939-41": strict EDTF, said so (the card writer writes this where the EDTF would
    // read otherwise as English).
    if let Some(rest) = edtf_marked(trimmed) {
        let edtf = Edtf::parse(rest)?;
        edtf.bounds()?;
        return Ok(from_edtf(edtf));
    }
    // Strict EDTF reads as itself, except a four-digit year, a hyphen and two digits that are
    // no month and a later year of the same century: `1939-41` is 1939–1941 as every historian
    // means it, not the EDTF semester 41 of 1939 (that is `EDTF: 1939-41`).
    if !two_digit_year_range(trimmed) {
        if let Ok(edtf) = Edtf::parse(trimmed) {
            // Valid EDTF beyond the day axis (`Y17E200`) is out of range, as text readings are.
            edtf.bounds()?;
            return Ok(from_edtf(edtf));
        }
    }
    let tokens = tokenize(trimmed).ok_or_else(|| DateError::Unrecognised(text.to_string()))?;
    let mut p = Parser {
        toks: tokens,
        pos: 0,
        text,
        hint,
        julian_used: false,
        weekdays: Vec::new(),
    };
    let edtf = p.expression()?;
    let warnings = p.weekday_warnings()?;
    let calendar = match p.hint {
        CalendarHint::Given(c) => c,
        CalendarHint::Auto if p.julian_used => Calendar::Julian,
        CalendarHint::Auto => Calendar::Gregorian,
    };
    // Validate what we built: every reading must be strict EDTF.
    let checked = Edtf::parse(&edtf).map_err(|_| DateError::Unrecognised(text.to_string()))?;
    checked.bounds()?;
    Ok(Reading {
        edtf: checked.canonical(),
        calendar,
        warnings,
    })
}

/// The warnings of reading `text` (see [`Reading::warnings`]); none when it does not read.
pub fn warnings(text: &str, hint: CalendarHint) -> Vec<String> {
    read(text, hint).map(|r| r.warnings).unwrap_or_default()
}

/// EDTF given as text: proleptic Gregorian by definition.
fn from_edtf(edtf: Edtf) -> Reading {
    Reading {
        edtf: edtf.canonical(),
        calendar: Calendar::Gregorian,
        warnings: Vec::new(),
    }
}

/// Whether `text` is EDTF marked as such: `EDTF: 1939-41`.
pub fn is_marked_edtf(text: &str) -> bool {
    edtf_marked(text.trim()).is_some()
}

/// The EDTF after an `EDTF:` marker (any case, spaces allowed after the colon).
fn edtf_marked(s: &str) -> Option<&str> {
    let head = s.get(..5)?;
    head.eq_ignore_ascii_case("edtf:").then(|| s[5..].trim())
}

/// `1939-41`, `1921-24`, `1914-21?`: a four-digit year, a hyphen and two digits that are no
/// month (13–99) and later than the year's last two. Such text is a range of years.
fn two_digit_year_range(s: &str) -> bool {
    let s = s.strip_suffix(['?', '~', '%']).unwrap_or(s);
    let b = s.as_bytes();
    if b.len() != 7
        || b[4] != b'-'
        || !b
            .iter()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit())
    {
        return false;
    }
    let first = (b[2] - b'0') * 10 + (b[3] - b'0');
    let second = (b[5] - b'0') * 10 + (b[6] - b'0');
    second > 12 && second > first
}

/// An ISO day (`1700-02-29`) that the caller says is Julian: validated in the Julian calendar.
fn julian_iso_day(s: &str) -> Result<Option<Reading>, DateError> {
    let (neg, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s),
    };
    let b = body.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Ok(None);
    }
    let num = |r: std::ops::Range<usize>| body[r].parse::<i64>().unwrap_or(0);
    let year = if neg { -num(0..4) } else { num(0..4) };
    let date = Ymd {
        year,
        month: num(5..7) as u8,
        day: num(8..10) as u8,
    };
    let g = to_gregorian(Calendar::Julian, date)
        .ok_or_else(|| DateError::NoSuchDay(format!("{s} in the julian calendar")))?;
    Ok(Some(Reading {
        edtf: fmt_ymd(g),
        calendar: Calendar::Julian,
        warnings: Vec::new(),
    }))
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// A word, lowercased, dots removed ("B.C." → "bc").
    Word(String),
    /// An integer or decimal number as written (thousands separators removed).
    Num(String),
    /// "5th", "21st".
    Ordinal(i64),
    /// "1960s", "1800s".
    Plural(i64),
    Dash,
    Slash,
    Comma,
    LParen,
    RParen,
    Question,
    Tilde,
}

fn tokenize(s: &str) -> Option<Vec<Tok>> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() || c == '\u{00b7}' {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            let mut num = String::new();
            while i < chars.len() {
                let ch = chars[i];
                if ch.is_ascii_digit() {
                    num.push(ch);
                    i += 1;
                } else if (ch == ',' || ch == '.')
                    && i + 1 < chars.len()
                    && chars[i + 1].is_ascii_digit()
                    && (ch == '.' || (i + 3 < chars.len() + 1 && thousands_group(&chars, i + 1)))
                {
                    if ch == '.' {
                        num.push('.');
                    }
                    i += 1;
                } else {
                    break;
                }
            }
            let _ = start;
            // Suffixes glued to the number: 5th, 1960s, 1960's.
            let mut j = i;
            let mut suffix = String::new();
            if j < chars.len() && chars[j] == '\'' {
                j += 1;
            }
            while j < chars.len() && chars[j].is_ascii_alphabetic() {
                suffix.push(chars[j].to_ascii_lowercase());
                j += 1;
            }
            match suffix.as_str() {
                "st" | "nd" | "rd" | "th" if !num.contains('.') => {
                    out.push(Tok::Ordinal(num.parse().ok()?));
                    i = j;
                }
                "s" if !num.contains('.') => {
                    out.push(Tok::Plural(num.parse().ok()?));
                    i = j;
                }
                _ => out.push(Tok::Num(num)),
            }
        } else if c.is_alphabetic() {
            let mut w = String::new();
            while i < chars.len() {
                let ch = chars[i];
                if ch.is_alphabetic() {
                    w.extend(ch.to_lowercase());
                    i += 1;
                } else if matches!(ch, '\'' | '\u{2019}')
                    && !w.is_empty()
                    && chars.get(i + 1).is_some_and(|c| c.is_alphabetic())
                {
                    // "Crispin's", "New Year’s": the apostrophe is dropped.
                    i += 1;
                } else if ch == '.' && !w.is_empty() {
                    // "B.C." and "c." and "Jan.": swallow the dot.
                    i += 1;
                    if !(i < chars.len() && chars[i].is_alphabetic() && w.len() <= 2) {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(Tok::Word(w));
        } else {
            out.push(match c {
                '-' | '\u{2013}' | '\u{2014}' | '\u{2012}' | '\u{2212}' => Tok::Dash,
                '/' => Tok::Slash,
                ',' => Tok::Comma,
                '(' | '[' => Tok::LParen,
                ')' | ']' => Tok::RParen,
                '?' => Tok::Question,
                '~' => Tok::Tilde,
                _ => return None,
            });
            i += 1;
        }
    }
    Some(out)
}

/// Whether `chars[at..]` starts with exactly three digits (a thousands group).
fn thousands_group(chars: &[char], at: usize) -> bool {
    at + 3 <= chars.len()
        && chars[at..at + 3].iter().all(char::is_ascii_digit)
        && !chars.get(at + 3).is_some_and(char::is_ascii_digit)
}

// ---------------------------------------------------------------------------------------------
// Points: one date, before it is combined into a range, a set or a qualified value.

#[derive(Debug, Clone, Copy, PartialEq)]
enum Point {
    Day {
        year: i64,
        month: u8,
        day: u8,
    },
    Month {
        year: i64,
        month: u8,
    },
    Year(i64),
    /// A sub-year grouping code (21–24 seasons, 37–39 thirds of the year).
    Group {
        year: i64,
        code: u8,
    },
    /// A masked year: `196X` (decade, `swept` = 1), `18XX` (century, 2), `1XXX` (3).
    Masked {
        year: i64,
        swept: u32,
    },
    /// Whole years, inclusive.
    Span {
        start: i64,
        end: i64,
    },
    /// A day whose year only the end of a range gives: "November 15" in
    /// "November 15 – December 3, 1884".
    MonthDay {
        month: u8,
        day: u8,
    },
    /// Deep time: a year and its significant digits.
    Deep {
        year: i64,
        sig: Option<u32>,
    },
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Qual {
    uncertain: bool,
    approximate: bool,
}

impl Qual {
    fn symbol(self) -> &'static str {
        match (self.uncertain, self.approximate) {
            (true, true) => "%",
            (true, false) => "?",
            (false, true) => "~",
            (false, false) => "",
        }
    }
}

/// A year as written, before era rules are applied across a range.
#[derive(Debug, Clone, Copy)]
struct WrittenYear {
    value: i64,
    digits: usize,
    era: Option<Era>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Era {
    Bc,
    Ad,
}

fn astronomical(n: i64, era: Option<Era>) -> i64 {
    match era {
        Some(Era::Bc) => 1 - n,
        _ => n,
    }
}

fn fmt_ymd(d: Ymd) -> String {
    format!("{}-{:02}-{:02}", edtf_year(d.year), d.month, d.day)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_of(word: &str) -> Option<u8> {
    if word == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| {
            *m == word
                || (word.len() >= 3 && m.starts_with(word) && word.len() <= 4 && word != "marc")
        })
        .map(|i| i as u8 + 1)
}

/// The weekday a word names, 0 for Monday: "Tuesday", "Tue".
fn weekday_of(word: &str) -> Option<u8> {
    WEEKDAY_NAMES
        .iter()
        .position(|d| {
            let d = d.to_ascii_lowercase();
            d == word || (word.len() == 3 && d.starts_with(word))
        })
        .map(|i| i as u8)
}

fn season_code(word: &str) -> Option<u8> {
    match word {
        "spring" => Some(21),
        "summer" => Some(22),
        "autumn" | "fall" => Some(23),
        "winter" => Some(24),
        _ => None,
    }
}

fn era_word(word: &str) -> Option<Era> {
    match word {
        "bc" | "bce" => Some(Era::Bc),
        "ad" | "ce" => Some(Era::Ad),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Early,
    Mid,
    Late,
    FirstHalf,
    SecondHalf,
}

struct Parser<'a> {
    toks: Vec<Tok>,
    pos: usize,
    text: &'a str,
    hint: CalendarHint,
    julian_used: bool,
    /// Weekdays named before a point ("Monday, January 19, 1960"): 0 = Monday, and the point.
    weekdays: Vec<(u8, Point)>,
}

impl<'a> Parser<'a> {
    fn unrecognised(&self) -> DateError {
        DateError::Unrecognised(self.text.to_string())
    }

    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn peek_word(&self) -> Option<&str> {
        match self.peek() {
            Some(Tok::Word(w)) => Some(w.as_str()),
            _ => None,
        }
    }

    fn eat(&mut self, t: &Tok) -> bool {
        if self.peek() == Some(t) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_word(&mut self, words: &[&str]) -> bool {
        if self.peek_word().is_some_and(|w| words.contains(&w)) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    /// The whole text: markers, qualifiers, then a point, range, set or open-ended date.
    fn expression(&mut self) -> Result<String, DateError> {
        let marker = self.calendar_marker()?;
        if let Some(m) = marker {
            self.hint = CalendarHint::Given(m);
        }
        self.eat_word(&["the"]);
        let result = if self.eat_word(&["between"]) {
            let (a, qa) = self.qualified_point()?;
            if !self.eat_word(&["and"]) {
                return Err(self.unrecognised());
            }
            let (b, qb) = self.range_end(a)?;
            let (a, b) = self.fix_range_years(a, b);
            format!(
                "[{}{}..{}{}]",
                self.start(a)?,
                qa.symbol(),
                self.end(b)?,
                qb.symbol()
            )
        } else if self.eat_word(&["before"]) || self.eat_words(&["earlier", "than"]) {
            let (a, q) = self.qualified_point()?;
            format!("[..{}{}]", self.before(a)?, q.symbol())
        } else if self.eat_word(&["after"]) || self.eat_words(&["later", "than"]) {
            let (a, q) = self.qualified_point()?;
            format!("[{}{}..]", self.after(a)?, q.symbol())
        } else if self.eat_word(&["since"]) {
            // "since 1500" includes 1500, as "from 1500" would.
            let (a, q) = self.qualified_point()?;
            format!("[{}{}..]", self.start(a)?, q.symbol())
        } else if self.eat_word(&["by", "until", "till"]) {
            // "until 1500" includes 1500, as "from 1400 until 1500" does.
            let (a, q) = self.qualified_point()?;
            format!("[..{}{}]", self.end(a)?, q.symbol())
        } else {
            let from = self.eat_word(&["from"]);
            let (a, qa) = self.qualified_point()?;
            if self.eat(&Tok::Dash) || self.eat_word(&["to", "until", "through", "till"]) {
                let (b, qb) = self.range_end(a)?;
                let (a, b) = self.fix_range_years(a, b);
                format!(
                    "{}{}/{}{}",
                    self.start(a)?,
                    qa.symbol(),
                    self.end(b)?,
                    qb.symbol()
                )
            } else if from {
                return Err(self.unrecognised());
            } else if let Some(alts) = self.alternatives(a)? {
                qualify(&alts, qa)
            } else {
                self.standalone(a, qa)?
            }
        };
        let q = self.suffix_qualifier();
        if !self.at_end() {
            return Err(self.unrecognised());
        }
        Ok(if q.symbol().is_empty() {
            result
        } else {
            qualify(&result, q)
        })
    }

    /// The end of a range that starts with `a`: a day of the same month ("January 19–21, 1960")
    /// or a point of its own.
    fn range_end(&mut self, a: Point) -> Result<(Point, Qual), DateError> {
        if let Point::MonthDay { month, .. } = a {
            let save = self.pos;
            let day = match self.peek() {
                Some(Tok::Num(d)) if d.len() <= 2 && !d.contains('.') => d.parse::<u8>().ok(),
                Some(Tok::Ordinal(d)) => u8::try_from(*d).ok(),
                _ => None,
            };
            if let Some(day) = day {
                self.pos += 1;
                self.eat(&Tok::Comma);
                if self.starts_year() {
                    if let Some(y) = self.year()? {
                        let year = astronomical(y.value, y.era);
                        let q = self.suffix_qualifier();
                        return Ok((Point::Day { year, month, day }, q));
                    }
                }
                self.pos = save;
            }
        }
        self.qualified_point()
    }

    /// A weekday recorded for `before` belongs to `after` (its year was found later).
    fn moved(&mut self, before: Point, after: Point) {
        for (_, p) in &mut self.weekdays {
            if *p == before {
                *p = after;
            }
        }
    }

    /// A warning for each weekday that is not the weekday of its day.
    fn weekday_warnings(&mut self) -> Result<Vec<String>, DateError> {
        let mut out = Vec::new();
        for (named, point) in std::mem::take(&mut self.weekdays) {
            let Point::Day { year, month, day } = point else {
                continue;
            };
            let g = self.day(year, month, day)?;
            let Some(number) = Calendar::Gregorian.to_day(g) else {
                continue;
            };
            let actual = number.weekday();
            if actual != named {
                out.push(format!(
                    "{:?}: {} {day}, {} was a {}, not a {}",
                    self.text,
                    crate::MONTH_NAMES[usize::from(month - 1)],
                    crate::year_written(year),
                    WEEKDAY_NAMES[usize::from(actual)],
                    WEEKDAY_NAMES[usize::from(named)]
                ));
            }
        }
        Ok(out)
    }

    fn eat_words(&mut self, words: &[&str]) -> bool {
        let ok = words
            .iter()
            .enumerate()
            .all(|(i, w)| matches!(self.toks.get(self.pos + i), Some(Tok::Word(x)) if x == w));
        if ok {
            self.pos += words.len();
        }
        ok
    }

    /// Removes a trailing Old Style / New Style marker and returns the calendar it names.
    /// "(O.S. 27 March)" gives the Old Style date of a New Style main date: it is checked.
    fn calendar_marker(&mut self) -> Result<Option<Calendar>, DateError> {
        let n = self.toks.len();
        // "... (OS)" / "... (O.S.)" / "... OS" / "(N.S.)"
        let is_marker = |t: &Tok| matches!(t, Tok::Word(w) if w == "os" || w == "ns");
        let marker_cal = |t: &Tok| match t {
            Tok::Word(w) if w == "os" => Calendar::Julian,
            _ => Calendar::Gregorian,
        };
        if n >= 3
            && self.toks[n - 1] == Tok::RParen
            && is_marker(&self.toks[n - 2])
            && self.toks[n - 3] == Tok::LParen
        {
            let cal = marker_cal(&self.toks[n - 2]);
            self.toks.truncate(n - 3);
            return Ok(Some(cal));
        }
        if n >= 2 && is_marker(&self.toks[n - 1]) {
            let cal = marker_cal(&self.toks[n - 1]);
            self.toks.truncate(n - 1);
            return Ok(Some(cal));
        }
        // "(O.S. 27 March)": the main date is New Style; the parenthesis is its Julian date.
        if let Some(open) = self.toks.iter().rposition(|t| *t == Tok::LParen) {
            if self.toks.last() == Some(&Tok::RParen)
                && matches!(self.toks.get(open + 1), Some(Tok::Word(w)) if w == "os")
                && open + 3 < n
            {
                let alt: Vec<Tok> = self.toks[open + 2..n - 1].to_vec();
                self.toks.truncate(open);
                self.check_old_style(alt)?;
                return Ok(Some(Calendar::Gregorian));
            }
        }
        Ok(None)
    }

    /// Checks that an Old Style day ("27 March", "March 27, 1882") is the main date's Julian date.
    fn check_old_style(&self, alt: Vec<Tok>) -> Result<(), DateError> {
        let mut main = Parser {
            toks: self.toks.clone(),
            pos: 0,
            text: self.text,
            hint: self.hint,
            julian_used: false,
            weekdays: Vec::new(),
        };
        let main_point = main.point().ok().filter(|_| main.at_end());
        let Some(Point::Day { year, month, day }) = main_point else {
            return Err(DateError::Invalid(format!(
                "{:?}: an O.S. date needs a day date before it",
                self.text
            )));
        };
        let main_day = Calendar::Gregorian
            .to_day(Ymd { year, month, day })
            .ok_or_else(|| DateError::NoSuchDay(self.text.to_string()))?;
        let julian = Calendar::Julian
            .from_day(main_day)
            .ok_or_else(|| DateError::OutOfRange(self.text.to_string()))?;
        let mut sub = Parser {
            toks: alt,
            pos: 0,
            text: self.text,
            hint: self.hint,
            julian_used: false,
            weekdays: Vec::new(),
        };
        let (m, d) = match sub.point_or_month_day(julian.year) {
            Ok(Point::Day { month, day, year }) if sub.at_end() && year == julian.year => {
                (month, day)
            }
            _ => return Err(self.unrecognised()),
        };
        if (m, d) != (julian.month, julian.day) {
            return Err(DateError::Invalid(format!(
                "{:?}: the Old Style date does not match: {} (N.S.) is {} {} (O.S.)",
                self.text,
                fmt_ymd(Ymd { year, month, day }),
                julian.day,
                MONTHS[usize::from(julian.month - 1)]
            )));
        }
        Ok(())
    }

    fn prefix_qualifier(&mut self) -> Qual {
        let mut q = Qual::default();
        loop {
            if self.eat_word(&[
                "c",
                "ca",
                "circa",
                "about",
                "around",
                "approximately",
                "approx",
                "roughly",
                "cir",
            ]) || self.eat(&Tok::Tilde)
            {
                q.approximate = true;
            } else if self.eat_word(&["probably", "possibly", "perhaps", "maybe", "likely"]) {
                q.uncertain = true;
            } else {
                return q;
            }
        }
    }

    fn suffix_qualifier(&mut self) -> Qual {
        let mut q = Qual::default();
        loop {
            if self.eat(&Tok::Question) {
                q.uncertain = true;
            } else if self.eat(&Tok::Tilde) || self.eat_word(&["approx", "approximately"]) {
                q.approximate = true;
            } else {
                return q;
            }
        }
    }

    fn qualified_point(&mut self) -> Result<(Point, Qual), DateError> {
        let mut q = self.prefix_qualifier();
        self.eat_word(&["the"]);
        let p = self.point()?;
        // "1860?", "1860 approx": a qualifier after a point belongs to it.
        let after = self.suffix_qualifier();
        q.uncertain |= after.uncertain;
        q.approximate |= after.approximate;
        Ok((p, q))
    }

    /// One point in time.
    fn point(&mut self) -> Result<Point, DateError> {
        if let Some(p) = self.deep_time()? {
            return Ok(p);
        }
        if self.eat_words(&["the", "year"]) || self.eat_word(&["year"]) {
            let y = self.year()?.ok_or_else(|| self.unrecognised())?;
            return Ok(Point::Year(astronomical(y.value, y.era)));
        }
        let part = if self.eat_word(&["early"]) {
            Some(Part::Early)
        } else if self.eat_word(&["mid", "middle"]) {
            self.eat(&Tok::Dash);
            Some(Part::Mid)
        } else if self.eat_word(&["late"]) {
            Some(Part::Late)
        } else if self.eat_words(&["first", "half", "of"]) {
            Some(Part::FirstHalf)
        } else if self.eat_words(&["second", "half", "of"]) {
            Some(Part::SecondHalf)
        } else {
            None
        };
        if part.is_some() {
            self.eat(&Tok::Dash);
            self.eat_word(&["the"]);
        }
        let base = self.unit_point()?;
        match part {
            None => Ok(base),
            Some(part) => part_of(base, part).ok_or_else(|| self.unrecognised()),
        }
    }

    fn unit_point(&mut self) -> Result<Point, DateError> {
        match self.peek().cloned() {
            Some(Tok::Ordinal(n)) => {
                self.pos += 1;
                let millennium = if self.eat_word(&["century", "c"]) {
                    false
                } else if self.eat_word(&["millennium"]) {
                    true
                } else {
                    // "19th January 1960"
                    self.pos -= 1;
                    return self.day_first();
                };
                let era = self.era_suffix();
                century_point(n, millennium, era).ok_or_else(|| self.unrecognised())
            }
            Some(Tok::Plural(n)) => {
                if n > MAX_TEXT_YEAR {
                    return Err(DateError::OutOfRange(self.text.to_string()));
                }
                self.pos += 1;
                let era = self.era_suffix();
                if era == Some(Era::Bc) {
                    // "the 40s BC": 49–40 BC; "the 1200s BC": 1299–1200 BC, a century as in AD.
                    let width = match n {
                        n if n > 0 && n % 100 == 0 => 99,
                        n if n > 0 && n % 10 == 0 => 9,
                        _ => return Err(self.unrecognised()),
                    };
                    return Ok(Point::Span {
                        start: astronomical(n + width, era),
                        end: astronomical(n, era),
                    });
                }
                if n % 100 == 0 && n > 0 {
                    Ok(Point::Masked { year: n, swept: 2 })
                } else if n % 10 == 0 {
                    Ok(Point::Masked { year: n, swept: 1 })
                } else {
                    Err(self.unrecognised())
                }
            }
            Some(Tok::Word(w)) => {
                if let Some(code) = season_code(&w) {
                    self.pos += 1;
                    self.eat_word(&["of"]);
                    let y = self.year()?.ok_or_else(|| self.unrecognised())?;
                    return Ok(Point::Group {
                        year: astronomical(y.value, y.era),
                        code,
                    });
                }
                if let Some(p) = self.feast_point()? {
                    return Ok(p);
                }
                if let Some(named) = weekday_of(&w) {
                    self.pos += 1;
                    self.eat(&Tok::Comma);
                    let p = self.unit_point()?;
                    self.weekdays.push((named, p));
                    return Ok(p);
                }
                if month_of(&w).is_some() {
                    return self.month_first();
                }
                // "AD 69"
                let y = self.year()?.ok_or_else(|| self.unrecognised())?;
                Ok(Point::Year(astronomical(y.value, y.era)))
            }
            Some(Tok::Num(_)) => {
                // "19 January 1960" or a year.
                let save = self.pos;
                if let Ok(p) = self.day_first() {
                    return Ok(p);
                }
                self.pos = save;
                let y = self.year()?.ok_or_else(|| self.unrecognised())?;
                Ok(Point::Year(astronomical(y.value, y.era)))
            }
            _ => Err(self.unrecognised()),
        }
    }

    /// "January 19, 1960", "Jan. 19th 1960", "January 1960", "March 44 BC".
    fn month_first(&mut self) -> Result<Point, DateError> {
        let month = self
            .peek_word()
            .and_then(month_of)
            .ok_or_else(|| self.unrecognised())?;
        self.pos += 1;
        let day = match self.peek().cloned() {
            Some(Tok::Num(d))
                if d.len() <= 2
                    && !d.contains('.')
                    && self.toks.get(self.pos + 1) != Some(&Tok::Num(String::new())) =>
            {
                // A 1–2 digit number is the day when a year follows it.
                let save = self.pos;
                self.pos += 1;
                self.eat(&Tok::Comma);
                if self.starts_year() {
                    Some(d.parse::<u8>().map_err(|_| self.unrecognised())?)
                } else {
                    self.pos = save;
                    None
                }
            }
            Some(Tok::Ordinal(d)) => {
                self.pos += 1;
                self.eat(&Tok::Comma);
                Some(u8::try_from(d).map_err(|_| self.unrecognised())?)
            }
            _ => None,
        };
        self.eat(&Tok::Comma);
        let y = match (self.year()?, day) {
            (Some(y), _) => y,
            // "November 15th – December 3, 1884"
            (None, Some(day)) if self.range_follows() => return Ok(Point::MonthDay { month, day }),
            (None, _) => return Err(self.unrecognised()),
        };
        if day.is_none() && y.digits <= 2 && y.era.is_none() {
            if self.range_follows() && (1..=31).contains(&y.value) {
                // "November 15 – December 3, 1884": the range's end gives the year.
                return Ok(Point::MonthDay {
                    month,
                    day: y.value as u8,
                });
            }
            // "January 19" is a day without its year, not January of AD 19.
            return Err(self.needs_year());
        }
        let year = astronomical(y.value, y.era);
        Ok(match day {
            Some(day) => Point::Day { year, month, day },
            None => Point::Month { year, month },
        })
    }

    /// Whether the end of a range comes next ("– December 3, 1884", "and December 3, 1884").
    fn range_follows(&self) -> bool {
        self.peek() == Some(&Tok::Dash)
            || self
                .peek_word()
                .is_some_and(|w| ["to", "until", "through", "till", "and"].contains(&w))
    }

    fn needs_year(&self) -> DateError {
        DateError::Invalid(format!("{:?}: a day needs its year", self.text))
    }

    /// "19 January 1960", "19th of January, 1960".
    fn day_first(&mut self) -> Result<Point, DateError> {
        let day = match self.peek().cloned() {
            Some(Tok::Num(d)) if d.len() <= 2 && !d.contains('.') => {
                d.parse::<u8>().map_err(|_| self.unrecognised())?
            }
            Some(Tok::Ordinal(d)) => u8::try_from(d).map_err(|_| self.unrecognised())?,
            _ => return Err(self.unrecognised()),
        };
        self.pos += 1;
        self.eat_word(&["of"]);
        let month = self
            .peek_word()
            .and_then(month_of)
            .ok_or_else(|| self.unrecognised())?;
        self.pos += 1;
        self.eat(&Tok::Comma);
        let y = self.year()?.ok_or_else(|| self.unrecognised())?;
        Ok(Point::Day {
            year: astronomical(y.value, y.era),
            month,
            day,
        })
    }

    /// Within "(O.S. 27 March)": a day and month, with the year optional.
    fn point_or_month_day(&mut self, default_year: i64) -> Result<Point, DateError> {
        let save = self.pos;
        if let Ok(p) = self.point() {
            if self.at_end() {
                return Ok(p);
            }
        }
        self.pos = save;
        let (day, month) = match (
            self.toks.get(self.pos).cloned(),
            self.toks.get(self.pos + 1).cloned(),
        ) {
            (Some(Tok::Num(d)), Some(Tok::Word(m))) => (d.parse::<u8>().ok(), month_of(&m)),
            (Some(Tok::Word(m)), Some(Tok::Num(d))) => (d.parse::<u8>().ok(), month_of(&m)),
            _ => (None, None),
        };
        match (day, month) {
            (Some(day), Some(month)) => {
                self.pos += 2;
                Ok(Point::Day {
                    year: default_year,
                    month,
                    day,
                })
            }
            _ => Err(self.unrecognised()),
        }
    }

    /// Whether a year number starts here: "1960", or an era word before one ("AD 69").
    fn starts_year(&self) -> bool {
        match self.peek() {
            Some(Tok::Num(n)) => !n.contains('.'),
            Some(Tok::Word(w)) if era_word(w).is_some() => {
                matches!(self.toks.get(self.pos + 1), Some(Tok::Num(n)) if !n.contains('.'))
            }
            _ => false,
        }
    }

    /// "BC", "AD", and in parentheses: "1st century (AD)".
    fn era_suffix(&mut self) -> Option<Era> {
        let era = self.peek_word().and_then(era_word);
        if era.is_some() {
            self.pos += 1;
            return era;
        }
        let parenthesised = match (
            self.peek(),
            self.toks.get(self.pos + 1),
            self.toks.get(self.pos + 2),
        ) {
            (Some(Tok::LParen), Some(Tok::Word(w)), Some(Tok::RParen)) => era_word(w),
            _ => None,
        };
        if parenthesised.is_some() {
            self.pos += 3;
        }
        parenthesised
    }

    /// A feast day or a Roman day with its year: "Michaelmas 1066", "Easter 1916",
    /// "Whitsun, 1588", "the Ides of March, 44 BC". `None` when no feast is named here.
    fn feast_point(&mut self) -> Result<Option<Point>, DateError> {
        let words: Vec<&str> = self.toks[self.pos..]
            .iter()
            .take(6)
            .map_while(|t| match t {
                Tok::Word(w) if w == "saint" => Some("st"),
                Tok::Word(w) => Some(w.as_str()),
                _ => None,
            })
            .collect();
        let Some(first) = words.first() else {
            return Ok(None);
        };
        let (named, taken) = if let (Some(&"of"), Some(month)) =
            (words.get(1), words.get(2).and_then(|m| month_of(m)))
        {
            match roman_day(first, month) {
                Some(day) => (Feast::Fixed { month, day }, 3),
                None => return Ok(None),
            }
        } else {
            match feast(&words) {
                Some(found) => found,
                None => return Ok(None),
            }
        };
        self.pos += taken;
        self.eat(&Tok::Comma);
        self.eat_word(&["in", "of"]);
        let y = self.year()?.ok_or_else(|| self.needs_year())?;
        let year = astronomical(y.value, y.era);
        // Easter by the computus of the calendar the day is read in: Julian before 1583.
        let calendar = match self.hint {
            CalendarHint::Given(c) => c,
            CalendarHint::Auto if year < 1583 => Calendar::Julian,
            CalendarHint::Auto => Calendar::Gregorian,
        };
        let day = feast_day(named, year, calendar).ok_or_else(|| {
            DateError::Invalid(format!(
                "{:?}: Easter and the feasts that follow it are computed for AD years only",
                self.text
            ))
        })?;
        Ok(Some(Point::Day {
            year: day.year,
            month: day.month,
            day: day.day,
        }))
    }

    /// "1960", "44 BC", "AD 69", "69 AD", "44 B.C.E."
    fn year(&mut self) -> Result<Option<WrittenYear>, DateError> {
        let prefix = self.peek_word().and_then(era_word);
        if prefix.is_some() {
            self.pos += 1;
        }
        let Some(Tok::Num(n)) = self.peek().cloned() else {
            return if prefix.is_some() {
                Err(self.unrecognised())
            } else {
                Ok(None)
            };
        };
        if n.contains('.') {
            return Err(self.unrecognised());
        }
        self.pos += 1;
        let value: i64 = n
            .parse()
            .ok()
            .filter(|v| *v <= MAX_TEXT_YEAR)
            .ok_or_else(|| DateError::OutOfRange(self.text.to_string()))?;
        let era = prefix.or_else(|| self.era_suffix());
        if era.is_some() && value == 0 {
            return Err(DateError::Invalid(format!(
                "{:?}: there is no year 0 BC or AD",
                self.text
            )));
        }
        Ok(Some(WrittenYear {
            value,
            digits: n.len(),
            era,
        }))
    }

    /// "4.54 billion years ago", "66 million years ago", "12,900 BP", "66 Ma", "13.8 Ga", "12.9 ka".
    fn deep_time(&mut self) -> Result<Option<Point>, DateError> {
        let Some(Tok::Num(n)) = self.peek().cloned() else {
            return Ok(None);
        };
        let save = self.pos;
        self.pos += 1;
        let (scale, unit_word) = match self.peek_word() {
            Some("billion" | "bn") => (1_000_000_000i64, true),
            Some("million") => (1_000_000, true),
            Some("thousand") => (1_000, true),
            Some("ga" | "bya" | "gya") => (1_000_000_000, false),
            Some("ma" | "mya") => (1_000_000, false),
            Some("ka" | "kya") => (1_000, false),
            _ => (1, false),
        };
        if scale > 1 {
            self.pos += 1;
        }
        let ago = if unit_word || scale == 1 {
            self.eat_word(&["years", "year", "yrs"]);
            self.eat_word(&["ago", "bp"])
        } else {
            self.eat_word(&["ago", "bp"]);
            true
        };
        if !ago {
            self.pos = save;
            return Ok(None);
        }
        let amount =
            scaled(&n, scale).ok_or_else(|| DateError::OutOfRange(self.text.to_string()))?;
        let sig = significant_digits(&n);
        Ok(Some(if scale >= 1_000_000 {
            // Beyond a million years the 1950 present is far below the precision.
            Point::Deep {
                year: -amount,
                sig: Some(sig),
            }
        } else if scale == 1_000 {
            // "300 ka" is known to the thousand years as written: significant digits, counted
            // from the 1950 present like BP.
            Point::Deep {
                year: BP_PRESENT
                    .checked_sub(amount)
                    .ok_or_else(|| self.unrecognised())?,
                sig: Some(sig),
            }
        } else {
            Point::Deep {
                year: BP_PRESENT
                    .checked_sub(amount)
                    .ok_or_else(|| self.unrecognised())?,
                sig: None,
            }
        }))
    }

    /// "309/310", "285 (or 286)", "543 or 547", "1683/4": the same day or month in other years.
    fn alternatives(&mut self, first: Point) -> Result<Option<String>, DateError> {
        let save = self.pos;
        let mut years = Vec::new();
        let mut slashed = false;
        loop {
            let here = self.pos;
            let paren = self.eat(&Tok::LParen);
            let slash = self.eat(&Tok::Slash);
            if !(slash || self.eat_word(&["or"])) {
                self.pos = here;
                break;
            }
            slashed |= slash;
            if paren {
                self.eat_word(&["or"]);
            }
            let Some(y) = self.year()? else {
                self.pos = save;
                return Ok(None);
            };
            if paren && !self.eat(&Tok::RParen) {
                return Err(self.unrecognised());
            }
            years.push(y);
            if self.at_end() || self.peek() == Some(&Tok::Question) {
                break;
            }
        }
        if years.is_empty() {
            return Ok(None);
        }
        let base = match first {
            Point::Day { year, .. } | Point::Month { year, .. } | Point::Year(year) => year,
            _ => return Err(self.unrecognised()),
        };
        // "45/44 BC": an era written after the last year is the era of the first one too.
        let bc_after = years.iter().any(|y| y.era == Some(Era::Bc));
        let base = if bc_after && base > 0 { 1 - base } else { base };
        let with_year = |p: Point, year: i64| match p {
            Point::Day { month, day, .. } => Point::Day { year, month, day },
            Point::Month { month, .. } => Point::Month { year, month },
            _ => Point::Year(year),
        };
        let mut values = vec![base];
        for y in &years {
            // "1683/4", "1699/00": the second year is written with its last digits only.
            let value = if (y.digits as u32) < digits_of(base) && y.era.is_none() && base > 0 {
                let m = 10i64.pow(y.digits as u32);
                let v = base - base % m + y.value;
                if v <= base {
                    v + m
                } else {
                    v
                }
            } else {
                astronomical(y.value, y.era)
            };
            values.push(value);
        }
        // "A/B" is a dual or alternative year, never a numeric date ("7/2008", "10/7/2008"):
        // one alternative, later than a first year of at least three digits (or BC).
        if slashed && (values.len() != 2 || values[1] <= values[0] || (1..100).contains(&base)) {
            return Err(self.unrecognised());
        }
        if slashed {
            let dual = values[1] == values[0] + 1;
            match first {
                // "1683/4" is "1683/1684", as EDTF reads it: the two years.
                Point::Year(_) => {
                    return Ok(Some(format!(
                        "{}/{}",
                        edtf_year(values[0]),
                        edtf_year(values[1])
                    )))
                }
                // Dual dating: "11 February 1731/2" is one day of the Old Style year 1731,
                // which began on 25 March, and of 1732 as years are counted now.
                Point::Day { month, day, .. } if dual && (month, day) <= (3, 24) => {
                    return self.old_style(
                        first,
                        Point::Day {
                            year: values[1],
                            month,
                            day,
                        },
                    );
                }
                Point::Month { month, .. } if dual && month <= 3 => {
                    return self.old_style(
                        first,
                        Point::Month {
                            year: values[1],
                            month,
                        },
                    );
                }
                _ => {}
            }
        }
        let mut members = Vec::new();
        for v in values {
            members.push(self.standalone(with_year(first, v), Qual::default())?);
        }
        Ok(Some(format!("[{}]", members.join(","))))
    }

    /// A dual-dated point in the later year, read in the Julian calendar (Old Style) unless
    /// the caller or the text gives another.
    fn old_style(&mut self, written: Point, p: Point) -> Result<Option<String>, DateError> {
        if self.hint == CalendarHint::Auto {
            self.hint = CalendarHint::Given(Calendar::Julian);
        }
        self.moved(written, p);
        self.standalone(p, Qual::default()).map(Some)
    }

    /// In a range, the first point may borrow what the second has: an era ("100–44 BC"), the
    /// century of an abbreviated year ("1914–18"), its year ("November 15 – December 3, 1884")
    /// or its month and year ("15–20 March 1500").
    fn fix_range_years(&mut self, a: Point, b: Point) -> (Point, Point) {
        let (fixed_a, fixed_b) = self.range_years(a, b);
        self.moved(a, fixed_a);
        (fixed_a, fixed_b)
    }

    fn range_years(&self, a: Point, b: Point) -> (Point, Point) {
        match (a, b) {
            (Point::Year(x), Point::Year(y))
                if x > 0 && y > 0 && y < x && digits_of(y) < digits_of(x) =>
            {
                let m = 10i64.pow(digits_of(y));
                (a, Point::Year(x - x % m + y))
            }
            (Point::Year(x), Point::Year(y)) if y <= 0 && x > 0 && x > 1 - y => {
                (Point::Year(1 - x), b)
            }
            // "November 15 – December 3, 1884": the end's year (the year before, for
            // "December 28 – January 3, 1885").
            (
                Point::MonthDay { month, day },
                Point::Day {
                    year,
                    month: end_month,
                    day: end_day,
                },
            ) => {
                let year = if (month, day) > (end_month, end_day) {
                    year - 1
                } else {
                    year
                };
                (Point::Day { year, month, day }, b)
            }
            // "15–20 March 1500": the start is a day of the end's month.
            (Point::Year(d), Point::Day { year, month, .. }) if (1..=31).contains(&d) => (
                Point::Day {
                    year,
                    month,
                    day: d as u8,
                },
                b,
            ),
            _ => (a, b),
        }
    }

    fn calendar_for(&mut self, date: Ymd, month_only: bool) -> Calendar {
        match self.hint {
            CalendarHint::Given(c) => c,
            CalendarHint::Auto => {
                let julian = if month_only {
                    (date.year, date.month) < (1582, 10)
                } else {
                    (date.year, date.month, date.day) < (1582, 10, 15)
                };
                if julian {
                    self.julian_used = true;
                    Calendar::Julian
                } else {
                    Calendar::Gregorian
                }
            }
        }
    }

    fn day(&mut self, year: i64, month: u8, day: u8) -> Result<Ymd, DateError> {
        let written = Ymd { year, month, day };
        let cal = self.calendar_for(written, false);
        to_gregorian(cal, written).ok_or_else(|| {
            DateError::NoSuchDay(format!("{} in the {} calendar", self.text, cal.name()))
        })
    }

    /// The first and last Gregorian days of a month written in its calendar.
    fn month_days(&mut self, year: i64, month: u8) -> Result<(Ymd, Ymd), DateError> {
        let first = Ymd {
            year,
            month,
            day: 1,
        };
        let cal = self.calendar_for(first, true);
        let last_day = cal
            .days_in_month(year, month)
            .ok_or_else(|| self.unrecognised())?;
        let a =
            to_gregorian(cal, first).ok_or_else(|| DateError::OutOfRange(self.text.to_string()))?;
        let b = to_gregorian(
            cal,
            Ymd {
                year,
                month,
                day: last_day,
            },
        )
        .ok_or_else(|| DateError::OutOfRange(self.text.to_string()))?;
        Ok((a, b))
    }

    fn month_is_julian(&mut self, year: i64, month: u8) -> bool {
        self.calendar_for(
            Ymd {
                year,
                month,
                day: 1,
            },
            true,
        ) == Calendar::Julian
    }

    /// The EDTF of a point standing alone.
    fn standalone(&mut self, p: Point, q: Qual) -> Result<String, DateError> {
        let s = match p {
            Point::Month { year, month } if self.month_is_julian(year, month) => {
                let (a, b) = self.month_days(year, month)?;
                format!("{}/{}", fmt_ymd(a), fmt_ymd(b))
            }
            Point::Span { start, end } => format!("{}/{}", edtf_year(start), edtf_year(end)),
            _ => self.start(p)?,
        };
        Ok(qualify(&s, q))
    }

    /// The EDTF date of a point as the start of an interval or set range.
    fn start(&mut self, p: Point) -> Result<String, DateError> {
        Ok(match p {
            Point::Day { year, month, day } => fmt_ymd(self.day(year, month, day)?),
            Point::Month { year, month } if self.month_is_julian(year, month) => {
                fmt_ymd(self.month_days(year, month)?.0)
            }
            Point::Month { year, month } => format!("{}-{month:02}", edtf_year(year)),
            Point::Year(y) => edtf_year(y),
            Point::Group { year, code } => format!("{}-{code}", edtf_year(year)),
            Point::Masked { year, swept } => {
                masked(year, swept).ok_or_else(|| self.unrecognised())?
            }
            Point::Span { start, .. } => edtf_year(start),
            Point::Deep { year, sig } => deep(year, sig),
            Point::MonthDay { .. } => return Err(self.needs_year()),
        })
    }

    /// The EDTF date of a point as the end of an interval or set range.
    fn end(&mut self, p: Point) -> Result<String, DateError> {
        match p {
            Point::Month { year, month } if self.month_is_julian(year, month) => {
                Ok(fmt_ymd(self.month_days(year, month)?.1))
            }
            Point::Span { end, .. } => Ok(edtf_year(end)),
            _ => self.start(p),
        }
    }

    /// The day `step` days from `d`, if it is still on the axis.
    fn next_day(&self, d: crate::DayNumber, step: i64) -> Result<Ymd, DateError> {
        d.0.checked_add(step)
            .map(|n| crate::DayNumber(n).ymd())
            .ok_or_else(|| DateError::OutOfRange(self.text.to_string()))
    }

    /// The unit just before a point ("before 1200" is 1199 or earlier).
    fn before(&mut self, p: Point) -> Result<String, DateError> {
        Ok(match p {
            Point::Day { year, month, day } => {
                let g = self.day(year, month, day)?;
                let d = Calendar::Gregorian
                    .to_day(g)
                    .ok_or_else(|| self.unrecognised())?;
                fmt_ymd(self.next_day(d, -1)?)
            }
            Point::Month { year, month } if !self.month_is_julian(year, month) => {
                let (y, m) = if month == 1 {
                    (year - 1, 12)
                } else {
                    (year, month - 1)
                };
                format!("{}-{m:02}", edtf_year(y))
            }
            Point::Month { year, month } => {
                let g = self.month_days(year, month)?.0;
                let d = Calendar::Gregorian
                    .to_day(g)
                    .ok_or_else(|| self.unrecognised())?;
                fmt_ymd(self.next_day(d, -1)?)
            }
            Point::Year(y) => edtf_year(y - 1),
            Point::Masked { year, .. } => edtf_year(year - 1),
            Point::Span { start, .. } => edtf_year(start - 1),
            _ => self.start(p)?,
        })
    }

    /// The unit just after a point ("after 1200" is 1201 or later).
    fn after(&mut self, p: Point) -> Result<String, DateError> {
        Ok(match p {
            Point::Day { year, month, day } => {
                let g = self.day(year, month, day)?;
                let d = Calendar::Gregorian
                    .to_day(g)
                    .ok_or_else(|| self.unrecognised())?;
                fmt_ymd(self.next_day(d, 1)?)
            }
            Point::Month { year, month } if !self.month_is_julian(year, month) => {
                let (y, m) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
                format!("{}-{m:02}", edtf_year(y))
            }
            Point::Month { year, month } => {
                let g = self.month_days(year, month)?.1;
                let d = Calendar::Gregorian
                    .to_day(g)
                    .ok_or_else(|| self.unrecognised())?;
                fmt_ymd(self.next_day(d, 1)?)
            }
            Point::Year(y) => edtf_year(y + 1),
            Point::Masked { year, swept } => edtf_year(year + 10i64.pow(swept)),
            Point::Span { end, .. } => edtf_year(end + 1),
            _ => self.end(p)?,
        })
    }
}

fn digits_of(y: i64) -> u32 {
    y.unsigned_abs().checked_ilog10().unwrap_or(0) + 1
}

/// `n`th century or millennium: AD ones as masked years (`18XX` for the 19th century, the usual
/// EDTF convention), BC ones as intervals (`-0499/-0400` for the 5th century BC).
fn century_point(n: i64, millennium: bool, era: Option<Era>) -> Option<Point> {
    if !(1..=100).contains(&n) {
        return None;
    }
    let size = if millennium { 1000 } else { 100 };
    let swept = if millennium { 3 } else { 2 };
    match era {
        Some(Era::Bc) => {
            // The 5th century BC: 500–401 BC = astronomical -499..-400.
            let first_bc = n * size;
            Some(Point::Span {
                start: 1 - first_bc,
                end: 1 - (first_bc - size + 1),
            })
        }
        // The 1st century and millennium start in AD 1: `00XX` would start in 1 BC and overlap
        // the 1st century BC (`-0099/0000`).
        _ if n == 1 => Some(Point::Span {
            start: 1,
            end: size - 1,
        }),
        _ => {
            let start = (n - 1) * size;
            if start > 9999 {
                return None;
            }
            Some(Point::Masked { year: start, swept })
        }
    }
}

/// The early, middle or late part (or the first or second half) of a year, decade or century.
fn part_of(p: Point, part: Part) -> Option<Point> {
    let third = |start: i64, len: i64| -> Point {
        let a = len / 3;
        let half = len / 2;
        match part {
            Part::FirstHalf => Point::Span {
                start,
                end: start + half - 1,
            },
            Part::SecondHalf => Point::Span {
                start: start + half,
                end: start + len - 1,
            },
            Part::Early => Point::Span {
                start,
                end: start + a - 1,
            },
            Part::Mid => Point::Span {
                start: start + a,
                end: start + len - a - 1,
            },
            Part::Late => Point::Span {
                start: start + len - a,
                end: start + len - 1,
            },
        }
    };
    match p {
        // Early/mid/late year: the EDTF quadrimesters (Jan–Apr, May–Aug, Sep–Dec).
        Point::Year(year) => Some(Point::Group {
            year,
            code: match part {
                Part::Early => 37,
                Part::Mid => 38,
                Part::Late => 39,
                Part::FirstHalf => 40,
                Part::SecondHalf => 41,
            },
        }),
        Point::Masked { year, swept } => Some(third(year, 10i64.pow(swept))),
        Point::Span { start, end } => Some(third(start, end - start + 1)),
        _ => None,
    }
}

fn masked(year: i64, swept: u32) -> Option<String> {
    if !(0..=9999).contains(&year) {
        return None;
    }
    let s = format!("{year:04}");
    let keep = 4usize.checked_sub(swept as usize)?;
    Some(format!("{}{}", &s[..keep], "X".repeat(swept as usize)))
}

fn deep(year: i64, sig: Option<u32>) -> String {
    let base = edtf_year(year);
    match sig {
        // EDTF counts significant digits on the written year, so a year of fewer than four
        // digits (written with leading zeros) is given exactly.
        Some(s) if s < digits_of(year) && year.abs() >= 1000 => format!("{base}S{s}"),
        _ => base,
    }
}

/// `"4.54"` × 10⁹ → 4,540,000,000, exactly.
fn scaled(n: &str, scale: i64) -> Option<i64> {
    let (int, frac) = n.split_once('.').unwrap_or((n, ""));
    let mut value: i64 = int.parse::<i64>().ok()?.checked_mul(scale)?;
    let mut unit = scale;
    for c in frac.chars() {
        unit /= 10;
        if unit == 0 {
            return None;
        }
        value = value.checked_add(i64::from(c.to_digit(10)?).checked_mul(unit)?)?;
    }
    Some(value)
}

/// Digits as written, without leading zeros: "4.54" → 3, "66" → 2, "0.5" → 1.
fn significant_digits(n: &str) -> u32 {
    let digits: String = n.chars().filter(char::is_ascii_digit).collect();
    let trimmed = digits.trim_start_matches('0');
    trimmed.len().max(1) as u32
}

/// Put a qualifier on every date of an EDTF string: `a/b` → `a~/b~`, `[a,b..]` → `[a~,b~..]`.
/// A date that already has a qualifier gets both (`1500~` and `?` → `1500%`).
fn qualify(s: &str, q: Qual) -> String {
    if q.symbol().is_empty() {
        return s.to_string();
    }
    let date = |part: &str| -> String {
        if part.is_empty() || part == ".." {
            return part.to_string();
        }
        let mut own = q;
        let mut body = part;
        while let Some(c) = body.chars().last().filter(|c| matches!(c, '?' | '~' | '%')) {
            own.uncertain |= c != '~';
            own.approximate |= c != '?';
            body = &body[..body.len() - 1];
        }
        format!("{body}{}", own.symbol())
    };
    for (open, close) in [('[', ']'), ('{', '}')] {
        if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            let members: Vec<String> = inner
                .split(',')
                .map(|m| m.split("..").map(date).collect::<Vec<_>>().join(".."))
                .collect();
            return format!("{open}{}{close}", members.join(","));
        }
    }
    s.split('/').map(date).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edtf(text: &str) -> String {
        match read(text, CalendarHint::Auto) {
            Ok(r) => r.edtf,
            Err(e) => panic!("{text:?}: {e}"),
        }
    }

    fn cal(text: &str) -> Calendar {
        read(text, CalendarHint::Auto).unwrap().calendar
    }

    #[test]
    fn issue_examples() {
        assert_eq!(edtf("January 19, 1960"), "1960-01-19");
        assert_eq!(edtf("19 January 1960"), "1960-01-19");
        assert_eq!(edtf("1949"), "1949");
        assert_eq!(edtf("March 15, 44 BC"), "-0043-03-13");
        assert_eq!(edtf("44 BCE"), "-0043");
        assert_eq!(edtf("AD 69"), "0069");
        assert_eq!(edtf("c. 1200 BC"), "-1199~");
        assert_eq!(edtf("circa 1500"), "1500~");
        assert_eq!(edtf("the 1960s"), "196X");
        assert_eq!(edtf("21st century"), "20XX");
        assert_eq!(edtf("5th century BC"), "-0499/-0400");
        assert_eq!(edtf("spring 1943"), "1943-21");
        assert_eq!(edtf("early 1943"), "1943-37");
        assert_eq!(
            edtf("November 15, 1884 – February 26, 1885"),
            "1884-11-15/1885-02-26"
        );
        assert_eq!(
            edtf("November 15, 1884 - February 26, 1885"),
            "1884-11-15/1885-02-26"
        );
        assert_eq!(
            edtf("November 15, 1884 to February 26, 1885"),
            "1884-11-15/1885-02-26"
        );
        assert_eq!(edtf("between 1450 and 1460"), "[1450..1460]");
        assert_eq!(edtf("before 1200"), "[..1199]");
        assert_eq!(edtf("309/310"), "0309/0310");
        assert_eq!(edtf("285 (or 286)"), "[0285,0286]");
        assert_eq!(edtf("1642 (OS)"), "1642");
        assert_eq!(cal("1642 (OS)"), Calendar::Julian);
        assert_eq!(edtf("April 8, 1882 (O.S. 27 March)"), "1882-04-08");
        assert_eq!(cal("April 8, 1882 (O.S. 27 March)"), Calendar::Gregorian);
        assert_eq!(edtf("4.54 billion years ago"), "Y-4540000000S3");
        assert_eq!(edtf("66 million years ago"), "Y-66000000S2");
        assert_eq!(edtf("12,900 BP"), "Y-10950");
    }

    #[test]
    fn julian_reading() {
        assert_eq!(edtf("October 4, 1582"), "1582-10-14");
        assert_eq!(cal("October 4, 1582"), Calendar::Julian);
        assert_eq!(edtf("October 15, 1582"), "1582-10-15");
        assert_eq!(cal("October 15, 1582"), Calendar::Gregorian);
        assert_eq!(edtf("December 25, 1642 (OS)"), "1643-01-04");
        let given = read("October 4, 1582", CalendarHint::Given(Calendar::Gregorian)).unwrap();
        assert_eq!(given.edtf, "1582-10-04");
        assert_eq!(edtf("March 44 BC"), "-0043-02-27/-0043-03-29");
        assert_eq!(cal("44 BC"), Calendar::Gregorian);
        let j = read("1700-02-29", CalendarHint::Given(Calendar::Julian)).unwrap();
        assert_eq!(j.edtf, "1700-03-11");
    }

    #[test]
    fn onthisday_oddities() {
        assert_eq!(edtf("August 17, 309/310"), "[0309-08-18,0310-08-18]");
        assert_eq!(edtf("October 25, 285 (or 286)"), "[0285-10-25,0286-10-25]");
        assert_eq!(edtf("March 21, 543 or 547"), "[0543-03-23,0547-03-23]");
        assert_eq!(edtf("January 1, AD 69"), "0068-12-30");
        assert_eq!(edtf("August 24, 79 AD"), "0079-08-22");
        assert_eq!(edtf("January 30, 516 BCE"), "-0515-01-24");
        assert!(read("May 26, 1035]", CalendarHint::Auto).is_err());
    }

    #[test]
    fn more_forms() {
        assert_eq!(edtf("Jan. 19, 1960"), "1960-01-19");
        assert_eq!(edtf("January 19th, 1960"), "1960-01-19");
        assert_eq!(edtf("the 19th of January 1960"), "1960-01-19");
        assert_eq!(edtf("Tuesday, January 19, 1960"), "1960-01-19");
        assert_eq!(edtf("January 1960"), "1960-01");
        assert_eq!(edtf("1914–18"), "1914/1918");
        assert_eq!(edtf("100–44 BC"), "-0099/-0043");
        assert_eq!(edtf("from 1939 to 1945"), "1939/1945");
        assert_eq!(edtf("after 1928"), "[1929..]");
        assert_eq!(edtf("1860?"), "1860?");
        assert_eq!(edtf("ca. 1860s?"), "186X%");
        assert_eq!(edtf("19th century"), "18XX");
        assert_eq!(edtf("2nd century BC"), "-0199/-0100");
        assert_eq!(edtf("1st century BC"), "-0099/0000");
        assert_eq!(edtf("2nd millennium"), "1XXX");
        assert_eq!(edtf("1800s"), "18XX");
        assert_eq!(edtf("late 1960s"), "1967/1969");
        assert_eq!(edtf("early 20th century"), "1900/1932");
        assert_eq!(edtf("mid-1943"), "1943-38");
        // Halves, as the writer writes them ("first half of 1943" for 1943-40).
        assert_eq!(edtf("first half of 1943"), "1943-40");
        assert_eq!(edtf("second half of 1943"), "1943-41");
        assert_eq!(crate::edtf_written("1943-40"), "first half of 1943");
        assert_eq!(edtf("second half of the 19th century"), "1850/1899");
        assert_eq!(edtf("first half of the 1960s"), "1960/1964");
        assert_eq!(edtf("13.8 billion years ago"), "Y-13800000000S3");
        assert_eq!(edtf("66 Ma"), "Y-66000000S2");
        assert_eq!(edtf("12.9 ka"), "Y-10950S3");
        assert_eq!(edtf("5,000 years ago"), "-3050");
        assert_eq!(edtf("1960-01-19"), "1960-01-19");
        assert_eq!(edtf("winter of 1943"), "1943-24");
        assert_eq!(edtf("1683/4"), "1683/1684");
        assert_eq!(edtf("1683/1684"), "1683/1684");
    }

    #[test]
    fn refusals() {
        for bad in [
            "",
            "February 30, 1960",
            "yesterday",
            "0 BC",
            "January 1960 BC BC",
            "March",
            "January 19",
            "1960s 1970s",
            "between 1450",
            "April 8, 1882 (O.S. 28 March)",
        ] {
            assert!(
                read(bad, CalendarHint::Auto).is_err(),
                "{bad:?} should be refused"
            );
        }
        let long = "1".repeat(500);
        assert!(read(&long, CalendarHint::Auto).is_err());
    }

    #[test]
    fn no_such_day_says_so() {
        let e = read("February 30, 1960", CalendarHint::Auto).unwrap_err();
        assert!(matches!(e, DateError::NoSuchDay(_)), "{e}");
        // 1500 is a leap year in the Julian calendar only.
        assert_eq!(edtf("February 29, 1500"), "1500-03-10");
    }

    #[test]
    fn two_digit_years_after_a_hyphen_are_ranges() {
        // In English text `1939-41` is 1939–1941, as every historian means it, not EDTF's
        // Jul–Dec 1939; the sub-year codes stay readable when marked as EDTF.
        assert_eq!(edtf("1939-41"), "1939/1941");
        assert_eq!(edtf("1921-24"), "1921/1924");
        assert_eq!(edtf("1914-21"), "1914/1921");
        assert_eq!(edtf("1939-40"), "1939/1940");
        assert_eq!(edtf("1910-30"), "1910/1930");
        assert_eq!(edtf("1939–40"), "1939/1940");
        assert_eq!(edtf("1861-67"), "1861/1867");
        assert_eq!(edtf("1914-18?"), edtf("1914–18?"));
        assert_eq!(edtf("EDTF: 1939-41"), "1939-41");
        assert_eq!(edtf("edtf:1939-40"), "1939-40");
        // Months, and codes that cannot be a later year of the same century, stay EDTF.
        assert_eq!(edtf("1939-04"), "1939-04");
        assert_eq!(edtf("1939-12"), "1939-12");
        assert_eq!(edtf("1999-21"), "1999-21");
        assert_eq!(edtf("1943-24"), "1943-24");
        assert!(read("EDTF: 1939-42", CalendarHint::Auto).is_err());
        assert!(read("EDTF: March 1939", CalendarHint::Auto).is_err());
    }

    #[test]
    fn ranges_borrow_the_end_year() {
        assert_eq!(
            edtf("November 15 – December 3, 1884"),
            "1884-11-15/1884-12-03"
        );
        assert_eq!(
            edtf("November 15th to December 3rd, 1884"),
            "1884-11-15/1884-12-03"
        );
        assert_eq!(
            edtf("December 28 – January 3, 1885"),
            "1884-12-28/1885-01-03"
        );
        assert_eq!(
            edtf("between November 15 and December 3, 1884"),
            "[1884-11-15..1884-12-03]"
        );
        // Julian, like the end.
        assert_eq!(edtf("15–20 March 1500"), "1500-03-25/1500-03-30");
        assert!(read("November 15 – 1884", CalendarHint::Auto).is_err());
        assert!(read("28–3 March 1500", CalendarHint::Auto).is_err());
    }

    #[test]
    fn alternatives_are_years_not_numeric_dates() {
        assert!(read("10/7/2008", CalendarHint::Auto).is_err());
        assert!(read("7/2008", CalendarHint::Auto).is_err());
        assert!(read("10/7", CalendarHint::Auto).is_err());
        assert!(read("310/309", CalendarHint::Auto).is_err());
        assert_eq!(edtf("45/44 BC"), "-0044/-0043");
        assert_eq!(edtf("1699/00"), "1699/1700");
        assert_eq!(edtf("1863 or 1864 or 1865"), "[1863,1864,1865]");
    }

    #[test]
    fn qualifiers_reach_every_member() {
        assert_eq!(edtf("1500 or 1501?"), "[1500?,1501?]");
        assert_eq!(edtf("c. 1500 or 1501"), "[1500~,1501~]");
        assert_eq!(edtf("c. 1500 or 1501?"), "[1500%,1501%]");
        assert_eq!(edtf("309/310?"), "0309?/0310?");
        assert_eq!(edtf("c. 44 BC – AD 14"), "-0043~/0014");
    }

    #[test]
    fn since_and_until_include_their_date() {
        assert_eq!(edtf("since 1500"), "[1500..]");
        assert_eq!(edtf("until 1500"), "[..1500]");
        assert_eq!(edtf("after 1500"), "[1501..]");
        assert_eq!(edtf("before 1500"), "[..1499]");
    }

    #[test]
    fn huge_numbers_are_out_of_range_not_overflow() {
        for text in [
            "after 9223372036854775807",
            "after 99999999999999999",
            "after the 99999999999999990s",
            "the 9223372036854775800s BC",
            "early 9223372036854775800s",
            "9223372036854775807/0",
            "after December 31, 99999999999999999",
        ] {
            assert!(read(text, CalendarHint::Auto).is_err(), "{text:?}");
        }
        // EDTF given as text, too: valid, but beyond the day axis.
        for text in ["Y17E200", "Y9223372036854775807"] {
            let e = read(text, CalendarHint::Auto).unwrap_err();
            assert!(matches!(e, DateError::OutOfRange(_)), "{text:?}: {e}");
        }
    }

    #[test]
    fn bc_plurals() {
        assert_eq!(edtf("the 40s BC"), "-0048/-0039");
        assert_eq!(edtf("the 1200s BC"), "-1298/-1199");
        assert!(read("the 45s BC", CalendarHint::Auto).is_err());
        assert!(read("the 0s BC", CalendarHint::Auto).is_err());
    }
}

//! The tagger: finds the time expressions of a text paragraph by paragraph and gives each its
//! TIMEX3 type and value, anchoring relative expressions on the narrative.
//!
//! **Narrative anchor.** History writing moves through time: "On June 10, Italy invaded; twelve
//! days later France surrendered". The anchor is the story's current time: every date whose year
//! is known (given, or resolved from the anchor) becomes the new anchor at its own granularity, so
//! "twelve days later" counts from June 10, 1940, and "In April" after "February of 1940" is
//! April 1940. Decades, centuries, durations, sets and `PRESENT_REF`-style values never move it.
//! Before any date is seen, the document date (`--dct`) serves. In [`Mode::News`] the anchor is
//! always the document date, as in newswire, where "Tuesday" means the Tuesday before the story.

use crate::lex::{Kind, Toks, Unit};
use crate::rules::{Cand, Matcher, Sem, Target, Ty};
use crate::value::{iso_week, weekday_of, Clock, Gran, Point};
use annals_dates::{Calendar, DayNumber};

/// How relative expressions are anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// History writing: on the story's current time, which moves with the text.
    #[default]
    Narrative,
    /// News: on the document date.
    News,
}

/// Tagger options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The document's date (TimeML `DCT`), if known.
    pub dct: Option<Point>,
    /// Anchoring mode.
    pub mode: Mode,
}

/// One time expression found: byte span in the paragraph, TIMEX3 type and value, and the
/// resolved calendar point for dates and times whose year is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    /// First byte, in the paragraph given to [`Tagger::tag`].
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// DATE, TIME, DURATION or SET.
    pub ty: Ty,
    /// The TIMEX3 value.
    pub value: String,
    /// The calendar point, for dates and times anchored in a known year.
    pub point: Option<Point>,
}

/// Finds time expressions paragraph by paragraph, keeping the narrative anchor between them.
#[derive(Debug, Default)]
pub struct Tagger {
    opts: Options,
    anchor: Option<Point>,
    toks: Toks,
    cands: Vec<Cand>,
    /// The current fiscal year, when the text shows it is not the calendar year (news: a
    /// fiscal year named after next year, in a clause that is not about the future).
    fiscal_year: Option<i64>,
    /// The text speaks of fiscal quarters, so a bare "the second quarter" is a fiscal one.
    fiscal_quarters: bool,
}

impl Tagger {
    /// A tagger for one document.
    pub fn new(opts: Options) -> Tagger {
        Tagger {
            opts,
            ..Tagger::default()
        }
    }

    /// The story's current time.
    pub fn anchor(&self) -> Option<Point> {
        self.anchor
    }

    /// Tag one paragraph (any text; offsets are bytes of `text`). The anchor carries over to the
    /// next call.
    pub fn tag(&mut self, text: &str) -> Vec<Timex> {
        let mut out = Vec::new();
        self.tag_into(text, &mut out);
        out
    }

    /// Tag one paragraph, appending to `out`.
    pub fn tag_into(&mut self, text: &str, out: &mut Vec<Timex>) {
        self.toks.fill(text);
        self.cands.clear();
        let mut story_year = self.base().and_then(|p| p.year);
        let n = self.toks.len();
        let mut i = 0;
        // Parenthesis depth before token `counted`.
        let (mut depth, mut counted) = (0i32, 0usize);
        while i < n {
            // Only words, numbers and a few marks can start an expression.
            if self.toks.kind(i) == Some(Kind::Punct)
                && !matches!(self.toks.punct_char(i), Some('\'' | '’'))
            {
                i += 1;
                continue;
            }
            let found = {
                let m = Matcher {
                    text,
                    t: &self.toks,
                    story_year,
                    news: self.opts.mode == Mode::News,
                };
                m.best_at(i, self.cands.last())
            };
            match found {
                Some(mut c) => {
                    while counted < c.a {
                        match self.toks.punct_char(counted) {
                            Some('(' | '[') => depth += 1,
                            Some(')' | ']') => depth = (depth - 1).max(0),
                            _ => {}
                        }
                        counted += 1;
                    }
                    c.aside = depth > 0 || (c.a > 0 && self.toks.is_any(c.a - 1, &["since"]));
                    if let Sem::Abs(p) = &c.sem {
                        if p.year.is_some() && p.gran >= Gran::Year {
                            story_year = p.year;
                        }
                    }
                    i = c.b.max(i + 1);
                    self.cands.push(c);
                }
                None => i += 1,
            }
        }
        self.inherit_ranges();
        let cands = std::mem::take(&mut self.cands);
        for c in &cands {
            let (value, point) = self.resolve(c);
            if value.is_empty() {
                continue;
            }
            let start = self.toks.toks[c.a].start;
            let end = self.toks.toks[c.b - 1].end;
            out.push(Timex {
                start,
                end,
                ty: c.ty,
                value,
                point,
            });
        }
        self.cands = cands;
    }

    /// Dates of a range share what only one half says: "12-14 July 1950", "March 3-9, 1918",
    /// "June and July 1944", "499-493 BC".
    fn inherit_ranges(&mut self) {
        for k in 0..self.cands.len() {
            if k + 1 < self.cands.len() {
                let next = self.cands[k + 1].clone();
                let cur = &self.cands[k];
                let connected = cur.b < next.a && next.a - cur.b == 1 && {
                    let j = cur.b;
                    self.toks.dash(j)
                        || self
                            .toks
                            .is_any(j, &["to", "and", "or", "until", "till", "through"])
                };
                if let (Sem::Abs(np), true) = (&next.sem, connected) {
                    let cur = &mut self.cands[k];
                    if let Sem::Abs(p) = &mut cur.sem {
                        if p.year.is_none() && p.gran > Gran::Year {
                            p.year = np.year;
                            if p.month.is_none() && p.day.is_some() {
                                p.month = np.month;
                            }
                        }
                    }
                }
            }
            // "at 11 a.m. on 11 November 1918": the time is on that day.
            if k + 1 < self.cands.len() && self.cands[k].clock.is_some() {
                let next = self.cands[k + 1].clone();
                let cur = &self.cands[k];
                let between_on = (next.a == cur.b + 1 && self.toks.is_any(cur.b, &["on", "of"]))
                    || next.a == cur.b;
                if let (true, Sem::Rel { sign: 0, .. }) = (between_on, &cur.sem) {
                    match &next.sem {
                        // "at 11 a.m. on 11 November 1918", "at 9 p.m. on Tuesday"
                        Sem::Abs(np) if np.day.is_some() || np.weekday.is_some() => {
                            let np = *np;
                            self.cands[k].sem = Sem::Abs(np);
                        }
                        // "at 3:15 a.m. today"
                        Sem::Today(d) if next.clock.is_none() => {
                            let d = *d;
                            self.cands[k].sem = Sem::Today(d);
                        }
                        _ => {}
                    }
                }
            }
            if k > 0 && self.cands[k].range_tail {
                let prev = self.cands[k - 1].clone();
                if let (Sem::Abs(pp), Sem::Abs(p)) = (&prev.sem, &mut self.cands[k].sem) {
                    if p.month.is_none() && p.day.is_some() {
                        p.month = pp.month;
                    }
                }
            }
        }
    }

    /// What relative expressions count from: the anchor (narrative) or the document date.
    fn base(&self) -> Option<Point> {
        match self.opts.mode {
            Mode::Narrative => self.anchor.or(self.opts.dct),
            Mode::News => self.opts.dct,
        }
    }

    /// The clause around a candidate speaks of the future: "will", "shall", "'ll", "going to",
    /// "is due to", "scheduled", "expected to", "plans to" (words between the sentence's
    /// boundaries: `.`, `!`, `?`, `;` or a break).
    fn future_clause(&self, c: &Cand) -> bool {
        use crate::lex::Kind;
        let t = &self.toks;
        let boundary = |i: usize| {
            t.toks.get(i).is_none_or(|k| {
                k.kind == Kind::Break
                    || (k.kind == Kind::Punct
                        && matches!(&t.lower[k.start..k.end], "." | "!" | "?" | ";"))
            })
        };
        let mut a = c.a;
        while a > 0 && !boundary(a - 1) {
            a -= 1;
        }
        let mut b = c.b;
        while b < t.toks.len() && !boundary(b) {
            b += 1;
        }
        (a..b).filter(|i| *i < c.a || *i >= c.b).any(|i| {
            t.is_any(
                i,
                &[
                    "will",
                    "shall",
                    "ll",
                    "scheduled",
                    "upcoming",
                    "forthcoming",
                ],
            ) || (t.is_any(i, &["going", "due", "expected", "plans", "planned", "set"])
                && t.is(i + 1, "to"))
        })
    }

    /// How a bare weekday is read: in news, the last one on or before the document date,
    /// unless its clause speaks of the future ("On Friday the minister will resign").
    fn weekday_mode(&self, c: &Cand) -> Mode {
        match self.opts.mode {
            Mode::News if self.future_clause(c) => Mode::Narrative,
            m => m,
        }
    }

    fn resolve(&mut self, c: &Cand) -> (String, Option<Point>) {
        // News: deictic expressions count from the document date, anaphoric ones ("two years
        // later") from the last date of the story; a narrative counts everything from the story.
        // A time of day needs the story's day: "at 9 a.m." after "in 1962" is today's.
        let base = match (self.opts.mode, c.anaphoric) {
            (Mode::News, true)
                if self
                    .anchor
                    .is_some_and(|a| c.clock.is_none() || a.day.is_some()) =>
            {
                self.anchor
            }
            _ => self.base(),
        }
        .unwrap_or_default();
        let point = match &c.sem {
            Sem::Fixed(v) => return (v.clone(), None),
            Sem::Fiscal {
                year,
                sign,
                quarter,
            } => return (self.fiscal_value(c, base, *year, *sign, *quarter), None),
            Sem::Today(k) => match (self.opts.mode, k) {
                (Mode::Narrative, 0) if c.ty == Ty::Date => {
                    return ("PRESENT_REF".into(), None);
                }
                (Mode::Narrative, k) if c.ty == Ty::Date => shift_days(&base, i64::from(*k)),
                (_, k) => {
                    let b = self.opts.dct.or(self.anchor).unwrap_or_default();
                    shift_days(&b, i64::from(*k))
                }
            },
            Sem::Easter(y) => {
                let year = y.or(base.year);
                match year.and_then(easter) {
                    Some(p) => p,
                    None => Point {
                        year,
                        gran: Gran::Month,
                        ..Point::default()
                    },
                }
            }
            Sem::Abs(p) => {
                let mut p = *p;
                if p.year.is_none() && p.gran > Gran::Year {
                    if let Some(shift) = c.year_rel {
                        p.year = base.year.map(|y| y + i64::from(shift));
                    } else if p.gran == Gran::Week && p.weekday.is_some() && p.week.is_none() {
                        p = weekday_from(&base, p.weekday.unwrap_or(1), 0, self.weekday_mode(c));
                    } else {
                        if p.day.is_some() && p.month.is_none() {
                            p.month = base.month;
                        }
                        p.year = base.year;
                        // After a winter (which began in the anchor's year), the first months
                        // are next year's: "That winter was hard. In March, it thawed."
                        if let (Some(y), Some(m), Some("WI"), None) =
                            (p.year, p.month, base.season, base.month)
                        {
                            if m <= 6 {
                                p.year = Some(y + 1);
                            }
                        }
                        // News: the month nearest the document date ("January 14" written in
                        // November is next January).
                        if let (Mode::News, Some(y), Some(m), Some(bm)) =
                            (self.opts.mode, p.year, p.month, base.month)
                        {
                            let d = i32::from(m) - i32::from(bm);
                            if d > 6 {
                                p.year = Some(y - 1);
                            } else if d < -6 {
                                p.year = Some(y + 1);
                            }
                        }
                    }
                }
                p
            }
            Sem::Shift { n, unit, sign } => match n {
                None => {
                    return (
                        if *sign > 0 {
                            "FUTURE_REF".into()
                        } else {
                            "PAST_REF".into()
                        },
                        None,
                    )
                }
                Some(n) => shift(&base, *unit, n * i64::from(*sign)),
            },
            Sem::Rel { sign, target } => {
                // News that speaks of fiscal quarters: "the second quarter" is the current
                // fiscal year's.
                if let (Mode::News, true, 0, Target::YearPart(Gran::Quarter, part)) =
                    (self.opts.mode, self.fiscal_quarters, *sign, target)
                {
                    if let Some(y) = self.fiscal_year.or(base.year) {
                        return (format!("FY{y:04}-Q{part}"), None);
                    }
                }
                let mut p = rel(&base, *sign, *target, self.weekday_mode(c));
                // News: "the third quarter" after the document date's quarter, in a clause in
                // the past tense, is last year's ("profits rose in the third quarter", written
                // in March); in the future tense, this year's.
                if let (Mode::News, 0, Target::YearPart(g, part), Some(bm), Some(y)) =
                    (self.opts.mode, *sign, target, base.month, p.year)
                {
                    let now = match g {
                        Gran::Half => (bm - 1) / 6 + 1,
                        _ => (bm - 1) / 3 + 1,
                    };
                    if *part > now && !self.future_clause(c) {
                        p.year = Some(y - 1);
                    }
                }
                p
            }
        };
        let mut point = point;
        if let Some(clock) = c.clock {
            point.gran = Gran::Time;
            point.clock = Some(clock);
        }
        let value = point.value();
        let known = point.year.is_some();
        // Looking back ("the previous year", "two years earlier") does not move the story.
        let backward = matches!(
            c.sem,
            Sem::Shift { sign: -1, .. } | Sem::Rel { sign: -1, .. }
        );
        if known
            && !c.aside
            && !backward
            && point.gran >= Gran::Year
            && matches!(c.ty, Ty::Date | Ty::Time)
        {
            let mut a = point;
            a.clock = None;
            // A winter labelled with next year's number still begins in this one.
            if let (
                Sem::Rel {
                    sign: 0,
                    target: Target::Season("WI"),
                },
                Some(y),
                Some(by),
            ) = (&c.sem, a.year, base.year)
            {
                if y == by + 1 {
                    a.year = Some(by);
                }
            }
            if a.gran == Gran::Time {
                a.gran = Gran::Day;
            }
            self.anchor = Some(a);
        }
        (value, if known { Some(point) } else { None })
    }
}

impl Tagger {
    /// The value of a fiscal year or quarter (`FY2025`, `FY2024-Q4`). A fiscal year the text
    /// does not name counts from the current one: the calendar year of the document date (news)
    /// or of the story, unless the text has shown that the current fiscal year is next year's
    /// ("revenue rose in the first quarter of fiscal 2025", written in October 2024).
    fn fiscal_value(
        &mut self,
        c: &Cand,
        base: Point,
        year: Option<i64>,
        sign: i8,
        quarter: Option<u8>,
    ) -> String {
        if quarter.is_some() {
            self.fiscal_quarters = true;
        }
        let year = match year {
            Some(y) => {
                let now = self.opts.dct.and_then(|d| d.year);
                if self.opts.mode == Mode::News
                    && now.is_some_and(|n| y == n + 1)
                    && !self.future_clause(c)
                {
                    self.fiscal_year = Some(y);
                }
                Some(y)
            }
            None => {
                let now = match self.opts.mode {
                    Mode::News => self.fiscal_year.or(base.year),
                    Mode::Narrative => base.year,
                };
                now.map(|y| y + i64::from(sign))
            }
        };
        let y = year.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"));
        match quarter {
            Some(q) => format!("FY{y}-Q{q}"),
            None => format!("FY{y}"),
        }
    }
}

/// A point `n` days from `b`'s day (or as much of it as is known).
fn shift_days(b: &Point, n: i64) -> Point {
    match b.day_number() {
        Some(d) => Point::from_day(DayNumber(d.0 + n)),
        None => Point {
            year: b.year,
            month: b.month,
            day: None,
            gran: Gran::Day,
            ..Point::default()
        },
    }
}

/// `n` units from the base (negative: before).
fn shift(b: &Point, unit: Unit, n: i64) -> Point {
    let n = n.clamp(-1_000_000, 1_000_000);
    match unit {
        Unit::Day => shift_days(b, n),
        Unit::Week | Unit::Fortnight => {
            let days = if unit == Unit::Week { 7 * n } else { 14 * n };
            match b.day_number() {
                Some(d) => {
                    let (y, w) = iso_week(DayNumber(d.0 + days));
                    Point {
                        year: Some(y),
                        week: Some(w),
                        gran: Gran::Week,
                        ..Point::default()
                    }
                }
                None => Point {
                    year: b.year,
                    gran: Gran::Week,
                    ..Point::default()
                },
            }
        }
        Unit::Month => match (b.year, b.month) {
            (Some(y), Some(m)) => {
                let t = y * 12 + i64::from(m) - 1 + n;
                Point {
                    year: Some(t.div_euclid(12)),
                    month: Some((t.rem_euclid(12) + 1) as u8),
                    gran: Gran::Month,
                    ..Point::default()
                }
            }
            (y, _) => Point {
                year: y.map(|y| y + n.div_euclid(12)),
                gran: Gran::Month,
                ..Point::default()
            },
        },
        Unit::Year => Point {
            year: b.year.map(|y| y + n),
            gran: Gran::Year,
            ..Point::default()
        },
        Unit::Decade => Point {
            year: b.year.map(|y| y + 10 * n),
            gran: Gran::Decade,
            ..Point::default()
        },
        Unit::Century | Unit::Millennium => Point {
            year: b.year.map(|y| y + 100 * n),
            gran: Gran::Century,
            ..Point::default()
        },
        Unit::Hour | Unit::Minute | Unit::Second => {
            let mut p = shift_days(b, 0);
            p.gran = Gran::Time;
            p.clock = Some(Clock::Part("XX"));
            p
        }
    }
}

/// Season order within a year (winter last: December starts it).
fn season_index(s: &str) -> i32 {
    match s {
        "SP" => 0,
        "SU" => 1,
        "FA" => 2,
        _ => 3,
    }
}

fn base_season_index(b: &Point) -> Option<i32> {
    if let Some(s) = b.season {
        return Some(season_index(s));
    }
    b.month.map(|m| match m {
        1 | 2 => -1,
        3..=5 => 0,
        6..=8 => 1,
        9..=11 => 2,
        _ => 3,
    })
}

/// The next (1), previous (-1) or same (0) period relative to the base.
fn rel(b: &Point, sign: i8, target: Target, mode: Mode) -> Point {
    let s = i64::from(sign);
    match target {
        Target::Unit(Unit::Year) => Point {
            year: b.year.map(|y| y + s),
            gran: Gran::Year,
            ..Point::default()
        },
        Target::Unit(Unit::Month) => {
            if b.month.is_some() {
                shift(b, Unit::Month, s)
            } else {
                Point {
                    year: b.year,
                    gran: Gran::Month,
                    ..Point::default()
                }
            }
        }
        Target::Unit(Unit::Day) => shift_days(b, s),
        Target::Unit(Unit::Week) => shift(b, Unit::Week, s),
        Target::Unit(u) => shift(b, u, s),
        Target::Month(m) => {
            let mut y = b.year;
            if let (Some(yy), Some(bm)) = (b.year, b.month) {
                if sign > 0 && m <= bm {
                    y = Some(yy + 1);
                } else if sign < 0 && m >= bm {
                    y = Some(yy - 1);
                }
            }
            Point {
                year: y,
                month: Some(m),
                gran: Gran::Month,
                ..Point::default()
            }
        }
        Target::Season(code) => {
            let mut y = b.year;
            if sign == 2 {
                y = y.map(|y| y + 1);
            } else if sign == 0 && code == "WI" {
                // A winter is written with the year its January falls in (1914-15 is
                // 1915-WI): "that winter" after an autumn is next year's.
                if let (Some(yy), Some(bi)) = (b.year, base_season_index(b)) {
                    if bi >= 2 && b.season != Some("WI") {
                        y = Some(yy + 1);
                    }
                }
            } else if let (Some(yy), Some(bi)) = (b.year, base_season_index(b)) {
                let ti = season_index(code);
                if sign > 0 && ti <= bi {
                    y = Some(yy + 1);
                } else if sign < 0 && ti >= bi {
                    y = Some(yy - 1);
                }
            } else if sign != 0 {
                y = y.map(|y| y + s);
            }
            Point {
                year: y,
                season: Some(code),
                gran: Gran::Season,
                ..Point::default()
            }
        }
        Target::Weekday(wd) => weekday_from(b, wd, sign, mode),
        Target::Anchor => Point {
            clock: None,
            gran: if b.gran == Gran::Time {
                Gran::Day
            } else {
                b.gran
            },
            ..*b
        },
        Target::YearPart(gran, part) => Point {
            year: b.year.map(|y| y + s),
            part: Some(part),
            gran,
            ..Point::default()
        },
    }
}

/// The day named `wd` near the base: the next one on or after it in a narrative (strictly after
/// for "next"), the last one on or before it in news (strictly before for "last").
fn weekday_from(b: &Point, wd: u8, sign: i8, mode: Mode) -> Point {
    let Some(d) = b.day_number() else {
        return Point {
            year: None,
            weekday: Some(wd),
            gran: Gran::Week,
            ..Point::default()
        };
    };
    let cur = i64::from(weekday_of(d));
    let want = i64::from(wd);
    let forward = (want - cur).rem_euclid(7);
    let backward = (cur - want).rem_euclid(7);
    let delta = match (sign, mode) {
        (1, _) => {
            if forward == 0 {
                7
            } else {
                forward
            }
        }
        (-1, _) => -(if backward == 0 { 7 } else { backward }),
        (_, Mode::News) => -backward,
        (_, Mode::Narrative) => forward,
    };
    Point::from_day(DayNumber(d.0 + delta))
}

/// Easter Sunday (Gregorian computus from 1583, Julian before), as the text would date it.
fn easter(y: i64) -> Option<Point> {
    let calendar = if y >= 1583 {
        Calendar::Gregorian
    } else {
        Calendar::Julian
    };
    let d = annals_dates::easter(y, calendar)?;
    Some(Point::ymd(y, d.month, d.day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::parse_date;

    /// (text, type, value) of every expression in `text`, tagged as one document.
    fn tag_with(opts: Options, text: &str) -> Vec<(String, &'static str, String)> {
        let mut t = Tagger::new(opts);
        let mut out = Vec::new();
        for para in text.split('\n') {
            for x in t.tag(para) {
                out.push((para[x.start..x.end].to_string(), x.ty.name(), x.value));
            }
        }
        out
    }

    fn tag(text: &str) -> Vec<(String, &'static str, String)> {
        tag_with(Options::default(), text)
    }

    fn one(text: &str) -> (String, &'static str, String) {
        let all = tag(text);
        assert_eq!(all.len(), 1, "{text:?}: {all:?}");
        all.into_iter().next().unwrap_or_default()
    }

    fn values(text: &str) -> Vec<String> {
        tag(text).into_iter().map(|x| x.2).collect()
    }

    fn texts(text: &str) -> Vec<String> {
        tag(text).into_iter().map(|x| x.0).collect()
    }

    #[test]
    fn calendar_dates() {
        assert_eq!(
            one("On January 19, 1960, it was signed."),
            ("January 19, 1960".into(), "DATE", "1960-01-19".into())
        );
        assert_eq!(one("It fell on 19 January 1960.").2, "1960-01-19");
        assert_eq!(one("It fell on the 19th of October 1950.").2, "1950-10-19");
        assert_eq!(one("It fell in October 1939.").2, "1939-10");
        assert_eq!(one("It fell in February of 1940.").2, "1940-02");
        assert_eq!(one("It fell in Oct. 1945.").2, "1945-10");
        assert_eq!(
            one("It fell on Saturday, June 24, 1950, at dawn.").0,
            "Saturday, June 24, 1950"
        );
        assert_eq!(one("In 1939 war broke out.").2, "1939");
        assert_eq!(one("The year 1950 began.").0, "The year 1950");
    }

    #[test]
    fn times() {
        assert_eq!(
            values("On 11 November 1918 at 11 a.m. the guns fell silent."),
            ["1918-11-11", "1918-11-11T11:00"]
        );
        assert_eq!(
            tag("At 11 a.m. on 11 November 1918 the guns fell silent.")[0],
            ("11 a.m.".into(), "TIME", "1918-11-11T11:00".into())
        );
        assert_eq!(
            one("It began on the night of April 18, 1775."),
            (
                "the night of April 18, 1775".into(),
                "TIME",
                "1775-04-18TNI".into()
            )
        );
        assert_eq!(
            values("On 30 April 1975, at 11:30 a.m., it ended; that afternoon they left."),
            ["1975-04-30", "1975-04-30T11:30", "1975-04-30TAF"]
        );
        assert_eq!(one("They moved only at night.").2, "XXXX-XX-XXTNI");
        assert_eq!(
            tag("On the night of 8-9 February 1904, the Japanese attacked."),
            [
                (
                    "the night of 8".to_string(),
                    "TIME",
                    "1904-02-08TNI".to_string()
                ),
                (
                    "9 February 1904".to_string(),
                    "DATE",
                    "1904-02-09".to_string()
                )
            ]
        );
        assert_eq!(
            values("In 1905, in the early hours of 27 May, the fleets met."),
            ["1905", "1905-05-27TMO"]
        );
        assert_eq!(one("The attack came at 5:30PM.").2, "XXXX-XX-XXT17:30");
    }

    #[test]
    fn durations() {
        assert_eq!(
            one("The siege lasted three years."),
            ("three years".into(), "DURATION", "P3Y".into())
        );
        assert_eq!(one("It lasted a few days.").2, "PXD");
        assert_eq!(one("It lasted two and a half years.").2, "P2.5Y");
        assert_eq!(one("A ten-day truce held.").0, "ten-day");
        assert_eq!(one("A ten-day truce held.").2, "P10D");
        assert_eq!(one("It took over a month.").0, "over a month");
        assert_eq!(one("He was 18 years old.").0, "18 years old");
        assert_eq!(one("It took some 19 days.").0, "some 19 days");
        assert_eq!(one("They held it for the next six months.").2, "P6M");
        assert_eq!(
            one("For two months of bitter fighting, nothing moved.").0,
            "two months of bitter fighting"
        );
        assert_eq!(one("It lasted a decade.").2, "P1DE");
        assert_eq!(one("It held for 24 hours.").2, "PT24H");
    }

    #[test]
    fn sets() {
        assert_eq!(
            one("Supplies came daily."),
            ("daily".into(), "SET", "XXXX-XX-XX".into())
        );
        assert_eq!(one("They met every year.").2, "XXXX");
        assert_eq!(one("The council met weekly.").2, "XXXX-WXX");
        assert_eq!(one("Festivals were held every summer.").2, "XXXX-SU");
    }

    #[test]
    fn bc_and_ad() {
        assert_eq!(one("Xerxes invaded in 480 BC.").2, "BC0480");
        assert_eq!(one("Carthage fell in 146 B.C. and burned.").0, "146 B.C.");
        assert_eq!(one("Carthage fell in 146 B.C. and burned.").2, "BC0146");
        assert_eq!(one("Vespasian won in AD 69.").2, "0069");
        assert_eq!(one("He died in 14 AD.").2, "0014");
        assert_eq!(one("Farming began around 10,000 BC.").2, "BC10000");
        assert!(tag("They had 10,000 men.").is_empty());
        assert_eq!(one("In June 479 BC the Greeks won.").2, "BC0479-06");
        // Bare numbers near a BC story are BC years.
        assert_eq!(
            values("In 481 BC Xerxes gathered his army. In 480 he crossed."),
            ["BC0481", "BC0480"]
        );
    }

    #[test]
    fn centuries_and_decades() {
        assert_eq!(
            one("It grew in the 20th century."),
            ("the 20th century".into(), "DATE", "19".into())
        );
        assert_eq!(one("It grew in the nineteenth century.").2, "18");
        assert_eq!(one("It grew in the twenty-first century.").2, "20");
        assert_eq!(one("Athens grew in the 4th century BC.").2, "BC03");
        assert_eq!(one("It was common in eighteenth-century France.").2, "17");
        assert_eq!(one("It grew in the 1960s.").2, "196");
        assert_eq!(one("It grew in the late 1930s.").0, "the late 1930s");
        assert_eq!(one("It began in the 470s BC.").2, "BC047");
        assert_eq!(one("Cities grew in the 3rd millennium BC.").2, "BC2");
        assert_eq!(one("Trade grew in the second millennium.").2, "1");
    }

    #[test]
    fn seasons() {
        assert_eq!(
            one("It began in the spring of 1943."),
            ("the spring of 1943".into(), "DATE", "1943-SP".into())
        );
        assert_eq!(one("It began in summer 1918.").2, "1918-SU");
        assert_eq!(one("It began in autumn of 481 BC.").2, "BC0481-FA");
        assert_eq!(
            one("They spent the winter of 1854-55 in camp."),
            ("the winter of 1854-55".into(), "DATE", "1854-WI".into())
        );
        assert_eq!(
            values("They spent the winter of 1854-55 in camp. In March, they attacked."),
            ["1854-WI", "1855-03"]
        );
        // "That winter" after an autumn is the one its January falls in.
        assert_eq!(
            values("In October 1914 the front froze. That winter was hard. In March, it thawed."),
            ["1914-10", "1915-WI", "1915-03"]
        );
        assert_eq!(
            values("In 1777 the army moved. That winter was hard."),
            ["1777", "1777-WI"]
        );
        assert_eq!(
            values("In March 1943 it began. The following spring it ended."),
            ["1943-03", "1944-SP"]
        );
        assert_eq!(
            texts("In 1918 they planned the summer offensive."),
            ["1918", "summer"]
        );
        // "the fall of Paris" is no season.
        assert_eq!(values("In 1940 came the fall of Paris."), ["1940"]);
    }

    #[test]
    fn ranges() {
        assert_eq!(
            values("The war lasted from 1914 to 1918."),
            ["1914", "1918"]
        );
        assert_eq!(
            texts("The Ionian Revolt (499-493 BC) failed."),
            ["499", "493 BC"]
        );
        assert_eq!(
            values("The Ionian Revolt (499-493 BC) failed."),
            ["BC0499", "BC0493"]
        );
        assert_eq!(
            values("Fighting raged on 12-14 July 1950."),
            ["1950-07-12", "1950-07-14"]
        );
        assert_eq!(
            values("It lasted from March 3-9, 1918."),
            ["1918-03-03", "1918-03-09"]
        );
        assert_eq!(values("In 1915-17 the armies bled."), ["1915", "1917"]);
        assert_eq!(
            values("Between June and August 1944 France was freed."),
            ["1944-06", "1944-08"]
        );
    }

    #[test]
    fn approximations() {
        assert_eq!(
            one("The town was founded around 1200."),
            ("around 1200".into(), "DATE", "1200".into())
        );
        assert_eq!(one("It was built c. 1500.").0, "c. 1500");
        assert_eq!(one("He died ca. 461 BC.").2, "BC0461");
        assert_eq!(one("They arrived about 1910.").0, "about 1910");
        assert_eq!(one("It fell around March 1981.").2, "1981-03");
    }

    #[test]
    fn modifiers() {
        assert_eq!(one("By early October the city fell.").0, "early October");
        assert_eq!(one("It ended in late 1943.").2, "1943");
        assert_eq!(one("It ended by the end of 1776.").0, "the end of 1776");
        assert_eq!(one("It ended in mid-1916.").0, "mid-1916");
        assert_eq!(one("Prices rose in the second half of 2008.").2, "2008-H2");
    }

    #[test]
    fn relative_expressions_follow_the_story() {
        assert_eq!(
            values("In 1940 Germany struck. In April, Germany invaded Norway. On June 10, Italy invaded; twelve days later France surrendered."),
            ["1940", "1940-04", "1940-06-10", "1940-06-22"]
        );
        assert_eq!(
            values("In 492 BC Mardonius sailed. The following year, Darius sent envoys."),
            ["BC0492", "BC0491"]
        );
        assert_eq!(values("On 20 June 1789 they swore an oath. The next day, the king left. Two weeks later, he returned."), ["1789-06-20", "1789-06-21", "1789-W27"]);
        assert_eq!(
            values("In March 1917 the tsar fell. In late September, the army broke."),
            ["1917-03", "1917-09"]
        );
        assert_eq!(
            values("In 1776 the British landed. That spring, they sailed."),
            ["1776", "1776-SP"]
        );
        assert_eq!(
            values("On July 1, 1863 the battle began. Three days earlier, Lee had crossed."),
            ["1863-07-01", "1863-06-28"]
        );
        assert_eq!(
            values("In September 1918 the armies met. It had begun the previous April."),
            ["1918-09", "1918-04"]
        );
        assert_eq!(
            values("In 1950 it began. Later that year the front moved."),
            ["1950", "1950"]
        );
        assert_eq!(
            values("In 1950 it began. Two years later it ended."),
            ["1950", "1952"]
        );
        // Looking back does not move the story: "January" is in the story's year.
        assert_eq!(values("In 1942 the war widened; it had begun the previous year. In January, Japan struck."), ["1942", "1941", "1942-01"]);
        // Asides in parentheses do not move it either.
        assert_eq!(
            values("In 1789 the Estates met (they had last met in 1614). In May, they argued."),
            ["1789", "1614", "1789-05"]
        );
    }

    #[test]
    fn references() {
        assert_eq!(
            one("The city is now a museum."),
            ("now".into(), "DATE", "PRESENT_REF".into())
        );
        assert_eq!(one("The former king fled.").2, "PAST_REF");
        assert_eq!(one("He recently returned.").2, "PAST_REF");
        assert_eq!(one("It shaped the future of Europe.").2, "FUTURE_REF");
        assert_eq!(one("It is the largest to date.").2, "PRESENT_REF");
    }

    #[test]
    fn news_mode_anchors_on_the_document_date() {
        let opts = Options {
            dct: parse_date("2013-03-20"),
            mode: Mode::News,
        };
        let v: Vec<String> = tag_with(opts, "On Monday the minister resigned. Yesterday the party met, and last year it won. Today it said elections would come in June.")
            .into_iter()
            .map(|x| x.2)
            .collect();
        assert_eq!(
            v,
            ["2013-03-18", "2013-03-19", "2012", "2013-03-20", "2013-06"]
        );
    }

    #[test]
    fn news_reads_the_tense() {
        let opts = Options {
            dct: parse_date("2026-03-11"), // a Wednesday
            mode: Mode::News,
        };
        let v: Vec<String> = tag_with(opts, "On Friday the minister resigned. On Friday the minister will resign. Profits rose in the third quarter. Profits will rise in the third quarter. Sales fell in the first quarter.")
            .into_iter()
            .map(|x| x.2)
            .collect();
        assert_eq!(
            v,
            ["2026-03-06", "2026-03-13", "2025-Q3", "2026-Q3", "2026-Q1"]
        );
    }

    #[test]
    fn fiscal_years() {
        let opts = Options {
            dct: parse_date("2025-11-04"),
            mode: Mode::News,
        };
        let found = tag_with(opts, "Revenue rose in FY2025 and will rise in fiscal 2026. The budget for fiscal year 2027 was cut. Losses in FY 24 and FY2023-24 were smaller.");
        let got: Vec<(&str, &str)> = found.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
        assert_eq!(
            got,
            [
                ("FY2025", "FY2025"),
                ("fiscal 2026", "FY2026"),
                ("fiscal year 2027", "FY2027"),
                ("FY 24", "FY2024"),
                ("FY2023-24", "FY2024"),
            ]
        );
        assert!(tag("The fiscal policy changed.").is_empty());
        assert!(tag("Fiscal 12 percent cuts.").is_empty());
    }

    #[test]
    fn relative_fiscal_years_and_quarters() {
        let news = |dct: &str, text: &str| -> Vec<(String, String)> {
            let opts = Options {
                dct: parse_date(dct),
                mode: Mode::News,
            };
            tag_with(opts, text)
                .into_iter()
                .map(|x| (x.0, x.2))
                .collect()
        };
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            news("2025-11-04", "Sales rose in the last fiscal year and will rise this fiscal year. The current fiscal year looks better than the previous fiscal year; next fiscal year too. Profit fell in the fourth quarter of fiscal 2024, in fiscal 2023's third quarter and in the fiscal first quarter."),
            pairs(&[
                ("the last fiscal year", "FY2024"),
                ("this fiscal year", "FY2025"),
                ("The current fiscal year", "FY2025"),
                ("the previous fiscal year", "FY2024"),
                ("next fiscal year", "FY2026"),
                ("the fourth quarter of fiscal 2024", "FY2024-Q4"),
                ("fiscal 2023's third quarter", "FY2023-Q3"),
                ("the fiscal first quarter", "FY2025-Q1"),
            ])
        );
        // A quarter of next year's fiscal year, reported as past: the company's fiscal year is
        // named after the year it ends in, and the current one is next year's. Its quarters are
        // then fiscal quarters.
        assert_eq!(
            news("2024-10-24", "Revenue rose in the first quarter of fiscal 2025. Sales in the current fiscal year will beat the last fiscal year. Results for the second quarter of the current fiscal year and for the third quarter come in January."),
            pairs(&[
                ("the first quarter of fiscal 2025", "FY2025-Q1"),
                ("the current fiscal year", "FY2025"),
                ("the last fiscal year", "FY2024"),
                ("the second quarter of the current fiscal year", "FY2025-Q2"),
                ("the third quarter", "FY2025-Q3"),
                ("January", "2025-01"),
            ])
        );
        // A plan for next year's fiscal year says nothing about the current one.
        assert_eq!(
            news(
                "2024-03-01",
                "Revenue will rise in fiscal 2025. This fiscal year was hard."
            ),
            pairs(&[("fiscal 2025", "FY2025"), ("This fiscal year", "FY2024")])
        );
        // In a narrative, from the story's year.
        assert_eq!(
            values("In 1998 the firm cut costs. The next fiscal year was better."),
            ["1998", "FY1999"]
        );
        assert!(tag("The fiscal policy changed in the last year.")
            .iter()
            .all(|x| !x.2.starts_with("FY")));
    }

    #[test]
    fn compound_durations() {
        assert_eq!(
            tag("She won in 1 hour 49 minutes. The siege lasted 2 years 3 months. It took 3 days 4 hours."),
            [
                ("1 hour 49 minutes".into(), "DURATION", "PT1H49M".into()),
                ("2 years 3 months".into(), "DURATION", "P2Y3M".into()),
                ("3 days 4 hours".into(), "DURATION", "P3DT4H".into()),
            ]
        );
    }

    #[test]
    fn news_clock_times_are_on_the_story_day() {
        let opts = Options {
            dct: parse_date("2022-10-10"), // a Monday
            mode: Mode::News,
        };
        let v: Vec<String> = tag_with(opts, "The race was held on Sunday. Runners set off at 9:30 a.m. The result came at 3:15 a.m. today. At 9 p.m. on Tuesday they met.")
            .into_iter()
            .map(|x| x.2)
            .collect();
        assert_eq!(
            v,
            [
                "2022-10-09",
                "2022-10-09T09:30",
                "2022-10-10T03:15",
                "2022-10-10",
                "2022-10-04T21:00",
                "2022-10-04",
            ]
        );
        let opts = Options {
            dct: parse_date("2022-10-10"),
            mode: Mode::News,
        };
        assert_eq!(
            tag_with(opts, "The bridge opened in 1962. The ferry left at 9 a.m.")[1].2,
            "2022-10-10T09:00"
        );
    }

    #[test]
    fn news_past_periods_are_durations() {
        let opts = Options {
            dct: parse_date("2022-10-10"),
            mode: Mode::News,
        };
        assert_eq!(
            tag_with(
                opts,
                "Prices rose over the past year and fell in the last decade."
            ),
            [
                ("the past year".into(), "DURATION", "P1Y".into()),
                ("the last decade".into(), "DURATION", "P1DE".into()),
            ]
        );
        assert_eq!(one("Prices rose over the past year.").1, "DATE");
    }

    #[test]
    fn numbers_that_are_not_dates() {
        assert!(tag("The fleet had 1,207 ships and 200,000 men.").is_empty());
        assert!(tag("Resolution 1483 was adopted.").is_empty());
        assert!(tag("A second attack followed.").is_empty());
        assert!(tag("They butchered 1400 victims.").is_empty());
        assert!(tag("They marched 1500 km in May of that campaign.")
            .iter()
            .all(|x| x.0 != "1500"));
        assert!(tag("The score was 3:2 and 15% voted.").is_empty());
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2024).unwrap().value(), "2024-03-31");
        assert_eq!(easter(1972).unwrap().value(), "1972-04-02");
    }

    #[test]
    fn weekdays_around_a_day() {
        let b = Point::ymd(2007, 9, 10); // a Monday
        assert_eq!(
            weekday_from(&b, 4, 0, Mode::Narrative).value(),
            "2007-09-13"
        );
        assert_eq!(weekday_from(&b, 5, 0, Mode::News).value(), "2007-09-07");
        assert_eq!(weekday_from(&b, 1, 1, Mode::News).value(), "2007-09-17");
    }
}

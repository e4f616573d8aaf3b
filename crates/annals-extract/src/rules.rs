//! The recognisers: hand-written patterns over the tokens of a paragraph that find time
//! expressions and say what they mean, before anchoring.
//!
//! Every recogniser starts at one token and reads forward a bounded number of tokens (no
//! backtracking beyond that), so a paragraph is scanned in linear time. At each token the
//! longest match of all recognisers wins; the scan then continues after it. What an expression
//! means is a [`Sem`]: a calendar point that may lack its year or month (filled from the
//! narrative anchor), a shift ("two days later"), a relative period ("the following spring"), a
//! duration, a set or a fixed value (`PRESENT_REF`).

use crate::lex::{self, Kind, Toks, Unit};
use crate::value::{Clock, Gran, Point};

/// The TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurring time.
    Set,
}

impl Ty {
    /// The TimeML name.
    pub fn name(self) -> &'static str {
        match self {
            Ty::Date => "DATE",
            Ty::Time => "TIME",
            Ty::Duration => "DURATION",
            Ty::Set => "SET",
        }
    }
}

/// What a relative expression points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A calendar unit: the year, the month, the day ...
    Unit(Unit),
    /// A named month.
    Month(u8),
    /// A season.
    Season(&'static str),
    /// A day of the week.
    Weekday(u8),
    /// A half (`Gran::Half`) or quarter (`Gran::Quarter`) of the year.
    YearPart(Gran, u8),
    /// The anchor itself, as finely as it is known ("the same time").
    Anchor,
}

/// The meaning of a time expression before anchoring.
#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    /// A calendar point; parts it lacks are taken from the anchor.
    Abs(Point),
    /// `n` units after (`sign` 1) or before (-1) the anchor; `n` is `None` when vague ("a few").
    Shift {
        /// How many.
        n: Option<i64>,
        /// Of what.
        unit: Unit,
        /// Direction.
        sign: i8,
    },
    /// The next (1), previous (-1) or same (0) period relative to the anchor.
    Rel {
        /// Direction.
        sign: i8,
        /// The period.
        target: Target,
    },
    /// A value that needs no anchor (`PRESENT_REF`, `P3Y`, `XXXX-XX-XX`).
    Fixed(String),
    /// Today, shifted by days (news: from the document date; narrative: from the anchor).
    Today(i8),
    /// Easter Sunday of a year (the anchor's when not given).
    Easter(Option<i64>),
    /// A fiscal year, or a quarter of one: named ("fiscal 2025", "the fourth quarter of FY2024")
    /// or relative to the current fiscal year ("last fiscal year": `sign` -1).
    Fiscal {
        /// The year it is named after, when the text names it.
        year: Option<i64>,
        /// Next (1), previous (-1) or current (0) fiscal year, when it is not named.
        sign: i8,
        /// The quarter, 1 to 4.
        quarter: Option<u8>,
    },
}

/// A recognised expression: token span `[a, b)`, type, meaning and time of day.
#[derive(Debug, Clone, PartialEq)]
pub struct Cand {
    /// First token.
    pub a: usize,
    /// One past the last token.
    pub b: usize,
    /// TIMEX3 type.
    pub ty: Ty,
    /// Meaning.
    pub sem: Sem,
    /// Time of day, for TIME.
    pub clock: Option<Clock>,
    /// The expression is the first half of a range and takes missing parts from the next.
    pub range_head: bool,
    /// The expression follows a range connector and takes a missing month from the previous.
    pub range_tail: bool,
    /// The year is the anchor's shifted by this many years ("of the following year").
    pub year_rel: Option<i8>,
    /// An aside (in parentheses, or after "since"): resolved, but it does not move the story.
    pub aside: bool,
    /// Counted from the story's last date ("two years later", "the following year", "that
    /// afternoon"), not from the moment of writing ("two years ago", "next year", "last week",
    /// "in May"). Matters in news mode, where the rest counts from the document date.
    pub anaphoric: bool,
}

impl Cand {
    fn new(a: usize, b: usize, ty: Ty, sem: Sem) -> Cand {
        Cand {
            a,
            b,
            ty,
            sem,
            clock: None,
            range_head: false,
            range_tail: false,
            year_rel: None,
            aside: false,
            anaphoric: false,
        }
    }
    fn date(a: usize, b: usize, p: Point) -> Cand {
        Cand::new(a, b, Ty::Date, Sem::Abs(p))
    }
    fn fixed(a: usize, b: usize, ty: Ty, v: &str) -> Cand {
        Cand::new(a, b, ty, Sem::Fixed(v.to_string()))
    }
}

/// Context the recognisers need: the paragraph, its tokens, and the era and year of the story.
pub struct Matcher<'a> {
    /// Original text.
    pub text: &'a str,
    /// Tokens.
    pub t: &'a Toks,
    /// The story's current year (astronomical), for bare numbers that may be years.
    pub story_year: Option<i64>,
    /// News text (`--anchor news`): "the past year" is a stretch of time, as TimeBank writes it.
    pub news: bool,
}

/// Words after a number that show it counts things, so it is not a year.
const COUNTED: &[&str] = &[
    "men",
    "soldiers",
    "troops",
    "people",
    "persons",
    "casualties",
    "dead",
    "killed",
    "wounded",
    "prisoners",
    "ships",
    "vessels",
    "aircraft",
    "planes",
    "tanks",
    "guns",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "mi",
    "metres",
    "meters",
    "m",
    "feet",
    "ft",
    "yards",
    "tons",
    "tonnes",
    "deaths",
    "civilians",
    "refugees",
    "families",
    "members",
    "votes",
    "seats",
    "delegates",
    "workers",
    "horses",
    "cavalry",
    "infantry",
    "warships",
    "boats",
    "rifles",
    "cannons",
    "cannon",
    "units",
    "houses",
    "buildings",
    "villages",
    "hectares",
    "acres",
    "square",
    "pounds",
    "dollars",
    "marines",
    "sailors",
    "fighters",
    "insurgents",
    "militants",
    "rebels",
    "police",
    "officers",
    "hours",
    "hrs",
    "men's",
    "strong",
    "infantrymen",
    "mm",
    "cm",
    "kg",
    "lb",
    "lbs",
    "per",
    "percent",
    "million",
    "billion",
    "thousand",
    "hundred",
    "warriors",
    "hoplites",
    "triremes",
    "galleys",
    "elephants",
    "sq",
    "deputies",
    "cases",
    "votes",
    "students",
    "children",
    "women",
    "americans",
    "germans",
    "french",
    "british",
    "soviets",
    "japanese",
    "chinese",
    "iraqis",
    "iranians",
    "americans",
    "vietnamese",
    "koreans",
    "russians",
    "romans",
    "persians",
    "greeks",
    "others",
    "more",
    "of",
    "times",
    "bombers",
    "divisions",
    "regiments",
    "battalions",
    "brigades",
    "companies",
    "sorties",
    "missiles",
    "rounds",
    "shells",
    "km2",
    "calories",
    "degrees",
    "per cent",
];

/// Prepositions and modifiers after which a bare number close to the story's year is a year.
const YEAR_CUES: &[&str] = &[
    "in", "by", "of", "since", "until", "till", "from", "after", "before", "around", "circa",
    "about", "early", "late", "mid", "during", "between", "spring", "summer", "autumn", "winter",
    "fall", "year",
];

/// Words after which a capitalised word continues a noun phrase rather than starting a clause.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "after", "before", "into", "its", "his", "her", "their", "our", "this", "that", "these",
    "those", "against", "between", "over", "under", "toward", "towards", "near", "across",
    "through", "during", "since", "until", "about", "around", "than", "as", "per", "via", "like",
];

/// Adjectives that may stand between an amount and its unit ("two bloody weeks").
const QTY_ADJECTIVES: &[&str] = &[
    "more",
    "full",
    "long",
    "short",
    "bloody",
    "brutal",
    "hard",
    "additional",
    "further",
    "consecutive",
    "whole",
    "entire",
    "straight",
    "successive",
    "bitter",
    "terrible",
    "difficult",
    "quiet",
    "peaceful",
    "crucial",
    "critical",
    "final",
    "tense",
    "anxious",
    "agonizing",
    "agonising",
    "grueling",
    "gruelling",
    "long,",
    "solid",
    "calendar",
    "intense",
    "fierce",
    "tumultuous",
    "turbulent",
    "eventful",
    "desperate",
    "harsh",
    "cold",
    "hot",
    "dark",
    "happy",
];

/// Words ending in "s" that are not plural nouns.
const NOT_PLURAL: &[&str] = &[
    "was",
    "has",
    "this",
    "thus",
    "towards",
    "afterwards",
    "always",
    "perhaps",
    "its",
    "his",
    "hers",
    "theirs",
    "whereas",
    "unless",
    "besides",
    "across",
    "upwards",
    "downwards",
    "backwards",
    "forwards",
    "sometimes",
    "nevertheless",
    "does",
    "goes",
    "becomes",
    "remains",
    "begins",
    "ends",
    "sees",
    "marks",
    "saw",
    "ours",
    "yours",
    "onwards",
    "less",
    "news",
];

/// Capitalised words before a number that make it a name, not a year.
const IDENTIFIER_WORDS: &[&str] = &[
    "resolution",
    "article",
    "section",
    "chapter",
    "no",
    "number",
    "flight",
    "route",
    "highway",
    "hill",
    "height",
    "squadron",
    "regiment",
    "division",
    "brigade",
    "battalion",
    "corps",
    "platoon",
    "unit",
    "code",
    "pier",
    "gate",
    "room",
    "page",
    "volume",
    "vol",
    "model",
    "type",
    "class",
    "mark",
    "mk",
    "operation",
    "point",
    "grid",
    "zone",
    "sector",
    "camp",
    "base",
    "hwy",
];

/// Verbs that may follow a time expression as its sentence's verb ("the summer saw ...").
const CLAUSE_VERBS: &[&str] = &[
    "was",
    "were",
    "is",
    "had",
    "has",
    "saw",
    "brought",
    "came",
    "passed",
    "ended",
    "began",
    "proved",
    "turned",
    "arrived",
    "went",
    "followed",
    "found",
    "when",
    "which",
    "while",
    "that",
    "also",
    "then",
    "would",
    "could",
    "did",
    "see",
    "sees",
    "witnessed",
    "marked",
];

/// Approximation words kept inside the extent of a date ("around 1200").
const DATE_APPROX: &[&str] = &["around", "about", "approximately", "roughly", "circa"];

/// Words kept before an amount of time ("over two years", "just 14 years later").
const QTY_APPROX: &[&[&str]] = &[
    &["a", "little", "more", "than"],
    &["a", "little", "over"],
    &["a", "little", "under"],
    &["little", "more", "than"],
    &["well", "over"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["at", "most"],
    &["close", "to"],
    &["a", "mere"],
    &["another"],
    &["no", "more", "than"],
    &["not", "more", "than"],
    &["up", "to"],
    &["nearly"],
    &["almost"],
    &["about"],
    &["around"],
    &["approximately"],
    &["roughly"],
    &["some"],
    &["over"],
    &["under"],
    &["just"],
    &["only"],
    &["barely"],
    &["only", "about"],
    &["just", "over"],
    &["just", "under"],
];

/// An amount: exact, or vague ("a few", "several").
#[derive(Debug, Clone, Copy, PartialEq)]
enum Qty {
    Exact(f64),
    Vague,
}

/// Prepositions before "this time", "that time", "the same time".
const TIME_PREPOSITIONS: &[&str] = &[
    "during",
    "by",
    "from",
    "around",
    "at",
    "until",
    "till",
    "since",
    "before",
    "after",
    "about",
    "for",
    "throughout",
    "within",
    "to",
];

/// A half or quarter a modifier names ("the first half of").
type PartOfYear = Option<(Gran, u8)>;

/// A modifier before a date ("early", "the end of") and the half or quarter it names, if any.
struct Modifier {
    end: usize,
    part: Option<(Gran, u8)>,
}

impl<'a> Matcher<'a> {
    fn w(&self, i: usize) -> Option<&str> {
        self.t.word(i)
    }
    fn is(&self, i: usize, w: &str) -> bool {
        self.t.is(i, w)
    }
    fn seq(&self, i: usize, ws: &[&str]) -> bool {
        ws.iter().enumerate().all(|(k, w)| self.is(i + k, w))
    }
    fn cap(&self, i: usize) -> bool {
        self.t.cap(self.text, i)
    }
    fn is_boundary_punct(&self, i: usize) -> bool {
        // "100,000": a comma inside a number is not a boundary.
        if (self.t.punct(i, ',') || self.t.punct(i, '.'))
            && self.t.glued(i)
            && self.t.glued(i + 1)
            && i > 0
            && self.t.kind(i - 1) == Some(Kind::Num)
            && self.t.kind(i + 1) == Some(Kind::Num)
        {
            return false;
        }
        match self.t.kind(i) {
            None | Some(Kind::Break) => true,
            Some(Kind::Punct) => matches!(
                self.t.punct_char(i),
                Some(
                    ',' | '.'
                        | ';'
                        | ':'
                        | '('
                        | ')'
                        | '!'
                        | '?'
                        | '"'
                        | '“'
                        | '”'
                        | '['
                        | ']'
                        | '—'
                        | '–'
                )
            ),
            _ => false,
        }
    }

    /// A trailing period that belongs to an abbreviation ("B.C.", "a.m."), kept in the extent
    /// even where it also ends the sentence, as TimeML annotators do.
    fn abbrev_period(&self, i: usize) -> usize {
        if self.t.punct(i, '.') && self.t.glued(i) {
            i + 1
        } else {
            i
        }
    }

    // ----- small readers -----

    /// A month name at `i`: (month, end).
    fn month_at(&self, i: usize) -> Option<(u8, usize)> {
        let w = self.w(i)?;
        let m = lex::month(w)?;
        let full = w.len() > 3 || w == "may";
        if !full && !self.cap(i) {
            return None;
        }
        let mut end = i + 1;
        if !full && self.t.punct(end, '.') && self.t.glued(end) {
            end += 1;
        }
        Some((m, end))
    }

    /// A day of the month at `i` (`19`, `19th`, `nineteenth`): (day, end).
    fn day_at(&self, i: usize) -> Option<(u8, usize)> {
        if let Some((n, digits)) = self.t.num(i) {
            if digits > 2 || !(1..=31).contains(&n) {
                return None;
            }
            let mut end = i + 1;
            if self.t.glued(end) {
                match self.t.kind(end) {
                    Some(Kind::Word) => {
                        if matches!(self.t.low(end), "st" | "nd" | "rd" | "th") {
                            end += 1;
                        } else {
                            return None;
                        }
                    }
                    Some(Kind::Num) => return None,
                    Some(Kind::Punct)
                        if (self.t.punct(end, ':')
                            || self.t.punct(end, '%')
                            || ((self.t.punct(end, '.') || self.t.punct(end, ','))
                                && self.t.kind(end + 1) == Some(Kind::Num)
                                && self.t.glued(end + 1))) =>
                    {
                        return None;
                    }
                    _ => {}
                }
            }
            return Some((n as u8, end));
        }
        let (n, end) = self.ordinal_word(i)?;
        if n <= 31 {
            return Some((n as u8, end));
        }
        None
    }

    /// An ordinal in words: "first", "nineteenth", "twenty-first", "thirty first".
    fn ordinal_word(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.w(i)?;
        if let Some(n) = lex::ordinal(w) {
            return Some((n, i + 1));
        }
        let tens = lex::cardinal(w).filter(|n| *n >= 20 && *n % 10 == 0 && *n < 100)?;
        let j = if self.t.dash(i + 1) { i + 2 } else { i + 1 };
        let k = self.w(j).and_then(lex::ordinal).filter(|k| *k < 10)?;
        Some((tens + k, j + 1))
    }

    /// An era marker at `i`: (BC?, end).
    fn era_at(&self, i: usize) -> Option<(bool, usize)> {
        let w = self.w(i)?;
        match w {
            "bc" | "bce" => return Some((true, i + 1)),
            "ad" | "ce" if self.t.all_caps(self.text, i) => return Some((false, i + 1)),
            _ => {}
        }
        // Dotted forms: B.C., B.C.E., A.D., C.E.
        let dotted = |letters: &[&str]| -> Option<usize> {
            let mut j = i;
            for (k, l) in letters.iter().enumerate() {
                if !self.is(j, l) || (k > 0 && !self.t.glued(j)) {
                    return None;
                }
                j += 1;
                if k + 1 < letters.len() {
                    if !(self.t.punct(j, '.') && self.t.glued(j)) {
                        return None;
                    }
                    j += 1;
                }
            }
            Some(self.abbrev_period(j))
        };
        if !self.cap(i) {
            return None;
        }
        if let Some(e) = dotted(&["b", "c", "e"]) {
            return Some((true, e));
        }
        if let Some(e) = dotted(&["b", "c"]) {
            return Some((true, e));
        }
        if let Some(e) = dotted(&["a", "d"]) {
            return Some((false, e));
        }
        if let Some(e) = dotted(&["c", "e"]) {
            return Some((false, e));
        }
        None
    }

    /// A digit run at `i` that stands alone as a number (not part of `1,207`, `2.5`, `15%`,
    /// `5km`): (value, digits).
    fn plain_num(&self, i: usize) -> Option<(u32, usize)> {
        let (n, d) = self.t.num(i)?;
        if i >= 2
            && self.t.glued(i)
            && (self.t.punct(i - 1, ',') || self.t.punct(i - 1, '.'))
            && self.t.glued(i - 1)
            && self.t.kind(i - 2) == Some(Kind::Num)
        {
            return None;
        }
        if i >= 1 && self.t.glued(i) {
            if let Some(c) = self.t.punct_char(i - 1) {
                if matches!(c, '$' | '£' | '€' | '#' | '¥' | '+' | '/' | '.' | ',') {
                    return None;
                }
            }
            if self.t.kind(i - 1) == Some(Kind::Word) {
                return None;
            }
        }
        let next = i + 1;
        if self.t.glued(next) {
            match self.t.kind(next) {
                // "1936Coup leader": a heading run into the text.
                Some(Kind::Word)
                    if d == 4 && self.cap(next) && !self.t.all_caps(self.text, next) => {}
                Some(Kind::Word) | Some(Kind::Num) => return None,
                Some(Kind::Punct) => {
                    if (self.t.punct(next, ',')
                        || self.t.punct(next, '.')
                        || self.t.punct(next, ':'))
                        && self.t.kind(next + 1) == Some(Kind::Num)
                        && self.t.glued(next + 1)
                    {
                        return None;
                    }
                    if self.t.punct(next, '%') || self.t.punct(next, '/') {
                        return None;
                    }
                }
                _ => {}
            }
        }
        Some((n, d))
    }

    /// A year at `i`. `loose`: after a month or season, where any number 1–9999 is a year.
    /// Returns (astronomical year, end, era written).
    fn year_at(&self, i: usize, loose: bool) -> Option<(i64, usize, bool)> {
        if self.t.kind(i) == Some(Kind::Word) {
            // AD 69, A.D. 800
            let (bc, e) = self.era_at(i)?;
            if bc {
                return None;
            }
            let (n, d) = self.plain_num(e)?;
            if d > 4 || n == 0 {
                return None;
            }
            return Some((i64::from(n), e + 1, true));
        }
        // 10,000 BC: a year with a thousands comma, only with its era.
        if let (Some((th, 1..=3)), true, true, Some((rest, 3))) = (
            self.t.num(i),
            self.t.punct(i + 1, ','),
            self.t.glued(i + 1) && self.t.glued(i + 2),
            self.t.num(i + 2),
        ) {
            if let Some((bc, e)) = self.era_at(i + 3) {
                let n = i64::from(th) * 1000 + i64::from(rest);
                return Some((if bc { 1 - n } else { n }, e, true));
            }
        }
        let (n, d) = self.plain_num(i)?;
        if d > 4 || n == 0 {
            return None;
        }
        if let Some((bc, e)) = self.era_at(i + 1) {
            let y = if bc { 1 - i64::from(n) } else { i64::from(n) };
            return Some((y, e, true));
        }
        if d == 4 && (1000..=2199).contains(&n) {
            return Some((i64::from(n), i + 1, false));
        }
        if loose && d >= 2 && (d == 4 || self.plausible_small_year(n).is_some()) {
            return Some((self.contextual_year(n), i + 1, false));
        }
        None
    }

    /// A bare number read as a year in the story's era.
    fn contextual_year(&self, n: u32) -> i64 {
        match self.story_year {
            Some(y) if y <= 0 && i64::from(n) <= 1 - y + 200 => 1 - i64::from(n),
            _ => i64::from(n),
        }
    }

    /// A bare number of up to three digits that is a year because the story is near it.
    fn plausible_small_year(&self, n: u32) -> Option<i64> {
        let story = self.story_year?;
        let y = self.contextual_year(n);
        if (y - story).abs() <= 120 {
            Some(y)
        } else {
            None
        }
    }

    /// An amount at `i`: a number in digits or words, "a", "a few", "several" ... : (qty, end).
    fn qty_at(&self, i: usize) -> Option<(Qty, usize)> {
        if let Some((n, d)) = self.t.num(i) {
            if d > 6 {
                return None;
            }
            // Decimals: 22.8
            if self.t.punct(i + 1, '.') && self.t.glued(i + 1) && self.t.glued(i + 2) {
                if let Some((f, fd)) = self.t.num(i + 2) {
                    let v = f64::from(n) + f64::from(f) / 10f64.powi(fd as i32);
                    return Some((Qty::Exact(v), i + 3));
                }
            }
            // 1,000
            if self.t.punct(i + 1, ',') && self.t.glued(i + 1) && self.t.glued(i + 2) {
                if let Some((f, 3)) = self.t.num(i + 2) {
                    return Some((Qty::Exact(f64::from(n) * 1000.0 + f64::from(f)), i + 3));
                }
            }
            if i > 0 && self.t.glued(i) && matches!(self.t.kind(i - 1), Some(Kind::Num)) {
                return None;
            }
            return Some((Qty::Exact(f64::from(n)), i + 1));
        }
        let w = self.w(i)?;
        match w {
            "a" | "an" => {
                if self.is(i + 1, "few") || self.is(i + 1, "couple") && self.is(i + 2, "of") {
                    if self.is(i + 1, "few") {
                        return Some((Qty::Vague, i + 2));
                    }
                    return Some((Qty::Exact(2.0), i + 3));
                }
                if self.is(i + 1, "single") {
                    return Some((Qty::Exact(1.0), i + 2));
                }
                if self.is(i + 1, "half") {
                    return Some((Qty::Exact(0.5), i + 2));
                }
                if self.is(i + 1, "hundred") {
                    return Some((Qty::Exact(100.0), i + 2));
                }
                if self.is(i + 1, "dozen") {
                    return Some((Qty::Exact(12.0), i + 2));
                }
                return Some((Qty::Exact(1.0), i + 1));
            }
            "few" | "several" | "many" | "numerous" | "some" | "various" => {
                return Some((Qty::Vague, i + 1))
            }
            "half" if self.is(i + 1, "a") => return Some((Qty::Exact(0.5), i + 2)),
            "dozens" | "hundreds" | "thousands" if self.is(i + 1, "of") => {
                return Some((Qty::Vague, i + 2))
            }
            _ => {}
        }
        let mut v = f64::from(lex::cardinal(w)?);
        let mut end = i + 1;
        // twenty-five, twenty five
        if (20.0..100.0).contains(&v) {
            let (j, glued_dash) = if self.t.dash(end) && self.t.glued(end) {
                (end + 1, true)
            } else {
                (end, false)
            };
            if let Some(k) = self.w(j).and_then(lex::cardinal) {
                if k < 10 && (glued_dash || !self.t.glued(j)) {
                    v += f64::from(k);
                    end = j + 1;
                }
            }
        }
        // one hundred
        if v < 10.0 && self.is(end, "hundred") {
            v *= 100.0;
            end += 1;
        }
        // two and a half
        if self.is(end, "and") && self.is(end + 1, "a") && self.is(end + 2, "half") {
            v += 0.5;
            end += 3;
        } else if self.is(end, "and") && self.is(end + 1, "half") {
            v += 0.5;
            end += 2;
        }
        Some((Qty::Exact(v), end))
    }

    /// A unit word at `i` that agrees with the amount: (unit, end).
    fn unit_at(&self, i: usize, q: Qty) -> Option<(Unit, usize)> {
        let (u, plural) = lex::unit(self.w(i)?)?;
        if u == Unit::Second && !plural {
            // "a second attack": the ordinal.
            return None;
        }
        match q {
            Qty::Exact(v) if v == 1.0 && plural => None,
            Qty::Exact(v) if v > 1.0 && !plural && !(self.t.dash(i - 1)) => {
                // "two year" only in compounds ("a ten year war", "three hour").
                if matches!(self.t.kind(i + 1), Some(Kind::Word)) {
                    Some((u, i + 1))
                } else {
                    None
                }
            }
            Qty::Vague if !plural => None,
            _ => Some((u, i + 1)),
        }
    }

    fn approx_len(&self, i: usize, lists: &[&[&str]]) -> usize {
        let mut best = 0;
        for l in lists {
            if l.len() > best && self.seq(i, l) {
                best = l.len();
            }
        }
        best
    }

    /// Extend an expression over an argument that runs to the next punctuation ("two days after
    /// the fall of Girona", "two months of bitter fighting"), within `max` tokens. A capitalised
    /// word right after a lowercase content word starts a new clause ("the day after the battle
    /// Ludendorff told ..."), and ends the argument there.
    fn extend_to_punct(&self, j: usize, max: usize) -> Option<usize> {
        if self.is_boundary_punct(j) {
            return None;
        }
        let mut k = j;
        while k < j + max {
            if self.is_boundary_punct(k) {
                return Some(k);
            }
            let prev_content = k > j
                && self.t.kind(k - 1) == Some(Kind::Word)
                && !self.cap(k - 1)
                && !self.t.is_any(k - 1, FUNCTION_WORDS)
                && !self.t.low(k - 1).ends_with("ing");
            if prev_content && self.cap(k) && self.t.kind(k) == Some(Kind::Word) {
                return Some(k);
            }
            // "the last days of this battle signified the end": a verb after a noun.
            if prev_content
                && self.t.low(k).ends_with("ed")
                && (self
                    .t
                    .is_any(k + 1, &["the", "a", "an", "his", "her", "their", "its"])
                    || self.cap(k + 1))
            {
                return Some(k);
            }
            // An argument that names a date ends with it: "... since 8 August".
            if let Some((e, _)) = self
                .calendar_date(k)
                .filter(|(_, p)| p.day.is_some() || p.year.is_some())
            {
                return Some(e);
            }
            k += 1;
        }
        None
    }

    // ----- dates -----

    /// A date at `i` without modifiers: month/day/year forms, weekday prefix, seasons, decades,
    /// centuries. `the` may start the seasonal and ordinal forms.
    pub fn date_core(&self, i: usize) -> Option<(usize, Point)> {
        // Weekday, optionally followed by a date: "Saturday, June 24, 1950".
        if let Some(wd) = self.w(i).and_then(lex::weekday) {
            if !self.cap(i) {
                return None;
            }
            let mut j = i + 1;
            if self.t.punct(j, ',') {
                j += 1;
            }
            if let Some((e, mut p)) = self.calendar_date(j) {
                if p.day.is_some() {
                    p.weekday = None;
                    return Some((e, p));
                }
            }
            return Some((
                i + 1,
                Point {
                    weekday: Some(wd),
                    gran: Gran::Week,
                    ..Point::default()
                },
            ));
        }
        let mut best: Option<(usize, Point)> = None;
        let mut consider = |r: Option<(usize, Point)>| {
            if let Some((e, p)) = r {
                if best.as_ref().is_none_or(|(be, _)| e > *be) {
                    best = Some((e, p));
                }
            }
        };
        consider(self.calendar_date(i));
        consider(
            self.year_at(i, false)
                .filter(|&(_, e, explicit)| explicit || !(self.counted(e) || self.is_identifier(i)))
                .map(|(y, e, _)| (e, Point::year(y))),
        );
        consider(self.season_date(i));
        consider(self.decade(i));
        consider(self.century(i));
        best
    }

    /// Month, day and year forms.
    fn calendar_date(&self, i: usize) -> Option<(usize, Point)> {
        // MONTH ...
        if let Some((m, j)) = self.month_at(i) {
            // MONTH DAY [,] [of] YEAR
            if let Some((d, k)) = self.day_at(j) {
                if !self.t.glued(j) || self.t.kind(j) != Some(Kind::Num) || j == i + 1 {
                    let mut p = Point {
                        month: Some(m),
                        day: Some(d),
                        gran: Gran::Day,
                        ..Point::default()
                    };
                    let mut k2 = k;
                    if self.t.punct(k2, ',') || self.is(k2, "of") {
                        k2 += 1;
                    }
                    if let Some((y, e, _)) = self.year_at(k2, true) {
                        p.year = Some(y);
                        return Some((e, p));
                    }
                    return Some((k, p));
                }
            }
            // MONTH [,] [of] YEAR
            let mut k = j;
            if self.t.punct(k, ',') || self.is(k, "of") {
                k += 1;
            }
            if let Some((y, e, _)) = self.year_at(k, true) {
                return Some((
                    e,
                    Point {
                        year: Some(y),
                        month: Some(m),
                        gran: Gran::Month,
                        ..Point::default()
                    },
                ));
            }
            let p = Point {
                month: Some(m),
                gran: Gran::Month,
                ..Point::default()
            };
            // MONTH alone: a capital, and for May/March a cue before it.
            if !self.cap(i) {
                return None;
            }
            let w = self.w(i).unwrap_or("");
            if lex::month_is_ambiguous(w) {
                let cue = i > 0
                    && self.t.is_any(
                        i - 1,
                        &[
                            "in",
                            "of",
                            "by",
                            "until",
                            "till",
                            "since",
                            "from",
                            "to",
                            "early",
                            "late",
                            "mid",
                            "during",
                            "between",
                            "and",
                            "or",
                            "through",
                            "last",
                            "next",
                            "that",
                            "this",
                            "previous",
                            "following",
                            "before",
                            "after",
                            "through",
                            "throughout",
                            "on",
                        ],
                    )
                    || i > 0 && self.t.dash(i - 1) && self.is(i.saturating_sub(2), "mid");
                let is_march_verb = w == "march" && (self.is(j, "on") || self.is(j, "to"));
                if !cue || is_march_verb {
                    return None;
                }
            }
            return Some((j, p));
        }
        // [the] DAY [of] MONTH [,] [YEAR]
        let (start_the, i2) = if self.is(i, "the") {
            (true, i + 1)
        } else {
            (false, i)
        };
        if let Some((d, j)) = self.day_at(i2) {
            let ordinal_word = self.t.kind(i2) == Some(Kind::Word);
            let mut k = j;
            if self.is(k, "of") {
                k += 1;
            }
            if let Some((m, k2)) = self.month_at(k) {
                let mut p = Point {
                    month: Some(m),
                    day: Some(d),
                    gran: Gran::Day,
                    ..Point::default()
                };
                let mut k3 = k2;
                if self.t.punct(k3, ',') {
                    k3 += 1;
                }
                if let Some((y, e, _)) = self.year_at(k3, true) {
                    p.year = Some(y);
                    return Some((e, p));
                }
                return Some((k2, p));
            }
            // "the 20th" alone: an ordinal day at the end of a phrase.
            if start_the
                && !ordinal_word
                && self.t.glued(i2 + 1)
                && self.t.kind(i2 + 1) == Some(Kind::Word)
                && (self.is_boundary_punct(j)
                    || self.t.is_any(
                        j,
                        &[
                            "was", "were", "to", "and", "or", "when", "saw", "the", "at", "in",
                            "on", "through", "until", "as", "had", "he", "she", "they", "it", "we",
                        ],
                    ))
            {
                return Some((
                    j,
                    Point {
                        day: Some(d),
                        gran: Gran::Day,
                        ..Point::default()
                    },
                ));
            }
        }
        if start_the {
            // the year 1950
            if self.is(i + 1, "year") || self.is(i + 1, "years") {
                if let Some((y, e, _)) = self.year_at(i + 2, false) {
                    return Some((e, Point::year(y)));
                }
            }
            return None;
        }
        None
    }

    /// "of that year", "of the same year", "of the following year": (end, year shift).
    fn of_anchor_year(&self, i: usize) -> Option<(usize, i8)> {
        if !self.is(i, "of") {
            return None;
        }
        if self.seq(i + 1, &["that", "year"]) || self.seq(i + 1, &["this", "year"]) {
            return Some((i + 3, 0));
        }
        if self.seq(i + 1, &["the", "same", "year"]) || self.seq(i + 1, &["that", "same", "year"]) {
            return Some((i + 4, 0));
        }
        if self.seq(i + 1, &["the", "following", "year"])
            || self.seq(i + 1, &["the", "next", "year"])
        {
            return Some((i + 4, 1));
        }
        if self.seq(i + 1, &["the", "previous", "year"]) {
            return Some((i + 4, -1));
        }
        None
    }

    /// Seasons with a year: "the spring of 1776", "summer 1918", "autumn of 481 BC", "the
    /// winter of 1854-55" (written with the year it begins in, as the text writes it).
    fn season_date(&self, i: usize) -> Option<(usize, Point)> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let s = lex::season(self.w(j)?)?;
        let mut k = j + 1;
        if self.is(k, "of") {
            k += 1;
        }
        let (y, mut e, _) = self.year_at(k, true)?;
        if self.t.dash(e) && self.t.glued(e) && self.t.glued(e + 1) {
            if let Some((n, 2)) = self.t.num(e + 1) {
                if y > 0 && i64::from(n) == (y + 1) % 100 {
                    e += 2;
                }
            }
        }
        Some((
            e,
            Point {
                year: Some(y),
                season: Some(s),
                gran: Gran::Season,
                ..Point::default()
            },
        ))
    }

    /// Decades: "the 1960s", "1930s", "the 470s BC", "the '60s", "the sixties".
    fn decade(&self, i: usize) -> Option<(usize, Point)> {
        let the = self.is(i, "the");
        let mut j = if the { i + 1 } else { i };
        if self.t.is_any(j, &["early", "late", "mid"]) && the {
            j += 1;
            if self.t.dash(j) {
                j += 1;
            }
        }
        let (n, e) = if let Some((n, d)) = self.t.num(j) {
            // 1960s, 1960's
            let mut k = j + 1;
            if (self.t.punct(k, '\'') || self.t.punct(k, '’')) && self.t.glued(k) {
                k += 1;
            }
            if !(self.t.glued(k) && self.t.low(k) == "s" && (3..=4).contains(&d)) || n % 10 != 0 {
                return None;
            }
            (n, k + 1)
        } else if (self.t.punct(j, '\'') || self.t.punct(j, '’')) && the {
            // the '60s
            let (n, d) = self.t.num(j + 1)?;
            if d != 2 || n % 10 != 0 || !self.t.glued(j + 1) || self.t.low(j + 2) != "s" {
                return None;
            }
            let century = self
                .story_year
                .filter(|y| *y > 0)
                .map_or(1900, |y| y / 100 * 100);
            (century as u32 + n, j + 3)
        } else if the {
            let w = self.w(j)?;
            let tens = match w {
                "twenties" => 20,
                "thirties" => 30,
                "forties" => 40,
                "fifties" => 50,
                "sixties" => 60,
                "seventies" => 70,
                "eighties" => 80,
                "nineties" => 90,
                _ => return None,
            };
            let century = self
                .story_year
                .filter(|y| *y > 0)
                .map_or(1900, |y| y / 100 * 100);
            (century as u32 + tens, j + 1)
        } else {
            return None;
        };
        let mut end = e;
        let mut bc = false;
        if let Some((b, e2)) = self.era_at(end) {
            bc = b;
            end = e2;
        }
        if n % 100 == 0 && !bc && n >= 1000 {
            // the 1900s: the century.
            return Some((
                end,
                Point {
                    year: Some(i64::from(n) + 1),
                    gran: Gran::Century,
                    ..Point::default()
                },
            ));
        }
        let y = if bc { 1 - i64::from(n) } else { i64::from(n) };
        Some((
            end,
            Point {
                year: Some(y),
                gran: Gran::Decade,
                ..Point::default()
            },
        ))
    }

    /// Centuries: "the 20th century", "the nineteenth century", "the 4th century BC",
    /// "eighteenth-century".
    fn century(&self, i: usize) -> Option<(usize, Point)> {
        let the = self.is(i, "the");
        let mut j = if the { i + 1 } else { i };
        if the && self.t.is_any(j, &["early", "late", "mid", "middle"]) {
            j += 1;
            if self.t.dash(j) {
                j += 1;
            }
        }
        let (n, k) = if let Some((n, d)) = self.t.num(j) {
            if d > 2
                || !self.t.glued(j + 1)
                || !matches!(self.t.low(j + 1), "st" | "nd" | "rd" | "th")
            {
                return None;
            }
            (n, j + 2)
        } else {
            self.ordinal_word(j)?
        };
        let hyphen = self.t.dash(k) && self.t.glued(k);
        let k = if hyphen { k + 1 } else { k };
        let millennium = self.is(k, "millennium");
        if !self.is(k, "century") && !millennium {
            return None;
        }
        // "the 5th-century collapse": an adjective; "the" belongs to the noun.
        if hyphen && the && j == i + 1 {
            return None;
        }
        let mut end = k + 1;
        let mut bc = false;
        if let Some((b, e)) = self.era_at(end) {
            bc = b;
            end = e;
        }
        if n == 0 || n > 40 {
            return None;
        }
        let n = i64::from(n);
        let span = if millennium { 1000 } else { 100 };
        let y = if bc { 1 - n * span } else { (n - 1) * span + 1 };
        Some((
            end,
            Point {
                year: Some(y),
                gran: if millennium {
                    Gran::Millennium
                } else {
                    Gran::Century
                },
                ..Point::default()
            },
        ))
    }

    /// A modifier before a date: "early", "late", "mid-", "the end of", "the first half of" ...
    fn modifier(&self, i: usize) -> Option<Modifier> {
        let m = |end: usize| Modifier { end, part: None };
        let w = self.w(i)?;
        match w {
            "early" | "late" | "later" | "earlier" if self.is(i + 1, "in") => Some(Modifier {
                end: i + 2,
                part: None,
            }),
            "early" | "late" | "mid" | "middle" => {
                let mut e = i + 1;
                if self.t.dash(e) && self.t.glued(e) {
                    e += 1;
                }
                if w == "middle" && e == i + 1 {
                    return None;
                }
                Some(m(e))
            }
            "the" => {
                let phrases: &[(&[&str], PartOfYear)] = &[
                    (&["end", "of"], None),
                    (&["beginning", "of"], None),
                    (&["start", "of"], None),
                    (&["middle", "of"], None),
                    (&["rest", "of"], None),
                    (&["remainder", "of"], None),
                    (&["close", "of"], None),
                    (&["turn", "of"], None),
                    (&["height", "of"], None),
                    (&["latter", "part", "of"], None),
                    (&["early", "part", "of"], None),
                    (&["later", "part", "of"], None),
                    (&["last", "part", "of"], None),
                    (&["first", "part", "of"], None),
                    (&["first", "half", "of"], Some((Gran::Half, 1))),
                    (&["second", "half", "of"], Some((Gran::Half, 2))),
                    (&["latter", "half", "of"], Some((Gran::Half, 2))),
                    (&["last", "half", "of"], Some((Gran::Half, 2))),
                    (&["first", "quarter", "of"], Some((Gran::Quarter, 1))),
                    (&["second", "quarter", "of"], Some((Gran::Quarter, 2))),
                    (&["third", "quarter", "of"], Some((Gran::Quarter, 3))),
                    (&["fourth", "quarter", "of"], Some((Gran::Quarter, 4))),
                    (&["last", "quarter", "of"], Some((Gran::Quarter, 4))),
                    (&["final", "quarter", "of"], Some((Gran::Quarter, 4))),
                ];
                for (p, part) in phrases {
                    if self.seq(i + 1, p) {
                        return Some(Modifier {
                            end: i + 1 + p.len(),
                            part: *part,
                        });
                    }
                }
                // the early/late/mid ... (the early summer, the late 1930s)
                if self.t.is_any(i + 1, &["early", "late", "mid"]) {
                    let mut e = i + 2;
                    if self.t.dash(e) {
                        e += 1;
                    }
                    return Some(Modifier { end: e, part: None });
                }
                None
            }
            _ => None,
        }
    }

    /// A date with optional approximation and modifier: "around March 1981", "early 1943",
    /// "the end of November, 1782", "mid-1916", "the second half of 2008".
    fn date(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let approx = self.t.word(j).is_some_and(|w| DATE_APPROX.contains(&w))
            || ((self.is(j, "c") || self.is(j, "ca") || self.is(j, "circa"))
                && self.t.punct(j + 1, '.')
                && self.t.kind(j + 2) == Some(Kind::Num));
        if approx {
            j += if self.t.punct(j + 1, '.') { 2 } else { 1 };
        }
        let modi = self.modifier(j);
        let core_start = modi.as_ref().map_or(j, |m| m.end);
        let core = self.date_core(core_start).or_else(|| {
            // The core may be a bare year after a modifier ("early 1943" is already a year; "mid-
            // 480" is a small number in context).
            if modi.is_some() {
                let (n, d) = self.plain_num(core_start)?;
                if d <= 3 && !self.counted(core_start + 1) {
                    return self
                        .plausible_small_year(n)
                        .map(|y| (core_start + 1, Point::year(y)));
                }
            }
            None
        });
        if let Some((mut e, mut p)) = core {
            if let Some((g, part)) = modi.as_ref().and_then(|m| m.part) {
                if p.gran == Gran::Year {
                    p.gran = g;
                    p.part = Some(part);
                }
            }
            let mut year_rel = None;
            if p.year.is_none() && p.month.is_some() {
                if let Some((oe, shift)) = self.of_anchor_year(e) {
                    e = oe;
                    year_rel = Some(shift);
                }
            }
            let mut c = Cand::date(i, e, p);
            c.year_rel = year_rel;
            // A date followed by a clock time: "May 8 1:00AM".
            if p.day.is_some() {
                if let Some((ce, clock)) = self.clock_at(e) {
                    c.b = ce;
                    c.ty = Ty::Time;
                    c.clock = Some(clock);
                }
            }
            return Some(c);
        }
        if approx {
            // "around 1200" where 1200 is a bare year is handled above; a bare small number is
            // not a year unless the story is near it.
            let (n, d) = self.plain_num(j)?;
            if d <= 3 && !self.counted(j + 1) {
                let y = self.plausible_small_year(n)?;
                return Some(Cand::date(i, j + 1, Point::year(y)));
            }
            return None;
        }
        // Modifier + anchor-relative period: "the end of the year", "later in the year",
        // "the end of the month", "late in the year".
        let m = modi?;
        let k = m.end;
        let det = if self.is(k, "the") || self.is(k, "that") || self.is(k, "this") {
            k + 1
        } else {
            return None;
        };
        let (unit, false) = lex::unit(self.w(det)?)? else {
            return None;
        };
        let target = match unit {
            Unit::Year | Unit::Month | Unit::Week | Unit::Day => Target::Unit(unit),
            _ => return None,
        };
        let mut c = Cand::new(i, det + 1, Ty::Date, Sem::Rel { sign: 0, target });
        if let (Some((g, part)), Unit::Year) = (m.part, unit) {
            // "the second half of the year": kept as the year's half.
            c.sem = Sem::Rel { sign: 0, target };
            c.clock = None;
            c.year_rel = None;
            let _ = (g, part);
        }
        Some(c)
    }

    /// "month's end", "year's end".
    fn unit_end(&self, i: usize) -> Option<Cand> {
        let (u, plural) = lex::unit(self.w(i)?)?;
        if plural || !matches!(u, Unit::Month | Unit::Year | Unit::Week) {
            return None;
        }
        if (self.t.punct(i + 1, '\'') || self.t.punct(i + 1, '’'))
            && self.t.low(i + 2) == "s"
            && self.is(i + 3, "end")
        {
            return Some(Cand::new(
                i,
                i + 4,
                Ty::Date,
                Sem::Rel {
                    sign: 0,
                    target: Target::Unit(u),
                },
            ));
        }
        None
    }

    /// Seasons without a year, relative to the story: "the spring", "that winter", "the
    /// following summer", "Early in spring", "the middle of summer", "next summer".
    fn season_rel(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let mut sign = 0i8;
        let mut explicit_det = false;
        if let Some(m) = self.modifier(j) {
            j = m.end;
            explicit_det = true;
        }
        for (det, s) in [
            (&["the", "following"][..], 1i8),
            (&["the", "next"][..], 1),
            (&["the", "previous"][..], -1),
            (&["the", "preceding"][..], -1),
            (&["the", "same"][..], 0),
            (&["that", "same"][..], 0),
            (&["the", "early"][..], 0),
            (&["the", "late"][..], 0),
            (&["the"][..], 0),
            (&["that"][..], 0),
            (&["this"][..], 0),
            (&["next"][..], 1),
            (&["last"][..], -1),
            (&["early"][..], 0),
            (&["late"][..], 0),
            (&["mid"][..], 0),
        ] {
            if self.seq(j, det) {
                j += det.len();
                if self.t.dash(j) {
                    j += 1;
                }
                sign = s;
                explicit_det = true;
                break;
            }
        }
        let w = self.w(j)?;
        let s = lex::season(w)?;
        if w == "fall" {
            // "the fall of Paris" is not a season.
            if !explicit_det || self.is(j + 1, "of") || self.is(j + 1, "in") || self.is(j + 1, "to")
            {
                return None;
            }
            if j > 0 && self.is(j - 1, "the") && !self.is_boundary_punct(j + 1) {
                return None;
            }
        }
        if !explicit_det && j > 0 && self.t.is_any(j - 1, &["a", "an", "every", "each"]) {
            return None;
        }
        let mut end = j + 1;
        // "the spring of next year"
        if self.seq(end, &["of", "next", "year"])
            || self.seq(end, &["of", "the", "following", "year"])
        {
            end += if self.is(end + 1, "next") { 3 } else { 4 };
            sign = 2;
        } else if self.seq(end, &["of", "that", "year"])
            || self.seq(end, &["of", "the", "same", "year"])
        {
            end += if self.is(end + 1, "that") { 3 } else { 4 };
        }
        // Names: the Winter Palace, the Winter War, the Summer Olympics.
        if self.cap(j)
            && self.t.is_any(
                j + 1,
                &[
                    "palace", "war", "olympics", "games", "garden", "gardens", "street", "hill",
                    "square", "solstice", "equinox", "festival", "school", "court",
                ],
            )
            && self.cap(j + 1)
        {
            return None;
        }
        // "the summer offensive": the season is an adjective; "the" belongs to the noun.
        let start = if end == j + 1
            && self.t.kind(end) == Some(Kind::Word)
            && !self.t.is_any(end, FUNCTION_WORDS)
            && !self.t.is_any(end, CLAUSE_VERBS)
        {
            j
        } else {
            i
        };
        Some(Cand::new(
            start,
            end,
            Ty::Date,
            Sem::Rel {
                sign,
                target: Target::Season(s),
            },
        ))
    }

    // ----- relative expressions -----

    /// "the following year", "the next day", "that same day", "the previous April",
    /// "next year", "that afternoon", "the next morning", "the day after", "the day before X".
    fn relative(&self, i: usize) -> Option<Cand> {
        let dets: &[(&[&str], i8)] = &[
            (&["the", "following"], 1),
            (&["the", "next"], 1),
            (&["the", "subsequent"], 1),
            (&["the", "ensuing"], 1),
            (&["the", "coming"], 1),
            (&["the", "previous"], -1),
            (&["the", "preceding"], -1),
            (&["the", "prior"], -1),
            (&["that", "same"], 0),
            (&["this", "same"], 0),
            (&["the", "same"], 0),
            (&["that"], 0),
            (&["this"], 0),
            (&["next"], 1),
            (&["last"], -1),
            (&["early", "the", "next"], 1),
            (&["early", "the", "following"], 1),
            (&["late", "that"], 0),
            (&["early", "that"], 0),
            (&["later", "that"], 0),
            (&["earlier", "that"], 0),
            (&["later", "in", "the"], 0),
            (&["earlier", "in", "the"], 0),
            (&["late", "in", "the"], 0),
            (&["early", "in", "the"], 0),
            (&["later", "this"], 0),
            (&["earlier", "this"], 0),
        ];
        for (det, sign) in dets {
            if !self.seq(i, det) {
                continue;
            }
            let j = i + det.len();
            let Some(w) = self.w(j) else { continue };
            let target = if let Some((u, false)) = lex::unit(w) {
                match u {
                    Unit::Year | Unit::Month | Unit::Week | Unit::Day => Target::Unit(u),
                    _ => continue,
                }
            } else if let Some(m) = lex::month(w).filter(|_| self.cap(j) && w.len() > 3) {
                Target::Month(m)
            } else if let Some(wd) = lex::weekday(w).filter(|_| self.cap(j)) {
                Target::Weekday(wd)
            } else if let Some(part) = day_part(w) {
                // that afternoon, the next morning, last night
                let mut c = Cand::new(
                    i,
                    j + 1,
                    Ty::Time,
                    Sem::Rel {
                        sign: *sign,
                        target: Target::Unit(Unit::Day),
                    },
                );
                c.clock = Some(Clock::Part(part));
                c.anaphoric = !matches!(det.first(), Some(&("last" | "this")));
                return Some(c);
            } else {
                continue;
            };
            if *det == ["last"] && i > 0 && self.is(i - 1, "the") {
                continue;
            }
            // "that year's": fine. "this day" means today in a narrative.
            let mut c = Cand::new(
                i,
                j + 1,
                Ty::Date,
                Sem::Rel {
                    sign: *sign,
                    target,
                },
            );
            c.anaphoric = !(matches!(det.first(), Some(&("next" | "last" | "this")))
                || det.get(1) == Some(&"coming"));
            return Some(c);
        }
        // the day after / the day before / the year before / the day following
        let j = if self.is(i, "the") || self.is(i, "a") {
            i + 1
        } else {
            return None;
        };
        let (u, plural) = lex::unit(self.w(j)?)?;
        if plural {
            return None;
        }
        let after = self.w(j + 1)?;
        let sign = match after {
            "after" | "following" | "later" => 1,
            "before" | "earlier" => -1,
            _ => return None,
        };
        if self.is(i, "a") && !matches!(after, "later" | "earlier") {
            return None;
        }
        let mut end = j + 2;
        if matches!(after, "after" | "before") {
            if let Some(e) = self.extend_to_punct(end, 12) {
                end = e;
            }
        }
        let mut c = Cand::new(
            i,
            end,
            Ty::Date,
            Sem::Shift {
                n: Some(1),
                unit: u,
                sign,
            },
        );
        c.anaphoric = true;
        Some(c)
    }

    /// "two days later", "a few weeks earlier", "five days after the fall of Girona",
    /// "two years ago", "days later", "just 14 years later".
    fn shift(&self, i: usize) -> Option<Cand> {
        let ap = self.approx_len(i, QTY_APPROX);
        let j = i + ap;
        let (q, k) = match self.qty_at(j) {
            Some(x) => x,
            None => (Qty::Vague, j),
        };
        let (u, k2) = if k == j {
            // bare plural: "days later"
            let (u, plural) = lex::unit(self.w(j)?)?;
            if !plural {
                return None;
            }
            (u, j + 1)
        } else {
            self.unit_at(k, q)?
        };
        let w = self.w(k2)?;
        let sign: i8 = match w {
            "later" | "after" | "afterwards" | "afterward" | "hence" | "on" => 1,
            "earlier" | "before" | "ago" | "previously" | "prior" | "back" => -1,
            _ => return None,
        };
        if w == "on" && !self.is_boundary_punct(k2 + 1) {
            return None;
        }
        if w == "prior" && !self.is_boundary_punct(k2 + 1) {
            return None;
        }
        if w == "back" && !self.is_boundary_punct(k2 + 1) {
            return None;
        }
        let mut end = k2 + 1;
        if matches!(w, "after" | "before") && !self.is_boundary_punct(end) {
            // "after" + a noun phrase or clause, up to punctuation ("five days after the fall of
            // Girona"); without one it is not this construction ("a week before moving on").
            end = self.extend_to_punct(end, 12)?;
        }
        let n = match q {
            Qty::Exact(v) if v.fract() == 0.0 => Some(v as i64),
            Qty::Exact(_) => None,
            Qty::Vague => None,
        };
        let mut c = Cand::new(i, end, Ty::Date, Sem::Shift { n, unit: u, sign });
        c.anaphoric = !matches!(w, "ago" | "hence");
        Some(c)
    }

    /// "later that year", "earlier that month", "later in the year".
    fn later_that(&self, i: usize) -> Option<Cand> {
        self.relative(i).filter(|c| c.b > i)
    }

    // ----- durations and sets -----

    /// Durations: "two months", "three-day", "a few days", "18 years old", "month-long",
    /// "the next two weeks", "two months of bitter fighting".
    fn duration(&self, i: usize) -> Option<Cand> {
        // a sixty-day period, the same 28-day period
        for det in [&["a"][..], &["the"], &["the", "same"], &["that"], &["this"]] {
            if self.seq(i, det) {
                let j = i + det.len();
                if let Some((q, k)) = self.qty_at(j) {
                    if self.t.dash(k) && self.t.glued(k) {
                        if let Some((u, false)) = self.w(k + 1).and_then(lex::unit) {
                            if self.is(k + 2, "period") {
                                return Some(Cand::new(
                                    i,
                                    k + 3,
                                    Ty::Duration,
                                    Sem::Fixed(duration_value(q, u)),
                                ));
                            }
                        }
                    }
                }
            }
        }
        // the next/past/last/first N units
        if self.is(i, "the") {
            let lead = self.w(i + 1)?;
            let relative = matches!(
                lead,
                "next"
                    | "past"
                    | "last"
                    | "following"
                    | "previous"
                    | "coming"
                    | "first"
                    | "final"
                    | "ensuing"
                    | "intervening"
                    | "preceding"
                    | "subsequent"
                    | "remaining"
                    | "early"
                    | "later"
                    | "latter"
                    | "closing"
                    | "opening"
            );
            if relative {
                let j = i + 2;
                let (q, k) = match self.qty_at(j) {
                    Some((q, k)) if !self.is(j, "a") && !self.is(j, "some") => (q, k),
                    _ => (Qty::Vague, j),
                };
                let (u, plural) = lex::unit(self.w(k)?)?;
                let q = if k == j {
                    if plural {
                        Qty::Vague
                    } else {
                        Qty::Exact(1.0)
                    }
                } else {
                    q
                };
                if k > j && matches!(q, Qty::Exact(v) if v == 1.0) && plural {
                    return None;
                }
                if matches!(u, Unit::Day) && k == j && !plural && lead != "past" {
                    // "the next day" is a date, "the first day of the war" too.
                    if matches!(lead, "first" | "final" | "last") {
                        let end = self.of_extension(k + 1).unwrap_or(k + 1);
                        return Some(Cand::new(
                            i,
                            end,
                            Ty::Date,
                            Sem::Rel {
                                sign: 0,
                                target: Target::Unit(Unit::Day),
                            },
                        ));
                    }
                    return None;
                }
                if k == j
                    && !plural
                    && matches!(lead, "next" | "following" | "previous" | "coming")
                    && !(matches!(u, Unit::Decade | Unit::Century)
                        && matches!(lead, "next" | "coming"))
                {
                    return None; // "the next year" is a date; "the next decade" a stretch of time
                }
                let end = self.of_extension(k + 1).unwrap_or(k + 1);
                // "the last week of August", "the past year": one period, a date in TimeML
                // gold; "the first three years of the war": a duration.
                let ty = if k == j
                    && !plural
                    && matches!(lead, "last" | "first" | "final" | "past")
                    && !(self.news && matches!(lead, "last" | "past"))
                    && !matches!(u, Unit::Hour | Unit::Minute | Unit::Second)
                {
                    Ty::Date
                } else {
                    Ty::Duration
                };
                return Some(Cand::new(i, end, ty, Sem::Fixed(duration_value(q, u))));
            }
            return None;
        }
        // UNIT-long: month-long, year-long, months-long
        if let Some((u, plural)) = self.w(i).and_then(lex::unit) {
            if self.t.dash(i + 1) && self.is(i + 2, "long") {
                let q = if plural { Qty::Vague } else { Qty::Exact(1.0) };
                return Some(Cand::new(
                    i,
                    i + 3,
                    Ty::Duration,
                    Sem::Fixed(duration_value(q, u)),
                ));
            }
        }
        // "a month-long siege": the adjective alone.
        if self.t.is_any(i, &["a", "an"]) && self.t.dash(i + 2) && self.is(i + 3, "long") {
            return None;
        }
        let ap = self.approx_len(i, QTY_APPROX);
        let j = i + ap;
        let (q, k) = match self.qty_at(j) {
            Some(x) => x,
            None => {
                // bare plural unit: "days", "months", "years of conflict"
                let (u, plural) = lex::unit(self.w(j)?)?;
                if !plural || matches!(u, Unit::Second | Unit::Minute) {
                    return None;
                }
                if j > 0 && matches!(self.t.kind(j - 1), Some(Kind::Num)) {
                    return None;
                }
                let end = self.of_extension(j + 1).unwrap_or(j + 1);
                return Some(Cand::new(
                    i,
                    end,
                    Ty::Duration,
                    Sem::Fixed(duration_value(Qty::Vague, u)),
                ));
            }
        };
        // N-unit adjectives: three-day, 24-year, ten-day-long
        if self.t.dash(k) && self.t.glued(k) {
            if let Some((u, false)) = self.w(k + 1).and_then(lex::unit) {
                let mut end = k + 2;
                if self.t.dash(end) && self.t.is_any(end + 1, &["long", "old"]) {
                    end += 2;
                } else if self.is(end, "long") {
                    end += 1;
                }
                return Some(Cand::new(
                    i,
                    end,
                    Ty::Duration,
                    Sem::Fixed(duration_value(q, u)),
                ));
            }
        }
        // "ten brutal months", "two more years", "two full days"
        let k = if lex::unit(self.w(k).unwrap_or("")).is_none()
            && self.t.is_any(k, QTY_ADJECTIVES)
            && lex::unit(self.w(k + 1).unwrap_or("")).is_some_and(|(_, p)| p)
        {
            k + 1
        } else {
            k
        };
        let (u, k2) = self.unit_at(k, q)?;
        if matches!(q, Qty::Exact(_)) && self.is(j, "some") {
            return None;
        }
        // "1 hour 49 minutes", "two years three months": one length of time.
        if let Some((e, v)) = self.compound_duration(q, u, k2) {
            return Some(Cand::new(i, e, Ty::Duration, Sem::Fixed(v)));
        }
        let mut end = k2;
        if self.is(end, "old") || self.is(end, "long") {
            end += 1;
        } else if self.seq(end, &["of", "age"]) {
            end += 2;
        } else if let Some(e) = self.of_extension(end) {
            end = e;
        }
        Some(Cand::new(
            i,
            end,
            Ty::Duration,
            Sem::Fixed(duration_value(q, u)),
        ))
    }

    /// A second, smaller amount right after a whole one ("1 hour 49 minutes", "2 years 3
    /// months"): where it ends and the value of the two together.
    fn compound_duration(&self, q: Qty, u: Unit, k: usize) -> Option<(usize, String)> {
        let rank = |u: Unit| match u {
            Unit::Second => 0,
            Unit::Minute => 1,
            Unit::Hour => 2,
            Unit::Day => 3,
            Unit::Month => 5,
            Unit::Year => 6,
            _ => 9,
        };
        let whole = |q: Qty| match q {
            Qty::Exact(v) if v.fract() == 0.0 && v >= 1.0 => Some(v as i64),
            _ => None,
        };
        let n1 = whole(q)?;
        if self.t.kind(k) != Some(Kind::Num) {
            return None;
        }
        let (q2, k2) = self.qty_at(k)?;
        let n2 = whole(q2)?;
        let (u2, e) = self.unit_at(k2, q2)?;
        if rank(u2) >= rank(u) || rank(u) == 9 {
            return None;
        }
        let part = |n: i64, u: Unit| format!("{n}{}", u.iso().0);
        let (d1, d2) = (!u.iso().1, !u2.iso().1);
        let v = match (d1, d2) {
            (true, true) => format!("P{}{}", part(n1, u), part(n2, u2)),
            (true, false) => format!("P{}T{}", part(n1, u), part(n2, u2)),
            (false, false) => format!("PT{}{}", part(n1, u), part(n2, u2)),
            (false, true) => return None,
        };
        Some((e, v))
    }

    /// "of" + a noun phrase up to punctuation, after a duration.
    fn of_extension(&self, i: usize) -> Option<usize> {
        if !self.is(i, "of") {
            return None;
        }
        if let Some((e, _)) = self.date_core(i + 1) {
            return Some(e);
        }
        self.extend_to_punct(i + 1, 12)
    }

    /// Sets: "daily", "every day", "each year", "annually", "per day" (a duration in TimeML).
    fn set(&self, i: usize) -> Option<Cand> {
        let w = self.w(i)?;
        let v = match w {
            "daily" | "everyday" => "XXXX-XX-XX",
            "weekly" => "XXXX-WXX",
            "monthly" => "XXXX-XX",
            "annually" | "yearly" => "XXXX",
            "nightly" => "XXXX-XX-XXTNI",
            "hourly" => "PT1H",
            "every" | "each" => {
                if let Some((u, false)) = self.w(i + 1).and_then(lex::unit) {
                    let v = match u {
                        Unit::Day => "XXXX-XX-XX",
                        Unit::Week => "XXXX-WXX",
                        Unit::Month => "XXXX-XX",
                        Unit::Year => "XXXX",
                        _ => return None,
                    };
                    return Some(Cand::fixed(i, i + 2, Ty::Set, v));
                }
                if let Some((Qty::Exact(n), k)) = self.qty_at(i + 1) {
                    if let Some((u, true)) = self.w(k).and_then(lex::unit) {
                        return Some(Cand::new(
                            i,
                            k + 1,
                            Ty::Set,
                            Sem::Fixed(duration_value(Qty::Exact(n), u)),
                        ));
                    }
                }
                if let Some(s) = self.w(i + 1).and_then(lex::season) {
                    return Some(Cand::fixed(i, i + 2, Ty::Set, &format!("XXXX-{s}")));
                }
                if let Some(wd) = self.w(i + 1).and_then(lex::weekday) {
                    return Some(Cand::fixed(i, i + 2, Ty::Set, &format!("XXXX-WXX-{wd}")));
                }
                return None;
            }
            "per" => {
                let (u, false) = self.w(i + 1).and_then(lex::unit)? else {
                    return None;
                };
                return Some(Cand::new(
                    i,
                    i + 2,
                    Ty::Duration,
                    Sem::Fixed(duration_value(Qty::Exact(1.0), u)),
                ));
            }
            _ => return None,
        };
        Some(Cand::fixed(i, i + 1, Ty::Set, v))
    }

    // ----- times -----

    /// A clock time at `i`: "10:57", "11 a.m.", "5:30PM", "05:30hrs", "noon": (end, clock).
    fn clock_at(&self, i: usize) -> Option<(usize, Clock)> {
        if self.is(i, "noon") || self.is(i, "midday") {
            return Some((i + 1, Clock::Hm(12, 0, None)));
        }
        if self.is(i, "midnight") {
            return Some((i + 1, Clock::Hm(24, 0, None)));
        }
        let (h, hd) = self.t.num(i)?;
        if hd > 2 || h > 24 {
            return None;
        }
        let mut j = i + 1;
        let mut m = 0;
        let mut has_minutes = false;
        if (self.t.punct(j, ':') || self.t.punct(j, '.') && self.t.glued(j))
            && self.t.glued(j)
            && self.t.glued(j + 1)
        {
            if let Some((mm, 2)) = self.t.num(j + 1) {
                if mm < 60 {
                    m = mm;
                    j += 2;
                    has_minutes = true;
                }
            }
        }
        let mut h = h;
        let mut marked = false;
        // am / pm / a.m. / p.m. / hrs / hours / o'clock
        let low = self.t.low(j);
        if matches!(low, "am" | "pm" | "hrs" | "h") && self.t.kind(j) == Some(Kind::Word) {
            if low == "pm" && h < 12 {
                h += 12;
            }
            if low == "am" && h == 12 {
                h = 0;
            }
            j += 1;
            marked = true;
        } else if (self.is(j, "a") || self.is(j, "p"))
            && self.t.punct(j + 1, '.')
            && self.t.glued(j + 1)
            && self.is(j + 2, "m")
            && self.t.glued(j + 2)
        {
            if self.is(j, "p") && h < 12 {
                h += 12;
            }
            if self.is(j, "a") && h == 12 {
                h = 0;
            }
            j = self.abbrev_period(j + 3);
            marked = true;
        } else if self.is(j, "o")
            && (self.t.punct(j + 1, '\'') || self.t.punct(j + 1, '’'))
            && self.is(j + 2, "clock")
        {
            j += 3;
            marked = true;
        }
        if !(marked || has_minutes && hd == 2 || has_minutes && self.t.punct(i + 1, ':')) {
            return None;
        }
        if h > 24 {
            return None;
        }
        // Time zones
        let mut tz = None;
        if let Some(w) = self.w(j) {
            let z = match w {
                "gmt" | "utc" | "z" => Some(0i8),
                "est" => Some(-5),
                "edt" => Some(-4),
                "cst" => Some(-6),
                "pst" => Some(-8),
                "cet" => Some(1),
                _ => None,
            };
            if z.is_some() && self.t.all_caps(self.text, j) {
                tz = z;
                j += 1;
            }
        }
        Some((j, Clock::Hm(h as u8, m as u8, tz)))
    }

    /// Times: clock times, "the night of April 18, 1775", "early in the morning of 29 April",
    /// "night", "Christmas night".
    fn time(&self, i: usize) -> Option<Cand> {
        if let Some((e, clock)) = self.clock_at(i) {
            // "9:34 p.m., March 19 EST" is rare; a following date joins: "10:30 on 4 May".
            let mut c = Cand::new(
                i,
                e,
                Ty::Time,
                Sem::Rel {
                    sign: 0,
                    target: Target::Unit(Unit::Day),
                },
            );
            c.clock = Some(clock);
            // In news, "at 9:30 a.m." is on the day the story has just named.
            c.anaphoric = true;
            return Some(c);
        }
        // Tuesday night, Monday morning
        if let Some(wd) = self.w(i).and_then(lex::weekday).filter(|_| self.cap(i)) {
            let part = self.w(i + 1).and_then(day_part)?;
            // "Sunday dawn of 25 June 1950"
            if self.is(i + 2, "of") {
                if let Some((de, p)) = self.date_core(i + 3) {
                    if p.day.is_some() {
                        let mut c = Cand::new(i, de, Ty::Time, Sem::Abs(p));
                        c.clock = Some(Clock::Part(part));
                        return Some(c);
                    }
                }
            }
            let mut c = Cand::new(
                i,
                i + 2,
                Ty::Time,
                Sem::Abs(Point {
                    weekday: Some(wd),
                    gran: Gran::Week,
                    ..Point::default()
                }),
            );
            c.clock = Some(Clock::Part(part));
            return Some(c);
        }
        // [early|late] [in] the|that|one ... morning|afternoon|evening|night [of DATE]
        let mut j = i;
        if self.t.is_any(j, &["early", "late"]) {
            j += 1;
            if self.is(j, "in") {
                j += 1;
            }
        }
        let mut det = false;
        if self.t.is_any(j, &["the", "one", "that", "this"]) {
            j += 1;
            det = true;
            if self.t.is_any(j, &["early", "late"]) {
                j += 1;
            }
        }
        let w = self.w(j)?;
        let part = day_part(w).or(match w {
            "nights" => Some("NI"),
            "daytime" => Some("DT"),
            "nighttime" => Some("NI"),
            "tonight" if !det => Some("NI"),
            // "the early hours of 27 May", "the small hours"
            "hours" if det && j > 0 && self.t.is_any(j - 1, &["early", "small", "wee"]) => {
                Some("MO")
            }
            _ => None,
        })?;
        let mut e = j + 1;
        if w == "night" && self.t.dash(e) && self.is(e + 1, "time") {
            e += 2;
        }
        // "morning hours"
        if self.is(e, "hours") {
            e += 1;
        }
        if self.is(e, "of") {
            if let Some((de, p)) = self.date_core(e + 1) {
                if p.day.is_some() {
                    let mut c = Cand::new(i, de, Ty::Time, Sem::Abs(p));
                    c.clock = Some(Clock::Part(part));
                    return Some(c);
                }
            }
            // "the night of 8-9 February 1904": the first night, whose month comes next.
            if let Some(head) = self
                .t
                .num(e + 1)
                .and_then(|(n, _)| self.range_head(e + 1, n))
            {
                if let Sem::Abs(p) = head.sem {
                    if p.day.is_some() {
                        let mut c = Cand::new(i, head.b, Ty::Time, Sem::Abs(p));
                        c.clock = Some(Clock::Part(part));
                        c.range_head = true;
                        return Some(c);
                    }
                }
            }
            return None;
        }
        // Bare parts of the day: only a few are time expressions on their own.
        if !det && i == j {
            if !matches!(
                w,
                "night" | "nights" | "daytime" | "nighttime" | "tonight" | "afternoon"
            ) {
                return None;
            }
            if w == "afternoon" && matches!(self.t.kind(e), Some(Kind::Word)) {
                return None;
            }
            let p = Point {
                clock: Some(Clock::Part(part)),
                gran: Gran::Time,
                ..Point::default()
            };
            let mut c = Cand::fixed(i, e, Ty::Time, &p.value());
            c.clock = Some(Clock::Part(part));
            return Some(c);
        }
        if !det {
            return None;
        }
        if self.is(j - 1, "the") && !self.t.is_any(i, &["early", "late"]) {
            // "the night" alone is vague.
            return None;
        }
        // "that afternoon", "one night": the story's day (its parts that are known).
        let mut c = Cand::new(
            i,
            e,
            Ty::Time,
            Sem::Rel {
                sign: 0,
                target: Target::Unit(Unit::Day),
            },
        );
        c.anaphoric = true;
        c.clock = Some(Clock::Part(part));
        Some(c)
    }

    // ----- fixed references -----

    /// The year a fiscal year at `i` is named after, and where it ends: four digits (1000–2199),
    /// or two right after "FY" (in the story's century); "2024-25" and "2024/25" name the year
    /// they end in.
    fn fiscal_year_at(&self, i: usize, short: bool) -> Option<(i64, usize)> {
        let (n, digits) = self.t.num(i)?;
        let mut year = match digits {
            4 if (1000..=2199).contains(&n) => i64::from(n),
            2 if short => {
                let century = self
                    .story_year
                    .filter(|y| *y > 0)
                    .map_or(2000, |y| y - y % 100);
                century + i64::from(n)
            }
            _ => return None,
        };
        let mut end = i + 1;
        let split = self.t.dash(end) || self.t.punct(end, '/');
        if split && self.t.glued(end) && self.t.glued(end + 1) {
            if let Some((m, 2)) = self.t.num(end + 1) {
                if i64::from(m) == (year + 1) % 100 {
                    year += 1;
                    end += 2;
                }
            }
        }
        Some((year, end))
    }

    /// A quarter's number before "quarter": "first" ... "fourth", "last", "final".
    fn quarter_word(&self, i: usize) -> Option<u8> {
        Some(match self.w(i)? {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            "fourth" | "last" | "final" => 4,
            _ => return None,
        })
    }

    /// A fiscal year without its quarter: "FY2025", "FY 25", "fiscal 2025", "fiscal year
    /// 2025", "FY2024-25" (named after the year it ends in, as TimeML writes them), or one
    /// relative to the current fiscal year: "last fiscal year", "this fiscal year", "the current
    /// fiscal year", "the previous fiscal year", "next fiscal year". Returns where it ends, the
    /// year named and the direction.
    fn fiscal_year_phrase(&self, i: usize) -> Option<(usize, Option<i64>, i8)> {
        let w = self.w(i)?;
        if w == "fy" || w == "fiscal" {
            let at = if w == "fiscal" && self.is(i + 1, "year") {
                i + 2
            } else {
                i + 1
            };
            let (year, end) = self.fiscal_year_at(at, w == "fy")?;
            return Some((end, Some(year), 0));
        }
        let dets: &[(&[&str], i8)] = &[
            (&["the", "current"], 0),
            (&["the", "present"], 0),
            (&["the", "previous"], -1),
            (&["the", "prior"], -1),
            (&["the", "preceding"], -1),
            (&["the", "last"], -1),
            (&["the", "past"], -1),
            (&["the", "next"], 1),
            (&["the", "coming"], 1),
            (&["the", "upcoming"], 1),
            (&["this"], 0),
            (&["current"], 0),
            (&["last"], -1),
            (&["previous"], -1),
            (&["next"], 1),
        ];
        for (det, sign) in dets {
            if self.seq(i, det) && self.seq(i + det.len(), &["fiscal", "year"]) {
                return Some((i + det.len() + 2, None, *sign));
            }
        }
        None
    }

    /// Fiscal years and their quarters: "fiscal 2025", "last fiscal year", "the fourth quarter
    /// of fiscal 2024", "fiscal 2024's fourth quarter", "the first quarter of the current fiscal
    /// year", "the fiscal fourth quarter".
    fn fiscal(&self, i: usize) -> Option<Cand> {
        let make = |b: usize, year: Option<i64>, sign: i8, quarter: Option<u8>| {
            Cand::new(
                i,
                b,
                Ty::Date,
                Sem::Fiscal {
                    year,
                    sign,
                    quarter,
                },
            )
        };
        if let Some((e, year, sign)) = self.fiscal_year_phrase(i) {
            // fiscal 2024's fourth quarter
            if (self.t.punct(e, '\'') || self.t.punct(e, '’')) && self.t.low(e + 1) == "s" {
                if let Some(q) = self.quarter_word(e + 2) {
                    if self.is(e + 3, "quarter") {
                        return Some(make(e + 4, year, sign, Some(q)));
                    }
                }
            }
            return Some(make(e, year, sign, None));
        }
        // the fourth quarter of fiscal 2024; the fiscal fourth quarter; fiscal first quarter
        let mut j = i;
        if self.t.is_any(j, &["the", "this"]) {
            j += 1;
        }
        if self.is(j, "fiscal") {
            let q = self.quarter_word(j + 1)?;
            if !self.is(j + 2, "quarter") {
                return None;
            }
            let e = j + 3;
            if self.is(e, "of") {
                if let Some((fe, year, sign)) = self.fiscal_year_phrase(e + 1) {
                    return Some(make(fe, year, sign, Some(q)));
                }
            }
            return Some(make(e, None, 0, Some(q)));
        }
        if j == i || !self.is(i, "the") {
            return None;
        }
        let q = self.quarter_word(j)?;
        if !self.is(j + 1, "quarter") || !self.is(j + 2, "of") {
            return None;
        }
        let (fe, year, sign) = self.fiscal_year_phrase(j + 3)?;
        Some(make(fe, year, sign, Some(q)))
    }

    /// "now", "today", "currently", "recent", "former", "the future", "the past" ...
    fn reference(&self, i: usize) -> Option<Cand> {
        let w = self.w(i)?;
        let d = Ty::Date;
        Some(match w {
            "now" => Cand::fixed(i, i + 1, d, "PRESENT_REF"),
            "right" if self.is(i + 1, "now") => Cand::fixed(i, i + 2, d, "PRESENT_REF"),
            "nowadays" | "currently" | "presently" => Cand::fixed(i, i + 1, d, "PRESENT_REF"),
            "current" => Cand::fixed(i, i + 1, d, "PRESENT_REF"),
            "today" => Cand::new(i, i + 1, d, Sem::Today(0)),
            "yesterday" => Cand::new(i, i + 1, d, Sem::Today(-1)),
            "tomorrow" => Cand::new(i, i + 1, d, Sem::Today(1)),
            "tonight" => {
                let mut c = Cand::new(i, i + 1, Ty::Time, Sem::Today(0));
                c.clock = Some(Clock::Part("NI"));
                c
            }
            "present" if self.t.dash(i + 1) && self.is(i + 2, "day") => {
                Cand::fixed(i, i + 3, d, "PRESENT_REF")
            }
            "present" if self.is(i + 1, "day") => Cand::fixed(i, i + 2, d, "PRESENT_REF"),
            "modern" if self.is(i + 1, "day") => Cand::fixed(i, i + 2, d, "PRESENT_REF"),
            "modern" if self.t.dash(i + 1) && self.is(i + 2, "day") => {
                Cand::fixed(i, i + 3, d, "PRESENT_REF")
            }
            "the"
                if self.is(i + 1, "present") && !matches!(self.t.kind(i + 2), Some(Kind::Word)) =>
            {
                Cand::fixed(i, i + 2, d, "PRESENT_REF")
            }
            "the"
                if self.is(i + 1, "past")
                    && !matches!(self.t.kind(i + 2), Some(Kind::Word) | Some(Kind::Num)) =>
            {
                Cand::fixed(i, i + 2, d, "PAST_REF")
            }
            "the" if self.is(i + 1, "future") => Cand::fixed(i, i + 2, d, "FUTURE_REF"),
            // the first quarter, the second half (of the year in the story or the news)
            "the" if self.t.is_any(i + 2, &["quarter", "half"]) => {
                let n = match self.w(i + 1)? {
                    "first" => 1,
                    "second" => 2,
                    "third" => 3,
                    "fourth" => 4,
                    "last" | "final" | "latter" => 0,
                    _ => return None,
                };
                let half = self.is(i + 2, "half");
                let (g, n) = match (half, n) {
                    (true, 0) => (Gran::Half, 2),
                    (true, 1..=2) => (Gran::Half, n),
                    (false, 0) => (Gran::Quarter, 4),
                    (false, _) => (Gran::Quarter, n),
                    _ => return None,
                };
                let mut e = i + 3;
                if self.seq(e, &["of", "the", "year"]) || self.seq(e, &["of", "this", "year"]) {
                    e += 3;
                } else if self.is(e, "of") || self.is(e, "century") {
                    return None;
                }
                Cand::new(
                    i,
                    e,
                    d,
                    Sem::Rel {
                        sign: 0,
                        target: Target::YearPart(g, n),
                    },
                )
            }
            "recent" | "recently" | "former" | "formerly" | "lately" => {
                Cand::fixed(i, i + 1, d, "PAST_REF")
            }
            "future" => Cand::fixed(i, i + 1, d, "FUTURE_REF"),
            // Times and periods the text points back to, after a preposition ("during this
            // time", "at the same time"; "this time, they won" is an occasion, not a time).
            // Their value: the story's present for "this time", its date for "the same time";
            // unknown for "that time" ("null", as TimeML gold data writes it).
            "at" if self.seq(i + 1, &["this", "time"]) => {
                Cand::fixed(i, i + 3, Ty::Time, "PRESENT_REF")
            }
            "this" | "that" | "the"
                if i > 0
                    && self.t.is_any(i - 1, TIME_PREPOSITIONS)
                    && (self.is(i + 1, "time") || self.seq(i + 1, &["same", "time"])) =>
            {
                let end = if self.is(i + 1, "time") { i + 2 } else { i + 3 };
                match w {
                    "this" => Cand::fixed(i, end, Ty::Time, "PRESENT_REF"),
                    "that" if end == i + 2 => Cand::fixed(i, end, Ty::Time, "null"),
                    "the" if end == i + 2 => return None,
                    _ => {
                        let mut c = Cand::new(
                            i,
                            end,
                            Ty::Time,
                            Sem::Rel {
                                sign: 0,
                                target: Target::Anchor,
                            },
                        );
                        c.anaphoric = true;
                        c
                    }
                }
            }
            "this" | "that" if self.is(i + 1, "period") => {
                Cand::fixed(i, i + 2, Ty::Duration, "null")
            }
            "date" if i > 0 && self.is(i - 1, "to") && self.is_boundary_punct(i + 1) => {
                Cand::fixed(i, i + 1, d, "PRESENT_REF")
            }
            "christmas" if self.cap(i) => return self.holiday(i, 12, 25),
            "easter" if self.cap(i) => {
                let mut e = i + 1;
                if self.is(e, "sunday") {
                    e += 1;
                }
                let mut p = Point {
                    gran: Gran::Day,
                    ..Point::default()
                };
                if let Some((y, ye, _)) = self.year_at(e, false) {
                    p.year = Some(y);
                    e = ye;
                }
                Cand::new(i, e, d, Sem::Easter(p.year))
            }
            "new" if self.seq(i + 1, &["year"]) && self.cap(i) => {
                // New Year's Day / New Year's Eve
                let mut e = i + 2;
                if (self.t.punct(e, '\'') || self.t.punct(e, '’')) && self.t.low(e + 1) == "s" {
                    e += 2;
                }
                if self.is(e, "day") {
                    let mut c = self.holiday_at(i, e + 1, 1, 1);
                    c.b = c.b.max(e + 1);
                    c
                } else if self.is(e, "eve") {
                    self.holiday_at(i, e + 1, 12, 31)
                } else {
                    return None;
                }
            }
            _ => return None,
        })
    }

    fn holiday(&self, i: usize, month: u8, day: u8) -> Option<Cand> {
        let mut e = i + 1;
        let mut d = day;
        if self.is(e, "day") {
            e += 1;
        } else if self.is(e, "eve") {
            e += 1;
            d -= 1;
        }
        let mut c = self.holiday_at(i, e, month, d);
        if self.is(c.b, "night") && c.b == e {
            c.b += 1;
            c.ty = Ty::Time;
            c.clock = Some(Clock::Part("NI"));
        }
        Some(c)
    }

    fn holiday_at(&self, i: usize, e: usize, month: u8, day: u8) -> Cand {
        let mut p = Point {
            month: Some(month),
            day: Some(day),
            gran: Gran::Day,
            ..Point::default()
        };
        let mut end = e;
        if let Some((y, ye, _)) = self.year_at(e, false) {
            p.year = Some(y);
            end = ye;
        }
        Cand::date(i, end, p)
    }

    // ----- bare years and ranges -----

    /// A year standing alone: "1939", "480 BC", "AD 69", "'89", "1982 summer".
    fn bare_year(&self, i: usize, prev: Option<&Cand>) -> Option<Cand> {
        // '89
        if (self.t.punct(i, '\'') || self.t.punct(i, '’')) && self.t.glued(i + 1) {
            let (n, d) = self.t.num(i + 1)?;
            if d != 2
                || (self.t.glued(i + 2)
                    && matches!(self.t.kind(i + 2), Some(Kind::Word | Kind::Num)))
            {
                return None;
            }
            if i > 0 && self.t.glued(i) && self.t.kind(i - 1) == Some(Kind::Word) {
                return None;
            }
            let century = self
                .story_year
                .filter(|y| *y > 0)
                .map_or(1900, |y| y / 100 * 100);
            let mut y = century + i64::from(n);
            if let Some(s) = self.story_year {
                if y > s + 50 {
                    y -= 100;
                }
            }
            return Some(Cand::date(i, i + 2, Point::year(y)));
        }
        if let Some((y, e, explicit)) = self.year_at(i, false) {
            if !explicit && (self.counted(e) || self.is_identifier(i)) {
                return None;
            }
            if !explicit
                && i > 0
                && self.t.glued(i)
                && self.t.punct(i - 1, '-')
                && i >= 2
                && self.t.kind(i - 2) == Some(Kind::Word)
            {
                // "Mark-1939" style identifiers
                return None;
            }
            // 1982 summer
            if let Some(s) = self.w(e).and_then(lex::season) {
                if self.w(e) != Some("fall") {
                    return Some(Cand::date(
                        i,
                        e + 1,
                        Point {
                            year: Some(y),
                            season: Some(s),
                            gran: Gran::Season,
                            ..Point::default()
                        },
                    ));
                }
            }
            return Some(Cand::date(i, e, Point::year(y)));
        }
        // Two-digit second half of a year range: 1915-17, 1990–94.
        if let Some(p) = prev {
            if let (Some((n, 2)), Sem::Abs(pp)) = (self.t.num(i), &p.sem) {
                if p.b + 1 == i
                    && self.t.dash(i - 1)
                    && pp.gran == Gran::Year
                    && self.t.num(p.b - 1).is_some_and(|(_, d)| d == 4)
                    && !(self.t.glued(i + 1)
                        && matches!(self.t.kind(i + 1), Some(Kind::Word | Kind::Num)))
                {
                    let first = pp.year?;
                    let mut y = first - first.rem_euclid(100) + i64::from(n);
                    if y <= first {
                        y += 100;
                    }
                    let mut c = Cand::date(i, i + 1, Point::year(y));
                    c.range_tail = true;
                    return Some(c);
                }
            }
        }
        // A bare small number that is a year because the story is there: "in 480".
        let (n, d) = self.plain_num(i)?;
        if d > 3 || n == 0 {
            return None;
        }
        // Range heads: "499-493 BC", "from 499 to 493 BC", "12-14 July 1950".
        if let Some(c) = self.range_head(i, n) {
            return Some(c);
        }
        if i == 0 || !self.t.is_any(i - 1, YEAR_CUES) || self.counted(i + 1) {
            return None;
        }
        if matches!(self.t.kind(i + 1), Some(Kind::Word))
            && !self.cap(i + 1)
            && !self.t.is_any(
                i + 1,
                &[
                    "and", "or", "to", "when", "the", "in", "as", "with", "after", "before",
                    "until", "at", "on", "by", "a", "an", "was", "were", "he", "she", "they", "it",
                    "we", "his", "her", "their", "its", "had", "saw",
                ],
            )
        {
            return None;
        }
        let y = self.plausible_small_year(n)?;
        Some(Cand::date(i, i + 1, Point::year(y)))
    }

    /// The word at `i` shows that the number before it counts things ("1400 victims").
    fn counted(&self, i: usize) -> bool {
        match self.w(i) {
            Some(w) => {
                COUNTED.contains(&w)
                    || (!self.cap(i)
                        && w.len() >= 4
                        && w.ends_with('s')
                        && !w.ends_with("ss")
                        && !w.ends_with("us")
                        && !w.ends_with("is")
                        && !NOT_PLURAL.contains(&w)
                        && lex::unit(w).is_none())
            }
            None => false,
        }
    }

    /// The number at `i` names something ("Resolution 1483", "Hill 1400", "No. 1918").
    fn is_identifier(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let mut k = i - 1;
        if self.t.punct(k, '.') && k > 0 {
            k -= 1;
        }
        self.cap(k) && self.t.is_any(k, IDENTIFIER_WORDS)
    }

    /// The first number of a range whose second half says what it is.
    fn range_head(&self, i: usize, n: u32) -> Option<Cand> {
        let j = i + 1;
        if !(self.t.dash(j)
            || self
                .t
                .is_any(j, &["to", "and", "or", "until", "till", "through"]))
        {
            return None;
        }
        let conn = j + 1;
        // 12-14 July 1950: a day
        if (1..=31).contains(&n) {
            if let Some((_, k)) = self.day_at(conn) {
                let mut k2 = k;
                if self.is(k2, "of") {
                    k2 += 1;
                }
                if self.month_at(k2).is_some() {
                    let mut c = Cand::date(
                        i,
                        i + 1,
                        Point {
                            day: Some(n as u8),
                            gran: Gran::Day,
                            ..Point::default()
                        },
                    );
                    c.range_head = true;
                    return Some(c);
                }
            }
        }
        // 499-493 BC: a year in the era of the second.
        let (m, d) = self.plain_num(conn)?;
        if d > 4 || m == 0 {
            return None;
        }
        let (bc, _) = self.era_at(conn + 1)?;
        let y = if bc { 1 - i64::from(n) } else { i64::from(n) };
        if bc && m > n {
            return None;
        }
        let mut c = Cand::date(i, i + 1, Point::year(y));
        c.range_head = true;
        Some(c)
    }

    /// "9, 1918" after "March 3-": a day and year whose month is the previous date's.
    fn range_tail(&self, i: usize, prev: Option<&Cand>) -> Option<Cand> {
        let p = prev?;
        if p.b + 1 != i
            || !(self.t.dash(i - 1) || self.t.is_any(i - 1, &["to", "and", "until", "through"]))
        {
            return None;
        }
        let Sem::Abs(pp) = &p.sem else { return None };
        pp.month?;
        pp.day?;
        let (d, j) = self.day_at(i)?;
        let mut k = j;
        if self.t.punct(k, ',') {
            k += 1;
        }
        let (year, e) = match self.year_at(k, true) {
            Some((y, e, _)) => (Some(y), e),
            // "May 6 and 7th": a later day of the same month, with nothing after it.
            None if pp.day.is_some_and(|pd| d > pd)
                && !matches!(self.t.kind(j), Some(Kind::Word | Kind::Num)) =>
            {
                (pp.year, j)
            }
            None => return None,
        };
        let mut c = Cand::date(
            i,
            e,
            Point {
                year,
                day: Some(d),
                gran: Gran::Day,
                ..Point::default()
            },
        );
        c.range_tail = true;
        Some(c)
    }

    /// The longest expression starting at token `i`.
    pub fn best_at(&self, i: usize, prev: Option<&Cand>) -> Option<Cand> {
        let k = self.t.kind(i)?;
        if k == Kind::Break {
            return None;
        }
        let mut best: Option<Cand> = None;
        let mut take = |c: Option<Cand>| {
            if let Some(c) = c {
                if c.b > c.a && best.as_ref().is_none_or(|b| c.b > b.b) {
                    best = Some(c);
                }
            }
        };
        match k {
            Kind::Num => {
                take(self.range_tail(i, prev));
                take(self.date(i));
                take(self.bare_year(i, prev));
                take(self.time(i));
                take(self.duration(i));
                take(self.shift(i));
            }
            Kind::Punct => {
                take(self.bare_year(i, prev));
            }
            _ => {
                take(self.date(i));
                take(self.season_rel(i));
                take(self.relative(i));
                take(self.later_that(i));
                take(self.unit_end(i));
                take(self.shift(i));
                take(self.time(i));
                take(self.duration(i));
                take(self.set(i));
                take(self.reference(i));
                take(self.fiscal(i));
                if self.t.is_any(i, &["ad", "a"]) {
                    take(self.bare_year(i, prev));
                }
            }
        }
        best
    }
}

/// A part of the day word.
fn day_part(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" | "dawn" | "daybreak" => "MO",
        "afternoon" => "AF",
        "evening" | "dusk" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// The TimeML value of a duration.
fn duration_value(q: Qty, u: Unit) -> String {
    let (letter, time) = u.iso();
    let t = if time { "T" } else { "" };
    match q {
        Qty::Vague => format!("P{t}X{letter}"),
        Qty::Exact(v) => {
            let v = if u == Unit::Fortnight { v * 2.0 } else { v };
            if v.fract() == 0.0 {
                format!("P{t}{}{letter}", v as i64)
            } else {
                let s = format!("{v}");
                format!("P{t}{s}{letter}")
            }
        }
    }
}

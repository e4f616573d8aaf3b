//! Tokens of a paragraph: words, digit runs, single punctuation characters and hard breaks,
//! each with its byte span, plus the small word lists (months, numbers, units, seasons) the
//! tagger reads them with.
//!
//! The scan is one pass over the characters with no backtracking; a paragraph's lowercase copy
//! (ASCII only, so byte offsets are unchanged) is made once and every word comparison reads it.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits.
    Num,
    /// One punctuation or symbol character.
    Punct,
    /// A hard boundary (a line break, or markup the tagger must not cross).
    Break,
}

/// One token: its kind, byte span, and whether white space comes before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// The kind.
    pub kind: Kind,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// White space separates it from the previous token.
    pub space_before: bool,
}

/// The character that marks bytes the tagger must treat as a hard boundary (masked markup).
pub const BARRIER: char = '\u{1}';

/// A tokenised paragraph.
#[derive(Debug, Default)]
pub struct Toks {
    /// The paragraph, ASCII-lowercased (same byte offsets as the original).
    pub lower: String,
    /// The tokens.
    pub toks: Vec<Tok>,
}

impl Toks {
    /// Tokenise `text`, reusing this value's buffers.
    pub fn fill(&mut self, text: &str) {
        self.lower.clear();
        self.lower.push_str(text);
        self.lower.make_ascii_lowercase();
        self.toks.clear();
        let mut space = true;
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c == '\n' || c == '\r' || c == BARRIER {
                self.toks.push(Tok {
                    kind: Kind::Break,
                    start: i,
                    end: i + c.len_utf8(),
                    space_before: space,
                });
                space = true;
                continue;
            }
            if c.is_whitespace() {
                space = true;
                continue;
            }
            let kind;
            let mut end = i + c.len_utf8();
            if c.is_ascii_digit() {
                kind = Kind::Num;
                while let Some(&(j, d)) = it.peek() {
                    if !d.is_ascii_digit() {
                        break;
                    }
                    end = j + 1;
                    it.next();
                }
            } else if c.is_alphabetic() {
                kind = Kind::Word;
                while let Some(&(j, d)) = it.peek() {
                    if !(d.is_alphabetic() || is_mark(d)) {
                        break;
                    }
                    end = j + d.len_utf8();
                    it.next();
                }
            } else {
                kind = Kind::Punct;
            }
            self.toks.push(Tok {
                kind,
                start: i,
                end,
                space_before: space,
            });
            space = false;
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// No tokens.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The lowercase text of token `i` ("" past the end).
    pub fn low(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.lower[t.start..t.end],
            None => "",
        }
    }

    /// The lowercase word at `i`, if token `i` is a word.
    pub fn word(&self, i: usize) -> Option<&str> {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Word => Some(&self.lower[t.start..t.end]),
            _ => None,
        }
    }

    /// Token `i` is the word `w` (lowercase).
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    /// Token `i` is one of these words.
    pub fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        self.word(i).is_some_and(|x| ws.contains(&x))
    }

    /// Token `i` is the punctuation character `c`.
    pub fn punct(&self, i: usize, c: char) -> bool {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Punct => self.lower[t.start..t.end].starts_with(c),
            _ => false,
        }
    }

    /// The punctuation character at `i`.
    pub fn punct_char(&self, i: usize) -> Option<char> {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Punct => self.lower[t.start..t.end].chars().next(),
            _ => None,
        }
    }

    /// Token `i` is a dash or hyphen (`-`, `–`, `—`, `‐`, `‑`).
    pub fn dash(&self, i: usize) -> bool {
        matches!(self.punct_char(i), Some('-' | '–' | '—' | '‐' | '‑' | '−'))
    }

    /// The value and digit count of a digit run at `i` (at most 9 digits read).
    pub fn num(&self, i: usize) -> Option<(u32, usize)> {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Num => {
                let s = &self.lower[t.start..t.end];
                if s.len() > 9 {
                    return None;
                }
                s.parse().ok().map(|v| (v, s.len()))
            }
            _ => None,
        }
    }

    /// The kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Token `i` follows token `i - 1` with no space in between.
    pub fn glued(&self, i: usize) -> bool {
        i > 0 && self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// The original text's first character of token `i` is uppercase.
    pub fn cap(&self, text: &str, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            text[t.start..t.end]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
    }

    /// Token `i` is a word written all in capitals (two letters or more).
    pub fn all_caps(&self, text: &str, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == Kind::Word
                && t.end - t.start >= 2
                && text[t.start..t.end].chars().all(char::is_uppercase)
        })
    }
}

fn is_mark(c: char) -> bool {
    // Combining diacritics (Vietnamese, decomposed text) stay inside their word.
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

/// A month name or abbreviation (lowercase), 1–12.
pub fn month(w: &str) -> Option<u8> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Month names that are also common English words, so that alone they need a capital.
pub fn month_is_ambiguous(w: &str) -> bool {
    matches!(
        w,
        "may" | "march" | "jan" | "mar" | "jun" | "jul" | "aug" | "sep" | "oct" | "nov" | "dec"
    )
}

/// A season word.
pub fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// A day of the week, Monday = 1.
pub fn weekday(w: &str) -> Option<u8> {
    Some(match w {
        "monday" => 1,
        "tuesday" => 2,
        "wednesday" => 3,
        "thursday" => 4,
        "friday" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    })
}

/// A cardinal number word up to ninety-nine ("a"/"an" are handled by the caller).
pub fn cardinal(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => return None,
    })
}

/// An ordinal word up to thirty-first.
pub fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// A time unit word, singular or plural.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Fortnights (two weeks).
    Fortnight,
    /// Months.
    Month,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
    /// Millennia.
    Millennium,
}

/// A unit word and whether it is plural.
pub fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "fortnight" => (Unit::Fortnight, false),
        "fortnights" => (Unit::Fortnight, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        "millennium" => (Unit::Millennium, false),
        "millennia" | "millenniums" => (Unit::Millennium, true),
        _ => return None,
    })
}

impl Unit {
    /// The ISO 8601 duration letter(s) and whether it belongs after `T`.
    pub fn iso(self) -> (&'static str, bool) {
        match self {
            Unit::Second => ("S", true),
            Unit::Minute => ("M", true),
            Unit::Hour => ("H", true),
            Unit::Day => ("D", false),
            Unit::Week | Unit::Fortnight => ("W", false),
            Unit::Month => ("M", false),
            Unit::Year => ("Y", false),
            Unit::Decade => ("DE", false),
            Unit::Century => ("CE", false),
            Unit::Millennium => ("ML", false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_their_spans() {
        let mut t = Toks::default();
        t.fill("On 1 May, 1960s–70s Tết\u{1}x");
        let kinds: Vec<Kind> = t.toks.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            vec![
                Kind::Word,
                Kind::Num,
                Kind::Word,
                Kind::Punct,
                Kind::Num,
                Kind::Word,
                Kind::Punct,
                Kind::Num,
                Kind::Word,
                Kind::Word,
                Kind::Break,
                Kind::Word
            ]
        );
        assert_eq!(t.low(2), "may");
        assert!(t.glued(5));
        assert!(!t.glued(4));
        assert_eq!(t.num(4), Some((1960, 4)));
        assert!(t.dash(6));
        assert_eq!(t.low(9), "tết");
    }
}

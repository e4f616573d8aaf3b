//! Splitting a query into tokens, on demand (the parser pulls them one at a time, so errors are
//! reported in the order they occur in the query).
//!
//! Everything works on a `Vec<char>`, so every position is a 0-based character offset.

use crate::ast::{Filter, Sort};
use crate::parser::{QueryError, MAX_CLAUSES};
use crate::problem::{After, Found, Problem};
use crate::values;

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// `(`
    Open,
    /// `)`
    Close,
    /// The operator `OR` (uppercase, standing alone).
    Or,
    /// `-` directly before a clause.
    Minus,
    /// A word as typed.
    Word(String),
    /// A quoted phrase, without the quotes.
    Phrase(String),
    /// A `key:value` filter, its value already checked.
    Filter(Filter),
    /// `sort:...`
    Sort(Sort),
    /// The end of the query.
    End,
}

/// A token and the character offset where it starts (for [`Kind::End`]: the query's length).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub kind: Kind,
    pub pos: usize,
}

/// The filter keys, as written in lowercase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    Date,
    Within,
    Place,
    Country,
    Participant,
    Tag,
    Near,
    Bbox,
    Id,
    Sort,
}

impl Key {
    /// Every key, for lookup.
    const ALL: [Key; 10] = [
        Key::Date,
        Key::Within,
        Key::Place,
        Key::Country,
        Key::Participant,
        Key::Tag,
        Key::Near,
        Key::Bbox,
        Key::Id,
        Key::Sort,
    ];

    /// The key as written (lowercase).
    pub(crate) fn name(self) -> &'static str {
        match self {
            Key::Date => "date",
            Key::Within => "within",
            Key::Place => "place",
            Key::Country => "country",
            Key::Participant => "participant",
            Key::Tag => "tag",
            Key::Near => "near",
            Key::Bbox => "bbox",
            Key::Id => "id",
            Key::Sort => "sort",
        }
    }

    /// The key named `s` (ASCII case-insensitive), if it is one.
    pub(crate) fn from_name(s: &str) -> Option<Key> {
        Key::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(s))
    }
}

/// Characters that end a bare word or value (besides whitespace).
fn is_syntax(c: char) -> bool {
    matches!(c, '(' | ')' | '"')
}

/// The tokenizer.
pub(crate) struct Lexer {
    chars: Vec<char>,
    i: usize,
    /// Words, phrases and filters seen so far.
    clauses: usize,
    /// Where the first `sort:` was.
    sort_at: Option<usize>,
}

impl Lexer {
    pub(crate) fn new(query: &str) -> Lexer {
        Lexer {
            chars: query.chars().collect(),
            i: 0,
            clauses: 0,
            sort_at: None,
        }
    }

    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    fn text(&self, from: usize, to: usize) -> String {
        self.chars
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .collect()
    }

    /// Count one more word, phrase or filter starting at `pos`.
    fn count_clause(&mut self, pos: usize) -> Result<(), QueryError> {
        self.clauses += 1;
        if self.clauses > MAX_CLAUSES {
            return Err(QueryError::new(pos, Problem::TooManyClauses));
        }
        Ok(())
    }

    /// The offset of the `"` that closes the quote at `open`.
    fn closing_quote(&self, open: usize, phrase: bool) -> Result<usize, QueryError> {
        let mut j = open + 1;
        while let Some(c) = self.at(j) {
            if c == '"' {
                return Ok(j);
            }
            j += 1;
        }
        Err(QueryError::new(
            open,
            Problem::Unterminated { phrase, open },
        ))
    }

    /// The next token.
    pub(crate) fn next_token(&mut self) -> Result<Token, QueryError> {
        while self.at(self.i).is_some_and(char::is_whitespace) {
            self.i += 1;
        }
        let pos = self.i;
        let Some(c) = self.at(pos) else {
            return Ok(Token {
                kind: Kind::End,
                pos,
            });
        };
        let kind = match c {
            '(' => {
                self.i += 1;
                Kind::Open
            }
            ')' => {
                self.i += 1;
                Kind::Close
            }
            '"' => self.phrase(pos)?,
            '-' => {
                let after_minus = |found| Problem::ExpectedClause {
                    after: After::Minus,
                    found,
                };
                let problem = match self.at(pos + 1) {
                    None => Some(after_minus(Found::End)),
                    Some(n) if n.is_whitespace() => Some(Problem::SpaceAfterMinus),
                    Some(')') => Some(after_minus(Found::Close)),
                    Some('-') => Some(after_minus(Found::Minus)),
                    Some(_) => None,
                };
                if let Some(problem) = problem {
                    return Err(QueryError::new(pos, problem));
                }
                self.i += 1;
                Kind::Minus
            }
            _ => self.run(pos)?,
        };
        Ok(Token { kind, pos })
    }

    /// A phrase starting at the quote at `open`.
    fn phrase(&mut self, open: usize) -> Result<Kind, QueryError> {
        self.count_clause(open)?;
        let close = self.closing_quote(open, true)?;
        let text = self.text(open + 1, close);
        if text.trim().is_empty() {
            return Err(QueryError::new(open, Problem::EmptyPhrase));
        }
        self.i = close + 1;
        Ok(Kind::Phrase(text))
    }

    /// A bare run of characters starting at `start`: `OR`, a filter or a word.
    fn run(&mut self, start: usize) -> Result<Kind, QueryError> {
        let mut end = start;
        while let Some(c) = self.at(end) {
            if c.is_whitespace() || is_syntax(c) {
                break;
            }
            end += 1;
        }
        self.i = end;
        let run = self.chars.get(start..end).unwrap_or_default().to_vec();
        if run == ['O', 'R'] {
            return Ok(Kind::Or);
        }
        self.count_clause(start)?;
        let key = run.iter().position(|&c| c == ':').and_then(|colon| {
            let name: String = run.get(..colon)?.iter().collect();
            Some((Key::from_name(&name)?, name, colon))
        });
        let Some((key, written, colon)) = key else {
            return Ok(Kind::Word(run.into_iter().collect()));
        };
        if key == Key::Sort {
            self.note_sort(start)?;
        }
        let value_at = start + colon + 1;
        if value_at < end {
            let value = self.text(value_at, end);
            return values::filter(key, &value, value_at, false);
        }
        if self.at(end) == Some('"') {
            let close = self.closing_quote(end, false)?;
            self.i = close + 1;
            let raw = self.chars.get(end + 1..close).unwrap_or_default();
            let lead = raw.iter().take_while(|c| c.is_whitespace()).count();
            let value: String = raw.iter().collect();
            let value = value.trim();
            if value.is_empty() {
                return Err(QueryError::new(end, Problem::EmptyValue { key: written }));
            }
            return values::filter(key, value, end + 1 + lead, true);
        }
        let any_of = (self.at(end) == Some('(')).then(|| key.name());
        Err(QueryError::new(
            value_at,
            Problem::MissingValue {
                key: written,
                any_of,
            },
        ))
    }

    /// Record a `sort:` at `pos`; a second one is an error.
    fn note_sort(&mut self, pos: usize) -> Result<(), QueryError> {
        if let Some(first) = self.sort_at {
            return Err(QueryError::new(pos, Problem::SecondSort { first }));
        }
        self.sort_at = Some(pos);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every token of `q` as (kind, offset), up to and including the end.
    fn tokens(q: &str) -> Vec<(Kind, usize)> {
        let mut lex = Lexer::new(q);
        let mut out = Vec::new();
        loop {
            let t = lex.next_token().unwrap();
            let end = t.kind == Kind::End;
            out.push((t.kind, t.pos));
            if end {
                return out;
            }
        }
    }

    #[test]
    fn keys() {
        assert_eq!(Key::from_name("date"), Some(Key::Date));
        assert_eq!(Key::from_name("BBox"), Some(Key::Bbox));
        assert_eq!(Key::from_name("dates"), None);
        assert_eq!(Key::from_name(""), None);
        for k in Key::ALL {
            assert_eq!(Key::from_name(k.name()), Some(k));
        }
    }

    #[test]
    fn token_kinds_and_offsets() {
        use Kind::*;
        assert_eq!(
            tokens(" é(-a OR \"b c\")tag:x"),
            vec![
                (Word("é".into()), 1),
                (Open, 2),
                (Minus, 3),
                (Word("a".into()), 4),
                (Or, 6),
                (Phrase("b c".into()), 9),
                (Close, 14),
                (Filter(crate::ast::Filter::Tag("x".into())), 15),
                (End, 20),
            ]
        );
        assert_eq!(tokens(""), vec![(End, 0)]);
        assert_eq!(tokens("  "), vec![(End, 2)]);
        assert_eq!(
            tokens("ORR OR-x"),
            vec![(Word("ORR".into()), 0), (Word("OR-x".into()), 4), (End, 8)]
        );
        assert_eq!(
            tokens("sort:date"),
            vec![(Sort(crate::ast::Sort::DateAsc), 0), (End, 9)]
        );
    }

    #[test]
    fn clause_count_ignores_operators() {
        let mut lex = Lexer::new("( a OR -b )");
        while lex.next_token().unwrap().kind != Kind::End {}
        assert_eq!(lex.clauses, 2);
    }
}

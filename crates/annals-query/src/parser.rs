//! The query parser: a recursive-descent parser over the tokens of [`crate::lexer`]. The grammar
//! is in `docs/query.md`:
//!
//! ```text
//! query   := or? END                        (empty or whitespace only: Expr::All)
//! or      := and ("OR" and)*                OR binds looser than juxtaposition
//! and     := unary unary*                   juxtaposition is AND
//! unary   := "-" primary | primary          no space after '-'
//! primary := WORD | PHRASE | FILTER | SORT | "(" or ")"
//! ```
//!
//! Recursion happens only at `(`, and is limited to [`MAX_DEPTH`] levels; every token is looked
//! at once, so parsing takes time linear in the query's length.

use crate::ast::{Expr, Request, Sort};
use crate::lexer::{Kind, Lexer, Token};
use crate::problem::{After as Before, Found, Problem};

/// Longest query accepted, in bytes.
pub const MAX_QUERY_LEN: usize = 2048;
/// Most words, phrases and filters (including `sort:`) in one query.
pub const MAX_CLAUSES: usize = 64;
/// Deepest nesting of parentheses.
pub const MAX_DEPTH: usize = 16;

/// A query that cannot be parsed: where, and what was expected.
///
/// Displayed as `query error at character 12: expected ')' to close the '(' at character 3`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("query error at character {offset}: {problem}")]
pub struct QueryError {
    /// 0-based character (not byte) offset in the query.
    pub offset: usize,
    /// What was wrong or expected.
    pub problem: Problem,
}

impl QueryError {
    pub(crate) fn new(offset: usize, problem: Problem) -> QueryError {
        QueryError { offset, problem }
    }
}

/// Parse a query string.
///
/// ```
/// use annals_query::{parse, Expr, Filter, Sort};
/// let r = parse("treaty -nato country:Japan sort:-date").unwrap();
/// assert_eq!(
///     r.expr,
///     Expr::And(vec![
///         Expr::Word("treaty".into()),
///         Expr::Not(Box::new(Expr::Word("nato".into()))),
///         Expr::Filter(Filter::Country("Japan".into())),
///     ])
/// );
/// assert_eq!(r.sort, Some(Sort::DateDesc));
///
/// let e = parse("(a OR b").unwrap_err();
/// assert_eq!(e.to_string(), "query error at character 7: expected ')' to close the '(' at character 0");
/// ```
pub fn parse(query: &str) -> Result<Request, QueryError> {
    if query.len() > MAX_QUERY_LEN {
        // The first character that does not fit.
        let offset = query
            .char_indices()
            .take_while(|&(b, c)| b + c.len_utf8() <= MAX_QUERY_LEN)
            .count();
        return Err(QueryError::new(
            offset,
            Problem::TooLong { bytes: query.len() },
        ));
    }
    if query.chars().all(char::is_whitespace) {
        return Ok(Request {
            expr: Expr::All,
            sort: None,
        });
    }
    let mut p = Parser {
        lex: Lexer::new(query),
        peeked: None,
    };
    let part = p.or(0, After::Start)?;
    let end = p.next()?;
    match end.kind {
        Kind::End => Ok(Request {
            expr: part.expr.unwrap_or(Expr::All),
            sort: part.sort.map(|(s, _)| s),
        }),
        Kind::Close => Err(QueryError::new(end.pos, Problem::NoOpen)),
        other => Err(QueryError::new(end.pos, Problem::Unexpected(found(&other)))),
    }
}

/// What was parsed: the expression (`None` when it was only a `sort:`) and the sort in it, with
/// its offset.
struct Part {
    expr: Option<Expr>,
    sort: Option<(Sort, usize)>,
}

/// What came before a sequence of clauses, for error messages.
#[derive(Debug, Clone, Copy)]
enum After {
    /// The start of the query.
    Start,
    /// The `(` at this offset.
    Open(usize),
    /// `OR`.
    Or,
}

/// A token's kind in words, for error messages.
fn found(kind: &Kind) -> Found {
    match kind {
        Kind::Open => Found::Open,
        Kind::Close => Found::Close,
        Kind::Or => Found::Or,
        Kind::Minus => Found::Minus,
        Kind::Word(_) => Found::Word,
        Kind::Phrase(_) => Found::Phrase,
        Kind::Filter(_) => Found::Filter,
        Kind::Sort(_) => Found::Sort,
        Kind::End => Found::End,
    }
}

/// Whether a token starts a clause.
fn starts_clause(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::Open
            | Kind::Minus
            | Kind::Word(_)
            | Kind::Phrase(_)
            | Kind::Filter(_)
            | Kind::Sort(_)
    )
}

/// `And` of `items`, flattening nested `And`s; one item is itself.
pub(crate) fn and_of(items: Vec<Expr>) -> Expr {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Expr::And(inner) => out.extend(inner),
            e => out.push(e),
        }
    }
    single_or(out, Expr::And)
}

/// `Or` of `items`, flattening nested `Or`s; one item is itself.
pub(crate) fn or_of(items: Vec<Expr>) -> Expr {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Expr::Or(inner) => out.extend(inner),
            e => out.push(e),
        }
    }
    single_or(out, Expr::Or)
}

/// The one item of `items`, or `make(items)`.
fn single_or(mut items: Vec<Expr>, make: fn(Vec<Expr>) -> Expr) -> Expr {
    match (items.len(), items.pop()) {
        (1, Some(only)) => only,
        (_, Some(last)) => {
            items.push(last);
            make(items)
        }
        (_, None) => make(items),
    }
}

struct Parser {
    lex: Lexer,
    peeked: Option<Token>,
}

impl Parser {
    fn peek(&mut self) -> Result<&Token, QueryError> {
        let token = match self.peeked.take() {
            Some(t) => t,
            None => self.lex.next_token()?,
        };
        Ok(self.peeked.insert(token))
    }

    fn next(&mut self) -> Result<Token, QueryError> {
        match self.peeked.take() {
            Some(t) => Ok(t),
            None => self.lex.next_token(),
        }
    }

    /// `and ("OR" and)*`
    fn or(&mut self, depth: usize, after: After) -> Result<Part, QueryError> {
        let mut branches = vec![self.and(depth, after)?];
        while self.peek()?.kind == Kind::Or {
            self.next()?;
            branches.push(self.and(depth, After::Or)?);
        }
        if branches.len() == 1 {
            if let Some(only) = branches.pop() {
                return Ok(only);
            }
        }
        if let Some((_, at)) = branches.iter().find_map(|b| b.sort) {
            return Err(QueryError::new(at, Problem::SortInOr));
        }
        let items = branches.into_iter().filter_map(|b| b.expr).collect();
        Ok(Part {
            expr: Some(or_of(items)),
            sort: None,
        })
    }

    /// `unary unary*`
    fn and(&mut self, depth: usize, after: After) -> Result<Part, QueryError> {
        let mut items = Vec::new();
        let mut sort = None;
        let mut any = false;
        while starts_clause(&self.peek()?.kind) {
            let part = self.unary(depth)?;
            any = true;
            items.extend(part.expr);
            sort = sort.or(part.sort);
        }
        if !any {
            return Err(self.expected_clause(after)?);
        }
        Ok(Part {
            expr: (!items.is_empty()).then(|| and_of(items)),
            sort,
        })
    }

    /// The error for a missing clause after `after`, at the next token.
    fn expected_clause(&mut self, after: After) -> Result<QueryError, QueryError> {
        let tok = self.peek()?;
        let problem = match (after, &tok.kind) {
            (After::Start | After::Open(_), Kind::Or) => Problem::NothingBeforeOr,
            (After::Start, Kind::Close) => Problem::NoOpen,
            (After::Open(open), Kind::Close) => Problem::EmptyParentheses { open },
            (After::Open(open), Kind::End) => Problem::Unclosed { open },
            (After::Or, kind) => Problem::ExpectedClause {
                after: Before::Or,
                found: found(kind),
            },
            (After::Start, kind) => Problem::ExpectedClause {
                after: Before::Start,
                found: found(kind),
            },
            (After::Open(_), kind) => Problem::ExpectedClause {
                after: Before::Open,
                found: found(kind),
            },
        };
        Ok(QueryError::new(tok.pos, problem))
    }

    /// `"-" primary | primary`
    fn unary(&mut self, depth: usize) -> Result<Part, QueryError> {
        if self.peek()?.kind != Kind::Minus {
            return self.primary(depth);
        }
        self.next()?;
        let tok = self.peek()?;
        if !starts_clause(&tok.kind) {
            let problem = Problem::ExpectedClause {
                after: Before::Minus,
                found: found(&tok.kind),
            };
            return Err(QueryError::new(tok.pos, problem));
        }
        let part = self.primary(depth)?;
        match part {
            Part {
                sort: Some((_, at)),
                ..
            } => Err(QueryError::new(at, Problem::SortExcluded)),
            Part {
                expr: Some(e),
                sort: None,
            } => Ok(Part {
                expr: Some(Expr::Not(Box::new(e))),
                sort: None,
            }),
            Part {
                expr: None,
                sort: None,
            } => Ok(Part {
                expr: None,
                sort: None,
            }),
        }
    }

    /// `WORD | PHRASE | FILTER | SORT | "(" or ")"`
    fn primary(&mut self, depth: usize) -> Result<Part, QueryError> {
        let tok = self.next()?;
        let leaf = |e: Expr| {
            Ok(Part {
                expr: Some(e),
                sort: None,
            })
        };
        match tok.kind {
            Kind::Word(w) => leaf(Expr::Word(w)),
            Kind::Phrase(p) => leaf(Expr::Phrase(p)),
            Kind::Filter(f) => leaf(Expr::Filter(f)),
            Kind::Sort(s) => Ok(Part {
                expr: None,
                sort: Some((s, tok.pos)),
            }),
            Kind::Open => {
                if depth >= MAX_DEPTH {
                    return Err(QueryError::new(tok.pos, Problem::TooDeep));
                }
                let part = self.or(depth + 1, After::Open(tok.pos))?;
                let close = self.next()?;
                if close.kind != Kind::Close {
                    return Err(QueryError::new(
                        close.pos,
                        Problem::Unclosed { open: tok.pos },
                    ));
                }
                Ok(part)
            }
            ref kind => Err(QueryError::new(
                tok.pos,
                Problem::ExpectedClause {
                    after: Before::Start,
                    found: found(kind),
                },
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::{DateMode, DayRange, Filter};
    use annals_dates::When;

    fn w(s: &str) -> Expr {
        Expr::Word(s.into())
    }
    fn ph(s: &str) -> Expr {
        Expr::Phrase(s.into())
    }
    fn not(e: Expr) -> Expr {
        Expr::Not(Box::new(e))
    }
    fn and(v: Vec<Expr>) -> Expr {
        Expr::And(v)
    }
    fn or(v: Vec<Expr>) -> Expr {
        Expr::Or(v)
    }
    fn fil(f: Filter) -> Expr {
        Expr::Filter(f)
    }
    fn expr(q: &str) -> Expr {
        match parse(q) {
            Ok(r) => r.expr,
            Err(e) => panic!("{q:?}: {e}"),
        }
    }
    /// The error's offset and message.
    fn err(q: &str) -> (usize, String) {
        match parse(q) {
            Ok(r) => panic!("{q:?} parsed as {r:?}"),
            Err(e) => (e.offset, e.problem.to_string()),
        }
    }
    fn err_at(q: &str, offset: usize, needle: &str) {
        let (at, message) = err(q);
        assert_eq!(at, offset, "{q:?}: {message}");
        assert!(
            message.contains(needle),
            "{q:?}: {message:?} lacks {needle:?}"
        );
    }
    fn days(edtf: &str) -> (i64, i64) {
        When::from_edtf(edtf).unwrap().axis_range()
    }
    fn date(lo: i64, hi: i64) -> Expr {
        fil(Filter::Date {
            range: DayRange { lo, hi },
            mode: DateMode::Overlap,
        })
    }

    #[test]
    fn empty_is_all() {
        for q in ["", " ", "\t\n  \u{3000}"] {
            assert_eq!(
                parse(q),
                Ok(Request {
                    expr: Expr::All,
                    sort: None
                }),
                "{q:?}"
            );
        }
    }

    #[test]
    fn words() {
        assert_eq!(expr("treaty"), w("treaty"));
        assert_eq!(expr("  treaty  "), w("treaty"));
        assert_eq!(expr("a b\tc"), and(vec![w("a"), w("b"), w("c")]));
        // As typed: case, diacritics, punctuation, inner dashes and colons are kept.
        assert_eq!(expr("Münster"), w("Münster"));
        assert_eq!(
            expr("Washington, D.C."),
            and(vec![w("Washington,"), w("D.C.")])
        );
        assert_eq!(expr("Austria-Hungary"), w("Austria-Hungary"));
        assert_eq!(expr("東京 条約"), and(vec![w("東京"), w("条約")]));
        assert_eq!(expr("a-"), w("a-"));
        assert_eq!(expr("O'Brien"), w("O'Brien"));
    }

    #[test]
    fn unknown_keys_are_words() {
        assert_eq!(expr("10:30"), w("10:30"));
        assert_eq!(expr("Re:Zero"), w("Re:Zero"));
        assert_eq!(expr("foo:bar"), w("foo:bar"));
        assert_eq!(expr("http://example.org"), w("http://example.org"));
        assert_eq!(expr(":"), w(":"));
        assert_eq!(expr("foo:"), w("foo:"));
        assert_eq!(expr("foo:\"a b\""), and(vec![w("foo:"), ph("a b")]));
        assert_eq!(expr("datum:1960"), w("datum:1960"));
    }

    #[test]
    fn or_is_uppercase_and_binds_looser() {
        assert_eq!(expr("a OR b"), or(vec![w("a"), w("b")]));
        assert_eq!(expr("a or b"), and(vec![w("a"), w("or"), w("b")]));
        assert_eq!(expr("a Or b"), and(vec![w("a"), w("Or"), w("b")]));
        assert_eq!(
            expr("a b OR c"),
            or(vec![and(vec![w("a"), w("b")]), w("c")])
        );
        assert_eq!(
            expr("a OR b c"),
            or(vec![w("a"), and(vec![w("b"), w("c")])])
        );
        assert_eq!(expr("a OR b OR c"), or(vec![w("a"), w("b"), w("c")]));
        assert_eq!(expr("(a)OR(b)"), or(vec![w("a"), w("b")]));
        assert_eq!(expr("ORE OR:"), and(vec![w("ORE"), w("OR:")]));
        assert_eq!(expr("\"OR\""), ph("OR"));
    }

    #[test]
    fn parentheses_group_and_vanish() {
        assert_eq!(expr("(a)"), w("a"));
        assert_eq!(expr("((((a))))"), w("a"));
        assert_eq!(expr("(a b) c"), and(vec![w("a"), w("b"), w("c")]));
        assert_eq!(
            expr("(a OR b) c"),
            and(vec![or(vec![w("a"), w("b")]), w("c")])
        );
        assert_eq!(
            expr("a (b OR c) d"),
            and(vec![w("a"), or(vec![w("b"), w("c")]), w("d")])
        );
        assert_eq!(expr("(a OR b) OR c"), or(vec![w("a"), w("b"), w("c")]));
        assert_eq!(expr("a OR (b OR c)"), or(vec![w("a"), w("b"), w("c")]));
        assert_eq!(
            expr("a (b (c d))"),
            and(vec![w("a"), w("b"), w("c"), w("d")])
        );
        assert_eq!(expr("a(b)c"), and(vec![w("a"), w("b"), w("c")]));
        assert_eq!(
            expr("(a b) OR (c d)"),
            or(vec![and(vec![w("a"), w("b")]), and(vec![w("c"), w("d")])])
        );
    }

    #[test]
    fn phrases() {
        assert_eq!(expr("\"mutual security\""), ph("mutual security"));
        assert_eq!(expr("\" spaced  out \""), ph(" spaced  out "));
        assert_eq!(expr("\"a\"\"b\""), and(vec![ph("a"), ph("b")]));
        assert_eq!(expr("x\"a b\"y"), and(vec![w("x"), ph("a b"), w("y")]));
        assert_eq!(expr("\"(OR) -x: date:1\""), ph("(OR) -x: date:1"));
        assert_eq!(
            expr("\"mutual security\" OR \"mutual defense\""),
            or(vec![ph("mutual security"), ph("mutual defense")])
        );
    }

    #[test]
    fn exclusion() {
        assert_eq!(expr("-a"), not(w("a")));
        assert_eq!(expr("a -b"), and(vec![w("a"), not(w("b"))]));
        assert_eq!(expr("-a -b"), and(vec![not(w("a")), not(w("b"))]));
        assert_eq!(expr("a -\"b c\""), and(vec![w("a"), not(ph("b c"))]));
        assert_eq!(
            expr("a -(b OR c)"),
            and(vec![w("a"), not(or(vec![w("b"), w("c")]))])
        );
        assert_eq!(expr("-(a b)"), not(and(vec![w("a"), w("b")])));
        assert_eq!(expr("-(-a)"), not(not(w("a"))));
        assert_eq!(expr("a-b -c-"), and(vec![w("a-b"), not(w("c-"))]));
        assert_eq!(
            expr("treaty -tag:nato"),
            and(vec![w("treaty"), not(fil(Filter::Tag("nato".into())))])
        );
        assert_eq!(expr("a OR -b"), or(vec![w("a"), not(w("b"))]));
        assert_eq!(expr("(-a)"), not(w("a")));
        assert_eq!(expr("\"x\"-y"), and(vec![ph("x"), not(w("y"))]));
    }

    #[test]
    fn text_filters() {
        assert_eq!(
            expr("place:\"Washington, D.C.\""),
            fil(Filter::Place("Washington, D.C.".into()))
        );
        assert_eq!(expr("place:Paris"), fil(Filter::Place("Paris".into())));
        assert_eq!(
            expr("place:\"  Paris \""),
            fil(Filter::Place("Paris".into()))
        );
        assert_eq!(expr("country:Japan"), fil(Filter::Country("Japan".into())));
        assert_eq!(expr("COUNTRY:Japan"), fil(Filter::Country("Japan".into())));
        assert_eq!(
            expr("participant:\"Japanese government\""),
            fil(Filter::Participant("Japanese government".into()))
        );
        assert_eq!(expr("tag:treaty"), fil(Filter::Tag("treaty".into())));
        assert_eq!(expr("Tag:Treaty"), fil(Filter::Tag("Treaty".into())));
        assert_eq!(
            expr("id:treaty-of-san-francisco-1951"),
            fil(Filter::Id("treaty-of-san-francisco-1951".into()))
        );
        assert_eq!(expr("id:a:b"), fil(Filter::Id("a:b".into())));
        assert_eq!(expr("tag:-x"), fil(Filter::Tag("-x".into())));
        err_at("place:Köln)", 10, "unexpected ')'");
        assert_eq!(
            expr("(place:Köln OR place:Bonn)"),
            or(vec![
                fil(Filter::Place("Köln".into())),
                fil(Filter::Place("Bonn".into()))
            ])
        );
        assert_eq!(
            expr("country:Japan tag:treaty"),
            and(vec![
                fil(Filter::Country("Japan".into())),
                fil(Filter::Tag("treaty".into()))
            ])
        );
        assert_eq!(
            expr("place:\"New York\"City"),
            and(vec![fil(Filter::Place("New York".into())), w("City")])
        );
    }

    #[test]
    fn date_forms() {
        let (y60lo, y60hi) = days("1960");
        assert_eq!(expr("date:1960"), date(y60lo, y60hi));
        assert_eq!(expr("DATE:1960"), date(y60lo, y60hi));
        let (d, _) = days("1960-01-19");
        assert_eq!(expr("date:1960-01-19"), date(d, d));
        let (m0, m1) = days("1960-01");
        assert_eq!(expr("date:1960-01"), date(m0, m1));
        assert_eq!(expr("date:196X"), date(y60lo, days("1969").1));
        assert_eq!(expr("date:19XX"), date(days("1900").0, days("1999").1));
        assert_eq!(expr("date:-0043"), date(days("-0043").0, days("-0043").1));
        let deep = days("Y-66000000");
        assert_eq!(expr("date:Y-66000000"), date(deep.0, deep.1));
        assert_eq!(
            expr("date:1950..1970"),
            date(days("1950").0, days("1970").1)
        );
        assert_eq!(expr("date:..-0100"), date(i64::MIN, days("-0100").1));
        assert_eq!(expr("date:1950.."), date(days("1950").0, i64::MAX));
        assert_eq!(expr("date:.."), date(i64::MIN, i64::MAX));
        assert_eq!(
            expr("date:-0500..-0001"),
            date(days("-0500").0, days("-0001").1)
        );
        assert_eq!(expr("date:1960..1960"), date(y60lo, y60hi));
        assert_eq!(expr("date:1960..1960-03"), date(y60lo, days("1960-03").1));
        // EDTF intervals and sets are one value, never split at `..`.
        assert_eq!(expr("date:1950/1970"), date(days("1950").0, days("1970").1));
        assert_eq!(expr("date:1950/.."), date(days("1950").0, i64::MAX));
        assert_eq!(expr("date:../1950"), date(i64::MIN, days("1950").1));
        let set = days("[..1760-12-03]");
        assert_eq!(expr("date:[..1760-12-03]"), date(set.0, set.1));
        // Quoted: English text (or EDTF), through When::from_text.
        assert_eq!(
            expr("date:\"44 BC\""),
            date(days("-0043").0, days("-0043").1)
        );
        assert_eq!(expr("date:\"the 1960s\""), date(y60lo, days("1969").1));
        assert_eq!(
            expr("date:\"1914 to 1918\""),
            date(days("1914").0, days("1918").1)
        );
        assert_eq!(
            expr("date:\"44 BC .. AD 14\""),
            date(days("-0043").0, days("0014").1)
        );
        assert_eq!(expr("date:\"1960\""), date(y60lo, y60hi));
        assert_eq!(expr("date:\"..1453\""), date(i64::MIN, days("1453").1));
        let march = When::from_text("March 15, 44 BC", Default::default()).unwrap();
        let (ides, _) = march.axis_range();
        assert_eq!(expr("date:\"March 15, 44 BC\""), date(ides, ides));
    }

    #[test]
    fn within_is_containment() {
        assert_eq!(
            expr("within:1914..1918"),
            fil(Filter::Date {
                range: DayRange {
                    lo: days("1914").0,
                    hi: days("1918").1
                },
                mode: DateMode::Within
            })
        );
        assert_eq!(
            expr("WITHIN:\"the 1960s\""),
            fil(Filter::Date {
                range: DayRange {
                    lo: days("1960").0,
                    hi: days("1969").1
                },
                mode: DateMode::Within
            })
        );
    }

    #[test]
    fn date_errors() {
        // Reversed.
        err_at("date:1970..1950", 5, "reversed");
        err_at("a within:1960-06..1960-03", 9, "reversed");
        // Bad EDTF: the date crate's message, pointing at the bad character.
        let (at, message) = err("date:196Z");
        assert_eq!(at, 8, "{message}");
        assert!(message.contains("invalid EDTF \"196Z\""), "{message}");
        err_at("date:1950..19x0", 13, "invalid EDTF");
        err_at("date:1950..1960..1970", 15, "invalid EDTF \"1960..1970\"");
        err_at("date:1960-13", 10, "month must be");
        err_at("date:..1950/", 5, "names no day");
        // Bare English: EDTF error plus a hint to quote it.
        err_at("date:1960s", 9, "date:\"1960s\"");
        err_at("within:1960s", 11, "within:\"1960s\"");
        // Quoted text that is not a date.
        err_at("date:\"next tuesday\"", 6, "unrecognised date");
        err_at("date:\" 1900 .. someday\"", 15, "unrecognised date");
        err_at("date:\"1970 .. 1950\"", 6, "reversed");
        // Empty values.
        err_at("date:", 5, "expected a value after 'date:'");
        err_at("date: 1960", 5, "expected a value after 'date:'");
        err_at("date:\"\"", 5, "empty value");
        err_at("date:\"  \"", 5, "empty value");
        err_at("date:\"1960", 5, "unterminated quoted value");
    }

    #[test]
    fn near_and_bbox() {
        assert_eq!(
            expr("near:35.68,139.69,300km"),
            fil(Filter::Near {
                lat: 35.68,
                lon: 139.69,
                radius_km: 300.0
            })
        );
        assert_eq!(
            expr("near:-33.9,18.4,1500m"),
            fil(Filter::Near {
                lat: -33.9,
                lon: 18.4,
                radius_km: 1.5
            })
        );
        assert_eq!(
            expr("NEAR:\"51.5, -0.13, 20 mi\""),
            fil(Filter::Near {
                lat: 51.5,
                lon: -0.13,
                radius_km: 20.0 * 1.609344
            })
        );
        assert_eq!(
            expr("near:90,180,20040km"),
            fil(Filter::Near {
                lat: 90.0,
                lon: 180.0,
                radius_km: 20040.0
            })
        );
        assert_eq!(
            expr("bbox:24,122,46,146"),
            fil(Filter::Bbox {
                south: 24.0,
                west: 122.0,
                north: 46.0,
                east: 146.0
            })
        );
        // West > east crosses the antimeridian: allowed.
        assert_eq!(
            expr("bbox:-20,170,-10,-170"),
            fil(Filter::Bbox {
                south: -20.0,
                west: 170.0,
                north: -10.0,
                east: -170.0
            })
        );
        assert_eq!(
            expr("bbox:10,10,10,10"),
            fil(Filter::Bbox {
                south: 10.0,
                west: 10.0,
                north: 10.0,
                east: 10.0
            })
        );
    }

    #[test]
    fn near_and_bbox_errors() {
        err_at("near:35.68,139.69", 5, "near:LATITUDE,LONGITUDE,RADIUS");
        err_at("near:1,2,3km,4", 5, "near:LATITUDE,LONGITUDE,RADIUS");
        err_at("near:91,0,1km", 5, "latitude 91 is out of range");
        err_at("near:-90.5,0,1km", 5, "latitude");
        err_at("near:0,180.1,1km", 7, "longitude 180.1 is out of range");
        err_at("near:0,x,1km", 7, "expected a longitude");
        err_at("near:0,0,300", 9, "expected a radius with a unit");
        err_at("near:0,0,300ft", 9, "expected a radius with a unit");
        err_at("near:0,0,0km", 9, "more than 0");
        err_at("near:0,0,-1km", 9, "more than 0");
        err_at("near:0,0,20041km", 9, "at most 20040 km");
        err_at("near:0,0,12500mi", 9, "at most 20040 km");
        err_at("near:nan,0,1km", 5, "expected a latitude");
        err_at("near:inf,0,1km", 5, "expected a latitude");
        err_at("near:1e1,0,1km", 5, "expected a latitude");
        err_at("near:,0,1km", 5, "expected a latitude");
        err_at("near:\" 1, 2 ,x\"", 13, "expected a radius");
        err_at("near:", 5, "expected a value after 'near:'");
        err_at("bbox:1,2,3", 5, "bbox:SOUTH,WEST,NORTH,EAST");
        err_at(
            "bbox:50,0,40,10",
            5,
            "southern latitude 50 is north of the northern latitude 40",
        );
        err_at(
            "bbox:0,-181,1,1",
            7,
            "western longitude -181 is out of range",
        );
        err_at("bbox:0,0,95,1", 9, "northern latitude 95");
        err_at("bbox:0,0,1,200", 11, "eastern longitude 200");
    }

    #[test]
    fn sort() {
        let sort_of = |q: &str| parse(q).unwrap().sort;
        assert_eq!(sort_of("a"), None);
        assert_eq!(sort_of("a sort:relevance"), Some(Sort::Relevance));
        assert_eq!(sort_of("a sort:date"), Some(Sort::DateAsc));
        assert_eq!(sort_of("sort:-date a"), Some(Sort::DateDesc));
        assert_eq!(sort_of("a SORT:Date-Desc"), Some(Sort::DateDesc));
        assert_eq!(sort_of("a sort:\"date\""), Some(Sort::DateAsc));
        // Sort is not part of the tree.
        assert_eq!(expr("a sort:date"), w("a"));
        assert_eq!(expr("sort:date"), Expr::All);
        assert_eq!(expr("(sort:date)"), Expr::All);
        assert_eq!(expr("a (b sort:date)"), and(vec![w("a"), w("b")]));
        assert_eq!(sort_of("a (b sort:date)"), Some(Sort::DateAsc));
        assert_eq!(expr("-a sort:date"), not(w("a")));
    }

    #[test]
    fn sort_errors() {
        err_at(
            "a sort:date sort:-date",
            12,
            "only one sort: (the first is at character 2)",
        );
        err_at("a sort:newest", 7, "unknown sort");
        err_at("a sort:", 7, "expected a value after 'sort:'");
        err_at("a OR b sort:date", 7, "cannot be one side of an OR");
        err_at("a sort:date OR b", 2, "cannot be one side of an OR");
        err_at("(a sort:date) OR b", 3, "cannot be one side of an OR");
        err_at("a OR sort:date", 5, "cannot be one side of an OR");
        err_at("a -sort:date", 3, "cannot be excluded");
        err_at("a -(b sort:date)", 6, "cannot be excluded");
    }

    #[test]
    fn filters_only() {
        assert_eq!(expr("country:Japan"), fil(Filter::Country("Japan".into())));
        assert_eq!(
            expr("country:Japan tag:treaty date:1960"),
            and(vec![
                fil(Filter::Country("Japan".into())),
                fil(Filter::Tag("treaty".into())),
                date(days("1960").0, days("1960").1)
            ])
        );
    }

    #[test]
    fn filter_value_errors() {
        err_at("place:", 6, "expected a value after 'place:'");
        err_at("a Place: b", 8, "expected a value after 'Place:'");
        err_at("tag:(a OR b)", 4, "(tag:a OR tag:b)");
        err_at("(country:)", 9, "expected a value after 'country:'");
        err_at("place:\"\"", 6, "empty value");
        err_at("place:\"Paris", 6, "unterminated quoted value");
        err_at("participant:\"  \"", 12, "empty value");
    }

    #[test]
    fn syntax_errors() {
        err_at("a (b", 4, "expected ')' to close the '(' at character 2");
        err_at("(((a)", 5, "expected ')' to close the '(' at character 1");
        err_at(
            "(a OR (b c)",
            11,
            "expected ')' to close the '(' at character 0",
        );
        err_at("a)", 1, "unexpected ')': there is no '(' to close");
        err_at("(a))", 3, "unexpected ')'");
        err_at(")", 0, "unexpected ')'");
        err_at("()", 1, "empty parentheses");
        err_at("a ( ) b", 4, "empty parentheses");
        err_at("(", 1, "expected ')' to close the '(' at character 0");
        err_at("\"abc", 0, "unterminated phrase");
        err_at(
            "a \"b c",
            2,
            "unterminated phrase: expected a '\"' to close the '\"' at character 2",
        );
        err_at("a \"\" b", 2, "empty phrase");
        err_at("\"   \"", 0, "empty phrase");
        err_at("OR", 0, "before OR");
        err_at("OR a", 0, "before OR");
        err_at("a OR", 4, "after OR, found the end of the query");
        err_at("a OR OR b", 5, "after OR, found another OR");
        err_at("(OR a)", 1, "before OR");
        err_at("(a OR)", 5, "after OR, found ')'");
        err_at("-", 0, "after '-'");
        err_at("a - b", 2, "directly after '-'");
        err_at("a -", 2, "after '-'");
        err_at("(a -)", 3, "found ')'");
        err_at("--a", 0, "another '-'");
        err_at("-OR", 1, "-\"OR\"");
        err_at("a -OR b", 3, "found OR");
    }

    #[test]
    fn offsets_are_characters() {
        // Two-byte and four-byte characters before the error.
        err_at("Münster (a", 10, "at character 8");
        err_at("𝄞𝄞 \"x", 3, "unterminated phrase");
        err_at("é date:1970..1950", 7, "reversed");
        err_at("ü near:0,200,1km", 9, "longitude");
        err_at("東京 date:196Z", 11, "invalid EDTF");
        let e = parse("ab (c").unwrap_err();
        assert_eq!(
            e.to_string(),
            "query error at character 5: expected ')' to close the '(' at character 3"
        );
    }

    #[test]
    fn length_limit() {
        let ok = "a".repeat(MAX_QUERY_LEN);
        assert!(parse(&ok).is_ok());
        let long = "a".repeat(MAX_QUERY_LEN + 1);
        let e = parse(&long).unwrap_err();
        assert_eq!(e.offset, MAX_QUERY_LEN);
        assert_eq!(
            e.problem.to_string(),
            "query is 2049 bytes long; at most 2048 are allowed"
        );
        // 4 KB.
        let e = parse(&"x ".repeat(2048)).unwrap_err();
        assert_eq!(
            (e.offset, e.problem.to_string().as_str()),
            (2048, "query is 4096 bytes long; at most 2048 are allowed")
        );
        // Multi-byte: the offset counts characters that fit in 2048 bytes.
        let e = parse(&"é".repeat(1100)).unwrap_err();
        assert_eq!(e.offset, 1024);
        let e = parse(&format!("a{}", "é".repeat(1100))).unwrap_err();
        assert_eq!(e.offset, 1024); // 'a' + 1023 'é' = 2047 bytes; the next one does not fit
    }

    #[test]
    fn clause_limit() {
        let ok = vec!["w"; MAX_CLAUSES].join(" ");
        assert!(parse(&ok).is_ok());
        let over = vec!["w"; MAX_CLAUSES + 1].join(" ");
        err_at(
            &over,
            2 * MAX_CLAUSES,
            "at most 64 words, phrases and filters",
        );
        // Phrases, filters and sort count; OR, '-' and parentheses do not.
        let mixed = format!(
            "{} \"p\" tag:x sort:date -(a OR b)",
            vec!["w"; 59].join(" ")
        );
        assert!(parse(&mixed).is_ok(), "{:?}", parse(&mixed));
        let mixed = format!(
            "{} \"p\" tag:x sort:date -(a OR b) c",
            vec!["w"; 59].join(" ")
        );
        err_at(&mixed, mixed.len() - 1, "too many clauses");
        // Thousands of clauses: the length limit comes first.
        let e = parse(&"a OR ".repeat(1000)).unwrap_err();
        assert!(e.problem.to_string().contains("bytes long"), "{e}");
    }

    #[test]
    fn depth_limit() {
        let nest = |n: usize| format!("{}a{}", "(".repeat(n), ")".repeat(n));
        assert_eq!(expr(&nest(MAX_DEPTH)), w("a"));
        err_at(
            &nest(MAX_DEPTH + 1),
            MAX_DEPTH,
            "nested too deeply: at most 16 levels",
        );
        // Negation does not count as nesting, and '-(' nests like '('.
        let q = format!("{}a{}", "-(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert!(parse(&q).is_ok());
        let q = format!(
            "{}a{}",
            "-(".repeat(MAX_DEPTH + 1),
            ")".repeat(MAX_DEPTH + 1)
        );
        err_at(&q, 2 * MAX_DEPTH + 1, "nested too deeply");
        // Deep but unbalanced: the depth error comes first.
        err_at(&"(".repeat(1000), MAX_DEPTH, "nested too deeply");
    }

    #[test]
    fn normalisation() {
        assert_eq!(and_of(vec![w("a")]), w("a"));
        assert_eq!(or_of(vec![w("a")]), w("a"));
        assert_eq!(and_of(vec![]), and(vec![]));
        assert_eq!(
            and_of(vec![and(vec![w("a"), w("b")]), w("c"), and(vec![w("d")])]),
            and(vec![w("a"), w("b"), w("c"), w("d")])
        );
        assert_eq!(
            or_of(vec![
                w("a"),
                or(vec![w("b"), w("c")]),
                and(vec![w("d"), w("e")])
            ]),
            or(vec![w("a"), w("b"), w("c"), and(vec![w("d"), w("e")])])
        );
    }

    #[test]
    fn worked_examples() {
        let r = parse("treaty country:Japan date:1950..1970 near:35.68,139.69,300km").unwrap();
        assert_eq!(
            r.expr,
            and(vec![
                w("treaty"),
                fil(Filter::Country("Japan".into())),
                date(days("1950").0, days("1970").1),
                fil(Filter::Near {
                    lat: 35.68,
                    lon: 139.69,
                    radius_km: 300.0
                }),
            ])
        );
        assert_eq!(r.sort, None);
        assert_eq!(
            expr("Constantinople -crusade date:..1453"),
            and(vec![
                w("Constantinople"),
                not(w("crusade")),
                date(i64::MIN, days("1453").1)
            ])
        );
    }
}

//! "Did you mean": the participants, places and words the index holds that come nearest to a
//! value or a word that matches nothing.
//!
//! Names are compared folded (lowercase, no diacritics), as the filters compare them, with the
//! names of the events whose participants and places hold the typed words (or words that begin
//! with them, or are a typo away), nearest first: a value that begins with the typed one
//! ("Napoleon" → "Napoleon Bonaparte"), then one that holds each typed word ("Bonaparte"), then
//! one with words that begin with the typed ones ("Napol"), then one within a small edit
//! distance ("Napolean Bonaparte"); among equals, the value of the most events first. Words
//! are compared as the index holds them (stems), within one or two edits, or completed from a
//! prefix, and shown as the texts write them.

use crate::collect::{Order, TopHits};
use crate::compile::{typo_distance, Compiler, Unmatched};
use crate::{Result, SearchIndex};
use annals_query::{Expr, Filter, Request};
use serde::Serialize;
use std::collections::HashMap;
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

/// Suggestions per word or value that matched nothing.
const PER_VALUE: usize = 3;
/// Indexed words tried for each word of a name: those it begins, and those a typo away.
const STEMS_PER_WORD: usize = 16;
/// Names read from one segment's dictionary for a completion.
const COMPLETION_SCAN: usize = 2_000;
/// Events whose names are compared with a name that matched nothing.
const CANDIDATE_EVENTS: usize = 400;

/// What a suggestion corrects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionField {
    /// A word of the query.
    Word,
    /// A `participant:` value.
    Participant,
    /// A `place:` value.
    Place,
}

/// A correction of a query that found nothing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// What it corrects.
    pub field: SuggestionField,
    /// The word or value as typed.
    pub typed: String,
    /// What the index holds instead.
    pub value: String,
    /// The whole query with the correction (canonical query text).
    pub query: String,
}

impl SearchIndex {
    /// The participants nearest to `name` (at most `n`, nearest first), for a
    /// `participant:` filter that matches nothing. Empty when nothing is near.
    pub fn suggest_participants(&self, name: &str, n: usize) -> Result<Vec<String>> {
        self.suggest_names(Names::Participants, name, n)
    }

    /// The places nearest to `name` (at most `n`, nearest first; a place's name alone, not
    /// "name, country", when the name is what comes near), for a `place:` filter that matches
    /// nothing.
    pub fn suggest_places(&self, name: &str, n: usize) -> Result<Vec<String>> {
        self.suggest_names(Names::Places, name, n)
    }

    /// Participants whose names begin with `prefix` (folded, as filters compare), for an
    /// editor's completion: at most `n`, those of the most events first, each as written.
    /// Reads at most [`COMPLETION_SCAN`] names of each segment's dictionary, so a short prefix
    /// costs no more than a long one.
    pub fn complete_participants(&self, prefix: &str, n: usize) -> Result<Vec<String>> {
        let searcher = self.searcher();
        let f = *self.fields();
        let mut compiler = Compiler::new(self.tantivy(), &f, &searcher)?;
        let key = compiler.key_of(prefix);
        if key.is_empty() || n == 0 {
            return Ok(Vec::new());
        }
        let mut found: HashMap<String, u64> = HashMap::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(f.key_participant)?;
            let mut terms = inverted.terms().range().ge(key.as_bytes()).into_stream()?;
            let mut read = 0;
            while read < COMPLETION_SCAN && terms.advance() {
                read += 1;
                if !terms.key().starts_with(key.as_bytes()) {
                    break;
                }
                if let Ok(k) = std::str::from_utf8(terms.key()) {
                    *found.entry(k.to_string()).or_default() += u64::from(terms.value().doc_freq);
                }
            }
        }
        let mut ranked: Vec<(String, u64)> = found.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut out = Vec::new();
        for (k, _) in ranked.into_iter().take(n) {
            let q = TermQuery::new(
                Term::from_field_text(f.key_participant, &k),
                IndexRecordOption::Basic,
            );
            let top = searcher.search(
                &q,
                &TopHits {
                    limit: 1,
                    order: Order::DateAsc,
                    after: None,
                },
            )?;
            if let Some((_, addr)) = top.first() {
                let names = names_of(&searcher, *addr, Names::Participants, f.place)?;
                if let Some(name) = names.into_iter().find(|v| compiler.key_of(v) == k) {
                    out.push(name);
                }
            }
        }
        Ok(out)
    }

    /// The indexed words nearest to `word` (at most `n`): those one edit from it, then two,
    /// then those it begins (for a word of four letters or more); the most frequent first,
    /// each as a text of the index writes it.
    pub fn suggest_words(&self, word: &str, n: usize) -> Result<Vec<String>> {
        let searcher = self.searcher();
        let mut compiler = Compiler::new(self.tantivy(), self.fields(), &searcher)?;
        let token = match compiler.tokens(word).as_slice() {
            [token] => token.clone(),
            _ => return Ok(Vec::new()),
        };
        let typed: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
        let typed = compiler.key_of(&typed);
        let mut stems: Vec<String> = Vec::new();
        for distance in 1..=(typo_distance(&typed) + 1).min(2) {
            for s in compiler.neighbours(&token, distance, n * 4)? {
                if !stems.contains(&s) {
                    stems.push(s);
                }
            }
        }
        if token.chars().count() >= 4 {
            let fields: Vec<Field> = self.fields().words().iter().map(|w| w.field).collect();
            for s in compiler.completions_in(&fields, &token, n * 4)? {
                if !stems.contains(&s) {
                    stems.push(s);
                }
            }
        }
        let mut out: Vec<String> = Vec::new();
        for stem in stems {
            if out.len() == n {
                break;
            }
            if let Some(w) = self.written(&searcher, &mut compiler, &stem)? {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(&w)) {
                    out.push(w);
                }
            }
        }
        Ok(out)
    }

    /// Corrections for a query that found nothing: for each word and each participant and
    /// place value that matches no event on its own, the nearest words or values, each with
    /// the whole query corrected.
    pub(crate) fn suggestions(
        &self,
        request: &Request,
        unmatched: &[Unmatched],
    ) -> Result<Vec<Suggestion>> {
        let mut out = Vec::new();
        for (i, u) in unmatched.iter().enumerate() {
            if unmatched[..i].contains(u) {
                continue;
            }
            let (field, typed, values) = match u {
                Unmatched::Word(w) => (SuggestionField::Word, w, self.suggest_words(w, PER_VALUE)?),
                Unmatched::Participant(p) => (
                    SuggestionField::Participant,
                    p,
                    self.suggest_participants(p, PER_VALUE)?,
                ),
                Unmatched::Place(p) => (
                    SuggestionField::Place,
                    p,
                    self.suggest_places(p, PER_VALUE)?,
                ),
            };
            for value in values {
                let mut corrected = request.clone();
                replace(&mut corrected.expr, u, &value);
                out.push(Suggestion {
                    field,
                    typed: typed.clone(),
                    value,
                    query: corrected.to_string(),
                });
            }
        }
        Ok(out)
    }

    /// Participants or places near `name`. The candidates are the names of the events whose
    /// names hold the words of `name`, words that begin with them, or words a typo away (the
    /// `names` field of words), so that no scan of every value is needed.
    fn suggest_names(&self, kind: Names, name: &str, n: usize) -> Result<Vec<String>> {
        let searcher = self.searcher();
        let f = *self.fields();
        let mut compiler = Compiler::new(self.tantivy(), &f, &searcher)?;
        let typed = compiler.key_of(name);
        if typed.is_empty() || n == 0 {
            return Ok(Vec::new());
        }
        let key_field = match kind {
            Names::Participants => f.key_participant,
            Names::Places => f.key_place,
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for token in compiler.tokens(name) {
            let mut stems = vec![token.clone()];
            stems.extend(compiler.completions_in(&[f.names], &token, STEMS_PER_WORD)?);
            let distance = typo_distance(&token).max(1);
            stems.extend(compiler.neighbours_in(&[f.names], &token, distance, STEMS_PER_WORD)?);
            for stem in stems {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(f.names, &stem),
                    IndexRecordOption::WithFreqs,
                ));
                clauses.push((Occur::Should, q));
            }
        }
        let candidates = searcher.search(
            &BooleanQuery::new(clauses),
            &TopHits {
                limit: CANDIDATE_EVENTS,
                order: Order::Relevance,
                after: None,
            },
        )?;
        // key → (closeness, events, as written)
        let mut near: HashMap<String, (u8, u64, String)> = HashMap::new();
        for (_, addr) in candidates {
            for value in names_of(&searcher, addr, kind, f.place)? {
                // A place is suggested by its name alone ("Paris", not "Paris, France").
                let shown = match (kind, value.rsplit_once(", ")) {
                    (Names::Places, Some((place, _country))) => place,
                    _ => value.as_str(),
                };
                let key = compiler.key_of(shown);
                if near.contains_key(&key) {
                    continue;
                }
                if let Some(tier) = closeness(&typed, &key) {
                    let events = searcher.doc_freq(&Term::from_field_text(key_field, &key))?;
                    near.insert(key, (tier, events, shown.to_string()));
                }
            }
        }
        let mut ranked: Vec<(u8, u64, String)> = near.into_values().collect();
        ranked.sort_by(|a, b| {
            (a.0, std::cmp::Reverse(a.1), a.2.len(), &a.2).cmp(&(
                b.0,
                std::cmp::Reverse(b.1),
                b.2.len(),
                &b.2,
            ))
        });
        Ok(ranked.into_iter().take(n).map(|(_, _, v)| v).collect())
    }

    /// A word as the texts write it whose stem is `stem`: from an event that holds it,
    /// preferring an occurrence inside a sentence (where its case is its own).
    fn written(
        &self,
        searcher: &Searcher,
        compiler: &mut Compiler,
        stem: &str,
    ) -> Result<Option<String>> {
        let f = *self.fields();
        let clauses: Vec<(Occur, Box<dyn Query>)> = f
            .words()
            .iter()
            .map(|w| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(w.field, stem),
                    IndexRecordOption::Basic,
                ));
                (Occur::Should, q)
            })
            .collect();
        let Some(doc) = first_doc(searcher, &BooleanQuery::new(clauses))? else {
            return Ok(None);
        };
        let id = doc
            .get_first(f.id)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string();
        let mut texts: Vec<String> = [f.title, f.summary, f.place]
            .iter()
            .flat_map(|field| doc.get_all(*field).filter_map(|v| v.as_str()))
            .map(str::to_string)
            .collect();
        // The narrative, key points and participants are in the store.
        if let Some(e) = self.texts().and_then(|t| t(&id)) {
            texts.extend(e.body);
            texts.extend(e.key_points.iter().map(crate::schema::key_point));
            texts.extend(e.participants.into_iter().map(|p| p.name));
        }
        let mut first: Option<String> = None;
        for text in &texts {
            for (from, to) in compiler.offsets_of(text, stem) {
                let word = &text[from..to];
                let before = text[..from].trim_end();
                let opens = before.is_empty() || before.ends_with(['.', ':', '!', '?']);
                if !opens {
                    return Ok(Some(word.to_string()));
                }
                first.get_or_insert_with(|| word.to_string());
            }
        }
        Ok(first)
    }
}

/// Which names to suggest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Names {
    Participants,
    Places,
}

/// The participants of an event (from the facet column, as written), or its place labels
/// (stored).
fn names_of(
    searcher: &Searcher,
    addr: DocAddress,
    kind: Names,
    place: Field,
) -> Result<Vec<String>> {
    match kind {
        Names::Places => {
            let doc: TantivyDocument = searcher.doc(addr)?;
            Ok(doc
                .get_all(place)
                .filter_map(|v| v.as_str())
                .map(str::to_string)
                .collect())
        }
        Names::Participants => {
            let segment = searcher.segment_reader(addr.segment_ord);
            let mut out = Vec::new();
            if let Some(col) = segment
                .fast_fields()
                .str(crate::schema::fast::PARTICIPANT)?
            {
                for ord in col.term_ords(addr.doc_id) {
                    let mut name = String::new();
                    if col.ord_to_str(ord, &mut name)? {
                        out.push(name);
                    }
                }
            }
            Ok(out)
        }
    }
}

/// The first live event a query matches (oldest first).
fn first_doc(searcher: &Searcher, query: &dyn Query) -> Result<Option<TantivyDocument>> {
    let (n, top) = searcher.search(
        query,
        &(
            Count,
            TopHits {
                limit: 1,
                order: Order::DateAsc,
                after: None,
            },
        ),
    )?;
    match top.first() {
        Some((_, addr)) if n > 0 => Ok(Some(searcher.doc(*addr)?)),
        _ => Ok(None),
    }
}

/// Replace the first word or value `u` stands for (not under a negation) by `value`.
fn replace(e: &mut Expr, u: &Unmatched, value: &str) -> bool {
    match (e, u) {
        (Expr::Word(w), Unmatched::Word(typed)) if w == typed => {
            *w = value.to_string();
            true
        }
        (Expr::Filter(Filter::Participant(p)), Unmatched::Participant(typed))
        | (Expr::Filter(Filter::Place(p)), Unmatched::Place(typed))
            if p == typed =>
        {
            *p = value.to_string();
            true
        }
        (Expr::And(xs) | Expr::Or(xs), _) => xs.iter_mut().any(|x| replace(x, u, value)),
        _ => false,
    }
}

/// How near a folded value is to the folded typed one: 0, it begins with it at a word boundary;
/// 1, it holds each typed word; 2, each typed word begins one of its words; 3, it is within a
/// small edit distance, or each typed word is within the typo distance of one of its words.
/// `None`: not near (or the same).
pub fn closeness(typed: &str, value: &str) -> Option<u8> {
    if typed == value {
        return None;
    }
    if let Some(rest) = value.strip_prefix(typed) {
        if !rest.starts_with(char::is_alphanumeric) && typed.ends_with(char::is_alphanumeric) {
            return Some(0);
        }
    }
    let typed_words = || {
        typed
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    let value_words = || {
        value
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    typed_words().next()?;
    if typed_words().all(|t| value_words().any(|v| v == t)) {
        return Some(1);
    }
    let begins = |t: &str| value_words().any(|v| v == t || (t.len() >= 3 && v.starts_with(t)));
    if typed_words().all(begins) {
        return Some(2);
    }
    // Typos rarely touch a name's first letter: only values that begin like the typed one (or
    // with its first two letters swapped) are measured, which keeps a scan of every value fast.
    let whole = typo_distance(typed).max(1) as usize;
    if same_start(typed, value) && within(typed, value, whole) {
        return Some(3);
    }
    let near = |t: &str| {
        let d = typo_distance(t) as usize;
        value_words().any(|v| {
            v == t
                || (t.len() >= 3 && v.starts_with(t))
                || (d > 0 && same_start(t, v) && within(t, v, d))
        })
    };
    if typed_words().any(|t| typo_distance(t) > 0) && typed_words().all(near) {
        return Some(3);
    }
    None
}

/// Whether two words begin with the same letter, or with the same two letters swapped.
fn same_start(a: &str, b: &str) -> bool {
    let (mut a, mut b) = (a.chars(), b.chars());
    match (a.next(), b.next()) {
        (Some(x), Some(y)) if x == y => true,
        (Some(x), Some(y)) => a.next() == Some(y) && b.next() == Some(x),
        _ => false,
    }
}

/// Whether `a` and `b` are at most `k` edits apart (insertions, deletions, substitutions and
/// transpositions of neighbours, each one edit).
pub fn within(a: &str, b: &str, k: usize) -> bool {
    if a.len().abs_diff(b.len()) > 4 * k {
        return false;
    }
    if a.is_ascii() && b.is_ascii() {
        return osa_within(a.as_bytes(), b.as_bytes(), k);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    osa_within(&a, &b, k)
}

/// Optimal string alignment distance of `a` and `b` at most `k`, three rows of the matrix
/// (on the stack for up to 63 symbols).
fn osa_within<T: PartialEq>(a: &[T], b: &[T], k: usize) -> bool {
    if a.len().abs_diff(b.len()) > k {
        return false;
    }
    const STACK: usize = 64;
    let (mut s0, mut s1, mut s2) = ([0usize; STACK], [0usize; STACK], [0usize; STACK]);
    let (mut h0, mut h1, mut h2);
    let (before, previous, current): (&mut [usize], &mut [usize], &mut [usize]) = if b.len() < STACK
    {
        (
            &mut s0[..=b.len()],
            &mut s1[..=b.len()],
            &mut s2[..=b.len()],
        )
    } else {
        h0 = vec![0; b.len() + 1];
        h1 = vec![0; b.len() + 1];
        h2 = vec![0; b.len() + 1];
        (&mut h0[..], &mut h1[..], &mut h2[..])
    };
    let (mut before, mut previous, mut current) = (before, previous, current);
    for (j, p) in previous.iter_mut().enumerate() {
        *p = j;
    }
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > k {
            return false;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()] <= k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distances() {
        assert!(within("napoleon", "napolean", 1));
        assert!(within("hastigns", "hastings", 1));
        assert!(!within("napoleon", "napolaen", 1));
        assert!(within("napoleon", "napolaen", 2));
        assert!(within("", "ab", 2) && !within("", "abc", 2));
        assert!(within("münster", "munster", 1));
        assert!(same_start("napoleon", "anpoleon") && !same_start("napoleon", "bonaparte"));
    }

    #[test]
    fn closeness_tiers() {
        assert_eq!(closeness("napoleon", "napoleon bonaparte"), Some(0));
        assert_eq!(closeness("napoleon", "napoleon"), None);
        assert_eq!(closeness("napoleon", "napoleonic wars"), Some(2));
        assert_eq!(closeness("bonaparte", "napoleon bonaparte"), Some(1));
        assert_eq!(closeness("napol", "napoleon bonaparte"), Some(2));
        assert_eq!(
            closeness("napolean bonaparte", "napoleon bonaparte"),
            Some(3)
        );
        assert_eq!(closeness("napolean", "napoleon bonaparte"), Some(3));
        assert_eq!(closeness("paris", "paris, france"), Some(0));
        assert_eq!(closeness("rome", "rome, italy"), Some(0));
        assert_eq!(closeness("rom", "rome, italy"), Some(2));
        assert_eq!(closeness("xyz", "napoleon bonaparte"), None);
        assert_eq!(closeness("leo", "pope leo iii"), Some(1));
        assert_eq!(closeness("", "anything"), None);
    }

    #[test]
    fn corrections_replace_the_first_positive_match() {
        let mut r =
            annals_query::parse("participant:Napoleon -participant:Napoleon battle").unwrap();
        assert!(replace(
            &mut r.expr,
            &Unmatched::Participant("Napoleon".into()),
            "Napoleon Bonaparte"
        ));
        assert_eq!(
            r.to_string(),
            "participant:\"Napoleon Bonaparte\" -participant:Napoleon battle"
        );
        let mut r = annals_query::parse("Hastigns OR treaty").unwrap();
        assert!(replace(
            &mut r.expr,
            &Unmatched::Word("Hastigns".into()),
            "Hastings"
        ));
        assert_eq!(r.to_string(), "Hastings OR treaty");
    }
}

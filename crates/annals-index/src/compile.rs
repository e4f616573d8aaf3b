//! The query language's tree as a tantivy query.
//!
//! Words are analysed like the indexed text (English stemming, diacritics folded) and match any
//! of the four word fields, each with its weight ([`crate::schema::WEIGHTS`]: title, summary,
//! body, names). A word is also analysed in each language of [`crate::schema::STEMMED`] and
//! matches that language's field in events where the English fields do not match it (so that
//! "Krönungen" finds a German "Krönung", and an English word shared by texts in several
//! languages ranks each event once, by its English fields). A word that occurs nowhere is matched with typo tolerance: edit distance 1 for
//! words of 5–8 characters, 2 for longer ones. Filters are constant-score clauses that do not
//! change the ranking.
//!
//! Compiling also notes what a hit can show and what a suggestion needs: the stems that the
//! words of the query matched with ([`Compiler::marks`], what snippets mark), the filters on
//! participants, places and tags ([`Compiler::named`]), and the words and filters that match
//! no event at all ([`Compiler::unmatched`], what "did you mean" corrects).

use crate::areas::Shape;
use crate::schema::{Fields, KEYS, WEIGHTS, WORDS};
use crate::{IndexError, Result};
use annals_core::profile::Kind;
use annals_query::{Expr, Filter};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, EmptyQuery,
    FuzzyTermQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

/// Most corrections of a mistyped word that a query tries.
const CORRECTIONS: usize = 8;
/// Most indexed stems within the edit distance of a mistyped word that it matches (the most
/// frequent).
const NEIGHBOURS: usize = 32;
/// The score of a match through a neighbour of a mistyped word (see [`Compiler::term`]).
const NEIGHBOUR_SCORE: f32 = 1.0;

/// Something in a query that matches no event on its own (not under a negation).
#[derive(Debug, Clone, PartialEq)]
pub enum Unmatched {
    /// A word, as written in the query, none of whose stems (corrections included) is
    /// indexed.
    Word(String),
    /// A `participant:` value that no event has.
    Participant(String),
    /// A `place:` value that no event has.
    Place(String),
}

/// A filter on a name that the query asks for (not under a negation).
#[derive(Debug, Clone, PartialEq)]
pub enum Named {
    /// `participant:`
    Participant(String),
    /// `place:`
    Place(String),
    /// `tag:`
    Tag(String),
}

/// Turns trees into queries for one searcher (it needs document frequencies for typo tolerance).
pub struct Compiler<'a> {
    fields: &'a Fields,
    searcher: &'a Searcher,
    words: TextAnalyzer,
    keys: TextAnalyzer,
    /// The field and analyzer of each language of [`crate::schema::STEMMED`].
    languages: Vec<(Field, TextAnalyzer)>,
    /// How many negations enclose the clause being compiled.
    negated: usize,
    marks: Vec<Vec<String>>,
    named: Vec<Named>,
    unmatched: Vec<Unmatched>,
    /// Document frequencies looked up so far.
    freqs: std::collections::HashMap<Term, u64>,
    /// Other names of participants (see [`crate::aliases`]).
    aliases: Option<std::sync::Arc<crate::aliases::Aliases>>,
    /// The terms of each word's union (see [`Compiler::plain_words`]).
    unions: Vec<Vec<(Term, f32)>>,
    /// Whether every word compiled is a plain union of terms.
    plain: bool,
}

/// `query`, compiled from `e`, ready to rank its matches by score: without words every match
/// scores the same whatever segment holds it (tantivy scores an intersection differently in a
/// segment where a clause matches every document, so the order of equal matches would follow
/// the index's segment layout instead of the tie-breaker).
pub fn ranked(e: &Expr, query: Box<dyn Query>) -> Box<dyn Query> {
    if has_text(e) {
        query
    } else {
        Box::new(ConstScoreQuery::new(query, 1.0))
    }
}

/// Whether a tree has words or phrases that count towards relevance (not under a negation).
pub fn has_text(e: &Expr) -> bool {
    match e {
        Expr::Word(_) | Expr::Phrase(_) => true,
        Expr::And(xs) | Expr::Or(xs) => xs.iter().any(has_text),
        _ => false,
    }
}

impl<'a> Compiler<'a> {
    /// A compiler for `searcher` over an index with our analyzers.
    pub fn new(
        index: &tantivy::Index,
        fields: &'a Fields,
        searcher: &'a Searcher,
    ) -> Result<Compiler<'a>> {
        let get = |name: &str| {
            index
                .tokenizers()
                .get(name)
                .ok_or_else(|| IndexError::Query(format!("analyzer {name} is not registered")))
        };
        // Only the languages the index holds texts in: an English corpus pays nothing.
        let mut languages = Vec::new();
        for (i, (code, _)) in crate::schema::STEMMED.iter().enumerate() {
            let field = fields.languages[i];
            if holds_terms(searcher, field)? {
                languages.push((field, get(&crate::schema::analyzer_name(code))?));
            }
        }
        Ok(Compiler {
            fields,
            searcher,
            words: get(WORDS)?,
            keys: get(KEYS)?,
            languages,
            negated: 0,
            marks: Vec::new(),
            named: Vec::new(),
            unmatched: Vec::new(),
            freqs: Default::default(),
            aliases: None,
            unions: Vec::new(),
            plain: true,
        })
    }

    /// Let `participant:` match every other name of a participant too.
    pub fn with_aliases(mut self, aliases: std::sync::Arc<crate::aliases::Aliases>) -> Self {
        self.aliases = Some(aliases);
        self
    }

    /// The stems that the words and phrases of the compiled trees match with, except those
    /// under a negation: what a snippet marks. One group per word (its stem, and the indexed
    /// stems a typo tolerance matched for it) or per word of a phrase.
    pub fn marks(&self) -> &[Vec<String>] {
        &self.marks
    }

    /// When every word of the compiled trees is matched by a plain union of terms (no phrase,
    /// no typo neighbour, no other language): the terms of each word's union with their
    /// weights, in the union's order. A match of the word scores the sum of its terms' BM25
    /// scores, added in this order.
    pub fn plain_words(&self) -> Option<&[Vec<(Term, f32)>]> {
        self.plain.then_some(&self.unions[..])
    }

    /// The participant, place and tag filters of the compiled trees, except those under a
    /// negation.
    pub fn named(&self) -> &[Named] {
        &self.named
    }

    /// The words and participant and place filters of the compiled trees that match no event
    /// on their own, except those under a negation.
    pub fn unmatched(&self) -> &[Unmatched] {
        &self.unmatched
    }

    /// The folded key of a filter value, as the filter fields hold it.
    pub fn key_of(&mut self, value: &str) -> String {
        self.key(value)
    }

    /// How many events hold `token` in any word field (the largest of the fields' counts).
    pub fn doc_freq(&mut self, token: &str) -> Result<u64> {
        let mut most = 0;
        for w in self.fields.words() {
            most = most.max(self.field_freq(&Term::from_field_text(w.field, token))?);
        }
        Ok(most)
    }

    /// How many events hold a term (looked up once per compiler).
    fn field_freq(&mut self, term: &Term) -> Result<u64> {
        if let Some(n) = self.freqs.get(term) {
            return Ok(*n);
        }
        let n = self.searcher.doc_freq(term)?;
        self.freqs.insert(term.clone(), n);
        Ok(n)
    }

    /// The tokens of a text under the word analyzer.
    pub fn tokens(&mut self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut stream = self.words.token_stream(text);
        while let Some(t) = stream.next() {
            out.push(t.text.clone());
        }
        out
    }

    /// The byte ranges of the tokens of `text` whose stem is `stem`.
    pub fn offsets_of(&mut self, text: &str, stem: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut stream = self.words.token_stream(text);
        while let Some(t) = stream.next() {
            if t.text == stem {
                out.push((t.offset_from, t.offset_to));
            }
        }
        out
    }

    fn key(&mut self, text: &str) -> String {
        let mut stream = self.keys.token_stream(text.trim());
        stream.next().map(|t| t.text.clone()).unwrap_or_default()
    }

    /// Compile a tree.
    pub fn compile(&mut self, e: &Expr) -> Result<Box<dyn Query>> {
        Ok(match e {
            Expr::All => Box::new(AllQuery),
            Expr::Word(w) => self.word(w)?,
            Expr::Phrase(p) => self.phrase(p)?,
            Expr::Filter(f) => Box::new(ConstScoreQuery::new(self.filter(f)?, 0.0)),
            Expr::Not(x) => {
                let inner = self.negated(x)?;
                Box::new(BooleanQuery::new(vec![
                    (Occur::Must, Box::new(AllQuery)),
                    (Occur::MustNot, inner),
                ]))
            }
            Expr::And(xs) => {
                let (mut musts, mut nots) = (Vec::new(), Vec::new());
                for x in xs {
                    match x {
                        Expr::Not(inner) => nots.push((Occur::MustNot, self.negated(inner)?)),
                        other => musts.push(self.compile(other)?),
                    }
                }
                // Intersections of two clauses, nested: tantivy adds the scores of three or
                // more in the order of their costs, which differ from segment to segment;
                // the sum of two is the same in either order, so a match scores the same
                // wherever it is, and [`crate::prune`] can score it the same way.
                let mut required: Box<dyn Query> =
                    musts.pop().unwrap_or_else(|| Box::new(AllQuery));
                while let Some(m) = musts.pop() {
                    required = Box::new(BooleanQuery::new(vec![
                        (Occur::Must, m),
                        (Occur::Must, required),
                    ]));
                }
                if nots.is_empty() {
                    required
                } else {
                    nots.insert(0, (Occur::Must, required));
                    Box::new(BooleanQuery::new(nots))
                }
            }
            Expr::Or(xs) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for x in xs {
                    clauses.push((Occur::Should, self.compile(x)?));
                }
                Box::new(BooleanQuery::new(clauses))
            }
        })
    }

    fn negated(&mut self, e: &Expr) -> Result<Box<dyn Query>> {
        self.negated += 1;
        let compiled = self.compile(e);
        self.negated -= 1;
        compiled
    }

    fn word(&mut self, word: &str) -> Result<Box<dyn Query>> {
        let tokens = self.tokens(word);
        let elsewhere = self.in_languages(word)?;
        let english = match tokens.len() {
            0 => {
                self.plain = false;
                return Ok(nothing_indexed(word));
            }
            // A word found in another language's field is no typo.
            1 if elsewhere.is_empty() => {
                let typed: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
                let typed = self.key(&typed);
                self.term(&tokens[0], Some((word, &typed)))?
            }
            1 => self.term(&tokens[0], None)?,
            _ => self.phrase_of(&tokens),
        };
        if !elsewhere.is_empty() {
            self.plain = false;
        }
        Ok(or_elsewhere(english, elsewhere))
    }

    /// `text` in the field of each language of [`crate::schema::STEMMED`] that holds its stems
    /// (a stem, or stems in this order), each with the languages' weight.
    fn in_languages(&mut self, text: &str) -> Result<Vec<Box<dyn Query>>> {
        let mut found: Vec<Box<dyn Query>> = Vec::new();
        for i in 0..self.languages.len() {
            let (field, analyzer) = &mut self.languages[i];
            let field = *field;
            let mut terms = Vec::new();
            {
                let mut stream = analyzer.token_stream(text);
                while let Some(t) = stream.next() {
                    terms.push(Term::from_field_text(field, &t.text));
                }
            }
            let mut held = !terms.is_empty();
            for term in &terms {
                held = held && self.field_freq(term)? > 0;
            }
            if !held {
                continue;
            }
            let query: Box<dyn Query> = match terms.len() {
                1 => Box::new(TermQuery::new(
                    terms.remove(0),
                    IndexRecordOption::WithFreqs,
                )),
                _ => Box::new(PhraseQuery::new(terms)),
            };
            found.push(Box::new(BoostQuery::new(query, WEIGHTS.languages)));
        }
        Ok(found)
    }

    /// A stemmed token; with `typed` (the word as written, and lowercased and folded), typo
    /// tolerant when the token occurs nowhere.
    fn term(&mut self, token: &str, typed: Option<(&str, &str)>) -> Result<Box<dyn Query>> {
        let mut stems = vec![token.to_string()];
        // Typo tolerance for longer words that occur nowhere. The index holds stems only (one
        // copy of the text), so the typed word is matched two ways:
        // - a typo can defeat the stemmer ("Hastigns" keeps its ending, and "Hastings" stems to
        //   "hast"), so the words one edit from the typed one are stemmed in turn, and those
        //   stems that the index holds match, ranked like the word itself: these corrections
        //   are what the typist most likely meant;
        // - its stem against indexed stems within an edit distance, a transposition counting
        //   as one ("Constantinpole" and "Constantinople" stem to "constantinpol" and
        //   "constantinopl"): these neighbours match with a small constant score, so that a
        //   rare neighbour ("Lindon" for "Lincon") does not outrank the likely correction
        //   ("Lincoln") on its rarity.
        // Both are indexed stems, marked in snippets like any other.
        let mut neighbours = Vec::new();
        if let Some((written, typed)) = typed {
            let distance = typo_distance(typed);
            if self.doc_freq(token)? == 0 {
                if distance > 0 {
                    for stem in self.corrections(typed, token)? {
                        push_new(&mut stems, stem);
                    }
                    for stem in self.neighbours(token, distance, NEIGHBOURS)? {
                        if !stems.contains(&stem) {
                            push_new(&mut neighbours, stem);
                        }
                    }
                }
                if stems.len() == 1 && neighbours.is_empty() && self.negated == 0 {
                    self.unmatched.push(Unmatched::Word(written.to_string()));
                }
            }
        }
        if self.negated == 0 {
            self.marks
                .push(stems.iter().chain(&neighbours).cloned().collect());
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut terms = Vec::new();
        for stem in &stems {
            for w in self.fields.words() {
                let term = Term::from_field_text(w.field, stem);
                // A field that never holds the stem adds nothing but the cost of a scorer.
                if self.field_freq(&term)? == 0 {
                    continue;
                }
                terms.push((term.clone(), w.weight));
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(
                        Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                        w.weight,
                    )),
                ));
            }
        }
        if !neighbours.is_empty() {
            self.plain = false;
        }
        if self.negated == 0 {
            self.unions.push(terms);
        }
        for stem in &neighbours {
            let any_field: Vec<(Occur, Box<dyn Query>)> = self
                .fields
                .words()
                .iter()
                .map(|w| {
                    let term = Term::from_field_text(w.field, stem);
                    let q: Box<dyn Query> =
                        Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                    (Occur::Should, q)
                })
                .collect();
            clauses.push((
                Occur::Should,
                Box::new(ConstScoreQuery::new(
                    Box::new(BooleanQuery::new(any_field)),
                    NEIGHBOUR_SCORE,
                )),
            ));
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// The indexed stems (in any word field) within `distance` edits of `token`, a
    /// transposition counting as one, other than `token`; the most frequent first, at most
    /// `limit`.
    pub fn neighbours(&self, token: &str, distance: u8, limit: usize) -> Result<Vec<String>> {
        let fields: Vec<Field> = self.fields.words().iter().map(|w| w.field).collect();
        self.neighbours_in(&fields, token, distance, limit)
    }

    /// [`Compiler::neighbours`] in the given fields.
    pub fn neighbours_in(
        &self,
        fields: &[Field],
        token: &str,
        distance: u8,
        limit: usize,
    ) -> Result<Vec<String>> {
        let probe = FuzzyTermQuery::new(
            Term::from_field_text(self.fields.title, token),
            distance,
            true,
        );
        let mut found: std::collections::HashMap<String, u64> = Default::default();
        for segment in self.searcher.segment_readers() {
            for field in fields {
                let inverted = segment.inverted_index(*field)?;
                let mut stream = inverted.terms().search(probe.automaton()?).into_stream()?;
                while stream.advance() {
                    if let Ok(stem) = std::str::from_utf8(stream.key()) {
                        if stem != token {
                            let n = found.entry(stem.to_string()).or_default();
                            *n = (*n).max(u64::from(stream.value().doc_freq));
                        }
                    }
                }
            }
        }
        Ok(most_frequent(found, limit))
    }

    /// Indexed stems in the given fields that begin with `token` (other than it), the most
    /// frequent first, at most `limit`.
    pub fn completions_in(
        &self,
        fields: &[Field],
        token: &str,
        limit: usize,
    ) -> Result<Vec<String>> {
        let mut found: std::collections::HashMap<String, u64> = Default::default();
        for segment in self.searcher.segment_readers() {
            for field in fields {
                let inverted = segment.inverted_index(*field)?;
                let mut terms = inverted
                    .terms()
                    .range()
                    .ge(token.as_bytes())
                    .into_stream()?;
                while terms.advance() {
                    let key = terms.key();
                    if !key.starts_with(token.as_bytes()) {
                        break;
                    }
                    if let Ok(stem) = std::str::from_utf8(key) {
                        if stem != token {
                            let n = found.entry(stem.to_string()).or_default();
                            *n = (*n).max(u64::from(terms.value().doc_freq));
                        }
                    }
                }
            }
        }
        Ok(most_frequent(found, limit))
    }

    /// The indexed stems of the words one edit from `typed`, other than `token` (the typed
    /// word's own stem), the most frequent first, at most [`CORRECTIONS`]. A letter missing,
    /// doubled or two letters swapped are tried first; a letter changed only when those find
    /// nothing, since stemming a changed ending is where false friends come from ("waterlo"
    /// → "waterly" → "water").
    fn corrections(&mut self, typed: &str, token: &str) -> Result<Vec<String>> {
        let chars: Vec<char> = typed.chars().collect();
        let (mut likely, mut changed) = (Vec::new(), Vec::new());
        for i in 0..=chars.len() {
            let (head, tail) = chars.split_at(i);
            let word = |middle: &[char], rest: &[char]| -> String {
                head.iter().chain(middle).chain(rest).collect()
            };
            for letter in 'a'..='z' {
                likely.push(word(&[letter], tail));
                if let Some((_, rest)) = tail.split_first() {
                    changed.push(word(&[letter], rest));
                }
            }
            if let Some((_, rest)) = tail.split_first() {
                likely.push(word(&[], rest));
            }
            if let [a, b, rest @ ..] = tail {
                likely.push(word(&[*b, *a], rest));
            }
        }
        let mut found = self.indexed_stems(likely, token)?;
        if found.is_empty() {
            found = self.indexed_stems(changed, token)?;
        }
        found.sort_by(|a, b| b.cmp(a));
        Ok(found
            .into_iter()
            .take(CORRECTIONS)
            .map(|(_, s)| s)
            .collect())
    }

    /// The distinct stems of `words` that the index holds, other than `token`, with their
    /// document frequencies.
    fn indexed_stems(&mut self, words: Vec<String>, token: &str) -> Result<Vec<(u64, String)>> {
        let mut seen = std::collections::HashSet::new();
        let mut found = Vec::new();
        for word in words {
            let stem = match self.tokens(&word).as_slice() {
                [stem] if stem != token => stem.clone(),
                _ => continue,
            };
            if !seen.insert(stem.clone()) {
                continue;
            }
            let n = self.doc_freq(&stem)?;
            if n > 0 {
                found.push((n, stem));
            }
        }
        Ok(found)
    }

    fn phrase(&mut self, phrase: &str) -> Result<Box<dyn Query>> {
        self.plain = false;
        let tokens = self.tokens(phrase);
        let english = match tokens.len() {
            0 => return Ok(nothing_indexed(phrase)),
            1 => self.term(&tokens[0], None)?,
            _ => self.phrase_of(&tokens),
        };
        let elsewhere = self.in_languages(phrase)?;
        Ok(or_elsewhere(english, elsewhere))
    }

    /// The tokens in this order in any word field (each field with its weight).
    fn phrase_of(&mut self, tokens: &[String]) -> Box<dyn Query> {
        self.plain = false;
        if self.negated == 0 {
            self.marks.extend(tokens.iter().map(|t| vec![t.clone()]));
        }
        let clauses: Vec<(Occur, Box<dyn Query>)> = self
            .fields
            .words()
            .into_iter()
            .map(|w| {
                let terms: Vec<Term> = tokens
                    .iter()
                    .map(|t| Term::from_field_text(w.field, t))
                    .collect();
                let phrase: Box<dyn Query> = Box::new(PhraseQuery::new(terms));
                (
                    Occur::Should,
                    Box::new(BoostQuery::new(phrase, w.weight)) as Box<dyn Query>,
                )
            })
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }

    fn key_term(&mut self, field: Field, value: &str) -> Box<dyn Query> {
        let key = self.key(value);
        if key.is_empty() {
            return Box::new(EmptyQuery);
        }
        Box::new(TermQuery::new(
            Term::from_field_text(field, &key),
            IndexRecordOption::Basic,
        ))
    }

    /// Every name of a participant or place that has other names (its own first).
    fn other_names(&self, kind: Kind, name: &str) -> Option<Vec<String>> {
        self.aliases
            .as_deref()
            .and_then(|a| a.names(kind, name))
            .map(<[String]>::to_vec)
    }

    /// Events with any of `names` in a key field.
    fn any_key(&mut self, field: Field, names: &[String]) -> Box<dyn Query> {
        Box::new(BooleanQuery::new(
            names
                .iter()
                .map(|n| (Occur::Should, self.key_term(field, n)))
                .collect(),
        ))
    }

    /// A filter as a query (scores are ignored by the caller).
    pub fn filter(&mut self, f: &Filter) -> Result<Box<dyn Query>> {
        let f_ = *self.fields;
        Ok(match f {
            Filter::Date { range, mode } => {
                if range.lo == i64::MIN && range.hi == i64::MAX {
                    Box::new(AllQuery)
                } else {
                    Box::new(crate::spans::DateWindow {
                        field: f_.span,
                        lo: range.lo,
                        hi: range.hi,
                        mode: *mode,
                    })
                }
            }
            Filter::Place(p) => match self.other_names(Kind::Place, p) {
                // Any name of the place: "Constantinople" finds "Istanbul, Turkey" too.
                Some(names) => {
                    if self.negated == 0 {
                        self.named.push(Named::Place(p.clone()));
                    }
                    self.any_key(f_.key_place, &names)
                }
                None => {
                    self.note_name(f_.key_place, p, Named::Place, Unmatched::Place)?;
                    self.key_term(f_.key_place, p)
                }
            },
            Filter::Country(c) => self.key_term(f_.key_country, c),
            Filter::Participant(p) => {
                match self.other_names(Kind::Participant, p) {
                    // Any name of the participant: "USA" finds "United States" too.
                    Some(names) => {
                        if self.negated == 0 {
                            self.named.push(Named::Participant(p.clone()));
                        }
                        self.any_key(f_.key_participant, &names)
                    }
                    None => {
                        self.note_name(
                            f_.key_participant,
                            p,
                            Named::Participant,
                            Unmatched::Participant,
                        )?;
                        self.key_term(f_.key_participant, p)
                    }
                }
            }
            Filter::Tag(t) => {
                if self.negated == 0 {
                    self.named.push(Named::Tag(t.clone()));
                }
                self.key_term(f_.key_tag, t)
            }
            Filter::Id(id) => Box::new(TermQuery::new(
                Term::from_field_text(f_.id, id),
                IndexRecordOption::Basic,
            )),
            Filter::Bbox {
                south,
                west,
                north,
                east,
            } => self.area(Shape::Bbox {
                south: *south,
                west: *west,
                north: *north,
                east: *east,
            }),
            Filter::Near {
                lat,
                lon,
                radius_km,
            } => self.area(Shape::Near {
                lat: *lat,
                lon: *lon,
                radius: *radius_km,
            }),
        })
    }
}

impl Compiler<'_> {
    /// The events with a located place in `shape`.
    fn area(&self, shape: Shape) -> Box<dyn Query> {
        Box::new(crate::areas::Area {
            field: self.fields.area,
            shape,
        })
    }

    /// Note a participant or place filter (not under a negation), and whether its value
    /// matches no event.
    fn note_name(
        &mut self,
        field: Field,
        value: &str,
        named: fn(String) -> Named,
        unmatched: fn(String) -> Unmatched,
    ) -> Result<()> {
        if self.negated > 0 {
            return Ok(());
        }
        self.named.push(named(value.to_string()));
        let key = self.key(value);
        if self
            .searcher
            .doc_freq(&Term::from_field_text(field, &key))?
            == 0
        {
            self.unmatched.push(unmatched(value.to_string()));
        }
        Ok(())
    }
}

/// How many edits a typed word (lowercased, folded) may be off by: none for words of up to 4
/// characters, 1 for 5–8, 2 for longer ones.
pub fn typo_distance(typed: &str) -> u8 {
    match typed.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// The `limit` most frequent of `found` (stem → events), ties in alphabetical order.
fn most_frequent(found: std::collections::HashMap<String, u64>, limit: usize) -> Vec<String> {
    let mut found: Vec<(u64, String)> = found.into_iter().map(|(s, n)| (n, s)).collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    found.into_iter().take(limit).map(|(_, s)| s).collect()
}

fn push_new(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// Mean radius of the Earth, km.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance in km (haversine).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

/// Whether any segment holds terms in `field`.
fn holds_terms(searcher: &Searcher, field: Field) -> Result<bool> {
    for segment in searcher.segment_readers() {
        if segment.inverted_index(field)?.terms().num_terms() > 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

/// What matches `english`, scored by it, or else one of the `elsewhere` (the best of them).
fn or_elsewhere(english: Box<dyn Query>, elsewhere: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if elsewhere.is_empty() {
        return english;
    }
    let only_elsewhere = BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(DisjunctionMaxQuery::new(elsewhere)) as Box<dyn Query>,
        ),
        (Occur::MustNot, english.box_clone()),
    ]);
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, english),
        (Occur::Should, Box::new(only_elsewhere)),
    ]))
}

/// What a word that gives no token means: punctuation alone constrains nothing; a word of
/// letters or digits gives none only when it is longer than any indexed word (40 bytes), so
/// it matches nothing.
fn nothing_indexed(word: &str) -> Box<dyn Query> {
    if word.chars().any(char::is_alphanumeric) {
        Box::new(EmptyQuery)
    } else {
        Box::new(AllQuery)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        // Tokyo to Osaka is about 400 km.
        let d = distance_km(35.68, 139.69, 34.69, 135.50);
        assert!((390.0..410.0).contains(&d), "{d}");
        assert!(distance_km(0.0, 179.5, 0.0, -179.5) < 120.0);
        assert_eq!(distance_km(10.0, 10.0, 10.0, 10.0), 0.0);
    }
}

//! The query language's tree as a tantivy query.
//!
//! Words are analysed like the indexed text (English stemming, diacritics folded) and match the
//! title (boosted) or the text. A word that occurs nowhere is matched with typo tolerance: edit
//! distance 1 for words of 5–8 characters, 2 for longer ones. Filters are constant-score clauses
//! that do not change the ranking.

use crate::schema::{Fields, KEYS, WORDS};
use crate::{IndexError, Result};
use annals_query::{DateMode, Expr, Filter};
use std::ops::Bound;
use std::sync::Arc;
use tantivy::query::doc_predicate_query::{DocPredicateQuery, FunctionPredicate};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, FuzzyTermQuery, Occur,
    PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

/// Most corrections of a mistyped word that a query tries.
const CORRECTIONS: usize = 8;

/// Turns trees into queries for one searcher (it needs document frequencies for typo tolerance).
pub struct Compiler<'a> {
    fields: &'a Fields,
    searcher: &'a Searcher,
    words: TextAnalyzer,
    keys: TextAnalyzer,
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
        Ok(Compiler {
            fields,
            searcher,
            words: get(WORDS)?,
            keys: get(KEYS)?,
        })
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
                let inner = self.compile(x)?;
                Box::new(BooleanQuery::new(vec![
                    (Occur::Must, Box::new(AllQuery)),
                    (Occur::MustNot, inner),
                ]))
            }
            Expr::And(xs) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for x in xs {
                    match x {
                        Expr::Not(inner) => clauses.push((Occur::MustNot, self.compile(inner)?)),
                        other => clauses.push((Occur::Must, self.compile(other)?)),
                    }
                }
                if !clauses.iter().any(|(o, _)| *o == Occur::Must) {
                    clauses.push((Occur::Must, Box::new(AllQuery)));
                }
                Box::new(BooleanQuery::new(clauses))
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

    fn word(&mut self, word: &str) -> Result<Box<dyn Query>> {
        let tokens = self.tokens(word);
        match tokens.len() {
            0 => Ok(nothing_indexed(word)),
            1 => {
                let typed: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
                let typed = self.key(&typed);
                self.term(&tokens[0], Some(&typed))
            }
            _ => Ok(self.phrase_of(&tokens)),
        }
    }

    /// A stemmed token; with `typed` (the word as typed, lowercased and folded), typo tolerant
    /// when the token occurs nowhere.
    fn term(&mut self, token: &str, typed: Option<&str>) -> Result<Box<dyn Query>> {
        let text = Term::from_field_text(self.fields.text, token);
        let title = Term::from_field_text(self.fields.title, token);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
            (
                Occur::Should,
                Box::new(TermQuery::new(text.clone(), IndexRecordOption::WithFreqs)),
            ),
            (
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(TermQuery::new(title, IndexRecordOption::WithFreqs)),
                    2.0,
                )),
            ),
        ];
        // Typo tolerance for longer words that occur nowhere. The index holds stems only (one
        // copy of the text), so the typed word is matched two ways:
        // - its stem against indexed stems within an edit distance, a transposition counting
        //   as one: "Constantinpole" and "Constantinople" stem to "constantinpol" and
        //   "constantinopl", one transposition apart;
        // - a typo can defeat the stemmer ("Hastigns" keeps its ending, and "Hastings" stems to
        //   "hast"), so the words one edit from the typed one are stemmed in turn, and those
        //   stems that the index holds match too.
        if let Some(typed) = typed {
            let distance = match typed.chars().count() {
                0..=4 => 0,
                5..=8 => 1,
                _ => 2,
            };
            if distance > 0 && self.searcher.doc_freq(&text)? == 0 {
                for stem in self.corrections(typed, token)? {
                    let term = Term::from_field_text(self.fields.text, &stem);
                    clauses.push((
                        Occur::Should,
                        Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                    ));
                }
                clauses.push((
                    Occur::Should,
                    Box::new(FuzzyTermQuery::new(text, distance, true)),
                ));
            }
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
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
            let n = self
                .searcher
                .doc_freq(&Term::from_field_text(self.fields.text, &stem))?;
            if n > 0 {
                found.push((n, stem));
            }
        }
        Ok(found)
    }

    fn phrase(&mut self, phrase: &str) -> Result<Box<dyn Query>> {
        let tokens = self.tokens(phrase);
        Ok(match tokens.len() {
            0 => nothing_indexed(phrase),
            1 => self.term(&tokens[0], None)?,
            _ => self.phrase_of(&tokens),
        })
    }

    fn phrase_of(&self, tokens: &[String]) -> Box<dyn Query> {
        let terms: Vec<Term> = tokens
            .iter()
            .map(|t| Term::from_field_text(self.fields.text, t))
            .collect();
        Box::new(PhraseQuery::new(terms))
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

    /// A filter as a query (scores are ignored by the caller).
    pub fn filter(&mut self, f: &Filter) -> Result<Box<dyn Query>> {
        let f_ = *self.fields;
        Ok(match f {
            Filter::Date { range, mode } => {
                let (lo, hi) = (range.lo, range.hi);
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                let at_most = |field: Field, v: i64| -> Box<dyn Query> {
                    Box::new(RangeQuery::new(
                        Bound::Unbounded,
                        Bound::Included(Term::from_field_i64(field, v)),
                    ))
                };
                let at_least = |field: Field, v: i64| -> Box<dyn Query> {
                    Box::new(RangeQuery::new(
                        Bound::Included(Term::from_field_i64(field, v)),
                        Bound::Unbounded,
                    ))
                };
                match mode {
                    DateMode::Overlap => {
                        if hi != i64::MAX {
                            clauses.push((Occur::Must, at_most(f_.lo, hi)));
                        }
                        if lo != i64::MIN {
                            clauses.push((Occur::Must, at_least(f_.hi, lo)));
                        }
                    }
                    DateMode::Within => {
                        if lo != i64::MIN {
                            clauses.push((Occur::Must, at_least(f_.lo, lo)));
                        }
                        if hi != i64::MAX {
                            clauses.push((Occur::Must, at_most(f_.hi, hi)));
                        }
                    }
                }
                if clauses.is_empty() {
                    Box::new(AllQuery)
                } else {
                    Box::new(BooleanQuery::new(clauses))
                }
            }
            Filter::Place(p) => self.key_term(f_.key_place, p),
            Filter::Country(c) => self.key_term(f_.key_country, c),
            Filter::Participant(p) => self.key_term(f_.key_participant, p),
            Filter::Tag(t) => self.key_term(f_.key_tag, t),
            Filter::Id(id) => Box::new(TermQuery::new(
                Term::from_field_text(f_.id, id),
                IndexRecordOption::Basic,
            )),
            Filter::Bbox {
                south,
                west,
                north,
                east,
            } => {
                let (s_, w, n, e) = (*south, *west, *north, *east);
                let band = range_f64(f_.lat, s_, n);
                located(&f_, band, move |lat, lon| {
                    let lon_ok = if w <= e {
                        (w..=e).contains(&lon)
                    } else {
                        lon >= w || lon <= e
                    };
                    (s_..=n).contains(&lat) && lon_ok
                })
            }
            Filter::Near {
                lat,
                lon,
                radius_km,
            } => near(&f_, *lat, *lon, *radius_km),
        })
    }
}

fn range_f64(field: Field, lo: f64, hi: f64) -> Box<dyn Query> {
    Box::new(RangeQuery::new(
        Bound::Included(Term::from_field_f64(field, lo)),
        Bound::Included(Term::from_field_f64(field, hi)),
    ))
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

/// Events with a located place for which `test(lat, lon)` holds: `band` (a latitude range)
/// narrows the candidates, then the places are tested pairwise.
fn located(
    f: &Fields,
    band: Box<dyn Query>,
    test: impl Fn(f64, f64) -> bool + Clone + Send + Sync + 'static,
) -> Box<dyn Query> {
    let _ = f;
    let predicate = FunctionPredicate::from(move |segment: &tantivy::SegmentReader| {
        let lats = Arc::new(segment.fast_fields().f64(crate::schema::fast::LAT)?);
        let lons = Arc::new(segment.fast_fields().f64(crate::schema::fast::LON)?);
        let test = test.clone();
        Ok(move |doc: tantivy::DocId| {
            lats.values_for_doc(doc)
                .zip(lons.values_for_doc(doc))
                .any(|(a, b)| test(a, b))
        })
    });
    let exact: Box<dyn Query> = Box::new(DocPredicateQuery::from(predicate));
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, band),
        (Occur::Must, exact),
    ]))
}

/// Events with a located place within `radius` km.
fn near(f: &Fields, lat: f64, lon: f64, radius: f64) -> Box<dyn Query> {
    let dlat = (radius / EARTH_RADIUS_KM).to_degrees();
    let band = range_f64(f.lat, (lat - dlat).max(-90.0), (lat + dlat).min(90.0));
    located(f, band, move |a, b| distance_km(lat, lon, a, b) <= radius)
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

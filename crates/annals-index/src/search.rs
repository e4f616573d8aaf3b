//! Searching: one query string in, ranked hits with snippets, a total, facet counts and a cursor
//! out; and, when nothing matches, suggestions.

use crate::collect::{keep_top, FacetCounts, Order, RankKey, TopHits};
use crate::compile::{has_text, Compiler};
use crate::highlight::{Excerpt, Marker, Matched};
use crate::suggest::Suggestion;
use crate::{IndexError, Result, SearchIndex};
use annals_core::json::DateJson;
use annals_dates::{Calendar, When};
use annals_query::{Expr, Request, Sort};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::collections::HashMap;
use tantivy::collector::Count;
use tantivy::schema::Value;
use tantivy::{DocAddress, Searcher, TantivyDocument};

/// How to search.
#[derive(Debug, Clone)]
pub struct SearchOptions {
    /// Hits per page (at least 1).
    pub limit: usize,
    /// Resume after this cursor (from a previous result's `next_cursor`).
    pub cursor: Option<String>,
    /// Compute facet counts.
    pub facets: bool,
    /// Values per facet.
    pub facet_size: usize,
    /// Count the facets over about this many matches when there are more: one match in `n`,
    /// chosen by a hash of its document, the counts scaled back (estimates, said in
    /// [`SearchResult::facets_estimated`]). `None`: over every match.
    pub facet_sample: Option<u64>,
    /// Rank a query of several words alone in one pass that scores only the matches that can
    /// reach the page ([`crate::prune`]): the same answer as tantivy's collectors give, in a
    /// third of the time for frequent words at 10M (docs/benchmarks.md). `false`: tantivy's
    /// collectors.
    pub one_pass: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            cursor: None,
            facets: true,
            facet_size: 10,
            facet_sample: None,
            one_pass: true,
        }
    }
}

/// One hit.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Event id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Date.
    pub date: When,
    /// First place, "name, country".
    pub place: Option<String>,
    /// [`Hit::excerpt`] as HTML: escaped, matches in `<mark>`.
    pub snippet: String,
    /// The passage that shows the match: from the summary, the narrative, a key point or the
    /// title (whichever shows most of the query's words), the matched words marked; the
    /// beginning of the summary for a query without words.
    pub excerpt: Excerpt,
    /// When no passage shows a match: the participant, place or tag the event matched through.
    pub matched: Option<Matched>,
    /// BM25 score when ordered by relevance.
    pub score: Option<f32>,
    /// The language of `title` when it is not the reader's ([`Hit::in_language`]).
    pub title_lang: Option<String>,
    /// Its titles in other languages.
    pub titles: crate::Titles,
}

impl Hit {
    /// Its title for a reader of `reader` ([`crate::Titles::pick`]).
    pub fn in_language(&mut self, reader: &str) {
        self.titles
            .localise(&mut self.title, &mut self.title_lang, reader);
    }
}

/// Facet counts, most frequent first.
#[derive(Debug, Clone, Default)]
pub struct Facets(pub Vec<(&'static str, Vec<(String, u64)>)>);

/// The answer to a search.
#[derive(Debug, Clone)]
pub struct SearchResult {
    /// How many events match.
    pub total: usize,
    /// This page of hits.
    pub hits: Vec<Hit>,
    /// Facet counts over all matches.
    pub facets: Facets,
    /// Whether the facet counts are estimates from a sample of the matches
    /// ([`SearchOptions::facet_sample`]).
    pub facets_estimated: bool,
    /// Cursor of the next page, when there may be one.
    pub next_cursor: Option<String>,
    /// The order used.
    pub order: Order,
    /// When nothing matches (on the first page): corrections of the words and of the
    /// participant and place values that match no event on their own, nearest first.
    pub suggestions: Vec<Suggestion>,
}

/// At least as many events as match `query` (the sum of each segment's postings' sizes, which
/// bound what a scorer can return; read without decoding any).
pub(crate) fn upper_bound(searcher: &Searcher, query: &dyn tantivy::query::Query) -> Result<u64> {
    let weight = query.weight(tantivy::query::EnableScoring::disabled_from_searcher(
        searcher,
    ))?;
    let mut n = 0u64;
    for reader in searcher.segment_readers() {
        n += u64::from(weight.scorer(reader, 1.0)?.size_hint());
    }
    Ok(n)
}

/// Whether a tree is words alone, or all of several words.
pub(crate) fn only_words(e: &Expr) -> bool {
    match e {
        Expr::Word(_) => true,
        Expr::And(xs) => xs.iter().all(|x| matches!(x, Expr::Word(_))),
        _ => false,
    }
}

/// Decode `calendar|edtf|text`.
pub(crate) fn stored_when(s: &str) -> Option<When> {
    let (cal, rest) = s.split_once('|')?;
    let (edtf, text) = rest.split_once('|')?;
    let mut w = When::from_edtf(edtf).ok()?;
    w.calendar = Calendar::from_name(cal)?;
    if !text.is_empty() {
        w.text = Some(text.to_string());
    }
    Some(w)
}

pub(crate) fn text_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<&str> {
    doc.get_first(field).and_then(|v| v.as_str())
}

pub use annals_core::html::escape;

impl SearchIndex {
    /// Run a parsed query.
    pub fn search(&self, request: &Request, opts: &SearchOptions) -> Result<SearchResult> {
        let searcher = self.searcher();
        let mut compiler =
            Compiler::new(self.tantivy(), self.fields(), &searcher)?.with_aliases(self.aliases());
        let query = crate::compile::ranked(&request.expr, compiler.compile(&request.expr)?);
        let order = match request.sort {
            Some(Sort::Relevance) => Order::Relevance,
            Some(Sort::DateAsc) => Order::DateAsc,
            Some(Sort::DateDesc) => Order::DateDesc,
            None if has_text(&request.expr) => Order::Relevance,
            None => Order::DateAsc,
        };
        let after = match &opts.cursor {
            Some(c) => Some(RankKey::from_cursor(c, order).ok_or_else(|| {
                IndexError::Query(format!("cursor {c:?} is not valid for this query: use the next_cursor of the same query"))
            })?),
            None => None,
        };
        let limit = opts.limit.max(1);
        let top = TopHits {
            limit,
            order,
            after,
        };
        // One match in `every` is counted in the facets: the postings' sizes say how many
        // there may be, before any is read.
        let every = match opts.facet_sample {
            Some(n) if opts.facets => (upper_bound(&searcher, &*query)? / n.max(1)).max(1),
            _ => 1,
        };
        let words = compiler
            .plain_words()
            .filter(|w| crate::prune::fits(w) && only_words(&request.expr));
        let facet_counts = || FacetCounts {
            size: opts.facet_size,
            terms: self.terms.clone(),
            every,
        };
        let (total, found, facets) = match words {
            Some(words) if opts.one_pass && order == Order::Relevance => {
                let (impacts, top) = (&self.impacts, &top);
                if opts.facets {
                    let every = (Count, facet_counts());
                    let (t, (n, f)) =
                        crate::prune::ranked_words(&searcher, impacts, words, top, &every)?;
                    (n, t, f)
                } else {
                    let (t, n) =
                        crate::prune::ranked_words(&searcher, impacts, words, top, &Count)?;
                    (n, t, HashMap::new())
                }
            }
            _ if opts.facets => searcher.search(&*query, &(Count, top, facet_counts()))?,
            _ => {
                let (n, t) = searcher.search(&*query, &(Count, top))?;
                (n, t, HashMap::new())
            }
        };
        let next_cursor = (found.len() == limit)
            .then(|| found.last().map(|(k, _)| k.cursor(order)))
            .flatten();
        let mut marker = Marker::new(compiler.marks());
        let texts = self.texts();
        let mut hits = Vec::with_capacity(found.len());
        for (key, addr) in found {
            hits.push(self.hit(
                &searcher,
                addr,
                &mut marker,
                texts.as_deref(),
                compiler.named(),
                (order == Order::Relevance).then_some(key.primary as f32),
            )?);
        }
        let suggestions = if total == 0 && opts.cursor.is_none() {
            self.suggestions(request, compiler.unmatched())?
        } else {
            Vec::new()
        };
        Ok(SearchResult {
            total,
            hits,
            facets: facets_in_order(facets),
            facets_estimated: every > 1,
            next_cursor,
            order,
            suggestions,
        })
    }

    fn hit(
        &self,
        searcher: &Searcher,
        addr: DocAddress,
        marker: &mut Marker,
        texts: Option<&crate::texts::EventSource>,
        named: &[crate::compile::Named],
        score: Option<f32>,
    ) -> Result<Hit> {
        let f = self.fields();
        let doc: TantivyDocument = searcher.doc(addr)?;
        let id = text_of(&doc, f.id).unwrap_or_default();
        let title = text_of(&doc, f.title).unwrap_or_default();
        let summary = text_of(&doc, f.summary).unwrap_or_default();
        let mut event = || texts.and_then(|t| t(id));
        let (excerpt, matched) = marker.excerpt(title, summary, &mut event, named);
        let date = text_of(&doc, f.date).and_then(stored_when).ok_or_else(|| {
            IndexError::Query("an indexed event has no readable date: run `annals reindex`".into())
        })?;
        Ok(Hit {
            id: id.to_string(),
            title: title.to_string(),
            date,
            place: text_of(&doc, f.place).map(str::to_string),
            snippet: excerpt.html(),
            excerpt,
            matched,
            score,
            title_lang: None,
            titles: crate::Titles::of(&doc, f),
        })
    }
}

fn facets_in_order(mut raw: HashMap<&'static str, HashMap<String, u64>>) -> Facets {
    let mut out = Vec::new();
    for name in ["country", "participant", "tag", "century"] {
        let mut counts = raw.remove(name).unwrap_or_default();
        keep_top(&mut counts, 10);
        let mut v: Vec<(String, u64)> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out.push((name, v));
    }
    Facets(out)
}

impl Serialize for Facets {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        struct Counts<'a>(&'a [(String, u64)]);
        impl Serialize for Counts<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(self.0.len()))?;
                for (k, v) in self.0 {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (name, counts) in &self.0 {
            m.serialize_entry(name, &Counts(counts))?;
        }
        m.end()
    }
}

impl Serialize for Hit {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &self.id)?;
        m.serialize_entry("title", &self.title)?;
        if let Some(lang) = &self.title_lang {
            m.serialize_entry("title_lang", lang)?;
        }
        m.serialize_entry("date", &DateJson(&self.date))?;
        m.serialize_entry("place", &self.place)?;
        m.serialize_entry("snippet", &self.snippet)?;
        m.serialize_entry("snippet_text", &self.excerpt.text)?;
        m.serialize_entry("snippet_marks", &self.excerpt.char_marks())?;
        m.serialize_entry("snippet_field", &self.excerpt.source)?;
        m.serialize_entry("matched", &self.matched)?;
        m.serialize_entry("score", &self.score)?;
        m.end()
    }
}

impl Serialize for SearchResult {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("total", &self.total)?;
        m.serialize_entry("hits", &self.hits)?;
        m.serialize_entry("facets", &self.facets)?;
        m.serialize_entry("facets_estimated", &self.facets_estimated)?;
        m.serialize_entry("next_cursor", &self.next_cursor)?;
        m.serialize_entry("suggestions", &self.suggestions)?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(
            escape("<script>alert('x')</script>"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        );
    }
}

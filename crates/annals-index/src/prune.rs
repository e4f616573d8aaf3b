//! Several words ranked in one pass that scores only the matches that can reach the page.
//!
//! A query of frequent words (`king peace`) matches a million events at 10M. tantivy joins
//! each word's four fields in a union that reads ahead and scores every posting it reads (a
//! BM25 score needs the field's length, read at random from a column per field), and
//! intersects the words by seeking one union to each match of the other: two thirds of the
//! time went to scoring, most of the rest to seeking. For a query of several words alone
//! ([`Compiler::plain_words`]) this module reads every word's fields over the same window of
//! documents, noting only which fields hold the word at each document and how often; a match
//! is counted (and its facets, when asked), and scored only when the most its fields could
//! score (each field's highest score in the segment, [`Impacts`]) can beat the worst hit of
//! the page so far. The page and the total are the ones tantivy's collectors give, the scores
//! the same to the bit: each word's fields are added to 0 in the union's order, the words as
//! the compiled query nests them (the first plus the rest).
//!
//! [`Compiler::plain_words`]: crate::compile::Compiler::plain_words

use crate::collect::{RankKey, TopHits, TopHitsSegment};
use crate::Result;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fieldnorm::FieldNormReader;
use tantivy::index::SegmentId;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::Bm25Weight;
use tantivy::schema::IndexRecordOption;
use tantivy::{
    DocAddress, DocId, DocSet, Searcher, SegmentOrdinal, SegmentReader, Term, TERMINATED,
};

/// How many segment-and-term entries [`Impacts`] keeps before it starts over.
const KEPT: usize = 4096;

/// Most fields (terms) a word may match in for the one pass: its field masks index a table.
const MOST_TERMS: usize = 8;

/// Documents read at a time.
pub(crate) const WINDOW: u32 = 4096;
/// 64-bit words of a window's bit set.
pub(crate) const WINDOW_WORDS: usize = WINDOW as usize / 64;

/// A bit per document of a window.
pub(crate) type WindowBits = [u64; WINDOW_WORDS];

/// Set in `bits` the documents of `postings` in `start..start + WINDOW`, calling `each` with
/// each one's place in the window and the postings on it; the postings are left on the first
/// document after the window.
pub(crate) fn mark_window(
    postings: &mut SegmentPostings,
    start: DocId,
    bits: &mut WindowBits,
    mut each: impl FnMut(usize, &SegmentPostings),
) {
    let end = start.saturating_add(WINDOW);
    let mut doc = postings.doc();
    if doc < start {
        doc = postings.seek(start);
    }
    while doc < end {
        let at = (doc - start) as usize;
        bits[at / 64] |= 1 << (at % 64);
        each(at, postings);
        doc = postings.advance();
    }
}

/// Slack on comparing what a match could score with the page's worst: both are sums of `f32`
/// parts added in other orders.
const SLACK: f64 = 1e-4;

/// (field-length code, term frequency) pairs.
type Pairs = Arc<[(u8, u32)]>;

/// A page of hits, best first.
type Page = Vec<(RankKey, DocAddress)>;

/// For each segment and term already asked for, the highest term frequency at each field
/// length (those no shorter field with as high a frequency beats): enough to compute the term's
/// highest BM25 score in the segment under any corpus statistics. Segments never change, so
/// an entry stays true while its segment lives.
#[derive(Default)]
pub struct Impacts {
    kept: Mutex<HashMap<(SegmentId, Term), Pairs>>,
    /// How many searches [`ranked_words`] answered.
    searches: AtomicU64,
}

impl Impacts {
    /// How many searches [`ranked_words`] answered.
    pub fn searches(&self) -> u64 {
        self.searches.load(Ordering::Relaxed)
    }

    /// The (field-length code, term frequency) pairs of `term` in `segment` that can score
    /// highest.
    fn of(&self, segment: &SegmentReader, term: &Term) -> Result<Pairs> {
        let key = (segment.segment_id(), term.clone());
        if let Some(found) = self.kept.lock().ok().and_then(|k| k.get(&key).cloned()) {
            return Ok(found);
        }
        let found: Pairs = read_impacts(segment, term)?.into();
        if let Ok(mut kept) = self.kept.lock() {
            if kept.len() >= KEPT {
                kept.clear();
            }
            kept.insert(key, found.clone());
        }
        Ok(found)
    }

    /// The highest score of `term` in `segment` under `bm25`.
    fn highest(&self, segment: &SegmentReader, term: &Term, bm25: &Bm25Weight) -> Result<f32> {
        Ok(self
            .of(segment, term)?
            .iter()
            .map(|(code, tf)| bm25.score(*code, *tf))
            .fold(0f32, f32::max))
    }
}

/// Scan the postings of `term` in `segment` for its impacts (see [`Impacts`]).
fn read_impacts(segment: &SegmentReader, term: &Term) -> Result<Vec<(u8, u32)>> {
    let field = term.field();
    let inverted = segment.inverted_index(field)?;
    let Some(mut block) = inverted.read_block_postings(term, IndexRecordOption::WithFreqs)? else {
        return Ok(Vec::new());
    };
    let norms = segment.get_fieldnorms_reader(field)?;
    let mut best = [0u32; 256];
    let mut left = block.doc_freq() as usize;
    while left > 0 {
        let docs = block.docs();
        if docs.is_empty() {
            break;
        }
        for (doc, tf) in docs.iter().zip(block.freqs()) {
            let code = usize::from(norms.fieldnorm_id(*doc));
            best[code] = best[code].max(*tf);
        }
        left = left.saturating_sub(docs.len());
        block.advance();
    }
    // A longer field with no higher frequency never scores more: keep the others.
    let mut out = Vec::new();
    let mut highest = 0;
    for (code, tf) in best.iter().enumerate() {
        if *tf > highest {
            highest = *tf;
            out.push((code as u8, *tf));
        }
    }
    Ok(out)
}

/// Whether [`ranked_words`] should answer a query of these words: two or more (tantivy ranks
/// a word alone as fast, its union reading ahead without a seek), each in at most
/// [`MOST_TERMS`] fields.
pub(crate) fn fits(words: &[Vec<(Term, f32)>]) -> bool {
    words.len() >= 2 && words.iter().all(|w| w.len() <= MOST_TERMS)
}

/// The page of the events holding every one of `words` (each a union of weighted terms) that
/// `top` asks for (by relevance), and what `every` collects from all of them (unscored: the
/// count, the facets).
pub(crate) fn ranked_words<C: Collector>(
    searcher: &Searcher,
    impacts: &Impacts,
    words: &[Vec<(Term, f32)>],
    top: &TopHits,
    every: &C,
) -> Result<(Page, C::Fruit)> {
    let mut weights = Vec::with_capacity(words.len());
    for word in words {
        let mut w = Vec::with_capacity(word.len());
        for (term, boost) in word {
            let bm25 = Bm25Weight::for_terms(searcher, std::slice::from_ref(term))?;
            w.push(bm25.boost_by(*boost));
        }
        weights.push(w);
    }
    impacts.searches.fetch_add(1, Ordering::Relaxed);
    let parts = crate::per_segment(searcher, |ord, reader| {
        segment(ord, reader, impacts, words, &weights, top, every)
    })?;
    let (mut pages, mut all) = (Vec::new(), Vec::new());
    for (page, fruit) in parts {
        pages.push(page);
        all.push(fruit);
    }
    Ok((top.merge_fruits(pages)?, every.merge_fruits(all)?))
}

/// One term of a word in one segment, read a window at a time.
struct Clause {
    postings: SegmentPostings,
    bm25: Bm25Weight,
    norms: FieldNormReader,
    /// The documents of the window that hold the term.
    bits: WindowBits,
    /// Its frequency at each of them.
    tfs: Box<[u32; WINDOW as usize]>,
}

/// One word in one segment: its terms (in the union's order), and the most each set of them
/// can score together (indexed by a bit mask of the terms).
struct Word {
    clauses: Vec<Clause>,
    /// Bit `i` of an entry's index is the `i`th clause.
    most: Vec<f64>,
    /// The documents of the window that hold any of the terms.
    any: WindowBits,
}

impl Word {
    /// The first document at or after the window's start that holds the word.
    fn next_doc(&self) -> u32 {
        self.clauses
            .iter()
            .map(|c| c.postings.doc())
            .min()
            .unwrap_or(TERMINATED)
    }

    /// Note the terms' documents in `start..start + WINDOW`.
    fn fill(&mut self, start: u32) {
        self.any = [0; WINDOW_WORDS];
        for c in &mut self.clauses {
            c.bits = [0; WINDOW_WORDS];
            let tfs = &mut c.tfs;
            mark_window(&mut c.postings, start, &mut c.bits, |at, p| {
                tfs[at] = p.term_freq()
            });
            for (any, bits) in self.any.iter_mut().zip(&c.bits) {
                *any |= bits;
            }
        }
    }

    /// Which terms hold the document at `at` in the window (bit `i`: the `i`th clause).
    fn mask(&self, at: usize) -> usize {
        let (word, bit) = (at / 64, at % 64);
        self.clauses.iter().enumerate().fold(0, |m, (i, c)| {
            m | ((((c.bits[word] >> bit) & 1) as usize) << i)
        })
    }

    /// The word's score at `doc` (at `at` in the window), as tantivy's union adds it: the
    /// matching terms' scores added to 0 in order.
    fn score(&self, doc: u32, at: usize) -> f32 {
        let (word, bit) = (at / 64, at % 64);
        let mut sum = 0f32;
        for c in &self.clauses {
            if (c.bits[word] >> bit) & 1 == 1 {
                sum += c.bm25.score(c.norms.fieldnorm_id(doc), c.tfs[at]);
            }
        }
        sum
    }
}

/// What [`ranked_words`] finds in one segment.
type Found<C> = (Page, <<C as Collector>::Child as SegmentCollector>::Fruit);

/// [`ranked_words`] in one segment.
fn segment<C: Collector>(
    ord: SegmentOrdinal,
    reader: &SegmentReader,
    impacts: &Impacts,
    words: &[Vec<(Term, f32)>],
    weights: &[Vec<Bm25Weight>],
    top: &TopHits,
    every: &C,
) -> Result<Found<C>> {
    let mut collector: TopHitsSegment = top.for_segment(ord, reader)?;
    let mut all = every.for_segment(ord, reader)?;
    let mut held = Vec::with_capacity(words.len());
    for (word, bm25s) in words.iter().zip(weights) {
        let mut clauses = Vec::new();
        let mut highest = Vec::new();
        for ((term, _), bm25) in word.iter().zip(bm25s) {
            let inverted = reader.inverted_index(term.field())?;
            let Some(postings) = inverted.read_postings(term, IndexRecordOption::WithFreqs)? else {
                continue;
            };
            highest.push(f64::from(impacts.highest(reader, term, bm25)?));
            clauses.push(Clause {
                postings,
                bm25: bm25.clone(),
                norms: reader.get_fieldnorms_reader(term.field())?,
                bits: [0; WINDOW_WORDS],
                tfs: Box::new([0; WINDOW as usize]),
            });
        }
        if clauses.is_empty() {
            // A word this segment does not hold: nothing here matches.
            return Ok((collector.harvest(), all.harvest()));
        }
        let most = (0..1usize << clauses.len())
            .map(|mask| {
                (0..clauses.len())
                    .filter(|i| mask & (1 << i) != 0)
                    .map(|i| highest[i])
                    .sum()
            })
            .collect();
        held.push(Word {
            clauses,
            most,
            any: [0; WINDOW_WORDS],
        });
    }
    let alive = reader.alive_bitset();
    let mut scores = vec![0f32; held.len()];
    // A document holding every word is at or after each word's next document.
    let mut start = held.iter().map(Word::next_doc).max().unwrap_or(TERMINATED);
    while start != TERMINATED {
        for word in &mut held {
            word.fill(start);
        }
        for block in 0..WINDOW_WORDS {
            let mut both = held.iter().fold(!0u64, |m, w| m & w.any[block]);
            while both != 0 {
                let bit = both.trailing_zeros() as usize;
                both &= both - 1;
                let at = block * 64 + bit;
                let doc = start + at as u32;
                if alive.is_some_and(|a| !a.is_alive(doc)) {
                    continue;
                }
                all.collect(doc, 0.0);
                if let Some(worst) = collector.threshold() {
                    let most: f64 = held.iter().map(|w| w.most[w.mask(at)]).sum();
                    if most * (1.0 + SLACK) + SLACK < worst {
                        continue;
                    }
                }
                // As the compiled query nests its words: the first plus the rest.
                for (s, w) in scores.iter_mut().zip(&held) {
                    *s = w.score(doc, at);
                }
                let score = scores
                    .iter()
                    .rev()
                    .copied()
                    .reduce(|rest, first| first + rest)
                    .unwrap_or(0.0);
                collector.collect(doc, score);
            }
        }
        start = held.iter().map(Word::next_doc).max().unwrap_or(TERMINATED);
    }
    Ok((collector.harvest(), all.harvest()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index};

    #[test]
    fn impacts_keep_the_pairs_that_can_score_highest() {
        let mut builder = Schema::builder();
        let body = builder.add_text_field("body", TEXT);
        let index = Index::create_in_ram(builder.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        // "king" twice in two words; once in three; three times in eight; once in one.
        for text in [
            "king king",
            "the old king",
            "king a b king c d e king",
            "king",
            "no such word",
        ] {
            writer.add_document(doc!(body => text)).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let segment = &searcher.segment_readers()[0];
        let term = Term::from_field_text(body, "king");
        let pairs = read_impacts(segment, &term).unwrap();
        // Lengths 1, 2 and 8 (codes of small lengths are the lengths): the length-3 field holds
        // it once, which the length-1 field beats.
        assert_eq!(pairs, vec![(1, 1), (2, 2), (8, 3)]);
        // The highest score among them is the highest of any posting.
        let bm25 = Bm25Weight::for_terms(&searcher, std::slice::from_ref(&term)).unwrap();
        let norms = segment.get_fieldnorms_reader(body).unwrap();
        let mut postings = segment
            .inverted_index(body)
            .unwrap()
            .read_postings(&term, IndexRecordOption::WithFreqs)
            .unwrap()
            .unwrap();
        let mut highest = 0f32;
        while postings.doc() != TERMINATED {
            let code = norms.fieldnorm_id(postings.doc());
            highest = highest.max(bm25.score(code, postings.term_freq()));
            postings.advance();
        }
        let impacts = Impacts::default();
        assert_eq!(impacts.highest(segment, &term, &bm25).unwrap(), highest);
        // Kept: asked again, the same pairs.
        assert_eq!(&*impacts.of(segment, &term).unwrap(), &pairs[..]);
        // A term that the segment does not hold has none.
        let absent = Term::from_field_text(body, "queen");
        assert!(read_impacts(segment, &absent).unwrap().is_empty());
    }
}

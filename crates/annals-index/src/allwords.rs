//! Several words, all of them: the events holding every word (each in any of its fields),
//! found a window of documents at a time, for what counts matches without ranking them (a
//! timeline's periods).
//!
//! tantivy intersects unions by seeking one to each match of another, and each seek fills the
//! union's window anew. [`AllWords`] reads every word's terms over the same window of 4,096
//! documents, as [`crate::prune`] does, and ANDs them: no seek. It matches what the compiled
//! query of the same words matches ([`crate::compile::Compiler::plain_words`]); every match
//! scores 1.

use crate::prune::{mark_window, WindowBits, WINDOW, WINDOW_WORDS};
use tantivy::postings::SegmentPostings;
use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// The events holding every word, a word being any of its terms.
#[derive(Debug, Clone)]
pub struct AllWords {
    words: Vec<Vec<Term>>,
}

impl AllWords {
    /// Every one of `words` (each the terms of its union).
    pub fn new(words: Vec<Vec<Term>>) -> AllWords {
        AllWords { words }
    }
}

impl Query for AllWords {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for term in self.words.iter().flatten() {
            visitor(term, false);
        }
    }
}

impl Weight for AllWords {
    fn scorer(&self, reader: &SegmentReader, _: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut words = Vec::with_capacity(self.words.len());
        for terms in &self.words {
            let mut postings = Vec::new();
            for term in terms {
                let inverted = reader.inverted_index(term.field())?;
                if let Some(p) = inverted.read_postings(term, IndexRecordOption::Basic)? {
                    postings.push(p);
                }
            }
            if postings.is_empty() {
                return Ok(Box::new(EmptyScorer));
            }
            words.push(postings);
        }
        if words.is_empty() {
            return Ok(Box::new(EmptyScorer));
        }
        let mut scorer = AllWordsScorer {
            words,
            start: 0,
            both: [0; WINDOW_WORDS],
            doc: 0,
        };
        let first = scorer.next_start(0);
        scorer.doc = scorer.read_window(first);
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        crate::cells::explain(self.scorer(reader, 1.0)?, doc, "AllWords")
    }
}

struct AllWordsScorer {
    /// Each word's terms' postings.
    words: Vec<Vec<SegmentPostings>>,
    /// The window's first document.
    start: DocId,
    /// The documents of the window holding every word.
    both: WindowBits,
    doc: DocId,
}

impl AllWordsScorer {
    /// The first document at or after `from` that may hold every word (each word's first
    /// document at or after it, the latest of them), with every term's postings there or after.
    fn next_start(&mut self, from: DocId) -> DocId {
        let mut start = from;
        for word in &mut self.words {
            let mut first = TERMINATED;
            for p in word.iter_mut() {
                let doc = if p.doc() < from {
                    p.seek(from)
                } else {
                    p.doc()
                };
                first = first.min(doc);
            }
            start = start.max(first);
        }
        start
    }

    /// Read the window that begins at `start`; the first match in it or in the windows after.
    fn read_window(&mut self, mut start: DocId) -> DocId {
        loop {
            if start == TERMINATED {
                return TERMINATED;
            }
            self.start = start;
            let end = start.saturating_add(WINDOW);
            self.both = [!0; WINDOW_WORDS];
            for word in &mut self.words {
                let mut any = [0u64; WINDOW_WORDS];
                for p in word.iter_mut() {
                    mark_window(p, start, &mut any, |_, _| {});
                }
                for (both, any) in self.both.iter_mut().zip(any) {
                    *both &= any;
                }
            }
            if let Some(doc) = self.first_from(start) {
                return doc;
            }
            start = self.next_start(end);
        }
    }

    /// The first match of the window at or after `target`.
    fn first_from(&self, target: DocId) -> Option<DocId> {
        let at = target.checked_sub(self.start)? as usize;
        let mut block = at / 64;
        if block >= WINDOW_WORDS {
            return None;
        }
        let mut bits = self.both[block] & (!0u64 << (at % 64));
        loop {
            if bits != 0 {
                return Some(self.start + (block * 64) as u32 + bits.trailing_zeros());
            }
            block += 1;
            if block >= WINDOW_WORDS {
                return None;
            }
            bits = self.both[block];
        }
    }
}

impl DocSet for AllWordsScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        self.doc = match self.first_from(self.doc + 1) {
            Some(doc) => doc,
            None => {
                let next = self.next_start(self.start.saturating_add(WINDOW));
                self.read_window(next)
            }
        };
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        self.doc = match self.first_from(target) {
            Some(doc) => doc,
            None => {
                let from = target.max(self.start.saturating_add(WINDOW));
                let next = self.next_start(from);
                self.read_window(next)
            }
        };
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.words
            .iter()
            .map(|w| {
                w.iter()
                    .map(|p| p.doc_freq())
                    .fold(0u32, u32::saturating_add)
            })
            .min()
            .unwrap_or(0)
    }
}

impl Scorer for AllWordsScorer {
    fn score(&mut self) -> Score {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::query::{BooleanQuery, Occur, TermQuery};
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index};

    /// Every match and every seek, over several windows, against tantivy's intersection of
    /// unions of the same terms.
    #[test]
    fn all_words_match_what_an_intersection_of_unions_matches() {
        let mut builder = Schema::builder();
        let (a, b) = (
            builder.add_text_field("a", TEXT),
            builder.add_text_field("b", TEXT),
        );
        let index = Index::create_in_ram(builder.build());
        let mut writer = index.writer_with_num_threads(1, 30_000_000).unwrap();
        let mut x = 7u64;
        let mut next = || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) as usize
        };
        let vocab = [
            "king", "peace", "war", "city", "navy", "fleet", "treaty", "siege",
        ];
        for _ in 0..20_000 {
            let words = |n: usize, next: &mut dyn FnMut() -> usize| {
                (0..n)
                    .map(|_| vocab[next() % vocab.len()])
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let (na, nb) = (next() % 3, next() % 4);
            writer
                .add_document(doc!(a => words(na, &mut next), b => words(nb, &mut next)))
                .unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let reader = &searcher.segment_readers()[0];
        let term = |f, w: &str| Term::from_field_text(f, w);
        for words in [
            vec![
                vec![term(a, "king"), term(b, "king")],
                vec![term(a, "peace"), term(b, "peace")],
            ],
            vec![
                vec![term(a, "navy")],
                vec![term(b, "fleet"), term(a, "fleet")],
                vec![term(b, "war")],
            ],
            vec![vec![term(a, "treaty")], vec![term(a, "nothing")]],
        ] {
            let union = |terms: &[Term]| -> Box<dyn Query> {
                Box::new(BooleanQuery::new(
                    terms
                        .iter()
                        .map(|t| {
                            let q: Box<dyn Query> =
                                Box::new(TermQuery::new(t.clone(), IndexRecordOption::Basic));
                            (Occur::Should, q)
                        })
                        .collect(),
                ))
            };
            let tantivy_query =
                BooleanQuery::new(words.iter().map(|w| (Occur::Must, union(w))).collect());
            let ours = AllWords::new(words.clone());
            let scorer = |q: &dyn Query| {
                q.weight(EnableScoring::disabled_from_searcher(&searcher))
                    .unwrap()
                    .scorer(reader, 1.0)
                    .unwrap()
            };
            let all = |mut s: Box<dyn Scorer>| {
                let mut docs = Vec::new();
                while s.doc() != TERMINATED {
                    docs.push(s.doc());
                    s.advance();
                }
                docs
            };
            let want = all(scorer(&tantivy_query));
            assert_eq!(all(scorer(&ours)), want, "{words:?}");
            // Seeks of every stride, within a window and across several.
            for stride in [1, 37, 700, 4_095, 4_096, 9_000] {
                let (mut theirs, mut mine) = (scorer(&tantivy_query), scorer(&ours));
                let mut target = 0;
                while target < 20_000 {
                    let expected = if theirs.doc() >= target {
                        theirs.doc()
                    } else {
                        theirs.seek(target)
                    };
                    let got = if mine.doc() >= target {
                        mine.doc()
                    } else {
                        mine.seek(target)
                    };
                    assert_eq!(got, expected, "{words:?} seek {target}");
                    if expected != TERMINATED && next() % 2 == 0 {
                        assert_eq!(mine.advance(), theirs.advance(), "{words:?} after {target}");
                    }
                    target = target.max(mine.doc().min(20_000)) + stride;
                }
            }
        }
    }
}

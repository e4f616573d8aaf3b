//! Candidates for "one event recorded twice": the events whose dates overlap an event's and
//! whose words are most like its title and summary. The index only narrows the field (a few
//! dozen per event, found through the date and word indexes, never a scan of the corpus);
//! [`annals_core::likeness`] then scores each pair on the full records.

use crate::collect::{Order, TopHits};
use crate::search::text_of;
use crate::{Result, SearchIndex};
use annals_core::Event;
use annals_query::{DateMode, DayRange, Filter};
use annals_store::{pair, Duplicate, EventStore, Verdict};
use tantivy::query::{BooleanQuery, Occur, Query};
use tantivy::{TantivyDocument, Term};

impl SearchIndex {
    /// The ids of at most `limit` events that may record the same event as `event`: their
    /// dates overlap its date, and they share its rarest words (best first); never `event`
    /// itself. An event with no date has no candidates (nothing says two are one).
    pub fn duplicate_candidates(&self, event: &Event, limit: usize) -> Result<Vec<String>> {
        let (lo, hi) = event.date.axis_range();
        if lo == i64::MIN && hi == i64::MAX {
            return Ok(Vec::new());
        }
        let searcher = self.searcher();
        let f = *self.fields();
        // A word must occur in another event: twice when the event is indexed, once when it
        // is not (a new one, not written yet).
        let indexed = searcher.doc_freq(&Term::from_field_text(f.id, &event.id))? > 0;
        let words = self.similar_text_query(
            &searcher,
            &format!("{} {}", event.title, event.summary),
            if indexed { 2 } else { 1 },
            u64::MAX,
        )?;
        let mut compiler = crate::compile::Compiler::new(self.tantivy(), &f, &searcher)?;
        let dates = compiler.filter(&Filter::Date {
            range: DayRange { lo, hi },
            mode: DateMode::Overlap,
        })?;
        let query = BooleanQuery::new(vec![
            (Occur::Must, Box::new(words) as Box<dyn Query>),
            (Occur::Must, dates),
        ]);
        let hits = searcher.search(
            &query,
            &TopHits {
                limit: limit + 1,
                order: Order::Relevance,
                after: None,
            },
        )?;
        let mut out = Vec::with_capacity(limit);
        for (_, addr) in hits {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let id = text_of(&doc, f.id).unwrap_or_default();
            if id != event.id && out.len() < limit {
                out.push(id.to_string());
            }
        }
        Ok(out)
    }

    /// The stored events likely to record the same event as `event`, scored by
    /// [`annals_core::likeness`], best first: at most `limit` pairs scoring at least
    /// `min_score`, leaving out pairs already decided (merged, or marked distinct).
    pub fn likely_duplicates(
        &self,
        store: &dyn EventStore,
        event: &Event,
        min_score: f64,
        limit: usize,
    ) -> Result<Vec<Duplicate>> {
        let mut out = Vec::new();
        for id in self.duplicate_candidates(event, CANDIDATES)? {
            let Some(other) = store.get(&id)? else {
                continue;
            };
            let Some((score, reasons)) = annals_core::likeness::likeness(event, &other) else {
                continue;
            };
            if score < min_score {
                continue;
            }
            let (a, b) = pair(&event.id, &other.id);
            if matches!(
                store.duplicate_status(a, b)?,
                Some(Verdict::Merged | Verdict::Distinct)
            ) {
                continue;
            }
            out.push(Duplicate {
                a: a.to_string(),
                b: b.to_string(),
                score,
                reasons: annals_core::likeness::Reason::joined(&reasons),
            });
        }
        out.sort_by(|x, y| y.score.total_cmp(&x.score));
        out.truncate(limit);
        Ok(out)
    }
}

/// How many candidates the index proposes per event for scoring.
const CANDIDATES: usize = 20;

/// The score from which a pair is proposed for review, unless asked otherwise: measured on
/// the demo corpus and rewritten copies of it (`docs/benchmarks.md`, duplicates).
pub const MIN_SCORE: f64 = 0.5;

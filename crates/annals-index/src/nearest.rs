//! The events matching a query nearest in time to a day, without a pass over every match.
//!
//! An event page shows events that share a participant or a place with it, nearest in time
//! first. "France" or "London" match a large part of a big corpus, and ranking every match costs
//! a read per match (milliseconds at a million events). Instead, each segment's events in day
//! order ([`crate::timeline::DayOrder`]) give the few hundred events nearest the day, and the
//! query's postings are asked only about them (a seek each, in document order). The window widens
//! until each side holds enough matches or reaches the segment's end (or its widest: the side
//! of a common name's first or last event stays short); a filter with few matches is read whole.

use crate::{Result, SearchIndex};
use tantivy::query::{EnableScoring, Query, Scorer};
use tantivy::{DocAddress, DocId, DocSet, Searcher, TERMINATED};

/// The widest window (events a side): a common name with no match within it on one side
/// leaves that side short.
const WIDEST: usize = 1 << 14;

/// Filters with at most this many matches in a segment are read whole.
const FEW: usize = 2048;

impl SearchIndex {
    /// Up to `k` events matching `query` before `day` and up to `k` from `day` on (never
    /// `except`: the event asking), each with its distance in days, nearest first (ties by
    /// document).
    pub(crate) fn nearest(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        (day, except): (i64, Option<DocAddress>),
        k: usize,
    ) -> Result<Vec<(u64, DocAddress)>> {
        let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
        let (mut before, mut after) = (Vec::new(), Vec::new());
        for (ord, reader) in searcher.segment_readers().iter().enumerate() {
            let order = self.sorted_days.get(reader)?;
            let mut scorer = weight.scorer(reader, 1.0)?;
            // The postings' size tells how far to look: a filter with few matches is read
            // whole; a common one within a window where `k` a side are likely.
            let hint = scorer.size_hint() as usize;
            let skip = except
                .filter(|a| a.segment_ord as usize == ord)
                .map(|a| a.doc_id);
            let found = if hint <= FEW || order.len() <= FEW {
                let sort = reader.fast_fields().i64(crate::schema::fast::SORT)?;
                let alive = reader.alive_bitset();
                let day_of = |doc| {
                    let live = alive.is_none_or(|a| a.is_alive(doc));
                    live.then(|| sort.first(doc)).flatten()
                };
                every_match(&mut *scorer, day_of, skip)
            } else {
                let at = order.position(day);
                let mut w = (4 * k * order.len() / hint).clamp(256, WIDEST);
                loop {
                    let (from, to) = (at.saturating_sub(w), (at + w).min(order.len()));
                    let mut candidates: Vec<(DocId, i64)> = (from..to)
                        .map(|i| {
                            let (d, doc) = order.at(i);
                            (doc, d)
                        })
                        .collect();
                    candidates.sort_unstable();
                    let hits = matching(&mut scorer, &candidates, skip);
                    let early = hits.iter().filter(|(_, d)| *d < day).count();
                    let done_before = early >= k || from == 0;
                    let done_after = hits.len() - early >= k || to == order.len();
                    // At the widest, a side without matches (the first or last of a common
                    // name's events) stays short: nearness is what is asked, not completeness.
                    if (done_before && done_after) || w >= WIDEST {
                        break hits;
                    }
                    scorer = weight.scorer(reader, 1.0)?;
                    w = (w * 4).min(WIDEST);
                }
            };
            let (mut b, mut a) = (Vec::new(), Vec::new());
            for (doc, d) in found {
                let near = (d.abs_diff(day), DocAddress::new(ord as u32, doc));
                if d < day {
                    b.push(near);
                } else {
                    a.push(near);
                }
            }
            before.extend(nearest_k(b, k));
            after.extend(nearest_k(a, k));
        }
        let (before, after) = (nearest_k(before, k), nearest_k(after, k));
        let mut near: Vec<(u64, DocAddress)> = before.into_iter().chain(after).collect();
        near.sort_unstable();
        Ok(near)
    }
}

/// The `k` nearest, nearest first (a selection, then a sort of `k`).
fn nearest_k(mut v: Vec<(u64, DocAddress)>, k: usize) -> Vec<(u64, DocAddress)> {
    if v.len() > k && k > 0 {
        v.select_nth_unstable(k - 1);
    }
    v.truncate(k);
    v.sort_unstable();
    v
}

/// The candidates (sorted by document) that the scorer matches, but `skip`: one forward seek
/// each.
fn matching(
    scorer: &mut Box<dyn Scorer>,
    candidates: &[(DocId, i64)],
    skip: Option<DocId>,
) -> Vec<(DocId, i64)> {
    let mut out = Vec::new();
    let mut cur = scorer.doc();
    for &(doc, day) in candidates {
        if cur == TERMINATED {
            break;
        }
        if cur < doc {
            cur = scorer.seek(doc);
        }
        if cur == doc && Some(doc) != skip {
            out.push((doc, day));
        }
    }
    out
}

/// Every match but `skip` that `day_of` dates (a live, dated event), with its sort day (for a
/// filter with few matches).
fn every_match(
    scorer: &mut dyn Scorer,
    day_of: impl Fn(DocId) -> Option<i64>,
    skip: Option<DocId>,
) -> Vec<(DocId, i64)> {
    let mut out = Vec::new();
    let mut doc = scorer.doc();
    while doc != TERMINATED {
        match day_of(doc) {
            Some(d) if Some(doc) != skip => out.push((doc, d)),
            _ => {}
        }
        doc = scorer.advance();
    }
    out
}

//! Each segment's live located events in memory, in two orders: by time, so that a window
//! costs the events near it, and in sample order, so that an even sample of a wide window costs
//! the sample.
//!
//! By time: the events grouped by the length of their span and sorted by start in each group:
//! a time window costs two binary searches per group and a pass over the events that start in
//! it (or at most a group's longest span before it), never over the events of other times.
//!
//! In sample order: by `seq` (a hash of the id, so in no order of time or place), then
//! document. The first `limit` events of a window in that order are the even sample a map
//! without words shows ([`crate::SearchIndex::points`]). For a wide window they come after
//! about `limit / share` steps (`share`, the window's share of the events); a narrow window is
//! cheaper to scan by time, ranking each event it passes by its place in sample order (kept
//! too, 4 bytes an event). A [`Sample`] takes the cheaper way: at 10M events, the sample of
//! all time read 5,000 events instead of every located one (docs/benchmarks.md).

use crate::packed::{degrees, from_degrees, Days, Spans};
use crate::schema::fast;
use crate::segments::SegmentCache;
use crate::Result;
use std::sync::Arc;
use tantivy::{DocId, SegmentReader};

/// One group of a segment's located events: spans shorter than `reach` days, by start.
/// Packed (see [`crate::packed`]): 24 bytes an event, where plain columns took 44.
#[derive(Debug, Default)]
struct Group {
    reach: i128,
    lo: Days,
    hi: Spans,
    lat: Vec<i32>,
    lon: Vec<i32>,
    /// As `f32`: the index keeps importance to `f32`'s precision ([`crate::schema`]).
    importance: Vec<f32>,
    doc: Vec<DocId>,
}

impl Group {
    /// The positions of the events that may overlap `window`: those that start in it or at
    /// most the group's longest span before it.
    fn near(&self, window: Option<(i64, i64)>) -> std::ops::Range<usize> {
        match window {
            None => 0..self.lo.len(),
            Some((wlo, whi)) => {
                let bound = (i128::from(wlo) - self.reach).max(i128::from(i64::MIN)) as i64;
                self.lo.before(bound)..self.lo.through(whi)
            }
        }
    }

    fn row(&self, i: usize) -> Row {
        self.row_from(i, self.lo.get(i))
    }

    /// The row at `i`, whose first day is `lo`.
    fn row_from(&self, i: usize, lo: i64) -> Row {
        Row {
            lo,
            hi: self.hi.last(i, lo),
            lat: from_degrees(self.lat[i]),
            lon: from_degrees(self.lon[i]),
            importance: f64::from(self.importance[i]),
            doc: self.doc[i],
        }
    }
}

/// One segment's live located events (see the module documentation).
#[derive(Debug, Default)]
pub struct Located {
    groups: Vec<Group>,
    /// Where each group starts in the rows of all groups one after the other.
    starts: Vec<u32>,
    /// Those rows in sample order.
    order: Vec<u32>,
    /// Each row's place in sample order (`order` inverted): a window scanned by time ranks its
    /// rows by a read from memory, not by a read of the segment's `seq` column for each (at
    /// 10M events, 170,000 of them for 1939–1945).
    rank: Vec<u32>,
}

/// A located event as [`Located`] keeps it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Row {
    pub lo: i64,
    pub hi: i64,
    pub lat: f64,
    pub lon: f64,
    pub importance: f64,
    pub doc: DocId,
}

impl Row {
    fn overlaps(&self, (wlo, whi): (i64, i64)) -> bool {
        self.lo <= whi && self.hi >= wlo
    }
}

/// Each segment's [`Located`] events.
pub type LocatedCache = SegmentCache<Located>;

impl Located {
    /// The table of `rows`, `key` giving each document's place in sample order.
    fn new(mut rows: Vec<Row>, key: impl Fn(DocId) -> u64) -> Located {
        let class = |r: &Row| {
            let len = (i128::from(r.hi) - i128::from(r.lo)).max(0) as u128;
            128 - len.leading_zeros()
        };
        rows.sort_unstable_by_key(|r| (class(r), r.lo, r.doc));
        let mut keyed: Vec<(u64, DocId, u32)> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (key(r.doc), r.doc, i as u32))
            .collect();
        keyed.sort_unstable();
        let order: Vec<u32> = keyed.into_iter().map(|(_, _, i)| i).collect();
        let mut rank = vec![0u32; order.len()];
        for (j, &at) in order.iter().enumerate() {
            rank[at as usize] = j as u32;
        }
        // Each group's columns made to their exact size: this table is kept for every located
        // event of the segment (millions), where growing vectors would leave up to half unused.
        let mut starts = Vec::new();
        let mut start = 0;
        let groups = rows
            .chunk_by(|a, b| class(a) == class(b))
            .map(|g| {
                starts.push(start as u32);
                start += g.len();
                let k = class(&g[0]);
                Group {
                    reach: if k >= 127 { i128::MAX / 2 } else { 1i128 << k },
                    lo: Days::new(g.iter().map(|r| r.lo)),
                    hi: Spans::new(&g.iter().map(|r| (r.lo, r.hi)).collect::<Vec<_>>()),
                    lat: g.iter().map(|r| degrees(r.lat)).collect(),
                    lon: g.iter().map(|r| degrees(r.lon)).collect(),
                    importance: g.iter().map(|r| r.importance as f32).collect(),
                    doc: g.iter().map(|r| r.doc).collect(),
                }
            })
            .collect();
        Located {
            groups,
            starts,
            order,
            rank,
        }
    }

    /// The located events of a segment, in sample order by its `seq` column.
    pub(crate) fn of(reader: &SegmentReader) -> Result<Located> {
        let ff = reader.fast_fields();
        let (lat, lon) = (ff.f64(fast::LAT)?, ff.f64(fast::LON)?);
        let (lo, hi) = (ff.i64(fast::LO)?, ff.i64("hi")?);
        let importance = ff.f64(fast::IMPORTANCE)?;
        let seq = ff.u64(fast::SEQ)?;
        let alive = reader.alive_bitset();
        let rows = (0..reader.max_doc())
            .filter(|&d| alive.is_none_or(|a| a.is_alive(d)))
            .filter_map(|d| {
                Some(Row {
                    lo: lo.first(d)?,
                    hi: hi.first(d)?,
                    lat: lat.first(d)?,
                    lon: lon.first(d)?,
                    importance: importance.first(d).unwrap_or(0.0),
                    doc: d,
                })
            })
            .collect();
        Ok(Located::new(rows, |d| seq.first(d).unwrap_or(0)))
    }

    /// Calls `f` with every event that overlaps `window` (all of them for `None`).
    pub(crate) fn scan(&self, window: Option<(i64, i64)>, mut f: impl FnMut(Row)) {
        for g in &self.groups {
            let near = g.near(window);
            for (i, lo) in near.clone().zip(g.lo.values(near)) {
                let r = g.row_from(i, lo);
                if window.is_none_or(|w| r.overlaps(w)) {
                    f(r);
                }
            }
        }
    }

    /// The first `limit` events overlapping `window` in sample order, in that order.
    #[cfg(test)]
    pub(crate) fn sample(self: &Arc<Self>, window: (i64, i64), limit: usize) -> Vec<Row> {
        Sample::new(self.clone(), window, limit).collect()
    }

    /// The places in sample order of the first `limit` events overlapping `window`, in that
    /// order, by a scan by time that keeps the smallest ranks. Only the days of the events it
    /// passes are read: a merge of segments takes a few of each segment's rows, which are
    /// built as it takes them.
    fn scanned(&self, window: (i64, i64), limit: usize) -> Vec<u32> {
        let (wlo, whi) = window;
        let mut heap = std::collections::BinaryHeap::with_capacity(limit + 1);
        for (g, start) in self.groups.iter().zip(&self.starts) {
            let near = g.near(Some(window));
            for (i, lo) in near.clone().zip(g.lo.values(near)) {
                if lo > whi || g.hi.last(i, lo) < wlo {
                    continue;
                }
                let rank = self.rank[*start as usize + i];
                if heap.len() >= limit && heap.peek().is_some_and(|&top| rank >= top) {
                    continue;
                }
                heap.push(rank);
                if heap.len() > limit {
                    heap.pop();
                }
            }
        }
        heap.into_sorted_vec()
    }

    /// The row at `at` in the rows of all groups one after the other.
    fn row(&self, at: u32) -> Row {
        let (g, i) = self.locate(at);
        g.row(i)
    }

    /// The group of the row at `at` in the rows of all groups one after the other, and its
    /// place in that group.
    fn locate(&self, at: u32) -> (&Group, usize) {
        let g = self.starts.partition_point(|&s| s <= at) - 1;
        (&self.groups[g], (at - self.starts[g]) as usize)
    }
}

/// The first `limit` events of a segment overlapping a window, in sample order
/// ([`Located`]), made as they are asked for: a map's points merge the samples of every
/// segment and take `limit` in all, so each segment's is read only as far as the merge goes.
///
/// A wide window is walked in sample order, lazily: `limit · all / near` steps for `limit`
/// events (`near`, the events that may overlap the window). A narrow one, where that walk
/// would cost more than scanning the `near` events by time, is scanned when the sample is
/// made; so is a window the walk gave up on after `near` steps (long spans counted near it).
#[derive(Debug)]
pub(crate) struct Sample {
    located: Arc<Located>,
    window: (i64, i64),
    limit: usize,
    /// How many events it has given.
    given: usize,
    /// The walk: the next place in sample order and the place it gives up at.
    walk: Option<(usize, usize)>,
    /// The scan's events (their ranks in sample order), from the `given`th on.
    listed: std::vec::IntoIter<u32>,
}

impl Sample {
    pub(crate) fn new(located: Arc<Located>, window: (i64, i64), limit: usize) -> Sample {
        let all = located.order.len();
        let near: usize = located
            .groups
            .iter()
            .map(|g| g.near(Some(window)).len())
            .sum();
        let walk = (limit > 0 && near.saturating_mul(near) >= limit.saturating_mul(all))
            .then_some((0, near.max(limit).min(all)));
        let listed = match walk {
            Some(_) => Vec::new(),
            None => located.scanned(window, limit),
        };
        Sample {
            located,
            window,
            limit,
            given: 0,
            walk,
            listed: listed.into_iter(),
        }
    }
}

impl Iterator for Sample {
    type Item = Row;

    fn next(&mut self) -> Option<Row> {
        if self.given >= self.limit {
            return None;
        }
        if let Some((at, budget)) = &mut self.walk {
            let (wlo, whi) = self.window;
            while *at < *budget {
                let (g, i) = self.located.locate(self.located.order[*at]);
                *at += 1;
                // Most rows walked are outside the window: their days are read, not the rest.
                let lo = g.lo.get(i);
                if lo <= whi && g.hi.last(i, lo) >= wlo {
                    self.given += 1;
                    return Some(g.row_from(i, lo));
                }
            }
            let walked_all = *budget >= self.located.order.len();
            self.walk = None;
            if walked_all {
                self.limit = self.given;
                return None;
            }
            // Given up: the scan's answer begins with the events the walk gave.
            let mut listed = self.located.scanned(self.window, self.limit);
            listed.drain(..self.given.min(listed.len()));
            self.listed = listed.into_iter();
        }
        let rank = self.listed.next()?;
        self.given += 1;
        Some(self.located.row(self.located.order[rank as usize]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key in no order of the documents, as `seq` is.
    fn key(doc: DocId) -> u64 {
        crate::schema::seq(&doc.to_string())
    }

    fn rows() -> Vec<Row> {
        let mut out = Vec::new();
        let mut x: u64 = 7;
        for doc in 0..500 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let lo = (x >> 20) as i64 % 100_000 - 50_000;
            let len = match doc % 5 {
                0 => 0,
                1 => (x >> 8) as i64 % 30,
                2 => (x >> 9) as i64 % 40_000,
                3 => i64::MAX - lo.max(0),
                _ => (x >> 10) as i64 % 3,
            };
            out.push(Row {
                lo: if doc % 50 == 0 { i64::MIN } else { lo },
                hi: lo.saturating_add(len),
                lat: 0.0,
                lon: 0.0,
                importance: 0.0,
                doc,
            });
        }
        out
    }

    /// Windows over the rows' days (-50,000..50,000), wide, narrow and open at either end.
    const WINDOWS: [(i64, i64); 8] = [
        (i64::MIN, i64::MAX),
        (-50_000, 50_000),
        (-10_000, 40_000),
        (0, 0),
        (-100, 100),
        (30_000, 30_010),
        (i64::MIN, -40_000),
        (45_000, i64::MAX),
    ];

    #[test]
    fn a_window_finds_exactly_the_events_that_overlap_it() {
        let all = rows();
        let located = Located::new(all.clone(), key);
        for (wlo, whi) in WINDOWS {
            let mut got = Vec::new();
            located.scan(Some((wlo, whi)), |r| got.push(r.doc));
            got.sort();
            let want: Vec<DocId> = all
                .iter()
                .filter(|r| r.lo <= whi && r.hi >= wlo)
                .map(|r| r.doc)
                .collect();
            assert_eq!(got, want, "{wlo}..{whi}");
        }
        let mut n = 0;
        located.scan(None, |_| n += 1);
        assert_eq!(n, all.len());
    }

    #[test]
    fn a_sample_is_the_first_of_the_window_in_sample_order() {
        let all = rows();
        let located = Arc::new(Located::new(all.clone(), key));
        let (mut walked, mut gave_up) = (0, 0);
        for (wlo, whi) in WINDOWS {
            let mut want: Vec<(u64, DocId)> = all
                .iter()
                .filter(|r| r.lo <= whi && r.hi >= wlo)
                .map(|r| (key(r.doc), r.doc))
                .collect();
            want.sort();
            for limit in [0, 1, 3, 10, 50, 200, 499, 500, 1000] {
                let got: Vec<(u64, DocId)> = located
                    .sample((wlo, whi), limit)
                    .iter()
                    .map(|r| (key(r.doc), r.doc))
                    .collect();
                let want = &want[..limit.min(want.len())];
                assert_eq!(got, want, "{wlo}..{whi}, {limit}");
                let near: usize = located
                    .groups
                    .iter()
                    .map(|g| g.near(Some((wlo, whi))).len())
                    .sum();
                let walk = limit > 0 && near * near >= limit * all.len();
                walked += usize::from(walk);
                // A walk that gives up after `near` steps, the scan then going on from it.
                let budget = near.max(limit).min(all.len());
                let hits = located.order[..budget]
                    .iter()
                    .filter(|&&at| located.row(at).overlaps((wlo, whi)))
                    .count();
                gave_up += usize::from(walk && hits < limit && budget < all.len());
            }
        }
        assert!(walked > 10, "both ways are tested ({walked} walks)");
        assert!(gave_up > 0, "a walk gives up");
    }
}

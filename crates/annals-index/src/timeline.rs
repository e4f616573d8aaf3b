//! Timeline density: how many matching events fall in each period of a window, on natural
//! boundaries from billions of years to single days, with the most important events of each.

use crate::collect::Order;
use crate::compile::Compiler;
use crate::schema::fast;
use crate::search::{stored_when, text_of};
use crate::{Result, SearchIndex};
use annals_dates::period::Unit;
use annals_dates::DayNumber;
use annals_query::Request;
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader, TantivyDocument};

/// What to compute.
#[derive(Debug, Clone)]
pub struct TimelineOptions {
    /// First day of the window (Rata Die); `None`: the earliest matching event.
    pub from: Option<i64>,
    /// Last day of the window; `None`: the latest matching event.
    pub to: Option<i64>,
    /// At most this many buckets (the unit is the finest natural one that fits).
    pub buckets: usize,
    /// Events listed per bucket.
    pub top: usize,
}

/// One period.
#[derive(Debug, Clone, Serialize)]
pub struct Bucket {
    /// First day (ISO, astronomical year).
    pub start: String,
    /// Last day.
    pub end: String,
    /// A label for people: "1960s", "20th century", "March 1943", "66 Ma".
    pub label: String,
    /// Matching events that start in it.
    pub count: u64,
    /// The most important of them.
    pub top: Vec<TopEvent>,
}

/// An event shown in a bucket.
#[derive(Debug, Clone, Serialize)]
pub struct TopEvent {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// The date as written, or its EDTF.
    pub date: String,
    /// Importance (see `docs/query.md`).
    pub importance: f64,
    /// Its place on the day axis (the sort key: Rata Die of its earliest day), for drawing.
    pub day: i64,
}

/// Density over a window.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    /// The periods' unit, as people say it: "day", "month", "year", "decade", "century",
    /// "500 years", "millennium", "million years", ...
    pub unit: String,
    /// Their length in years (0 for days and months).
    pub years: i64,
    /// Matching events in the window.
    pub total: u64,
    /// The buckets, in time order.
    pub buckets: Vec<Bucket>,
}

struct Density {
    starts: std::sync::Arc<Vec<i64>>,
    top: usize,
}

struct DensitySegment {
    starts: std::sync::Arc<Vec<i64>>,
    top: usize,
    segment: SegmentOrdinal,
    sort: Column<i64>,
    importance: Column<f64>,
    counts: Vec<u64>,
    best: Vec<Vec<(f64, i64, DocAddress)>>,
}

type DensityFruit = (Vec<u64>, Vec<Vec<(f64, i64, DocAddress)>>);

impl Collector for Density {
    type Fruit = DensityFruit;
    type Child = DensitySegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<DensitySegment> {
        let n = self.starts.len().saturating_sub(1);
        Ok(DensitySegment {
            starts: self.starts.clone(),
            top: self.top,
            segment,
            sort: reader.fast_fields().i64(fast::SORT)?,
            importance: reader.fast_fields().f64(fast::IMPORTANCE)?,
            counts: vec![0; n],
            best: vec![Vec::new(); n],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<DensityFruit>) -> tantivy::Result<DensityFruit> {
        let n = self.starts.len().saturating_sub(1);
        let mut counts = vec![0u64; n];
        let mut best: Vec<Vec<(f64, i64, DocAddress)>> = vec![Vec::new(); n];
        for (c, b) in fruits {
            for i in 0..n {
                counts[i] += c[i];
                best[i].extend(b[i].iter().copied());
            }
        }
        for b in &mut best {
            b.sort_by(|x, y| y.0.total_cmp(&x.0));
            b.truncate(self.top);
        }
        Ok((counts, best))
    }
}

impl SegmentCollector for DensitySegment {
    type Fruit = DensityFruit;

    fn collect(&mut self, doc: DocId, _: Score) {
        let Some(day) = self.sort.first(doc) else {
            return;
        };
        let i = self.starts.partition_point(|&s| s <= day);
        if i == 0 || i >= self.starts.len() {
            return;
        }
        let b = i - 1;
        self.counts[b] += 1;
        if self.top > 0 {
            let imp = self.importance.first(doc).unwrap_or(0.0);
            let best = &mut self.best[b];
            if best.len() < self.top {
                best.push((imp, day, DocAddress::new(self.segment, doc)));
            } else if let Some((pos, min)) = best
                .iter()
                .enumerate()
                .min_by(|a, b| a.1 .0.total_cmp(&b.1 .0))
            {
                if imp > min.0 {
                    best[pos] = (imp, day, DocAddress::new(self.segment, doc));
                }
            }
        }
    }

    fn harvest(self) -> DensityFruit {
        (self.counts, self.best)
    }
}

impl SearchIndex {
    /// Density of the events matching `request` over a window.
    /// How many events start in each bucket `[starts[i], starts[i + 1])`, over the whole index:
    /// what [`Density`] counts for the match-all query, from each segment's sorted sort keys
    /// (made once per segment and kept, see [`SortedDays`]).
    fn all_counts(&self, searcher: &tantivy::Searcher, starts: &[i64]) -> Result<Vec<u64>> {
        let mut counts = vec![0u64; starts.len().saturating_sub(1)];
        for reader in searcher.segment_readers() {
            let days = self.sorted_days.get(reader)?;
            let at = |s: i64| days.partition_point(|&d| d < s) as u64;
            for (i, c) in counts.iter_mut().enumerate() {
                *c += at(starts[i + 1]) - at(starts[i]);
            }
        }
        Ok(counts)
    }

    pub fn timeline(&self, request: &Request, opts: &TimelineOptions) -> Result<Timeline> {
        let searcher = self.searcher();
        let mut compiler = Compiler::new(self.tantivy(), self.fields(), &searcher)?;
        let query = compiler.compile(&request.expr)?;
        let (from, to) = match (opts.from, opts.to) {
            (Some(a), Some(b)) => (a, b),
            (a, b) => {
                // The span of the matches, from the sort key of the first and last.
                let first = searcher.search(
                    &*query,
                    &crate::collect::TopHits {
                        limit: 1,
                        order: Order::DateAsc,
                        after: None,
                    },
                )?;
                let last = searcher.search(
                    &*query,
                    &crate::collect::TopHits {
                        limit: 1,
                        order: Order::DateDesc,
                        after: None,
                    },
                )?;
                let day = |v: &Vec<(crate::collect::RankKey, DocAddress)>, neg: bool| {
                    v.first()
                        .map(|(k, _)| if neg { -k.primary } else { k.primary } as i64)
                };
                let lo = a.or_else(|| day(&first, true)).unwrap_or(0);
                let hi = b.or_else(|| day(&last, false)).unwrap_or(lo);
                (lo.max(i64::MIN / 2), hi.min(i64::MAX / 2).max(lo))
            }
        };
        let unit = Unit::fitting(from, to, opts.buckets.max(1));
        let periods = unit.periods(from, to, opts.buckets.max(1));
        // Consecutive periods: bucket i holds the days `starts[i] .. starts[i + 1]`.
        let mut starts: Vec<i64> = periods.iter().map(|p| p.0).collect();
        starts.push(periods.last().map_or(from, |p| p.1.saturating_add(1)));
        let (counts, best) = if matches!(request.expr, annals_query::Expr::All) && opts.top == 0 {
            // Counts of every event: binary searches in each segment's sorted dates, no docs.
            (
                self.all_counts(&searcher, &starts)?,
                vec![Vec::new(); starts.len() - 1],
            )
        } else {
            searcher.search(
                &*query,
                &Density {
                    starts: std::sync::Arc::new(starts.clone()),
                    top: opts.top,
                },
            )?
        };
        let f = self.fields();
        let mut buckets = Vec::with_capacity(counts.len());
        for (i, count) in counts.iter().enumerate() {
            let mut top = Vec::new();
            for (imp, day, addr) in &best[i] {
                let doc: TantivyDocument = searcher.doc(*addr)?;
                let date = text_of(&doc, f.date).and_then(stored_when);
                top.push(TopEvent {
                    id: text_of(&doc, f.id).unwrap_or_default().to_string(),
                    title: text_of(&doc, f.title).unwrap_or_default().to_string(),
                    date: date.map(|w| w.written()).unwrap_or_default(),
                    importance: *imp,
                    day: *day,
                });
            }
            let (first, last) = periods[i];
            buckets.push(Bucket {
                start: DayNumber(first).to_string(),
                end: DayNumber(last).to_string(),
                label: unit.label(first, last),
                count: *count,
                top,
            });
        }
        Ok(Timeline {
            unit: unit.name(),
            years: unit.years(),
            total: counts.iter().sum(),
            buckets,
        })
    }
}

/// Each segment's sort keys (the day an event sorts by) of its live documents, sorted: made on
/// first use and kept while the segment lives, so that counting every event by period costs
/// two binary searches per period.
#[derive(Debug, Default)]
pub struct SortedDays(
    std::sync::Mutex<std::collections::HashMap<LiveDocs, std::sync::Arc<Vec<i64>>>>,
);

/// A segment and how many of its documents are deleted: one set of live documents.
type LiveDocs = (tantivy::index::SegmentId, u32);

impl SortedDays {
    fn get(&self, reader: &SegmentReader) -> Result<std::sync::Arc<Vec<i64>>> {
        // A segment's deletions only grow: with their count, the key names one set of live docs.
        let id = (reader.segment_id(), reader.num_deleted_docs());
        if let Some(d) = self.0.lock().unwrap_or_else(|p| p.into_inner()).get(&id) {
            return Ok(d.clone());
        }
        let sort = reader.fast_fields().i64(fast::SORT)?;
        let alive = reader.alive_bitset();
        let mut days: Vec<i64> = (0..reader.max_doc())
            .filter(|&d| alive.is_none_or(|a| a.is_alive(d)))
            .filter_map(|d| sort.first(d))
            .collect();
        days.sort_unstable();
        let days = std::sync::Arc::new(days);
        let mut cache = self.0.lock().unwrap_or_else(|p| p.into_inner());
        // Segments merged away are dropped with the next new one.
        if cache.len() > 64 {
            cache.clear();
        }
        cache.insert(id, days.clone());
        Ok(days)
    }
}

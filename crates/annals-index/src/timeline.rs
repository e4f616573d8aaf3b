//! Timeline density: how many matching events fall in each period of a window, on natural
//! boundaries from billions of years to single days, with the most important events of each.

use crate::collect::Order;
use crate::compile::Compiler;
use crate::schema::fast;
use crate::search::{stored_when, text_of};
use crate::{Result, SearchIndex};
use annals_dates::{Calendar, DayNumber, Ymd};
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

/// The natural units of a timeline, finest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A day.
    Day,
    /// A calendar month.
    Month,
    /// A year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
    /// A thousand years.
    Millennium,
    /// Ten thousand years.
    TenMillennia,
    /// A hundred thousand years.
    HundredMillennia,
    /// A million years.
    MillionYears,
    /// Ten million years.
    TenMillionYears,
    /// A hundred million years.
    HundredMillionYears,
    /// A billion years.
    BillionYears,
}

const UNITS: [(Unit, i64); 12] = [
    (Unit::Day, 0),
    (Unit::Month, 0),
    (Unit::Year, 1),
    (Unit::Decade, 10),
    (Unit::Century, 100),
    (Unit::Millennium, 1_000),
    (Unit::TenMillennia, 10_000),
    (Unit::HundredMillennia, 100_000),
    (Unit::MillionYears, 1_000_000),
    (Unit::TenMillionYears, 10_000_000),
    (Unit::HundredMillionYears, 100_000_000),
    (Unit::BillionYears, 1_000_000_000),
];

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
    /// The unit of the buckets.
    pub unit: Unit,
    /// Matching events in the window.
    pub total: u64,
    /// The buckets, in time order.
    pub buckets: Vec<Bucket>,
}

/// Start days of consecutive buckets of `unit` covering [from, to], plus the day after the
/// last (so bucket i is `starts[i] .. starts[i+1]-1`).
fn boundaries(unit: Unit, years: i64, from: i64, to: i64) -> Vec<i64> {
    let g = Calendar::Gregorian;
    let day = |y: i64, m: u8| {
        g.to_day(Ymd {
            year: y,
            month: m,
            day: 1,
        })
        .map(|d| d.0)
    };
    let mut out = Vec::new();
    match unit {
        Unit::Day => {
            let mut d = from;
            while d <= to.saturating_add(1) {
                out.push(d);
                d += 1;
            }
        }
        Unit::Month => {
            let s = DayNumber(from).ymd();
            let (mut y, mut m) = (s.year, s.month);
            while let Some(d) = day(y, m) {
                out.push(d);
                if d > to {
                    break;
                }
                if m == 12 {
                    y += 1;
                    m = 1;
                } else {
                    m += 1;
                }
            }
        }
        _ => {
            let first = DayNumber(from).ymd().year.div_euclid(years) * years;
            let mut y = first;
            while let Some(d) = day(y, 1) {
                out.push(d);
                if d > to {
                    break;
                }
                y = match y.checked_add(years) {
                    Some(n) => n,
                    None => break,
                };
            }
        }
    }
    out
}

/// The finest unit whose aligned buckets over [from, to] number at most `max`.
fn pick_unit(from: i64, to: i64, max: usize) -> (Unit, i64) {
    let (a, b) = (DayNumber(from).ymd(), DayNumber(to).ymd());
    for (unit, years) in UNITS {
        let n: i128 = match unit {
            Unit::Day => to as i128 - from as i128 + 1,
            Unit::Month => {
                (b.year as i128 - a.year as i128) * 12 + (b.month as i128 - a.month as i128) + 1
            }
            _ => (b.year.div_euclid(years) - a.year.div_euclid(years)) as i128 + 1,
        };
        if n <= max as i128 {
            return (unit, years);
        }
    }
    (Unit::BillionYears, 1_000_000_000)
}

fn label(unit: Unit, start: i64) -> String {
    let ymd = DayNumber(start).ymd();
    let y = ymd.year;
    let year = annals_dates::year_written;
    match unit {
        Unit::Day => format!(
            "{} {} {}",
            ymd.day,
            annals_dates::MONTH_NAMES[usize::from(ymd.month - 1)],
            year(y)
        ),
        Unit::Month => format!(
            "{} {}",
            annals_dates::MONTH_NAMES[usize::from(ymd.month - 1)],
            year(y)
        ),
        Unit::Year => year(y),
        Unit::Decade if y >= 0 => format!("{y}s"),
        Unit::Decade => format!("{} to {}", year(y), year(y + 9)),
        Unit::Century => crate::search::century_label(y.div_euclid(100)),
        Unit::Millennium if y >= 0 => format!("{} millennium", ordinal_of(y / 1000 + 1)),
        Unit::Millennium => format!("{} millennium BC", ordinal_of((1 - y) / 1000 + 1)),
        _ => ago(y),
    }
}

/// A deep-time year as people write it: "4.5 Ga", "66 Ma", "12 ka", else the year.
fn ago(y: i64) -> String {
    let before = 1950i64.saturating_sub(y);
    let trim = |x: f64| {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    if y <= -1_000_000_000 {
        format!("{} Ga", trim(-(y as f64) / 1e9))
    } else if y <= -1_000_000 {
        format!("{} Ma", trim(-(y as f64) / 1e6))
    } else if y <= -10_000 {
        format!("{} ka", trim(before as f64 / 1e3))
    } else {
        annals_dates::year_written(y)
    }
}

fn ordinal_of(n: i64) -> String {
    let s = crate::search::century_label(n - 1);
    s.trim_end_matches(" century").to_string()
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
        let (unit, years) = pick_unit(from, to, opts.buckets.max(1));
        let starts = boundaries(unit, years, from, to);
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
                    date: date
                        .map(|w| w.text.clone().unwrap_or(w.edtf))
                        .unwrap_or_default(),
                    importance: *imp,
                    day: *day,
                });
            }
            buckets.push(Bucket {
                start: DayNumber(starts[i]).to_string(),
                end: DayNumber(starts[i + 1] - 1).to_string(),
                label: label(unit, starts[i]),
                count: *count,
                top,
            });
        }
        Ok(Timeline {
            unit,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i64, m: u8, d: u8) -> i64 {
        Calendar::Gregorian
            .to_day(Ymd {
                year: y,
                month: m,
                day: d,
            })
            .unwrap()
            .0
    }

    #[test]
    fn units_fit_the_window() {
        assert_eq!(
            pick_unit(day(1960, 1, 1), day(1960, 1, 20), 30).0,
            Unit::Day
        );
        assert_eq!(
            pick_unit(day(1960, 1, 1), day(1961, 12, 31), 30).0,
            Unit::Month
        );
        assert_eq!(
            pick_unit(day(1900, 1, 1), day(1999, 12, 31), 12).0,
            Unit::Decade
        );
        assert_eq!(
            pick_unit(day(1900, 1, 1), day(1999, 12, 31), 10).0,
            Unit::Decade
        );
        assert_eq!(
            pick_unit(day(1900, 1, 1), day(1999, 12, 31), 9).0,
            Unit::Century
        );
        assert_eq!(
            pick_unit(day(-13_800_000_000, 1, 1), day(2000, 1, 1), 20).0,
            Unit::BillionYears
        );
    }

    #[test]
    fn boundaries_are_natural() {
        let b = boundaries(Unit::Decade, 10, day(1955, 6, 1), day(1972, 1, 1));
        assert_eq!(DayNumber(b[0]).to_string(), "1950-01-01");
        assert_eq!(DayNumber(*b.last().unwrap()).to_string(), "1980-01-01");
        let m = boundaries(Unit::Month, 0, day(1943, 2, 10), day(1943, 4, 2));
        assert_eq!(
            m.iter()
                .map(|d| DayNumber(*d).to_string())
                .collect::<Vec<_>>(),
            ["1943-02-01", "1943-03-01", "1943-04-01", "1943-05-01"]
        );
        assert_eq!(label(Unit::Century, day(-499, 1, 1)), "5th century BC");
        assert_eq!(label(Unit::Decade, day(1960, 1, 1)), "1960s");
        assert_eq!(label(Unit::Month, day(1943, 3, 1)), "March 1943");
        assert_eq!(label(Unit::Millennium, day(1000, 1, 1)), "2nd millennium");
    }
}

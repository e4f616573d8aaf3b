//! Timeline density: how many matching events fall in each period of a window, on natural
//! boundaries from billions of years to single days, with the most important events of each
//! and what a drawing needs of them (their end, fuzzy ends, tags, countries, participants).
//!
//! Every event (a query without words) is counted and ranked from [`DayOrder`], each segment's
//! events in day order with a tree of the most important in any range: a window of any width
//! costs a few binary searches and tree walks per period, not a pass over every event.

use crate::compile::Compiler;
use crate::packed::Days;
use crate::schema::fast;
use crate::segments::SegmentCache;
use crate::{Result, SearchIndex};
use annals_dates::period::Unit;
use annals_dates::DayNumber;
use annals_query::Request;
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

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
    /// Importance (see `docs/query.md`), to the seven digits the index keeps.
    pub importance: f32,
    /// Its place on the day axis (the sort key: Rata Die of its earliest day), for drawing.
    pub day: i64,
    /// Its last day on the axis (`day` for an open or unknown end): a span is drawn as a bar.
    pub end: i64,
    /// Its start is approximate, uncertain, open or unknown (drawn fuzzy).
    pub approx_start: bool,
    /// Its end is approximate, uncertain, open or unknown (drawn fuzzy).
    pub approx_end: bool,
    /// Its tags (at most [`BRIEF_VALUES`], in alphabetical order).
    pub tags: Vec<String>,
    /// The countries of its places (at most [`BRIEF_VALUES`], alphabetical).
    pub countries: Vec<String>,
    /// Its participants (at most [`BRIEF_VALUES`], alphabetical).
    pub participants: Vec<String>,
    /// The language of `title` when it is not the reader's ([`TopEvent::in_language`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_lang: Option<String>,
    /// Its titles in other languages.
    #[serde(skip)]
    pub titles: crate::Titles,
}

impl TopEvent {
    /// Its title for a reader of `reader` ([`crate::Titles::pick`]).
    pub fn in_language(&mut self, reader: &str) {
        self.titles
            .localise(&mut self.title, &mut self.title_lang, reader);
    }
}

/// How many tags, countries and participants a [`TopEvent`] carries.
pub const BRIEF_VALUES: usize = 6;

/// Whether the start and the end of an EDTF date are fuzzy: qualified approximate or uncertain
/// (`~`, `?`, `%`), open (`..`) or unknown (empty).
pub fn fuzzy_ends(edtf: &str) -> (bool, bool) {
    let fuzzy = |s: &str| s.is_empty() || s == ".." || s.contains(['~', '?', '%']);
    match edtf.split_once('/') {
        Some((a, b)) => (fuzzy(a), fuzzy(b)),
        None => (fuzzy(edtf), fuzzy(edtf)),
    }
}

/// Density over a window.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    /// The periods' unit, as people say it: "day", "month", "year", "decade", "century",
    /// "500 years", "millennium", "million years", ...
    pub unit: String,
    /// Their length in years (0 for days and months).
    pub years: i64,
    /// The unit itself, to name the periods in another language
    /// ([`annals_dates::period::Unit::label_in`]).
    #[serde(skip_serializing)]
    pub period: annals_dates::period::Unit,
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
    /// Per bucket, once its `best` is full, the importance of the worst of them: an event less
    /// important cannot enter (most of a frequent word's matches, rejected by one comparison).
    floor: Vec<f64>,
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
            floor: vec![f64::NEG_INFINITY; n],
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
            b.sort_by(best_first);
            b.truncate(self.top);
        }
        Ok((counts, best))
    }
}

/// A bucket's events best first: the more important, then the earlier, then the earlier
/// document (the order [`DayOrder`] breaks ties in), so that a timeline with words and one
/// without pick the same events.
fn best_first(x: &(f64, i64, DocAddress), y: &(f64, i64, DocAddress)) -> std::cmp::Ordering {
    y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2))
}

/// The bucket of `day`: `b` with `starts[b] <= day < starts[b + 1]`, if any. Periods are
/// nearly even (days, months, years, ... of a calendar), so the bucket is first guessed from
/// the day's place in the window and then corrected by a step or two.
fn bucket_of(starts: &[i64], day: i64) -> Option<usize> {
    let (&first, &end) = (starts.first()?, starts.last()?);
    if day < first || day >= end {
        return None;
    }
    let n = starts.len() - 1;
    let guess = i128::from(day - first) * n as i128 / i128::from(end - first);
    let mut b = (guess.max(0) as usize).min(n - 1);
    while starts[b] > day {
        b -= 1;
    }
    while starts[b + 1] <= day {
        b += 1;
    }
    Some(b)
}

/// The first and last sort day of the matches (one pass, no order kept).
struct Extent;

/// [`Extent`] in one segment.
struct ExtentSegment {
    sort: Column<i64>,
    range: Option<(i64, i64)>,
}

impl Collector for Extent {
    type Fruit = Option<(i64, i64)>;
    type Child = ExtentSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<ExtentSegment> {
        Ok(ExtentSegment {
            sort: reader.fast_fields().i64(fast::SORT)?,
            range: None,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Option<(i64, i64)>>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits
            .into_iter()
            .flatten()
            .reduce(|(a, b), (c, d)| (a.min(c), b.max(d))))
    }
}

impl SegmentCollector for ExtentSegment {
    type Fruit = Option<(i64, i64)>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(day) = self.sort.first(doc) {
            self.range = Some(match self.range {
                Some((lo, hi)) => (lo.min(day), hi.max(day)),
                None => (day, day),
            });
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.range
    }
}

impl SegmentCollector for DensitySegment {
    type Fruit = DensityFruit;

    fn collect(&mut self, doc: DocId, _: Score) {
        let Some(day) = self.sort.first(doc) else {
            return;
        };
        let Some(b) = bucket_of(&self.starts, day) else {
            return;
        };
        self.counts[b] += 1;
        if self.top > 0 {
            let imp = self.importance.first(doc).unwrap_or(0.0);
            if imp < self.floor[b] {
                return;
            }
            let best = &mut self.best[b];
            let met = (imp, day, DocAddress::new(self.segment, doc));
            if best.len() < self.top {
                best.push(met);
            } else if let Some((pos, worst)) =
                best.iter().enumerate().max_by(|a, b| best_first(a.1, b.1))
            {
                if best_first(&met, worst).is_lt() {
                    best[pos] = met;
                }
            }
            if best.len() >= self.top {
                self.floor[b] = best.iter().map(|m| m.0).fold(f64::INFINITY, f64::min);
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
            let order = self.sorted_days.get(reader)?;
            let at = |s: i64| order.days.before(s) as u64;
            for (i, c) in counts.iter_mut().enumerate() {
                *c += at(starts[i + 1]) - at(starts[i]);
            }
        }
        Ok(counts)
    }

    /// Counts per bucket and the `top` most important events of each, over every event, from
    /// each segment's [`DayOrder`].
    fn all_best(
        &self,
        searcher: &tantivy::Searcher,
        starts: &[i64],
        top: usize,
    ) -> Result<DensityFruit> {
        let n = starts.len().saturating_sub(1);
        let mut counts = vec![0u64; n];
        let mut best: Vec<Vec<(f64, i64, DocAddress)>> = vec![Vec::new(); n];
        for (seg, reader) in searcher.segment_readers().iter().enumerate() {
            let order = self.sorted_days.get(reader)?;
            let mut l = order.days.before(starts[0]);
            for i in 0..n {
                // `starts` ascend, so the days before the next start are at least `l`.
                let r = order.days.before(starts[i + 1]).max(l);
                counts[i] += (r - l) as u64;
                for pos in order.most_important(l, r, top) {
                    best[i].push((
                        f64::from(order.importance[pos]),
                        order.days.get(pos),
                        DocAddress::new(seg as SegmentOrdinal, order.docs[pos]),
                    ));
                }
                l = r;
            }
        }
        for b in &mut best {
            b.sort_by(best_first);
            b.truncate(top);
        }
        Ok((counts, best))
    }

    /// The first and last day of every event (their sort keys), from each segment's [`DayOrder`].
    fn all_extent(&self, searcher: &tantivy::Searcher) -> Result<Option<(i64, i64)>> {
        let mut extent: Option<(i64, i64)> = None;
        for reader in searcher.segment_readers() {
            let order = self.sorted_days.get(reader)?;
            if let Some((a, b)) = order.days.ends() {
                extent = Some(extent.map_or((a, b), |(x, y)| (x.min(a), y.max(b))));
            }
        }
        Ok(extent)
    }

    pub fn timeline(&self, request: &Request, opts: &TimelineOptions) -> Result<Timeline> {
        let searcher = self.searcher();
        let mut compiler =
            Compiler::new(self.tantivy(), self.fields(), &searcher)?.with_aliases(self.aliases());
        let mut query = compiler.compile(&request.expr)?;
        // Several words alone: their matches found without a seek (the periods count them,
        // unranked).
        if let Some(words) = compiler
            .plain_words()
            .filter(|w| crate::prune::fits(w) && crate::search::only_words(&request.expr))
        {
            let terms = words
                .iter()
                .map(|w| w.iter().map(|(t, _)| t.clone()).collect())
                .collect();
            query = Box::new(crate::allwords::AllWords::new(terms));
        }
        let every = matches!(request.expr, annals_query::Expr::All);
        let extent = match (opts.from, opts.to) {
            (Some(_), Some(_)) => None,
            _ if every => self.all_extent(&searcher)?,
            _ => None,
        };
        let (from, to) = match (opts.from, opts.to, extent) {
            (Some(a), Some(b), _) => (a, b),
            (a, b, Some((lo, hi))) => {
                let lo = a.unwrap_or(lo);
                (lo, b.unwrap_or(hi).max(lo))
            }
            (a, b, None) => {
                // The span of the matches, from the sort key of the first and last.
                let span = searcher.search(&*query, &Extent)?;
                let lo = a.or(span.map(|s| s.0)).unwrap_or(0);
                let hi = b.or(span.map(|s| s.1)).unwrap_or(lo);
                (lo.max(i64::MIN / 2), hi.min(i64::MAX / 2).max(lo))
            }
        };
        let unit = Unit::fitting(from, to, opts.buckets.max(1));
        let periods = unit.periods(from, to, opts.buckets.max(1));
        // Consecutive periods: bucket i holds the days `starts[i] .. starts[i + 1]`.
        let mut starts: Vec<i64> = periods.iter().map(|p| p.0).collect();
        starts.push(periods.last().map_or(from, |p| p.1.saturating_add(1)));
        let (counts, best) = if every && opts.top == 0 {
            // Counts of every event: binary searches in each segment's sorted dates, no docs.
            (
                self.all_counts(&searcher, &starts)?,
                vec![Vec::new(); starts.len() - 1],
            )
        } else if every {
            self.all_best(&searcher, &starts, opts.top)?
        } else {
            // A window asked for, narrower than the words' matches, reads only the events that
            // may start in its buckets (its date cells: a narrow window of frequent words costs
            // its events, not theirs); a wider one would only add a check to every match.
            let query: Box<dyn tantivy::query::Query> = match (opts.from, opts.to, starts.last()) {
                (None, None, _) | (_, _, None) => query,
                (_, _, Some(&end)) => {
                    let window = crate::spans::DateWindow {
                        field: self.fields().span,
                        lo: starts[0],
                        hi: end.saturating_sub(1),
                        mode: annals_query::DateMode::Overlap,
                    };
                    if window.estimate(&searcher)?
                        < crate::search::upper_bound(&searcher, &*query)? / 2
                    {
                        Box::new(tantivy::query::BooleanQuery::intersection(vec![
                            query,
                            Box::new(window),
                        ]))
                    } else {
                        query
                    }
                }
            };
            searcher.search(
                &*query,
                &Density {
                    starts: std::sync::Arc::new(starts.clone()),
                    top: opts.top,
                },
            )?
        };
        let mut columns = Columns::new(&searcher);
        let mut buckets = Vec::with_capacity(counts.len());
        for (i, count) in counts.iter().enumerate() {
            let mut top = Vec::new();
            for (imp, day, addr) in &best[i] {
                let b = self.stored_brief(&searcher, *addr)?;
                let date = b.when();
                let edtf = date.as_ref().map_or("", |w| w.edtf.as_str());
                let (approx_start, approx_end) = fuzzy_ends(edtf);
                let c = columns.of(*addr)?;
                let hi = c.hi.first(addr.doc_id).unwrap_or(*day);
                top.push(TopEvent {
                    id: b.id,
                    title: b.title,
                    date: date.map(|w| w.written()).unwrap_or_default(),
                    importance: *imp as f32,
                    day: *day,
                    end: if hi == i64::MAX || hi < *day {
                        *day
                    } else {
                        hi
                    },
                    approx_start,
                    approx_end,
                    tags: self.values(c, fast::TAG, addr.doc_id),
                    countries: self.values(c, fast::COUNTRY, addr.doc_id),
                    participants: self.values(c, fast::PARTICIPANT, addr.doc_id),
                    title_lang: None,
                    titles: b.titles,
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
            period: unit,
            total: counts.iter().sum(),
            buckets,
        })
    }
}

/// The columns a [`TopEvent`] reads, per segment, opened on first use.
struct Columns<'a> {
    searcher: &'a tantivy::Searcher,
    open: Vec<Option<SegmentColumns>>,
}

struct SegmentColumns {
    segment: tantivy::index::SegmentId,
    hi: Column<i64>,
    tags: Option<StrColumn>,
    countries: Option<StrColumn>,
    participants: Option<StrColumn>,
}

impl<'a> Columns<'a> {
    fn new(searcher: &'a tantivy::Searcher) -> Self {
        Columns {
            searcher,
            open: Vec::new(),
        }
    }

    fn of(&mut self, addr: DocAddress) -> Result<&SegmentColumns> {
        let seg = addr.segment_ord as usize;
        if self.open.len() <= seg {
            self.open.resize_with(seg + 1, || None);
        }
        if self.open[seg].is_none() {
            let reader = self.searcher.segment_reader(addr.segment_ord);
            let ff = reader.fast_fields();
            self.open[seg] = Some(SegmentColumns {
                segment: reader.segment_id(),
                hi: ff.i64("hi")?,
                tags: ff.str(fast::TAG)?,
                countries: ff.str(fast::COUNTRY)?,
                participants: ff.str(fast::PARTICIPANT)?,
            });
        }
        match &self.open[seg] {
            Some(c) => Ok(c),
            None => Err(crate::IndexError::Query("segment columns".into())),
        }
    }
}

impl SearchIndex {
    /// A document's values of a text column (`field`: a facet), at most [`BRIEF_VALUES`],
    /// through the cache of facet values (a value read from the dictionary costs a block).
    fn values(&self, c: &SegmentColumns, field: &'static str, doc: DocId) -> Vec<String> {
        let col = match field {
            fast::TAG => c.tags.as_ref(),
            fast::COUNTRY => c.countries.as_ref(),
            _ => c.participants.as_ref(),
        };
        let Some(col) = col else {
            return Vec::new();
        };
        let mut cache = self.terms.0.lock().unwrap_or_else(|p| p.into_inner());
        if cache.len() > crate::collect::TermCache::MAX {
            cache.clear();
        }
        let mut out = Vec::new();
        for ord in col.term_ords(doc).take(BRIEF_VALUES) {
            let key = (c.segment, field, ord);
            if let Some(v) = cache.get(&key) {
                out.push(v.to_string());
                continue;
            }
            let mut s = String::new();
            if col.ord_to_str(ord, &mut s).unwrap_or(false) {
                cache.insert(key, std::sync::Arc::from(s.as_str()));
                out.push(s);
            }
        }
        out
    }
}

/// One segment's live events in day order (their sort keys), with their documents and
/// importance, and a tree of the most important event of every power-of-two range of blocks:
/// counting the events of a period is two binary searches, finding its `k` most important about
/// `2k` walks down the tree and scans of the blocks at the ranges' ends.
#[derive(Debug)]
pub struct DayOrder {
    /// Packed, as `importance` (see [`crate::packed`]): 12 bytes an event, where plain columns
    /// took 20.
    days: Days,
    docs: Vec<DocId>,
    /// As `f32`: the index keeps importance to `f32`'s precision ([`crate::schema`]).
    importance: Vec<f32>,
    /// `best[size + b]` is the most important position of block `b`; `best[n]` is the better of
    /// `best[2n]` and `best[2n + 1]`; `NONE` past the end.
    best: Vec<u32>,
    size: usize,
}

const NONE: u32 = u32::MAX;

/// Positions that one leaf of [`DayOrder`]'s tree stands for. The tree is kept for every event
/// of the index (ten million at the largest we measure); with a leaf per block it takes 1/32 of
/// the memory of a leaf per event, and a range's two end blocks are scanned instead (at most 62
/// comparisons).
const BLOCK: usize = 32;

impl DayOrder {
    fn new(mut rows: Vec<(i64, DocId, f64)>) -> Self {
        rows.sort_unstable_by_key(|r| (r.0, r.1));
        let blocks = rows.len().div_ceil(BLOCK);
        let size = blocks.next_power_of_two().max(1);
        let mut order = DayOrder {
            days: Days::new(rows.iter().map(|r| r.0)),
            docs: rows.iter().map(|r| r.1).collect(),
            importance: rows.iter().map(|r| r.2 as f32).collect(),
            best: vec![NONE; 2 * size],
            size,
        };
        for b in 0..blocks {
            order.best[size + b] = order.scan(b * BLOCK, ((b + 1) * BLOCK).min(rows.len()));
        }
        for n in (1..size).rev() {
            order.best[n] = order.better(order.best[2 * n], order.best[2 * n + 1]);
        }
        order
    }

    /// How many events the segment has in day order.
    pub(crate) fn len(&self) -> usize {
        self.days.len()
    }

    /// The position of the first event on or after `day`.
    pub(crate) fn position(&self, day: i64) -> usize {
        self.days.before(day)
    }

    /// The event at position `i` (sort key, document).
    pub(crate) fn at(&self, i: usize) -> (i64, DocId) {
        (self.days.get(i), self.docs[i])
    }

    /// The more important of two positions (the earlier on a tie).
    fn better(&self, a: u32, b: u32) -> u32 {
        match (a, b) {
            (NONE, x) | (x, NONE) => x,
            (a, b) if self.importance[b as usize] > self.importance[a as usize] => b,
            (a, b) if self.importance[b as usize] < self.importance[a as usize] => a,
            (a, b) => a.min(b),
        }
    }

    /// The most important position in `l..r`, one by one (`NONE` for an empty range).
    fn scan(&self, l: usize, r: usize) -> u32 {
        (l..r).fold(NONE, |best, i| self.better(best, i as u32))
    }

    /// The position of the most important event in `l..r`.
    fn argmax(&self, l: usize, r: usize) -> Option<usize> {
        // The blocks wholly inside `l..r` are read from the tree, the ends scanned.
        let (first, last) = (l.div_ceil(BLOCK), r / BLOCK);
        if first >= last {
            let best = self.scan(l, r);
            return (best != NONE).then_some(best as usize);
        }
        let ends = self.better(self.scan(l, first * BLOCK), self.scan(last * BLOCK, r));
        let (mut l, mut r, mut best) = (first + self.size, last + self.size, ends);
        while l < r {
            if l & 1 == 1 {
                best = self.better(best, self.best[l]);
                l += 1;
            }
            if r & 1 == 1 {
                r -= 1;
                best = self.better(best, self.best[r]);
            }
            l >>= 1;
            r >>= 1;
        }
        (best != NONE).then_some(best as usize)
    }

    /// The positions of the `k` most important events in `l..r`, most important first.
    fn most_important(&self, l: usize, r: usize, k: usize) -> Vec<usize> {
        let mut out = Vec::with_capacity(k);
        // Ranges still to pick from, each with its best position.
        let mut ranges: Vec<(usize, usize, usize)> = Vec::new();
        if let Some(p) = self.argmax(l, r) {
            ranges.push((p, l, r));
        }
        while out.len() < k && !ranges.is_empty() {
            let mut at = 0;
            for (i, x) in ranges.iter().enumerate() {
                if self.better(ranges[at].0 as u32, x.0 as u32) == x.0 as u32 {
                    at = i;
                }
            }
            let (p, a, b) = ranges.swap_remove(at);
            out.push(p);
            for (a, b) in [(a, p), (p + 1, b)] {
                if let Some(q) = self.argmax(a, b) {
                    ranges.push((q, a, b));
                }
            }
        }
        out
    }
}

/// Each segment's [`DayOrder`] of its live documents (see [`SegmentCache`]).
#[derive(Debug, Default)]
pub struct SortedDays(SegmentCache<DayOrder>);

impl SortedDays {
    /// See [`SegmentCache::keep_only`].
    pub(crate) fn keep_only(&self, searcher: &tantivy::Searcher) {
        self.0.keep_only(searcher);
    }

    /// How many segments it keeps a day order for.
    #[cfg(test)]
    pub(crate) fn kept(&self) -> usize {
        self.0.kept()
    }

    pub(crate) fn get(&self, reader: &SegmentReader) -> Result<std::sync::Arc<DayOrder>> {
        self.0.get(reader, |reader| {
            let sort = reader.fast_fields().i64(fast::SORT)?;
            let importance = reader.fast_fields().f64(fast::IMPORTANCE)?;
            let alive = reader.alive_bitset();
            let rows: Vec<(i64, DocId, f64)> = (0..reader.max_doc())
                .filter(|&d| alive.is_none_or(|a| a.is_alive(d)))
                .filter_map(|d| Some((sort.first(d)?, d, importance.first(d).unwrap_or(0.0))))
                .collect();
            Ok(DayOrder::new(rows))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_important_in_a_range() {
        let imp = [3.0, 9.0, 1.0, 7.0, 7.0, 2.0, 8.0];
        let rows = imp
            .iter()
            .enumerate()
            .map(|(i, &x)| (i as i64 * 10, i as DocId, x))
            .collect();
        let o = DayOrder::new(rows);
        assert_eq!(o.most_important(0, 7, 3), vec![1, 6, 3]);
        assert_eq!(o.most_important(2, 6, 2), vec![3, 4]);
        assert_eq!(o.most_important(2, 3, 5), vec![2]);
        assert!(o.most_important(4, 4, 3).is_empty());
        // Against a sort, on every range.
        for l in 0..7 {
            for r in l..=7 {
                let mut want: Vec<usize> = (l..r).collect();
                want.sort_by(|&a, &b| imp[b].total_cmp(&imp[a]).then(a.cmp(&b)));
                want.truncate(3);
                assert_eq!(o.most_important(l, r, 3), want, "{l}..{r}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_most_important_of_any_range_are_those_a_sort_finds(
            imp in proptest::collection::vec(0u8..6, 0..300),
            ranges in proptest::collection::vec((0usize..320, 0usize..320, 1usize..6), 20),
        ) {
            let rows = imp
                .iter()
                .enumerate()
                .map(|(i, &x)| (i as i64, i as DocId, f64::from(x)))
                .collect();
            let o = DayOrder::new(rows);
            for (a, b, k) in ranges {
                let (l, r) = (a.min(b).min(imp.len()), a.max(b).min(imp.len()));
                let mut want: Vec<usize> = (l..r).collect();
                want.sort_by(|&x, &y| imp[y].cmp(&imp[x]).then(x.cmp(&y)));
                want.truncate(k);
                proptest::prop_assert_eq!(o.most_important(l, r, k), want, "{}..{}", l, r);
            }
        }
    }

    proptest::proptest! {
        /// The guessed bucket is the one a binary search finds, for even periods and uneven
        /// ones, empty ones and deep-time days.
        #[test]
        fn a_days_bucket_is_the_one_a_search_finds(
            first in -5_000_000_000_000i64..5_000_000_000_000,
            lengths in proptest::collection::vec(0i64..2_000, 1..140),
            days in proptest::collection::vec(-3_000i64..300_000, 40),
        ) {
            let mut starts = vec![first];
            for len in &lengths {
                starts.push(starts[starts.len() - 1] + len);
            }
            for d in days {
                let day = first + d;
                let i = starts.partition_point(|&s| s <= day);
                let want = (i > 0 && i < starts.len()).then(|| i - 1);
                proptest::prop_assert_eq!(bucket_of(&starts, day), want, "day {}", day);
            }
        }
    }

    #[test]
    fn fuzzy_ends_of_dates() {
        assert_eq!(fuzzy_ends("1984"), (false, false));
        assert_eq!(fuzzy_ends("1984~"), (true, true));
        assert_eq!(fuzzy_ends("1939-09-01/1945-09-02"), (false, false));
        assert_eq!(fuzzy_ends("1450?/1460"), (true, false));
        assert_eq!(fuzzy_ends("1990/.."), (false, true));
        assert_eq!(fuzzy_ends("/2006"), (true, false));
    }
}

//! The map's counts: the located events that match a query and overlap a time window, counted
//! on a grid over a view of the world, with the best events of each cell and of the whole view.
//!
//! Every event (a query without words or filters) is read from [`Located`], each segment's
//! located events kept in memory by time, so that a time window costs the events near it, never
//! the events of other times. Any other query runs through tantivy, with a collector that reads
//! the same columns. An event is drawn
//! at its first located place.

use crate::located::{Located, Sample};
use crate::schema::fast;
use crate::{Result, SearchIndex};
use annals_query::{DateMode, DayRange, Expr, Filter, Request};
use serde::Serialize;
use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// A view of the world (degrees, `south < north`, `west < east`) cut into `rows × cols` cells.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Grid {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
    pub rows: usize,
    pub cols: usize,
}

impl Grid {
    /// The cell (`row * cols + col`, rows from the north) of a point, `None` outside the view.
    pub fn cell(&self, lat: f64, lon: f64) -> Option<usize> {
        if !(lat >= self.south && lat <= self.north && lon >= self.west && lon <= self.east) {
            return None;
        }
        let (rows, cols) = (self.rows.max(1), self.cols.max(1));
        let fr = (self.north - lat) / (self.north - self.south).max(f64::MIN_POSITIVE);
        let fc = (lon - self.west) / (self.east - self.west).max(f64::MIN_POSITIVE);
        let r = ((fr * rows as f64) as usize).min(rows - 1);
        let c = ((fc * cols as f64) as usize).min(cols - 1);
        Some(r * cols + c)
    }
}

/// What to count.
#[derive(Debug, Clone)]
pub struct MapOptions {
    /// Days (Rata Die) that events must overlap, ends included; `None`: all of time.
    pub window: Option<(i64, i64)>,
    pub grid: Grid,
    /// Events kept per cell, best first.
    pub per_cell: usize,
    /// Events kept over the whole view, best first.
    pub top: usize,
    /// Events that start before this day are deep time (`deep` in the answer).
    pub deep_before: i64,
}

/// An event on the map.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapEvent {
    pub id: String,
    pub title: String,
    /// The date as written.
    pub date: String,
    /// Its first place, "name, country" (empty when it has none).
    pub place: String,
    /// Every place, "name, country", in order (the one at `lat`, `lon` is the first located
    /// one, which the index does not mark: see `annals-server`'s map for how it is named).
    pub places: Vec<String>,
    pub lat: f64,
    pub lon: f64,
    /// It starts before [`MapOptions::deep_before`].
    pub deep: bool,
    /// The language of `title` when it is not the reader's ([`MapEvent::in_language`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_lang: Option<String>,
    /// Its titles in other languages.
    #[serde(skip)]
    pub titles: crate::Titles,
}

impl MapEvent {
    /// Its title for a reader of `reader` ([`crate::Titles::pick`]).
    pub fn in_language(&mut self, reader: &str) {
        self.titles
            .localise(&mut self.title, &mut self.title_lang, reader);
    }
}

/// The events of one cell.
#[derive(Debug, Clone, PartialEq)]
pub struct MapCell {
    /// `row * cols + col`, rows from the north.
    pub index: usize,
    pub count: u64,
    /// How many start before [`MapOptions::deep_before`].
    pub deep: u64,
    /// Their mean latitude and longitude.
    pub lat: f64,
    pub lon: f64,
    /// The best of them (by relevance, then importance), at most [`MapOptions::per_cell`].
    pub best: Vec<MapEvent>,
}

/// The counts over a view.
#[derive(Debug, Clone, PartialEq)]
pub struct MapCells {
    /// Matching located events in the view.
    pub total: u64,
    /// How many of them are deep time.
    pub deep: u64,
    /// The cells that hold events, in index order.
    pub cells: Vec<MapCell>,
    /// The best events in the view, at most [`MapOptions::top`].
    pub top: Vec<MapEvent>,
}

/// An event met while counting: its rank (relevance, then importance, then the earlier
/// document) and where it is.
#[derive(Debug, Clone, Copy)]
struct Pick {
    score: Score,
    importance: f64,
    addr: DocAddress,
    lat: f64,
    lon: f64,
    deep: bool,
}

impl Pick {
    fn cmp_rank(&self, other: &Pick) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then(self.importance.total_cmp(&other.importance))
            .then(other.addr.cmp(&self.addr))
    }
}

/// Keeps the `k` best of `list` (best first) after offering `p`.
fn offer(list: &mut Vec<Pick>, k: usize, p: Pick) {
    if list.len() >= k {
        match list.last() {
            Some(last) if p.cmp_rank(last) == Ordering::Greater => {
                list.pop();
            }
            _ => return,
        }
    }
    let at = list.partition_point(|q| q.cmp_rank(&p) == Ordering::Greater);
    list.insert(at, p);
}

#[derive(Debug, Clone, Default)]
struct CellAcc {
    count: u64,
    deep: u64,
    lat: f64,
    lon: f64,
    best: Vec<Pick>,
}

/// Counts being made (per segment, then merged).
struct Acc {
    grid: Grid,
    per_cell: usize,
    top_k: usize,
    deep_before: i64,
    cells: Vec<CellAcc>,
    total: u64,
    deep: u64,
    top: Vec<Pick>,
}

impl Acc {
    fn new(o: &MapOptions) -> Acc {
        Acc {
            grid: o.grid,
            per_cell: o.per_cell,
            top_k: o.top,
            deep_before: o.deep_before,
            cells: vec![CellAcc::default(); o.grid.rows.max(1) * o.grid.cols.max(1)],
            total: 0,
            deep: 0,
            top: Vec::new(),
        }
    }

    fn add(&mut self, lat: f64, lon: f64, lo: i64, score: Score, imp: f64, addr: DocAddress) {
        let Some(i) = self.grid.cell(lat, lon) else {
            return;
        };
        let deep = lo < self.deep_before && lo != i64::MIN;
        let c = &mut self.cells[i];
        c.count += 1;
        c.deep += u64::from(deep);
        c.lat += lat;
        c.lon += lon;
        self.total += 1;
        self.deep += u64::from(deep);
        let p = Pick {
            score,
            importance: imp,
            addr,
            lat,
            lon,
            deep,
        };
        offer(&mut c.best, self.per_cell, p);
        offer(&mut self.top, self.top_k, p);
    }

    fn merge(&mut self, other: Acc) {
        for (c, o) in self.cells.iter_mut().zip(other.cells) {
            c.count += o.count;
            c.deep += o.deep;
            c.lat += o.lat;
            c.lon += o.lon;
            for p in o.best {
                offer(&mut c.best, self.per_cell, p);
            }
        }
        self.total += other.total;
        self.deep += other.deep;
        for p in other.top {
            offer(&mut self.top, self.top_k, p);
        }
    }
}

/// The time window of a request that is nothing but windows (`from`/`to` without words or
/// filters, or nothing at all): `Some` with the days every event must overlap (all days for no
/// window), `None` for any other request.
pub(crate) fn only_window(expr: &Expr) -> Option<(i64, i64)> {
    fn walk(e: &Expr, w: &mut Option<(i64, i64)>) -> bool {
        match e {
            Expr::All => true,
            Expr::Filter(Filter::Date {
                range,
                mode: DateMode::Overlap,
            }) => {
                let (lo, hi) = w.unwrap_or((i64::MIN, i64::MAX));
                *w = Some((lo.max(range.lo), hi.min(range.hi)));
                true
            }
            Expr::And(parts) => parts.iter().all(|p| walk(p, w)),
            _ => false,
        }
    }
    let mut w = None;
    walk(expr, &mut w).then(|| w.unwrap_or((i64::MIN, i64::MAX)))
}

impl SearchIndex {
    /// The located events overlapping `window` that a points query without words ranks first
    /// (every score equal, so the smallest `seq`, a hash of the id: an even sample), at most
    /// `limit`, in that order, with their points. Read from [`Located`]: a wide window walks its
    /// sample order, a narrow one costs the events near it, never a pass over every event (as
    /// the same query through tantivy does: a fast-field range over all documents).
    pub(crate) fn window_sample(
        &self,
        searcher: &tantivy::Searcher,
        window: (i64, i64),
        limit: usize,
    ) -> Result<Vec<(DocAddress, f64, f64)>> {
        let mut samples = crate::per_segment(searcher, |seg, reader| {
            let located = self.located.get(reader, Located::of)?;
            let seq = reader.fast_fields().u64(fast::SEQ)?;
            Ok((seg, Sample::new(located, window, limit), seq))
        })?;
        // The segments' samples merged in sample order (`seq`, then address): each event's
        // `seq` read, and each segment's sample made, only as far as the merge goes.
        let mut heads = BinaryHeap::new();
        let mut pull = |s: usize, heads: &mut BinaryHeap<_>| {
            let (seg, sample, seq) = &mut samples[s];
            if let Some(r) = sample.next() {
                let key = seq.first(r.doc).unwrap_or(0);
                let addr = DocAddress::new(*seg, r.doc);
                heads.push(Reverse((key, addr, s, r.lat.to_bits(), r.lon.to_bits())));
            }
        };
        for s in 0..searcher.segment_readers().len() {
            pull(s, &mut heads);
        }
        let mut out = Vec::new();
        while out.len() < limit {
            let Some(Reverse((_, addr, s, lat, lon))) = heads.pop() else {
                break;
            };
            out.push((addr, f64::from_bits(lat), f64::from_bits(lon)));
            pull(s, &mut heads);
        }
        Ok(out)
    }
}

/// The collector of the counts for any query.
struct MapCollector(MapOptions);

struct MapSegment {
    acc: Acc,
    segment: SegmentOrdinal,
    lat: Column<f64>,
    lon: Column<f64>,
    lo: Column<i64>,
    importance: Column<f64>,
}

impl Collector for MapCollector {
    type Fruit = Acc;
    type Child = MapSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        r: &SegmentReader,
    ) -> tantivy::Result<MapSegment> {
        let ff = r.fast_fields();
        Ok(MapSegment {
            acc: Acc::new(&self.0),
            segment,
            lat: ff.f64(fast::LAT)?,
            lon: ff.f64(fast::LON)?,
            lo: ff.i64(fast::LO)?,
            importance: ff.f64(fast::IMPORTANCE)?,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Acc>) -> tantivy::Result<Acc> {
        let mut all = Acc::new(&self.0);
        for f in fruits {
            all.merge(f);
        }
        Ok(all)
    }
}

impl SegmentCollector for MapSegment {
    type Fruit = Acc;

    fn collect(&mut self, doc: DocId, score: Score) {
        let (Some(lat), Some(lon)) = (self.lat.first(doc), self.lon.first(doc)) else {
            return;
        };
        let lo = self.lo.first(doc).unwrap_or(i64::MIN);
        let imp = self.importance.first(doc).unwrap_or(0.0);
        let addr = DocAddress::new(self.segment, doc);
        self.acc.add(lat, lon, lo, score, imp, addr);
    }

    fn harvest(self) -> Acc {
        self.acc
    }
}

impl SearchIndex {
    /// The located events matching `request` that overlap `opts.window`, counted on
    /// `opts.grid` (see the module documentation).
    pub fn map_cells(&self, request: &Request, opts: &MapOptions) -> Result<MapCells> {
        let searcher = self.searcher();
        let acc = if matches!(request.expr, Expr::All) {
            let parts = crate::per_segment(&searcher, |seg, reader| {
                let mut acc = Acc::new(opts);
                let located = self.located.get(reader, Located::of)?;
                located.scan(opts.window, |r| {
                    let addr = DocAddress::new(seg, r.doc);
                    acc.add(r.lat, r.lon, r.lo, 0.0, r.importance, addr);
                });
                Ok(acc)
            })?;
            let mut acc = Acc::new(opts);
            for part in parts {
                acc.merge(part);
            }
            acc
        } else {
            let mut expr = request.expr.clone();
            if let Some((lo, hi)) = opts.window {
                let date = Expr::Filter(Filter::Date {
                    range: DayRange { lo, hi },
                    mode: DateMode::Overlap,
                });
                expr = Expr::And(vec![expr, date]);
            }
            let mut compiler =
                crate::compile::Compiler::new(self.tantivy(), self.fields(), &searcher)?
                    .with_aliases(self.aliases());
            let query = crate::compile::ranked(&expr, compiler.compile(&expr)?);
            searcher.search(&*query, &MapCollector(opts.clone()))?
        };
        // Each event read once, in document order (neighbours share a compressed block).
        let mut wanted: Vec<DocAddress> = acc
            .cells
            .iter()
            .flat_map(|c| &c.best)
            .chain(&acc.top)
            .map(|p| p.addr)
            .collect();
        wanted.sort();
        wanted.dedup();
        let briefs = crate::in_chunks(&wanted, 64, |&addr| {
            let b = self.stored_brief(&searcher, addr)?;
            let date = b.date();
            Ok((addr, (b.id, b.title, date, b.places, b.titles)))
        })?;
        let briefs: HashMap<_, _> = briefs.into_iter().collect();
        let event = |p: &Pick| {
            let (id, title, date, places, titles) =
                briefs.get(&p.addr).cloned().unwrap_or_default();
            MapEvent {
                id,
                title,
                date,
                place: places.first().cloned().unwrap_or_default(),
                places,
                lat: p.lat,
                lon: p.lon,
                deep: p.deep,
                title_lang: None,
                titles,
            }
        };
        let cells = acc
            .cells
            .iter()
            .enumerate()
            .filter(|(_, c)| c.count > 0)
            .map(|(index, c)| MapCell {
                index,
                count: c.count,
                deep: c.deep,
                lat: c.lat / c.count as f64,
                lon: c.lon / c.count as f64,
                best: c.best.iter().map(event).collect(),
            })
            .collect();
        Ok(MapCells {
            total: acc.total,
            deep: acc.deep,
            cells,
            top: acc.top.iter().map(event).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_of_a_grid() {
        let g = Grid {
            south: -10.0,
            west: 0.0,
            north: 10.0,
            east: 40.0,
            rows: 2,
            cols: 4,
        };
        assert_eq!(g.cell(9.0, 1.0), Some(0));
        assert_eq!(g.cell(-9.0, 39.0), Some(7));
        assert_eq!(g.cell(10.0, 40.0), Some(3), "the edges belong to the view");
        assert_eq!(g.cell(-10.0, 0.0), Some(4));
        assert_eq!(g.cell(11.0, 1.0), None);
        assert_eq!(g.cell(f64::NAN, 1.0), None);
    }

    #[test]
    fn the_best_are_kept_best_first() {
        let p = |i: u32, imp: f64| Pick {
            score: 1.0,
            importance: imp,
            addr: DocAddress::new(0, i),
            lat: 0.0,
            lon: 0.0,
            deep: false,
        };
        let mut list = Vec::new();
        for (i, imp) in [3.0, 9.0, 1.0, 7.0, 7.0, 2.0].into_iter().enumerate() {
            offer(&mut list, 3, p(i as u32, imp));
        }
        let docs: Vec<u32> = list.iter().map(|p| p.addr.doc_id).collect();
        assert_eq!(docs, vec![1, 3, 4], "ties go to the earlier document");
    }
}

//! Collectors: the best `k` hits in a stable order that a cursor can resume, and facet counts.

use crate::schema::fast;
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::index::SegmentId;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Highest score first.
    Relevance,
    /// Oldest first.
    DateAsc,
    /// Newest first.
    DateDesc,
}

/// A hit's place in the order: a larger `primary` ranks first; ties go to the smaller `seq`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RankKey {
    /// Score, or the (negated for oldest-first) sort day.
    pub primary: f64,
    /// Stable tie-breaker (a hash of the id).
    pub seq: u64,
}

impl RankKey {
    /// Whether `self` ranks before `other`.
    fn cmp_rank(&self, other: &RankKey) -> Ordering {
        self.primary
            .total_cmp(&other.primary)
            .then_with(|| other.seq.cmp(&self.seq))
    }

    /// A cursor string: resume after this key.
    pub fn cursor(&self, order: Order) -> String {
        let o = match order {
            Order::Relevance => 'r',
            Order::DateAsc => 'a',
            Order::DateDesc => 'd',
        };
        format!("{o}{:016x}{:016x}", self.primary.to_bits(), self.seq)
    }

    /// Read a cursor made by [`RankKey::cursor`] for the same order.
    pub fn from_cursor(s: &str, order: Order) -> Option<RankKey> {
        let expected = match order {
            Order::Relevance => 'r',
            Order::DateAsc => 'a',
            Order::DateDesc => 'd',
        };
        let mut chars = s.chars();
        if chars.next()? != expected || s.len() != 33 || !s.is_ascii() {
            return None;
        }
        let primary = f64::from_bits(u64::from_str_radix(&s[1..17], 16).ok()?);
        let seq = u64::from_str_radix(&s[17..33], 16).ok()?;
        Some(RankKey { primary, seq })
    }
}

#[derive(Debug, Clone, Copy)]
struct Entry(RankKey, DocAddress);

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    /// Greater = ranks earlier; the heap keeps its smallest (worst) on top via `Reverse`.
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.cmp_rank(&other.0)
    }
}

/// The best `limit` hits after an optional cursor, in order.
pub struct TopHits {
    /// How many.
    pub limit: usize,
    /// The order.
    pub order: Order,
    /// Only hits ranking after this key.
    pub after: Option<RankKey>,
}

/// Per-segment state of [`TopHits`].
pub struct TopHitsSegment {
    limit: usize,
    order: Order,
    after: Option<RankKey>,
    segment: SegmentOrdinal,
    sort: Column<i64>,
    seq: Column<u64>,
    heap: BinaryHeap<std::cmp::Reverse<Entry>>,
}

impl Collector for TopHits {
    type Fruit = Vec<(RankKey, DocAddress)>;
    type Child = TopHitsSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<TopHitsSegment> {
        Ok(TopHitsSegment {
            limit: self.limit,
            order: self.order,
            after: self.after,
            segment,
            sort: reader.fast_fields().i64(fast::SORT)?,
            seq: reader.fast_fields().u64(fast::SEQ)?,
            heap: BinaryHeap::with_capacity(self.limit + 1),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.order == Order::Relevance
    }

    fn merge_fruits(
        &self,
        fruits: Vec<Vec<(RankKey, DocAddress)>>,
    ) -> tantivy::Result<Self::Fruit> {
        let mut all: Vec<Entry> = fruits
            .into_iter()
            .flatten()
            .map(|(k, d)| Entry(k, d))
            .collect();
        all.sort_by(|a, b| b.cmp(a));
        all.truncate(self.limit);
        Ok(all.into_iter().map(|Entry(k, d)| (k, d)).collect())
    }
}

impl TopHitsSegment {
    /// Once the page is full, the `primary` of its worst hit: a hit below it cannot enter.
    pub(crate) fn threshold(&self) -> Option<f64> {
        if self.heap.len() < self.limit {
            return None;
        }
        self.heap.peek().map(|worst| worst.0 .0.primary)
    }
}

impl SegmentCollector for TopHitsSegment {
    type Fruit = Vec<(RankKey, DocAddress)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let primary = match self.order {
            Order::Relevance => f64::from(score),
            Order::DateAsc => -(self.sort.first(doc).unwrap_or(i64::MAX) as f64),
            Order::DateDesc => self.sort.first(doc).unwrap_or(i64::MIN) as f64,
        };
        // Most matches rank below a full heap's worst: skip them before reading the tie-breaker.
        if self.heap.len() >= self.limit {
            if let Some(worst) = self.heap.peek() {
                if primary < worst.0 .0.primary {
                    return;
                }
            }
        }
        let seq = self.seq.first(doc).unwrap_or(0);
        let key = RankKey { primary, seq };
        if let Some(after) = &self.after {
            if key.cmp_rank(after) != Ordering::Less {
                return;
            }
        }
        let entry = Entry(key, DocAddress::new(self.segment, doc));
        if self.heap.len() < self.limit {
            self.heap.push(std::cmp::Reverse(entry));
        } else if let Some(worst) = self.heap.peek() {
            if entry > worst.0 {
                self.heap.pop();
                self.heap.push(std::cmp::Reverse(entry));
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.heap
            .into_iter()
            .map(|std::cmp::Reverse(Entry(k, d))| (k, d))
            .collect()
    }
}

/// Counts per value for the facet fields: country, participant, tag (strings) and century.
pub struct FacetCounts {
    /// How many values to keep per facet.
    pub size: usize,
    /// Facet values already read from the segments' dictionaries.
    pub terms: std::sync::Arc<TermCache>,
    /// Count one match in `every` (by a hash of its document), scaled back: 1 counts all.
    pub every: u64,
}

/// Facet values by segment, facet and term ordinal, kept across searches: reading a value from a
/// dictionary decompresses a whole block, and the same few values come back query after query.
#[derive(Debug, Default)]
pub struct TermCache(pub(crate) std::sync::Mutex<HashMap<TermKey, std::sync::Arc<str>>>);

/// A facet value's place: its segment, its facet and its term ordinal.
type TermKey = (SegmentId, &'static str, u64);

impl TermCache {
    /// Most values kept; past it the cache starts again (segments come and go with merges).
    pub(crate) const MAX: usize = 100_000;
}

/// Facet counts: value → number of matching events, per facet name.
pub type FacetFruit = HashMap<&'static str, HashMap<String, u64>>;

const STR_FACETS: [(&str, &str); 3] = [
    ("country", fast::COUNTRY),
    ("participant", fast::PARTICIPANT),
    ("tag", fast::TAG),
];

/// Per-segment state of [`FacetCounts`].
pub struct FacetSegment {
    size: usize,
    segment: SegmentId,
    terms: std::sync::Arc<TermCache>,
    columns: Vec<(&'static str, Option<StrColumn>, Vec<u32>)>,
    century: Column<i64>,
    centuries: HashMap<i64, u64>,
    every: u64,
}

impl Collector for FacetCounts {
    type Fruit = FacetFruit;
    type Child = FacetSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<FacetSegment> {
        let mut columns = Vec::new();
        for (name, field) in STR_FACETS {
            let col = reader.fast_fields().str(field)?;
            let n = col.as_ref().map_or(0, |c| c.num_terms());
            columns.push((name, col, vec![0u32; n]));
        }
        Ok(FacetSegment {
            size: self.size,
            segment: reader.segment_id(),
            terms: self.terms.clone(),
            columns,
            century: reader.fast_fields().i64(fast::CENTURY)?,
            centuries: HashMap::new(),
            every: self.every.max(1),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FacetFruit>) -> tantivy::Result<FacetFruit> {
        let mut out: FacetFruit = HashMap::new();
        for fruit in fruits {
            for (name, counts) in fruit {
                let slot = out.entry(name).or_default();
                for (value, n) in counts {
                    *slot.entry(value).or_default() += n;
                }
            }
        }
        for counts in out.values_mut() {
            keep_top(counts, self.size);
        }
        Ok(out)
    }
}

/// Keep the `n` largest counts (ties by value, for stable output).
pub fn keep_top(counts: &mut HashMap<String, u64>, n: usize) {
    if counts.len() <= n {
        return;
    }
    let mut v: Vec<(String, u64)> = counts.drain().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(n);
    counts.extend(v);
}

impl SegmentCollector for FacetSegment {
    type Fruit = FacetFruit;

    fn collect(&mut self, doc: DocId, _: Score) {
        if self.every > 1 && sampled_out(doc, self.every) {
            return;
        }
        for (_, col, counts) in &mut self.columns {
            if let Some(col) = col {
                for ord in col.term_ords(doc) {
                    if let Some(c) = counts.get_mut(ord as usize) {
                        *c += 1;
                    }
                }
            }
        }
        if let Some(c) = self.century.first(doc) {
            *self.centuries.entry(c).or_default() += 1;
        }
    }

    fn harvest(self) -> FacetFruit {
        let mut out: FacetFruit = HashMap::new();
        // Per segment, keep generously more than asked so that the merge stays exact in practice.
        let keep = self.size * 8 + 16;
        for (name, col, counts) in self.columns {
            let mut top: Vec<(u64, u32)> = counts
                .iter()
                .enumerate()
                .filter(|(_, &c)| c > 0)
                .map(|(o, &c)| (o as u64, c))
                .collect();
            top.sort_by_key(|t| std::cmp::Reverse(t.1));
            top.truncate(keep);
            let mut values = HashMap::new();
            if let Some(col) = col {
                let mut cache = self.terms.0.lock().unwrap_or_else(|p| p.into_inner());
                if cache.len() > TermCache::MAX {
                    cache.clear();
                }
                // Values not cached yet are read in one ordered pass over the dictionary
                // (one by one, each would decompress a block).
                let mut missing: Vec<(u64, u32)> = Vec::new();
                for &(ord, n) in &top {
                    match cache.get(&(self.segment, name, ord)) {
                        Some(s) => {
                            values.insert(s.to_string(), u64::from(n) * self.every);
                        }
                        None => missing.push((ord, n)),
                    }
                }
                missing.sort_unstable_by_key(|t| t.0);
                let ords: Vec<u64> = missing.iter().map(|t| t.0).collect();
                let mut next = missing.iter();
                let _ = col.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
                    if let (Ok(s), Some(&(ord, n))) = (std::str::from_utf8(bytes), next.next()) {
                        values.insert(s.to_string(), u64::from(n) * self.every);
                        cache.insert((self.segment, name, ord), s.into());
                    }
                });
            }
            out.insert(name, values);
        }
        out.insert(
            "century",
            self.centuries
                .into_iter()
                .map(|(c, n)| (annals_dates::period::century_label(c), n * self.every))
                .collect(),
        );
        out
    }
}

/// Whether a document is left out of a one-in-`every` sample (a multiplicative hash of its
/// number: neighbours, often imported together, fall apart).
fn sampled_out(doc: DocId, every: u64) -> bool {
    (u64::from(doc).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) % every != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip() {
        let k = RankKey {
            primary: -123.5,
            seq: 42,
        };
        let c = k.cursor(Order::DateAsc);
        assert_eq!(RankKey::from_cursor(&c, Order::DateAsc), Some(k));
        assert_eq!(RankKey::from_cursor(&c, Order::Relevance), None);
        assert_eq!(RankKey::from_cursor("r123", Order::Relevance), None);
        assert_eq!(RankKey::from_cursor("ré", Order::Relevance), None);
    }

    #[test]
    fn rank_order() {
        let a = RankKey {
            primary: 2.0,
            seq: 5,
        };
        let b = RankKey {
            primary: 1.0,
            seq: 1,
        };
        let c = RankKey {
            primary: 2.0,
            seq: 9,
        };
        assert_eq!(a.cmp_rank(&b), Ordering::Greater);
        assert_eq!(a.cmp_rank(&c), Ordering::Greater);
    }
}

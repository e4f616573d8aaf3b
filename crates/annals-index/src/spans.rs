//! Date windows read from the inverted index: each event's span is indexed as one cell, so that
//! a `date:` filter costs what it finds, not a scan of every event.
//!
//! An event spanning the days `lo..=hi` is indexed in one cell of the level whose width is the
//! smallest at least its length (levels are 2^8 days wide, then 8 times wider at each step, up
//! to 2^44 days, more than the age of the universe): the cell is the level and `lo` divided by
//! the width. An event of level `L` that overlaps a window `a..=b` starts between `a - W_L` and
//! `b`, so its cell is one of a run of cells of that level: a window asks each level for one
//! range of terms. The cells whose every event certainly matches (they start inside the window
//! and are too short to leave it, for `within`) are taken whole from their postings; only the
//! few cells at the window's edges are checked against the events' `lo` and `hi` columns.
//! Events open at either end are in a cell of their own, always checked.
//!
//! This is the same idea as Lucene's date-range prefix tree, flattened to one term an event.

use crate::cells::{self, Run};
use crate::schema::fast;
use annals_query::DateMode;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::Field;
use tantivy::{DocId, Score, SegmentReader};

/// log2 of the narrowest level's width, in days.
const BASE: u32 = 8;
/// Each level is 2^STEP times wider than the one below.
const STEP: u32 = 3;
/// Number of levels: the widest is 2^(BASE + STEP * (LEVELS - 1)) = 2^44 days.
const LEVELS: u32 = 13;
/// The level of the events open at either end (or longer than the widest level).
const OPEN: u32 = 15;
/// Offset that makes a level's cell numbers non-negative below 2^57.
const OFFSET: i128 = 1 << 56;

fn width(level: u32) -> i128 {
    1i128 << (BASE + STEP * level)
}

fn encode(level: u32, cell: i128) -> i64 {
    let cell = (cell + OFFSET).clamp(0, (1 << 57) - 1);
    ((i128::from(level) << 57) | cell) as i64
}

/// The cell an event spanning `lo..=hi` (days) is indexed in.
pub fn cell(lo: i64, hi: i64) -> i64 {
    if lo == i64::MIN || hi == i64::MAX {
        return encode(OPEN, 0);
    }
    let length = i128::from(hi) - i128::from(lo);
    match (0..LEVELS).find(|&l| length <= width(l)) {
        Some(level) => encode(level, i128::from(lo).div_euclid(width(level))),
        None => encode(OPEN, 0),
    }
}

/// The runs of cells that hold every event matching `mode` over `a..=b`.
fn runs(a: i64, b: i64, mode: DateMode) -> Vec<Run> {
    let (a, b) = (i128::from(a), i128::from(b));
    let mut out = Vec::new();
    for level in 0..LEVELS {
        let w = width(level);
        // Where the level's events that may match start.
        let (from, to) = match mode {
            DateMode::Overlap => (a - w, b),
            DateMode::Within => (a, b),
        };
        if from > to {
            continue;
        }
        let (first, last) = (from.div_euclid(w), to.div_euclid(w));
        // Cells whose events all match: they start at or after `a`, and end by `b` (overlap:
        // they start by `b`; within: they start and end by `b`, an event being at most `w` long).
        let sure_first = (a + w - 1).div_euclid(w);
        let sure_last = match mode {
            DateMode::Overlap => (b + 1).div_euclid(w) - 1,
            DateMode::Within => (b + 1 - w).div_euclid(w) - 1,
        };
        let (sure_first, sure_last) = (sure_first.max(first), sure_last.min(last));
        let mut push = |x: i128, y: i128, checked: bool| {
            if x <= y {
                out.push(Run {
                    first: encode(level, x),
                    last: encode(level, y),
                    checked,
                });
            }
        };
        if sure_first <= sure_last {
            push(first, sure_first - 1, true);
            push(sure_first, sure_last, false);
            push(sure_last + 1, last, true);
        } else {
            push(first, last, true);
        }
    }
    out.push(Run {
        first: encode(OPEN, 0),
        last: encode(OPEN, 0),
        checked: true,
    });
    out
}

/// Whether an event spanning `lo..=hi` matches `mode` over `a..=b` (an open end of the window
/// is `i64::MIN` or `i64::MAX`, which every day passes).
pub fn matches(lo: i64, hi: i64, a: i64, b: i64, mode: DateMode) -> bool {
    match mode {
        DateMode::Overlap => lo <= b && hi >= a,
        DateMode::Within => lo >= a && hi <= b,
    }
}

/// The events whose dates match `mode` over the days `lo..=hi`.
#[derive(Debug, Clone)]
pub struct DateWindow {
    /// The field of the cells ([`cell`]).
    pub field: Field,
    /// First day of the window (`i64::MIN`: open).
    pub lo: i64,
    /// Last day of the window (`i64::MAX`: open).
    pub hi: i64,
    /// Overlap or within.
    pub mode: DateMode,
}

impl Query for DateWindow {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl DateWindow {
    /// About how many events the window holds in the index (from the term dictionary alone).
    pub fn estimate(&self, searcher: &tantivy::Searcher) -> tantivy::Result<u64> {
        let runs = runs(self.lo, self.hi, self.mode);
        let mut n = 0;
        for reader in searcher.segment_readers() {
            n += cells::estimate(reader, self.field, &runs)?;
        }
        Ok(n)
    }
}

impl Weight for DateWindow {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let columns = reader.fast_fields();
        let (los, his) = (columns.i64(fast::LO)?, columns.i64(fast::HI)?);
        let (a, b, mode) = (self.lo, self.hi, self.mode);
        let check = Box::new(move |doc| match (los.first(doc), his.first(doc)) {
            (Some(lo), Some(hi)) => matches(lo, hi, a, b, mode),
            _ => false,
        });
        cells::scorer(reader, self.field, runs(a, b, mode), check, boost)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        cells::explain(self.scorer(reader, 1.0)?, doc, "DateWindow")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Whether the runs of a window hold an event's cell, and whether unchecked.
    fn found(lo: i64, hi: i64, a: i64, b: i64, mode: DateMode) -> Option<bool> {
        let c = cell(lo, hi);
        runs(a, b, mode)
            .into_iter()
            .find(|r| (r.first..=r.last).contains(&c))
            .map(|r| r.checked)
    }

    fn day() -> impl Strategy<Value = i64> {
        prop_oneof![
            -2000i64..2000,
            -800_000i64..800_000,
            -5_000_000_000_000i64..1_000_000,
            Just(i64::MIN),
            Just(i64::MAX),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// Every matching event is in a run, and an unchecked run holds only matching events.
        #[test]
        fn the_runs_hold_every_match_and_only_checked_doubt(
            x in day(), len in prop_oneof![0i64..400, 0i64..100_000, 0i64..i64::MAX / 4],
            a in day(), wlen in prop_oneof![0i64..1000, 0i64..1_000_000, 0i64..i64::MAX / 4],
            within in any::<bool>(),
        ) {
            let (lo, hi) = (x, if x == i64::MIN { x } else { x.saturating_add(len) });
            let b = a.saturating_add(wlen);
            let mode = if within { DateMode::Within } else { DateMode::Overlap };
            let m = matches(lo, hi, a, b, mode);
            match found(lo, hi, a, b, mode) {
                Some(checked) => prop_assert!(m || checked, "{lo}..{hi} in {a}..{b} {mode:?}"),
                None => prop_assert!(!m, "{lo}..{hi} missed by {a}..{b} {mode:?}"),
            }
        }
    }

    #[test]
    fn a_day_and_a_year_sit_in_the_narrow_levels_and_open_events_apart() {
        assert_eq!(cell(100, 100) >> 57, 0);
        assert_eq!(cell(100, 100 + 256) >> 57, 0);
        assert_eq!(cell(100, 100 + 257) >> 57, 1);
        assert_eq!(cell(i64::MIN, 5) >> 57, i64::from(OPEN));
        assert_eq!(cell(5, i64::MAX) >> 57, i64::from(OPEN));
        // The age of the universe fits the widest level.
        assert_eq!(cell(-5_040_000_000_000, 0) >> 57, 12);
    }

    /// A window over thousands of cells is measured from a sample of them: close to what it
    /// holds, when the events are spread evenly.
    #[test]
    fn a_wide_window_is_estimated_from_a_sample_of_its_cells() {
        let dir = tempfile::tempdir().unwrap();
        let index = crate::SearchIndex::open_or_create(dir.path()).unwrap();
        let first = annals_dates::When::from_edtf("1900-01-01")
            .unwrap()
            .axis_range()
            .0;
        let mut w = index.writer().unwrap();
        for i in 0..3000 {
            let json = serde_json::json!({
                "id": format!("d{i}"),
                "title": format!("Day {i}"),
                "date": annals_dates::DayNumber(first + 16 * i).to_string(),
            });
            let raw: annals_core::RawEvent = serde_json::from_value(json).unwrap();
            w.upsert(&raw.into_event(annals_dates::CalendarHint::Auto).unwrap())
                .unwrap();
        }
        w.commit(1).unwrap();
        index.reload().unwrap();
        let window = DateWindow {
            field: index.fields().span,
            lo: first + 8000,
            hi: first + 8000 + 36_524,
            mode: DateMode::Overlap,
        };
        // More than SAMPLE cells on the finest level: the sample is used.
        assert!(runs(window.lo, window.hi, window.mode)
            .iter()
            .any(|r| r.last - r.first > 100));
        // 36,525 days hold 2,283 events, one every 16 days.
        let estimate = window.estimate(&index.searcher()).unwrap();
        assert!((2000..=2600).contains(&estimate), "{estimate}");
    }

    #[test]
    fn a_narrow_window_reads_few_cells() {
        // 1880..1885 on the day axis: a handful of cells a level, most of them whole.
        let (a, b) = (686_336, 688_526);
        let rs = runs(a, b, DateMode::Overlap);
        let cells: i64 = rs.iter().map(|r| r.last - r.first + 1).sum();
        assert!(cells < 40, "{cells} cells: {rs:?}");
        assert!(rs.iter().any(|r| !r.checked));
    }
}

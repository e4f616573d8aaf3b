//! Columns kept in memory for every event of a segment, packed: the tables of
//! [`crate::timeline::DayOrder`] (every event) and of the located events (`located`) are
//! kept for millions of events, and at ten million their heap decided whether a server fits in
//! 1 GB beside the index pages its answers read (docs/benchmarks.md).
//!
//! - [`Days`]: day numbers in ascending order, 4 bytes each instead of 8.
//! - [`Spans`]: each event's last day as its distance from its first, 4 bytes each when every
//!   distance of the column fits.
//! - [`degrees`] and [`from_degrees`]: a latitude or longitude in ten-millionths of a degree
//!   (1.1 cm), 4 bytes; the same `f64` back for any coordinate written with at most seven
//!   decimals.

/// Day numbers in ascending order, each kept as its low 32 bits; the high 32 bits, the same for
/// long runs of sorted days (every day within 5.8 million years of the epoch has high bits 0 or
/// -1), are kept once per run.
#[derive(Debug, Default)]
pub(crate) struct Days {
    /// Where each run of equal high bits starts, with those bits.
    runs: Vec<(usize, i32)>,
    /// The run of the first day of each block of [`BLOCK`] days: a day is found from it in a
    /// step or two, where a search of the runs took ten for deep time's hundreds of runs (a
    /// map's sample reads days in no order).
    block_run: Vec<u32>,
    low: Vec<u32>,
}

/// Days per entry of [`Days::block_run`] (its cost: 4 bytes every 64 days).
const BLOCK: usize = 64;

impl Days {
    /// The column of `days`, which must be in ascending order (checked in debug builds; a day
    /// out of order would make the searches below answer wrongly).
    pub(crate) fn new(days: impl IntoIterator<Item = i64>) -> Days {
        let mut out = Days::default();
        for (i, day) in days.into_iter().enumerate() {
            let high = (day >> 32) as i32;
            debug_assert!(out.runs.last().is_none_or(|&(_, h)| h <= high));
            if out.runs.last().is_none_or(|&(_, h)| h != high) {
                out.runs.push((i, high));
            }
            if i % BLOCK == 0 {
                out.block_run.push((out.runs.len() - 1) as u32);
            }
            out.low.push(day as u32);
        }
        out.low.shrink_to_fit();
        out.runs.shrink_to_fit();
        out.block_run.shrink_to_fit();
        out
    }

    pub(crate) fn len(&self) -> usize {
        self.low.len()
    }

    /// The day at `i` (panics past the end, like a slice).
    pub(crate) fn get(&self, i: usize) -> i64 {
        let low = self.low[i];
        let mut run = self.block_run[i / BLOCK] as usize;
        while self.runs.get(run + 1).is_some_and(|&(start, _)| start <= i) {
            run += 1;
        }
        (i64::from(self.runs[run].1) << 32) | i64::from(low)
    }

    /// The days at the positions of `range`, in order (a run's high bits looked up once).
    pub(crate) fn values(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = i64> + '_ {
        let (l, r) = (range.start, range.end.min(self.len()));
        self.runs
            .iter()
            .enumerate()
            .flat_map(move |(k, &(start, high))| {
                let end = self.runs.get(k + 1).map_or(self.len(), |&(s, _)| s);
                let high = i64::from(high) << 32;
                (start.max(l)..end.min(r)).map(move |i| high | i64::from(self.low[i]))
            })
    }

    /// The first and the last day.
    pub(crate) fn ends(&self) -> Option<(i64, i64)> {
        (!self.low.is_empty()).then(|| (self.get(0), self.get(self.len() - 1)))
    }

    /// How many days are before `day`.
    pub(crate) fn before(&self, day: i64) -> usize {
        // The runs wholly before `day`'s high bits, then a search of the low bits in its run.
        let high = (day >> 32) as i32;
        let run = self.runs.partition_point(|&(_, h)| h < high);
        let start = self.runs.get(run).map_or(self.len(), |&(s, _)| s);
        match self.runs.get(run) {
            Some(&(_, h)) if h == high => {
                let end = self.runs.get(run + 1).map_or(self.len(), |&(s, _)| s);
                start + self.low[start..end].partition_point(|&l| l < day as u32)
            }
            _ => start,
        }
    }

    /// How many days are on or before `day`.
    pub(crate) fn through(&self, day: i64) -> usize {
        day.checked_add(1)
            .map_or(self.len(), |next| self.before(next))
    }
}

/// Each event's last day, kept as its distance from its first.
#[derive(Debug)]
pub(crate) enum Spans {
    /// Every distance fits in 32 bits (spans under 11.7 million years, none backwards).
    Narrow(Vec<u32>),
    /// Some does not: the last days themselves.
    Wide(Vec<i64>),
}

impl Default for Spans {
    fn default() -> Self {
        Spans::Narrow(Vec::new())
    }
}

impl Spans {
    /// The spans of events given as (first day, last day).
    pub(crate) fn new(ends: &[(i64, i64)]) -> Spans {
        let narrow: Option<Vec<u32>> = ends
            .iter()
            .map(|&(lo, hi)| u32::try_from(i128::from(hi) - i128::from(lo)).ok())
            .collect();
        match narrow {
            Some(v) => Spans::Narrow(v),
            None => Spans::Wide(ends.iter().map(|&(_, hi)| hi).collect()),
        }
    }

    /// The last day of the event at `i`, whose first day is `lo`.
    pub(crate) fn last(&self, i: usize, lo: i64) -> i64 {
        match self {
            // Exact: the distance was measured from this `lo` and fitted.
            Spans::Narrow(v) => lo.wrapping_add(i64::from(v[i])),
            Spans::Wide(v) => v[i],
        }
    }
}

/// A latitude or longitude in ten-millionths of a degree (saturating outside ±214°).
pub(crate) fn degrees(x: f64) -> i32 {
    (x * 1e7).round() as i32
}

/// The coordinate [`degrees`] kept: the nearest `f64` to `d / 10⁷`, which is the `f64` a
/// coordinate of at most seven decimals was parsed to.
pub(crate) fn from_degrees(d: i32) -> f64 {
    f64::from(d) / 1e7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_days_answer_as_a_slice_would() {
        let mut days: Vec<i64> = vec![
            i64::MIN,
            i64::MIN + 1,
            -5_000_000_000_000,
            -(1 << 32) - 1,
            -(1 << 32),
            -3,
            -1,
            0,
            0,
            1,
            738_000,
            (1 << 32) - 1,
            1 << 32,
            9_000_000_000,
            i64::MAX - 1,
            i64::MAX,
        ];
        days.sort();
        let packed = Days::new(days.iter().copied());
        assert_eq!(packed.len(), days.len());
        for (i, &d) in days.iter().enumerate() {
            assert_eq!(packed.get(i), d);
        }
        for (l, r) in [(0, days.len()), (3, 9), (5, 5), (12, days.len() + 4)] {
            let want = &days[l.min(days.len())..r.min(days.len())];
            assert_eq!(packed.values(l..r).collect::<Vec<_>>(), want, "{l}..{r}");
        }
        assert_eq!(packed.ends(), Some((i64::MIN, i64::MAX)));
        let probes = days
            .iter()
            .flat_map(|&d| [d.saturating_sub(1), d, d.saturating_add(1)]);
        for p in probes.chain([-2, 2, 1 << 40]) {
            assert_eq!(packed.before(p), days.partition_point(|&d| d < p), "{p}");
            assert_eq!(packed.through(p), days.partition_point(|&d| d <= p), "{p}");
        }
        assert_eq!(Days::new([]).ends(), None);
        assert_eq!(Days::new([]).before(7), 0);
    }

    #[test]
    fn days_of_many_runs_in_many_blocks() {
        // Deep time: runs of every length, from one day (a run in the middle of a block) to
        // hundreds (a block inside one run).
        let mut days: Vec<i64> = (0..700i64).map(|k| (k - 350) * 3_000_000_007).collect();
        days.extend((0..300).map(|k| 5 * k));
        days.extend((0..200).map(|k| (1 << 33) + k));
        days.sort();
        let packed = Days::new(days.iter().copied());
        for (i, &d) in days.iter().enumerate() {
            assert_eq!(packed.get(i), d, "{i}");
            assert_eq!(packed.before(d), days.partition_point(|&x| x < d));
        }
        assert!(packed.runs.len() > 400 && packed.block_run.len() == days.len().div_ceil(BLOCK));
    }

    #[test]
    fn spans_give_back_every_last_day() {
        let narrow = [
            (0, 0),
            (-10, 5),
            (i64::MIN, i64::MIN + 7),
            (5, 5 + 4_000_000_000),
        ];
        let wide = [(0, 3), (i64::MIN, i64::MAX), (7, 6)];
        for ends in [&narrow[..], &wide[..]] {
            let spans = Spans::new(ends);
            for (i, &(lo, hi)) in ends.iter().enumerate() {
                assert_eq!(spans.last(i, lo), hi);
            }
        }
        assert!(matches!(Spans::new(&narrow), Spans::Narrow(_)));
        assert!(matches!(Spans::new(&wide), Spans::Wide(_)));
    }

    #[test]
    fn coordinates_of_seven_decimals_come_back_the_same() {
        for text in [
            "48.8566",
            "-33.8688",
            "2.3522",
            "180",
            "-180",
            "-90",
            "0.0000001",
            "12.3456789",
        ] {
            let x: f64 = text.parse().unwrap_or_default();
            assert_eq!(from_degrees(degrees(x)), x, "{text}");
        }
        // More decimals: within half a ten-millionth of a degree.
        let x = 48.856_613_999_9;
        assert!((from_degrees(degrees(x)) - x).abs() <= 0.5e-7);
    }
}

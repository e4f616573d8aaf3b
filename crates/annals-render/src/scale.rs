//! The time scale of a timeline figure, the web timeline's (`assets/timeline.js`): "time ago",
//! linear for a window of recorded history and bending smoothly towards a logarithm of the time
//! before the present as the window widens into deep time, so that one figure of billions of
//! years shows the Earth's formation and the twentieth century at once.
//!
//! A(t) is the time before the present plus ten years (past the present it shrinks smoothly
//! towards 0). A window whose oldest day is at most 30 times further back than its newest is
//! linear; beyond, the scale is a Box-Cox power of A that reaches log A at 3,000 times.

const YEAR: f64 = 365.2425;
/// Ten years, in days: what keeps the present itself at a finite distance.
const K0: f64 = 10.0 * YEAR;

/// How a scale draws time: evenly, bent, or as the logarithm of the time before the present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bend {
    /// Equal days take equal room.
    Linear,
    /// Between linear and logarithmic.
    Bent,
    /// Equal ratios of the time before the present take equal room.
    Logarithmic,
}

impl Bend {
    /// Its name, as the web timeline's `data-scale` says it.
    pub fn name(self) -> &'static str {
        match self {
            Bend::Linear => "linear",
            Bend::Bent => "ago",
            Bend::Logarithmic => "log",
        }
    }
}

/// A window of days drawn across `width` pixels from `left`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    p: f64,
    now: f64,
    u0: f64,
    k: f64,
    left: f64,
}

impl Scale {
    /// The scale of the days `lo..hi` across `left..left + width`, counting back from `now`.
    pub fn new(lo: f64, hi: f64, now: i64, left: f64, width: f64) -> Scale {
        let now = now as f64;
        let hi = if hi > lo { hi } else { lo + 1.0 };
        let r = ago(lo, now) / ago(hi, now);
        let p = if r <= 30.0 {
            1.0
        } else if r >= 3000.0 {
            0.0
        } else {
            1.0 - (r / 30.0).log10() / 2.0
        };
        let mut s = Scale {
            p,
            now,
            u0: 0.0,
            k: 1.0,
            left,
        };
        let (u0, u1) = (s.u(lo), s.u(hi));
        s.u0 = u0;
        s.k = width / (u1 - u0);
        s
    }

    /// How it draws time.
    pub fn bend(&self) -> Bend {
        if self.p >= 1.0 {
            Bend::Linear
        } else if self.p <= 0.0 {
            Bend::Logarithmic
        } else {
            Bend::Bent
        }
    }

    /// Where a day is drawn.
    pub fn x(&self, day: f64) -> f64 {
        self.left + (self.u(day) - self.u0) * self.k
    }

    /// The day drawn at `x`.
    pub fn day(&self, x: f64) -> f64 {
        self.u_inv(self.u0 + (x - self.left) / self.k)
    }

    fn u(&self, t: f64) -> f64 {
        match self.p {
            p if p >= 1.0 => t,
            p if p <= 0.0 => -ago(t, self.now).ln(),
            p => -ago(t, self.now).powf(p) / p,
        }
    }

    fn u_inv(&self, u: f64) -> f64 {
        let p = self.p;
        if p >= 1.0 {
            return u;
        }
        let a = if p <= 0.0 {
            (-u).exp()
        } else if -u * p > 0.0 {
            (-u * p).powf(1.0 / p)
        } else {
            0.0
        };
        if a.is_nan() || a <= 0.0 {
            return f64::MAX;
        }
        if !a.is_finite() {
            return f64::MIN;
        }
        if a >= K0 {
            self.now + K0 - a
        } else {
            self.now - K0 * (a / K0).ln()
        }
    }
}

/// The time before `now` of day `t`, plus ten years; past `now`, shrinking towards 0.
fn ago(t: f64, now: f64) -> f64 {
    if t <= now {
        now - t + K0
    } else {
        K0 * (-(t - now) / K0).exp()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::axis::year_day;

    /// The present of these tests: 1 January 2027.
    fn now() -> i64 {
        year_day(2027)
    }

    #[test]
    fn recorded_history_is_linear() {
        let (lo, hi) = (year_day(-799) as f64, year_day(500) as f64);
        let s = Scale::new(lo, hi, now(), 48.0, 1000.0);
        assert_eq!(s.bend(), Bend::Linear);
        assert!((s.x(lo) - 48.0).abs() < 1e-9 && (s.x(hi) - 1048.0).abs() < 1e-9);
        let mid = (lo + hi) / 2.0;
        assert!((s.x(mid) - 548.0).abs() < 1e-6);
    }

    #[test]
    fn deep_time_is_logarithmic_and_keeps_the_last_century() {
        let (lo, hi) = (year_day(-13_800_000_000) as f64, year_day(2030) as f64);
        let s = Scale::new(lo, hi, now(), 0.0, 1000.0);
        assert_eq!(s.bend(), Bend::Logarithmic);
        // the twentieth century takes room of its own, at the right
        let c20 = s.x(year_day(2000) as f64) - s.x(year_day(1900) as f64);
        assert!(c20 > 20.0, "{c20}");
        // each factor of ten back takes the same room
        let e = |y: i64| s.x(year_day(y) as f64);
        let (a, b) = (
            e(-1_000_000) - e(-10_000_000),
            e(-10_000_000) - e(-100_000_000),
        );
        assert!((a - b).abs() < 1.0, "{a} {b}");
    }

    #[test]
    fn between_them_it_bends_and_x_and_day_are_inverse() {
        let (lo, hi) = (year_day(-20_000) as f64, year_day(1900) as f64);
        let s = Scale::new(lo, hi, now(), 10.0, 800.0);
        assert_eq!(s.bend(), Bend::Bent);
        for x in [10.0, 200.0, 512.5, 809.0] {
            assert!((s.x(s.day(x)) - x).abs() < 1e-6, "{x}");
        }
        // later days take more room than earlier ones
        let first = s.x(lo + 3652.0) - s.x(lo);
        let last = s.x(hi) - s.x(hi - 3652.0);
        assert!(last > first * 2.0, "{first} {last}");
        // and the future, past the present, still has a place
        let f = Scale::new(lo, year_day(2100) as f64, now(), 0.0, 800.0);
        assert!(
            f.x(year_day(2050) as f64) < 800.0 && f.x(year_day(2050) as f64) > f.x(now() as f64)
        );
        assert!((f.day(f.x(year_day(2050) as f64)) - year_day(2050) as f64).abs() < 1.0);
    }
}

//! EDTF parsing speed: our adapter (`annals_dates::Edtf::parse`) against the raw parser it wraps
//! (`edtf_core::Edtf::parse`), on the same realistic mix of strings, in the same run.
//!
//! ```text
//! cargo run --release -p annals-dates --example bench_parse [-- ROUNDS]
//! ```
//!
//! Each run parses the mix ROUNDS times (default 20,000 × 40 strings = 800,000 parses) with
//! each parser, alternating; the medians of 5 runs are printed. Target: 2 million strings/s.
//! For scale, it also times `When::from_edtf`, which adds bounds, canonical form and precision.

use std::hint::black_box;
use std::time::Instant;

/// Day dates, years, intervals, qualified, masks, seasons, sets, deep time, negative masks
/// (our extension, rewritten before parsing), and a few invalid strings.
const MIX: &[&str] = &[
    "1960-01-19",
    "1453-05-29",
    "-0043-03-13",
    "2004-02-29",
    "1985-04-12T23:20:30Z",
    "1949",
    "0476",
    "-0333",
    "1985-04",
    "1914/1918",
    "1884-11-15/1885-02-26",
    "1939-09-01/1945-09-02",
    "-0499/-0400",
    "1950/..",
    "../1760-12-03",
    "1950/",
    "1984?",
    "2004-06~",
    "1500~/1600~",
    "2004?-06-~11",
    "-1199~",
    "196X",
    "18XX",
    "1XXX",
    "156X-12-25",
    "1985-XX-XX",
    "1943-21",
    "2001-37",
    "[1667,1668,1670..1672]",
    "[..1199]",
    "{1960,1961-12}",
    "Y-66000000S2",
    "Y-4540000000S3",
    "Y-13800000000",
    "Y-17E7",
    "Y-10950",
    "-01XX",
    "-019X",
    "1960-02-30",
    "not a date",
];

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn run(rounds: usize, mut parse: impl FnMut(&str) -> bool) -> f64 {
    let start = Instant::now();
    let mut ok = 0usize;
    for _ in 0..rounds {
        for s in MIX {
            ok += usize::from(parse(black_box(s)));
        }
    }
    black_box(ok);
    (rounds * MIX.len()) as f64 / start.elapsed().as_secs_f64()
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("ROUNDS must be a number"))
        .unwrap_or(20_000);
    // Warm up both, and check they agree on validity wherever we do not rewrite.
    for s in MIX {
        let ours = annals_dates::Edtf::parse(s).is_ok();
        let raw = edtf_core::Edtf::parse(s).is_ok();
        assert!(
            ours == raw || s.starts_with('-'),
            "{s}: ours {ours}, raw {raw}"
        );
    }
    let (mut ours, mut raw, mut when) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..5 {
        ours.push(run(rounds, |s| annals_dates::Edtf::parse(s).is_ok()));
        raw.push(run(rounds, |s| edtf_core::Edtf::parse(s).is_ok()));
        when.push(run(rounds, |s| annals_dates::When::from_edtf(s).is_ok()));
    }
    let (o, r, w) = (median(ours), median(raw), median(when));
    println!(
        "EDTF parse, {} strings × {rounds} rounds, median of 5 runs:",
        MIX.len()
    );
    println!("  annals_dates::Edtf::parse  {:>12.0} strings/s", o);
    println!("  edtf_core::Edtf::parse     {:>12.0} strings/s", r);
    println!("  adapter / raw              {:>12.2}", o / r);
    println!(
        "  When::from_edtf            {:>12.0} strings/s (parse, bounds, canonical, precision)",
        w
    );
    println!(
        "  target 2,000,000 strings/s: {}",
        if o >= 2_000_000.0 { "met" } else { "NOT met" }
    );
}

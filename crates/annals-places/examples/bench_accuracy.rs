//! Gazetteer accuracy on place strings with known coordinates (`bench/places/places.tsv`, written
//! by the project): located share, median error, share more than 500 km off, and the places that
//! must stay unresolved.
//!
//! ```sh
//! cargo run --release -p annals-places --example bench_accuracy [-- bench/places/places.tsv] [--verbose]
//! ```

use annals_places::{distance_km, Gazetteer};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| {
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../bench/places/places.tsv").to_string()
        });
    let text = std::fs::read_to_string(&path)?;
    let t = Instant::now();
    let g = Gazetteer::get();
    println!(
        "load: {:.1} ms ({} populated places, {} countries, {} regions, {} features)",
        t.elapsed().as_secs_f64() * 1e3,
        g.city_count(),
        g.country_count(),
        g.region_count(),
        g.feature_count()
    );
    let (mut n, mut located, mut far) = (0usize, 0usize, 0usize);
    let (mut neg, mut neg_ok) = (0usize, 0usize);
    let mut errors: Vec<f64> = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 3 {
            continue;
        }
        let hit = g.resolve(f[0], "");
        if f[1] == "-" {
            neg += 1;
            if hit.is_none() {
                neg_ok += 1;
            } else if verbose {
                println!("WRONG  {:40} resolved to {:?}", f[0], hit.map(|h| h.name));
            }
            continue;
        }
        let (Ok(lat), Ok(lon)) = (f[1].parse::<f64>(), f[2].parse::<f64>()) else {
            continue;
        };
        n += 1;
        match hit {
            Some(h) => {
                located += 1;
                let d = distance_km(lat, lon, h.lat, h.lon);
                errors.push(d);
                if d > 500.0 {
                    far += 1;
                }
                if verbose && d > 100.0 {
                    println!(
                        "FAR    {:40} {:7.0} km  {} ({}) {:.2} {}",
                        f[0], d, h.name, h.country_code, h.confidence, h.reason
                    );
                }
            }
            None if verbose => println!("MISS   {:40} {}", f[0], g.explain(f[0], "")),
            None => {}
        }
    }
    errors.sort_by(f64::total_cmp);
    let median = errors.get(errors.len() / 2).copied().unwrap_or(f64::NAN);
    println!(
        "{n} places with coordinates: {located} located ({:.1} %), median error {median:.1} km, {far} more than 500 km off ({:.1} % of all, {:.1} % of located)",
        100.0 * located as f64 / n.max(1) as f64,
        100.0 * far as f64 / n.max(1) as f64,
        100.0 * far as f64 / located.max(1) as f64,
    );
    println!("{neg} places that must stay unresolved: {neg_ok} did");
    Ok(())
}

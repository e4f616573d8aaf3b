//! Place-resolution throughput: loads the gazetteer (timing the first, lazy load) and resolves
//! 200,000 mixed names, printing names per second.
//!
//! ```sh
//! CARGO_TARGET_DIR=/tmp/target-places cargo run --release -p annals-places --example bench_resolve
//! ```
//!
//! The mix is deterministic (a fixed LCG over the embedded tables): 35% a city's GeoNames name
//! alone, 20% a name with its country as the separate field, 10% "City, Country" in one string,
//! 10% an alternate name, 10% "City, ST" for US cities, 15% unknown made-up names.

use annals_places::Gazetteer;
use std::collections::HashMap;
use std::time::Instant;

const CITIES_ZST: &[u8] = include_bytes!("../data/cities.tsv.zst");
const COUNTRIES: &str = include_str!("../data/countries.tsv");
const N: usize = 200_000;

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let t = Instant::now();
    let g = Gazetteer::get();
    let load = t.elapsed();
    println!(
        "load: {:.1} ms ({} cities, {} countries)",
        load.as_secs_f64() * 1e3,
        g.city_count(),
        g.country_count()
    );

    let country_name: HashMap<&str, &str> = COUNTRIES
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() > 3).then(|| (f[0], f[3]))
        })
        .collect();
    let cities = String::from_utf8(zstd::decode_all(CITIES_ZST)?)?;
    let rows: Vec<Vec<&str>> = cities.lines().map(|l| l.split('\t').collect()).collect();
    let us: Vec<&Vec<&str>> = rows.iter().filter(|r| r[4] == "US").collect();
    let syllables = [
        "ka", "lor", "vin", "dra", "mel", "tho", "qua", "zer", "iss", "ban", "ur",
    ];

    let mut rng = Lcg(20240601);
    let mut queries: Vec<(String, String)> = Vec::with_capacity(N);
    let mut expected: Vec<u64> = Vec::with_capacity(N);
    for _ in 0..N {
        let r = &rows[rng.below(rows.len())];
        let id: u64 = r[0].parse().unwrap_or(0);
        let country = country_name.get(r[4]).copied().unwrap_or(r[4]);
        let (name, field, want) = match rng.below(100) {
            0..=34 => (r[1].to_string(), String::new(), id),
            35..=54 => (r[1].to_string(), country.to_string(), id),
            55..=64 => (format!("{}, {}", r[1], country), String::new(), id),
            65..=74 => {
                let alts: Vec<&str> = r
                    .get(7)
                    .into_iter()
                    .flat_map(|a| a.split('|'))
                    .filter(|a| !a.is_empty())
                    .collect();
                let a = if alts.is_empty() {
                    r[1]
                } else {
                    alts[rng.below(alts.len())]
                };
                (a.to_string(), String::new(), id)
            }
            75..=84 => {
                let u = us[rng.below(us.len())];
                (
                    format!("{}, {}", u[1], u[5]),
                    String::new(),
                    u[0].parse().unwrap_or(0),
                )
            }
            _ => {
                let mut s = String::new();
                for _ in 0..3 + rng.below(3) {
                    s.push_str(syllables[rng.below(syllables.len())]);
                }
                s[..1].make_ascii_uppercase();
                (format!("{s}ville"), String::new(), 0)
            }
        };
        queries.push((name, field));
        expected.push(want);
    }

    let t = Instant::now();
    let mut hits = 0usize;
    let mut same = 0usize;
    for ((name, country), &want) in queries.iter().zip(&expected) {
        if let Some(h) = g.resolve(name, country) {
            hits += 1;
            same += usize::from(h.geonames_id == Some(want));
        }
    }
    let dt = t.elapsed().as_secs_f64();
    println!(
        "resolved {N} names in {:.1} ms: {:.0} names/s, {} hits ({:.1}%)",
        dt * 1e3,
        N as f64 / dt,
        hits,
        100.0 * hits as f64 / N as f64
    );
    let known = expected.iter().filter(|&&e| e != 0).count();
    println!(
        "{same} of {known} known-place queries ({:.1}%) gave the very row they were made from \
         (the rest: another place of the same name that ranks higher)",
        100.0 * same as f64 / known as f64
    );
    Ok(())
}
